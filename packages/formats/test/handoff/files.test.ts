/** The handoff's files: CSV (RFC 4180, formula-safe), XLSX read back with exceljs, NetBox bulk-import CSVs, escaping, determinism. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TopologyDocument } from '@viplane/model';
import { getTemplate } from '@viplane/templates';
import { buildHandoff } from '../../src/handoff/build.ts';
import { tableCsv } from '../../src/handoff/csv.ts';
import { handoffFiles } from '../../src/handoff/files.ts';
import { handoffHtml } from '../../src/handoff/html.ts';
import { handoffMarkdown } from '../../src/handoff/markdown.ts';
import { netboxFiles } from '../../src/handoff/netbox.ts';
import { handoffXlsx } from '../../src/handoff/xlsx.ts';
import type { HandoffMatrixRow, HandoffTable } from '../../src/handoff/types.ts';

const NO_FLOWS = { matrix: [], l2: [] };
const doc = getTemplate('seed000-3net-alb')!.build();

/** NetBox's import forms' Meta.fields, copied from netbox-community/netbox netbox/ipam/forms/bulk_import.py @ fc616301e9b4c4b6ff8dacb3af18053af4a09609. */
const NETBOX_HEADERS: Record<string, string> = {
  'netbox/prefixes.csv': 'prefix,vrf,tenant,site,vlan_group,vlan,status,role,is_pool,mark_utilized,description,comments,tags',
  'netbox/vlans.csv': 'site,group,vid,name,tenant,status,role,description,comments,tags',
  'netbox/ip-ranges.csv': 'start_address,end_address,vrf,tenant,status,role,mark_utilized,description,comments,tags',
  'netbox/ip-addresses.csv':
    'address,vrf,tenant,status,role,device,virtual_machine,interface,is_primary,dns_name,description,comments,tags',
};

