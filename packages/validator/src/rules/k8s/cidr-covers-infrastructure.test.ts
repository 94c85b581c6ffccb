import { testRule } from '../../testing/ruleTester.ts';
import rule from './cidr-covers-infrastructure.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed000('3net-alb');
const vcenterId = doc.elements.find((e) => e.kind === 'vcenter')!.id;
const podCidr = (cidr: string) =>
  mutate(doc, (d) => {
    propsOf<{ podCidr: string }>(d, ids.wc).podCidr = cidr;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000: vCenter 192.168.32.10, pods in 100.96.0.0/11', doc },
    {
      name: 'a vCenter given by host name is not an address',
      doc: mutate(podCidr('192.168.32.0/24'), (d) => {
        propsOf<{ server: string }>(d, vcenterId).server = 'vcenter.lab.local';
      }),
    },
    {
      name: "the Controller's network is known: ipam/cluster-cidr-overlap reports the network, not this rule",
      doc: mutate(podCidr('192.168.32.16/28'), (d) => {
        propsOf<{ server: string }>(d, vcenterId).server = 'vcenter.lab.local';
      }),
    },
  ],
  invalid: [
    {
      name: 'a pod CIDR holding the vCenter address',
      doc: podCidr('192.168.32.0/28'),
      errors: [{ targets: [ids.wc, vcenterId], severity: 'error', data: { kind: 'pod', server: '192.168.32.10' } }],
    },
    {
      name: 'a service CIDR holding the NSX Manager of a Tier-0',
      doc: mutate(doc, (d) => {
        d.elements.push({
          id: 't0',
          kind: 'nsxtTier0',
          name: 't0',
          position: { x: 0, y: 0 },
          props: { managerHost: '10.99.0.5', staticRoutes: [] },
        });
        propsOf<{ serviceCidr: string }>(d, ids.wc).serviceCidr = '10.96.0.0/12';
      }),
      errors: [{ targets: [ids.wc, 't0'], data: { kind: 'service', server: '10.99.0.5' } }],
    },
    {
      name: 'a Controller on a network whose subnet is unknown',
      doc: mutate(podCidr('192.168.32.16/28'), (d) => {
        propsOf<{ subnet: string | null }>(d, ids.mgmt).subnet = null;
      }),
      errors: [{ targets: [ids.wc, ids.ctrl, ids.ctrlNic], data: { server: '192.168.32.20' } }],
    },
  ],
});
