import { describe, expect, it } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { designFlows } from '@viplane/validator';
import { filterFlows, flowChoices, NO_FILTER } from './filter.ts';

// Seed 000's 3-network NSX-ALB design: the L3 switch routes between the management and data networks.
const flows = designFlows(getTemplate('seed000-3net-alb')!.build()).flows;

describe('Flows panel filtering', () => {
  it('no filter keeps every flow', () => {
    expect(filterFlows(flows, NO_FILTER)).toHaveLength(flows.length);
  });

  it('routed flows through the L3 switch include AKO → Controller 443', () => {
    const routed = filterFlows(flows, { ...NO_FILTER, status: 'routed', point: 'l3-switch' });
    expect(routed.length).toBeGreaterThan(0);
    expect(routed.every((f) => f.status === 'routed' && f.enforcementPoints.some((p) => p.id === 'l3-switch'))).toBe(true);
    expect(routed.map((f) => f.id)).toContain('ako/controller-api:workload-cluster-1>avi-controller');
  });

  it('filters combine: system and status', () => {
    const ako = filterFlows(flows, { ...NO_FILTER, system: 'ako', status: 'intra-segment' });
    expect(ako.every((f) => f.system === 'ako' && f.status === 'intra-segment')).toBe(true);
    const expected = flows.filter((f) => f.system === 'ako' && f.status === 'intra-segment').length;
    expect(ako).toHaveLength(expected);
  });

  it('an enforcement point no flow crosses leaves nothing', () => {
    expect(filterFlows(flows, { ...NO_FILTER, point: 'avi-controller' })).toEqual([]);
  });

  it('offers the systems and enforcement points present', () => {
    const c = flowChoices(flows);
    expect(c.systems).toEqual(['ako', 'cni', 'nsx-alb', 'tkg']);
    expect(c.points).toEqual([{ id: 'l3-switch', name: 'L3 switch' }]);
  });
});
