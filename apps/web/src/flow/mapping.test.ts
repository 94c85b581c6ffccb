import { describe, expect, it } from 'vitest';
import { defaultProps } from '@viplane/model';
import { addElement, addLink, emptyDocument, moveElements, setProp, setReference } from '../document/edits.ts';
import { EdgeMapper, NodeMapper, parseEdgeId } from './mapping.ts';

function doc3() {
  let doc = emptyDocument();
  doc = addElement(doc, 'portGroup', { x: 0, y: 0 }).doc;
  doc = addElement(doc, 'seGroup', { x: 300, y: 0 }).doc;
  doc = addElement(doc, 'aviController', { x: 600, y: 0 }).doc;
  doc = setReference(doc, 'se-group-1', 'controllerId', 'avi-ctrl-1');
  doc = addLink(doc, {
    kind: 'nic',
    from: 'se-group-1',
    to: 'pg-1',
    role: 'data',
    address: '192.168.48.10',
    addressMode: 'static',
    gateway: null,
  }).doc;
  return doc;
}
const none = new Set<string>();
const noMeasure = new Map();

describe('document -> nodes', () => {
  it('keeps node identity for untouched elements', () => {
    const mapper = new NodeMapper();
    const doc = doc3();
    const a = mapper.map(doc.elements, none, noMeasure);
    expect(mapper.created).toBe(3);
    const next = setProp(doc, 'pg-1', ['subnet'], '192.168.48.0/22');
    const b = mapper.map(next.elements, none, noMeasure);
    expect(mapper.created).toBe(1);
    expect(b[1]).toBe(a[1]);
    expect(b[2]).toBe(a[2]);
    expect(b[0]).not.toBe(a[0]);
    expect(b[0]!.data.facts[0]).toContain('192.168.48.0/22');
    // same inputs, same array
    expect(mapper.map(next.elements, none, noMeasure)).toBe(b);
  });

  it('a move changes position but not data', () => {
    const mapper = new NodeMapper();
    const doc = doc3();
    const a = mapper.map(doc.elements, none, noMeasure);
    const moved = moveElements(doc, new Map([['pg-1', { x: 50, y: 60 }]]));
    const b = mapper.map(moved.elements, none, noMeasure);
    expect(b[0]!.position).toEqual({ x: 50, y: 60 });
    expect(b[0]!.data).toBe(a[0]!.data);
  });

  it('selection and measured sizes are overlays', () => {
    const mapper = new NodeMapper();
    const doc = doc3();
    const a = mapper.map(doc.elements, none, noMeasure);
    const b = mapper.map(doc.elements, new Set(['se-group-1']), new Map([['pg-1', { width: 200, height: 60 }]]));
    expect(b[1]!.selected).toBe(true);
    expect(b[0]!.measured).toEqual({ width: 200, height: 60 });
    expect(b[2]).toBe(a[2]);
  });
});

describe('document -> edges', () => {
  it('draws every reference and link with typed handles and the NIC address', () => {
    const mapper = new EdgeMapper();
    const doc = doc3();
    const edges = mapper.map(doc.elements, doc.links, none);
    expect(edges.map((e) => [e.id, e.data?.role, e.data?.label])).toEqual([
      ['ref:se-group-1:controllerId', 'member', 'Controller'],
      ['link:se-group-1--pg-1-1', 'data', '192.168.48.10'],
    ]);
    expect(parseEdgeId(edges[0]!.id)).toEqual({ kind: 'ref', elementId: 'se-group-1', path: 'controllerId' });
    const again = mapper.map(moveElements(doc, new Map([['pg-1', { x: 9, y: 9 }]])).elements, doc.links, none);
    expect(again[0]).toBe(edges[0]);
    expect(again[1]).toBe(edges[1]);
    // Only positions changed: the same array (React Flow rebuilds its lookups per new array).
    expect(again).toBe(edges);
    // A field that is not a reference: the same array too.
    expect(mapper.map(setProp(doc, 'pg-1', ['vlan'], 48).elements, doc.links, none)).toBe(edges);
    const retargeted = mapper.map(setReference(doc, 'se-group-1', 'controllerId', null).elements, doc.links, none);
    expect(retargeted.map((e) => e.id)).toEqual(['link:se-group-1--pg-1-1']);
  });
});

describe('scale', () => {
  it('10,000 elements: one edit creates one node object and reuses the rest', () => {
    let doc = emptyDocument();
    const elements = [];
    for (let i = 0; i < 10_000; i++)
      elements.push({
        id: `pg-${i}`,
        kind: 'portGroup' as const,
        name: `pg-${i}`,
        position: { x: i, y: 0 },
        props: defaultProps('portGroup'),
      });
    doc = { ...doc, elements };
    const mapper = new NodeMapper();
    const first = mapper.map(doc.elements, none, noMeasure);
    expect(mapper.created).toBe(10_000);
    const next = moveElements(doc, new Map([['pg-42', { x: 1, y: 1 }]]));
    const t0 = performance.now();
    const second = mapper.map(next.elements, none, noMeasure);
    const ms = performance.now() - t0;
    expect(mapper.created).toBe(1);
    expect(second.filter((n, i) => n !== first[i])).toHaveLength(1);
    expect(ms).toBeLessThan(100); // generous: about 1 ms here; the guard is against O(n) allocations
  });
});
