import { testRule } from '../../testing/ruleTester.ts';
import rule from './rule-shadowed.ts';
import { CONTROLLER, FW, allowAll, controllerBehindFirewall, seed000WithAcl } from '../../../test/fixtures/firewall.ts';
import { getTemplate } from '@viplane/templates';

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network NSX-ALB without filters', doc: getTemplate('seed000-3net-alb')!.build() },
    {
      name: 'specific rules before the broad one',
      doc: controllerBehindFirewall([
        { id: 'deny-8443', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '8443' },
        allowAll(),
      ]),
    },
    {
      name: 'a later rule that only overlaps (wider ports) still matches some traffic',
      doc: controllerBehindFirewall([
        { id: 'ssh', action: 'allow', sources: [], destinations: [CONTROLLER], protocol: 'tcp', ports: '22' },
        { id: 'mgmt', action: 'allow', sources: [], destinations: [CONTROLLER], protocol: 'tcp', ports: '22,443,8443' },
      ]),
    },
  ],
  invalid: [
    {
      name: 'allow-all above a deny of 8443 on the firewall',
      doc: controllerBehindFirewall([
        allowAll('allow-all'),
        { id: 'deny-8443', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '8443' },
      ]),
      errors: [{ targets: [FW, 'deny-8443', 'allow-all'], severity: 'warning', data: { ruleNumber: 2, coveredByNumber: 1 } }],
    },
    {
      name: 'router ACL: the Controller network (element reference) covers the Controller address',
      doc: seed000WithAcl([
        { id: 'mgmt-net', action: 'allow', sources: [], destinations: ['dp-mgmt-32'], protocol: 'tcp', ports: '1-65535' },
        { id: 'ctrl-api', action: 'allow', sources: ['any'], destinations: ['192.168.32.20'], protocol: 'tcp', ports: '443' },
        allowAll(),
      ]),
      errors: [{ targets: ['l3-switch', 'ctrl-api', 'mgmt-net'], data: { ruleNumber: 2, coveredBy: 'mgmt-net' } }],
    },
  ],
});
