/** NSX-T / NSX underneath vSphere with Tanzu or TKG (ports.md §3.3). */
import type { CatalogueFlow } from './types.ts';
import { NSX_SUPERVISOR, ROUTABLE_PODS, when } from './conditions.ts';

export const nsxtFlows: readonly CatalogueFlow[] = [
  {
    id: 'nsx-t/supervisor-manager',
    system: 'nsx-t',
    from: 'supervisor-management',
    to: 'nsx-manager',
    fromText: 'Supervisor management network',
    toText: 'NSX Manager (nodes + VIP)',
    protocol: 'tcp',
    ports: '443',
    purpose: 'Orchestrate segments, Tier-1s, load balancers',
    requirement: 'R',
    condition: NSX_SUPERVISOR,
    sources: ['T6'],
  },
  {
    id: 'nsx-t/tier0-bgp',
    system: 'nsx-t',
    from: 'tier0-uplink',
    to: 'bgp-peer',
    fromText: 'Tier-0 Edge uplink interfaces',
    toText: 'physical router peers',
    protocol: 'tcp',
    ports: '179',
    purpose: 'BGP (static routes are the alternative)',
    requirement: 'C',
    condition: when('BGP on the Tier-0 (not modelled: never instantiated)', () => false),
    sources: ['T4', 'T6'],
  },
  {
    id: 'nsx-t/routable-pods',
    system: 'nsx-t',
    from: 'routable-pods',
    to: 'clients',
    fromText: 'Pod CIDRs (routable pods, NAT off)',
    toText: 'anywhere',
    protocol: 'any',
    ports: 'any',
    purpose: 'No SNAT: pods leave with pod IPs, so pod CIDRs must be sources',
    requirement: 'C',
    condition: ROUTABLE_PODS,
    sources: ['K2'],
  },
];
