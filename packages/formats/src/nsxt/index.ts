/**
 * NSX-T Policy API requests for routable pods (seed 001; formats.md §8), as `{method, path, body}`
 * files applied in order by `nsxt/apply.sh`:
 *
 *   NN-tier-0-<t0>-static-route-<id>.json   the Tier-0's designed static routes
 *   NN-dhcp-server-config-<segment>.json    a DHCP server for each segment with DHCP (seed 001 L39)
 *   NN-tier-1-<t1>.json                     Tier-1: tier0_path, route_advertisement_types
 *   NN-segment-<segment>.json               gateway_address (gateway/prefix), DHCP ranges and server
 *
 * Tier-1 static routes are the vSphere CPI's per-node pod routes (`podCIDR -> node IP`), which the
 * CPI adds and removes itself under its own ids: re-creating them by hand would leave routes the
 * CPI never deletes. So they are exported, not applied:
 *
 *   <t1>-expected-pod-routes.json  the live ones (inside the CLUSTER_CIDR of a cluster routed by that
 *                                  Tier-1, or a routed namespace network), as Policy bodies to compare
 *   cleanup-stale-routes.json      the rest: routes a deleted cluster left behind (seed 001 L222),
 *   cleanup-stale-routes.sh        found by network + next hop (the real ids are the CPI's) and
 *                                  deleted with --yes
 *
 * A Tier-1 whose segments lie inside a routed vSphere namespace network is NCP's (vSphere with
 * Tanzu creates it per namespace): nothing is applied to it or its segments.
 */
import type { ElementOf, Route } from '@viplane/model';
import type { Target } from '@viplane/validator';
import type { ConfigContext, ConfigFile } from '../configs.ts';
import { applyScript, cleanupScript, type NsxtRequest, type StaleRoute } from './scripts.ts';

type Tier1 = ElementOf<'nsxtTier1'>;
type Segment = ElementOf<'nsxtSegment'>;

export const POLICY = '/policy/api/v1';

