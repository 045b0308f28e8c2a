-- The secretariat's search synonyms, per language: one group of equivalent words per line,
-- words separated by commas ("bici, bicicleta"). Queries are widened with them.
CREATE TABLE search_synonyms (
    lang TEXT PRIMARY KEY,
    groups TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
