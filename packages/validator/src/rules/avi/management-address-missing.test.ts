import { testRule } from '../../testing/ruleTester.ts';
import rule from './management-address-missing.ts';
import { mutate, seed003 } from '../../../test/fixtures/routing.ts';

const { doc, ids } = seed003();
const ctrlNic = (d: Parameters<Parameters<typeof mutate>[1]>[0]) => d.links.find((l) => l.from === ids.ctrl && l.role === 'management')!;

testRule(rule, {
  valid: [
    { name: 'seed 003: Controller 172.16.250.1, SE management from the se-pool', doc },
    {
      name: 'a Controller management NIC on DHCP',
      doc: mutate(doc, (d) => {
        const l = ctrlNic(d);
        l.address = null;
        l.addressMode = 'dhcp';
      }),
    },
  ],
  invalid: [
    {
      name: 'the Controller management NIC without an address',
      doc: mutate(doc, (d) => {
        ctrlNic(d).address = null;
      }),
      errors: [{ targets: [ids.ctrl], severity: 'error' }],
    },
    {
      name: 'an SE management NIC set to static without an address',
      doc: mutate(doc, (d) => {
        d.links.find((l) => l.id === ids.seMgmt)!.addressMode = 'static';
      }),
      errors: [{ targets: [ids.se, ids.seMgmt] }],
    },
  ],
});
