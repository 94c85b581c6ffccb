/**
 * flows/large: every flow of the large estate (designFlows: roles, traces, matrix) beside one
 * validation of the same design in the same run, round-robin; goal: ratio ≤ 1. Also reports what
 * the flow rules add to a validation (validation without the flows/* rules, same run).
 */
import type { TopologyDocument } from '@viplane/model';
import { designFlows, rules, validate, validateWith } from '../src/index.ts';
import { median, roundRobin, row, type Row } from './measure.ts';

export function flowsCase(doc: TopologyDocument, runs: number, warmup: number): Row {
  const withoutFlowRules = rules.filter((r) => r.meta.category !== 'flows');
  let flows = 0;
  let matrix = 0;
  const times = roundRobin(
    {
      flows: () => {
        const r = designFlows(doc);
        flows = r.flows.length;
        matrix = r.matrix.length;
      },
      validate: () => void validate(doc),
      validateWithoutFlowRules: () => void validateWith(doc, withoutFlowRules),
    },
    runs,
    warmup,
  );
  const f = median(times['flows']!);
  const v = median(times['validate']!);
  const v0 = median(times['validateWithoutFlowRules']!);
  return row('flows/large', f, v, 'ratio ≤1 (baseline: one validation)', f <= v, {
    flows,
    matrix_rows: matrix,
    validate_without_flow_rules_ms: Number(v0.toFixed(3)),
    flow_rules_cost_ratio: Number((v / v0).toFixed(2)),
  });
}
