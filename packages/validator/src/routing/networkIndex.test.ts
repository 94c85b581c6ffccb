import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidr, inCidr, ip, type Cidr, type Ip } from '../l3/addr.ts';
import type { L3Cluster, L3Model, L3Network } from '../l3/model.ts';
import { mostSpecificNetwork, podClusterOf } from './networkIndex.ts';

// The scans the index replaced: the oracles.
function scanNetwork(networks: readonly L3Network[], a: Ip): L3Network | undefined {
  let best: L3Network | undefined;
  for (const n of networks) if (n.subnet && inCidr(n.subnet, a) && (!best || n.subnet.prefix > (best.subnet?.prefix ?? -1))) best = n;
  return best;
}
function scanPods(clusters: readonly L3Cluster[], a: Ip): L3Cluster | undefined {
  return clusters.find((c) => c.podCidrs.some((p) => p.cidr && inCidr(p.cidr, a)));
}

// Prefixes crowded into 10.0.0.0/20 (and one IPv6 /112) so that nesting and duplicates are common.
const v4Prefix = fc.tuple(fc.integer({ min: 0, max: 4095 }), fc.integer({ min: 20, max: 32 })).map(([host, len]) => {
  const block = 2 ** (32 - len);
  const start = 0x0a000000 + host - (host % block);
  return `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${len}`;
});
const v6Prefix = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 112, max: 128 })).map(([host, len]) => {
  const block = 2 ** (128 - len);
  return `fd00::${(host - (host % block)).toString(16)}/${len}`;
});
const subnet = fc.oneof(
  { weight: 6, arbitrary: v4Prefix },
  { weight: 2, arbitrary: v6Prefix },
  { weight: 1, arbitrary: fc.constant(null) },
);
const address = fc.oneof(
  fc.integer({ min: 0x0a000000 - 16, max: 0x0a001000 + 16 }).map((v) => `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`),
  fc.integer({ min: 0, max: 0xffff }).map((v) => `fd00::${v.toString(16)}`),
  fc.constant('fd01::1'),
);

function network(i: number, text: string | null): L3Network {
  const c = text === null ? null : cidr(text);
  return {
    id: `n${i}`,
    kind: 'portGroup',
    name: `n${i}`,
    subnetText: text,
    subnet: c,
    gatewayText: null,
    gateway: null,
    routingDomain: 'default',
    dhcp: false,
    albRegistered: false,
    vlan: null,
  };
}
function cluster(i: number, pods: (string | null)[]): L3Cluster {
  const podCidrs = pods.filter((p): p is string => p !== null).map((text) => ({ text, cidr: cidr(text) as Cidr | null, path: '' }));
  return {
    id: `c${i}`,
    kind: 'k8sCluster',
    name: `c${i}`,
    nodeNetworkId: null,
    podCidrs,
    serviceCidrs: [],
    nodeDemand: 0,
    routableTier1Id: null,
  };
}

describe('network index', () => {
  it('finds the same network as a scan over every network (most specific, first on a tie)', () => {
    fc.assert(
      fc.property(fc.array(subnet, { maxLength: 40 }), fc.array(address, { minLength: 1, maxLength: 30 }), (subnets, addresses) => {
        const networks = subnets.map((s, i) => network(i, s));
        const model = { networks, clusters: [] } as unknown as L3Model;
        for (const text of addresses) {
          const a = ip(text)!;
          expect(mostSpecificNetwork(model, a)?.id).toBe(scanNetwork(networks, a)?.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first cluster in model order whose pod CIDRs hold the address, whatever the prefix lengths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(subnet, { maxLength: 3 }), { maxLength: 15 }),
        fc.array(address, { minLength: 1, maxLength: 30 }),
        (pods, addresses) => {
          const clusters = pods.map((p, i) => cluster(i, p));
          const model = { networks: [], clusters } as unknown as L3Model;
          for (const text of addresses) {
            const a = ip(text)!;
            expect(podClusterOf(model, a)?.id).toBe(scanPods(clusters, a)?.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
