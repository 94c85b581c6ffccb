/**
 * The report's Comments section. Comments are not part of the topology document (they live beside
 * a stored design on the server), so the report takes them as an optional input
 * (`ReportOptions.comments`, passed on by `exportBundle`'s `comments`): the caller that has them
 * (the server's /api/export with a `comments` field, sent by the web app for a design on the
 * server) hands them over; without it there is no section. Targets are named from the document;
 * a target no longer in it is said to be removed. Every piece of text is escaped by the caller's
 * writer (mdText / escapeXml).
 */
import type { TopologyDocument } from '@viplane/model';

export type ReportCommentTarget = { kind: 'element' | 'link'; id: string } | { kind: 'point'; x: number; y: number };

export interface ReportComment {
  author: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface ReportCommentThread {
  target: ReportCommentTarget;
  status: 'open' | 'resolved';
  resolvedBy?: string | null;
  comments: ReportComment[];
}

/** Plain text (not yet escaped) for each thread's target. */
export function commentTargetName(document: TopologyDocument, target: ReportCommentTarget): string {
  if (target.kind === 'point') return `the canvas at (${Math.round(target.x)}, ${Math.round(target.y)})`;
  if (target.kind === 'element') {
    const el = document.elements.find((e) => e.id === target.id);
    return el ? el.name : `a removed element (${target.id})`;
  }
  const link = document.links.find((l) => l.id === target.id);
  if (!link) return `a removed connection (${target.id})`;
  const name = (id: string) => document.elements.find((e) => e.id === id)?.name ?? id;
  return `the connection ${name(link.from)} → ${name(link.to)}`;
}

/** Open threads first, then resolved; each in the order given (the server's: oldest first). */
export function groupThreads(threads: readonly ReportCommentThread[]): { title: string; threads: ReportCommentThread[] }[] {
  return [
    { title: 'Open', threads: threads.filter((t) => t.status === 'open') },
    { title: 'Resolved', threads: threads.filter((t) => t.status === 'resolved') },
  ];
}

/** `2026-12-07 21:40 UTC`: the same text in every time zone, so a bundle stays deterministic. */
export function commentTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
