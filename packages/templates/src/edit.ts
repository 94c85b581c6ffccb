/**
 * Small, typed edits for mutations. Every mutation works on a deep copy (`mutation()` makes it)
 * and looks its elements up by id and kind, so a renamed id fails loudly instead of silently
 * mutating nothing.
 */
import type { AddressRange, ElementKind, ElementOf, Link, Route, TopologyDocument } from '@viplane/model';
import type { Mutation } from './template.ts';

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A mutation whose `apply` deep-copies the document, then runs `change` on the copy. */
export function mutation(spec: Omit<Mutation, 'apply'> & { change: (doc: TopologyDocument) => void }): Mutation {
  const { change, ...rest } = spec;
  return {
    ...rest,
    apply(doc) {
      const copy = clone(doc);
      change(copy);
      return copy;
    },
  };
}

/** The element with that id, which must be of `kind`. */
export function el<K extends ElementKind>(doc: TopologyDocument, id: string, kind: K): ElementOf<K> {
  const found = doc.elements.find((e) => e.id === id);
  if (!found) throw new Error(`template edit: no element "${id}"`);
  if (found.kind !== kind) throw new Error(`template edit: element "${id}" is a ${found.kind}, not a ${kind}`);
  return found as ElementOf<K>;
}

export function link(doc: TopologyDocument, id: string): Link {
  const found = doc.links.find((l) => l.id === id);
  if (!found) throw new Error(`template edit: no link "${id}"`);
  return found;
}

export function removeLink(doc: TopologyDocument, id: string): void {
  link(doc, id);
  doc.links = doc.links.filter((l) => l.id !== id);
}

/** Removes an element and the links attached to it (references to it must be cleared by the caller). */
export function removeElement(doc: TopologyDocument, id: string): void {
  if (!doc.elements.some((e) => e.id === id)) throw new Error(`template edit: no element "${id}"`);
  doc.elements = doc.elements.filter((e) => e.id !== id);
  doc.links = doc.links.filter((l) => l.from !== id && l.to !== id);
}

/** The static routes of one VRF of an NSX-ALB Controller. */
export function vrfRoutes(doc: TopologyDocument, controllerId: string, vrf: 'global' | 'management'): Route[] {
  const found = el(doc, controllerId, 'aviController').props.vrfs.find((v) => v.name === vrf);
  if (!found) throw new Error(`template edit: controller "${controllerId}" has no VRF ${vrf}`);
  return found.staticRoutes;
}

/** Removes the route with that id from a route list. */
export function removeRoute(routes: Route[], id: string): void {
  const i = routes.findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`template edit: no route "${id}"`);
  routes.splice(i, 1);
}

/** The nested range with that id on a port group, segment or workload network. */
export function range(doc: TopologyDocument, ownerId: string, rangeId: string): AddressRange {
  const owner = doc.elements.find((e) => e.id === ownerId);
  const ranges = owner && 'ranges' in owner.props ? (owner.props.ranges as AddressRange[]) : undefined;
  const found = ranges?.find((r) => r.id === rangeId);
  if (!found) throw new Error(`template edit: no range "${rangeId}" on "${ownerId}"`);
  return found;
}
