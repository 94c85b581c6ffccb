/**
 * Is the cold regime of validate/large the document's cost or the runtime's warm-up? A fresh
 * process first validates a small, different estate (scale 0.2, seed 7) `rounds` times, then the
 * large estate 5 times; prints each time. If the large estate's first validations run at warm
 * speed, cold is paid once per process (JIT, inline caches, heap growth), not per document.
 *
 *   npx tsx --expose-gc packages/validator/bench/prewarm.ts [rounds=10] [scale=0.2]
 */
import { Routing, lower, rules, runRules, trace } from '../src/index.ts';
import { generateEstate, type Estate } from './generate.ts';
import { gc } from './measure.ts';

const rounds = Number(process.argv[2] ?? 10);
const scale = Number(process.argv[3] ?? 0.2);
const small = generateEstate({ scale, seed: 7 });
const large = generateEstate({ scale: 1, seed: 1 });
let kept: unknown;

function validate({ doc, traces }: Estate): number {
  gc?.();
  const t0 = performance.now();
  const model = lower(doc);
  runRules(model, rules);
  const routing = new Routing(model);
  for (const tr of traces) trace(model, tr.from, tr.to, routing);
  kept = model;
  return performance.now() - t0;
}

const t0 = performance.now();
for (let r = 0; r < rounds; r++) validate(small);
const warmUp = performance.now() - t0;
const times = Array.from({ length: 5 }, () => validate(large).toFixed(0));
console.log(`${rounds} validations of a ${scale}× estate: ${warmUp.toFixed(0)} ms; then the large estate: ${times.join(' ')} ms`);
void kept;
