/**
 * The server API (apps/server): designs with versions (ETag / If-Match, 412 on conflict) and
 * share tokens (Authorization: Bearer). Every document that comes back passes restore().
 */
import type { TopologyDocument } from '@viplane/model';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit & { token?: string | null } = {}): Promise<{ body: T; etag: string | null }> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const res = await fetch(`/api${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const message = (body as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message, body);
  }
  return { body: body as T, etag: res.headers.get('etag') };
}

export interface DesignMeta {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  size: number;
}

export async function createDesign(doc: TopologyDocument) {
  const { body } = await call<DesignMeta & { editToken: string; viewToken: string }>('/designs', {
    method: 'POST',
    body: JSON.stringify(doc),
  });
  return body;
}

export async function saveDesign(id: string, version: number, token: string, doc: TopologyDocument) {
  const { body } = await call<DesignMeta>(`/designs/${encodeURIComponent(id)}`, {
    method: 'PUT',
    token,
    headers: { 'if-match': `"${version}"` },
    body: JSON.stringify(doc),
  });
  return body;
}

export async function getDesign(id: string, token: string) {
  const { body } = await call<DesignMeta & { access: ShareScope; document: unknown }>(`/designs/${encodeURIComponent(id)}`, { token });
  return body;
}

export interface ConflictBody {
  currentVersion: number;
  current: DesignMeta & { document: unknown };
}

export function isConflict(err: unknown): err is ApiError & { body: ConflictBody } {
  return err instanceof ApiError && err.status === 412;
}

export interface TemplateInfo {
  id: string;
  title: string;
  seed: string;
  summary: string;
}

export interface VersionMeta {
  version: number;
  name: string;
  size: number;
  createdAt: string;
  restoredFrom: number | null;
  /** The share link that saved it, by its label. */
  savedBy: { linkId: string; label: string | null } | null;
}

export async function listVersions(id: string, token: string) {
  const { body } = await call<{ versions: VersionMeta[] }>(`/designs/${encodeURIComponent(id)}/versions`, { token });
  return body.versions;
}

/** One stored version; its document still has to pass restore(). */
export async function getVersion(id: string, version: number, token: string) {
  const { body } = await call<VersionMeta & { document: unknown }>(`/designs/${encodeURIComponent(id)}/versions/${version}`, { token });
  return body;
}

/** Copies an old version as the newest one (the history keeps everything). */
export async function restoreVersion(id: string, version: number, token: string) {
  const { body } = await call<DesignMeta>(`/designs/${encodeURIComponent(id)}/versions/${version}/restore`, { method: 'POST', token });
  return body;
}

// ---------------------------------------------------------------- share links

export type ShareScope = 'view' | 'comment' | 'edit';

export interface ShareLinkInfo {
  id: string;
  scope: ShareScope;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  active: boolean;
}

export async function listShareLinks(id: string, token: string) {
  const { body } = await call<{ shares: ShareLinkInfo[] }>(`/designs/${encodeURIComponent(id)}/shares`, { token });
  return body.shares;
}

/** The new link with its token (shown once). */
export async function createShareLink(id: string, token: string, link: { scope: ShareScope; label?: string; expiresInSeconds?: number }) {
  const { body } = await call<ShareLinkInfo & { token: string }>(`/designs/${encodeURIComponent(id)}/shares`, {
    method: 'POST',
    token,
    body: JSON.stringify(link),
  });
  return body;
}

export async function revokeShareLink(id: string, token: string, linkId: string) {
  await call<null>(`/designs/${encodeURIComponent(id)}/shares/${encodeURIComponent(linkId)}`, { method: 'DELETE', token });
}

/** A revoked or expired link (the server's 410 SHARE_REVOKED / SHARE_EXPIRED), with when. */
export function linkGone(err: unknown): { reason: 'revoked' | 'expired'; at: string | null } | null {
  if (!(err instanceof ApiError) || err.status !== 410) return null;
  const body = (err.body ?? {}) as { code?: string; revokedAt?: string; expiresAt?: string };
  if (body.code === 'SHARE_REVOKED') return { reason: 'revoked', at: body.revokedAt ?? null };
  if (body.code === 'SHARE_EXPIRED') return { reason: 'expired', at: body.expiresAt ?? null };
  return null;
}

// ---------------------------------------------------------------- comments

export type CommentTarget = { kind: 'element' | 'link'; id: string } | { kind: 'point'; x: number; y: number };

export interface CommentInfo {
  id: string;
  author: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Written with this browser's author key. */
  mine: boolean;
}

export interface CommentThread {
  id: string;
  target: CommentTarget;
  status: 'open' | 'resolved';
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  comments: CommentInfo[];
}

/** The author key travels as a header so the server can tell whose comment is whose. */
const withKey = (authorKey: string) => ({ 'x-author-key': authorKey });
const commentsPath = (id: string) => `/designs/${encodeURIComponent(id)}/comments`;

export async function listThreads(id: string, token: string, authorKey: string) {
  const { body } = await call<{ threads: CommentThread[] }>(commentsPath(id), { token, headers: withKey(authorKey) });
  return body.threads;
}

export async function startThread(
  id: string,
  token: string,
  authorKey: string,
  input: { target: CommentTarget; author: string; body: string },
) {
  const { body } = await call<CommentThread>(commentsPath(id), {
    method: 'POST',
    token,
    headers: withKey(authorKey),
    body: JSON.stringify(input),
  });
  return body;
}

export async function replyToThread(
  id: string,
  token: string,
  authorKey: string,
  threadId: string,
  input: { author: string; body: string },
) {
  const { body } = await call<CommentInfo>(`${commentsPath(id)}/${encodeURIComponent(threadId)}/replies`, {
    method: 'POST',
    token,
    headers: withKey(authorKey),
    body: JSON.stringify(input),
  });
  return body;
}

export async function setThreadStatus(
  id: string,
  token: string,
  authorKey: string,
  threadId: string,
  status: 'open' | 'resolved',
  author: string,
) {
  const { body } = await call<CommentThread>(`${commentsPath(id)}/${encodeURIComponent(threadId)}`, {
    method: 'PATCH',
    token,
    headers: withKey(authorKey),
    body: JSON.stringify({ status, author }),
  });
  return body;
}

export async function editComment(id: string, token: string, authorKey: string, threadId: string, commentId: string, text: string) {
  const { body } = await call<CommentInfo>(`${commentsPath(id)}/${encodeURIComponent(threadId)}/replies/${encodeURIComponent(commentId)}`, {
    method: 'PATCH',
    token,
    headers: withKey(authorKey),
    body: JSON.stringify({ body: text }),
  });
  return body;
}

export async function deleteComment(id: string, token: string, authorKey: string, threadId: string, commentId: string) {
  await call<null>(`${commentsPath(id)}/${encodeURIComponent(threadId)}/replies/${encodeURIComponent(commentId)}`, {
    method: 'DELETE',
    token,
    headers: withKey(authorKey),
  });
}
