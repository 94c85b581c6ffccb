/**
 * Renders the figures the docs show (docs/*.png) from the templates:
 * `npx tsx packages/formats/scripts/docs-figures.ts`. PNG text depends on the machine's fonts, so
 * these are pictures for people, not golden files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getTemplate } from '@viplane/templates';
import { designDiagram, routingDiagram, routingHosts } from '../src/diagrams/index.ts';
import { svgToPng } from '../src/png.ts';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });

const figures: { file: string; template: string; kind: 'routing' | 'design' }[] = [
  { file: 'routing-3-network.png', template: 'seed000-3net-alb', kind: 'routing' },
  { file: 'routing-overview.png', template: 'seed000-overview', kind: 'routing' },
  { file: 'routing-haproxy-3nic.png', template: 'seed002-multi-3nic', kind: 'routing' },
  { file: 'design-3-network.png', template: 'seed000-3net-alb', kind: 'design' },
];

for (const f of figures) {
  const doc = getTemplate(f.template)!.build();
  const d = f.kind === 'design' ? designDiagram(doc) : routingDiagram(doc, routingHosts(doc)[0]!.id);
  writeFileSync(`${docs}${f.file}`, svgToPng(d.svg, { width: Math.round(d.width * 1.5) }));
  console.log(`docs/${f.file}: ${f.template} (${f.kind})`);
}
