/** A small design with every shape the diff and merge walk: nested lists with ids, links, references, a record. */
import { DesignBuilder, type Element, type ElementKind, type PropsOf, type TopologyDocument } from '../../src/index.ts';

export function smallDesign(): TopologyDocument {
  const b = new DesignBuilder({ name: 'lab' });
  b.add(
    'portGroup',
    'mgmt',
    {
      vlan: 10,
      subnet: '192.168.10.0/24',
      gateway: '192.168.10.1',
      ranges: [{ id: 'mgmt-pool', purpose: 'se-pool', start: '192.168.10.100', end: '192.168.10.150' }],
    },
    { id: 'pg-mgmt' },
  );
  b.add('portGroup', 'data', { vlan: 20, subnet: '192.168.20.0/24', gateway: '192.168.20.1' }, { id: 'pg-data' });
  b.add('portGroup', 'v6', { vlan: 30, subnet: 'fd00:30::/64', gateway: 'fd00:30::1' }, { id: 'pg-v6' });
  b.add('router', 'core', { staticRoutes: [{ id: 'rt-1', prefix: '172.16.0.0/12', nextHop: '192.168.10.254' }] }, { id: 'core' });
  b.add('tkgCluster', 'wl-1', { workerCount: 3, nodeNetworkId: 'pg-data' }, { id: 'wl-1' });
  b.add(
    'k8sCluster',
    'k8s',
    { nodeNetworkId: 'pg-data', nodes: [{ id: 'n1', name: 'n1', role: 'worker', address: '192.168.20.11', leafId: null }] },
    { id: 'k8s' },
  );
  b.add('virtualService', 'web', { vipNetworkId: 'pg-data', address: '192.168.20.50' }, { id: 'vs-web' });
  b.nic('core', 'pg-mgmt', { id: 'nic-mgmt', address: '192.168.10.1', role: 'management' });
  b.nic('core', 'pg-data', { id: 'nic-data', address: '192.168.20.1' });
  return b.build();
}

export function element<K extends ElementKind>(doc: TopologyDocument, id: string): Extract<Element, { kind: K }> {
  const el = doc.elements.find((e) => e.id === id);
  if (!el) throw new Error(`no element ${id}`);
  return el as Extract<Element, { kind: K }>;
}

/** A copy of `doc` with one element's props changed. */
export function withProps<K extends ElementKind>(
  doc: TopologyDocument,
  id: string,
  change: (props: PropsOf<K>) => PropsOf<K>,
): TopologyDocument {
  return { ...doc, elements: doc.elements.map((e) => (e.id === id ? ({ ...e, props: change(e.props as PropsOf<K>) } as Element) : e)) };
}

export function withElement(doc: TopologyDocument, id: string, change: (el: Element) => Element): TopologyDocument {
  return { ...doc, elements: doc.elements.map((e) => (e.id === id ? change(e) : e)) };
}

/** Removes elements as the editor does: their links go, references to them become null. */
export function withoutElements(doc: TopologyDocument, ids: readonly string[]): TopologyDocument {
  const gone = new Set(ids);
  const clear = (v: unknown): unknown => (typeof v === 'string' && gone.has(v) ? null : v);
  const elements = doc.elements
    .filter((e) => !gone.has(e.id))
    .map((e) => {
      const props = { ...(e.props as Record<string, unknown>) };
      for (const [key, value] of Object.entries(props)) if (key.endsWith('Id')) props[key] = clear(value);
      if (Array.isArray(props['nodes']))
        props['nodes'] = (props['nodes'] as { leafId: string | null }[]).map((n) => ({ ...n, leafId: clear(n.leafId) }));
      return { ...e, props } as Element;
    });
  return { ...doc, elements, links: doc.links.filter((l) => !gone.has(l.from) && !gone.has(l.to)) };
}
