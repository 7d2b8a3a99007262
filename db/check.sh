#!/bin/sh
# Validates db/dataset.sql: loads schema.sql and the dataset into a fresh
# in-memory database and runs sanity queries. Each query prints one line per
# problem; any output, or any SQL error, makes the script exit non-zero.
#
# Usage (from anywhere): sh db/check.sh
set -eu

cd "$(dirname "$0")/.."

SQLITE=${SQLITE:-sqlite3}
DATASET=${DATASET:-db/dataset.sql}

fail() {
	echo "check.sh: $*" >&2
	exit 1
}

[ -f schema.sql ] || fail "schema.sql not found"
[ -f "$DATASET" ] || fail "$DATASET not found"

# UTF-8 without a byte-order mark.
if [ "$(head -c 3 "$DATASET" | od -An -tx1 | tr -d ' \n')" = "efbbbf" ]; then
	fail "$DATASET starts with a UTF-8 BOM"
fi
if command -v iconv >/dev/null 2>&1; then
	iconv -f UTF-8 -t UTF-8 "$DATASET" >/dev/null 2>&1 ||
		fail "$DATASET is not valid UTF-8"
fi

# Process section: 2023-11-16 00:00 PT .. 2023-11-22 00:00 PT.
LO=1700121600 # 2023-11-16 08:00:00Z
HI=1700640000 # 2023-11-22 08:00:00Z

out=$("$SQLITE" :memory: \
	'.bail on' \
	'PRAGMA foreign_keys = ON;' \
	'.read schema.sql' \
	".read $DATASET" \
	'.mode list' \
	"
-- Schema constants the bounds above rely on.
SELECT 'bad LO/HI constants'
 WHERE $LO != strftime('%s','2023-11-16 08:00:00') + 0
    OR $HI != strftime('%s','2023-11-22 08:00:00') + 0;

-- Markers: exactly 主線#01..主線#21 (main) and 花絮1..花絮16 (aside).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 21),
want(kind, marker) AS (
    SELECT 'main', '主線#' || printf('%02d', i) FROM n
    UNION ALL
    SELECT 'aside', '花絮' || i FROM n WHERE i <= 16)
SELECT 'missing marker: ' || w.marker || ' (' || w.kind || ')'
  FROM want w
 WHERE NOT EXISTS (SELECT 1 FROM event e
                    WHERE e.marker = w.marker AND e.kind = w.kind);
SELECT 'unexpected ' || kind || ' marker: ' || ifnull(marker, 'NULL')
  FROM event
 WHERE (kind = 'main' AND (marker IS NULL OR marker NOT GLOB '主線#[0-9][0-9]'
                           OR CAST(substr(marker, 4) AS INTEGER) NOT BETWEEN 1 AND 21))
    OR (kind = 'aside' AND (marker IS NULL OR marker NOT GLOB '花絮[0-9]*'
                            OR CAST(substr(marker, 3) AS INTEGER) NOT BETWEEN 1 AND 16
                            OR marker != '花絮' || CAST(substr(marker, 3) AS INTEGER)))
    OR (kind = 'background' AND marker IS NOT NULL);
SELECT 'main count ' || count(*) FROM event WHERE kind = 'main' HAVING count(*) != 21;
SELECT 'aside count ' || count(*) FROM event WHERE kind = 'aside' HAVING count(*) != 16;

-- Texts.
SELECT 'event ' || id || ': empty title or summary'
  FROM event
 WHERE trim(title_en) = '' OR trim(title_zh) = ''
    OR trim(summary_en) = '' OR trim(summary_zh) = '';
SELECT 'event ' || id || ': title_en longer than 60 characters'
  FROM event WHERE length(title_en) > 60;
SELECT 'event ' || id || ': pinyin artefact in time_text: ' || time_text
  FROM event WHERE time_text GLOB '*([a-z]*)*';
SELECT 'person ' || slug || ': empty name or bio'
  FROM person
 WHERE trim(name_en) = '' OR trim(name_zh) = ''
    OR trim(bio_en) = '' OR trim(bio_zh) = '';
SELECT 'faction ' || slug || ': empty name or description'
  FROM faction
 WHERE trim(name_en) = '' OR trim(name_zh) = ''
    OR trim(desc_en) = '' OR trim(desc_zh) = '';
SELECT 'note ' || id || ': empty text' FROM note
 WHERE trim(text_en) = '' OR trim(text_zh) = '';
SELECT 'figure ' || id || ': empty shown text' FROM figure
 WHERE trim(shown_en) = '' OR trim(shown_zh) = '';
SELECT 'stance ' || id || ': empty note' FROM stance
 WHERE trim(note_en) = '' OR trim(note_zh) = '';
SELECT 'text contains U+FFFD in ' || t
  FROM (SELECT 'event ' || id AS t, title_en || title_zh || summary_en || summary_zh AS x FROM event
        UNION ALL SELECT 'person ' || slug, name_en || name_zh || bio_en || bio_zh FROM person
        UNION ALL SELECT 'alias ' || alias, alias FROM alias)
 WHERE instr(x, char(65533)) > 0;

-- Times.
SELECT 'event ' || id || ': not t_min <= ts <= t_max'
  FROM event WHERE NOT (t_min <= ts AND ts <= t_max);
SELECT 'event ' || id || ': minute precision but t_min != t_max'
  FROM event WHERE precision = 'minute' AND inferred = 0 AND t_min != t_max;
SELECT 'event ' || COALESCE(marker, id) || ': outside the process window'
  FROM event
 WHERE kind IN ('main', 'aside')
   AND (t_min < $LO OR t_max > $HI OR ts < $LO OR ts > $HI);
SELECT 'event ' || id || ': inferred time without an inference note'
  FROM event e
 WHERE inferred = 1
   AND NOT EXISTS (SELECT 1 FROM note n
                    WHERE n.event_id = e.id AND n.kind = 'inference');
-- The timeline (ts, id) must follow the article's order (ids are assigned
-- in that order for the main line and sidelights).
SELECT 'order: event ' || a.id || ' sorts after event ' || b.id
  FROM event a JOIN event b ON b.id > a.id
 WHERE a.kind IN ('main', 'aside') AND b.kind IN ('main', 'aside')
   AND a.ts >= b.ts;
