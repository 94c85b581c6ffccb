/**
 * Import input limits (issue 12): each hostile input is an `import/limit` (or syntax) diagnostic
 * naming the limit, reached without the work it protects, never a crash or a blocked process.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { templates } from '@viplane/templates';
import { exportConfigs } from '../../src/configs.ts';
import { IMPORT_LIMITS, importFilesSync } from '../../src/import/index.ts';

const errors = (r: ReturnType<typeof importFilesSync>) =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ruleId: d.ruleId, message: d.message }));

/** A zip whose central directory lists `copies` entries that all point at one local file (one stream). */
function overlappingZip(content: Uint8Array, copies: number): Uint8Array {
  const base = zipSync({ 'a/topology.json': content }, { level: 9 });
  const view = new DataView(base.buffer, base.byteOffset, base.byteLength);
  const eocd = base.length - 22;
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const entry = base.slice(cdOffset, cdOffset + cdSize);
  const out = new Uint8Array(cdOffset + cdSize * copies + 22);
  out.set(base.subarray(0, cdOffset));
  for (let i = 0; i < copies; i++) {
    const copy = entry.slice();
    copy[46] = 0x61 + (i % 26); // a different first letter of the name, same length
    out.set(copy, cdOffset + i * cdSize);
  }
  const end = base.slice(eocd);
  const endView = new DataView(end.buffer);
  endView.setUint16(8, copies, true);
  endView.setUint16(10, copies, true);
  endView.setUint32(12, cdSize * copies, true);
  out.set(end, cdOffset + cdSize * copies);
  return out;
}

describe('import limits', () => {
  it('refuses a YAML block list nested 2,000 levels before composing it (it used to abort the process)', () => {
    let text = '';
    for (let i = 0; i < 2000; i++) text += `${' '.repeat(i)}-\n`;
    const r = importFilesSync([{ name: 'deep.yaml', content: text }]);
    expect(errors(r)).toEqual([{ ruleId: 'import/limit', message: expect.stringContaining(`at most ${IMPORT_LIMITS.yamlDepth}`) }]);
    const compact = importFilesSync([{ name: 'deep.yaml', content: `${'- '.repeat(5000)}x\n` }]);
    expect(errors(compact).map((e) => e.ruleId)).toEqual(['import/limit']);
    const flow = importFilesSync([{ name: 'deep.json', content: `${'['.repeat(50_000)}${']'.repeat(50_000)}` }]);
    expect(errors(flow).map((e) => e.ruleId)).toEqual(['import/limit']);
  });

  it('reads nesting up to the limit', () => {
    const content = `${'{"a":'.repeat(IMPORT_LIMITS.yamlDepth - 1)}1${'}'.repeat(IMPORT_LIMITS.yamlDepth - 1)}`;
    const r = importFilesSync([{ name: 'ok.json', content }]);
    expect(errors(r).map((e) => e.ruleId)).not.toContain('import/limit');
  });

  it('reports an alias to no anchor as a syntax error and an alias bomb as a limit, never throws', () => {
    expect(errors(importFilesSync([{ name: 'a.yaml', content: 'a: *nowhere\n' }])).map((e) => e.ruleId)).toEqual(['import/syntax']);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      laughs.push(
        `a${i}: &a${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(errors(importFilesSync([{ name: 'lol.yaml', content: laughs.join('\n') }])).map((e) => e.ruleId)).toEqual(['import/limit']);
  });

  it('checks a zip from its directory before inflating: many entries over one stream, an entry too large', () => {
    // 40 entries x 6 MB declared, all one 6 KB deflate stream: refused without inflating.
    const bomb = overlappingZip(new Uint8Array(6_000_000).fill(0x20), 40);
    expect(bomb.length).toBeLessThan(100_000);
    const r = importFilesSync([{ name: 'bomb.zip', content: bomb }]);
    expect(errors(r)).toEqual([{ ruleId: 'import/limit', message: expect.stringContaining(String(IMPORT_LIMITS.zipTotalBytes)) }]);
    const one = importFilesSync([{ name: 'big.zip', content: zipSync({ 'topology.json': new Uint8Array(6_000_000).fill(0x20) }) }]);
    expect(errors(one)).toEqual([{ ruleId: 'import/limit', message: expect.stringContaining(String(IMPORT_LIMITS.zipEntryBytes)) }]);
  });

  it('counts zip entries before reading any', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= IMPORT_LIMITS.zipEntries; i++) files[`f${i}.txt`] = strToU8('x');
    const r = importFilesSync([{ name: 'many.zip', content: zipSync(files, { level: 0 }) }]);
    expect(errors(r)).toEqual([{ ruleId: 'import/limit', message: expect.stringContaining(`more than ${IMPORT_LIMITS.zipEntries}`) }]);
  });

  it('keeps the unknown keys of an AKO values file in linear time (12,000 keys)', () => {
    const template = templates.find((t) => t.id === 'seed003-ako-static-route')!;
    const file = exportConfigs(template.build(), { only: ['ako'] }).files.find((f) => f.path.endsWith('-values.yaml'))!;
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `unknownKey${i}: value${i}`).join('\n');
    const started = performance.now();
    const r = importFilesSync([{ name: 'values.yaml', content: `${file.content}\n${keys(12_000)}\n` }]);
    // Quadratic, this took ~13 s (6,000 keys: 3.2 s); linear it is well under a second on a quiet machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.diagnostics.filter((d) => d.ruleId === 'import/unknown-key')).toHaveLength(12_000);
  });

  it('still reports a duplicate key as a syntax error', () => {
    expect(errors(importFilesSync([{ name: 'd.yaml', content: 'a: 1\nb: 2\na: 3\n' }])).map((e) => e.ruleId)).toEqual(['import/syntax']);
  });
});
