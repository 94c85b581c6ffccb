/**
 * Arrow keys on the canvas move the selection to the neighbouring element (flow/neighbours.ts)
 * and focus it, so a keyboard user walks the diagram. Shift+arrows are left to React Flow, which
 * moves the selected elements. Installed as the canvas wrapper's capture-phase key handler: it
 * runs before React Flow's own node handler, which would otherwise move the nodes.
 */
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { editor } from '../store/editor.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './mapping.ts';
import { directionOfKey, neighbour, type Box } from './neighbours.ts';

export function useArrowNavigation(wrapper: RefObject<HTMLDivElement | null>) {
  return useCallback(
    (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const direction = directionOfKey(e.key);
      const target = e.target as HTMLElement;
      if (!direction || !target.closest('.react-flow') || isTyping(target)) return;
      const { doc, selectedNodes, measured } = editor();
      if (doc.elements.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const focused = target.closest<HTMLElement>('.react-flow__node')?.dataset['id'];
      const from = focused && selectedNodes.has(focused) ? focused : ([...selectedNodes][0] ?? focused);
      const boxes: Box[] = doc.elements.map((el) => ({
        id: el.id,
        x: el.position.x,
        y: el.position.y,
        width: measured.get(el.id)?.width ?? NODE_WIDTH,
        height: measured.get(el.id)?.height ?? NODE_HEIGHT,
      }));
      // Nothing selected yet: start at the top-left element.
      const next = from ? neighbour(boxes, from, direction) : topLeft(boxes);
      if (!next) return;
      editor().select([next]);
      focusNode(wrapper.current, next);
    },
    [wrapper],
  );
}

/** Focuses an element's node (React Flow pans it into view). */
export function focusNode(root: HTMLElement | null, id: string) {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus());
}

function topLeft(boxes: readonly Box[]): string | null {
  let best: Box | null = null;
  for (const b of boxes) if (!best || b.y + b.x < best.y + best.x) best = b;
  return best?.id ?? null;
}

function isTyping(el: HTMLElement) {
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}
