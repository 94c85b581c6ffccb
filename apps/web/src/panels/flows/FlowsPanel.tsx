/**
 * Flows: every connection the design needs (designFlows, computed in the validation worker), with
 * filters by system, status and enforcement point. A row says from → to, protocol and ports, why,
 * how required, whether it is routed and through which L3 devices; clicking it draws its path on
 * the canvas the way the Tracer draws a trace.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { DesignFlow, FlowStatus } from '@viplane/validator';
import { useEditor } from '../../store/editor.ts';
import { clearHighlight } from '../../store/ui.ts';
import { flowsInWorker } from '../../validation/client.ts';
import { filterFlows, flowChoices, NO_FILTER, STATUSES, type FlowFilter } from './filter.ts';
import { showFlow } from './highlight.ts';

/** Above this many elements the flows are computed on request, not on every change. */
const AUTO_LIMIT = 1500;
const PAGE = 200;

export function FlowsPanel() {
  const doc = useEditor((s) => s.doc);
  const large = doc.elements.length > AUTO_LIMIT;
  const [flows, setFlows] = useState<{ doc: unknown; list: DesignFlow[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<FlowFilter>(NO_FILTER);
  const [active, setActive] = useState<string | null>(null);

  const compute = () => {
    const forDoc = useEditor.getState().doc;
    setBusy(true);
    void flowsInWorker().then((list) => {
      setFlows({ doc: forDoc, list });
      setBusy(false);
    });
  };
  useEffect(() => {
    if (large) return;
    // Recompute on document changes only; edits come in bursts (typing): wait for a pause first.
    const t = setTimeout(compute, flows === null ? 0 : 400);
    return () => clearTimeout(t);
  }, [doc, large]);

  const list = flows?.list;
  const choices = useMemo(() => flowChoices(list ?? []), [list]);
  const shown = useMemo(() => filterFlows(list ?? [], filter), [list, filter]);
  const stale = flows !== null && flows.doc !== doc;

  return (
    <div data-testid="flows" data-busy={busy}>
      <div className="section">
        <div className="section-title">Flows the design needs</div>
        <div style={{ display: 'grid', gap: 4 }}>
          <FilterSelect label="System" value={filter.system} onChange={(system) => setFilter({ ...filter, system })} testId="flows-system">
            {choices.systems.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            label="Status"
            value={filter.status}
            onChange={(status) => setFilter({ ...filter, status: status as FlowStatus | '' })}
            testId="flows-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label="Enforcement point" value={filter.point} onChange={(point) => setFilter({ ...filter, point })} testId="flows-point">
            {choices.points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </FilterSelect>
        </div>
        <div style={{ display: 'flex', gap: 8, marginTop: 6, alignItems: 'center' }}>
          {(large || stale) && (
            <button className="btn primary" disabled={busy} onClick={compute} data-testid="flows-compute">
              {busy ? 'Computing…' : 'Compute flows'}
            </button>
          )}
          {active && (
            <button
              className="btn outline"
              onClick={() => {
                setActive(null);
                clearHighlight();
              }}
              data-testid="flows-clear"
            >
              Clear highlight
            </button>
          )}
          <span className="subtle" role="status" data-testid="flows-count">
            {list ? `${shown.length} of ${list.length} flows${stale ? ' (the design changed since)' : ''}` : busy ? 'Computing flows…' : ''}
          </span>
        </div>
      </div>
      {list && (
        <table className="flows-table" aria-label="Flows" data-testid="flows-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, PAGE).map((f) => (
              <FlowRow
                key={f.id}
                flow={f}
                active={active === f.id}
                onShow={() => {
                  setActive(f.id);
                  showFlow(f);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {shown.length > PAGE && <div className="section subtle">{shown.length - PAGE} more: narrow the filters to see them.</div>}
    </div>
  );
}

function FilterSelect(props: { label: string; value: string; onChange(v: string): void; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">All</option>
        {props.children}
      </select>
    </div>
  );
}

function FlowRow({ flow, active, onShow }: { flow: DesignFlow; active: boolean; onShow(): void }) {
  const points = flow.enforcementPoints.map((p) => p.name).join(', ');
  return (
    <tr data-testid="flow-row" data-flow={flow.id} data-status={flow.status} aria-selected={active} className={active ? 'active' : undefined}>
      <td style={{ padding: '4px 6px', borderTop: '1px solid var(--border, #ddd)' }}>
        <button
          type="button"
          className="link-button"
          onClick={onShow}
          aria-pressed={active}
          data-testid="flow-show"
          style={{ textAlign: 'left', background: 'none', border: 0, padding: 0, cursor: 'pointer', font: 'inherit', color: 'inherit' }}
        >
          <strong>
            {flow.source} → {flow.destination}
          </strong>
        </button>
        <div className="mono" data-testid="flow-ports">
          {flow.protocol} {flow.ports}
        </div>
        <div className="subtle">
          {flow.purpose} · {flow.requirement}
          {flow.condition ? ` (${flow.condition})` : ''} · {flow.system}
        </div>
        {flow.reason && <div className="subtle">{flow.reason}</div>}
      </td>
      <td style={{ padding: '4px 6px', borderTop: '1px solid var(--border, #ddd)', verticalAlign: 'top' }}>
        <div data-testid="flow-status">{flow.status}</div>
        {points && (
          <div className="subtle" data-testid="flow-points">
            via {points}
          </div>
        )}
      </td>
    </tr>
  );
}
