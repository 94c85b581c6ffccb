/**
 * Document -> React Flow nodes and edges, incrementally. An element that did not change (same
 * object), with the same selection and measured size, keeps the very same node object, so
 * React Flow reuses its internal node and the memoized node component does not render
 * (performance.md §3: never re-map every node per change). Node `data` depends only on the
 * element's kind, name and props (not its position), so a drag never changes `data`.
 *
 * Diagnostics, highlights and zoom level are NOT in node data: node components read them with
 * narrow per-id selectors, so a validation run re-renders only the nodes whose badge changed.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { kindInfo, type Element, type ElementKind, type Link, type SystemId } from '@viplane/model';
import { referencesOf } from '../document/edits.ts';
import { fieldLabel } from '../lib/labels.ts';
import { handleRoles, sourceHandleId, TARGET_HANDLE_ID, type HandleRole } from './roles.ts';

export interface ElementNodeData extends Record<string, unknown> {
  kind: ElementKind;
  name: string;
  system: SystemId;
  label: string;
  /** One or two short facts under the name (subnet, VLAN, counts). */
  facts: string[];
  /** Small tags (ALB, DHCP, primary...). */
  tags: string[];
  roles: readonly HandleRole[];
}
export type ElementFlowNode = Node<ElementNodeData, 'element'>;

export interface ConnectionEdgeData extends Record<string, unknown> {
  kind: 'ref' | 'nic' | 'leaf';
  role: HandleRole;
  /** Reference field path (ref edges), link id (nic, leaf). */
  path?: string;
  linkId?: string;
  /** Interface address for NIC edges ("pool", "dhcp" when not static). */
  label: string;
  /** Parallel edges between the same two elements: this one's index and their count. */
  pi?: number;
  pn?: number;
}
/** 'drop': an attachment to a network in the network view (busMapping.ts). */
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection' | 'drop'>;

export interface Measured {
  width: number;
  height: number;
}

// ---------------------------------------------------------------- node data

const dataCache = new WeakMap<object, { name: string; data: ElementNodeData }>();

export function nodeData(el: Element): ElementNodeData {
  const cached = dataCache.get(el.props);
  if (cached && cached.name === el.name && cached.data.kind === el.kind) return cached.data;
  const { facts, tags } = summarize(el);
  const info = kindInfo[el.kind];
  const data: ElementNodeData = {
    kind: el.kind,
    name: el.name,
    system: info.system,
    label: info.label,
    facts,
    tags,
    roles: handleRoles(el.kind),
  };
  dataCache.set(el.props, { name: el.name, data });
  return data;
}

