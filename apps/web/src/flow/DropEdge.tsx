/**
 * An interface (or a reference to a network) in the network view: a vertical drop from its
 * element to the bus, at the x of its own handle on the bus (busMapping.ts), so it is straight,
 * orthogonal and never shares a line with another drop. Its address is written along it.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, Position, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { useBadge } from '../store/diagnostics.ts';
import { useUi } from '../store/ui.ts';
import { editor, useEditor } from '../store/editor.ts';
import { FAR_ZOOM } from './ElementNode.tsx';
import { NODE_HEIGHT, type ConnectionEdge } from './mapping.ts';
import type { BusNodeData } from './busMapping.ts';

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** O(1): this selector runs for every drop on every React Flow store update. */
function labelYOf(bus: Record<string, unknown> | undefined, edgeId: string): number | null {
  return (bus as Partial<BusNodeData> | undefined)?.labelYs?.get(edgeId) ?? null;
}

/** React Flow's reconnect anchor sits this far from the handle, on the handle's side (its default radius, Canvas reconnectRadius). */
const ANCHOR_SHIFT = 12;

function DropEdgeView({ id, source, target, data, selected, targetX, targetY, targetPosition }: EdgeProps<ConnectionEdge>) {
  const far = useStore(isFar);
  const readOnly = useEditor((s) => s.readOnly);
  const badge = useBadge(id);
  const tone = useUi((s) => (s.highlight.has(id) ? s.highlightTone : null));
  // The element's box: the drop leaves its bottom (bus below) or its top (bus above).
  const node = useStore((s: ReactFlowState) => s.nodeLookup.get(source));
  // Where busMapping.ts placed the address label, clear of every box and label (labels.ts).
  const labelY = useStore((s: ReactFlowState) => labelYOf(s.nodeLookup.get(target)?.data, id));
  if (!node) return null;
  const top = node.internals.positionAbsolute.y;
  const bottom = top + (node.measured.height ?? NODE_HEIGHT);
  const y1 = targetY >= bottom ? bottom : targetY <= top ? top : targetY;
  const path = `M ${targetX} ${y1} L ${targetX} ${targetY}`;
  const isRef = data?.kind === 'ref';
  const color =
    tone === 'trace' ? 'var(--success)' : tone === 'problem' || badge?.error ? 'var(--error)' : `var(--role-${data?.role ?? 'member'})`;
  const width = tone ? 3 : selected ? 2.5 : isRef ? 1.25 : 1.75;
  const showLabel = !far && data && data.kind === 'nic' && labelY !== null;
  const labelTone = tone === 'trace' ? ' trace' : badge?.error ? ' error' : badge?.warning ? ' warning' : '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={10}
        style={{
          stroke: color,
          strokeWidth: width,
          strokeDasharray: isRef ? '5 3' : undefined,
          opacity: isRef && !selected && !tone ? 0.7 : 1,
        }}
      />
      {selected && !readOnly && (
        // Where React Flow's reconnect anchor is: on the drop, just off the bus.
        <circle
          className="vp-edge-grip"
          cx={targetX}
          cy={targetY + (targetPosition === Position.Bottom ? ANCHOR_SHIFT : -ANCHOR_SHIFT)}
          r={5}
          data-testid={`edge-grip-target-${id}`}
        />
      )}
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`vp-edge-label vp-drop-label nodrag nopan${selected ? ' selected' : ''}${data.label === 'pool' || data.label === 'dhcp' || data.label === 'no address' ? ' muted' : ''}${labelTone}`}
            style={{ transform: `translate(-50%, -50%) translate(${targetX}px, ${labelY}px) rotate(-90deg)` }}
            data-testid={`edge-label-${data.linkId}`}
            onClick={() => editor().select([], [id])}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const DropEdge = memo(DropEdgeView);
