import { testRule } from '../../testing/ruleTester.ts';
import rule from './workload-same-subnet-as-management.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { element, link, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');

// The HAProxy workload NIC plugged into the management port group.
const nicOnMgmt = seed002('single-2nic').doc;
link(nicOnMgmt, ids.workloadNic!).to = ids.mgmt!;
link(nicOnMgmt, ids.workloadNic!).address = '192.168.110.6';

// seed 002 mistake workload-same-subnet-as-mgmt: the workload port group is 192.168.110.0/24 too.
const sameSubnet = seed002('single-2nic').doc;
element(sameSubnet, ids.primaryPg!).props.subnet = '192.168.110.0/24';

// A namespace workload network of the Supervisor on the management port group.
const multi = seed002('multi-2nic');
const wnOnMgmt = seed002('multi-2nic').doc;
element(wnOnMgmt, multi.ids.wn2!).props.portGroupId = multi.ids.mgmt!;

// Boundary: adjacent subnets do not overlap.
const adjacent = seed002('single-2nic').doc;
element(adjacent, ids.mgmt!).props.subnet = '192.168.110.0/24';
element(adjacent, ids.primaryPg!).props.subnet = '192.168.111.0/24';

testRule(rule, {
  valid: [{ name: 'adjacent subnets', doc: adjacent }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'HAProxy workload NIC on the management network',
      doc: nicOnMgmt,
      errors: [{ targets: [ids.hp!, 'haproxy-01-workload', 'haproxy-01-mgmt', ids.mgmt!], severity: 'error' }],
    },
    {
      name: 'seed 002 mistake workload-same-subnet-as-mgmt: workload network 192.168.110.0/24',
      doc: sameSubnet,
      errors: [
        {
          targets: [ids.hp!, 'haproxy-01-workload', ids.primaryPg!, ids.mgmt!],
          data: { workloadSubnet: '192.168.110.0/24', managementSubnet: '192.168.110.0/24' },
        },
      ],
    },
    {
      name: 'a Supervisor workload network on the management port group',
      doc: wnOnMgmt,
      errors: [{ targets: [multi.ids.wn2!, multi.ids.sup!, multi.ids.hp!, multi.ids.mgmt!], data: { workloadNetwork: 'mgmt-pg' } }],
    },
  ],
});
