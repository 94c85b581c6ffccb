/**
 * The network view (bus layout): document -> React Flow nodes and edges.
 *
 * Networks (port groups, segments, workload and client networks...) are horizontal buses; every
 * other element is an ordinary element node, attached to the buses it is on by a vertical drop
 * (a NIC link, or a reference to a network such as a cluster's node network). The same picture
 * as the exported design diagram (packages/formats/src/diagrams/design.ts).
 *
 * Nothing here is stored: a bus's vertical position and its left anchor are the network
 * element's own `position`, its length is derived from where its drops are, and each drop sits
 * under (or over) its element, spread along the element's width. So dragging an element drags
 * its drops, and a bus grows to reach whatever is attached to it.
 *
 * Drops keep the free graph's edge ids (`link:<id>`, `ref:<element>:<path>`), so selection,
 * deletion, highlights and reconnecting treat them as the same interfaces and references. Each
 * drop ends on a handle of its own on the bus, declared on the node (and rendered by BusNode at
 * the same place), which is where React Flow puts the edge end and its reconnect anchor.
 */
import { Position, type Node, type NodeHandle } from '@xyflow/react';
import { networkKinds, type Element, type ElementKind, type Link } from '@viplane/model';
import { referencesOf } from '../document/edits.ts';
import { fieldLabel } from '../lib/labels.ts';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  nicLabel,
  nodeData,
  NodeMapper,
  type ConnectionEdge,
  type ElementFlowNode,
  type Measured,
} from './mapping.ts';
import { TARGET_HANDLE_ID, type HandleRole } from './roles.ts';
import { busLabelWidth, busLabelX, placeDropLabels, type Box } from './labels.ts';

export const BUS_HEIGHT = 28;
/** A bus with nothing attached (or only close by) is at least this long. */
export const BUS_MIN_WIDTH = 360;
/** How far a bus runs past its outermost drop. */
export const BUS_PAD = 48;

const NETWORK_KINDS: ReadonlySet<ElementKind> = new Set(networkKinds);
export const isNetworkKind = (kind: ElementKind) => NETWORK_KINDS.has(kind);

export interface BusDrop {
  /** The drop's edge id (and, prefixed, its handle id on the bus). */
  edgeId: string;
  /** x relative to the bus node's left end. */
  x: number;
  /** The element is above the bus (the drop ends on the bus's top side). */
  fromAbove: boolean;
  /** The centre y (flow coordinates) of the drop's address label; null: not written (labels.ts). */
  labelY: number | null;
}

export interface BusNodeData extends Record<string, unknown> {
  kind: ElementKind;
  name: string;
  system: string;
  /** Subnet, VLAN, gateway: what the exported diagram writes on a bar. */
  facts: string[];
  drops: readonly BusDrop[];
  /** Each drop's label place by edge id: a drop edge reads its own in O(1) on every store update. */
  labelYs: ReadonlyMap<string, number | null>;
  /** Where the name and facts start, from the bus's left end: a span no drop crosses (labels.ts). */
  labelX: number;
}
export type BusFlowNode = Node<BusNodeData, 'bus'>;
export type NetworkViewNode = ElementFlowNode | BusFlowNode;

export const dropHandleId = (edgeId: string) => `d:${edgeId}`;

interface DropSpec {
  edgeId: string;
  elementId: string;
  networkId: string;
  kind: 'nic' | 'ref';
  role: HandleRole;
  path?: string;
  linkId?: string;
  label: string;
}

/** What attaches elements to networks: NIC links, and element references whose target is a network. */
export function dropsOf(elements: readonly Element[], links: readonly Link[]): DropSpec[] {
  const kinds = new Map<string, ElementKind>();
  for (const el of elements) kinds.set(el.id, el.kind);
  const isNet = (id: string) => {
    const k = kinds.get(id);
    return k !== undefined && NETWORK_KINDS.has(k);
  };
  const out: DropSpec[] = [];
  for (const l of links) {
    if (l.kind !== 'nic' || !isNet(l.to) || !kinds.has(l.from) || isNet(l.from)) continue;
    out.push({
      edgeId: `link:${l.id}`,
      elementId: l.from,
      networkId: l.to,
      kind: 'nic',
      role: l.role as HandleRole,
      linkId: l.id,
      label: nicLabel(l),
    });
  }
  for (const el of elements) {
    if (NETWORK_KINDS.has(el.kind)) continue;
    for (const r of referencesOf(el)) {
      if (!isNet(r.targetId)) continue;
      out.push({
        edgeId: `ref:${el.id}:${r.path}`,
        elementId: el.id,
        networkId: r.targetId,
        kind: 'ref',
        role: r.role as HandleRole,
        path: r.path,
        label: fieldLabel(r.path),
      });
    }
  }
  return out;
}

