/**
 * An element's interfaces (`nic` links whose `from` is the element), edited as a list: add,
 * remove, reorder and change network, role, address mode, address and gateway. Pure edits with
 * structural sharing, like document/edits.ts; each call is one undo step in the store.
 *
 * The address mode is only ever changed by the user: typing an address into a pool or DHCP
 * interface keeps its mode (the validator reports a pool-mode interface with an address, and
 * offers the fix), so an edit never hides a design decision behind a side effect.
 */
import type { ElementKind, Link, NicRole } from '@viplane/model';
import { addLink, getElement, getLink, removeElements, updateLink, type Doc } from './edits.ts';

export type Interface = Link & { kind: 'nic' };

/** The element's interfaces in document order (the order the inspector lists and exporters write). */
export function interfacesOf(doc: Doc, holderId: string): Interface[] {
  return doc.links.filter((l): l is Interface => l.kind === 'nic' && l.from === holderId);
}

/** A new interface's address mode: SE groups take addresses from a pool (one per SE), the rest are static. */
export function defaultAddressMode(kind: ElementKind): Link['addressMode'] {
  return kind === 'seGroup' ? 'pool' : 'static';
}

/**
 * Adds an interface of `holderId` on `networkId`. A router's interface takes the network's
 * gateway when nobody holds it yet (its SVI usually is the gateway), as a drawn connection does.
 */
export function addInterface(doc: Doc, holderId: string, networkId: string, role: NicRole): { doc: Doc; id: string } | null {
  const holder = getElement(doc, holderId);
  const network = getElement(doc, networkId);
  if (!holder || !network) return null;
  const gatewayOfNet = 'gateway' in network.props ? (network.props.gateway as string | null) : null;
  const gatewayFree = gatewayOfNet && !doc.links.some((l) => l.to === networkId && l.address === gatewayOfNet);
  return addLink(doc, {
    kind: 'nic',
    from: holderId,
    to: networkId,
    role,
    address: holder.kind === 'router' && gatewayFree ? gatewayOfNet : null,
    addressMode: defaultAddressMode(holder.kind),
    gateway: null,
  });
}

export function removeInterface(doc: Doc, linkId: string): Doc {
  return removeElements(doc, [], [linkId]);
}

/**
 * Moves an interface one place up (-1) or down (+1) among its holder's interfaces, by swapping
 * it with the neighbouring interface in `doc.links`; other links keep their places.
 */
export function moveInterface(doc: Doc, linkId: string, direction: -1 | 1): Doc {
  const link = getLink(doc, linkId);
  if (!link || link.kind !== 'nic') return doc;
  const slots: number[] = [];
  doc.links.forEach((l, i) => {
    if (l.kind === 'nic' && l.from === link.from) slots.push(i);
  });
  const at = slots.findIndex((i) => doc.links[i]!.id === linkId);
  const other = slots[at + direction];
  if (other === undefined) return doc;
  const links = doc.links.slice();
  links[slots[at]!] = doc.links[other]!;
  links[other] = link;
  return { ...doc, links };
}

/**
 * Moves an interface to another network: the same interface (id, role, address mode), its
 * address cleared because it belonged to the old network's subnet (a router takes the new
 * network's gateway when free, as when connecting).
 */
export function setInterfaceNetwork(doc: Doc, linkId: string, networkId: string): Doc {
  const link = getLink(doc, linkId);
  const network = getElement(doc, networkId);
  if (!link || !network || link.to === networkId) return doc;
  const holder = getElement(doc, link.from);
  const gatewayOfNet = 'gateway' in network.props ? (network.props.gateway as string | null) : null;
  const gatewayFree = gatewayOfNet && !doc.links.some((l) => l.to === networkId && l.address === gatewayOfNet);
  const address = holder?.kind === 'router' && link.addressMode === 'static' && gatewayFree ? gatewayOfNet : null;
  return updateLink(doc, linkId, { to: networkId, address, gateway: null });
}

/** Changes role, address mode, address or gateway; nothing else changes with them. */
export function setInterfaceFields(
  doc: Doc,
  linkId: string,
  patch: Partial<Pick<Link, 'role' | 'addressMode' | 'address' | 'gateway'>>,
): Doc {
  return updateLink(doc, linkId, patch);
}
