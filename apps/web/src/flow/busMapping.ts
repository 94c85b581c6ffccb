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
import { BusGeometryCache } from './busGeometryCache.ts';

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
}

export interface BusNodeData extends Record<string, unknown> {
  kind: ElementKind;
  name: string;
  system: string;
  /** Subnet, VLAN, gateway: what the exported diagram writes on a bar. */
  facts: string[];
  drops: readonly BusDrop[];
}
export type BusFlowNode = Node<BusNodeData, 'bus'>;
export type NetworkViewNode = ElementFlowNode | BusFlowNode;

export const dropHandleId = (edgeId: string) => `d:${edgeId}`;

export interface DropSpec {
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
}

/** Where one of an element's drops meets its bus, in flow coordinates. */
export interface PlacedDrop {
  networkId: string;
  x: number;
  fromAbove: boolean;
  edgeId: string;
}

/**
 * Where an element's drops meet their buses: spread evenly along its width, ordered by the height
 * of their bus, so drops never share an x and the one to the nearest bus is not crossed by the others.
 */
export function placeDrops(
  el: Element,
  list: readonly DropSpec[],
  byId: ReadonlyMap<string, Element>,
  measured: ReadonlyMap<string, Measured>,
): PlacedDrop[] {
  const w = measured.get(el.id)?.width ?? NODE_WIDTH;
  const h = measured.get(el.id)?.height ?? NODE_HEIGHT;
  const busY = (d: DropSpec) => byId.get(d.networkId)!.position.y;
  const sorted = [...list].sort((a, b) => busY(a) - busY(b) || (a.edgeId < b.edgeId ? -1 : 1));
  return sorted.map((d, i) => ({
    networkId: d.networkId,
    x: el.position.x + (w * (i + 1)) / (sorted.length + 1),
    fromAbove: el.position.y + h / 2 < busY(d) + BUS_HEIGHT / 2,
    edgeId: d.edgeId,
  }));
}

/** A bus's extent from its element and the drops that meet it. */
export function busFromDrops(el: Element, at: readonly PlacedDrop[]): BusGeometry {
  let left = el.position.x;
  let right = el.position.x + BUS_MIN_WIDTH;
  for (const d of at) {
    left = Math.min(left, d.x - BUS_PAD);
    right = Math.max(right, d.x + BUS_PAD);
  }
  return {
    left,
    width: right - left,
    y: el.position.y,
    drops: at.map((d) => ({ edgeId: d.edgeId, x: d.x - left, fromAbove: d.fromAbove })),
  };
}

/** The drops of each element, in the order of their first drop (the order every bus lists its drops in). */
export function dropsByElement(drops: readonly DropSpec[]): Map<string, DropSpec[]> {
  const perElement = new Map<string, DropSpec[]>();
  for (const d of drops) {
    let list = perElement.get(d.elementId);
    if (!list) perElement.set(d.elementId, (list = []));
    list.push(d);
  }
  return perElement;
}

/** Where every bus is and where each drop meets it (BusGeometryCache: the same, updated incrementally). */
export function busGeometry(
  elements: readonly Element[],
  drops: readonly DropSpec[],
  measured: ReadonlyMap<string, Measured>,
): Map<string, BusGeometry> {
  const byId = new Map<string, Element>();
  for (const el of elements) byId.set(el.id, el);
  const absolute = new Map<string, PlacedDrop[]>();
  for (const [elementId, list] of dropsByElement(drops)) {
    for (const d of placeDrops(byId.get(elementId)!, list, byId, measured)) {
      let at = absolute.get(d.networkId);
      if (!at) absolute.set(d.networkId, (at = []));
      at.push(d);
    }
  }
  const out = new Map<string, BusGeometry>();
  for (const el of elements) if (NETWORK_KINDS.has(el.kind)) out.set(el.id, busFromDrops(el, absolute.get(el.id) ?? []));
  return out;
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
  `${g.left}|${g.width}|${g.y}|${g.drops.map((d) => `${d.edgeId}@${d.x}${d.fromAbove ? 'a' : 'b'}`).join(',')}`;

/** Element nodes and bus nodes, reusing node objects whose inputs did not change. */
export class NetworkNodeMapper {
  private elementNodes = new NodeMapper();
  private geometry = new BusGeometryCache();
  private buses = new Map<string, { el: Element; selected: boolean; key: string; node: BusFlowNode }>();
  private last:
    | {
        elements: readonly Element[];
        links: readonly Link[];
        selected: ReadonlySet<string>;
        measured: ReadonlyMap<string, Measured>;
        nodes: NetworkViewNode[];
      }
    | undefined;
  private dropsCache: { elements: readonly Element[]; links: readonly Link[]; drops: DropSpec[] } | undefined;

  map(
    elements: readonly Element[],
    links: readonly Link[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Measured>,
  ): NetworkViewNode[] {
    const last = this.last;
    if (last && last.elements === elements && last.links === links && last.selected === selected && last.measured === measured)
      return last.nodes;
    const drops = this.drops(elements, links);
    const { geometry, changed } = this.geometry.update(elements, drops, measured);
    const plain = elements.filter((e) => !NETWORK_KINDS.has(e.kind));
    const nodes: NetworkViewNode[] = [];
    const seen = new Set<string>();
    // Buses first: React Flow draws later nodes on top, and an element over a bus stays clickable.
    for (const el of elements) {
      if (!NETWORK_KINDS.has(el.kind)) continue;
      const sel = selected.has(el.id);
      let entry = this.buses.get(el.id);
      // Neither the element, its selection nor its geometry changed: the node as it is (no key to build).
      if (entry && entry.el === el && entry.selected === sel && changed !== null && !changed.has(el.id)) {
        seen.add(el.id);
        nodes.push(entry.node);
        continue;
      }
      const g = geometry.get(el.id)!;
      const key = geometryKey(g);
      if (!entry || entry.el !== el || entry.selected !== sel || entry.key !== key) {
        const data: BusNodeData = { kind: el.kind, name: el.name, system: nodeData(el).system, facts: busFacts(el), drops: g.drops };
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
    this.last = { elements, links, selected, measured, nodes };
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
