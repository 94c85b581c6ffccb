import { describe, expect, it } from 'vitest';
import { diffDocuments, type PropsOf } from '../../src/index.ts';
import { element, smallDesign, withElement, withProps, withoutElements } from './fixture.ts';

describe('diffDocuments', () => {
  it('finds nothing between a document and itself or a reordered copy', () => {
    const doc = smallDesign();
    expect(diffDocuments(doc, doc).identical).toBe(true);
    const reordered = { ...doc, elements: [...doc.elements].reverse(), links: [...doc.links].reverse() };
    const shuffledRanges = withProps<'router'>(reordered, 'core', (p) => ({ ...p, staticRoutes: [...p.staticRoutes].reverse() }));
    expect(diffDocuments(doc, shuffledRanges)).toMatchObject({ identical: true, semantic: false });
  });

  it('reports a rename and a move of one element as one change, the move apart from the meaning', () => {
    const doc = smallDesign();
    const renamed = withElement(doc, 'pg-data', (e) => ({ ...e, name: 'data-new', position: { x: 5, y: 6 } }));
    const diff = diffDocuments(doc, renamed);
    expect(diff.elements.added).toEqual([]);
    expect(diff.elements.removed).toEqual([]);
    expect(diff.elements.changed).toHaveLength(1);
    expect(diff.elements.changed[0]).toMatchObject({
      id: 'pg-data',
      name: 'data-new',
      fields: [{ path: 'name', before: 'data', after: 'data-new' }],
    });
    expect(diff.elements.changed[0]?.moved?.to).toEqual({ x: 5, y: 6 });

    const moved = withElement(doc, 'pg-data', (e) => ({ ...e, position: { x: 1, y: 2 } }));
    const moveOnly = diffDocuments(doc, moved);
    expect(moveOnly).toMatchObject({ semantic: false, identical: false });
    expect(moveOnly.elements.changed).toEqual([]);
    expect(moveOnly.elements.moved.map((c) => c.id)).toEqual(['pg-data']);
  });

  it('compares addresses, CIDRs, ranges and routes as values, not text', () => {
    const doc = smallDesign();
    let same = withProps<'portGroup'>(doc, 'pg-v6', (p) => ({ ...p, subnet: 'fd00:30:0:0::/64', gateway: 'FD00:30::0:1' }));
    same = withProps<'router'>(same, 'core', (p) => ({
      ...p,
      staticRoutes: [{ id: 'rt-1', prefix: '172.16.0.0/12', nextHop: '192.168.10.254' }],
    }));
    expect(diffDocuments(doc, same).semantic).toBe(false);

    // Host bits set is a different (wrong) network, not the same one.
    const hostBits = withProps<'portGroup'>(doc, 'pg-data', (p) => ({ ...p, subnet: '192.168.20.5/24' }));
    expect(diffDocuments(doc, hostBits).elements.changed[0]?.fields).toEqual([
      { path: 'props.subnet', before: '192.168.20.0/24', after: '192.168.20.5/24' },
    ]);

    // A name that looks like an address is still text.
    const named = withElement(doc, 'pg-v6', (e) => ({ ...e, name: 'fd00::1' }));
    const renamedAgain = withElement(named, 'pg-v6', (e) => ({ ...e, name: 'fd00:0::1' }));
    expect(diffDocuments(named, renamedAgain).semantic).toBe(true);
  });

  it('names list items by id: a changed range end, an added route, a removed node', () => {
    const doc = smallDesign();
    let after = withProps<'portGroup'>(doc, 'pg-mgmt', (p) => ({ ...p, ranges: p.ranges.map((r) => ({ ...r, end: '192.168.10.160' })) }));
    const route = { id: 'rt-2', prefix: '10.0.0.0/8', nextHop: null };
    after = withProps<'router'>(after, 'core', (p) => ({ ...p, staticRoutes: [...p.staticRoutes, route] }));
    after = withProps<'k8sCluster'>(after, 'k8s', (p: PropsOf<'k8sCluster'>) => ({ ...p, nodes: [] }));
    const fields = Object.fromEntries(diffDocuments(doc, after).elements.changed.map((c) => [c.id, c.fields]));
    expect(fields['pg-mgmt']).toEqual([{ path: 'props.ranges[mgmt-pool].end', before: '192.168.10.150', after: '192.168.10.160' }]);
    expect(fields['core']).toEqual([{ path: 'props.staticRoutes[rt-2]', before: undefined, after: route }]);
    expect(fields['k8s']).toEqual([
      { path: 'props.nodes[n1]', before: element<'k8sCluster'>(doc, 'k8s').props.nodes[0], after: undefined },
    ]);
  });

  it('lists added and removed elements and links, and link field changes', () => {
    const doc = smallDesign();
    const without = withoutElements(doc, ['pg-mgmt']);
    const changedLink = { ...without, links: without.links.map((l) => (l.id === 'nic-data' ? { ...l, address: '192.168.20.2' } : l)) };
    const diff = diffDocuments(doc, changedLink);
    expect(diff.elements.removed.map((e) => e.id)).toEqual(['pg-mgmt']);
    expect(diff.links.removed.map((l) => l.id)).toEqual(['nic-mgmt']);
    expect(diff.links.changed).toEqual([{ id: 'nic-data', fields: [{ path: 'address', before: '192.168.20.1', after: '192.168.20.2' }] }]);
    const back = diffDocuments(changedLink, doc);
    expect(back.elements.added.map((e) => e.id)).toEqual(['pg-mgmt']);
    expect(back.links.added.map((l) => l.id)).toEqual(['nic-mgmt']);
  });

  it('reports document fields', () => {
    const doc = smallDesign();
    const diff = diffDocuments(doc, { ...doc, name: 'prod', environment: 'production' });
    expect(diff.document).toEqual([
      { path: 'name', before: 'lab', after: 'prod' },
      { path: 'environment', before: 'lab', after: 'production' },
    ]);
  });
});