export interface BusGeometry {
  left: number;
  width: number;
  y: number;
  drops: BusDrop[];
  labelX: number;
}

/**
 * Where every bus is and where each drop meets it. An element's drops are spread evenly along
 * its width, ordered by the height of their bus, so drops never share an x and the one to the
 * nearest bus is not crossed by the others.
 */
export function busGeometry(
  elements: readonly Element[],
  drops: readonly DropSpec[],
  measured: ReadonlyMap<string, Measured>,
  /** While a drag runs, the address labels keep these places (placed again when it ends). */
  frozenLabels?: ReadonlyMap<string, number | null>,
): Map<string, BusGeometry> {
  const byId = new Map<string, Element>();
  for (const el of elements) byId.set(el.id, el);
  const perElement = new Map<string, DropSpec[]>();
  for (const d of drops) {
    let list = perElement.get(d.elementId);
    if (!list) perElement.set(d.elementId, (list = []));
    list.push(d);
  }
  const absolute = new Map<string, { x: number; fromAbove: boolean; edgeId: string; from: number; text: string }[]>();
  const lanes = new Lanes();
  const obstacles: Box[] = [];
  const bars: Box[] = [];
  for (const el of elements) {
    if (NETWORK_KINDS.has(el.kind)) continue;
    const m = measured.get(el.id);
    obstacles.push({ x: el.position.x, y: el.position.y, width: m?.width ?? NODE_WIDTH, height: m?.height ?? NODE_HEIGHT });
  }
  for (const [elementId, list] of perElement) {
    const el = byId.get(elementId)!;
    const w = measured.get(elementId)?.width ?? NODE_WIDTH;
    const h = measured.get(elementId)?.height ?? NODE_HEIGHT;
    const busY = (d: DropSpec) => byId.get(d.networkId)!.position.y;
    const sorted = [...list].sort((a, b) => busY(a) - busY(b) || (a.edgeId < b.edgeId ? -1 : 1));
    sorted.forEach((d, i) => {
      const fromAbove = el.position.y + h / 2 < busY(d) + BUS_HEIGHT / 2;
      const from = fromAbove ? el.position.y + h : el.position.y;
      const to = fromAbove ? busY(d) : busY(d) + BUS_HEIGHT;
      const x = lanes.take(
        el.position.x + (w * (i + 1)) / (sorted.length + 1),
        Math.min(from, to),
        Math.max(from, to),
        el.position.x,
        el.position.x + w,
      );
      let at = absolute.get(d.networkId);
      if (!at) absolute.set(d.networkId, (at = []));
      // Only interfaces have an address label (DropEdge); a reference's drop has none.
      at.push({ x, fromAbove, edgeId: d.edgeId, from, text: d.kind === 'nic' ? d.label : '' });
    });
  }
  interface Bus {
    el: Element;
    left: number;
    right: number;
    y: number;
    crossings: number[];
  }
  const buses: Bus[] = [];
  for (const el of elements) {
    if (!NETWORK_KINDS.has(el.kind)) continue;
    let left = el.position.x;
    let right = el.position.x + BUS_MIN_WIDTH;
    for (const d of absolute.get(el.id) ?? []) {
      left = Math.min(left, d.x - BUS_PAD);
      right = Math.max(right, d.x + BUS_PAD);
    }
    buses.push({ el, left, right, y: el.position.y, crossings: [] });
  }
  // Drops that pass over a bus on their way to a farther one: its label keeps clear of them.
  // Buses bucketed by x, each bucket sorted by height: a drop looks only at the buses around it.
  const columns = new Map<number, Bus[]>();
  for (const b of buses)
    for (let c = Math.floor(b.left / COLUMN); c <= Math.floor(b.right / COLUMN); c++) {
      const list = columns.get(c);
      if (list) list.push(b);
      else columns.set(c, [b]);
    }
  for (const list of columns.values()) list.sort((a, b) => a.y - b.y);
  // Hundreds of stacked buses (a generated estate): every drop crosses most of them, and the
  // scan would be quadratic; their labels stay at the left end.
  if (buses.length <= CROSSING_LIMIT)
    for (const [networkId, at] of absolute) {
      const busTop = byId.get(networkId)!.position.y;
      for (const d of at) {
        const to = d.fromAbove ? busTop : busTop + BUS_HEIGHT;
        const lo = Math.min(d.from, to);
        const hi = Math.max(d.from, to);
        const byY = columns.get(Math.floor(d.x / COLUMN));
        if (!byY) continue;
        for (let i = firstAtOrBelow(byY, lo); i < byY.length && byY[i]!.y < hi; i++) {
          const b = byY[i]!;
          if (b.el.id !== networkId && b.y + BUS_HEIGHT <= hi && b.left <= d.x && d.x <= b.right) b.crossings.push(d.x);
        }
      }
    }
  const out = new Map<string, BusGeometry>();
  const labelled: { edgeId: string; x: number; from: number; to: number; text: string }[] = [];
  for (const b of buses) {
    const facts = busFacts(b.el);
    const labelW = busLabelWidth(b.el.name, facts);
    const labelX = busLabelX(b.left, labelW, b.crossings);
    const right = Math.max(b.right, b.left + labelX + labelW + 10);
    bars.push({ x: b.left, y: b.y, width: right - b.left, height: BUS_HEIGHT });
    out.set(b.el.id, { left: b.left, width: right - b.left, y: b.y, labelX, drops: [] });
    for (const d of absolute.get(b.el.id) ?? [])
      if (d.text) labelled.push({ edgeId: d.edgeId, x: d.x, from: d.from, to: d.fromAbove ? b.y : b.y + BUS_HEIGHT, text: d.text });
  }
  const labelYs = frozenLabels ?? placeDropLabels(labelled, obstacles, bars);
  for (const b of buses) {
    const g = out.get(b.el.id)!;
    g.drops = (absolute.get(b.el.id) ?? []).map((d) => ({
      edgeId: d.edgeId,
      x: d.x - g.left,
      fromAbove: d.fromAbove,
      labelY: labelYs.get(d.edgeId) ?? null,
    }));
  }
  return out;
}

