/**
 * Import (issue 6): files teams already have -> a design, checked at once.
 *
 *   importFiles(files, { format: 'auto', into?, layout? }) -> { document, diagnostics, files, created }
 *
 * Each file is parsed once (YAML or JSON, with line and column for every problem), its format is
 * detected from content (or given), and each format's importer (beside its exporter: tkg/import.ts,
 * ako/import.ts, tkc/import.ts, aci/import.ts) reads all its files into one ImportDraft, on top of the
 * open design when `into` is given. A topology document (or a Viplane bundle zip, which carries one)
 * is restore()d and becomes the design. The result passes restore() like everything loaded; new
 * elements get an ELK layout grouped by system.
 */
import { unzipSync } from 'fflate';
import { restore, type TopologyDocument } from '@viplane/model';
import type { Diagnostic } from '@viplane/validator';
import { ImportDraft } from './draft.ts';
import type { FormatImporter, ImportFormat, ImportedFile } from './formats.ts';
import { layoutElements } from './layout.ts';
import { ImportReport } from './report.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { parseSource } from './source.ts';
import { importers } from './registry.ts';

export { IMPORT_FORMATS, type ImportFormat } from './formats.ts';
export { IMPORT_LIMITS } from './limits.ts';

export interface ImportInput {
  /** The file's name as the user gave it (messages cite it). */
  name: string;
  /** Text, or bytes (a zip bundle; text files as UTF-8). */
  content: string | Uint8Array;
}

export interface ImportOptions {
  /** `auto` (default) detects each file's format from its content. */
  format?: ImportFormat | 'auto';
  /** The open design to merge into (drop onto the canvas); otherwise a new design. */
  into?: TopologyDocument;
  /** Name of a new design (default: from the files). */
  name?: string;
  /** Lay out the new elements with ELK (default true). */
  layout?: boolean;
}

export interface ImportResult {
  /** `null` when nothing usable was read (every file failed to parse or was of no known format). */
  document: TopologyDocument | null;
  /** Import problems, `import/*` ids, with `data: {file, line, column, key?, value?, expected?}`. */
  diagnostics: Diagnostic[];
  files: { name: string; format: ImportFormat | null }[];
  /** Ids of the elements and links the import added. */
  created: string[];
}

export async function importFiles(inputs: readonly ImportInput[], options: ImportOptions = {}): Promise<ImportResult> {
  const result = importFilesSync(inputs, options);
  if (!result.document || options.layout === false) return result;
  return { ...result, document: await layoutElements(result.document, new Set(result.created)) };
}

/** importFiles without the (asynchronous) layout: new elements are stacked at the origin. */
export function importFilesSync(inputs: readonly ImportInput[], options: ImportOptions = {}): ImportResult {
  const report = new ImportReport();
  const byFormat = new Map<ImportFormat, ImportedFile[]>();
  const files: ImportResult['files'] = [];
  let base = options.into;
  let topologyUsed = false;

  for (const input of expandBundles(inputs, report)) {
    const file = readInput(input, report);
    if (!file) {
      files.push({ name: input.name, format: null });
      continue;
    }
    const format = options.format && options.format !== 'auto' ? options.format : detect(file);
    files.push({ name: input.name, format });
    if (format === null && derivedFromTkg(file)) {
      file.reporter.info(
        'import/derived-file',
        'an AKODeploymentConfig is what TKG makes from the management-cluster config (AVI_* variables): import that config instead; this file is not read',
        {},
      );
      continue;
    }
    if (format === null) {
      file.reporter.error('import/unknown-format', `not a format Viplane imports (${importers.map((i) => i.label).join(', ')})`, {
        expected: importers.map((i) => i.label).join(', '),
      });
      continue;
    }
    if (format === 'topology') {
      const doc = restoreTopology(file);
      if (!doc) continue;
      if (base || topologyUsed) {
        file.reporter.error(
          'import/topology-merge',
          'a topology document is a whole design: open it on its own instead of merging it into another',
          {},
        );
        continue;
      }
      base = doc;
      topologyUsed = true;
      continue;
    }
    byFormat.set(format, [...(byFormat.get(format) ?? []), file]);
  }

  const draft = new ImportDraft(base);
  for (const importer of importers) {
    const list = byFormat.get(importer.format);
    if (list) importer.read(draft, list);
  }
  const readSomething = topologyUsed || byFormat.size > 0;
  if (!readSomething) return { document: null, diagnostics: report.diagnostics, files, created: [] };

  const document = draft.document(options.name ?? designName(files));
  const restored = restore(document);
  if (!restored.ok) {
    // An importer built something the schema refuses: say exactly what, never return it.
    const r = report.forFile(files.map((f) => f.name).join(', '));
    for (const e of restored.errors)
      r.error('import/invalid-result', `the imported design is invalid at ${e.path}: ${e.message}`, { value: e.value });
    return { document: null, diagnostics: report.diagnostics, files, created: [] };
  }
  return { document: restored.document, diagnostics: report.diagnostics, files, created: [...draft.created] };
}

