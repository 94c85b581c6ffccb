import { testRule } from '../../testing/ruleTester.ts';
import rule from './no-management-route.ts';
import { mutate, propsOf, seed000, seed003 } from '../../../test/fixtures/routing.ts';

type Ctrl = { vrfs: { name: string; staticRoutes: { id: string; prefix: string; nextHop: string | null }[] }[] };
const mgmtRoutes = (doc: Parameters<typeof propsOf>[0], ctrl: string) =>
  propsOf<Ctrl>(doc, ctrl).vrfs.find((v) => v.name === 'management')!.staticRoutes;

const alb = seed000('3net-alb');
const ako = seed003();

/** seed 000 no-mgmt-default-route: the Controller moves to dp-data-48 (192.168.48.20). */
const moved = (keepRoute: boolean, nextHop = '192.168.32.1') =>
  mutate(alb.doc, (d) => {
    const nic = d.links.find((l) => l.id === alb.ids.ctrlNic)!;
    nic.to = alb.ids.data48;
    nic.address = '192.168.48.20';
    if (keepRoute) mgmtRoutes(d, alb.ids.ctrl)[0]!.nextHop = nextHop;
    else mgmtRoutes(d, alb.ids.ctrl).length = 0;
  });

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network: Controller 192.168.32.20 on the SE management network', doc: alb.doc },
    { name: 'seed 003: Controller 172.16.250.1 on alb-mgmt', doc: ako.doc },
    {
      name: 'directly connected Controller needs no management route',
      doc: mutate(ako.doc, (d) => {
        mgmtRoutes(d, ako.ids.ctrl).length = 0;
      }),
    },
    { name: 'Controller on another network, reached via 0.0.0.0/0 -> 192.168.32.1 and the L3 switch', doc: moved(true) },
  ],
  invalid: [
    {
      name: 'seed 000 no-mgmt-default-route (Controller moved to dp-data-48)',
      doc: moved(false),
      errors: [
        {
          targets: [alb.ids.se, alb.ids.ctrl, alb.ids.seMgmt],
          severity: 'error',
          data: { controllerAddress: '192.168.48.20', dropReason: 'no-route' },
        },
      ],
    },
    {
      name: 'management default via an address nobody holds (192.168.32.254)',
      doc: moved(true, '192.168.32.254'),
      errors: [{ targets: [alb.ids.se, alb.ids.ctrl], data: { dropReason: 'next-hop-unresolved' } }],
    },
  ],
});
