import { testRule } from '../../testing/ruleTester.ts';
import rule from './pool-mode-address.ts';
import { mutate, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 003: SE management from the se-pool, no address written', doc },
    {
      name: 'a static NIC with its address',
      doc: mutate(doc, (d) => {
        const l = d.links.find((x) => x.id === ids.seMgmt)!;
        l.addressMode = 'static';
        l.address = '172.16.250.20';
      }),
    },
  ],
  invalid: [
    {
      name: 'an address typed on a pool-mode SE NIC',
      doc: mutate(doc, (d) => {
        d.links.find((x) => x.id === ids.seMgmt)!.address = '172.16.250.20';
      }),
      errors: [{ targets: [ids.se, ids.seMgmt], severity: 'warning', data: { addressMode: 'pool', address: '172.16.250.20' } }],
    },
  ],
});
