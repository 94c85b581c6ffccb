-- Designs: one row per design with the number of its current version. Every save appends a
-- row to design_versions; the conditional UPDATE on designs.current_version is the optimistic
-- concurrency check, and the (design_id, version) primary key backs it up, so two replicas can
-- never both write the same version.
CREATE TABLE designs (
  id text PRIMARY KEY,
  name text NOT NULL,
  current_version integer NOT NULL CHECK (current_version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE design_versions (
  design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  document jsonb NOT NULL,
  size_bytes integer NOT NULL,
  -- Set when this version was made by restoring an older one.
  restored_from integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (design_id, version)
);

-- Share links. The id is the public half of a token (the selector, used for lookup and rate
-- limiting); only the SHA-256 of the whole token is stored, never the token itself.
CREATE TABLE share_links (
  id text PRIMARY KEY,
  design_id text NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('view', 'edit')),
  token_sha256 text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX share_links_design ON share_links (design_id);
