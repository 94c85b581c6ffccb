/**
 * Golden files: `golden/<template>/<path>` holds every file exportConfigs() writes for the template,
 * and `golden/<template>/diagnostics.json` its diagnostics (rule, severity, targets: the behaviour,
 * not the wording). `npm run golden -w @viplane/formats` rewrites them (update-golden.ts).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigExport } from '../../src/configs.ts';

export const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
export const DIAGNOSTICS_FILE = 'diagnostics.json';

/** What the golden directory of one template must hold: relative path -> content. */
export function goldenEntries(result: ConfigExport): Map<string, string> {
  const entries = new Map(result.files.map((f) => [f.path, f.content]));
  const diagnostics = result.diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity, targets: d.targets }));
  entries.set(DIAGNOSTICS_FILE, JSON.stringify(diagnostics, null, 2) + '\n');
  return entries;
}

export function goldenPath(templateId: string, path: string): string {
  return join(GOLDEN_DIR, templateId, ...path.split('/'));
}
