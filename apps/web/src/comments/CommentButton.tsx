/** "Comment" in the inspector: starts a new thread on this element or connection in the Comments tab. */
import { useSession } from '../store/session.ts';
import { useUi } from '../store/ui.ts';
import type { CommentTarget } from '../persistence/api.ts';
import { canComment } from './queries.ts';
import { useCommentUi } from './store.ts';

export function startComment(target: CommentTarget) {
  useUi.setState({ rightTab: 'comments' });
  useCommentUi.setState({ draft: target });
}

export function CommentButton({ target, name }: { target: CommentTarget; name: string }) {
  const may = useSession((s) => canComment(s.server));
  if (!may) return null;
  return (
    <div className="section">
      <button
        className="btn outline small"
        onClick={() => startComment(target)}
        aria-label={`Comment on ${name}`}
        data-testid="inspector-comment"
      >
        Comment
      </button>
    </div>
  );
}