SELECT 'main order: ' || a.marker || ' sorts after ' || b.marker
  FROM event a JOIN event b
    ON a.kind = 'main' AND b.kind = 'main' AND a.marker < b.marker
 WHERE a.ts >= b.ts;

-- Participants.
SELECT 'event ' || COALESCE(marker, id) || ': no participant'
  FROM event e
 WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.event_id = e.id);
SELECT 'derived column filled in: ' || t
  FROM (SELECT 'alias.norm' AS t FROM alias WHERE norm IS NOT NULL
        UNION ALL SELECT 'participant.ts' FROM participant WHERE ts IS NOT NULL
        UNION ALL SELECT 'participant.faction_id' FROM participant
                   WHERE faction_id IS NOT NULL
        UNION ALL SELECT 'participant.stance_id' FROM participant
                   WHERE stance_id IS NOT NULL
        UNION ALL SELECT 'figure.until' FROM figure WHERE until IS NOT NULL)
 GROUP BY t;

-- Roles.
SELECT 'role ' || r.id || ': since_event ' || r.since_event || ' does not exist'
  FROM role r
 WHERE r.since_event IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = r.since_event);
SELECT 'role ' || r.id || ': until_event ' || r.until_event || ' does not exist'
  FROM role r
 WHERE r.until_event IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = r.until_event);
SELECT 'role ' || r.id || ': since != ts of since_event'
  FROM role r LEFT JOIN event e ON e.id = r.since_event
 WHERE (r.since_event IS NULL) != (r.since IS NULL)
    OR (r.since_event IS NOT NULL AND r.since IS NOT e.ts);
SELECT 'role ' || r.id || ': until != ts of until_event'
  FROM role r LEFT JOIN event e ON e.id = r.until_event
 WHERE (r.until_event IS NULL) != (r.until IS NULL)
    OR (r.until_event IS NOT NULL AND r.until IS NOT e.ts);
SELECT 'role ' || r.id || ': org_id is not an organisation'
  FROM role r JOIN person o ON o.id = r.org_id
 WHERE o.kind != 'org';
SELECT 'role overlap: ' || p.slug || ' ' || a.code || ' roles ' || a.id || ' and ' || b.id
  FROM role a JOIN role b
    ON a.person_id = b.person_id AND a.code = b.code
   AND a.org_id IS b.org_id AND a.id < b.id
  JOIN person p ON p.id = a.person_id
 WHERE COALESCE(a.since, -1e18) < COALESCE(b.until, 1e18)
   AND COALESCE(b.since, -1e18) < COALESCE(a.until, 1e18);
SELECT 'two CEOs of ' || o.slug || ' at the ts of event ' || e.id
  FROM event e JOIN role r ON r.code IN ('ceo', 'interim_ceo')
  JOIN person o ON o.id = r.org_id
 WHERE (r.since IS NULL OR r.since <= e.ts) AND (r.until IS NULL OR e.ts < r.until)
 GROUP BY e.id, o.id HAVING count(*) > 1;

