/** `viplane export` as users run it: a real process writing a bundle directory or zip. */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-export-'));

function viplane(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('viplane export', () => {
  let design = '';
  beforeAll(() => {
    const shown = viplane(['templates', 'show', 'seed000-3net-alb']);
    expect(shown.code, shown.stderr).toBe(0);
    design = join(dir, 'three.json');
    writeFileSync(design, shown.stdout);
  });

  it('writes the bundle into a directory, PNGs included', { timeout: 60_000 }, () => {
    const out = join(dir, 'bundle');
    const r = viplane(['export', design, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files to /);
    for (const p of [
      'README.md',
      'topology.json',
      'report.md',
      'report.html',
      'address-plan.csv',
      'diagrams/routing-Default-Group.svg',
      'avi/apply.sh',
    ])
      expect(existsSync(join(out, p)), p).toBe(true);
    const png = readFileSync(join(out, 'diagrams', 'routing-Default-Group.png'));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(JSON.parse(readFileSync(join(out, 'topology.json'), 'utf8')).origin).toBe('seed000-3net-alb');
  });

  it('writes a zip from stdin, and exits 1 when the design has errors', { timeout: 60_000 }, () => {
    const doc = JSON.parse(readFileSync(design, 'utf8'));
    const controller = doc.elements.find((e: { kind: string }) => e.kind === 'aviController');
    controller.props.vrfs = controller.props.vrfs.map((v: { name: string }) => (v.name === 'global' ? { ...v, staticRoutes: [] } : v));
    const out = join(dir, 'out', 'broken.zip');
    const r = viplane(['export', '-', '--out', out], JSON.stringify(doc));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/1 error\(s\)/);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(entries)).toContain('README.md');
    expect(Object.keys(entries)).toContain('diagrams/design.png');
    expect(Buffer.from(entries['README.md']!).toString('utf8')).toContain('routing/no-default-gateway');
  });

  it('exits 1 with the error on stderr for a fact once found only at export (endpoint = the vCenter)', { timeout: 60_000 }, () => {
    const doc = JSON.parse(readFileSync(design, 'utf8'));
    const vcenter = doc.elements.find((e: { kind: string }) => e.kind === 'vcenter');
    const wc = doc.elements.find((e: { kind: string; props: { role: string } }) => e.kind === 'tkgCluster' && e.props.role === 'workload');
    wc.props.endpoint.address = vcenter.props.server;
    const out = join(dir, 'vcenter-endpoint');
    const r = viplane(['export', '-', '--out', out], JSON.stringify(doc));
    expect(r.code).toBe(1);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
    expect(r.stderr).toContain('tkg/endpoint-is-vcenter');
    // The same finding in `viplane validate`: one list, not one at export and another on the canvas.
    const v = viplane(['validate', '-', '--format', 'json'], JSON.stringify(doc));
    expect(v.code).toBe(1);
    const found = (JSON.parse(v.stdout) as { diagnostics: { ruleId: string; targets: { id: string }[] }[] }).diagnostics.filter(
      (d) => d.ruleId === 'tkg/endpoint-is-vcenter',
    );
    expect(found.map((d) => d.targets.map((t) => t.id))).toEqual([[wc.id, vcenter.id]]);
    const errors = (JSON.parse(v.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(r.stdout).toContain(`${errors.length} error(s)`);
  });

  // Each case starts a process; on a loaded machine that takes seconds.
  it('exits 2 without --out', { timeout: 60_000 }, () => {
    const r = viplane(['export', design]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });

  it('exits 2 on a missing file and on malformed JSON', () => {
    const noFile = viplane(['export', join(dir, 'missing.json'), '--out', join(dir, 'x')]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/no such file/);
    const badJson = viplane(['export', '-', '--out', join(dir, 'y')], '{ "schemaVersion": 1,');
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/invalid JSON/);
  }, 60_000);

  it('exits 2 when the target cannot be written', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file');
    const r = viplane(['export', design, '--out', join(blocked, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*a file is in the way/);
  }, 60_000);
});
