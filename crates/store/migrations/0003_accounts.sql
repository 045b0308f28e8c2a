-- People who sign in, the one-time links that let them set a password, their sessions, and
-- recent sign-in attempts for rate limiting. Secrets are stored only as hashes.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    city_id TEXT REFERENCES cities (id),
    password_hash TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE sign_in_attempts (
    attempt_key TEXT NOT NULL,
    attempted_at TEXT NOT NULL
);

CREATE INDEX sign_in_attempts_by_key ON sign_in_attempts (attempt_key, attempted_at);
