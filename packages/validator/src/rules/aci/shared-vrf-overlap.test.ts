import { testRule } from '../../testing/ruleTester.ts';
import rule from './shared-vrf-overlap.ts';
import { seed004 } from '../../../test/fixtures/aci.ts';
import { mutate, propsOf } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed004();

/** A second acc-provision config (fabric element k8s_demo3) with its own cluster; `vrf` and subnets as given. */
const second = (o: { vrf?: string; pod?: string; node?: string; svc?: string; shareFabric?: boolean }) =>
  mutate(doc, (d) => {
    if (!o.shareFabric)
      d.elements.push({
        id: 'fabric-3',
        kind: 'aciFabric',
        name: 'aci-fabric-3',
        position: { x: 0, y: 0 },
        props: {
          ...structuredClone(propsOf<Record<string, unknown>>(d, ids.fabric)),
          systemId: 'k8s_demo3',
          vrf: { name: o.vrf ?? 'k8s_demo3_vrf', tenant: 'k8s_demo2' },
          nodeSubnet: o.node ?? '10.11.0.1/16',
          podSubnet: o.pod ?? '10.12.0.1/16',
          nodeServiceSubnet: o.svc ?? '10.15.0.1/24',
          externDynamic: '192.168.61.1/24',
          externStatic: '192.168.62.1/24',
        },
      } as (typeof d.elements)[number]);
    d.elements.push({
      id: 'k8s-demo3',
      kind: 'k8sCluster',
      name: 'k8s_demo3',
      position: { x: 0, y: 0 },
      props: {
        nodeNetworkId: null,
        nodes: [],
        podCidr: '10.12.0.0/16',
        serviceCidr: '10.161.0.0/16',
        cni: 'aci',
        aciFabricId: o.shareFabric ? ids.fabric : 'fabric-3',
      },
    });
  });

testRule(rule, {
  valid: [
    { name: 'seed 004: one cluster, one VRF', doc },
    { name: 'a second cluster in its own VRF reusing the same subnets', doc: second({ pod: '10.2.0.1/16', node: '10.1.0.1/16' }) },
    { name: 'a second cluster in the same VRF with distinct subnets', doc: second({ vrf: 'k8s_demo2_vrf' }) },
  ],
  invalid: [
    {
      name: 'the same VRF, the same pod subnet',
      doc: second({ vrf: 'k8s_demo2_vrf', pod: '10.2.0.1/16' }),
      errors: [
        {
          targets: [ids.fabric, 'fabric-3', ids.cluster, 'k8s-demo3'],
          severity: 'error',
          data: { subnets: ['10.2.0.1/16', '10.2.0.1/16'] },
        },
      ],
    },
    {
      name: 'the same VRF, a node subnet inside the other node-service subnet',
      doc: second({ vrf: 'k8s_demo2_vrf', node: '10.5.0.1/25' }),
      errors: [{ targets: [ids.fabric, 'fabric-3'], data: { subnets: ['10.5.0.1/24', '10.5.0.1/25'] } }],
    },
    {
      name: 'two clusters on one fabric element',
      doc: second({ shareFabric: true }),
      errors: [{ targets: [ids.fabric, ids.cluster, 'k8s-demo3'], data: { clusters: ['k8s_demo2', 'k8s_demo3'] } }],
    },
  ],
});
