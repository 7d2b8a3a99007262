#include "boardroom/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "boardroom/text.h"
#include "model/model.h"

/* Defined by the build from schema.sql and db/dataset.sql (tools/embed.c). */
extern const char br_schema_sql[];
extern const char br_dataset_sql[];

struct stmt_slot {
	char *sql;
	sqlite3_stmt *stmt;
};

struct br_db {
	sqlite3 *conn;
	struct br_meta meta;
	struct stmt_slot *stmts;
	size_t n_stmts, cap_stmts;
	int check_plans;     /* explain each new statement */
	char *plan_problems; /* what the checks found, "" if nothing */
	size_t problems_len;
	char *path;	  /* the file, for messages; owned */
	char errmsg[640]; /* the last br_db_errmsg */
};

static void fold_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text;
	char *folded;

	(void)argc;
	text = sqlite3_value_text(argv[0]);
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	folded = br_text_fold((const char *)text);
	sqlite3_result_text(ctx, folded, -1, free);
}

/* br_grams(text): the one- and two-character search terms of text. */
static void grams_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text = sqlite3_value_text(argv[0]);

	(void)argc;
	if (!text) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, br_text_grams((const char *)text), -1, free);
}

/* How long to wait for another program's lock on the database. */
#define BUSY_MS 2000

static struct br_db *db_new(sqlite3 *conn, const char *path)
{
	struct br_db *db = br_xcalloc(1, sizeof(*db));

	db->conn = conn;
	db->path = br_xstrdup(path);
	sqlite3_extended_result_codes(conn, 1);
	sqlite3_busy_timeout(conn, BUSY_MS);
	sqlite3_create_function(conn, "br_fold", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, fold_func, NULL, NULL);
	sqlite3_create_function(conn, "br_grams", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, grams_func, NULL, NULL);
	return db;
}

void br_db_close(struct br_db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < db->n_stmts; i++) {
		sqlite3_finalize(db->stmts[i].stmt);
		free(db->stmts[i].sql);
	}
	free(db->stmts);
	free(db->plan_problems);
	free(db->path);
	sqlite3_close(db->conn);
	free(db);
}

sqlite3 *br_db_handle(struct br_db *db)
{
	return db->conn;
}

const struct br_meta *br_db_meta(const struct br_db *db)
{
	return &db->meta;
}

const char *br_db_errmsg(struct br_db *db)
{
	br_db_explain(db->conn, db->path, db->errmsg, sizeof(db->errmsg));
	return db->errmsg;
}

/* Whether a plan step reads a whole large table, or sorts rows in a
 * temporary b-tree. Tables whose size is the number of events: event
 * and participant, under the aliases the queries give them; those the
 * split reads at an instant, whose size grows with the cast and the
 * figures: side_span, side_count, figure and stance; and of people: person,
 * alias and person_rank. */
static int bad_step(const char *detail)
{
	static const char *const big[] = {
		"SCAN e",	  "SCAN event",	      "SCAN d",
		"SCAN pa",	  "SCAN participant", "SCAN m",
		"SCAN side_span", "SCAN c",	      "SCAN side_count",
		"SCAN f",	  "SCAN f2",	      "SCAN figure",
		"SCAN p",	  "SCAN person",      "SCAN a",
		"SCAN alias",	  "SCAN r",	      "SCAN person_rank",
		"SCAN sa",	  "SCAN stance"};
	size_t i, n;

	if (strstr(detail, "TEMP B-TREE"))
		return 1;
	for (i = 0; i < BR_ARRAY_SIZE(big); i++) {
		n = strlen(big[i]);
		if (!strncmp(detail, big[i], n) &&
		    (detail[n] == '\0' || detail[n] == ' ') &&
		    !strstr(detail, "USING"))
			return 1;
	}
	return 0;
}