-- Stances.
SELECT 'stance ' || s.id || ': event ' || s.event_id || ' does not exist'
  FROM stance s
 WHERE s.event_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = s.event_id);
SELECT 'stance ' || s.id || ': since != ts of its event'
  FROM stance s LEFT JOIN event e ON e.id = s.event_id
 WHERE (s.since IS NOT NULL AND (s.event_id IS NULL OR s.since IS NOT e.ts));
SELECT 'person ' || slug || ': no tier' FROM person WHERE tier IS NULL;
SELECT 'stance ' || s.id || ': ' || p.slug || ' is of a tier not placed'
  FROM stance s JOIN person p ON p.id = s.person_id
  JOIN tier t ON t.code = p.tier
 WHERE t.placed = 0;
SELECT 'stance ' || s.id || ': faction ' || f.slug || ' is not a ' || s.axis
  FROM stance s JOIN faction f ON f.id = s.faction_id
 WHERE f.axis <> s.axis;
SELECT 'person ' || p.slug || ': more than one ' || s.axis || ' with since NULL'
  FROM person p JOIN stance s ON s.person_id = p.id AND s.since IS NULL
 GROUP BY p.id, s.axis HAVING count(*) > 1;
SELECT 'stance ' || b.id || ': no change from the previous stance of ' || p.slug
  FROM stance b JOIN person p ON p.id = b.person_id
 WHERE b.since IS NOT NULL
   AND b.faction_id IS (SELECT a.faction_id FROM stance a
                         WHERE a.person_id = b.person_id AND a.axis = b.axis
                           AND (a.since IS NULL OR a.since < b.since)
                         ORDER BY a.since IS NULL, a.since DESC LIMIT 1)
   AND (b.faction_id IS NOT NULL OR EXISTS (SELECT 1 FROM stance a
         WHERE a.person_id = b.person_id AND a.axis = b.axis
           AND (a.since IS NULL OR a.since < b.since)));

-- Figures and notes.
SELECT 'figure ' || f.id || ': event ' || f.event_id || ' does not exist'
  FROM figure f
 WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = f.event_id);
SELECT 'figure ' || f.id || ': until_event ' || f.until_event || ' does not exist'
  FROM figure f
 WHERE f.until_event IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = f.until_event);
SELECT 'figure ' || id || ': value > total' FROM figure
 WHERE total IS NOT NULL AND value > total;
SELECT 'note ' || n.id || ': event ' || n.event_id || ' does not exist'
  FROM note n
 WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = n.event_id);

-- Meta.
WITH want(key) AS (VALUES ('title_en'), ('title_zh'), ('source'), ('tz'),
                          ('year'), ('window_start'), ('window_end'))
SELECT 'meta: missing ' || key FROM want
 WHERE key NOT IN (SELECT key FROM meta WHERE trim(value) != '');
SELECT 'meta: ' || key || ' is not an integer: ' || value
  FROM meta
 WHERE key IN ('window_start', 'window_end', 'year')
   AND (value = '' OR value GLOB '*[^0-9]*');
SELECT 'meta: window_start >= window_end'
  FROM meta s, meta e
 WHERE s.key = 'window_start' AND e.key = 'window_end'
   AND CAST(s.value AS INTEGER) >= CAST(e.value AS INTEGER);

-- Foreign keys.
SELECT 'foreign key: ' || \"table\" || ' rowid ' || ifnull(rowid, '?') || ' -> ' || parent
  FROM pragma_foreign_key_check;
") || fail "sqlite3 failed while loading or checking the dataset"

if [ -n "$out" ]; then
	printf '%s\n' "$out" >&2
	fail "$(printf '%s\n' "$out" | wc -l | tr -d ' ') problem(s)"
fi

counts=$("$SQLITE" :memory: '.bail on' '.read schema.sql' ".read $DATASET" \
	"SELECT group_concat(t || '=' || n, ' ') FROM (
	   SELECT 'person' AS t, count(*) AS n FROM person
	   UNION ALL SELECT 'alias', count(*) FROM alias
	   UNION ALL SELECT 'faction', count(*) FROM faction
	   UNION ALL SELECT 'event', count(*) FROM event
	   UNION ALL SELECT 'participant', count(*) FROM participant
	   UNION ALL SELECT 'role', count(*) FROM role
	   UNION ALL SELECT 'stance', count(*) FROM stance
	   UNION ALL SELECT 'figure', count(*) FROM figure
	   UNION ALL SELECT 'note', count(*) FROM note);")
echo "check.sh: ok ($counts)"
