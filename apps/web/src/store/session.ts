/** Where the open design lives: its server binding (id, version, tokens) and save state. */
import { create } from 'zustand';

export interface ServerBinding {
  id: string;
  version: number;
  /** Present when we may write (we created it, or opened an edit link). */
  editToken: string | null;
  viewToken: string | null;
}

export interface SessionState {
  server: ServerBinding | null;
  /** Edits since the last server save. */
  dirty: boolean;
  saving: boolean;
  autosavedAt: number | null;
  autosaveError: string | null;
  /** Opened from a view link. */
  viewOnly: boolean;
}

export const useSession = create<SessionState>()(() => ({
  server: null,
  dirty: false,
  saving: false,
  autosavedAt: null,
  autosaveError: null,
  viewOnly: false,
}));
