-- boardroom database schema.
--
-- Every instant is an INTEGER of seconds since 1970-01-01 UTC. Text comes in
-- pairs, *_en and *_zh. The schema version is PRAGMA user_version; a program
-- refuses a database whose version it does not know.
--
-- Columns marked "derived" are filled by the loader (br_db_finalize) after
-- the data is inserted, so data files never have to spell them out.
--
-- A CHECK that a value is one of three or more is written as comparisons
-- joined by OR, not as IN (...): SQLite builds a temporary index for such
-- an IN list each time a statement runs, which is every row of a bulk
-- insert (a fifth of an import's time). Both say the same.

PRAGMA application_id = 1651466610; -- 0x626f6172, "boar"
PRAGMA user_version = 4;

-- Dataset-wide facts: 'title_en', 'title_zh', 'source', 'tz' (IANA name the
-- source's times are in), 'year' (filled in when a typed date has none),
-- 'window_start', 'window_end' (the crisis window, instants; T+0 is its start).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- How far the cast takes part: 'actor' (acts in the story), 'body' (a body
-- whose members are in the cast one by one), 'mentioned' (only named). Only
-- a tier with placed = 1 is placed on a side in the split; the others stay
-- searchable and in the people list.
CREATE TABLE tier (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    placed  INTEGER NOT NULL CHECK (placed IN (0, 1))
) WITHOUT ROWID;

-- People, organisations and groups the source names. tier NULL: placed.
-- headcount is how many people a group stands for (NULL: one, or not
-- known); a seat on a board held by a group counts that many. unreviewed
-- is 1 for an entry made from a name nobody has checked yet (import
-- --create-people). Schema 3 had no unreviewed: such a database is
-- upgraded when written to, and read as if every entry were reviewed.
CREATE TABLE person (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,            -- stable key: 'altman'
    kind      TEXT NOT NULL CHECK (kind = 'person' OR kind = 'org' OR kind = 'group'),
    name_en   TEXT NOT NULL,
    name_zh   TEXT NOT NULL,
    bio_en    TEXT NOT NULL DEFAULT '',
    bio_zh    TEXT NOT NULL DEFAULT '',
    tier      TEXT REFERENCES tier (code),
    headcount INTEGER CHECK (headcount IS NULL OR headcount >= 1),
    unreviewed INTEGER NOT NULL DEFAULT 0 CHECK (unreviewed IN (0, 1))
);

-- Every spelling to find a person by. norm is derived: case-folded, accents
-- and apostrophes and spaces removed (br_text_fold).
CREATE TABLE alias (
    person_id INTEGER NOT NULL REFERENCES person (id),
    alias     TEXT NOT NULL,
    norm      TEXT,
    PRIMARY KEY (person_id, alias)
) WITHOUT ROWID;
CREATE INDEX alias_norm ON alias (norm, person_id);

-- Sides of two kinds (axis): 'line', the lasting position a person holds
-- ('safety', 'accelerationist'), and 'crisis', the stance taken in the
-- crisis itself ('with-board', 'for-return'). Someone with no side of a
-- kind stands on none of it ("none stated", "neither").
CREATE TABLE faction (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,              -- 'safety', 'for-return', ...
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    desc_en TEXT NOT NULL DEFAULT '',
    desc_zh TEXT NOT NULL DEFAULT '',
    axis    TEXT NOT NULL DEFAULT 'line' CHECK (axis IN ('line', 'crisis'))
);

CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind = 'main' OR kind = 'aside' OR
                                    kind = 'background'),
    marker     TEXT,                           -- '主線#07', '花絮5'; NULL if none
    ts         INTEGER NOT NULL,               -- sort instant, in [t_min, t_max]
    t_min      INTEGER NOT NULL,               -- earliest the event can be
    t_max      INTEGER NOT NULL,               -- latest the event can be
    precision  TEXT NOT NULL CHECK (precision = 'minute' OR
                 precision = 'hour' OR precision = 'part_of_day' OR
                 precision = 'day' OR precision = 'month' OR precision = 'year'),
    inferred   INTEGER NOT NULL DEFAULT 0 CHECK (inferred IN (0, 1)),
    time_text  TEXT NOT NULL DEFAULT '',       -- the source's own wording
    title_en   TEXT NOT NULL,
    title_zh   TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    summary_zh TEXT NOT NULL,
    seq        INTEGER,                        -- derived: position in (ts, id) order, from 1
    CHECK (t_min <= ts AND ts <= t_max)
);
-- Markers are unique; most events have none, and only those are indexed.
CREATE UNIQUE INDEX event_marker ON event (marker) WHERE marker IS NOT NULL;
CREATE INDEX event_ts ON event (ts, id, seq);
CREATE INDEX event_seq ON event (seq);
CREATE INDEX event_kind_ts ON event (kind, ts, id);