const COLUMN = 512;
/** Above this many buses, bus labels are not moved off passing drops (see busGeometry). */
const CROSSING_LIMIT = 400;
/** Drops closer than this that run side by side would read as one line, and their labels collide. */
const LANE = 20;

/**
 * Where drops run: each drop takes the lane (a 20 px grid) nearest its even spread along its
 * element that no other drop running beside it (overlapping vertically) holds: two elements in
 * one column, one above the other, would otherwise drop on one line, and their address labels
 * collide. Bucketed by x: linear.
 */
class Lanes {
  private buckets = new Map<number, { x: number; lo: number; hi: number }[]>();
  take(ideal: number, lo: number, hi: number, min: number, max: number): number {
    // On a grid of lanes, drops pack: spread evenly, the drops of a wide element would leave no
    // lane free for the element above it.
    const start = Math.round(ideal / LANE) * LANE;
    for (let k = 0; k < 24; k++) {
      const x = start + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * LANE;
      if (x < min + 4 || x > max - 4) continue;
      if (!this.clash(x, lo, hi)) return this.add(x, lo, hi);
    }
    return this.add(ideal, lo, hi);
  }
  private clash(x: number, lo: number, hi: number): boolean {
    const b = Math.floor(x / LANE);
    for (let i = b - 1; i <= b + 1; i++)
      for (const o of this.buckets.get(i) ?? []) if (Math.abs(o.x - x) < LANE && o.lo < hi && lo < o.hi) return true;
    return false;
  }
  private add(x: number, lo: number, hi: number): number {
    const b = Math.floor(x / LANE);
    const list = this.buckets.get(b);
    if (list) list.push({ x, lo, hi });
    else this.buckets.set(b, [{ x, lo, hi }]);
    return x;
  }
}

