/**
 * The network handoff over HTTP: POST /api/export with format `handoff` (zip) and `handoff-html`, and
 * GET /api/designs/:id/handoff for a share link's view token (authorised like every design route).
 */
import { unzipSync } from 'fflate';
import { templates } from '@viplane/templates';
import { describe, expect, it, vi } from 'vitest';
import { bearer, call, useMemoryApp } from './helper.ts';

vi.setConfig({ testTimeout: 60_000 });

const server = useMemoryApp();
const document = templates.find((t) => t.id === 'seed000-3net-kubevip')!.build();

const HANDOFF_FILES = [
  'csv/addresses.csv',
  'csv/dns.csv',
  'csv/firewall-matrix.csv',
  'csv/l2-requirements.csv',
  'csv/reserved-ranges.csv',
  'csv/routes.csv',
  'csv/subnets.csv',
  'csv/vlans.csv',
  'handoff.html',
  'handoff.md',
  'handoff.xlsx',
  'netbox/ip-addresses.csv',
  'netbox/ip-ranges.csv',
  'netbox/prefixes.csv',
  'netbox/vlans.csv',
];

describe('POST /api/export format handoff', () => {
  it('answers a zip of every handoff file, named after the design; the same design gives the same bytes', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format: 'handoff', document } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*-handoff\.zip"$/);
    const entries = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(entries)).toEqual(HANDOFF_FILES);
    expect(Buffer.from(entries['handoff.md']!).toString('utf8')).toContain(
      '| dp-data-52 | 192.168.52.100 | Kubernetes API endpoint | tkg-mgmt |',
    );
    const again = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format: 'handoff', document } });
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('answers the handoff as one HTML page with handoff-html', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format: 'handoff-html', document } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<h2 id="handoff-subnets">Subnets</h2>');
    expect(res.body).toContain('<td>192.168.54.1-192.168.55.254</td>');
  });

  it('the bundle carries the handoff under handoff/', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/export', payload: { format: 'bundle', document } });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(unzipSync(new Uint8Array(res.rawPayload)));
    for (const p of HANDOFF_FILES) expect(paths).toContain(`handoff/${p}`);
  });
});

describe('GET /api/designs/:id/handoff', () => {
  const create = async () => {
    const res = await call(server.app, { method: 'POST', url: '/api/designs', payload: document });
    expect(res.status).toBe(201);
    return res.body as { id: string; editToken: string; viewToken: string };
  };

  it('a view token reads the handoff as HTML (default) or as the zip', async () => {
    const { id, viewToken } = await create();
    const html = await server.app.inject({ method: 'GET', url: `/api/designs/${id}/handoff`, headers: bearer(viewToken) });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['cache-control']).toBe('private, no-store');
    expect(html.body).toContain('Network handoff: ');
    expect(html.body).toContain('<td>192.168.52.100</td>');
    const zip = await server.app.inject({ method: 'GET', url: `/api/designs/${id}/handoff?format=zip`, headers: bearer(viewToken) });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(Object.keys(unzipSync(new Uint8Array(zip.rawPayload)))).toEqual(HANDOFF_FILES);
  });

  it('401 without a token, 404 for a token of another design, 410 SHARE_REVOKED for a revoked link, 400 for an unknown format', async () => {
    const a = await create();
    const b = await create();
    expect((await call(server.app, { method: 'GET', url: `/api/designs/${a.id}/handoff` })).status).toBe(401);
    expect((await call(server.app, { method: 'GET', url: `/api/designs/${a.id}/handoff`, headers: bearer(b.viewToken) })).status).toBe(404);
    const link = await call(server.app, {
      method: 'POST',
      url: `/api/designs/${a.id}/shares`,
      headers: bearer(a.editToken),
      payload: { scope: 'view' },
    });
    expect(link.status).toBe(201);
    const url = `/api/designs/${a.id}/handoff`;
    expect((await call(server.app, { method: 'GET', url, headers: bearer(link.body.token) })).status).toBe(200);
    await call(server.app, { method: 'DELETE', url: `/api/designs/${a.id}/shares/${link.body.id}`, headers: bearer(a.editToken) });
    const revoked = await call(server.app, { method: 'GET', url, headers: bearer(link.body.token) });
    expect(revoked.status).toBe(410);
    expect(revoked.body.code).toBe('SHARE_REVOKED');
    const bad = await call(server.app, { method: 'GET', url: `${url}?format=docx`, headers: bearer(a.viewToken) });
    expect(bad.status).toBe(400);
  });
});
