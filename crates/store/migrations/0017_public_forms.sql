-- Applications to join come through a public form: each records a hash of the client's
-- address (never the address itself), so the number sent from one client in an hour can be
-- limited across every server sharing the database.
ALTER TABLE member_applications ADD COLUMN client TEXT;
CREATE INDEX member_applications_recent ON member_applications (submitted_at);
