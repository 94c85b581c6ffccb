/**
 * inject() tests of the stateless routes (validate, trace, rules, templates, export, import),
 * health, OpenAPI, the web app, and the cross-cutting behaviour: error shape, limits, headers,
 * CORS, rate limits, request ids and logs. Rules are still being written, so validation is
 * checked on its envelope, never on what particular rules report.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { restore } from '@viplane/model';
import { templates } from '@viplane/templates';
import { rules } from '@viplane/validator';
import Fastify from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serverOptions, viplane, type ViplaneServer } from '../src/app.ts';
import { defaultConfig } from '../src/config.ts';
import type { Driver } from '../src/db/drivers/types.ts';
import { largeDesign, smallDesign } from './fixtures.ts';
import { STARTUP_TIMEOUT, TEST_RATE_LIMIT, bearer, buildTestApp, call, openMemoryDriver, type Json } from './helper.ts';

// Apps and databases start slowly on a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 60_000 });

let driver: Driver;
let app: ViplaneServer;

beforeAll(async () => {
  driver = await openMemoryDriver();
  app = await buildTestApp(driver);
}, STARTUP_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await driver?.close();
});

function expectError(body: Json, statusCode: number, code?: string) {
  expect(body).toMatchObject({ statusCode, error: expect.any(String), message: expect.any(String) });
  if (code) expect(body.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+/);
}

function expectDiagnostic(d: Json) {
  // The one diagnostic shape; `suggestions` (quick fixes) only when the rule offers some.
  const keys = Object.keys(d).filter((k) => k !== 'suggestions').sort();
  expect(keys).toEqual(['data', 'message', 'ruleId', 'severity', 'targets']);
  expect(['error', 'warning', 'info']).toContain(d.severity);
  expect(typeof d.ruleId).toBe('string');
  for (const t of d.targets) {
    expect(t).toMatchObject({ kind: expect.any(String), id: expect.any(String) });
    expect(Object.keys(t).every((k) => ['kind', 'id', 'field'].includes(k))).toBe(true);
  }
  for (const s of d.suggestions ?? []) expect(s).toEqual({ title: expect.any(String), edit: expect.any(Array) });
}

describe('health', () => {
  it('/healthz says the process is up', async () => {
    expect(await call(app, { method: 'GET', url: '/healthz' })).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('/readyz says the database answers, and 503 when it does not', async () => {
    expect(await call(app, { method: 'GET', url: '/readyz' })).toMatchObject({
      status: 200,
      body: { status: 'ready', database: 'pglite' },
    });
    let down = false;
    const flaky: Driver = {
      ...driver,
      query: (sql, params) => (down ? Promise.reject(new Error('connection refused')) : driver.query(sql, params)),
    };
    const other = await buildTestApp(flaky);
    try {
      down = true;
      const res = await call(other, { method: 'GET', url: '/readyz' });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'unavailable', database: 'pglite' });
      expect(JSON.stringify(res.body)).not.toContain('connection refused');
    } finally {
      await other.close();
    }
  });
});

describe('POST /api/validate', () => {
  it('returns diagnostics in the shared shape for a template', async () => {
    const template = templates[0]!;
    const res = await call(app, { method: 'POST', url: '/api/validate', payload: template.build() });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['diagnostics']);
    expect(Array.isArray(res.body.diagnostics)).toBe(true);
    res.body.diagnostics.forEach(expectDiagnostic);
  });

  it('returns diagnostics for a generated 50 KB design', async () => {
    const res = await call(app, { method: 'POST', url: '/api/validate', payload: largeDesign() });
    expect(res.status).toBe(200);
    res.body.diagnostics.forEach(expectDiagnostic);
  });

  it('answers 200 with findings when static route next hops are empty or malformed (the reported 500)', async () => {
    const doc = templates.find((t) => t.id === 'seed003-ako-static-route')!.build();
    const routes = doc.elements.flatMap((e) => (e.kind === 'aviController' ? e.props.vrfs.flatMap((v) => v.staticRoutes) : []));
    expect(routes.length).toBeGreaterThan(1);
    routes.forEach((r, i) => (r.nextHop = i % 2 === 0 ? '' : '1.2.3'));
    const res = await call(app, { method: 'POST', url: '/api/validate', payload: doc });
    expect(res.status).toBe(200);
    res.body.diagnostics.forEach(expectDiagnostic);
    const ids = (res.body.diagnostics as { ruleId: string }[]).map((d) => d.ruleId);
    expect(ids.filter((id) => id.startsWith('internal/'))).toEqual([]);
    expect(ids).toContain('ipam/invalid-cidr');
  });

  it('runs no rules with ?rules=none (the schema-only path)', async () => {
    const res = await call(app, { method: 'POST', url: '/api/validate?rules=none', payload: smallDesign() });
    expect(res).toMatchObject({ status: 200, body: { diagnostics: [] } });
  });

  it('rejects an invalid document with restore() errors: JSON path, message and value', async () => {
    const bad = smallDesign();
    (bad.elements[1]!.props as Record<string, unknown>)['vlan'] = 'ten';
    const res = await call(app, { method: 'POST', url: '/api/validate', payload: bad });
    expect(res.status).toBe(400);
    expectError(res.body, 400, 'INVALID_DOCUMENT');
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: '/elements/1/props/vlan', value: 'ten' }));
  });

  it('rejects a document from a future schema version with the path of the version', async () => {
    const res = await call(app, { method: 'POST', url: '/api/validate', payload: { ...smallDesign(), schemaVersion: 99 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: '/schemaVersion', value: 99 });
  });

  it('rejects malformed JSON, a non-object body, a wrong media type and a bad query with 400/415', async () => {
    const malformed = await call(app, {
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"schemaVersion": 1,',
    });
    expect(malformed.status).toBe(400);
    expectError(malformed.body, 400, 'MALFORMED_JSON');

    const array = await call(app, { method: 'POST', url: '/api/validate', payload: [1, 2] });
    expect(array.status).toBe(400);
    expectError(array.body, 400, 'SCHEMA');
    expect(array.body.errors[0]).toMatchObject({ path: '', value: '[array]' });

    const text = await call(app, { method: 'POST', url: '/api/validate', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.status).toBe(415);
    expectError(text.body, 415);

    const query = await call(app, { method: 'POST', url: '/api/validate?rules=some', payload: smallDesign() });
    expect(query.status).toBe(400);
    expect(query.body.errors[0]).toMatchObject({ path: '/rules', in: 'querystring', value: 'some' });

    const poisoned = await call(app, {
      method: 'POST',
      url: '/api/validate',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"polluted": true}, "schemaVersion": 1}',
    });
    expect(poisoned.status).toBe(400);
  });

  it('answers 413 past the body limit and keeps serving', async () => {
    const small = await buildTestApp(driver, { bodyLimit: 10_000 });
    try {
      const big = await call(small, { method: 'POST', url: '/api/validate', payload: largeDesign() });
      expect(big.status).toBe(413);
      expectError(big.body, 413, 'BODY_TOO_LARGE');
      expect(big.body.message).toContain('10000');
      expect((await call(small, { method: 'POST', url: '/api/validate', payload: smallDesign() })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('has a default body limit of 8 MiB: a 10,000-element design fits', async () => {
    const huge = largeDesign(10_000);
    expect(JSON.stringify(huge).length).toBeLessThan(8 * 1024 * 1024);
    const res = await call(app, { method: 'POST', url: '/api/validate?rules=none', payload: huge });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/trace', () => {
  const document = smallDesign();

  it('traces between an element and an address', async () => {
    const res = await call(app, {
      method: 'POST',
      url: '/api/trace',
      payload: { document, from: { elementId: 'nsx-alb' }, to: { address: '192.168.20.60' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'nsx-alb', delivered: expect.any(Boolean), hops: expect.any(Array) });
    if (!res.body.delivered) expect(res.body.drop).toMatchObject({ reason: expect.any(String), message: expect.any(String) });
  });

  it('traces through the load balancer to a NodePort and back, every hop field in the response (kube-vip 3-network design)', async () => {
    const kubeVip = templates.find((t) => t.id === 'seed000-3net-kubevip')!.build();
    const res = await call(app, {
      method: 'POST',
      url: '/api/trace',
      payload: { document: kubeVip, from: { elementId: 'clients' }, to: { elementId: 'vs-nginx' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      source: 'clients',
      sourceName: expect.stringContaining('clients (anywhere)'),
      destinationName: 'nginx (192.168.49.0)',
      delivered: true,
      replied: true,
      mode: 'nodeport',
    });
    const legs = res.body.legs as { kind: string; title: string; hops: Json[] }[];
    expect(legs.map((l) => l.kind)).toEqual(['forward', 'forward', 'reply', 'reply']);
    const se = legs[1]!.hops[0]!;
    // The response schema keeps the new hop fields (Fastify drops what a response schema does not name).
    expect(se).toMatchObject({
      kind: 'load-balancer',
      elementId: 'se-group-default',
      elementName: 'Default-Group',
      vrf: 'global',
      routingDomain: 'default',
      egress: { networkId: 'dp-data-48', networkName: 'dp-data-48', address: null, addressNote: expect.any(String) },
      route: { prefix: '0.0.0.0/0', nextHop: '192.168.48.1' },
    });
    expect(se.nat).toContainEqual(expect.objectContaining({ kind: 'snat', to: '192.168.48.10', pool: '192.168.48.10-192.168.48.49' }));
    expect(legs[1]!.hops.map((h) => h.kind)).toContain('node');
    expect(legs[3]!.hops.map((h) => h.elementId)).toEqual(['se-group-default', 'l3-switch', 'clients']);
  });

  it('reports an unknown endpoint in the result, not as an HTTP error', async () => {
    const res = await call(app, {
      method: 'POST',
      url: '/api/trace',
      payload: { document, from: { elementId: 'nope' }, to: { address: '192.168.20.60' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delivered: false, drop: { reason: 'unknown-endpoint' } });
  });

  it('rejects a bad endpoint with its path, and an invalid document under /document', async () => {
    const endpoint = await call(app, {
      method: 'POST',
      url: '/api/trace',
      payload: { document, from: { host: 'x' }, to: { address: '10.0.0.1' } },
    });
    expect(endpoint.status).toBe(400);
    expect(endpoint.body.errors[0].path).toMatch(/^\/from/);

    const missing = await call(app, { method: 'POST', url: '/api/trace', payload: { document, from: { address: '10.0.0.1' } } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('/to');

    const invalid = await call(app, {
      method: 'POST',
      url: '/api/trace',
      payload: { document: { ...document, environment: 'prod' }, from: { address: '10.0.0.1' }, to: { address: '10.0.0.2' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('INVALID_DOCUMENT');
    expect(invalid.body.errors[0]).toMatchObject({ path: '/document/environment', value: 'prod' });
  });
});

describe('GET /api/rules', () => {
  it('lists every rule with its metadata', async () => {
    const res = await call(app, { method: 'GET', url: '/api/rules' });
    expect(res.status).toBe(200);
    expect(res.body.rules).toHaveLength(rules.length);
    for (const r of res.body.rules) {
      expect(r).toEqual({
        id: expect.any(String),
        severity: expect.any(String),
        category: expect.any(String),
        description: expect.any(String),
        docs: expect.any(String),
        seeds: expect.any(Array),
      });
    }
  });
});

describe('GET /api/templates', () => {
  it('lists the templates without their documents', async () => {
    const res = await call(app, { method: 'GET', url: '/api/templates' });
    expect(res.status).toBe(200);
    expect(res.body.templates.map((t: Json) => t.id)).toEqual(templates.map((t) => t.id));
    expect(Object.keys(res.body.templates[0]).sort()).toEqual(['id', 'seed', 'summary', 'title']);
  });

  it('returns one template with a document that restore() accepts', async () => {
    const id = templates[0]!.id;
    const res = await call(app, { method: 'GET', url: `/api/templates/${id}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, title: templates[0]!.title });
    expect(restore(res.body.document).ok).toBe(true);
  });

  it('answers 404 for an unknown template', async () => {
    const res = await call(app, { method: 'GET', url: '/api/templates/no-such-template' });
    expect(res.status).toBe(404);
    expectError(res.body, 404, 'NOT_FOUND');
  });
});

describe('POST /api/export', () => {
  it('streams the deployment bundle as a zip that holds README.md and topology.json', async () => {
    const document = templates.find((t) => t.id === 'seed000-3net-alb')!.build();
    const res = await app.inject({ method: 'POST', url: '/api/export', payload: { format: 'bundle', document } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+-bundle\.zip"/);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'topology.json']));
    expect(Object.keys(files).some((f) => f.endsWith('.png'))).toBe(true);
    expect(JSON.parse(strFromU8(files['topology.json']!))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('exports the report, the address plan and the design diagram with their media types', async () => {
    const document = smallDesign();
    for (const [format, type] of [
      ['report', 'text/html'],
      ['address-plan', 'text/csv'],
      ['svg', 'image/svg+xml'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/export', payload: { format, document } });
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type']).toContain(type);
    }
  });

  it('exports one config format on its own: a zip of every cluster config, one file as YAML', async () => {
    const routable = templates.find((t) => t.id === 'seed001-tkg-routable')!.build();
    const tkg = await app.inject({ method: 'POST', url: '/api/export', payload: { format: 'tkg-cluster-config', document: routable } });
    expect(tkg.statusCode).toBe(200);
    expect(tkg.headers['content-type']).toContain('application/zip');
    expect(Object.keys(unzipSync(tkg.rawPayload)).sort()).toEqual(['tkg/cl1.yaml', 'tkg/cl2.yaml', 'tkg/mgmt.yaml']);
    const tkgs = templates.find((t) => t.id === 'seed001-tkgs-routable')!.build();
    const tkc = await app.inject({ method: 'POST', url: '/api/export', payload: { format: 'tkc', document: tkgs } });
    expect(tkc.statusCode).toBe(200);
    expect(tkc.headers['content-type']).toContain('application/yaml');
    expect(tkc.payload).toContain('kind: "TanzuKubernetesCluster"');
  });

  it('answers 501 for a format that is only inside the bundle', async () => {
    const res = await call(app, { method: 'POST', url: '/api/export', payload: { format: 'png', document: smallDesign() } });
    expect(res.status).toBe(501);
    expectError(res.body, 501, 'NOT_IMPLEMENTED');
    expect(res.body.message).toContain('not built yet');
    expect(res.body.message).toContain('format=bundle');
  });

  it('rejects an unknown format and an invalid document with 400', async () => {
    const unknown = await call(app, { method: 'POST', url: '/api/export', payload: { format: 'docx', document: smallDesign() } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_FORMAT', errors: [{ path: '/format', value: 'docx' }] });

    const invalid = await call(app, { method: 'POST', url: '/api/export', payload: { format: 'bundle', document: { schemaVersion: 1 } } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('INVALID_DOCUMENT');

    const noFormat = await call(app, { method: 'POST', url: '/api/export', payload: { document: smallDesign() } });
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.errors[0].path).toBe('/format');
  });
});

describe('POST /api/import', () => {
  function multipart(files: { name: string; content: string }[], fields: Record<string, string> = {}) {
    const boundary = '----viplane-test-boundary';
    const parts = [
      ...Object.entries(fields).map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
      ...files.map(
        (f) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${f.content}\r\n`,
      ),
    ];
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `${parts.join('')}--${boundary}--\r\n` };
  }
  const topologyFile = (content: string) => multipart([{ name: 'topology.json', content }]);

  /** Seed 001's management and cl1 configs as printed in the seed (docs/seeds/001.md §6). */
  function seed001Configs(): { name: string; content: string }[] {
    const text = readFileSync(new URL('../../../docs/seeds/001.md', import.meta.url), 'utf8');
    const block = (heading: string) => /```yaml\n([\s\S]*?)```/.exec(text.slice(text.indexOf(`\n${heading}`)))![1]!;
    return [
      { name: 'management.yaml', content: block('### 6.1') },
      { name: 'clsuter01.yaml', content: block('### 6.2') },
    ];
  }

  it('imports topology.json sent as the JSON body', async () => {
    const res = await call(app, { method: 'POST', url: '/api/import', payload: smallDesign() });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('topology-json');
    expect(res.body.document).toEqual(smallDesign());
  });

  it('imports topology.json sent as a multipart file', async () => {
    const res = await call(app, { method: 'POST', url: '/api/import', ...topologyFile(JSON.stringify(smallDesign())) });
    expect(res.status).toBe(200);
    expect(res.body.document).toEqual(smallDesign());
  });

  it("imports seed 001's TKG configs (multipart, format detected) into one design with no errors", async () => {
    const res = await call(app, { method: 'POST', url: '/api/import', ...multipart(seed001Configs()) });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('tkg-cluster-config');
    const doc = res.body.document as { elements: { kind: string; name: string }[] };
    expect(
      doc.elements
        .filter((e) => e.kind === 'tkgCluster')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['cl1', 'mgmt']);
    expect(doc.elements.some((e) => e.kind === 'nsxtTier1' && e.name === 'tanzu-cl1')).toBe(true);
    const errors = (res.body.diagnostics as { severity: string }[]).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('reports ipam/cluster-cidr-overlap on cl1 and the node segment when CLUSTER_CIDR is the node network (JSON files body)', async () => {
    const files = seed001Configs().map((f) => ({
      ...f,
      content: f.content.replace('CLUSTER_CIDR: 172.16.136.0/21', 'CLUSTER_CIDR: 172.16.128.0/21'),
    }));
    const res = await call(app, { method: 'POST', url: '/api/import?format=tkg-cluster-config', payload: { files } });
    expect(res.status).toBe(200);
    const overlap = (res.body.diagnostics as { ruleId: string; targets: { id: string }[] }[]).filter(
      (d) => d.ruleId === 'ipam/cluster-cidr-overlap',
    );
    expect(overlap).toHaveLength(1);
    expect(overlap[0]!.targets.map((t) => t.id).sort()).toEqual(['cl1', 'tanzu-overlay']);
  });

  it('merges into the design given as `into`', async () => {
    const base = smallDesign();
    const res = await call(app, {
      method: 'POST',
      url: '/api/import',
      ...multipart(seed001Configs().slice(0, 1), { into: JSON.stringify(base) }),
    });
    expect(res.status).toBe(200);
    const doc = res.body.document as { elements: { id: string }[] };
    for (const e of (base as { elements: { id: string }[] }).elements) expect(doc.elements.some((x) => x.id === e.id)).toBe(true);
    expect(doc.elements.length).toBeGreaterThan(base.elements.length);
  });

  it('rejects invalid files with restore() errors, or the line and column of a syntax error', async () => {
    const invalid = await call(app, { method: 'POST', url: '/api/import', payload: { ...smallDesign(), links: 'none' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'INVALID_DOCUMENT', errors: [{ path: '/links', value: 'none' }] });

    const notJson = await call(app, { method: 'POST', url: '/api/import', ...topologyFile('{ nope') });
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('INVALID_IMPORT');
    expect(notJson.body.errors[0].message).toMatch(/^topology\.json:\d+:\d+: not valid JSON or YAML/);

    const boundary = '----b';
    const noFile = await call(app, {
      method: 'POST',
      url: '/api/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('NO_FILE');
  });

  it('answers 413 for a multipart file past the limit', async () => {
    const small = await buildTestApp(driver, { bodyLimit: 10_000 });
    try {
      const res = await call(small, { method: 'POST', url: '/api/import', ...topologyFile(JSON.stringify(largeDesign())) });
      expect(res.status).toBe(413);
      expectError(res.body, 413);
      expect((await call(small, { method: 'POST', url: '/api/import', payload: smallDesign() })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('answers 400 for an export-only or unknown format', async () => {
    const exportOnly = await call(app, { method: 'POST', url: '/api/import?format=avi-objects', payload: smallDesign() });
    expect(exportOnly.status).toBe(400);
    expect(exportOnly.body.message).toContain('export format');
    const unknown = await call(app, { method: 'POST', url: '/api/import?format=visio', payload: smallDesign() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_FORMAT');
  });
});

describe('OpenAPI', () => {
  it('documents every route at /openapi.json with the model schema for documents', async () => {
    const res = await call(app, { method: 'GET', url: '/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/designs',
        '/api/designs/{id}',
        '/api/designs/{id}/comments',
        '/api/designs/{id}/comments/{threadId}',
        '/api/designs/{id}/comments/{threadId}/replies',
        '/api/designs/{id}/comments/{threadId}/replies/{commentId}',
        '/api/designs/{id}/diff',
        '/api/designs/{id}/handoff',
        '/api/designs/{id}/shares',
        '/api/designs/{id}/shares/{linkId}',
        '/api/designs/{id}/versions',
        '/api/designs/{id}/versions/{version}',
        '/api/designs/{id}/versions/{version}/restore',
        '/api/export',
        '/api/flows',
        '/api/flows/catalogue',
        '/api/import',
        '/api/rules',
        '/api/templates',
        '/api/templates/{id}',
        '/api/trace',
        '/api/validate',
        '/healthz',
        '/readyz',
      ].sort(),
    );
    expect(res.body.components.schemas.TopologyDocument.properties.elements).toBeDefined();
    expect(res.body.paths['/api/validate'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/TopologyDocument',
    });
    expect(JSON.stringify(res.body)).not.toContain('x-viplane-document');
  });

  it('serves Swagger UI at /docs under the same CSP', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('security', () => {
  it('sends a strict CSP and the other helmet headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    // WebAssembly may compile; JavaScript eval stays forbidden.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('keeps CORS off by default and allows only configured origins', async () => {
    const off = await app.inject({ method: 'GET', url: '/api/rules', headers: { origin: 'https://evil.example' } });
    expect(off.headers['access-control-allow-origin']).toBeUndefined();

    const withCors = await buildTestApp(driver, { corsOrigins: ['https://viplane.example'] });
    try {
      const allowed = await withCors.inject({ method: 'GET', url: '/api/rules', headers: { origin: 'https://viplane.example' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://viplane.example');
      const denied = await withCors.inject({ method: 'GET', url: '/api/rules', headers: { origin: 'https://evil.example' } });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await call(app, { method: 'GET', url: '/api/nothing-here' });
    expect(res.status).toBe(404);
    expectError(res.body, 404, 'NOT_FOUND');
  });

  it('hides internals of a 500 from the client', async () => {
    const broken: Driver = {
      ...driver,
      query: (sql, params) =>
        sql.includes('share_links') ? Promise.reject(new Error('secret internals at db.ts:12:3')) : driver.query(sql, params),
    };
    const other = await buildTestApp(broken);
    try {
      const res = await call(other, { method: 'GET', url: '/api/designs/abc', headers: bearer('AAAAAAAAAAAAAAAA.' + 'A'.repeat(43)) });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
      expect((await call(other, { method: 'GET', url: '/healthz' })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('echoes a request id, keeping a well-formed one from the caller', async () => {
    const fresh = await app.inject({ method: 'GET', url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const hostile = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(hostile.headers['x-request-id']).not.toBe('a b\nc');
  });

  it('logs structured lines with the request id and never the bearer token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = defaultConfig({ database: { driver }, webDist: null, log: 'info', rateLimit: TEST_RATE_LIMIT });
    const options = serverOptions(config);
    const logged = Fastify({ ...options, logger: { ...(options.logger as object), stream } }).withTypeProvider<TypeBoxTypeProvider>();
    await logged.register(viplane, config);
    try {
      const token = 'BBBBBBBBBBBBBBBB.' + 'S'.repeat(43);
      await logged.inject({ method: 'GET', url: '/api/designs/abc', headers: { ...bearer(token), 'x-request-id': 'log-test-1' } });
      const entries = lines.map((l) => JSON.parse(l) as Json);
      expect(entries.some((e) => e.reqId === 'log-test-1' && e.req?.url === '/api/designs/abc')).toBe(true);
      expect(lines.join('\n')).not.toContain('S'.repeat(43));
    } finally {
      await logged.close();
    }
  });
});

describe('rate limits', () => {
  it('limits each IP, but not the health checks', async () => {
    const limited = await buildTestApp(driver, { rateLimit: { ...TEST_RATE_LIMIT, perIp: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await limited.inject({ method: 'GET', url: '/api/rules' })).statusCode).toBe(200);
      const res = await call(limited, { method: 'GET', url: '/api/rules' });
      expect(res.status).toBe(429);
      expectError(res.body, 429);
      expect(res.res.headers['retry-after']).toBeDefined();
      const otherIp = await limited.inject({ method: 'GET', url: '/api/rules', remoteAddress: '10.9.9.9' });
      expect(otherIp.statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits each share token on design routes, on top of the IP limit', async () => {
    const limited = await buildTestApp(driver, { rateLimit: { ...TEST_RATE_LIMIT, perToken: 2 } });
    try {
      const created = await call(limited, { method: 'POST', url: '/api/designs', payload: smallDesign() });
      const { id, viewToken, editToken } = created.body;
      const get = (token: string) => limited.inject({ method: 'GET', url: `/api/designs/${id}`, headers: bearer(token) });
      expect((await get(viewToken)).statusCode).toBe(200);
      expect((await get(viewToken)).statusCode).toBe(200);
      const third = await get(viewToken);
      expect(third.statusCode).toBe(429);
      expect(third.headers['retry-after']).toBeDefined();
      expect((await get(editToken)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits design creation per IP', async () => {
    const limited = await buildTestApp(driver, { rateLimit: { ...TEST_RATE_LIMIT, createPerIp: 1 } });
    try {
      expect((await limited.inject({ method: 'POST', url: '/api/designs', payload: smallDesign() })).statusCode).toBe(201);
      expect((await limited.inject({ method: 'POST', url: '/api/designs', payload: smallDesign() })).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('the web app at /', () => {
  it('says the web app is not built, linking /docs, when apps/web/dist is missing', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('not built');
    expect(res.body).toContain('href="/docs"');
    expect(res.body).not.toContain('<script');
  });

  it('serves the build with a history fallback for app routes only', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'viplane-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Viplane app</title><script type="module" src="/assets/app-1234.js"></script>',
    );
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
    const web = await buildTestApp(driver, { webDist: dist });
    try {
      const index = await web.inject({ method: 'GET', url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('Viplane app');

      const deep = await web.inject({ method: 'GET', url: '/designs/abc?x=1', headers: { accept: 'text/html' } });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('Viplane app');
      expect(deep.headers['cache-control']).toBe('no-cache');

      const asset = await web.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');

      expect((await web.inject({ method: 'GET', url: '/assets/missing-99.js' })).statusCode).toBe(404);
      const api = await call(web, { method: 'GET', url: '/api/unknown' });
      expect(api.status).toBe(404);
      expect(api.body.code).toBe('NOT_FOUND');
      expect((await call(web, { method: 'GET', url: '/api/rules' })).status).toBe(200);
      expect((await web.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
