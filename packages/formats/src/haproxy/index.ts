/**
 * vSphere with Tanzu on a vDS with the HAProxy appliance (seed 002; formats.md §5):
 *
 *   haproxy/<haproxy>-ova-options.json          govc import.ova -options: deployment option, OVF
 *                                               properties (§5.1), network mapping
 *   haproxy/<supervisor>-load-balancer.json     vCenter NamespaceManagement LoadBalancers ConfigSpec:
 *                                               start address + count per VIP CIDR (inside it), the
 *                                               Data Plane API endpoint on the management IP
 *   haproxy/<supervisor>-workload-networks.json Supervisor management network, service CIDR, primary
 *                                               workload network (enable spec) and the other workload
 *                                               networks (Networks CreateSpec), start + count ranges
 *
 * The vSphere API shapes are from the vSphere Automation API reference (docs only, no schema);
 * port groups are named, to be resolved to their managed-object ids by whoever calls the API.
 */
import type { ElementOf, Link, ParsedCidr } from '@viplane/model';
import type { ConfigContext, ConfigFile } from '../configs.ts';
import { controllerHost } from '../tkg/avi.ts';

type HaProxy = ElementOf<'haproxy'>;
type Supervisor = ElementOf<'supervisor'>;

/** The HAProxy OVA's Data Plane API user when none is set (the appliance's own default). */
const HAPROXY_USER = 'admin';
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function haproxyConfigs(ctx: ConfigContext): ConfigFile[] {
  const { fileSafe } = ctx.kit;
  const files: ConfigFile[] = [];
  for (const hp of ctx.ofKind('haproxy'))
    files.push({ path: `haproxy/${fileSafe(hp.name, hp.id)}-ova-options.json`, content: ctx.json(ovaOptions(ctx, hp)) });
  for (const sup of ctx.ofKind('supervisor')) {
    const lb = loadBalancerSpec(ctx, sup);
    if (lb) files.push({ path: `haproxy/${fileSafe(sup.name, sup.id)}-load-balancer.json`, content: ctx.json(lb) });
    const nets = workloadNetworksSpec(ctx, sup);
    if (nets) files.push({ path: `haproxy/${fileSafe(sup.name, sup.id)}-workload-networks.json`, content: ctx.json(nets) });
  }
  return files;
}

interface Nic {
  link: Link;
  networkName: string;
  subnet: ParsedCidr | null;
  /** `ip/prefix`, `null` when the address or the subnet is unknown or not static. */
  interfaceCidr: string | null;
  gateway: string | null;
}

function nicOf(ctx: ConfigContext, hp: HaProxy, role: Link['role']): Nic | undefined {
  const link = ctx.nics(hp.id).find((l) => l.role === role);
  if (!link) return undefined;
  const net = ctx.network(link.to);
  const subnet = ctx.kit.cidr(net?.subnetText);
  const addr = ctx.kit.ip(link.address);
  const isStatic = link.addressMode === 'static' && addr !== null;
  return {
    link,
    networkName: net?.name ?? link.to,
    subnet,
    interfaceCidr: isStatic && subnet ? `${ctx.kit.formatIp(addr)}/${subnet.prefixLength}` : null,
    gateway: link.gateway ?? net?.gatewayText ?? null,
  };
}

