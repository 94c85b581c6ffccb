/**
 * Placeholders: `<AVI_PASSWORD>` stands where a value must be filled in by the site (secrets are
 * never exported). Exporters write them; importers read one as "not given".
 */

/** A value the user must fill in, e.g. `<AVI_PASSWORD>`; never a real secret. */
export function placeholder(name: string): string {
  return `<${name}>`;
}

export const PLACEHOLDER_PATTERN = /^<[A-Z][A-Z0-9_]*>$/;

/** Is this a value placeholder() wrote? */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER_PATTERN.test(value);
}
