import { testRule } from '../../testing/ruleTester.ts';
import rule from './ipam-profile.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';

const { doc: bare, ids } = seed003();
type Profile = { ipamProfile: { name: string; usableNetworkIds: string[] } | null };
const withProfile = (usable: string[]) =>
  mutate(bare, (d) => {
    propsOf<Profile>(d, ids.ctrl).ipamProfile = { name: 'ipam-profile', usableNetworkIds: usable };
  });
const fromPool = (d: Parameters<Parameters<typeof mutate>[1]>[0]) => {
  propsOf<{ address: string | null }>(d, ids.lb).address = null;
};

testRule(rule, {
  valid: [
    { name: 'seed 003: ipam-profile with alb-vip usable', doc: withProfile([ids.albVip]) },
    {
      name: 'no AKO and only fixed VIPs: nothing asks the IPAM',
      doc: mutate(bare, (d) => {
        d.elements = d.elements.filter((e) => e.id !== ids.ako);
      }),
    },
    {
      name: 'an imported Controller whose IPAM profile is unknown',
      doc: mutate(bare, (d) => {
        (d.elements.find((e) => e.id === ids.ctrl) as { unknown?: string[] }).unknown = ['ipamProfile'];
      }),
    },
  ],
  invalid: [
    {
      name: 'AKO asks for VIPs on alb-vip, the Controller has no IPAM profile',
      doc: bare,
      errors: [{ targets: [ids.ctrl, ids.albVip, ids.ako], severity: 'error', data: { profile: null } }],
    },
    {
      name: 'a virtual service from the pool, alb-vip not a usable network',
      doc: mutate(withProfile([ids.albMgmt]), fromPool),
      errors: [{ targets: [ids.ctrl, ids.albVip, ids.ako, ids.lb], data: { networks: ['alb-vip'], profile: 'ipam-profile' } }],
    },
  ],
});
