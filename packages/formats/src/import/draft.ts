/**
 * ImportDraft: the design an import builds, on top of the open design (drop onto the canvas) or an
 * empty one. Importers find elements by name before creating them, so several files make one
 * design: the port group two cluster configs name is one network, the Tier-1 in two
 * NSXT_ROUTER_PATHs is one gateway.
 *
 * What a file does not say stays explicit: `markUnknown()` records the field in the element's
 * `unknown` list (see @viplane/model `UnknownFields`), only on elements this import created — an
 * import never turns what the user drew into "unknown". `set()` on an existing element overwrites a
 * known value only with a warning naming both values.
 */
import {
  SCHEMA_VERSION,
  defaultProps,
  type Element,
  type ElementKind,
  type ElementOf,
  type Link,
  type PropsOf,
  type TopologyDocument,
} from '@viplane/model';
import { shown, type FileReporter } from './report.ts';
import type { KeyPath } from './source.ts';

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

type Mutable = { -readonly [K in keyof Element]: Element[K] };

export class ImportDraft {
  private readonly elements: Element[];
  private readonly links: Link[];
  private readonly ids = new Set<string>();
  /** Ids of the elements and links this import added (they get a layout). */
  readonly created = new Set<string>();
  private readonly base: TopologyDocument | undefined;
  /** Which file last set `<id>#<path>`: a file may refine its own values without a conflict warning. */
  private readonly setBy = new Map<string, FileReporter>();

  constructor(base?: TopologyDocument) {
    this.base = base;
    const copy = base ? (structuredClone(base) as TopologyDocument) : undefined;
    this.elements = copy?.elements ?? [];
    this.links = copy?.links ?? [];
    for (const e of this.elements) this.ids.add(e.id);
    for (const l of this.links) this.ids.add(l.id);
  }

  ofKind<K extends ElementKind>(kind: K): ElementOf<K>[] {
    return this.elements.filter((e): e is ElementOf<K> => e.kind === kind);
  }

  byId(id: string | null | undefined): Element | undefined {
    return id == null ? undefined : this.elements.find((e) => e.id === id);
  }

  /** The element of one of `kinds` with that name (case-sensitive, as vCenter and NSX compare). */
  byName<K extends ElementKind>(kinds: readonly K[], name: string): ElementOf<K> | undefined {
    return this.elements.find((e): e is ElementOf<K> => (kinds as readonly string[]).includes(e.kind) && e.name === name);
  }

  isNew(el: Element): boolean {
    return this.created.has(el.id);
  }

