-- One-time links serve two purposes: the invitation that lets a new account set its first
-- password, and the password reset mailed on request (which lasts an hour, not weeks).
ALTER TABLE invitations ADD COLUMN purpose TEXT NOT NULL DEFAULT 'invitation';
CREATE INDEX invitations_by_user ON invitations (user_id, used_at);
CREATE INDEX sessions_by_user ON sessions (user_id);
