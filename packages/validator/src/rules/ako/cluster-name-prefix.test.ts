import { testRule } from '../../testing/ruleTester.ts';
import rule from './cluster-name-prefix.ts';
import { mutate, propsOf, seed003 } from '../../../test/fixtures/routing.ts';
import { seed003TwoClusters } from '../../../test/fixtures/ako.ts';

const { ids } = seed003();

testRule(rule, {
  valid: [
    { name: 'seed 003: one cluster', doc: seed003().doc },
    { name: 'avi-cluster and k8s-2', doc: seed003TwoClusters({ seGroup: 'own' }).doc },
    { name: 'equal names are ako/cluster-name-duplicate, not a prefix', doc: seed003TwoClusters({ clusterName: 'avi-cluster' }).doc },
    {
      name: 'the same prefix on two Controllers',
      doc: mutate(seed003TwoClusters({ clusterName: 'avi-cluster-new' }).doc, (d) => {
        const ctrl = d.elements.find((e) => e.id === ids.ctrl)!;
        if (ctrl.kind !== 'aviController') throw new Error('no Controller');
        d.elements.push({ ...ctrl, id: 'ctrl-2', name: 'ctrl-2', props: { ...ctrl.props, vrfs: [], ipamProfile: null } });
        propsOf<{ controllerId: string }>(d, 'ako-2').controllerId = 'ctrl-2';
      }),
    },
  ],
  invalid: [
    {
      name: 'orange and orange-new (AKO PR #1108)',
      doc: seed003TwoClusters({ clusterName: 'avi-cluster-new', seGroup: 'own' }).doc,
      errors: [{ targets: [ids.ako, 'ako-2', ids.ctrl], severity: 'warning', data: { prefix: 'avi-cluster', name: 'avi-cluster-new' } }],
    },
    {
      name: 'a chain of three names gives every prefix pair',
      doc: mutate(seed003TwoClusters({ clusterName: 'avi-cluster-new', seGroup: 'own' }).doc, (d) => {
        d.elements.push({ ...structuredClone(d.elements.find((e) => e.id === 'ako-2')!), id: 'ako-3', name: 'ako-3' });
        propsOf<{ clusterName: string }>(d, 'ako-3').clusterName = 'avi-cluster-new-2';
      }),
      errors: [
        { targets: [ids.ako, 'ako-2'], data: { name: 'avi-cluster-new' } },
        { targets: [ids.ako, 'ako-3'], data: { name: 'avi-cluster-new-2' } },
        { targets: ['ako-2', 'ako-3'], data: { prefix: 'avi-cluster-new' } },
      ],
    },
  ],
});