/** The index of the first bus whose top is at or below `y` (buses sorted by top). */
function firstAtOrBelow(buses: readonly { y: number }[], y: number): number {
  let lo = 0;
  let hi = buses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buses[mid]!.y < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function busFacts(el: Element): string[] {
  const facts = nodeData(el).facts;
  return facts.length > 0 ? facts : [];
}

function busHandles(g: BusGeometry): NodeHandle[] {
  const handles: NodeHandle[] = [
    { id: TARGET_HANDLE_ID, type: 'target', position: Position.Top, x: 0, y: 0, width: g.width, height: BUS_HEIGHT },
  ];
  for (const d of g.drops)
    handles.push({
      id: dropHandleId(d.edgeId),
      type: 'target',
      position: d.fromAbove ? Position.Top : Position.Bottom,
      x: d.x - 0.5,
      y: d.fromAbove ? 0 : BUS_HEIGHT - 1,
      width: 1,
      height: 1,
    });
  return handles;
}

const geometryKey = (g: BusGeometry) =>
  `${g.left}|${g.width}|${g.y}|${g.labelX}|${g.drops.map((d) => `${d.edgeId}@${d.x}${d.fromAbove ? 'a' : 'b'}:${d.labelY}`).join(',')}`;

/** Element nodes and bus nodes, reusing node objects whose inputs did not change. */
export class NetworkNodeMapper {
  private elementNodes = new NodeMapper();
  private buses = new Map<string, { el: Element; selected: boolean; key: string; node: BusFlowNode }>();
  private last:
    | {
        elements: readonly Element[];
        links: readonly Link[];
        selected: ReadonlySet<string>;
        measured: ReadonlyMap<string, Measured>;
        dragging: boolean;
        nodes: NetworkViewNode[];
      }
    | undefined;
  /** The address labels' places from the last mapping outside a drag. */
  private labelYs = new Map<string, number | null>();
  private dropsCache: { elements: readonly Element[]; links: readonly Link[]; drops: DropSpec[] } | undefined;

  map(
    elements: readonly Element[],
    links: readonly Link[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Measured>,
    /**
     * A drag is running: the address labels stay where they were (placing them is the costly part
     * of the mapping at 10,000 elements, and labels jumping under the pointer would not help).
     */
    dragging = false,
  ): NetworkViewNode[] {
    const last = this.last;
    if (
      last &&
      last.elements === elements &&
      last.links === links &&
      last.selected === selected &&
      last.measured === measured &&
      last.dragging === dragging
    )
      return last.nodes;
    const drops = this.drops(elements, links);
    const geometry = busGeometry(elements, drops, measured, dragging ? this.labelYs : undefined);
    if (!dragging) {
      this.labelYs = new Map();
      for (const g of geometry.values()) for (const d of g.drops) this.labelYs.set(d.edgeId, d.labelY);
    }
    const plain = elements.filter((e) => !NETWORK_KINDS.has(e.kind));
    const nodes: NetworkViewNode[] = [];
    const seen = new Set<string>();
    // Buses first: React Flow draws later nodes on top, and an element over a bus stays clickable.
    for (const el of elements) {
      if (!NETWORK_KINDS.has(el.kind)) continue;
      const g = geometry.get(el.id)!;
      const sel = selected.has(el.id);
      const key = geometryKey(g);
      let entry = this.buses.get(el.id);
      if (!entry || entry.el !== el || entry.selected !== sel || entry.key !== key) {
        const data: BusNodeData = {
          kind: el.kind,
          name: el.name,
          system: nodeData(el).system,
          facts: busFacts(el),
          drops: g.drops,
          labelYs: new Map(g.drops.map((d) => [d.edgeId, d.labelY])),
          labelX: g.labelX,
        };
        const node: BusFlowNode = {
          id: el.id,
          type: 'bus',
          position: { x: g.left, y: g.y },
          data,
          selected: sel,
          width: g.width,
          height: BUS_HEIGHT,
          handles: busHandles(g),
          zIndex: 0,
        };
        entry = { el, selected: sel, key, node };
        this.buses.set(el.id, entry);
      }
      seen.add(el.id);
      nodes.push(entry.node);
    }
    for (const id of this.buses.keys()) if (!seen.has(id)) this.buses.delete(id);
    for (const n of this.elementNodes.map(plain, selected, measured)) nodes.push(n);
    this.last = { elements, links, selected, measured, dragging, nodes };
    return nodes;
  }

  /** A bus node's flow position, to turn a dragged bus back into its element's position. */
  busLeft(id: string): number | undefined {
    return this.buses.get(id)?.node.position.x;
  }

  /** A bus node's box in flow coordinates (fit to view). */
  busBox(id: string): { x: number; y: number; width: number; height: number } | undefined {
    const n = this.buses.get(id)?.node;
    return n ? { x: n.position.x, y: n.position.y, width: n.width!, height: BUS_HEIGHT } : undefined;
  }

  private drops(elements: readonly Element[], links: readonly Link[]): DropSpec[] {
    const c = this.dropsCache;
    if (c && c.links === links && sameDropSources(c.elements, elements)) {
      this.dropsCache = { ...c, elements };
      return c.drops;
    }
    const drops = dropsOf(elements, links);
    this.dropsCache = { elements, links, drops };
    return drops;
  }
}

/** Same elements (ids, kinds, props) in the same order: only positions or names may differ. */
function sameDropSources(a: readonly Element[], b: readonly Element[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.props !== y.props)) return false;
  }
  return true;
}

