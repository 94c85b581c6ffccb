import { testRule } from '../../testing/ruleTester.ts';
import rule from './required-flow-blocked.ts';
import { CONTROLLER, FW, SE, allowAll, controllerBehindFirewall } from '../../../test/fixtures/firewall.ts';
import { getTemplate } from '@viplane/templates';

const NODEPORT_FLOW = 'ako/se-nodeport';

/** Seed 000 3-network kube-vip: SE data (dp-data-48) → node NodePorts crosses the L3 switch; its ACL opens `ports`, then denies the range. */
function nodePortsBehindAcl(ports: string) {
  const doc = getTemplate('seed000-3net-kubevip')!.build();
  const l3 = doc.elements.find((e) => e.id === 'l3-switch');
  if (l3?.kind !== 'router') throw new Error('seed 000 has no L3 switch');
  l3.props.acl = [
    { id: 'nodeports', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports },
    { id: 'deny-rest', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: '30000-32767' },
    allowAll(),
  ];
  return doc;
}

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
      name: 'the NodePort range allowed in two parts from the SE data NIC to the nodes',
      doc: nodePortsBehindAcl('30000-31000,31001-32767'),
    },
    {
      name: 'the SE pool allowed to the Controller on 8443 in two halves before the deny of the SE group',
      doc: controllerBehindFirewall([
        { id: 'low', action: 'allow', sources: ['192.168.33.0/27'], destinations: [CONTROLLER], protocol: 'tcp', ports: '8443' },
        { id: 'high', action: 'allow', sources: ['192.168.33.32-192.168.33.49'], destinations: [CONTROLLER], protocol: 'tcp', ports: '8443' },
        { id: 'deny-se', action: 'deny', sources: [SE], destinations: [CONTROLLER], protocol: 'tcp', ports: '8443' },
        allowAll(),
      ]),
    },
    {
      // Clients are the exception to "every source": which clients reach the Controller UI is policy.
      name: 'admins reach the Controller API from one client range only, the other clients are denied: the flow passes',
      doc: controllerBehindFirewall([
        allowSe,
        { id: 'branch-ui', action: 'allow', sources: ['10.0.0.0/8'], destinations: [CONTROLLER], protocol: 'tcp', ports: '443' },
        // The clients are anywhere (no subnet): their deny below would also catch AKO on the cluster nodes.
        { id: 'ako', action: 'allow', sources: ['management-cluster', 'workload-cluster-1'], destinations: [CONTROLLER], protocol: 'tcp', ports: '443' },
        { id: 'no-clients', action: 'deny', sources: ['clients'], destinations: [CONTROLLER], protocol: 'any', ports: 'any' },
        allowAll(),
      ]),
    },
    {
      name: 'denying only optional flows (admin SSH and HTTP to the Controller) is not an error',
      doc: controllerBehindFirewall([allowSe, { id: 'no-admin-ssh', action: 'deny', sources: ['clients'], destinations: [CONTROLLER], protocol: 'tcp', ports: '22,80' }, allowAll()]),
    },
  ],
  invalid: [
    {
      // Found by test/filters.differential.test.ts: the first rule that applied to part of a port range decided
      // for the whole range, so allowing NodePort 30000 let the SEs through to every NodePort.
      name: 'only the first NodePort is allowed from the SE data NIC to the nodes: the rest of the range is denied',
      doc: nodePortsBehindAcl('30000'),
      errors: [
        {
          targets: ['l3-switch', 'deny-rest', 'se-group-default', 'management-cluster'],
          data: { flowId: NODEPORT_FLOW, ruleId: 'deny-rest', ruleNumber: 2, ports: '30000-32767' },
        },
      ],
    },
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
      // The bug: the first rule that met part of the SE pool decided for all of it, so allowing one SE
      // hid the deny of the SE group from every other SE (each SE must reach the Controller on 8443).
      name: 'one SE address allowed to the Controller on 8443, then the SE group denied: the rest of the SE pool is blocked',
      doc: controllerBehindFirewall([
        { id: 'one-se', action: 'allow', sources: ['192.168.33.10'], destinations: [CONTROLLER], protocol: 'tcp', ports: '8443' },
        { id: 'deny-se', action: 'deny', sources: [SE], destinations: [CONTROLLER], protocol: 'tcp', ports: '8443' },
        allowAll(),
      ]),
      errors: [{ targets: [FW, 'deny-se', SE, CONTROLLER], severity: 'error', data: { flowId: 'nsx-alb/se-controller-8443', ruleId: 'deny-se', ruleNumber: 2 } }],
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
