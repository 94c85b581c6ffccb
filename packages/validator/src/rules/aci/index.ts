import type { Rule } from '../../engine/rule.ts';
import infraVlanDisabled from './infra-vlan-disabled.ts';
import vlanInvalid from './vlan-invalid.ts';
import nodeNotAttached from './node-not-attached.ts';
import noL3out from './no-l3out.ts';
import subnetOverlap from './subnet-overlap.ts';
import sharedVrfOverlap from './shared-vrf-overlap.ts';

export const aciRules: readonly Rule[] = [infraVlanDisabled, vlanInvalid, nodeNotAttached, noL3out, subnetOverlap, sharedVrfOverlap];
