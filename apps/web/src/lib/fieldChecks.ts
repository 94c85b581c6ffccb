/**
 * Field-level checks for the inspector, shown as the user types. They catch syntax and local
 * consistency only (a CIDR that is not a CIDR, a gateway outside its subnet); design-level
 * problems come from the validator in the worker.
 */
import { contains, formatCidr, isParseError, parseCidr, parseIp, parseRange, type ParsedCidr } from '@viplane/model';

export interface FieldMessage {
  level: 'error' | 'warning' | 'hint';
  text: string;
}

export function checkCidr(value: string | null, required = false): FieldMessage | null {
  if (value === null || value === '') return required ? { level: 'error', text: 'A CIDR is required, e.g. 192.168.48.0/22' } : null;
  const c = parseCidr(value);
  if (isParseError(c)) return { level: 'error', text: c.error };
  if (c.hostBitsSet) return { level: 'error', text: `Host bits are set: the network is ${formatCidr(c)}` };
  return null;
}

export function checkIp(value: string | null, required = false): FieldMessage | null {
  if (value === null || value === '') return required ? { level: 'error', text: 'An address is required' } : null;
  const a = parseIp(value);
  return isParseError(a) ? { level: 'error', text: a.error } : null;
}

/** An address that should sit inside `subnet` (gateways, interface addresses, endpoints). */
export function checkIpIn(value: string | null, subnet: string | null | undefined, what = 'the subnet'): FieldMessage | null {
  const syntax = checkIp(value);
  if (syntax || !value || !subnet) return syntax;
  const c = parseCidr(subnet);
  const a = parseIp(value);
  if (isParseError(c) || isParseError(a)) return null;
  if (!contains(c, a)) return { level: 'warning', text: `${value} is outside ${what} ${subnet}` };
  if (c.family === 4 && c.prefixLength < 31 && a.family === 4 && (a.value === c.start || a.value === c.end))
    return { level: 'error', text: `${value} is the ${a.value === c.start ? 'network' : 'broadcast'} address of ${subnet}` };
  return null;
}

export function checkVlan(text: string): { value: number | null; message: FieldMessage | null } {
  if (text.trim() === '') return { value: null, message: null };
  if (!/^\d+$/.test(text.trim())) return { value: null, message: { level: 'error', text: 'A VLAN id is a whole number 1–4094' } };
  const n = Number(text);
  if (n < 1 || n > 4094) return { value: n, message: { level: 'error', text: 'VLAN ids run from 1 to 4094 (0 and 4095 are reserved)' } };
  return { value: n, message: null };
}

export function checkInteger(text: string, min: number, max: number): { value: number | null; message: FieldMessage | null } {
  if (!/^-?\d+$/.test(text.trim())) return { value: null, message: { level: 'error', text: `A whole number ${min}–${max}` } };
  const n = Number(text);
  if (n < min || n > max) return { value: null, message: { level: 'error', text: `Must be between ${min} and ${max}` } };
  return { value: n, message: null };
}

export interface RangeCheck {
  start: FieldMessage | null;
  end: FieldMessage | null;
  size: number | null;
}

/** A start–end range on a network: both addresses, in order, inside the subnet. */
export function checkRange(start: string, end: string, subnet: string | null): RangeCheck {
  const s = checkIp(start, true);
  const e = checkIp(end, true);
  if (s || e) return { start: s, end: e, size: null };
  const r = parseRange(start, end);
  if (isParseError(r)) return { start: null, end: { level: 'error', text: r.error }, size: null };
  const size = r.family === 4 ? r.end - r.start + 1 : Number(r.end - r.start + 1n);
  const c: ParsedCidr | null = subnet && !isParseError(parseCidr(subnet)) ? (parseCidr(subnet) as ParsedCidr) : null;
  if (c) {
    const sIp = parseIp(start);
    const eIp = parseIp(end);
    const out = (ip: ReturnType<typeof parseIp>) => !isParseError(ip) && !contains(c, ip);
    return {
      start: out(sIp) ? { level: 'error', text: `outside ${subnet}` } : null,
      end: out(eIp) ? { level: 'error', text: `outside ${subnet}` } : null,
      size,
    };
  }
  return { start: null, end: null, size };
}
