/**
 * Structural integrity beyond the JSON Schema: unique ids and references that point at an
 * existing element of an allowed kind. A dangling reference is a broken file, not a design
 * mistake, so restore() refuses it with the path instead of letting every rule trip over it.
 */
import type { TopologyDocument, ElementKind } from './schema/document.ts';
import { referenceFields, nicHolders, networkKinds } from './schema/references.ts';

export interface IntegrityError {
  path: string;
  message: string;
  value: unknown;
}

/** Nested items with their own ids (ranges, routes, nodes): ids stay unique document-wide. */
const NESTED_ID_LISTS = ['ranges', 'staticRoutes', 'nodes'] as const;

export function checkIntegrity(doc: TopologyDocument): IntegrityError[] {
  const errors: IntegrityError[] = [];
  const kindById = new Map<string, ElementKind>();
  const seen = new Set<string>();
  const claim = (id: string, path: string) => {
    if (seen.has(id)) errors.push({ path, message: 'duplicate id', value: id });
    seen.add(id);
  };

  doc.elements.forEach((el, i) => {
    claim(el.id, `/elements/${i}/id`);
    kindById.set(el.id, el.kind);
    const props = el.props as Record<string, unknown>;
    for (const list of NESTED_ID_LISTS) {
      const items = props[list];
      if (Array.isArray(items)) items.forEach((item: { id: string }, j) => claim(item.id, `/elements/${i}/props/${list}/${j}/id`));
    }
    if (el.kind === 'aviController') {
      el.props.vrfs.forEach((vrf, v) =>
        vrf.staticRoutes.forEach((r, j) => claim(r.id, `/elements/${i}/props/vrfs/${v}/staticRoutes/${j}/id`)),
      );
    }
  });
  doc.links.forEach((l, i) => claim(l.id, `/links/${i}/id`));

  const expect = (id: unknown, allowed: readonly ElementKind[], path: string) => {
    if (id === null || id === undefined) return;
    const kind = kindById.get(id as string);
    if (!kind) errors.push({ path, message: 'refers to no element in the document', value: id });
    else if (!allowed.includes(kind))
      errors.push({ path, message: `refers to a ${kind}; expected ${allowed.join(' or ')}`, value: id });
  };

  doc.elements.forEach((el, i) => {
    for (const field of referenceFields[el.kind] ?? []) {
      const parts = field.path.split('.');
      let value: unknown = el.props;
      for (const p of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
      expect(value, field.targets, `/elements/${i}/props/${parts.join('/')}`);
    }
    if (el.kind === 'k8sCluster') el.props.nodes.forEach((n, j) => expect(n.leafId, ['aciSwitch'], `/elements/${i}/props/nodes/${j}/leafId`));
    if (el.kind === 'aviController' && el.props.ipamProfile)
      el.props.ipamProfile.usableNetworkIds.forEach((id, j) =>
        expect(id, networkKinds, `/elements/${i}/props/ipamProfile/usableNetworkIds/${j}`),
      );
  });

  doc.links.forEach((l, i) => {
    if (l.kind === 'nic') {
      expect(l.from, nicHolders, `/links/${i}/from`);
      expect(l.to, networkKinds, `/links/${i}/to`);
    } else {
      expect(l.from, ['aciSwitch'], `/links/${i}/from`);
      expect(l.to, ['aciSwitch'], `/links/${i}/to`);
    }
  });
  return errors;
}
