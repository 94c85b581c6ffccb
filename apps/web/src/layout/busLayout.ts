/**
 * Auto-layout of the network view, in the exported design diagram's arrangement
 * (packages/formats/src/diagrams/design.ts): networks as buses stacked in the middle, the
 * infrastructure (physical, vSphere, NSX-ALB, HAProxy, NSX-T, ACI) in system groups above them,
 * the clusters (TKG, vSphere with Tanzu, Kubernetes) in system groups below. Unlike the one-row
 * export, each group is a small grid whose row count is chosen so the whole picture fits a
 * 1440×900 screen at the largest zoom, and elements are ordered by the buses they use, so their
 * drops are short and a group's drops to one bus sit together.
 *
 * Pure and linear-ish (sorting): it runs on the main thread; only positions come out.
 */
import { kindInfo, type Element, type Position, type SystemId } from '@viplane/model';
import { BUS_HEIGHT, BUS_PAD, dropsOf, isNetworkKind } from '../flow/busMapping.ts';
import { NODE_HEIGHT, NODE_WIDTH, type Measured } from '../flow/mapping.ts';
import type { Doc } from '../document/edits.ts';

const TOP: readonly SystemId[] = ['physical', 'vsphere', 'nsx-alb', 'haproxy', 'nsxt', 'aci'];
const BOTTOM: readonly SystemId[] = ['tkg', 'tanzu', 'kubernetes'];

const COL_GAP = 36;
const ROW_GAP = 36;
const GROUP_GAP = 72;
/** Room between a tier and the nearest bus for the drops' address labels (written along them). */
const TIER_GAP = 120;
const BUS_GAP = 22;
/** The canvas area the layout aims to fill at fit (1440×900 less the side panels and top bar). */
const TARGET = { w: 1000, h: 780 };

interface Item {
  el: Element;
  w: number;
  h: number;
  /** Mean rank of the buses it attaches to (none: after all). */
  rank: number;
}

