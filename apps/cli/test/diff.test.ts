/** `viplane diff` as users run it: exit codes, the text and JSON output, diagnostics introduced and resolved. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templates } from '@viplane/templates';
import type { TopologyDocument } from '@viplane/model';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-diff-'));

function viplane(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function save(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

const base = (): TopologyDocument => structuredClone(templates.find((t) => t.id === 'seed000-3net-alb')!.build());

describe('viplane diff', () => {
  it('exits 0 for the same design, also with its elements and links in another order', () => {
    const doc = base();
    const a = save('same-a.json', doc);
    const b = save('same-b.json', { ...doc, elements: [...doc.elements].reverse(), links: [...doc.links].reverse() });
    const r = viplane(['diff', a, b]);
    expect(r.code, r.stderr).toBe(0);
    expect(viplane(['diff', a, '-'], JSON.stringify(doc)).code).toBe(0);
  });

  it('exits 1 and lists the changed field with old and new value, a move apart, and the problem introduced', () => {
    const doc = base();
    const a = save('a.json', doc);
    const changed = base();
    const cluster = changed.elements.find((e) => e.kind === 'tkgCluster' && e.props.role === 'workload')!;
    if (cluster.kind !== 'tkgCluster') throw new Error('fixture');
    cluster.props.podCidr = '192.168.32.0/20'; // overlaps a network: ipam/cluster-cidr-overlap
    const moved = changed.elements.find((e) => e.id !== cluster.id)!;
    moved.position = { x: moved.position.x + 40, y: moved.position.y };
    const b = save('b.json', changed);

    const r = viplane(['diff', a, b, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.identical).toBe(false);
    expect(out.elements.changed).toEqual([
      expect.objectContaining({
        id: cluster.id,
        fields: [{ path: 'props.podCidr', before: expect.any(String), after: '192.168.32.0/20' }],
      }),
    ]);
    expect(out.elements.moved.map((c: { id: string }) => c.id)).toEqual([moved.id]);
    expect(out.diagnostics.introduced.map((d: { ruleId: string }) => d.ruleId)).toContain('ipam/cluster-cidr-overlap');
    expect(out.diagnostics.resolved).toEqual([]);

    const back = JSON.parse(viplane(['diff', b, a, '--format', 'json']).stdout);
    expect(back.diagnostics.resolved.map((d: { ruleId: string }) => d.ruleId)).toContain('ipam/cluster-cidr-overlap');

    const text = viplane(['diff', a, b]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('props.podCidr');
    expect(text.stdout).toContain('192.168.32.0/20');
  });

  it('exits 2 naming the file and the field of unusable input', () => {
    const a = save('ok.json', base());
    const broken = save('broken.json', { ...base(), environment: 'staging' });
    const r = viplane(['diff', a, broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toContain('/environment');
    expect(viplane(['diff', a]).code).toBe(2);
    expect(viplane(['diff', a, save('bad.json', '{"x":')]).stderr).toMatch(/bad\.json:1:\d+/);
  });
});