function ovaOptions(ctx: ConfigContext, hp: HaProxy): Record<string, unknown> {
  const { placeholder, target, cidr, canonicalCidr } = ctx.kit;
  const targets = [target(hp)];
  const props: Record<string, string> = {
    'appliance.root_pwd': placeholder('HAPROXY_ROOT_PASSWORD'),
    'network.hostname': HOSTNAME.test(hp.name) ? hp.name : ctx.kit.dnsLabel(hp.name, 'haproxy'),
    'network.nameservers': placeholder('NAMESERVERS'),
    'loadbalance.dataplane_port': String(hp.props.dataPlanePort),
    'loadbalance.haproxy_user': HAPROXY_USER,
    'loadbalance.haproxy_pwd': placeholder('HAPROXY_PASSWORD'),
  };
  ctx.report(
    'format/haproxy-nameservers',
    'info',
    `HAProxy ${hp.name}: the design holds no DNS servers; fill network.nameservers (up to 3, reached over the management network)`,
    targets,
  );

  const networkMapping: { Name: string; Network: string }[] = [];
  const roles: ['management' | 'workload' | 'frontend', string][] = [
    ['management', 'Management'],
    ['workload', 'Workload'],
  ];
  if (hp.props.topology === 'frontend') roles.push(['frontend', 'Frontend']);
  const own: ParsedCidr[] = [];
  for (const [role, ovfNetwork] of roles) {
    const key = role;
    const nic = nicOf(ctx, hp, role);
    if (!nic) {
      ctx.report(
        'format/haproxy-nic',
        'error',
        `HAProxy ${hp.name} (${hp.props.topology}) has no ${role} interface: the OVA needs network.${key}_ip`,
        targets,
      );
      continue;
    }
    networkMapping.push({ Name: ovfNetwork, Network: nic.networkName });
    if (nic.subnet) own.push(nic.subnet);
    if (nic.interfaceCidr === null) {
      ctx.report(
        'format/haproxy-static-ip',
        'error',
        `HAProxy ${hp.name}: the ${role} interface has no static address with a known subnet; network.${key}_ip would be empty (DHCP)`,
        [target(hp), { kind: 'link', id: nic.link.id }],
      );
      props[`network.${key}_ip`] = '';
    } else props[`network.${key}_ip`] = nic.interfaceCidr;
    if (nic.gateway !== null) props[`network.${key}_gateway`] = nic.gateway;
  }

  const vips: string[] = [];
  // A range that is not a CIDR is left out; ipam/invalid-cidr reports it on the design.
  for (const text of hp.props.vipRanges) {
    const parsed = cidr(text);
    if (parsed) vips.push(canonicalCidr(parsed));
  }
  if (vips.length === 0)
    ctx.report('format/haproxy-vip-range', 'error', `HAProxy ${hp.name}: no VIP range (loadbalance.service_ip_range)`, targets);
  props['loadbalance.service_ip_range'] = vips.join(',');

  // Other workload networks of the Supervisors it serves, reached through the workload gateway.
  const additional = new Set<string>();
  for (const sup of ctx.ofKind('supervisor')) {
    if (sup.props.loadBalancer.provider !== 'haproxy' || sup.props.loadBalancer.haproxyId !== hp.id) continue;
    for (const wn of ctx.ofKind('workloadNetwork')) {
      if (wn.props.supervisorId !== sup.id) continue;
      const subnet = cidr(ctx.network(wn.props.portGroupId)?.subnetText);
      if (subnet && !own.some((o) => o.family === subnet.family && o.start === subnet.start && o.end === subnet.end))
        additional.add(canonicalCidr(subnet));
    }
  }
  if (additional.size > 0) props['network.additional_workload_networks'] = [...additional].sort().join(',');

  return {
    Annotation: `HAProxy load balancer for vSphere with Tanzu (${hp.props.topology} configuration), from Viplane design "${ctx.document.name}"`,
    Deployment: hp.props.topology,
    DiskProvisioning: 'thin',
    IPAllocationPolicy: 'fixedPolicy',
    IPProtocol: 'IPv4',
    InjectOvfEnv: false,
    MarkAsTemplate: false,
    Name: hp.name,
    NetworkMapping: networkMapping,
    PowerOn: false,
    PropertyMapping: Object.keys(props)
      .sort()
      .map((Key) => ({ Key, Value: props[Key] ?? '' })),
    WaitForIP: false,
  };
}

/** vCenter speaks start + count; the VIP CIDR's network/broadcast addresses of the subnet holding it stay out. */
export function cidrToRange(ctx: ConfigContext, c: ParsedCidr, holder: ParsedCidr | null): { address: string; count: number } | null {
  let first = 0;
  const total = c.family === 4 ? c.end - c.start + 1 : Number(c.end - c.start) + 1;
  let last = total - 1;
  if (holder && holder.family === 4 && c.family === 4 && holder.prefixLength < 31) {
    if (c.start === holder.start) first = 1;
    if (c.end === holder.end) last = total - 2;
  }
  if (last < first) return null;
  return { address: ctx.kit.ipAt(c, first), count: last - first + 1 };
}

