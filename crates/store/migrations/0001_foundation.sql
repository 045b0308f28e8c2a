-- Portable SQL for SQLite and PostgreSQL alike: integers and 0/1 flags are BIGINT, reals are
-- DOUBLE PRECISION, dates and JSON documents are TEXT, and ids are chosen by the application.

CREATE TABLE editions (
    year BIGINT PRIMARY KEY,
    title_en TEXT NOT NULL,
    title_es TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    focus TEXT NOT NULL,
    status TEXT NOT NULL,
    show_rankings BIGINT NOT NULL DEFAULT 0,
    reported_participants BIGINT,
    milestones TEXT NOT NULL,
    sources TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Each import of a changed framework adds a version; answers will record the version they
-- were given under, so an old version is never rewritten.
CREATE TABLE framework_versions (
    edition_year BIGINT NOT NULL REFERENCES editions (year) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, version)
);

CREATE TABLE cities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    local_name TEXT,
    country TEXT NOT NULL,
    section TEXT NOT NULL,
    metropolis BIGINT NOT NULL DEFAULT 0,
    population BIGINT NOT NULL,
    population_year BIGINT,
    population_source TEXT,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX cities_country ON cities (country);
CREATE INDEX cities_section ON cities (section);

CREATE TABLE members (
    city_id TEXT PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    since BIGINT,
    illustrative BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

CREATE TABLE focal_points (
    city_id TEXT NOT NULL REFERENCES members (city_id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (city_id, position)
);

CREATE TABLE partners (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    link TEXT
);
