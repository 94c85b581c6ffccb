/**
 * Who is commenting, kept in this browser: the display name (asked once; the key
 * `viplane.displayName` is shared with live presence) and a random author key that makes a
 * comment this browser's own to edit (the server keeps only its SHA-256).
 */
import { useSyncExternalStore } from 'react';

export const DISPLAY_NAME_KEY = 'viplane.displayName';
const AUTHOR_KEY_KEY = 'viplane.commentAuthorKey';
export const MAX_NAME = 80;

const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* private mode: kept for this page only */
  }
}

let memoryName: string | null = null;
let memoryKey: string | null = null;

export function displayName(): string | null {
  const name = (read(DISPLAY_NAME_KEY) ?? memoryName)?.trim();
  return name ? name.slice(0, MAX_NAME) : null;
}

export function setDisplayName(name: string) {
  const clean = name.trim().slice(0, MAX_NAME);
  if (!clean) return;
  memoryName = clean;
  write(DISPLAY_NAME_KEY, clean);
  for (const l of listeners) l();
}

export function useDisplayName(): string | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    const onStorage = (e: StorageEvent) => e.key === DISPLAY_NAME_KEY && l();
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', onStorage);
    };
  }, displayName);
}

/** 32 random bytes as base64url: made once per browser. */
export function authorKey(): string {
  const stored = read(AUTHOR_KEY_KEY) ?? memoryKey;
  if (stored && /^[A-Za-z0-9_-]{22,128}$/.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  memoryKey = key;
  write(AUTHOR_KEY_KEY, key);
  return key;
}
