-- Mail waiting to go out. A message stays here until delivered; a delivery that fails is
-- retried later with a growing delay, so a mail server that is down delays mail but loses none.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
