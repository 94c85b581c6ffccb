/**
 * Path tracer: from an element or address to another, run in the validation worker on the
 * same lowered model (validator `tracePath`). To a VIP it shows each leg — client → VIP, the load
 * balancer's connection to the node or pod, and the replies back — and each hop its element,
 * interfaces, VRF, route and address translation; a drop shows where and why. Forward hops are
 * highlighted on the canvas with their numbers.
 */
import { useEffect, useState } from 'react';
import { kindInfo, type ElementKind } from '@viplane/model';
import type { InterfaceRef, PathHop, PathTrace, TraceEndpoint, TraceLeg } from '@viplane/validator';
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
  'firewall',
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
          Pick a client network, a load balancer, a cluster or type any address. To a VIP, the trace follows the load balancer to the node
          or pod and the reply back.
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

/** Canvas highlight: every hop's element, the networks it arrives and leaves on, and the NICs between them. Forward hops are numbered. */
export function showTrace(r: PathTrace) {
  const { doc } = useEditorState();
  const ids = new Set<string>();
  const steps = new Map<string, number[]>();
  const add = (id: string | null | undefined, step?: number) => {
    if (!id || !getElement(doc, id)) return;
    ids.add(id);
    if (step !== undefined) steps.set(id, [...(steps.get(id) ?? []), step]);
  };
  const nic = (hostId: string | null, networkId: string | null | undefined) => {
    if (!hostId || !networkId) return;
    const link = doc.links.find((l) => l.from === hostId && l.to === networkId);
    if (link) ids.add(`link:${link.id}`);
  };
  let step = 0;
  for (const leg of r.legs) {
    for (const hop of leg.hops) {
      const n = leg.kind === 'forward' ? ++step : undefined;
      add(hop.elementId ?? hop.hostId, n);
      add(hop.hostId);
      add(hop.ingress?.networkId);
      add(hop.egress?.networkId);
      nic(hop.hostId, hop.ingress?.networkId);
      nic(hop.hostId, hop.egress?.networkId);
      if (hop.route?.sourceId && doc.links.some((l) => l.id === hop.route!.sourceId)) ids.add(`link:${hop.route.sourceId}`);
    }
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

function where(ref: InterfaceRef | null): string {
  if (!ref) return '';
  return `${ref.networkName}${ref.address ? ` ${ref.address}` : ref.addressNote ? ` (${ref.addressNote})` : ''}`;
}

function HopView({ hop, n }: { hop: PathHop; n: number }) {
  return (
    <li className="hop" data-testid="trace-hop" data-kind={hop.kind} data-element={hop.elementId ?? ''}>
      <span className="hop-n">{n}</span>
      <div>
        <div style={{ fontWeight: 600 }}>
          {hop.elementName}
          {hop.vrf && <span className="subtle"> · VRF {hop.vrf}</span>}
          {hop.routingDomain && hop.routingDomain !== 'default' && <span className="subtle"> · domain {hop.routingDomain}</span>}
        </div>
        {hop.ingress && <div className="subtle">in on {where(hop.ingress)}</div>}
        {hop.route && (
          <div className="hop-route" data-testid="trace-hop-route">
            {hop.route.prefix} {hop.route.nextHop ? `via ${hop.route.nextHop}` : hop.route.origin === 'connected' ? 'connected' : ''} (
            {hop.route.origin})
          </div>
        )}
        {hop.egress && <div className="subtle">out on {where(hop.egress)}</div>}
        {(hop.nat ?? []).map((nat, i) => (
          <div className="hop-route" key={i} data-testid="trace-hop-nat" data-nat={nat.kind} title={nat.note}>
            {nat.kind.toUpperCase()} {nat.from} → {nat.to}
            {nat.pool ? ` (pool ${nat.pool})` : ''}
          </div>
        ))}
        {hop.filter && (
          <div className="subtle" data-testid="trace-hop-filter">
            {getElementName(hop.filter.elementId)}:{' '}
            {hop.filter.established
              ? 'reply of an allowed connection, allowed by state'
              : `${hop.filter.ruleIndex === null ? 'default' : `rule ${hop.filter.ruleIndex + 1}`}: ${hop.filter.action}`}
          </div>
        )}
        {hop.note && <div className="subtle">{hop.note}</div>}
      </div>
    </li>
  );
}

function getElementName(id: string): string {
  return getElement(useEditor.getState().doc, id)?.name ?? id;
}

function LegView({ leg }: { leg: TraceLeg }) {
  return (
    <div className="trace-leg" data-testid="trace-leg" data-kind={leg.kind} data-delivered={leg.delivered} style={{ marginBottom: 8 }}>
      <div className="section-title" data-testid="trace-leg-title">
        {leg.kind === 'reply' ? '← ' : '→ '}
        {leg.title} <span className="subtle mono">{`${leg.from} → ${leg.to}`}</span>
      </div>
      <ol className="hops">
        {leg.hops.map((hop, i) => (
          <HopView hop={hop} n={i + 1} key={i} />
        ))}
      </ol>
      {leg.drop && (
        <div className="result-box drop" data-testid="trace-leg-drop" data-reason={leg.drop.reason}>
          <strong>Dropped{leg.drop.hostName ? ` at ${leg.drop.hostName}` : ''}</strong> ({leg.drop.reason}): {leg.drop.message}
        </div>
      )}
    </div>
  );
}

function TraceView({ result, stale }: { result: PathTrace; stale: boolean }) {
  const doc = useEditor((s) => s.doc);
  const name = (id: string | null | undefined) => (id ? (getElement(doc, id)?.name ?? id) : '—');
  return (
    <div className="section" data-testid="trace-result" data-delivered={result.delivered} data-replied={String(result.replied)}>
      <div className="section-title" data-testid="trace-header">
        {result.sourceName} → {result.destinationName}
      </div>
      {stale && (
        <div className="field-msg warning" style={{ marginBottom: 6 }}>
          The design changed since this trace: run it again.
        </div>
      )}
      {result.legs.map((leg, i) => (
        <LegView leg={leg} key={i} />
      ))}
      {result.delivered ? (
        <div className="result-box ok" data-testid="trace-delivered">
          Delivered on {name(result.deliveredOn?.networkId)}
          {result.deliveredOn?.elementId ? ` to ${name(result.deliveredOn.elementId)}` : ''}.
          {result.replied === true && ' The reply gets back.'}
        </div>
      ) : (
        <div className="result-box drop" data-testid="trace-drop" data-reason={result.drop?.reason}>
          <strong>Dropped{result.drop?.hostId ? ` at ${name(result.drop.hostId)}` : ''}</strong> ({result.drop?.reason}):{' '}
          {result.drop?.message}
        </div>
      )}
      {result.replied === false && (
        <div className="result-box drop" data-testid="trace-reply-broken">
          <strong>The reply does not get back</strong>: {result.legs.find((l) => l.kind === 'reply' && !l.delivered)?.drop?.message}
        </div>
      )}
    </div>
  );
}
