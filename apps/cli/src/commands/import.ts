/**
 * `viplane import <format|auto> <files...> [--out file] [--into design.json] [--format text|json]`:
 * turns TKG cluster configs, AKO values, TKC manifests, acc-provision inputs (or a topology.json /
 * bundle zip) into one design and checks it at once.
 *
 * The design goes to --out (or to stdout); the report — import problems with file:line:column, then
 * the validator's findings — to stdout when --out is given, else to stderr, so
 * `viplane import auto a.yaml > design.json` works; when nothing could be imported the report goes
 * to stderr and stdout stays empty. With --format json, stdout gets `{document, importDiagnostics, diagnostics}`.
 * Exit 0 clean, 1 import or design errors (the design is still written), 2 nothing usable.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IMPORT_FORMATS, importFiles, type ImportFormat, type ImportInput } from '@viplane/formats';
import { kindInfo, type TopologyDocument } from '@viplane/model';
import { validate, type Diagnostic } from '@viplane/validator';
import { readDesign, UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { styler } from '../style.ts';

export const importCommand: Command = {
  async run(args, io) {
    const [formatArg, ...paths] = args.positionals;
    if (!formatArg) throw io.usage(`import needs a format (auto, ${IMPORT_FORMATS.join(', ')}) and at least one file`);
    if (formatArg !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(formatArg))
      throw io.usage(`unknown import format "${formatArg}": use auto or one of ${IMPORT_FORMATS.join(', ')}`);
    if (paths.length === 0) throw io.usage('import needs at least one file');
    const inputs: ImportInput[] = [];
    for (const path of paths) inputs.push({ name: path, content: await readBytes(path) });
    const into = args.into ? await readDesign(args.into, io.stdin) : undefined;

    const result = await importFiles(inputs, { format: formatArg as ImportFormat | 'auto', ...(into ? { into } : {}) });
    const diagnostics = result.document ? validate(result.document) : [];
    if (result.document && args.out) await writeFile(resolve(args.out), `${JSON.stringify(result.document, null, 2)}\n`);

    if (args.format === 'json') {
      io.stdout.write(`${JSON.stringify({ document: result.document, importDiagnostics: result.diagnostics, diagnostics }, null, 2)}\n`);
    } else {
      // The report is the output when the design went to a file; beside a design on stdout, and when
      // nothing could be imported, it is a message: stderr.
      const report = args.out && result.document ? io.stdout : io.stderr;
      if (result.document && !args.out) io.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
      report.write(renderReport(result.document, result.created, result.diagnostics, diagnostics, args.out, styler(report)));
    }
    if (!result.document) return 2;
    return [...result.diagnostics, ...diagnostics].some((d) => d.severity === 'error') ? 1 : 0;
  },
};

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`,
    );
  }
}

function renderReport(
  document: TopologyDocument | null,
  created: readonly string[],
  importDiagnostics: readonly Diagnostic[],
  diagnostics: readonly Diagnostic[],
  out: string | undefined,
  s: ReturnType<typeof styler>,
): string {
  const mark = { error: s('red', 'error  '), warning: s('yellow', 'warning'), info: s('cyan', 'info   ') };
  const lines: string[] = [];
  if (importDiagnostics.length > 0) {
    lines.push(s('bold', 'Import'));
    for (const d of importDiagnostics) lines.push(`${mark[d.severity]}  ${d.message}  ${s('dim', d.ruleId)}`);
    lines.push('');
  }
  if (!document) return `${[...lines, s('red', 'nothing was imported')].join('\n')}\n`;

  const names = new Map(document.elements.map((e) => [e.id, e.name]));
  const createdSet = new Set(created);
  const added = document.elements.filter((e) => createdSet.has(e.id));
  lines.push(s('bold', `Design${out ? ` (written to ${out})` : ''}: ${added.length} element(s) added`));
  for (const e of added)
    lines.push(`  ${kindInfo[e.kind].label.padEnd(24)} ${e.name}${e.unknown ? s('dim', `  (unknown: ${e.unknown.join(', ')})`) : ''}`);
  lines.push('', s('bold', 'Validation'));
  for (const d of diagnostics) {
    const where = d.targets
      .map((t) => names.get(t.id) ?? t.id)
      .slice(0, 3)
      .join(', ');
    lines.push(`${mark[d.severity]}  ${d.message}  ${s('dim', `${d.ruleId}${where ? ` @ ${where}` : ''}`)}`);
  }
  const count = (list: readonly Diagnostic[], sev: Diagnostic['severity']) => list.filter((d) => d.severity === sev).length;
  const errors = count(diagnostics, 'error') + count(importDiagnostics, 'error');
  const summary = `${errors} error(s), ${count(diagnostics, 'warning') + count(importDiagnostics, 'warning')} warning(s), ${count(diagnostics, 'info')} info`;
  lines.push('', errors === 0 ? s('green', `${summary} — imported clean`) : s('bold', summary));
  return `${lines.join('\n')}\n`;
}
