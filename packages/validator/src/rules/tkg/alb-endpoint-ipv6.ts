import { defineRule } from '../../engine/rule.ts';
import { parseAddress } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'tkg/alb-endpoint-ipv6',
    severity: 'error',
    category: 'tkg',
    description: 'A TKG cluster asks NSX-ALB (AVI_CONTROL_PLANE_HA_PROVIDER) for an IPv6 control-plane endpoint.',
    docs: `### Why
The NSX-ALB control-plane endpoint provider of TKG requests the endpoint as an IPv4 VIP; it does not take an
IPv6 \`VSPHERE_CONTROL_PLANE_ENDPOINT\`. The API virtual service never gets its address and cluster creation
fails.

### How to fix in Viplane
Select the TKG cluster and give **Control-plane endpoint → address** an IPv4 address on its control-plane VIP
network, clear it (NSX-ALB allocates one), or switch **Control-plane endpoint → provider** to kube-vip.

### Source
formats.md §2.4: with the ALB HA provider the endpoint is requested on the control-plane VIP network;
"IPv6 not supported there".`,
    seeds: [],
  },
  check(ctx) {
    for (const cluster of ctx.model.ofKind('tkgCluster')) {
      if (cluster.props.endpoint.provider !== 'nsx-alb') continue;
      const endpoint = parseAddress(cluster.props.endpoint.address);
      if (endpoint?.family !== 6) continue;
      ctx.report({
        message: `Cluster ${cluster.name}: the NSX-ALB control-plane provider does not take an IPv6 endpoint (${endpoint.text})`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name, endpoint: endpoint.text },
      });
    }
  },
});
