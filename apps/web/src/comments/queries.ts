/**
 * Comment threads through TanStack Query: one query per design (`['comments', designId]`), polled
 * every POLL_MS while the page is visible, and mutations that refresh it. Live sessions call
 * `invalidateComments(designId)` when the server announces `{ type: 'comments-changed' }`, so
 * the poll is only the fallback.
 */
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { useSession, type ServerBinding } from '../store/session.ts';
import * as api from '../persistence/api.ts';
import { authorKey } from './author.ts';

export const POLL_MS = 5_000;

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, err) => count < 2 && !(err instanceof api.ApiError && err.status < 500) } },
});

export const commentsKey = (designId: string) => ['comments', designId] as const;

/** Re-reads the design's comment threads now (wire this to the live session's `comments-changed` event). */
export function invalidateComments(designId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: commentsKey(designId) });
}

/** The token comments are read and written with: the strongest the session holds. */
export function commentToken(server: ServerBinding | null): string | null {
  return server ? (server.editToken ?? server.commentToken ?? server.viewToken) : null;
}

/** Whether the open design's link may write comments (edit or comment scope). */
export function canComment(server: ServerBinding | null): boolean {
  return Boolean(server && (server.editToken || server.commentToken));
}

export function useThreads() {
  const server = useSession((s) => s.server);
  const token = commentToken(server);
  return useQuery({
    queryKey: commentsKey(server?.id ?? ''),
    queryFn: () => api.listThreads(server!.id, token!, authorKey()),
    enabled: Boolean(server && token),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
}

function binding(): { id: string; token: string } {
  const server = useSession.getState().server;
  const token = commentToken(server);
  if (!server || !token) throw new Error('the design is not on the server: save it first to comment');
  return { id: server.id, token };
}

/** A mutation on the open design's comments that refreshes the list when done. */
export function useCommentMutation<V, R>(run: (design: { id: string; token: string; key: string }, vars: V) => Promise<R>) {
  return useMutation({
    mutationFn: (vars: V) => {
      const b = binding();
      return run({ ...b, key: authorKey() }, vars);
    },
    onSettled: () => {
      const id = useSession.getState().server?.id;
      if (id) void invalidateComments(id);
    },
  });
}

/** The open design's threads for an export (fresh when the cache is older than the poll); undefined off the server or on failure. */
export async function threadsForExport(): Promise<api.CommentThread[] | undefined> {
  const server = useSession.getState().server;
  const token = commentToken(server);
  if (!server || !token) return undefined;
  try {
    return await queryClient.fetchQuery({
      queryKey: commentsKey(server.id),
      queryFn: () => api.listThreads(server.id, token, authorKey()),
      staleTime: POLL_MS,
    });
  } catch {
    return undefined;
  }
}
