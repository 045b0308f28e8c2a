-- A partner organisation's name in Spanish and French where it differs from the English one
-- (ONU-Hábitat); pages in those languages show it, and the English name where there is none.
ALTER TABLE partners ADD COLUMN name_es TEXT;
ALTER TABLE partners ADD COLUMN name_fr TEXT;
