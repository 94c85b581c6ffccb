/** The live session as the UI sees it: connection status, the other participants, whom we follow. */
import { create } from 'zustand';
import type { Presence } from '@viplane/sync';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'offline' | 'ended';

export interface Participant extends Presence {
  clientId: number;
}

export interface LiveState {
  status: LiveStatus;
  scope: 'view' | 'edit' | 'comment' | null;
  /** Why the session ended (revoked link, …), shown in the top bar. */
  endedReason: string | null;
  /** Everyone else in the session (not us). */
  others: Participant[];
  /** The client id whose viewport we follow, or null. */
  following: number | null;
  /** Local updates the server has not acknowledged yet. */
  pending: number;
}

export const useLive = create<LiveState>()(() => ({
  status: 'off',
  scope: null,
  endedReason: null,
  others: [],
  following: null,
  pending: 0,
}));

const NAME_KEY = 'viplane.name';

/** The participant's name, asked once and kept in this browser. */
export function storedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

export function storeName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    /* private mode: the name lasts for this page */
  }
}
