/** `viplane flows`: a design's flows and firewall matrix, and the catalogue, as users run them. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTemplate } from '@viplane/templates';
import { FLOW_CATALOGUE, type DesignFlows } from '@viplane/validator';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-flows-'));

function viplane(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function design(id: string, change?: (doc: ReturnType<NonNullable<ReturnType<typeof getTemplate>>['build']>) => void): string {
  const doc = getTemplate(id)!.build();
  change?.(doc);
  const path = join(dir, `${id}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('viplane flows', () => {
  it('--catalogue --format json lists every catalogue row', () => {
    const r = viplane(['flows', '--catalogue', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; sources: string[] }[];
    expect(rows.map((x) => x.id)).toEqual(FLOW_CATALOGUE.map((f) => f.id));
    expect(rows.find((x) => x.id === 'nsx-alb/se-controller-8443')?.sources).toContain('A6');
  });

  it('--catalogue in text names each flow', () => {
    const r = viplane(['flows', '--catalogue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kube-vip/garp');
  });

  it('json: the 3-network kube-vip design needs SE (-48) → NodePorts through the L3 switch', () => {
    const r = viplane(['flows', design('seed000-3net-kubevip'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as DesignFlows;
    const row = out.matrix.find((m) => m.flowIds.includes('ako/se-nodeport'));
    expect(row?.enforcementPointId).toBe('l3-switch');
    expect(row?.ports).toBe('30000-32767');
    expect(out.l2.some((l) => l.networkId === 'dp-data-52')).toBe(true);
  });

  it('text, exit 1 when a required flow is broken', () => {
    const broken = design('seed000-3net-alb', (doc) => {
      doc.links = doc.links.filter((l) => !(l.from === 'l3-switch' && l.to === 'dp-data-52'));
    });
    const r = viplane(['flows', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('broken');
    expect(r.stdout).toContain('firewall matrix');
  });

  it('usage errors exit 2', () => {
    expect(viplane(['flows']).code).toBe(2);
    expect(viplane(['flows', design('seed000-1net'), '--catalogue']).code).toBe(2);
  });
});
