/**
 * Pure, immutable edits of a TopologyDocument. Every function returns a new document that
 * shares every untouched element, link and props object with the old one (structural
 * sharing): the canvas mapping, the worker delta and autosave all rely on `===` to see
 * what changed. No function here knows about React, the store or history.
 */
import {
  defaultProps,
  kindInfo,
  nicHolders,
  readPath,
  referenceFields,
  SCHEMA_VERSION,
  type Element,
  type ElementKind,
  type Link,
  type Position,
  type TopologyDocument,
} from '@viplane/model';
import { allIds, freshId, KIND_PREFIX } from './ids.ts';

export type Doc = TopologyDocument;

export function emptyDocument(name = 'Untitled design'): Doc {
  return { schemaVersion: SCHEMA_VERSION, name, description: '', environment: 'lab', elements: [], links: [] };
}

// ---------------------------------------------------------------- lookups (cached per array)

const elementIndexCache = new WeakMap<readonly Element[], Map<string, number>>();
const linkIndexCache = new WeakMap<readonly Link[], Map<string, number>>();

export function elementIndex(doc: Doc): Map<string, number> {
  let index = elementIndexCache.get(doc.elements);
  if (!index) {
    index = new Map(doc.elements.map((el, i) => [el.id, i]));
    elementIndexCache.set(doc.elements, index);
  }
  return index;
}

export function linkIndex(doc: Doc): Map<string, number> {
  let index = linkIndexCache.get(doc.links);
  if (!index) {
    index = new Map(doc.links.map((l, i) => [l.id, i]));
    linkIndexCache.set(doc.links, index);
  }
  return index;
}

export function getElement(doc: Doc, id: string): Element | undefined {
  const i = elementIndex(doc).get(id);
  return i === undefined ? undefined : doc.elements[i];
}

export function getLink(doc: Doc, id: string): Link | undefined {
  const i = linkIndex(doc).get(id);
  return i === undefined ? undefined : doc.links[i];
}

// ---------------------------------------------------------------- elements

export interface AddOptions {
  name?: string;
  id?: string;
  props?: Record<string, unknown>;
}

/** Adds an element of `kind` with defaultProps(kind) at `position`; returns the new id. */
export function addElement(doc: Doc, kind: ElementKind, position: Position, options: AddOptions = {}): { doc: Doc; id: string } {
  const taken = allIds(doc);
  const id = options.id && !taken.has(options.id) ? options.id : freshId(KIND_PREFIX[kind], taken);
  const name = options.name ?? defaultName(doc, kind);
  const props = { ...(defaultProps(kind) as Record<string, unknown>), ...(options.props ?? {}) };
  const element = { id, kind, name, position: roundPosition(position), props } as Element;
  return { doc: { ...doc, elements: [...doc.elements, element] }, id };
}

/** `Port group 3`: the label and the smallest number no element of the kind uses yet. */
export function defaultName(doc: Doc, kind: ElementKind): string {
  const label = kindInfo[kind].label.split(' (')[0]!.split(' / ')[0]!;
  const names = new Set(doc.elements.filter((e) => e.kind === kind).map((e) => e.name));
  for (let n = 1; ; n++) if (!names.has(`${label} ${n}`)) return `${label} ${n}`;
}

