#include "boardroom/split.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"

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
	br_pool_clear(&s->pool);
	memset(s, 0, sizeof(*s));
}

static const char factions_sql[] =
	"SELECT id, slug, name_en, name_zh FROM faction ORDER BY id";

#define MEMBER_COLS                                                            \
	"p.id, p.slug, p.kind, p.name_en, p.name_zh, " BR_TITLES_EN(           \
		"p.id", "?1") ", " BR_TITLES_ZH("p.id", "?1")

/* Everyone who has appeared by ?1, with the faction they then held. */
static const char members_sql[] =
	"SELECT " MEMBER_COLS ", ifnull(s.faction_id, 0), ifnull(s.since, 0)"
	" FROM person p LEFT JOIN stance s ON s.id = (SELECT s2.id"
	"   FROM stance s2 WHERE s2.person_id = p.id"
	"   AND (s2.since IS NULL OR s2.since <= ?1)"
	"   ORDER BY s2.since DESC LIMIT 1)"
	" WHERE p.id IN (SELECT person_id FROM person_stat"
	"   WHERE first_ts <= ?1)"
	" ORDER BY p.kind <> 'person', p.id";

/* One person as the split places them at ?1 (if they have appeared). The
 * people picker asks this for each row it shows: one lookup in
 * person_stat, not a list of everyone who has appeared. */
static const char member_sql[] =
	"SELECT " MEMBER_COLS ", ifnull(s.faction_id, 0), ifnull(s.since, 0),"
	" ifnull(f.slug, ''), ifnull(f.name_en, ''), ifnull(f.name_zh, '')"
	" FROM person p LEFT JOIN stance s ON s.id = (SELECT s2.id"
	"   FROM stance s2 WHERE s2.person_id = p.id"
	"   AND (s2.since IS NULL OR s2.since <= ?1)"
	"   ORDER BY s2.since DESC LIMIT 1)"
	" LEFT JOIN faction f ON f.id = s.faction_id"
	" WHERE p.id = ?2 AND EXISTS (SELECT 1 FROM person_stat ps"
	"   WHERE ps.person_id = p.id AND ps.first_ts <= ?1)";

static const char holders_sql[] =
	"SELECT DISTINCT " MEMBER_COLS ", 0, 0 FROM role r0"
	" JOIN person p ON p.id = r0.person_id"
	" WHERE r0.code IN (?2, ?3) AND r0.org_id IS " BR_CENTRAL_ORG_SQL
	" AND (r0.since IS NULL OR r0.since <= ?1)"
	" AND (r0.until IS NULL OR ?1 < r0.until) ORDER BY p.id";

/* The latest value of each figure at ?1: one pass, ranked per code. */
static const char figures_at_sql[] =
	"SELECT event_id, code, name_en, name_zh, value, total, shown_en,"
	" shown_zh, ts FROM (SELECT f.event_id, f.code, k.name_en, k.name_zh,"
	"  f.value, ifnull(f.total, 0) AS total, f.shown_en, f.shown_zh, e.ts,"
	"  row_number() OVER (PARTITION BY f.code ORDER BY e.ts DESC,"
	"   f.id DESC) AS rn"
	"  FROM figure f JOIN event e ON e.id = f.event_id"
	"  JOIN figure_kind k ON k.code = f.code WHERE e.ts <= ?1)"
	" WHERE rn = 1 ORDER BY code";

static void read_member(sqlite3_stmt *st, struct br_member *m,
			struct br_pool *pool)
{
	m->id = sqlite3_column_int64(st, 0);
	m->slug = br_pool_strdup(pool, br_col(st, 1));
	m->kind = br_pool_strdup(pool, br_col(st, 2));
	m->name[0] = br_pool_strdup(pool, br_col(st, 3));
	m->name[1] = br_pool_strdup(pool, br_col(st, 4));
	m->titles[0] = br_pool_strdup(pool, br_col(st, 5));
	m->titles[1] = br_pool_strdup(pool, br_col(st, 6));
	m->since = sqlite3_column_int64(st, 8);
}

