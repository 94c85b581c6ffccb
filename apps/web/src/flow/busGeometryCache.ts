/**
 * busGeometry() kept up to date across edits instead of recomputed: during a drag only the dragged
 * elements change, but the network view recomputed the geometry of every bus each frame and built a
 * key string per bus to find the ones that changed. At 10,000 elements (7,000 buses) that was the
 * largest script cost of a drag frame (the bench's CPU profile, apps/web/CONTEXT.md).
 *
 * What a bus depends on: its own element (position) and the placed drops of the elements attached
 * to it; an element's placed drops depend on the element (position, measured size) and the height of
 * each bus it is on. So a changed element re-places its own drops (or, a network, the drops of every
 * element on it), and only the buses those drops are on are rebuilt. The result is the same as
 * busGeometry() on the same input (busGeometryCache.test.ts); any other change — the drops,
 * elements added or removed, or many elements (or sizes) at once — recomputes everything.
 */
import type { Element } from '@viplane/model';
import type { Measured } from './mapping.ts';
import { busFromDrops, dropsByElement, isNetworkKind, placeDrops, type BusGeometry, type DropSpec, type PlacedDrop } from './busMapping.ts';

/** More changed elements than this (an auto-layout, a paste): a full recompute is as cheap. */
const INCREMENTAL_LIMIT = 256;

interface State {
  elements: readonly Element[];
  drops: readonly DropSpec[];
  measured: ReadonlyMap<string, Measured>;
  byId: Map<string, Element>;
  perElement: Map<string, DropSpec[]>;
  placed: Map<string, PlacedDrop[]>;
  /** Per network, the elements with a drop on it, in the order busGeometry() lists their drops. */
  onBus: Map<string, string[]>;
  geometry: Map<string, BusGeometry>;
}

export interface GeometryUpdate {
  /** Every bus's geometry (the same map, updated in place, from one call to the next). */
  geometry: ReadonlyMap<string, BusGeometry>;
  /** The buses whose geometry was recomputed; null: all of them. */
  changed: ReadonlySet<string> | null;
}

export class BusGeometryCache {
  private state: State | undefined;

  /**
   * `drops` must keep its identity while the elements keep their ids, kinds and references (as
   * NetworkNodeMapper's drops cache does): then the elements are the same ones in the same order.
   */
  update(elements: readonly Element[], drops: readonly DropSpec[], measured: ReadonlyMap<string, Measured>): GeometryUpdate {
    const s = this.state;
    if (!s || s.drops !== drops || s.elements.length !== elements.length) return this.full(elements, drops, measured);
    const changed: Element[] = [];
    for (let i = 0; i < elements.length; i++) {
      if (elements[i] === s.elements[i]) continue;
      if (elements[i]!.id !== s.elements[i]!.id || changed.length >= INCREMENTAL_LIMIT) return this.full(elements, drops, measured);
      changed.push(elements[i]!);
    }
    // Measured sizes: a bus's width follows its drops, so React Flow measures the buses a drag
    // stretches every frame or two. Only an element's own size places its drops: the entries that
    // changed (the editor replaces only those) are elements changed too.
    const resized: string[] = [];
    if (s.measured !== measured) {
      if (s.measured.size !== measured.size) return this.full(elements, drops, measured);
      for (const [id, m] of measured) {
        if (s.measured.get(id) === m) continue;
        // A new entry in a map of the same size: another one went (not something the editor does).
        if (resized.length >= INCREMENTAL_LIMIT || !s.measured.has(id)) return this.full(elements, drops, measured);
        resized.push(id);
      }
      s.measured = measured;
    }
    s.elements = elements;
    for (const el of changed) s.byId.set(el.id, el);
    const replace = new Set<string>();
    const buses = new Set<string>();
    for (const el of changed) {
      if (isNetworkKind(el.kind)) {
        buses.add(el.id);
        for (const id of s.onBus.get(el.id) ?? []) replace.add(id);
      } else if (s.perElement.has(el.id)) replace.add(el.id);
    }
    for (const id of resized) if (s.perElement.has(id)) replace.add(id);
    for (const id of replace) {
      for (const d of s.placed.get(id) ?? []) buses.add(d.networkId);
      const placed = placeDrops(s.byId.get(id)!, s.perElement.get(id)!, s.byId, measured);
      s.placed.set(id, placed);
      for (const d of placed) buses.add(d.networkId);
    }
    for (const bus of buses) {
      const at: PlacedDrop[] = [];
      for (const id of s.onBus.get(bus) ?? []) for (const d of s.placed.get(id)!) if (d.networkId === bus) at.push(d);
      s.geometry.set(bus, busFromDrops(s.byId.get(bus)!, at));
    }
    return { geometry: s.geometry, changed: buses };
  }

  private full(elements: readonly Element[], drops: readonly DropSpec[], measured: ReadonlyMap<string, Measured>): GeometryUpdate {
    const byId = new Map<string, Element>();
    for (const el of elements) byId.set(el.id, el);
    const perElement = dropsByElement(drops);
    const placed = new Map<string, PlacedDrop[]>();
    const onBus = new Map<string, string[]>();
    const at = new Map<string, PlacedDrop[]>();
    for (const [id, list] of perElement) {
      const p = placeDrops(byId.get(id)!, list, byId, measured);
      placed.set(id, p);
      for (const d of p) {
        let ids = onBus.get(d.networkId);
        if (!ids) onBus.set(d.networkId, (ids = []));
        // An element's drops come one after another: list it once per bus.
        if (ids[ids.length - 1] !== id) ids.push(id);
        let list = at.get(d.networkId);
        if (!list) at.set(d.networkId, (list = []));
        list.push(d);
      }
    }
    const geometry = new Map<string, BusGeometry>();
    for (const el of elements) if (isNetworkKind(el.kind)) geometry.set(el.id, busFromDrops(el, at.get(el.id) ?? []));
    this.state = { elements, drops, measured, byId, perElement, placed, onBus, geometry };
    return { geometry, changed: null };
  }
}
