/**
 * Connecting by keyboard, the handles' counterpart of a drag: Enter (or Space) on a focused role
 * handle starts a connection from it; the user moves to the other element (arrow keys, Tab) and
 * presses Enter there, which resolves it exactly as a drop on that element would (the same
 * refusals, the same chooser when several fields accept it). Escape cancels.
 *
 * Why not leave connecting to the inspector alone: its "Add interface" and reference selects cover
 * interfaces and references, but a leaf cable between two ACI switches can only be drawn, and the
 * handles are what the canvas shows a sighted keyboard user. A role handle is in the tab order only
 * inside the selected element (Tab from a node reaches its handles), so walking the canvas does
 * not cost a stop per handle.
 */
import { useCallback, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { connect } from '../store/actions.ts';
import { useUi } from '../store/ui.ts';

/** Enter or Space on a role handle: the connection starts there. */
export function startKeyboardConnect(source: string, handle: string, label: string) {
  useUi.setState({ keyConnect: { source, handle, label }, chooser: null });
}

export function cancelKeyboardConnect() {
  useUi.setState({ keyConnect: null });
}

/**
 * The canvas's capture-phase key handler while a keyboard connection is pending: Enter on a
 * focused element node ends it there, Escape cancels it. Returns true when it took the key.
 */
export function useKeyboardConnectKeys(wrapper: RefObject<HTMLDivElement | null>) {
  return useCallback(
    (e: ReactKeyboardEvent): boolean => {
      const pending = useUi.getState().keyConnect;
      if (!pending) return false;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cancelKeyboardConnect();
        return true;
      }
      if (e.key !== 'Enter') return false;
      const target = e.target as HTMLElement;
      // Enter on a handle (the pending one included) is the handle's own key: it starts anew.
      if (target.closest('.react-flow__handle')) return false;
      const node = target.closest<HTMLElement>('.react-flow__node');
      const id = node?.dataset['id'];
      if (!node || !id) return false;
      e.preventDefault();
      e.stopPropagation();
      cancelKeyboardConnect();
      // The chooser (several fields accept the connection) opens by the target element.
      const box = node.getBoundingClientRect();
      const root = wrapper.current?.getBoundingClientRect();
      connect(pending.source, pending.handle, id, {
        x: box.left + box.width / 2 - (root?.left ?? 0),
        y: box.top + box.height / 2 - (root?.top ?? 0),
      });
      return true;
    },
    [wrapper],
  );
}
