/**
 * Roles → design elements → address sets (ports.md §7.2). Each role resolves to endpoints: a label
 * a network team reads, the addresses a rule must name, where a trace starts or ends, and scope
 * keys that pair the two sides of a flow (an SE group talks to its own Controller, workload
 * cluster nodes to their own management cluster's endpoint). Roles the model has no element for
 * resolve to a reason instead of invented addresses.
 */
import type { L3Model, L3Range } from '../l3/model.ts';
import type { TraceEndpoint } from '../routing/trace.ts';
import type { RoleId } from './catalogue/types.ts';
import { ANY, rangeToCidrs4, spanOfText as parse, type Span } from '../routing/addressSets.ts';

export interface FlowEndpoint {
  /** Unique per endpoint, for trace caching. */
  key: string;
  label: string;
  /** The element the endpoint belongs to (targets of findings). */
  elementId: string;
  /** Addresses a rule must name (`any` for clients anywhere). */
  addresses: string[];
  spans: Span[];
  /** The network the endpoint sits on, when it is one (L2 requirements, intra-segment checks). */
  networkId: string | null;
  /** Equal keys on both sides pair endpoints; a key missing on either side does not constrain. */
  scope: Readonly<Record<string, string>>;
  /** Where a trace starts (as a source) and ends (as a destination); `null` = cannot be traced. */
  from: TraceEndpoint | null;
  to: TraceEndpoint | null;
  /** SE data interfaces: the source is the SE pool of the network routing picks (SNAT, A12). */
  snatOnEgress?: boolean;
  /** Why the endpoint cannot be traced (the flow stays unresolved with this reason). */
  untraceable?: string;
  /** A service port the endpoint fixes (virtual service port, HAProxy Data Plane API port). */
  port?: string;
}

export type RoleResolution = { endpoints: FlowEndpoint[] } | { missing: string };

const MISSING: Partial<Record<RoleId, string>> = {
  'esxi-hosts': 'ESXi hosts are not in the design',
  bootstrap: 'the bootstrap machine is not in the design',
  'dns-server': 'DNS servers are not in the design',
  'ntp-server': 'NTP servers are not in the design',
  'dhcp-server': 'the DHCP server is not in the design',
  registry: 'the image registry is not in the design',
  'syslog-server': 'the syslog server is not in the design',
  'bgp-peer': 'BGP peers are not in the design',
  'tier0-uplink': 'Tier-0 uplink peering is not in the design',
};

export class RoleResolver {
  private readonly cache = new Map<RoleId, RoleResolution>();
  private readonly held = new Map<string, string[]>();
  private readonly rangesByNetwork = new Map<string, L3Range[]>();
  private akoClusters: Set<string> | undefined;

  constructor(private readonly model: L3Model) {
    for (const a of model.addresses) {
      if (!a.ip) continue;
      const list = this.held.get(a.ownerId);
      if (list) list.push(a.ip.text);
      else this.held.set(a.ownerId, [a.ip.text]);
    }
    for (const r of model.ranges) {
      if (!r.networkId) continue;
      const list = this.rangesByNetwork.get(r.networkId);
      if (list) list.push(r);
      else this.rangesByNetwork.set(r.networkId, [r]);
    }
  }

  resolve(role: RoleId): RoleResolution {
    let r = this.cache.get(role);
    if (!r) this.cache.set(role, (r = this.compute(role)));
    return r;
  }

  /** The SE pool on a network (an SE interface's address there), else the subnet. */
  sePool(networkId: string): { addresses: string[]; spans: Span[] } {
    return this.rangeSet(networkId, ['se-pool', 'se-vip-pool']) ?? this.subnetSet(networkId);
  }

