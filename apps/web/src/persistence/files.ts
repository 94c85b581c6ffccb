/** Topology JSON files: save (download) and open (file picker); opening goes through restore(). */
import type { TopologyDocument } from '@viplane/model';
import { markSavedToFile, replaceDocument } from '../store/actions.ts';
import { detachFromServer } from './serverSync.ts';
import { toast } from '../store/ui.ts';
import { editor } from '../store/editor.ts';

export function fileName(doc: TopologyDocument): string {
  const slug = doc.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'design'}.viplane.json`;
}

export function serialize(doc: TopologyDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function saveFile(doc: TopologyDocument) {
  markSavedToFile(doc);
  const blob = new Blob([serialize(doc)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(doc);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function openFile(file: File) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch (err) {
    toast(`${file.name} is not JSON: ${err instanceof Error ? err.message : String(err)}`, 'error', 6000);
    return;
  }
  replaceDocument(parsed, file.name, () => {
    detachFromServer();
    markSavedToFile(editor().doc);
    toast(`Opened ${file.name}`, 'success');
  });
}

/** Opens the browser's file picker. */
export function pickFile() {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
  };
  input.click();
}
