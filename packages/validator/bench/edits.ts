/**
 * One-field edits as the editor makes them: a new document that shares every untouched element,
 * plus the id of what changed (what a ValidationSession is given).
 */
import type { Element, Link, TopologyDocument } from '@viplane/model';

export interface Edit {
  doc: TopologyDocument;
  changed: string[];
}

export function updateElement(
  doc: TopologyDocument,
  id: string,
  change: (props: Record<string, unknown>) => Record<string, unknown>,
): Edit {
  const i = doc.elements.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no element ${id}`);
  const el = doc.elements[i]!;
  const elements = doc.elements.slice();
  elements[i] = { ...el, props: change(el.props as Record<string, unknown>) } as Element;
  return { doc: { ...doc, elements }, changed: [id] };
}

export function updateLink(doc: TopologyDocument, id: string, change: (link: Link) => Link): Edit {
  const i = doc.links.findIndex((l) => l.id === id);
  if (i < 0) throw new Error(`no link ${id}`);
  const links = doc.links.slice();
  links[i] = change(doc.links[i]!);
  return { doc: { ...doc, links }, changed: [id] };
}

export function setNetworkField(doc: TopologyDocument, networkId: string, field: 'subnet' | 'gateway', value: string | null): Edit {
  return updateElement(doc, networkId, (p) => ({ ...p, [field]: value }));
}

export function setRangeEnd(doc: TopologyDocument, ownerId: string, rangeId: string, field: 'start' | 'end', value: string): Edit {
  return updateElement(doc, ownerId, (p) => ({
    ...p,
    ranges: (p['ranges'] as { id: string }[]).map((r) => (r.id === rangeId ? { ...r, [field]: value } : r)),
  }));
}

export function setNodeAddress(doc: TopologyDocument, clusterId: string, nodeId: string, address: string | null): Edit {
  return updateElement(doc, clusterId, (p) => ({
    ...p,
    nodes: (p['nodes'] as { id: string }[]).map((n) => (n.id === nodeId ? { ...n, address } : n)),
  }));
}
