import { describe, expect, it } from 'vitest';
import { DesignBuilder, parseIp } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import { domainKeys4, hasKey, heldValues } from './heldValues.ts';

const u32 = (text: string) => {
  const p = parseIp(text);
  if ('error' in p || p.family !== 4) throw new Error(text);
  return p.value;
};

/** Seed 002's management network (192.168.110.0/24, router at .1, HAProxy .5, Supervisor block from .20) and a VRF. */
function design(supervisorStart = '192.168.110.20') {
  const b = new DesignBuilder({ name: 'held values' });
  const mgmt = b.add('portGroup', 'mgmt', { subnet: '192.168.110.0/24', gateway: '192.168.110.1' });
  const edge = b.add('portGroup', 'edge', { subnet: '255.255.255.240/28', gateway: null });
  const v6 = b.add('portGroup', 'v6', { subnet: 'fd00::/64', gateway: null, routingDomain: 'vrf-6' });
  b.nic(b.add('router', 'l3'), mgmt, { role: 'routed', address: '192.168.110.1' });
  b.nic(b.add('haproxy', 'hp', { topology: 'default', vipRanges: [] }), mgmt, { role: 'management', address: '192.168.110.5' });
  b.add('supervisor', 'sup', {
    managementNetworkId: supervisorStart.startsWith('255') ? edge : mgmt,
    managementStartAddress: supervisorStart,
  });
  b.add('k8sCluster', 'k8s', {
    nodeNetworkId: v6,
    nodes: [{ id: 'n0', name: 'n0', role: 'worker' as const, address: 'fd00::10', leafId: null }],
  });
  return lower(b.build());
}

describe('heldValues', () => {
  it("keeps each domain's IPv4 values sorted, flagging holders that are not the gateway's router", () => {
    const hv = heldValues(design());
    const d = hv.domainIndex.get('default')!;
    const keys = [...domainKeys4(hv, d)];
    const supervisor = [20, 21, 22, 23, 24].map((h) => u32(`192.168.110.${h}`) * 2 + 1);
    expect(keys).toEqual([u32('192.168.110.1') * 2, u32('192.168.110.5') * 2 + 1, ...supervisor]);
    expect(hasKey(domainKeys4(hv, d), u32('192.168.110.1') * 2 + 1)).toBe(false);
    expect(hasKey(domainKeys4(hv, d), u32('192.168.110.5') * 2 + 1)).toBe(true);
    expect([...hv.v6Domains]).toEqual(['vrf-6']);
  });

  it("cuts the Supervisor's block at the end of the IPv4 space", () => {
    const hv = heldValues(design('255.255.255.253'));
    const keys = [...domainKeys4(hv, hv.domainIndex.get('default')!)].map((k) => Math.floor(k / 2));
    expect(keys.filter((v) => v >= u32('255.255.255.0'))).toEqual([u32('255.255.255.253'), u32('255.255.255.254'), u32('255.255.255.255')]);
  });

  it('marks addresses on no known network as holding nothing', () => {
    const model = design();
    const hv = heldValues(model);
    model.addresses.forEach((a, k) => expect(hv.domainOfAddress[k]! >= 0).toBe(a.ip !== null && a.networkId !== null));
  });
});
