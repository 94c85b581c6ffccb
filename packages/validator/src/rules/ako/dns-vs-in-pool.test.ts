import { testRule } from '../../testing/ruleTester.ts';
import rule from './dns-vs-in-pool.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();
const dnsAt = (address: string) =>
  mutate(ako.doc, (d) => {
    propsOf<{ address: string }>(d, ako.ids.dns).address = address;
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: DNS VS 172.16.251.253 outside the pool 172.16.251.1-172.16.251.100', doc: ako.doc },
    { name: 'just past the pool: 172.16.251.101', doc: dnsAt('172.16.251.101') },
    { name: 'malformed address is ipam/invalid-cidr', doc: dnsAt('172.16.251') },
  ],
  invalid: [
    {
      name: 'seed 003 dns-vs-in-pool: 172.16.251.50',
      doc: dnsAt('172.16.251.50'),
      errors: [
        { targets: [ako.ids.dns, ako.ids.albVip, 'alb-vip-pool'], severity: 'error', data: { range: '172.16.251.1-172.16.251.100' } },
      ],
    },
    { name: 'the last pool address 172.16.251.100', doc: dnsAt('172.16.251.100'), errors: [{ targets: [ako.ids.dns, 'alb-vip-pool'] }] },
  ],
});