function roundPosition(p: Position): Position {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** Replaces one element by `fn(element)`; the same document when nothing changed. */
export function updateElement(doc: Doc, id: string, fn: (el: Element) => Element): Doc {
  const i = elementIndex(doc).get(id);
  if (i === undefined) return doc;
  const before = doc.elements[i]!;
  const after = fn(before);
  if (after === before) return doc;
  const elements = doc.elements.slice();
  elements[i] = after;
  return { ...doc, elements };
}

export function renameElement(doc: Doc, id: string, name: string): Doc {
  return updateElement(doc, id, (el) => (el.name === name ? el : { ...el, name }));
}

export function setNotes(doc: Doc, id: string, notes: string): Doc {
  return updateElement(doc, id, (el) => {
    if ((el.notes ?? '') === notes) return el;
    const { notes: _old, ...rest } = el;
    return (notes ? { ...rest, notes } : rest) as Element;
  });
}

/** Sets `props.<path>` (array of keys / indexes) immutably; a value entered is no longer unknown. */
export function setProp(doc: Doc, id: string, path: readonly (string | number)[], value: unknown): Doc {
  return updateElement(doc, id, (el) => {
    const props = setIn(el.props, path, value);
    return props === el.props ? el : withoutUnknown({ ...el, props } as Element, path.join('.'));
  });
}

/**
 * Drops the import's "unknown" marks (@viplane/model UnknownFields) that an edit at `path` answers:
 * the field itself, a field inside it, or the field that contains it (`ranges` when a range changes).
 */
export function withoutUnknown(el: Element, path: string): Element {
  if (!el.unknown) return el;
  const left = el.unknown.filter((p) => !(p === path || path.startsWith(`${p}.`) || p.startsWith(`${path}.`)));
  if (left.length === el.unknown.length) return el;
  const { unknown: _old, ...rest } = el;
  return (left.length > 0 ? { ...rest, unknown: left } : rest) as Element;
}

/** Marks a field as known without changing it: the user confirms the value the import left. */
export function confirmKnown(doc: Doc, id: string, path: string): Doc {
  return updateElement(doc, id, (el) => withoutUnknown(el, path));
}

/** Immutable deep set; returns `target` itself when the value is already there. */
export function setIn<T>(target: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return (Object.is(target, value) ? target : value) as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (target ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown>;
  const next = setIn(container[key], rest, value);
  if (next === container[key] && key in container) return target;
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[key as number] = next;
    return copy as T;
  }
  return { ...container, [key]: next } as T;
}

/**
 * True when two element lists differ at most in positions (same ids, kinds, names and props in the
 * same order): what a drag changes. An identity walk, so cheap even at 10,000 elements.
 */
export function onlyPositionsDiffer(a: readonly Element[], b: readonly Element[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.kind !== y.kind || x.name !== y.name || x.props !== y.props)) return false;
  }
  return true;
}

/** Moves elements; one call per drag frame while history is paused (see store). */
export function moveElements(doc: Doc, moves: ReadonlyMap<string, Position>): Doc {
  if (moves.size === 0) return doc;
  const index = elementIndex(doc);
  let elements: Element[] | undefined;
  for (const [id, p] of moves) {
    const i = index.get(id);
    if (i === undefined) continue;
    const el = (elements ?? doc.elements)[i]!;
    const position = roundPosition(p);
    if (el.position.x === position.x && el.position.y === position.y) continue;
    elements ??= doc.elements.slice();
    elements[i] = { ...el, position };
  }
  return elements ? { ...doc, elements } : doc;
}

// ---------------------------------------------------------------- links

export function addLink(doc: Doc, link: Omit<Link, 'id'> & { id?: string }): { doc: Doc; id: string } {
  const taken = allIds(doc);
  const id = link.id && !taken.has(link.id) ? link.id : freshId(`${link.from}--${link.to}`, taken);
  return { doc: { ...doc, links: [...doc.links, { ...link, id } as Link] }, id };
}

export function updateLink(doc: Doc, id: string, patch: Partial<Omit<Link, 'id'>>): Doc {
  const i = linkIndex(doc).get(id);
  if (i === undefined) return doc;
  const before = doc.links[i]!;
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((k) => !Object.is(before[k], patch[k]));
  if (!changed) return doc;
  const links = doc.links.slice();
  links[i] = { ...before, ...patch };
  return { ...doc, links };
}

// ---------------------------------------------------------------- references

/** Every reference an element holds (field path -> target id), for edges and cascades. */
export function referencesOf(el: Element): { path: string; targetId: string; role: string }[] {
  const out: { path: string; targetId: string; role: string }[] = [];
  for (const field of referenceFields[el.kind] ?? []) {
    const value = readPath(el.props, field.path);
    if (typeof value === 'string' && value.length > 0) out.push({ path: field.path, targetId: value, role: field.role });
  }
  return out;
}

export function setReference(doc: Doc, id: string, path: string, targetId: string | null): Doc {
  const el = getElement(doc, id);
  if (!el) return doc;
  // `loadBalancer.haproxyId` exists only on the haproxy variant of the union; never invent it.
  const keys = path.split('.');
  if (keys.length > 1 && readPath(el.props, keys.slice(0, -1).join('.')) === null) {
    if (path === 'routablePods.tier1Id') return setProp(doc, id, ['routablePods'], targetId === null ? null : { tier1Id: targetId });
    return doc;
  }
  return setProp(doc, id, keys, targetId);
}

// ---------------------------------------------------------------- removal with its cascade

export interface RemovalImpact {
  elements: { id: string; name: string; kind: ElementKind }[];
  links: { id: string; label: string }[];
  /** References of surviving elements that are cleared (set to null). */
  clearedReferences: { elementId: string; elementName: string; path: string; targetName: string }[];
}

