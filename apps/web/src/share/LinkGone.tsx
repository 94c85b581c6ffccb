/** What a revoked or expired share link shows instead of the design: plainly why, and what to do. */
import type { GoneLink } from '../store/session.ts';
import { UnsavedEdits } from '../live/UnsavedEdits.tsx';

export function LinkGone({ gone }: { gone: GoneLink }) {
  const when = gone.at ? new Date(gone.at).toLocaleString() : null;
  const title = gone.reason === 'revoked' ? 'This link was revoked' : 'This link has expired';
  return (
    <main className="link-gone" data-testid="link-gone" data-reason={gone.reason} aria-labelledby="link-gone-title">
      <div className="link-gone-card">
        <h1 id="link-gone-title">{title}</h1>
        <p>
          {gone.reason === 'revoked'
            ? `The design's owner revoked this share link${when ? ` on ${when}` : ''}. It no longer opens the design.`
            : `This share link stopped working${when ? ` on ${when}` : ''}, when it was set to expire.`}
        </p>
        <p>Ask whoever shared the design for a new link.</p>
        <UnsavedEdits />
        <a className="btn primary" href="/">
          Open Viplane
        </a>
      </div>
    </main>
  );
}
