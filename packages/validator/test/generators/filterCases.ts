/**
 * Seeded random firewall / router ACL cases for the filter differential test: a small design with a
 * firewall and a router (networks to name in rules: nested IPv4 subnets, an IPv6 one, one without a
 * subnet, client networks with and without), random well-formed rule lists on both (CIDRs nested around
 * a few anchors, split halves of a block, single addresses, ranges, network ids, unknown ids, `any`,
 * empty sides; every protocol; port specs as single ports, ranges, lists and `any`) and flows at the
 * edges of what the rules name: most are concrete (one source and destination address of one family, a
 * protocol, one to three ports), a few stand for sets (address spans across rule boundaries, port ranges),
 * as derived flows do (an SE pool to the Controller nodes, the NodePort range). Half the cases open
 * with a set pattern in front of the random rules — part of a source set (or of a destination set)
 * allowed and then the whole set denied, or the set allowed in two parts that meet, overlap or leave
 * a one-address gap — with flows of exactly that set, some from clients (`sourcesAll` off: some
 * source getting through is enough). Malformed values (flows/invalid-filter-rule's business) are
 * not generated.
 */
import type { FilterRule, TopologyDocument } from '@viplane/model';
import { prng } from './ipamDesigns.ts';

/** A flow: sets of addresses (inclusive spans; one address each for most flows), a protocol and port spans. */
export interface FilterFlow {
  sources: AddressSpan[];
  /** Must every source get through (`false`: client sources, some is enough)? */
  sourcesAll: boolean;
  destinations: AddressSpan[];
  protocol: string;
  /** Inclusive port spans (`null`: the flow carries no port). */
  ports: { first: number; last: number }[] | null;
}

/** An inclusive address span, as the validator's spans take it and as `start-end` text for the oracle. */
export type AddressSpan = ({ family: 4; first: number; last: number } | { family: 6; first: bigint; last: bigint }) & { text: string };

export interface FilterCase {
  doc: TopologyDocument;
  firewall: FilterRule[];
  router: FilterRule[];
  flows: FilterFlow[];
}

export const FIREWALL_ID = 'fw';
export const ROUTER_ID = 'rt';

/** The networks rules may name, as the oracle needs them. */
export const NETWORKS: { id: string; kind: 'portGroup' | 'clientNetwork'; subnet: string | null }[] = [
  { id: 'net-a', kind: 'portGroup', subnet: '10.1.0.0/16' },
  { id: 'net-b', kind: 'portGroup', subnet: '10.1.2.0/24' },
  { id: 'net-v6', kind: 'portGroup', subnet: '2001:db8:1::/64' },
  { id: 'net-blank', kind: 'portGroup', subnet: null },
  { id: 'clients', kind: 'clientNetwork', subnet: null },
  { id: 'branch', kind: 'clientNetwork', subnet: '10.2.0.0/24' },
];

const V4_ANCHORS = [0x0a010000, 0x0a010200, 0x0a010280, 0x0a010300, 0x0a020000, 0x0a01ffff];
const V4_PREFIXES = [0, 8, 16, 16, 23, 24, 24, 25, 25, 26, 28, 30, 31, 32];
const BASE6 = 0x2001_0db8_0001_0000_0000_0000_0000_0000n;
const V6_POINTS = [0n, 5n, 0x10n, 0x20n, 0x21n, 1n << 63n, 1n << 64n, -1n];
const V6_ITEMS = ['2001:db8:1::/64', '2001:db8:1:0:8000::/65', '2001:db8:1::10-2001:db8:1::20', '2001:db8:1::5', '::/0', '2001:db8::/32'];
const PORT_SPECS = [
  'any',
  'any',
  '',
  ' ANY ',
  '22',
  '443',
  '443',
  '8443',
  '53',
  '1-1024',
  '1024-65535',
  '0-65535',
  '30000-32767',
  '22,443',
  '22, 443,8443',
  '80-90,91-100',
  '443,8000-8100',
  '80-100',
  '85',
];
const FLOW_PORTS = [0, 1, 21, 22, 23, 53, 80, 85, 90, 91, 100, 101, 443, 1023, 1024, 1025, 8000, 8100, 8101, 8443, 30000, 32767, 65535];
const PROTOCOLS: FilterRule['protocol'][] = ['any', 'any', 'tcp', 'tcp', 'udp', 'icmp'];
const FLOW_PROTOCOLS = ['tcp', 'tcp', 'udp', 'icmp', 'tcp/udp', 'ip-proto-47'];

