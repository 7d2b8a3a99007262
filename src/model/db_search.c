/* db_search: the search indexes derived from the events (schema.sql:
 * event_fts, the trigram index; event_gram, the index of pairs), in one
 * pass over the events in time order.
 *
 * Each event's participants' names come from a table of every person's
 * names made once (name_en, name_zh, the aliases), not from three
 * subqueries per event. The trigram index, the larger part of the work,
 * is built on a second core in a side database beside the database
 * (fts_build.c) while this core reads the events and fills the index of
 * pairs; a database with no file of its own (in memory) gets its trigram
 * index here, in line (fts_build.c too). Both indexes keep their terms in
 * memory and merge once at the end (br_fts_bulk) instead of as segments come.
 *
 * The names are the participants' English names, then their Chinese
 * names, then those of their aliases that are neither, in the
 * participants' order (tests/model/test_search.c derives the same by
 * SQL). Every name is an alias too (db_derive.c); neither index keeps
 * positions, so a name twice in an event's text adds nothing but work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/fts_build.h"
#include "boardroom/text.h"
#include "model/model.h"

/* What each index keeps in memory before it writes a segment: 32 and 8
 * bytes an event, from FTS5's default of 1 MiB up to 24 and 8 MiB (an
 * import keeps within 100 MB; a small one needs no more than the
 * default). Fewer, larger segments merge once, sooner. */
#define FTS_HASH_PER_EVENT  32L
#define FTS_HASH_MAX	    (24L << 20)
#define GRAM_HASH_PER_EVENT 8L
#define GRAM_HASH_MAX	    (8L << 20)
#define HASH_MIN	    (1L << 20)

static long hash_bytes(int64_t events, long per_event, long max)
{
	int64_t n = events * per_event;

	return n < HASH_MIN ? HASH_MIN : n > max ? max : (long)n;
}

static const char count_sql[] = "SELECT ifnull(max(seq), 0) FROM event";

static const char names_sql[] =
	"DROP TABLE IF EXISTS temp.br_names;"
	"CREATE TEMP TABLE br_names (id INTEGER PRIMARY KEY, en TEXT,"
	" zh TEXT, al TEXT);"
	"INSERT INTO temp.br_names SELECT p.id, p.name_en, p.name_zh,"
	" (SELECT group_concat(a.alias, ' ') FROM alias a"
	"   WHERE a.person_id = p.id AND a.alias IS NOT p.name_en"
	"   AND a.alias IS NOT p.name_zh) FROM person p;";

static const char events_sql[] =
	"SELECT seq, id, title_en, title_zh, summary_en, summary_zh FROM event"
	" WHERE seq IS NOT NULL ORDER BY seq";

static const char event_names_sql[] =
	"SELECT n.en, n.zh, n.al FROM participant pa"
	" JOIN temp.br_names n ON n.id = pa.person_id WHERE pa.event_id = ?"
	" ORDER BY pa.person_id";

static const char gram_sql[] =
	"INSERT INTO event_gram (rowid, grams) VALUES (?, ?)";

/* A growing string; owned by the pass. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 2 > b->cap) {
		b->cap = (b->len + n + 2) * 2;
		b->s = br_xrealloc(b->s, b->cap);
	}
	if (b->len)
		b->s[b->len++] = ' ';
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

/* One event's names into out (emptied first), in the order described
 * above; 0 if it has no participants. */
static int event_names(struct br_db *db, int64_t id, struct buf *out,
		       struct buf parts[3])
{
	sqlite3_stmt *st = br_db_stmt(db, event_names_sql);
	int rows = 0, k;

	out->len = 0;
	for (k = 0; k < 3; k++)
		parts[k].len = 0;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		rows++;
		for (k = 0; k < 3; k++)
			if (sqlite3_column_type(st, k) != SQLITE_NULL)
				buf_add(&parts[k], br_col(st, k));
	}
	br_db_reset(st);
	for (k = 0; k < 3; k++)
		if (parts[k].len)
			buf_add(out, parts[k].s);
	if (out->s)
		out->s[out->len] = '\0';
	return rows;
}

/* The index of pairs takes the Chinese texts and the names (only their
 * Han runs make terms): title_zh || ' ' || summary_zh || ' ' || names. */
static int add_grams(struct br_db *db, const struct br_fts_row *r,
		     struct buf *joined)
{
	sqlite3_stmt *st = br_db_stmt(db, gram_sql);
	const char *names = r->names ? r->names : "";
	size_t n =
		strlen(r->title_zh) + strlen(r->summary_zh) + strlen(names) + 3;
	int rc;

