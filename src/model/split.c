#include "boardroom/split.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

static const char faction_find_sql[] =
	"SELECT id FROM faction WHERE slug = ?1 COLLATE NOCASE"
	" OR name_en = ?1 COLLATE NOCASE OR name_zh = ?1";

int64_t br_faction_find(struct br_db *db, const char *name)
{
	sqlite3_stmt *st = br_db_stmt(db, faction_find_sql);
	int64_t id = 0;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return id;
}

static const char faction_slugs_sql[] =
	"SELECT slug FROM faction ORDER BY axis <> 'line', id";

size_t br_faction_slugs(struct br_db *db, char *buf, size_t len)
{
	sqlite3_stmt *st = br_db_stmt(db, faction_slugs_sql);
	size_t n = 0;

	if (len)
		buf[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW && n + 1 < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
				      br_col(st, 0));
	br_db_reset(st);
	return n < len ? n : len - 1;
}

static const char faction_names_sql[] =
	"SELECT slug, name_en, name_zh FROM faction WHERE id = ?";

int br_faction_names(struct br_db *db, int64_t id, char slug[64],
		     char names[2][64])
{
	sqlite3_stmt *st = br_db_stmt(db, faction_names_sql);
	int found;

	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		br_strlcpy(slug, br_col(st, 0), 64);
		br_strlcpy(names[0], br_col(st, 1), 64);
		br_strlcpy(names[1], br_col(st, 2), 64);
	}
	br_db_reset(st);
	return found;
}

void br_split_free(struct br_split *s)
{
	size_t i;

	for (i = 0; i < s->n_sides; i++)
		free(s->sides[i].members);
	free(s->sides);
	free(s->board);
	free(s->chiefs);
	free(s->figures);
	free(s->past);
	br_pool_clear(&s->pool);
	memset(s, 0, sizeof(*s));
}

static const char factions_sql[] =
	"SELECT id, slug, name_en, name_zh FROM faction WHERE axis = 'line'"
	" ORDER BY id";

/* id, slug, kind, names (2), titles (2), seats; then each query's own. */
#define MEMBER_COLS                                                            \
	"p.id, p.slug, p.kind, p.name_en, p.name_zh, " BR_TITLES_EN(           \
		"p.id",                                                        \
		"?1") ", " BR_TITLES_ZH("p.id",                                \
					"?1") ", ifnull(p.headcount, 1)"

/* How many stood on side ?1 (0: no side) at ?2: one lookup. */
static const char side_count_sql[] =
	"SELECT c.n FROM side_count c WHERE c.faction_id = ?1 AND c.ts <= ?2"
	" ORDER BY c.ts DESC LIMIT 1";

/* The first ?3 (all if negative) on side ?2 at ?1, in the split's order,
 * each with their crisis stance then: a walk of the side's key in that
 * order that stops at the limit. */
static const char side_members_sql[] =
	"SELECT " MEMBER_COLS ", m.faction_id, ifnull(m.since, 0),"
	" ifnull(sf.slug, ''), ifnull(sf.name_en, ''), ifnull(sf.name_zh, ''),"
	" ifnull(m.stance_since, 0), ifnull(se.marker, '')"
	" FROM side_span m JOIN person p ON p.id = m.person_id"
	" LEFT JOIN faction sf ON sf.id = m.stance_id"
	" LEFT JOIN event se ON se.id = m.stance_event"
	" WHERE m.faction_id = ?2 AND m.t_from <= ?1"
	" AND (m.t_to IS NULL OR ?1 < m.t_to)"
	" ORDER BY m.rank LIMIT ?3";

/* One person's latest stance of kind ?3 at ?2: slug, names, since, the
 * marker of its event. A few rows of the index on (person, axis, since). */
static const char stance_at_sql[] =
	"SELECT ifnull(f.slug, ''), ifnull(f.name_en, ''),"
	" ifnull(f.name_zh, ''), ifnull(sa.since, 0),"
	" ifnull((SELECT marker FROM event WHERE id = sa.event_id), '')"
	" FROM stance sa LEFT JOIN faction f ON f.id = sa.faction_id"
	" WHERE sa.person_id = ?1 AND sa.axis = ?3"
	" AND (sa.since IS NULL OR sa.since <= ?2)"
	" ORDER BY sa.since DESC LIMIT 1";

/* One person as the split places them at ?1 (if they are placed by
 * then). The people picker asks this for each row it shows: one lookup in
 * person_stat, not a list of everyone who has appeared. */