const text4 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
const network4 = (v: number, prefix: number) => v - (v % 2 ** (32 - prefix));
/** Full (uncompressed) IPv6 text: both parsers read it, and it shares nothing with either's formatter. */
const text6 = (v: bigint) => Array.from({ length: 8 }, (_, i) => ((v >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');

export function randomFilterCase(seed: number, template: TopologyDocument): FilterCase {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const int = (n: number) => Math.floor(rnd() * n);
  /** IPv4 points the rules name (edges and neighbours), so flows land on and next to their boundaries. */
  const edges4 = new Set<number>([0x0a010000, 0x0a01ffff, 0x0a010200, 0x0a0102ff, 0x0a020000, 0x0a0200ff, 0x08080808]);

  const v4Item = (): string[] => {
    const v = (pick(V4_ANCHORS) + int(300) - 2) >>> 0;
    const r = rnd();
    if (r < 0.45) {
      const prefix = pick(V4_PREFIXES);
      const first = network4(v, prefix);
      const last = first + 2 ** (32 - prefix) - 1;
      edges4.add(first).add(last);
      // Both halves of the block as two items: together they are the block.
      if (prefix < 32 && rnd() < 0.3) {
        const half = 2 ** (31 - prefix);
        edges4.add(first + half - 1).add(first + half);
        return [`${text4(first)}/${prefix + 1}`, `${text4(first + half)}/${prefix + 1}`];
      }
      return [`${text4(first)}/${prefix}`];
    }
    if (r < 0.7) {
      edges4.add(v);
      return [text4(v)];
    }
    const last = Math.min(0xffffffff, v + int(600));
    edges4.add(v).add(last);
    return [`${text4(v)}-${text4(last)}`];
  };

  const side = (): string[] => {
    if (rnd() < 0.25) return [];
    const out: string[] = [];
    for (let k = 1 + int(3); k > 0; k--) {
      const r = rnd();
      if (r < 0.65) out.push(...v4Item());
      else if (r < 0.78) out.push(pick(NETWORKS).id);
      else if (r < 0.88) out.push(pick(V6_ITEMS));
      else if (r < 0.93) out.push('ghost');
      else out.push(pick(['any', 'ANY', ' any ']));
    }
    return out;
  };

  const rules = (prefix: string): FilterRule[] =>
    Array.from({ length: int(11) }, (_, i) => ({
      id: `${prefix}${i + 1}`,
      action: rnd() < 0.5 ? 'allow' : 'deny',
      sources: side(),
      destinations: side(),
      protocol: pick(PROTOCOLS),
      ports: pick(PORT_SPECS),
    }));

  const span4 = (first: number, last: number): AddressSpan => ({ family: 4, first, last, text: `${text4(first)}-${text4(last)}` });
  /**
   * A set pattern: rules over a source set S and destination set D that decide set flows S → D only
   * when the whole of each side is judged (an allow of part of S, then a deny of S; S allowed in two
   * parts; part of D allowed), and the flows of exactly those sets.
   */
  const pattern = (): { rules: FilterRule[]; flows: FilterFlow[] } | null => {
    if (rnd() < 0.5) return null;
    const s0 = (pick(V4_ANCHORS) + int(200)) >>> 0;
    const s1 = s0 + 8 + int(40);
    const d0 = (pick(V4_ANCHORS) + int(200)) >>> 0;
    const d1 = d0 + int(4);
    const S = `${text4(s0)}-${text4(s1)}`;
    const D = d0 === d1 ? text4(d0) : `${text4(d0)}-${text4(d1)}`;
    const protocol = pick<FilterRule['protocol']>(['tcp', 'tcp', 'any']);
    const ports = pick(['8443', '22,8443', 'any', '30000-32767']);
    const allow = (sources: string[], destinations: string[], id: string): FilterRule => ({ id, action: 'allow', sources, destinations, protocol, ports });
    const deny: FilterRule = { id: 'p-deny', action: 'deny', sources: rnd() < 0.5 ? [S] : [], destinations: rnd() < 0.5 ? [D] : [], protocol: 'any', ports: 'any' };
    const split = s0 + 1 + int(s1 - s0 - 1);
    // -1: a one-address gap; 0: the parts meet; +2: they overlap.
    const seam = Math.min(pick([-1, 0, 0, 2]), s1 - split);
    const kind = int(3);
    const list: FilterRule[] =
      kind === 0
        ? [allow([rnd() < 0.5 ? text4(s0 + int(s1 - s0 + 1)) : `${text4(s0)}-${text4(split)}`], [D], 'p-part')]
        : kind === 1
          ? [allow([`${text4(s0)}-${text4(split - 1)}`], [D], 'p-low'), allow([`${text4(split + seam)}-${text4(s1)}`], [D], 'p-high')]
          : [allow([S], [text4(d0)], 'p-dst'), ...(rnd() < 0.5 ? [allow([S], [D], 'p-all')] : [])];
    if (rnd() < 0.8) list.push(deny);
    for (const v of [s0, s1, split, split + seam, d0, d1]) edges4.add(v);
    const flowPorts = ports === '30000-32767' ? [{ first: 30000, last: 32767 }] : ports === 'any' ? [{ first: 443, last: 443 }] : [{ first: 8443, last: 8443 }];
    const flows = Array.from({ length: 6 }, (_, k): FilterFlow => {
      // The set as one span or as two adjacent ones (an SE group with two pools).
      const sources = k % 3 === 2 ? [span4(s0, split), span4(split + 1, s1)] : [span4(s0, s1)];
      return { sources, sourcesAll: k % 2 === 0, destinations: [span4(d0, d1)], protocol: 'tcp', ports: flowPorts };
    });
    return { rules: list, flows };
  };
  const set = pattern();

  const firewall = [...(set?.rules ?? []), ...rules('f')];
  // A copy sometimes: identical lists on both points, then the router differs only when empty.
  const r = rnd();
  const router = r < 0.25 ? [] : r < 0.45 ? firewall.map((x) => ({ ...x, id: `r-${x.id}` })) : [...(set?.rules ?? []).map((x) => ({ ...x, id: `r-${x.id}` })), ...rules('r')];

  const points4 = [...edges4].flatMap((v) => [v - 1, v, v + 1]).filter((v) => v >= 0 && v <= 0xffffffff);
  const span6 = (first: bigint, last: bigint): AddressSpan => ({ family: 6, first, last, text: `${text6(first)}-${text6(last)}` });
  /** One address, or (wide) a span from one edge a little past the next ones. */
  const addresses = (family: 4 | 6, wide: boolean): AddressSpan => {
    if (family === 6) {
      const a = BASE6 + pick(V6_POINTS);
      return wide ? span6(a, a + BigInt(int(0x30))) : span6(a, a);
    }
    const a = pick(points4);
    return wide ? span4(a, Math.min(0xffffffff, a + int(700))) : span4(a, a);
  };
  const portSpan = (wide: boolean) => {
    const a = pick(FLOW_PORTS);
    const b = wide ? pick(FLOW_PORTS) : a;
    return { first: Math.min(a, b), last: Math.max(a, b) };
  };
  const flows: FilterFlow[] = Array.from({ length: 30 }, (_, k) => {
    const wide = k >= 24;
    const family = rnd() < 0.2 ? 6 : 4;
    const many = () => Array.from({ length: wide ? 1 + int(2) : 1 }, () => addresses(family, wide));
    const protocol = pick(FLOW_PROTOCOLS);
    const ports =
      protocol === 'icmp' || protocol.startsWith('ip-proto')
        ? null
        : Array.from({ length: 1 + (rnd() < 0.3 ? 1 + int(2) : 0) }, () => portSpan(wide && rnd() < 0.6));
    // Some set flows come from clients: some source getting through is enough.
    return { sources: many(), sourcesAll: !wide || rnd() < 0.7, destinations: many(), protocol, ports };
  });
  if (set) flows.push(...set.flows);

  const doc: TopologyDocument = {
    ...structuredClone(template),
    elements: [
      ...NETWORKS.map((n, i) =>
        n.kind === 'portGroup'
          ? {
              id: n.id,
              kind: 'portGroup' as const,
              name: n.id,
              position: { x: 200 * i, y: 0 },
              props: {
                vlan: 10 + i,
                subnet: n.subnet,
                gateway: null,
                dhcp: false,
                albRegistered: false,
                ranges: [],
                routingDomain: 'default',
              },
            }
          : {
              id: n.id,
              kind: 'clientNetwork' as const,
              name: n.id,
              position: { x: 200 * i, y: 0 },
              props: { subnet: n.subnet, gateway: null, routingDomain: 'default' },
            },
      ),
      {
        id: FIREWALL_ID,
        kind: 'firewall',
        name: 'fw',
        position: { x: 0, y: 200 },
        props: { staticRoutes: [], routingDomain: 'default', rules: firewall },
      },
      {
        id: ROUTER_ID,
        kind: 'router',
        name: 'rt',
        position: { x: 200, y: 200 },
        props: { staticRoutes: [], routingDomain: 'default', acl: router },
      },
    ],
    links: [],
  };
  return { doc, firewall, router, flows };
}
