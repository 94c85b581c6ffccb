/**
 * "Which network holds this address?" for path traces, answered by a longest-prefix-match table
 * over the networks' subnets, built once per L3 model. A trace to an address used to scan every
 * network, so 1,000 traces over 2,000 networks cost 2M comparisons, and 5× the estate 25× that
 * (performance.md §5.1: no O(n²) over the estate).
 *
 * Same answers as the scan it replaces: the most specific subnet wins, and among equal subnets
 * the first network in model order (LpmTable lets the first of equal prefixes win). Pod CIDRs
 * are looked up the same way, but there the first *cluster* in model order wins, whatever the
 * prefix length, so that lookup takes the smallest tag of every match.
 */
import type { L3Cluster, L3Model, L3Network } from '../l3/model.ts';
import type { Cidr, Ip } from '../l3/addr.ts';
import { LpmTable, type RouteLike } from './lpm.ts';

interface NetworkIndex {
  networks: LpmTable;
  pods: LpmTable;
}

const cache = new WeakMap<L3Model, NetworkIndex>();

function interval(c: Cidr): RouteLike['prefix'] {
  return c.family === 4 ? { family: 4, start: c.first, end: c.last } : { family: 6, start: c.first, end: c.last };
}

function index(model: L3Model): NetworkIndex {
  let idx = cache.get(model);
  if (!idx) {
    const nets: RouteLike[] = [];
    for (let tag = 0; tag < model.networks.length; tag++) {
      const n = model.networks[tag]!;
      if (n.subnet) nets.push({ prefix: interval(n.subnet), tag });
    }
    const pods: RouteLike[] = [];
    for (let tag = 0; tag < model.clusters.length; tag++)
      for (const p of model.clusters[tag]!.podCidrs) if (p.cidr) pods.push({ prefix: interval(p.cidr), tag });
    idx = { networks: LpmTable.build(nets), pods: LpmTable.build(pods) };
    cache.set(model, idx);
  }
  return idx;
}

/** The network with the most specific subnet holding `address` (the first in model order on a tie). */
export function mostSpecificNetwork(model: L3Model, address: Ip): L3Network | undefined {
  const tag = index(model).networks.lookup(address);
  return tag === undefined ? undefined : model.networks[tag];
}

/** The first cluster (in model order) with a pod CIDR holding `address`. */
export function podClusterOf(model: L3Model, address: Ip): L3Cluster | undefined {
  const tags = index(model).pods.lookupAll(address);
  if (tags.length === 0) return undefined;
  let first = tags[0]!;
  for (const t of tags) if (t < first) first = t;
  return model.clusters[first];
}
