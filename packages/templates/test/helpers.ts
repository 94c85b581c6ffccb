/** Test helpers: every id a document declares, and every string value it holds. */
import type { TopologyDocument } from '@viplane/model';

/** Element, link and nested (range, route, node) ids, in document order, duplicates kept. */
export function allIds(doc: TopologyDocument): string[] {
  const ids: string[] = [];
  for (const el of doc.elements) {
    ids.push(el.id);
    const props = el.props as Record<string, unknown>;
    for (const list of ['ranges', 'staticRoutes', 'nodes'] as const) {
      const items = props[list];
      if (Array.isArray(items)) for (const item of items as { id: string }[]) ids.push(item.id);
    }
    if (el.kind === 'aviController') for (const vrf of el.props.vrfs) for (const r of vrf.staticRoutes) ids.push(r.id);
  }
  for (const l of doc.links) ids.push(l.id);
  return ids;
}

/** Every string leaf of the document (field values, not keys). */
export function allStrings(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}
