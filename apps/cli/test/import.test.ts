/** `viplane import` as users run it: seed 001's configs from a terminal (issue 6 "done when"). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { restore } from '@viplane/model';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-import-'));

function viplane(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Seed 001's management and cl1 configs as printed in the seed (docs/seeds/001.md §6). */
function seedFile(heading: string, name: string, edit: (text: string) => string = (t) => t): string {
  const text = readFileSync(fileURLToPath(new URL('../../../docs/seeds/001.md', import.meta.url)), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(text.indexOf(`\n${heading}`)))![1]!;
  const path = join(dir, name);
  writeFileSync(path, edit(block));
  return path;
}

interface JsonOut {
  document: { elements: { kind: string; name: string }[] } | null;
  importDiagnostics: { ruleId: string; severity: string }[];
  diagnostics: { ruleId: string; severity: string; targets: { id: string }[] }[];
}

describe('viplane import', () => {
  it("imports seed 001's configs (auto-detected) into a design with clusters, networks and NSX-T routing, exit 0", () => {
    const out = join(dir, 'design.json');
    const r = viplane(['import', 'auto', seedFile('### 6.1', 'management.yaml'), seedFile('### 6.2', 'clsuter01.yaml'), '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Segment\s+tanzu-overlay/);
    expect(r.stdout).toMatch(/Tier-1 gateway\s+tanzu-cl1/);
    expect(r.stdout).toContain('0 error(s)');
    const restored = restore(JSON.parse(readFileSync(out, 'utf8')));
    expect(restored.ok).toBe(true);
  });

  it('shows ipam/cluster-cidr-overlap on cl1 and tanzu-overlay when CLUSTER_CIDR is the node network, exit 1 (json)', () => {
    const cl1 = seedFile('### 6.2', 'cl1-bad.yaml', (t) => t.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.128.0/21'));
    const r = viplane(['import', 'tkg', seedFile('### 6.1', 'management.yaml'), cl1, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as JsonOut;
    const overlap = json.diagnostics.filter((d) => d.ruleId === 'ipam/cluster-cidr-overlap');
    expect(overlap.map((d) => d.targets.map((t) => t.id).sort())).toEqual([['cl1', 'tanzu-overlay']]);
  });

  it('writes the design to stdout and the report to stderr without --out', () => {
    const r = viplane(['import', 'auto', seedFile('### 6.2', 'cl1.yaml')]);
    expect(r.code).toBe(0);
    expect(restore(JSON.parse(r.stdout)).ok).toBe(true);
    expect(r.stderr).toContain('design/unknown-value');
  });

  it('exits 2 naming the file, line and column when nothing can be read', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'CLUSTER_NAME: cl1\nCNI: [antrea\n');
    const r = viplane(['import', 'auto', broken]);
    expect(r.code).toBe(2);
    // Nothing imported: the report is a message (stderr), stdout stays empty for a pipeline.
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: not valid JSON or YAML/);
    const withOut = viplane(['import', 'auto', broken, '--out', join(dir, 'never.json')]);
    expect(withOut.code).toBe(2);
    expect(withOut.stdout).toBe('');
    expect(withOut.stderr).toMatch(/broken\.yaml:\d+:\d+/);
  });

  it('refuses an unknown format or a missing file with exit 2', () => {
    expect(viplane(['import', 'visio', 'x.vsdx']).code).toBe(2);
    const missing = viplane(['import', 'auto', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
