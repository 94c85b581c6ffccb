import { formatCidr, formatIp, parseCidr, parseGatewayCidr, parseIp, type Element, type Route } from '@viplane/model';
import { defineRule, type RuleContext } from '../../engine/rule.ts';
import type { Target } from '../../engine/diagnostic.ts';
import { cidr as cachedCidr, ip as cachedIp, type Cidr } from '../../l3/addr.ts';
import { kindLabel } from '../../queries/ipam.ts';

type Of<K extends Element['kind']> = Extract<Element, { kind: K }>;

interface Field {
  /** What the value is, for the message: `Subnet`, `Gateway`, `Pod CIDR`. */
  what: string;
  value: string;
  /** `ip`: one address; `cidr`: a network (host bits clear); `gateway-cidr`: interface form `10.1.0.1/16`. */
  form: 'ip' | 'cidr' | 'gateway-cidr';
  owner: Element;
  targets: Target[];
  path: string;
}

const HELD_LABEL: Partial<Record<string, string>> = {
  endpoint: 'Control-plane endpoint',
  vip: 'VIP',
  'dns-vs': 'DNS virtual service address',
  'supervisor-management': 'Management start address',
};

/** IPv4-looking host fields (vCenter server, NSX Manager, APIC) may also hold a host name; only these are checked. */
const IPV4_LIKE = /^[0-9.]+$/;

