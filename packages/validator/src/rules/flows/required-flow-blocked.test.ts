import { testRule } from '../../testing/ruleTester.ts';
import rule from './required-flow-blocked.ts';
import { CONTROLLER, FW, SE, allowAll, controllerBehindFirewall } from '../../../test/fixtures/firewall.ts';
import { getTemplate } from '@viplane/templates';

const allowSe = { id: 'se-mgmt', action: 'allow' as const, sources: [SE], destinations: [CONTROLLER], protocol: 'any' as const, ports: 'any' };

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network NSX-ALB: no firewall, nothing is filtered', doc: getTemplate('seed000-3net-alb')!.build() },
    { name: 'Controller behind a firewall that allows everything', doc: controllerBehindFirewall([allowAll()]) },
    {
      name: 'a deny of 8443 after the rule that allows the SE group to the Controller',
      doc: controllerBehindFirewall([allowSe, { id: 'deny-8443', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: '8443' }, allowAll()]),
    },
    {
      name: 'denying only optional flows (admin SSH and HTTP to the Controller) is not an error',
      doc: controllerBehindFirewall([allowSe, { id: 'no-admin-ssh', action: 'deny', sources: ['clients'], destinations: [CONTROLLER], protocol: 'tcp', ports: '22,80' }, allowAll()]),
    },
  ],
  invalid: [
    {
      name: 'the firewall denies SE → Controller 8443 (rule 2)',
      doc: controllerBehindFirewall([
        { id: 'se-ssh', action: 'allow', sources: [SE], destinations: [CONTROLLER], protocol: 'tcp', ports: '22' },
        { id: 'deny-8443', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '8443' },
        allowAll(),
      ]),
      errors: [{ targets: [FW, 'deny-8443', SE, CONTROLLER], severity: 'error', data: { flowId: 'nsx-alb/se-controller-8443', ruleId: 'deny-8443', ruleNumber: 2 } }],
    },
    {
      name: 'default deny: only the API is opened to the Controller network',
      doc: controllerBehindFirewall([{ id: 'api', action: 'allow', sources: [], destinations: ['192.168.30.0/24'], protocol: 'tcp', ports: '443' }]),
      errors: [
        // SE management → Controller 22, 8443, 123 (ICMP is optional), and the Controller's own vCenter calls.
        { targets: [FW, SE, CONTROLLER], data: { flowId: 'nsx-alb/se-controller-ssh', ruleId: null, ruleNumber: 0 } },
        { targets: [FW, SE, CONTROLLER], data: { flowId: 'nsx-alb/se-controller-8443', ruleId: null } },
        { targets: [FW, SE, CONTROLLER], data: { flowId: 'nsx-alb/se-controller-ntp', ruleId: null } },
        { targets: [FW, CONTROLLER], data: { flowId: 'nsx-alb/controller-vcenter', ruleId: null } },
      ],
    },
  ],
});
