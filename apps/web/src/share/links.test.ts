import { describe, expect, it } from 'vitest';
import type { ShareLinkInfo } from '../persistence/api.ts';
import { linkName, linkState, relativeTime, sortLinks } from './links.ts';

const NOW = Date.parse('2026-12-07T22:00:00Z');
const link = (id: string, extra: Partial<ShareLinkInfo> = {}): ShareLinkInfo => ({
  id,
  scope: 'view',
  label: null,
  createdAt: '2026-12-07T20:00:00Z',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  active: true,
  ...extra,
});

describe('share links', () => {
  it('tells active, revoked and expired apart', () => {
    expect(linkState(link('a'), NOW)).toBe('active');
    expect(linkState(link('a', { revokedAt: '2026-12-07T21:00:00Z' }), NOW)).toBe('revoked');
    expect(linkState(link('a', { expiresAt: '2026-12-07T21:59:59Z' }), NOW)).toBe('expired');
    expect(linkState(link('a', { expiresAt: '2026-12-07T22:00:01Z' }), NOW)).toBe('active');
  });

  it('lists active links first, newest first', () => {
    const sorted = sortLinks(
      [
        link('old', { createdAt: '2026-12-01T00:00:00Z' }),
        link('revoked', { createdAt: '2026-12-07T21:00:00Z', revokedAt: '2026-12-07T21:30:00Z' }),
        link('new', { createdAt: '2026-12-07T21:00:00Z' }),
      ],
      NOW,
    );
    expect(sorted.map((l) => l.id)).toEqual(['new', 'old', 'revoked']);
  });

  it('says times relative to now', () => {
    expect(relativeTime(null, NOW)).toBe('—');
    expect(relativeTime('2026-12-07T21:59:30Z', NOW)).toBe('just now');
    expect(relativeTime('2026-12-07T21:55:00Z', NOW)).toBe('5 min ago');
    expect(relativeTime('2026-12-07T19:00:00Z', NOW)).toBe('3 h ago');
    expect(relativeTime('2026-12-08T22:00:00Z', NOW)).toBe('in 1 day');
    expect(relativeTime('2026-12-14T22:00:00Z', NOW)).toBe('in 7 days');
  });

  it('names a link by its label, else by scope and id', () => {
    expect(linkName(link('abcdefgh', { label: 'network team' }))).toBe('network team');
    expect(linkName(link('abcdefgh', { scope: 'comment', label: '  ' }))).toBe('Comment link abcdef');
  });
});