export default defineRule({
  meta: {
    id: 'ipam/invalid-cidr',
    severity: 'error',
    category: 'ipam',
    description: 'An address, range or CIDR is malformed, or a network CIDR has host bits set.',
    docs: `### Why
Every other check, and every exported file, starts from the addresses written in the design. A value that is not an
address (\`192.168.48.300\`, \`192.168.32.0\` without a prefix length, a gateway written as \`192.168.48.1/22\` where one
address is wanted, a range whose end is before its start) is rejected by the real tools - the NSX-ALB Controller, the TKG
CLI, the HAProxy OVA, acc-provision - or, worse, silently read as something else. A network written with host bits
set (\`192.168.32.5/20\`) is ambiguous: the tools either refuse it or truncate it to \`192.168.32.0/20\`, and then the
subnet registered on the Controller is not the one you meant.

Checked everywhere an address is written: network subnets and gateways, NIC addresses and gateways, address ranges
(pools, DHCP scopes, workload ranges), HAProxy VIP CIDRs, held addresses (endpoints, VIPs, DNS virtual services, node
and Supervisor addresses), static route prefixes and next hops, cluster pod and service CIDRs, namespace networks and
the ACI CNI subnets. A static route whose prefix or next hop is blank or malformed is not installed in any routing
table (an empty next hop is not set; only \`nextHop: null\` is a discard route), so the routing rules never act on it.
ACI subnets use the gateway form (\`10.1.0.1/16\`, the address part is the bridge-domain gateway),
so host bits are expected there; a network or broadcast address in that form is reported instead. Empty fields count
as not set. Host-name fields (vCenter server, NSX Manager, APIC hosts) are only checked when they look like an IPv4
address.

### How to fix in Viplane
Select the element named in the message and correct the field it names in the inspector (**Subnet**, **Gateway**, an
interface's **Address**, an entry of **Address ranges** or **VIP ranges**, a cluster's **Pod CIDR** / **Service
CIDR**, or an ACI fabric's **Node subnet**, **Pod subnet** and the other subnets). Write the form the message
suggests: a single address where an address is expected, the network address with its prefix length for a network
(e.g. \`192.168.32.0/20\`, seed 000's \`dp-mgmt-32\`), \`start-end\` with both ends of the same family and \`start <=
end\` for a range, and \`x.x.x.1/nn\` for ACI subnets.

### Source
Seed 000 (NSX-ALB configuration samples) writes every network as a CIDR with host bits clear: \`dp-mgmt-32\`
192.168.32.0/20, \`dp-data-48\` 192.168.48.0/22, \`dp-data-52\` 192.168.52.0/22 (L119-121), and the TKG cluster
pod/service CIDRs as networks. Seed 002 (HAProxy) writes the VIP range as a CIDR, 192.168.120.128/25 (L24).
Seed 004 / acc-provision: subnets are \`gateway/prefix\` (shared/formats.md §6).`,
    seeds: ['000', '002', '004'],
  },
  check(ctx) {
    const { model } = ctx;
    const label = (e: Element) => `${kindLabel(e.kind)} ${e.name}`;
    const own = (e: Element): Target[] => [{ kind: e.kind, id: e.id }];
    // The common case is a well-formed value: `ok` answers it from the parse caches without allocating, and
    // targets and labels are only built for the rare value that is reported.

    // Networks: subnet and gateway.
    for (const n of model.networks) {
      const owner = model.elements.get(n.id);
      if (!owner) continue;
      if (n.subnetText !== null && !okCidr(n.subnet, n.subnetText))
        check(ctx, { what: 'Subnet', value: n.subnetText, form: 'cidr', owner, targets: own(owner), path: 'subnet' });
      if (n.gatewayText !== null && n.gateway === null && !ok(n.gatewayText, 'ip'))
        check(ctx, { what: 'Gateway', value: n.gatewayText, form: 'ip', owner, targets: own(owner), path: 'gateway' });
    }

    // Address ranges: both ends, then the range as a whole.
    for (let k = 0, all = model.ranges; k < all.length; k++) {
      const r = all[k]!;
      if (r.purpose === 'haproxy-vip') {
        if (ok(r.text, 'cidr')) continue;
        const owner = model.elements.get(r.ownerId);
        if (owner)
          check(ctx, {
            what: 'HAProxy VIP range',
            value: r.text,
            form: 'cidr',
            owner,
            targets: [...own(owner), { kind: 'range', id: r.id }],
            path: 'vipRanges',
          });
        continue;
      }
      const a = r.start;
      const b = r.end;
      if (a && b && a.family === b.family && a.value <= b.value) continue;
      const owner = model.elements.get(r.ownerId);
      const j = Number(r.path.slice(r.path.lastIndexOf('/') + 1));
      const item = owner ? (owner.props as { ranges?: { start: string; end: string }[] }).ranges?.[j] : undefined;
      if (!owner || !item) continue;
      const targets: Target[] = [...own(owner), { kind: 'range', id: r.id }];
      const okStart =
        ok(item.start, 'ip') ||
        check(ctx, { what: `Start of range ${r.id}`, value: item.start, form: 'ip', owner, targets, path: 'ranges.start' });
      const okEnd =
        ok(item.end, 'ip') || check(ctx, { what: `End of range ${r.id}`, value: item.end, form: 'ip', owner, targets, path: 'ranges.end' });
      if (!okStart || !okEnd || !a || !b) continue;
      const reason =
        a.family !== b.family ? `it mixes IPv${a.family} and IPv${b.family}` : `its end ${item.end} is before its start ${item.start}`;
      ctx.report({
        message: `Range ${r.id} (${item.start}-${item.end}) of ${label(owner)} is malformed: ${reason}`,
        targets,
        data: {
          field: 'range',
          value: `${item.start}-${item.end}`,
          reason,
          ...(a.family === b.family ? { expected: `${item.end}-${item.start}` } : {}),
        },
      });
    }

    // Held addresses written on elements (NIC addresses are checked with the links below).
    for (let k = 0, all = model.addresses; k < all.length; k++) {
      const a = all[k]!;
      if (a.linkId || a.ip || ok(a.text, 'ip')) continue;
      const owner = model.elements.get(a.ownerId);
      if (!owner) continue;
      const targets: Target[] = [...own(owner), ...(a.itemId ? [{ kind: 'node' as const, id: a.itemId }] : [])];
      const what = a.itemId ? `Address of node ${a.itemId}` : (HELD_LABEL[a.role] ?? 'Address');
      check(ctx, { what, value: a.text, form: 'ip', owner, targets, path: a.role });
    }

    // NIC links: address (whatever its mode) and gateway.
    for (let k = 0, all = model.document.links; k < all.length; k++) {
      const l = all[k]!;
      if (l.kind !== 'nic') continue;
      const badAddress = l.address !== null && !ok(l.address, 'ip');
      const badGateway = l.gateway !== null && !ok(l.gateway, 'ip');
      if (!badAddress && !badGateway) continue;
      const owner = model.elements.get(l.from);
      if (!owner) continue;
      const targets: Target[] = [...own(owner), { kind: 'link', id: l.id }];
      const net = model.elements.get(l.to)?.name ?? l.to;
      if (badAddress) check(ctx, { what: `NIC address on ${net}`, value: l.address!, form: 'ip', owner, targets, path: 'link.address' });
      if (badGateway) check(ctx, { what: `NIC gateway on ${net}`, value: l.gateway!, form: 'ip', owner, targets, path: 'link.gateway' });
    }

    // Static routes.
    const routes = (owner: Element, list: readonly Route[], where = '') => checkRoutes(ctx, owner, list, where);
    for (const r of model.ofKind('router')) routes(r, r.props.staticRoutes);
    for (const f of model.ofKind('firewall')) routes(f, f.props.staticRoutes);
    for (const c of model.ofKind('aviController')) for (const v of c.props.vrfs) routes(c, v.staticRoutes, ` in VRF ${v.name}`);
    for (const t of model.ofKind('nsxtTier0')) routes(t, t.props.staticRoutes);
    for (const t of model.ofKind('nsxtTier1')) routes(t, t.props.staticRoutes);

    // Cluster CIDRs (TKG, plain Kubernetes, TKC) and the Supervisor's service CIDR.
    for (const c of model.clusters) {
      const owner = model.elements.get(c.id);
      if (!owner) continue;
      for (const p of c.podCidrs)
        if (!okCidr(p.cidr, p.text))
          check(ctx, { what: 'Pod CIDR', value: p.text, form: 'cidr', owner, targets: own(owner), path: 'podCidr' });
      for (const x of c.serviceCidrs)
        if (!okCidr(x.cidr, x.text))
          check(ctx, { what: 'Service CIDR', value: x.text, form: 'cidr', owner, targets: own(owner), path: 'serviceCidr' });
    }
    for (const s of model.ofKind('supervisor'))
      if (!ok(s.props.serviceCidr, 'cidr'))
        check(ctx, { what: 'Service CIDR', value: s.props.serviceCidr, form: 'cidr', owner: s, targets: own(s), path: 'serviceCidr' });
    for (const ns of model.ofKind('vsphereNamespace')) {
      const n = ns.props.networkOverride?.namespaceNetwork;
      if (n && !ok(n, 'cidr'))
        check(ctx, {
          what: 'Namespace network',
          value: n,
          form: 'cidr',
          owner: ns,
          targets: own(ns),
          path: 'networkOverride.namespaceNetwork',
        });
    }

    // ACI CNI subnets (gateway form) and APIC hosts.
    for (const f of model.ofKind('aciFabric')) aciFabric(ctx, f);

    // Host fields that may be a name; checked only when they look like an IPv4 address.
    for (const v of model.ofKind('vcenter'))
      if (IPV4_LIKE.test(v.props.server) && !ok(v.props.server, 'ip'))
        check(ctx, { what: 'vCenter server', value: v.props.server, form: 'ip', owner: v, targets: own(v), path: 'server' });
    for (const t of model.ofKind('nsxtTier0'))
      if (IPV4_LIKE.test(t.props.managerHost) && !ok(t.props.managerHost, 'ip'))
        check(ctx, { what: 'NSX Manager host', value: t.props.managerHost, form: 'ip', owner: t, targets: own(t), path: 'managerHost' });
  },
});

