/** `viplane`: the command-line entry. Parses arguments and dispatches to one command. */
import { parseArgs } from 'node:util';
import { UsageError } from './io.ts';
import type { Command, Io, ParsedArgs } from './commands/command.ts';
import { validateCommand } from './commands/validate.ts';
import { traceCommand } from './commands/trace.ts';
import { rulesCommand } from './commands/rules.ts';
import { templatesCommand } from './commands/templates.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { diffCommand } from './commands/diff.ts';
import type { Readable, Writable } from 'node:stream';

const commands: Command[] = [validateCommand, traceCommand, rulesCommand, templatesCommand, exportCommand, importCommand, diffCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'viplane — check and trace load-balancer topologies for Kubernetes on vSphere',
    '',
    'usage: viplane <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'exit codes: 0 ok, 1 errors found (or trace dropped, or designs differ), 2 unusable input',
    '',
  ].join('\n');
}

export async function main(argv: string[], streams: { stdout: Writable; stderr: Writable; stdin: Readable }): Promise<number> {
  const io: Io = { ...streams, usage: (message) => new UsageError(message) };
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    streams.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        from: { type: 'string' },
        to: { type: 'string' },
        vrf: { type: 'string' },
        out: { type: 'string' },
        into: { type: 'string' },
      },
    });
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, got "${values.format}"`);
    const args: ParsedArgs = { positionals, format: values.format, from: values.from, to: values.to, vrf: values.vrf, out: values.out, into: values.into };
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      streams.stderr.write(`viplane: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
