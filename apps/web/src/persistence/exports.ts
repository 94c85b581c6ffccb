/**
 * Exports: server-side formats (POST /api/export → bundle zip, report HTML, address-plan CSV, network
 * handoff zip; GET /api/designs/:id/handoff with a share token) downloaded as Blobs named from
 * Content-Disposition, and client-side SVG diagrams.
 */
import type { TopologyDocument } from '@viplane/model';
import { ApiError, type CommentThread } from './api.ts';

export type ServerExportFormat = 'bundle' | 'report' | 'address-plan' | 'handoff' | 'svg';

/** The same slug the server uses for file names, so client-side SVGs sit next to the rest. */
export function baseName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'design'
  );
}

/** `attachment; filename="x.zip"` (or RFC 5987 `filename*=UTF-8''x.zip`) → `x.zip`; null if absent. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return sanitize(decodeURIComponent(star[1].trim()));
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? sanitize(name) : null;
}

function sanitize(name: string): string | null {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base && base !== '.' && base !== '..' ? base : null;
}

export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Asks the server for one export; throws an ApiError carrying the server's message on failure.
 * `comments`: the design's threads, for the report's Comments section (bundle and report).
 */
export async function serverExport(
  format: ServerExportFormat,
  doc: TopologyDocument,
  comments?: readonly CommentThread[],
): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch('/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format, document: doc, ...(comments && (format === 'bundle' || format === 'report') ? { comments } : {}) }),
    });
  } catch (err) {
    throw new ApiError(0, `the server could not be reached (${err instanceof Error ? err.message : String(err)})`, null);
  }
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const filename = filenameFromDisposition(res.headers.get('content-disposition')) ?? `${baseName(doc.name)}-${format}`;
  return { blob, filename };
}

/**
 * The network handoff of a saved design, read with its share token (a view link is enough): the
 * server builds it from the stored version, not from this browser's copy.
 */
export async function sharedHandoff(id: string, token: string, format: 'html' | 'zip'): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/designs/${encodeURIComponent(id)}/handoff?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new ApiError(0, `the server could not be reached (${err instanceof Error ? err.message : String(err)})`, null);
  }
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  return { blob, filename: filenameFromDisposition(res.headers.get('content-disposition')) ?? `handoff.${format}` };
}

/** An ApiError carrying the server's message (its JSON `message`, else the status). */
async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  const message =
    (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message
      : null) ?? `${res.status} ${res.statusText || 'error'}`;
  return new ApiError(res.status, message, body);
}

export function downloadSvg(svg: string, filename: string) {
  downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

/** A data: URL for an <img>: the SVG is an image, so none of its markup can run. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
