/**
 * The heavy jobs, run in worker threads (pool.ts): bundle and format export (PNG rendering
 * included), import (parsing, layout, validation of the result) and validation of a large
 * document. Inputs have passed restore() or the request limits in the main thread; here only the
 * work happens, so a job that runs too long or needs too much memory ends its worker, not the server.
 */
import { importFiles, type ImportInput, type ImportOptions, type ImportResult } from '@viplane/formats';
import type { TopologyDocument } from '@viplane/model';
import { lower, trace, validate, type Diagnostic } from '@viplane/validator';
import { exportCodecs } from '../formats/registry.ts';

export type Job =
  | { kind: 'export'; format: string; document: TopologyDocument }
  | { kind: 'import'; inputs: ImportInput[]; options: ImportOptions }
  | { kind: 'validate'; document: TopologyDocument }
  | { kind: 'trace'; document: TopologyDocument; from: TraceEndpoint; to: TraceEndpoint };

export type TraceEndpoint = { elementId: string; vrf?: string } | { address: string };

export interface ExportOutput {
  filename: string;
  body: string | Uint8Array;
  mediaType: string;
}

export interface ImportOutput {
  result: ImportResult;
  /** The validator's diagnostics of the imported design (empty when there is none). */
  diagnostics: Diagnostic[];
}

export type JobOutput<J extends Job> = J extends { kind: 'export' }
  ? ExportOutput
  : J extends { kind: 'import' }
    ? ImportOutput
    : J extends { kind: 'validate' }
      ? Diagnostic[]
      : J extends { kind: 'trace' }
        ? ReturnType<typeof trace>
        : never;

export async function runJob(job: Job | { kind: 'warm' }): Promise<unknown> {
  switch (job.kind) {
    case 'warm':
      return null;
    case 'export': {
      const codec = exportCodecs.get(job.format);
      if (!codec) throw new Error(`no export codec "${job.format}"`);
      const file = codec.export(job.document);
      return { filename: file.filename, body: file.body, mediaType: file.mediaType ?? codec.mediaType } satisfies ExportOutput;
    }
    case 'import': {
      const result = await importFiles(job.inputs, job.options);
      return { result, diagnostics: result.document ? validate(result.document) : [] } satisfies ImportOutput;
    }
    case 'validate':
      return validate(job.document);
    case 'trace':
      return trace(lower(job.document), job.from, job.to);
  }
}
