import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import type { FilterRule } from '@viplane/model';
import { runRule, testRule } from '../../testing/ruleTester.ts';
import rule from './invalid-filter-rule.ts';
import { CONTROLLER, FW, allowAll, controllerBehindFirewall, seed000WithAcl } from '../../../test/fixtures/firewall.ts';

const tcp = (id: string, patch: Partial<FilterRule>): FilterRule => ({
  id,
  action: 'allow',
  sources: [],
  destinations: [CONTROLLER],
  protocol: 'tcp',
  ports: '443',
  ...patch,
});

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network NSX-ALB without filters', doc: getTemplate('seed000-3net-alb')!.build() },
    {
      name: 'every accepted form: any, empty, port, range, list; address, CIDR, range, element id, any',
      doc: controllerBehindFirewall([
        tcp('a', { ports: ' 22 , 443,8443 ', sources: ['192.168.32.0/24', '10.0.0.1-10.0.0.9', 'se-group-default'] }),
        tcp('b', { ports: '30000-32767', sources: ['any'], destinations: ['192.168.30.20'] }),
        tcp('c', { protocol: 'icmp', ports: 'any' }),
        tcp('d', { protocol: 'udp', ports: '' }),
        allowAll(),
      ]),
    },
  ],
  invalid: [
    {
      name: 'unreadable ports on the firewall (would have matched every port)',
      doc: controllerBehindFirewall([
        tcp('bad-ports', { ports: '443x' }),
        tcp('too-high', { ports: '70000' }),
        tcp('backwards', { ports: '90-80' }),
      ]),
      errors: [
        { targets: [FW, 'bad-ports'], data: { field: 'ports', value: '443x', ruleNumber: 1 } },
        { targets: [FW, 'too-high'], data: { field: 'ports', value: '70000', ruleNumber: 2 } },
        { targets: [FW, 'backwards'], data: { field: 'ports', value: '90-80', ruleNumber: 3 } },
      ],
    },
    {
      name: 'ports on an ICMP rule',
      doc: controllerBehindFirewall([tcp('ping', { protocol: 'icmp', ports: '8' })]),
      errors: [{ targets: [FW, 'ping'], data: { field: 'ports', value: '8' } }],
    },
    {
      name: 'router ACL: a typo in a source and a deleted element as destination (would have matched nothing)',
      doc: seed000WithAcl([tcp('typo', { sources: ['192.168.32.0/33', 'dp-mgmt-32'], destinations: ['avi-controler'] }), allowAll()]),
      errors: [
        { targets: ['l3-switch', 'typo'], data: { field: 'sources', value: '192.168.32.0/33' } },
        { targets: ['l3-switch', 'typo'], data: { field: 'destinations', value: 'avi-controler' } },
      ],
    },
    {
      name: 'an element that stands for no address yet (a port group without a subnet) is a warning',
      doc: (() => {
        const doc = controllerBehindFirewall([tcp('to-new', { destinations: ['pg-new'] })]);
        doc.elements.push({
          id: 'pg-new',
          kind: 'portGroup',
          name: 'pg-new',
          position: { x: 0, y: 900 },
          props: { vlan: 99, subnet: null, gateway: null, dhcp: false, albRegistered: false, ranges: [], routingDomain: 'default' },
        });
        return doc;
      })(),
      errors: [{ targets: [FW, 'to-new'], severity: 'warning', data: { field: 'destinations', value: 'pg-new' } }],
    },
  ],
});

describe('flows/invalid-filter-rule field paths', () => {
  it('points at the rule field the inspector renders (rules.<n>.ports, acl.<n>.destinations)', () => {
    const fw = runRule(rule, controllerBehindFirewall([allowAll(), tcp('bad', { ports: 'https' })]));
    expect(fw.map((d) => d.targets[0])).toEqual([{ kind: 'firewall', id: FW, field: 'rules.1.ports' }]);
    const acl = runRule(rule, seed000WithAcl([tcp('gone', { destinations: ['nope'] })]));
    expect(acl.map((d) => d.targets[0])).toEqual([{ kind: 'router', id: 'l3-switch', field: 'acl.0.destinations' }]);
  });
});
