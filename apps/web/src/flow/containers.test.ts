import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { addElement, addLink, emptyDocument, moveElements, setProp, setReference, type Doc } from '../document/edits.ts';
import { framesOf, type Box, type Frame } from './containers.ts';
import { NetworkNodeMapper, type BusFlowNode } from './busMapping.ts';
import { busLayout } from '../layout/busLayout.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './mapping.ts';

const noMeasure = new Map();

function busesOf(doc: Doc): Map<string, Box> {
  const nodes = new NetworkNodeMapper().map(doc.elements, doc.links, new Set(), noMeasure);
  const out = new Map<string, Box>();
  for (const n of nodes)
    if (n.type === 'bus') out.set(n.id, { x: n.position.x, y: n.position.y, width: (n as BusFlowNode).width!, height: n.height! });
  return out;
}
const frames = (doc: Doc) => framesOf(doc.elements, noMeasure, busesOf(doc));
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Two TKG management clusters, each with a workload cluster, an NSX-ALB pair, and two VRFs. */
function estate(): Doc {
  let doc = emptyDocument();
  doc = addElement(doc, 'portGroup', { x: 0, y: 300 }).doc; // pg-1
  doc = addElement(doc, 'portGroup', { x: 0, y: 400 }).doc; // pg-2
  doc = addElement(doc, 'router', { x: 0, y: 0 }).doc; // router-1
  doc = addElement(doc, 'aviController', { x: 300, y: 0 }).doc;
  doc = addElement(doc, 'seGroup', { x: 600, y: 0 }).doc;
  for (let i = 0; i < 4; i++) doc = addElement(doc, 'tkgCluster', { x: i * 300, y: 700 }).doc;
  doc = setProp(doc, 'tkg-1', ['role'], 'management');
  doc = setProp(doc, 'tkg-2', ['role'], 'management');
  doc = setProp(doc, 'tkg-3', ['role'], 'workload');
  doc = setProp(doc, 'tkg-4', ['role'], 'workload');
  doc = setReference(doc, 'tkg-3', 'managementClusterId', 'tkg-1');
  doc = setReference(doc, 'tkg-4', 'managementClusterId', 'tkg-2');
  doc = setReference(doc, 'tkg-1', 'nodeNetworkId', 'pg-2');
  doc = setReference(doc, 'se-group-1', 'controllerId', 'avi-ctrl-1');
  doc = addLink(doc, {
    kind: 'nic',
    from: 'router-1',
    to: 'pg-2',
    role: 'routed',
    address: '10.2.0.1',
    addressMode: 'static',
    gateway: null,
  }).doc;
  return doc;
}

