/** `viplane validate <file|-> [--format text|json]`: exit 0 clean, 1 errors, 2 unusable input. */
import { validate, type Diagnostic } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { styler } from '../style.ts';

export const validateCommand: Command = {
  async run(args, io) {
    const source = args.positionals[0];
    if (!source) throw io.usage('validate needs a file (or - for stdin)');
    const document = await readDesign(source, io.stdin);
    const diagnostics = validate(document);
    if (args.format === 'json') {
      io.stdout.write(`${JSON.stringify({ diagnostics: diagnostics.map(toJson) }, null, 2)}\n`);
    } else {
      io.stdout.write(renderText(document, diagnostics, styler(io.stdout)));
    }
    // A rule that failed (internal/*) means the design was not fully checked: exit 2, like unusable input,
    // with one line on stderr naming the rules, so a pipeline never takes a partial check for a pass.
    const failed = diagnostics.filter((d) => d.ruleId.startsWith('internal/')).map((d) => String(d.data.rule ?? d.ruleId));
    if (failed.length > 0) {
      io.stderr.write(`viplane: internal failure in ${failed.join(', ')} (a Viplane bug); the design was not fully checked\n`);
      return 2;
    }
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};

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
