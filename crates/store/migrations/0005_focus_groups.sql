-- Participatory sessions of an edition (the 2023 edition held one per language) and what they
-- produced, tied to axes and SDGs so they feed the analysis like answers do.
CREATE TABLE focus_groups (
    id TEXT PRIMARY KEY,
    edition_year BIGINT NOT NULL REFERENCES editions (year) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    language TEXT NOT NULL,
    dynamics TEXT NOT NULL,
    participants TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE focus_group_outputs (
    focus_group_id TEXT NOT NULL REFERENCES focus_groups (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    axis TEXT,
    sdgs TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (focus_group_id, position)
);
