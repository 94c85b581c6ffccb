import { testRule } from '../../testing/ruleTester.ts';
import rule from './gateway-not-on-management.ts';
import { seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { link, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');

const noGatewayAtAll = seed002('single-2nic', { managementNic: { gateway: null } }).doc;
link(noGatewayAtAll, ids.workloadNic!).gateway = null;

testRule(rule, {
  valid: [
    { name: 'no gateway on any NIC is routing/no-default-gateway, not this rule', doc: noGatewayAtAll },
    {
      name: 'boundary: last host of the management subnet',
      doc: seed002('single-2nic', { managementNic: { gateway: '192.168.110.254' } }).doc,
    },
    ...seed001Designs(),
    ...seed002Designs(),
    ...seed004Designs(),
  ],
  invalid: [
    {
      name: 'seed 002 mistake haproxy-gw-on-workload: default gateway 192.168.120.1',
      doc: seed002('single-2nic', { managementNic: { gateway: '192.168.120.1' } }).doc,
      errors: [
        {
          targets: [ids.hp!, 'haproxy-01-mgmt', ids.mgmt!],
          severity: 'error',
          data: { gateway: '192.168.120.1', gatewayNetwork: 'workload-pg' },
        },
      ],
    },
    {
      name: 'seed 002 mistake haproxy-gw-on-workload, as a gateway moved from the management to the workload NIC',
      doc: seed002('single-2nic', { managementNic: { gateway: null } }).doc,
      errors: [
        {
          targets: [ids.hp!, 'haproxy-01-mgmt', 'haproxy-01-workload', ids.mgmt!],
          severity: 'error',
          data: { gateway: null, gatewayNetwork: 'workload-pg', otherGateways: ['192.168.120.1'] },
        },
      ],
    },
    {
      name: 'gateway on no network of the appliance',
      doc: seed002('multi-3nic', { managementNic: { gateway: '10.0.0.1' } }).doc,
      errors: [{ targets: [ids.hp!, 'haproxy-01-mgmt'], data: { gateway: '10.0.0.1', gatewayNetwork: null } }],
    },
  ],
});
