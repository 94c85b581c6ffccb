import { describe, expect, it } from 'vitest';
import { lower } from '../src/l3/lower.ts';
import { trace } from '../src/routing/trace.ts';
import { restore } from '@viplane/model';
import { threeNetwork } from './fixtures.ts';

describe('lower + trace on seed 000 3-network', () => {
  const { doc, ids } = threeNetwork();
  it('restores', () => {
    const r = restore(doc);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
  it('routes a client to the VIP network through the L3 switch', () => {
    const model = lower(doc);
    const t = trace(model, { elementId: ids.clients }, { address: '192.168.49.10' });
    expect(t.drop).toBeUndefined();
    expect(t.delivered).toBe(true);
    expect(t.hops.map((h) => h.hostId)).toEqual([null, ids.l3]);
  });
  it('SE replies to an outside client through the data default route', () => {
    const model = lower(doc);
    const t = trace(model, { elementId: ids.se }, { elementId: ids.clients });
    expect(t.drop).toBeUndefined();
    expect(t.hops.map((h) => h.hostId)).toEqual([ids.se, ids.l3]);
    expect(t.hops[0]?.route).toMatchObject({ prefix: '0.0.0.0/0', nextHop: '192.168.48.1' });
  });
});

describe('trace to an overlay pod address', () => {
  it('drops where only the default route toward clients anywhere matches', () => {
    const { doc, ids } = threeNetwork();
    const model = lower(doc);
    const t = trace(model, { elementId: ids.clients }, { address: '100.96.1.5' });
    expect(t.delivered).toBe(false);
    expect(t.drop).toMatchObject({ reason: 'no-route', hostId: ids.l3 });
  });
});
