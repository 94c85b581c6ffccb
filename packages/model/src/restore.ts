/**
 * restore(): the only way into a TopologyDocument. Every boundary (file, API body, share
 * link, autosave, import) goes through it. It never throws: it returns the document or the
 * problems, each naming the JSON Pointer path and the offending value.
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { elementSchemas, ELEMENT_KINDS, TopologyDocument } from './schema/document.ts';
import { Link } from './schema/link.ts';
import { migrate } from './migrations.ts';
import { checkIntegrity } from './integrity.ts';
import { scanInput, shortValue } from './inputScan.ts';

export interface RestoreError {
  /** JSON Pointer into the input, e.g. `/elements/3/props/subnet`. */
  path: string;
  message: string;
  value: unknown;
}

export type RestoreResult = { ok: true; document: TopologyDocument } | { ok: false; errors: RestoreError[] };

const MAX_ERRORS = 50;

interface Checker {
  check(value: unknown): boolean;
  errors(value: unknown): Iterable<{ path: string; message: string; value: unknown }>;
}

/** Values a checker interprets before it compiles its schema (compiling costs more than a few checks). */
const COMPILE_AFTER = 16;

/**
 * TypeBox's interpreter and its compiled checks have the same semantics; compiling (`new Function`) costs
 * milliseconds per schema, which a one-shot caller (`viplane validate` on one design) never earns back,
 * so a checker interprets its first COMPILE_AFTER values and compiles after that (a server, an estate).
 * Where a CSP forbids `new Function`, it keeps interpreting.
 */
function checker(schema: TSchema): Checker {
  let uses = 0;
  let compiled: TypeCheck<TSchema> | null | undefined;
  const current = (): TypeCheck<TSchema> | null => {
    if (compiled !== undefined) return compiled;
    if (++uses <= COMPILE_AFTER) return null;
    try {
      compiled = TypeCompiler.Compile(schema);
    } catch {
      compiled = null;
    }
    return compiled;
  };
  return {
    check: (v) => current()?.Check(v) ?? Value.Check(schema, v),
    errors: (v) => compiled?.Errors(v) ?? Value.Errors(schema, v),
  };
}

/** The document without its element/link items, so each item gets a precise per-kind check. */
const Envelope = Type.Composite([
  Type.Omit(TopologyDocument, ['elements', 'links']),
  Type.Object({ elements: Type.Array(Type.Unknown(), { maxItems: 100_000 }), links: Type.Array(Type.Unknown(), { maxItems: 200_000 }) }),
]);

/**
 * Compiled on first use, each element kind on its own: a one-shot caller (`viplane validate` on one
 * design) compiles only the kinds its document holds, not all of them (issue 11 §6).
 */
let checkers: { envelope: Checker; link: Checker; kinds: Map<string, Checker> } | undefined;
function getCheckers() {
  checkers ??= { envelope: checker(Envelope), link: checker(Link), kinds: new Map() };
  return checkers;
}

function kindChecker(kinds: Map<string, Checker>, kind: unknown): Checker | undefined {
  if (typeof kind !== 'string' || !Object.hasOwn(elementSchemas, kind)) return undefined;
  let found = kinds.get(kind);
  if (!found) kinds.set(kind, (found = checker(elementSchemas[kind as keyof typeof elementSchemas])));
  return found;
}

function collect(into: RestoreError[], prefix: string, found: Iterable<{ path: string; message: string; value: unknown }>) {
  for (const e of found) {
    if (into.length >= MAX_ERRORS) return;
    into.push({ path: prefix + e.path, message: e.message, value: shortValue(e.value) });
  }
}

export function restore(input: unknown): RestoreResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: 'a topology document must be a JSON object', value: describe(input) }] };
  }
  // Before anything else walks it: depth, NUL and unpaired surrogates, extras size.
  const scanned = scanInput(input, MAX_ERRORS);
  if (scanned.length > 0) return { ok: false, errors: scanned };
  const migrated = migrate(input as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [{ path: '/schemaVersion', message: migrated.message, value: migrated.value }] };
  const raw = migrated.raw;
  const { envelope, link, kinds } = getCheckers();
  const errors: RestoreError[] = [];

  if (!envelope.check(raw)) {
    collect(errors, '', envelope.errors(raw));
    return { ok: false, errors };
  }
  const elements = raw['elements'] as unknown[];
  for (let i = 0; i < elements.length && errors.length < MAX_ERRORS; i++) {
    const el = elements[i];
    const kind = el !== null && typeof el === 'object' ? (el as Record<string, unknown>)['kind'] : undefined;
    const check = kindChecker(kinds, kind);
    if (!check) {
      errors.push({
        path: `/elements/${i}/kind`,
        message: `unknown element kind; expected one of ${ELEMENT_KINDS.join(', ')}`,
        value: describe(kind),
      });
    } else if (!check.check(el)) {
      collect(errors, `/elements/${i}`, check.errors(el));
    }
  }
  const links = raw['links'] as unknown[];
  for (let i = 0; i < links.length && errors.length < MAX_ERRORS; i++) {
    if (!link.check(links[i])) collect(errors, `/links/${i}`, link.errors(links[i]));
  }
  if (errors.length > 0) return { ok: false, errors };

  const document = raw as TopologyDocument;
  const integrity = checkIntegrity(document);
  if (integrity.length > 0) return { ok: false, errors: integrity.slice(0, MAX_ERRORS) };
  return { ok: true, document };
}

/** Values go back to users in messages: keep them short. */
const describe = (value: unknown) => shortValue(value);