static const char member_sql[] =
	"SELECT " MEMBER_COLS ", ifnull(s.faction_id, 0), ifnull(s.since, 0),"
	" ifnull(f.slug, ''), ifnull(f.name_en, ''), ifnull(f.name_zh, '')"
	" FROM person p LEFT JOIN stance s ON s.id = (SELECT s2.id"
	"   FROM stance s2 WHERE s2.person_id = p.id AND s2.axis = 'line'"
	"   AND (s2.since IS NULL OR s2.since <= ?1)"
	"   ORDER BY s2.since DESC LIMIT 1)"
	" LEFT JOIN faction f ON f.id = s.faction_id"
	" WHERE p.id = ?2 AND EXISTS (SELECT 1 FROM person_stat ps"
	"   WHERE ps.person_id = p.id AND ps.placed_from <= ?1)";

/* The holders at ?1 of roles of part ?2 or ?3 at the central
 * organisation; for the board, whether each holds its chair. */
static const char holders_sql[] =
	"SELECT DISTINCT " MEMBER_COLS ", EXISTS (SELECT 1 FROM role rc"
	"   JOIN role_title tc ON tc.code = rc.code WHERE tc.part = 'chair'"
	"   AND rc.person_id = p.id AND rc.org_id IS r0.org_id"
	"   AND (rc.since IS NULL OR rc.since <= ?1)"
	"   AND (rc.until IS NULL OR ?1 < rc.until)), 0 FROM role r0"
	" JOIN role_title t0 ON t0.code = r0.code"
	" JOIN person p ON p.id = r0.person_id"
	" WHERE t0.part IN (?2, ?3) AND r0.org_id IS " BR_CENTRAL_ORG_SQL
	" AND (r0.since IS NULL OR r0.since <= ?1)"
	" AND (r0.until IS NULL OR ?1 < r0.until) ORDER BY p.id";

/* The latest value of each figure at ?1: one lookup per kind, with when
 * it ended (NULL if it holds at ?1) and its event's time. */
static const char figures_at_sql[] =
	"SELECT f.event_id, f.code, k.name_en, k.name_zh, f.value,"
	" ifnull(f.total, 0), f.shown_en, f.shown_zh, f.ts,"
	" iif(f.until <= ?1, f.until, NULL), e.t_min, e.t_max, e.precision,"
	" ifnull(e.marker, '')"
	" FROM figure_kind k JOIN figure f ON f.id = (SELECT f2.id"
	"   FROM figure f2 WHERE f2.code = k.code AND f2.ts <= ?1"
	"   ORDER BY f2.ts DESC, f2.id DESC LIMIT 1)"
	" JOIN event e ON e.id = f.event_id"
	" ORDER BY k.code";

/* The last event at or before ?1. */
static const char last_event_sql[] =
	"SELECT id, ifnull(marker, ''), title_en, title_zh, ts FROM event"
	" WHERE ts <= ?1 ORDER BY ts DESC, id DESC LIMIT 1";

static void read_member(sqlite3_stmt *st, struct br_member *m,
			struct br_pool *pool)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->slug = br_pool_strdup(pool, br_col(st, 1));
	m->kind = br_pool_strdup(pool, br_col(st, 2));
	m->name[0] = br_pool_strdup(pool, br_col(st, 3));
	m->name[1] = br_pool_strdup(pool, br_col(st, 4));
	m->titles[0] = br_pool_strdup(pool, br_col(st, 5));
	m->titles[1] = br_pool_strdup(pool, br_col(st, 6));
	m->seats = sqlite3_column_int64(st, 7);
	m->since = sqlite3_column_int64(st, 9);
	m->stance_slug = m->stance[0] = m->stance[1] = m->stance_marker = "";
}

