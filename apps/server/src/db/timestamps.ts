/** Drivers return timestamptz as Date (pg) or text (PGlite in some paths); the API speaks ISO 8601 strings. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
