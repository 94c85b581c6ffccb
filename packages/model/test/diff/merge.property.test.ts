/**
 * Properties of the three-way merge over random designs and random edits:
 * - merging a document with itself changes nothing;
 * - edits to disjoint elements (and links, and document fields) merge to the document with both,
 *   without a conflict;
 * - whatever the edits and whatever the choices, the result passes restore().
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DesignBuilder,
  defaultProps,
  diffDocuments,
  mergeDocuments,
  restore,
  type Element,
  type Link,
  type TopologyDocument,
} from '../../src/index.ts';
import { withoutElements } from './fixture.ts';

interface Shape {
  networks: number;
  clusters: number;
  services: number;
}

function design(shape: Shape): TopologyDocument {
  const b = new DesignBuilder({ name: 'random' });
  const nets: string[] = [];
  for (let i = 0; i < shape.networks; i++) {
    nets.push(
      b.add(
        'portGroup',
        `net-${i}`,
        {
          vlan: 100 + i,
          subnet: `10.${i}.0.0/24`,
          gateway: `10.${i}.0.1`,
          ranges: [{ id: `range-${i}`, purpose: 'vip-pool', start: `10.${i}.0.100`, end: `10.${i}.0.150` }],
        },
        { id: `net-${i}` },
      ),
    );
  }
  b.add('router', 'core', { staticRoutes: [{ id: 'route-0', prefix: '0.0.0.0/0', nextHop: '10.0.0.254' }] }, { id: 'core' });
  nets.forEach((n, i) => b.nic('core', n, { id: `nic-${i}`, address: `10.${i}.0.1` }));
  for (let i = 0; i < shape.clusters; i++)
    b.add('tkgCluster', `cluster-${i}`, { workerCount: 2, nodeNetworkId: nets[i % nets.length]! }, { id: `cluster-${i}` });
  for (let i = 0; i < shape.services; i++)
    b.add(
      'virtualService',
      `vs-${i}`,
      { vipNetworkId: nets[i % nets.length]!, address: `10.${i % nets.length}.0.${100 + i}` },
      { id: `vs-${i}` },
    );
  return b.build();
}

/** One edit of one element (or link, or document field): the target is an index into the stable list of targets. */
type Edit =
  | { op: 'rename'; target: number; name: string }
  | { op: 'move'; target: number; x: number; y: number }
  | { op: 'vlan'; target: number; vlan: number }
  | { op: 'subnet'; target: number; octet: number }
  | { op: 'workers'; target: number; count: number }
  | { op: 'range-end'; target: number; last: number }
  | { op: 'delete'; target: number }
  | { op: 'delete-network'; target: number }
  | { op: 'point'; target: number; network: number }
  | { op: 'link-address'; target: number; last: number }
  | { op: 'add-network'; n: number }
  | { op: 'add-route'; n: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('rename' as const), target: fc.nat(), name: fc.string({ maxLength: 12 }) }),
  fc.record({
    op: fc.constant('move' as const),
    target: fc.nat(),
    x: fc.integer({ min: -999, max: 999 }),
    y: fc.integer({ min: -999, max: 999 }),
  }),
  fc.record({ op: fc.constant('vlan' as const), target: fc.nat(), vlan: fc.integer({ min: 1, max: 4094 }) }),
  fc.record({ op: fc.constant('subnet' as const), target: fc.nat(), octet: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('workers' as const), target: fc.nat(), count: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ op: fc.constant('range-end' as const), target: fc.nat(), last: fc.integer({ min: 151, max: 254 }) }),
  fc.record({ op: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('delete-network' as const), target: fc.nat() }),
  fc.record({ op: fc.constant('point' as const), target: fc.nat(), network: fc.nat() }),
  fc.record({ op: fc.constant('link-address' as const), target: fc.nat(), last: fc.integer({ min: 2, max: 254 }) }),
  fc.record({ op: fc.constant('add-network' as const), n: fc.nat(999) }),
  fc.record({ op: fc.constant('add-route' as const), n: fc.nat(999) }),
);

function mapElement(doc: TopologyDocument, id: string, f: (e: Element) => Element): TopologyDocument {
  return { ...doc, elements: doc.elements.map((e) => (e.id === id ? f(e) : e)) };
}
function mapLink(doc: TopologyDocument, id: string, f: (l: Link) => Link): TopologyDocument {
  return { ...doc, links: doc.links.map((l) => (l.id === id ? f(l) : l)) };
}
const props = (e: Element) => e.props as Record<string, unknown>;

