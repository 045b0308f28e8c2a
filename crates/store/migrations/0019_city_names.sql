-- A city's name in Spanish and French where it differs from the English one (Lisboa,
-- Lisbonne); pages in those languages show it, and the English name where there is none.
ALTER TABLE cities ADD COLUMN name_es TEXT;
ALTER TABLE cities ADD COLUMN name_fr TEXT;
