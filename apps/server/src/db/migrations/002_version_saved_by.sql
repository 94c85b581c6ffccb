-- Which share link saved each version (its id, the public half of the token), so the history can
-- say who saved it by the link's label. Not a foreign key: the first version is written before the
-- links created with the design, and a version outlives a revoked link.
ALTER TABLE design_versions ADD COLUMN saved_by text;