  /** Adds an element; `props` merge over the kind's defaults one level deep, like DesignBuilder. */
  add<K extends ElementKind>(
    kind: K,
    name: string,
    props: DeepPartial<PropsOf<K>>,
    options: { id?: string; unknown?: string[]; by?: FileReporter } = {},
  ): ElementOf<K> {
    const id = this.uniqueId(options.id ?? slug(name) ?? kind);
    const merged: Record<string, unknown> = { ...(defaultProps(kind) as Record<string, unknown>) };
    for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
      const prior = merged[key];
      const sameShape = isPlainObject(value) && isPlainObject(prior) && Object.keys(value).every((k) => k in prior);
      merged[key] = sameShape ? { ...prior, ...value } : value;
    }
    const el = { id, kind, name, position: { x: 0, y: 0 }, props: merged } as unknown as ElementOf<K>;
    if (options.unknown && options.unknown.length > 0) (el as Mutable).unknown = [...new Set(options.unknown)].sort();
    this.elements.push(el);
    this.created.add(id);
    if (options.by) for (const key of Object.keys(props as object)) this.setBy.set(`${id}#${key}`, options.by);
    return el;
  }

  /**
   * Sets `props` at `path` (`subnet`, `endpoint.address`) to what a file says. On an element the user
   * (or an earlier file) already gave a different known value, the file wins and a warning names both.
   */
  set(el: Element, path: string, value: unknown, from: { reporter: FileReporter; key: KeyPath }): void {
    const parts = path.split('.');
    const last = parts.pop() as string;
    let holder = el.props as Record<string, unknown>;
    for (const p of parts) holder = holder[p] as Record<string, unknown>;
    const before = holder[last];
    const wasUnknown = el.unknown?.includes(path) ?? false;
    // A conflict: the value was the user's (element from the design) or another file's; a kind's
    // default on an element this import created is not a value anyone gave.
    const owner = this.setBy.get(`${el.id}#${path}`) ?? this.setBy.get(`${el.id}#${parts[0] ?? last}`);
    const given = this.isNew(el) ? owner !== undefined && owner !== from.reporter : true;
    if (!wasUnknown && given && before !== undefined && !sameValue(before, value))
      from.reporter.warning(
        'import/conflict',
        `${el.name}: ${from.key.join('.')} = ${shown(value)} replaces ${shown(before)} (from the design or an earlier file)`,
        { key: from.key, value, targets: [{ kind: el.kind, id: el.id }], data: { previous: before } },
      );
    holder[last] = value;
    this.setBy.set(`${el.id}#${path}`, from.reporter);
    this.clearUnknown(el, path);
  }

  /**
   * The file gives `path` a value that cannot be used (reported as `import/bad-value` at its key by the
   * caller): on an element this import created the field becomes unknown and takes `notSet`, its "not
   * set" form when it has one (`''` for a CIDR or a name, `[]` for a list; a nullable field is already
   * `null`) — never the kind's default, a value nobody gave that rules would judge (a default pod CIDR
   * overlapping another cluster's). A field without such a form (a count, an enum) keeps its placeholder
   * value, marked unknown so the rules that check it stay silent. An element from the design keeps the
   * user's value.
   */
  unusable(el: Element, path: string, from: { reporter: FileReporter; key: KeyPath }, notSet?: '' | readonly never[] | null): void {
    if (!this.isNew(el)) return;
    if (notSet !== undefined) {
      const parts = path.split('.');
      const last = parts.pop() as string;
      let holder = el.props as Record<string, unknown>;
      for (const p of parts) holder = holder[p] as Record<string, unknown>;
      holder[last] = notSet;
    }
    this.setBy.set(`${el.id}#${path}`, from.reporter);
    this.markUnknown(el, path);
  }

  /** Records that the files do not say `path`; only on elements this import created. */
  markUnknown(el: Element, ...paths: string[]): void {
    if (!this.isNew(el)) return;
    const m = el as Mutable;
    m.unknown = [...new Set([...(m.unknown ?? []), ...paths])].sort();
  }

  clearUnknown(el: Element, path: string): void {
    const m = el as Mutable;
    if (!m.unknown) return;
    m.unknown = m.unknown.filter((p) => p !== path);
    if (m.unknown.length === 0) delete m.unknown;
  }

  /** Keeps a file's setting the design does not model (see @viplane/model `Extras`). */
  extra(el: Element, key: string, value: unknown): void {
    const m = el as Mutable;
    // Copied once per element (it may be the open design's object), then filled in place: a copy
    // per key made a values file with 6,000 unknown keys quadratic (seconds of a blocked server).
    if (!m.extras || !this.ownExtras.has(m.extras)) {
      m.extras = { ...(m.extras ?? {}) };
      this.ownExtras.add(m.extras);
    }
    (m.extras as Record<string, unknown>)[key] = value;
  }

  /** Extras objects this draft made, so it may write into them. */
  private readonly ownExtras = new WeakSet<object>();

  /** The NIC link of `from` on `to`, created when missing; a known address is never replaced silently. */
  nic(from: Element, to: Element, link: Pick<Link, 'role'> & Partial<Pick<Link, 'address' | 'addressMode' | 'gateway'>>): Link {
    const existing = this.links.find((l) => l.kind === 'nic' && l.from === from.id && l.to === to.id && l.role === link.role);
    if (existing) {
      if (existing.address === null && link.address) existing.address = link.address;
      return existing;
    }
    const created: Link = {
      id: this.uniqueId(`${from.id}--${to.id}`),
      kind: 'nic',
      from: from.id,
      to: to.id,
      role: link.role,
      address: link.address ?? null,
      addressMode: link.addressMode ?? (link.address ? 'static' : 'pool'),
      gateway: link.gateway ?? null,
    };
    this.links.push(created);
    this.created.add(created.id);
    return created;
  }

  /**
   * Turns a port group this import created into an NSX-T segment on `tier1Id`, keeping its id (so
   * references stay valid) and what the segment shares: subnet, gateway, DHCP, ranges, unknown marks.
   */
  toSegment(pg: ElementOf<'portGroup'>, tier1Id: string): ElementOf<'nsxtSegment'> {
    const { subnet, gateway, dhcp, ranges } = pg.props;
    const segment = {
      ...pg,
      kind: 'nsxtSegment',
      props: { tier1Id, subnet, gateway, dhcp, ranges },
      ...(pg.unknown ? { unknown: pg.unknown.filter((p) => p !== 'vlan') } : {}),
    } as unknown as ElementOf<'nsxtSegment'>;
    this.elements[this.elements.indexOf(pg)] = segment;
    return segment;
  }

  linksOf(id: string): Link[] {
    return this.links.filter((l) => l.from === id || l.to === id);
  }

  document(name: string): TopologyDocument {
    const base = this.base;
    return {
      schemaVersion: SCHEMA_VERSION,
      name: base?.name ?? name,
      description: base?.description ?? '',
      environment: base?.environment ?? 'production',
      ...(base?.origin !== undefined ? { origin: base.origin } : {}),
      elements: this.elements,
      links: this.links,
    } as TopologyDocument;
  }

  uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.ids.has(id); n++) id = `${wanted}-${n}`;
    this.ids.add(id);
    return id;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An id from a display name (`tanzu-overlay`, `default-group`), like DesignBuilder's. */
export function slug(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9_.:-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '')
    .slice(0, 100);
  return s.length > 0 ? s : undefined;
}