/** What `removeElements` would take with it, for the confirmation dialog. */
export function removalImpact(doc: Doc, elementIds: readonly string[], linkIds: readonly string[] = []): RemovalImpact {
  const gone = new Set(elementIds);
  const nameOf = (id: string) => getElement(doc, id)?.name ?? id;
  const elements = elementIds.flatMap((id) => {
    const el = getElement(doc, id);
    return el ? [{ id, name: el.name, kind: el.kind }] : [];
  });
  const linkSet = new Set(linkIds);
  const links = doc.links
    .filter((l) => linkSet.has(l.id) || gone.has(l.from) || gone.has(l.to))
    .map((l) => ({
      id: l.id,
      label: `${nameOf(l.from)} → ${nameOf(l.to)} (${l.kind === 'nic' ? `${l.role} NIC${l.address ? ` ${l.address}` : ''}` : 'cable'})`,
    }));
  const clearedReferences: RemovalImpact['clearedReferences'] = [];
  for (const el of doc.elements) {
    if (gone.has(el.id)) continue;
    for (const ref of referencesOf(el))
      if (gone.has(ref.targetId))
        clearedReferences.push({ elementId: el.id, elementName: el.name, path: ref.path, targetName: nameOf(ref.targetId) });
    if (el.kind === 'aviController' && el.props.ipamProfile)
      for (const nid of el.props.ipamProfile.usableNetworkIds)
        if (gone.has(nid))
          clearedReferences.push({ elementId: el.id, elementName: el.name, path: 'ipamProfile.usableNetworkIds', targetName: nameOf(nid) });
    if (el.kind === 'k8sCluster')
      for (const n of el.props.nodes)
        if (n.leafId && gone.has(n.leafId))
          clearedReferences.push({ elementId: el.id, elementName: el.name, path: `nodes.${n.name}.leafId`, targetName: nameOf(n.leafId) });
  }
  return { elements, links, clearedReferences };
}

/**
 * Removes elements and links. Links attached to a removed element go with it; references
 * to it become `null` (restore() would refuse a dangling reference).
 */
export function removeElements(doc: Doc, elementIds: readonly string[], linkIds: readonly string[] = []): Doc {
  const gone = new Set(elementIds);
  const linkSet = new Set(linkIds);
  if (gone.size === 0 && linkSet.size === 0) return doc;
  const links = doc.links.filter((l) => !linkSet.has(l.id) && !gone.has(l.from) && !gone.has(l.to));
  if (gone.size === 0) return links.length === doc.links.length ? doc : { ...doc, links };
  const elements: Element[] = [];
  for (const el of doc.elements) {
    if (gone.has(el.id)) continue;
    elements.push(clearReferencesTo(el, gone));
  }
  return { ...doc, elements, links };
}

function clearReferencesTo(el: Element, gone: ReadonlySet<string>): Element {
  let props = el.props as unknown;
  for (const ref of referencesOf(el)) {
    if (!gone.has(ref.targetId)) continue;
    const keys = ref.path.split('.');
    props = ref.path === 'routablePods.tier1Id' ? setIn(props, ['routablePods', 'tier1Id'], null) : setIn(props, keys, null);
  }
  if (el.kind === 'aviController' && el.props.ipamProfile && el.props.ipamProfile.usableNetworkIds.some((id) => gone.has(id))) {
    props = setIn(
      props,
      ['ipamProfile', 'usableNetworkIds'],
      el.props.ipamProfile.usableNetworkIds.filter((id) => !gone.has(id)),
    );
  }
  if (el.kind === 'k8sCluster' && el.props.nodes.some((n) => n.leafId && gone.has(n.leafId))) {
    props = setIn(
      props,
      ['nodes'],
      el.props.nodes.map((n) => (n.leafId && gone.has(n.leafId) ? { ...n, leafId: null } : n)),
    );
  }
  return props === el.props ? el : ({ ...el, props } as Element);
}

// ---------------------------------------------------------------- copy / paste / duplicate

export interface Clipboard {
  elements: Element[];
  links: Link[];
}

/**
 * The selected elements, the links among them, and every interface of a selected element (its
 * network need not be selected: paste decides what an interface on an unselected network becomes).
 */
export function copySelection(doc: Doc, elementIds: readonly string[]): Clipboard {
  const set = new Set(elementIds);
  return {
    elements: doc.elements.filter((e) => set.has(e.id)),
    links: doc.links.filter((l) => set.has(l.from) && (set.has(l.to) || l.kind === 'nic')),
  };
}