  private compute(role: RoleId): RoleResolution {
    const m = this.model;
    const missing = MISSING[role];
    if (missing) return { missing };
    const endpoints: FlowEndpoint[] = [];
    switch (role) {
      case 'controller-node':
        for (const c of m.ofKind('aviController')) {
          const addrs = this.held.get(c.id) ?? [];
          if (addrs.length === 0) continue;
          const net = m.hostById.get(c.id)?.vrfs[0]?.interfaces[0]?.networkId ?? null;
          endpoints.push(this.point(c.id, `Controller nodes (${c.name})`, addrs, net, { controller: c.id, vcenter: c.props.vcenterId }, { elementId: c.id }));
        }
        break;
      case 'se-mgmt':
      case 'se-data':
        for (const se of m.ofKind('seGroup')) {
          const host = m.hostById.get(se.id);
          const vrf = host?.vrfs.find((v) => v.name === (role === 'se-mgmt' ? 'management' : 'global'));
          const net = vrf?.interfaces[0]?.networkId;
          if (!vrf || !net) continue;
          const scope = { controller: se.props.controllerId, seGroup: se.id };
          if (role === 'se-mgmt') {
            const set = this.sePool(net);
            endpoints.push({
              ...this.point(se.id, `SE management NICs (${se.name})`, set, net, scope, { elementId: se.id, vrf: 'management' }),
              spans: set.spans,
              to: { elementId: net },
            });
          } else
            endpoints.push({
              ...this.point(se.id, `SE data NICs (${se.name})`, [], null, scope, { elementId: se.id, vrf: 'global' }),
              to: null,
              snatOnEgress: true,
            });
        }
        break;
      case 'vip':
        for (const vs of m.ofKind('virtualService')) {
          const set = vs.props.address
            ? this.addressSet([vs.props.address])
            : vs.props.vipNetworkId
              ? (this.rangeSet(vs.props.vipNetworkId, ['vip-pool', 'se-vip-pool']) ?? this.subnetSet(vs.props.vipNetworkId))
              : null;
          if (!set) continue;
          endpoints.push({
            ...this.point(vs.id, `VIP ${vs.name}`, set, vs.props.vipNetworkId, { seGroup: vs.props.loadBalancerId }, null, { elementId: vs.id }),
            spans: set.spans,
            port: String(vs.props.port),
          });
        }
        break;
      case 'dns-vs':
        for (const d of m.ofKind('aviDnsVs'))
          if (this.held.get(d.id))
            endpoints.push(this.point(d.id, `DNS VS ${d.name}`, this.held.get(d.id)!, d.props.networkId, { seGroup: d.props.seGroupId }, null, { elementId: d.id }));
        break;
      case 'cluster-nodes':
      case 'ako-cluster-nodes':
      case 'management-cluster-nodes':
      case 'workload-cluster-nodes':
      case 'aci-nodes':
      case 'tkc-nodes':
        for (const c of m.clusters) {
          if (!c.nodeNetworkId) continue;
          const el = m.elements.get(c.id)!;
          if (role === 'management-cluster-nodes' && !(el.kind === 'tkgCluster' && el.props.role === 'management')) continue;
          if (role === 'workload-cluster-nodes' && !(el.kind === 'tkgCluster' && el.props.role === 'workload')) continue;
          if (role === 'aci-nodes' && !(el.kind === 'k8sCluster' && el.props.cni === 'aci')) continue;
          if (role === 'tkc-nodes' && el.kind !== 'tkc') continue;
          if (role === 'ako-cluster-nodes' && !this.runsAko(c.id)) continue;
          const set = this.nodeSet(c.id, c.nodeNetworkId);
          const scope = this.clusterScope(c.id);
          // Management-cluster nodes pair with their workload clusters, so they carry no cluster key.
          if (role === 'management-cluster-nodes') delete scope['cluster'];
          endpoints.push({
            ...this.point(c.id, `${c.name} nodes`, set, c.nodeNetworkId, scope, { elementId: c.nodeNetworkId }, { elementId: c.nodeNetworkId }),
            spans: set.spans,
          });
        }
        break;
      case 'node-segment':
      case 'dhcp-node-segment': {
        const seen = new Set<string>();
        for (const c of m.clusters) {
          const net = c.nodeNetworkId ? m.networkById.get(c.nodeNetworkId) : undefined;
          if (!net || (role === 'dhcp-node-segment' && !net.dhcp)) continue;
          if (role === 'dhcp-node-segment' && seen.has(net.id)) continue;
          seen.add(net.id);
          const set = this.subnetSet(net.id);
          endpoints.push({ ...this.point(net.id, `node network ${net.name}`, set, net.id, role === 'node-segment' ? { cluster: c.id } : {}, null, null), spans: set.spans });
        }
        break;
      }
      case 'cluster-endpoint':
      case 'management-cluster-endpoint':
      case 'workload-cluster-endpoint':
      case 'kube-vip-endpoint':
        for (const c of m.ofKind('tkgCluster')) {
          if (role === 'management-cluster-endpoint' && c.props.role !== 'management') continue;
          if (role === 'workload-cluster-endpoint' && c.props.role !== 'workload') continue;
          if (role === 'kube-vip-endpoint' && c.props.endpoint.provider !== 'kube-vip') continue;
          const vipNet = c.props.endpoint.provider === 'kube-vip' ? c.props.nodeNetworkId : (c.props.controlPlaneVipNetworkId ?? c.props.workloadVipNetworkId);
          const set = c.props.endpoint.address
            ? this.addressSet([c.props.endpoint.address])
            : vipNet
              ? (this.rangeSet(vipNet, ['vip-pool', 'se-vip-pool']) ?? this.subnetSet(vipNet))
              : null;
          if (!set) continue;
          const mgmt = c.props.role === 'management' ? c.id : c.props.managementClusterId;
          const scope: Record<string, string | null> =
            role === 'cluster-endpoint' || role === 'kube-vip-endpoint' ? { cluster: c.id } : { mgmt };
          const to: TraceEndpoint | null = c.props.endpoint.address ? { address: c.props.endpoint.address } : vipNet ? { elementId: vipNet } : null;
          endpoints.push({
            ...this.point(c.id, `${c.name} API endpoint`, set, vipNet, scope, null, to),
            spans: set.spans,
          });
        }
        break;
      case 'routable-pods':
        for (const c of m.clusters) {
          const el = m.elements.get(c.id)!;
          const ako = this.akoOf(c.id);
          const routable = c.routableTier1Id !== null || ('cni' in el.props && el.props.cni === 'antrea-nsx-routed') || ako?.props.mode === 'static-route' || ako?.props.mode === 'routable';
          const pods = c.podCidrs.filter((p) => p.cidr);
          if (!routable || pods.length === 0) continue;
          const first = pods[0]!.cidr!;
          const probe = first.family === 4 ? fmt4((first.first as number) + 1) : null;
          endpoints.push({
            ...this.point(c.id, `${c.name} pods`, pods.map((p) => p.text), null, this.clusterScope(c.id), probe ? { address: probe } : null, probe ? { address: probe } : null),
            spans: pods.map((p) => ({ family: p.cidr!.family, first: p.cidr!.first, last: p.cidr!.last }) as Span),
          });
        }
        break;
      case 'vcenter':
        for (const vc of m.ofKind('vcenter')) {
          const addrs = this.held.get(vc.id);
          if (addrs) endpoints.push(this.point(vc.id, /vcenter/i.test(vc.name) ? vc.name : `vCenter ${vc.name}`, addrs, null, { vcenter: vc.id }, { address: addrs[0]! }, { address: addrs[0]! }));
        }
        if (endpoints.length === 0) return { missing: 'no vCenter with an address in the design' };
        break;
      case 'nsx-manager':
        for (const t0 of m.ofKind('nsxtTier0')) {
          const addrs = this.held.get(t0.id);
          if (addrs) endpoints.push(this.point(t0.id, `NSX Manager (${t0.name})`, addrs, null, {}, { address: addrs[0]! }, { address: addrs[0]! }));
        }
        if (endpoints.length === 0) return { missing: 'NSX Manager has no address in the design' };
        break;
      case 'clients':
      case 'admin':
        for (const n of m.ofKind('clientNetwork')) {
          const net = m.networkById.get(n.id);
          const any = !net?.subnet;
          endpoints.push({
            ...this.point(n.id, role === 'admin' ? `Admins / clients on ${n.name}` : `Clients on ${n.name}`, any ? ['any'] : [net!.subnetText!], n.id, {}, { elementId: n.id }, { elementId: n.id }),
            spans: any ? [...ANY] : [{ family: net!.subnet!.family, first: net!.subnet!.first, last: net!.subnet!.last } as Span],
          });
        }
        if (endpoints.length === 0) return { missing: 'no client network in the design' };
        break;
      case 'haproxy-management':
      case 'haproxy-workload':
        for (const hp of m.ofKind('haproxy')) {
          const nicRole = role === 'haproxy-management' ? 'management' : 'workload';
          const nic = m.document.links.find((l) => l.kind === 'nic' && l.from === hp.id && l.role === nicRole);
          if (!nic?.address) continue;
          endpoints.push({
            ...this.point(hp.id, `HAProxy ${hp.name} ${nicRole} NIC`, [nic.address], nic.to, { haproxy: hp.id }, { elementId: hp.id }, { address: nic.address }),
            port: role === 'haproxy-management' ? String(hp.props.dataPlanePort) : undefined,
          });
        }
        break;
      case 'haproxy-vip':
        for (const hp of m.ofKind('haproxy')) {
          const ranges = m.ranges.filter((r) => r.ownerId === hp.id && r.purpose === 'haproxy-vip' && r.start && r.end);
          if (ranges.length === 0) continue;
          const spans = ranges.map((r) => ({ family: r.start!.family, first: r.start!.value, last: r.end!.value }) as Span);
          endpoints.push({
            ...this.point(hp.id, `HAProxy ${hp.name} VIP range`, ranges.map((r) => r.text), ranges[0]!.networkId, { haproxy: hp.id }, null, { address: spanText(spans[0]!) }),
            spans,
          });
        }
        break;
      case 'supervisor-management':
        for (const s of m.ofKind('supervisor')) {
          const a = m.addresses.find((x) => x.ownerId === s.id && x.role === 'supervisor-management' && x.ip);
          if (!a) continue;
          const lb = s.props.loadBalancer;
          const scope = { supervisor: s.id, haproxy: lb.provider === 'haproxy' ? lb.haproxyId : null, controller: lb.provider === 'nsx-alb' ? lb.controllerId : null };
          const block = a.block ?? 1;
          const set = a.ip!.family === 4 ? this.spanSet(4, a.ip!.value as number, (a.ip!.value as number) + block - 1) : this.addressSet([a.ip!.text]);
          endpoints.push({ ...this.point(s.id, `Supervisor ${s.name} management IPs`, set, a.networkId, scope, { elementId: s.id }, { address: a.ip!.text }), spans: set.spans });
        }
        break;
      case 'supervisor-workload':
        for (const w of m.ofKind('workloadNetwork')) {
          if (!w.props.primary || !w.props.supervisorId || !w.props.portGroupId) continue;
          const set = this.subnetSet(w.props.portGroupId);
          endpoints.push({
            ...this.point(w.id, `Supervisor control plane on ${w.name}`, set, w.props.portGroupId, { supervisor: w.props.supervisorId }, null, { elementId: w.props.portGroupId }),
            spans: set.spans,
          });
        }
        break;
      case 'apic':
        for (const f of m.ofKind('aciFabric')) {
          const addrs = f.props.apicHosts;
          if (addrs.length === 0) continue;
          // The fabric's pervasive gateways are not routers of the model: policy between EPGs is ACI
          // contracts, so the path is not traced (ports.md §4).
          endpoints.push({
            ...this.point(f.id, `APIC (${f.name})`, [...addrs], null, { fabric: f.id }, null, null),
            untraceable: 'the ACI fabric forwards between EPGs under contracts, which the routing engine does not model',
          });
        }
        break;
      case 'aci-infra-vlan':
        for (const c of m.ofKind('k8sCluster'))
          if (c.props.cni === 'aci' && c.props.nodeNetworkId)
            endpoints.push(this.point(c.props.nodeNetworkId, `infra VLAN to the nodes of ${c.name}`, [], c.props.nodeNetworkId, { fabric: c.props.aciFabricId }, null, null));
        break;
      default:
        return { missing: `role ${role} is not resolved` };
    }
    return { endpoints };
  }

