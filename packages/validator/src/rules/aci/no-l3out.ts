import { defineRule } from '../../engine/rule.ts';

export default defineRule({
  meta: {
    id: 'aci/no-l3out',
    severity: 'error',
    category: 'aci',
    description: 'An ACI CNI fabric has no L3Out, or its L3Out has no external network (external EPG).',
    docs: `### Why
One Kubernetes cluster is one VRF in ACI, and all traffic between the cluster and the outside goes through an
**L3Out**. The LoadBalancer implementation is built on it too: the external IP of each service is a host route in one
external EPG of the L3Out, and a contract with an automatically generated service graph (PBR) towards a second external
EPG (0.0.0.0/0) redirects the traffic to the nodes running the service's pods. Without the L3Out — or without the
external network (\`l3out.external_networks\`) that acc-provision attaches this to — nodes and pods cannot reach outside
and \`type: LoadBalancer\` services get no working external IP. acc-provision rejects an input without them.

### How to fix in Viplane
Select the ACI fabric and fill **L3Out** (its name) with at least one entry in **External networks**; they are
exported as \`aci_config.l3out: {name, external_networks: [...]}\`.

In the vendor's tools: the L3Out and its external EPG must exist in the cluster's VRF on the APIC.

### Source
Seed 004 (Cisco ACI CNI), L144: 「ACIにおいて1つのKubernetesクラスタは1つのVRFとして構成され、その外部との通信は全てL3outを経由した外部接続として扱われます」 — one cluster
is one VRF and all external traffic goes through the L3Out; ACI builds two external EPGs under it with a service graph
(L144, L148). acc-provision requires \`l3out.name\` and \`l3out.external_networks\` (formats.md §6.2).`,
    seeds: ['004'],
  },
  check({ model, report }) {
    for (const fabric of model.ofKind('aciFabric')) {
      const l3out = fabric.props.l3out;
      const name = l3out?.name.trim() ?? '';
      if (!l3out || name === '') {
        report({
          message: `ACI fabric ${fabric.name} has no L3Out: the cluster's external traffic and its LoadBalancer external IPs have no way out of VRF ${fabric.props.vrf.name || '(unnamed)'}`,
          targets: [{ kind: 'aciFabric', id: fabric.id }],
          data: { fabric: fabric.name, l3out: null, externalNetworks: [] },
        });
        continue;
      }
      const external = l3out.externalNetworks.filter((n) => n.trim() !== '');
      if (external.length > 0) continue;
      report({
        message: `L3Out ${name} of ACI fabric ${fabric.name} has no external network (external EPG): LoadBalancer external IPs need one`,
        targets: [{ kind: 'aciFabric', id: fabric.id }],
        data: { fabric: fabric.name, l3out: name, externalNetworks: [] },
      });
    }
  },
});
