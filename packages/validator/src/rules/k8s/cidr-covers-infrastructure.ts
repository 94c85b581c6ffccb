import { defineRule } from '../../engine/rule.ts';
import type { L3Address } from '../../l3/model.ts';
import { inCidr } from '../../l3/addr.ts';
import { clusterCidrs } from '../../queries/clusterCidrs.ts';
import { DEFAULT_DOMAIN, describeHolder, domainOf } from '../../queries/ipam.ts';
import { INFRASTRUCTURE_DOMAIN } from '../../queries/heldValues.ts';

export default defineRule({
  meta: {
    id: 'k8s/cidr-covers-infrastructure',
    severity: 'error',
    category: 'k8s',
    description: 'A pod or service CIDR covers the address of vCenter, NSX Manager or the NSX-ALB Controller.',
    docs: `### Why
Every node routes its cluster's pod and service CIDRs into the cluster (the CNI's overlay, kube-proxy or
Antrea). When one of them covers the address of vCenter, the NSX Manager or the NSX-ALB Controller, the
nodes send their traffic for that server into the cluster instead: the vSphere CPI and CSI lose vCenter,
AKO loses the Controller, the NSX container plugin loses the NSX Manager. The cluster installs and then
fails in ways that look like credentials or firewall problems. \`ipam/cluster-cidr-overlap\` catches a CIDR
that overlaps a modelled network; this rule catches the servers the design names only by address (and the
Controller when its network's subnet is not given).

### How to fix in Viplane
Change the cluster's **pod CIDR** or **service CIDR** (TKG \`CLUSTER_CIDR\` / \`SERVICE_CIDR\`, TKC
\`pods.cidrBlocks\` / \`services.cidrBlocks\`, kubeadm \`podSubnet\` / \`serviceSubnet\`) to a range that holds none
of these addresses, or correct the server's address (the vCenter's **Server**, the Tier-0 gateway's **NSX Manager**,
the Controller's management NIC).

### Source
The class of openshift/installer#4620 (cluster networks against the infrastructure's addresses);
openshift/installer#3436 "install-config validation for CIDR overlap": a cluster network overlapping the
machine network made the creation fail ("openshift-sdn operator failed"). Seed 000 (L168): cluster CIDRs
set to the management network's subnet (where vCenter and the Controller live) make the build fail with
duplicate IPs.`,
    seeds: ['000'],
  },
  check({ model, report }) {
    // The servers: vCenter and NSX Manager (held on no network) and Controllers whose network's subnet is unknown.
    const servers: { a: L3Address; domain: string }[] = [];
    for (let k = 0, all = model.addresses; k < all.length; k++) {
      const a = all[k]!;
      if (!a.ip) continue;
      if (a.role === 'infrastructure') servers.push({ a, domain: INFRASTRUCTURE_DOMAIN });
      else if (a.role === 'controller' && (a.networkId === null || !model.networkById.get(a.networkId)?.subnet))
        servers.push({ a, domain: domainOf(model, a.networkId) ?? DEFAULT_DOMAIN });
    }
    if (servers.length === 0) return;
    // Servers are few (a handful per design): each CIDR is checked against them.
    for (const c of clusterCidrs(model)) {
      for (const { a, domain } of servers) {
        if (domain !== c.domain || !inCidr(c.cidr, a.ip!)) continue;
        report({
          message: `${c.kind === 'pod' ? 'Pod' : 'Service'} CIDR ${c.text} of ${c.ownerName} covers the ${describeHolder(model, a)}: the nodes route it into the cluster`,
          targets: [
            { kind: c.ownerKind, id: c.ownerId },
            { kind: a.ownerKind, id: a.ownerId },
            ...(a.linkId ? [{ kind: 'link' as const, id: a.linkId }] : []),
          ],
          data: { cluster: c.ownerName, cidr: c.text, kind: c.kind, server: a.text },
        });
      }
    }
  },
});
