import { defineRule } from '../../engine/rule.ts';
import { akoController, type Of } from '../../queries/routing.ts';
import { overlappingPairs, type Owned } from '../../queries/overlap.ts';
import type { L3Cluster } from '../../l3/model.ts';

export default defineRule({
  meta: {
    id: 'ako/pod-cidr-overlap-in-vrf',
    severity: 'error',
    category: 'ako',
    description: 'Clusters whose AKO static routes land in one SE data VRF have overlapping pod CIDRs.',
    docs: `### Why
In static-route mode AKO writes one route per node, \`<node podCIDR> via <node IP>\`, into the data VRF of the
Controller's cloud (the \`global\` VRF context). All SE groups of the cloud use that one VRF. A pod CIDR is
"overlay" - private to its cluster - only as long as nothing outside the cluster routes it; once AKO has
put it in the VRF, two clusters with overlapping pod CIDRs give the SEs two routes for the same pod
addresses, and traffic for one cluster's pods goes to the other cluster's nodes. So every cluster whose
routes land in one VRF needs its own pod CIDR, even when each pod CIDR on its own is a private overlay
(and the TKG or kubeadm defaults are the same on every cluster).

### How to fix in Viplane
Give each cluster its own pod CIDR: select one of the clusters and change its **Pod CIDR** (TKG \`CLUSTER_CIDR\`,
kubeadm \`podSubnet\`) so it overlaps no other cluster of the same Controller, or set its AKO element's
**Mode** to \`nodeport\` / \`nodeportlocal\` for it (no static routes).

### Source
Seed 003 (AKO): AKO programs \`10.244.x.0/24 -> node IP\` routes in the SE data VRF (L42-43). AKO
documentation (avinetworks/avi-helm-charts#55, \`nodeNetworkList\`): "If two Kubernetes clusters have
overlapping POD CIDRs, the service engine needs to identify the right gateway for each of the overlapping
CIDR groups" - the VRF alone cannot tell them apart. vmware/load-balancer-and-ingress-services-for-kubernetes#435:
clusters share one VRF and are told apart only by SE group labels.`,
    seeds: ['003'],
  },
  check({ model, report }) {
    // Static-route AKOs per Controller (its VRF); most designs have one per Controller, and then nothing to compare.
    const akosByVrf = new Map<string, Of<'ako'>[]>();
    for (const ako of model.ofKind('ako')) {
      if (ako.props.mode !== 'static-route' || ako.props.clusterId === null) continue;
      const controllerId = akoController(model, ako);
      if (controllerId === null) continue;
      const list = akosByVrf.get(controllerId);
      if (list) list.push(ako);
      else akosByVrf.set(controllerId, [ako]);
    }
    let clusterById: ReadonlyMap<string, L3Cluster> | undefined;
    const byVrf = new Map<string, Map<string, L3Cluster>>();
    const akosOf = new Map<string, string[]>();
    for (const [controllerId, akos] of akosByVrf) {
      if (akos.length < 2) continue;
      clusterById ??= new Map(model.clusters.map((c) => [c.id, c]));
      const clusters = new Map<string, L3Cluster>();
      for (const ako of akos) {
        const cluster = clusterById.get(ako.props.clusterId!);
        if (!cluster) continue;
        clusters.set(cluster.id, cluster);
        const list = akosOf.get(cluster.id);
        if (list) list.push(ako.id);
        else akosOf.set(cluster.id, [ako.id]);
      }
      byVrf.set(controllerId, clusters);
    }
    for (const [controllerId, clusters] of byVrf) {
      if (clusters.size < 2) continue;
      const items: Owned<{ cluster: L3Cluster; text: string }>[] = [];
      for (const cluster of clusters.values())
        for (const pod of cluster.podCidrs)
          if (pod.cidr) items.push({ cidr: pod.cidr, ownerId: cluster.id, item: { cluster, text: pod.text } });
      const controller = model.elements.get(controllerId);
      for (const [a, b] of overlappingPairs(items)) {
        const akos = [...(akosOf.get(a.ownerId) ?? []), ...(akosOf.get(b.ownerId) ?? [])];
        report({
          message: `Pod CIDRs ${a.item.text} of ${a.item.cluster.name} and ${b.item.text} of ${b.item.cluster.name} overlap; AKO routes both into the data VRF of Controller ${controller?.name ?? controllerId}`,
          targets: [
            { kind: a.item.cluster.kind, id: a.ownerId },
            { kind: b.item.cluster.kind, id: b.ownerId },
            ...akos.map((id) => ({ kind: 'ako' as const, id })),
            ...(controller ? [{ kind: 'aviController' as const, id: controller.id }] : []),
          ],
          data: { clusters: [a.item.cluster.name, b.item.cluster.name], podCidrs: [a.item.text, b.item.text] },
        });
      }
    }
  },
});
