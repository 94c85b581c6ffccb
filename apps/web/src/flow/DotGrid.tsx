/**
 * The canvas's dot grid, replacing React Flow's <Background> for speed. <Background> is an SVG
 * pattern whose offset changes on every pan frame, so the whole canvas is painted again each
 * frame; in software rendering (the CI-class machine of performance.md §3.2) that was the
 * largest cost of a pan. Here the dots are a CSS background on a layer of its own that a pan only
 * translates (by the offset modulo one grid step), so panning repaints nothing; only a zoom
 * changes the step and repaints. No React render per frame: the store is read by subscription.
 * Below a 6 px step the grid is hidden (it would be a grey wash).
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

const GAP = 16;
const MIN_STEP = 6;

export function DotGrid() {
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let step = -1;
    const apply = (transform: [number, number, number]) => {
      const el = layer.current;
      if (!el) return;
      const [x, y, zoom] = transform;
      const next = GAP * zoom;
      if (next !== step) {
        step = next;
        el.style.display = step < MIN_STEP ? 'none' : '';
        el.style.setProperty('--step', `${step}px`);
        el.style.setProperty('--dot', `${Math.max(0.6, 0.6 * zoom)}px`);
      }
      if (step < MIN_STEP) return;
      el.style.transform = `translate3d(${mod(x, step)}px, ${mod(y, step)}px, 0)`;
    };
    apply(store.getState().transform);
    return store.subscribe((s, prev) => {
      if (s.transform !== prev.transform) apply(s.transform);
    });
  }, [store]);
  return (
    <div className="react-flow__background vp-grid-host" data-testid="dot-grid">
      <div className="vp-grid" ref={layer} />
    </div>
  );
}

const mod = (a: number, n: number) => ((a % n) + n) % n;
