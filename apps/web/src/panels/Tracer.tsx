/**
 * Path tracer: from an element or address to another, run in the validation worker on the
 * same lowered model. Each hop shows the route that matched; a drop shows where and why. The
 * hops are highlighted on the canvas with their numbers.
 */
import { useEffect, useMemo, useState } from 'react';
import { kindInfo, type ElementKind } from '@viplane/model';
import type { TraceEndpoint, TraceResult } from '@viplane/validator';
import { useEditor, useEditorStable } from '../store/editor.ts';
import { clearHighlight, useUi } from '../store/ui.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { traceInWorker } from '../validation/client.ts';
import { getElement } from '../document/edits.ts';
import { checkIp } from '../lib/fieldChecks.ts';
import { Field } from './inspector/widgets.tsx';

const TRACEABLE: ElementKind[] = [
  'clientNetwork',
  'portGroup',
  'nsxtSegment',
  'router',
  'aviController',
  'seGroup',
  'virtualService',
  'aviDnsVs',
  'haproxy',
  'tkgCluster',
  'k8sCluster',
  'tkc',
  'supervisor',
  'nsxtTier0',
  'nsxtTier1',
];
const ADDRESS = '__address__';

interface EndpointState {
  choice: string;
  address: string;
}

function toEndpoint(s: EndpointState): TraceEndpoint | null {
  if (s.choice === ADDRESS) return s.address.trim() ? { address: s.address.trim() } : null;
  return s.choice ? { elementId: s.choice } : null;
}

export function Tracer() {
  const options = useEditorStable(
    (s) =>
      s.doc.elements.filter((e) => TRACEABLE.includes(e.kind)).map((e) => ({ id: e.id, label: `${e.name} · ${kindInfo[e.kind].label}` })),
    (a, b) => a.length === b.length && a.every((o, i) => o.id === b[i]!.id && o.label === b[i]!.label),
  );
  const [from, setFrom] = useState<EndpointState>({ choice: '', address: '' });
  const [to, setTo] = useState<EndpointState>({ choice: ADDRESS, address: '' });
  const result = useUi((s) => s.trace);
  const [running, setRunning] = useState(false);
  const docRev = useEditor((s) => s.doc);
  const [stale, setStale] = useState(false);
  useEffect(() => setStale(true), [docRev]);

  const run = async () => {
    const a = toEndpoint(from);
    const b = toEndpoint(to);
    if (!a || !b) return;
    setRunning(true);
    const r = await traceInWorker(a, b);
    setRunning(false);
    setStale(false);
    showTrace(r);
  };
  const fromInvalid = from.choice === ADDRESS && !!from.address && !!checkIp(from.address);
  const toInvalid = to.choice === ADDRESS && !!to.address && !!checkIp(to.address);

  return (
    <div data-testid="tracer">
      <div className="section">
        <div className="section-title">Trace a packet</div>
        <EndpointPicker label="From" value={from} onChange={setFrom} options={options} testId="trace-from" invalid={fromInvalid} />
        <EndpointPicker label="To" value={to} onChange={setTo} options={options} testId="trace-to" invalid={toInvalid} />
        <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
          <button
            className="btn primary"
            disabled={!toEndpoint(from) || !toEndpoint(to) || running}
            onClick={() => void run()}
            data-testid="trace-run"
          >
            {running ? 'Tracing…' : 'Trace'}
          </button>
          {result && (
            <button className="btn outline" onClick={() => clearHighlight()} data-testid="trace-clear">
              Clear
            </button>
          )}
        </div>
      </div>
      {result && <TraceView result={result} stale={stale} />}
      {!result && (
        <div className="section subtle">
          Pick a client network, a load balancer, a cluster or type any address. Pod addresses resolve to their cluster's node network.
        </div>
      )}
    </div>
  );
}

