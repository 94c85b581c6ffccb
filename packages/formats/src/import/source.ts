/**
 * A parsed input file that remembers where each key is, so every import diagnostic can name the
 * line and column. YAML goes through the `yaml` package (JSON is YAML, so one parser serves both);
 * a syntax error comes back with its position, never as an exception.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

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

export type ParsedSource = { ok: true; documents: SourceDocument[] } | { ok: false; message: string; position: Position };

/** Parses every YAML document of `text` (a TKC file may hold several, separated by `---`). */
export function parseSource(text: string): ParsedSource {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // parseAllDocuments returns an EmptyStream (not an array) for an empty input.
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) return { ok: false, message: error.message.split('\n')[0] ?? error.code, position: toPosition(lines, error.pos[0]) };
  }
  return {
    ok: true,
    documents: list
      .filter((d) => d.contents !== null)
      .map((doc) => ({
        value: doc.toJS({ maxAliasCount: 100 }) as unknown,
        at: (path) => toPosition(lines, offsetOf(doc.contents, path)),
      })),
  };
}

function offsetOf(root: unknown, path: KeyPath): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
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
