/** The diagnostics that target one element (or link), with the rule's docs on demand. */
import { useMemo, useState } from 'react';
import type { Diagnostic } from '@viplane/validator';
import { useDiagnostics, canvasTargets, nestedOwners } from '../../store/diagnostics.ts';
import { editor } from '../../store/editor.ts';
import { SeverityIcon } from '../SeverityIcon.tsx';
import { Markdown } from '../../lib/markdown.tsx';

export function ElementDiagnostics({ canvasId }: { canvasId: string }) {
  const diagnostics = useDiagnostics((s) => s.diagnostics);
  const rules = useDiagnostics((s) => s.rules);
  const mine = useMemo(() => {
    let owners: Map<string, string> | undefined;
    const lazy = () => (owners ??= nestedOwners(editor().doc));
    return diagnostics.filter((d: Diagnostic) => canvasTargets(d, lazy).includes(canvasId));
  }, [diagnostics, canvasId]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="section" data-testid="inspector-diagnostics">
      <div className="section-title">
        Problems <span className={`count${mine.length ? ` ${mine[0]!.severity}` : ''}`}>{mine.length}</span>
      </div>
      {mine.length === 0 && <div className="subtle">No problems found for this element.</div>}
      {mine.map((d, i) => (
        <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 8 }} data-testid="inspector-diagnostic" data-rule={d.ruleId}>
          <SeverityIcon severity={d.severity} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <div>{d.message}</div>
            <div style={{ display: 'flex', gap: 8, marginTop: 2 }}>
              <span className="rule-id subtle">{d.ruleId}</span>
              {rules.get(d.ruleId) && (
                <button className="link-btn" onClick={() => setOpen(open === `${i}` ? null : `${i}`)}>
                  {open === `${i}` ? 'hide docs' : 'why / how to fix'}
                </button>
              )}
            </div>
            {open === `${i}` && rules.get(d.ruleId) && <Markdown source={rules.get(d.ruleId)!.docs} />}
          </div>
        </div>
      ))}
    </div>
  );
}
