/**
 * Overlapping pairs among a list of CIDRs of different owners, by a sort-and-sweep: sorted by
 * family and first address, an item can only overlap items that start before its end, so each
 * item is compared with the still-open ones (in practice a handful), never with the whole list.
 */
import type { Cidr } from '../l3/addr.ts';

export interface Owned<T> {
  cidr: Cidr;
  /** Items of the same owner never pair (a cluster's own CIDRs are another rule's business). */
  ownerId: string;
  item: T;
}

export function overlappingPairs<T>(items: readonly Owned<T>[]): [Owned<T>, Owned<T>][] {
  const sorted = [...items].sort((a, b) =>
    a.cidr.family !== b.cidr.family
      ? a.cidr.family - b.cidr.family
      : a.cidr.first < b.cidr.first
        ? -1
        : a.cidr.first > b.cidr.first
          ? 1
          : 0,
  );
  const pairs: [Owned<T>, Owned<T>][] = [];
  let open: Owned<T>[] = [];
  for (const next of sorted) {
    open = open.filter((o) => o.cidr.family === next.cidr.family && o.cidr.last >= next.cidr.first);
    for (const o of open) if (o.ownerId !== next.ownerId) pairs.push([o, next]);
    open.push(next);
  }
  return pairs;
}
