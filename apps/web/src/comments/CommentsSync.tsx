/**
 * Keeps the canvas markers in step with the latest thread list (one subscription for the whole
 * canvas), and re-reads the threads as soon as the live session announces a comment change
 * (live/session.ts dispatches `viplane:comments-changed`); the poll is only the fallback.
 */
import { useEffect } from 'react';
import { useSession } from '../store/session.ts';
import { invalidateComments, useThreads } from './queries.ts';
import { useCommentUi } from './store.ts';
import { markersByTarget, pointMarkers } from './threads.ts';

export function CommentsSync() {
  const { data } = useThreads();
  const designId = useSession((s) => s.server?.id ?? null);
  useEffect(() => {
    useCommentUi.setState({ markers: markersByTarget(data ?? []), points: pointMarkers(data ?? []) });
  }, [data]);
  useEffect(() => {
    if (!designId) return;
    const refresh = () => void invalidateComments(designId);
    window.addEventListener('viplane:comments-changed', refresh);
    return () => window.removeEventListener('viplane:comments-changed', refresh);
  }, [designId]);
  return null;
}
