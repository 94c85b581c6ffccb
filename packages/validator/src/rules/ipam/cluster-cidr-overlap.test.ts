import { testRule } from '../../testing/ruleTester.ts';
import rule from './cluster-cidr-overlap.ts';
import { SEED000_DESIGNS, seed000, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const s001 = seed001();
const s002 = seed002One24();
const s003 = seed003();

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}: 100.96.0.0/11 on every cluster is fine`, doc: seed000(d).doc })),
    { name: 'seed 001: cl1 172.16.136.0/21 and cl2 172.16.144.0/21 next to the segment', doc: s001.doc },
    { name: 'seed 002 /24', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 003: 10.244.0.0/16 and 10.96.0.0/12', doc: s003.doc },
    { name: 'boundary: routable cl2 right after cl1', doc: withProps(s001.doc, s001.ids.cl2, { podCidr: '172.16.144.0/21' }) },
  ],
  invalid: [
    {
      name: 'seed 000 pod-cidr-on-mgmt-subnet: pod CIDR 192.168.32.0/20',
      doc: withProps(one.doc, one.ids.tkgWc1, { podCidr: '192.168.32.0/20' }),
      errors: [{ targets: [one.ids.tkgWc1, one.ids.mgmt], severity: 'error', data: { cidrKind: 'pod', network: 'dp-mgmt-32' } }],
    },
    {
      name: 'seed 000: service CIDR 192.168.32.0/20',
      doc: withProps(one.doc, one.ids.tkgMgmt, { serviceCidr: '192.168.32.0/20' }),
      errors: [{ targets: [one.ids.tkgMgmt, one.ids.mgmt], data: { cidrKind: 'service' } }],
    },
    {
      name: 'pod CIDR overlapping the service CIDR of the same cluster',
      doc: withProps(one.doc, one.ids.tkgWc1, { podCidr: '100.64.0.0/11' }),
      errors: [{ targets: [one.ids.tkgWc1], data: { cidr: '100.64.0.0/11', otherCidr: '100.64.0.0/13' } }],
    },
    {
      name: 'seed 001 cl1-cl2-cidr-overlap: both 172.16.136.0/21, reported once',
      doc: withProps(s001.doc, s001.ids.cl2, { podCidr: '172.16.136.0/21' }),
      errors: [{ targets: [s001.ids.cl1, s001.ids.cl2] }],
    },
    {
      name: 'seed 001 cl2 172.16.140.0/22 inside cl1',
      doc: withProps(s001.doc, s001.ids.cl2, { podCidr: '172.16.140.0/22' }),
      errors: [{ targets: [s001.ids.cl1, s001.ids.cl2] }],
    },
    {
      name: 'seed 001 cluster-cidr-overlaps-segment: cl1 CLUSTER_CIDR 172.16.128.0/21',
      doc: withProps(s001.doc, s001.ids.cl1, { podCidr: '172.16.128.0/21' }),
      errors: [{ targets: [s001.ids.cl1, s001.ids.seg], data: { network: 'tanzu-overlay' } }],
    },
    {
      name: 'a routable pod CIDR equal to the management cluster overlay pods',
      doc: withProps(s001.doc, s001.ids.cl1, { podCidr: '100.96.0.0/11' }),
      errors: [{ targets: [s001.ids.cl1, s001.ids.mgmtCluster], data: { otherRoutable: false } }],
    },
    {
      name: 'seed 003 pod-cidr-overlaps-node-net: pod CIDR 172.16.0.0/16',
      doc: withProps(s003.doc, s003.ids.k8s, { podCidr: '172.16.0.0/16' }),
      errors: [{ targets: [s003.ids.k8s, s003.ids.albMgmt] }, { targets: [s003.ids.k8s, s003.ids.albVip] }],
    },
    {
      name: "a TKC's default pod CIDR 192.168.0.0/16 on seed 002's networks",
      doc: withProps(s002.doc, s002.ids.tkc, { podCidrBlocks: ['192.168.0.0/16'] }),
      errors: [{ targets: [s002.ids.tkc, s002.ids.mgmt] }, { targets: [s002.ids.tkc, s002.ids.wl] }],
    },
    {
      name: "the Supervisor's service CIDR on the management network",
      doc: withProps(s002.doc, s002.ids.sup, { serviceCidr: '192.168.110.0/24' }),
      errors: [{ targets: [s002.ids.sup, s002.ids.mgmt], data: { cidrKind: 'service' } }],
    },
  ],
});
