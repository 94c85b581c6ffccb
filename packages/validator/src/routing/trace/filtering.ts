/**
 * Firewalls and router ACLs on a traced leg (routing/filters.ts decides): every forward hop at a
 * filtering point gets the decision for the leg's 5-tuple; a deny ends the leg there. Reply legs
 * are not evaluated: firewalls are stateful (and the model treats ACLs the same way), so return
 * traffic of an allowed connection passes — the hop says so instead of pretending to match a rule.
 * A leg is one sender to one address, on a port or a whole port range (the NodePort range), judged as
 * the flows check judges it: every port of the range must pass.
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

/**
 * The tuple of a TCP leg: from one address (or an element's addresses) to one address on `ports`
 * (`443`, a range such as the NodePort range `30000-32767`; `null`: no port known). A range is
 * evaluated whole, as the flows check does: an allow of its first port alone lets the leg through
 * only when the rest of the range is allowed too. The source is one sender even when only its element
 * is known (no interface address): the leg passes when one of the element's addresses does, as a
 * concrete address would (`sourcesAll: false`); the flows check asks the whole-set question.
 */
export function tcpTuple(model: L3Model, from: Ip | { elementId: string }, to: Ip, ports: number | string | null): FlowTuple {
  return {
    sources: 'elementId' in from ? spansOfElement(model, from.elementId) : [spanOf(from)],
    sourcesAll: false,
    destinations: [spanOf(to)],
    protocol: 'tcp',
    ports: ports === null ? null : parsePorts(String(ports)),
  };
}

/**
 * The ports a backend leg is evaluated on, as text: a port or a range as written (the NodePort range
 * `30000-32767`, evaluated whole), `80` for `80 (the Service target port)`; `null` when the text names
 * no port.
 */
export function backendPorts(text: string): string | null {
  const m = /^\s*(\d{1,5}(?:\s*-\s*\d{1,5})?)/.exec(text);
  return m ? m[1]!.replace(/\s+/g, '') : null;
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
      message: `the ${what} ${f.name} denies TCP ${leg.from} → ${leg.to}${portText ? ` port${portText.includes('-') ? 's' : ''} ${portText}` : ''} (${rule})`,
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
