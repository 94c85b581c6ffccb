/** POST /api/flows and GET /api/flows/catalogue. */
import { describe, expect, it, vi } from 'vitest';
import { getTemplate } from '@viplane/templates';
import { FLOW_CATALOGUE, designFlows } from '@viplane/validator';
import { call, useMemoryApp, type Json } from './helper.ts';

vi.setConfig({ testTimeout: 60_000 });
const server = useMemoryApp();

describe('GET /api/flows/catalogue', () => {
  it('lists every catalogue row with its source keys', async () => {
    const res = await call(server.app, { method: 'GET', url: '/api/flows/catalogue' });
    expect(res.status).toBe(200);
    expect(res.body.flows.map((f: Json) => f.id)).toEqual(FLOW_CATALOGUE.map((f) => f.id));
    expect(res.body.flows.find((f: Json) => f.id === 'tkg/mgmt-to-workload-5556')).toMatchObject({ requirement: '?', sources: ['K1'] });
  });
});

describe('POST /api/flows', () => {
  it('returns the flows, the matrix and the L2 requirements of a design, as designFlows() does', async () => {
    const doc = getTemplate('seed000-3net-kubevip')!.build();
    const res = await call(server.app, { method: 'POST', url: '/api/flows', payload: doc });
    expect(res.status).toBe(200);
    const expected = designFlows(doc);
    expect(res.body.matrix).toEqual(JSON.parse(JSON.stringify(expected.matrix)));
    expect(res.body.l2).toEqual(expected.l2);
    expect(res.body.flows).toHaveLength(expected.flows.length);
    const nodeport = res.body.flows.find((f: Json) => f.flowId === 'ako/se-nodeport');
    expect(nodeport).toMatchObject({ status: 'routed', enforcementPoints: [{ id: 'l3-switch' }] });
  });

  it('rejects an invalid document with the path of the problem', async () => {
    const res = await call(server.app, { method: 'POST', url: '/api/flows', payload: { schemaVersion: 2, name: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThan(0);
  });
});
