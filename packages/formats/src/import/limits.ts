/**
 * The input limits of import, checked before the work they protect: a file's size before it is
 * parsed, YAML nesting on the token stream before the (recursive) composer builds nodes, aliases
 * while values are built, and a zip's entries from its directory before anything is inflated.
 * A YAML block list nested ~1,500 levels otherwise aborts the whole process inside V8; a 300 KB
 * zip whose entries share one 300 MB stream otherwise takes gigabytes.
 */
import type { CST } from 'yaml';

type Token = CST.Token;

export const IMPORT_LIMITS = {
  /** Characters of one file, decoded. */
  fileChars: 5_000_000,
  /** Nesting of YAML/JSON collections in one file (a TKC manifest is about 10 deep). */
  yamlDepth: 64,
  /** YAML alias nodes resolved per document (the `yaml` package's guard against "billion laughs"). */
  yamlAliases: 100,
  /** Entries listed in a zip's central directory. */
  zipEntries: 2_000,
  /** Bytes of the one entry read from a zip (its topology.json), as declared and as inflated. */
  zipEntryBytes: 5_000_000,
  /** Bytes of all entries a zip declares, compared with the zip's own size: more is a zip bomb. */
  zipTotalBytes: 200_000_000,
} as const;

/** The deepest collection nesting of a CST document, walked with an explicit stack (no recursion). */
export function yamlTokenDepth(root: Token): number {
  let deepest = 0;
  const stack: [Token | undefined, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
        deepest = Math.max(deepest, depth + 1);
        for (const item of token.items) {
          if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
      case 'flow-collection':
        deepest = Math.max(deepest, depth + 1);
        for (const item of token.items) {
          stack.push([item.key ?? undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return deepest;
}