-- Who took part in an event. ts, faction_id and stance_id are derived: the
-- event's sort instant, and the person's line and crisis stance at that
-- instant (NULL if none).
CREATE TABLE participant (
    event_id   INTEGER NOT NULL REFERENCES event (id),
    person_id  INTEGER NOT NULL REFERENCES person (id),
    role       TEXT NOT NULL CHECK (role = 'actor' OR role = 'subject' OR
                                    role = 'mentioned'),
    ts         INTEGER,
    faction_id INTEGER REFERENCES faction (id),
    stance_id  INTEGER REFERENCES faction (id),
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX participant_person_ts ON participant (person_id, ts, event_id);
-- Only the rows on a side: the tally counts a side's events from them.
CREATE INDEX participant_faction_ts ON participant (faction_id, ts, event_id)
    WHERE faction_id IS NOT NULL;
CREATE INDEX participant_stance_ts ON participant (stance_id, ts, event_id)
    WHERE stance_id IS NOT NULL;

-- Names of role codes ('ceo', 'interim_ceo', 'board', 'chair', ...). part
-- says what the split makes of a role at the organisation whose board it
-- follows: 'chief' (its chief executive, or acting one), 'seat' (a seat on
-- its board), 'chair' (the chair of its board, who also holds a seat),
-- 'officer' (another officer); '' for none of these. The holders of any of
-- them when the crisis window opens are placed from its start.
CREATE TABLE role_title (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    part    TEXT NOT NULL DEFAULT '' CHECK (part IN
              ('', 'chief', 'seat', 'chair', 'officer'))
) WITHOUT ROWID;

-- A role held over an interval [since, until); NULL means open-ended. The
-- events that begin and end it are named when the source shows them.
CREATE TABLE role (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id),
    org_id      INTEGER REFERENCES person (id),
    code        TEXT NOT NULL REFERENCES role_title (code),
    since       INTEGER,
    until       INTEGER,
    since_event INTEGER REFERENCES event (id),
    until_event INTEGER REFERENCES event (id),
    CHECK (since IS NULL OR until IS NULL OR since <= until)
);
CREATE INDEX role_person ON role (person_id, since);

-- A person's side of one kind (axis, as the faction's) from an instant on
-- (since NULL: from the start), tied to the event that shows it.
-- faction_id NULL: from then on on no side of that kind.
CREATE TABLE stance (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id),
    faction_id INTEGER REFERENCES faction (id),
    since      INTEGER,
    event_id   INTEGER REFERENCES event (id),
    note_en    TEXT NOT NULL DEFAULT '',
    note_zh    TEXT NOT NULL DEFAULT '',
    axis       TEXT NOT NULL DEFAULT 'line' CHECK (axis IN ('line', 'crisis')),
    UNIQUE (person_id, axis, since)
);
CREATE INDEX stance_since ON stance (since);

-- What a figure measures: 'board_vote', 'signatures', 'board_size', ...
CREATE TABLE figure_kind (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL
) WITHOUT ROWID;

-- A figure's value from its event on: value out of total (total may be NULL).
-- shown_* is how to print it when the bare numbers say too little ('4:2').
-- It holds until until_event, if the source shows an event that ends it,
-- or until the next figure of its kind replaces it. ts and until are
-- derived: the instant it holds from, and the one it ends at (NULL while
-- it holds).
CREATE TABLE figure (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL REFERENCES figure_kind (code),
    event_id    INTEGER NOT NULL REFERENCES event (id),
    value       INTEGER NOT NULL,
    total       INTEGER,
    shown_en    TEXT NOT NULL DEFAULT '',
    shown_zh    TEXT NOT NULL DEFAULT '',
    ts          INTEGER,
    until_event INTEGER REFERENCES event (id),
    until       INTEGER
);
CREATE INDEX figure_event ON figure (event_id);
CREATE INDEX figure_code_ts ON figure (code, ts);
CREATE INDEX figure_ts ON figure (ts);

-- Where the source contradicts itself, is doubtful, or was damaged.
CREATE TABLE note (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES event (id),
    kind     TEXT NOT NULL CHECK (kind IN
               ('contradiction', 'doubt', 'damage', 'inference')),
    text_en  TEXT NOT NULL,
    text_zh  TEXT NOT NULL
);
CREATE INDEX note_event ON note (event_id);

