/**
 * ValidationSession against full runs: random edits on a small generated estate (plus an
 * HAProxy / Supervisor / NSX-T corner, so every lowering path is exercised); after each edit the
 * session's diagnostics of the incremental rules must equal what validate() reports for them on
 * the edited document, message, data and targets included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder, restore, type Element, type Link, type TopologyDocument } from '@viplane/model';
import { validate } from '../src/index.ts';
import { INCREMENTAL_RULES, ValidationSession, diagnosticKey } from '../src/incremental/session.ts';
import { generateEstate } from '../bench/generate.ts';
import { setNetworkField, setNodeAddress, setRangeEnd, updateElement, updateLink, type Edit } from '../bench/edits.ts';

/** The generated estate (2 routing domains) with the kinds it lacks, attached to vrf-0's networks. */
function smallEstate(): TopologyDocument {
  const { doc } = generateEstate({ scale: 0.04, seed: 7 });
  const b = new DesignBuilder({ name: 'extras' });
  // Default topology: the VIP range is on the primary workload network pg-0-9 (a Frontend one would be on pg-0-10).
  const hp = b.add('haproxy', 'hp', { topology: 'default', vipRanges: ['10.0.37.128/26'] }, { id: 'hp' });
  b.nic(hp, 'pg-0-8', { id: 'hp-mgmt', role: 'management', address: '10.0.32.2', gateway: '10.0.32.1' });
  b.nic(hp, 'pg-0-9', { id: 'hp-wl', role: 'workload', address: '10.0.36.2', gateway: '10.0.36.1' });
  b.nic(hp, 'pg-0-10', { id: 'hp-fe', role: 'frontend', address: '10.0.40.2', gateway: '10.0.40.1' });
  const sup = b.add(
    'supervisor',
    'sup',
    { loadBalancer: { provider: 'haproxy', haproxyId: hp }, managementNetworkId: 'pg-0-8', managementStartAddress: '10.0.32.10' },
    { id: 'sup' },
  );
  b.add(
    'workloadNetwork',
    'wn',
    {
      supervisorId: sup,
      portGroupId: 'pg-0-9',
      primary: true,
      ranges: [{ id: 'wn-r', purpose: 'workload', start: '10.0.37.200', end: '10.0.37.250' }],
    },
    { id: 'wn' },
  );
  b.add('aviDnsVs', 'dns', { seGroupId: 'se-0', networkId: 'pg-0-1', address: '10.0.5.250' }, { id: 'dns' });
  const t1 = b.add('nsxtTier1', 't1', {}, { id: 't1' });
  b.add(
    'nsxtSegment',
    'seg',
    {
      tier1Id: t1,
      subnet: '10.0.200.0/24',
      gateway: '10.0.200.1',
      ranges: [{ id: 'seg-dhcp', purpose: 'dhcp', start: '10.0.200.10', end: '10.0.200.50' }],
    },
    { id: 'seg' },
  );
  const extra = b.build();
  return { ...doc, elements: [...doc.elements, ...extra.elements], links: [...doc.links, ...extra.links] };
}

const base = smallEstate();
const localIds = [...INCREMENTAL_RULES];

function fullKeys(doc: TopologyDocument): string[] {
  return validate(doc, { only: localIds }).map(diagnosticKey).sort();
}
function sessionKeys(s: ValidationSession): string[] {
  return s.diagnostics
    .filter((d) => INCREMENTAL_RULES.has(d.ruleId))
    .map(diagnosticKey)
    .sort();
}

// ---- random edits -----------------------------------------------------------------------------

const NETWORK_KINDS = new Set(['portGroup', 'clientNetwork', 'nsxtSegment']);
type Props = Record<string, unknown>;
const propsOf = (el: Element) => el.props as Props;

/** Address strings of the document, the material conflicts are made of, and some malformed ones. */
function ipPool(doc: TopologyDocument): string[] {
  const out = new Set<string>(['10.0.4.0', '10.0.7.255', '10.1.4.1', '10.0.999.1', 'bogus', 'fd00::1', '10.0.4.0/22']);
  for (const el of doc.elements) {
    const p = propsOf(el);
    for (const k of ['gateway', 'address', 'managementStartAddress']) if (typeof p[k] === 'string') out.add(p[k] as string);
    for (const r of (p['ranges'] as { start: string; end: string }[] | undefined) ?? []) out.add(r.start).add(r.end);
    for (const n of ((p['nodes'] as { address: string | null }[] | undefined) ?? []).slice(0, 3)) if (n.address) out.add(n.address);
  }
  for (const l of doc.links) if (l.address) out.add(l.address);
  return [...out].sort();
}
function cidrPool(doc: TopologyDocument): string[] {
  const out = new Set<string>(['10.0.0.0/16', '10.0.4.1/22', '10.0.4.0/33', 'nonsense', 'fd00::/64', '10.0.37.128/26', '0.0.0.0/0']);
  for (const el of doc.elements) {
    const s = propsOf(el)['subnet'];
    if (typeof s === 'string') {
      out.add(s);
      const [a, len] = s.split('/');
      if (len) out.add(`${a}/${Number(len) - 1}`);
    }
  }
  return [...out].sort();
}

