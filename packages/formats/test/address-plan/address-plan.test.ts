/** The address plan: every subnet, range and held address with counts, as rows and as RFC 4180 CSV. */
import { describe, expect, it } from 'vitest';
import { getTemplate, templates } from '@viplane/templates';
import { lower } from '@viplane/validator';
import { ADDRESS_PLAN_COLUMNS, addressPlan, addressPlanCsv, csvField } from '../../src/address-plan/index.ts';

describe('csvField (RFC 4180)', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('dp-data-48')).toBe('dp-data-48');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
  });

  it('keeps spreadsheet formulas as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('addressPlan', () => {
  it('lists every subnet, range and held address of every template', () => {
    for (const t of templates) {
      const doc = t.build();
      const model = lower(doc);
      const rows = addressPlan(doc, model);
      for (const n of model.networks)
        expect(
          rows.some((r) => r.type === 'subnet' && r.network === n.name),
          `${t.id} ${n.name}`,
        ).toBe(true);
      for (const r of model.ranges)
        expect(
          rows.some((row) => row.type === 'range' && row.address === r.text),
          `${t.id} ${r.text}`,
        ).toBe(true);
      for (const a of model.addresses)
        expect(
          rows.some((row) => row.type === 'address' && row.address === a.text),
          `${t.id} ${a.text}`,
        ).toBe(true);
      for (const c of model.clusters)
        for (const p of c.podCidrs)
          expect(rows.some((r) => r.type === 'overlay' && r.address === p.text && r.holder === c.name)).toBe(true);
    }
  });

  it('counts used and free addresses (seed 000 3-network)', () => {
    const rows = addressPlan(getTemplate('seed000-3net-alb')!.build());
    const subnet = rows.find((r) => r.type === 'subnet' && r.network === 'dp-mgmt-32')!;
    // /20: 4094 hosts; the SE pool (40), the gateway, the Controller and vCenter (192.168.32.10) are taken.
    expect([subnet.size, subnet.used, subnet.free]).toEqual(['4094', '43', '4051']);
    const vcenter = rows.find((r) => r.type === 'address' && r.address === '192.168.32.10')!;
    expect([vcenter.network, vcenter.holder]).toEqual(['dp-mgmt-32', 'vCenter']);
    const pool = rows.find((r) => r.type === 'range' && r.address === '192.168.49.0-192.168.49.255')!;
    expect([pool.purpose, pool.holder, pool.size, pool.used, pool.free]).toEqual(['NSX-ALB VIP pool', 'dp-data-48', '256', '0', '256']);
    const gw = rows.find((r) => r.address === '192.168.48.1')!;
    expect([gw.purpose, gw.holder]).toEqual(['gateway (interface)', 'L3 switch']);
    const se = rows.find((r) => r.network === 'dp-data-52' && r.purpose === 'SE interface (data)')!;
    expect([se.address, se.holder, se.size, se.within]).toEqual([
      'from pool',
      'Default-Group',
      '2',
      'NSX-ALB SE interface pool 192.168.52.10-192.168.52.49',
    ]);
  });

  it('counts a VIP held inside its pool (seed 000 kube-vip: nginx 192.168.49.0)', () => {
    const rows = addressPlan(getTemplate('seed000-3net-kubevip')!.build());
    const pool = rows.find((r) => r.type === 'range' && r.address === '192.168.49.0-192.168.49.255')!;
    expect([pool.used, pool.free]).toEqual(['1', '255']);
    const vip = rows.find((r) => r.address === '192.168.49.0')!;
    expect([vip.purpose, vip.holder, vip.within]).toEqual(['VIP', 'nginx', 'NSX-ALB VIP pool 192.168.49.0-192.168.49.255']);
  });
});

describe('addressPlanCsv', () => {
  it('has a header, CRLF records and the same number of fields on every line', () => {
    const csv = addressPlanCsv(getTemplate('seed002-multi-3nic')!.build());
    expect(csv.startsWith(`${ADDRESS_PLAN_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of csv.trimEnd().split('\r\n'))
      expect(line.replace(/"[^"]*"/g, '').split(',')).toHaveLength(ADDRESS_PLAN_COLUMNS.length);
    expect(csv).toContain('HAProxy VIP range');
  });
});
