/**
 * Auto-layout off the main thread (performance.md §3.1: layout of thousands of nodes takes
 * seconds). ELK layered, left to right: NIC holders and referrers on the left, the networks
 * they attach to on their right.
 */
import * as elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

type ElkCtor = new () => ElkApi;
const mod = elkModule as unknown as { default?: ElkCtor | { default?: ElkCtor } };
const Ctor = (typeof mod.default === 'function' ? mod.default : (mod.default?.default ?? (elkModule as unknown as ElkCtor))) as ElkCtor;
const elk = new Ctor();

interface WorkerScope {
  postMessage(message: LayoutResponse | { ready: true }): void;
  onmessage: unknown;
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
// ELK's in-thread worker shim claims `self.onmessage` when it loads; this worker answers on its own listener.
scope.onmessage = null;

scope.addEventListener('message', async (event) => {
  const { requestId, nodes, edges } = event.data;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.componentComponent': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
      'elk.separateConnectedComponents': 'true',
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  try {
    const result = await elk.layout(graph);
    const positions: Record<string, { x: number; y: number }> = {};
    for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
    scope.postMessage({ requestId, positions });
  } catch (err) {
    scope.postMessage({ requestId, error: err instanceof Error ? err.message : String(err) });
  }
});
scope.postMessage({ ready: true });
