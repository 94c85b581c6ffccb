/** `viplane handoff` as users run it: a real process writing the network handoff as a directory or a zip. */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-handoff-'));

function viplane(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FILES = [
  'handoff.md',
  'handoff.html',
  'handoff.xlsx',
  'csv/vlans.csv',
  'csv/subnets.csv',
  'csv/firewall-matrix.csv',
  'netbox/prefixes.csv',
  'netbox/vlans.csv',
  'netbox/ip-ranges.csv',
  'netbox/ip-addresses.csv',
];

describe('viplane handoff', () => {
  let design = '';
  beforeAll(() => {
    const shown = viplane(['templates', 'show', 'seed000-3net-kubevip']);
    expect(shown.code, shown.stderr).toBe(0);
    design = join(dir, 'kubevip.json');
    writeFileSync(design, shown.stdout);
  });

  it('writes the handoff into a directory', { timeout: 60_000 }, () => {
    const out = join(dir, 'handoff');
    const r = viplane(['handoff', design, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote 15 files to /);
    for (const p of FILES) expect(existsSync(join(out, p)), p).toBe(true);
    expect(readFileSync(join(out, 'csv', 'subnets.csv'), 'utf8')).toContain(
      'dp-data-52,192.168.52.0/22,192.168.52.1,52,192.168.54.1-192.168.55.254',
    );
    expect(readFileSync(join(out, 'handoff.md'), 'utf8')).toContain('| dp-data-52 | 192.168.52.100 | Kubernetes API endpoint | tkg-mgmt |');
    expect([...readFileSync(join(out, 'handoff.xlsx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('writes a zip from stdin; the same design gives the same bytes', { timeout: 60_000 }, () => {
    const text = readFileSync(design, 'utf8');
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    expect(viplane(['handoff', '-', '--out', a], text).code).toBe(0);
    expect(viplane(['handoff', design, '--out', b]).code).toBe(0);
    const entries = unzipSync(new Uint8Array(readFileSync(a)));
    for (const p of FILES) expect(Object.keys(entries), p).toContain(p);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('is a usage error (exit 2) without --out or with an unreadable design', () => {
    const noOut = viplane(['handoff', design]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(viplane(['handoff', join(dir, 'missing.json'), '--out', join(dir, 'x')]).code).toBe(2);
  });
});
