import { defineRule } from '../../engine/rule.ts';
import { inCidr } from '../../l3/addr.ts';
import { parseAddress } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'tkg/endpoint-outside-vip-network',
    severity: 'error',
    category: 'tkg',
    description: 'An endpoint NSX-ALB must provide (AVI_CONTROL_PLANE_HA_PROVIDER) lies outside the cluster’s control-plane VIP network.',
    docs: `### Why
With NSX-ALB as the control-plane endpoint provider and a fixed \`VSPHERE_CONTROL_PLANE_ENDPOINT\`, the AKO
operator requests exactly that address as the API virtual service's VIP (annotation
\`ako.vmware.com/load-balancer-ip\`) on the cluster's control-plane VIP network. An address outside that
network's subnet cannot be allocated there: the virtual service never gets its VIP and the cluster's API is
unreachable, so cluster creation hangs.

### How to fix in Viplane
Select the TKG cluster and either pick **Control-plane endpoint → address** inside the subnet of its
**Control-plane VIP network** (or, when that is empty, its **Workload VIP network**), or clear the address
and let NSX-ALB allocate one from the VIP pool — or point the control-plane VIP network at the network the
address belongs to.

### Source
formats.md §2.4: "With the ALB HA provider and an endpoint given, the AKO operator requests exactly that IP
as the load-balancer IP (annotation \`ako.vmware.com/load-balancer-ip\`), so it must be allocatable on the
control-plane VIP network". Seed 000 3-network design: the API VIPs on dp-data-52 (L274-282).`,
    seeds: ['000'],
  },
  check(ctx) {
    const { model } = ctx;
    for (const cluster of model.ofKind('tkgCluster')) {
      const p = cluster.props;
      if (p.endpoint.provider !== 'nsx-alb') continue;
      const endpoint = parseAddress(p.endpoint.address);
      const networkId = p.controlPlaneVipNetworkId ?? p.workloadVipNetworkId;
      const net = networkId ? model.networkById.get(networkId) : undefined;
      // No endpoint (NSX-ALB allocates one), malformed values, unknown subnets, IPv6 (tkg/alb-endpoint-ipv6): skip.
      if (!endpoint || endpoint.family !== 4 || !net?.subnet || inCidr(net.subnet, endpoint)) continue;
      ctx.report({
        message: `Cluster ${cluster.name}: endpoint ${endpoint.text} is requested from NSX-ALB but lies outside its control-plane VIP network ${net.name} (${net.subnetText})`,
        targets: [
          { kind: 'tkgCluster', id: cluster.id },
          { kind: net.kind, id: net.id },
        ],
        data: { cluster: cluster.name, endpoint: endpoint.text, network: net.name, subnet: net.subnetText },
      });
    }
  },
});
