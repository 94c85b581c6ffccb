/** The deployment bundle and its zip: contents, README, determinism. */
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { getTemplate, templates } from '@viplane/templates';
import { validate } from '@viplane/validator';
import { exportConfigs, sortKeys } from '../../src/configs.ts';
import { exportBundle, zipBundle, type Bundle } from '../../src/bundle/index.ts';
import { TOOL_VERSIONS } from '../../src/bundle/readme.ts';
import { svgToPng } from '../../src/png.ts';
import { PNG_SIGNATURE } from '../diagrams/layout.ts';

const text = (b: Bundle, path: string) => {
  const f = b.files.find((x) => x.path === path);
  if (!f || typeof f.content !== 'string') throw new Error(`no text file ${path}`);
  return f.content;
};
const png = (svg: string) => svgToPng(svg, { width: 600 });

describe('exportBundle', () => {
  const doc = getTemplate('seed000-3net-alb')!.build();
  let bundle: Bundle;
  let paths: string[];
  beforeAll(async () => {
    bundle = await exportBundle(doc, { png });
    paths = bundle.files.map((f) => f.path);
  });

  it('holds configs, diagrams (SVG + PNG), address plan, report, topology and README, sorted by path', async () => {
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of [
      'README.md',
      'address-plan.csv',
      'diagrams/design.svg',
      'diagrams/design.png',
      'diagrams/routing-Default-Group.svg',
      'diagrams/routing-Default-Group.png',
      'report.html',
      'report.md',
      'topology.json',
    ])
      expect(paths).toContain(p);
    for (const f of exportConfigs(doc).files) expect(text(bundle, f.path)).toBe(f.content);
    const pngFile = bundle.files.find((f) => f.path === 'diagrams/routing-Default-Group.png')!;
    expect([...(pngFile.content as Uint8Array).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect((await exportBundle(doc)).files.some((f) => f.path.endsWith('.png'))).toBe(false);
  });

  it('carries the network handoff under handoff/ and in the report', () => {
    for (const p of [
      'handoff/handoff.md',
      'handoff/handoff.html',
      'handoff/handoff.xlsx',
      'handoff/csv/subnets.csv',
      'handoff/csv/firewall-matrix.csv',
      'handoff/netbox/prefixes.csv',
      'handoff/netbox/vlans.csv',
      'handoff/netbox/ip-ranges.csv',
      'handoff/netbox/ip-addresses.csv',
    ])
      expect(paths).toContain(p);
    const xlsx = bundle.files.find((f) => f.path === 'handoff/handoff.xlsx')!.content as Uint8Array;
    expect(Object.keys(unzipSync(xlsx))).toContain('xl/workbook.xml');
    expect(text(bundle, 'report.md')).toContain('## Network handoff: ');
    expect(text(bundle, 'report.md')).toContain('| dp-data-52 | 192.168.52.0/22 | 192.168.52.1 | 52 | 192.168.54.1-192.168.55.254 |');
    expect(text(bundle, 'report.html')).toContain('<h3 id="handoff-subnets">Subnets</h3>');
    expect(text(bundle, 'README.md')).toContain('| `handoff/handoff.xlsx` |');
  });

  it('writes topology.json with sorted keys and two-space indent, round-tripping the document', () => {
    const json = text(bundle, 'topology.json');
    expect(JSON.parse(json)).toEqual(doc);
    expect(json).toBe(`${JSON.stringify(sortKeys(doc), null, 2)}\n`);
    expect(json.indexOf('"description"')).toBeLessThan(json.indexOf('"elements"'));
  });

  it('links the diagrams from the report and inlines them in the HTML', () => {
    expect(text(bundle, 'report.md')).toContain('(diagrams/routing-Default-Group.svg)');
    expect(text(bundle, 'report.html')).toContain(text(bundle, 'diagrams/routing-Default-Group.svg').trim().split('\n')[0]);
  });

  it.each(templates.map((t) => t.id))('README of %s lists every file, the order of application and the tool versions', async (id) => {
    const b = await exportBundle(getTemplate(id)!.build());
    const readme = text(b, 'README.md');
    for (const f of b.files) expect(readme, f.path).toContain(`| \`${f.path}\` |`);
    for (const t of TOOL_VERSIONS) expect(readme).toContain(t.version);
    expect(readme).toContain('## Order of application');
    expect(readme).toContain('## Validation summary');
    for (const p of ['AKO 1.13.4', 'Avi 30.2.1', 'tanzu-framework v0.29.0', 'acc-provision 6.1.x']) expect(readme).toContain(p);
  });

  it('puts the steps in the order the tools need them', () => {
    const readme = text(bundle, 'README.md');
    const at = (s: string) => readme.indexOf(s);
    expect(at('NSX-ALB Controller: create')).toBeGreaterThan(at('fix every **error**'));
    expect(at('TKG: create the management cluster first (tkg-mgmt)')).toBeGreaterThan(at('NSX-ALB Controller: create'));
    expect(at('AKO (TKG)')).toBeGreaterThan(at('TKG: create'));
  });

  it('lists the errors of a broken design in the README', async () => {
    const t = getTemplate('seed000-3net-alb')!;
    const broken = t.mutations.find((m) => m.id === 'no-data-default-route')!.apply(t.build());
    const readme = text(await exportBundle(broken), 'README.md');
    expect(readme).toContain('**The design has errors');
    expect(readme).toContain('**routing/no-default-gateway**');
  });

  it('carries one list of findings: the validator’s and the export’s own, each once', async () => {
    const t = getTemplate('seed000-3net-alb')!;
    const broken = t.mutations.find((m) => m.id === 'no-data-default-route')!.apply(t.build());
    const { diagnostics = [] } = await exportBundle(broken);
    const own = exportConfigs(broken).diagnostics;
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual([...validate(broken), ...own].map((d) => d.ruleId).sort());
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toContain('routing/no-default-gateway');
  });
});

describe('determinism and zip', () => {
  it('gives byte-identical bundles and zips for the same document, in any time zone', async () => {
    const t = getTemplate('seed001-tkg-routable')!;
    const a = await exportBundle(t.build(), { png });
    const b = await exportBundle(t.build(), { png });
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
    b.files.forEach((f, i) => expect(f.content, f.path).toEqual(a.files[i]!.content));
    const zip = zipBundle(a);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(Buffer.from(zipBundle(b)).equals(Buffer.from(zip))).toBe(true);
      process.env.TZ = 'America/Los_Angeles';
      expect(Buffer.from(zipBundle(b)).equals(Buffer.from(zip))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('unzips to exactly the bundle files, in path order', async () => {
    const bundle = await exportBundle(getTemplate('seed002-multi-3nic')!.build(), { png });
    const zip = zipBundle(bundle);
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(bundle.files.map((f) => f.path));
    for (const f of bundle.files) {
      const got = entries[f.path]!;
      if (typeof f.content === 'string') expect(strFromU8(got), f.path).toBe(f.content);
      else expect(Buffer.from(got).equals(Buffer.from(f.content)), f.path).toBe(true);
    }
  });
});
