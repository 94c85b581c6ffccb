/**
 * The heavy jobs, run in worker threads (pool.ts): bundle and format export (PNG rendering
 * included), import (parsing, layout, validation of the result), validation of a large
 * document and the flows of a design. Inputs have passed restore() or the request limits in the main thread; here only the
 * work happens, so a job that runs too long or needs too much memory ends its worker, not the server.
 */
import { importFiles, type ImportInput, type ImportOptions, type ImportResult } from '@viplane/formats';
import type { TopologyDocument } from '@viplane/model';
import { designFlows, lower, tracePath, validate, type Diagnostic, type DesignFlows } from '@viplane/validator';
import { HttpError } from '../errors.ts';
import { httpErrorData, parseExportBody, resolveExport, type HttpErrorData } from '../formats/exportRequest.ts';
import { exportCodecs, type ExportCodec, type ExportOptions } from '../formats/registry.ts';

/**
 * Documents travel as JSON text (`DocumentJson`): copying a string to a thread is a memcpy, while
 * structured-cloning a 10,000-element object graph blocks the request thread for 150-250 ms.
 */
export type DocumentJson = string & { readonly __restoredDocument: true };

export function documentJson(document: TopologyDocument): DocumentJson {
  return JSON.stringify(document) as DocumentJson;
}

export type Job =
  | { kind: 'export'; format: string; document: DocumentJson; options?: ExportOptions }
  /** A large export body as the client sent it: parsed, checked and restored here. */
  | { kind: 'export-json'; text: string }
  | { kind: 'import'; inputs: ImportInput[]; options: ImportOptions }
  | { kind: 'validate'; document: DocumentJson }
  | { kind: 'trace'; document: DocumentJson; from: TraceEndpoint; to: TraceEndpoint }
  | { kind: 'flows'; document: DocumentJson };

/** The text of a document that passed restore() in the request thread. */
const parsed = (json: DocumentJson) => JSON.parse(json) as TopologyDocument;

export type TraceEndpoint = { elementId: string; vrf?: string } | { address: string };

export interface ExportOutput {
  filename: string;
  body: string | Uint8Array;
  mediaType: string;
  /** Error and warning counts of what was written (bundle and config formats). */
  findings?: { errors: number; warnings: number };
}

export interface ImportOutput {
  result: ImportResult;
  /** The validator's diagnostics of the imported design (empty when there is none). */
  diagnostics: Diagnostic[];
}

export type ExportJsonOutput = { ok: true; file: ExportOutput } | { ok: false; error: HttpErrorData };

export type JobOutput<J extends Job> = J extends { kind: 'export' }
  ? ExportOutput
  : J extends { kind: 'export-json' }
    ? ExportJsonOutput
    : J extends { kind: 'import' }
      ? ImportOutput
      : J extends { kind: 'validate' }
        ? Diagnostic[]
        : J extends { kind: 'trace' }
          ? ReturnType<typeof tracePath>
          : J extends { kind: 'flows' }
            ? DesignFlows
            : never;

/** One codec's file with its media type and the findings on what was written (for the X-Viplane-* headers). */
async function exportFile(codec: ExportCodec, document: TopologyDocument, options?: ExportOptions): Promise<ExportOutput> {
  const file = await codec.export(document, options);
  const output: ExportOutput = { filename: file.filename, body: file.body, mediaType: file.mediaType ?? codec.mediaType };
  if (file.findings) output.findings = file.findings;
  return output;
}

export async function runJob(job: Job | { kind: 'warm' }): Promise<unknown> {
  switch (job.kind) {
    case 'warm':
      return null;
    case 'export': {
      const codec = exportCodecs.get(job.format);
      if (!codec) throw new Error(`no export codec "${job.format}"`);
      return exportFile(codec, parsed(job.document), job.options);
    }
    case 'export-json':
      try {
        const body = parseExportBody(job.text);
        const { codec, document } = resolveExport(body.format, body.document);
        return {
          ok: true,
          file: await exportFile(codec, document, body.comments ? { comments: body.comments } : undefined),
        } satisfies ExportJsonOutput;
      } catch (error) {
        if (error instanceof HttpError) return { ok: false, error: httpErrorData(error) } satisfies ExportJsonOutput;
        throw error;
      }
    case 'import': {
      const result = await importFiles(job.inputs, job.options);
      return { result, diagnostics: result.document ? validate(result.document) : [] } satisfies ImportOutput;
    }
    case 'validate':
      return validate(parsed(job.document));
    case 'trace':
      return tracePath(lower(parsed(job.document)), job.from, job.to);
    case 'flows':
      return designFlows(parsed(job.document));
  }
}
