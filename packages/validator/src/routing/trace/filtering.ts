/**
 * Firewalls and router ACLs on a traced leg (routing/filters.ts decides): every forward hop at a
 * filtering point gets the decision for the leg's 5-tuple; a deny ends the leg there. Reply legs
 * are not evaluated: firewalls are stateful (and the model treats ACLs the same way), so return
 * traffic of an allowed connection passes — the hop says so instead of pretending to match a rule.
 */
import type { L3Model } from '../../l3/model.ts';
import type { Ip } from '../../l3/addr.ts';
import { decide, filterOf, parsePorts, type FlowTuple } from '../filters.ts';
import { spansOfElement, type Span } from '../addressSets.ts';
import type { TraceLeg } from './types.ts';

/** A single address as a span. */
export function spanOf(address: Ip): Span {
  return { family: address.family, first: address.value, last: address.value } as Span;
}

/** The tuple of a TCP leg: from one address (or an element's addresses) to one address on `port` (`null`: no port known). */
export function tcpTuple(model: L3Model, from: Ip | { elementId: string }, to: Ip, port: number | null): FlowTuple {
  return {
    sources: 'elementId' in from ? spansOfElement(model, from.elementId) : [spanOf(from)],
    destinations: [spanOf(to)],
    protocol: 'tcp',
    ports: port === null ? null : parsePorts(String(port)),
  };
}

/**
 * The one port a backend leg is evaluated on: a range (the NodePort range) stands for its first
 * port, `80 (the Service target port)` for 80; `null` when the text names no port.
 */
export function backendPort(text: string): number | null {
  const m = /^\s*(\d{1,5})/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Fill `hop.filter` on a forward leg; a deny cuts the leg at that hop with the firewall and rule named. */
export function applyFilters(model: L3Model, leg: TraceLeg, tuple: FlowTuple, portText: string): void {
  for (let i = 0; i < leg.hops.length; i++) {
    const hop = leg.hops[i]!;
    if (hop.hostId === null || hop.kind === 'sender') continue;
    const f = filterOf(model, hop.hostId);
    if (!f) continue;
    const d = decide({ id: hop.hostId, name: f.name, kind: f.kind, rules: f.rules }, tuple);
    hop.filter = { elementId: hop.hostId, ruleIndex: d.ruleNumber === 0 ? null : d.ruleNumber - 1, action: d.action };
    if (d.action === 'allow') continue;
    const what = f.kind === 'firewall' ? 'firewall' : 'ACL of';
    const rule = d.ruleId === null ? (f.kind === 'firewall' ? 'default deny' : 'implicit deny after the last entry') : `rule ${d.ruleNumber} "${d.ruleId}"`;
    leg.hops.length = i + 1;
    leg.delivered = false;
    leg.drop = {
      reason: 'filtered',
      hostId: hop.hostId,
      hostName: f.name,
      message: `the ${what} ${f.name} denies TCP ${leg.from} → ${leg.to}${portText ? ` port ${portText}` : ''} (${rule})`,
    };
    return;
  }
}

/** Reply legs: every filtering point lets the answer of the allowed connection through by state. */
export function markStateful(model: L3Model, leg: TraceLeg): void {
  for (const hop of leg.hops) {
    if (hop.hostId === null || hop.kind === 'sender' || !filterOf(model, hop.hostId)) continue;
    hop.filter = { elementId: hop.hostId, ruleIndex: null, action: 'allow', established: true };
  }
}
