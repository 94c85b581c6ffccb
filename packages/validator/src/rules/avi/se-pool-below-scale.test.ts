import { testRule } from '../../testing/ruleTester.ts';
import rule from './se-pool-below-scale.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();
type Net = { ranges: { id: string; purpose: string; start: string; end: string }[] };
/** alb-mgmt's se-pool cut to `n` addresses from .101; seed 003's group has 2 SEs (HA_MODE_SHARED). */
const mgmtPool = (n: number, haMode = 'HA_MODE_SHARED') =>
  mutate(doc, (d) => {
    propsOf<Net>(d, ids.albMgmt).ranges[0]!.end = `172.16.250.${100 + n}`;
    propsOf<{ haMode: string }>(d, ids.se).haMode = haMode;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: 50 SE addresses for 2 SEs', doc },
    { name: '3 addresses: 2 SEs and the buffer SE', doc: mgmtPool(3) },
    { name: 'active/standby keeps no buffer SE: 2 addresses suffice', doc: mgmtPool(2, 'HA_MODE_LEGACY_ACTIVE_STANDBY') },
    { name: '1 address for 2 SEs is ipam/pool-exhausted, not this warning', doc: mgmtPool(1) },
  ],
  invalid: [
    {
      name: '2 addresses for 2 SEs: no room for the buffer SE',
      doc: mgmtPool(2),
      errors: [{ targets: [ids.albMgmt, 'alb-mgmt-se-pool', ids.se], severity: 'warning', data: { capacity: 2, demand: 2, buffer: 1 } }],
    },
  ],
});
