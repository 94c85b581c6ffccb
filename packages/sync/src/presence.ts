/** What each participant publishes through y-protocols awareness (checked on receipt: it comes from other people). */
export interface Presence {
  name: string;
  /** CSS colour `#rrggbb`. */
  color: string;
  /** The pointer in flow coordinates (independent of each viewer's zoom), null when off the canvas. */
  cursor: { x: number; y: number } | null;
  selection: string[];
  /** The participant's viewport, for "follow". */
  viewport: { x: number; y: number; zoom: number } | null;
}

const COLOR = /^#[0-9a-f]{6}$/i;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A well-formed Presence from an untrusted awareness state, or null. Names are cut to 64 characters. */
export function readPresence(state: unknown): Presence | null {
  if (state === null || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  if (typeof s['name'] !== 'string' || typeof s['color'] !== 'string' || !COLOR.test(s['color'])) return null;
  const c = s['cursor'] as Record<string, unknown> | null | undefined;
  const v = s['viewport'] as Record<string, unknown> | null | undefined;
  return {
    name: s['name'].slice(0, 64),
    color: s['color'],
    cursor: c && finite(c['x']) && finite(c['y']) ? { x: c['x'], y: c['y'] } : null,
    selection: Array.isArray(s['selection']) ? s['selection'].filter((id): id is string => typeof id === 'string').slice(0, 1000) : [],
    viewport: v && finite(v['x']) && finite(v['y']) && finite(v['zoom']) ? { x: v['x'], y: v['y'], zoom: v['zoom'] } : null,
  };
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#008080', '#9a6324', '#800000', '#000075', '#f032e6'];

/** A colour for a participant, stable for one Yjs client id. */
export function colorFor(clientId: number): string {
  return PALETTE[clientId % PALETTE.length]!;
}
