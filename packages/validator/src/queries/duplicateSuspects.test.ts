/**
 * ipam/duplicate-ip builds its holder maps only for the routing domains `duplicateSuspects` names. Checked here
 * against the plain definition on random designs crowded into a few addresses: a domain is a suspect exactly when
 * a value is held twice there, a network gateway there is held by something other than a router, or it holds an
 * IPv6 address. (The rule's own tests check what it reports.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import { duplicateSuspects, heldAddresses } from './ipam.ts';
import { runRules } from '../engine/validate.ts';
import duplicateIp from '../rules/ipam/duplicate-ip.ts';

const domain = fc.constantFrom('default', 'vrf-a', 'vrf-b');
const v4 = fc.integer({ min: 1, max: 14 }).map((h) => `10.0.0.${h}`);
const address = fc.oneof({ weight: 8, arbitrary: v4 }, { weight: 1, arbitrary: fc.constantFrom('fd00::1', 'fd00::2') });
const network = fc.record({
  domain,
  gateway: fc.option(v4, { nil: null }),
  routed: fc.boolean(),
  nodes: fc.array(address, { maxLength: 4 }),
});
const ROUTERS: ReadonlySet<string> = new Set(['router', 'nsxtTier0']);

function design(networks: { domain: string; gateway: string | null; routed: boolean; nodes: string[] }[]) {
  const b = new DesignBuilder({ name: 'crowded' });
  networks.forEach((n, i) => {
    const v6 = n.nodes.some((a) => a.includes(':'));
    const gateway = v6 ? null : n.gateway;
    const pg = b.add('portGroup', `pg-${i}`, { subnet: v6 ? 'fd00::/64' : '10.0.0.0/28', gateway, routingDomain: n.domain });
    // A router interface at the gateway is the gateway itself, not a holder that clashes with it.
    if (gateway !== null && n.routed)
      b.nic(b.add('router', `r-${i}`, { routingDomain: n.domain }), pg, { role: 'routed', address: gateway });
    b.add('k8sCluster', `k8s-${i}`, {
      nodeNetworkId: pg,
      nodes: n.nodes.map((address, j) => ({ id: `n-${i}-${j}`, name: `n${j}`, role: 'worker' as const, address, leafId: null })),
    });
  });
  return b.build();
}

describe('duplicateSuspects', () => {
  it('names exactly the domains with a repeated value, a held gateway or an IPv6 address', () => {
    fc.assert(
      fc.property(fc.array(network, { maxLength: 6 }), (networks) => {
        const model = lower(design(networks));
        const expected = new Set<string>();
        const seen = new Set<string>();
        const heldByOthers = new Set<string>();
        for (const h of heldAddresses(model)) {
          const key = `${h.domain}|${String(h.ip.value)}`;
          if (h.ip.family === 6 || seen.has(key)) expected.add(h.domain);
          seen.add(key);
          if (!ROUTERS.has(h.address.ownerKind)) heldByOthers.add(key);
        }
        for (const n of model.networks)
          if (n.gateway?.family === 4 && heldByOthers.has(`${n.routingDomain}|${n.gateway.value}`)) expected.add(n.routingDomain);
        const suspects = duplicateSuspects(model);
        expect([...suspects].sort()).toEqual([...expected].sort());
        // Whatever the rule reports lies in a suspect domain.
        for (const d of runRules(model, [duplicateIp])) expect(suspects.has(d.data['domain'] as string)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
