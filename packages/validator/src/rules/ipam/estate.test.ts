/**
 * The ipam/* and security/* rules on performance.md's "large estate" shape: 50 routing domains, 2,000 networks,
 * 6,000 ranges, 20,000 held addresses, 4,000 cluster CIDRs. The rules use the address index (sort once, then
 * O(log n) queries), so this stays far below the validator's 100 ms budget; a pairwise loop would not.
 */
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '@viplane/model';
import { lower } from '../../l3/lower.ts';
import { runRules } from '../../engine/validate.ts';
import { ipamRules } from './index.ts';
import { securityRules } from '../security/index.ts';
import { withElement } from '../../../test/fixtures/ipam.ts';

function estate(domains = 50, perDomain = 40, nodesPerNetwork = 10) {
  const b = new DesignBuilder({ name: 'large estate' });
  for (let d = 0; d < domains; d++)
    for (let n = 0; n < perDomain; n++) {
      // Every domain reuses the same address space, as separate VRFs do.
      const net = `10.${n}.${d % 4}.0`;
      const base = `10.${n}.${d % 4}`;
      const pg = b.add('portGroup', `pg-${d}-${n}`, {
        subnet: `${net}/24`,
        gateway: `${base}.1`,
        routingDomain: `vrf-${d}`,
        dhcp: true,
        ranges: [
          { id: `se-${d}-${n}`, purpose: 'se-pool', start: `${base}.10`, end: `${base}.49` },
          { id: `vip-${d}-${n}`, purpose: 'vip-pool', start: `${base}.50`, end: `${base}.99` },
          { id: `dhcp-${d}-${n}`, purpose: 'dhcp', start: `${base}.100`, end: `${base}.199` },
        ],
      });
      b.add('k8sCluster', `k8s-${d}-${n}`, {
        nodeNetworkId: pg,
        nodes: Array.from({ length: nodesPerNetwork }, (_, i) => ({
          id: `node-${d}-${n}-${i}`,
          name: `node-${i}`,
          role: 'worker' as const,
          address: `${base}.${200 + i}`,
          leafId: null,
        })),
        podCidr: '100.96.0.0/11',
        serviceCidr: '100.64.0.0/13',
      });
    }
  return b.build();
}

describe('ipam and security rules on a large estate', () => {
  // Timing lives in `npm run bench` (ratios against same-run baselines), never in tests.
  it('find nothing in a clean large estate', () => {
    const doc = estate();
    const model = lower(doc);
    expect(model.networks).toHaveLength(2000);
    expect(model.ranges).toHaveLength(6000);
    expect(model.addresses).toHaveLength(20000);
    expect(runRules(model, [...ipamRules, ...securityRules])).toEqual([]);
  });

  it('a supernet over a whole domain reports each nested network once', () => {
    const doc = withElement(estate(2, 40, 1), 'portGroup', 'supernet', {
      subnet: '10.0.0.0/8',
      gateway: '10.255.255.254',
      routingDomain: 'vrf-0',
    });
    const found = runRules(
      lower(doc),
      ipamRules.filter((r) => r.meta.id === 'ipam/subnet-overlap'),
    );
    expect(found).toHaveLength(40);
  });
});
