/** Keeps the canvas markers in step with the latest thread list (one subscription for the whole canvas). */
import { useEffect } from 'react';
import { useThreads } from './queries.ts';
import { useCommentUi } from './store.ts';
import { markersByTarget } from './threads.ts';

export function CommentsSync() {
  const { data } = useThreads();
  useEffect(() => {
    useCommentUi.setState({ markers: markersByTarget(data ?? []) });
  }, [data]);
  return null;
}