/**
 * Applies an edit as the editor would. `owned` are the element and link ids this side may touch
 * (all of them, or its half for the disjoint property); `side` prefixes the ids it adds.
 */
function apply(
  doc: TopologyDocument,
  edit: Edit,
  owned: { elements: readonly string[]; links: readonly string[] },
  side: string,
): TopologyDocument {
  const pick = (list: readonly string[], i: number) => (list.length ? list[i % list.length] : undefined);
  const present = (id: string | undefined) => (id && doc.elements.some((e) => e.id === id) ? id : undefined);
  switch (edit.op) {
    case 'rename': {
      const id = present(pick(owned.elements, edit.target));
      return id ? mapElement(doc, id, (e) => ({ ...e, name: edit.name })) : doc;
    }
    case 'move': {
      const id = present(pick(owned.elements, edit.target));
      return id ? mapElement(doc, id, (e) => ({ ...e, position: { x: edit.x, y: edit.y } })) : doc;
    }
    case 'vlan':
    case 'subnet':
    case 'range-end': {
      const id = present(
        pick(
          owned.elements.filter((x) => x.startsWith('net-')),
          edit.target,
        ),
      );
      if (!id) return doc;
      return mapElement(doc, id, (e) => {
        const p = props(e);
        if (edit.op === 'vlan') return { ...e, props: { ...p, vlan: edit.vlan } } as Element;
        if (edit.op === 'subnet') return { ...e, props: { ...p, subnet: `10.${edit.octet}.0.0/24` } } as Element;
        const ranges = p['ranges'] as { end: string }[];
        return { ...e, props: { ...p, ranges: ranges.map((r) => ({ ...r, end: r.end.replace(/\.\d+$/, `.${edit.last}`) })) } } as Element;
      });
    }
    case 'workers': {
      const id = present(
        pick(
          owned.elements.filter((x) => x.startsWith('cluster-')),
          edit.target,
        ),
      );
      return id ? mapElement(doc, id, (e) => ({ ...e, props: { ...props(e), workerCount: edit.count } }) as Element) : doc;
    }
    case 'delete': {
      // Services only: nothing points at them, so a deletion is never also a new reference.
      const id = present(
        pick(
          owned.elements.filter((x) => x.startsWith('vs-')),
          edit.target,
        ),
      );
      return id ? withoutElements(doc, [id]) : doc;
    }
    case 'delete-network': {
      // A network is pointed at by clusters, services and links: the source of delete-referenced conflicts.
      const id = present(
        pick(
          owned.elements.filter((x) => x.includes('net-')),
          edit.target,
        ),
      );
      return id ? withoutElements(doc, [id]) : doc;
    }
    case 'point': {
      // A new reference: with the other side's deletion of that network, a delete-referenced conflict.
      const id = present(
        pick(
          owned.elements.filter((x) => x.startsWith('cluster-')),
          edit.target,
        ),
      );
      const network = pick(
        doc.elements.filter((e) => e.id.startsWith('net-')).map((e) => e.id),
        edit.network,
      );
      return id && network ? mapElement(doc, id, (e) => ({ ...e, props: { ...props(e), nodeNetworkId: network } }) as Element) : doc;
    }
    case 'link-address': {
      const id = pick(owned.links, edit.target);
      return id ? mapLink(doc, id, (l) => ({ ...l, address: l.address ? l.address.replace(/\.\d+$/, `.${edit.last}`) : l.address })) : doc;
    }
    case 'add-network': {
      const id = `${side}-net-${edit.n}`;
      if (doc.elements.some((e) => e.id === id)) return doc;
      const props = { ...defaultProps('portGroup'), vlan: 2000 + (edit.n % 2000), subnet: `192.168.${edit.n % 256}.0/24` };
      return { ...doc, elements: [...doc.elements, { id, kind: 'portGroup', name: id, position: { x: edit.n, y: 0 }, props }] };
    }
    case 'add-route': {
      if (!owned.elements.includes('core')) return doc;
      const id = `${side}-route-${edit.n}`;
      return mapElement(doc, 'core', (e) => {
        const routes = props(e)['staticRoutes'] as { id: string }[];
        if (routes.some((r) => r.id === id)) return e;
        return {
          ...e,
          props: { ...props(e), staticRoutes: [...routes, { id, prefix: `172.16.${edit.n % 256}.0/24`, nextHop: null }] },
        } as Element;
      });
    }
  }
}