interface Step {
  kind: string;
  pick: number;
  value: number;
}
const ALL_KINDS = [
  'subnet',
  'gateway',
  'domain',
  'range',
  'node',
  'held',
  'link',
  'linkTo',
  'hpvip',
  'rename',
  'move',
  'append',
  'dropTail',
  'dropMiddle',
];
const stepOf = (kinds: string[]) =>
  fc.record({
    kind: fc.constantFrom(...kinds),
    // Small numbers: edits keep hitting the same few items and values, so conflicts pile up and break up.
    pick: fc.nat({ max: 40 }),
    value: fc.nat({ max: 40 }),
  });

/** Interpret a step against the current document; `undefined` when it does not apply. */
function edit(doc: TopologyDocument, s: Step, few?: readonly string[]): Edit | undefined {
  const of = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);
  // Half of the values come from a few hot addresses, so duplicate groups of three or more
  // (and their break-up) happen: an SE address, a gateway, a node, the Supervisor block, a VIP range.
  const hot = ['10.0.0.3', '10.0.16.1', '10.0.36.1', '10.0.32.12', '10.0.37.130'];
  const ips = few ?? (s.value % 2 === 0 ? hot : ipPool(doc));
  const ipOrNull = few ? of(few, s.value)! : (of([...ips, null], s.value >> 1) ?? null);
  // `few` values: only vrf-0's items and those values, so conflicts keep forming and breaking up.
  const els = few ? doc.elements.filter((e) => /-0(-|$)|^(hp|sup|dns|wn|seg|t1)$/.test(e.id)) : doc.elements;
  const nets = els.filter((e) => NETWORK_KINDS.has(e.kind));
  switch (s.kind) {
    case 'subnet':
      return setNetworkField(doc, of(nets, s.pick)!.id, 'subnet', of(cidrPool(doc), s.value)!);
    case 'gateway':
      return setNetworkField(doc, of(nets, s.pick)!.id, 'gateway', ipOrNull);
    case 'domain': {
      const pg = of(
        els.filter((e) => e.kind === 'portGroup'),
        s.pick,
      )!;
      return updateElement(doc, pg.id, (p) => ({ ...p, routingDomain: of(['vrf-0', 'vrf-1', 'default'], s.value)! }));
    }
    case 'range': {
      const owners = els.filter((e) => Array.isArray(propsOf(e)['ranges']) && (propsOf(e)['ranges'] as unknown[]).length > 0);
      const owner = of(owners, s.pick)!;
      const range = of(propsOf(owner)['ranges'] as { id: string }[], s.value >> 3)!;
      return setRangeEnd(doc, owner.id, range.id, s.value % 2 === 0 ? 'start' : 'end', of(ips, s.value >> 1)!);
    }
    case 'node': {
      const c = of(
        els.filter((e) => e.kind === 'k8sCluster'),
        s.pick,
      )!;
      const node = of(propsOf(c)['nodes'] as { id: string }[], s.pick >> 2)!;
      return setNodeAddress(doc, c.id, node.id, ipOrNull);
    }
    case 'held': {
      const holders = els.filter((e) => ['virtualService', 'aviDnsVs', 'supervisor', 'tkgCluster'].includes(e.kind));
      const h = of(holders, s.pick)!;
      if (h.kind === 'tkgCluster')
        return updateElement(doc, h.id, (p) => ({ ...p, endpoint: { ...(p['endpoint'] as object), address: ipOrNull } }));
      const field = h.kind === 'supervisor' ? 'managementStartAddress' : 'address';
      return updateElement(doc, h.id, (p) => ({ ...p, [field]: h.kind === 'aviDnsVs' ? (ipOrNull ?? '') : ipOrNull }));
    }
    case 'link': {
      const l = of(
        doc.links.filter((x) => x.kind === 'nic' && (!few || /-0(-|$)|^hp/.test(x.id))),
        s.pick,
      )!;
      return updateLink(doc, l.id, (x) =>
        s.value % 2 === 0 ? { ...x, address: ipOrNull, addressMode: 'static' } : { ...x, gateway: ipOrNull },
      );
    }
    case 'linkTo': {
      const l = of(
        doc.links.filter((x) => x.kind === 'nic'),
        s.pick,
      )!;
      return updateLink(doc, l.id, (x) => ({ ...x, to: of(nets, s.value)!.id }));
    }
    case 'hpvip':
      return els.some((e) => e.id === 'hp')
        ? updateElement(doc, 'hp', (p) => ({ ...p, vipRanges: [of(cidrPool(doc), s.value)!] }))
        : undefined;
    case 'rename': {
      const el = of(els, s.pick)!;
      return { doc: { ...doc, elements: els.map((e) => (e.id === el.id ? { ...e, name: `${e.name}-renamed` } : e)) }, changed: [el.id] };
    }
    case 'move': {
      const el = of(els, s.pick)!;
      return {
        doc: { ...doc, elements: els.map((e) => (e.id === el.id ? { ...e, position: { x: 1, y: s.value } } : e)) },
        changed: [el.id],
      };
    }
    case 'append': {
      const id = `new-${els.length}`;
      const b = new DesignBuilder({ name: 'x' });
      b.add(
        'portGroup',
        id,
        {
          subnet: of(cidrPool(doc), s.value)!,
          gateway: of(ips, s.pick)!,
          routingDomain: 'vrf-0',
          ranges: [{ id: `${id}-r`, purpose: 'vip-pool', start: of(ips, s.pick + 1)!, end: of(ips, s.value + 1)! }],
        },
        { id },
      );
      return { doc: { ...doc, elements: [...els, ...b.build().elements] }, changed: [id] };
    }
    case 'dropTail': {
      const last = els[els.length - 1]!;
      return last.id.startsWith('new-') ? { doc: { ...doc, elements: els.slice(0, -1) }, changed: [last.id] } : undefined;
    }
    case 'dropMiddle': {
      const vs = of(
        els.filter((e) => e.kind === 'virtualService'),
        s.pick,
      );
      return vs ? { doc: { ...doc, elements: els.filter((e) => e !== vs) }, changed: [vs.id] } : undefined;
    }
  }
  return undefined;
}