/** Well-formed (or empty, which counts as not set)? Answered from the parse caches, without allocating. */
function ok(value: string, form: 'ip' | 'cidr'): boolean {
  if (value === '') return true;
  if (form === 'ip') return cachedIp(value) !== null || value.trim() === '';
  const c = cachedCidr(value);
  return (c !== null && !c.hostBitsSet) || value.trim() === '';
}

/** Static route prefixes and next hops of one element (a module-level loop, not a closure re-optimized per run). */
function checkRoutes(ctx: RuleContext, owner: Element, list: readonly Route[], where: string) {
  for (const r of list) {
    const badPrefix = !ok(r.prefix, 'cidr');
    const badHop = r.nextHop !== null && !ok(r.nextHop, 'ip');
    if (!badPrefix && !badHop) continue;
    const targets: Target[] = [
      { kind: owner.kind, id: owner.id },
      { kind: 'route', id: r.id },
    ];
    if (badPrefix)
      check(ctx, { what: `Prefix of route ${r.id}${where}`, value: r.prefix, form: 'cidr', owner, targets, path: 'route.prefix' });
    if (badHop)
      check(ctx, { what: `Next hop of route ${r.id}${where}`, value: r.nextHop!, form: 'ip', owner, targets, path: 'route.nextHop' });
  }
}