function summarize(el: Element): { facts: string[]; tags: string[] } {
  const facts: string[] = [];
  const tags: string[] = [];
  switch (el.kind) {
    case 'portGroup': {
      const p = el.props;
      facts.push(p.subnet ?? 'no subnet');
      const second = [p.vlan !== null ? `VLAN ${p.vlan}` : null, p.gateway ? `gw ${p.gateway}` : null].filter(Boolean).join(' · ');
      if (second) facts.push(second);
      if (p.albRegistered) tags.push('ALB');
      if (p.dhcp) tags.push('DHCP');
      if (p.ranges.length) tags.push(`${p.ranges.length} range${p.ranges.length > 1 ? 's' : ''}`);
      break;
    }
    case 'nsxtSegment':
      facts.push(el.props.subnet ?? 'no subnet');
      if (el.props.gateway) facts.push(`gw ${el.props.gateway}`);
      if (el.props.dhcp) tags.push('DHCP');
      break;
    case 'clientNetwork':
      facts.push(el.props.subnet ?? 'clients anywhere');
      break;
    case 'router':
      facts.push(el.props.staticRoutes.length ? `${el.props.staticRoutes.length} static route(s)` : 'connected routes');
      if (el.props.acl.length) facts.push(`ACL: ${el.props.acl.length} entr${el.props.acl.length === 1 ? 'y' : 'ies'}`);
      break;
    case 'firewall':
      facts.push(`${el.props.rules.length} rule(s), default deny`);
      break;
    case 'vcenter':
      facts.push(el.props.server || 'no server set');
      break;
    case 'aviController': {
      facts.push(`v${el.props.version} · ${el.props.cloudName}`);
      const routes = el.props.vrfs.reduce((n, v) => n + v.staticRoutes.length, 0);
      facts.push(`${routes} VRF route${routes === 1 ? '' : 's'}`);
      break;
    }
    case 'seGroup':
      facts.push(`${el.props.seCount} SE · ${el.props.haMode.replace('HA_MODE_', '').replace(/_/g, ' ').toLowerCase()}`);
      break;
    case 'virtualService':
      facts.push(`${el.props.address ?? 'VIP from pool'} :${el.props.port}`);
      break;
    case 'aviDnsVs':
      facts.push(el.props.address || 'no address');
      break;
    case 'haproxy':
      facts.push(el.props.topology === 'frontend' ? '3 NICs (frontend)' : '2 NICs (default)');
      break;
    case 'tkgCluster': {
      const p = el.props;
      facts.push(`${p.role} · ${p.controlPlaneCount}+${p.workerCount} nodes · ${p.plan}`);
      facts.push(`pods ${p.podCidr}`);
      tags.push(p.endpoint.provider === 'kube-vip' ? `kube-vip ${p.endpoint.address ?? '?'}` : 'NSX-ALB endpoint');
      if (p.routablePods) tags.push('routable pods');
      break;
    }
    case 'k8sCluster':
      facts.push(`${el.props.nodes.length} nodes · ${el.props.cni}`);
      facts.push(`pods ${el.props.podCidr}`);
      break;
    case 'supervisor':
      facts.push(`${el.props.controlPlaneCount} CP VMs · ${el.props.loadBalancer.provider === 'haproxy' ? 'HAProxy' : 'NSX-ALB'}`);
      break;
    case 'workloadNetwork':
      if (el.props.primary) tags.push('primary');
      facts.push(`${el.props.ranges.length} range(s)`);
      break;
    case 'vsphereNamespace':
      facts.push(el.props.networkOverride ? `override ${el.props.networkOverride.namespaceNetwork ?? ''}` : 'default network');
      break;
    case 'tkc':
      facts.push(`${el.props.controlPlaneCount} CP + ${el.props.workerCount} workers · ${el.props.cni}`);
      break;
    case 'ako':
      facts.push(`mode ${el.props.mode}`);
      if (el.props.ingress.enabled) tags.push('ingress');
      break;
    case 'nsxtTier0':
      facts.push(el.props.managerHost || 'no manager set');
      break;
    case 'nsxtTier1':
      facts.push(`${el.props.routeAdvertisement.length} advertisement type(s)`);
      break;
    case 'aciFabric':
      facts.push(el.props.tenant ? `tenant ${el.props.tenant}` : 'no tenant');
      break;
    case 'aciSwitch':
      facts.push(`${el.props.role} ${el.props.nodeId}`);
      break;
  }
  return { facts: facts.filter((f) => f.length > 0), tags };
}

// ---------------------------------------------------------------- nodes

/** The size a node is drawn at before it is measured (its CSS width; a typical height). */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 76;

/**
 * Handles declared up front: with them (and an initial size) React Flow can cull a node that
 * was never rendered, instead of rendering every node once to measure it (xyflow #3883), and
 * can draw edges to it before it is measured.
 */
