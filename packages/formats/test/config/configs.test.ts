/**
 * Properties every config export must have, for every template: files parse back, output is
 * byte-identical on a second run, no secret ever leaves as a value, paths are what the bundle
 * expects, and everything matches the golden files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '@viplane/templates';
import { SCHEMA_VERSION } from '@viplane/model';
import { CONFIG_FORMATS, PLACEHOLDER_PATTERN, exportConfigs } from '../../src/configs.ts';
import { DIAGNOSTICS_FILE, GOLDEN_DIR, goldenEntries, goldenPath } from './golden.ts';
import { parseFile, templateExports } from './reference.ts';

const exports = templateExports();

/** Keys whose value is a secret (or stands for one): they may only hold placeholders. */
const SECRET_KEY = /(password|passwd|_pwd$|pwd\b|secret|token|ca_?data|certificate_?authority|ssh_authorized_key|private_?key|cert_key)/i;

function secretValues(value: unknown, path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(value)) {
    // govc PropertyMapping: [{Key, Value}]
    return value.flatMap((v, i) => {
      if (v && typeof v === 'object' && 'Key' in v && 'Value' in v && SECRET_KEY.test(String((v as { Key: unknown }).Key)))
        return [{ path: `${path}[${String((v as { Key: unknown }).Key)}]`, value: (v as { Value: unknown }).Value }];
      return secretValues(v, `${path}[${i}]`);
    });
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    SECRET_KEY.test(k) && (typeof v !== 'object' || v === null) ? [{ path: `${path}.${k}`, value: v }] : secretValues(v, `${path}.${k}`),
  );
}

describe.each(exports)('$id', ({ id, result }) => {
  it('writes files under the format folders, sorted, without duplicates', () => {
    const paths = result.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) {
      expect(CONFIG_FORMATS as readonly string[]).toContain(p.split('/')[0]);
      expect(p).toMatch(/^[a-z]+\/[A-Za-z0-9._/-]+\.(yaml|json|sh)$/);
    }
  });

  it('writes files that parse back', () => {
    for (const f of result.files) {
      if (f.path.endsWith('.sh')) {
        expect(f.content.startsWith('#!/usr/bin/env bash\n'), f.path).toBe(true);
        continue;
      }
      const docs = parseFile(f.path, f.content);
      expect(docs.length, f.path).toBeGreaterThan(0);
      for (const d of docs) expect(d !== null && typeof d === 'object', f.path).toBe(true);
      expect(f.content.endsWith('\n'), f.path).toBe(true);
    }
  });

  it('gives byte-identical output for the same document', () => {
    const template = templates.find((t) => t.id === id)!;
    const again = exportConfigs(template.build());
    expect(again.files).toEqual(result.files);
    expect(JSON.stringify(again.diagnostics)).toBe(JSON.stringify(result.diagnostics));
  });

  it('never writes a secret: every secret-bearing value is a placeholder', () => {
    for (const f of result.files) {
      for (const doc of parseFile(f.path, f.content))
        for (const s of secretValues(doc)) expect(String(s.value), `${f.path} ${s.path}`).toMatch(PLACEHOLDER_PATTERN);
      if (f.path.endsWith('.sh')) {
        // Scripts read credentials from the environment, and never put a password on a command line.
        expect(f.content).not.toMatch(/-u\s+"?\$\{?\w*(USER|PASS)/);
        expect(f.content).toMatch(/:\?set \w+_PASSWORD/);
      }
    }
  });

  it('reports diagnostics in the validator shape with format rule ids', () => {
    for (const d of result.diagnostics) {
      expect(d.ruleId).toMatch(/^format\/[a-z]+(-[a-z0-9]+)+$/);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.targets.length).toBeGreaterThan(0);
      expect(typeof d.message).toBe('string');
      expect(d.data).toBeTypeOf('object');
    }
  });

  it('matches the golden files (npm run golden -w @viplane/formats)', () => {
    const want = goldenEntries(result);
    const dir = join(GOLDEN_DIR, id);
    expect(existsSync(dir), `${dir} missing: run npm run golden -w @viplane/formats`).toBe(true);
    const have = listFiles(dir);
    expect(have.sort()).toEqual([...want.keys()].sort());
    for (const [path, content] of want) expect(readFileSync(goldenPath(id, path), 'utf8'), path).toBe(content);
  });
});

it('has a golden folder per template and none for templates that are gone', () => {
  const dirs = readdirSync(GOLDEN_DIR).filter((d) => statSync(join(GOLDEN_DIR, d)).isDirectory());
  expect(dirs.sort()).toEqual(templates.map((t) => t.id).sort());
  for (const d of dirs) expect(existsSync(join(GOLDEN_DIR, d, DIAGNOSTICS_FILE))).toBe(true);
});

it('exports only the formats asked for', () => {
  const doc = templates.find((t) => t.id === 'seed001-tkg-routable')!.build();
  const only = exportConfigs(doc, { only: ['tkg', 'nsxt'] });
  expect(new Set(only.files.map((f) => f.path.split('/')[0]))).toEqual(new Set(['tkg', 'nsxt']));
  expect(only.diagnostics.every((d) => /^format\/(tkg|nsxt)-/.test(d.ruleId))).toBe(true);
});

it('exports nothing for an empty design', () => {
  const empty = exportConfigs({ schemaVersion: SCHEMA_VERSION, name: 'empty', description: '', environment: 'lab', elements: [], links: [] });
  expect(empty).toEqual({ files: [], diagnostics: [] });
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}
