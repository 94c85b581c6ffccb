/**
 * Find (Ctrl+F, ⌘F, or the canvas toolbar): a combobox over the design (find/match.ts). Arrow keys move
 * through the results, Enter selects the result and fits the canvas on it, Escape closes.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { lower, type L3Model } from '@viplane/validator';
import type { TopologyDocument } from '@viplane/model';
import { Modal } from '../components/Modal.tsx';
import { useEditor, editor } from '../store/editor.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { closeDialog, setHighlight, useUi } from '../store/ui.ts';
import { findInDesign, looksLikeAddress, type FindResult } from './match.ts';

// Lowering is the validator's work of a few milliseconds per thousand elements: once per document, and only for addresses.
const models = new WeakMap<TopologyDocument, L3Model>();
function modelOf(doc: TopologyDocument): L3Model {
  let m = models.get(doc);
  if (!m) models.set(doc, (m = lower(doc)));
  return m;
}

export function focusResult(r: FindResult): void {
  if (r.edgeId) editor().select([], [r.edgeId]);
  else editor().select([r.elementId], []);
  setHighlight([r.edgeId ?? r.elementId], 'problem');
  canvasApi.current?.fitNodes([r.elementId]);
  useUi.setState({ rightTab: 'inspect' });
}

export function FindDialog() {
  const doc = useEditor((s) => s.doc);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(() => findInDesign(doc, looksLikeAddress(deferred) ? modelOf(doc) : null, deferred), [doc, deferred]);
  const current = Math.min(active, results.length - 1);
  const pick = (r: FindResult | undefined) => {
    if (!r) return;
    closeDialog();
    focusResult(r);
  };
  return (
    <Modal title="Find" subtitle="By name, id, kind, address or CIDR" medium testId="find-dialog">
      <input
        className="input"
        role="combobox"
        aria-label="Find in the design"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
        placeholder="dp-data-48, 192.168.48.10, 192.168.48.0/22, SE group…"
        value={query}
        data-autofocus
        data-testid="find-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(current + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(current - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(results[current]);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Results" className="find-results" data-testid="find-results">
        {results.map((r, i) => (
          <li
            key={`${r.elementId}|${r.edgeId ?? ''}|${r.why}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            data-testid="find-result"
            data-element={r.elementId}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(r)}
          >
            <span className="find-kind">{r.kind}</span> <strong>{r.name}</strong> <span className="subtle">{r.why}</span>
          </li>
        ))}
      </ul>
      {deferred.trim() !== '' && results.length === 0 && (
        <p className="subtle" role="status" data-testid="find-empty">
          Nothing in the design matches “{deferred.trim()}”.
        </p>
      )}
    </Modal>
  );
}
