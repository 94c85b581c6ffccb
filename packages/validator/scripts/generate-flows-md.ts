/** `npm run flows:doc`: writes packages/validator/FLOWS.md from the flow catalogue. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FLOW_CATALOGUE } from '../src/index.ts';
import { renderFlowsMarkdown } from './flowsMarkdown.ts';

const target = fileURLToPath(new URL('../FLOWS.md', import.meta.url));
writeFileSync(target, renderFlowsMarkdown());
console.log(`wrote ${target} (${FLOW_CATALOGUE.length} flows)`);
