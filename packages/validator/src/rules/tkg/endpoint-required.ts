import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'tkg/endpoint-required',
    severity: 'error',
    category: 'tkg',
    description:
      'A TKG cluster with the kube-vip control-plane endpoint provider has no endpoint address (VSPHERE_CONTROL_PLANE_ENDPOINT).',
    docs: `### Why
With kube-vip as the control-plane endpoint provider (\`AVI_CONTROL_PLANE_HA_PROVIDER: "false"\`), the
Kubernetes API address is not allocated by a load balancer: kube-vip makes one control-plane node hold a
fixed address in addition to its own. That address must be given in \`VSPHERE_CONTROL_PLANE_ENDPOINT\`;
the Tanzu CLI refuses a cluster without it, and every kubeconfig points at it.

With NSX-ALB as the provider the endpoint may stay blank: NSX-ALB allocates it from the VIP pool.

### How to fix in Viplane
Select the TKG cluster and set **Control-plane endpoint → Address** to a free, static address on its
node network, outside its DHCP range and any pool (seed 000: 192.168.52.100 on dp-data-52); exported as
\`VSPHERE_CONTROL_PLANE_ENDPOINT\`.

### Source
Seed 000 (NSX-ALB routing), kube-vip design: "kube-vip must be given a fixed representative IP; that IP is
held by one of the k8s master nodes in addition to its physical IP" (L253-255). Seed 001: the kube-vip
clusters set \`VSPHERE_CONTROL_PLANE_ENDPOINT: 172.16.135.240\` / \`172.16.135.250\`. The Tanzu CLI requires
the endpoint unless \`AVI_CONTROL_PLANE_HA_PROVIDER\` is true.`,
    seeds: ['000', '001'],
  },
  check(ctx) {
    for (const cluster of ctx.model.ofKind('tkgCluster')) {
      const { provider, address } = cluster.props.endpoint;
      if (provider !== 'kube-vip' || (address !== null && address.trim() !== '')) continue;
      ctx.report({
        message: `Cluster ${cluster.name} uses kube-vip for its control-plane endpoint but has no endpoint address (VSPHERE_CONTROL_PLANE_ENDPOINT)`,
        targets: [{ kind: 'tkgCluster', id: cluster.id }],
        data: { cluster: cluster.name, provider },
      });
    }
  },
});
