/**
 * Routes: every non-connected route of the design's L3 view (lower()), said as who configures it and
 * why the network team cares. Physical routers' static routes are the ones to configure; the
 * NSX-ALB VRF routes and HAProxy/Controller default gateways name next hops the physical network
 * must answer on; AKO's pod routes (static-route mode) and NSX-T's routable pod routes are programmed
 * by the platform, but the pod CIDRs they carry must not collide with anything routed; a Tier-0's
 * learned routes are what the physical upstream must learn from it (BGP) or point at its uplink.
 */
import type { L3Host, L3Route } from '@viplane/validator';
import type { HandoffTable } from '../types.ts';
import { cmpIp } from './subnets.ts';
import type { HandoffContext } from './context.ts';

const HOST_LABEL: Record<L3Host['kind'], string> = {
  router: 'physical router',
  firewall: 'firewall',
  seGroup: 'NSX-ALB SE group',
  haproxy: 'HAProxy',
  nsxtTier0: 'NSX-T Tier-0',
  nsxtTier1: 'NSX-T Tier-1',
  aviController: 'NSX-ALB Controller',
  supervisor: 'Supervisor',
};

function why(ctx: HandoffContext, host: L3Host, route: L3Route): { action: string; configuredBy: string } | null {
  const target = destination(ctx, route);
  switch (route.origin) {
    case 'connected':
      return null;
    case 'static':
      if (host.kind === 'router' || host.kind === 'firewall') return { action: `configure on ${host.name}${target}`, configuredBy: host.name };
      if (host.kind === 'seGroup')
        return {
          action: `next hop must answer on the SE's network${target}`,
          configuredBy: `${ctx.name(route.ownerId)} (VRF static route)`,
        };
      return { action: `configured on ${host.name}${target}`, configuredBy: ctx.name(route.ownerId) };
    case 'gateway':
      return { action: `default gateway must answer${target}`, configuredBy: host.name };
    case 'cluster':
      return {
        action:
          host.kind === 'seGroup'
            ? `pod CIDR of ${ctx.name(route.clusterId)} towards its nodes (AKO static-route mode); keep it unique in the routed network`
            : `pod CIDR of ${ctx.name(route.clusterId)} (NSX-T routable pods)`,
        configuredBy: host.kind === 'seGroup' ? `AKO of ${ctx.name(route.clusterId)}` : `${ctx.name(route.clusterId)} (vSphere CPI / NCP)`,
      };
    case 'internal':
      if (host.kind !== 'nsxtTier0') return null;
      return {
        action: `learned from Tier-1 ${ctx.name(route.viaHostId)}; the physical upstream must learn it from ${host.name} (BGP) or route it to its uplink${target}`,
        configuredBy: 'NSX-T route advertisement',
      };
  }
}

function destination(ctx: HandoffContext, route: L3Route): string {
  if (route.prefix.prefix === 0) return '';
  const net = ctx.model.networks.find(
    (n) =>
      n.subnet && n.subnet.family === route.prefix.family && n.subnet.first >= route.prefix.first && n.subnet.last <= route.prefix.last,
  );
  return net ? ` (reaches ${net.name})` : '';
}

export function routeTable(ctx: HandoffContext): HandoffTable {
  const rows: { row: Record<string, string>; sortKey: [string, string, number | bigint] }[] = [];
  for (const host of ctx.model.hosts)
    for (const vrf of host.vrfs)
      for (const route of vrf.routes) {
        const w = why(ctx, host, route);
        if (!w) continue;
        rows.push({
          row: {
            device: host.name,
            deviceKind: HOST_LABEL[host.kind],
            vrf: vrf.name,
            prefix: route.prefixText,
            nextHop: route.discard ? 'discard' : (route.nextHopText ?? ''),
            origin: route.origin,
            configuredBy: w.configuredBy,
            action: w.action,
          },
          sortKey: [host.name, vrf.name, route.prefix.first],
        });
      }
  rows.sort(
    (a, b) =>
      a.sortKey[0].localeCompare(b.sortKey[0]) ||
      a.sortKey[1].localeCompare(b.sortKey[1]) ||
      cmpIp(a.sortKey[2], b.sortKey[2]) ||
      (a.row.prefix ?? '').localeCompare(b.row.prefix ?? ''),
  );
  return {
    id: 'routes',
    title: 'Routes',
    description:
      'Routes the design depends on: static routes to configure on the physical routers, next hops the physical network must answer on, and routes the platform programs whose prefixes must stay unique.',
    columns: [
      { key: 'device', label: 'Device' },
      { key: 'deviceKind', label: 'Kind' },
      { key: 'vrf', label: 'VRF' },
      { key: 'prefix', label: 'Prefix' },
      { key: 'nextHop', label: 'Next hop' },
      { key: 'origin', label: 'Origin' },
      { key: 'configuredBy', label: 'Configured by' },
      { key: 'action', label: 'What the network team does' },
    ],
    rows: rows.map((r) => r.row),
  };
}