/**
 * Drops for attachments to networks, and the free graph's connection edges for everything else
 * (references between elements, leaf cables). The array keeps its identity while only positions
 * change (a drag), as in the free graph's EdgeMapper.
 */
export class NetworkEdgeMapper {
  private last:
    | {
        elements: readonly Element[];
        links: readonly Link[];
        selected: ReadonlySet<string>;
        base: readonly ConnectionEdge[];
        edges: ConnectionEdge[];
      }
    | undefined;
  private dropEdges = new Map<string, { spec: DropSpec; selected: boolean; edge: ConnectionEdge }>();

  /** `base` is the free graph's edges (EdgeMapper), whose non-drop edges are kept as they are. */
  map(
    elements: readonly Element[],
    links: readonly Link[],
    selected: ReadonlySet<string>,
    base: readonly ConnectionEdge[],
  ): ConnectionEdge[] {
    const last = this.last;
    if (last && last.links === links && last.selected === selected && last.base === base && sameDropSources(last.elements, elements)) {
      this.last = { ...last, elements };
      return last.edges;
    }
    const drops = dropsOf(elements, links);
    const dropIds = new Set(drops.map((d) => d.edgeId));
    const edges: ConnectionEdge[] = [];
    const fresh = new Map<string, { spec: DropSpec; selected: boolean; edge: ConnectionEdge }>();
    for (const d of drops) {
      const sel = selected.has(d.edgeId);
      const prior = this.dropEdges.get(d.edgeId);
      let edge = prior?.edge;
      if (!prior || prior.selected !== sel || !sameSpec(prior.spec, d)) {
        edge = {
          id: d.edgeId,
          type: 'drop',
          source: d.elementId,
          target: d.networkId,
          targetHandle: dropHandleId(d.edgeId),
          reconnectable: 'target',
          selected: sel,
          data: {
            kind: d.kind,
            role: d.role,
            label: d.label,
            ...(d.path !== undefined ? { path: d.path } : {}),
            ...(d.linkId !== undefined ? { linkId: d.linkId } : {}),
          },
        };
      }
      fresh.set(d.edgeId, { spec: d, selected: sel, edge: edge! });
      edges.push(edge!);
    }
    this.dropEdges = fresh;
    for (const e of base) if (!dropIds.has(e.id)) edges.push(e);
    this.last = { elements, links, selected, base, edges };
    return edges;
  }
}

const sameSpec = (a: DropSpec, b: DropSpec) =>
  a.elementId === b.elementId && a.networkId === b.networkId && a.role === b.role && a.label === b.label && a.kind === b.kind;
