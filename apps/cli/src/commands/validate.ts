/**
 * `viplane validate <file|-> [--format text|json] [--fix [--out file] [--dry-run]]`: exit 0 clean,
 * 1 errors, 2 unusable input. --fix applies the unambiguous quick fixes first (fixes.ts).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validate, type Diagnostic } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import { readDesign } from '../io.ts';
import type { Command, Io, ParsedArgs } from './command.ts';
import { styler } from '../style.ts';
import { fixDesign, type FixOutcome } from './fixes.ts';

export const validateCommand: Command = {
  async run(args, io) {
    const source = args.positionals[0];
    if (!source) throw io.usage('validate needs a file (or - for stdin)');
    if (!args.fix && (args.dryRun || args.out !== undefined)) throw io.usage(`${args.dryRun ? '--dry-run' : '--out'} only goes with --fix`);
    if (args.fix && source === '-' && args.out === undefined && !args.dryRun)
      throw io.usage('validate --fix on stdin needs --out <file> for the fixed design (or --dry-run)');
    const document = await readDesign(source, io.stdin);
    if (args.fix) return exitCode(await runFix(document, source, args, io), io);
    const diagnostics = validate(document);
    if (args.format === 'json') {
      io.stdout.write(`${JSON.stringify({ diagnostics: diagnostics.map(toJson) }, null, 2)}\n`);
    } else {
      io.stdout.write(renderText(document, diagnostics, styler(io.stdout)));
    }
    return exitCode(diagnostics, io);
  },
};

function exitCode(diagnostics: readonly Diagnostic[], io: Io): number {
  // A rule that failed (internal/*) means the design was not fully checked: exit 2, like unusable input,
  // with one line on stderr naming the rules, so a pipeline never takes a partial check for a pass.
  const failed = diagnostics.filter((d) => d.ruleId.startsWith('internal/')).map((d) => String(d.data.rule ?? d.ruleId));
  if (failed.length > 0) {
    io.stderr.write(`viplane: internal failure in ${failed.join(', ')} (a Viplane bug); the design was not fully checked\n`);
    return 2;
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** Fixes, writes (unless --dry-run) and reports; returns the fixed design's findings. */
async function runFix(document: TopologyDocument, source: string, args: ParsedArgs, io: Io): Promise<Diagnostic[]> {
  const outcome = fixDesign(document);
  // The input file is rewritten only when something changed; --out always gets the design.
  const target = args.dryRun ? null : (args.out ?? (outcome.applied.length > 0 ? source : null));
  if (target !== null) {
    try {
      await writeFile(resolve(target), `${JSON.stringify(outcome.document, null, 2)}\n`);
    } catch (error) {
      throw io.usage(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (args.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        {
          fixed: outcome.applied,
          notFixed: outcome.skipped,
          diagnostics: outcome.diagnostics.map(toJson),
          written: target,
          capped: outcome.capped,
        },
        null,
        2,
      )}\n`,
    );
  } else io.stdout.write(renderFixes(outcome, target, args.dryRun === true, styler(io.stdout)));
  return outcome.diagnostics;
}

function renderFixes(outcome: FixOutcome, written: string | null, dryRun: boolean, s: ReturnType<typeof styler>): string {
  const names = new Map(outcome.document.elements.map((e) => [e.id, e.name]));
  const where = (ids: readonly string[]) =>
    ids
      .map((id) => names.get(id) ?? id)
      .slice(0, 3)
      .join(', ');
  const value = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  const lines: string[] = [];
  lines.push(s('bold', `${dryRun ? 'Would fix' : 'Fixed'} (${outcome.applied.length}):`));
  for (const f of outcome.applied) {
    lines.push(`  ${s('green', dryRun ? 'would fix' : 'fixed')}  ${f.ruleId} @ ${where(f.targets)}: ${f.title}`);
    for (const c of f.changes) lines.push(s('dim', `         ${c.where} ${c.field}: ${value(c.before)} → ${value(c.after)}`));
  }
  if (outcome.skipped.length > 0) {
    lines.push('', s('bold', `Not fixed (${outcome.skipped.length}):`));
    for (const f of outcome.skipped)
      lines.push(`  ${s('yellow', 'skipped')}  ${f.ruleId} @ ${where(f.targets)}: ${f.reason} (${f.titles.join(' | ')})`);
  }
  if (outcome.capped) lines.push('', s('yellow', `Stopped after ${outcome.applied.length} fixes (the cap); run again to go on.`));
  lines.push('', s('bold', 'Remaining findings:'));
  const report = renderText(outcome.document, outcome.diagnostics, s);
  lines.push(report.trimEnd());
  lines.push(
    dryRun
      ? s('dim', 'Dry run: nothing written.')
      : written
        ? `Fixed design written to ${written}.`
        : s('dim', 'Nothing fixed: the design file is unchanged.'),
  );
  return `${lines.join('\n')}\n`;
}

function toJson(d: Diagnostic) {
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, data: d.data, targets: d.targets };
}

function renderText(document: TopologyDocument, diagnostics: Diagnostic[], s: ReturnType<typeof styler>): string {
  const names = new Map(document.elements.map((e) => [e.id, e.name]));
  const mark = { error: s('red', 'error  '), warning: s('yellow', 'warning'), info: s('cyan', 'info   ') };
  const lines = diagnostics.map((d) => {
    const where = d.targets
      .map((t) => names.get(t.id) ?? t.id)
      .slice(0, 3)
      .join(', ');
    return `${mark[d.severity]}  ${d.message}  ${s('dim', `${d.ruleId}${where ? ` @ ${where}` : ''}`)}`;
  });
  const count = (sev: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === sev).length;
  const summary = `${document.name}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
  return `${[...lines, '', diagnostics.length === 0 ? s('green', `${summary} — no problems found`) : s('bold', summary)].join('\n')}\n`;
}
