/** Where a quick fix writes: the field of a held address, and fresh ids for items a fix adds. */
import type { TopologyDocument } from '@viplane/model';
import type { L3Address } from '../l3/model.ts';
import { propsField } from '../queries/ipam.ts';
import type { FieldRef } from './edit.ts';

/** The field an address is written in (a link's `address`, or a path into an element's props). */
export function addressField(a: L3Address): FieldRef | null {
  if (a.linkId) return { kind: 'link', id: a.linkId, field: 'address' };
  const field = propsField(a.path);
  return field === undefined ? null : { kind: 'element', id: a.ownerId, field };
}

/** An id for an item a fix adds (a route): `<prefix>-N` with the smallest N free in the document. */
export function freshItemId(doc: TopologyDocument, prefix: string): string {
  const taken = new Set<string>();
  for (const el of doc.elements) {
    taken.add(el.id);
    const props = el.props as Record<string, unknown>;
    for (const list of ['ranges', 'staticRoutes', 'nodes']) {
      const items = props[list];
      if (Array.isArray(items)) for (const item of items as { id: string }[]) taken.add(item.id);
    }
    if (el.kind === 'aviController') for (const vrf of el.props.vrfs) for (const r of vrf.staticRoutes) taken.add(r.id);
  }
  for (const l of doc.links) taken.add(l.id);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
