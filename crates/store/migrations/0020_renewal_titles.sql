-- A renewal round's title as written and translated (a JSON document of the texts per language
-- and the original's); `title` keeps the original's text for older readers. Rounds opened
-- before hold NULL and read `title` as written in English.
ALTER TABLE renewal_rounds ADD COLUMN title_written TEXT;