function EndpointPicker(props: {
  label: string;
  value: EndpointState;
  onChange(v: EndpointState): void;
  options: { id: string; label: string }[];
  testId: string;
  invalid: boolean;
}) {
  const { value, onChange } = props;
  return (
    <Field label={props.label} msg={props.invalid ? { level: 'error', text: 'Not an IP address' } : null}>
      <div style={{ display: 'grid', gap: 4 }}>
        <select
          className="select"
          aria-label={props.label}
          value={value.choice}
          onChange={(e) => onChange({ ...value, choice: e.target.value })}
          data-testid={`${props.testId}-select`}
        >
          <option value="">— choose —</option>
          <option value={ADDRESS}>An IP address…</option>
          {props.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        {value.choice === ADDRESS && (
          <input
            className={`input mono${props.invalid ? ' invalid' : ''}`}
            placeholder="e.g. 192.168.49.10 or 100.96.1.5"
            aria-label={`${props.label}: IP address`}
            value={value.address}
            onChange={(e) => onChange({ ...value, address: e.target.value })}
            data-testid={`${props.testId}-address`}
          />
        )}
      </div>
    </Field>
  );
}

/** Canvas highlight: hop hosts, the networks they send on, and the NICs between them. */
export function showTrace(r: TraceResult) {
  const { doc } = useEditorState();
  const ids = new Set<string>();
  const steps = new Map<string, number[]>();
  const add = (id: string | null | undefined, step?: number) => {
    if (!id) return;
    ids.add(id);
    if (step !== undefined) steps.set(id, [...(steps.get(id) ?? []), step]);
  };
  r.hops.forEach((hop, i) => {
    add(hop.hostId, i + 1);
    add(hop.egressNetworkId, hop.hostId ? undefined : i + 1);
    if (hop.hostId && hop.egressNetworkId) {
      const link = doc.links.find((l) => l.from === hop.hostId && l.to === hop.egressNetworkId);
      if (link) ids.add(`link:${link.id}`);
    }
    if (hop.route?.sourceId && doc.links.some((l) => l.id === hop.route!.sourceId)) ids.add(`link:${hop.route.sourceId}`);
  });
  // The ingress NIC of each next hop (the link from that host to the previous egress network).
  for (let i = 1; i < r.hops.length; i++) {
    const prev = r.hops[i - 1]!;
    const hop = r.hops[i]!;
    const link = doc.links.find((l) => l.from === hop.hostId && l.to === prev.egressNetworkId);
    if (link) ids.add(`link:${link.id}`);
  }
  add(r.deliveredOn?.networkId);
  add(r.deliveredOn?.elementId);
  if (r.drop?.hostId) add(r.drop.hostId);
  useUi.setState({ trace: r, highlight: ids, highlightTone: 'trace', traceSteps: steps });
  const nodeIds = [...ids].filter((id) => getElement(doc, id));
  if (nodeIds.length) canvasApi.current?.fitNodes(nodeIds);
}

function useEditorState() {
  return useEditor.getState();
}

function TraceView({ result, stale }: { result: TraceResult; stale: boolean }) {
  const doc = useEditor((s) => s.doc);
  const name = (id: string | null | undefined) => (id ? (getElement(doc, id)?.name ?? id) : '—');
  const hops = useMemo(() => result.hops, [result]);
  return (
    <div className="section" data-testid="trace-result" data-delivered={result.delivered}>
      <div className="section-title">
        {result.source} → {result.destination}
      </div>
      {stale && (
        <div className="field-msg warning" style={{ marginBottom: 6 }}>
          The design changed since this trace: run it again.
        </div>
      )}
      <ol className="hops">
        {hops.map((hop, i) => (
          <li className="hop" key={i} data-testid="trace-hop">
            <span className="hop-n">{i + 1}</span>
            <div>
              <div style={{ fontWeight: 600 }}>
                {hop.hostId ? name(hop.hostId) : `Sender ${hop.name}`}
                {hop.vrf && <span className="subtle"> · VRF {hop.vrf}</span>}
              </div>
              {hop.route ? (
                <div className="hop-route" data-testid="trace-hop-route">
                  {hop.route.prefix} {hop.route.nextHop ? `via ${hop.route.nextHop}` : hop.route.origin === 'connected' ? 'connected' : ''}{' '}
                  ({hop.route.origin})
                </div>
              ) : (
                hop.hostId === null && <div className="hop-route">on {name(hop.egressNetworkId)}</div>
              )}
              {hop.hostId && hop.egressNetworkId && <div className="subtle">out on {name(hop.egressNetworkId)}</div>}
            </div>
          </li>
        ))}
      </ol>
      {result.delivered ? (
        <div className="result-box ok" data-testid="trace-delivered">
          Delivered on {name(result.deliveredOn?.networkId)}
          {result.deliveredOn?.elementId ? ` to ${name(result.deliveredOn.elementId)}` : ''}.
        </div>
      ) : (
        <div className="result-box drop" data-testid="trace-drop" data-reason={result.drop?.reason}>
          <strong>Dropped{result.drop?.hostId ? ` at ${name(result.drop.hostId)}` : ''}</strong> ({result.drop?.reason}):{' '}
          {result.drop?.message}
        </div>
      )}
    </div>
  );
}
