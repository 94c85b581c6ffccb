/**
 * `viplane handoff <file|-> --out <dir|file.zip>`: writes the network handoff (handoff.md,
 * handoff.html, csv/*.csv, handoff.xlsx, netbox/*.csv). A `.zip` target gets one zip file, anything
 * else is a directory (created when missing; files of the same name are replaced). Exit 0 when
 * written, 2 on unusable input or target. The handoff is about the design as drawn: findings are
 * `viplane validate`'s business, so they do not change the exit code.
 */
import { handoffFiles, handoffFlows, zipBundle } from '@viplane/formats';
import { readDesign } from '../io.ts';
import type { Command } from './command.ts';
import { writeFiles } from './writeFiles.ts';

export const handoffCommand: Command = {
  async run(args, io) {
    const source = args.positionals[0];
    if (!source) throw io.usage('handoff needs a file (or - for stdin) and --out <dir|file.zip>');
    if (args.positionals.length > 1) throw io.usage(`handoff takes one design, got ${args.positionals.length}`);
    const out = args.out;
    if (!out) throw io.usage('handoff needs --out <dir|file.zip>');
    const document = await readDesign(source, io.stdin);
    const files = await handoffFiles(document, handoffFlows(document));
    await writeFiles(io, out, files, () => zipBundle({ files }));
    io.stdout.write(`wrote ${files.length} files to ${out}\n`);
    return 0;
  },
};
