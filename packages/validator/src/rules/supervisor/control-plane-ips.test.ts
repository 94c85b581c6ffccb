import { testRule } from '../../testing/ruleTester.ts';
import rule from './control-plane-ips.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { element, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');
// A DHCP scope on the management network over the Supervisor's block.
const mgmtDhcp = seed002('single-2nic').doc;
element(mgmtDhcp, ids.mgmt!).props.ranges = [{ id: 'mgmt-dhcp', purpose: 'dhcp', start: '192.168.110.100', end: '192.168.110.200' }];
element(mgmtDhcp, ids.sup!).props.managementStartAddress = '192.168.110.198';

// A second Supervisor whose block .22-.26 overlaps the first one's .20-.24.
const twoSupervisors = seed002('single-2nic').doc;
const sup = twoSupervisors.elements.find((e) => e.id === ids.sup)!;
twoSupervisors.elements.push({ ...structuredClone(sup), id: 'supervisor-b', name: 'supervisor-b' });
element(twoSupervisors, 'supervisor-b').props.managementStartAddress = '192.168.110.22';

const range = (start: string, end: string) => ({ primaryRange: { start, end } });
/** Primary range .31-.33 with HAProxy's workload NIC fixed at .31. */
function haproxyInPrimary() {
  const doc = seed002('single-2nic', range('192.168.120.31', '192.168.120.33')).doc;
  doc.links.find((l) => l.id === 'haproxy-01-workload')!.address = '192.168.120.31';
  return doc;
}

testRule(rule, {
  valid: [
    { name: 'boundary: primary range of exactly 3 addresses', doc: seed002('single-2nic', range('192.168.120.31', '192.168.120.33')).doc },
    {
      name: 'boundary: management block ends at the last host .254',
      doc: seed002('single-2nic', { managementStart: '192.168.110.250' }).doc,
    },
    { name: 'boundary: management block right after HAProxy .5', doc: seed002('single-2nic', { managementStart: '192.168.110.6' }).doc },
    { name: 'no management start address yet', doc: seed002('single-2nic', { managementStart: null }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 002 mistake primary-range-too-small: .31-.32',
      doc: seed002('single-2nic', range('192.168.120.31', '192.168.120.32')).doc,
      errors: [{ targets: [ids.sup!, ids.primary!, 'primary-range'], severity: 'error', data: { side: 'workload', usable: 2, needed: 3 } }],
    },
    {
      name: 'HAProxy workload address .31 inside the primary range .31-.33: 2 addresses left (as ipam/pool-exhausted counts)',
      doc: haproxyInPrimary(),
      errors: [{ targets: [ids.sup!, ids.primary!, 'primary-range'], data: { side: 'workload', usable: 2, needed: 3 } }],
    },
    {
      name: 'primary range reaching into the HAProxy VIP range 192.168.120.128/25',
      doc: seed002('single-2nic', range('192.168.120.126', '192.168.120.140')).doc,
      errors: [{ targets: [ids.sup!, ids.primary!], data: { usable: 2 } }],
    },
    {
      name: 'primary range over the network and gateway addresses',
      doc: seed002('single-2nic', range('192.168.120.0', '192.168.120.3')).doc,
      errors: [{ targets: [ids.sup!, ids.primary!], data: { usable: 2 } }],
    },
    {
      name: 'primary workload network without a range',
      doc: seed002('single-2nic', { primaryRange: null }).doc,
      errors: [{ targets: [ids.sup!, ids.primary!], data: { usable: 0, ranges: [] } }],
    },
    {
      name: 'management block .3-.7 takes HAProxy management .5',
      doc: seed002('single-2nic', { managementStart: '192.168.110.3' }).doc,
      errors: [
        {
          targets: [ids.sup!, ids.mgmt!, ids.hp!, 'haproxy-01-mgmt'],
          data: { side: 'management', start: '192.168.110.3', end: '192.168.110.7', count: 5 },
        },
      ],
    },
    {
      name: 'management block .198-.202 inside a DHCP scope',
      doc: mgmtDhcp,
      errors: [{ targets: [ids.sup!, ids.mgmt!, 'mgmt-dhcp'], data: { start: '192.168.110.198', end: '192.168.110.202' } }],
    },
    {
      name: 'two Supervisors with overlapping management blocks: each is told',
      doc: twoSupervisors,
      errors: [
        {
          targets: [ids.sup!, 'supervisor-b'],
          data: { conflicts: [{ address: '192.168.110.22-192.168.110.26', heldBy: 'supervisor-b' }] },
        },
        { targets: ['supervisor-b', ids.sup!], data: { conflicts: [{ address: '192.168.110.20-192.168.110.24', heldBy: 'supervisor' }] } },
      ],
    },
    {
      name: 'management block runs past the subnet (.252-.256)',
      doc: seed002('single-2nic', { managementStart: '192.168.110.252' }).doc,
      errors: [{ targets: [ids.sup!, ids.mgmt!], data: { end: '192.168.111.0' } }],
    },
    {
      name: 'management block .1-.5 starts at the gateway and takes HAProxy .5',
      doc: seed002('multi-3nic', { managementStart: '192.168.110.1' }).doc,
      errors: [
        {
          targets: [ids.sup!, ids.mgmt!, ids.hp!],
          data: {
            conflicts: [
              { address: '192.168.110.1', heldBy: 'gateway' },
              { address: '192.168.110.5', heldBy: 'haproxy-01' },
            ],
          },
        },
      ],
    },
  ],
});
