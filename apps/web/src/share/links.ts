/** Pure helpers of the share dialog (unit-tested in links.test.ts). */
import type { ShareLinkInfo, ShareScope } from '../persistence/api.ts';

export const SCOPE_LABEL: Record<ShareScope, string> = { view: 'View', comment: 'Comment', edit: 'Edit' };
export const SCOPE_HELP: Record<ShareScope, string> = {
  view: 'read only, sees comments',
  comment: 'read and comment, no edits',
  edit: 'read, comment and edit; manages links',
};

/** Expiry choices of the create form, in seconds (null = never). */
export const EXPIRY_CHOICES: readonly { label: string; seconds: number | null }[] = [
  { label: 'Never', seconds: null },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86_400 },
  { label: '7 days', seconds: 7 * 86_400 },
  { label: '30 days', seconds: 30 * 86_400 },
];

export type LinkState = 'active' | 'revoked' | 'expired';

export function linkState(link: ShareLinkInfo, now = Date.now()): LinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= now) return 'expired';
  return 'active';
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; for the future "in 5 min", "in 2 days". */
export function relativeTime(iso: string | null, now = Date.now()): string {
  if (iso === null) return '—';
  const delta = Date.parse(iso) - now;
  const abs = Math.abs(delta);
  const say = (n: number, unit: string) => (delta >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`);
  if (abs < 60_000) return delta >= 0 ? 'in under a minute' : 'just now';
  if (abs < 3_600_000) return say(Math.round(abs / 60_000), 'min');
  if (abs < 86_400_000) return say(Math.round(abs / 3_600_000), 'h');
  const days = Math.round(abs / 86_400_000);
  return say(days, days === 1 ? 'day' : 'days');
}

/** Active links first (newest first), then revoked and expired ones. */
export function sortLinks(links: readonly ShareLinkInfo[], now = Date.now()): ShareLinkInfo[] {
  return [...links].sort((a, b) => {
    const sa = linkState(a, now) === 'active' ? 0 : 1;
    const sb = linkState(b, now) === 'active' ? 0 : 1;
    return sa - sb || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : 1);
  });
}

/** A link's name in the list: its label, else its scope and the start of its public id. */
export function linkName(link: ShareLinkInfo): string {
  return link.label?.trim() || `${SCOPE_LABEL[link.scope]} link ${link.id.slice(0, 6)}`;
}
