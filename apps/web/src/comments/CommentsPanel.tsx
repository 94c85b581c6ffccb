/**
 * The right panel's Comments tab: the design's threads (open / resolved / all), each naming its
 * target (a click selects it on the canvas), with replies, resolve / reopen, edit and delete of
 * your own comments; and the form for a new thread on the selection. View links read only.
 */
import { useEffect, useState } from 'react';
import { useEditor } from '../store/editor.ts';
import { useSession } from '../store/session.ts';
import { focusElements } from '../store/actions.ts';
import { canvasApi } from '../store/canvasApi.ts';
import { toast } from '../store/ui.ts';
import * as api from '../persistence/api.ts';
import type { CommentThread } from '../persistence/api.ts';
import { canComment, useCommentMutation, useThreads } from './queries.ts';
import { useCommentUi } from './store.ts';
import { canvasIdOf, filterThreads, targetLabel, targetOfSelection, type ThreadFilter } from './threads.ts';
import { MAX_NAME, setDisplayName, useDisplayName } from './author.ts';

const MAX_BODY = 4000;
const FILTERS: { id: ThreadFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'all', label: 'All' },
];

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function CommentsPanel() {
  const server = useSession((s) => s.server);
  const threads = useThreads();
  const filter = useCommentUi((s) => s.filter);
  const draft = useCommentUi((s) => s.draft);
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const doc = useEditor((s) => s.doc);
  if (!server)
    return (
      <p className="subtle" data-testid="comments-panel">
        Save the design to the server to comment on it.
      </p>
    );
  const writable = canComment(server);
  const selection = targetOfSelection(selectedNodes, selectedEdges);
  const all = threads.data ?? [];
  const shown = filterThreads(all, filter);
  return (
    <div data-testid="comments-panel" className="comments-panel">
      <div className="comments-head">
        <div role="group" aria-label="Show threads" className="seg">
          {FILTERS.map((f) => (
            <button
              key={f.id}
              className={`btn ${filter === f.id ? 'primary' : 'outline'}`}
              aria-pressed={filter === f.id}
              onClick={() => useCommentUi.setState({ filter: f.id })}
            >
              {f.label} ({filterThreads(all, f.id).length})
            </button>
          ))}
        </div>
        {writable && !draft && (
          <button
            className="btn outline"
            disabled={!selection}
            title={selection ? undefined : 'Select an element or a connection first (a point: right-click the canvas, or C)'}
            onClick={() => selection && useCommentUi.setState({ draft: selection })}
            data-testid="comment-add"
          >
            Comment on selection
          </button>
        )}
      </div>
      {!writable && <p className="subtle">This is a view link: you can read comments but not write them.</p>}
      {draft && <NewThread key={JSON.stringify(draft)} targetName={targetLabel(doc, draft)} />}
      {threads.isPending && <div className="subtle">Loading…</div>}
      {threads.error && <div className="field-msg error">Comments could not be read: {errorText(threads.error)}</div>}
      {threads.data && shown.length === 0 && <p className="subtle">No {filter === 'all' ? '' : `${filter} `}comments.</p>}
      <ul className="thread-list" aria-label="Comment threads">
        {shown.map((t) => (
          <ThreadItem key={t.id} thread={t} targetName={targetLabel(doc, t.target)} writable={writable} />
        ))}
      </ul>
    </div>
  );
}

/** The name field, shown until a name is known (asked once, then kept in this browser). */
function NameField({ value, onChange }: { value: string; onChange(v: string): void }) {
  return (
    <label className="comment-name">
      <span className="subtle">Your name (shown with your comments, kept in this browser)</span>
      <input className="input" value={value} maxLength={MAX_NAME} onChange={(e) => onChange(e.target.value)} aria-label="Your name" />
    </label>
  );
}

function useAuthorName() {
  const known = useDisplayName();
  const [typed, setTyped] = useState('');
  const name = known ?? typed.trim();
  const commit = () => {
    if (!known && typed.trim()) setDisplayName(typed);
  };
  return { known, typed, setTyped, name, commit };
}

