/**
 * `viplane diff <a> <b> [--format text|json]`: what changed in meaning between two designs (and
 * what only moved), with the diagnostics the change introduced and resolved.
 * Exit 0: the same design (layout included), 1: different, 2: unusable input.
 */
import { diffDocuments, type DocumentDiff, type Element, type FieldChange, type Link, type TopologyDocument } from '@viplane/model';
import { diffDiagnostics, validate, type Diagnostic, type DiagnosticsDiff } from '@viplane/validator';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { styler } from '../style.ts';

export const diffCommand: Command = {
  async run(args, io) {
    const [first, second] = args.positionals;
    if (!first || !second) throw io.usage('diff needs two designs: diff <a> <b> (one of them may be - for stdin)');
    if (first === '-' && second === '-') throw io.usage('diff can read only one of its two designs from stdin');
    const a = await readDesign(first, io.stdin);
    const b = await readDesign(second, io.stdin);
    const diff = diffDocuments(a, b);
    const diagnostics = diffDiagnostics(validate(a), validate(b));
    if (args.format === 'json') io.stdout.write(`${JSON.stringify({ ...diff, diagnostics: toJson(diagnostics) }, null, 2)}\n`);
    else io.stdout.write(renderText(a, b, diff, diagnostics, styler(io.stdout)));
    return diff.identical ? 0 : 1;
  },
};

function toJson(d: DiagnosticsDiff) {
  const one = (x: Diagnostic) => ({ ruleId: x.ruleId, severity: x.severity, message: x.message, targets: x.targets });
  return { introduced: d.introduced.map(one), resolved: d.resolved.map(one), unchanged: d.unchanged };
}

const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));

function renderText(
  a: TopologyDocument,
  b: TopologyDocument,
  diff: DocumentDiff,
  diagnostics: DiagnosticsDiff,
  s: ReturnType<typeof styler>,
): string {
  const names = new Map([...a.elements, ...b.elements].map((e) => [e.id, e.name]));
  const label = (e: Pick<Element, 'id' | 'kind' | 'name'>) => `${e.kind} "${e.name}" (${e.id})`;
  const linkLabel = (l: Link) =>
    `${l.kind} ${names.get(l.from) ?? l.from} → ${names.get(l.to) ?? l.to}${l.address ? ` ${l.address}` : ''} (${l.id})`;
  const fields = (list: FieldChange[]) => list.map((f) => `    ${f.path}: ${show(f.before)} → ${show(f.after)}`);
  const lines: string[] = [];
  if (diff.document.length) lines.push(s('bold', 'document'), ...fields(diff.document));
  for (const e of diff.elements.added) lines.push(s('green', `+ ${label(e)}`));
  for (const e of diff.elements.removed) lines.push(s('red', `- ${label(e)}`));
  for (const c of diff.elements.changed) lines.push(s('yellow', `~ ${label(c)}${c.moved ? ' (also moved)' : ''}`), ...fields(c.fields));
  for (const l of diff.links.added) lines.push(s('green', `+ link ${linkLabel(l)}`));
  for (const l of diff.links.removed) lines.push(s('red', `- link ${linkLabel(l)}`));
  for (const c of diff.links.changed) lines.push(s('yellow', `~ link ${c.id}`), ...fields(c.fields));
  if (diff.elements.moved.length) lines.push(s('dim', `  moved only: ${diff.elements.moved.map((c) => c.name).join(', ')}`));
  for (const d of diagnostics.introduced) lines.push(`${s('red', 'introduced')}  ${d.message}  ${s('dim', d.ruleId)}`);
  for (const d of diagnostics.resolved) lines.push(`${s('green', 'resolved  ')}  ${d.message}  ${s('dim', d.ruleId)}`);
  const e = diff.elements;
  const summary = diff.identical
    ? s('green', 'the same design')
    : s(
        'bold',
        `${e.added.length} added, ${e.removed.length} removed, ${e.changed.length} changed, ${e.moved.length} moved; ` +
          `links ${diff.links.added.length} added, ${diff.links.removed.length} removed, ${diff.links.changed.length} changed; ` +
          `problems ${diagnostics.introduced.length} introduced, ${diagnostics.resolved.length} resolved`,
      );
  return `${[...lines, ...(lines.length ? [''] : []), summary].join('\n')}\n`;
}
