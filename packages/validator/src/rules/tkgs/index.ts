import type { Rule } from '../../engine/rule.ts';
import routedPodsCidrSet from './routed-pods-cidr-set.ts';
import tkcNameInvalid from './tkc-name-invalid.ts';
import tkcRequiredMissing from './tkc-required-missing.ts';
import tkcCniUnsupported from './tkc-cni-unsupported.ts';
import routedNamespaceNeedsOverride from './routed-namespace-needs-override.ts';

export const tkgsRules: readonly Rule[] = [
  routedPodsCidrSet,
  // Facts the TKC exporter checked (formats.md §7), now shown on the canvas (issue 11 §3).
  tkcNameInvalid,
  tkcRequiredMissing,
  tkcCniUnsupported,
  routedNamespaceNeedsOverride,
];
