import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';
import { moveElements } from '../document/edits.ts';
import { busGeometry, dropsOf, isNetworkKind } from './busMapping.ts';
import { BusGeometryCache } from './busGeometryCache.ts';
import type { Measured } from './mapping.ts';

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('BusGeometryCache', () => {
  it.each(templates.map((t) => [t.id, t] as const))('%s: after every move, the same geometry as busGeometry()', (_, template) => {
    let doc: TopologyDocument = template.build();
    const drops = dropsOf(doc.elements, doc.links);
    const measured = new Map<string, Measured>();
    const cache = new BusGeometryCache();
    const rnd = random(7);
    expect(cache.update(doc.elements, drops, measured).changed).toBeNull();
    for (let step = 0; step < 60; step++) {
      // One element (a network or not) or a few at once, to anywhere (above or below other buses).
      const moves = new Map<string, { x: number; y: number }>();
      const n = step % 5 === 4 ? 3 : 1;
      for (let k = 0; k < n; k++) {
        const el = doc.elements[Math.floor(rnd() * doc.elements.length)]!;
        moves.set(el.id, { x: Math.round(rnd() * 2000 - 500), y: Math.round(rnd() * 1200 - 300) });
      }
      doc = moveElements(doc, moves);
      const { geometry, changed } = cache.update(doc.elements, drops, measured);
      expect(changed).not.toBeNull();
      expect(new Map(geometry)).toEqual(busGeometry(doc.elements, drops, measured));
      // Only the buses the move can affect are rebuilt: moved networks, and the buses of the moved
      // elements and of the elements on a moved network.
      const movedNets = [...moves.keys()].filter((id) => isNetworkKind(doc.elements.find((e) => e.id === id)!.kind));
      const affected = new Set(drops.filter((d) => moves.has(d.elementId) || movedNets.includes(d.networkId)).map((d) => d.elementId));
      const allowed = new Set([...movedNets, ...drops.filter((d) => affected.has(d.elementId)).map((d) => d.networkId)]);
      expect([...changed!].filter((id) => !allowed.has(id))).toEqual([]);
    }
  });

  it('follows measured sizes: all at once recomputes everything, one element its own buses', () => {
    const doc = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const drops = dropsOf(doc.elements, doc.links);
    const cache = new BusGeometryCache();
    cache.update(doc.elements, drops, new Map());
    let measured = new Map<string, Measured>(doc.elements.map((e) => [e.id, { width: 300, height: 120 }]));
    const all = cache.update(doc.elements, drops, measured);
    expect(all.changed).toBeNull();
    expect(new Map(all.geometry)).toEqual(busGeometry(doc.elements, drops, measured));
    // The editor replaces the entry of the element that changed size, nothing else.
    const se = drops.find((d) => !isNetworkKind(doc.elements.find((e) => e.id === d.elementId)!.kind))!.elementId;
    measured = new Map(measured).set(se, { width: 520, height: 90 });
    const one = cache.update(doc.elements, drops, measured);
    expect(new Map(one.geometry)).toEqual(busGeometry(doc.elements, drops, measured));
    expect([...one.changed!].sort()).toEqual([...new Set(drops.filter((d) => d.elementId === se).map((d) => d.networkId))].sort());
    // A network's own size places nothing (its width follows its drops): no bus is rebuilt.
    const net = doc.elements.find((e) => isNetworkKind(e.kind))!.id;
    measured = new Map(measured).set(net, { width: 999, height: 28 });
    expect(cache.update(doc.elements, drops, measured).changed!.size).toBe(0);
  });
});