/* m's crisis stance at instant at, into m (strings in pool). */
static int read_stance(struct br_db *db, struct br_member *m, br_instant at,
		       struct br_pool *pool)
{
	sqlite3_stmt *st = br_db_stmt(db, stance_at_sql);
	int rc;

	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, "crisis", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->stance_slug = br_pool_strdup(pool, br_col(st, 0));
		m->stance[0] = br_pool_strdup(pool, br_col(st, 1));
		m->stance[1] = br_pool_strdup(pool, br_col(st, 2));
		m->stance_since = sqlite3_column_int64(st, 3);
		m->stance_marker = br_pool_strdup(pool, br_col(st, 4));
	}
	br_db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static void add_side(struct br_split *s, size_t *cap, int64_t id,
		     const char *slug, const char *en, const char *zh)
{
	struct br_side *side;

	s->sides = br_grow(s->sides, s->n_sides, cap, sizeof(*s->sides));
	side = &s->sides[s->n_sides++];
	memset(side, 0, sizeof(*side));
	side->id = id;
	side->slug = br_pool_strdup(&s->pool, slug);
	side->name[0] = br_pool_strdup(&s->pool, en);
	side->name[1] = br_pool_strdup(&s->pool, zh);
}

/* The side's count at the instant, and its first limit members, each
 * with their crisis stance. */
static int load_side(struct br_db *db, struct br_split *s, struct br_side *side,
		     size_t limit)
{
	sqlite3_stmt *st = br_db_stmt(db, side_count_sql);
	struct br_member *m;
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, side->id);
	sqlite3_bind_int64(st, 2, s->at);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		side->total = (size_t)sqlite3_column_int64(st, 0);
	br_db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (!side->total)
		return 0;
	st = br_db_stmt(db, side_members_sql);
	sqlite3_bind_int64(st, 1, s->at);
	sqlite3_bind_int64(st, 2, side->id);
	sqlite3_bind_int64(st, 3, limit ? (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		side->members = br_grow(side->members, side->n, &cap,
					sizeof(*side->members));
		m = &side->members[side->n++];
		read_member(st, m, &s->pool);
		m->stance_slug = br_pool_strdup(&s->pool, br_col(st, 10));
		m->stance[0] = br_pool_strdup(&s->pool, br_col(st, 11));
		m->stance[1] = br_pool_strdup(&s->pool, br_col(st, 12));
		m->stance_since = sqlite3_column_int64(st, 13);
		m->stance_marker = br_pool_strdup(&s->pool, br_col(st, 14));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_sides(struct br_db *db, struct br_split *s, size_t limit,
		      unsigned flags)
{
	sqlite3_stmt *st = br_db_stmt(db, factions_sql);
	size_t cap = 0, i;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_side(s, &cap, sqlite3_column_int64(st, 0), br_col(st, 1),
			 br_col(st, 2), br_col(st, 3));
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* Those placed with no line stated, then those not placed. */
	add_side(s, &cap, 0, "", "No line stated", "未表明路线");
	if (flags & BR_SPLIT_EVERYONE)
		add_side(s, &cap, -1, "", "Not placed", "未列入阵营");
	for (i = 0; i < s->n_sides; i++)
		if (load_side(db, s, &s->sides[i], limit) < 0)
			return -1;
	return 0;
}

static int load_holders(struct br_db *db, struct br_split *s, const char *a,
			const char *b, struct br_member **out, size_t *n)
{
	sqlite3_stmt *st = br_db_stmt(db, holders_sql);
	size_t cap = 0, i;
	int rc;

	sqlite3_bind_int64(st, 1, s->at);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = br_grow(*out, *n, &cap, sizeof(**out));
		read_member(st, &(*out)[*n], &s->pool);
		(*out)[(*n)++].chair = sqlite3_column_int(st, 8);
	}
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	for (i = 0; i < *n; i++)
		if (read_stance(db, &(*out)[i], s->at, &s->pool) < 0)
			return -1;
	return 0;
}

static int load_figures(struct br_db *db, struct br_split *s)
{
	sqlite3_stmt *st = br_db_stmt(db, figures_at_sql);
	size_t cap = 0, cap_past = 0;
	struct br_figure f;
	int rc;

	sqlite3_bind_int64(st, 1, s->at);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		br_figure_read(st, &f, &s->pool);
		if (f.ended) {
			s->past = br_grow(s->past, s->n_past, &cap_past,
					  sizeof(*s->past));
			s->past[s->n_past++] = f;
		} else {
			s->figures = br_grow(s->figures, s->n_figures, &cap,
					     sizeof(*s->figures));
			s->figures[s->n_figures++] = f;
		}
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_last(struct br_db *db, struct br_split *s)
{
	sqlite3_stmt *st = br_db_stmt(db, last_event_sql);
	int rc;

	s->last_marker = s->last_title[0] = s->last_title[1] = "";
	sqlite3_bind_int64(st, 1, s->at);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->last_id = sqlite3_column_int64(st, 0);
		s->last_marker = br_pool_strdup(&s->pool, br_col(st, 1));
		s->last_title[0] = br_pool_strdup(&s->pool, br_col(st, 2));
		s->last_title[1] = br_pool_strdup(&s->pool, br_col(st, 3));
		s->last_ts = sqlite3_column_int64(st, 4);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The split's queries run in one read transaction (unless the caller has
 * one open): one snapshot, and one lock of the file rather than one per
 * statement, which at a screenful is most of the time taken. */
int br_split_query(struct br_db *db, br_instant at, size_t limit,
		   unsigned flags, struct br_split *s)
{
	int rc = 0;
	size_t i;

	br_split_free(s);
	s->at = at;
	s->limit = limit;
	br_db_read_begin(db);
	if (load_sides(db, s, limit, flags) < 0 ||
	    load_holders(db, s, "seat", "chair", &s->board, &s->n_board) < 0 ||
	    load_holders(db, s, "chief", "chief", &s->chiefs, &s->n_chiefs) <
		    0 ||
	    load_figures(db, s) < 0 || load_last(db, s) < 0)
		rc = -1;
	if (br_db_read_end(db) < 0)
		rc = -1;
	for (i = 0; i < s->n_board; i++)
		s->board_seats += s->board[i].seats;
	return rc;
}

int br_split_at(struct br_db *db, br_instant at, size_t limit,
		struct br_split *s)
{
	return br_split_query(db, at, limit, 0, s);
}

int br_member_at(struct br_db *db, int64_t person, br_instant at,
		 struct br_member *m, struct br_pool *pool, char slug[64],
		 char faction[2][64])
{
	sqlite3_stmt *st = br_db_stmt(db, member_sql);
	int found;

	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_int64(st, 2, person);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		read_member(st, m, pool);
		br_strlcpy(slug, br_col(st, 10), 64);
		br_strlcpy(faction[0], br_col(st, 11), 64);
		br_strlcpy(faction[1], br_col(st, 12), 64);
	}
	br_db_reset(st);
	if (found && read_stance(db, m, at, pool) < 0)
		return -1;
	return found;
}

static const char tier_sql[] =
	"SELECT ifnull(p.tier, ''), EXISTS (SELECT 1 FROM person_stat ps"
	"   WHERE ps.person_id = p.id AND ps.placed_from <= ?2)"
	" FROM person p WHERE p.id = ?1";

int br_place_at(struct br_db *db, int64_t person, br_instant at,
		struct br_place *out)
{
	sqlite3_stmt *st = br_db_stmt(db, tier_sql);
	int rc, a;

	memset(out, 0, sizeof(*out));
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, at);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		br_strlcpy(out->tier, br_col(st, 0), sizeof(out->tier));
		out->placed = sqlite3_column_int(st, 1);
	}
	br_db_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	for (a = 0; out->placed && a < 2; a++) {
		char *slug = a ? out->stance_slug : out->line_slug;
		char(*names)[64] = a ? out->stance : out->line;

		st = br_db_stmt(db, stance_at_sql);
		sqlite3_bind_int64(st, 1, person);
		sqlite3_bind_int64(st, 2, at);
		sqlite3_bind_text(st, 3, a ? "crisis" : "line", -1,
				  SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			br_strlcpy(slug, br_col(st, 0), 64);
			br_strlcpy(names[0], br_col(st, 1), 64);
			br_strlcpy(names[1], br_col(st, 2), 64);
		}
		br_db_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	return 1;
}