/**
 * Pastes a clipboard with fresh ids. References between pasted elements follow the copies;
 * references to elements outside the clipboard keep pointing at the originals when they still
 * exist (a pasted SE group stays in its Controller), else they are cleared. Interfaces do the
 * same: one on a pasted network moves to the copy with its address; one on a network that was
 * not pasted stays on that network (a pasted SE group keeps its management and data NICs), with
 * a static address cleared because the original still holds it. Address modes never change.
 */
export function paste(doc: Doc, clip: Clipboard, offset: Position): { doc: Doc; ids: string[] } {
  const taken = allIds(doc);
  const idMap = new Map<string, string>();
  for (const el of clip.elements) idMap.set(el.id, freshId(KIND_PREFIX[el.kind], taken));
  const existing = elementIndex(doc);
  const mapRef = (id: string | null): string | null => (id === null ? null : (idMap.get(id) ?? (existing.has(id) ? id : null)));
  const names = new Set(doc.elements.map((e) => e.name));
  const elements: Element[] = clip.elements.map((el) => {
    let props = structuredClone(el.props) as Record<string, unknown>;
    for (const ref of referencesOf(el)) props = setIn(props, ref.path.split('.'), mapRef(ref.targetId));
    props = renestIds(props, el.kind, taken);
    if (el.kind === 'aviController' && el.props.ipamProfile)
      props = setIn(
        props,
        ['ipamProfile', 'usableNetworkIds'],
        el.props.ipamProfile.usableNetworkIds.map(mapRef).filter((x): x is string => x !== null),
      );
    let name = el.name;
    if (names.has(name)) {
      const base = name.replace(/ copy( \d+)?$/, '');
      name = `${base} copy`;
      for (let n = 2; names.has(name); n++) name = `${base} copy ${n}`;
    }
    names.add(name);
    return {
      ...el,
      id: idMap.get(el.id)!,
      name,
      position: roundPosition({ x: el.position.x + offset.x, y: el.position.y + offset.y }),
      props,
    } as Element;
  });
  const links: Link[] = [];
  for (const l of clip.links) {
    const from = idMap.get(l.from);
    if (from === undefined) continue;
    const copiedTo = idMap.get(l.to);
    const to = copiedTo ?? (l.kind === 'nic' && existing.has(l.to) ? l.to : undefined);
    if (to === undefined) continue;
    const address = copiedTo === undefined && l.addressMode === 'static' ? null : l.address;
    links.push({ ...l, id: freshId(`${from}--${to}`, taken), from, to, address });
  }
  return { doc: { ...doc, elements: [...doc.elements, ...elements], links: [...doc.links, ...links] }, ids: elements.map((e) => e.id) };
}

/** Nested items (ranges, routes, cluster nodes) get fresh document-wide ids too. */
function renestIds(props: Record<string, unknown>, kind: ElementKind, taken: Set<string>): Record<string, unknown> {
  let out = props;
  for (const list of ['ranges', 'staticRoutes', 'nodes'] as const) {
    const items = out[list];
    if (Array.isArray(items))
      out = {
        ...out,
        [list]: items.map((it: { id: string; leafId?: string | null }) => ({ ...it, id: freshId(stripCounter(it.id), taken) })),
      };
  }
  if (kind === 'aviController' && Array.isArray(out['vrfs'])) {
    out = {
      ...out,
      vrfs: (out['vrfs'] as { name: string; staticRoutes: { id: string }[] }[]).map((v) => ({
        ...v,
        staticRoutes: v.staticRoutes.map((r) => ({ ...r, id: freshId(stripCounter(r.id), taken) })),
      })),
    };
  }
  return out;
}

function stripCounter(id: string): string {
  return id.replace(/-\d+$/, '');
}

// ---------------------------------------------------------------- nested item ids

/** A fresh id for a nested item of element `ownerId` (`pg-1-range-2`, `avi-ctrl-1-route-1`). */
export function nestedId(doc: Doc, ownerId: string, what: 'range' | 'route' | 'node' | 'rule'): string {
  return freshId(`${ownerId}-${what}`, allIds(doc));
}

/** Whether a kind holds NIC links (its interfaces), per the model's table. */
export function isNicHolder(kind: ElementKind): boolean {
  return nicHolders.includes(kind);
}

// ---------------------------------------------------------------- document metadata

export function setMeta(doc: Doc, patch: Partial<Pick<Doc, 'name' | 'description' | 'environment'>>): Doc {
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((k) => doc[k] !== patch[k]);
  return changed ? { ...doc, ...patch } : doc;
}