/** A small RFC 4180 reader for the checks (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV per table', () => {
  const evil: HandoffTable = {
    id: 'dns',
    title: 'DNS',
    description: '',
    columns: [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
    ],
    rows: [
      { a: '=HYPERLINK("http://x","y")', b: '+1' },
      { a: '-2', b: '@SUM(A1)' },
      { a: '\tlead', b: 'x,"y"\nz' },
    ],
  };

  it('keeps every cell a spreadsheet would run as text (leading apostrophe) and quotes per RFC 4180', () => {
    const csv = tableCsv(evil);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['A', 'B'],
      ['\'=HYPERLINK("http://x","y")', "'+1"],
      ["'-2", "'@SUM(A1)"],
      ["'\tlead", 'x,"y"\nz'],
    ]);
  });

  it('writes one file per table, the header row the column labels', async () => {
    const files = await handoffFiles(doc, NO_FLOWS);
    const h = buildHandoff(doc, NO_FLOWS);
    const csvs = files.filter((f) => f.path.startsWith('csv/'));
    expect(csvs).toHaveLength(h.tables.length);
    const subnets = parseCsv(csvs.find((f) => f.path === 'csv/subnets.csv')!.content as string);
    expect(subnets[0]).toEqual(h.tables.find((t) => t.id === 'subnets')!.columns.map((c) => c.label));
    expect(subnets.find((r) => r[0] === 'dp-data-52')?.[2]).toBe('192.168.52.1');
  });
});

describe('XLSX workbook', () => {
  it('reads back with exceljs: one sheet per table, header rows, the rows', async () => {
    const h = buildHandoff(doc, NO_FLOWS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await handoffXlsx(h)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'VLANs and port groups',
      'Subnets',
      'Reserved ranges',
      'Addresses and holders',
      'Routes',
      'DNS records and delegations',
      'Firewall matrix',
      'L2 requirements',
    ]);
    for (const table of h.tables) {
      const sheet = workbook.getWorksheet(table.title)!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(table.columns.map((c) => c.label));
      expect(sheet.rowCount).toBe(table.rows.length + 1);
    }
    const vlans = workbook.getWorksheet('VLANs and port groups')!;
    expect(vlans.getRow(2).getCell(1).value).toBe('dp-mgmt-32');
    expect(vlans.getRow(2).getCell(3).value).toBe('32');
    expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });

  it('writes formula-looking text as text, never as a formula', async () => {
    const h = buildHandoff(doc, NO_FLOWS);
    h.tables[0]!.rows[0]!.purpose = '=1+1';
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await handoffXlsx(h)).buffer as ArrayBuffer);
    const cell = workbook.worksheets[0]!.getRow(2).getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });

  it('gives the same bytes for the same design, at another time and in another time zone', async () => {
    const h = buildHandoff(doc, NO_FLOWS);
    const a = await handoffXlsx(h);
    await new Promise((r) => setTimeout(r, 1100)); // a zip stamped with the clock would differ by now
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      const b = await handoffXlsx(buildHandoff(getTemplate('seed000-3net-alb')!.build(), NO_FLOWS));
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('NetBox bulk import', () => {
  it("headers are NetBox's import-form field names, in order", () => {
    const files = netboxFiles(doc);
    expect(files.map((f) => f.path)).toEqual(Object.keys(NETBOX_HEADERS));
    for (const f of files) expect(f.content.split('\r\n')[0], f.path).toBe(NETBOX_HEADERS[f.path]);
  });

  it('prefixes with their VLAN, ranges and addresses with the subnet length, status and VIP role', () => {
    const files = Object.fromEntries(netboxFiles(getTemplate('seed000-3net-kubevip')!.build()).map((f) => [f.path, parseCsv(f.content)]));
    const record = (path: string, key: string) => {
      const [head, ...body] = files[path]!;
      const r = body.find((x) => x[0] === key);
      expect(r, `${path} ${key}`).toBeDefined();
      return Object.fromEntries(head!.map((h, i) => [h, r![i]]));
    };
    expect(record('netbox/prefixes.csv', '192.168.52.0/22')).toMatchObject({ vlan: '52', status: 'active' });
    expect(record('netbox/prefixes.csv', '100.96.0.0/11')).toMatchObject({
      status: 'reserved',
      description: 'pod CIDR of tkg-mgmt; pod CIDR of tkg-wc1',
    });
    expect(record('netbox/vlans.csv', '')).toBeDefined();
    expect(files['netbox/vlans.csv']!.slice(1).map((r) => [r[2], r[3]])).toEqual([
      ['32', 'dp-mgmt-32'],
      ['48', 'dp-data-48'],
      ['52', 'dp-data-52'],
    ]);
    expect(record('netbox/ip-ranges.csv', '192.168.54.1/22')).toMatchObject({ end_address: '192.168.55.254/22', status: 'active' });
    expect(record('netbox/ip-addresses.csv', '192.168.52.100/22')).toMatchObject({ role: 'vip', status: 'active' });
    expect(record('netbox/ip-addresses.csv', '192.168.32.20/20')).toMatchObject({ role: '' });
    const addresses = files['netbox/ip-addresses.csv']!.slice(1).map((r) => r[0]);
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});

describe('escaping', () => {
  const EVIL = '<script>alert(1)</script> & "x" | =cmd';
  const evilDoc: TopologyDocument = {
    ...doc,
    name: EVIL,
    elements: doc.elements.map((e) => (e.kind === 'portGroup' ? { ...e, name: `${e.name}${EVIL}` } : e)),
  };
  const matrix: HandoffMatrixRow[] = [
    {
      enforcementPoint: EVIL,
      enforcementPointId: 'r',
      source: EVIL,
      sourceCidrs: [],
      destination: 'd',
      destinationCidrs: [],
      protocol: 'TCP',
      ports: '443',
      purpose: EVIL,
      requirement: 'required',
      vendorSource: 's',
      flowIds: [],
    },
  ];

  it('HTML escapes every cell and heading; Markdown keeps names literal', () => {
    const h = buildHandoff(evilDoc, { matrix, l2: [] });
    const html = handoffHtml(h);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const md = handoffMarkdown(h);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    for (const line of md.split('\n').filter((l) => l.startsWith('| dp-mgmt-32') && l.includes('| Port group |')))
      expect(line.split(/(?<!\\)\|/).length).toBe(8);
  });
});