export function nsxtConfigs(ctx: ConfigContext): ConfigFile[] {
  const tier0s = ctx.ofKind('nsxtTier0');
  const tier1s = ctx.ofKind('nsxtTier1');
  const segments = ctx.ofKind('nsxtSegment');
  if (tier0s.length === 0 && tier1s.length === 0 && segments.length === 0) return [];
  const { fileSafe, target } = ctx.kit;

  const requests: { name: string; request: NsxtRequest }[] = [];
  for (const t0 of tier0s)
    for (const r of t0.props.staticRoutes) {
      const body = routeBody(ctx, r, [target(t0), { kind: 'route', id: r.id }]);
      if (body)
        requests.push({
          name: `tier-0-${fileSafe(t0.id, 't0')}-static-route-${fileSafe(r.id, 'route')}`,
          request: { method: 'PATCH', path: `${POLICY}/infra/tier-0s/${t0.id}/static-routes/${r.id}`, body },
        });
    }

  const ncp = new Set(tier1s.filter((t1) => ncpManaged(ctx, t1, segments)).map((t1) => t1.id));
  for (const t1 of tier1s)
    if (ncp.has(t1.id))
      ctx.report(
        'format/nsxt-ncp-managed',
        'info',
        `Tier-1 ${t1.name} serves a routed vSphere namespace: NCP creates it and its segments, so no request is exported for them`,
        [target(t1)],
      );

  const managedSegments = segments.filter((s) => s.props.tier1Id === null || !ncp.has(s.props.tier1Id));
  for (const seg of managedSegments) {
    if (!seg.props.dhcp) continue;
    requests.push({
      name: `dhcp-server-config-${fileSafe(seg.id, 'segment')}`,
      request: {
        method: 'PATCH',
        path: `${POLICY}/infra/dhcp-server-configs/${dhcpConfigId(seg)}`,
        body: { display_name: `${seg.name} DHCP` },
      },
    });
  }
  for (const t1 of tier1s) {
    if (ncp.has(t1.id)) continue;
    const t0 = ctx.el(t1.props.tier0Id, 'nsxtTier0');
    requests.push({
      name: `tier-1-${fileSafe(t1.id, 't1')}`,
      request: {
        method: 'PATCH',
        path: `${POLICY}/infra/tier-1s/${t1.id}`,
        body: {
          display_name: t1.name,
          ...(t0 ? { tier0_path: `/infra/tier-0s/${t0.id}` } : {}),
          route_advertisement_types: [...new Set(t1.props.routeAdvertisement)].sort(),
        },
      },
    });
  }
  for (const seg of managedSegments)
    requests.push({
      name: `segment-${fileSafe(seg.id, 'segment')}`,
      request: { method: 'PATCH', path: `${POLICY}/infra/segments/${seg.id}`, body: segmentBody(ctx, seg) },
    });

  const width = Math.max(2, String(requests.length).length);
  const files: ConfigFile[] = [];
  const names: string[] = [];
  requests.forEach(({ name, request }, i) => {
    const file = `${String(i + 1).padStart(width, '0')}-${name}.json`;
    names.push(file);
    files.push({ path: `nsxt/${file}`, content: ctx.json(request) });
  });
  const manager = tier0s.map((t) => t.props.managerHost).find((h) => h !== '') ?? null;
  if (names.length > 0)
    files.push({ path: 'nsxt/apply.sh', content: applyScript({ documentName: ctx.document.name, manager, files: names }) });

  // Tier-1 static routes: live pod routes to compare, stale ones to clean up.
  const stale: StaleRoute[] = [];
  for (const t1 of tier1s) {
    const live = livePodCidrs(ctx, t1);
    const expected: Record<string, unknown>[] = [];
    for (const r of t1.props.staticRoutes) {
      const owner = live.find((l) => within(ctx, r.prefix, l.cidr));
      if (owner) {
        const body = routeBody(ctx, r, [target(t1), { kind: 'route', id: r.id }]);
        if (body) expected.push({ owner: owner.name, path: `${POLICY}/infra/tier-1s/${t1.id}/static-routes/${r.id}`, body });
      } else stale.push({ tier1: t1.id, tier1Name: t1.name, routeId: r.id, network: canonical(ctx, r.prefix), nextHop: r.nextHop });
    }
    if (expected.length > 0)
      files.push({
        path: `nsxt/${fileSafe(t1.id, 't1')}-expected-pod-routes.json`,
        content: ctx.json({
          description: `Per-node pod routes on Tier-1 ${t1.name}, added and removed by ${ncp.has(t1.id) ? 'NCP' : 'the vSphere cloud provider of each routable-pods cluster'} under its own ids. Compare with GET ${POLICY}/infra/tier-1s/${t1.id}/static-routes; do not create them by hand.`,
          tier1_path: `/infra/tier-1s/${t1.id}`,
          routes: expected,
        }),
      });
  }
  if (tier1s.length > 0)
    files.push({
      path: 'nsxt/cleanup-stale-routes.json',
      content: ctx.json({
        description:
          'Tier-1 static routes in no pod CIDR of a cluster routed by that Tier-1: left behind by deleted clusters (the CPI does not remove them). Find each by network and next hop, then DELETE its path.',
        routes: stale.map((s) => ({
          tier1_path: `/infra/tier-1s/${s.tier1}`,
          network: s.network,
          next_hop: s.nextHop,
          design_route_id: s.routeId,
          find: `GET ${POLICY}/infra/tier-1s/${s.tier1}/static-routes`,
        })),
      }),
    });
  if (stale.length > 0)
    files.push({
      path: 'nsxt/cleanup-stale-routes.sh',
      content: cleanupScript({ documentName: ctx.document.name, manager, routes: stale }),
    });
  return files;
}

function dhcpConfigId(seg: Segment): string {
  return `${seg.id}-dhcp`;
}

function canonical(ctx: ConfigContext, prefix: string): string {
  const c = ctx.kit.cidr(prefix);
  return c ? ctx.kit.canonicalCidr(c) : prefix;
}

function routeBody(ctx: ConfigContext, r: Route, targets: Target[]): Record<string, unknown> | null {
  const prefix = ctx.kit.cidr(r.prefix);
  const next = ctx.kit.ip(r.nextHop);
  if (!prefix || !next) {
    ctx.report(
      'format/nsxt-route',
      'warning',
      `Static route ${r.id} (${r.prefix} -> ${r.nextHop ?? 'discard'}) needs a CIDR and a next-hop address; not exported`,
      targets,
    );
    return null;
  }
  return {
    display_name: r.id,
    network: ctx.kit.canonicalCidr(prefix),
    next_hops: [{ ip_address: ctx.kit.formatIp(next), admin_distance: 1 }],
  };
}

function within(ctx: ConfigContext, inner: string, outer: string): boolean {
  const a = ctx.kit.cidr(inner);
  const b = ctx.kit.cidr(outer);
  return a !== null && b !== null && a.family === b.family && b.start <= a.start && a.end <= b.end;
}

