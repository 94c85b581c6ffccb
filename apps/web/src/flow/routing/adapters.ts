/** The network view's nodes and edges as the connector router sees them. */
import { BUS_HEIGHT, type NetworkViewNode } from '../busMapping.ts';
import { NODE_HEIGHT, NODE_WIDTH, type ConnectionEdge, type ConnectionEdgeData } from '../mapping.ts';
import type { RoutingBox } from './obstacles.ts';
import type { EdgeLike } from './scheduler.ts';

export function routingBoxOf(n: NetworkViewNode): RoutingBox {
  if (n.type === 'bus')
    return { id: n.id, x: n.position.x, y: n.position.y, w: n.width ?? 0, h: BUS_HEIGHT, dropXs: n.data.drops.map((d) => d.x) };
  return { id: n.id, x: n.position.x, y: n.position.y, w: n.measured?.width ?? NODE_WIDTH, h: n.measured?.height ?? NODE_HEIGHT };
}

/** The text a connection edge writes on itself (an interface's address), if any. */
export function connectorLabel(data: ConnectionEdgeData | undefined): string | null {
  return data && data.kind === 'nic' && data.label ? data.label : null;
}

/** Drops are straight by construction (busMapping.ts): only connection edges are routed. */
export function routingEdgeOf(e: ConnectionEdge): EdgeLike | null {
  return e.type === 'connection' ? { id: e.id, source: e.source, target: e.target, label: connectorLabel(e.data) } : null;
}
