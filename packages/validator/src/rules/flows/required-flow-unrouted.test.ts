import { testRule } from '../../testing/ruleTester.ts';
import rule from './required-flow-unrouted.ts';
import { getTemplate } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';

const alb = () => getTemplate('seed000-3net-alb')!.build();

/** The L3 switch loses its SVI on a network (a routing rule may or may not notice). */
function withoutSvi(doc: TopologyDocument, network: string): TopologyDocument {
  doc.links = doc.links.filter((l) => !(l.from === 'l3-switch' && l.to === network));
  return doc;
}

testRule(rule, {
  valid: [
    ...['seed000-1net', 'seed000-2net', 'seed000-3net-alb', 'seed000-3net-kubevip'].map((id) => ({ name: `${id} routes every required flow`, doc: getTemplate(id)!.build() })),
    {
      // routing/unreachable-vip already reports clients → dp-data-48: not repeated here.
      name: 'no SVI on dp-data-48: the routing rules say it',
      doc: withoutSvi(alb(), 'dp-data-48'),
    },
    {
      // An import that could not learn dp-data-52's gateway asks (design/unknown-value); the flow is not judged.
      name: "dp-data-52's gateway is unknown (an import's question, not a mistake)",
      doc: (() => {
        const doc = alb();
        const net = doc.elements.find((e) => e.id === 'dp-data-52')!;
        (net.props as { gateway: string | null }).gateway = null;
        net.unknown = ['gateway'];
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      // The same gateway missing without the import's mark is a mistake, and this rule says it.
      name: "dp-data-52 has no gateway (not marked unknown): the nodes' flows cannot leave it",
      doc: (() => {
        const doc = alb();
        const net = doc.elements.find((e) => e.id === 'dp-data-52')!;
        (net.props as { gateway: string | null }).gateway = null;
        return doc;
      })(),
      errors: [
        { targets: ['management-cluster', 'avi-controller'], data: { flowId: 'ako/controller-api' } },
        { targets: ['management-cluster', 'vcenter'], data: { flowId: 'tkg/nodes-vcenter' } },
        { targets: ['workload-cluster-1', 'avi-controller'], data: { flowId: 'ako/controller-api' } },
        { targets: ['workload-cluster-1', 'vcenter'], data: { flowId: 'tkg/nodes-vcenter' } },
      ],
    },
    {
      // No routing rule looks at the node network's way out: this rule is the only one to say it.
      name: 'the L3 switch has no SVI on dp-data-52: the nodes cannot reach the Controller or vCenter, admins cannot reach the API VIPs',
      doc: withoutSvi(alb(), 'dp-data-52'),
      errors: [
        { targets: ['management-cluster', 'avi-controller'], severity: 'error', data: { flowId: 'ako/controller-api' } },
        { targets: ['workload-cluster-1', 'avi-controller'], data: { flowId: 'ako/controller-api' } },
        { targets: ['management-cluster', 'vcenter'], data: { flowId: 'tkg/nodes-vcenter' } },
        { targets: ['workload-cluster-1', 'vcenter'], data: { flowId: 'tkg/nodes-vcenter' } },
        { targets: ['clients', 'management-cluster'], data: { flowId: 'tkg/clients-endpoint' } },
        { targets: ['clients', 'workload-cluster-1'], data: { flowId: 'tkg/clients-endpoint' } },
      ],
    },
  ],
});
