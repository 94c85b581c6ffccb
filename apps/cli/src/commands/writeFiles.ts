/**
 * Writes files under a directory, or one zip when the target ends in `.zip` (export, handoff);
 * a target that cannot be written is a usage error (exit 2) naming the reason.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Io } from './command.ts';

export async function writeFiles(
  io: Pick<Io, 'usage'>,
  out: string,
  files: readonly { path: string; content: string | Uint8Array }[],
  zip: () => Uint8Array,
): Promise<void> {
  const target = resolve(out);
  try {
    if (/\.zip$/i.test(out)) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, zip());
    } else {
      for (const f of files) {
        const path = join(target, ...f.path.split('/'));
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, f.content);
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EISDIR' || code === 'EROFS')
      throw io.usage(
        `cannot write ${out}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'EROFS' ? 'read-only file system' : 'a file is in the way'}`,
      );
    throw error;
  }
}
