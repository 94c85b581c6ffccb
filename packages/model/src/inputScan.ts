/**
 * The checks restore() makes before any other work on untrusted input: depth, and the strings no
 * store accepts. One iterative walk (an explicit stack, never recursion), so a document nested
 * 100,000 levels is an error with a path, not a stack overflow somewhere later (JSON.stringify,
 * sorting, a database driver). PostgreSQL's text and jsonb refuse U+0000 and unpaired surrogates,
 * so they are refused here with their JSON Pointer, which the CLI, the canvas and the API all show.
 */

/** The limits restore() enforces on every document (the server's limits module lists them too). */
export const DOCUMENT_LIMITS = {
  /** Nesting of objects and arrays in the whole document (a real one is about 8 deep). */
  maxDepth: 48,
  /** Nesting inside one element's `extras` (values kept from imported files). */
  maxExtrasDepth: 16,
  /** JSON size of one element's `extras`. */
  maxExtrasBytes: 256 * 1024,
  /** Characters of any one string (names and addresses have their own, smaller schema limits). */
  maxStringLength: 1_000_000,
} as const;

export interface ScanProblem {
  path: string;
  message: string;
  value: unknown;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one, or NUL.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// eslint-disable-next-line no-control-regex -- NUL is one of the characters looked for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A short, well-formed, printable stand-in for a value in a message ("…" when cut). */
export function shortValue(value: unknown, max = 80): unknown {
  if (typeof value === 'string') {
    const visible = value
      .replaceAll('\u0000', '\\u0000')
      .replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
    if (visible.length <= max) return visible;
    // Never cut a surrogate pair in half (that would put a lone surrogate into the message).
    const cut = /[\uD800-\uDBFF]/.test(visible[max - 2] ?? '') ? max - 2 : max - 1;
    return `${visible.slice(0, cut)}…`;
  }
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? '[array]' : '[object]';
  return value;
}

function stringProblem(text: string): string | undefined {
  if (text.length > DOCUMENT_LIMITS.maxStringLength)
    return `the string has ${text.length} characters; at most ${DOCUMENT_LIMITS.maxStringLength} are allowed`;
  const bad = ILL_FORMED.exec(text);
  if (!bad) return undefined;
  return bad[0] === '\u0000'
    ? `contains a NUL character (U+0000) at index ${bad.index}, which cannot be stored`
    : `contains an unpaired UTF-16 surrogate (U+${bad[0].charCodeAt(0).toString(16).toUpperCase()}) at index ${bad.index}, which is not valid Unicode`;
}

/**
 * Returns up to `maxProblems` problems; an empty list means the input may go on to the schema.
 * Recursive, but never deeper than DOCUMENT_LIMITS.maxDepth: it stops descending there. The path is
 * one array of keys, joined only for a problem: a 10,000-element document has ~300,000 values and
 * this runs on every document that arrives.
 */
export function scanInput(input: unknown, maxProblems: number): ScanProblem[] {
  const problems: ScanProblem[] = [];
  const keys: (string | number)[] = [];
  const here = (key?: string | number) => {
    const all = key === undefined ? keys : [...keys, key];
    return all.length === 0 ? '' : `/${all.map(pointerToken).join('/')}`;
  };
  const visit = (value: unknown, depth: number, extrasDepth: number): void => {
    if (problems.length >= maxProblems) return;
    if (typeof value === 'string') {
      // The cheap character class first; the exact check only for the rare string that has one.
      if (value.length > DOCUMENT_LIMITS.maxStringLength || SUSPECT.test(value)) {
        const problem = stringProblem(value);
        if (problem) problems.push({ path: here(), message: problem, value: shortValue(value) });
      }
      return;
    }
    if (typeof value === 'number') {
      // JSON has no NaN or Infinity, but 1e400 parses to Infinity and would be stored as null.
      if (!Number.isFinite(value))
        problems.push({ path: here(), message: 'is not a finite number (out of the range of a double)', value: String(value) });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth >= DOCUMENT_LIMITS.maxDepth) {
      problems.push({ path: here(), message: `nested deeper than ${DOCUMENT_LIMITS.maxDepth} levels`, value: shortValue(value) });
      return;
    }
    if (extrasDepth >= DOCUMENT_LIMITS.maxExtrasDepth) {
      problems.push({
        path: here(),
        message: `extras are nested deeper than ${DOCUMENT_LIMITS.maxExtrasDepth} levels`,
        value: shortValue(value),
      });
      return;
    }
    const childExtras = extrasDepth >= 0 ? extrasDepth + 1 : -1;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && problems.length < maxProblems; i++) {
        keys.push(i);
        visit(value[i], depth + 1, childExtras);
        keys.pop();
      }
      return;
    }
    // An element: /elements/<i>. Its `extras` start the extras depth count.
    const isElement = depth === 2 && keys[0] === 'elements';
    const record = value as Record<string, unknown>;
    for (const name of Object.keys(record)) {
      if (problems.length >= maxProblems) return;
      if (name.length > DOCUMENT_LIMITS.maxStringLength || SUSPECT.test(name)) {
        const problem = stringProblem(name);
        if (problem) {
          problems.push({ path: here(name), message: `the key ${problem.replace(/^the string/, 'has')}`, value: shortValue(name) });
          continue;
        }
      }
      keys.push(name);
      visit(record[name], depth + 1, isElement && name === 'extras' ? 0 : childExtras);
      keys.pop();
    }
  };
  visit(input, 0, -1);
  if (problems.length === 0) problems.push(...extrasSizes(input, maxProblems));
  return problems;
}

/** Once depth is known to be bounded, JSON.stringify is safe: the size of each element's extras. */
function extrasSizes(input: unknown, maxProblems: number): ScanProblem[] {
  const elements = input !== null && typeof input === 'object' ? (input as { elements?: unknown }).elements : undefined;
  if (!Array.isArray(elements)) return [];
  const problems: ScanProblem[] = [];
  for (let i = 0; i < elements.length && problems.length < maxProblems; i++) {
    const extras = (elements[i] as { extras?: unknown } | null)?.extras;
    if (extras === undefined || extras === null || typeof extras !== 'object') continue;
    const bytes = JSON.stringify(extras).length;
    if (bytes > DOCUMENT_LIMITS.maxExtrasBytes)
      problems.push({
        path: `/elements/${i}/extras`,
        message: `extras are ${bytes} bytes of JSON; at most ${DOCUMENT_LIMITS.maxExtrasBytes} are kept per element`,
        value: '[object]',
      });
  }
  return problems;
}
