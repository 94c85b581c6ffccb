import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  restore,
  defaultProps,
  DesignBuilder,
  DOCUMENT_LIMITS,
  ELEMENT_KINDS,
  SCHEMA_VERSION,
  type TopologyDocument,
} from '../src/index.ts';

function doc(partial: Partial<TopologyDocument> = {}): TopologyDocument {
  return { schemaVersion: SCHEMA_VERSION, name: 'd', description: '', environment: 'lab', elements: [], links: [], ...partial };
}

describe('restore', () => {
  it('accepts a default element of every kind', () => {
    const elements = ELEMENT_KINDS.map((kind, i) => ({
      id: `e${i}`,
      kind,
      name: kind,
      position: { x: 0, y: i },
      props: defaultProps(kind),
    }));
    const result = restore(doc({ elements } as Partial<TopologyDocument>));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('answers the same while it interprets the schema and after it has compiled it (first uses vs later ones)', () => {
    const good = doc({
      elements: [{ id: 'pg', kind: 'portGroup', name: 'pg', position: { x: 0, y: 0 }, props: defaultProps('portGroup') }],
    } as Partial<TopologyDocument>);
    const bad = doc({
      elements: [
        { id: 'pg', kind: 'portGroup', name: 'pg', position: { x: 0, y: 0 }, props: { ...defaultProps('portGroup'), vlan: 'ten' } },
      ],
    } as unknown as Partial<TopologyDocument>);
    const first = [restore(good), restore(bad)];
    expect(first[0]!.ok).toBe(true);
    expect(first[1]!.ok).toBe(false);
    // Well past the point where each checker compiles its schema.
    for (let i = 0; i < 40; i++) {
      expect(restore(good)).toEqual(first[0]);
      expect(restore(bad)).toEqual(first[1]);
    }
  });

  it('names the unsupported schemaVersion', () => {
    const result = restore({ ...doc(), schemaVersion: 99 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ path: '/schemaVersion', value: 99 });
      expect(result.errors[0]?.message).toContain('99');
    }
  });

  it('rejects a non-object with the root path', () => {
    for (const input of [null, 3, 'x', [1]]) {
      const result = restore(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.path).toBe('');
    }
  });

  it('names the path and value of a wrongly typed field', () => {
    const pg = {
      id: 'pg',
      kind: 'portGroup',
      name: 'dp-data-48',
      position: { x: 0, y: 0 },
      props: { ...defaultProps('portGroup'), vlan: 'forty' },
    };
    const result = restore(doc({ elements: [pg] } as never));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ path: '/elements/0/props/vlan', value: 'forty' }));
  });

  it('names an unknown kind', () => {
    const result = restore(doc({ elements: [{ id: 'x', kind: 'mainframe', name: '', position: { x: 0, y: 0 }, props: {} }] } as never));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '/elements/0/kind', value: 'mainframe' });
  });

  it('rejects dangling references and duplicate ids with their paths', () => {
    const se = {
      id: 'se',
      kind: 'seGroup',
      name: 'se',
      position: { x: 0, y: 0 },
      props: { ...defaultProps('seGroup'), controllerId: 'ghost' },
    };
    const result = restore(doc({ elements: [se, { ...se }] } as never));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual(expect.objectContaining({ path: '/elements/1/id', value: 'se' }));
      expect(result.errors).toContainEqual(expect.objectContaining({ path: '/elements/0/props/controllerId', value: 'ghost' }));
    }
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = restore(value);
        return typeof result.ok === 'boolean';
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const result = restore({ ...doc(), ...extra, schemaVersion: SCHEMA_VERSION });
        return typeof result.ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseJsonText', () => {
  it('gives line and column of a syntax error', async () => {
    const { parseJsonText } = await import('../src/index.ts');
    const r = parseJsonText('{\n  "schemaVersion": 1,\n  "name": }\n');
    expect(r).toMatchObject({ ok: false, line: 3, column: 11 });
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseJsonText('')).toMatchObject({ ok: false, line: 1 });
    expect(parseJsonText('{"a": 1,}')).toMatchObject({ ok: false });
  });
});