/* Explains sql and records the steps bad_step finds, with the SQL. */
static void check_plan(struct br_db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *explain;
	size_t len = strlen(sql) + 32;

	/* The timeline's queries: those whose driving table has a row per
	 * event (the composer in event.c names them so); the split's at an
	 * instant: a side's members, its count, the figures, a member's
	 * stance, the last event (split.c names them so); and the people
	 * picker's, driven by aliases or by the list order (people.c). Other
	 * statements read one event or one person, or tables the size of the
	 * cast in a command that lists them all. */
	if (!strstr(sql, " FROM event e WHERE 1") &&
	    !strstr(sql, " FROM participant d ") &&
	    !strstr(sql, " FROM event_fts s ") &&
	    !strstr(sql, " FROM event_gram s ") &&
	    !strstr(sql, " FROM side_span m ") &&
	    !strstr(sql, " FROM side_count c ") &&
	    !strstr(sql, " FROM figure_kind k JOIN figure f ") &&
	    !strstr(sql, " FROM stance sa ") &&
	    !strstr(sql, " FROM event WHERE ts <= ") &&
	    !strstr(sql, " FROM alias a WHERE a.norm ") &&
	    !strstr(sql, " FROM person_rank r "))
		return;
	explain = br_xmalloc(len);
	snprintf(explain, len, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(db->conn, explain, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *detail =
				(const char *)sqlite3_column_text(st, 3);
			size_t add;

			/* A sort inside a correlated subquery sorts one
			 * event's few rows; only the outer query's count. */
			if (!detail || !bad_step(detail) ||
			    (strstr(detail, "TEMP B-TREE") &&
			     sqlite3_column_int(st, 1) != 0))
				continue;
			add = strlen(detail) + strlen(sql) + 16;
			db->plan_problems = br_xrealloc(db->plan_problems,
							db->problems_len + add);
			db->problems_len += (size_t)snprintf(
				db->plan_problems + db->problems_len, add,
				"%s\n  in: %s\n", detail, sql);
		}
		sqlite3_finalize(st);
	}
	free(explain);
}

sqlite3_stmt *br_db_stmt(struct br_db *db, const char *sql)
{
	struct stmt_slot *slot;
	size_t i;

	for (i = 0; i < db->n_stmts; i++) {
		if (!strcmp(db->stmts[i].sql, sql)) {
			sqlite3_reset(db->stmts[i].stmt);
			sqlite3_clear_bindings(db->stmts[i].stmt);
			return db->stmts[i].stmt;
		}
	}
	if (db->n_stmts == db->cap_stmts) {
		db->cap_stmts = db->cap_stmts ? db->cap_stmts * 2 : 32;
		db->stmts = br_xrealloc(db->stmts,
					db->cap_stmts * sizeof(*db->stmts));
	}
	slot = &db->stmts[db->n_stmts];
	if (sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &slot->stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "boardroom: internal error: %s\nin: %s\n",
			sqlite3_errmsg(db->conn), sql);
		abort();
	}
	slot->sql = br_xstrdup(sql);
	db->n_stmts++;
	if (db->check_plans)
		check_plan(db, sql);
	return slot->stmt;
}

void br_db_check_plans(struct br_db *db, int on)
{
	db->check_plans = on;
}

const char *br_db_plan_problems(const struct br_db *db)
{
	return db->plan_problems ? db->plan_problems : "";
}

void br_db_reset(sqlite3_stmt *stmt)
{
	sqlite3_reset(stmt);
}

int br_db_exec(struct br_db *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(db->conn, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : "SQL error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static const char meta_sql[] = "SELECT key, value FROM meta";

/* Reads the meta table into db->meta; -1 if a required key is missing. */
static int load_meta(struct br_db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, meta_sql);
	struct br_meta *m = &db->meta;
	int have = 0;

	memset(m, 0, sizeof(*m));
	br_strlcpy(m->tz, "America/Los_Angeles", sizeof(m->tz));
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *val = (const char *)sqlite3_column_text(st, 1);

		if (!key || !val)
			continue;
		if (!strcmp(key, "window_start")) {
			m->window_start = strtoll(val, NULL, 10);
			have |= 1;
		} else if (!strcmp(key, "window_end")) {
			m->window_end = strtoll(val, NULL, 10);
			have |= 2;
		} else if (!strcmp(key, "year")) {
			m->year = atoi(val);
		} else if (!strcmp(key, "tz")) {
			br_strlcpy(m->tz, val, sizeof(m->tz));
		} else if (!strcmp(key, "title_en")) {
			br_strlcpy(m->title[BR_LANG_EN], val,
				   sizeof(m->title[0]));
		} else if (!strcmp(key, "title_zh")) {
			br_strlcpy(m->title[BR_LANG_ZH], val,
				   sizeof(m->title[0]));
		}
	}
	br_db_reset(st);
	if (have != 3) {
		snprintf(err, errlen,
			 "meta has no crisis window "
			 "(window_start, window_end)");
		return -1;
	}
	if (!m->year) {
		time_t t = (time_t)m->window_start;
		struct tm tm;

		gmtime_r(&t, &tm);
		m->year = tm.tm_year + 1900;
	}
	return 0;
}

