/** Floating canvas controls: network view or free graph, zoom, fit, auto-layout, snap to grid, minimap. */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { openDialog, useUi } from '../store/ui.ts';
import { useEditor } from '../store/editor.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { autoLayout } from '../layout/autoLayout.ts';
import { IconComment, IconFit, IconGrid, IconLayout, IconMap, IconMinus, IconPlus, IconSearch } from '../components/icons.tsx';
import { useSession } from '../store/session.ts';
import { canComment } from '../comments/queries.ts';
import { commentAtCentre } from '../comments/pointComments.ts';
import { setCanvasView, useCanvasView, type CanvasView } from '../store/canvasView.ts';

const VIEWS: { view: CanvasView; label: string; title: string }[] = [
  { view: 'network', label: 'Network', title: 'Network view: networks as buses, elements attached by their interfaces' },
  { view: 'graph', label: 'Graph', title: 'Free graph: every element a box, connections between them' },
];

const zoomPercent = (s: ReactFlowState) => Math.round(s.transform[2] * 100);

export function CanvasToolbar() {
  const zoom = useStore(zoomPercent);
  const snap = useUi((s) => s.snapToGrid);
  const minimap = useUi((s) => s.showMinimap);
  const readOnly = useEditor((s) => s.readOnly);
  const view = useCanvasView((s) => s.view);
  const layoutBusy = useUi((s) => s.layoutBusy);
  const mayComment = useSession((s) => canComment(s.server));
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button
        className="btn icon"
        title="Find (Ctrl+F)"
        aria-label="Find"
        onClick={() => openDialog({ type: 'find' })}
        data-testid="cmd-find"
      >
        <IconSearch />
      </button>
      <div className="view-switch" role="group" aria-label="Canvas view">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            className="btn"
            title={v.title}
            aria-pressed={view === v.view}
            onClick={() => setCanvasView(v.view)}
            data-testid={`view-${v.view}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="sep" />
      <button className="btn icon" title="Zoom out (-)" onClick={() => canvasApi.current?.zoomOut()} data-testid="zoom-out">
        <IconMinus />
      </button>
      <span className="zoom-label" data-testid="zoom-level">
        {zoom}%
      </span>
      <button className="btn icon" title="Zoom in (+)" onClick={() => canvasApi.current?.zoomIn()} data-testid="zoom-in">
        <IconPlus />
      </button>
      <button className="btn icon" title="Zoom to fit (F)" onClick={() => canvasApi.current?.fitAll()} data-testid="zoom-fit">
        <IconFit />
      </button>
      <div className="sep" />
      {!readOnly && (
        <button
          className="btn icon"
          title="Auto-layout (Shift+L)"
          onClick={() => void autoLayout()}
          aria-busy={layoutBusy}
          data-busy={layoutBusy}
          data-testid="auto-layout"
        >
          <IconLayout />
        </button>
      )}
      {mayComment && (
        <button
          className="btn icon"
          title="Add comment at the centre of the view (C)"
          aria-label="Add comment at the centre of the view"
          onClick={commentAtCentre}
          data-testid="comment-at-centre"
        >
          <IconComment />
        </button>
      )}
      <button
        className="btn icon"
        title="Snap to grid (G)"
        aria-pressed={snap}
        onClick={() => useUi.setState({ snapToGrid: !snap })}
        data-testid="snap-toggle"
      >
        <IconGrid />
      </button>
      <button
        className="btn icon"
        title="Minimap (M)"
        aria-pressed={minimap}
        onClick={() => useUi.setState({ showMinimap: !minimap })}
        data-testid="minimap-toggle"
      >
        <IconMap />
      </button>
    </div>
  );
}
