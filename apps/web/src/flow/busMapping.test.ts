import { describe, expect, it } from 'vitest';
import { kindInfo, networkKinds, restore } from '@viplane/model';
import { templates } from '@viplane/templates';
import { addElement, addLink, emptyDocument, moveElements, setReference, updateLink } from '../document/edits.ts';
import { BUS_HEIGHT, BUS_MIN_WIDTH, BUS_PAD, NetworkEdgeMapper, NetworkNodeMapper, dropHandleId, type BusFlowNode } from './busMapping.ts';
import { EdgeMapper, NODE_WIDTH } from './mapping.ts';
import { busLayout } from '../layout/busLayout.ts';

const none = new Set<string>();
const noMeasure = new Map();

/** Two networks, an SE group on both (one above, one below... the SE sits between them), a cluster on the lower one. */
function design() {
  let doc = emptyDocument();
  doc = addElement(doc, 'portGroup', { x: 0, y: 200 }).doc; // pg-1
  doc = addElement(doc, 'portGroup', { x: 0, y: 400 }).doc; // pg-2
  doc = addElement(doc, 'seGroup', { x: 500, y: 0 }).doc;
  doc = addElement(doc, 'aviController', { x: 900, y: 0 }).doc;
  doc = addElement(doc, 'tkgCluster', { x: 100, y: 600 }).doc;
  doc = setReference(doc, 'se-group-1', 'controllerId', 'avi-ctrl-1');
  doc = addLink(doc, {
    kind: 'nic',
    from: 'se-group-1',
    to: 'pg-1',
    role: 'management',
    address: '10.0.0.10',
    addressMode: 'static',
    gateway: null,
  }).doc;
  doc = addLink(doc, { kind: 'nic', from: 'se-group-1', to: 'pg-2', role: 'data', address: null, addressMode: 'pool', gateway: null }).doc;
  doc = setReference(doc, 'tkg-1', 'nodeNetworkId', 'pg-2');
  return doc;
}

/** Drops run on a 20 px grid of lanes (busMapping.ts): the lane nearest an x. */
const lane = (x: number) => Math.round(x / 20) * 20;
const bus = (nodes: ReturnType<NetworkNodeMapper['map']>, id: string) => nodes.find((n) => n.id === id) as BusFlowNode;

describe('network view: document -> nodes', () => {
  it('draws networks as buses spanning their drops, elements as element nodes', () => {
    const doc = design();
    const nodes = new NetworkNodeMapper().map(doc.elements, doc.links, none, noMeasure);
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['pg-1', 'bus'],
      ['pg-2', 'bus'],
      ['se-group-1', 'element'],
      ['avi-ctrl-1', 'element'],
      ['tkg-1', 'element'],
    ]);
    const pg1 = bus(nodes, 'pg-1');
    const pg2 = bus(nodes, 'pg-2');
    // pg-1 keeps its own left end and reaches past the SE group's management drop.
    expect(pg1.position).toEqual({ x: 0, y: 200 });
    // The SE group's two drops are spread over its width (on lanes), ordered by bus height (pg-1 first).
    const se1 = lane(500 + NODE_WIDTH / 3);
    const se2 = lane(500 + (2 * NODE_WIDTH) / 3);
    expect(pg1.data.drops).toMatchObject([{ edgeId: 'link:se-group-1--pg-1-1', x: se1, fromAbove: true }]);
    // Its address is written along it, between the SE group (bottom at 76) and the bus (200).
    const labelY = pg1.data.drops[0]!.labelY!;
    expect(labelY).toBeGreaterThan(76);
    expect(labelY).toBeLessThan(200);
    expect(pg1.width).toBe(se1 + BUS_PAD);
    expect(pg1.data.labelX).toBe(15);
    expect(pg1.height).toBe(BUS_HEIGHT);
    // pg-2: the SE group's data NIC (from above) and the cluster's node network (from below).
    expect(pg2.data.drops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ edgeId: 'link:se-group-1--pg-2-1', x: se2, fromAbove: true }),
        // A reference has no address label.
        { edgeId: 'ref:tkg-1:nodeNetworkId', x: lane(100 + NODE_WIDTH / 2), fromAbove: false, labelY: null },
      ]),
    );
    // Each drop has its own declared handle on the side its element is on.
    const h = pg2.handles!.find((x) => x.id === dropHandleId('ref:tkg-1:nodeNetworkId'))!;
    expect(h.position).toBe('bottom');
    expect(h.y).toBe(BUS_HEIGHT - 1);
    // The network's facts are written on the bus.
    expect(pg1.data.facts[0]).toBe('no subnet');
  });

  it('a bus with nothing attached has the minimum length; one reaches left to an element left of it', () => {
    let doc = design();
    doc = moveElements(doc, new Map([['tkg-1', { x: -400, y: 600 }]]));
    const nodes = new NetworkNodeMapper().map(doc.elements, doc.links, none, noMeasure);
    const pg2 = bus(nodes, 'pg-2');
    expect(pg2.position.x).toBe(lane(-400 + NODE_WIDTH / 2) - BUS_PAD);
    const lonely = addElement(emptyDocument(), 'portGroup', { x: 10, y: 20 }).doc;
    expect(bus(new NetworkNodeMapper().map(lonely.elements, lonely.links, none, noMeasure), 'pg-1').width).toBe(BUS_MIN_WIDTH);
  });

  it('moving an element moves its drops, and rebuilds only the buses it is on', () => {
    const doc = design();
    const mapper = new NetworkNodeMapper();
    const a = mapper.map(doc.elements, doc.links, none, noMeasure);
    const moved = moveElements(doc, new Map([['tkg-1', { x: 300, y: 600 }]]));
    const b = mapper.map(moved.elements, moved.links, none, noMeasure);
    expect(bus(b, 'pg-1')).toBe(bus(a, 'pg-1'));
    expect(bus(b, 'pg-2')).not.toBe(bus(a, 'pg-2'));
    expect(bus(b, 'pg-2').data.drops.find((d) => d.edgeId === 'ref:tkg-1:nodeNetworkId')!.x + bus(b, 'pg-2').position.x).toBe(
      lane(300 + NODE_WIDTH / 2),
    );
    expect(mapper.busLeft('pg-2')).toBe(bus(b, 'pg-2').position.x);
  });
});

