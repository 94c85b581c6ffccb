/**
 * Main-thread side of the validation worker: sends the document once, then deltas on every
 * change (by identity diff), and puts the diagnostics into the diagnostics store.
 */
import type { DesignFlow, PathTrace, TraceEndpoint } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import { useEditor } from '../store/editor.ts';
import { applyAnswer, useDiagnostics } from '../store/diagnostics.ts';
import { diffDocuments, type FromWorker, type ToWorker } from './protocol.ts';

let worker: Worker | null = null;
let rev = 0;
let requestSeq = 0;
const pending = new Map<number, (r: PathTrace) => void>();
const pendingFlows = new Map<number, (flows: DesignFlow[]) => void>();
/** The document of each revision still in flight, to compute badges against the right one. */
const docsByRev = new Map<number, TopologyDocument>();

function send(msg: ToWorker) {
  worker?.postMessage(msg);
}

export function startValidation(): () => void {
  if (worker) return () => {};
  worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'viplane-validator' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
  let last = useEditor.getState().doc;
  rev = 1;
  docsByRev.set(rev, last);
  send({ type: 'load', rev, doc: last });
  useDiagnostics.setState({ sentRev: rev });
  const unsubscribe = useEditor.subscribe((state) => {
    if (state.doc === last) return;
    const delta = diffDocuments(last, state.doc);
    last = state.doc;
    if (!delta) return;
    rev++;
    send({ type: 'delta', rev, delta });
    if (delta.affectsValidation) {
      docsByRev.set(rev, last);
      useDiagnostics.setState({ sentRev: rev });
    }
  });
  return () => {
    unsubscribe();
    worker?.terminate();
    worker = null;
  };
}

function receive(msg: FromWorker) {
  switch (msg.type) {
    case 'ready':
      useDiagnostics.setState({ rules: new Map(msg.rules.map((r) => [r.id, r])) });
      break;
    case 'diagnostics': {
      const doc = docsByRev.get(msg.rev) ?? useEditor.getState().doc;
      const next = applyAnswer(useDiagnostics.getState(), msg, doc);
      if (!next) break;
      for (const r of docsByRev.keys()) if (r < msg.rev) docsByRev.delete(r);
      useDiagnostics.setState(next);
      break;
    }
    case 'trace':
      pending.get(msg.requestId)?.(msg.result);
      pending.delete(msg.requestId);
      break;
    case 'flows':
      pendingFlows.get(msg.requestId)?.(msg.flows);
      pendingFlows.delete(msg.requestId);
      break;
    case 'error':
      useDiagnostics.setState({ error: msg.message, validatedRev: msg.rev });
      break;
  }
}

export function traceInWorker(from: TraceEndpoint, to: TraceEndpoint): Promise<PathTrace> {
  const requestId = ++requestSeq;
  return new Promise((resolve) => {
    pending.set(requestId, resolve);
    send({ type: 'trace', requestId, from, to });
  });
}

/** The design's flows, computed by the worker on its copy of the current document. */
export function flowsInWorker(): Promise<DesignFlow[]> {
  const requestId = ++requestSeq;
  return new Promise((resolve) => {
    pendingFlows.set(requestId, resolve);
    send({ type: 'flows', requestId });
  });
}