  private akoByCluster: Map<string, ReturnType<L3Model['ofKind']>[number]> | undefined;

  private akoOf(clusterId: string) {
    if (!this.akoByCluster) {
      this.akoByCluster = new Map();
      for (const a of this.model.ofKind('ako')) if (a.props.clusterId && !this.akoByCluster.has(a.props.clusterId)) this.akoByCluster.set(a.props.clusterId, a);
    }
    return this.akoByCluster.get(clusterId) as Extract<ReturnType<L3Model['ofKind']>[number], { kind: 'ako' }> | undefined;
  }

  /** A cluster whose Services NSX-ALB serves: a TKG cluster on a Controller, or one with an AKO element. */
  private runsAko(clusterId: string): boolean {
    const el = this.model.elements.get(clusterId);
    if (el?.kind === 'tkgCluster' && el.props.controllerId !== null) return true;
    this.akoClusters ??= new Set(this.model.ofKind('ako').map((a) => a.props.clusterId).filter((id): id is string => id !== null));
    return this.akoClusters.has(clusterId);
  }

  private clusterScope(clusterId: string): Record<string, string> {
    const el = this.model.elements.get(clusterId)!;
    const scope: Record<string, string> = { cluster: clusterId };
    const set = (k: string, v: string | null | undefined) => {
      if (v) scope[k] = v;
    };
    if (el.kind === 'tkgCluster') {
      set('controller', el.props.controllerId);
      set('seGroup', el.props.seGroupId);
      set('vcenter', el.props.vcenterId);
      set('mgmt', el.props.role === 'management' ? el.id : el.props.managementClusterId);
    }
    if (el.kind === 'k8sCluster') set('fabric', el.props.aciFabricId);
    if (el.kind === 'tkc' && el.props.namespaceId) {
      const ns = this.model.elements.get(el.props.namespaceId);
      if (ns?.kind === 'vsphereNamespace') set('supervisor', ns.props.supervisorId);
    }
    const ako = this.akoOf(clusterId);
    if (ako) {
      set('controller', ako.props.controllerId);
      set('seGroup', ako.props.seGroupId);
    }
    return scope;
  }

