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
    {
      name: 'two blocks with a gap between them do not cover the block around both',
      doc: controllerBehindFirewall([
        { id: 'two', action: 'allow', sources: ['192.168.32.0/21', '192.168.41.0/24'], destinations: [], protocol: 'tcp', ports: '443' },
        { id: 'block', action: 'deny', sources: ['192.168.32.0/20'], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '443' },
      ]),
    },
    {
      name: 'an any-protocol rule with ports does not cover a UDP rule on other ports',
      doc: controllerBehindFirewall([
        { id: 'web', action: 'allow', sources: [], destinations: [], protocol: 'any', ports: '443' },
        { id: 'dns', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'udp', ports: '53' },
      ]),
    },
  ],
  invalid: [
    // The four below were missed before (found by test/filters.differential.test.ts): covers() compared
    // span by span and took a port list for narrower than `any` even when it was every port.
    {
      name: 'an ICMP rule below an any-protocol rule with ports: ICMP carries no port, so the earlier rule matches all of it',
      doc: controllerBehindFirewall([
        { id: 'web', action: 'allow', sources: [], destinations: [], protocol: 'any', ports: '443' },
        { id: 'ping', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'icmp', ports: 'any' },
      ]),
      errors: [{ targets: [FW, 'ping', 'web'], data: { ruleNumber: 2, coveredByNumber: 1 } }],
    },
    {
      name: 'ports 0-65535 cover a rule on any port',
      doc: controllerBehindFirewall([
        { id: 'all-tcp', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '0-65535' },
        { id: 'tcp-any', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: 'any' },
      ]),
      errors: [{ targets: [FW, 'tcp-any', 'all-tcp'], data: { ruleNumber: 2, coveredByNumber: 1 } }],
    },
    {
      name: 'two adjacent source blocks together cover the block around both',
      doc: controllerBehindFirewall([
        { id: 'halves', action: 'allow', sources: ['192.168.32.0/21', '192.168.40.0/21'], destinations: [], protocol: 'tcp', ports: '443' },
        { id: 'block', action: 'deny', sources: ['192.168.32.0/20'], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '443' },
      ]),
      errors: [{ targets: [FW, 'block', 'halves'], data: { ruleNumber: 2, coveredByNumber: 1 } }],
    },
    {
      name: 'adjacent port ranges together cover a range across their boundary',
      doc: controllerBehindFirewall([
        { id: 'ranges', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '80-90,91-100' },
        { id: 'across', action: 'deny', sources: [], destinations: ['192.168.30.20'], protocol: 'tcp', ports: '85-95' },
      ]),
      errors: [{ targets: [FW, 'across', 'ranges'], data: { ruleNumber: 2, coveredByNumber: 1 } }],
    },
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