describe('DesignBuilder', () => {
  it('replaces a nested union variant instead of merging it over the default', async () => {
    const { DesignBuilder } = await import('../src/index.ts');
    const b = new DesignBuilder({ name: 'x' });
    const ctrl = b.add('aviController', 'ctrl');
    b.add('supervisor', 'sup', { loadBalancer: { provider: 'nsx-alb', controllerId: ctrl } });
    b.add('tkgCluster', 'c', { endpoint: { provider: 'kube-vip' } });
    const doc = b.build();
    expect(doc.elements[1]?.props).toMatchObject({ loadBalancer: { provider: 'nsx-alb', controllerId: ctrl } });
    expect((doc.elements[1]?.props as { loadBalancer: object }).loadBalancer).not.toHaveProperty('haproxyId');
    expect((doc.elements[2]?.props as { endpoint: object }).endpoint).toEqual({ provider: 'kube-vip', address: null });
    const r = restore(doc);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('restore: input that no store accepts', () => {
  const base = () => JSON.parse(JSON.stringify(new DesignBuilder({ name: 'Scan' }).build())) as Record<string, unknown>;
  const withElement = (patch: (el: Record<string, unknown>) => void) => {
    const b = new DesignBuilder({ name: 'Scan' });
    b.add('router', 'R1');
    const doc = JSON.parse(JSON.stringify(b.build())) as { elements: Record<string, unknown>[] };
    patch(doc.elements[0]!);
    return doc;
  };

  it('names the path of a NUL character in any string', () => {
    const result = restore(withElement((el) => (el['name'] = 'core\u0000router')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: '/elements/0/name', value: 'core\\u0000router' });
  });

  it('names the path of a lone surrogate, in values and in keys', () => {
    const high = restore({ ...base(), name: 'x\uD800y' });
    expect(high.ok ? [] : high.errors.map((e) => e.path)).toEqual(['/name']);
    const low = restore(withElement((el) => (el['extras'] = { 'a\uDC00': 1 })));
    expect(low.ok ? [] : low.errors.map((e) => e.path)).toEqual(['/elements/0/extras/a\uDC00']);
    // A proper pair (an emoji) is fine.
    expect(restore({ ...base(), name: 'lab 🚀' }).ok).toBe(true);
  });

  it('refuses a document nested beyond the depth limit without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const result = restore({ ...base(), meta: deep });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path.startsWith('/meta/0/0')).toBe(true);
    expect(result.errors[0]!.message).toContain(String(DOCUMENT_LIMITS.maxDepth));
  });

  it('limits extras depth and size per element', () => {
    let nested: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < DOCUMENT_LIMITS.maxExtrasDepth + 1; i++) nested = { n: nested };
    const deep = restore(withElement((el) => (el['extras'] = { 'a.b': nested })));
    expect(deep.ok ? '' : deep.errors[0]!.message).toContain(`${DOCUMENT_LIMITS.maxExtrasDepth} levels`);
    const big = restore(withElement((el) => (el['extras'] = { 'a.b': 'x'.repeat(DOCUMENT_LIMITS.maxExtrasBytes) })));
    expect(big.ok ? '' : big.errors[0]!.path).toBe('/elements/0/extras');
    expect(restore(withElement((el) => (el['extras'] = { 'a.b': { c: [1, 2, { d: 'e' }] } }))).ok).toBe(true);
  });

  it('never echoes a large value whole', () => {
    const result = restore({ ...base(), name: 'n'.repeat(10_000) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(String(result.errors[0]!.value).length).toBeLessThanOrEqual(80);
    expect(String(result.errors[0]!.value).endsWith('…')).toBe(true);
  });
});
