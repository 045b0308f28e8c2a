-- An edition may define a composite index over its numeric questions (JSON).
ALTER TABLE editions ADD COLUMN index_rule TEXT;