  private point(
    elementId: string,
    label: string,
    addresses: string[] | { addresses: string[]; spans: Span[] },
    networkId: string | null,
    scope: Record<string, string | null | undefined>,
    from: TraceEndpoint | null,
    to: TraceEndpoint | null = from,
  ): FlowEndpoint {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(scope)) if (v) clean[k] = v;
    // Flows stay inside a routing domain: separate domains (VRFs, tenants) do not route to each other.
    const domain = networkId ? this.model.networkById.get(networkId)?.routingDomain : undefined;
    if (domain !== undefined && clean['domain'] === undefined) clean['domain'] = domain;
    // A set already parsed (ranges, subnets) is not parsed again from its text.
    const set = Array.isArray(addresses) ? this.addressSet(addresses) : addresses;
    return { key: `${elementId}|${label}`, label, elementId, addresses: set.addresses, spans: set.spans, networkId, scope: clean, from, to };
  }

  /** Node addresses: static node addresses, else the node network's DHCP or node ranges, else its subnet. */
  private nodeSet(clusterId: string, networkId: string): { addresses: string[]; spans: Span[] } {
    const held = this.held.get(clusterId);
    const el = this.model.elements.get(clusterId);
    if (el?.kind === 'k8sCluster' && held?.length) return this.addressSet(held);
    return this.rangeSet(networkId, ['dhcp', 'node', 'workload']) ?? this.subnetSet(networkId);
  }

  private rangeSet(networkId: string, purposes: readonly string[]): { addresses: string[]; spans: Span[] } | null {
    const ranges = (this.rangesByNetwork.get(networkId) ?? []).filter((r) => purposes.includes(r.purpose) && r.start && r.end && r.start.family === r.end.family);
    if (ranges.length === 0) return null;
    const out = { addresses: [] as string[], spans: [] as Span[] };
    for (const r of ranges) {
      const s = this.spanSet(r.start!.family, r.start!.value, r.end!.value);
      out.addresses.push(...s.addresses);
      out.spans.push(...s.spans);
    }
    return out;
  }

  private subnetSet(networkId: string): { addresses: string[]; spans: Span[] } {
    const net = this.model.networkById.get(networkId);
    if (!net?.subnet) return { addresses: [], spans: [] };
    return { addresses: [net.subnet.text], spans: [{ family: net.subnet.family, first: net.subnet.first, last: net.subnet.last } as Span] };
  }

  /** A range as CIDRs when that takes few prefixes, else as `start-end` (both are what ACLs accept). */
  private spanSet(family: 4 | 6, first: number | bigint, last: number | bigint): { addresses: string[]; spans: Span[] } {
    const spans = [{ family, first, last } as Span];
    if (family === 4) {
      const cidrs = rangeToCidrs4(first as number, last as number);
      return { addresses: cidrs.length <= 4 ? cidrs : [`${fmt4(first as number)}-${fmt4(last as number)}`], spans };
    }
    return { addresses: [first === last ? String(first) : `${String(first)}-${String(last)}`], spans };
  }

  private addressSet(texts: readonly string[]): { addresses: string[]; spans: Span[] } {
    const out = { addresses: [] as string[], spans: [] as Span[] };
    for (const t of texts) {
      if (t === 'any') {
        out.addresses.push('any');
        out.spans.push(...ANY);
        continue;
      }
      const a = parse(t);
      if (!a) continue;
      out.addresses.push(t.includes('/') || t.includes('-') ? t : a.family === 4 ? `${t}/32` : `${t}/128`);
      out.spans.push(a);
    }
    return out;
  }
}

function spanText(s: Span): string {
  return s.family === 4 ? fmt4(s.first) : String(s.first);
}

function fmt4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}