	if (n > joined->cap) {
		joined->cap = n * 2;
		joined->s = br_xrealloc(joined->s, joined->cap);
	}
	snprintf(joined->s, n, "%s %s %s", r->title_zh, r->summary_zh, names);
	sqlite3_bind_int64(st, 1, r->seq);
	sqlite3_bind_text(st, 2, br_text_grams(joined->s), -1, free);
	rc = sqlite3_step(st);
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads every event in time order into both indexes. */
static int fill(struct br_db *db, struct br_fts_build *fts, char *err,
		size_t errlen)
{
	sqlite3_stmt *ev = br_db_stmt(db, events_sql);
	struct buf names = {0}, parts[3] = {{0}}, joined = {0};
	int rc = 0, step, k;

	while (rc == 0 && (step = sqlite3_step(ev)) == SQLITE_ROW) {
		int has = event_names(db, sqlite3_column_int64(ev, 1), &names,
				      parts);
		struct br_fts_row r = {sqlite3_column_int64(ev, 0),
				       br_col(ev, 2),
				       br_col(ev, 3),
				       br_col(ev, 4),
				       br_col(ev, 5),
				       has ? names.s : NULL};

		if (br_fts_build_add(fts, &r) < 0 ||
		    add_grams(db, &r, &joined) < 0)
			rc = -1;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	if (rc < 0)
		snprintf(err, errlen, "%s", br_db_errmsg(db));
	br_db_reset(ev);
	free(names.s);
	free(joined.s);
	for (k = 0; k < 3; k++)
		free(parts[k].s);
	return rc;
}

static int bulk(struct br_db *db, const char *table, int on, long bytes,
		char *err, size_t errlen)
{
	if (br_fts_bulk(br_db_handle(db), table, on, bytes) == SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s", br_db_errmsg(db));
	return -1;
}

/* The side database's name: the database's, with "-search". */
static int side_name(struct br_db *db, char *side, size_t len)
{
	const char *file = sqlite3_db_filename(br_db_handle(db), "main");

	return file && *file &&
	       (size_t)snprintf(side, len, "%s-search", file) < len;
}

int db_search_start(struct br_db *db, struct br_fts_build **pending, char *err,
		    size_t errlen)
{
	struct br_fts_build *fts = NULL;
	char side[4096], msg[256];
	sqlite3_stmt *st = br_db_stmt(db, count_sql);
	int64_t events = sqlite3_step(st) == SQLITE_ROW
				 ? sqlite3_column_int64(st, 0)
				 : 0;
	long fts_hash = hash_bytes(events, FTS_HASH_PER_EVENT, FTS_HASH_MAX);
	long gram_hash = hash_bytes(events, GRAM_HASH_PER_EVENT, GRAM_HASH_MAX);
	int rc;

	br_db_reset(st);
	*pending = NULL;
	if (br_db_exec(db,
		       "INSERT INTO event_gram (event_gram) VALUES"
		       " ('delete-all');",
		       err, errlen) < 0 ||
	    br_db_exec(db, names_sql, err, errlen) < 0)
		return -1;
	/* Where no side database can be made, the index is built here. */
	if (side_name(db, side, sizeof(side)))
		fts = br_fts_build_start(db, side, fts_hash, msg, sizeof(msg));
	if (!fts &&
	    !(fts = br_fts_build_start(db, NULL, fts_hash, err, errlen)))
		return -1;
	rc = bulk(db, "event_gram", 1, gram_hash, err, errlen);
	if (rc == 0)
		rc = fill(db, fts, err, errlen);
	br_fts_build_close(fts);
	/* The index of pairs merges here while the trigrams merge there. */
	if (rc == 0)
		rc = bulk(db, "event_gram", 0, 0, err, errlen);
	if (br_db_exec(db, "DROP TABLE temp.br_names", msg, sizeof(msg)) < 0 &&
	    rc == 0) {
		snprintf(err, errlen, "%s", msg);
		rc = -1;
	}
	if (rc < 0) {
		/* Where the thread failed, its message says why (the add
		 * that saw it only knows that it did). */
		if (br_fts_build_finish(fts, NULL, msg, sizeof(msg)) < 0)
			snprintf(err, errlen, "%s", msg);
		fts = NULL;
	}
	*pending = fts;
	return rc;
}

int db_search_finish(struct br_db *db, struct br_fts_build *pending, int keep,
		     char *err, size_t errlen)
{
	char msg[256];

	if (!pending)
		return 0;
	if (br_fts_build_finish(pending, keep ? db : NULL, msg, sizeof(msg)) <
		    0 &&
	    keep) {
		snprintf(err, errlen, "%s", msg);
		return -1;
	}
	return 0;
}
