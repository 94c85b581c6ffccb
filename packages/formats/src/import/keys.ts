/**
 * Unknown keys: a file's key that its format does not define is kept (nothing a file said is lost)
 * and reported as a warning, with the closest known key when it looks like a typo
 * (`AVI_DATA_NETWORK_CDIR` -> `AVI_DATA_NETWORK_CIDR`).
 */
import { closest, distance } from 'fastest-levenshtein';

/** The known key most like `key`, when it is close enough to be a typo of it. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(key, known as string[]);
  // Up to a third of the key may differ (transposed letters count twice in Levenshtein).
  return distance(key, best) <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

export function unknownKeyMessage(key: string, format: string, known: readonly string[]): string {
  const suggestion = suggestKey(key, known);
  return suggestion
    ? `unknown ${format} key ${key} — did you mean ${suggestion}? (kept as written, not applied)`
    : `unknown ${format} key ${key} (kept as written, not applied)`;
}
