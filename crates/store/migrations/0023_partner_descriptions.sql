-- What a partner organisation does with the community, as written in one language and
-- translated into others (JSON of a `Written`: its original language and a text per language).
ALTER TABLE partners ADD COLUMN description TEXT;
