/**
 * Importing files on the canvas (issue 6): drop TKG configs, AKO values, TKC manifests,
 * acc-provision inputs, a topology.json or a bundle zip onto the canvas (or pick them with Import).
 * The files are read in the browser by @viplane/formats' importers — nothing leaves the machine —
 * and the Import dialog shows what was read, every problem with file:line:column, and offers to add
 * the result to the open design (one undo step) or to open it as a new design.
 */
import { create } from 'zustand';
import { importFiles, type ImportInput, type ImportResult } from '@viplane/formats';
import type { TopologyDocument } from '@viplane/model';
import { editor } from '../store/editor.ts';
import { replaceDocument } from '../store/actions.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { closeDialog, openDialog, toast } from '../store/ui.ts';
import { detachFromServer } from '../persistence/serverSync.ts';

export type ImportMode = 'merge' | 'new';

interface ImportState {
  inputs: ImportInput[];
  /** The previews, computed when the dialog opens: into the open design, and as a new one. */
  merge: ImportResult | null;
  fresh: ImportResult | null;
  busy: boolean;
}

export const useImport = create<ImportState>()(() => ({ inputs: [], merge: null, fresh: null, busy: false }));

/** Files from a drop or the picker: read them, preview both ways, open the dialog. */
export async function startImport(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, content: new Uint8Array(await f.arrayBuffer()) })));
  useImport.setState({ inputs, merge: null, fresh: null, busy: true });
  openDialog({ type: 'import' });
  const { doc, readOnly } = editor();
  try {
    const [fresh, merge] = await Promise.all([
      importFiles(inputs),
      readOnly || doc.elements.length === 0 ? Promise.resolve(null) : importFiles(inputs, { into: doc }),
    ]);
    useImport.setState({ fresh, merge, busy: false });
  } catch (err) {
    useImport.setState({ busy: false });
    closeDialog();
    toast(`Import failed: ${err instanceof Error ? err.message : String(err)}`, 'error', 8000);
  }
}

/** Applies the previewed import. */
export function applyImport(mode: ImportMode): void {
  const { merge, fresh } = useImport.getState();
  const result = mode === 'merge' ? merge : fresh;
  if (!result?.document) return;
  const document: TopologyDocument = result.document;
  const imported = () =>
    toast(
      `Imported ${result.files.filter((f) => f.format !== null).length} file(s): ${result.created.length} element(s) and link(s) added`,
      'success',
    );
  if (mode === 'merge') {
    editor().edit(() => document);
    closeDialog();
    setTimeout(() => canvasApi.current?.fitNodes(result.created.filter((id) => document.elements.some((e) => e.id === id))), 80);
    imported();
  } else {
    // As a new design: over unsaved work this asks first (the toast follows the replacement).
    replaceDocument(document, 'The import', () => {
      detachFromServer();
      imported();
    });
  }
  useImport.setState({ inputs: [], merge: null, fresh: null });
}

/** Opens the browser's file picker for files to import. */
export function pickImportFiles(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = '.yaml,.yml,.json,.zip,.txt';
  input.onchange = () => void startImport([...(input.files ?? [])]);
  input.click();
}
