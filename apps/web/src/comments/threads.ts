/** Pure logic of the Comments panel and the canvas markers (unit-tested in threads.test.ts). */
import type { TopologyDocument } from '@viplane/model';
import type { CommentTarget, CommentThread } from '../persistence/api.ts';

export type ThreadFilter = 'open' | 'resolved' | 'all';

export function filterThreads(threads: readonly CommentThread[], filter: ThreadFilter): CommentThread[] {
  return filter === 'all' ? [...threads] : threads.filter((t) => t.status === filter);
}

/** The canvas id a target is drawn as: the element id, `link:<id>` for a link; null for a point. */
export function canvasIdOf(target: CommentTarget): string | null {
  return target.kind === 'element' ? target.id : target.kind === 'link' ? `link:${target.id}` : null;
}

export interface Marker {
  open: number;
  resolved: number;
  /** The first thread, opened when the marker is pressed (an open one first). */
  firstThreadId: string;
}

/** Per canvas id (element id or `link:<id>`): how many open and resolved threads it has. */
export function markersByTarget(threads: readonly CommentThread[]): Map<string, Marker> {
  const out = new Map<string, Marker>();
  for (const t of threads) {
    const id = canvasIdOf(t.target);
    if (id === null) continue;
    const m = out.get(id) ?? { open: 0, resolved: 0, firstThreadId: t.id };
    if (t.status === 'open') {
      if (m.open === 0) m.firstThreadId = t.id;
      m.open++;
    } else m.resolved++;
    out.set(id, m);
  }
  return out;
}

/** Threads pinned to one point of the canvas (flow coordinates), drawn as one marker there. */
export interface PointMarker extends Marker {
  x: number;
  y: number;
  /** Stable per point: `point:<x>,<y>` (rounded), for test ids and React keys. */
  key: string;
}

/** The point a comment is pinned to: whole flow units (what the panel shows), never NaN. */
export function pointAt(p: { x: number; y: number }): { kind: 'point'; x: number; y: number } {
  const round = (v: number) => (Number.isFinite(v) ? Math.round(v) : 0);
  return { kind: 'point', x: round(p.x), y: round(p.y) };
}

/** Point threads grouped by their point (rounded to whole flow units), open threads first to open. */
export function pointMarkers(threads: readonly CommentThread[]): PointMarker[] {
  const out = new Map<string, PointMarker>();
  for (const t of threads) {
    if (t.target.kind !== 'point') continue;
    const { x, y } = pointAt(t.target);
    const key = `point:${x},${y}`;
    const m = out.get(key) ?? { x, y, key, open: 0, resolved: 0, firstThreadId: t.id };
    if (t.status === 'open') {
      if (m.open === 0) m.firstThreadId = t.id;
      m.open++;
    } else m.resolved++;
    out.set(key, m);
  }
  return [...out.values()];
}

/** "Comment at (120, -40): 2 open threads" / "…: 1 resolved thread" (the marker's accessible name). */
export function pointMarkerLabel(m: PointMarker): string {
  const n = m.open > 0 ? m.open : m.resolved;
  return `Comment at (${m.x}, ${m.y}): ${n} ${m.open > 0 ? 'open' : 'resolved'} thread${n === 1 ? '' : 's'}`;
}

/** What a thread is on, as the panel names it; a target no longer in the document says so. */
export function targetLabel(doc: TopologyDocument, target: CommentTarget): string {
  if (target.kind === 'point') return `Canvas point (${Math.round(target.x)}, ${Math.round(target.y)})`;
  const name = (id: string) => doc.elements.find((e) => e.id === id)?.name;
  if (target.kind === 'element') return name(target.id) ?? 'A removed element';
  const link = doc.links.find((l) => l.id === target.id);
  if (!link) return 'A removed connection';
  return `${name(link.from) ?? link.from} → ${name(link.to) ?? link.to}`;
}

/** `Marker label` for screen readers: "3 open comments on pg-vip" / "1 resolved comment on …". */
export function markerLabel(marker: Marker, name: string): string {
  const n = marker.open > 0 ? marker.open : marker.resolved;
  const kind = marker.open > 0 ? 'open' : 'resolved';
  return `${n} ${kind} comment thread${n === 1 ? '' : 's'} on ${name}`;
}

/** The selection as a comment target: one element, or one NIC/leaf link edge; anything else is none. */
export function targetOfSelection(selectedNodes: ReadonlySet<string>, selectedEdges: ReadonlySet<string>): CommentTarget | null {
  if (selectedNodes.size === 1 && selectedEdges.size === 0) return { kind: 'element', id: [...selectedNodes][0]! };
  if (selectedNodes.size === 0 && selectedEdges.size === 1) {
    const edge = [...selectedEdges][0]!;
    if (edge.startsWith('link:')) return { kind: 'link', id: edge.slice(5) };
  }
  return null;
}