/* The derived columns, from the data. Every name is an alias too. */
static const char derive_aliases_sql[] =
	"INSERT OR IGNORE INTO alias (person_id, alias)"
	"  SELECT id, name_en FROM person UNION ALL"
	"  SELECT id, name_zh FROM person UNION ALL SELECT id, slug FROM "
	"person;"
	"UPDATE alias SET norm = br_fold(alias) WHERE norm IS NULL;";

/* A participant's line and crisis stance are the person's latest of each
 * kind at or before the event's instant (a stance to no side gives NULL). */
static const char derive_participants_sql[] =
	"UPDATE participant SET ts = (SELECT ts FROM event"
	"  WHERE event.id = participant.event_id);"
	"UPDATE participant SET faction_id = (SELECT s.faction_id FROM stance s"
	"  WHERE s.person_id = participant.person_id AND s.axis = 'line'"
	"    AND (s.since IS NULL OR s.since <= participant.ts)"
	"  ORDER BY s.since DESC LIMIT 1),"
	" stance_id = (SELECT s.faction_id FROM stance s"
	"  WHERE s.person_id = participant.person_id AND s.axis = 'crisis'"
	"    AND (s.since IS NULL OR s.since <= participant.ts)"
	"  ORDER BY s.since DESC LIMIT 1);";

/* A stance names a faction of its own kind. */
static const char stance_axis_sql[] =
	"SELECT s.id, f.slug, f.axis FROM stance s"
	" JOIN faction f ON f.id = s.faction_id WHERE f.axis <> s.axis LIMIT 1";

static int check_stances(struct br_db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, stance_axis_sql);
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		snprintf(err, errlen,
			 "stance %lld: faction '%s' is a %s side, not the "
			 "stance's kind",
			 (long long)sqlite3_column_int64(st, 0), br_col(st, 1),
			 br_col(st, 2));
	else if (rc != SQLITE_DONE)
		snprintf(err, errlen, "%s", sqlite3_errmsg(db->conn));
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* seq numbers the events in (ts, id) order: a position is then one
 * lookup, and the search index pages in time order by rowid. */
static const char derive_seq_sql[] =
	"UPDATE event SET seq = x.r FROM (SELECT id, row_number() OVER"
	"  (ORDER BY ts, id) AS r FROM event) AS x"
	" WHERE x.id = event.id AND event.seq IS NOT x.r;";

/* The counts, and from when the split places each person: not at all for
 * a tier that is not placed; for the directors and officers of the
 * organisation followed (those who hold a role of a part there when the
 * crisis window opens), from when they took that role (NULL: from the
 * first event on) if that is earlier than their first appearance; else
 * from their first appearance. */
#define WINDOW_START_SQL                                                       \
	"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'window_start')"
static const char derive_stats_sql[] =
	"DELETE FROM person_stat;"
	"INSERT INTO person_stat (person_id, n_events, first_ts)"
	"  SELECT person_id, count(*), min(ts) FROM participant"
	"  GROUP BY person_id;"
	"UPDATE person_stat SET placed_from = CASE"
	" WHEN first_ts IS NULL OR EXISTS (SELECT 1 FROM person p"
	"   JOIN tier t ON t.code = p.tier"
	"   WHERE p.id = person_stat.person_id AND t.placed = 0) THEN NULL"
	" ELSE min(first_ts, ifnull((SELECT min(ifnull(r.since,"
	"   (SELECT min(ts) FROM event))) FROM role r"
	"   JOIN role_title rt ON rt.code = r.code"
	"   WHERE r.person_id = person_stat.person_id AND rt.part <> ''"
	"   AND r.org_id IS " BR_CENTRAL_ORG_SQL
	"   AND (r.since IS NULL OR r.since <= " WINDOW_START_SQL ")"
	"   AND (r.until IS NULL OR " WINDOW_START_SQL " < r.until)),"
	"   first_ts)) END;";

/* The ruler's tallies (schema.sql, tally). Each dimension is read through
 * its index in (key, ts) order and counted here, so nothing is sorted: a
 * bucket is complete when the key or its start changes. A faction counts
 * an event once however many of its people were on that side; those rows
 * come together in the index order. */
