/**
 * `viplane validate` when a rule failed inside the validator (internal/rule-failed): exit 2 and one line
 * on stderr naming the rule, never a stack trace and never exit 0. In-process, with a validator whose
 * duplicate-ip rule throws: no real document makes a rule throw any more (the property test sees to that).
 */
import { PassThrough, Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { templates } from '@viplane/templates';
import type * as Validator from '@viplane/validator';

vi.mock('@viplane/validator', async (importOriginal) => {
  const real = await importOriginal<typeof Validator>();
  const rules = real.rules.map((r) =>
    r.meta.id === 'ipam/duplicate-ip'
      ? {
          meta: r.meta,
          check() {
            throw new TypeError("Cannot read properties of null (reading 'family')");
          },
        }
      : r,
  );
  return { ...real, validate: (doc: Parameters<typeof real.validate>[0]) => real.validateWith(doc, rules) };
});

const { main } = await import('../src/main.ts');

function collect() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('viplane validate with a failing rule', () => {
  it('exits 2 with the rule named on stderr and the other findings on stdout', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'viplane-internal-')), 'design.json');
    writeFileSync(path, JSON.stringify(templates.find((t) => t.id === 'seed000-1net')!.build()));
    const out = collect();
    const err = collect();
    const code = await main(['validate', path, '--format', 'json'], { stdout: out.stream, stderr: err.stream, stdin: Readable.from([]) });
    expect(code).toBe(2);
    expect(err.text()).toMatch(/ipam\/duplicate-ip/);
    expect(err.text()).not.toMatch(/\n\s+at /);
    const found = (JSON.parse(out.text()) as { diagnostics: { ruleId: string; data: { rule?: string } }[] }).diagnostics;
    expect(found.filter((d) => d.ruleId === 'internal/rule-failed').map((d) => d.data.rule)).toEqual(['ipam/duplicate-ip']);
    // seed 000's one-network design has its seed's warning, still found by the other rules.
    expect(found.map((d) => d.ruleId)).toContain('security/single-network');
  });
});
