#include "boardroom/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "boardroom/text.h"
#include "model/model.h"

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
	int reading;	  /* br_db_read_begin calls not yet ended */
	int read_checked; /* a statement was asked for since the first */
	int own_read;	  /* and a transaction begun for them */
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

/* Whether the len bytes at s hold the tl bytes of term (tl > 0). */
static int holds(const char *s, size_t len, const char *term, size_t tl)
{
	const char *p = s, *end = s + len;

	while ((size_t)(end - p) >= tl &&
	       (p = memchr(p, term[0], (size_t)(end - p) - tl + 1))) {
		if (!memcmp(p, term, tl))
			return 1;
		p++;
	}
	return 0;
}

/* br_has(term, text, ...): 1 if any text, lower-cased (br_text_lower),
 * has term (already lower-cased) in it; NULL texts have nothing. What the
 * search's verify terms are checked with: the trigram index finds the
 * candidates, this the events that have the term itself. */
static void has_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *term = (const char *)sqlite3_value_text(argv[0]);
	size_t tl = term ? (size_t)sqlite3_value_bytes(argv[0]) : 0;
	char small[2048], *buf = small;
	size_t cap = sizeof(small);
	int i, found = 0;

	for (i = 1; term && !found && i < argc; i++) {
		const char *text = (const char *)sqlite3_value_text(argv[i]);
		size_t n = (size_t)sqlite3_value_bytes(argv[i]), len;

		if (!text || n < tl)
			continue;
		if (2 * n + 1 > cap) {
			if (buf != small)
				free(buf);
			cap = 2 * n + 1;
			buf = br_xmalloc(cap);
		}
		len = br_text_lower(text, n, buf);
		found = !tl || holds(buf, len, term, tl);
	}
	if (buf != small)
		free(buf);
	sqlite3_result_int(ctx, found);
}

struct br_db *db_new(sqlite3 *conn, const char *path)
{
	struct br_db *db = br_xcalloc(1, sizeof(*db));

	db->conn = conn;
	db->path = br_xstrdup(path);
	sqlite3_extended_result_codes(conn, 1);
	sqlite3_busy_timeout(conn, DB_BUSY_MS);
	sqlite3_create_function(conn, "br_fold", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, fold_func, NULL, NULL);
	sqlite3_create_function(conn, "br_grams", 1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, grams_func, NULL, NULL);
	sqlite3_create_function(conn, "br_has", -1,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					SQLITE_INNOCUOUS,
				NULL, has_func, NULL, NULL);
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

static void read_now(struct br_db *db);

sqlite3_stmt *br_db_stmt(struct br_db *db, const char *sql)
{
	struct stmt_slot *slot;
	size_t i;

	if (db->reading && !db->read_checked)
		read_now(db);
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

/* Runs sql ("BEGIN", "COMMIT") from the statement cache; 0 or -1. */
static int step_once(struct br_db *db, const char *sql)
{
	sqlite3_stmt *st = br_db_stmt(db, sql);
	int rc = sqlite3_step(st);

	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The transaction of br_db_read_begin, begun when its first statement
 * is asked for: a key that asks nothing of the file runs no SQL. */
static void read_now(struct br_db *db)
{
	db->read_checked = 1;
	if (sqlite3_get_autocommit(db->conn))
		db->own_read = step_once(db, "BEGIN") == 0;
}

void br_db_read_begin(struct br_db *db)
{
	if (db->reading++ == 0)
		db->read_checked = db->own_read = 0;
}

int br_db_read_end(struct br_db *db)
{
	if (db->reading == 0 || --db->reading > 0 || !db->own_read)
		return 0;
	db->own_read = 0;
	/* An error may have ended it already (SQLite rolls back some). */
	if (sqlite3_get_autocommit(db->conn))
		return 0;
	return step_once(db, "COMMIT");
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
int db_load_meta(struct br_db *db, char *err, size_t errlen)
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
