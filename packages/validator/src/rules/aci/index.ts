import type { Rule } from '../../engine/rule.ts';
import infraVlanDisabled from './infra-vlan-disabled.ts';
import vlanInvalid from './vlan-invalid.ts';
import nodeNotAttached from './node-not-attached.ts';
import noL3out from './no-l3out.ts';
import subnetOverlap from './subnet-overlap.ts';
import systemIdInvalid from './system-id-invalid.ts';
import requiredMissing from './required-missing.ts';
import sharedVrfOverlap from './shared-vrf-overlap.ts';

export const aciRules: readonly Rule[] = [
  infraVlanDisabled,
  vlanInvalid,
  nodeNotAttached,
  noL3out,
  subnetOverlap,
  sharedVrfOverlap,
  // acc-provision's own checks that are facts about the design (formats.md §6.2; issue 11 §3).
  systemIdInvalid,
  requiredMissing,
];
