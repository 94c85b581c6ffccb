/**
 * Every handoff file of a design, as the CLI, the server and the bundle write them:
 *   handoff.md, handoff.html, csv/<table>.csv, handoff.xlsx, netbox/<object>.csv
 * (paths relative to the handoff folder; the bundle puts them under `handoff/`).
 */
import type { TopologyDocument } from '@viplane/model';
import { lower, type L3Model } from '@viplane/validator';
import { addressPlan, type AddressPlanRow } from '../address-plan/index.ts';
import { buildHandoff } from './build.ts';
import { tableCsv } from './csv.ts';
import { handoffHtml } from './html.ts';
import { handoffMarkdown } from './markdown.ts';
import { netboxFiles } from './netbox.ts';
import { handoffXlsx } from './xlsx.ts';
import type { Handoff, HandoffFlows } from './types.ts';

export interface HandoffFile {
  path: string;
  content: string | Uint8Array;
}

/** `csv/<id>.csv` names, stable across releases (the ids, not the titles). */
export const HANDOFF_CSV_NAMES: Readonly<Record<string, string>> = {
  vlans: 'vlans',
  subnets: 'subnets',
  ranges: 'reserved-ranges',
  addresses: 'addresses',
  routes: 'routes',
  dns: 'dns',
  firewall: 'firewall-matrix',
  l2: 'l2-requirements',
};

export async function handoffFiles(
  document: TopologyDocument,
  flows: HandoffFlows,
  model: L3Model = lower(document),
  plan: AddressPlanRow[] = addressPlan(document, model),
  handoff: Handoff = buildHandoff(document, flows, model, plan),
): Promise<HandoffFile[]> {
  const files: HandoffFile[] = [
    { path: 'handoff.md', content: handoffMarkdown(handoff) },
    { path: 'handoff.html', content: handoffHtml(handoff) },
    ...handoff.tables.map((t) => ({ path: `csv/${HANDOFF_CSV_NAMES[t.id] ?? t.id}.csv`, content: tableCsv(t) })),
    { path: 'handoff.xlsx', content: await handoffXlsx(handoff) },
    ...netboxFiles(document, model, plan),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
