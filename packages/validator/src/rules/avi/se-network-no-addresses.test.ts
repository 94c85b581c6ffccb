import { testRule } from '../../testing/ruleTester.ts';
import rule from './se-network-no-addresses.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();
type Net = { ranges: { id: string; purpose: string; start: string; end: string }[]; dhcp: boolean };
const vipOnly = mutate(doc, (d) => {
  propsOf<Net>(d, ids.albVip).ranges[0]!.purpose = 'vip-pool';
});

testRule(rule, {
  valid: [
    { name: 'seed 003: se-pool on alb-mgmt, se-vip-pool on alb-vip', doc },
    {
      name: 'a VIP-only pool on a network with DHCP: the SE asks DHCP',
      doc: mutate(vipOnly, (d) => {
        propsOf<Net>(d, ids.albVip).dhcp = true;
      }),
    },
    {
      name: 'a static SE NIC needs no range',
      doc: mutate(vipOnly, (d) => {
        const l = d.links.find((x) => x.id === ids.seVip)!;
        l.addressMode = 'static';
        l.address = '172.16.251.200';
      }),
    },
  ],
  invalid: [
    {
      name: 'alb-vip has only STATIC_IPS_FOR_VIP, no DHCP',
      doc: vipOnly,
      errors: [{ targets: [ids.se, ids.seVip, ids.albVip], severity: 'error' }],
    },
    {
      name: 'the management NIC on alb-mgmt without its se-pool',
      doc: mutate(doc, (d) => {
        propsOf<Net>(d, ids.albMgmt).ranges = [];
      }),
      errors: [{ targets: [ids.se, ids.seMgmt, ids.albMgmt], data: { role: 'management' } }],
    },
  ],
});
