import { describe, expect, it } from 'vitest';
import { defaultProps, type Element } from '@viplane/model';
import { fieldApplies, pickerTargets } from './relevance.ts';

function tkg(role: 'management' | 'workload', provider: 'nsx-alb' | 'kube-vip', address: string | null = null): Element {
  const props = defaultProps('tkgCluster');
  return {
    id: 'tkg-1',
    kind: 'tkgCluster',
    name: 'c',
    position: { x: 0, y: 0 },
    props: { ...props, role, endpoint: { provider, address } },
  } as Element;
}

describe('inspector field relevance', () => {
  it('shows a TKG cluster only the fields of its role and endpoint provider', () => {
    const mgmtAlb = tkg('management', 'nsx-alb');
    expect(fieldApplies(mgmtAlb, 'managementClusterId', null)).toBe(false);
    expect(fieldApplies(mgmtAlb, 'controlPlaneVipNetworkId', null)).toBe(true);
    expect(fieldApplies(mgmtAlb, 'endpoint.address', null)).toBe(false);
    const wlKubeVip = tkg('workload', 'kube-vip');
    expect(fieldApplies(wlKubeVip, 'managementClusterId', null)).toBe(true);
    expect(fieldApplies(wlKubeVip, 'controlPlaneVipNetworkId', null)).toBe(false);
    expect(fieldApplies(wlKubeVip, 'endpoint.address', null)).toBe(true);
    expect(fieldApplies(wlKubeVip, 'podCidr', '100.96.0.0/11')).toBe(true);
  });

  it('never hides a field that holds a value', () => {
    const el = tkg('management', 'nsx-alb', '192.168.52.5');
    expect(fieldApplies(el, 'endpoint.address', '192.168.52.5')).toBe(true);
    expect(fieldApplies(el, 'managementClusterId', 'tkg-2')).toBe(true);
  });

  it('offers node networks only on the kinds that carry VMs', () => {
    expect(pickerTargets('nodeNetworkId', ['portGroup', 'nsxtSegment', 'clientNetwork'])).toEqual(['portGroup', 'nsxtSegment']);
    expect(pickerTargets('vipNetworkId', ['portGroup', 'nsxtSegment', 'clientNetwork'])).toEqual([
      'portGroup',
      'nsxtSegment',
      'clientNetwork',
    ]);
  });
});
