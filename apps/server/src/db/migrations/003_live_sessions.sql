-- Live sessions (apps/server/src/live). Every document update a session accepts is appended to
-- live_updates before it is acknowledged, so a restart loses nothing acknowledged; compaction folds
-- the oldest rows into live_state.state (one merged Yjs update). base_version is the stored version
-- the live state last matched, so a save made outside the session (REST, restore) is noticed.
CREATE TABLE live_state (
  design_id text PRIMARY KEY REFERENCES designs (id) ON DELETE CASCADE,
  state bytea NOT NULL,
  base_version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE live_updates (
  id bigserial PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  "update" bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX live_updates_design ON live_updates (design_id, id);

-- Revoking a link must end its open sessions at once on every replica, whichever code path revoked
-- it: the notification comes from the row itself. The channel carries the schema's name, so
-- instances in different schemas of one database (tests) do not hear each other.
CREATE FUNCTION live_link_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL THEN
    PERFORM pg_notify('viplane_live_' || current_schema(), json_build_object('t', 'revoked', 'd', NEW.design_id, 'l', NEW.id)::text);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER share_links_live_revoked AFTER UPDATE OF revoked_at ON share_links
  FOR EACH ROW EXECUTE FUNCTION live_link_revoked();

-- A new current version (a REST save, a restore, a session's own save): sessions open on any replica
-- merge what it changed since the version they last matched (live_state.base_version).
CREATE FUNCTION live_design_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_version > OLD.current_version THEN
    PERFORM pg_notify('viplane_live_' || current_schema(), json_build_object('t', 'v', 'd', NEW.id, 'v', NEW.current_version)::text);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER designs_live_saved AFTER UPDATE OF current_version ON designs
  FOR EACH ROW EXECUTE FUNCTION live_design_saved();
