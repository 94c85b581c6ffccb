/**
 * The network view's containers (containers.ts) drawn behind the buses and elements: a frame per
 * system group and per non-default routing domain, in the viewport (so they pan, zoom and follow
 * a drag with the nodes), under everything (z-index -1 in the viewport's stacking context) and
 * transparent to the pointer except for their label. A frame is not a design element: its label
 * is a button that selects the frame's members (read-only too: selecting is looking).
 */
import { memo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { editor } from '../store/editor.ts';
import type { Frame } from './containers.ts';

function FrameLayerView({ frames }: { frames: readonly Frame[] }) {
  return (
    <ViewportPortal>
      <div className="vp-frames" data-testid="frames">
        {frames.map((f) => (
          <div
            key={f.id}
            className={`vp-frame vp-frame-${f.kind}`}
            data-testid={`frame-${f.id}`}
            data-members={f.members.length}
            style={{ transform: `translate(${f.x}px, ${f.y}px)`, width: f.width, height: f.height }}
          >
            <button
              type="button"
              className="vp-frame-label nodrag nopan"
              data-testid={`frame-label-${f.id}`}
              title={f.label}
              aria-label={`${f.kind === 'domain' ? '' : 'Group '}${f.label}: select its ${f.members.length} element${f.members.length === 1 ? '' : 's'}`}
              style={{ left: f.labelBox.x - f.x, top: f.labelBox.y - f.y, width: f.labelBox.width, height: f.labelBox.height }}
              onClick={() => editor().select(f.members, [])}
            >
              {f.label}
            </button>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}

export const FrameLayer = memo(FrameLayerView);
