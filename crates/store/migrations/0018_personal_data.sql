-- Accounts the secretariat disabled: they cannot sign in and their sessions are ended; a
-- disabled account is enabled again by clearing the column.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
-- Decided applications are erased after a set time: their decision day is what counts.
CREATE INDEX member_applications_decided ON member_applications (status, decided_at);
