/**
 * The golden files of the diagrams and the report for one template (`test/golden/<template>/`):
 * shared by the golden test and scripts/golden.ts, so both produce them the same way.
 */
import { fileURLToPath } from 'node:url';
import type { TopologyDocument } from '@viplane/model';
import { lower } from '@viplane/validator';
import { fileSafe } from '../src/configs.ts';
import { designDiagramSvg, routingDiagramSvg, routingHosts } from '../src/diagrams/index.ts';
import { reportMarkdown } from '../src/report/index.ts';

export const GOLDEN_ROOT = fileURLToPath(new URL('../test/golden/', import.meta.url));

/** File name -> content, for one document. */
export function goldenFiles(document: TopologyDocument): Map<string, string> {
  const model = lower(document);
  const files = new Map<string, string>();
  files.set('design.svg', designDiagramSvg(document, model));
  for (const host of routingHosts(document)) {
    let name = `routing-${fileSafe(host.name, host.id)}.svg`;
    for (let n = 2; files.has(name); n++) name = `routing-${fileSafe(host.name, host.id)}-${n}.svg`;
    files.set(name, routingDiagramSvg(document, host.id, model));
  }
  // Rule docs are checked verbatim by the report test; leaving them out here keeps these files
  // stable when the validator's documentation is reworded.
  files.set('report.md', reportMarkdown(document, { model, omitRuleDocs: true }));
  return files;
}