/** Positions for every element of the document in the network view. */
export function busLayout(doc: Doc, measured: ReadonlyMap<string, Measured>): Map<string, Position> {
  const drops = dropsOf(doc.elements, doc.links);
  const nets = doc.elements.filter((e) => isNetworkKind(e.kind));
  const byId = new Map(doc.elements.map((e) => [e.id, e]));
  const tierOf = (el: Element): 'top' | 'bottom' => (BOTTOM.includes(systemOf(el, byId)) ? 'bottom' : 'top');

  // Bus order as on the export: client networks first, then those used mostly from above, then from below.
  const use = new Map(nets.map((n) => [n.id, { top: 0, bottom: 0 }]));
  for (const d of drops) {
    const el = byId.get(d.elementId)!;
    use.get(d.networkId)![tierOf(el)]++;
  }
  const skew = (id: string) => {
    const u = use.get(id)!;
    return (u.bottom - u.top) / Math.max(1, u.bottom + u.top);
  };
  const order = nets
    .map((n, i) => ({ n, i }))
    .sort(
      (a, b) => (a.n.kind === 'clientNetwork' ? 0 : 1) - (b.n.kind === 'clientNetwork' ? 0 : 1) || skew(a.n.id) - skew(b.n.id) || a.i - b.i,
    )
    .map((e) => e.n);
  const rank = new Map(order.map((n, i) => [n.id, i]));
  const attached = new Map<string, number[]>();
  for (const d of drops) {
    let list = attached.get(d.elementId);
    if (!list) attached.set(d.elementId, (list = []));
    list.push(rank.get(d.networkId)!);
  }

  const groupsOf = (systems: readonly SystemId[], tier: 'top' | 'bottom') => {
    const groups = new Map<SystemId, Item[]>();
    for (const el of doc.elements) {
      if (isNetworkKind(el.kind) || tierOf(el) !== tier) continue;
      const system = systemOf(el, byId);
      const ranks = attached.get(el.id);
      const item: Item = {
        el,
        w: measured.get(el.id)?.width ?? NODE_WIDTH,
        h: measured.get(el.id)?.height ?? NODE_HEIGHT,
        rank: ranks ? ranks.reduce((s, r) => s + r, 0) / ranks.length : order.length,
      };
      let g = groups.get(system);
      if (!g) groups.set(system, (g = []));
      g.push(item);
    }
    const known = systems.filter((s) => groups.has(s));
    const others = [...groups.keys()].filter((s) => !systems.includes(s));
    return [...known, ...others].map((s) => groups.get(s)!.sort((a, b) => (tier === 'top' ? b.rank - a.rank : a.rank - b.rank)));
  };
  const top = groupsOf(TOP, 'top');
  const bottom = groupsOf(BOTTOM, 'bottom');

  // Sizes of the boxes only: a network's measured size is its bus's.
  const boxes = doc.elements.filter((e) => !isNetworkKind(e.kind));
  let cellW = NODE_WIDTH;
  let cellH = NODE_HEIGHT;
  for (const e of boxes) {
    cellW = Math.max(cellW, measured.get(e.id)?.width ?? 0);
    cellH = Math.max(cellH, measured.get(e.id)?.height ?? 0);
  }
  cellW += COL_GAP;
  cellH += ROW_GAP;
  const busesH = order.length * (BUS_HEIGHT + BUS_GAP);
  const shape = (groups: Item[][], rows: number) => {
    const cols = groups.map((g) => Math.ceil(g.length / rows));
    const width = cols.reduce((s, c) => s + c * cellW, 0) + GROUP_GAP * Math.max(0, groups.length - 1);
    const height = groups.length === 0 ? 0 : Math.min(rows, Math.max(...groups.map((g) => g.length))) * cellH;
    return { cols, width, height };
  };
  // The row count per tier that lets the whole picture fit at the largest zoom.
  let best = { zoom: 0, rows: 1 };
  for (let rows = 1; rows <= 24; rows++) {
    const t = shape(top, rows);
    const b = shape(bottom, rows);
    const w = Math.max(t.width, b.width, 1);
    const h = t.height + b.height + busesH + 2 * TIER_GAP;
    const zoom = Math.min(TARGET.w / w, TARGET.h / h);
    if (zoom > best.zoom) best = { zoom, rows };
  }

  // Each tier then takes the fewest rows that keep it within the picture's width: a tier of a
  // few elements stays one row instead of stacking boxes whose drops would pass behind others.
  const width = Math.max(shape(top, best.rows).width, shape(bottom, best.rows).width);
  const rowsFor = (groups: Item[][]) => {
    for (let rows = 1; rows < best.rows; rows++) if (shape(groups, rows).width <= width) return rows;
    return best.rows;
  };

  const positions = new Map<string, Position>();
  const place = (groups: Item[][], y0: number, above: boolean) => {
    const rows = rowsFor(groups);
    const { cols, height } = shape(groups, rows);
    let x = 0;
    groups.forEach((g, gi) => {
      const c = cols[gi]!;
      // Column-major: the elements using the same buses stand in one column; the nearest row to
      // the buses holds the elements whose drops go furthest.
      g.forEach((item, i) => {
        const col = Math.floor(i / Math.ceil(g.length / c));
        const row = i % Math.ceil(g.length / c);
        const rowY = above ? y0 + height - (row + 1) * cellH + ROW_GAP : y0 + row * cellH;
        positions.set(item.el.id, { x: x + col * cellW, y: rowY });
      });
      x += c * cellW + GROUP_GAP;
    });
    return height;
  };
  const topH = place(top, 0, true);
  let y = topH + TIER_GAP;
  for (const n of order) {
    positions.set(n.id, { x: -BUS_PAD, y });
    y += BUS_HEIGHT + BUS_GAP;
  }
  place(bottom, y - BUS_GAP + TIER_GAP, false);
  return positions;
}

/** A virtual service belongs with its load balancer, as on the export. */
function systemOf(el: Element, byId: ReadonlyMap<string, Element>): SystemId {
  if (el.kind === 'virtualService') {
    const lb = el.props.loadBalancerId ? byId.get(el.props.loadBalancerId) : undefined;
    if (lb) return kindInfo[lb.kind].system;
    const backend = el.props.backendClusterId ? byId.get(el.props.backendClusterId) : undefined;
    if (backend) return kindInfo[backend.kind].system;
  }
  return kindInfo[el.kind].system;
}
