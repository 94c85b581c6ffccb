/**
 * Which connectors to route, when: the main-thread half of connector routing (the worker's half
 * is router.worker.ts). It keeps, per connector, the route last computed and the positions of its
 * two ends then (`key`): a route is shown only while its ends are where they were, so the
 * connectors of an element being dragged fall back to a provisional path while every other
 * connector keeps its route.
 *
 * The work is bounded whatever the design's size: a change marks dirty only the connectors whose
 * ends moved or whose route or label a moved box now touches (everything only on a mass change
 * such as a load or an auto-layout); batches are at most BATCH_MAX connectors within one region
 * of at most REGION_MAX, nearest the viewport first, one batch in flight at a time, at most one
 * every THROTTLE_MS; a batch's obstacles are only the boxes in its region. A connector longer than
 * REGION_MAX is not routed at all and keeps its straight line.
 */
import { obstaclesOf, type RoutingBox } from './obstacles.ts';
import { grow, pathCrossesRect, rectsOverlap, union, type Pt, type Rect } from './geometry.ts';
import { labelRect, labelSize } from './labels.ts';
import { orthogonalPath } from './svgPath.ts';
import { BUFFER } from './route.ts';
import type { ConnectorEnd, ConnectorSpec, RouteRequest, RouteResponse } from './protocol.ts';

export interface RouteEntry {
  /** routeKey() of the two ends this route was computed for. */
  key: string;
  points: Pt[];
  /** The SVG path (rounded corners). */
  path: string;
  label: Pt | null;
}

export interface EdgeLike {
  id: string;
  source: string;
  target: string;
  /** The label the connector shows, if any. */
  label: string | null;
}

export type Transport = (request: RouteRequest) => Promise<RouteResponse>;

export const BATCH_MAX = 40;
/** How many already routed connectors sharing an element with a batch may join it. */
export const NEIGHBOURS_MAX = 40;
/** A batch's region (its connectors' ends, grown by MARGIN) stays within this width and height. */
export const REGION_MAX = 2400;
const MARGIN = 160;
export const THROTTLE_MS = 120;
/** More moved boxes than this at once: re-route everything rather than test each route. */
const MASS_CHANGE = 64;
/** How many dirty connectors, nearest first, a batch is picked from. */
const LOOKAHEAD = 400;

const r0 = (n: number) => Math.round(n);
const boxKey = (b: Rect) => `${r0(b.x)},${r0(b.y)},${r0(b.w)},${r0(b.h)}`;
/** The identity of a connector's geometry: where its two ends are. */
export const routeKey = (source: Rect, target: Rect) => `${boxKey(source)}|${boxKey(target)}`;

const centre = (b: Rect): Pt => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/**
 * An end of a connector: an element ends on its box (libavoid picks its left or right side); a
 * bus (a network that refers to an element) on the point of the bus nearest the other end.
 */
export function connectorEnd(box: RoutingBox, other: Rect): ConnectorEnd {
  if (!box.dropXs) return { shape: box.id };
  const o = centre(other);
  const x = Math.min(Math.max(o.x, box.x + 8), box.x + box.w - 8);
  return { point: { x: Math.round(x), y: o.y < box.y + box.h / 2 ? box.y - 1 : box.y + box.h + 1 } };
}

export class ConnectorScheduler {
  private nodes = new Map<string, { node: unknown; box: RoutingBox }>();
  private edgesRef: readonly unknown[] | null = null;
  private specs = new Map<string, EdgeLike>();
  private byNode = new Map<string, Set<string>>();
  private routes = new Map<string, RouteEntry>();
  private dirty = new Set<string>();
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = -Infinity;
  private seq = 0;
  private disabled = false;
  /** Connector ids of each request sent (tests and the perf overlay read it). */
  readonly sent: string[][] = [];

  private readonly focus: () => Pt | null;
  private readonly onError: (message: string) => void;
  private readonly throttleMs: number;

  constructor(
    private readonly transport: Transport,
    private readonly publish: (routes: ReadonlyMap<string, RouteEntry>) => void,
    options: {
      /** Where the user looks (flow coordinates): connectors nearest it are routed first. */
      focus?: () => Pt | null;
      onError?: (message: string) => void;
      throttleMs?: number;
    } = {},
  ) {
    this.focus = options.focus ?? (() => null);
    this.onError = options.onError ?? (() => {});
    this.throttleMs = options.throttleMs ?? THROTTLE_MS;
  }

