-- A counter every change to what public pages show increases, so that each server's cache of
-- rendered pages knows when to render them again, whichever server made the change.
CREATE TABLE site_version (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO site_version (id, version) VALUES (1, 0);