function readInput(input: ImportInput, report: ImportReport): ImportedFile | null {
  const name = input.name;
  const reporter = report.forFile(name);
  // Bytes are checked before they are decoded: a UTF-8 character is at least one byte.
  const size = input.content.length;
  if (size > IMPORT_LIMITS.fileChars) {
    const unit = typeof input.content === 'string' ? 'characters' : 'bytes';
    reporter.error('import/too-large', `the file has ${size} ${unit}; at most ${IMPORT_LIMITS.fileChars} are read`, {
      data: { limit: IMPORT_LIMITS.fileChars, size },
    });
    return null;
  }
  const text = typeof input.content === 'string' ? input.content : new TextDecoder().decode(input.content);
  const parsed = parseSource(text);
  if (!parsed.ok) {
    if (parsed.limit) reporter.atPosition('error', 'import/limit', parsed.message, parsed.position);
    else reporter.atPosition('error', 'import/syntax', `not valid JSON or YAML: ${parsed.message}`, parsed.position);
    return null;
  }
  if (parsed.documents.length === 0) {
    reporter.error('import/empty', 'the file is empty', {});
    return null;
  }
  const first = parsed.documents[0]!;
  return {
    name,
    stem: name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''),
    text,
    documents: parsed.documents,
    reporter: report.forFile(name, first.at),
  };
}

function detect(file: ImportedFile): ImportFormat | null {
  const value = file.documents[0]?.value;
  return importers.find((i) => i.detect(value, file.text))?.format ?? null;
}

/** TKG's AKO operator resource (the bundle's ako/*-install-ako-*.yaml): derived, not a source. */
function derivedFromTkg(file: ImportedFile): boolean {
  return file.documents.some((d) => {
    const v = d.value as { kind?: unknown; apiVersion?: unknown } | null;
    return (
      v !== null &&
      typeof v === 'object' &&
      v.kind === 'AKODeploymentConfig' &&
      String(v.apiVersion).startsWith('networking.tkg.tanzu.vmware.com/')
    );
  });
}

function restoreTopology(file: ImportedFile): TopologyDocument | null {
  const restored = restore(file.documents[0]?.value);
  if (restored.ok) return restored.document;
  for (const e of restored.errors)
    file.reporter.error('import/invalid-topology', `${e.path || '/'}: ${e.message}`, { value: e.value, data: { path: e.path } });
  return null;
}

/** A Viplane bundle zip is read for its topology.json (the rest of a bundle is derived from it). */
function expandBundles(inputs: readonly ImportInput[], report: ImportReport): ImportInput[] {
  const out: ImportInput[] = [];
  for (const input of inputs) {
    const bytes = input.content;
    const isZip =
      typeof bytes !== 'string' && bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    if (!isZip) {
      out.push(input);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      const chosen = chooseBundleEntry(bytes as Uint8Array);
      if (typeof chosen === 'string') {
        report.forFile(input.name).error('import/limit', chosen, {});
        continue;
      }
      // Only the chosen entry is inflated, into a buffer of its declared size (never more).
      let index = -1;
      entries = chosen === null ? {} : unzipSync(bytes as Uint8Array, { filter: () => ++index === chosen });
    } catch (err) {
      report.forFile(input.name).error('import/bad-zip', `not a readable zip: ${err instanceof Error ? err.message : String(err)}`, {});
      continue;
    }
    const [path, data] = Object.entries(entries)[0] ?? [];
    if (!path || !data) {
      report
        .forFile(input.name)
        .error('import/bundle-without-topology', 'the zip has no topology.json (only Viplane bundles are read from zips)', {});
      continue;
    }
    out.push({ name: `${input.name}/${path}`, content: data });
  }
  return out;
}

/**
 * Reads the zip's directory without inflating anything and picks the topology.json to read: its
 * index, null when there is none, or a message when the zip is over a limit (too many entries, the
 * entry or the whole declared larger than IMPORT_LIMITS allows).
 */
function chooseBundleEntry(bytes: Uint8Array): number | null | string {
  const TOO_MANY = Symbol('too many entries');
  let count = 0;
  let total = 0;
  let chosen: { index: number; size: number } | null = null;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (count >= IMPORT_LIMITS.zipEntries) throw TOO_MANY;
        total += f.originalSize;
        if (chosen === null && /(^|\/)topology\.json$/.test(f.name)) chosen = { index: count, size: f.originalSize };
        count++;
        return false;
      },
    });
  } catch (error) {
    if (error === TOO_MANY)
      return `the zip lists more than ${IMPORT_LIMITS.zipEntries} entries; at most ${IMPORT_LIMITS.zipEntries} are read`;
    throw error;
  }
  if (total > IMPORT_LIMITS.zipTotalBytes)
    return `the zip's entries expand to ${total} bytes; at most ${IMPORT_LIMITS.zipTotalBytes} are read`;
  const found = chosen as { index: number; size: number } | null;
  if (found && found.size > IMPORT_LIMITS.zipEntryBytes)
    return `topology.json expands to ${found.size} bytes; at most ${IMPORT_LIMITS.zipEntryBytes} are read`;
  return found ? found.index : null;
}

function designName(files: ImportResult['files']): string {
  const names = files.filter((f) => f.format !== null).map((f) => f.name.replace(/^.*[\\/]/, ''));
  return names.length > 0 ? `Imported from ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}` : 'Imported design';
}

export type { FormatImporter };
