/**
 * The importers: one per real format, each beside its exporter (tkg/import.ts next to tkg/index.ts).
 * Each says whether a parsed file is its format (auto-detection reads content, never the file name)
 * and reads all files of its format at once, so it can link what several files describe.
 */
import type { ImportDraft } from './draft.ts';
import type { FileReporter } from './report.ts';
import type { SourceDocument } from './source.ts';

export const IMPORT_FORMATS = ['topology', 'tkg', 'ako', 'tkc', 'aci'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedFile {
  name: string;
  /** File name without directories and extension (`management`, `cl1`). */
  stem: string;
  text: string;
  /** The file's YAML/JSON documents (a TKC file may hold several). */
  documents: SourceDocument[];
  reporter: FileReporter;
}

export interface FormatImporter {
  format: ImportFormat;
  /** What users call it, for messages. */
  label: string;
  /** Is this parsed document (with its text) of this format? */
  detect(value: unknown, text: string): boolean;
  /** Reads every file of this format into the draft. */
  read(draft: ImportDraft, files: readonly ImportedFile[]): void;
}
