import { defineRule } from '../../engine/rule.ts';
import { AddressIndex } from '../../addressIndex/index.ts';
import { cidr, cidrsOverlap, type Cidr } from '../../l3/addr.ts';
import { DEFAULT_DOMAIN, cidrInterval, domainOf, elementTarget, networksByDomain } from '../../queries/ipam.ts';

interface ClusterCidr {
  ownerId: string;
  ownerName: string;
  kind: 'pod' | 'service';
  cidr: Cidr;
  domain: string;
  routable: boolean;
}

export default defineRule({
  meta: {
    id: 'ipam/cluster-cidr-overlap',
    severity: 'error',
    category: 'ipam',
    description: "A cluster's pod or service CIDR overlaps a network, its own other CIDR, or (routable pods) another cluster's pod CIDR.",
    docs: `### Why
Pod and service CIDRs are address space inside the cluster: every node routes them to the overlay (pods) or to
kube-proxy / Antrea (services). If one overlaps a real network, the nodes send traffic meant for that network - vCenter,
the NSX-ALB Controller, the SEs, clients - into the cluster instead; seed 000 says a cluster whose pod or service CIDR is
set to the physical subnet of \`dp-mgmt-32\` fails to build ("duplicate IP"). A cluster's pod CIDR overlapping its own
service CIDR breaks service routing the same way.

With NSX-T routable pods (seed 001) the pod CIDR is no longer private: each node's /24 is a static route on the
Tier-1, advertised to the Tier-0. Two clusters routing overlapping CLUSTER_CIDRs make the routes collide, so every
routable pod CIDR must be unique - also against the (overlay) pod CIDRs of the other clusters, whose pods would no
longer reach the routed ones. Non-routable overlay pod CIDRs of different clusters may be equal: seed 000 and 001 use
the TKG default 100.96.0.0/11 on every cluster, and that is fine.

Checked within the cluster's routing domain (that of its node network; \`default\` when unknown): pod and service CIDRs
of TKG clusters, Kubernetes clusters and TKCs, and the Supervisor's service CIDR, against every network subnet
(port groups, segments, client networks).

### How to fix in Viplane
Select one of the clusters named in the message (TKG cluster, TanzuKubernetesCluster, Kubernetes cluster or
Supervisor) and change its **Pod CIDR** or **Service CIDR** (for a TKC the **Pod CIDR blocks** / **Service CIDR
blocks**) to a block that overlaps no network and no other cluster of the routing domain. If the networks are really
in separate routing domains, set a different **Routing domain** on the port group instead.

Keep the TKG defaults (pod 100.96.0.0/11, service 100.64.0.0/13) unless they are used in your organisation, and then
pick ranges no network uses. For routable pods give each cluster its own CLUSTER_CIDR (seed 001: cl1 172.16.136.0/21,
cl2 172.16.144.0/21, next to but not overlapping the node segment 172.16.128.0/21). A TKC's default pod CIDR
192.168.0.0/16 collides with any 192.168.x.x network: set \`pods.cidrBlocks\` then.

### Source
Seed 000 (NSX-ALB samples), L168: "dp-mgmt-32 の物理ネットワークのサブネットアドレスを指定すると、重複 IP で構築に失敗します" -
giving the cluster CIDRs dp-mgmt-32's subnet makes the build fail with duplicate IPs; the defaults are fine unless used
in the organisation. Seed 001 (routable pods), L152: each workload cluster needs a non-overlapping CLUSTER_CIDR.`,
    seeds: ['000', '001'],
  },
  check({ model, report }) {
    const cidrs: ClusterCidr[] = [];
    const routableIds = new Set(
      model
        .ofKind('tkgCluster')
        .filter((c) => c.props.routablePods !== null)
        .map((c) => c.id),
    );
    for (const c of model.clusters) {
      const domain = domainOf(model, c.nodeNetworkId) ?? DEFAULT_DOMAIN;
      const routable = routableIds.has(c.id);
      for (const p of c.podCidrs) if (p.cidr) cidrs.push({ ownerId: c.id, ownerName: c.name, kind: 'pod', cidr: p.cidr, domain, routable });
      for (const s of c.serviceCidrs)
        if (s.cidr) cidrs.push({ ownerId: c.id, ownerName: c.name, kind: 'service', cidr: s.cidr, domain, routable: false });
    }
    for (const s of model.ofKind('supervisor')) {
      const c = cidr(s.props.serviceCidr);
      if (c)
        cidrs.push({
          ownerId: s.id,
          ownerName: s.name,
          kind: 'service',
          cidr: c,
          domain: domainOf(model, s.props.managementNetworkId) ?? DEFAULT_DOMAIN,
          routable: false,
        });
    }
    const label = (c: ClusterCidr) => `${c.kind === 'pod' ? 'Pod' : 'Service'} CIDR ${c.cidr.text} of ${c.ownerName}`;

    // 1. Against the networks of the cluster's routing domain.
    const networks = networksByDomain(model);
    for (const c of cidrs) {
      const dn = networks.get(c.domain);
      if (!dn) continue;
      for (const { tag } of dn.index.overlapping(cidrInterval(c.cidr))) {
        const n = dn.networks[tag]!;
        report({
          message: `${label(c)} overlaps network ${n.name} (${n.subnet!.text})`,
          targets: [elementTarget(model, c.ownerId), elementTarget(model, n.id)],
          data: { cluster: c.ownerName, cidrKind: c.kind, cidr: c.cidr.text, network: n.name, subnet: n.subnet!.text },
        });
      }
    }

    // 2. Pod against service CIDR of the same cluster (a handful per cluster).
    const byOwner = new Map<string, ClusterCidr[]>();
    for (const c of cidrs) {
      const list = byOwner.get(c.ownerId);
      if (list) list.push(c);
      else byOwner.set(c.ownerId, [c]);
    }
    for (const list of byOwner.values())
      for (const pod of list.filter((c) => c.kind === 'pod'))
        for (const svc of list.filter((c) => c.kind === 'service'))
          if (cidrsOverlap(pod.cidr, svc.cidr))
            report({
              message: `Pod CIDR ${pod.cidr.text} of ${pod.ownerName} overlaps its service CIDR ${svc.cidr.text}`,
              targets: [elementTarget(model, pod.ownerId)],
              data: { cluster: pod.ownerName, cidr: pod.cidr.text, otherCidr: svc.cidr.text },
            });

    // 3. Routable pod CIDRs against the other clusters' pod CIDRs, per routing domain.
    const pods = cidrs.filter((c) => c.kind === 'pod');
    const domains = new Map<string, ClusterCidr[]>();
    for (const p of pods) {
      const list = domains.get(p.domain);
      if (list) list.push(p);
      else domains.set(p.domain, [p]);
    }
    for (const list of domains.values()) {
      if (!list.some((p) => p.routable)) continue;
      const index = AddressIndex.build(list.map((p) => cidrInterval(p.cidr)));
      list.forEach((p, i) => {
        if (!p.routable) return;
        for (const { tag } of index.overlapping(cidrInterval(p.cidr))) {
          const other = list[tag]!;
          if (other.ownerId === p.ownerId || (other.routable && tag < i)) continue;
          report({
            message: `Routable pod CIDR ${p.cidr.text} of ${p.ownerName} overlaps the pod CIDR ${other.cidr.text} of ${other.ownerName}: their pod routes collide`,
            targets: [elementTarget(model, p.ownerId), elementTarget(model, other.ownerId)],
            data: {
              cluster: p.ownerName,
              cidr: p.cidr.text,
              otherCluster: other.ownerName,
              otherCidr: other.cidr.text,
              otherRoutable: other.routable,
            },
          });
        }
      });
    }
  },
});
