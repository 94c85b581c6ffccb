/**
 * Version history features: a save that changes nothing makes no version, each version names the
 * share link that saved it, and GET /api/designs/:id/diff compares two versions semantically.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TopologyDocument } from '@viplane/model';
import { smallDesign } from './fixtures.ts';
import { bearer, call, useMemoryApp, type Json } from './helper.ts';

vi.setConfig({ testTimeout: 60_000 });

const server = useMemoryApp();

async function create(doc: TopologyDocument) {
  const res = await call(server.app, { method: 'POST', url: '/api/designs', payload: doc });
  expect(res.status).toBe(201);
  return res.body as { id: string; editToken: string; viewToken: string };
}

const save = (id: string, token: string, doc: TopologyDocument, version: number) =>
  call(server.app, { method: 'PUT', url: `/api/designs/${id}`, headers: { ...bearer(token), 'if-match': `"${version}"` }, payload: doc });
const versions = async (id: string, token: string) =>
  (await call(server.app, { method: 'GET', url: `/api/designs/${id}/versions`, headers: bearer(token) })).body.versions as Json[];

function portGroup(doc: TopologyDocument, name: string) {
  const el = doc.elements.find((e) => e.name === name);
  if (!el || el.kind !== 'portGroup') throw new Error(`fixture has no port group ${name}`);
  return el;
}

describe('saving without a change', () => {
  it('makes no version when nothing changed in meaning or layout, also in another element order', async () => {
    const doc = smallDesign('Same');
    const { id, editToken } = await create(doc);
    const same = await save(id, editToken, { ...doc, elements: [...doc.elements].reverse() }, 1);
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect(same.res.headers['etag']).toBe('"1"');
    expect((await versions(id, editToken)).map((v) => v.version)).toEqual([1]);

    // A move is a change: it makes a version.
    const moved = structuredClone(doc);
    moved.elements[0]!.position = { x: 999, y: 1 };
    const res = await save(id, editToken, moved, 1);
    expect(res.body.version).toBe(2);
  });

  it('still answers 412 for an unchanged save against an old version', async () => {
    const doc = smallDesign('Old');
    const { id, editToken } = await create(doc);
    expect((await save(id, editToken, smallDesign('Newer'), 1)).body.version).toBe(2);
    const stale = await save(id, editToken, doc, 1);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });
});

describe('who saved a version', () => {
  it('records the share link that saved each version, by its label', async () => {
    const { id, editToken } = await create(smallDesign('Team'));
    const link = await call(server.app, {
      method: 'POST',
      url: `/api/designs/${id}/shares`,
      headers: bearer(editToken),
      payload: { scope: 'edit', label: 'Alice' },
    });
    expect(link.status).toBe(201);
    expect((await save(id, link.body.token, smallDesign('Team v2'), 1)).status).toBe(200);
    const list = await versions(id, editToken);
    expect(list.map((v) => [v.version, (v.savedBy as Json).label])).toEqual([
      [2, 'Alice'],
      [1, 'created with the design'],
    ]);
    const one = await call(server.app, { method: 'GET', url: `/api/designs/${id}/versions/2`, headers: bearer(editToken) });
    expect(one.body.savedBy).toEqual({ linkId: link.body.id, label: 'Alice' });
  });
});

describe('GET /api/designs/:id/diff', () => {
  async function twoVersions() {
    const v1 = smallDesign('Diffed');
    const created = await create(v1);
    const v2 = structuredClone(v1);
    portGroup(v2, 'VIP').props.vlan = 21;
    portGroup(v2, 'VIP').name = 'VIP-renamed';
    // Overlaps Management: ipam/subnet-overlap is introduced.
    portGroup(v2, 'Management').props.subnet = '192.168.20.0/24';
    expect((await save(created.id, created.editToken, v2, 1)).status).toBe(200);
    return { ...created, v1, v2 };
  }

  it('lists changed fields with old and new values and the diagnostics introduced, with a view token', async () => {
    const { id, viewToken, v1 } = await twoVersions();
    const res = await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=1&to=2`, headers: bearer(viewToken) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: 1, to: 2, semantic: true, identical: false });
    const vip = portGroup(v1, 'VIP');
    const changed = Object.fromEntries((res.body.elements.changed as Json[]).map((c) => [c.id, c.fields]));
    expect(changed[vip.id]).toEqual([
      { path: 'name', before: 'VIP', after: 'VIP-renamed' },
      { path: 'props.vlan', before: 20, after: 21 },
    ]);
    expect(res.body.elements.added).toEqual([]);
    expect((res.body.diagnostics.introduced as Json[]).map((d) => d.ruleId)).toContain('ipam/subnet-overlap');

    // `to` defaults to the current version; the other way round resolves what was introduced.
    const back = await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=2&to=1`, headers: bearer(viewToken) });
    expect((back.body.diagnostics.resolved as Json[]).map((d) => d.ruleId)).toContain('ipam/subnet-overlap');
    const current = await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=1`, headers: bearer(viewToken) });
    expect(current.body.to).toBe(2);
  });

  it('needs a token of this design, an existing version, and a version number', async () => {
    const { id, editToken } = await twoVersions();
    expect((await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=1&to=2` })).status).toBe(401);
    const other = await create(smallDesign('Other'));
    expect(
      (await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=1&to=2`, headers: bearer(other.editToken) })).status,
    ).toBe(404);
    const missing = await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=1&to=7`, headers: bearer(editToken) });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('7');
    const bad = await call(server.app, { method: 'GET', url: `/api/designs/${id}/diff?from=zero`, headers: bearer(editToken) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'querystring', path: '/from', value: 'zero' });
  });
});