static const br_instant tally_widths[] = {BR_TALLY_HOUR, BR_TALLY_DAY,
					  BR_TALLY_SPAN};

static const struct {
	const char *dim;
	int distinct;
	size_t from_width; /* the first of tally_widths kept */
	const char *sql;
} tally_sources[] = {
	{"person", 0, 1,
	 "SELECT pa.person_id, pa.ts, pa.event_id FROM person_stat ps"
	 " JOIN participant pa ON pa.person_id = ps.person_id"
	 " WHERE ps.n_events >= ?1 AND pa.ts IS NOT NULL"
	 " ORDER BY pa.person_id, pa.ts, pa.event_id"},
	{"kind", 0, 0,
	 "SELECT CASE kind WHEN 'main' THEN 0 WHEN 'aside' THEN 1 ELSE 2 END,"
	 " ts, id FROM event ORDER BY kind, ts, id"},
	{"faction", 1, 0,
	 "SELECT faction_id, ts, event_id FROM participant"
	 " WHERE faction_id IS NOT NULL AND ts IS NOT NULL"
	 " ORDER BY faction_id, ts, event_id"},
	{"faction", 1, 0,
	 "SELECT stance_id, ts, event_id FROM participant"
	 " WHERE stance_id IS NOT NULL AND ts IS NOT NULL"
	 " ORDER BY stance_id, ts, event_id"},
};

static const char tally_insert_sql[] =
	"INSERT INTO tally (dim, key, width, start, n) VALUES (?, ?, ?, ?, ?)";

struct tally {
	sqlite3_stmt *insert;
	const char *dim;
	int64_t key;
	br_instant start[3];
	int64_t n[3];
};

static int tally_flush(struct tally *t, size_t w)
{
	int rc;

	if (!t->n[w])
		return 0;
	sqlite3_bind_text(t->insert, 1, t->dim, -1, SQLITE_STATIC);
	sqlite3_bind_int64(t->insert, 2, t->key);
	sqlite3_bind_int64(t->insert, 3, tally_widths[w]);
	sqlite3_bind_int64(t->insert, 4, t->start[w]);
	sqlite3_bind_int64(t->insert, 5, t->n[w]);
	rc = sqlite3_step(t->insert);
	br_db_reset(t->insert);
	t->n[w] = 0;
	return rc == SQLITE_DONE ? 0 : -1;
}

static int derive_tally(struct br_db *db, char *err, size_t errlen)
{
	struct tally t = {0};
	size_t d, w;
	int rc;

	err[0] = '\0';
	rc = br_db_exec(db, "DELETE FROM tally", err, errlen);

	t.insert = br_db_stmt(db, tally_insert_sql);
	for (d = 0; rc == 0 && d < BR_ARRAY_SIZE(tally_sources); d++) {
		sqlite3_stmt *st = br_db_stmt(db, tally_sources[d].sql);
		int64_t last_event = 0;
		int have = 0, step;

		t.dim = tally_sources[d].dim;
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_int64(st, 1, BR_TALLY_MIN_EVENTS);
		while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t key = sqlite3_column_int64(st, 0);
			br_instant ts = sqlite3_column_int64(st, 1);
			int64_t ev = sqlite3_column_int64(st, 2);

			if (have && key == t.key && tally_sources[d].distinct &&
			    ev == last_event)
				continue;
			for (w = tally_sources[d].from_width;
			     w < BR_ARRAY_SIZE(tally_widths); w++) {
				br_instant b =
					br_bucket_start(ts, tally_widths[w]);

				if (have && (key != t.key || b != t.start[w]) &&
				    tally_flush(&t, w) < 0)
					rc = -1;
				t.start[w] = b;
				t.n[w]++;
			}
			t.key = key;
			last_event = ev;
			have = 1;
		}
		br_db_reset(st);
		if (rc == 0 && step != SQLITE_DONE)
			rc = -1;
		for (w = 0; rc == 0 && w < BR_ARRAY_SIZE(tally_widths); w++)
			rc = tally_flush(&t, w);
		memset(t.n, 0, sizeof(t.n));
	}
	if (rc < 0 && !*err)
		snprintf(err, errlen, "%s", sqlite3_errmsg(db->conn));
	return rc;
}

