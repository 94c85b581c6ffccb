import { describe, expect, it } from 'vitest';
import { DesignBuilder, type TopologyDocument } from '@viplane/model';
import { diffDiagnostics, validate, type Diagnostic } from '../src/index.ts';

function twoNetworks(secondSubnet: string, secondName = 'data'): TopologyDocument {
  const b = new DesignBuilder({ name: 'd' });
  b.add('portGroup', 'mgmt', { vlan: 10, subnet: '10.0.0.0/24', gateway: '10.0.0.1' }, { id: 'pg-a' });
  b.add('portGroup', secondName, { vlan: 20, subnet: secondSubnet, gateway: null }, { id: 'pg-b' });
  return b.build();
}

const overlaps = (ds: Diagnostic[]) => ds.filter((d) => d.ruleId === 'ipam/subnet-overlap');

describe('diffDiagnostics', () => {
  it('lists the findings a change introduced and the ones it resolved', () => {
    const clean = validate(twoNetworks('10.1.0.0/24'));
    const overlapping = validate(twoNetworks('10.0.0.0/25'));
    expect(overlaps(overlapping)).not.toEqual([]);

    const introduced = diffDiagnostics(clean, overlapping);
    expect(overlaps(introduced.introduced).map((d) => d.targets.map((t) => t.id).sort())).toEqual([['pg-a', 'pg-b']]);
    expect(overlaps(introduced.resolved)).toEqual([]);

    const resolved = diffDiagnostics(overlapping, clean);
    expect(overlaps(resolved.resolved)).toHaveLength(1);
    expect(resolved.introduced.map((d) => d.ruleId)).not.toContain('ipam/subnet-overlap');
  });

  it('a finding whose message changed with a rename is the same finding', () => {
    const before = validate(twoNetworks('10.0.0.0/25', 'data'));
    const after = validate(twoNetworks('10.0.0.0/25', 'data-renamed'));
    const diff = diffDiagnostics(before, after);
    expect(diff).toMatchObject({ introduced: [], resolved: [], unchanged: after.length });
    expect(after.length).toBeGreaterThan(0);
  });
});
