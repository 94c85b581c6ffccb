/**
 * `viplane validate --fix` over the templates' mutations (the seeds' known mistakes, as in
 * packages/templates/test/quickfixes.test.ts): the policy (fixes.ts) in-process, then the command
 * (files written or not, output, exit codes) through main().
 */
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restore, type TopologyDocument } from '@viplane/model';
import { diffDiagnostics, validate, type Diagnostic } from '@viplane/validator';
import { templates } from '@viplane/templates';
import { fixDesign } from '../src/commands/fixes.ts';
import { main } from '../src/main.ts';

const mutated = (templateId: string, mutationId: string): TopologyDocument => {
  const t = templates.find((x) => x.id === templateId)!;
  return t.mutations.find((m) => m.id === mutationId)!.apply(t.build());
};
const key = (d: Diagnostic) => `${d.ruleId} [${d.targets.map((t) => t.id).join(', ')}]`;
const gatewayOf = (doc: TopologyDocument, id: string) =>
  (doc.elements.find((e) => e.id === id)!.props as { gateway?: string | null }).gateway;

describe('fixDesign', () => {
  const cases = templates.flatMap((t) =>
    t.mutations
      .map((m) => ({ name: `${t.id} / ${m.id}`, doc: m.apply(t.build()) }))
      .filter(({ doc }) => validate(doc).some((d) => d.suggestions?.length === 1)),
  );

  it('has template mutations to fix', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases.map((c) => [c.name, c.doc] as const))('%s: every unambiguous fix is applied, no new error, a valid document', (_, doc) => {
    const before = validate(doc);
    const outcome = fixDesign(doc);
    expect(outcome.applied.length).toBeGreaterThan(0);
    expect(outcome.capped).toBe(false);
    // What is left offers no single fix that was not tried and refused.
    const refused = new Set(outcome.skipped.map((s) => `${s.ruleId} [${s.targets.join(', ')}]`));
    expect(outcome.diagnostics.filter((d) => d.suggestions?.length === 1 && !refused.has(key(d))).map(key)).toEqual([]);
    expect(
      diffDiagnostics(before, outcome.diagnostics)
        .introduced.filter((d) => d.severity === 'error')
        .map(key),
    ).toEqual([]);
    expect(outcome.diagnostics).toEqual(validate(outcome.document));
    const restored = restore(JSON.parse(JSON.stringify(outcome.document)));
    expect(restored.ok).toBe(true);
  });

  it('reports the rule, the target, the title and the field changed', () => {
    const doc = mutated('seed000-3net-alb', 'gateway-typo');
    const outcome = fixDesign(doc);
    expect(outcome.applied).toHaveLength(1);
    const [fix] = outcome.applied;
    expect(fix!.ruleId).toBe('ipam/gateway-outside-subnet');
    expect(fix!.targets).toContain('dp-data-48');
    expect(fix!.title).toMatch(/192\.168\.48\.1/);
    expect(fix!.changes).toContainEqual(expect.objectContaining({ field: 'gateway', before: '192.168.84.1', after: '192.168.48.1' }));
    expect(gatewayOf(outcome.document, 'dp-data-48')).toBe('192.168.48.1');
    expect(gatewayOf(doc, 'dp-data-48')).toBe('192.168.84.1');
  });

  it('undoes and reports a fix after which a new error appears', () => {
    const doc = mutated('seed000-3net-alb', 'gateway-typo');
    // A validator that, once the gateway is 192.168.48.1, also finds an error elsewhere.
    const check = (d: TopologyDocument): Diagnostic[] => {
      const found = validate(d);
      if (gatewayOf(d, 'dp-data-48') !== '192.168.48.1') return found;
      return [
        ...found,
        { ruleId: 'test/new-error', severity: 'error', message: 'made by the fix', data: {}, targets: [{ kind: 'router', id: 'x' }] },
      ];
    };
    const outcome = fixDesign(doc, check);
    expect(outcome.applied).toEqual([]);
    expect(outcome.document).toBe(doc);
    expect(outcome.skipped).toEqual([
      expect.objectContaining({ ruleId: 'ipam/gateway-outside-subnet', reason: expect.stringMatching(/introduce test\/new-error/) }),
    ]);
  });

  it('leaves a finding with several suggestions to the user, listing them', () => {
    const doc = mutated('seed000-3net-alb', 'gateway-typo');
    const check = (d: TopologyDocument) =>
      validate(d).map((x) =>
        x.ruleId === 'ipam/gateway-outside-subnet' ? { ...x, suggestions: [...x.suggestions!, { title: 'Another way', edit: [] }] } : x,
      );
    const outcome = fixDesign(doc, check);
    expect(outcome.applied).toEqual([]);
    expect(outcome.skipped).toEqual([
      expect.objectContaining({
        ruleId: 'ipam/gateway-outside-subnet',
        titles: [expect.stringMatching(/192\.168\.48\.1/), 'Another way'],
        reason: expect.stringMatching(/2 possible fixes/),
      }),
    ]);
  });

  it('tries a fix that leaves its finding once, and stops', () => {
    const doc = mutated('seed000-3net-alb', 'gateway-typo');
    // The suggestion's edit changes nothing the rule looks at.
    const check = (d: TopologyDocument) =>
      validate(d).map((x) =>
        x.ruleId === 'ipam/gateway-outside-subnet'
          ? {
              ...x,
              suggestions: [
                {
                  title: 'Rename it',
                  edit: [{ op: 'set' as const, target: { kind: 'element' as const, id: 'dp-data-48', field: 'vlan' }, value: 48 }],
                },
              ],
            }
          : x,
      );
    const outcome = fixDesign(doc, check);
    expect(outcome.applied).toEqual([]);
    expect(outcome.skipped).toEqual([expect.objectContaining({ titles: ['Rename it'], reason: 'the finding is still there after it' })]);
  });
});

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

