/**
 * Problems, grouped by severity and rule, each rule with its docs (Markdown from the rule
 * module). A click selects, highlights and zooms to the diagnostic's targets and focuses the field
 * at fault in the inspector; a finding's quick fixes are previewed and applied from its row.
 */
import { memo, useMemo, useState } from 'react';
import { compareDiagnostics, type Diagnostic, type Severity } from '@viplane/validator';
import { useDiagnostics, canvasTargets, isValidating, nestedOwners } from '../store/diagnostics.ts';
import { editor, useEditor } from '../store/editor.ts';
import { checkExport, exportFindingsOf, useExportFindings } from '../store/exportFindings.ts';
import { fieldTarget, focusProblem } from '../store/problemFocus.ts';
import { QuickFixes } from './QuickFix.tsx';
import { getElement } from '../document/edits.ts';
import { Markdown } from '../lib/markdown.tsx';
import { SeverityIcon } from './SeverityIcon.tsx';
import { IconChevron } from '../components/icons.tsx';
import type { RuleInfo } from '../validation/protocol.ts';

const SEVERITIES: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Info' },
];
const PAGE = 100;

export const Problems = memo(function Problems() {
  const validated = useDiagnostics((s) => s.diagnostics);
  const doc = useEditor((s) => s.doc);
  const exportFindings = useExportFindings((s) => exportFindingsOf(s, doc));
  const exportChecked = useExportFindings((s) => s.doc === doc);
  const exportBusy = useExportFindings((s) => s.busy);
  const exportDescriptions = useExportFindings((s) => s.descriptions);
  // One list: the export's own findings sort in with the validator's.
  const diagnostics = useMemo(
    () => (exportFindings.length === 0 ? validated : [...validated, ...exportFindings].sort(compareDiagnostics)),
    [validated, exportFindings],
  );
  const rules = useDiagnostics((s) => s.rules);
  const busy = useDiagnostics(isValidating);
  const ms = useDiagnostics((s) => s.ms);
  const error = useDiagnostics((s) => s.error);
  const groups = useMemo(() => {
    const bySeverity = new Map<Severity, Map<string, Diagnostic[]>>();
    for (const d of diagnostics) {
      let rulesOf = bySeverity.get(d.severity);
      if (!rulesOf) bySeverity.set(d.severity, (rulesOf = new Map()));
      const list = rulesOf.get(d.ruleId);
      if (list) list.push(d);
      else rulesOf.set(d.ruleId, [d]);
    }
    return bySeverity;
  }, [diagnostics]);
  const [active, setActive] = useState<Diagnostic | null>(null);

  return (
    <div data-testid="problems" data-busy={busy}>
      <div className="section" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 12px' }}>
        <span className={`dot ${busy ? 'busy' : diagnostics.some((d) => d.severity === 'error') ? 'error' : 'ok'}`} />
        <span className="subtle" data-testid="validation-status">
          {error
            ? `Validator failed: ${error}`
            : busy
              ? 'Validating…'
              : `${diagnostics.length} finding${diagnostics.length === 1 ? '' : 's'} · ${rules.size} rules · ${ms.toFixed(1)} ms in the worker`}
        </span>
        <span style={{ flex: 1 }} />
        <button
          className="btn small outline"
          disabled={exportBusy}
          title="Write the export files in memory and add their own findings (format/*) to this list"
          onClick={() => void checkExport(doc)}
          data-testid="check-export"
        >
          {exportBusy ? 'Checking…' : exportChecked ? 'Export checked' : 'Check export'}
        </button>
      </div>
      {diagnostics.length === 0 && !busy && (
        <div className="empty" data-testid="problems-empty">
          <h3>No problems found</h3>
          Every rule passes for this design.
        </div>
      )}
      {SEVERITIES.map(({ severity, title }) => {
        const byRule = groups.get(severity);
        if (!byRule) return null;
        const total = [...byRule.values()].reduce((n, l) => n + l.length, 0);
        return (
          <details key={severity} open className="sev-group" data-testid={`problems-${severity}`}>
            <summary className="sev-head">
              <IconChevron className="chev" />
              <SeverityIcon severity={severity} />
              {title}
              <span className={`count ${severity}`}>{total}</span>
            </summary>
            {[...byRule.entries()].map(([ruleId, list]) => (
              <RuleGroup
                key={ruleId}
                ruleId={ruleId}
                rule={rules.get(ruleId)}
                exportDescription={exportDescriptions[ruleId]}
                list={list}
                active={active}
                onPick={setActive}
              />
            ))}
          </details>
        );
      })}
    </div>
  );
});

