import { DesignBuilder } from '@viplane/model';
import { testRule } from '../../testing/ruleTester.ts';
import rule from './invalid-cidr.ts';
import { seed000, withLink, withProps } from '../../../test/fixtures/security.ts';
import { seed001, seed002One24, seed003 } from '../../../test/fixtures/ipam.ts';

const one = seed000('1-network');
const two = seed000('2-network');
const kubevip = seed000('3-network-kubevip');
const s002 = seed002One24();
const s003 = seed003();

function aci(nodeSubnet: string) {
  const b = new DesignBuilder({ name: 'aci' });
  b.add('aciFabric', 'fabric', {
    systemId: 'kube01',
    apicHosts: ['10.1.1.101', 'apic1.example.com'],
    nodeSubnet,
    podSubnet: '10.2.0.1/16',
    externDynamic: '10.3.0.1/24',
    externStatic: '10.4.0.1/24',
    nodeServiceSubnet: '10.5.0.1/24',
  });
  return b.build();
}

testRule(rule, {
  valid: [
    { name: 'seed 000 1-network', doc: one.doc },
    { name: 'seed 000 2-network', doc: two.doc },
    { name: 'seed 000 3-network NSX-ALB', doc: seed000('3-network-alb').doc },
    { name: 'seed 000 3-network kube-vip (VIP 192.168.49.0 is a host address)', doc: kubevip.doc },
    { name: 'seed 001 routable pods', doc: seed001().doc },
    { name: 'seed 002 /24 example (VIP CIDR 192.168.120.128/25)', doc: s002.doc },
    { name: 'seed 003 AKO lab', doc: s003.doc },
    { name: 'ACI subnets in gateway form, APIC host names are not checked', doc: aci('10.1.0.1/16') },
    { name: 'an empty DNS VS address counts as not set', doc: withProps(s003.doc, s003.ids.dns, { address: '' }) },
  ],
  invalid: [
    {
      name: 'network subnet with host bits set names the network it should be',
      doc: withProps(one.doc, one.ids.mgmt, { subnet: '192.168.32.5/20' }),
      errors: [{ targets: [one.ids.mgmt], severity: 'error', data: { value: '192.168.32.5/20', expected: '192.168.32.0/20' } }],
    },
    {
      name: 'network subnet without prefix length',
      doc: withProps(two.doc, two.ids.data48, { subnet: '192.168.48.0' }),
      errors: [{ targets: [two.ids.data48], data: { field: 'subnet' } }],
    },
    {
      name: 'gateway written in interface form',
      doc: withProps(two.doc, two.ids.data48, { gateway: '192.168.48.1/22' }),
      errors: [{ targets: [two.ids.data48], data: { field: 'gateway', expected: '192.168.48.1' } }],
    },
    {
      name: 'range end is not an address',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [
          { id: 'data48-se', purpose: 'se-pool', start: '192.168.48.10', end: '192.168.48.49' },
          { id: 'data48-vip', purpose: 'vip-pool', start: '192.168.49.0', end: '192.168.49.256' },
        ],
      }),
      errors: [{ targets: [two.ids.data48, 'data48-vip'] }],
    },
    {
      name: 'range runs backwards',
      doc: withProps(two.doc, two.ids.data48, {
        ranges: [{ id: 'data48-vip', purpose: 'vip-pool', start: '192.168.49.255', end: '192.168.49.0' }],
      }),
      errors: [{ targets: [two.ids.data48, 'data48-vip'], data: { field: 'range', expected: '192.168.49.0-192.168.49.255' } }],
    },
    {
      name: 'pod and service CIDR malformed',
      doc: withProps(two.doc, two.ids.tkgWc1, { podCidr: '100.96.0.0', serviceCidr: '100.64.0.1/13' }),
      errors: [
        { targets: [two.ids.tkgWc1], data: { field: 'podCidr' } },
        { targets: [two.ids.tkgWc1], data: { field: 'serviceCidr', expected: '100.64.0.0/13' } },
      ],
    },
    {
      name: 'HAProxy VIP CIDR with host bits set',
      doc: withProps(s002.doc, s002.ids.hp, { vipRanges: ['192.168.120.130/25'] }),
      errors: [{ targets: [s002.ids.hp, `${s002.ids.hp}/vip/0`], data: { expected: '192.168.120.128/25' } }],
    },
    {
      name: 'static route next hop and prefix',
      doc: withProps(two.doc, two.ids.ctrl, {
        vrfs: [
          { name: 'global', staticRoutes: [{ id: 'data-default', prefix: '0.0.0.0/0', nextHop: '192.168.48.1.1' }] },
          { name: 'management', staticRoutes: [{ id: 'mgmt-default', prefix: '192.168.52.1/22', nextHop: '192.168.32.1' }] },
        ],
      }),
      errors: [
        { targets: [two.ids.ctrl, 'data-default'], data: { field: 'route.nextHop' } },
        { targets: [two.ids.ctrl, 'mgmt-default'], data: { field: 'route.prefix', expected: '192.168.52.0/22' } },
      ],
    },
    {
      name: 'NIC address on a link',
      doc: withLink(two.doc, `${two.ids.ctrl}--${two.ids.mgmt}`, { address: '192.168.32.300' }),
      errors: [{ targets: [two.ids.ctrl, `${two.ids.ctrl}--${two.ids.mgmt}`], data: { field: 'link.address' } }],
    },
    {
      name: 'kube-vip endpoint',
      doc: withProps(kubevip.doc, kubevip.ids.tkgMgmt, { endpoint: { provider: 'kube-vip', address: '192.168.52.1000' } }),
      errors: [{ targets: [kubevip.ids.tkgMgmt], data: { field: 'endpoint' } }],
    },
    {
      name: 'static node address of a Kubernetes cluster',
      doc: withProps(s003.doc, s003.ids.k8s, {
        nodes: [{ id: 'avi-master1', name: 'avi-master1', role: 'control-plane', address: '172.16.250.11/24', leafId: null }],
      }),
      errors: [{ targets: [s003.ids.k8s, 'avi-master1'], data: { expected: '172.16.250.11' } }],
    },
    {
      name: 'ACI node subnet written as a network address instead of the gateway form',
      doc: aci('10.1.0.0/16'),
      errors: [{ targets: ['fabric'], data: { expected: '10.1.0.1/16' } }],
    },
  ],
});
