/**
 * Ids for new elements, links and nested items (ranges, routes, nodes). Ids are unique
 * document-wide (restore()'s integrity check), readable (`pg-1`, `se-group-2`) and
 * deterministic: the smallest free number for the prefix, so tests and diffs stay stable.
 */
import type { ElementKind, TopologyDocument } from '@viplane/model';

export const KIND_PREFIX: Record<ElementKind, string> = {
  vcenter: 'vcenter',
  portGroup: 'pg',
  router: 'router',
  firewall: 'fw',
  clientNetwork: 'clients',
  aviController: 'avi-ctrl',
  seGroup: 'se-group',
  virtualService: 'vs',
  aviDnsVs: 'dns-vs',
  haproxy: 'haproxy',
  tkgCluster: 'tkg',
  k8sCluster: 'k8s',
  supervisor: 'supervisor',
  workloadNetwork: 'wl-net',
  vsphereNamespace: 'ns',
  tkc: 'tkc',
  ako: 'ako',
  nsxtTier0: 't0',
  nsxtTier1: 't1',
  nsxtSegment: 'segment',
  aciFabric: 'aci-fabric',
  aciSwitch: 'aci-switch',
};

/** Props lists whose items carry document-wide ids (firewall rules and router ACL entries included). */
const NESTED_LISTS = ['ranges', 'staticRoutes', 'nodes', 'rules', 'acl'] as const;

/** Every id in the document: elements, links and the items nested in props. */
export function allIds(doc: TopologyDocument): Set<string> {
  const ids = new Set<string>();
  for (const el of doc.elements) {
    ids.add(el.id);
    const props = el.props as Record<string, unknown>;
    for (const list of NESTED_LISTS) {
      const items = props[list];
      if (Array.isArray(items)) for (const item of items as { id: string }[]) ids.add(item.id);
    }
    if (el.kind === 'aviController') for (const vrf of el.props.vrfs) for (const r of vrf.staticRoutes) ids.add(r.id);
  }
  for (const l of doc.links) ids.add(l.id);
  return ids;
}

/** `prefix-N` with the smallest N ≥ 1 not in `taken`; adds it to `taken`. */
export function freshId(prefix: string, taken: Set<string>): string {
  const base = sanitize(prefix);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Keeps ids inside the schema's pattern `^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`. */
export function sanitize(s: string): string {
  const cleaned = s
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return cleaned.length > 0 ? cleaned : 'id';
}
