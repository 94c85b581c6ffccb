/**
 * DesignBuilder: terse, typed construction of documents for templates, importers and tests.
 * Props merge over defaultProps(kind); ids derive from the name unless given; elements get a
 * simple position per system column so a built design is readable before auto-layout.
 */
import { defaultProps } from './defaults.ts';
import { kindInfo, type SystemId } from './kinds.ts';
import { SCHEMA_VERSION, type Element, type ElementKind, type PropsOf, type TopologyDocument } from './schema/document.ts';
import type { Link } from './schema/link.ts';

const COLUMN: Record<SystemId, number> = { physical: 0, vsphere: 1, 'nsx-alb': 2, haproxy: 2, nsxt: 2, aci: 2, tkg: 3, tanzu: 3, kubernetes: 4 };

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export interface DesignMeta {
  name: string;
  description?: string;
  environment?: TopologyDocument['environment'];
  origin?: string;
}

export class DesignBuilder {
  private readonly elements: Element[] = [];
  private readonly links: Link[] = [];
  private readonly ids = new Set<string>();
  private readonly rows = new Map<number, number>();

  constructor(private readonly meta: DesignMeta) {}

  /** Adds an element; returns its id. Nested objects in props merge one level deep. */
  add<K extends ElementKind>(kind: K, name: string, props: DeepPartial<PropsOf<K>> = {} as DeepPartial<PropsOf<K>>, options: { id?: string } = {}): string {
    const id = this.uniqueId(options.id ?? slug(name) ?? kind);
    const base = defaultProps(kind) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
      const prior = base[key];
      // Merge a nested object over its default only when it is the same shape: a value with a
      // key the default lacks is another variant of a union (loadBalancer haproxy -> nsx-alb).
      const sameShape =
        value !== null && typeof value === 'object' && !Array.isArray(value) && prior !== null && typeof prior === 'object' && !Array.isArray(prior) &&
        Object.keys(value).every((k) => k in prior);
      merged[key] = sameShape ? { ...(prior as object), ...(value as object) } : value;
    }
    const column = COLUMN[kindInfo[kind].system];
    const row = this.rows.get(column) ?? 0;
    this.rows.set(column, row + 1);
    this.elements.push({ id, kind, name, position: { x: column * 320, y: row * 140 }, props: merged } as Element);
    return id;
  }

  /** An interface of `from` on network `to`. */
  nic(from: string, to: string, nic: Partial<Omit<Link, 'id' | 'kind' | 'from' | 'to'>> & { id?: string } = {}): string {
    const id = this.uniqueId(nic.id ?? `${from}--${to}`);
    this.links.push({
      id,
      kind: 'nic',
      from,
      to,
      role: nic.role ?? 'data',
      address: nic.address ?? null,
      addressMode: nic.addressMode ?? (nic.address ? 'static' : 'pool'),
      gateway: nic.gateway ?? null,
    });
    return id;
  }

  /** A cabled link between ACI switches. */
  cable(from: string, to: string): string {
    const id = this.uniqueId(`${from}--${to}`);
    this.links.push({ id, kind: 'leaf', from, to, role: 'uplink', address: null, addressMode: 'static', gateway: null });
    return id;
  }

  build(): TopologyDocument {
    return {
      schemaVersion: SCHEMA_VERSION,
      name: this.meta.name,
      description: this.meta.description ?? '',
      environment: this.meta.environment ?? 'lab',
      ...(this.meta.origin ? { origin: this.meta.origin } : {}),
      elements: JSON.parse(JSON.stringify(this.elements)) as Element[],
      links: JSON.parse(JSON.stringify(this.links)) as Link[],
    };
  }

  private uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.ids.has(id); n++) id = `${wanted}-${n}`;
    this.ids.add(id);
    return id;
  }
}

function slug(name: string): string | undefined {
  const s = name.toLowerCase().replace(/[^a-z0-9_.:-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '').slice(0, 100);
  return s.length > 0 ? s : undefined;
}