function RuleGroup({
  ruleId,
  rule,
  list,
  active,
  onPick,
  exportDescription,
}: {
  ruleId: string;
  rule: RuleInfo | undefined;
  /** A format check's one line (FORMAT_CHECKS), for export findings. */
  exportDescription?: string | undefined;
  list: Diagnostic[];
  active: Diagnostic | null;
  onPick(d: Diagnostic): void;
}) {
  const [showDocs, setShowDocs] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  return (
    <details open className="rule-group" data-testid={`rule-group-${ruleId}`} data-rule={ruleId}>
      <summary className="rule-head">
        <IconChevron className="chev" />
        <span className="rule-id">{ruleId}</span>
        {ruleId.startsWith('format/') && (
          <span className="chip" data-testid="export-finding" title="Found while writing the export files">
            export
          </span>
        )}
        <span className="count">{list.length}</span>
      </summary>
      {/* Outside the summary: a button inside one is a nested control (axe nested-interactive). */}
      {rule && (
        <button
          className="link-btn rule-docs-toggle"
          onClick={() => setShowDocs(!showDocs)}
          aria-expanded={showDocs}
          data-testid={`rule-docs-toggle-${ruleId}`}
        >
          {showDocs ? 'hide docs' : 'docs'}
          <span className="sr-only"> of {ruleId}</span>
        </button>
      )}
      {rule ? (
        <div className="rule-desc">{rule.description}</div>
      ) : (
        exportDescription && <div className="rule-desc">{exportDescription}</div>
      )}
      {showDocs && rule && (
        <div data-testid={`rule-docs-${ruleId}`}>
          <Markdown source={rule.docs} />
        </div>
      )}
      {list.slice(0, limit).map((d, i) => (
        <DiagnosticRow key={i} d={d} active={d === active} onPick={onPick} />
      ))}
      {list.length > limit && (
        <div className="diag">
          <button className="link-btn" onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, list.length - limit)} more
          </button>
        </div>
      )}
    </details>
  );
}

function DiagnosticRow({ d, active, onPick }: { d: Diagnostic; active: boolean; onPick(d: Diagnostic): void }) {
  const doc = editor().doc;
  let owners: Map<string, string> | undefined;
  const ids = canvasTargets(d, () => (owners ??= nestedOwners(doc)));
  return (
    <div
      className={`diag${active ? ' active' : ''}`}
      role="button"
      tabIndex={0}
      data-testid="diagnostic"
      data-rule={d.ruleId}
      data-targets={ids.join(' ')}
      data-field={fieldTarget(d)?.field}
      onClick={() => {
        onPick(d);
        focusProblem(d);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          onPick(d);
          focusProblem(d);
        }
      }}
    >
      <SeverityIcon severity={d.severity} />
      <div className="msg">
        {d.message}
        <div className="chips">
          {d.targets.map((t, i) => (
            <span key={i} className="chip">
              {getElement(doc, t.id)?.name ?? `${t.kind} ${t.id}`}
            </span>
          ))}
        </div>
        {d.suggestions && d.suggestions.length > 0 && <QuickFixes suggestions={d.suggestions} />}
      </div>
    </div>
  );
}
