import type { Suggestion } from '../../fixes/edit.ts';
import { freeStaticAddress } from '../../fixes/freeAddress.ts';
import type { L3Model } from '../../l3/model.ts';
import { defineRule } from '../../engine/rule.ts';
import { inCidr } from '../../l3/addr.ts';
import { parseAddress } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'tkg/endpoint-not-on-node-network',
    severity: 'error',
    category: 'tkg',
    description: "A kube-vip control-plane endpoint address outside the subnet of the cluster's node network.",
    docs: `### Why
kube-vip does not route: it makes one control-plane node answer ARP for the endpoint address on its own
network, in addition to the node's address. The endpoint must therefore lie in the subnet of the node
network (\`VSPHERE_NETWORK\`); an address from another subnet is held by a node that nobody can reach
on it, and the cluster never comes up.

### How to fix in Viplane
The quick fix takes the node network's lowest free static address. Otherwise select the TKG cluster and set **Control-plane endpoint → Address** to a free address of its **Node
network**'s subnet, outside its DHCP range and pools (seed 000: 192.168.52.100 on dp-data-52, 192.168.52.0/22;
seed 001: 172.16.135.240 on tanzu-overlay, 172.16.128.0/21).

### Source
Seed 000 (NSX-ALB routing), kube-vip design: the endpoint 192.168.52.100 is held by a k8s master node on
dp-data-52 (L255, L265). Seed 001: endpoints 172.16.135.240 and 172.16.135.250 inside the node segment
172.16.128.0/21.`,
    seeds: ['000', '001'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const cluster of model.ofKind('tkgCluster')) {
      const { provider, address } = cluster.props.endpoint;
      if (provider !== 'kube-vip') continue;
      const endpoint = parseAddress(address);
      const net = cluster.props.nodeNetworkId ? model.networkById.get(cluster.props.nodeNetworkId) : undefined;
      // Missing endpoint: tkg/endpoint-required; malformed values and unknown subnets: skip.
      if (!endpoint || !net?.subnet || inCidr(net.subnet, endpoint)) continue;
      ctx.report({
        message: `Control-plane endpoint ${endpoint.text} of cluster ${cluster.name} is outside its node network ${net.name} (${net.subnetText}); kube-vip can only hold an address on the nodes' own subnet`,
        targets: [
          { kind: 'tkgCluster', id: cluster.id, field: 'endpoint.address' },
          { kind: net.kind, id: net.id },
        ],
        data: { cluster: cluster.name, endpoint: endpoint.text, network: net.name, subnet: net.subnetText },
        suggestions: endpointSuggestion(model, cluster.id, net.id, net.name),
      });
    }
  },
});

/** Quick fix: the endpoint takes the node network's lowest free static address (outside its DHCP scope and ranges). */
function endpointSuggestion(model: L3Model, clusterId: string, networkId: string, network: string): Suggestion[] {
  const free = freeStaticAddress(model, networkId);
  return free === null
    ? []
    : [
        {
          title: `Set the control-plane endpoint to ${free}, the next free address of ${network}`,
          edit: [{ op: 'set', target: { kind: 'element', id: clusterId, field: 'endpoint.address' }, value: free }],
        },
      ];
}