function NewThread({ targetName }: { targetName: string }) {
  const draft = useCommentUi((s) => s.draft)!;
  const author = useAuthorName();
  const [body, setBody] = useState('');
  const start = useCommentMutation((d, input: { target: api.CommentTarget; author: string; body: string }) =>
    api.startThread(d.id, d.token, d.key, input),
  );
  const submit = () => {
    author.commit();
    start.mutate(
      { target: draft, author: author.name, body },
      {
        onSuccess: (thread) => {
          useCommentUi.setState({ draft: null, openThreadId: thread.id, filter: 'open' });
          toast('Comment added', 'success');
        },
        onError: (err) => toast(`The comment was not saved: ${errorText(err)}`, 'error', 6000),
      },
    );
  };
  return (
    <form
      className="comment-form"
      aria-label={`New comment on ${targetName}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="subtle">
        New comment on <strong>{targetName}</strong>
      </div>
      {!author.known && <NameField value={author.typed} onChange={author.setTyped} />}
      <textarea
        className="input"
        rows={3}
        maxLength={MAX_BODY}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-label="Comment"
        data-autofocus
        autoFocus
      />
      <div className="comment-actions">
        <button type="button" className="btn outline" onClick={() => useCommentUi.setState({ draft: null })}>
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={!author.name || !body.trim() || start.isPending}>
          Post comment
        </button>
      </div>
    </form>
  );
}

function ThreadItem({ thread, targetName, writable }: { thread: CommentThread; targetName: string; writable: boolean }) {
  const open = useCommentUi((s) => s.openThreadId === thread.id);
  const author = useAuthorName();
  const setStatus = useCommentMutation((d, status: 'open' | 'resolved') =>
    api.setThreadStatus(d.id, d.token, d.key, thread.id, status, author.name),
  );
  const first = thread.comments[0];
  const canvasId = canvasIdOf(thread.target);
  const resolved = thread.status === 'resolved';
  useEffect(() => {
    if (open) document.querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, thread.id]);
  return (
    <li className={`thread ${thread.status}`} data-testid="comment-thread" data-thread-id={thread.id} data-status={thread.status}>
      <div className="thread-head">
        <button
          className="link-btn thread-target"
          onClick={() => {
            useCommentUi.setState({ openThreadId: open ? null : thread.id });
            if (canvasId) focusElements([canvasId], 'problem');
            // A thread pinned to a point: the view comes to its marker.
            else if (thread.target.kind === 'point') canvasApi.current?.panTo(thread.target);
          }}
          aria-expanded={open}
          aria-label={`${targetName}: ${first ? `${first.author}: ${first.body.slice(0, 60)}` : 'thread'}`}
        >
          {targetName}
        </button>
        <span className="subtle">
          {thread.comments.length} comment{thread.comments.length === 1 ? '' : 's'}
          {resolved && thread.resolvedBy ? ` · resolved by ${thread.resolvedBy}` : ''}
        </span>
      </div>
      {!open && first && (
        <p className="thread-preview">
          <strong>{first.author}</strong> {first.body}
        </p>
      )}
      {open && (
        <>
          <ul className="comment-list" aria-label={`Comments on ${targetName}`}>
            {thread.comments.map((c) => (
              <CommentItem key={c.id} threadId={thread.id} comment={c} writable={writable} />
            ))}
          </ul>
          {writable && !author.known && <NameField value={author.typed} onChange={author.setTyped} />}
          {writable && (
            <div className="comment-actions">
              <button
                className="btn outline"
                disabled={setStatus.isPending || !author.name}
                title={author.name ? undefined : 'Give your name first'}
                onClick={() => {
                  author.commit();
                  setStatus.mutate(resolved ? 'open' : 'resolved', { onError: (err) => toast(errorText(err), 'error') });
                }}
              >
                {resolved ? 'Reopen' : 'Resolve'}
              </button>
            </div>
          )}
          {writable && !resolved && author.known && <Reply threadId={thread.id} />}
        </>
      )}
    </li>
  );
}

function CommentItem({ threadId, comment, writable }: { threadId: string; comment: api.CommentInfo; writable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const edit = useCommentMutation((d, body: string) => api.editComment(d.id, d.token, d.key, threadId, comment.id, body));
  const remove = useCommentMutation((d) => api.deleteComment(d.id, d.token, d.key, threadId, comment.id));
  return (
    <li className="comment" data-testid="comment" data-mine={comment.mine}>
      <div className="comment-meta">
        <strong>{comment.author}</strong>{' '}
        <time className="subtle" dateTime={comment.createdAt}>
          {new Date(comment.createdAt).toLocaleString()}
        </time>
        {comment.editedAt && <span className="subtle"> (edited)</span>}
      </div>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate(text, { onSuccess: () => setEditing(false), onError: (err) => toast(errorText(err), 'error') });
          }}
        >
          <textarea
            className="input"
            rows={3}
            maxLength={MAX_BODY}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label="Edit comment"
          />
          <div className="comment-actions">
            <button type="button" className="btn outline" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={!text.trim() || edit.isPending}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {writable && comment.mine && !editing && (
        <div className="comment-actions">
          <button className="link-btn" onClick={() => setEditing(true)} aria-label={`Edit your comment: ${comment.body.slice(0, 40)}`}>
            Edit
          </button>
          <button
            className="link-btn"
            onClick={() => {
              if (window.confirm('Delete this comment?')) remove.mutate(undefined, { onError: (err) => toast(errorText(err), 'error') });
            }}
            aria-label={`Delete your comment: ${comment.body.slice(0, 40)}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function Reply({ threadId }: { threadId: string }) {
  const author = useAuthorName();
  const [body, setBody] = useState('');
  const reply = useCommentMutation((d, input: { author: string; body: string }) =>
    api.replyToThread(d.id, d.token, d.key, threadId, input),
  );
  return (
    <form
      className="comment-form"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        author.commit();
        reply.mutate({ author: author.name, body }, { onSuccess: () => setBody(''), onError: (err) => toast(errorText(err), 'error') });
      }}
    >
      {!author.known && <NameField value={author.typed} onChange={author.setTyped} />}
      <textarea className="input" rows={2} maxLength={MAX_BODY} value={body} onChange={(e) => setBody(e.target.value)} aria-label="Reply" />
      <div className="comment-actions">
        <button type="submit" className="btn primary" disabled={!author.name || !body.trim() || reply.isPending}>
          Reply
        </button>
      </div>
    </form>
  );
}
