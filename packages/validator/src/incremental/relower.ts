/**
 * Lower only the elements and links an edit touched, with `lower()` itself on a small document
 * made of them and the context their lowering reads (so the result is what a full lowering
 * gives): an HAProxy's nic links and their networks, the Supervisors it serves and their workload
 * networks (its VIP ranges sit on the frontend or primary workload network), a TKC's namespace and workload network (its node network), a link's holder (the
 * address's role). Strings already seen come from addr.ts's parse cache, so only changed strings
 * are parsed. An edit inside a `ranges` or `nodes` list lowers only the edited items. JSON
 * Pointer paths are mapped back to the positions in the real document.
 */
import type { Element, Link } from '@viplane/model';
import { lower } from '../l3/lower.ts';
import type { IpamStore, Lowered } from './store.ts';

export function relower(
  store: IpamStore,
  elementIds: ReadonlySet<string>,
  linkIds: ReadonlySet<string>,
  items: ReadonlyMap<string, { list: 'ranges' | 'nodes'; ids: ReadonlySet<string> }> = new Map(),
): { elements: Map<string, Lowered>; links: Map<string, Lowered> } {
  const elements = new Map<string, Element>();
  // An edit inside a list lowers only the edited items: a copy of the element with just them.
  const itemIndex = new Map<string, number[]>();
  for (const [id, { list, ids }] of items) {
    const el = store.elements.get(id);
    if (!el) continue;
    const all = (el.props as Record<string, unknown>)[list] as { id: string }[];
    const kept: { id: string }[] = [];
    const real: number[] = [];
    all.forEach((item, j) => {
      if (!ids.has(item.id)) return;
      kept.push(item);
      real.push(j);
    });
    elements.set(id, { ...el, props: { ...el.props, [list]: kept } } as Element);
    itemIndex.set(id, real);
  }
  const links = new Map<string, Link>();
  const context = (id: string | null) => {
    if (id !== null && elements.has(id)) return elements.get(id);
    const el = id === null ? undefined : store.elements.get(id);
    if (el) elements.set(el.id, el);
    return el;
  };
  for (const id of elementIds) {
    const el = context(id);
    if (el?.kind === 'haproxy') {
      for (const lid of store.linksFrom.get(id) ?? []) {
        const l = store.links.get(lid)!;
        links.set(lid, l);
        context(l.to);
      }
      // Default topology: the VIP ranges are on the primary workload network of the Supervisor it serves.
      for (const other of store.elements.values()) {
        if (other.kind !== 'supervisor' || other.props.loadBalancer.provider !== 'haproxy' || other.props.loadBalancer.haproxyId !== id)
          continue;
        context(other.id);
        for (const wn of store.elements.values())
          if (wn.kind === 'workloadNetwork' && wn.props.supervisorId === other.id) {
            context(wn.id);
            context(wn.props.portGroupId);
          }
      }
    }
    if (el?.kind === 'tkc' && el.props.namespaceId !== null) {
      const ns = context(el.props.namespaceId);
      if (ns?.kind === 'vsphereNamespace') context(ns.props.workloadNetworkId);
    }
  }
  for (const id of linkIds) {
    const l = store.links.get(id);
    if (!l) continue;
    links.set(id, l);
    context(l.from);
  }
  const subElements = [...elements.values()];
  const subLinks = [...links.values()];
  const model = lower({ ...store.document, elements: subElements, links: subLinks });

  const realElement = subElements.map((e) => store.elementIndex.get(e.id) ?? 0);
  const realLink = subLinks.map((l) => store.linkIndex.get(l.id) ?? 0);
  const realItem = subElements.map((e) => itemIndex.get(e.id));
  const fix = (path: string) =>
    path.replace(
      /^\/(elements|links)\/(\d+)(\/props\/(?:ranges|nodes)\/(\d+))?/,
      (_, kind: string, i: string, nested?: string, k?: string) => {
        const at = `/${kind}/${(kind === 'elements' ? realElement : realLink)[Number(i)]}`;
        const items = kind === 'elements' ? realItem[Number(i)] : undefined;
        if (nested === undefined || items === undefined) return at + (nested ?? '');
        return `${at}${nested.slice(0, nested.length - k!.length)}${items[Number(k)]}`;
      },
    );
  for (const r of model.ranges) r.path = fix(r.path);
  for (const a of model.addresses) a.path = fix(a.path);
  for (const c of model.clusters) for (const x of [...c.podCidrs, ...c.serviceCidrs]) x.path = fix(x.path);

  const outElements = new Map<string, Lowered>();
  for (const id of [...elementIds, ...items.keys()]) {
    if (!store.elements.has(id)) continue;
    const network = model.networkById.get(id);
    const cluster = model.clusters.find((c) => c.id === id);
    outElements.set(id, {
      ...(network ? { network } : {}),
      ranges: model.ranges.filter((r) => r.ownerId === id),
      addresses: model.addresses.filter((a) => a.ownerId === id && !a.linkId),
      ...(cluster ? { cluster } : {}),
    });
  }
  const outLinks = new Map<string, Lowered>();
  for (const id of linkIds)
    if (store.links.has(id)) outLinks.set(id, { ranges: [], addresses: model.addresses.filter((a) => a.linkId === id) });
  return { elements: outElements, links: outLinks };
}
