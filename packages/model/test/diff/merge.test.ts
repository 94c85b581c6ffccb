import { describe, expect, it } from 'vitest';
import { defaultProps, diffDocuments, mergeDocuments, type MergeResult, type TopologyDocument } from '../../src/index.ts';
import { element, smallDesign, withElement, withProps, withoutElements } from './fixture.ts';

function merged(result: MergeResult): TopologyDocument {
  if (!result.ok) throw new Error(`merge refused: ${JSON.stringify(result.errors)}`);
  return result.document;
}

const vlan = (doc: TopologyDocument, id: string) => element<'portGroup'>(doc, id).props.vlan;

describe('mergeDocuments', () => {
  it('merges changes to different elements and to different fields of one element', () => {
    const base = smallDesign();
    const mine = withProps<'tkgCluster'>(base, 'wl-1', (p) => ({ ...p, workerCount: 5 }));
    const theirs = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, vlan: 21 }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    const doc = merged(result);
    expect(element<'tkgCluster'>(doc, 'wl-1').props.workerCount).toBe(5);
    expect(vlan(doc, 'pg-data')).toBe(21);

    const mineField = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, gateway: '192.168.20.254' }));
    const both = merged(mergeDocuments(base, mineField, theirs));
    expect(element<'portGroup'>(both, 'pg-data').props).toMatchObject({ vlan: 21, gateway: '192.168.20.254' });
  });

  it('edit-edit: one field changed differently on both sides is a conflict; theirs unless mine is chosen', () => {
    const base = smallDesign();
    const mine = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, vlan: 22 }));
    const theirs = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, vlan: 21 }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: 'edit-edit',
        scope: expect.objectContaining({ type: 'element', id: 'pg-data' }),
        path: 'props.vlan',
        base: 20,
        mine: 22,
        theirs: 21,
        chosen: 'theirs',
      }),
    ]);
    expect(vlan(merged(result), 'pg-data')).toBe(21);
    const id = result.conflicts[0]!.id;
    const overwritten = mergeDocuments(base, mine, theirs, { choices: { [id]: 'mine' } });
    expect(vlan(merged(overwritten), 'pg-data')).toBe(22);
    expect(overwritten.conflicts[0]?.chosen).toBe('mine');
  });

  it('the same change on both sides, in different notation, is no conflict', () => {
    const base = smallDesign();
    const mine = withProps<'portGroup'>(base, 'pg-v6', (p) => ({ ...p, gateway: 'fd00:30::fe' }));
    const theirs = withProps<'portGroup'>(base, 'pg-v6', (p) => ({ ...p, gateway: 'fd00:30:0::00fe' }));
    expect(mergeDocuments(base, mine, theirs).conflicts).toEqual([]);
  });

  it('delete-edit: an element deleted on one side and edited on the other is a conflict', () => {
    const base = smallDesign();
    const mine = withoutElements(base, ['vs-web']);
    const theirs = withProps<'virtualService'>(base, 'vs-web', (p) => ({ ...p, port: 8443 }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ kind: 'delete-edit', path: '', mine: undefined, scope: expect.objectContaining({ id: 'vs-web' }) }),
    ]);
    expect(element<'virtualService'>(merged(result), 'vs-web').props.port).toBe(8443);
    const deleted = merged(mergeDocuments(base, mine, theirs, { choices: { [result.conflicts[0]!.id]: 'mine' } }));
    expect(deleted.elements.some((e) => e.id === 'vs-web')).toBe(false);

    // The other way round: theirs deleted what I edited.
    const swapped = mergeDocuments(base, theirs, mine);
    expect(swapped.conflicts[0]).toMatchObject({ kind: 'delete-edit', theirs: undefined });
    expect(merged(swapped).elements.some((e) => e.id === 'vs-web')).toBe(false);
  });

  it('a deletion against a move alone is no conflict: the element goes', () => {
    const base = smallDesign();
    const mine = withoutElements(base, ['vs-web']);
    const theirs = withElement(base, 'vs-web', (e) => ({ ...e, position: { x: 900, y: 900 } }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(merged(result).elements.some((e) => e.id === 'vs-web')).toBe(false);
  });

  it('delete-referenced: a deleted element the other side newly points at is a conflict, and clearing the reference is the other choice', () => {
    const base = smallDesign();
    const mine = withoutElements(base, ['pg-v6']);
    const theirs = withProps<'tkgCluster'>(base, 'wl-1', (p) => ({ ...p, workloadVipNetworkId: 'pg-v6' }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: 'delete-referenced',
        scope: expect.objectContaining({ id: 'pg-v6' }),
        referencedFrom: [expect.stringContaining('/props/workloadVipNetworkId')],
      }),
    ]);
    const kept = merged(result);
    expect(element<'tkgCluster'>(kept, 'wl-1').props.workloadVipNetworkId).toBe('pg-v6');
    expect(kept.elements.some((e) => e.id === 'pg-v6')).toBe(true);

    const gone = mergeDocuments(base, mine, theirs, { choices: { [result.conflicts[0]!.id]: 'mine' } });
    const doc = merged(gone);
    expect(doc.elements.some((e) => e.id === 'pg-v6')).toBe(false);
    expect(element<'tkgCluster'>(doc, 'wl-1').props.workloadVipNetworkId).toBeNull();
    expect(gone.repairs).toEqual([expect.objectContaining({ action: 'cleared', value: 'pg-v6' })]);
  });

  it('delete-referenced: a new link to a deleted network is dropped when the deletion is chosen', () => {
    const base = smallDesign();
    const theirs = withoutElements(base, ['pg-v6']);
    const link = {
      id: 'nic-v6',
      kind: 'nic' as const,
      from: 'core',
      to: 'pg-v6',
      role: 'data' as const,
      address: 'fd00:30::2',
      addressMode: 'static' as const,
      gateway: null,
    };
    const mine = { ...base, links: [...base.links, link] };
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'delete-referenced', chosen: 'theirs', theirs: undefined })]);
    const doc = merged(result);
    expect(doc.links.some((l) => l.id === 'nic-v6')).toBe(false);
    expect(result.repairs).toEqual([expect.objectContaining({ action: 'removed', path: expect.stringMatching(/^\/links\/\d+$/) })]);
    const keep = merged(mergeDocuments(base, mine, theirs, { choices: { [result.conflicts[0]!.id]: 'mine' } }));
    expect(keep.links.some((l) => l.id === 'nic-v6')).toBe(true);
  });

  it('add-add: the same new id with different values conflicts field by field', () => {
    const base = smallDesign();
    const add = (vlanId: number, name: string) =>
      ({
        ...base,
        elements: [
          ...base.elements,
          { ...element(base, 'pg-data'), id: 'pg-new', name, props: { ...element<'portGroup'>(base, 'pg-data').props, vlan: vlanId } },
        ],
      }) as TopologyDocument;
    const result = mergeDocuments(base, add(40, 'new'), add(41, 'new'));
    expect(result.conflicts).toEqual([
      expect.objectContaining({ kind: 'add-add', path: 'props.vlan', base: undefined, mine: 40, theirs: 41 }),
    ]);
    expect(vlan(merged(result), 'pg-new')).toBe(41);
  });

  it('list items: a range deleted on one side and edited on the other is a conflict at that item', () => {
    const base = smallDesign();
    const mine = withProps<'portGroup'>(base, 'pg-mgmt', (p) => ({ ...p, ranges: [] }));
    const theirs = withProps<'portGroup'>(base, 'pg-mgmt', (p) => ({
      ...p,
      ranges: p.ranges.map((r) => ({ ...r, end: '192.168.10.199' })),
    }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'delete-edit', path: 'props.ranges[mgmt-pool]', mine: undefined })]);

    // Routes added on both sides with different ids both stay.
    const r = (id: string, prefix: string) => ({ id, prefix, nextHop: '192.168.10.254' });
    const m2 = withProps<'router'>(base, 'core', (p) => ({ ...p, staticRoutes: [...p.staticRoutes, r('m', '10.1.0.0/16')] }));
    const t2 = withProps<'router'>(base, 'core', (p) => ({ ...p, staticRoutes: [...p.staticRoutes, r('t', '10.2.0.0/16')] }));
    const both = mergeDocuments(base, m2, t2);
    expect(both.conflicts).toEqual([]);
    expect(
      element<'router'>(merged(both), 'core')
        .props.staticRoutes.map((x) => x.id)
        .sort(),
    ).toEqual(['m', 'rt-1', 't']);
  });

  it('a position is one value: two different moves conflict instead of mixing x and y', () => {
    const base = smallDesign();
    const mine = withElement(base, 'core', (e) => ({ ...e, position: { x: 1, y: e.position.y } }));
    const theirs = withElement(base, 'core', (e) => ({ ...e, position: { x: e.position.x, y: 2 } }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'edit-edit', path: 'position' })]);
    expect(element(merged(result), 'core').position).toEqual(element(theirs, 'core').position);
  });

  it('links and document fields merge and conflict like element fields', () => {
    const base = smallDesign();
    const setLink = (doc: TopologyDocument, address: string) => ({
      ...doc,
      links: doc.links.map((l) => (l.id === 'nic-data' ? { ...l, address } : l)),
    });
    const result = mergeDocuments(
      base,
      { ...setLink(base, '192.168.20.2'), description: 'mine' },
      { ...setLink(base, '192.168.20.3'), name: 'theirs' },
    );
    expect(result.conflicts).toEqual([
      expect.objectContaining({ kind: 'edit-edit', scope: { type: 'link', id: 'nic-data' }, path: 'address' }),
    ]);
    expect(merged(result)).toMatchObject({ name: 'theirs', description: 'mine' });
    const docConflict = mergeDocuments(base, { ...base, name: 'a' }, { ...base, name: 'b' });
    expect(docConflict.conflicts).toEqual([expect.objectContaining({ scope: { type: 'document' }, path: 'name', mine: 'a', theirs: 'b' })]);
  });

  it('a kind change replaces the element as one value', () => {
    const base = smallDesign();
    const mine = withElement(base, 'vs-web', (e) => ({ ...e, name: 'renamed' }));
    const theirs = withElement(
      base,
      'vs-web',
      (e) => ({ ...e, kind: 'clientNetwork', props: { subnet: null, gateway: null, routingDomain: 'default' } }) as never,
    );
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'edit-edit', path: '' })]);
    expect(element(merged(result), 'vs-web').kind).toBe('clientNetwork');
  });

  it('merging theirs into an unchanged copy gives theirs exactly', () => {
    const base = smallDesign();
    const theirs = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, vlan: 99 }));
    const result = mergeDocuments(base, base, theirs);
    expect(diffDocuments(theirs, merged(result)).identical).toBe(true);
  });

  it('an optional field added on one side merges with a field change on the other', () => {
    const base = smallDesign();
    const mine = withElement(base, 'pg-data', (e) => ({ ...e, notes: 'uplink to rack 4' }));
    const theirs = withProps<'portGroup'>(base, 'pg-data', (p) => ({ ...p, vlan: 21 }));
    const result = mergeDocuments(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(element(merged(result), 'pg-data')).toMatchObject({ notes: 'uplink to rack 4', props: { vlan: 21 } });
    // Removing it on one side against another change merges too.
    const back = mergeDocuments(
      mine,
      base,
      withProps<'portGroup'>(mine, 'pg-data', (p) => ({ ...p, vlan: 22 })),
    );
    expect(back.conflicts).toEqual([]);
    expect(element(merged(back), 'pg-data').notes).toBeUndefined();
  });

  it("a union variant change is one value: a Supervisor's load balancer is never a mix of both", () => {
    const b = smallDesign();
    const at = { x: 0, y: 0 };
    const withSupervisor = {
      ...b,
      elements: [
        ...b.elements,
        { id: 'hp', kind: 'haproxy', name: 'hp', position: at, props: defaultProps('haproxy') },
        {
          id: 'sup',
          kind: 'supervisor',
          name: 'sup',
          position: at,
          props: { ...defaultProps('supervisor'), loadBalancer: { provider: 'haproxy', haproxyId: null } },
        },
      ],
    } as TopologyDocument;
    const mine = withProps<'supervisor'>(withSupervisor, 'sup', (p) => ({
      ...p,
      loadBalancer: { provider: 'nsx-alb', controllerId: null },
    }));
    const theirs = withProps<'supervisor'>(withSupervisor, 'sup', (p) => ({
      ...p,
      loadBalancer: { provider: 'haproxy', haproxyId: 'hp' },
    }));
    const result = mergeDocuments(withSupervisor, mine, theirs);
    expect(result.conflicts).toEqual([expect.objectContaining({ kind: 'edit-edit', path: 'props.loadBalancer' })]);
    expect(element<'supervisor'>(merged(result), 'sup').props.loadBalancer).toEqual({ provider: 'haproxy', haproxyId: 'hp' });
    const taken = mergeDocuments(withSupervisor, mine, theirs, { choices: { [result.conflicts[0]!.id]: 'mine' } });
    expect(element<'supervisor'>(merged(taken), 'sup').props.loadBalancer).toEqual({ provider: 'nsx-alb', controllerId: null });
  });
});