describe('ValidationSession', () => {
  it('starts from a valid document with the full run', () => {
    const r = restore(base);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(sessionKeys(new ValidationSession(base))).toEqual(fullKeys(base));
  });

  const property = (kinds: string[], numRuns: number, few?: readonly string[], refreshEvery = 0) => {
    const session = new ValidationSession(base);
    let doc = base;
    fc.assert(
      fc.property(fc.array(stepOf(kinds), { minLength: 1, maxLength: 8 }), (steps) => {
        const applied: string[] = [];
        for (const s of steps) {
          const e = edit(doc, s, few);
          if (!e) continue;
          applied.push(`${s.kind} ${e.changed.join(',')}`);
          session.apply(e.doc, e.changed);
          doc = e.doc;
          expect(sessionKeys(session), applied.join(' | ')).toEqual(fullKeys(doc));
          if (refreshEvery > 0 && applied.length % refreshEvery === 0) {
            // The debounced full run keeps the store the edits kept up; later edits must still agree.
            session.refresh();
            applied.push('refresh');
            expect(session.diagnostics.map(diagnosticKey).sort(), applied.join(' | ')).toEqual(validate(doc).map(diagnosticKey).sort());
          }
        }
        // Back to the base document in one edit naming everything that differs.
        const changed = [...doc.elements, ...base.elements, ...doc.links, ...base.links].map((x) => x.id);
        session.apply(base, changed);
        doc = base;
        expect(sessionKeys(session)).toEqual(fullKeys(base));
      }),
      { numRuns, seed: 20261124 },
    );
  };

  it('random edits: the incremental rules report exactly what a full validate() reports', () => property(ALL_KINDS, 50), 300_000);

  it(
    'random edits with full runs between them: refresh() keeps the store the edits kept up',
    () => property(ALL_KINDS, 30, undefined, 2),
    300_000,
  );

  it(
    'random address shuffles: duplicate groups form and break up as in full runs',
    () => property(['node', 'held', 'link'], 40, ['10.0.0.3', '10.0.16.1', '10.0.0.77']),
    300_000,
  );

  it(
    'random edits around the HAProxy corner: gateways on links, VIP ranges, workload ranges',
    () =>
      property(['subnet', 'gateway', 'range', 'link', 'linkTo', 'hpvip', 'node', 'held'], 40, [
        '10.0.36.1',
        '10.0.36.20',
        '10.0.37.130',
        '10.0.32.1',
        '10.0.37.210',
      ]),
    300_000,
  );

  it('re-reports the rest of a duplicate group when one member leaves it', () => {
    const session = new ValidationSession(base);
    const a = setNodeAddress(base, 'k8s-0-0', 'k8s-0-0-n0', '10.0.0.3');
    const b = setNodeAddress(a.doc, 'k8s-0-0', 'k8s-0-0-n1', '10.0.0.3');
    const c = setNodeAddress(b.doc, 'k8s-0-0', 'k8s-0-0-n1', '10.0.0.77');
    for (const e of [a, b, c]) {
      session.apply(e.doc, e.changed);
      expect(sessionKeys(session)).toEqual(fullKeys(e.doc));
    }
    expect(sessionKeys(session)).toHaveLength(1);
  });

  it('follows gateways set on nic links: a static address at a link gateway, a subnet leaving a link gateway out', () => {
    const session = new ValidationSession(base);
    const link = (doc: TopologyDocument, id: string, change: Partial<Link>) => updateLink(doc, id, (l) => ({ ...l, ...change }));
    // HAProxy's workload address inside pg-0-9's DHCP scope, then the router's nic there names it as a gateway.
    const a = link(base, 'hp-wl', { address: '10.0.36.20' });
    const b = link(a.doc, 'rt-0--pg-0-9', { gateway: '10.0.36.20' });
    // The network's own gateway moves (HAProxy's nic gateway no longer coincides with it), then the
    // subnet moves away from every gateway, and back.
    const b2 = link(b.doc, 'rt-0--pg-0-9', { gateway: '10.0.36.6' });
    const c = setNetworkField(b2.doc, 'pg-0-9', 'gateway', '10.0.36.5');
    const d = setNetworkField(c.doc, 'pg-0-9', 'subnet', '10.0.40.0/22');
    const e = setNetworkField(d.doc, 'pg-0-9', 'subnet', '10.0.36.0/22');
    const counts: number[] = [];
    for (const x of [a, b, b2, c, d, e]) {
      const { doc: next, changed } = x;
      session.apply(next, changed);
      expect(sessionKeys(session)).toEqual(fullKeys(next));
      counts.push(sessionKeys(session).length);
    }
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('moves HAProxy VIP ranges with the primary workload network, the topology and the Supervisor it serves', () => {
    const session = new ValidationSession(base);
    const a = updateElement(base, 'wn', (p) => ({ ...p, portGroupId: 'pg-0-10' }));
    const b = updateElement(a.doc, 'wn', (p) => ({ ...p, portGroupId: 'pg-0-9' }));
    const c = updateElement(b.doc, 'hp', (p) => ({ ...p, topology: 'frontend' }));
    const d = updateElement(c.doc, 'hp', (p) => ({ ...p, topology: 'default' }));
    const e = updateElement(d.doc, 'sup', (p) => ({ ...p, loadBalancer: { provider: 'haproxy', haproxyId: null } }));
    const outside: boolean[] = [];
    for (const x of [a, b, c, d, e]) {
      const r = session.apply(x.doc, x.changed);
      expect(r.mode).toBe('incremental');
      expect(sessionKeys(session)).toEqual(fullKeys(x.doc));
      outside.push(sessionKeys(session).some((k) => k.includes('"ipam/range-outside-subnet"') && k.includes('"hp/vip/0"')));
    }
    // pg-0-10 (the frontend network) does not hold 10.0.37.128/26; pg-0-9 does.
    expect(outside).toEqual([true, false, true, false, false]);
  });

  it('marks the other rules stale after an incremental edit, and refresh() clears it', () => {
    const session = new ValidationSession(base);
    const e = setNodeAddress(base, 'k8s-0-0', 'k8s-0-0-n0', '10.0.0.3');
    const r = session.apply(e.doc, e.changed);
    expect(r.mode).toBe('incremental');
    expect(r.added.map((d) => d.ruleId)).toEqual(['ipam/duplicate-ip']);
    expect(r.added[0]!.targets.map((t) => t.id)).toEqual(['se-0', 'se-0--pg-0-0', 'k8s-0-0', 'k8s-0-0-n0']);
    expect(r.stale).toContain('ipam/pool-exhausted');
    expect(r.stale).not.toContain('ipam/duplicate-ip');
    const full = session.refresh();
    expect(full.mode).toBe('full');
    expect(session.stale).toEqual([]);
    expect(session.diagnostics.map(diagnosticKey).sort()).toEqual(validate(e.doc).map(diagnosticKey).sort());
  });

  it('does no IPAM work for a move, and takes the full path for a removal in the middle', () => {
    const session = new ValidationSession(base);
    const moved = { ...base, elements: base.elements.map((e, i) => (i === 3 ? { ...e, position: { x: 9, y: 9 } } : e)) };
    expect(session.apply(moved, [base.elements[3]!.id])).toMatchObject({ mode: 'incremental', added: [], removed: [] });
    const dropped = { ...base, elements: base.elements.filter((e) => e.id !== 'vs-0-3') };
    expect(session.apply(dropped, ['vs-0-3']).mode).toBe('full');
  });
});