/* A figure holds from its event's instant until the instant of the event
 * that ends it or of the next figure of its kind, whichever comes first. */
static const char derive_figures_sql[] =
	"UPDATE figure SET ts = (SELECT ts FROM event"
	"  WHERE event.id = figure.event_id);"
	"UPDATE figure SET until = (SELECT min(x) FROM ("
	"  SELECT e.ts AS x FROM event e WHERE e.id = figure.until_event"
	"  UNION ALL SELECT (SELECT f2.ts FROM figure f2"
	"   WHERE f2.code = figure.code AND (f2.ts, f2.id) > (figure.ts,"
	"   figure.id) ORDER BY f2.ts, f2.id LIMIT 1)));";

/* The lines from the instant each person is placed on, cut where their
 * crisis stance changes, so that a row carries both. On each kind a stance
 * lasts until the person's next one of that kind, in (since, id) order with
 * NULL first; a stance followed by another from the start never holds.
 * Before a person's first stance of a kind, and after one to no side, they
 * stand on none of it (0). A row is where a stretch on a line meets one of
 * a crisis stance. Those of a tier not placed are on -1 from their first
 * appearance. Then the running count of each line at every instant it
 * changes (a person's rows follow one another, so they count once). */
static const char derive_sides_sql[] =
	"DELETE FROM side_span;"
	"DELETE FROM side_count;"
	"WITH ranked AS (SELECT ps.person_id, ps.first_ts, ps.placed_from,"
	"   row_number() OVER (ORDER BY p.kind <> 'person', p.id) AS rank"
	"   FROM person_stat ps JOIN person p ON p.id = ps.person_id"
	"   WHERE ps.first_ts IS NOT NULL)"
	" INSERT INTO side_span (faction_id, rank, t_from, t_to, person_id,"
	"  since)"
	" SELECT -1, rank, first_ts, NULL, person_id, NULL FROM ranked"
	" WHERE placed_from IS NULL;"
	"WITH seen AS (SELECT ps.person_id, ps.placed_from AS first,"
	"   row_number() OVER (ORDER BY p.kind <> 'person', p.id) AS rank,"
	"   ps.placed_from FROM person_stat ps JOIN person p"
	"   ON p.id = ps.person_id WHERE ps.first_ts IS NOT NULL),"
	" placed AS (SELECT * FROM seen WHERE placed_from IS NOT NULL),"
	" st AS (SELECT s.person_id, s.axis, ifnull(s.faction_id, 0)"
	"   AS faction_id, s.since, s.id, s.event_id FROM stance s"
	"   JOIN placed ON placed.person_id = s.person_id"
	"   UNION ALL SELECT person_id, 'line', 0, NULL, 0, NULL FROM placed"
	"   UNION ALL SELECT person_id, 'crisis', 0, NULL, 0, NULL FROM "
	"placed),"
	" spans AS (SELECT person_id, axis, faction_id, since, event_id,"
	"   lead(id) OVER w AS next_id, lead(since) OVER w AS next_since"
	"   FROM st WINDOW w AS (PARTITION BY person_id, axis"
	"   ORDER BY since, id)),"
	" cut AS (SELECT * FROM (SELECT sp.person_id, sp.axis, sp.faction_id,"
	"   sp.since, sp.event_id, max(p.first, ifnull(sp.since, p.first))"
	"   AS t_from, sp.next_id, sp.next_since AS t_to FROM spans sp"
	"   JOIN placed p ON p.person_id = sp.person_id)"
	"   WHERE next_id IS NULL OR t_to > t_from),"
	" l AS MATERIALIZED (SELECT * FROM cut WHERE axis = 'line'),"
	" c AS MATERIALIZED (SELECT * FROM cut WHERE axis = 'crisis')"
	" INSERT INTO side_span (faction_id, rank, t_from, t_to, person_id,"
	"  since, stance_id, stance_since, stance_event)"
	" SELECT l.faction_id, p.rank, max(l.t_from, c.t_from),"
	"  CASE WHEN l.t_to IS NULL THEN c.t_to WHEN c.t_to IS NULL"
	"  THEN l.t_to ELSE min(l.t_to, c.t_to) END, l.person_id, l.since,"
	"  nullif(c.faction_id, 0), c.since, c.event_id"
	" FROM l JOIN c ON c.person_id = l.person_id"
	" JOIN placed p ON p.person_id = l.person_id"
	" WHERE (l.t_to IS NULL OR c.t_from < l.t_to)"
	" AND (c.t_to IS NULL OR l.t_from < c.t_to);"
	"INSERT INTO side_count (faction_id, ts, n)"
	" SELECT faction_id, ts, sum(sum(d)) OVER (PARTITION BY faction_id"
	"  ORDER BY ts)"
	" FROM (SELECT faction_id, t_from AS ts, 1 AS d FROM side_span"
	"  UNION ALL SELECT faction_id, t_to, -1 FROM side_span"
	"  WHERE t_to IS NOT NULL)"
	" GROUP BY faction_id, ts;";

