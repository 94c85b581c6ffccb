-- Share links gain a third scope, comment (read + comment, no edit), and the time of their last
-- use, written at most once a minute per link (auth/access.ts), so the share dialog can say which
-- links are still in use without a write on every request.
ALTER TABLE share_links DROP CONSTRAINT share_links_scope_check;
ALTER TABLE share_links ADD CONSTRAINT share_links_scope_check CHECK (scope IN ('view', 'comment', 'edit'));
ALTER TABLE share_links ADD COLUMN last_used_at timestamptz;

-- Comment threads, pinned to an element, a link or a point of the canvas. A thread belongs to the
-- design, not to a version: it stays across saves (an element deleted later leaves the thread
-- with a target the web app and the report call removed).
CREATE TABLE comment_threads (
  id text PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  target_kind text NOT NULL CHECK (target_kind IN ('element', 'link', 'point')),
  -- The element or link id; NULL for a point.
  target_id text,
  x double precision,
  y double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text,
  CHECK ((target_kind = 'point') = (target_id IS NULL)),
  CHECK ((target_kind = 'point') = (x IS NOT NULL AND y IS NOT NULL))
);
CREATE INDEX comment_threads_design ON comment_threads (design_id, created_at);

-- The comments of a thread, oldest first. author_key_sha256 is the SHA-256 of a random key the
-- author's browser keeps (never the key): it decides whose comment may be edited. link_id is the
-- share link it was written through (not a foreign key: a comment outlives a revoked link).
CREATE TABLE comments (
  id text PRIMARY KEY,
  thread_id text NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  author text NOT NULL,
  author_key_sha256 text NOT NULL,
  link_id text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz
);
CREATE INDEX comments_thread ON comments (thread_id, created_at);
CREATE INDEX comments_design ON comments (design_id);
