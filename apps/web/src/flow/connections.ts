/**
 * Typed connections. Dragging from a role handle of element A onto element B means one of:
 * - a `nic` link (A is a NIC holder offering that role, B is a network): an interface of A on B;
 * - a `leaf` cable between two ACI switches;
 * - setting a reference field of A whose role is that handle's and whose allowed kinds include B.
 * Anything else is refused with a sentence the canvas shows to the user.
 */
import { kindInfo, referenceFields, type Element, type ElementKind, type NicRole } from '@viplane/model';
import { addLink, getElement, setReference, setProp, type Doc } from '../document/edits.ts';
import { fieldLabel } from '../lib/labels.ts';
import { addInterface } from '../document/interfaces.ts';
import { isNetworkKind, NIC_ROLES, ROLE_LABEL, type HandleRole } from './roles.ts';

export type ConnectAction =
  | { type: 'nic'; from: string; to: string; role: NicRole; label: string }
  | { type: 'leaf'; from: string; to: string; label: string }
  | { type: 'ref'; elementId: string; path: string; targetId: string; label: string; replaces: string | null };

export type Resolution = { ok: true; actions: ConnectAction[] } | { ok: false; reason: string };

const kindLabel = (k: ElementKind) => kindInfo[k].label;

export function resolveConnection(doc: Doc, sourceId: string, role: HandleRole | null, targetId: string): Resolution {
  const source = getElement(doc, sourceId);
  const target = getElement(doc, targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends must be elements of the design.' };
  if (sourceId === targetId) return { ok: false, reason: 'An element cannot connect to itself.' };
  if (!role) return { ok: false, reason: 'Start the connection at one of the typed handles on the right of an element.' };

  const actions: ConnectAction[] = [];
  const refusals: string[] = [];

  // NIC: an interface of the holder on a network.
  const nicRoles = NIC_ROLES[source.kind] ?? [];
  if (role !== 'member' && role !== 'leaf' && nicRoles.includes(role as NicRole) && isNetworkKind(target.kind)) {
    const dup = doc.links.find((l) => l.kind === 'nic' && l.from === sourceId && l.to === targetId && l.role === role);
    if (dup) refusals.push(`${source.name} already has a ${ROLE_LABEL[role].toLowerCase()} interface on ${target.name}.`);
    else
      actions.push({
        type: 'nic',
        from: sourceId,
        to: targetId,
        role: role as NicRole,
        label: `${ROLE_LABEL[role]} interface on ${target.name}`,
      });
  }

  // Leaf: a cable between ACI switches.
  if (role === 'leaf' && source.kind === 'aciSwitch') {
    if (target.kind !== 'aciSwitch')
      refusals.push(`A leaf cable connects two ACI switches; ${target.name} is a ${kindLabel(target.kind)}.`);
    else if (
      doc.links.some((l) => l.kind === 'leaf' && ((l.from === sourceId && l.to === targetId) || (l.from === targetId && l.to === sourceId)))
    )
      refusals.push(`${source.name} and ${target.name} are already cabled.`);
    else actions.push({ type: 'leaf', from: sourceId, to: targetId, label: `Cable to ${target.name}` });
  }

  // References.
  for (const field of referenceFields[source.kind] ?? []) {
    if (field.role !== role || !field.targets.includes(target.kind)) continue;
    const current = currentRef(source, field.path);
    if (current === targetId) {
      refusals.push(`${source.name} already has ${fieldLabel(field.path).toLowerCase()} ${target.name}.`);
      continue;
    }
    actions.push({
      type: 'ref',
      elementId: sourceId,
      path: field.path,
      targetId,
      label: `${fieldLabel(field.path)}: ${target.name}`,
      replaces: current,
    });
  }

  if (actions.length > 0) return { ok: true, actions };
  if (refusals.length > 0) return { ok: false, reason: refusals[0]! };
  return { ok: false, reason: explainRefusal(source, role, target) };
}

/** The current value of a reference field; `loadBalancer.*` reads only the active provider's field. */
function currentRef(el: Element, path: string): string | null {
  let value: unknown = el.props;
  for (const key of path.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

function explainRefusal(source: Element, role: HandleRole, target: Element): string {
  const allowed = new Set<ElementKind>();
  if ((NIC_ROLES[source.kind] ?? []).includes(role as NicRole))
    for (const k of ['portGroup', 'nsxtSegment', 'clientNetwork'] as const) allowed.add(k);
  for (const f of referenceFields[source.kind] ?? []) if (f.role === role) f.targets.forEach((k) => allowed.add(k));
  if (role === 'leaf' && source.kind === 'aciSwitch') allowed.add('aciSwitch');
  const list = [...allowed].map(kindLabel);
  const what = `A ${kindLabel(source.kind)}'s ${ROLE_LABEL[role].toLowerCase()} connection`;
  let reason =
    list.length > 0
      ? `${what} goes to ${joinOr(list)}, not to a ${kindLabel(target.kind)}.`
      : `A ${kindLabel(source.kind)} has no ${ROLE_LABEL[role].toLowerCase()} connection.`;
  // The user may have started at the wrong end.
  const reverse = (referenceFields[target.kind] ?? []).some((f) => f.targets.includes(source.kind));
  const reverseNic = (NIC_ROLES[target.kind] ?? []).length > 0 && isNetworkKind(source.kind);
  if (reverse || reverseNic) reason += ` Start from ${target.name} instead.`;
  return reason;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function applyConnection(doc: Doc, action: ConnectAction): { doc: Doc; created?: string } {
  switch (action.type) {
    case 'nic': {
      const r = addInterface(doc, action.from, action.to, action.role);
      return r ? { doc: r.doc, created: r.id } : { doc };
    }
    case 'leaf': {
      const r = addLink(doc, {
        kind: 'leaf',
        from: action.from,
        to: action.to,
        role: 'uplink',
        address: null,
        addressMode: 'static',
        gateway: null,
      });
      return { doc: r.doc, created: r.id };
    }
    case 'ref': {
      if (action.path === 'loadBalancer.haproxyId')
        return { doc: setProp(doc, action.elementId, ['loadBalancer'], { provider: 'haproxy', haproxyId: action.targetId }) };
      if (action.path === 'loadBalancer.controllerId')
        return { doc: setProp(doc, action.elementId, ['loadBalancer'], { provider: 'nsx-alb', controllerId: action.targetId }) };
      if (action.path === 'routablePods.tier1Id')
        return { doc: setProp(doc, action.elementId, ['routablePods'], { tier1Id: action.targetId }) };
      return { doc: setReference(doc, action.elementId, action.path, action.targetId) };
    }
  }
}