/** Routed (NAT off) vSphere namespace networks: NCP puts their pod routes on the namespace Tier-1. */
function routedNamespaceNetworks(ctx: ConfigContext): { name: string; cidr: string }[] {
  return ctx
    .ofKind('vsphereNamespace')
    .flatMap((ns) =>
      ns.props.networkOverride && !ns.props.networkOverride.nat && ns.props.networkOverride.namespaceNetwork
        ? [{ name: ns.name, cidr: ns.props.networkOverride.namespaceNetwork }]
        : [],
    );
}

/** Pod CIDRs whose per-node routes may sit on this Tier-1 (as the validator's nsxt/stale-routes reads it). */
function livePodCidrs(ctx: ConfigContext, t1: Tier1): { name: string; cidr: string }[] {
  const clusters = ctx
    .ofKind('tkgCluster')
    .filter((c) => c.props.routablePods?.tier1Id === t1.id)
    .map((c) => ({ name: c.name, cidr: c.props.podCidr }));
  return [...clusters, ...routedNamespaceNetworks(ctx)];
}

function ncpManaged(ctx: ConfigContext, t1: Tier1, segments: Segment[]): boolean {
  const routed = routedNamespaceNetworks(ctx);
  return segments.some(
    (s) => s.props.tier1Id === t1.id && s.props.subnet !== null && routed.some((r) => within(ctx, s.props.subnet!, r.cidr)),
  );
}

function segmentBody(ctx: ConfigContext, seg: Segment): Record<string, unknown> {
  const { cidr, ip, target, formatIp } = ctx.kit;
  const t1 = ctx.el(seg.props.tier1Id, 'nsxtTier1');
  const subnet = cidr(seg.props.subnet);
  const gateway = ip(seg.props.gateway);
  const body: Record<string, unknown> = { display_name: seg.name, ...(t1 ? { connectivity_path: `/infra/tier-1s/${t1.id}` } : {}) };
  if (!subnet || !gateway) {
    ctx.report(
      'format/nsxt-segment-gateway',
      'error',
      `Segment ${seg.name} needs a subnet and a gateway address for subnets[].gateway_address`,
      [target(seg)],
    );
    return body;
  }
  // NSX writes the interface form: gateway IP / prefix (like ACI, unlike Avi).
  const entry: Record<string, unknown> = { gateway_address: `${formatIp(gateway)}/${subnet.prefixLength}` };
  if (seg.props.dhcp) {
    const dhcpRanges = seg.props.ranges.filter((r) => r.purpose === 'dhcp').map((r) => `${r.start}-${r.end}`);
    if (dhcpRanges.length > 0) entry['dhcp_ranges'] = dhcpRanges;
    const server = dhcpServerAddress(ctx, seg);
    if (server) {
      entry['dhcp_config'] = { resource_type: 'SegmentDhcpV4Config', server_address: `${server}/${subnet.prefixLength}` };
      body['dhcp_config_path'] = `/infra/dhcp-server-configs/${dhcpConfigId(seg)}`;
    } else
      ctx.report(
        'format/nsxt-segment-dhcp',
        'warning',
        `Segment ${seg.name}: no free IPv4 address outside its ranges for the DHCP server (subnets[].dhcp_config.server_address)`,
        [target(seg)],
      );
  }
  body['subnets'] = [entry];
  return body;
}

/**
 * The segment DHCP server's own address: the highest host address of the subnet that is no
 * gateway, in no range (DHCP scope, pools) and held by nobody in the design.
 */
function dhcpServerAddress(ctx: ConfigContext, seg: Segment): string | null {
  const subnet = ctx.kit.cidr(seg.props.subnet);
  if (!subnet || subnet.family !== 4 || subnet.prefixLength > 30) return null;
  const taken: [number, number][] = [];
  for (const r of ctx.rangesOn(seg.id)) if (r.start?.family === 4 && r.end?.family === 4) taken.push([r.start.value, r.end.value]);
  for (const a of ctx.addressesOn(seg.id)) if (a.ip?.family === 4) taken.push([a.ip.value, a.ip.value]);
  const gw = ctx.kit.ip(seg.props.gateway);
  if (gw?.family === 4) taken.push([gw.value, gw.value]);
  for (let v = subnet.end - 1, n = 0; v > subnet.start && n < 65536; v--, n++)
    if (!taken.some(([s, e]) => s <= v && v <= e)) return ctx.kit.formatIp({ family: 4, value: v });
  return null;
}