-- How many events each person takes part in, when they first appear, and
-- from when the split places them on a side (derived): from their first
-- appearance, or from the start of the crisis window for those who then
-- hold a role of a part ('chief', 'seat', 'chair', 'officer') at the
-- organisation followed; NULL for a tier that is not placed.
CREATE TABLE person_stat (
    person_id   INTEGER PRIMARY KEY REFERENCES person (id),
    n_events    INTEGER NOT NULL,
    first_ts    INTEGER,
    placed_from INTEGER
);

-- Events per time bucket, for the ruler under a filter and a busy person's
-- marks on the lanes over columns of days (derived). dim
-- 'kind' counts the events of a kind (key: 0 main, 1 aside, 2 background)
-- per hour, day and 16 days; 'faction' the events with someone then on side
-- key (a line or a crisis stance), the same; 'person' the events of key,
-- per day and 16 days, for people with 1,000 events or more (fewer are
-- counted from their own index). start is a multiple of width (seconds), so
-- a ruler of any span reads a few thousand rows at most, however many
-- events it covers.
CREATE TABLE tally (
    dim   TEXT NOT NULL CHECK (dim = 'person' OR dim = 'kind' OR
                              dim = 'faction'),
    key   INTEGER NOT NULL,
    width INTEGER NOT NULL,
    start INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (dim, key, width, start)
) WITHOUT ROWID;

-- Who stood on which line, and when (derived): a row for each stretch a
-- placed person spent on a line from the instant they are placed
-- (person_stat.placed_from), over [t_from, t_to); t_to is NULL while it
-- lasts. faction_id is 0 for no line stated, and -1 for those of a tier that
-- is not placed, from their first appearance; since is the stance's own
-- instant (NULL: from the start, or no stance). A stretch is cut where the
-- person's crisis stance changes: stance_id is the stance over the row
-- (NULL: neither), stance_since its own instant, stance_event the event that
-- shows it. rank is the person's place in the split's order: people before
-- organisations and groups, each in id order. The key lists a side's people
-- in that order, so a screenful is read without reading the side.
CREATE TABLE side_span (
    faction_id   INTEGER NOT NULL,
    rank         INTEGER NOT NULL,
    t_from       INTEGER NOT NULL,
    t_to         INTEGER,
    person_id    INTEGER NOT NULL REFERENCES person (id),
    since        INTEGER,
    stance_id    INTEGER,
    stance_since INTEGER,
    stance_event INTEGER,
    PRIMARY KEY (faction_id, rank, t_from)
) WITHOUT ROWID;

-- How many stood on each line (0, -1: as in side_span) from ts until the
-- side's next row (derived), so that a count at an instant is one lookup.
CREATE TABLE side_count (
    faction_id INTEGER NOT NULL,
    ts         INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (faction_id, ts)
) WITHOUT ROWID;

-- Everyone in the order the people list shows them (derived): most events
-- first, then by English name, then by id. norms is every alias.norm of the
-- person, each after a space. Folding drops spaces, so a folded query found
-- in norms lies within one alias, and ' ' || query found there begins one:
-- walking pos finds people by any part of a name in the order they are
-- listed, and stops when a screen is full.
CREATE TABLE person_rank (
    pos       INTEGER PRIMARY KEY,             -- 1, 2, ... in list order
    person_id INTEGER NOT NULL UNIQUE REFERENCES person (id),
    norms     TEXT NOT NULL                    -- ' adaabbott aabbott p000001'
);

-- Full-text search over events (derived). Trigram, so that any substring of
-- three or more characters matches, Chinese included. names holds every name
-- and alias of the event's participants. The rowid is the event's seq, so
-- that matches come in time order and page by rowid. Only which events
-- have a trigram is kept (detail = none): a term of three
-- characters is one trigram, and a longer one is its trigrams, each of
-- them in the event, then looked for in the event's texts and names
-- (br_has), so the index of a million events is a fifth of the one with
-- positions. Schema 3 kept positions (detail = full); its databases are
-- read as they are: the same query answers both.
CREATE VIRTUAL TABLE event_fts USING fts5 (
    title_en, title_zh, summary_en, summary_zh, names,
    content = '', detail = none, tokenize = 'trigram'
);

-- One- and two-character search (derived). A trigram cannot match a term
-- shorter than three characters, and in Chinese such terms are words
-- (董事, 辞职 less often than 会, 董). Each run of Han, kana or hangul text
-- is indexed as its overlapping pairs and its last character ("董事会" is
-- "董事 事会 会"): a two-character term is one term here, a one-character term
-- a prefix ("会"*) answered by the one-character prefix index. Only which
-- events match is kept (detail = none). The rowid is the event's seq.
CREATE VIRTUAL TABLE event_gram USING fts5 (
    grams,
    content = '', detail = none, tokenize = 'ascii', prefix = '1'
);