const handlesCache = new Map<ElementKind, NodeHandle[]>();
function declaredHandles(kind: ElementKind): NodeHandle[] {
  let handles = handlesCache.get(kind);
  if (!handles) {
    const roles = handleRoles(kind);
    handles = [{ id: TARGET_HANDLE_ID, type: 'target', position: Position.Left, x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT }];
    roles.forEach((role, i) =>
      handles!.push({
        id: sourceHandleId(role),
        type: 'source',
        position: Position.Right,
        x: NODE_WIDTH - 5,
        y: ((i + 1) / (roles.length + 1)) * NODE_HEIGHT - 5,
        width: 10,
        height: 10,
      }),
    );
    handlesCache.set(kind, handles);
  }
  return handles;
}

interface NodeEntry {
  el: Element;
  selected: boolean;
  measured: Measured | undefined;
  node: ElementFlowNode;
}

export class NodeMapper {
  private entries = new Map<string, NodeEntry>();
  private last:
    | { elements: readonly Element[]; selected: ReadonlySet<string>; measured: ReadonlyMap<string, Measured>; nodes: ElementFlowNode[] }
    | undefined;
  /** How many node objects the last call created (tests and the perf overlay read it). */
  created = 0;

  map(elements: readonly Element[], selected: ReadonlySet<string>, measured: ReadonlyMap<string, Measured>): ElementFlowNode[] {
    const last = this.last;
    if (last && last.elements === elements && last.selected === selected && last.measured === measured) return last.nodes;
    this.created = 0;
    const nodes = new Array<ElementFlowNode>(elements.length);
    const seen = elements.length === this.entries.size ? undefined : new Set<string>();
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      const sel = selected.has(el.id);
      const m = measured.get(el.id);
      let entry = this.entries.get(el.id);
      if (!entry || entry.el !== el || entry.selected !== sel || entry.measured !== m) {
        const node: ElementFlowNode = {
          id: el.id,
          type: 'element',
          position: el.position,
          data: nodeData(el),
          selected: sel,
          handles: declaredHandles(el.kind),
          initialWidth: NODE_WIDTH,
          initialHeight: NODE_HEIGHT,
        };
        if (m) node.measured = m;
        entry = { el, selected: sel, measured: m, node };
        this.entries.set(el.id, entry);
        this.created++;
      }
      nodes[i] = entry.node;
      seen?.add(el.id);
    }
    if (seen) for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
    this.last = { elements, selected, measured, nodes };
    return nodes;
  }
}

// ---------------------------------------------------------------- edges

const refEdgeCache = new WeakMap<object, ConnectionEdge[]>();
const linkEdgeCache = new WeakMap<Link, ConnectionEdge>();

function refEdges(el: Element): ConnectionEdge[] {
  let edges = refEdgeCache.get(el.props);
  if (!edges || (edges[0] && edges[0].source !== el.id)) {
    edges = referencesOf(el).map((ref) => ({
      id: `ref:${el.id}:${ref.path}`,
      type: 'connection' as const,
      source: el.id,
      target: ref.targetId,
      data: { kind: 'ref' as const, role: ref.role as HandleRole, path: ref.path, label: fieldLabel(ref.path) },
    }));
    refEdgeCache.set(el.props, edges);
  }
  return edges;
}

export function nicLabel(l: Link): string {
  if (l.kind === 'leaf') return '';
  if (l.address) return l.address;
  return l.addressMode === 'static' ? 'no address' : l.addressMode;
}

/**
 * Edges carry no handle ids: they are drawn between node borders (geometry.ts), and React Flow
 * then only needs some source handle on the source and a target handle on the target, which
 * every element has, even in its simplified zoomed-out look. A link whose role its holder does
 * not offer as a handle (restore accepts any NIC role) still draws.
 */
function linkEdge(l: Link): ConnectionEdge {
  let edge = linkEdgeCache.get(l);
  if (!edge) {
    const role: HandleRole = l.kind === 'leaf' ? 'leaf' : (l.role as HandleRole);
    edge = {
      id: `link:${l.id}`,
      type: 'connection',
      source: l.from,
      target: l.to,
      data: { kind: l.kind, role, linkId: l.id, label: nicLabel(l) },
    };
    linkEdgeCache.set(l, edge);
  }
  return edge;
}

