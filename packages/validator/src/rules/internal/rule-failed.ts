/**
 * The engine's own finding: a rule threw on this design. The engine reports it in place of the
 * rule's findings (engine/validate.ts), so one faulty rule never hides every other rule's findings,
 * and the API and the CLI never answer a stack trace for a document that passed restore().
 */
import { defineRule } from '../../engine/rule.ts';
import { RULE_FAILED } from '../../engine/ruleFailed.ts';

export default defineRule({
  meta: {
    id: RULE_FAILED,
    severity: 'error',
    category: 'internal',
    description: 'A rule failed on this design (a Viplane bug); its findings are missing and the other rules still ran.',
    docs: `### Why
Every rule must answer on any design that opens in Viplane: empty fields count as not set, malformed addresses are
reported by \`ipam/invalid-cidr\` and ignored by the other rules. A rule that still fails is a bug in Viplane, not in
your design. The validator runs each rule on its own: the failing rule's findings are replaced by this one (naming the
rule, without a stack trace), and every other rule's findings are still shown. Until it is fixed, the design is not
fully checked: what the failed rule looks for may still be wrong in it.

### How to fix in Viplane
Nothing on the canvas has to change for this finding itself. To find the field that trips the rule, undo recent edits
one at a time (the finding disappears when the field is back), then select the element and check that field's value in
the inspector. Report it with the rule id it names (\`data.rule\`) and the design file.

### Source
Issue 11 §1 (never throw): "the engine isolates each rule; a rule that still throws yields one
\`internal/rule-failed\` diagnostic (error, naming the rule, no stack) and the other rules' findings are still
returned".`,
    seeds: [],
  },
  // Reported by the engine on behalf of the rule that threw; there is nothing to check in the model.
  check() {},
});