  /**
   * The view's current nodes and connectors. Nodes and edges are compared by identity first
   * (the canvas's mappers keep the objects of what did not change), so a drag costs a pass over
   * the arrays and the boxes of what moved.
   */
  update<N extends { id: string }, E>(
    nodes: readonly N[],
    toBox: (n: N) => RoutingBox,
    edges: readonly E[],
    toEdge: (e: E) => EdgeLike | null,
  ): void {
    const moved: Rect[] = [];
    const movedIds: string[] = [];
    for (const n of nodes) {
      const prior = this.nodes.get(n.id);
      if (prior && prior.node === n) continue;
      const box = toBox(n);
      if (prior && boxKey(prior.box) === boxKey(box) && sameDrops(prior.box, box)) {
        this.nodes.set(n.id, { node: n, box });
        continue;
      }
      if (prior) moved.push(prior.box);
      moved.push(box);
      movedIds.push(n.id);
      this.nodes.set(n.id, { node: n, box });
    }
    // Node ids are unique: more entries than nodes means some were removed.
    if (this.nodes.size !== nodes.length) {
      const seen = new Set(nodes.map((n) => n.id));
      for (const [id, { box }] of this.nodes)
        if (!seen.has(id)) {
          this.nodes.delete(id);
          moved.push(box);
          movedIds.push(id);
        }
    }

    if (edges !== this.edgesRef) {
      this.edgesRef = edges;
      const specs = new Map<string, EdgeLike>();
      for (const e of edges) {
        const spec = toEdge(e);
        if (spec) specs.set(spec.id, spec);
      }
      for (const [id, spec] of specs) {
        const prior = this.specs.get(id);
        if (!prior || prior.source !== spec.source || prior.target !== spec.target || prior.label !== spec.label) {
          this.dirty.add(id);
          if (prior && (prior.source !== spec.source || prior.target !== spec.target)) this.forget(id);
        }
      }
      for (const id of this.specs.keys())
        if (!specs.has(id)) {
          this.forget(id);
          this.dirty.delete(id);
        }
      this.specs = specs;
      this.byNode = new Map();
      for (const s of specs.values())
        for (const end of [s.source, s.target]) {
          let set = this.byNode.get(end);
          if (!set) this.byNode.set(end, (set = new Set()));
          set.add(s.id);
        }
    }

    if (moved.length > MASS_CHANGE) for (const id of this.specs.keys()) this.dirty.add(id);
    else if (moved.length > 0) {
      for (const id of movedIds) for (const e of this.byNode.get(id) ?? []) this.dirty.add(e);
      const zones = moved.map((m) => grow(m, BUFFER));
      for (const [id, r] of this.routes) {
        if (this.dirty.has(id)) continue;
        const spec = this.specs.get(id);
        const label = r.label && spec?.label ? labelRect(r.label, labelSize(spec.label)) : null;
        if (zones.some((z) => pathCrossesRect(r.points, z) || (label !== null && rectsOverlap(label, z)))) this.dirty.add(id);
      }
    }
    this.publishNow();
    this.schedule();
  }

  /** Forget everything (the other view is shown). */
  reset(): void {
    this.nodes.clear();
    this.specs.clear();
    this.byNode.clear();
    this.edgesRef = null;
    this.dirty.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.seq++;
    this.inFlight = false;
    if (this.routes.size > 0) {
      this.routes.clear();
      // A map of its own: the store's must not change under its readers.
      this.publish(new Map());
    }
  }

  /** Connectors still waiting for a route, and whether a batch is being routed. */
  get pending(): number {
    return this.dirty.size;
  }
  get busy(): boolean {
    return this.inFlight || this.timer !== null;
  }
  /** Obstacle counts of the requests sent (tests read it: a batch's work is bounded). */
  readonly obstacleCounts: number[] = [];

  private forget(id: string): void {
    if (this.routes.delete(id)) this.routesVersion++;
  }

  private published = 0;
  private publishNow(): void {
    // Only when something a connector shows changed: entries are added in responses, removed here.
    if (this.published === this.routesVersion) return;
    this.published = this.routesVersion;
    this.publish(new Map(this.routes));
  }
  private routesVersion = 0;

