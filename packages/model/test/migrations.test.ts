import { describe, expect, it } from 'vitest';
import { migrate, restore, SCHEMA_VERSION } from '../src/index.ts';

const v1 = {
  schemaVersion: 1,
  name: 'v1',
  description: '',
  environment: 'lab',
  elements: [
    { id: 'r', kind: 'router', name: 'L3', position: { x: 0, y: 0 }, props: { staticRoutes: [], routingDomain: 'default' } },
    { id: 'pg', kind: 'portGroup', name: 'pg', position: { x: 0, y: 0 }, props: { vlan: null, subnet: null, gateway: null, dhcp: false, albRegistered: false, ranges: [], routingDomain: 'default' } },
  ],
  links: [],
};

describe('migration 1 -> 2 (firewalls and router ACLs)', () => {
  it('gives every router an empty ACL and leaves other elements alone', () => {
    const r = migrate(structuredClone(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.raw['schemaVersion']).toBe(SCHEMA_VERSION);
    const [router, pg] = r.raw['elements'] as { props: Record<string, unknown> }[];
    expect(router!.props['acl']).toEqual([]);
    expect(pg!.props).not.toHaveProperty('acl');
  });

  it('restores a version-1 document', () => {
    const r = restore(structuredClone(v1));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document.schemaVersion).toBe(2);
  });
});