void br_changes_free(struct br_changes *c)
{
	free(c->rows);
	br_pool_clear(&c->pool);
	memset(c, 0, sizeof(*c));
}

/* One row per change: what, ts, event, marker, person, names (2), from (2),
 * to (2), axis. A stance's "from" is the stance of its kind it replaced;
 * "" for none, as is its "to" for a stance to no side. STANCE_CHANGES is
 * its first part, the stances, for br_changes_between and br_moves_of. */
#define STANCE_CHANGES                                                         \
	"SELECT 0, s.since, ifnull(s.event_id, 0),"                            \
	"  ifnull((SELECT marker FROM event WHERE id = s.event_id), ''),"      \
	"  p.id, p.name_en, p.name_zh,"                                        \
	"  ifnull(pf.name_en, ''), ifnull(pf.name_zh, ''),"                    \
	"  ifnull(f.name_en, ''), ifnull(f.name_zh, ''), s.axis"               \
	" FROM stance s JOIN person p ON p.id = s.person_id"                   \
	" LEFT JOIN faction f ON f.id = s.faction_id"                          \
	" LEFT JOIN stance ps ON ps.id = (SELECT s2.id FROM stance s2"         \
	"   WHERE s2.person_id = s.person_id AND s2.axis = s.axis"             \
	"   AND (s2.since IS NULL OR s2.since < s.since)"                      \
	"   ORDER BY s2.since DESC LIMIT 1)"                                   \
	" LEFT JOIN faction pf ON pf.id = ps.faction_id"