/* The people list's order and every person's folded aliases in one row
 * (schema.sql, person_rank). It follows both the aliases and the counts. */
static const char derive_rank_sql[] =
	"DELETE FROM person_rank;"
	"INSERT INTO person_rank (pos, person_id, norms)"
	" SELECT row_number() OVER (ORDER BY ifnull(s.n_events, 0) DESC,"
	"   p.name_en, p.id), p.id,"
	"  ifnull((SELECT group_concat(' ' || a.norm, '') FROM alias a"
	"    WHERE a.person_id = p.id), '')"
	" FROM person p LEFT JOIN person_stat s ON s.person_id = p.id;";

/* Every name and alias of an event's participants, space separated. */
#define EVENT_NAMES_SQL                                                        \
	"(SELECT group_concat(n, ' ') FROM ("                                  \
	"   SELECT p.name_en AS n FROM participant pa JOIN person p"           \
	"     ON p.id = pa.person_id WHERE pa.event_id = e.id"                 \
	"   UNION ALL SELECT p.name_zh FROM participant pa JOIN person p"      \
	"     ON p.id = pa.person_id WHERE pa.event_id = e.id"                 \
	"   UNION ALL SELECT a.alias FROM participant pa JOIN alias a"         \
	"     ON a.person_id = pa.person_id WHERE pa.event_id = e.id))"

/* The search indexes. A contentless FTS5 table cannot DELETE its rows:
 * 'delete-all' empties it, so that adding to a database rebuilds them.
 * The index of pairs takes the Chinese texts and the names (only their
 * Han runs make terms), as boardroom gen gives it. */
static const char derive_fts_sql[] =
	"INSERT INTO event_fts (event_fts) VALUES ('delete-all');"
	"INSERT INTO event_fts (rowid, title_en, title_zh, summary_en,"
	"  summary_zh, names)"
	" SELECT e.seq, e.title_en, e.title_zh, e.summary_en, "
	"e.summary_zh, " EVENT_NAMES_SQL " FROM event e;"
	"INSERT INTO event_gram (event_gram) VALUES ('delete-all');"
	"INSERT INTO event_gram (rowid, grams)"
	" SELECT e.seq, br_grams(e.title_zh || ' ' || e.summary_zh || ' ' ||"
	"  ifnull(" EVENT_NAMES_SQL ", '')) FROM event e;";

/* A savepoint, not BEGIN: inside a caller's transaction (an import's) the
 * derivations commit or roll back with the data they derive from;
 * without one it is a transaction of its own. */
int br_db_finalize(struct br_db *db, unsigned what, char *err, size_t errlen)
{
	if (br_db_exec(db, "SAVEPOINT br_finalize", err, errlen) < 0)
		return -1;
	if (((what & BR_DERIVE_ALIASES) &&
	     br_db_exec(db, derive_aliases_sql, err, errlen) < 0) ||
	    ((what & BR_DERIVE_PARTICIPANTS) &&
	     br_db_exec(db, derive_participants_sql, err, errlen) < 0) ||
	    ((what & BR_DERIVE_SEQ) &&
	     br_db_exec(db, derive_seq_sql, err, errlen) < 0) ||
	    ((what & BR_DERIVE_STATS) &&
	     (check_stances(db, err, errlen) < 0 ||
	      br_db_exec(db, derive_stats_sql, err, errlen) < 0 ||
	      br_db_exec(db, derive_sides_sql, err, errlen) < 0 ||
	      br_db_exec(db, derive_figures_sql, err, errlen) < 0)) ||
	    ((what & (BR_DERIVE_ALIASES | BR_DERIVE_STATS)) &&
	     br_db_exec(db, derive_rank_sql, err, errlen) < 0) ||
	    ((what & BR_DERIVE_FTS) &&
	     br_db_exec(db, derive_fts_sql, err, errlen) < 0) ||
	    ((what & BR_DERIVE_TALLY) && derive_tally(db, err, errlen) < 0)) {
		sqlite3_exec(db->conn,
			     "ROLLBACK TO br_finalize; RELEASE br_finalize",
			     NULL, NULL, NULL);
		return -1;
	}
	if (br_db_exec(db, "RELEASE br_finalize", err, errlen) < 0)
		return -1;
	return load_meta(db, err, errlen);
}

