/**
 * CLI conventions (issue 11 §6): --version, `<command> --help` and `help <command>`, data on stdout
 * and messages on stderr with the documented exit code, and a bundle in which each command loads only
 * what it needs.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const COMMANDS = ['validate', 'trace', 'rules', 'templates', 'export', 'handoff', 'import'];

function viplane(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('viplane conventions', () => {
  it('--version prints the package version on stdout', () => {
    const version = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string })
      .version;
    for (const flag of ['--version', '-V']) {
      const r = viplane([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`viplane ${version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('--help and help list every command on stdout; no arguments is a usage error on stderr', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = viplane(args);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c} `);
    }
    const bare = viplane([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('usage: viplane <command>');
  });

  it.each(COMMANDS)('%s --help, -h and help <command> print the same usage on stdout, exit 0', (name) => {
    const flag = viplane([name, '--help']);
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stdout).toMatch(new RegExp(`^usage: viplane ${name} `));
    expect(flag.stdout).toMatch(/exit codes: 0/);
    expect(flag.stderr).toBe('');
    expect(viplane(['help', name]).stdout).toBe(flag.stdout);
    expect(viplane([name, '-h']).stdout).toBe(flag.stdout);
  });

  it('help of an unknown command, an unknown command and an option a command does not take: exit 2, stderr only', () => {
    for (const args of [
      ['help', 'frobnicate'],
      ['frobnicate'],
      ['validate', 'x.json', '--to', 'y'],
      ['rules', '--out', 'x'],
      ['validate', 'x.json', '--format', 'yaml'],
    ]) {
      const r = viplane(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^viplane: /);
    }
    expect(viplane(['validate', 'x.json', '--to', 'y']).stderr).toContain("'--to'");
  });

  it('usage errors of every command go to stderr with exit 2 and nothing on stdout', () => {
    const cases = [
      ['validate'],
      ['trace', 'x.json'],
      ['templates', 'show', 'nope'],
      ['export', 'x.json'],
      ['import'],
      ['import', 'visio', 'a.vsdx'],
    ];
    for (const args of cases) {
      const r = viplane(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('runs from the TypeScript sources too (VIPLANE_FROM_SOURCE=1), with the same answers', () => {
    const bundled = viplane(['rules', '--format', 'json']);
    const source = viplane(['rules', '--format', 'json'], { VIPLANE_FROM_SOURCE: '1' });
    expect(source.code).toBe(0);
    expect(source.stdout).toBe(bundled.stdout);
  });

  it('the bundle loads for validate neither the formats package nor the diagram/PNG libraries', () => {
    const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
    };
    const outputs = meta.outputs;
    const chunkOf = (source: string) => Object.keys(outputs).find((o) => Object.keys(outputs[o]!.inputs).some((i) => i.endsWith(source)));
    const validateChunk = chunkOf('src/commands/validate.ts');
    expect(validateChunk).toBeDefined();
    // Everything validate loads: its chunk and every chunk it imports statically, transitively.
    const loaded = new Set<string>();
    const visit = (o: string) => {
      if (loaded.has(o) || !outputs[o]) return;
      loaded.add(o);
      for (const i of outputs[o].imports) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(validateChunk!);
    const inputs = [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
    expect(inputs.some((i) => i.includes('packages/validator/src/'))).toBe(true);
    expect(inputs.filter((i) => i.includes('packages/formats/src/') || /elkjs|resvg|fflate|\/yaml\//.test(i))).toEqual([]);
    // The entry chunk itself loads no package: --help and --version answer without them.
    const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint?.endsWith('src/main.ts'))!;
    loaded.clear();
    visit(entry);
    const entryInputs = [...loaded].flatMap((o) => Object.keys(outputs[o]!.inputs));
    expect(entryInputs.filter((i) => /packages\/(model|validator|templates)\/src\//.test(i))).toEqual([]);
  });
});
