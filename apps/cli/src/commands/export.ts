/**
 * `viplane export <file|-> --out <dir|file.zip>`: writes the deployment bundle (configs, diagrams
 * as SVG and PNG, address plan, network handoff, report, topology.json, README). A `.zip` target gets one zip file,
 * anything else is a directory (created when missing; files of the same name are replaced).
 * Exit 0 when written, 1 when written but the bundle has error findings (the validator's on the design
 * and the export's own format checks: one list, as in report.md), 2 on unusable input. What was written
 * and the counts go to stdout, each error finding to stderr.
 */
import { exportBundle, handoffFlows, zipBundle } from '@viplane/formats';
import type { Diagnostic } from '@viplane/validator';
import { pngWithinBundleBudget } from '@viplane/formats/png';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { writeFiles } from './writeFiles.ts';
import { styler } from '../style.ts';

export const exportCommand: Command = {
  async run(args, io) {
    const source = args.positionals[0];
    if (!source) throw io.usage('export needs a file (or - for stdin) and --out <dir|file.zip>');
    if (args.positionals.length > 1) throw io.usage(`export takes one design, got ${args.positionals.length}`);
    const out = args.out;
    if (!out) throw io.usage('export needs --out <dir|file.zip>');
    const document = await readDesign(source, io.stdin);
    const bundle = await exportBundle(document, { png: pngWithinBundleBudget(), flows: handoffFlows(document) });
    await writeFiles(io, out, bundle.files, () => zipBundle(bundle));
    const diagnostics: readonly Diagnostic[] = bundle.diagnostics ?? [];
    const count = (sev: string) => diagnostics.filter((d) => d.severity === sev).length;
    const s = styler(io.stdout);
    io.stdout.write(`wrote ${bundle.files.length} files to ${out}\n`);
    io.stdout.write(
      `${s('dim', `${document.name}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info (details in report.md)`)}\n`,
    );
    const e = styler(io.stderr);
    for (const d of diagnostics) if (d.severity === 'error') io.stderr.write(`${e('red', 'error')}  ${d.message}  ${e('dim', d.ruleId)}\n`);
    return count('error') > 0 ? 1 : 0;
  },
};
