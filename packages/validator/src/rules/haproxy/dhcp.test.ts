import { testRule } from '../../testing/ruleTester.ts';
import rule from './dhcp.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { element, link, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');

const nicDhcp = seed002('single-2nic').doc;
Object.assign(link(nicDhcp, ids.workloadNic!), { addressMode: 'dhcp', address: null });

const multi = seed002('multi-3nic');
const frontendDhcp = seed002('multi-3nic').doc;
element(frontendDhcp, multi.ids.frontendPg!).props.dhcp = true;

const nsDhcpScope = seed002('multi-3nic').doc;
(element(nsDhcpScope, multi.ids.pg1!).props.ranges as unknown[]).push({
  id: 'ns1-dhcp',
  purpose: 'dhcp',
  start: '192.168.121.100',
  end: '192.168.121.200',
});

testRule(rule, {
  valid: [
    { name: 'empty design', doc: emptyDesign() },
    // The management NIC on DHCP is an error of haproxy/management-ip-not-static, not repeated here.
    { name: 'management NIC by DHCP', doc: seed002('single-2nic', { managementNic: { address: null, addressMode: 'dhcp' } }).doc },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 002 mistake dhcp-anywhere: DHCP on the workload network',
      doc: seed002('single-2nic', { workloadDhcp: true }).doc,
      errors: [{ targets: [ids.hp!, ids.primaryPg!], severity: 'warning', data: { network: 'workload-pg', dhcp: true } }],
    },
    {
      name: 'HAProxy workload NIC by DHCP',
      doc: nicDhcp,
      errors: [{ targets: [ids.hp!, 'haproxy-01-workload', ids.primaryPg!], severity: 'warning', data: { nic: 'workload' } }],
    },
    {
      name: 'seed 002 mistake dhcp-anywhere: DHCP on the frontend network',
      doc: frontendDhcp,
      errors: [{ targets: [multi.ids.hp!, multi.ids.frontendPg!, 'haproxy-01-frontend'], severity: 'warning' }],
    },
    {
      name: 'a DHCP scope on a namespace workload network of the Supervisor',
      doc: nsDhcpScope,
      errors: [{ targets: [multi.ids.hp!, multi.ids.pg1!, multi.ids.wn1!], data: { dhcp: false, dhcpRange: true } }],
    },
  ],
});