static const char changes_sql[] = STANCE_CHANGES
	" WHERE s.since > ?1 AND s.since <= ?2"
	" UNION ALL "
	"SELECT 1, r.since, ifnull(r.since_event, 0),"
	"  ifnull((SELECT marker FROM event WHERE id = r.since_event), ''),"
	"  p.id, p.name_en, p.name_zh, '', '', t.name_en, t.name_zh, ''"
	" FROM role r JOIN person p ON p.id = r.person_id"
	" JOIN role_title t ON t.code = r.code"
	" WHERE r.since > ?1 AND r.since <= ?2"
	" UNION ALL "
	"SELECT 2, r.until, ifnull(r.until_event, 0),"
	"  ifnull((SELECT marker FROM event WHERE id = r.until_event), ''),"
	"  p.id, p.name_en, p.name_zh, t.name_en, t.name_zh, '', '', ''"
	" FROM role r JOIN person p ON p.id = r.person_id"
	" JOIN role_title t ON t.code = r.code"
	" WHERE r.until > ?1 AND r.until <= ?2"
	" UNION ALL "
	"SELECT 3, f.ts, f.event_id,"
	"  ifnull((SELECT marker FROM event WHERE id = f.event_id), ''),"
	"  0, k.name_en, k.name_zh, '', '', f.shown_en, f.shown_zh, ''"
	" FROM figure f JOIN figure_kind k ON k.code = f.code"
	" WHERE f.ts > ?1 AND f.ts <= ?2"
	" ORDER BY 2, 1, 5";

/* One person's stances taken in (?1, ?2], the first ?4: a walk of the
 * stance table's key on (person, axis, since). */
static const char moves_sql[] = STANCE_CHANGES
	" WHERE s.person_id = ?3 AND s.since > ?1 AND s.since <= ?2"
	" ORDER BY 2, s.axis LIMIT ?4";

/* Appends the rows of st to out; SQLITE_DONE, or the error. */
static int read_changes(sqlite3_stmt *st, struct br_changes *out)
{
	struct br_pool *pool = &out->pool;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_change *c;

		out->rows = br_grow(out->rows, out->n, &out->cap,
				    sizeof(*out->rows));
		c = &out->rows[out->n++];
		c->what = (enum br_change_what)sqlite3_column_int(st, 0);
		c->ts = sqlite3_column_int64(st, 1);
		c->event_id = sqlite3_column_int64(st, 2);
		c->marker = br_pool_strdup(pool, br_col(st, 3));
		c->person_id = sqlite3_column_int64(st, 4);
		c->name[0] = br_pool_strdup(pool, br_col(st, 5));
		c->name[1] = br_pool_strdup(pool, br_col(st, 6));
		c->from[0] = br_pool_strdup(pool, br_col(st, 7));
		c->from[1] = br_pool_strdup(pool, br_col(st, 8));
		c->to[0] = br_pool_strdup(pool, br_col(st, 9));
		c->to[1] = br_pool_strdup(pool, br_col(st, 10));
		c->axis = br_pool_strdup(pool, br_col(st, 11));
	}
	br_db_reset(st);
	return rc;
}

int br_moves_of(struct br_db *db, int64_t person, br_instant t1, br_instant t2,
		size_t limit, struct br_changes *out)
{
	sqlite3_stmt *st = br_db_stmt(db, moves_sql);
	size_t before = out->n;

	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
	sqlite3_bind_int64(st, 3, person);
	sqlite3_bind_int64(st, 4, limit ? (int64_t)limit : -1);
	return read_changes(st, out) == SQLITE_DONE ? (int)(out->n - before)
						    : -1;
}

int br_changes_between(struct br_db *db, br_instant t1, br_instant t2,
		       struct br_changes *out)
{
	sqlite3_stmt *st = br_db_stmt(db, changes_sql);

