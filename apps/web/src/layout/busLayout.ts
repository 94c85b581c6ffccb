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
import type { Element, Position, SystemId } from '@viplane/model';
import { BUS_HEIGHT, BUS_PAD, dropsOf, isNetworkKind } from '../flow/busMapping.ts';
import { NODE_HEIGHT, NODE_WIDTH, type Measured } from '../flow/mapping.ts';
import { BOTTOM_SYSTEMS as BOTTOM, DEFAULT_DOMAIN, TOP_SYSTEMS as TOP, groupOf, routingDomainOf, systemOf } from '../flow/groups.ts';
import { FRAME_HEAD, FRAME_PAD } from '../flow/containers.ts';
import type { Doc } from '../document/edits.ts';

const COL_GAP = 36;
const ROW_GAP = 36;
/** Between two system groups: their frames (containers.ts) and a gap. */
const GROUP_GAP = 72;
/** Between the buses of two routing domains: their frames do not touch. */
const DOMAIN_GAP = 2 * FRAME_PAD + 14;
/** Room between a tier and the nearest bus for the drops' address labels (written along them). */
const TIER_GAP = 120;
const BUS_GAP = 22;
/**
 * Each row of a group stands a little right of the one nearer the buses: the drops of two
 * elements in one column (same place, same number of interfaces) would share a line, and their
 * address labels one place in the gap above the buses (flow/labels.ts).
 */
const ROW_SHIFT = 22;
const rowShift = (row: number) => (row % 4) * ROW_SHIFT;
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
  // A routing domain's buses stand together (the default's first), so its frame encloses only them.
  const domains = [DEFAULT_DOMAIN];
  for (const n of nets) {
    const d = routingDomainOf(n) ?? DEFAULT_DOMAIN;
    if (!domains.includes(d)) domains.push(d);
  }
  const domainRank = (n: Element) => domains.indexOf(routingDomainOf(n) ?? DEFAULT_DOMAIN);
  const order = nets
    .map((n, i) => ({ n, i }))
    .sort(
      (a, b) =>
        domainRank(a.n) - domainRank(b.n) ||
        (a.n.kind === 'clientNetwork' ? 0 : 1) - (b.n.kind === 'clientNetwork' ? 0 : 1) ||
        skew(a.n.id) - skew(b.n.id) ||
        a.i - b.i,
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
    // Keyed by group (a system; a TKG management cluster with its workload clusters), in system order.
    const groups = new Map<string, Item[]>();
    const systemOfKey = new Map<string, SystemId>();
    for (const el of doc.elements) {
      if (isNetworkKind(el.kind) || tierOf(el) !== tier) continue;
      const group = groupOf(el, byId);
      systemOfKey.set(group.key, group.system);
      const ranks = attached.get(el.id);
      const item: Item = {
        el,
        w: measured.get(el.id)?.width ?? NODE_WIDTH,
        h: measured.get(el.id)?.height ?? NODE_HEIGHT,
        rank: ranks ? ranks.reduce((s, r) => s + r, 0) / ranks.length : order.length,
      };
      let g = groups.get(group.key);
      if (!g) groups.set(group.key, (g = []));
      g.push(item);
    }
    const place = (key: string) => {
      const i = systems.indexOf(systemOfKey.get(key)!);
      return i < 0 ? systems.length : i;
    };
    return [...groups.keys()]
      .map((key, i) => ({ key, i }))
      .sort((a, b) => place(a.key) - place(b.key) || a.i - b.i)
      .map(({ key }) => groups.get(key)!.sort((a, b) => (tier === 'top' ? b.rank - a.rank : a.rank - b.rank)));
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
  const busesH = order.length * (BUS_HEIGHT + BUS_GAP) + (domains.length - 1) * DOMAIN_GAP;
  const shape = (groups: Item[][], rows: number) => {
    const cols = groups.map((g) => Math.ceil(g.length / rows));
    const width =
      cols.reduce((s, c) => s + c * cellW, 0) +
      GROUP_GAP * Math.max(0, groups.length - 1) +
      groups.reduce((s, g) => s + rowShift(Math.min(rows, g.length) - 1), 0);
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
        positions.set(item.el.id, { x: x + col * cellW + rowShift(row), y: rowY });
      });
      x += c * cellW + rowShift(Math.min(rows, g.length) - 1) + GROUP_GAP;
    });
    return height;
  };
  // The upper groups' frame labels stand above them (containers.ts): leave their room at the top.
  const topH = place(top, FRAME_HEAD + FRAME_PAD, true) + FRAME_HEAD + FRAME_PAD;
  let y = topH + TIER_GAP;
  let domain = -1;
  for (const n of order) {
    if (domain >= 0 && domainRank(n) !== domain) y += DOMAIN_GAP;
    domain = domainRank(n);
    positions.set(n.id, { x: -BUS_PAD, y });
    y += BUS_HEIGHT + BUS_GAP;
  }
  place(bottom, y - BUS_GAP + TIER_GAP, false);
  return positions;
}
