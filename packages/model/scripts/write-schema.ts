/** `npm run schema`: publishes the topology document's JSON Schema next to the package. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topologyJsonSchema } from '../src/index.ts';

const target = fileURLToPath(new URL('../topology.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