	out->n = 0;
	br_pool_clear(&out->pool);
	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
	return read_changes(st, out) == SQLITE_DONE ? (int)out->n : -1;
}

/* The placed people with a stance taken in (?1, ?2], first mover first. */
static const char movers_sql[] =
	"SELECT s.person_id, min(s.since) AS t FROM stance s"
	" WHERE s.since > ?1 AND s.since <= ?2 AND EXISTS (SELECT 1"
	"   FROM person_stat ps WHERE ps.person_id = s.person_id"
	"   AND ps.placed_from <= ?2)"
	" GROUP BY s.person_id ORDER BY t, s.person_id LIMIT ?3";
static const char movers_count_sql[] =
	"SELECT count(DISTINCT s.person_id) FROM stance s"
	" WHERE s.since > ?1 AND s.since <= ?2 AND EXISTS (SELECT 1"
	"   FROM person_stat ps WHERE ps.person_id = s.person_id"
	"   AND ps.placed_from <= ?2)";

int br_movers_between(struct br_db *db, br_instant t1, br_instant t2,
		      size_t limit, int64_t **ids, size_t *n, int64_t *total)
{
	sqlite3_stmt *st = br_db_stmt(db, movers_count_sql);
	size_t cap = 0;
	int rc;

	*n = 0;
	*total = 0;
	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	st = br_db_stmt(db, movers_sql);
	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
	sqlite3_bind_int64(st, 3, limit ? (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = br_grow(*ids, *n, &cap, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The chief executive's roles at the central organisation that hold at
 * some instant of [?1, ?2], by when they began. The role table is small
 * (the offices of the cast), and the central organisation one lookup. */
static const char tenures_sql[] =
	"SELECT p.id, p.slug, p.name_en, p.name_zh, t.name_en, t.name_zh,"
	" r.since, r.until,"
	" ifnull((SELECT marker FROM event WHERE id = r.since_event), ''),"
	" ifnull((SELECT marker FROM event WHERE id = r.until_event), '')"
	" FROM role r JOIN role_title t ON t.code = r.code"
	" JOIN person p ON p.id = r.person_id"
	" WHERE t.part = 'chief' AND r.org_id IS " BR_CENTRAL_ORG_SQL
	" AND (r.since IS NULL OR r.since <= ?2)"
	" AND (r.until IS NULL OR r.until > ?1)"
	" ORDER BY ifnull(r.since, ?1), r.id LIMIT 256";

static struct br_tenure *add_tenure(struct br_tenure **out, size_t *n,
				    size_t *cap, br_instant from, br_instant to)
{
	struct br_tenure *t;

	*out = br_grow(*out, *n, cap, sizeof(**out));
	t = &(*out)[(*n)++];
	memset(t, 0, sizeof(*t));
	t->slug = t->name[0] = t->name[1] = t->title[0] = t->title[1] = "";
	t->since_marker = t->until_marker = "";
	t->from = from;
	t->to = to;
	return t;
}

int br_tenures_between(struct br_db *db, br_instant t1, br_instant t2,
		       struct br_tenure **out, size_t *cap,
		       struct br_pool *pool)
{
	sqlite3_stmt *st = br_db_stmt(db, tenures_sql);
	br_instant covered = t1; /* held by someone up to here */
	size_t n = 0;
	int rc;

	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int open_start = sqlite3_column_type(st, 6) == SQLITE_NULL;
		int open_end = sqlite3_column_type(st, 7) == SQLITE_NULL;
		br_instant since = sqlite3_column_int64(st, 6);
		br_instant until = sqlite3_column_int64(st, 7);
		br_instant from = open_start || since < t1 ? t1 : since;
		br_instant to = open_end || until > t2 ? t2 : until;
		struct br_tenure *t;

		if (from > covered) /* nobody held it between */
			add_tenure(out, &n, cap, covered, from);
		t = add_tenure(out, &n, cap, from, to);
		t->person_id = sqlite3_column_int64(st, 0);
		t->slug = br_pool_strdup(pool, br_col(st, 1));
		t->name[0] = br_pool_strdup(pool, br_col(st, 2));
		t->name[1] = br_pool_strdup(pool, br_col(st, 3));
		t->title[0] = br_pool_strdup(pool, br_col(st, 4));
		t->title[1] = br_pool_strdup(pool, br_col(st, 5));
		t->began = !open_start && since >= t1;
		t->ended = !open_end && until <= t2;
		t->since_marker = br_pool_strdup(pool, br_col(st, 8));
		t->until_marker = br_pool_strdup(pool, br_col(st, 9));
		if (to > covered)
			covered = to;
	}
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* Nobody at the end: a role ends at its until, so an office vacated
	 * at t2 itself is empty at t2. */
	if (covered < t2 || (n && covered == t2 && (*out)[n - 1].ended &&
			     (*out)[n - 1].to == t2))
		add_tenure(out, &n, cap, covered, t2);
	if (!n)
		add_tenure(out, &n, cap, t1, t2);
	return (int)n;
}

/* A person's stances of one axis before ?3, with the instant the split
 * places them from: the rows br_db's side_span is derived from (a stance
 * before the person is placed holds from then on). */
static const char stretches_sql[] =
	"SELECT ps.placed_from, s.since, ifnull(s.faction_id, 0),"
	" ifnull(s.event_id, 0)"
	" FROM person_stat ps LEFT JOIN stance s ON s.person_id = ps.person_id"
	"  AND s.axis = ?2 AND (s.since IS NULL OR s.since < ?3)"
	" WHERE ps.person_id = ?1 AND ps.placed_from IS NOT NULL"
	"  AND ps.placed_from < ?3"
	" ORDER BY s.since, s.id";

int br_stretches(struct br_db *db, int64_t person, const char *axis,
		 br_instant before, struct br_stretch *out, size_t cap)
{
	sqlite3_stmt *st = br_db_stmt(db, stretches_sql);
	struct br_stretch cur = {0, BR_INSTANT_MAX, 0, 0};
	size_t n = 0;
	int rc, any = 0;

	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, axis, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		br_instant since;

		if (!any) {
			cur.from = sqlite3_column_int64(st, 0);
			any = 1;
		}
		since = sqlite3_column_type(st, 1) == SQLITE_NULL
				? BR_INSTANT_MIN
				: sqlite3_column_int64(st, 1);
		if (since <= cur.from) {
			/* From before they are placed: it holds from then. */
			cur.faction = sqlite3_column_int64(st, 2);
			cur.event_id = sqlite3_column_int64(st, 3);
			continue;
		}
		if (n < cap) {
			cur.to = since;
			out[n++] = cur;
		}
		cur.from = since;
		cur.to = BR_INSTANT_MAX;
		cur.faction = sqlite3_column_int64(st, 2);
		cur.event_id = sqlite3_column_int64(st, 3);
	}
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (any && n < cap)
		out[n++] = cur;
	return (int)n;
}

static const char holdings_sql[] =
	"SELECT r.person_id, p.name_en, p.name_zh, ifnull(p.headcount, 1),"
	" r.since, r.until, ifnull(r.since_event, 0), ifnull(r.until_event, 0)"
	" FROM role r JOIN role_title t ON t.code = r.code"
	" JOIN person p ON p.id = r.person_id"
	" WHERE t.part IN (?1, ?2) AND r.org_id IS " BR_CENTRAL_ORG_SQL
	" AND (r.since IS NULL OR r.since < ?4)"
	" AND (r.until IS NULL OR ?3 < r.until)"
	" ORDER BY r.since, r.id";

int br_holdings(struct br_db *db, const char *a, const char *b, br_instant from,
		br_instant to, struct br_holding **out, size_t *n,
		struct br_pool *pool)
{
	sqlite3_stmt *st = br_db_stmt(db, holdings_sql);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, from);
	sqlite3_bind_int64(st, 4, to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_holding *h;

		*out = br_grow(*out, *n, &cap, sizeof(**out));
		h = &(*out)[(*n)++];
		h->person = sqlite3_column_int64(st, 0);
		h->name[0] = br_pool_strdup(pool, br_col(st, 1));
		h->name[1] = br_pool_strdup(pool, br_col(st, 2));
		h->seats = sqlite3_column_int64(st, 3);
		h->since = sqlite3_column_type(st, 4) == SQLITE_NULL
				   ? BR_INSTANT_MIN
				   : sqlite3_column_int64(st, 4);
		h->until = sqlite3_column_type(st, 5) == SQLITE_NULL
				   ? BR_INSTANT_MAX
				   : sqlite3_column_int64(st, 5);
		h->since_event = sqlite3_column_int64(st, 6);
		h->until_event = sqlite3_column_int64(st, 7);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
