/** A finding's quick fixes: each previewed (element, field, old → new) before it is applied as one undo step. */
import { useState } from 'react';
import { previewEdit, StaleEditError, type Suggestion } from '@viplane/validator';
import { useEditor } from '../store/editor.ts';
import { applySuggestion } from '../store/problemFocus.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  return JSON.stringify(value);
}

export function QuickFixes({ suggestions }: { suggestions: Suggestion[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="quick-fixes" data-testid="quick-fixes" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {suggestions.map((s, i) => (
        <div key={i} className="quick-fix">
          <button
            className="btn small outline"
            aria-expanded={open === i}
            data-testid="quick-fix"
            onClick={() => setOpen(open === i ? null : i)}
          >
            Fix: {s.title}
          </button>
          {open === i && <Preview suggestion={s} onDone={() => setOpen(null)} />}
        </div>
      ))}
    </div>
  );
}

function Preview({ suggestion, onDone }: { suggestion: Suggestion; onDone(): void }) {
  const doc = useEditor((st) => st.doc);
  const readOnly = useEditor((st) => st.readOnly);
  let changes: ReturnType<typeof previewEdit> | null = null;
  let stale: string | null = null;
  try {
    changes = previewEdit(doc, suggestion.edit);
  } catch (error) {
    if (!(error instanceof StaleEditError)) throw error;
    stale = error.message;
  }
  return (
    <div className="quick-fix-preview" data-testid="quick-fix-preview">
      {stale ? (
        <div className="subtle">{stale}</div>
      ) : (
        <ul>
          {changes!.map((c, i) => (
            <li key={i} data-testid="quick-fix-change">
              <strong>{c.where}</strong> · <span className="mono">{c.field}</span>: <span className="mono">{show(c.before)}</span> →{' '}
              <span className="mono">{show(c.after)}</span>
            </li>
          ))}
        </ul>
      )}
      <button
        className="btn small"
        disabled={stale !== null || readOnly}
        data-testid="quick-fix-apply"
        onClick={() => {
          if (applySuggestion(suggestion)) onDone();
        }}
      >
        Apply
      </button>
    </div>
  );
}
