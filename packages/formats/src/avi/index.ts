/**
 * NSX-ALB Controller objects as REST payloads (formats.md §3; alb-sdk swagger 30.2.1), in apply
 * order, plus `avi/apply.sh` (bash + curl + jq, credentials from the environment):
 *
 *   NN-network-<name>.json                 every network the Controller must know: registered port
 *                                          groups and the NSX-T segments its SEs or VIPs use, with
 *                                          configured_subnets (network address + integer mask) and
 *                                          static_ip_ranges typed STATIC_IPS_FOR_SE / _VIP / _VIP_AND_SE;
 *                                          dhcp_enabled false whenever static pools exist (the
 *                                          Controller's default is true)
 *   NN-vrfcontext-<global|management>.json the VRF static routes, without labels, so that AKO (which
 *                                          rewrites the global VRF) keeps them
 *   NN-ipamdnsproviderprofile-<name>.json  Avi internal IPAM (usable networks) and DNS profiles
 *   NN-cloud-<name>.json                   the cloud's ipam_provider_ref / dns_provider_ref
 *   NN-serviceenginegroup-<name>.json      HA mode, SE count, management network
 *
 * References are by name (`/api/network/?name=dp-data-48`), the form the vendor's Ansible examples
 * use; the Controller answers with UUID URLs. A design with several Controllers gets one folder
 * per Controller (`avi/<controller>/`).
 */
import type { ElementOf, VrfRoute } from '@viplane/model';
import type { L3Network } from '@viplane/validator';
import type { ConfigContext, ConfigFile } from '../configs.ts';
import { controllerHost } from '../tkg/avi.ts';
import { applyScript, type AviApplyStep } from './script.ts';

type Controller = ElementOf<'aviController'>;

export const STATIC_RANGE_TYPE = {
  'se-pool': 'STATIC_IPS_FOR_SE',
  'vip-pool': 'STATIC_IPS_FOR_VIP',
  'se-vip-pool': 'STATIC_IPS_FOR_VIP_AND_SE',
} as const;

export function aviConfigs(ctx: ConfigContext): ConfigFile[] {
  const controllers = ctx.ofKind('aviController');
  const several = controllers.length > 1;
  return controllers.flatMap((c) => controllerFiles(ctx, c, several ? `avi/${ctx.kit.fileSafe(c.name, c.id)}/` : 'avi/', several));
}

function controllerFiles(ctx: ConfigContext, controller: Controller, dir: string, several: boolean): ConfigFile[] {
  const { fileSafe } = ctx.kit;
  const cloud = controller.props.cloudName;
  const cloudRef = `/api/cloud/?name=${cloud}`;
  const steps: { kind: AviApplyStep['kind']; type: string; name: string; body: unknown }[] = [];

  const networks = controllerNetworks(ctx, controller, several);
  for (const net of networks)
    steps.push({ kind: 'upsert-cloud', type: 'network', name: net.name, body: networkPayload(ctx, net, cloudRef) });

  for (const vrf of [...controller.props.vrfs].sort((a, b) => (a.name < b.name ? -1 : 1)))
    steps.push({
      kind: 'merge-routes',
      type: 'vrfcontext',
      name: vrf.name,
      body: vrfPayload(ctx, controller, vrf.name, vrf.staticRoutes, cloudRef),
    });

  const exported = new Set(networks.map((n) => n.id));
  const ipam = controller.props.ipamProfile;
  if (ipam) {
    const usable = ipam.usableNetworkIds.map((id) => ctx.network(id)).filter((n): n is L3Network => n !== undefined);
    for (const id of ipam.usableNetworkIds)
      if (!exported.has(id))
        ctx.report(
          'format/avi-ipam-network',
          'warning',
          `IPAM profile ${ipam.name} lists ${ctx.network(id)?.name ?? id}, which is not configured on the Controller (no subnet registered): VIPs cannot be allocated there`,
          [ctx.kit.target(controller), ...(ctx.network(id) ? [{ kind: ctx.network(id)!.kind, id }] : [])],
        );
    steps.push({
      kind: 'upsert',
      type: 'ipamdnsproviderprofile',
      name: ipam.name,
      body: {
        name: ipam.name,
        type: 'IPAMDNS_TYPE_INTERNAL',
        internal_profile: { usable_networks: usable.map((n) => ({ nw_ref: `/api/network/?name=${n.name}` })) },
      },
    });
  }
  const dns = controller.props.dnsProfile;
  if (dns) {
    const domains = new Set<string>(dns.domain !== '' ? [dns.domain] : []);
    for (const vs of ctx.ofKind('aviDnsVs'))
      if (ctx.el(vs.props.seGroupId, 'seGroup')?.props.controllerId === controller.id) for (const d of vs.props.subdomains) domains.add(d);
    steps.push({
      kind: 'upsert',
      type: 'ipamdnsproviderprofile',
      name: dns.name,
      body: {
        name: dns.name,
        type: 'IPAMDNS_TYPE_INTERNAL_DNS',
        internal_profile: { dns_service_domain: [...domains].sort().map((d) => ({ domain_name: d })) },
      },
    });
  }
  if (ipam || dns)
    steps.push({
      kind: 'attach-profiles',
      type: 'cloud',
      name: cloud,
      body: {
        name: cloud,
        // The document models vCenter clouds only (seed 003's Controller has no vCenter element but is one).
        vtype: 'CLOUD_VCENTER',
        ...(ipam ? { ipam_provider_ref: `/api/ipamdnsproviderprofile/?name=${ipam.name}` } : {}),
        ...(dns ? { dns_provider_ref: `/api/ipamdnsproviderprofile/?name=${dns.name}` } : {}),
      },
    });

  for (const se of ctx.ofKind('seGroup').filter((s) => s.props.controllerId === controller.id))
    steps.push({ kind: 'upsert-cloud', type: 'serviceenginegroup', name: se.name, body: seGroupPayload(ctx, se, cloudRef) });

  const width = Math.max(2, String(steps.length).length);
  const files: ConfigFile[] = [];
  const applied: AviApplyStep[] = [];
  steps.forEach((s, i) => {
    const file = `${String(i + 1).padStart(width, '0')}-${s.type}-${fileSafe(s.name, s.type)}.json`;
    files.push({ path: `${dir}${file}`, content: ctx.json(s.body) });
    applied.push({ kind: s.kind, type: s.type, file });
  });
  const host = controllerHost(ctx, controller);
  if (host === null)
    ctx.report(
      'format/avi-controller-address',
      'warning',
      `NSX-ALB Controller ${controller.name} has no management address: set AVI_CONTROLLER for apply.sh`,
      [ctx.kit.target(controller)],
    );
  files.push({
    path: `${dir}apply.sh`,
    content: applyScript({
      documentName: ctx.document.name,
      controllerName: controller.name,
      host,
      version: controller.props.version,
      cloud,
      steps: applied,
    }),
  });
  return files;
}

