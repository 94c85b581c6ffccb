import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../../testing/ruleTester.ts';
import rule from './duplicate-ip.ts';
import { SEED000_DESIGNS, seed000, withElement, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002Multi, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const two = seed000('2-network');
const s001 = seed001();
const s002 = seed002One24();
const s003 = seed003();
const vs = (lb: string, net: string, address: string, port: number) => ({ loadBalancerId: lb, vipNetworkId: net, address, port });

testRule(rule, {
  valid: [
    ...SEED000_DESIGNS.map((d) => ({ name: `seed 000 ${d}: the L3 switch SVIs are the gateways`, doc: seed000(d).doc })),
    { name: 'seed 001: segment gateway held by the Tier-1 only', doc: s001.doc },
    { name: 'seed 002 /24', doc: s002.doc },
    { name: 'seed 002 topology 3', doc: seed002Multi().doc },
    { name: 'seed 003: six nodes, Controller, DNS VS', doc: s003.doc },
    {
      name: 'two virtual services of one SE group share a VIP on different ports',
      doc: withElement(
        withProps(two.doc, two.ids.nginx, { address: '192.168.49.10' }),
        'virtualService',
        'nginx-https',
        vs(two.ids.se, two.ids.data48, '192.168.49.10', 443),
      ),
    },
    {
      name: 'a virtual service standing for the fixed NSX-ALB endpoint of its cluster',
      doc: withElement(
        withProps(two.doc, two.ids.tkgWc1, { endpoint: { provider: 'nsx-alb', address: '192.168.49.20' } }),
        'virtualService',
        'tkg-wc1-api',
        { ...vs(two.ids.se, two.ids.data48, '192.168.49.20', 6443), backendClusterId: two.ids.tkgWc1 },
      ),
    },
    {
      name: 'a Supervisor with 1 control-plane VM holds .20-.22 only: HAProxy at .23 is free',
      doc: withProps(withLink(s002.doc, s002.ids.hpMgmt, { address: '192.168.110.23' }), s002.ids.sup, { controlPlaneCount: 1 }),
    },
    {
      name: 'the same address in another routing domain',
      doc: withElement(
        withElement(two.doc, 'portGroup', 'isolated', { subnet: '192.168.32.0/20', routingDomain: 'lab-vrf' }),
        'virtualService',
        'isolated-vs',
        vs(two.ids.se, 'isolated', '192.168.32.20', 80),
      ),
    },
  ],
  invalid: [
    {
      name: 'seed 000 vcenter-ip-clash: a LoadBalancer VIP fixed at the Controller address',
      doc: withProps(one.doc, one.ids.nginx, { address: '192.168.32.20' }),
      errors: [
        {
          targets: [one.ids.nginx, one.ids.ctrl, `${one.ids.ctrl}--${one.ids.mgmt}`],
          severity: 'error',
          data: { address: '192.168.32.20', count: 2 },
        },
      ],
    },
    {
      name: 'a kube-vip endpoint on the segment gateway held by nobody else',
      doc: withProps(s001.doc, s001.ids.cl1, { endpoint: { provider: 'kube-vip', address: '172.16.128.1' } }),
      errors: [{ targets: [s001.ids.cl1, s001.ids.seg], data: { address: '172.16.128.1' } }],
    },
    {
      name: 'an SE interface fixed at the gateway the L3 switch holds',
      doc: withLink(two.doc, `${two.ids.se}--${two.ids.data48}`, { address: '192.168.48.1', addressMode: 'static' }),
      errors: [{ targets: [two.ids.se, two.ids.l3], data: { address: '192.168.48.1' } }],
    },
    {
      name: 'two nodes of one cluster with the same address',
      doc: withProps(s003.doc, s003.ids.k8s, {
        nodes: [
          { id: 'avi-master1', name: 'avi-master1', role: 'control-plane', address: '172.16.250.11', leafId: null },
          { id: 'avi-node1', name: 'avi-node1', role: 'worker', address: '172.16.250.11', leafId: null },
        ],
      }),
      errors: [{ targets: [s003.ids.k8s, 'avi-master1', 'avi-node1'] }],
    },
    {
      name: 'two virtual services on one VIP and port',
      doc: withElement(
        withProps(two.doc, two.ids.nginx, { address: '192.168.49.10' }),
        'virtualService',
        'nginx-2',
        vs(two.ids.se, two.ids.data48, '192.168.49.10', 80),
      ),
      errors: [{ targets: [two.ids.nginx, 'nginx-2'] }],
    },
    {
      name: 'a VIP shared on two ports that equals the Controller address: both virtual services and the Controller',
      doc: sharedAtController(),
      errors: [
        {
          targets: [one.ids.nginx, 'nginx-https', one.ids.ctrl, `${one.ids.ctrl}--${one.ids.mgmt}`],
          data: { address: '192.168.32.20', count: 3 },
        },
      ],
    },
    {
      name: 'three virtual services of one SE group on one VIP: the two on port 443 clash, the one on port 80 is not named',
      doc: samePortOfThree(),
      errors: [{ targets: ['nginx-https', 'nginx-https-2'], data: { count: 2 } }],
    },
    {
      name: 'a Supervisor with 1 control-plane VM holds 3 management addresses (.20-.22): HAProxy at .22 clashes',
      doc: withProps(withLink(s002.doc, s002.ids.hpMgmt, { address: '192.168.110.22' }), s002.ids.sup, { controlPlaneCount: 1 }),
      errors: [{ targets: [s002.ids.hp, s002.ids.hpMgmt, s002.ids.sup], data: { address: '192.168.110.22' } }],
    },
    {
      name: 'an empty routing domain is the default domain: a VIP there at the Controller address clashes',
      doc: withElement(
        withElement(one.doc, 'portGroup', 'blank-domain', { subnet: '192.168.32.0/20', routingDomain: '' }),
        'virtualService',
        'blank-vs',
        vs(one.ids.se, 'blank-domain', '192.168.32.20', 80),
      ),
      errors: [{ targets: ['blank-vs', one.ids.ctrl], data: { domain: 'default', count: 2 } }],
    },
    {
      name: 'HAProxy management address inside the Supervisor management block .20-.24',
      doc: withLink(s002.doc, s002.ids.hpMgmt, { address: '192.168.110.22' }),
      errors: [{ targets: [s002.ids.hp, s002.ids.hpMgmt, s002.ids.sup], data: { address: '192.168.110.22' } }],
    },
  ],
});

/** Seed 000 1-network: nginx and nginx-https share a VIP on ports 80 and 443, at the Controller's address. */
function sharedAtController() {
  const doc = withProps(one.doc, one.ids.nginx, { address: '192.168.32.20', port: 80 });
  return withElement(doc, 'virtualService', 'nginx-https', vs(one.ids.se, one.ids.mgmt, '192.168.32.20', 443));
}

/** Seed 000 2-network: nginx on port 80 and two virtual services on port 443, one VIP. */
function samePortOfThree() {
  const doc = withProps(two.doc, two.ids.nginx, { address: '192.168.49.10', port: 80 });
  const a = withElement(doc, 'virtualService', 'nginx-https', vs(two.ids.se, two.ids.data48, '192.168.49.10', 443));
  return withElement(a, 'virtualService', 'nginx-https-2', vs(two.ids.se, two.ids.data48, '192.168.49.10', 443));
}

// The ruleTester checks that the expected targets are there; these check that no uninvolved holder is.
describe('ipam/duplicate-ip names every holder involved and no other', () => {
  const targetsOf = (doc: Parameters<typeof runRule>[1]) => runRule(rule, doc).map((d) => d.targets.map((t) => t.id).sort());
  it('the port-80 virtual service sharing the VIP is not named when the two port-443 ones clash', () => {
    expect(targetsOf(samePortOfThree())).toEqual([['nginx-https', 'nginx-https-2'].sort()]);
  });
  it('every virtual service sharing a VIP at the Controller address is named', () => {
    expect(targetsOf(sharedAtController())).toEqual([
      [one.ids.nginx, 'nginx-https', one.ids.ctrl, `${one.ids.ctrl}--${one.ids.mgmt}`].sort(),
    ]);
  });
});
