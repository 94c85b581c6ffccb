/**
 * Dragging an end of an existing edge to another element (React Flow's `onReconnect`). The
 * edge's meaning is kept where it can be, and typed like a new connection:
 * - an interface (`nic`) whose network end moves stays the same link (id, role, address mode)
 *   on the new network; its address belonged to the old network, so it is cleared (a router
 *   takes the new network's gateway when free, as when connecting);
 * - a reference keeps its field (`nodeNetworkId` stays `nodeNetworkId`): the new target must be
 *   a kind that field accepts;
 * - otherwise (the source end moved to another element) it is the old connection removed and the
 *   new one made, preferring the same kind of connection.
 * A refusal carries the sentence the canvas shows, as for connections.
 */
import { kindInfo, referenceFields, type Link } from '@viplane/model';
import { getElement, getLink, removeElements, setReference, type Doc } from '../document/edits.ts';
import { setInterfaceNetwork } from '../document/interfaces.ts';
import { fieldLabel } from '../lib/labels.ts';
import { applyConnection, resolveConnection, type ConnectAction } from './connections.ts';
import { parseEdgeId } from './mapping.ts';
import { roleOfHandle } from './roles.ts';

export interface ReconnectTarget {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
}

export type ReconnectResult = { ok: true; doc: Doc; edgeId: string | null } | { ok: false; reason: string };

export function reconnectEdge(doc: Doc, edgeId: string, to: ReconnectTarget): ReconnectResult {
  const parsed = parseEdgeId(edgeId);
  if (!parsed) return { ok: false, reason: 'This connection no longer exists.' };
  const role = roleOfHandle(to.sourceHandle);

  if (parsed.kind === 'link') {
    const link = getLink(doc, parsed.linkId);
    if (!link) return { ok: false, reason: 'This connection no longer exists.' };
    if (link.from === to.source && link.to === to.target && role === roleOf(link)) return { ok: true, doc, edgeId };
    const without = removeElements(doc, [], [link.id]);
    const r = resolveConnection(without, to.source, role, to.target);
    if (!r.ok) return r;
    const action = pick(r.actions, (a) => a.type === link.kind);
    // The network end of an interface moved: the same interface on another network.
    if (action.type === 'nic' && link.kind === 'nic' && link.from === to.source && action.role === link.role)
      return { ok: true, doc: setInterfaceNetwork(doc, link.id, to.target), edgeId };
    return finish(without, action);
  }

  const el = getElement(doc, parsed.elementId);
  const field = el && (referenceFields[el.kind] ?? []).find((f) => f.path === parsed.path);
  if (!el || !field) return { ok: false, reason: 'This connection no longer exists.' };
  if (parsed.elementId === to.source) {
    // The target end moved: the same field, if it accepts the new target.
    const r = resolveConnection(doc, to.source, role, to.target);
    if (!r.ok) return r;
    const same = r.actions.find((a) => a.type === 'ref' && a.path === parsed.path);
    if (!same) {
      const target = getElement(doc, to.target)!;
      return {
        ok: false,
        reason: `${el.name}'s ${fieldLabel(field.path).toLowerCase()} is a ${field.targets.map((k) => kindInfo[k].label).join(' or ')}, not a ${kindInfo[target.kind].label}.`,
      };
    }
    return finish(doc, same);
  }
  const without = setReference(doc, el.id, parsed.path, null);
  const r = resolveConnection(without, to.source, role, to.target);
  if (!r.ok) return r;
  return finish(
    without,
    pick(r.actions, (a) => a.type === 'ref' && a.path === parsed.path),
  );
}

function roleOf(link: Link) {
  return link.kind === 'leaf' ? 'leaf' : link.role;
}

function pick(actions: ConnectAction[], preferred: (a: ConnectAction) => boolean): ConnectAction {
  return actions.find(preferred) ?? actions[0]!;
}

function finish(doc: Doc, action: ConnectAction): ReconnectResult {
  const r = applyConnection(doc, action);
  const edgeId = r.created ? `link:${r.created}` : action.type === 'ref' ? `ref:${action.elementId}:${action.path}` : null;
  return { ok: true, doc: r.doc, edgeId };
}