/**
 * The networks to configure: registered port groups (all of them with one Controller, the ones this
 * Controller uses with several) and the NSX-T segments its SEs, VIPs or IPAM use. Sorted by name.
 */
function controllerNetworks(ctx: ConfigContext, controller: Controller, several: boolean): L3Network[] {
  const used = new Set<string>();
  const seGroups = ctx.ofKind('seGroup').filter((s) => s.props.controllerId === controller.id);
  const seIds = new Set(seGroups.map((s) => s.id));
  for (const se of seGroups) for (const l of ctx.nics(se.id)) used.add(l.to);
  for (const id of controller.props.ipamProfile?.usableNetworkIds ?? []) used.add(id);
  for (const c of ctx.ofKind('tkgCluster'))
    if (c.props.controllerId === controller.id)
      for (const id of [c.props.workloadVipNetworkId, c.props.controlPlaneVipNetworkId]) if (id !== null) used.add(id);
  for (const a of ctx.ofKind('ako'))
    if (a.props.controllerId === controller.id && a.props.vipNetworkId !== null) used.add(a.props.vipNetworkId);
  for (const vs of ctx.ofKind('virtualService'))
    if (vs.props.loadBalancerId !== null && seIds.has(vs.props.loadBalancerId) && vs.props.vipNetworkId !== null)
      used.add(vs.props.vipNetworkId);
  for (const d of ctx.ofKind('aviDnsVs'))
    if (d.props.seGroupId !== null && seIds.has(d.props.seGroupId) && d.props.networkId !== null) used.add(d.props.networkId);

  return ctx.model.networks
    .filter((n) => (n.kind === 'portGroup' ? n.albRegistered && (!several || used.has(n.id)) : n.kind === 'nsxtSegment' && used.has(n.id)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

function networkPayload(ctx: ConfigContext, net: L3Network, cloudRef: string): Record<string, unknown> {
  const { cidr, networkAddress } = ctx.kit;
  const parsed = cidr(net.subnetText);
  const targets = [{ kind: net.kind, id: net.id }];
  // The network's own Avi pools (workload-network ranges on the same port group are not Avi's).
  const ranges = ctx
    .rangesOwnedBy(net.id)
    .filter((r) => r.purpose in STATIC_RANGE_TYPE)
    .flatMap((r) => (r.start !== null && r.end !== null ? [{ r, start: r.start, end: r.end }] : []))
    .sort((a, b) => (a.start.value < b.start.value ? -1 : a.start.value > b.start.value ? 1 : 0));
  if (!parsed)
    ctx.report(
      'format/avi-network-subnet',
      'error',
      `Network ${net.name} is registered on the Controller without a valid subnet: configured_subnets needs a prefix`,
      targets,
    );
  const staticRanges = ranges.map(({ r, start, end }) => ({
    range: { begin: ipAddr(ctx, start), end: ipAddr(ctx, end) },
    type: STATIC_RANGE_TYPE[r.purpose as keyof typeof STATIC_RANGE_TYPE],
  }));
  if (staticRanges.length === 0 && !net.dhcp)
    ctx.report(
      'format/avi-network-no-addresses',
      'warning',
      `Network ${net.name} has neither a static IP pool nor DHCP: SE interfaces and VIPs get no address there`,
      targets,
    );
  const subnet = parsed
    ? [
        {
          prefix: { ip_addr: { addr: networkAddress(parsed), type: parsed.family === 4 ? 'V4' : 'V6' }, mask: parsed.prefixLength },
          ...(staticRanges.length > 0 ? { static_ip_ranges: staticRanges } : {}),
        },
      ]
    : [];
  return {
    name: net.name,
    cloud_ref: cloudRef,
    // The Controller defaults to DHCP; static pools only work with it off.
    dhcp_enabled: staticRanges.length === 0 && net.dhcp,
    ip6_autocfg_enabled: false,
    configured_subnets: subnet,
  };
}

function ipAddr(ctx: ConfigContext, a: { family: 4 | 6; value: number | bigint }): { addr: string; type: 'V4' | 'V6' } {
  return {
    addr: ctx.kit.formatIp(a.family === 4 ? { family: 4, value: a.value as number } : { family: 6, value: a.value as bigint }),
    type: a.family === 4 ? 'V4' : 'V6',
  };
}

/** AKO names its routes `<clusterName>-<uuid>-<n>`; ours must never look like one of them. */
function akoClusterNames(ctx: ConfigContext, controller: Controller): string[] {
  const names: string[] = [];
  for (const a of ctx.ofKind('ako')) {
    if (a.props.controllerId !== controller.id) continue;
    const cluster = ctx.el(a.props.clusterId, 'k8sCluster') ?? ctx.el(a.props.clusterId, 'tkc') ?? ctx.el(a.props.clusterId, 'tkgCluster');
    names.push(a.props.clusterName || cluster?.name || '');
  }
  for (const c of ctx.ofKind('tkgCluster'))
    if (c.props.controllerId === controller.id) names.push(c.props.role === 'management' ? `tkg-system-${c.name}` : `default-${c.name}`);
  return names.filter((n) => n !== '');
}

function vrfPayload(
  ctx: ConfigContext,
  controller: Controller,
  name: string,
  routes: readonly VrfRoute[],
  cloudRef: string,
): Record<string, unknown> {
  const { cidr, networkAddress, ip, target } = ctx.kit;
  const ako = akoClusterNames(ctx, controller);
  const staticRoutes: Record<string, unknown>[] = [];
  for (const r of routes) {
    const prefix = cidr(r.prefix);
    const next = ip(r.nextHop);
    const targets = [target(controller), { kind: 'route' as const, id: r.id }];
    if (!prefix) {
      ctx.report('format/avi-route', 'error', `VRF ${name}: route ${r.id} has no valid prefix (${r.prefix}); not exported`, targets);
      continue;
    }
    if (!next) {
      ctx.report(
        'format/avi-route',
        'warning',
        `VRF ${name}: route ${r.prefix} has no next hop (a discard route), which an Avi VRF cannot hold; not exported`,
        targets,
      );
      continue;
    }
    let routeId = r.id;
    const clash = ako.find((n) => routeId.startsWith(`${n}-`));
    if (clash) {
      routeId = `viplane-${r.id}`;
      ctx.report(
        'format/avi-route-id',
        'info',
        `VRF ${name}: route id ${r.id} starts like AKO's routes for cluster ${clash}; exported as ${routeId} so AKO leaves it alone`,
        targets,
      );
    }
    staticRoutes.push({
      route_id: routeId,
      prefix: { ip_addr: { addr: networkAddress(prefix), type: prefix.family === 4 ? 'V4' : 'V6' }, mask: prefix.prefixLength },
      next_hop: ipAddr(ctx, next),
      // Avi 20.1.1+: a labelled route applies only to the SE groups carrying its labels.
      ...(r.labels && r.labels.length > 0 ? { labels: r.labels.map((l) => ({ key: l.key, value: l.value })) } : {}),
    });
  }
  return { name, cloud_ref: cloudRef, static_routes: staticRoutes };
}

function seGroupPayload(ctx: ConfigContext, se: ElementOf<'seGroup'>, cloudRef: string): Record<string, unknown> {
  const { cidr, networkAddress } = ctx.kit;
  const mgmt = ctx.nics(se.id).find((l) => l.role === 'management');
  const net = ctx.network(mgmt?.to);
  const subnet = cidr(net?.subnetText);
  return {
    name: se.name,
    cloud_ref: cloudRef,
    ha_mode: se.props.haMode,
    ...(se.props.seCount > 0 ? { max_se: se.props.seCount } : {}),
    ...(se.props.labels && se.props.labels.length > 0 ? { labels: se.props.labels.map((l) => ({ key: l.key, value: l.value })) } : {}),
    ...(net ? { mgmt_network_ref: `/api/network/?name=${net.name}` } : {}),
    ...(subnet
      ? { mgmt_subnet: { ip_addr: { addr: networkAddress(subnet), type: subnet.family === 4 ? 'V4' : 'V6' }, mask: subnet.prefixLength } }
      : {}),
  };
}
