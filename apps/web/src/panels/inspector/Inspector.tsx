/** The right panel's Inspect tab: the selected element, connection, several elements or the document. */
import { useRef, useState, type CSSProperties } from 'react';
import { kindInfo, type Element } from '@viplane/model';
import {
  confirmKnown,
  getElement,
  getLink,
  onlyPositionsDiffer,
  renameElement,
  setMeta,
  setNotes,
  setReference,
  isNicHolder,
} from '../../document/edits.ts';
import type { Interface } from '../../document/interfaces.ts';
import { InterfaceFields, InterfacesEditor } from './InterfacesEditor.tsx';
import { editor, useEditor, useEditorStable } from '../../store/editor.ts';
import { duplicate, requestDelete } from '../../store/actions.ts';
import { useDiagnostics } from '../../store/diagnostics.ts';
import { GLYPH, sysVar } from '../../lib/kinds.ts';
import { elementFacts, type Fact } from '../../lib/facts.ts';
import { fieldLabel } from '../../lib/labels.ts';
import { parseEdgeId } from '../../flow/mapping.ts';
import { NIC_ROLES } from '../../flow/roles.ts';
import { PropsForm } from './PropsForm.tsx';
import { openRoutingView } from '../ExportDialogs.tsx';
import { ElementDiagnostics } from './ElementDiagnostics.tsx';
import { Field, Select, tx, useFieldControlId } from './widgets.tsx';
import { IconTrash } from '../../components/icons.tsx';
import { CommentButton } from '../../comments/CommentButton.tsx';

export function Inspector() {
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  if (selectedNodes.size === 1) return <ElementInspector id={[...selectedNodes][0]!} />;
  if (selectedNodes.size > 1) return <MultiInspector count={selectedNodes.size} />;
  if (selectedEdges.size === 1) return <EdgeInspector edgeId={[...selectedEdges][0]!} />;
  return <DocumentInspector />;
}

function ElementInspector({ id }: { id: string }) {
  const el = useEditor((s) => getElement(s.doc, id));
  const readOnly = useEditor((s) => s.readOnly);
  if (!el) return null;
  return (
    <div data-testid="inspector" data-element={id}>
      <div className="section">
        <div className="inspector-head">
          <div className="glyph" style={{ '--sys': sysVar(kindInfo[el.kind].system) } as CSSProperties}>
            {GLYPH[el.kind]}
          </div>
          <div style={{ flex: 1, minWidth: 0 }}>
            <input
              className="name-input"
              value={el.name}
              disabled={readOnly}
              aria-label="Name"
              data-testid="inspector-name"
              onChange={(e) => editor().edit((doc) => renameElement(doc, id, e.target.value))}
              {...tx('rename')}
            />
            <div className="subtle">
              {kindInfo[el.kind].label} · <span className="mono">{el.id}</span>
            </div>
          </div>
        </div>
      </div>
      {el.unknown && el.unknown.length > 0 && <UnknownSection el={el} readOnly={readOnly} />}
      <div className="section" data-testid="inspector-props">
        <div className="section-title">Properties</div>
        <PropsForm el={el} disabled={readOnly} />
      </div>
      <CommentButton target={{ kind: 'element', id }} name={el.name} />
      <FactsSection el={el} />
      <ElementDiagnostics canvasId={id} />
      {isNicHolder(el.kind) ? <InterfacesEditor el={el} disabled={readOnly} /> : <AttachedSection el={el} />}
      {(el.kind === 'seGroup' || el.kind === 'haproxy') && (
        <div className="section">
          <button className="btn outline small" onClick={() => openRoutingView(id)} data-testid="inspector-routing">
            Routing view
          </button>
        </div>
      )}
      <div className="section">
        <div className="section-title">Notes</div>
        <textarea
          className="input"
          rows={2}
          value={el.notes ?? ''}
          disabled={readOnly}
          placeholder="Why this element is here…"
          aria-label="Notes"
          onChange={(e) => editor().edit((doc) => setNotes(doc, id, e.target.value))}
          {...tx('notes')}
        />
      </div>
      {!readOnly && (
        <div className="section" style={{ display: 'flex', gap: 8 }}>
          <button className="btn outline small" onClick={() => duplicate()} data-testid="inspector-duplicate">
            Duplicate
          </button>
          <button
            className="btn outline small"
            onClick={() => requestDelete()}
            data-testid="inspector-delete"
            style={{ color: 'var(--error)' }}
          >
            <IconTrash /> Delete
          </button>
        </div>
      )}
    </div>
  );
}

