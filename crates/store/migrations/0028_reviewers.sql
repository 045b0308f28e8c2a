-- The member of staff a submitted response is assigned to for review (their account's e-mail
-- address), so that two reviewers do not take the same response; NULL while unassigned.
ALTER TABLE responses ADD COLUMN reviewer TEXT;

-- Whether a coding was made without categories ticked for the coder in advance: only such
-- codings count towards agreement between coders. Codings made before this was recorded were
-- made with keyword suggestions ticked, so they do not.
ALTER TABLE codings ADD COLUMN independent BIGINT NOT NULL DEFAULT 0;
