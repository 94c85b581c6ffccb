import { testRule } from '../../testing/ruleTester.ts';
import rule from './alb-settings-missing.ts';
import { mutate, propsOf, seed000, seed001 } from '../../../test/fixtures/routing.ts';

type Tkg = {
  managementClusterId: string | null;
  controllerId: string | null;
  seGroupId: string | null;
  workloadVipNetworkId: string | null;
  endpoint: { provider: string; address: string | null };
};
const seed = seed000('3net-alb');
// tkg-wc1 belongs to tkg-mgmt (the fixture leaves the link out).
const alb = {
  ...seed,
  doc: mutate(seed.doc, (d) => {
    propsOf<{ managementClusterId: string | null }>(d, seed.ids.wc).managementClusterId = seed.ids.mgmtCluster;
  }),
};

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network NSX-ALB design', doc: alb.doc },
    { name: 'seed 001 kube-vip clusters with NSX-ALB for apps', doc: seed001().doc },
    {
      name: "the management cluster's own SE group unset: the workload cluster's is AVI_SERVICE_ENGINE_GROUP",
      doc: mutate(alb.doc, (d) => {
        propsOf<Tkg>(d, alb.ids.mgmtCluster).seGroupId = null;
      }),
    },
    {
      name: 'an imported management cluster whose SE group is unknown (design/unknown-value asks)',
      doc: mutate(alb.doc, (d) => {
        for (const id of [alb.ids.mgmtCluster, alb.ids.wc]) propsOf<Tkg>(d, id).seGroupId = null;
        d.elements.find((e) => e.id === alb.ids.mgmtCluster)!.unknown = ['seGroupId'];
      }),
    },
  ],
  invalid: [
    {
      name: 'no SE group anywhere, and the Controller has no cloud name',
      doc: mutate(alb.doc, (d) => {
        for (const id of [alb.ids.mgmtCluster, alb.ids.wc]) propsOf<Tkg>(d, id).seGroupId = null;
        propsOf<{ cloudName: string }>(d, alb.ids.ctrl).cloudName = '';
      }),
      errors: [
        { targets: [alb.ids.mgmtCluster], data: { setting: 'AVI_SERVICE_ENGINE_GROUP' } },
        { targets: [alb.ids.mgmtCluster, alb.ids.ctrl], data: { setting: 'AVI_CLOUD_NAME' } },
      ],
    },
    {
      name: 'the Controller without a management address (AVI_CONTROLLER)',
      doc: mutate(alb.doc, (d) => {
        d.links.find((l) => l.id === alb.ids.ctrlNic)!.address = null;
      }),
      errors: [{ targets: [alb.ids.mgmtCluster, alb.ids.ctrl], severity: 'error', data: { setting: 'AVI_CONTROLLER' } }],
    },
    {
      name: 'no workload VIP network on any cluster (AVI_DATA_NETWORK)',
      doc: mutate(alb.doc, (d) => {
        for (const id of [alb.ids.mgmtCluster, alb.ids.wc]) propsOf<Tkg>(d, id).workloadVipNetworkId = null;
      }),
      errors: [{ targets: [alb.ids.mgmtCluster], data: { setting: 'AVI_DATA_NETWORK' } }],
    },
    {
      name: 'the VIP network without a subnet (AVI_DATA_NETWORK_CIDR)',
      doc: mutate(alb.doc, (d) => {
        propsOf<{ subnet: string | null }>(d, alb.ids.data48).subnet = null;
      }),
      errors: [{ targets: [alb.ids.mgmtCluster, alb.ids.data48], data: { setting: 'AVI_DATA_NETWORK_CIDR' } }],
    },
    {
      name: 'a workload cluster on NSX-ALB under a management cluster without it; NSX-ALB provider without a Controller',
      doc: mutate(alb.doc, (d) => {
        propsOf<Tkg>(d, alb.ids.mgmtCluster).controllerId = null;
      }),
      errors: [{ targets: [alb.ids.wc, alb.ids.mgmtCluster] }, { targets: [alb.ids.mgmtCluster], data: { setting: 'NSX-ALB Controller' } }],
    },
  ],
});
