/**
 * The pure side of the firewall-rule / router-ACL editor: the checks shown as you type and the
 * list operations. The validator's `flows/invalid-filter-rule` is the authority; these mirror its
 * grammar so the field says what is wrong before the worker does.
 */
import type { FilterRule } from '@viplane/model';
import { isParseError, parseCidr, parseIp } from '@viplane/model';
import type { FieldMessage } from '../../lib/fieldChecks.ts';

/** `any` or empty, else ports 1-65535 and ranges `a-b` separated by commas (routing/filters.ts parsePorts). */
export function checkPorts(text: string, protocol: FilterRule['protocol']): FieldMessage | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'any') return null;
  if (protocol === 'icmp') return { level: 'error', text: 'ICMP has no ports: write any' };
  for (const part of t.split(',')) {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$/.exec(part);
    if (!m) return { level: 'error', text: `"${part.trim()}" is not a port or a range a-b` };
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (first < 1 || last > 65535 || first > 65535) return { level: 'error', text: `${part.trim()}: ports are 1-65535` };
    if (last < first) return { level: 'error', text: `${part.trim()}: the range ends before it starts` };
  }
  return null;
}

function isAddressText(entry: string): boolean {
  const t = entry.trim();
  const dash = t.indexOf('-');
  if (dash > 0) {
    const a = parseIp(t.slice(0, dash));
    const b = parseIp(t.slice(dash + 1));
    return !isParseError(a) && !isParseError(b) && a.family === b.family;
  }
  if (t.includes('/')) return !isParseError(parseCidr(t));
  return !isParseError(parseIp(t));
}

/** The first entry of a source/destination list that is neither an address, CIDR, range, `any` nor an element id. */
export function checkEntries(entries: readonly string[], elementIds: ReadonlySet<string>): FieldMessage | null {
  for (const e of entries) {
    if (e.trim().toLowerCase() === 'any' || elementIds.has(e) || isAddressText(e)) continue;
    return { level: 'error', text: `"${e}" is neither an address, CIDR or range nor an element of the design` };
  }
  return null;
}

/** The list with rule `index` moved by `delta` places (clamped); the same array when it cannot move. */
export function moveRule<T>(rules: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(rules.length - 1, index + delta));
  if (to === index || index < 0 || index >= rules.length) return [...rules];
  const out = [...rules];
  const [rule] = out.splice(index, 1);
  out.splice(to, 0, rule!);
  return out;
}

/** A new rule: allow TCP from anywhere to anywhere on no port yet; the user narrows it. */
export function newRule(id: string): FilterRule {
  return { id, action: 'allow', sources: [], destinations: [], protocol: 'tcp', ports: 'any' };
}
