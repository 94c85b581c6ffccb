/**
 * Comments pinned to a point of the canvas: started from the canvas context menu ("Comment here"),
 * the canvas toolbar or the C key (at the centre of the view). The thread lives on the server with
 * the others; nothing of it enters the design document.
 */
import { useSession } from '../store/session.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { toast } from '../store/ui.ts';
import { canComment } from './queries.ts';
import { startComment } from './CommentButton.tsx';
import { useCommentUi } from './store.ts';
import { pointAt } from './threads.ts';

/** Why this design's link cannot start a comment, or null when it can. */
export function whyNoComment(): string | null {
  const server = useSession.getState().server;
  if (!server) return 'Save the design to the server to comment on it.';
  return canComment(server) ? null : 'This is a view link: you can read comments but not write them.';
}

/** A new thread pinned at this flow point (the Comments tab opens with its form). */
export function commentAt(p: { x: number; y: number }): void {
  useCommentUi.setState({ menu: null });
  const why = whyNoComment();
  if (why) {
    toast(why, 'error');
    return;
  }
  startComment(pointAt(p));
}

/** A new thread pinned at the centre of the view: the way without a pointer. */
export function commentAtCentre(): void {
  const api = canvasApi.current;
  if (!api) return;
  commentAt(api.viewportCenter());
}

/** The canvas context menu at `left, top` (pixels in the canvas), pinning to flow point `at`; false when this link cannot comment. */
export function openPointMenu(left: number, top: number, at: { x: number; y: number }): boolean {
  if (whyNoComment()) return false;
  useCommentUi.setState({ menu: { left, top, at } });
  return true;
}

export function closePointMenu(): void {
  if (useCommentUi.getState().menu) useCommentUi.setState({ menu: null });
}
