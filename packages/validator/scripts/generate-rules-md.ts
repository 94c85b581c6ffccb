/** `npm run rules:doc`: writes packages/validator/RULES.md from the rule modules. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.ts';
import { renderRulesMarkdown } from './rulesMarkdown.ts';

const target = fileURLToPath(new URL('../RULES.md', import.meta.url));
writeFileSync(target, renderRulesMarkdown(rules));
console.log(`wrote ${target} (${rules.length} rules)`);
