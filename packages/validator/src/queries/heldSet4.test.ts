/**
 * heldSet4 (the taken IPv4 addresses of a routing domain, for ipam/pool-exhausted) against its
 * plain definition on random crowded designs: the sorted, distinct values of the domain's held
 * addresses (the Supervisor's block expanded) and of its networks' gateways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import { gatewaysOf, heldAddresses, heldSet4 } from './ipam.ts';

const domain = fc.constantFrom('default', 'vrf-a');
const host = fc.integer({ min: 1, max: 20 });
const network = fc.record({
  domain,
  gateway: fc.option(host, { nil: null }),
  nodes: fc.array(host, { maxLength: 4 }),
  supervisorAt: fc.option(host, { nil: null }),
});

describe('heldSet4', () => {
  it('is the sorted distinct held addresses and gateways of the domain', () => {
    fc.assert(
      fc.property(fc.array(network, { maxLength: 5 }), (networks) => {
        const b = new DesignBuilder({ name: 'crowded' });
        networks.forEach((n, i) => {
          const pg = b.add('portGroup', `pg-${i}`, {
            subnet: '10.0.0.0/27',
            gateway: n.gateway === null ? null : `10.0.0.${n.gateway}`,
            routingDomain: n.domain,
          });
          b.add('k8sCluster', `k8s-${i}`, {
            nodeNetworkId: pg,
            nodes: n.nodes.map((h, j) => ({
              id: `n-${i}-${j}`,
              name: `n${j}`,
              role: 'worker' as const,
              address: `10.0.0.${h}`,
              leafId: null,
            })),
          });
          if (n.supervisorAt !== null)
            b.add('supervisor', `sup-${i}`, { managementNetworkId: pg, managementStartAddress: `10.0.0.${n.supervisorAt}` });
        });
        const model = lower(b.build());
        for (const d of ['default', 'vrf-a']) {
          const expected = new Set<number>();
          for (const h of heldAddresses(model)) if (h.domain === d && h.ip.family === 4) expected.add(h.ip.value);
          for (const n of model.networks)
            if (n.routingDomain === d) for (const g of gatewaysOf(model, n.id)) if (g.ip.family === 4) expected.add(g.ip.value);
          expect([...heldSet4(model, d)]).toEqual([...expected].sort((x, y) => x - y));
        }
      }),
      { numRuns: 200 },
    );
  });
});
