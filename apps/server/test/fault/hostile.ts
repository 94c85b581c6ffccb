/**
 * A generator of hostile requests across every route, by class (issue 12). Each case names the
 * statuses it may get: never a 5xx (a 501 for a format not built is the one planned exception),
 * and where the answer is known exactly (a NUL is a 400 with its path), exactly that.
 */
import type { InjectOptions } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import type { TopologyDocument } from '@viplane/model';
import { largeDesign, smallDesign } from '../fixtures.ts';

export interface HostileCase {
  class: string;
  name: string;
  request: InjectOptions;
  /** Statuses allowed; default: any 4xx. */
  expect?: number[];
  /** Checks on the parsed JSON body when the status is one of `expect`. */
  check?: (body: Record<string, unknown>) => void;
}

export interface DesignAccess {
  id: string;
  editToken: string;
  viewToken: string;
  linkId: string;
}

type Route = ReturnType<typeof documentRoutes>[number];

/** A JSON request to a route, with the route's own headers (token, If-Match). */
function send(route: Route, payload: string | object): InjectOptions {
  return {
    method: route.method,
    url: route.url,
    headers: { ...route.headers, 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  };
}

const json = (payload: string | object) => ({
  headers: { 'content-type': 'application/json' },
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});

/** Every route that takes a document, with the body shape it wants around one. */
function documentRoutes(
  access: DesignAccess,
): { name: string; method: InjectOptions['method']; url: string; headers?: Record<string, string>; wrap: (doc: unknown) => unknown }[] {
  const edit = { authorization: `Bearer ${access.editToken}` };
  return [
    { name: 'validate', method: 'POST', url: '/api/validate', wrap: (d) => d },
    { name: 'validate?rules=none', method: 'POST', url: '/api/validate?rules=none', wrap: (d) => d },
    {
      name: 'trace',
      method: 'POST',
      url: '/api/trace',
      wrap: (d) => ({ document: d, from: { address: '10.0.0.1' }, to: { address: '10.0.0.2' } }),
    },
    { name: 'export svg', method: 'POST', url: '/api/export', wrap: (d) => ({ format: 'svg', document: d }) },
    { name: 'export bundle', method: 'POST', url: '/api/export', wrap: (d) => ({ format: 'bundle', document: d }) },
    { name: 'import (document body)', method: 'POST', url: '/api/import', wrap: (d) => d },
    {
      name: 'import (files + into)',
      method: 'POST',
      url: '/api/import',
      wrap: (d) => ({ files: [{ name: 'a.yaml', content: 'a: 1' }], into: d }),
    },
    { name: 'create design', method: 'POST', url: '/api/designs', wrap: (d) => d },
    { name: 'save design', method: 'PUT', url: `/api/designs/${access.id}`, headers: { ...edit, 'if-match': '"1"' }, wrap: (d) => d },
  ];
}

function withName(name: string): TopologyDocument {
  return { ...smallDesign(), name };
}

function deepJson(levels: number, open = '[', close = ']'): string {
  return `${open.repeat(levels)}${close.repeat(levels)}`;
}

function multipartBody(boundary: string, parts: string[], end = true): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}${end ? `--${boundary}--\r\n` : ''}`;
}

function yamlFile(name: string, content: string | Uint8Array): InjectOptions {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('latin1');
  const boundary = 'hostile-boundary';
  return {
    method: 'POST',
    url: '/api/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      multipartBody(boundary, [
        `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${text}`,
      ]),
      'latin1',
    ),
  };
}

export function hostileCases(access: DesignAccess): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);
  const bad = (path: string) => (body: Record<string, unknown>) => {
    const errors = (body['errors'] ?? []) as { path: string }[];
    if (!errors.some((e) => e.path.endsWith(path))) throw new Error(`no error at ${path}: ${JSON.stringify(body).slice(0, 300)}`);
  };
  const edit = { authorization: `Bearer ${access.editToken}` };
  const routes = documentRoutes(access);

  // NUL characters and unpaired surrogates, in values and keys, on every document route.
  const strings: [string, TopologyDocument, string][] = [
    ['NUL in the name', withName('lab\u0000'), '/name'],
    ['lone high surrogate in the name', withName('lab\uD800'), '/name'],
    ['lone low surrogate in the description', { ...smallDesign(), description: '\uDC00x' }, '/description'],
    [
      'NUL in an element name',
      { ...smallDesign(), elements: smallDesign().elements.map((e, i) => (i === 0 ? { ...e, name: 'a\u0000b' } : e)) },
      '/elements/0/name',
    ],
    [
      'surrogate in an extras key',
      { ...smallDesign(), elements: smallDesign().elements.map((e, i) => (i === 0 ? { ...e, extras: { 'k\uDBFF': 1 } } : e)) },
      '/elements/0/extras/k\uDBFF',
    ],
  ];
  for (const route of routes)
    for (const [name, doc, path] of strings) {
      const into = route.name === 'import (files + into)';
      add({
        class: 'NUL / lone surrogate',
        name: `${route.name}: ${name}`,
        request: {
          method: route.method,
          url: route.url,
          headers: { ...route.headers, 'content-type': 'application/json' },
          payload: JSON.stringify(route.wrap(doc)),
        },
        // import of a document body reports it among the import problems; the rest name the JSON path.
        expect: [400],
        check: route.name.startsWith('import (document') ? undefined : bad(into ? `/into${path}` : path),
      });
    }

  // Deep nesting: as raw JSON past the parser's limit, and inside a document past restore()'s.
  let deepExtras: unknown = 1;
  // Within the JSON depth limit (64) but past the extras limit (16): restore() names it.
  for (let i = 0; i < 40; i++) deepExtras = { n: deepExtras };
  const withDeepExtras = {
    ...smallDesign(),
    elements: smallDesign().elements.map((e, i) => (i === 0 ? { ...e, extras: { deep: deepExtras } } : e)),
  };
  for (const route of routes) {
    add({ class: 'deep JSON', name: `${route.name}: 100,000 nested arrays`, request: send(route, deepJson(100_000)), expect: [400] });
    add({
      class: 'deep JSON',
      name: `${route.name}: 5,000 nested objects`,
      request: send(route, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
      expect: [400],
    });
    add({
      class: 'deep JSON',
      name: `${route.name}: extras 40 deep`,
      request: send(route, route.wrap(withDeepExtras) as object),
      expect: [400],
    });
  }

  // Names from the request looked up as own properties only.
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
    add({
      class: 'prototype names',
      name: `import ?format=${name}`,
      request: { method: 'POST', url: `/api/import?format=${name}`, ...json(smallDesign()) },
      expect: [400],
      check: (b) => void (b['code'] === 'UNKNOWN_FORMAT' || fail(b)),
    });
    add({
      class: 'prototype names',
      name: `export format ${name}`,
      request: { method: 'POST', url: '/api/export', ...json({ format: name, document: smallDesign() }) },
      expect: [400],
    });
    add({ class: 'prototype names', name: `template ${name}`, request: { method: 'GET', url: `/api/templates/${name}` }, expect: [404] });
  }
  add({
    class: 'prototype names',
    name: 'body with __proto__',
    request: { method: 'POST', url: '/api/validate', ...json('{"__proto__":{"polluted":1},"schemaVersion":1}') },
    expect: [400],
  });
  add({
    class: 'prototype names',
    name: 'body with constructor.prototype',
    request: { method: 'POST', url: '/api/validate', ...json('{"constructor":{"prototype":{"polluted":1}}}') },
    expect: [400],
  });

  // Numbers from headers, paths and queries: out of range, not integers, not numbers.
  for (const tag of [
    '"2147483648"',
    '"9999999999"',
    '"99999999999999999999"',
    '"-1"',
    '"1.5"',
    '"1e3"',
    '"NaN"',
    '"Infinity"',
    '"0x10"',
    'W/"1"',
    '"1", "2"',
  ])
    add({
      class: 'numbers',
      name: `If-Match ${tag}`,
      request: {
        method: 'PUT',
        url: `/api/designs/${access.id}`,
        headers: { ...edit, 'if-match': tag, 'content-type': 'application/json' },
        payload: JSON.stringify(smallDesign()),
      },
      expect: tag === '"2147483648"' || tag.includes('999') ? [400] : [400, 412],
    });
  for (const tag of ['"2147483648"', '"0"'])
    add({
      class: 'numbers',
      name: `restore If-Match ${tag}`,
      request: { method: 'POST', url: `/api/designs/${access.id}/versions/1/restore`, headers: { ...edit, 'if-match': tag } },
      expect: [400, 412],
    });
  for (const n of ['2147483648', '99999999999999999999', '-1', '0', '1.5', 'NaN', 'Infinity', '1e3', '0x1', '%00'])
    add({
      class: 'numbers',
      name: `version path ${n}`,
      request: { method: 'GET', url: `/api/designs/${access.id}/versions/${n}`, headers: edit },
      expect: n === '1e3' || n === '0x1' ? [400, 404] : [400, 404],
    });
  for (const q of [
    'limit=NaN',
    'limit=0',
    'limit=1e9',
    'limit=-1',
    'before=2147483648',
    'before=99999999999999999999',
    'before=Infinity',
    'limit=1&limit=2',
  ])
    add({
      class: 'numbers',
      name: `versions ?${q}`,
      request: { method: 'GET', url: `/api/designs/${access.id}/versions?${q}`, headers: edit },
      expect: [400],
    });
  for (const body of [
    { scope: 'view', expiresInSeconds: 1e308 },
    { scope: 'view', expiresInSeconds: -1 },
    { scope: 'view', expiresAt: '+275760-09-13T00:00:00.001Z' },
    { scope: 'view', expiresAt: '9999-99-99T99:99:99Z' },
  ])
    add({
      class: 'numbers',
      name: `share ${JSON.stringify(body)}`,
      request: {
        method: 'POST',
        url: `/api/designs/${access.id}/shares`,
        headers: { ...edit, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      },
      expect: [400],
    });

  // NaN, Infinity and numbers beyond a double: not JSON, or not finite once parsed.
  for (const route of routes.slice(0, 4)) {
    const text = JSON.stringify(route.wrap(smallDesign()));
    add({
      class: 'NaN / Infinity',
      name: `${route.name}: NaN literal`,
      request: send(route, text.replace('"position":{"x":', '"position":{"x":NaN,"_":')),
      expect: [400],
    });
    add({
      class: 'NaN / Infinity',
      name: `${route.name}: Infinity literal`,
      request: send(route, text.replace('"schemaVersion":', '"schemaVersion":Infinity,"_":')),
      expect: [400],
    });
    add({
      class: 'NaN / Infinity',
      name: `${route.name}: 1e400`,
      request: send(route, text.replace(/"x":-?[\d.]+/, '"x":1e400')),
      expect: [400],
    });
  }

  // Huge arrays: counts past the limits, checked before restore() looks at the items.
  const manyElements = `{"schemaVersion":1,"name":"x","description":"","environment":"lab","elements":[${Array(25_000).fill('{}').join(',')}],"links":[]}`;
  const manyLinks = `{"schemaVersion":1,"name":"x","description":"","environment":"lab","elements":[],"links":[${Array(45_000).fill('0').join(',')}]}`;
  for (const route of routes) {
    const wrapText = (doc: string) => JSON.stringify(route.wrap({ placeholder: true })).replace('{"placeholder":true}', doc);
    add({
      class: 'huge arrays',
      name: `${route.name}: 25,000 elements`,
      request: send(route, wrapText(manyElements)),
      expect: [413],
      check: (b) => void (b['code'] === 'LIMIT_EXCEEDED' || fail(b)),
    });
    add({ class: 'huge arrays', name: `${route.name}: 45,000 links`, request: send(route, wrapText(manyLinks)), expect: [413] });
  }
  add({
    class: 'huge arrays',
    name: 'import: 10,000 files',
    request: {
      method: 'POST',
      url: '/api/import',
      ...json({ files: Array.from({ length: 10_000 }, (_, i) => ({ name: `${i}.yaml`, content: 'a: 1' })) }),
    },
    expect: [400],
  });
  add({
    class: 'huge arrays',
    name: 'validate: 200,000 ranges in one network',
    request: {
      method: 'POST',
      url: '/api/validate',
      ...json({
        ...smallDesign(),
        elements: smallDesign().elements.map((e) =>
          e.kind === 'portGroup' ? { ...e, props: { ...e.props, ranges: Array(200_000).fill(0) } } : e,
        ),
      }),
    },
    expect: [400],
  });
  add({
    class: 'huge arrays',
    name: 'body over the size limit (9 MB)',
    request: { method: 'POST', url: '/api/validate', ...json(`{"name":"${'x'.repeat(9 * 1024 * 1024)}"}`) },
    expect: [413],
  });

  // Duplicate keys: JSON.parse keeps the last; whatever results goes through restore().
  for (const route of routes.slice(0, 3)) {
    const text = JSON.stringify(route.wrap(smallDesign()));
    add({
      class: 'duplicate keys',
      name: `${route.name}: name twice`,
      request: send(route, text.replace('"name":', '"name":"first","name":')),
      expect: [200],
    });
    add({
      class: 'duplicate keys',
      name: `${route.name}: elements twice, second not a list`,
      request: send(route, text.replace(/}$/, ',"elements":7}').replace(/}}$/, ',"elements":7}}')),
      expect: [400],
    });
  }

  // Wrong content types and bodies that are not what the route reads.
  const types = [
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'application/octet-stream',
    'application/json; charset=utf-16',
    'application/jsonx',
    'multipart/form-data',
    'image/png',
  ];
  for (const route of routes.slice(0, 8))
    for (const type of types)
      add({
        class: 'wrong content type',
        name: `${route.name}: ${type}`,
        request: {
          method: route.method,
          url: route.url,
          headers: { ...route.headers, 'content-type': type },
          payload: JSON.stringify(route.wrap(smallDesign())),
        },
      });
  for (const payload of ['', 'null', '[]', '"text"', '123', 'true', '{', '{"a":1', '\u0000', '\uFEFF{}', '{"a":"\\ud800"}'])
    for (const route of routes.slice(0, 8))
      add({
        class: 'not a document',
        name: `${route.name}: ${JSON.stringify(payload)}`,
        request: { method: route.method, url: route.url, headers: { ...route.headers, 'content-type': 'application/json' }, payload },
      });

  // Multipart that is malformed or over its limits.
  const mp = (payload: string, type = 'multipart/form-data; boundary=b') => ({
    method: 'POST' as const,
    url: '/api/import',
    headers: { 'content-type': type },
    payload,
  });
  const filePart = (n: string, c = 'a: 1') => `Content-Disposition: form-data; name="file"; filename="${n}"\r\n\r\n${c}`;
  add({ class: 'malformed multipart', name: 'no boundary', request: mp(multipartBody('b', [filePart('a.yaml')]), 'multipart/form-data') });
  add({ class: 'malformed multipart', name: 'wrong boundary', request: mp(multipartBody('other', [filePart('a.yaml')])) });
  add({ class: 'malformed multipart', name: 'cut short', request: mp(multipartBody('b', [filePart('a.yaml')], false).slice(0, -10)) });
  add({ class: 'malformed multipart', name: 'no closing boundary', request: mp(multipartBody('b', [filePart('a.yaml')], false)) });
  add({ class: 'malformed multipart', name: 'garbage', request: mp('\u0000\u0001garbage--b\r\n\r\n\r\n') });
  add({ class: 'malformed multipart', name: 'part without headers', request: mp('--b\r\n\r\n\r\nabc\r\n--b--\r\n') });
  add({ class: 'malformed multipart', name: 'empty', request: mp('') });
  add({
    class: 'malformed multipart',
    name: '25 files',
    request: mp(
      multipartBody(
        'b',
        Array.from({ length: 25 }, (_, i) => filePart(`${i}.yaml`)),
      ),
    ),
    expect: [400, 413],
  });
  add({
    class: 'malformed multipart',
    name: '40 fields',
    request: mp(
      multipartBody(
        'b',
        Array.from({ length: 40 }, (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nv`),
      ),
    ),
    expect: [400, 413],
  });
  add({
    class: 'malformed multipart',
    name: 'into deep',
    request: mp(multipartBody('b', [filePart('a.yaml'), `Content-Disposition: form-data; name="into"\r\n\r\n${deepJson(10_000)}`])),
    expect: [400],
  });
  add({
    class: 'malformed multipart',
    name: 'into with NUL',
    request: mp(
      multipartBody('b', [filePart('a.yaml'), `Content-Disposition: form-data; name="into"\r\n\r\n${JSON.stringify(withName('x\u0000'))}`]),
    ),
    expect: [400],
  });
  add({
    class: 'malformed multipart',
    name: 'into not JSON',
    request: mp(multipartBody('b', [filePart('a.yaml'), 'Content-Disposition: form-data; name="into"\r\n\r\n{nope'])),
    expect: [400],
  });
  add({
    class: 'malformed multipart',
    name: '1,000 header pairs',
    request: mp(`--b\r\n${Array.from({ length: 1000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n${filePart('a.yaml')}\r\n--b--\r\n`),
  });

  // Hostile YAML and zips through import.
  let blockList = '';
  for (let i = 0; i < 2000; i++) blockList += `${' '.repeat(i)}-\n`;
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++)
    laughs.push(
      `a${i}: &a${i} [${Array(10)
        .fill(i === 1 ? '*a' : `*a${i - 1}`)
        .join(', ')}]`,
    );
  const yamlCases: [string, string | Uint8Array][] = [
    ['block list nested 2,000 levels', blockList],
    ['compact list nested 5,000 levels', `${'- '.repeat(5000)}x`],
    ['flow nested 50,000 levels', deepJson(50_000)],
    ['alias to no anchor', 'a: *nowhere\n'],
    ['billion laughs', laughs.join('\n')],
    [
      '6,000 unknown AKO keys',
      `AKOSettings:\n  clusterName: c\nNetworkSettings:\n  vipNetworkList: []\n${Array.from({ length: 6000 }, (_, i) => `k${i}: v`).join('\n')}`,
    ],
    ['duplicate keys', 'a: 1\na: 2\n'],
    [
      'a zip with 2,500 entries',
      zipSync(Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`f${i}`, strToU8('x')])), { level: 0 }),
    ],
    ['a zip whose topology.json expands to 6 MB', zipSync({ 'topology.json': new Uint8Array(6_000_000).fill(0x20) })],
    ['not a zip after the signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])],
    ['binary garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ];
  for (const [name, content] of yamlCases)
    add({ class: 'hostile YAML / zip', name, request: yamlFile(name.includes('zip') ? 'x.zip' : 'x.yaml', content), expect: [200, 400] });

  // Export bodies over 512 KB are parsed in a worker: the same checks must hold there.
  const big = largeDesign(1500);
  const bigText = JSON.stringify({ format: 'svg', document: big });
  const exportBig = (payload: string): HostileCase['request'] => ({
    method: 'POST',
    url: '/api/export',
    headers: { 'content-type': 'application/json' },
    payload,
  });
  const bigCases: [string, string, number[], HostileCase['check']?][] = [
    ['valid (svg)', bigText, [200]],
    ['NUL in the name', JSON.stringify({ format: 'svg', document: { ...big, name: 'x\u0000' } }), [400], bad('/document/name')],
    [
      'lone surrogate in an element name',
      JSON.stringify({
        format: 'svg',
        document: { ...big, elements: big.elements.map((e, i) => (i === 7 ? { ...e, name: '\uDFFF' } : e)) },
      }),
      [400],
      bad('/document/elements/7/name'),
    ],
    ['format __proto__', bigText.replace('"format":"svg"', '"format":"__proto__"'), [400]],
    ['format constructor', bigText.replace('"format":"svg"', '"format":"constructor"'), [400]],
    ['format png (not built)', bigText.replace('"format":"svg"', '"format":"png"'), [501]],
    ['no format', bigText.replace('"format":"svg",', ''), [400]],
    ['an extra property', bigText.replace('"format":"svg"', '"format":"svg","extra":1'), [400]],
    ['__proto__ key in the document', bigText.replace('"schemaVersion":', '"__proto__":{"x":1},"schemaVersion":'), [400]],
    ['nested 100 deep inside', bigText.replace('"schemaVersion":', `"deep":${deepJson(100)},"schemaVersion":`), [400]],
    ['1e400', bigText.replace(/"x":-?[\d.]+/, '"x":1e400'), [400]],
    ['cut short', bigText.slice(0, -10), [400]],
    ['document is a list', JSON.stringify({ format: 'svg', document: [bigText] }), [400]],
    ['25,000 elements', JSON.stringify({ format: 'svg', document: { ...big, elements: Array(25_000).fill({}) } }), [413]],
  ];
  for (const [name, payload, expected, check] of bigCases)
    add({ class: 'large export bodies (worker-parsed)', name, request: exportBig(payload), expect: expected, ...(check ? { check } : {}) });

  // Tokens and ids that are not what they should be.
  for (const auth of [
    'Bearer ',
    'Bearer a.b',
    `Bearer ${'a'.repeat(10_000)}.${'b'.repeat(10_000)}`,
    'Basic dXNlcjpwYXNz',
    'Bearer \uD800',
    `Bearer ${access.editToken}x`,
    'bearer',
  ])
    add({
      class: 'bad tokens and ids',
      name: `auth ${JSON.stringify(auth.slice(0, 20))}`,
      request: { method: 'GET', url: `/api/designs/${access.id}`, headers: { authorization: auth } },
      expect: [400, 401, 404],
    });
  for (const id of ['__proto__', 'constructor', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(65), '%00', '%F0%9F%9A%80', 'x%20y'])
    add({
      class: 'bad tokens and ids',
      name: `design id ${id.slice(0, 20)}`,
      request: { method: 'GET', url: `/api/designs/${id}`, headers: edit },
      expect: [400, 404],
    });
  add({
    class: 'bad tokens and ids',
    name: 'delete share __proto__',
    request: { method: 'DELETE', url: `/api/designs/${access.id}/shares/__proto__`, headers: edit },
    expect: [404],
  });
  add({
    class: 'bad tokens and ids',
    name: 'view token writes',
    request: {
      method: 'PUT',
      url: `/api/designs/${access.id}`,
      headers: { authorization: `Bearer ${access.viewToken}`, 'if-match': '"1"', 'content-type': 'application/json' },
      payload: JSON.stringify(smallDesign()),
    },
    expect: [403],
  });

  return cases;
}

function fail(body: unknown): never {
  throw new Error(`unexpected body ${JSON.stringify(body).slice(0, 300)}`);
}
