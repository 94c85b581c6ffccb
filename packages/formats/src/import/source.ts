/**
 * A parsed input file that remembers where each key is, so every import diagnostic can name the
 * line and column. YAML goes through the `yaml` package (JSON is YAML, so one parser serves both);
 * a syntax error comes back with its position, never as an exception.
 */
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser, type CST, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { IMPORT_LIMITS, yamlTokenDepth } from './limits.ts';

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface SourceDocument {
  /** Plain JS value of the document (`toJS()`). */
  value: unknown;
  /** Position of the key at `path` (or of its value for sequence items), else of the nearest ancestor. */
  at(path: KeyPath): Position;
}

export type ParsedSource =
  | { ok: true; documents: SourceDocument[] }
  /** `limit`: the file is over an input limit (IMPORT_LIMITS), not malformed. */
  | { ok: false; message: string; position: Position; limit?: true };

/** Parses every YAML document of `text` (a TKC file may hold several, separated by `---`). */
export function parseSource(text: string): ParsedSource {
  const lines = new LineCounter();
  // The token stream first (the lexer and parser keep their own stack): its depth is checked before
  // the composer, which recurses per level, and V8 can abort the process near the stack limit.
  const tokens: CST.Token[] = [...new Parser(lines.addNewLine).parse(text)];
  for (const token of tokens) {
    const depth = yamlTokenDepth(token);
    if (depth > IMPORT_LIMITS.yamlDepth)
      return {
        ok: false,
        limit: true,
        message: `collections are nested ${depth} levels deep; at most ${IMPORT_LIMITS.yamlDepth} are read`,
        position: toPosition(lines, 'offset' in token ? token.offset : 0),
      };
  }
  const list: Document.Parsed[] = [...new Composer({ uniqueKeys: false }).compose(tokens)];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) return { ok: false, message: error.message.split('\n')[0] ?? error.code, position: toPosition(lines, error.pos[0]) };
    const duplicate = firstDuplicateKey(doc.contents);
    if (duplicate)
      return { ok: false, message: `Map keys must be unique ("${duplicate.key}")`, position: toPosition(lines, duplicate.offset) };
  }
  const documents: SourceDocument[] = [];
  for (const doc of list.filter((d) => d.contents !== null)) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: IMPORT_LIMITS.yamlAliases });
    } catch (error) {
      // An alias to no anchor, or aliases that would expand past the limit: thrown while values are built.
      const message = error instanceof Error ? error.message : String(error);
      const excessive = /alias count/i.test(message);
      return {
        ok: false,
        ...(excessive ? { limit: true as const } : {}),
        message: excessive ? `the aliases expand to too much data (more than ${IMPORT_LIMITS.yamlAliases} alias nodes' worth)` : message,
        position: toPosition(lines, doc.range[0]),
      };
    }
    documents.push({ value, at: (path) => toPosition(lines, offsetOf(doc.contents, path)) });
  }
  return { ok: true, documents };
}

/**
 * The yaml package's own uniqueKeys check compares every key with every other (6,000 keys: seconds);
 * this is the same check with a set per map, walked with an explicit stack.
 */
function firstDuplicateKey(root: unknown): { key: string; offset: number } | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) return { key, offset: pair.key.range?.[0] ?? 0 };
          seen.add(key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return undefined;
}

/** Key -> pair of a map, built on first use: diagnostics for thousands of keys would otherwise scan the map each. */
const keyIndex = new WeakMap<object, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string | number): Pair | undefined {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    keyIndex.set(map, index);
  }
  return index.get(String(key));
}

function offsetOf(root: unknown, path: KeyPath): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function toPosition(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
