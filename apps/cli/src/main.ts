/**
 * `viplane`: the command-line entry. Parses arguments against the command table (commands/specs.ts),
 * answers --help and --version from it, and loads only the command it runs.
 *
 * Conventions (issue 11 §6): data on stdout, messages and errors on stderr; exit 0 ok, 1 findings
 * (errors found, trace dropped), 2 unusable input or an internal failure — never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { UsageError } from './errors.ts';
import type { Io, ParsedArgs } from './commands/command.ts';
import { COMMANDS, findCommand, type CommandSpec } from './commands/specs.ts';

const EXIT = 'exit codes: 0 ok, 1 errors found (or trace dropped, or designs differ), 2 unusable input';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'viplane — check and trace load-balancer topologies for Kubernetes on vSphere',
    '',
    'usage: viplane <command> [options]',
    '       viplane help <command> | viplane <command> --help | viplane --version',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    EXIT,
    '',
  ].join('\n');
}

function commandHelp(spec: CommandSpec): string {
  return [`usage: viplane ${spec.usage}`, '', spec.summary, '', ...spec.details, '  -h, --help            this help', ''].join('\n');
}

/** The version of this package (apps/cli/package.json: ../package.json from src/ and from dist/ alike). */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], streams: { stdout: Writable; stderr: Writable; stdin: Readable }): Promise<number> {
  const io: Io = { ...streams, usage: (message) => new UsageError(message) };
  const [name, ...rest] = argv;
  if (name === undefined) {
    streams.stderr.write(overview());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    streams.stdout.write(overview());
    return 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    streams.stdout.write(`viplane ${version()}\n`);
    return 0;
  }
  try {
    if (name === 'help') {
      if (rest.length === 0) {
        streams.stdout.write(overview());
        return 0;
      }
      const spec = findCommand(rest[0]!);
      if (!spec || rest.length > 1)
        throw new UsageError(`help takes one command name (${COMMANDS.map((c) => c.name).join(', ')}), got "${rest.join(' ')}"`);
      streams.stdout.write(commandHelp(spec));
      return 0;
    }
    const spec = findCommand(name);
    if (!spec) throw new UsageError(`unknown command "${name}"\n\n${overview()}`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(spec.options.map((o) => [o, { type: 'string' as const }])),
        ...Object.fromEntries((spec.flags ?? []).map((f) => [f, { type: 'boolean' as const }])),
      },
    });
    if (values['help']) {
      streams.stdout.write(commandHelp(spec));
      return 0;
    }
    const text = (key: string) => (values as Record<string, unknown>)[key] as string | undefined;
    const format = text('format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
    const args: ParsedArgs = {
      positionals,
      format,
      from: text('from'),
      to: text('to'),
      vrf: text('vrf'),
      out: text('out'),
      into: text('into'),
      catalogue: (values as Record<string, unknown>)['catalogue'] === true,
      fix: (values as Record<string, unknown>)['fix'] === true,
      dryRun: (values as Record<string, unknown>)['dry-run'] === true,
    };
    const command = await spec.load();
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const hint = error instanceof UsageError || !findCommand(name) ? '' : `\n(see viplane help ${name})`;
      streams.stderr.write(`viplane: ${(error as Error).message}${hint}\n`);
      return 2;
    }
    // A bug, not the user's input: one line, no stack trace (VIPLANE_DEBUG=1 prints it).
    const detail = process.env['VIPLANE_DEBUG'] ? String((error as Error).stack ?? error) : String((error as Error).message ?? error);
    streams.stderr.write(`viplane: internal error: ${detail}\n`);
    return 2;
  }
}