function loadBalancerSpec(ctx: ConfigContext, sup: Supervisor): Record<string, unknown> | null {
  const { placeholder, target, cidr, dnsLabel } = ctx.kit;
  const lb = sup.props.loadBalancer;
  if (lb.provider === 'nsx-alb') {
    const controller = ctx.el(lb.controllerId, 'aviController');
    if (!controller) return null;
    return {
      id: dnsLabel(controller.name, 'nsx-alb'),
      provider: 'AVI',
      avi_config_create_spec: {
        server: { host: controllerHost(ctx, controller) ?? placeholder('AVI_CONTROLLER'), port: 443 },
        username: placeholder('AVI_USERNAME'),
        password: placeholder('AVI_PASSWORD'),
        certificate_authority_chain: placeholder('AVI_CA_CERT_PEM'),
        cloud_name: controller.props.cloudName,
      },
    };
  }
  const hp = ctx.el(lb.haproxyId, 'haproxy');
  if (!hp) return null;
  const holders = ctx
    .nics(hp.id)
    .map((l) => cidr(ctx.network(l.to)?.subnetText))
    .filter((c): c is ParsedCidr => c !== null);
  const ranges = hp.props.vipRanges
    .map((t) => cidr(t))
    .filter((c): c is ParsedCidr => c !== null)
    .map((c) => cidrToRange(ctx, c, holders.find((h) => h.family === c.family && h.start <= c.start && c.end <= h.end) ?? null))
    .filter((r): r is { address: string; count: number } => r !== null);
  if (ranges.length === 0)
    ctx.report(
      'format/supervisor-load-balancer',
      'error',
      `Supervisor ${sup.name}: HAProxy ${hp.name} has no VIP range, and HA_PROXY needs at least one address range`,
      [target(sup), target(hp)],
    );
  const mgmt = nicOf(ctx, hp, 'management');
  const host = mgmt?.link.addressMode === 'static' ? mgmt.link.address : null;
  return {
    id: dnsLabel(hp.name, 'haproxy'),
    provider: 'HA_PROXY',
    address_ranges: ranges,
    ha_proxy_config_create_spec: {
      servers: [{ host: host ?? placeholder('HAPROXY_MANAGEMENT_IP'), port: hp.props.dataPlanePort }],
      username: HAPROXY_USER,
      password: placeholder('HAPROXY_PASSWORD'),
      certificate_authority_chain: placeholder('HAPROXY_CA_CERT_PEM'),
    },
  };
}

function workloadNetworksSpec(ctx: ConfigContext, sup: Supervisor): Record<string, unknown> | null {
  const { target, cidr, ip, dottedMask, dnsLabel, rangeCount, networkAddress } = ctx.kit;
  const wns = ctx.ofKind('workloadNetwork').filter((w) => w.props.supervisorId === sup.id);
  if (wns.length === 0) return null;
  const createSpec = (wn: ElementOf<'workloadNetwork'>) => {
    const net = ctx.network(wn.props.portGroupId);
    const subnet = cidr(net?.subnetText);
    if (!net || !subnet || subnet.family !== 4) {
      ctx.report(
        'format/supervisor-workload-network',
        'error',
        `Workload network ${wn.name}: needs a port group with an IPv4 subnet (gateway, subnet mask)`,
        [target(wn), target(sup)],
      );
    }
    const addressRanges = wn.props.ranges.flatMap((r) => {
      const a = ip(r.start);
      const b = ip(r.end);
      const count = a && b ? rangeCount(a, b) : 0;
      return a && count > 0 ? [{ address: ctx.kit.formatIp(a), count }] : [];
    });
    return {
      network: dnsLabel(wn.name, dnsLabel(wn.id, 'workload')),
      network_provider: 'VSPHERE_NETWORK',
      vsphere_network: {
        portgroup: net?.name ?? wn.props.portGroupId ?? '',
        gateway: net?.gatewayText ?? '',
        subnet_mask: subnet && subnet.family === 4 ? dottedMask(subnet.prefixLength) : '',
        address_ranges: addressRanges,
      },
    };
  };
  // Not exactly one primary workload network: supervisor/no-primary-workload-network (the first is written).
  const primary = wns.filter((w) => w.props.primary);

  const out: Record<string, unknown> = {
    enable_spec: {
      ...(primary[0] ? { workload_networks_spec: { supervisor_primary_workload_network: createSpec(primary[0]) } } : {}),
    },
    network_create_specs: wns.filter((w) => w !== primary[0]).map(createSpec),
  };
  const enable = out['enable_spec'] as Record<string, unknown>;
  const service = cidr(sup.props.serviceCidr);
  if (service) enable['service_cidr'] = { address: networkAddress(service), prefix: service.prefixLength };
  const mgmtNet = ctx.network(sup.props.managementNetworkId);
  const mgmtSubnet = cidr(mgmtNet?.subnetText);
  if (mgmtNet && sup.props.managementStartAddress !== null && mgmtSubnet?.family === 4)
    enable['master_management_network'] = {
      network: mgmtNet.name,
      mode: 'STATICRANGE',
      address_range: {
        starting_address: sup.props.managementStartAddress,
        // 3 control-plane VMs + floating IP + 1 for upgrades.
        address_count: 5,
        subnet_mask: dottedMask(mgmtSubnet.prefixLength),
        gateway: mgmtNet.gatewayText ?? '',
      },
    };
  else
    ctx.report(
      'format/supervisor-management-network',
      'warning',
      `Supervisor ${sup.name}: management network or start address unknown; master_management_network left out`,
      [target(sup)],
    );
  return out;
}
