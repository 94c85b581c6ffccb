/**
 * Layout of what an import added (issue 6 §5): ELK layered, left to right, with one partition per
 * system column (physical network, vSphere, load balancers and NSX-T, clusters, Kubernetes), so an
 * imported design reads like the seeds' figures. Elements that were already on the canvas stay put;
 * the new ones are placed below them.
 */
import * as elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkNode } from 'elkjs/lib/elk-api.js';
import { kindInfo, referenceFields, readPath, type SystemId, type TopologyDocument } from '@viplane/model';

type ElkCtor = new () => ElkApi;
const mod = elkModule as unknown as { default?: ElkCtor | { default?: ElkCtor } };
const Elk = (typeof mod.default === 'function' ? mod.default : (mod.default?.default ?? (elkModule as unknown as ElkCtor))) as ElkCtor;

const PARTITION: Record<SystemId, number> = {
  physical: 0,
  vsphere: 1,
  'nsx-alb': 2,
  haproxy: 2,
  nsxt: 2,
  aci: 2,
  tkg: 3,
  tanzu: 3,
  kubernetes: 4,
};
/** The canvas node's footprint (apps/web node cards are about 212 x 72). */
const NODE = { width: 220, height: 80 };
const GAP = 160;

/** Positions for the elements in `ids` (the import's new ones); the rest keep theirs. */
export async function layoutElements(document: TopologyDocument, ids: ReadonlySet<string>): Promise<TopologyDocument> {
  const placed = document.elements.filter((e) => ids.has(e.id));
  if (placed.length === 0) return document;
  const inGraph = new Set(placed.map((e) => e.id));
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const e of placed)
    for (const field of referenceFields[e.kind] ?? []) {
      const value = readPath(e.props, field.path);
      for (const target of Array.isArray(value) ? value : [value])
        if (typeof target === 'string' && inGraph.has(target))
          edges.push({ id: `${e.id}:${field.path}:${target}`, sources: [e.id], targets: [target] });
    }
  for (const l of document.links)
    if (inGraph.has(l.from) && inGraph.has(l.to)) edges.push({ id: l.id, sources: [l.from], targets: [l.to] });

  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: placed.map((e) => ({
      id: e.id,
      ...NODE,
      // Clusters point at networks; a reversed partition order keeps networks left of their users.
      layoutOptions: { 'elk.partitioning.partition': String(4 - PARTITION[kindInfo[e.kind].system]) },
    })),
    edges,
  };
  const result = await new Elk().layout(graph);
  const others = document.elements.filter((e) => !ids.has(e.id));
  const top = others.length === 0 ? 0 : Math.max(...others.map((e) => e.position.y)) + NODE.height + GAP;
  const left = others.length === 0 ? 0 : Math.min(...others.map((e) => e.position.x));
  const positions = new Map(
    (result.children ?? []).map((c) => [c.id, { x: Math.round(left + (c.x ?? 0)), y: Math.round(top + (c.y ?? 0)) }]),
  );
  return { ...document, elements: document.elements.map((e) => (positions.has(e.id) ? { ...e, position: positions.get(e.id)! } : e)) };
}
