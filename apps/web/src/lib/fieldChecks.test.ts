import { describe, expect, it } from 'vitest';
import { checkCidr, checkIp, checkIpIn, checkRange, checkVlan } from './fieldChecks.ts';

describe('field checks as you type', () => {
  it('CIDRs', () => {
    expect(checkCidr('192.168.48.0/22')).toBeNull();
    expect(checkCidr('192.168.49.0/22')?.text).toContain('192.168.48.0/22');
    expect(checkCidr('192.168.48.0')?.level).toBe('error');
    expect(checkCidr(null)).toBeNull();
    expect(checkCidr('', true)?.level).toBe('error');
  });
  it('addresses and where they sit', () => {
    expect(checkIp('192.168.52.100')).toBeNull();
    expect(checkIp('192.168.52')?.level).toBe('error');
    expect(checkIpIn('192.168.49.100', '192.168.52.0/22', 'the node network')?.text).toContain('outside the node network');
    expect(checkIpIn('192.168.52.0', '192.168.52.0/22')?.text).toContain('network address');
    // Seed 000 trap: .0 and .255 inside a /22 are ordinary hosts.
    expect(checkIpIn('192.168.49.0', '192.168.48.0/22')).toBeNull();
  });
  it('VLANs', () => {
    expect(checkVlan('48')).toEqual({ value: 48, message: null });
    expect(checkVlan('4095').message?.level).toBe('error');
    expect(checkVlan('x').message?.level).toBe('error');
    expect(checkVlan('')).toEqual({ value: null, message: null });
  });
  it('ranges: order, subnet, size', () => {
    expect(checkRange('192.168.49.0', '192.168.49.255', '192.168.48.0/22')).toEqual({ start: null, end: null, size: 256 });
    expect(checkRange('192.168.49.0', '192.168.56.1', '192.168.48.0/22').end?.text).toContain('outside');
    expect(checkRange('192.168.49.9', '192.168.49.1', null).end?.level).toBe('error');
  });
});
