/**
 * Random local edits for the convergence test, interpreted from plain numbers so fast-check can
 * shrink them. Every edit is what the canvas could do: it leaves a document that passes restore()
 * (an edit that would not is skipped, as the app refuses it).
 */
import {
  defaultProps,
  ELEMENT_KINDS,
  networkKinds,
  nicHolders,
  referenceFields,
  repairReferences,
  restore,
  type Element,
  type TopologyDocument,
} from '@viplane/model';

export const EDIT_KINDS = [
  'rename',
  'move',
  'field',
  'ref',
  'add',
  'remove',
  'linkAddress',
  'linkAdd',
  'linkRemove',
  'arrayRemove',
  'meta',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditOp {
  kind: EditKind;
  a: number;
  b: number;
  text: string;
}

const clone = <T>(value: T): T => structuredClone(value);

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function scalarKeys(props: Record<string, unknown>, type: 'number' | 'boolean'): string[] {
  return Object.keys(props)
    .filter((k) => typeof props[k] === type)
    .sort();
}

/** The edited document, or undefined when the edit does not apply (or would not pass restore()). */
export function applyEdit(doc: TopologyDocument, op: EditOp, newId: string): TopologyDocument | undefined {
  const next = clone(doc);
  const el = pick(next.elements, op.a);
  const props = el?.props as Record<string, unknown> | undefined;
  switch (op.kind) {
    case 'rename':
      if (!el) return undefined;
      el.name = op.text;
      break;
    case 'move':
      if (!el) return undefined;
      el.position = { x: op.a * 10, y: op.b * 10 };
      break;
    case 'field': {
      if (!el || !props) return undefined;
      const keys = [...scalarKeys(props, 'boolean'), ...scalarKeys(props, 'number')];
      const key = pick(keys, op.b);
      if (key === undefined) return undefined;
      props[key] = typeof props[key] === 'boolean' ? !props[key] : (op.b % 3) + 1;
      break;
    }
    case 'ref': {
      if (!el || !props) return undefined;
      const field = pick(
        (referenceFields[el.kind] ?? []).filter((f) => !f.path.includes('.')),
        op.b,
      );
      if (!field) return undefined;
      const target = pick(
        next.elements.filter((e) => field.targets.includes(e.kind)),
        op.b,
      );
      props[field.path] = op.b % 4 === 0 || !target ? null : target.id;
      break;
    }
    case 'add': {
      const kind = pick(ELEMENT_KINDS, op.b)!;
      next.elements.push({ id: newId, kind, name: op.text, position: { x: op.a, y: op.b }, props: defaultProps(kind) } as Element);
      break;
    }
    case 'remove': {
      if (!el) return undefined;
      next.elements = next.elements.filter((e) => e !== el);
      next.links = next.links.filter((l) => l.from !== el.id && l.to !== el.id);
      return checked(repairReferences(next).document);
    }
    case 'linkAddress': {
      const link = pick(next.links, op.a);
      if (!link) return undefined;
      link.address = `10.${op.b % 256}.0.${op.a % 256}`;
      break;
    }
    case 'linkAdd': {
      const from = pick(
        next.elements.filter((e) => nicHolders.includes(e.kind)),
        op.a,
      );
      const to = pick(
        next.elements.filter((e) => networkKinds.includes(e.kind)),
        op.b,
      );
      if (!from || !to) return undefined;
      next.links.push({
        id: newId,
        kind: 'nic',
        from: from.id,
        to: to.id,
        role: 'data',
        address: null,
        addressMode: 'dhcp',
        gateway: null,
      });
      break;
    }
    case 'linkRemove': {
      const link = pick(next.links, op.a);
      if (!link) return undefined;
      next.links = next.links.filter((l) => l !== link);
      break;
    }
    case 'arrayRemove': {
      if (!el || !props) return undefined;
      const key = pick(
        Object.keys(props)
          .filter((k) => Array.isArray(props[k]) && (props[k] as unknown[]).length > 0)
          .sort(),
        op.b,
      );
      if (key === undefined) return undefined;
      (props[key] as unknown[]).splice(op.b % (props[key] as unknown[]).length, 1);
      break;
    }
    case 'meta':
      next.name = op.text;
      break;
  }
  return checked(next);
}

function checked(doc: TopologyDocument): TopologyDocument | undefined {
  const result = restore(doc);
  return result.ok ? result.document : undefined;
}
