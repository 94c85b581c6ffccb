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
import { HistoryPanel } from './panels/History.tsx';
import { Dialogs } from './panels/Dialogs.tsx';
import { installShortcuts } from './shortcuts.ts';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { CommentsSync } from './comments/CommentsSync.tsx';
import { LinkGone } from './share/LinkGone.tsx';
import { useSession } from './store/session.ts';

export function App() {
  const readOnly = useEditor((s) => s.readOnly);
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => installShortcuts(), []);
  const gone = useSession((s) => s.goneLink);
  if (gone) return <LinkGone gone={gone} />;
  return (
    <div className={`app${readOnly ? ' readonly' : ''}`} data-testid="app" data-readonly={readOnly}>
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
  { id: 'history', label: 'History' },
  { id: 'comments', label: 'Comments' },
];

function RightPanel() {
  const tab = useUi((s) => s.rightTab);
  const errors = useDiagnostics((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const warnings = useDiagnostics((s) => s.diagnostics.length) - errors;
  return (
    <aside className="right" aria-label="Details">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            className="tab"
            role="tab"
            aria-selected={tab === t.id}
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
      <div className="panel-body">
        {tab === 'inspect' && <Inspector />}
        {tab === 'problems' && <Problems />}
        {tab === 'trace' && <Tracer />}
        {tab === 'history' && <HistoryPanel />}
        {tab === 'comments' && <CommentsPanel />}
      </div>
    </aside>
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
