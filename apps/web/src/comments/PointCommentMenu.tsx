/** The canvas context menu: "Comment here" pins a new thread where the pointer was (Escape or a click elsewhere closes it). */
import { useEffect, useRef } from 'react';
import { closePointMenu, commentAt } from './pointComments.ts';
import { useCommentUi } from './store.ts';

export function PointCommentMenu() {
  const menu = useCommentUi((s) => s.menu);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node | null)) closePointMenu();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [menu]);
  if (!menu) return null;
  return (
    <div
      ref={ref}
      className="chooser"
      style={{ left: menu.left, top: menu.top }}
      role="menu"
      aria-label="Canvas"
      data-testid="canvas-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closePointMenu();
        }
      }}
    >
      <button className="menu-item" role="menuitem" autoFocus onClick={() => commentAt(menu.at)} data-testid="canvas-menu-comment">
        Comment here
      </button>
    </div>
  );
}
