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
  const { body } = await call<DesignMeta & { access: 'view' | 'edit'; document: unknown }>(`/designs/${encodeURIComponent(id)}`, { token });
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
