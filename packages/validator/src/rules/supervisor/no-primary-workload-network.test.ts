import { testRule } from '../../testing/ruleTester.ts';
import rule from './no-primary-workload-network.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { element, seed002, seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed002('single-2nic');
const multi = seed002('multi-2nic');

const twoPrimaries = seed002('multi-2nic').doc;
element(twoPrimaries, multi.ids.wn1!).props.primary = true;

const noWorkloadNetworks = seed002('single-2nic').doc;
element(noWorkloadNetworks, ids.primary!).props.supervisorId = null;

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 002 mistake no-primary-workload: no workload network flagged primary',
      doc: seed002('single-2nic', { primaryFlag: false }).doc,
      errors: [{ targets: [ids.sup!, ids.primary!], severity: 'error', data: { primaryCount: 0 } }],
    },
    {
      name: 'two primary workload networks',
      doc: twoPrimaries,
      errors: [{ targets: [multi.ids.sup!, multi.ids.primary!, multi.ids.wn1!], data: { primaryCount: 2 } }],
    },
    {
      name: 'HAProxy Supervisor (vDS networking) without any workload network',
      doc: noWorkloadNetworks,
      errors: [{ targets: [ids.sup!], data: { primaryCount: 0, workloadNetworks: [] } }],
    },
  ],
});