describe('network view: document -> edges', () => {
  it('attachments to networks are drops on their own bus handle; other references stay connections', () => {
    const doc = design();
    const base = new EdgeMapper().map(doc.elements, doc.links, none);
    const mapper = new NetworkEdgeMapper();
    const edges = mapper.map(doc.elements, doc.links, none, base);
    expect(edges.map((e) => [e.id, e.type, e.targetHandle ?? null])).toEqual([
      ['link:se-group-1--pg-1-1', 'drop', 'd:link:se-group-1--pg-1-1'],
      ['link:se-group-1--pg-2-1', 'drop', 'd:link:se-group-1--pg-2-1'],
      ['ref:tkg-1:nodeNetworkId', 'drop', 'd:ref:tkg-1:nodeNetworkId'],
      ['ref:se-group-1:controllerId', 'connection', null],
    ]);
    expect(edges[0]!.reconnectable).toBe('target');
    expect(edges[0]!.data).toMatchObject({ kind: 'nic', role: 'management', label: '10.0.0.10', linkId: 'se-group-1--pg-1-1' });
    expect(edges[1]!.data?.label).toBe('pool');
    // A drag changes positions only: the same array.
    const moved = moveElements(doc, new Map([['se-group-1', { x: 10, y: 10 }]]));
    expect(mapper.map(moved.elements, moved.links, none, base)).toBe(edges);
    // An interface moved to another network is the same edge id on the other bus.
    const relinked = updateLink(doc, 'se-group-1--pg-1-1', { to: 'pg-2' });
    const after = mapper.map(relinked.elements, relinked.links, none, new EdgeMapper().map(relinked.elements, relinked.links, none));
    expect(after.find((e) => e.id === 'link:se-group-1--pg-1-1')!.target).toBe('pg-2');
  });
});

describe('network view auto-layout', () => {
  it('stacks the buses between the infrastructure above and the clusters below, for every template', () => {
    for (const t of templates) {
      const doc = t.build();
      const pos = busLayout(doc, noMeasure);
      const laid = restore(moveElements(doc, pos));
      expect(laid.ok, t.id).toBe(true);
      expect(pos.size, t.id).toBe(doc.elements.length);
      const nets = new Set(networkKinds);
      const busYs = doc.elements.filter((e) => nets.has(e.kind)).map((e) => pos.get(e.id)!.y);
      if (busYs.length === 0) continue;
      const top = Math.min(...busYs);
      const bottom = Math.max(...busYs) + BUS_HEIGHT;
      for (const e of doc.elements) {
        if (nets.has(e.kind)) continue;
        const p = pos.get(e.id)!;
        const cluster = ['tkg', 'tanzu', 'kubernetes'].includes(kindInfo[e.kind].system);
        if (cluster) expect(p.y, `${t.id} ${e.name}`).toBeGreaterThan(bottom);
        else if (e.kind !== 'virtualService') expect(p.y + 60, `${t.id} ${e.name}`).toBeLessThan(top);
      }
      // No two boxes on the same spot.
      const spots = new Set(doc.elements.filter((e) => !nets.has(e.kind)).map((e) => `${pos.get(e.id)!.x},${pos.get(e.id)!.y}`));
      expect(spots.size, t.id).toBe(doc.elements.filter((e) => !nets.has(e.kind)).length);
    }
  });
});
