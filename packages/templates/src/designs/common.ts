/** Helpers shared by the design modules: address ranges, routes, and routed networks. */
import type { AddressRange, DesignBuilder, RangePurpose, Route } from '@viplane/model';

export function rng(id: string, purpose: RangePurpose, start: string, end: string): AddressRange {
  return { id, purpose, start, end };
}

export function route(id: string, prefix: string, nextHop: string | null): Route {
  return { id, prefix, nextHop };
}

/** A readable route id from its prefix: `0.0.0.0/0` -> `<scope>-0-0-0-0-0`. */
export function routeId(scope: string, prefix: string): string {
  return `${scope}-${prefix.replace(/[./]/g, '-')}`;
}

/** The router's interface (SVI) on a network, holding the network's gateway address. */
export function svi(b: DesignBuilder, router: string, network: string, address: string | null): string {
  return address === null
    ? b.nic(router, network, { role: 'routed', address: null, addressMode: 'static' })
    : b.nic(router, network, { role: 'routed', address });
}

/** Two-line summary: what the design shows, then the seed's verdict. */
export function summary(shows: string, verdict: string): string {
  return `${shows}\n${verdict}`;
}
