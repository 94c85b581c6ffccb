/**
 * The network view's containers: a labelled frame around each system group (groups.ts) and,
 * when a design has more than one routing domain (VRF), around the buses of each non-default
 * domain: the same visual language as the exported design and routing diagrams.
 *
 * Derived from the document on every change (never stored, never in history), in one pass over
 * the elements, so a frame follows its members while they are dragged. A system frame's label
 * sits on the side away from the buses (above the upper tier, below the lower one, as on the
 * export), where no drop passes; a domain frame's label sits left of its buses, where the
 * auto-layout leaves nothing.
 */
import type { Element } from '@viplane/model';
import { NODE_HEIGHT, NODE_WIDTH, type Measured } from './mapping.ts';
import { DEFAULT_DOMAIN, groupOf, routingDomainOf, tierOfSystem } from './groups.ts';
import { isNetworkKind } from './busMapping.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Frame extends Box {
  /** `system:<id>`, `tkg:<management cluster>` or `domain:<name>`. */
  id: string;
  kind: 'system' | 'domain';
  label: string;
  /** Where the label is drawn, in flow coordinates. */
  labelBox: Box;
  /** The elements it frames (a domain: its networks, routers and firewalls). */
  members: string[];
}

/** Room between a frame and what it encloses. */
export const FRAME_PAD = 14;
/** The height of a frame's label tab. */
export const FRAME_HEAD = 22;
/** The label's width: a generous estimate of 11 px semibold text and its padding (a longer one is cut with an ellipsis). */
export const frameLabelWidth = (text: string) => Math.ceil(text.length * 7.4) + 24;

interface Acc {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  label: string;
  bottom: boolean;
  members: string[];
}

/**
 * Frames for the network view. `buses` holds each network's bus box (busMapping.ts): a network
 * is drawn as its bus, not at its element box.
 */
export function framesOf(elements: readonly Element[], measured: ReadonlyMap<string, Measured>, buses: ReadonlyMap<string, Box>): Frame[] {
  const byId = new Map<string, Element>();
  for (const el of elements) byId.set(el.id, el);
  const groups = new Map<string, Acc>();
  const domains = new Map<string, Acc>();
  const domainNames = new Set<string>();
  const grow = (acc: Acc, b: Box) => {
    acc.x0 = Math.min(acc.x0, b.x);
    acc.y0 = Math.min(acc.y0, b.y);
    acc.x1 = Math.max(acc.x1, b.x + b.width);
    acc.y1 = Math.max(acc.y1, b.y + b.height);
  };
  const fresh = (label: string, bottom: boolean): Acc => ({
    x0: Infinity,
    y0: Infinity,
    x1: -Infinity,
    y1: -Infinity,
    label,
    bottom,
    members: [],
  });

  for (const el of elements) {
    const domain = routingDomainOf(el);
    if (domain !== undefined) domainNames.add(domain);
    if (isNetworkKind(el.kind)) {
      const bus = buses.get(el.id);
      if (domain === undefined || domain === DEFAULT_DOMAIN) continue;
      let acc = domains.get(domain);
      if (!acc) domains.set(domain, (acc = fresh(`Routing domain ${domain}`, false)));
      acc.members.push(el.id);
      if (bus) grow(acc, bus);
      continue;
    }
    if (domain !== undefined && domain !== DEFAULT_DOMAIN) {
      let acc = domains.get(domain);
      if (!acc) domains.set(domain, (acc = fresh(`Routing domain ${domain}`, false)));
      // A router is a member (selecting the frame selects it) but the frame stays on the buses:
      // it stands in a system group above them, and one frame spanning both would cross others.
      acc.members.push(el.id);
    }
    const g = groupOf(el, byId);
    let acc = groups.get(g.key);
    if (!acc) groups.set(g.key, (acc = fresh(g.label, tierOfSystem(g.system) === 'bottom')));
    acc.members.push(el.id);
    const m = measured.get(el.id);
    grow(acc, { x: el.position.x, y: el.position.y, width: m?.width ?? NODE_WIDTH, height: m?.height ?? NODE_HEIGHT });
  }

  const out: Frame[] = [];
  for (const [key, acc] of groups) {
    const x = acc.x0 - FRAME_PAD;
    const y = acc.y0 - FRAME_PAD;
    const width = acc.x1 - acc.x0 + 2 * FRAME_PAD;
    const height = acc.y1 - acc.y0 + 2 * FRAME_PAD;
    const lw = Math.min(frameLabelWidth(acc.label), Math.max(width, 80));
    out.push({
      id: key,
      kind: 'system',
      label: acc.label,
      x,
      y,
      width,
      height,
      labelBox: { x, y: acc.bottom ? y + height : y - FRAME_HEAD, width: lw, height: FRAME_HEAD },
      members: acc.members,
    });
  }
  // One routing domain (the usual case) needs no frame: it would enclose every bus.
  if (domainNames.size > 1)
    for (const [name, acc] of domains) {
      if (acc.x0 === Infinity) continue;
      const x = acc.x0 - FRAME_PAD;
      const y = acc.y0 - FRAME_PAD;
      const width = acc.x1 - acc.x0 + 2 * FRAME_PAD;
      const height = acc.y1 - acc.y0 + 2 * FRAME_PAD;
      const lw = frameLabelWidth(acc.label);
      out.push({
        id: `domain:${name}`,
        kind: 'domain',
        label: acc.label,
        x,
        y,
        width,
        height,
        labelBox: { x: x - lw, y, width: lw, height: FRAME_HEAD },
        members: acc.members,
      });
    }
  return out;
}
