#include "bench/floor.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "boardroom/search.h"
#include "boardroom/text.h"

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* Steps st to its end (at most rows rows), reading what a screen shows;
 * the last row's ts and id go to *ts and *id if given. */
static int drain(sqlite3_stmt *st, int rows, int64_t *ts, int64_t *id)
{
	int n = 0;

	while (n < rows && sqlite3_step(st) == SQLITE_ROW) {
		int i;

		for (i = 0; i < sqlite3_column_count(st); i++)
			sqlite3_column_text(st, i);
		if (ts)
			*ts = sqlite3_column_int64(st, 1);
		if (id)
			*id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	return n;
}

static const char first_sql[] =
	"SELECT id, ts, title_en, title_zh FROM event ORDER BY ts, id LIMIT ?";
static const char after_sql[] =
	"SELECT id, ts, title_en, title_zh FROM event WHERE (ts, id) > (?, ?)"
	" ORDER BY ts, id LIMIT ?";
static const char person_sql[] =
	"SELECT e.id, e.ts, e.title_en, e.title_zh FROM participant pa"
	" JOIN event e ON e.id = pa.event_id WHERE pa.person_id = ?"
	" ORDER BY pa.ts, pa.event_id LIMIT ?";
static const char trigram_sql[] =
	"SELECT e.id, e.ts, e.title_en, e.title_zh FROM event_fts s"
	" JOIN event e ON e.seq = s.rowid WHERE event_fts MATCH ?"
	" ORDER BY s.rowid LIMIT ?";
/* A word of four characters or more: its trigrams, then the word itself
 * in the texts or the names (the index keeps no positions). */
static const char verified_sql[] =
	"SELECT e.id, e.ts, e.title_en, e.title_zh FROM event_fts s"
	" JOIN event e ON e.seq = s.rowid WHERE event_fts MATCH ?1"
	" AND (br_has(?2, e.title_en, e.title_zh, e.summary_en, e.summary_zh)"
	" OR EXISTS (SELECT 1 FROM participant pa JOIN person p"
	" ON p.id = pa.person_id WHERE pa.event_id = e.id"
	" AND (br_has(?2, p.name_en, p.name_zh) OR EXISTS (SELECT 1 FROM"
	" alias a WHERE a.person_id = pa.person_id AND br_has(?2, a.alias)))))"
	" ORDER BY s.rowid LIMIT ?3";
static const char gram_sql[] =
	"SELECT e.id, e.ts, e.title_en, e.title_zh FROM event_gram s"
	" JOIN event e ON e.seq = s.rowid WHERE event_gram MATCH ?"
	" ORDER BY s.rowid LIMIT ?";
static const char span_sql[] = "SELECT min(ts), max(ts) FROM event";
static const char edge_sql[] =
	"SELECT ifnull((SELECT seq FROM event WHERE ts < ? ORDER BY ts DESC,"
	" id DESC LIMIT 1), 0)";
static const char tally_sql[] =
	"SELECT start, n FROM tally WHERE dim = 'person' AND key = ?"
	" AND width = ? AND start >= ? AND start < ?";
/* Each side's count at ?2, and its first ?3 people, from the derived
 * sides. */
static const char factions_sql[] = "SELECT 0 UNION ALL SELECT id FROM faction";
static const char side_count_sql[] =
	"SELECT n FROM side_count WHERE faction_id = ?1 AND ts <= ?2"
	" ORDER BY ts DESC LIMIT 1";
static const char side_people_sql[] =
	"SELECT p.id, 0, p.name_en, p.name_zh FROM side_span m"
	" JOIN person p ON p.id = m.person_id WHERE m.faction_id = ?1"
	" AND m.t_from <= ?2 AND (m.t_to IS NULL OR ?2 < m.t_to)"
	" ORDER BY m.rank LIMIT ?3";
static const char people_sql[] =
	"SELECT p.id, 0, p.name_en, p.name_zh FROM alias a"
	" JOIN person p ON p.id = a.person_id"
	" WHERE a.norm >= ?1 AND a.norm < ?1 || x'f4' LIMIT ?2";

static double run_stmt(sqlite3_stmt *st, int rows)
{
	double t0 = now_us();

	drain(st, rows, NULL, NULL);
	return now_us() - t0;
}

/* The search text as one FTS5 string, like the explorer's. */
static void quote(const char *term, char *out, size_t cap, int prefix)
{
	size_t len = 0;

	out[len++] = '"';
	for (; *term && len + 4 < cap; term++) {
		if (*term == '"')
			out[len++] = '"';
		out[len++] = *term;
	}
	out[len++] = '"';
	if (prefix)
		out[len++] = '*';
	out[len] = '\0';
}

static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static double open_first(struct br_db *db, int rows)
{
	const char *path = sqlite3_db_filename(br_db_handle(db), "main");
	sqlite3 *conn = NULL;
	sqlite3_stmt *st = NULL;
	double t0 = now_us();

	if (!path || !*path ||
	    sqlite3_open_v2(path, &conn, SQLITE_OPEN_READONLY, NULL) !=
		    SQLITE_OK ||
	    sqlite3_prepare_v2(conn, first_sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_close(conn);
		return -1;
	}
	sqlite3_bind_int(st, 1, rows);
	drain(st, rows, NULL, NULL);
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return now_us() - t0;
}

static double ruler(struct br_db *db, int width, const char *person)
{
	sqlite3_stmt *st = br_db_stmt(db, span_sql);
	int64_t lo = 0, hi = 0, w;
	double t0;
	int i;

	if (sqlite3_step(st) == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1) + 1;
	}
	br_db_reset(st);
	if (width < 1)
		width = 80;
	w = (hi - lo) / width + 1;
	t0 = now_us();
	if (person) {
		st = br_db_stmt(db, tally_sql);
		sqlite3_bind_int64(st, 1, strtoll(person, NULL, 10));
		sqlite3_bind_int64(st, 2, BR_TALLY_DAY);
		sqlite3_bind_int64(st, 3, br_bucket_start(lo, BR_TALLY_DAY));
		sqlite3_bind_int64(st, 4, hi);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		br_db_reset(st);
		return now_us() - t0;
	}
	st = br_db_stmt(db, edge_sql);
	for (i = 0; i <= width; i++) {
		sqlite3_bind_int64(st, 1, lo + w * i);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	br_db_reset(st);
	return now_us() - t0;
}

static double run_once(struct br_db *db, const char *name, const char *arg,
		       int rows)
{
	sqlite3_stmt *st;
	int64_t ts = 0, id = 0;

	if (!strcmp(name, "open"))
		return open_first(db, rows);
	if (!strcmp(name, "page")) {
		st = br_db_stmt(db, first_sql);
		sqlite3_bind_int(st, 1, rows);
		drain(st, rows, &ts, &id);
		st = br_db_stmt(db, after_sql);
		sqlite3_bind_int64(st, 1, ts);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int(st, 3, rows);
		return run_stmt(st, rows);
	}
	if (!strcmp(name, "date")) {
		st = br_db_stmt(db, after_sql);
		sqlite3_bind_int64(st, 1, strtoll(arg, NULL, 10));
		sqlite3_bind_int64(st, 2, INT64_MIN);
		sqlite3_bind_int(st, 3, rows);
		return run_stmt(st, rows);
	}
	if (!strcmp(name, "person")) {
		st = br_db_stmt(db, person_sql);
		sqlite3_bind_int64(st, 1, strtoll(arg, NULL, 10));
		sqlite3_bind_int(st, 2, rows);
		return run_stmt(st, rows);
	}
	if (!strcmp(name, "search")) {
		char match[512];
		size_t n = chars(arg);
		struct br_search s;

		if (n < 3) {
			quote(arg, match, sizeof(match), n == 1);
			st = br_db_stmt(db, gram_sql);
			sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 2, rows);
			return run_stmt(st, rows);
		}
		/* The trigrams as the explorer asks for them. */
		br_search_compile(&s, arg);
		st = br_db_stmt(db, s.n_verify ? verified_sql : trigram_sql);
		sqlite3_bind_text(st, 1, s.match, -1, SQLITE_TRANSIENT);
		if (s.n_verify) {
			sqlite3_bind_text(st, 2, s.verify[0], -1,
					  SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 3, rows);
		} else {
			sqlite3_bind_int(st, 2, rows);
		}
		br_search_free(&s);
		return run_stmt(st, rows);
	}
	if (!strcmp(name, "ruler"))
		return ruler(db, atoi(arg), NULL);
	if (!strcmp(name, "tally")) {
		char person[32];
		int width = 80;

		if (sscanf(arg, "%31s %d", person, &width) < 1)
			return -1;
		return ruler(db, width, person);
	}
	if (!strcmp(name, "split")) {
		int64_t at = strtoll(arg, NULL, 10), ids[64];
		size_t n = 0, i;
		double t0 = now_us();

		st = br_db_stmt(db, factions_sql);
		while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		br_db_reset(st);
		for (i = 0; i < n; i++) {
			st = br_db_stmt(db, side_count_sql);
			sqlite3_bind_int64(st, 1, ids[i]);
			sqlite3_bind_int64(st, 2, at);
			drain(st, 1, NULL, NULL);
			st = br_db_stmt(db, side_people_sql);
			sqlite3_bind_int64(st, 1, ids[i]);
			sqlite3_bind_int64(st, 2, at);
			sqlite3_bind_int(st, 3, rows);
			drain(st, rows, NULL, NULL);
		}
		return now_us() - t0;
	}
	if (!strcmp(name, "people")) {
		char *folded = br_text_fold(arg);
		double t;

		st = br_db_stmt(db, people_sql);
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, rows);
		t = run_stmt(st, rows);
		free(folded);
		return t;
	}
	return -1;
}

double br_floor_run(struct br_db *db, const char *name, const char *arg,
		    int rows)
{
	/* The first run prepares the statement and loads the search
	 * tables' configuration, as the explorer has by then. */
	if (strcmp(name, "open") != 0 && run_once(db, name, arg, rows) < 0)
		return -1;
	return run_once(db, name, arg, rows);
}

int br_floor_drop_caches(struct br_db *db)
{
	sqlite3 *conn = br_db_handle(db);
	const char *path = sqlite3_db_filename(conn, "main");
	int fd;

	sqlite3_db_release_memory(conn);
	if (!path || !*path)
		return -1;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
	close(fd);
	return 0;
}
