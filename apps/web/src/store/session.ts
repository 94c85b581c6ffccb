/** Where the open design lives: its server binding (id, version, tokens) and save state. */
import { create } from 'zustand';

export interface ServerBinding {
  id: string;
  version: number;
  /** Present when we may write (we created it, or opened an edit link). */
  editToken: string | null;
  viewToken: string | null;
  /** Present when opened from a comment link: read and comment, no edit. */
  commentToken?: string | null;
}

/** A share link that the server says is revoked or expired (410): the app shows why instead of the design. */
export interface GoneLink {
  reason: 'revoked' | 'expired';
  at: string | null;
}

/** A new id for a design slot in this browser's Recent designs. */
export function newLocalId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface SessionState {
  /** The open design's slot in Recent designs (persistence/recent.ts); a replaced design keeps its own. */
  localId: string;
  server: ServerBinding | null;
  /** Edits since the last server save. */
  dirty: boolean;
  saving: boolean;
  autosavedAt: number | null;
  autosaveError: string | null;
  /** Opened from a view link. */
  viewOnly: boolean;
  /** The share link opened is revoked or expired. */
  goneLink: GoneLink | null;
}

export const useSession = create<SessionState>()(() => ({
  localId: newLocalId(),
  server: null,
  dirty: false,
  saving: false,
  autosavedAt: null,
  autosaveError: null,
  viewOnly: false,
  goneLink: null,
}));
