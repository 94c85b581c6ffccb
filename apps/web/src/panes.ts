/**
 * The three working panes in keyboard order: palette → canvas → inspector (the right panel).
 * F6 / Shift+F6 cycle through them (the browser convention for panes) and the skip links at the
 * top of the page jump to one; focus lands where work continues: the palette's current item,
 * the selected element on the canvas, the inspector's first field.
 */
import { editor } from './store/editor.ts';

export type Pane = 'palette' | 'canvas' | 'inspector';
export const PANES: readonly Pane[] = ['palette', 'canvas', 'inspector'];
export const PANE_LABEL: Record<Pane, string> = { palette: 'Skip to palette', canvas: 'Skip to canvas', inspector: 'Skip to inspector' };

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

export function focusPane(pane: Pane): boolean {
  const root = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  if (!root) return false;
  let target: HTMLElement | null = null;
  if (pane === 'palette') target = root.querySelector<HTMLElement>('.palette-item[tabindex="0"]') ?? root.querySelector('input');
  else if (pane === 'canvas') {
    const selected = [...editor().selectedNodes][0];
    target =
      (selected && root.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(selected)}"]`)) ||
      root.querySelector<HTMLElement>('.react-flow__node') ||
      root;
  } else target = root.querySelector('.panel-body')?.querySelector<HTMLElement>(FOCUSABLE) ?? root;
  target?.focus();
  return target !== null;
}

/** The pane that holds the focus now, if any. */
export function currentPane(): Pane | null {
  const el = document.activeElement?.closest<HTMLElement>('[data-pane]');
  return (el?.dataset['pane'] as Pane | undefined) ?? null;
}

/** F6: the next pane that is on screen (the palette is hidden in read-only mode). */
export function cyclePane(step: 1 | -1) {
  const now = currentPane();
  const start = now ? PANES.indexOf(now) : step === 1 ? -1 : 0;
  for (let i = 1; i <= PANES.length; i++) {
    const pane = PANES[(start + step * i + PANES.length * 2) % PANES.length]!;
    const root = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
    if (root && root.offsetParent !== null && focusPane(pane)) return;
  }
}
