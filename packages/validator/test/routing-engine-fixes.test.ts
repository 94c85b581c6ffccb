/** Engine fixes found while writing the routing / AKO rules (lower.ts SE VRFs, trace to pods). */
import { describe, expect, it } from 'vitest';
import { lower } from '../src/l3/lower.ts';
import { trace } from '../src/routing/trace.ts';
import { seed000, seed001 } from './fixtures/routing.ts';

describe('lower: SE group VRFs', () => {
  it('keeps an SE data NIC on an NSX-T segment in the data VRF (seed 001 tanzu-overlay)', () => {
    const { doc, ids } = seed001();
    const global = lower(doc)
      .hostById.get(ids.se)!
      .vrfs.find((v) => v.name === 'global')!;
    expect(global.interfaces.map((i) => i.networkId)).toEqual([ids.overlay]);
    expect(global.routes.some((r) => r.origin === 'connected' && r.prefixText === '172.16.128.0/21')).toBe(true);
  });
  it('still drops a data NIC on an unregistered port group (seed 000 kube-vip dp-data-52)', () => {
    const { doc, ids } = seed000('3net-kubevip');
    const withNic = {
      ...doc,
      links: [
        ...doc.links,
        {
          id: 'x',
          kind: 'nic' as const,
          from: ids.se,
          to: ids.data52,
          role: 'data' as const,
          address: null,
          addressMode: 'pool' as const,
          gateway: null,
        },
      ],
    };
    const global = lower(withNic)
      .hostById.get(ids.se)!
      .vrfs.find((v) => v.name === 'global')!;
    expect(global.interfaces.map((i) => i.networkId)).toEqual([ids.data48]);
  });
  it('uses the one management interface for the data VRF too when there is no data NIC (seed 000 1-network)', () => {
    const { doc, ids } = seed000('1net');
    const host = lower(doc).hostById.get(ids.se)!;
    expect(host.vrfs.map((v) => [v.name, v.interfaces.map((i) => i.networkId)])).toEqual([
      ['global', [ids.mgmt]],
      ['management', [ids.mgmt]],
    ]);
  });
});

describe('trace to routable pods', () => {
  it('delivers through a Tier-1 `podCIDR -> node IP` static route (seed 001: 172.16.137.0/24 -> 172.16.128.126)', () => {
    const { doc, ids } = seed001();
    const t = trace(lower(doc), { elementId: ids.se }, { address: '172.16.137.9' });
    expect(t.drop).toBeUndefined();
    expect(t.deliveredOn?.networkId).toBe(ids.overlay);
    expect(t.hops.map((h) => h.hostId)).toEqual([ids.se, ids.t1]);
    expect(t.hops[1]?.route).toMatchObject({ prefix: '172.16.137.0/24', nextHop: '172.16.128.126' });
  });
  it('still drops at a next hop nobody holds when the destination is not a pod', () => {
    const { doc, ids } = seed001();
    const t1 = doc.elements.find((e) => e.id === ids.t1)!.props as {
      staticRoutes: { id: string; prefix: string; nextHop: string | null }[];
    };
    t1.staticRoutes.push({ id: 'to-10-99', prefix: '10.99.0.0/16', nextHop: '172.16.128.200' });
    const t = trace(lower(doc), { elementId: ids.se }, { address: '10.99.0.1' });
    expect(t.delivered).toBe(false);
    expect(t.drop?.reason).toBe('next-hop-unresolved');
  });
});
