import { testRule } from '../../testing/ruleTester.ts';
import type { TopologyDocument } from '@viplane/model';
import rule from './cluster-name-duplicate.ts';
import { mutate, seed003 } from '../../../test/fixtures/routing.ts';

const ako = seed003();

/** A second cluster on the same Controller with its own AKO. */
const second = (clusterName: string, edit: (ako2: Record<string, unknown>, d: TopologyDocument) => void = () => {}) =>
  mutate(ako.doc, (d) => {
    const cluster = d.elements.find((e) => e.id === ako.ids.cluster)!;
    d.elements.push({ ...cluster, id: 'k8s-2', name: 'k8s-2', props: { ...cluster.props, nodes: [] } } as typeof cluster);
    const a = d.elements.find((e) => e.id === ako.ids.ako)!;
    const props = {
      ...(a.props as Record<string, unknown>),
      clusterId: 'k8s-2',
      clusterName,
      ingress: { enabled: false, className: 'avi-lb', shardSize: 'SMALL', dnsVsId: null },
    };
    d.elements.push({ ...a, id: 'ako-2', name: 'ako-2', props } as typeof a);
    edit(props, d);
  });

testRule(rule, {
  valid: [
    { name: 'seed 003: one AKO "avi-cluster"', doc: ako.doc },
    { name: 'two clusters with their own names', doc: second('avi-cluster-2') },
    {
      name: 'same name on another Controller',
      doc: second('avi-cluster', (props, d) => {
        const ctrl = d.elements.find((e) => e.id === ako.ids.ctrl)!;
        d.elements.push({ ...ctrl, id: 'ctrl-2', name: 'ctrl-2', props: { ...ctrl.props, vrfs: [] } } as typeof ctrl);
        props.controllerId = 'ctrl-2';
        props.seGroupId = null;
      }),
    },
    {
      name: 'empty names are not compared',
      doc: mutate(second(''), (d) => ((d.elements.find((e) => e.id === ako.ids.ako)!.props as { clusterName: string }).clusterName = '')),
    },
  ],
  invalid: [
    {
      name: 'seed 003 cluster-name-duplicate: a 2nd cluster with clusterName "avi-cluster"',
      doc: second('avi-cluster'),
      errors: [{ targets: [ako.ids.ako, 'ako-2', ako.ids.ctrl], severity: 'error', data: { clusterName: 'avi-cluster' } }],
    },
    {
      name: 'the Controller known only through the SE group',
      doc: second('avi-cluster', (props) => {
        props.controllerId = null;
      }),
      errors: [{ targets: [ako.ids.ako, 'ako-2', ako.ids.ctrl] }],
    },
  ],
});