static int load_sides(struct br_db *db, struct br_split *s)
{
	sqlite3_stmt *st = br_db_stmt(db, factions_sql);
	size_t cap = 0, caps[64] = {0};
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_side *side;

		s->sides =
			br_grow(s->sides, s->n_sides, &cap, sizeof(*s->sides));
		side = &s->sides[s->n_sides++];
		memset(side, 0, sizeof(*side));
		side->id = sqlite3_column_int64(st, 0);
		side->slug = br_pool_strdup(&s->pool, br_col(st, 1));
		side->name[0] = br_pool_strdup(&s->pool, br_col(st, 2));
		side->name[1] = br_pool_strdup(&s->pool, br_col(st, 3));
	}
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* Those with no stance at all. */
	s->sides = br_grow(s->sides, s->n_sides, &cap, sizeof(*s->sides));
	memset(&s->sides[s->n_sides], 0, sizeof(s->sides[0]));
	s->sides[s->n_sides].slug = "";
	s->sides[s->n_sides].name[0] = "no side";
	s->sides[s->n_sides].name[1] = "未表态";
	s->n_sides++;

	st = br_db_stmt(db, members_sql);
	sqlite3_bind_int64(st, 1, s->at);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t fac = sqlite3_column_int64(st, 7);
		size_t i;

		for (i = 0; i + 1 < s->n_sides && s->sides[i].id != fac; i++)
			;
		if (i >= BR_ARRAY_SIZE(caps))
			continue;
		s->sides[i].members =
			br_grow(s->sides[i].members, s->sides[i].n, &caps[i],
				sizeof(struct br_member));
		read_member(st, &s->sides[i].members[s->sides[i].n++],
			    &s->pool);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_holders(struct br_db *db, struct br_split *s, const char *a,
			const char *b, struct br_member **out, size_t *n)
{
	sqlite3_stmt *st = br_db_stmt(db, holders_sql);
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, s->at);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = br_grow(*out, *n, &cap, sizeof(**out));
		read_member(st, &(*out)[(*n)++], &s->pool);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_figures(struct br_db *db, struct br_split *s)
{
	sqlite3_stmt *st = br_db_stmt(db, figures_at_sql);
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, s->at);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->figures = br_grow(s->figures, s->n_figures, &cap,
				     sizeof(*s->figures));
		br_figure_read(st, &s->figures[s->n_figures++], &s->pool);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int br_split_at(struct br_db *db, br_instant at, struct br_split *s)
{
	br_split_free(s);
	s->at = at;
	if (load_sides(db, s) < 0 ||
	    load_holders(db, s, "board", "chair", &s->board, &s->n_board) < 0 ||
	    load_holders(db, s, "ceo", "interim_ceo", &s->chiefs,
			 &s->n_chiefs) < 0 ||
	    load_figures(db, s) < 0)
		return -1;
	return 0;
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
		br_strlcpy(slug, br_col(st, 9), 64);
		br_strlcpy(faction[0], br_col(st, 10), 64);
		br_strlcpy(faction[1], br_col(st, 11), 64);
	}
	br_db_reset(st);
	return found;
}

void br_changes_free(struct br_changes *c)
{
	free(c->rows);
	br_pool_clear(&c->pool);
	memset(c, 0, sizeof(*c));
}

/* One row per change: what, ts, event, marker, person, names (2), from (2),
 * to (2). A stance's "from" is the stance it replaced. */
static const char changes_sql[] =
	"SELECT 0, s.since, ifnull(s.event_id, 0),"
	"  ifnull((SELECT marker FROM event WHERE id = s.event_id), ''),"
	"  p.id, p.name_en, p.name_zh,"
	"  ifnull(pf.name_en, ''), ifnull(pf.name_zh, ''), f.name_en, f.name_zh"
	" FROM stance s JOIN person p ON p.id = s.person_id"
	" JOIN faction f ON f.id = s.faction_id"
	" LEFT JOIN stance ps ON ps.id = (SELECT s2.id FROM stance s2"
	"   WHERE s2.person_id = s.person_id AND (s2.since IS NULL"
	"   OR s2.since < s.since) ORDER BY s2.since DESC LIMIT 1)"
	" LEFT JOIN faction pf ON pf.id = ps.faction_id"
	" WHERE s.since > ?1 AND s.since <= ?2"
	" UNION ALL "
	"SELECT 1, r.since, ifnull(r.since_event, 0),"
	"  ifnull((SELECT marker FROM event WHERE id = r.since_event), ''),"
	"  p.id, p.name_en, p.name_zh, '', '', t.name_en, t.name_zh"
	" FROM role r JOIN person p ON p.id = r.person_id"
	" JOIN role_title t ON t.code = r.code"
	" WHERE r.since > ?1 AND r.since <= ?2"
	" UNION ALL "
	"SELECT 2, r.until, ifnull(r.until_event, 0),"
	"  ifnull((SELECT marker FROM event WHERE id = r.until_event), ''),"
	"  p.id, p.name_en, p.name_zh, t.name_en, t.name_zh, '', ''"
	" FROM role r JOIN person p ON p.id = r.person_id"
	" JOIN role_title t ON t.code = r.code"
	" WHERE r.until > ?1 AND r.until <= ?2"
	" UNION ALL "
	"SELECT 3, e.ts, e.id, ifnull(e.marker, ''), 0, k.name_en, k.name_zh,"
	"  '', '', f.shown_en, f.shown_zh"
	" FROM figure f JOIN event e ON e.id = f.event_id"
	" JOIN figure_kind k ON k.code = f.code"
	" WHERE e.ts > ?1 AND e.ts <= ?2"
	" ORDER BY 2, 1, 5";

int br_changes_between(struct br_db *db, br_instant t1, br_instant t2,
		       struct br_changes *out)
{
	sqlite3_stmt *st = br_db_stmt(db, changes_sql);
	struct br_pool *pool = &out->pool;
	int rc;

	out->n = 0;
	br_pool_clear(pool);
	sqlite3_bind_int64(st, 1, t1);
	sqlite3_bind_int64(st, 2, t2);
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
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? (int)out->n : -1;
}
