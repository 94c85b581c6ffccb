/** kube-vip as the TKG control-plane endpoint (ports.md §5). */
import type { CatalogueFlow } from './types.ts';
import { KUBE_VIP } from './conditions.ts';

export const kubeVipFlows: readonly CatalogueFlow[] = [
  {
    id: 'kube-vip/garp',
    system: 'kube-vip',
    from: 'kube-vip-endpoint',
    to: 'node-segment',
    fromText: 'kube-vip leader (a control-plane node)',
    toText: 'node L2 segment (broadcast)',
    protocol: 'arp',
    ports: '—',
    purpose: "Gratuitous ARP / ARP replies announce the VIP's MAC; the VIP must be on the node subnet and L2-adjacent",
    requirement: 'R',
    condition: KUBE_VIP,
    l2: true,
    sources: ['K2', 'V1'],
  },
  {
    id: 'kube-vip/prometheus',
    system: 'kube-vip',
    from: 'admin',
    to: 'kube-vip-endpoint',
    fromText: 'Prometheus',
    toText: 'kube-vip',
    protocol: 'tcp',
    ports: '2112',
    purpose: 'Metrics',
    requirement: 'O',
    condition: KUBE_VIP,
    sources: ['V1'],
  },
];