const shapeArb = fc.record({
  networks: fc.integer({ min: 1, max: 6 }),
  clusters: fc.integer({ min: 0, max: 4 }),
  services: fc.integer({ min: 0, max: 5 }),
});
const edits = fc.array(editArb, { maxLength: 12 });

describe('mergeDocuments properties', () => {
  it('merging a document with itself changes nothing', () => {
    fc.assert(
      fc.property(shapeArb, edits, (shape, list) => {
        const base = design(shape);
        const all = { elements: base.elements.map((e) => e.id), links: base.links.map((l) => l.id) };
        const doc = list.reduce((d, e) => apply(d, e, all, 'x'), base);
        for (const [b, m, t] of [
          [doc, doc, doc],
          [base, doc, doc],
        ] as const) {
          const result = mergeDocuments(b, m, t);
          expect(result.conflicts).toEqual([]);
          expect(result.ok && diffDocuments(doc, result.document).identical).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('disjoint edits merge to the document with both, without a conflict', () => {
    fc.assert(
      fc.property(shapeArb, edits, edits, fc.boolean(), (shape, mineEdits, theirEdits, mineTakesCore) => {
        const base = design(shape);
        const ids = base.elements.map((e) => e.id).filter((id) => id !== 'core');
        const half = (list: readonly string[], parity: number) => list.filter((_, i) => i % 2 === parity);
        const links = base.links.map((l) => l.id);
        const mineOwns = { elements: [...half(ids, 0), ...(mineTakesCore ? ['core'] : [])], links: half(links, 0) };
        const theirsOwn = { elements: [...half(ids, 1), ...(mineTakesCore ? [] : ['core'])], links: half(links, 1) };
        // Deleting a network also edits what points at it (the other half's links): not disjoint.
        const disjoint = (list: Edit[]) => list.filter((e) => e.op !== 'delete-network');
        [mineEdits, theirEdits] = [disjoint(mineEdits), disjoint(theirEdits)];
        const mine = mineEdits.reduce((d, e) => apply(d, e, mineOwns, 'm'), { ...base, description: 'mine' });
        const theirs = theirEdits.reduce((d, e) => apply(d, e, theirsOwn, 't'), base);
        // The document with both: theirs' edits replayed on mine (they touch other things).
        const expected = theirEdits.reduce((d, e) => apply(d, e, theirsOwn, 't'), mine);

        const result = mergeDocuments(base, mine, theirs);
        expect(result.conflicts).toEqual([]);
        expect(result.repairs).toEqual([]);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const diff = diffDocuments(expected, result.document);
        expect(diff.identical ? [] : diff).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('any edits on both sides, with any choices, merge to a document restore() accepts', () => {
    fc.assert(
      fc.property(shapeArb, edits, edits, fc.boolean(), (shape, mineEdits, theirEdits, takeMine) => {
        const base = design(shape);
        const all = { elements: base.elements.map((e) => e.id), links: base.links.map((l) => l.id) };
        const mine = mineEdits.reduce((d, e) => apply(d, e, all, 'm'), base);
        const theirs = theirEdits.reduce((d, e) => apply(d, e, all, 't'), base);
        const first = mergeDocuments(base, mine, theirs);
        const choices = Object.fromEntries(first.conflicts.map((c) => [c.id, takeMine ? ('mine' as const) : ('theirs' as const)]));
        for (const result of [first, mergeDocuments(base, mine, theirs, { choices })]) {
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          expect(restore(JSON.parse(JSON.stringify(result.document))).ok).toBe(true);
        }
        // Where nothing conflicts, each side's version of every value it alone changed is kept.
        if (first.conflicts.length === 0 && first.ok) {
          const fromMine = diffDocuments(base, mine);
          for (const change of fromMine.elements.changed) {
            const after = first.document.elements.find((e) => e.id === change.id);
            if (!after) continue;
            const theirsChanged = diffDocuments(base, theirs).elements.changed.find((c) => c.id === change.id);
            for (const field of change.fields)
              if (!theirsChanged?.fields.some((f) => f.path === field.path) && field.path === 'name') expect(after.name).toBe(field.after);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