/**
 * `ok(text, 'cidr')` for a value lowering already parsed (through the same cache): no second
 * lookup for the thousands of well-formed subnets and cluster CIDRs of a large estate.
 */
function okCidr(parsed: Cidr | null, text: string): boolean {
  return parsed !== null ? !parsed.hostBitsSet : ok(text, 'cidr');
}

function aciFabric(ctx: RuleContext, f: Of<'aciFabric'>) {
  const targets: Target[] = [{ kind: 'aciFabric', id: f.id }];
  const subnets: [string, string | null][] = [
    ['node subnet', f.props.nodeSubnet],
    ['pod subnet', f.props.podSubnet],
    ['dynamic external subnet', f.props.externDynamic],
    ['static external subnet', f.props.externStatic],
    ['node service subnet', f.props.nodeServiceSubnet],
  ];
  for (const [what, value] of subnets)
    if (value !== null) check(ctx, { what: `ACI ${what}`, value, form: 'gateway-cidr', owner: f, targets, path: what });
  for (const host of f.props.apicHosts) {
    const m = /^([0-9.]+)(?::\d+)?$/.exec(host);
    if (m) check(ctx, { what: 'APIC host', value: m[1]!, form: 'ip', owner: f, targets, path: 'apicHosts' });
  }
}

/** Reports a malformed value; returns whether it is well-formed (or empty, which counts as not set). */
function check(ctx: RuleContext, f: Field): boolean {
  const value = f.value;
  if (value.trim() === '') return true;
  const owner = `${kindLabel(f.owner.kind)} ${f.owner.name}`;
  const report = (problem: string, reason: string, expected?: string) =>
    ctx.report({
      message: `${f.what} "${value}" of ${owner} ${problem}${expected ? `; it should be ${expected}` : ''}`,
      targets: f.targets,
      data: { field: f.path, value, reason, ...(expected ? { expected } : {}) },
    });

  if (f.form === 'ip') {
    if (cachedIp(value)) return true;
    const parsed = parseIp(value);
    const reason = 'error' in parsed ? parsed.error : 'malformed';
    // An interface written as `192.168.48.1/22` where one address is wanted.
    const asInterface = value.includes('/') ? parseGatewayCidr(value) : null;
    if (asInterface && !('error' in asInterface)) report('is a CIDR, not a single address', reason, formatIp(asInterface.ip));
    else report('is not a valid IP address', reason);
    return false;
  }

  if (f.form === 'cidr') {
    const c = cachedCidr(value);
    if (!c) {
      const parsed = parseCidr(value);
      report('is not a valid CIDR', 'error' in parsed ? parsed.error : 'malformed');
      return false;
    }
    if (c.hostBitsSet) {
      const parsed = parseCidr(value);
      const expected = 'error' in parsed ? undefined : formatCidr(parsed);
      report('has host bits set', `host bits set after /${c.prefix}`, expected);
      return false;
    }
    return true;
  }

  // Gateway form: `10.1.0.1/16` - the address part is a usable host of its network.
  const g = parseGatewayCidr(value);
  if ('error' in g) {
    report('is not a valid gateway/prefix', g.error);
    return false;
  }
  const { ip, network } = g;
  const small = network.family === 4 ? network.prefixLength >= 31 : network.prefixLength >= 127;
  const isNetwork = ip.value === network.start;
  const isBroadcast = network.family === 4 && ip.value === network.end;
  if (!small && (isNetwork || isBroadcast)) {
    const first =
      network.family === 4
        ? `${formatIp({ family: 4, value: network.start + 1 })}/${network.prefixLength}`
        : `${formatIp({ family: 6, value: network.start + 1n })}/${network.prefixLength}`;
    report(
      `names the ${isNetwork ? 'network' : 'broadcast'} address, not a gateway (the address part is the bridge-domain gateway)`,
      `${isNetwork ? 'network' : 'broadcast'} address in gateway form`,
      first,
    );
    return false;
  }
  return true;
}