export class EdgeMapper {
  private last:
    { elements: readonly Element[]; links: readonly Link[]; selected: ReadonlySet<string>; edges: ConnectionEdge[] } | undefined;
  private selectedCopies = new Map<string, { base: ConnectionEdge; edge: ConnectionEdge }>();
  private parallelCopies = new Map<string, { base: ConnectionEdge; pi: number; pn: number; edge: ConnectionEdge }>();

  map(elements: readonly Element[], links: readonly Link[], selected: ReadonlySet<string>): ConnectionEdge[] {
    const last = this.last;
    if (last && last.links === links && last.selected === selected && sameEdgeSources(last.elements, elements)) {
      // A drag moves elements every frame, and most field edits change no reference: the same
      // edges array, so React Flow does not rebuild its connection lookup of every edge (the main
      // cost of a drag frame, or of a keystroke, at 10,000 elements).
      this.last = { ...last, elements };
      return last.edges;
    }
    const kinds = new Map<string, ElementKind>();
    for (const el of elements) kinds.set(el.id, el.kind);
    const base: ConnectionEdge[] = [];
    const pairs = new Map<string, number>();
    const pairKey = (e: ConnectionEdge) => (e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`);
    const add = (e: ConnectionEdge) => {
      if (!kinds.has(e.target) || !kinds.has(e.source)) return;
      base.push(e);
      const k = pairKey(e);
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    };
    for (const el of elements) for (const e of refEdges(el)) add(e);
    for (const l of links) add(linkEdge(l));
    const seen = new Map<string, number>();
    const edges = base.map((e) => {
      const k = pairKey(e);
      const n = pairs.get(k)!;
      let out = e;
      if (n > 1) {
        const i = seen.get(k) ?? 0;
        seen.set(k, i + 1);
        out = this.parallelCopy(e, i, n);
      }
      return selected.has(e.id) ? this.selectedCopy(out) : out;
    });
    this.last = { elements, links, selected, edges };
    return edges;
  }

  private parallelCopy(base: ConnectionEdge, pi: number, pn: number): ConnectionEdge {
    const prior = this.parallelCopies.get(base.id);
    if (prior && prior.base === base && prior.pi === pi && prior.pn === pn) return prior.edge;
    const edge = { ...base, data: { ...base.data!, pi, pn } };
    this.parallelCopies.set(base.id, { base, pi, pn, edge });
    return edge;
  }

  private selectedCopy(base: ConnectionEdge): ConnectionEdge {
    const prior = this.selectedCopies.get(base.id);
    if (prior && prior.base === base) return prior.edge;
    const edge = { ...base, selected: true };
    this.selectedCopies.set(base.id, { base, edge });
    return edge;
  }
}

/** Same elements in the same order with the same references: positions, names and other fields may differ. */
function sameEdgeSources(a: readonly Element[], b: readonly Element[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y || x.props === y.props) {
      if (x.id !== y.id) return false;
      continue;
    }
    if (x.id !== y.id || x.kind !== y.kind) return false;
    const before = refEdges(x);
    const after = refEdges(y);
    if (before.length !== after.length) return false;
    for (let k = 0; k < before.length; k++) if (before[k]!.id !== after[k]!.id || before[k]!.target !== after[k]!.target) return false;
  }
  return true;
}

/** Parses an edge id back to what it stands for. */
export function parseEdgeId(id: string): { kind: 'ref'; elementId: string; path: string } | { kind: 'link'; linkId: string } | null {
  if (id.startsWith('link:')) return { kind: 'link', linkId: id.slice(5) };
  if (id.startsWith('ref:')) {
    const rest = id.slice(4);
    const cut = rest.lastIndexOf(':');
    // element ids may contain ':'; paths never do.
    return cut > 0 ? { kind: 'ref', elementId: rest.slice(0, cut), path: rest.slice(cut + 1) } : null;
  }
  return null;
}
