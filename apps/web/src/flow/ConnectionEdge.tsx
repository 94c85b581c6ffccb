/**
 * The one custom edge: role colour, NIC address label, badge and highlight by narrow selectors.
 * In the network view it draws the orthogonal route the connector router found (routing/) while
 * its ends are where they were routed; until then (a new connector, or its element dragged), a
 * provisional step path (routing/provisional.ts). The free graph keeps its straight floating edges.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { floatingEdge, type Box } from './geometry.ts';
import { useBadge } from '../store/diagnostics.ts';
import { useUi } from '../store/ui.ts';
import { editor, useEditor } from '../store/editor.ts';
import { FAR_ZOOM } from './ElementNode.tsx';
import { NODE_HEIGHT, NODE_WIDTH, type ConnectionEdge } from './mapping.ts';
import { CommentMarker } from '../comments/CommentMarker.tsx';
import { useMarker } from '../comments/store.ts';
import { useConnectorRoutes } from './routing/client.ts';
import { routeKey } from './routing/scheduler.ts';
import { connectorLabel } from './routing/adapters.ts';
import { longestSegmentMiddle } from './routing/labels.ts';
import { provisionalEdge } from './routing/provisional.ts';
import { useCanvasView } from '../store/canvasView.ts';

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/**
 * The node's internal record: React Flow replaces it when the node moves or is measured, so
 * selecting it by identity re-renders the edge exactly then, with no allocation per store update.
 */
function useBox(id: string): Box | null {
  const n = useStore((s: ReactFlowState) => s.nodeLookup.get(id));
  if (!n) return null;
  const p = n.internals.positionAbsolute;
  // A bus declares its size (busMapping.ts), as the connector router reads it (routing/adapters.ts).
  return { x: p.x, y: p.y, w: n.width ?? n.measured.width ?? NODE_WIDTH, h: n.height ?? n.measured.height ?? NODE_HEIGHT };
}

function ConnectionEdgeView({ id, source, target, data, selected, sourceX, sourceY, targetX, targetY }: EdgeProps<ConnectionEdge>) {
  const far = useStore(isFar);
  const readOnly = useEditor((s) => s.readOnly);
  const badge = useBadge(id);
  const tone = useUi((s) => (s.highlight.has(id) ? s.highlightTone : null));
  const hasComments = useMarker(id) !== undefined;
  const sourceBox = useBox(source);
  const targetBox = useBox(target);
  const network = useCanvasView((s) => s.view === 'network');
  const routed = useConnectorRoutes((s) => (network ? s.routes.get(id) : undefined));
  if (!sourceBox || !targetBox) return null;
  const route = routed && routed.key === routeKey(sourceBox, targetBox) ? routed : null;
  // Network view: a step path until routed (parallel connectors are spread by the router then).
  let { path, labelX, labelY } = network
    ? provisionalEdge(sourceBox, targetBox)
    : floatingEdge(sourceBox, targetBox, data?.pi ?? 0, data?.pn ?? 1);
  // A routed label has a free place of its own; none found, it is drawn only while selected.
  let labelFree = true;
  if (route) {
    path = route.path;
    const at = route.label ?? longestSegmentMiddle(route.points);
    labelFree = route.label !== null;
    labelX = at.x;
    labelY = at.y;
  }
  const isRef = data?.kind === 'ref';
  const color =
    tone === 'trace' ? 'var(--success)' : tone === 'problem' || badge?.error ? 'var(--error)' : `var(--role-${data?.role ?? 'member'})`;
  const width = tone ? 3 : selected ? 2.5 : isRef ? 1.25 : 1.75;
  const label = connectorLabel(data);
  const showLabel = !far && label !== null && (labelFree || selected);
  const labelTone = tone === 'trace' ? ' trace' : badge?.error ? ' error' : badge?.warning ? ' warning' : '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={14}
        style={{ stroke: color, strokeWidth: width, opacity: isRef && !selected && !tone ? 0.55 : 1 }}
        // The routed polyline, for tests and tools that check the geometry (the path has curves).
        data-route={route ? route.points.map((p) => `${p.x},${p.y}`).join(' ') : undefined}
        data-source={source}
        data-target={target}
      />
      {selected && !readOnly && (
        // Where React Flow's reconnect anchors are (its handle positions): drag one to move that end.
        <>
          <circle className="vp-edge-grip" cx={sourceX} cy={sourceY} r={5} data-testid={`edge-grip-source-${id}`} />
          <circle className="vp-edge-grip" cx={targetX} cy={targetY} r={5} data-testid={`edge-grip-target-${id}`} />
        </>
      )}
      {hasComments && !far && (
        <EdgeLabelRenderer>
          <div className="vp-edge-comment" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY - 22}px)` }}>
            <CommentMarker canvasId={id} name={`the connection ${data?.label ?? ''}`.trim()} />
          </div>
        </EdgeLabelRenderer>
      )}
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`vp-edge-label nodrag nopan${selected ? ' selected' : ''}${label === 'pool' || label === 'dhcp' || label === 'no address' ? ' muted' : ''}${labelTone}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${data?.linkId}`}
            onClick={() => editor().select([], [id])}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ConnectionEdgeComponent = memo(ConnectionEdgeView);