  private schedule(): void {
    if (this.disabled || this.timer || this.inFlight || this.dirty.size === 0) return;
    const wait = Math.max(0, this.lastSent + this.throttleMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private keyOf(spec: EdgeLike): string | null {
    const s = this.nodes.get(spec.source)?.box;
    const t = this.nodes.get(spec.target)?.box;
    return s && t ? routeKey(s, t) : null;
  }

  private flush(): void {
    if (this.inFlight || this.dirty.size === 0) return;
    const batch = this.withNeighbours(this.pickBatch());
    if (batch.length === 0) return;
    const region = grow(union(batch.flatMap((s) => [this.nodes.get(s.source)!.box, this.nodes.get(s.target)!.box])), MARGIN);
    const boxes: RoutingBox[] = [];
    for (const { box } of this.nodes.values()) if (rectsOverlap(box, region)) boxes.push(box);
    const inBatch = new Set(batch.map((s) => s.id));
    const taken: Rect[] = [];
    for (const [id, r] of this.routes) {
      const spec = this.specs.get(id);
      if (inBatch.has(id) || !r.label || !spec?.label) continue;
      const rect = labelRect(r.label, labelSize(spec.label));
      if (rectsOverlap(rect, region)) taken.push(rect);
    }
    const keys = new Map<string, string>();
    const connectors: ConnectorSpec[] = batch.map((s) => {
      const sb = this.nodes.get(s.source)!.box;
      const tb = this.nodes.get(s.target)!.box;
      keys.set(s.id, routeKey(sb, tb));
      this.dirty.delete(s.id);
      return { id: s.id, source: connectorEnd(sb, tb), target: connectorEnd(tb, sb), label: s.label };
    });
    const requestId = ++this.seq;
    this.inFlight = true;
    this.lastSent = Date.now();
    this.sent.push(batch.map((s) => s.id));
    const obstacles = obstaclesOf(boxes);
    this.obstacleCounts.push(obstacles.length);
    this.transport({ requestId, obstacles, connectors, taken }).then(
      (response) => {
        if (requestId !== this.seq) return; // reset meanwhile
        this.inFlight = false;
        if ('error' in response) {
          this.fail(response.error);
          return;
        }
        for (const route of response.routes) {
          const spec = this.specs.get(route.id);
          // Its ends moved while it was routed: it is dirty again and keeps its fallback.
          if (!spec || route.points.length < 2 || this.keyOf(spec) !== keys.get(route.id)) continue;
          this.routes.set(route.id, {
            key: keys.get(route.id)!,
            points: route.points,
            path: orthogonalPath(route.points),
            label: route.label,
          });
          this.routesVersion++;
        }
        this.publishNow();
        this.schedule();
      },
      (err: unknown) => {
        if (requestId !== this.seq) return;
        this.inFlight = false;
        this.fail(err instanceof Error ? err.message : String(err));
      },
    );
  }

  /** A router that cannot load stays off: every connector keeps its straight fallback. */
  private fail(message: string): void {
    this.disabled = true;
    this.dirty.clear();
    this.onError(message);
  }

  /**
   * The batch and the other connectors of its elements (up to NEIGHBOURS_MAX more): routed
   * together, libavoid spreads connectors that leave an element by the same side; routed apart,
   * they would start at the same point and overlap.
   */
  private withNeighbours(batch: EdgeLike[]): EdgeLike[] {
    const ids = new Set(batch.map((s) => s.id));
    const extra: string[] = [];
    for (const s of batch)
      for (const end of [s.source, s.target]) for (const id of this.byNode.get(end) ?? []) if (!ids.has(id)) extra.push(id);
    const out = [...batch];
    for (const id of [...new Set(extra)].sort()) {
      if (out.length >= batch.length + NEIGHBOURS_MAX) break;
      const spec = this.specs.get(id);
      if (!spec || !this.nodes.has(spec.source) || !this.nodes.has(spec.target)) continue;
      const box = union([this.nodes.get(spec.source)!.box, this.nodes.get(spec.target)!.box]);
      if (box.w > REGION_MAX || box.h > REGION_MAX) continue;
      out.push(spec);
    }
    return out;
  }

  /** Dirty connectors nearest the focus first, as many as fit one region. */
  private pickBatch(): EdgeLike[] {
    const focus = this.focus();
    const candidates: { spec: EdgeLike; d: number; box: Rect }[] = [];
    for (const id of this.dirty) {
      const spec = this.specs.get(id);
      const s = spec && this.nodes.get(spec.source)?.box;
      const t = spec && this.nodes.get(spec.target)?.box;
      // An end not on the canvas (yet): nothing to route.
      if (!spec || !s || !t) {
        this.dirty.delete(id);
        continue;
      }
      const box = union([s, t]);
      // Longer than a region: routing it would mean routing round most of a large design; it
      // keeps its straight line (the bound on one batch's work).
      if (box.w > REGION_MAX || box.h > REGION_MAX) {
        this.dirty.delete(id);
        continue;
      }
      const c = centre(box);
      candidates.push({ spec, box, d: focus ? Math.hypot(c.x - focus.x, c.y - focus.y) : 0 });
    }
    candidates.sort((a, b) => a.d - b.d || (a.spec.id < b.spec.id ? -1 : 1));
    const batch: EdgeLike[] = [];
    let region: Rect | null = null;
    for (const c of candidates.slice(0, LOOKAHEAD)) {
      const next: Rect = region ? union([region, c.box]) : c.box;
      if (region && (next.w > REGION_MAX || next.h > REGION_MAX)) continue;
      batch.push(c.spec);
      region = next;
      if (batch.length >= BATCH_MAX) break;
    }
    return batch;
  }
}

function sameDrops(a: RoutingBox, b: RoutingBox): boolean {
  const x = a.dropXs;
  const y = b.dropXs;
  if (x === y) return true;
  if (!x || !y || x.length !== y.length) return false;
  return x.every((v, i) => Math.round(v) === Math.round(y[i]!));
}
