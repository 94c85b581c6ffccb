/**
 * The export's own findings (`format/*`: what a real tool's file cannot say, @viplane/formats checks.ts),
 * shown in Problems beside the validator's — one list of findings. Computed on request (the formats are
 * loaded lazily and writing every file is too much work for each keystroke) and only shown for the
 * document they were computed on.
 */
import { create } from 'zustand';
import type { Diagnostic } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';

export interface ExportFindingsState {
  doc: TopologyDocument | null;
  findings: Diagnostic[];
  /** Rule id -> one-line description (FORMAT_CHECKS). */
  descriptions: Readonly<Record<string, string>>;
  busy: boolean;
  error: string | null;
}

export const useExportFindings = create<ExportFindingsState>()(() => ({
  doc: null,
  findings: [],
  descriptions: {},
  busy: false,
  error: null,
}));

export const isExportFinding = (d: Diagnostic) => d.ruleId.startsWith('format/');

export async function checkExport(doc: TopologyDocument): Promise<void> {
  useExportFindings.setState({ busy: true, error: null });
  try {
    const formats = await import('@viplane/formats');
    const { diagnostics } = formats.exportConfigs(doc);
    useExportFindings.setState({ doc, findings: diagnostics, descriptions: formats.FORMAT_CHECKS, busy: false });
  } catch (error) {
    useExportFindings.setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/** The export findings of this document, or none when they were computed on another one. */
export function exportFindingsOf(s: ExportFindingsState, doc: TopologyDocument): Diagnostic[] {
  return s.doc === doc ? s.findings : NONE;
}
const NONE: Diagnostic[] = [];
