/** The `viplane` command as users run it: a real process, real files, exit codes and output. */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '@viplane/validator';
import { templates } from '@viplane/templates';

const bin = fileURLToPath(new URL('../bin/viplane.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'viplane-cli-'));

function viplane(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('viplane CLI', () => {
  let designPath = '';
  beforeAll(() => {
    const shown = viplane(['templates', 'show', 'seed000-3net-alb']);
    expect(shown.code, shown.stderr).toBe(0);
    designPath = file('three.json', shown.stdout);
  });

  it('rules --format json lists every catalogue id', () => {
    const r = viplane(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; severity: string; category: string; description: string }[];
    expect(list.map((x) => x.id).sort()).toEqual(Object.keys(CATALOGUE).sort());
    for (const rule of list) expect(rule.severity).toBe(CATALOGUE[rule.id]);
  });

  it('templates --format json lists every template with its seed', () => {
    const r = viplane(['templates', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(templates.map((t) => ({ id: t.id, title: t.title, seed: t.seed })));
  });

  it('validates a clean template with exit 0 and an empty diagnostic list', () => {
    const r = viplane(['validate', designPath, '--format', 'json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(
      (JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.filter((d) => (d as { severity: string }).severity === 'error'),
    ).toEqual([]);
  });

  it('exits 1 and names the rule and targets when the design has errors (from stdin)', () => {
    const doc = JSON.parse(viplane(['templates', 'show', 'seed000-3net-alb']).stdout);
    const cluster = doc.elements.find(
      (e: { kind: string; props: { role: string } }) => e.kind === 'tkgCluster' && e.props.role === 'workload',
    );
    cluster.props.podCidr = '192.168.32.0/20';
    const r = viplane(['validate', '-', '--format', 'json'], JSON.stringify(doc));
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { ruleId: string; targets: { id: string }[] }[] };
    const hit = diagnostics.find((d) => d.ruleId === 'ipam/cluster-cidr-overlap');
    expect(hit?.targets.map((t) => t.id)).toContain(cluster.id);
  });

  it('exits 2 on malformed JSON with line and column', () => {
    const r = viplane(['validate', file('bad.json', '{\n  "schemaVersion": 1,\n  "name": }\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:3:\d+: invalid JSON/);
  });

  it('exits 2 on an unknown schemaVersion, naming it', () => {
    const r = viplane(['validate', file('future.json', JSON.stringify({ schemaVersion: 42, name: 'x', elements: [], links: [] }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/schemaVersion');
    expect(r.stderr).toContain('42');
  });

  it('exits 2 on a missing file and on an unknown command', () => {
    expect(viplane(['validate', join(dir, 'nope.json')]).stderr).toMatch(/no such file/);
    expect(viplane(['validate', join(dir, 'nope.json')]).code).toBe(2);
    expect(viplane(['frobnicate']).code).toBe(2);
  });

  it('traces from the client network to the VIP network hop by hop', () => {
    const r = viplane(['trace', designPath, '--from', 'clients', '--to', '192.168.49.10', '--format', 'json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { delivered: boolean; hops: { hostId: string | null }[] };
    expect(result.delivered).toBe(true);
    expect(result.hops.length).toBeGreaterThanOrEqual(2);
  });

  it('traces clients to an app through the SE and a NodePort and back (kube-vip 3-network design), text and JSON', () => {
    const template = templates.find((t) => t.id === 'seed000-3net-kubevip')!;
    const path = file('kubevip.json', JSON.stringify(template.build()));
    const json = viplane(['trace', path, '--from', 'clients', '--to', 'nginx', '--format', 'json']);
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as {
      delivered: boolean;
      replied: boolean | null;
      mode: string;
      legs: { kind: string; delivered: boolean; hops: { elementId: string | null; nat?: { kind: string; to: string }[] }[] }[];
    };
    expect(result).toMatchObject({ delivered: true, replied: true, mode: 'nodeport' });
    expect(result.legs.map((l) => l.kind)).toEqual(['forward', 'forward', 'reply', 'reply']);
    expect(result.legs[1]!.hops[0]!.elementId).toBe('se-group-default');
    expect(result.legs[1]!.hops[0]!.nat).toContainEqual(expect.objectContaining({ kind: 'snat', to: '192.168.48.10' }));

    const text = viplane(['trace', path, '--from', 'clients', '--to', 'nginx']);
    expect(text.code).toBe(0);
    // Names, not ids, in the header and hops; the reply legs are printed.
    expect(text.stdout.split('\n')[0]).toBe('trace clients (anywhere) (198.51.100.10) -> nginx (192.168.49.0)');
    expect(text.stdout).toContain('SNAT 198.51.100.10 => 192.168.48.10');
    expect(text.stdout).toMatch(/^<- reply: Default-Group → client/m);
    expect(text.stdout).not.toContain('se-group-default');
  });

  it('prints the firewall decision on the hop and the deny that stops the leg', () => {
    const doc = templates.find((t) => t.id === 'seed000-3net-kubevip')!.build();
    // The L3 switch becomes a firewall that denies the nginx virtual service's port.
    const i = doc.elements.findIndex((e) => e.id === 'l3-switch');
    const l3 = doc.elements[i]!;
    if (l3.kind !== 'router') throw new Error('seed 000 has no L3 switch');
    doc.elements[i] = {
      ...l3,
      kind: 'firewall',
      props: {
        staticRoutes: l3.props.staticRoutes,
        routingDomain: l3.props.routingDomain,
        rules: [
          { id: 'ssh', action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: '22' },
          { id: 'no-web', action: 'deny', sources: [], destinations: [], protocol: 'tcp', ports: '80' },
        ],
      },
    };
    const r = viplane(['trace', file('firewall.json', JSON.stringify(doc)), '--from', 'clients', '--to', 'nginx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('filter rule 2: deny');
    expect(r.stdout).toMatch(/dropped \(filtered\): the firewall L3 switch denies TCP .* port 80 \(rule 2 "no-web"\)/);
  });

  it('exits 1 when the reply cannot get back (data VRF without a default route)', () => {
    const template = templates.find((t) => t.id === 'seed000-3net-alb')!;
    const broken = template.mutations.find((m) => m.id === 'no-data-default-route')!.apply(template.build());
    const path = file('no-default.json', JSON.stringify(broken));
    const r = viplane(['trace', path, '--from', 'clients', '--to', '192.168.49.10', '--format', 'json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as {
      delivered: boolean;
      replied: boolean;
      legs: { kind: string; drop?: { reason: string; hostId: string } }[];
    };
    expect(result).toMatchObject({ delivered: true, replied: false });
    expect(result.legs.at(-1)).toMatchObject({ kind: 'reply', drop: { reason: 'no-route', hostId: 'se-group-default' } });
  });

  it('validates a design whose static route next hops are empty or malformed: findings, no stack trace', () => {
    const doc = JSON.parse(viplane(['templates', 'show', 'seed003-ako-static-route']).stdout) as {
      elements: { kind: string; props: { vrfs?: { staticRoutes: { id: string; nextHop: string | null }[] }[] } }[];
    };
    const routes = doc.elements.flatMap((e) => (e.kind === 'aviController' ? (e.props.vrfs ?? []).flatMap((v) => v.staticRoutes) : []));
    expect(routes.length).toBeGreaterThan(1);
    routes.forEach((r, i) => (r.nextHop = i % 2 === 0 ? '' : '1.2.3'));
    const r = viplane(['validate', file('bad-next-hop.json', JSON.stringify(doc)), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { diagnostics: { ruleId: string; targets: { id: string }[] }[] }).diagnostics;
    expect(found.filter((d) => d.ruleId.startsWith('internal/'))).toEqual([]);
    const malformed = routes.filter((x) => x.nextHop === '1.2.3').map((x) => x.id);
    const reported = found.filter((d) => d.ruleId === 'ipam/invalid-cidr').flatMap((d) => d.targets.map((t) => t.id));
    expect(reported).toEqual(expect.arrayContaining(malformed));
  });

  it('text output is readable without colours when not a TTY', () => {
    const r = viplane(['validate', designPath]);
    expect(r.stdout).not.toContain(String.fromCharCode(27));
    expect(r.stdout).toMatch(/0 error\(s\)/);
  });
});
