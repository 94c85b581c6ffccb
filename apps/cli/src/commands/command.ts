/** The shape every subcommand shares, so main.ts stays a dispatcher. */
import type { Readable, Writable } from 'node:stream';
import type { UsageError } from '../errors.ts';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  usage(message: string): UsageError;
}

export interface ParsedArgs {
  positionals: string[];
  format: 'text' | 'json';
  from?: string;
  to?: string;
  vrf?: string;
  out?: string;
  /** import: the design to merge into. */
  into?: string;
  /** flows: list the catalogue instead of a design's flows. */
  catalogue?: boolean;
  /** validate: apply the unambiguous quick fixes. */
  fix?: boolean;
  /** validate --fix: report what would be fixed, write nothing. */
  dryRun?: boolean;
}

export interface Command {
  /** Returns the exit code. Throws UsageError for input the user must fix (exit 2). */
  run(args: ParsedArgs, io: Io): Promise<number>;
}
