/** The application shell: top bar, palette, canvas, right panel (inspect / problems / trace), dialogs. */
import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useEditor } from './store/editor.ts';
import { useUi, type RightTab } from './store/ui.ts';
import { useDiagnostics } from './store/diagnostics.ts';
import { Topbar } from './panels/Topbar.tsx';
import { Palette } from './panels/Palette.tsx';
import { Canvas } from './flow/Canvas.tsx';
import { Inspector } from './panels/inspector/Inspector.tsx';
import { Problems } from './panels/Problems.tsx';
import { Tracer } from './panels/Tracer.tsx';
import { FlowsPanel } from './panels/flows/FlowsPanel.tsx';
import { HistoryPanel } from './panels/History.tsx';
import { Dialogs } from './panels/Dialogs.tsx';
import { installShortcuts } from './shortcuts.ts';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { CommentsSync } from './comments/CommentsSync.tsx';
import { LinkGone } from './share/LinkGone.tsx';
import { useSession } from './store/session.ts';
import { installInspectOnSelect } from './store/inspectOnSelect.ts';
import { focusPane, PANE_LABEL, PANES } from './panes.ts';

export function App() {
  const readOnly = useEditor((s) => s.readOnly);
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => installShortcuts(), []);
  useEffect(() => installInspectOnSelect(), []);
  const gone = useSession((s) => s.goneLink);
  if (gone) return <LinkGone gone={gone} />;
  return (
    <div className={`app${readOnly ? ' readonly' : ''}`} data-testid="app" data-readonly={readOnly}>
      <SkipLinks readOnly={readOnly} />
      <Topbar />
      {!readOnly && <Palette />}
      <ReactFlowProvider>
        <Canvas />
      </ReactFlowProvider>
      <RightPanel />
      <Dialogs />
      <CommentsSync />
      <Toasts />
    </div>
  );
}

const TABS: { id: RightTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'problems', label: 'Problems' },
  { id: 'trace', label: 'Trace' },
  { id: 'flows', label: 'Flows' },
  { id: 'history', label: 'History' },
  { id: 'comments', label: 'Comments' },
];

function RightPanel() {
  const tab = useUi((s) => s.rightTab);
  const errors = useDiagnostics((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const warnings = useDiagnostics((s) => s.diagnostics.length) - errors;
  return (
    <aside className="right" aria-label="Details" data-pane="inspector" tabIndex={-1}>
      <div className="tabs" role="tablist" aria-label="Details">
        {TABS.map((t) => (
          <button
            key={t.id}
            className="tab"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="right-panel"
            onClick={() => useUi.setState({ rightTab: t.id })}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
            {t.id === 'problems' && (errors > 0 || warnings > 0) && (
              <span className={`count ${errors ? 'error' : 'warning'}`}>{errors || warnings}</span>
            )}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" id="right-panel" aria-labelledby={`tab-${tab}`}>
        {tab === 'inspect' && <Inspector />}
        {tab === 'problems' && <Problems />}
        {tab === 'trace' && <Tracer />}
        {tab === 'flows' && <FlowsPanel />}
        {tab === 'history' && <HistoryPanel />}
        {tab === 'comments' && <CommentsPanel />}
      </div>
    </aside>
  );
}

/** Skip links: the first stops of the tab order, shown when focused (WCAG 2.4.1). */
function SkipLinks({ readOnly }: { readOnly: boolean }) {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {PANES.filter((p) => !(readOnly && p === 'palette')).map((p) => (
        <button key={p} className="skip-link" onClick={() => focusPane(p)} data-testid={`skip-${p}`}>
          {PANE_LABEL[p]}
        </button>
      ))}
    </nav>
  );
}

function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} data-testid="toast" data-tone={t.tone}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
