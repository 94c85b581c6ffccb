/** The diagnostic that stands for a rule that threw (catalogue id `internal/rule-failed`). */
import type { Diagnostic } from './diagnostic.ts';

export const RULE_FAILED = 'internal/rule-failed';

/** Names the rule and the error's message only: a stack trace helps nobody on a canvas or in a CI log. */
export function ruleFailed(ruleId: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const what = ruleId === 'lower' ? 'Lowering the design to its L3 model' : `Rule ${ruleId}`;
  return {
    ruleId: RULE_FAILED,
    severity: 'error',
    message: `${what} failed on this design (a Viplane bug: ${reason}); its findings are missing, the other rules' are shown`,
    data: { rule: ruleId, error: reason },
    targets: [],
  };
}
