import { DesignBuilder } from '@viplane/model';
import { testRule } from '../../testing/ruleTester.ts';
import rule from './no-default-gateway.ts';
import { mutate, propsOf, seed000, seed002 } from '../../../test/fixtures/routing.ts';

type Ctrl = { vrfs: { name: string; staticRoutes: { id: string; prefix: string; nextHop: string | null }[] }[] };
const globalRoutes = (doc: Parameters<typeof propsOf>[0], ctrl: string) =>
  propsOf<Ctrl>(doc, ctrl).vrfs.find((v) => v.name === 'global')!.staticRoutes;

const alb = seed000('3net-alb');
const kubevip = seed000('3net-kubevip');
const hp = seed002('single-2nic');

/** Two SE groups under one Controller share the global VRF: one diagnostic names both. */
function twoGroups() {
  const { doc, ids } = seed000('2net');
  return {
    doc: mutate(doc, (d) => {
      globalRoutes(d, ids.ctrl).length = 0;
      d.elements.push({ ...d.elements.find((e) => e.id === ids.se)!, id: 'group-2', name: 'Group-2' });
      d.links.push({ ...d.links.find((l) => l.id === ids.seData48)!, id: 'group-2--dp-data-48', from: 'group-2' });
    }),
    ids,
  };
}

/** A fresh SE group without any NIC has nobody to answer yet. */
function unplaced() {
  const b = new DesignBuilder({ name: 'unplaced' });
  const ctrl = b.add('aviController', 'ctrl');
  b.add('seGroup', 'Default-Group', { controllerId: ctrl });
  return b.build();
}

testRule(rule, {
  valid: [
    { name: 'seed 000 3-network: 0.0.0.0/0 via 192.168.48.1', doc: alb.doc },
    { name: 'seed 000 kube-vip: the default route also covers 192.168.52.0/22', doc: kubevip.doc },
    { name: 'seed 000 1-network: one interface for both VRFs, 0.0.0.0/0 via 192.168.32.1', doc: seed000('1net').doc },
    { name: 'seed 002 HAProxy with management gateway 192.168.110.1', doc: hp.doc },
    {
      name: 'missing management default is not this rule',
      doc: mutate(alb.doc, (d) => {
        propsOf<Ctrl>(d, alb.ids.ctrl).vrfs.find((v) => v.name === 'management')!.staticRoutes.length = 0;
      }),
    },
    {
      name: 'HAProxy gateway only on the workload NIC is haproxy/gateway-not-on-management',
      doc: mutate(hp.doc, (d) => {
        d.links.find((l) => l.id === hp.ids.hpMgmt)!.gateway = null;
      }),
    },
    { name: 'SE group without NICs', doc: unplaced() },
  ],
  invalid: [
    {
      name: 'seed 000 no-data-default-route',
      doc: mutate(alb.doc, (d) => {
        globalRoutes(d, alb.ids.ctrl).length = 0;
      }),
      errors: [{ targets: [alb.ids.ctrl, alb.ids.se], severity: 'error', data: { missingPrefixes: ['0.0.0.0/0'] } }],
    },
    {
      name: 'kube-vip: a specific route to 192.168.52.0/22 does not replace the default',
      doc: mutate(kubevip.doc, (d) => {
        globalRoutes(d, kubevip.ids.ctrl).splice(0, 1, { id: 'to-52', prefix: '192.168.52.0/22', nextHop: '192.168.48.1' });
      }),
      errors: [{ targets: [kubevip.ids.ctrl, kubevip.ids.se], severity: 'error' }],
    },
    {
      name: 'default route to a discard (null next hop)',
      doc: mutate(alb.doc, (d) => {
        globalRoutes(d, alb.ids.ctrl)[0]!.nextHop = null;
      }),
      errors: [{ targets: [alb.ids.ctrl, alb.ids.se, 'data-default'], severity: 'error' }],
    },
    {
      name: 'two SE groups of one Controller: one diagnostic',
      doc: twoGroups().doc,
      errors: [{ targets: [twoGroups().ids.ctrl, twoGroups().ids.se, 'group-2'] }],
    },
    {
      name: 'seed 002 haproxy-no-gateway',
      doc: mutate(hp.doc, (d) => {
        for (const l of d.links) if (l.from === hp.ids.hp) l.gateway = null;
      }),
      errors: [{ targets: [hp.ids.hp, hp.ids.hpMgmt], severity: 'error', data: { suggestedGateway: '192.168.110.1' } }],
    },
  ],
});
