/** Floating canvas controls: zoom, fit, auto-layout, snap to grid, minimap. */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { openDialog, useUi } from '../store/ui.ts';
import { useEditor } from '../store/editor.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { autoLayout } from '../layout/autoLayout.ts';
import { IconFit, IconGrid, IconLayout, IconMap, IconMinus, IconPlus, IconSearch } from '../components/icons.tsx';

const zoomPercent = (s: ReactFlowState) => Math.round(s.transform[2] * 100);

export function CanvasToolbar() {
  const zoom = useStore(zoomPercent);
  const snap = useUi((s) => s.snapToGrid);
  const minimap = useUi((s) => s.showMinimap);
  const readOnly = useEditor((s) => s.readOnly);
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
        <button className="btn icon" title="Auto-layout (Shift+L)" onClick={() => void autoLayout()} data-testid="auto-layout">
          <IconLayout />
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
