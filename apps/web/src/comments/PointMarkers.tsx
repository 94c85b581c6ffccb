/**
 * Markers of the threads pinned to canvas points: drawn inside React Flow's viewport (a
 * ViewportPortal, like the live cursors), so they move with pan and zoom in both views, but they
 * are no nodes: never selected, dragged or saved with the design. A marker keeps its size on
 * screen (scaled by 1/zoom from its pin tip) and opens its first thread in the Comments panel.
 */
import { memo } from 'react';
import { ViewportPortal, useStore, type ReactFlowState } from '@xyflow/react';
import { IconComment } from '../components/icons.tsx';
import { openThread } from './CommentMarker.tsx';
import { useCommentUi } from './store.ts';
import { pointMarkerLabel, type PointMarker } from './threads.ts';

const zoomOf = (s: ReactFlowState) => s.transform[2];

function PointMarkerView({ marker, zoom }: { marker: PointMarker; zoom: number }) {
  const resolvedOnly = marker.open === 0;
  const label = pointMarkerLabel(marker);
  return (
    <div className="vp-point-comment" style={{ transform: `translate(${marker.x}px, ${marker.y}px) scale(${1 / zoom})` }}>
      <button
        className={`vp-comment-marker vp-point-marker nodrag nopan nowheel${resolvedOnly ? ' resolved' : ''}`}
        aria-label={label}
        title={label}
        data-testid={`comment-${marker.key}`}
        data-open={marker.open}
        onClick={(e) => {
          e.stopPropagation();
          if (useCommentUi.getState().filter !== 'all') useCommentUi.setState({ filter: resolvedOnly ? 'resolved' : 'open' });
          openThread(marker.firstThreadId);
        }}
        onContextMenu={(e) => e.stopPropagation()}
      >
        <IconComment width={12} height={12} aria-hidden />
        {resolvedOnly ? '✓' : marker.open}
      </button>
    </div>
  );
}

const PointMarkerItem = memo(PointMarkerView);

export function PointMarkers() {
  const points = useCommentUi((s) => s.points);
  const zoom = useStore(zoomOf);
  if (points.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="vp-point-comments" role="group" aria-label="Comments on the canvas">
        {points.map((m) => (
          <PointMarkerItem key={m.key} marker={m} zoom={zoom} />
        ))}
      </div>
    </ViewportPortal>
  );
}
