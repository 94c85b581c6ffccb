/** The comment marker on an element or a connection: a button naming how many threads it has; it opens the first in the panel. */
import { memo } from 'react';
import { useUi } from '../store/ui.ts';
import { useCommentUi, useMarker } from './store.ts';
import { markerLabel } from './threads.ts';
import { IconComment } from '../components/icons.tsx';

/** Shows the Comments tab with this thread expanded. */
export function openThread(threadId: string) {
  useUi.setState({ rightTab: 'comments' });
  useCommentUi.setState({ openThreadId: threadId });
}

function CommentMarkerView({ canvasId, name }: { canvasId: string; name: string }) {
  const marker = useMarker(canvasId);
  if (!marker) return null;
  const resolvedOnly = marker.open === 0;
  return (
    <button
      className={`vp-comment-marker nodrag nopan${resolvedOnly ? ' resolved' : ''}`}
      aria-label={markerLabel(marker, name)}
      title={markerLabel(marker, name)}
      data-testid={`comment-marker-${canvasId}`}
      data-open={marker.open}
      onClick={(e) => {
        e.stopPropagation();
        if (useCommentUi.getState().filter !== 'all') useCommentUi.setState({ filter: resolvedOnly ? 'resolved' : 'open' });
        openThread(marker.firstThreadId);
      }}
    >
      <IconComment width={12} height={12} aria-hidden />
      {resolvedOnly ? '✓' : marker.open}
    </button>
  );
}

export const CommentMarker = memo(CommentMarkerView);