async function viplane(args: string[], stdin = '') {
  const out = collect();
  const err = collect();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, stdin: Readable.from([stdin]) });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('viplane validate --fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'viplane-fix-'));
  const write = (name: string, doc: TopologyDocument) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(doc, null, 2));
    return path;
  };
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as TopologyDocument;

  it('fixes the file in place, prints what it fixed and what remains, exit 0 when no error is left', async () => {
    const path = write('typo.json', mutated('seed000-3net-alb', 'gateway-typo'));
    const r = await viplane(['validate', path, '--fix']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Fixed \(1\):\n {2}fixed {2}ipam\/gateway-outside-subnet @ dp-data-48: .*192\.168\.48\.1/);
    expect(r.stdout).toContain('dp-data-48 gateway: "192.168.84.1" → "192.168.48.1"');
    expect(r.stdout).toContain('Remaining findings:');
    expect(r.stdout).toContain(`Fixed design written to ${path}.`);
    expect(gatewayOf(read(path), 'dp-data-48')).toBe('192.168.48.1');
    expect(validate(restoreOk(read(path))).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('--dry-run prints the same and writes nothing', async () => {
    const path = write('dry.json', mutated('seed000-3net-alb', 'gateway-typo'));
    const before = readFileSync(path, 'utf8');
    const r = await viplane(['validate', path, '--fix', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Would fix \(1\):\n {2}would fix {2}ipam\/gateway-outside-subnet @ dp-data-48/);
    expect(r.stdout).toContain('Dry run: nothing written.');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('--out writes the fixed design there and leaves the input alone; json lists fixed, not fixed and what remains', async () => {
    const path = write('bridge.json', mutated('seed000-3net-alb', 'node-network-in-docker-bridge'));
    const before = readFileSync(path, 'utf8');
    const outPath = join(dir, 'bridge-fixed.json');
    const r = await viplane(['validate', path, '--fix', '--out', outPath, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { fixed: { ruleId: string }[]; notFixed: unknown[]; diagnostics: Diagnostic[]; written: string };
    // The gateway is fixed, but the node network inside Docker's bridge is not something a fix decides.
    expect(report.fixed.map((f) => f.ruleId)).toEqual(['ipam/gateway-outside-subnet']);
    expect(report.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.code).toBe(1);
    expect(report.written).toBe(outPath);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(validate(restoreOk(read(outPath))).map(key)).toEqual(report.diagnostics.map(key));
  });

  it('leaves a design with nothing to fix untouched', async () => {
    const path = write('clean.json', templates.find((t) => t.id === 'seed000-3net-alb')!.build());
    const before = readFileSync(path, 'utf8');
    const r = await viplane(['validate', path, '--fix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Fixed \(0\):/);
    expect(r.stdout).toContain('Nothing fixed: the design file is unchanged.');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('on stdin needs --out, and --dry-run / --out need --fix (usage errors, exit 2)', async () => {
    const doc = JSON.stringify(mutated('seed000-3net-alb', 'gateway-typo'));
    const stdin = await viplane(['validate', '-', '--fix'], doc);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/--fix on stdin needs --out/);
    const outPath = join(dir, 'from-stdin.json');
    const ok = await viplane(['validate', '-', '--fix', '--out', outPath], doc);
    expect(ok.code).toBe(0);
    expect(gatewayOf(read(outPath), 'dp-data-48')).toBe('192.168.48.1');
    const dry = await viplane(['validate', '-', '--dry-run'], doc);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/--dry-run only goes with --fix/);
  });
});

function restoreOk(raw: unknown): TopologyDocument {
  const r = restore(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}
