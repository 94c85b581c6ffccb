/** Reading designs from files or stdin, and the CLI's typed failure. */
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseJsonText, restore, type TopologyDocument } from '@viplane/model';
import { UsageError } from './errors.ts';

export { UsageError };

export async function readText(source: string, stdin: Readable): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`,
    );
  }
}

/** JSON with the line and column of a syntax error. */
export function parseJson(text: string, source: string): unknown {
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`${source}:${parsed.line}:${parsed.column}: invalid JSON: ${parsed.message}`);
  return parsed.value;
}

export async function readDesign(source: string, stdin: Readable): Promise<TopologyDocument> {
  const name = source === '-' ? '<stdin>' : source;
  const raw = parseJson(await readText(source, stdin), name);
  const result = restore(raw);
  if (!result.ok) {
    const lines = result.errors.slice(0, 10).map((e) => `  ${e.path || '/'}: ${e.message} (got ${JSON.stringify(e.value)})`);
    const more = result.errors.length > 10 ? [`  … and ${result.errors.length - 10} more`] : [];
    throw new UsageError([`${name} is not a usable Viplane topology document:`, ...lines, ...more].join('\n'));
  }
  return result.document;
}