/** Fields an import could not learn: the inspector asks for them (entering one clears its mark). */
function UnknownSection({ el, readOnly }: { el: Element; readOnly: boolean }) {
  return (
    <div className="section unknown-fields" data-testid="inspector-unknown">
      <div className="section-title">Unknown — the imported files do not say</div>
      <ul className="list-plain">
        {el.unknown!.map((path) => (
          <li key={path} data-testid="unknown-field" data-field={path}>
            <strong>{fieldLabel(path)}</strong>
            {!readOnly && (
              <button
                className="btn outline small"
                title="The value shown below is right: stop asking"
                onClick={() => editor().edit((doc) => confirmKnown(doc, el.id, path))}
              >
                keep current value
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="subtle">Enter these below; rules that need them stay silent until then.</p>
    </div>
  );
}

function FactsSection({ el }: { el: Element }) {
  // Facts read the whole document (demand on a network's pools): recompute only when something
  // other than positions changed, not on every frame of a drag.
  const cache = useRef<{ elements: readonly Element[]; links: unknown; props: unknown; facts: Fact[] } | null>(null);
  const facts = useEditorStable((s) => {
    const c = cache.current;
    if (c && c.links === s.doc.links && c.props === el.props && onlyPositionsDiffer(c.elements, s.doc.elements)) return c.facts;
    const next = elementFacts(s.doc, el);
    cache.current = { elements: s.doc.elements, links: s.doc.links, props: el.props, facts: next };
    return next;
  }, factsEqual);
  if (facts.length === 0) return null;
  return (
    <div className="section" data-testid="inspector-facts">
      <div className="section-title">Derived</div>
      <dl className="facts">
        {facts.map((f) => (
          <FactRow key={f.label} fact={f} />
        ))}
      </dl>
    </div>
  );
}

function factsEqual(a: Fact[], b: Fact[]) {
  return a.length === b.length && a.every((f, i) => f.label === b[i]!.label && f.value === b[i]!.value);
}

function FactRow({ fact }: { fact: Fact }) {
  return (
    <>
      <dt>{fact.label}</dt>
      <dd data-testid={fact.testId}>{fact.value}</dd>
      {fact.usage !== undefined && (
        <div className={`meter${fact.usage > 1 ? ' full' : fact.usage > 0.8 ? ' warn' : ''}`}>
          <span style={{ width: `${Math.min(100, fact.usage * 100)}%` }} />
        </div>
      )}
    </>
  );
}

/** A network (or an ACI switch) lists what attaches to it; each row selects that connection. */
function AttachedSection({ el }: { el: Element }) {
  const links = useEditor((s) => s.doc.links);
  const elements = useEditor((s) => s.doc.elements);
  const mine = links.filter((l) => l.from === el.id || l.to === el.id);
  if (mine.length === 0) return null;
  const name = (id: string) => elements.find((e) => e.id === id)?.name ?? id;
  return (
    <div className="section">
      <h3 className="section-title">Attached</h3>
      <ul className="list-plain attached">
        {mine.map((l) => {
          const other = l.from === el.id ? name(l.to) : name(l.from);
          const what = l.kind === 'leaf' ? 'cable' : l.role;
          return (
            <li key={l.id}>
              <button
                className="attached-row"
                onClick={() => editor().select([], [`link:${l.id}`])}
                data-testid={`nic-row-${l.id}`}
                aria-label={`${other}, ${what}, ${l.address ?? l.addressMode}: select this connection`}
              >
                <span>{other}</span>
                <span className="subtle">{what}</span>
                <span className="mono">{l.address ?? l.addressMode}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MultiInspector({ count }: { count: number }) {
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <div className="section" data-testid="inspector-multi">
      <div className="section-title">{count} elements selected</div>
      {!readOnly && (
        <div style={{ display: 'flex', gap: 8 }}>
          <button className="btn outline small" onClick={() => duplicate()}>
            Duplicate
          </button>
          <button className="btn outline small" style={{ color: 'var(--error)' }} onClick={() => requestDelete()}>
            <IconTrash /> Delete
          </button>
        </div>
      )}
    </div>
  );
}

function EdgeInspector({ edgeId }: { edgeId: string }) {
  const parsed = parseEdgeId(edgeId);
  if (parsed?.kind === 'link') return <LinkInspector linkId={parsed.linkId} />;
  if (parsed?.kind === 'ref') return <RefInspector elementId={parsed.elementId} path={parsed.path} />;
  return null;
}

function LinkInspector({ linkId }: { linkId: string }) {
  const link = useEditor((s) => getLink(s.doc, linkId));
  const from = useEditor((s) => (link ? getElement(s.doc, link.from) : undefined));
  const to = useEditor((s) => (link ? getElement(s.doc, link.to) : undefined));
  const readOnly = useEditor((s) => s.readOnly);
  if (!link || !from || !to) return <DocumentInspector />;
  return (
    <div data-testid="inspector" data-link={linkId}>
      <div className="section">
        <div className="section-title">{link.kind === 'leaf' ? 'Leaf cable' : 'Interface (NIC)'}</div>
        <div style={{ fontWeight: 600 }}>
          {from.name} → {to.name}
        </div>
        <div className="subtle mono">{link.id}</div>
      </div>
      {link.kind === 'nic' && (
        <div className="section">
          <InterfaceFields
            link={link as Interface}
            roles={NIC_ROLES[from.kind] ?? []}
            disabled={readOnly}
            prefix="link"
            title="Interface"
          />
        </div>
      )}
      <ElementDiagnostics canvasId={`link:${linkId}`} />
      <CommentButton target={{ kind: 'link', id: linkId }} name="this connection" />
      {!readOnly && (
        <div className="section">
          <button
            className="btn outline small"
            style={{ color: 'var(--error)' }}
            onClick={() => requestDelete()}
            data-testid="inspector-delete"
          >
            <IconTrash /> Delete connection
          </button>
        </div>
      )}
    </div>
  );
}

function RefInspector({ elementId, path }: { elementId: string; path: string }) {
  const el = useEditor((s) => getElement(s.doc, elementId));
  const target = useEditor((s) => {
    if (!el) return undefined;
    const id = path
      .split('.')
      .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), el.props);
    return typeof id === 'string' ? getElement(s.doc, id) : undefined;
  });
  const readOnly = useEditor((s) => s.readOnly);
  if (!el || !target) return <DocumentInspector />;
  return (
    <div data-testid="inspector" data-ref={`${elementId}:${path}`}>
      <div className="section">
        <div className="section-title">Reference</div>
        <div style={{ fontWeight: 600 }}>
          {el.name} → {target.name}
        </div>
        <div className="subtle">
          {fieldLabel(path)} of the {kindInfo[el.kind].label}
        </div>
      </div>
      {!readOnly && (
        <div className="section">
          <button
            className="btn outline small"
            onClick={() => editor().edit((doc) => setReference(doc, elementId, path, null))}
            data-testid="ref-disconnect"
          >
            Disconnect
          </button>
        </div>
      )}
    </div>
  );
}

function DocumentInspector() {
  const doc = useEditor((s) => s.doc);
  const readOnly = useEditor((s) => s.readOnly);
  const diagnostics = useDiagnostics((s) => s.diagnostics);
  const [showDesc] = useState(true);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return (
    <div data-testid="inspector-document">
      <div className="section">
        <div className="section-title">Design</div>
        <Field label="Name" htmlFor="doc-name">
          <input
            id="doc-name"
            className="input"
            value={doc.name}
            disabled={readOnly}
            onChange={(e) => editor().edit((d) => setMeta(d, { name: e.target.value }))}
            data-testid="doc-name-field"
            {...tx('rename design')}
          />
        </Field>
        <Field label="Environment">
          <Select
            value={doc.environment}
            disabled={readOnly}
            testId="doc-environment"
            options={[
              { value: 'lab', label: 'Lab / PoC' },
              { value: 'production', label: 'Production' },
            ]}
            onChange={(v) => v && editor().edit((d) => setMeta(d, { environment: v as 'lab' | 'production' }))}
          />
        </Field>
        {showDesc && (
          <Field label="Description" wide>
            <DescriptionArea value={doc.description} disabled={readOnly} />
          </Field>
        )}
        {doc.origin && <div className="subtle">Origin: {doc.origin}</div>}
      </div>
      <div className="section">
        <div className="section-title">Summary</div>
        <dl className="facts">
          <dt>Elements</dt>
          <dd data-testid="doc-element-count">{doc.elements.length}</dd>
          <dt>Connections (NICs, cables)</dt>
          <dd>{doc.links.length}</dd>
          <dt>Errors</dt>
          <dd>{counts.error}</dd>
          <dt>Warnings</dt>
          <dd>{counts.warning}</dd>
        </dl>
      </div>
      <div className="section subtle">Select an element or a connection to edit it. Shift-drag selects several.</div>
    </div>
  );
}

/** The design's description, named by its Field label. */
function DescriptionArea({ value, disabled }: { value: string; disabled: boolean }) {
  const id = useFieldControlId();
  return (
    <textarea
      id={id}
      className="input"
      rows={4}
      value={value}
      disabled={disabled}
      onChange={(e) => editor().edit((d) => setMeta(d, { description: e.target.value }))}
      {...tx('describe')}
    />
  );
}
