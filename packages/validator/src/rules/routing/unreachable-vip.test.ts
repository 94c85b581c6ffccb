import { testRule } from '../../testing/ruleTester.ts';
import rule from './unreachable-vip.ts';
import { mutate, propsOf, seed000, seed000Overview, seed002 } from '../../../test/fixtures/routing.ts';

type Ctrl = { vrfs: { name: string; staticRoutes: { id: string; prefix: string; nextHop: string | null }[] }[] };
const alb = seed000('3net-alb');
const multi = seed002('multi-3nic');
const overview = seed000Overview();

const withoutLink = (doc: Parameters<typeof mutate>[0], from: string, to: string) =>
  mutate(doc, (d) => {
    d.links = d.links.filter((l) => !(l.from === from && l.to === to));
  });

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network: clients reach dp-data-48 through the L3 switch', doc: alb.doc },
    { name: 'seed 000 overview: clients on 192.168.100.0/24 via r100 and back via 192.168.1.254', doc: overview.doc },
    { name: 'seed 002 topology 4: clients reach frontend-pg', doc: multi.doc },
    { name: 'the k8s API VIP network dp-data-52 is internal: not checked', doc: withoutLink(alb.doc, alb.ids.l3sw, alb.ids.data52) },
    {
      name: 'no data default route at all is routing/no-default-gateway',
      doc: mutate(alb.doc, (d) => {
        propsOf<Ctrl>(d, alb.ids.ctrl).vrfs.find((v) => v.name === 'global')!.staticRoutes.length = 0;
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 002 clients-no-route-to-vip: frontend-pg not routed',
      doc: withoutLink(multi.doc, multi.ids.gw, multi.ids.frontend!),
      errors: [{ targets: [multi.ids.clients, multi.ids.frontend!], severity: 'warning', data: { direction: 'forward' } }],
    },
    {
      name: 'SE data default via 192.168.48.254, which nobody holds: replies are lost',
      doc: mutate(alb.doc, (d) => {
        propsOf<Ctrl>(d, alb.ids.ctrl).vrfs.find((v) => v.name === 'global')!.staticRoutes[0]!.nextHop = '192.168.48.254';
      }),
      errors: [
        {
          targets: [alb.ids.se, alb.ids.clients, alb.ids.data48],
          severity: 'warning',
          data: { direction: 'reply', dropReason: 'next-hop-unresolved' },
        },
      ],
    },
    {
      name: 'seed 000 overview without the specific route: replies to 192.168.100.0/24 leave by the default gateway',
      doc: mutate(overview.doc, (d) => {
        const global = propsOf<Ctrl>(d, overview.ids.ctrl).vrfs.find((v) => v.name === 'global')!;
        global.staticRoutes = global.staticRoutes.filter((r) => r.id !== 'to-100');
        // The L3 switch knows no way to 192.168.100.0/24 either.
      }),
      errors: [{ targets: [overview.ids.se, overview.ids.remote, 'net-0'], data: { direction: 'reply' } }],
    },
  ],
});
