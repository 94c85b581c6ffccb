import { defineRule } from '../../engine/rule.ts';
import { sameIp } from '../../l3/addr.ts';
import { parseAddress } from '../../queries/routing.ts';

export default defineRule({
  meta: {
    id: 'tkg/endpoint-is-vcenter',
    severity: 'error',
    category: 'tkg',
    description: "A TKG cluster's control-plane endpoint (VSPHERE_CONTROL_PLANE_ENDPOINT) is the vCenter's address (VSPHERE_SERVER).",
    docs: `### Why
The control-plane endpoint is the address every kubeconfig of the cluster points at: kube-vip makes a
control-plane node hold it, or NSX-ALB places the API virtual service on it. The vCenter already answers
on that address, so the Kubernetes API would never be reached there (and the vCenter would be cut off by
the ARP takeover). The tanzu CLI refuses a config whose endpoint equals \`VSPHERE_SERVER\`, by string or IP.

### How to fix in Viplane
Select the TKG cluster and give **Control-plane endpoint → address** a free address: on its node network
for kube-vip (outside the DHCP scope and pools), on its control-plane VIP network for NSX-ALB — or leave
it empty with the NSX-ALB provider. The vCenter's address is the vCenter's **Server**.

### Source
formats.md §2.4 (tanzu CLI validation): "\`VSPHERE_CONTROL_PLANE_ENDPOINT\` … must not equal
\`VSPHERE_SERVER\` (string or IP compare)". Seed 000 L253-255 (kube-vip: a fixed representative IP held by
a master node).`,
    seeds: ['000'],
  },
  check(ctx) {
    const { model } = ctx;
    const vcenters = model.ofKind('vcenter');
    if (vcenters.length === 0) return;
    for (const cluster of model.ofKind('tkgCluster')) {
      const text = cluster.props.endpoint.address?.trim() ?? '';
      if (text === '') continue;
      const endpoint = parseAddress(text);
      // The cluster's own vCenter first; any vCenter of the design holds its address too.
      for (const vc of vcenters) {
        const server = vc.props.server.trim();
        const address = parseAddress(server);
        const same = server === text || (endpoint !== null && address !== null && sameIp(endpoint, address));
        if (!same) continue;
        ctx.report({
          message: `Cluster ${cluster.name}: control-plane endpoint ${text} is the address of vCenter ${vc.name} (VSPHERE_SERVER ${server}); the API would never be reached there`,
          targets: [
            { kind: 'tkgCluster', id: cluster.id },
            { kind: 'vcenter', id: vc.id },
          ],
          data: { cluster: cluster.name, endpoint: text, vcenter: vc.name, server },
        });
        break;
      }
    }
  },
});
