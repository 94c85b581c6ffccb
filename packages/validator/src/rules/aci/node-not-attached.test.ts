import { testRule } from '../../testing/ruleTester.ts';
import rule from './node-not-attached.ts';
import { emptyDesign, seed001Designs } from '../../../test/fixtures/nsxt.ts';
import { seed002Designs } from '../../../test/fixtures/haproxy.ts';
import { seed004, seed004Designs } from '../../../test/fixtures/aci.ts';

const { ids } = seed004();

// leaf-102 belongs to a second fabric.
const otherFabric = seed004().doc;
const fabric = otherFabric.elements.find((e) => e.id === ids.fabric)!;
otherFabric.elements.push({ ...structuredClone(fabric), id: 'other-fabric', name: 'other-fabric' });
const leaf102 = otherFabric.elements.find((e) => e.id === ids.leaf102)!;
if (leaf102.kind === 'aciSwitch') leaf102.props.fabricId = 'other-fabric';

testRule(rule, {
  valid: [{ name: 'empty design', doc: emptyDesign() }, ...seed001Designs(), ...seed002Designs(), ...seed004Designs()],
  invalid: [
    {
      name: 'seed 004 mistake node-not-on-fabric: k8sv3 on no leaf',
      doc: seed004({ k8sv3Leaf: null }).doc,
      errors: [{ targets: [ids.cluster, 'k8sv3'], severity: 'error', data: { node: 'k8sv3', leaf: null } }],
    },
    {
      name: 'k8sv3 cabled to a spine',
      doc: seed004({ k8sv3Leaf: 'spine-201' }).doc,
      errors: [{ targets: [ids.cluster, 'k8sv3', ids.spine201], data: { leaf: 'spine-201' } }],
    },
    {
      name: 'k8sv3 on a leaf of another fabric',
      doc: otherFabric,
      errors: [{ targets: [ids.cluster, 'k8sv3', ids.leaf102] }],
    },
  ],
});
