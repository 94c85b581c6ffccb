/** Subnets with their gateway, DHCP scopes and reserved ranges, one row per network (from lower()). */
import type { L3Range, L3RangePurpose } from '@viplane/validator';
import type { HandoffTable } from '../types.ts';
import { type HandoffContext } from './context.ts';

export function subnetTable(ctx: HandoffContext): HandoffTable {
  const byNetwork = new Map<string, L3Range[]>();
  for (const r of ctx.model.ranges)
    if (r.networkId !== null) (byNetwork.get(r.networkId) ?? byNetwork.set(r.networkId, []).get(r.networkId)!).push(r);
  const ranges = (networkId: string, purposes: readonly L3RangePurpose[]) =>
    (byNetwork.get(networkId) ?? [])
      .filter((r) => purposes.includes(r.purpose))
      .sort((a, b) => cmpIp(a.start?.value, b.start?.value) || a.text.localeCompare(b.text))
      .map((r) => r.text)
      .join(', ');
  const rows = ctx.model.networks.map((n) => ({
    network: n.name,
    subnet: n.subnetText ?? (n.kind === 'clientNetwork' ? 'any' : ''),
    gateway: n.gatewayText ?? '',
    vlan: n.vlan === null ? '' : String(n.vlan),
    dhcp: n.dhcp ? ranges(n.id, ['dhcp']) || 'DHCP (no scope given)' : '',
    reserved: ranges(n.id, ['reserved', 'se-pool', 'vip-pool', 'se-vip-pool', 'node', 'workload', 'haproxy-vip']),
    routingDomain: n.routingDomain,
  }));
  return {
    id: 'subnets',
    title: 'Subnets',
    description:
      'Each network’s subnet and gateway, the DHCP scope a server must answer with, and the ranges the platform keeps for itself (keep them out of DHCP and other allocations).',
    columns: [
      { key: 'network', label: 'Network' },
      { key: 'subnet', label: 'Subnet' },
      { key: 'gateway', label: 'Gateway' },
      { key: 'vlan', label: 'VLAN' },
      { key: 'dhcp', label: 'DHCP scope' },
      { key: 'reserved', label: 'Reserved ranges' },
      { key: 'routingDomain', label: 'Routing domain' },
    ],
    rows,
  };
}

export function cmpIp(a: number | bigint | undefined, b: number | bigint | undefined): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : 1) : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