static const unsigned char *bundled_image;
static size_t bundled_len;

void br_db_use_image(const unsigned char *image, size_t len)
{
	bundled_image = image;
	bundled_len = image ? len : 0;
}

/* The image into conn's main database: a private, writable copy. */
static int load_image(sqlite3 *conn)
{
	unsigned char *copy = sqlite3_malloc64(bundled_len);

	if (!copy)
		return SQLITE_NOMEM;
	memcpy(copy, bundled_image, bundled_len);
	return sqlite3_deserialize(
		conn, "main", copy, (sqlite3_int64)bundled_len,
		(sqlite3_int64)bundled_len,
		SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
}

struct br_db *br_db_open_bundled(char *err, size_t errlen)
{
	sqlite3 *conn = NULL;
	struct br_db *db;
	char msg[256];

	if (sqlite3_open_v2(":memory:", &conn,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open an in-memory database: %s",
			 conn ? sqlite3_errmsg(conn) : "out of memory");
		sqlite3_close(conn);
		return NULL;
	}
	if (bundled_image) {
		int rc = load_image(conn);

		db = db_new(conn, "the bundled dataset");
		if (rc != SQLITE_OK || load_meta(db, msg, sizeof(msg)) < 0) {
			snprintf(err, errlen, "bundled dataset: %s",
				 rc != SQLITE_OK ? sqlite3_errstr(rc) : msg);
			br_db_close(db);
			return NULL;
		}
		return db;
	}
	db = db_new(conn, "the bundled dataset");
	if (br_db_exec(db, br_schema_sql, msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, "BEGIN", msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, br_dataset_sql, msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, "COMMIT", msg, sizeof(msg)) < 0 ||
	    br_db_finalize(db, BR_DERIVE_ALL, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "bundled dataset: %s", msg);
		br_db_close(db);
		return NULL;
	}
	return db;
}

static const char app_id_sql[] = "PRAGMA application_id";
static const char version_sql[] = "PRAGMA user_version";

static int pragma_int(struct br_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;

	/* Not cached: a failing pragma (not a database) must not abort. */
	if (sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Every table and column the queries use. A file that says it is a
 * boardroom database but lacks one is refused here, with its name, rather
 * than failing a query later. */
static const char *const table_probes[] = {
	"SELECT id, kind, marker, ts, t_min, t_max, precision, inferred,"
	" time_text, title_en, title_zh, summary_en, summary_zh, seq FROM "
	"event",
	"SELECT id, slug, kind, name_en, name_zh, bio_en, bio_zh, tier,"
	" headcount FROM person",
	"SELECT code, name_en, name_zh, placed FROM tier",
	"SELECT person_id, alias, norm FROM alias",
	"SELECT id, slug, name_en, name_zh, desc_en, desc_zh, axis FROM "
	"faction",
	"SELECT event_id, person_id, role, ts, faction_id, stance_id FROM "
	"participant",
	"SELECT code, name_en, name_zh, part FROM role_title",
	"SELECT id, person_id, org_id, code, since, until, since_event,"
	" until_event FROM role",
	"SELECT id, person_id, faction_id, since, event_id, note_en, note_zh,"
	" axis FROM stance",
	"SELECT code, name_en, name_zh FROM figure_kind",
	"SELECT id, code, event_id, value, total, shown_en, shown_zh, ts,"
	" until_event, until FROM figure",
	"SELECT id, event_id, kind, text_en, text_zh FROM note",
	"SELECT person_id, n_events, first_ts, placed_from FROM person_stat",
	"SELECT dim, key, width, start, n FROM tally",
	"SELECT faction_id, rank, t_from, t_to, person_id, since, stance_id,"
	" stance_since, stance_event FROM side_span",
	"SELECT faction_id, ts, n FROM side_count",
	"SELECT pos, person_id, norms FROM person_rank",
	"SELECT rowid FROM event_fts WHERE event_fts MATCH 'x'",
	"SELECT rowid FROM event_gram WHERE event_gram MATCH 'x'",
	"SELECT key, value FROM meta",
};

static int check_tables(struct br_db *db, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(table_probes); i++) {
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(db->conn, table_probes[i], -1, &st,
					    NULL);

		sqlite3_finalize(st);
		if (rc != SQLITE_OK) {
			/* The table is the word after FROM. */
			const char *t = strstr(table_probes[i], " FROM ") + 6;

			snprintf(err, errlen,
				 "the table %.*s is missing or not as this "
				 "program reads it",
				 (int)strcspn(t, " "), t);
			return -1;
		}
	}
	return 0;
}

/* Checks that db is a boardroom database this program can read. */
static int check_file(struct br_db *db, const char *path, char *err,
		      size_t errlen)
{
	int app = 0, version = 0;
	char msg[256];

	if (pragma_int(db, app_id_sql, &app) < 0) {
		if ((sqlite3_errcode(db->conn) & 0xff) == SQLITE_BUSY)
			snprintf(err, errlen,
				 "%s: the database is locked by another "
				 "program (waited %d s)",
				 path, BUSY_MS / 1000);
		else
			br_db_explain(db->conn, path, err, errlen);
		return -1;
	}
	if (app != BR_APPLICATION_ID) {
		snprintf(err, errlen, "%s: not a boardroom database", path);
		return -1;
	}
	if (pragma_int(db, version_sql, &version) < 0 || version < 1) {
		snprintf(err, errlen, "%s: no schema version", path);
		return -1;
	}
	if (version < BR_SCHEMA_VERSION) {
		snprintf(err, errlen,
			 "%s: made by an older boardroom (schema %d; this "
			 "program needs %d): build it again with boardroom "
			 "import or gen",
			 path, version, BR_SCHEMA_VERSION);
		return -1;
	}
	if (version > BR_SCHEMA_VERSION) {
		snprintf(err, errlen,
			 "%s: made by a newer boardroom (schema %d; this "
			 "program knows %d)",
			 path, version, BR_SCHEMA_VERSION);
		return -1;
	}
	if (check_tables(db, msg, sizeof(msg)) < 0) {
		if ((sqlite3_errcode(db->conn) & 0xff) == SQLITE_CORRUPT)
			br_db_explain(db->conn, path, err, errlen);
		else
			snprintf(err, errlen,
				 "%s: not a complete boardroom database (%s): "
				 "build it again with boardroom import or gen",
				 path, msg);
		return -1;
	}
	if (load_meta(db, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "%s: %s", path, msg);
		return -1;
	}
	return 0;
}

struct br_db *br_db_open_file(const char *path, enum br_db_mode mode, char *err,
			      size_t errlen)
{
	sqlite3 *conn = NULL;
	struct br_db *db;
	struct stat st;
	char msg[256];
	int flags;

	if (!path[0]) {
		snprintf(err, errlen, "an empty file name names no database");
		return NULL;
	}
	if (mode != BR_DB_CREATE) {
		if (stat(path, &st) != 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return NULL;
		}
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: is a directory", path);
			return NULL;
		}
		if (st.st_size == 0) {
			snprintf(err, errlen, "%s: empty file, not a database",
				 path);
			return NULL;
		}
		flags = mode == BR_DB_READ ? SQLITE_OPEN_READONLY
					   : SQLITE_OPEN_READWRITE;
	} else {
		if (stat(path, &st) == 0) {
			snprintf(err, errlen, "%s: already exists", path);
			return NULL;
		}
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	}
	if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
		if (conn)
			br_db_explain(conn, path, err, errlen);
		else
			snprintf(err, errlen, "%s: out of memory", path);
		sqlite3_close(conn);
		return NULL;
	}
	db = db_new(conn, path);
	if (mode == BR_DB_CREATE) {
		if (br_db_exec(db, br_schema_sql, msg, sizeof(msg)) < 0) {
			br_db_explain(db->conn, path, err, errlen);
			br_db_close(db);
			remove(path);
			return NULL;
		}
		return db;
	}
	if (check_file(db, path, err, errlen) < 0) {
		br_db_close(db);
		return NULL;
	}
	return db;
}