describe('network view containers', () => {
  it('frames each system group, and each TKG management cluster with its workload clusters', () => {
    const doc = estate();
    const fs = frames(moveElements(doc, busLayout(doc, noMeasure)));
    const byId = new Map(fs.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(['system:nsx-alb', 'system:physical', 'tkg:tkg-1', 'tkg:tkg-2']);
    expect(byId.get('system:nsx-alb')!.members.sort()).toEqual(['avi-ctrl-1', 'se-group-1']);
    expect(byId.get('tkg:tkg-1')!.members.sort()).toEqual(['tkg-1', 'tkg-3']);
    expect(byId.get('tkg:tkg-1')!.label).toMatch(/^TKG · /);
    // One routing domain: no domain frame.
    expect(fs.some((f) => f.kind === 'domain')).toBe(false);
  });

  it('frames the buses and routers of a second routing domain, labelled by its name', () => {
    let doc = estate();
    doc = setProp(doc, 'pg-2', ['routingDomain'], 'tenant-a');
    doc = setProp(doc, 'router-1', ['routingDomain'], 'tenant-a');
    doc = moveElements(doc, busLayout(doc, noMeasure));
    const buses = busesOf(doc);
    const fs = framesOf(doc.elements, noMeasure, buses);
    const vrf = fs.find((f) => f.id === 'domain:tenant-a')!;
    expect(vrf.kind).toBe('domain');
    expect(vrf.label).toBe('Routing domain tenant-a');
    expect(vrf.members.sort()).toEqual(['pg-2', 'router-1']);
    expect(inside(vrf, buses.get('pg-2')!)).toBe(true);
    // The default domain's bus is outside it (the layout keeps a domain's buses together, apart).
    expect(overlap(vrf, buses.get('pg-1')!)).toBe(false);
    expect(fs.some((f) => f.id === 'domain:default')).toBe(false);
  });

  it('follows its members when they move', () => {
    const doc = moveElements(estate(), busLayout(estate(), noMeasure));
    const before = frames(doc).find((f) => f.id === 'system:nsx-alb')!;
    const ctrl = doc.elements.find((e) => e.id === 'avi-ctrl-1')!;
    const moved = moveElements(doc, new Map([['avi-ctrl-1', { x: ctrl.position.x - 500, y: ctrl.position.y - 300 }]]));
    const after = frames(moved).find((f) => f.id === 'system:nsx-alb')!;
    const movedBox = { x: ctrl.position.x - 500, y: ctrl.position.y - 300, width: NODE_WIDTH, height: NODE_HEIGHT };
    expect(after.y).toBe(Math.min(before.y, movedBox.y - 14));
    expect(after.x).toBe(Math.min(before.x, movedBox.x - 14));
    expect(inside(after, movedBox)).toBe(true);
  });

  it('after auto-layout, frames and their labels do not overlap each other, and each frame holds only its members, for every template', () => {
    for (const t of templates) {
      const doc0 = t.build();
      const doc = moveElements(doc0, busLayout(doc0, noMeasure));
      const fs = frames(doc);
      const members = new Map<string, Frame>();
      for (const f of fs) if (f.kind === 'system') for (const m of f.members) members.set(m, f);
      for (let i = 0; i < fs.length; i++)
        for (let j = i + 1; j < fs.length; j++) {
          const [a, b] = [fs[i]!, fs[j]!];
          expect(overlap(a, b), `${t.id}: ${a.id} / ${b.id}`).toBe(false);
          expect(overlap(a.labelBox, b.labelBox), `${t.id}: labels ${a.id} / ${b.id}`).toBe(false);
        }
      for (const el of doc.elements) {
        const f = members.get(el.id);
        if (!f) continue;
        const box = { ...el.position, width: NODE_WIDTH, height: NODE_HEIGHT };
        for (const other of fs)
          if (other.kind === 'system' && other !== f) expect(overlap(other, box), `${t.id}: ${el.id} in ${other.id}`).toBe(false);
        for (const other of fs) expect(overlap(other.labelBox, box), `${t.id}: label ${other.id} on ${el.id}`).toBe(false);
      }
    }
  });

  it('computes the frames of 10,000 elements in one pass, fast', () => {
    // Built by copying three prototypes (addElement one by one is quadratic).
    let protos = emptyDocument();
    for (const kind of ['portGroup', 'seGroup', 'tkgCluster'] as const) protos = addElement(protos, kind, { x: 0, y: 0 }).doc;
    const elements = Array.from({ length: 10_000 }, (_, i) => ({
      ...protos.elements[i % 10 === 0 ? 0 : i % 3 === 0 ? 1 : 2]!,
      id: `e${i}`,
      position: { x: (i % 100) * 250, y: Math.floor(i / 100) * 100 },
    }));
    const doc = { ...protos, elements };
    const buses = busesOf(doc);
    const t0 = performance.now();
    const fs = framesOf(doc.elements, noMeasure, buses);
    const ms = performance.now() - t0;
    expect(fs.length).toBeGreaterThan(0);
    // Linear: well under a frame per thousand elements even on a loaded machine (quadratic would take seconds).
    expect(ms).toBeLessThan(400);
  });
});
