import { testRule } from '../../testing/ruleTester.ts';
import rule from './node-network-no-addresses.ts';
import { mutate, propsOf, seed000 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed000('3net-alb');
type Net = { dhcp: boolean; ranges: { id: string; purpose: string; start: string; end: string }[] };
const noDhcp = mutate(doc, (d) => {
  propsOf<Net>(d, ids.data52).dhcp = false;
});

testRule(rule, {
  valid: [
    { name: 'seed 000: dp-data-52 runs DHCP', doc },
    {
      name: 'DHCP off with a node range (node IPAM)',
      doc: mutate(noDhcp, (d) => {
        propsOf<Net>(d, ids.data52).ranges.push({ id: 'nodes', purpose: 'node', start: '192.168.54.1', end: '192.168.54.50' });
      }),
    },
    {
      name: 'an imported node network whose DHCP is unknown',
      doc: mutate(noDhcp, (d) => {
        (d.elements.find((e) => e.id === ids.data52) as { unknown?: string[] }).unknown = ['dhcp'];
      }),
    },
  ],
  invalid: [
    {
      name: 'DHCP off on dp-data-52, no node range',
      doc: noDhcp,
      errors: [
        { targets: [ids.mgmtCluster, ids.data52], severity: 'error' },
        { targets: [ids.wc, ids.data52], severity: 'error' },
      ],
    },
  ],
});
