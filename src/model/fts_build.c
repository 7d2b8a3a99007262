/* fts_build: the trigram index built on a thread, in a side database, and
 * copied in at the end (include/boardroom/fts_build.h). */
#include "boardroom/fts_build.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"

/* The FTS5 table built here, and the tables that hold its index. */
static const char fts_table[] = "event_fts";
static const char *const index_tables[] = {"_data", "_idx", "_docsize"};

#define QUEUE_LEN 2048

/* One queued event: its five strings, NUL-separated, in one block. */
struct slot {
	int64_t seq;
	char *text;
};

struct br_fts_build {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	struct slot queue[QUEUE_LEN];
	size_t head, count;
	int closed; /* no more rows: finish, or stop if abandon */
	int abandon;
	int failed;
	char err[256];
	long hash_bytes;
	char *side_path;
	/* The side database and its insert: made by br_fts_build_start,
	 * then the thread's alone until it ends. */
	sqlite3 *conn;
	sqlite3_stmt *fts;
	/* Not owned: with no side database, the index is built in this
	 * database itself, on the caller's core. */
	struct br_db *in_line;
	char *table_sql; /* CREATE VIRTUAL TABLE, as the database has it */
};

static const char table_sql_sql[] =
	"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?";

/* A file nobody else reads, thrown away at the end: no journal, no
 * syncs. */
static const char side_setup_sql[] =
	"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	" PRAGMA cache_size = -2048;";

int br_fts_bulk(sqlite3 *conn, const char *table, int on, long hash_bytes)
{
	/* On: hash_bytes of terms in memory before a segment is written,
	 * and no merging as segments come. Off: one merge, then FTS5's
	 * defaults. */
	char *sql =
		on ? sqlite3_mprintf("INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('hashsize', %ld);"
				     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('automerge', 0);"
				     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('crisismerge', 1000);",
				     table, table, hash_bytes, table, table,
				     table, table)
		   : sqlite3_mprintf("INSERT INTO \"%w\" (\"%w\") VALUES"
				     " ('optimize');"
				     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('hashsize', 1048576);"
				     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('automerge', 4);"
				     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
				     " ('crisismerge', 16);",
				     table, table, table, table, table, table,
				     table, table);
	int rc = sql ? sqlite3_exec(conn, sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	return rc;
}

static const char fts_insert_sql[] =
	"INSERT INTO event_fts (rowid, title_en, title_zh, summary_en,"
	" summary_zh, names) VALUES (?, ?, ?, ?, ?, ?)";

static void fail(struct br_fts_build *b, sqlite3 *conn, const char *what)
{
	pthread_mutex_lock(&b->mu);
	if (!b->failed)
		snprintf(b->err, sizeof(b->err), "search index: %s: %s", what,
			 conn ? sqlite3_errmsg(conn) : "out of memory");
	b->failed = 1;
	pthread_cond_broadcast(&b->not_full);
	pthread_mutex_unlock(&b->mu);
}

/* Takes the next row; 0 when the queue is closed and empty, or the
 * result is abandoned. */
static int pop(struct br_fts_build *b, struct slot *out)
{
	int got = 0;

	pthread_mutex_lock(&b->mu);
	while (!b->count && !b->closed)
		pthread_cond_wait(&b->not_empty, &b->mu);
	if (b->count && !b->abandon) {
		*out = b->queue[b->head];
		b->head = (b->head + 1) % QUEUE_LEN;
		b->count--;
		got = 1;
		/* A caller waits only for a full queue: woken when half of
		 * it is free, not at every row (one switch a row). */
		if (b->count == QUEUE_LEN / 2)
			pthread_cond_signal(&b->not_full);
	}
	pthread_mutex_unlock(&b->mu);
	return got;
}

static int insert(sqlite3_stmt *fts, const struct slot *s)
{
	const char *f = s->text;
	size_t i;
	int rc;

	sqlite3_bind_int64(fts, 1, s->seq);
	for (i = 0; i < 5; i++) {
		sqlite3_bind_text(fts, (int)i + 2, f, -1, SQLITE_STATIC);
		f += strlen(f) + 1;
	}
	rc = sqlite3_step(fts);
	sqlite3_reset(fts);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Frees every queued row, and wakes a caller waiting for room. */
static void drain(struct br_fts_build *b)
{
	pthread_mutex_lock(&b->mu);
	while (b->count) {
		free(b->queue[b->head].text);
		b->head = (b->head + 1) % QUEUE_LEN;
		b->count--;
	}
	pthread_cond_broadcast(&b->not_full);
	pthread_mutex_unlock(&b->mu);
}

static void *run(void *arg)
{
	struct br_fts_build *b = arg;
	struct slot s;
	int go_on;

	while (pop(b, &s)) {
		int rc = insert(b->fts, &s);

		free(s.text);
		if (rc < 0) {
			fail(b, b->conn, "adding an event");
			break;
		}
	}
	pthread_mutex_lock(&b->mu);
	go_on = !b->abandon && !b->failed;
	pthread_mutex_unlock(&b->mu);
	if (go_on &&
	    (br_fts_bulk(b->conn, fts_table, 0, 0) != SQLITE_OK ||
	     sqlite3_exec(b->conn, "COMMIT", NULL, NULL, NULL) != SQLITE_OK))
		fail(b, b->conn, "merging");
	sqlite3_finalize(b->fts);
	sqlite3_close(b->conn);
	b->fts = NULL;
	b->conn = NULL;
	/* What is left (abandoned, or after a failure), so nothing waits
	 * and nothing leaks. */
	drain(b);
	return NULL;
}

/* The side database, made here so that a place where it cannot be made
 * is known before anything is queued. */
static int open_side(struct br_fts_build *b, char *err, size_t errlen)
{
	remove(b->side_path);
	if (sqlite3_open_v2(b->side_path, &b->conn,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) == SQLITE_OK &&
	    sqlite3_exec(b->conn, side_setup_sql, NULL, NULL, NULL) ==
		    SQLITE_OK &&
	    sqlite3_exec(b->conn, b->table_sql, NULL, NULL, NULL) ==
		    SQLITE_OK &&
	    br_fts_bulk(b->conn, fts_table, 1, b->hash_bytes) == SQLITE_OK &&
	    sqlite3_exec(b->conn, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(b->conn, fts_insert_sql, -1, &b->fts, NULL) ==
		    SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s: %s", b->side_path,
		 b->conn ? sqlite3_errmsg(b->conn) : "out of memory");
	sqlite3_finalize(b->fts);
	sqlite3_close(b->conn);
	remove(b->side_path);
	return -1;
}

/* The index in db itself: emptied ('delete-all': a contentless table
 * cannot DELETE its rows) and set for a bulk load. */
static struct br_fts_build *start_in_line(struct br_db *db, long hash_bytes,
					  char *err, size_t errlen)
{
	struct br_fts_build *b = br_xcalloc(1, sizeof(*b));
	char *sql = sqlite3_mprintf("INSERT INTO \"%w\" (\"%w\") VALUES"
				    " ('delete-all')",
				    fts_table, fts_table);
	int rc = sql ? br_db_exec(db, sql, err, errlen) : -1;

	sqlite3_free(sql);
	if (rc == 0 && br_fts_bulk(br_db_handle(db), fts_table, 1,
				   hash_bytes) != SQLITE_OK) {
		snprintf(err, errlen, "%s", br_db_errmsg(db));
		rc = -1;
	}
	if (rc < 0) {
		free(b);
		return NULL;
	}
	b->in_line = db;
	return b;
}

struct br_fts_build *br_fts_build_start(struct br_db *db, const char *side_path,
					long hash_bytes, char *err,
					size_t errlen)
{
	struct br_fts_build *b;
	sqlite3_stmt *st;

	if (!side_path)
		return start_in_line(db, hash_bytes, err, errlen);
	b = br_xcalloc(1, sizeof(*b));
	st = br_db_stmt(db, table_sql_sql);

	sqlite3_bind_text(st, 1, fts_table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		b->table_sql = br_xstrdup(br_col(st, 0));
	br_db_reset(st);
	if (!b->table_sql) {
		snprintf(err, errlen, "no table %s in the schema", fts_table);
		free(b);
		return NULL;
	}
	if (!sqlite3_threadsafe()) {
		snprintf(err, errlen, "this SQLite is not thread-safe");
		free(b->table_sql);
		free(b);
		return NULL;
	}
	b->hash_bytes = hash_bytes;
	b->side_path = br_xstrdup(side_path);
	if (open_side(b, err, errlen) < 0)
		goto fail;
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->not_empty, NULL);
	pthread_cond_init(&b->not_full, NULL);
	if (pthread_create(&b->thread, NULL, run, b) != 0) {
		snprintf(err, errlen, "cannot start a thread");
		pthread_mutex_destroy(&b->mu);
		pthread_cond_destroy(&b->not_empty);
		pthread_cond_destroy(&b->not_full);
		sqlite3_finalize(b->fts);
		sqlite3_close(b->conn);
		remove(b->side_path);
		goto fail;
	}
	return b;
fail:
	free(b->table_sql);
	free(b->side_path);
	free(b);
	return NULL;
}

int br_fts_build_add(struct br_fts_build *b, const struct br_fts_row *row)
{
	const char *f[5] = {row->title_en, row->title_zh, row->summary_en,
			    row->summary_zh, row->names ? row->names : ""};
	size_t len[5], total = 0, i;
	char *text, *p;
	int rc = 0;

	for (i = 0; i < 5; i++)
		total += (len[i] = strlen(f[i])) + 1;
	p = text = br_xmalloc(total);
	for (i = 0; i < 5; i++) {
		memcpy(p, f[i], len[i] + 1);
		p += len[i] + 1;
	}
	if (b->in_line) {
		rc = insert(br_db_stmt(b->in_line, fts_insert_sql),
			    &(struct slot){row->seq, text});
		free(text);
		return rc;
	}
	pthread_mutex_lock(&b->mu);
	while (b->count == QUEUE_LEN && !b->failed)
		pthread_cond_wait(&b->not_full, &b->mu);
	if (b->failed) {
		rc = -1;
		free(text);
	} else {
		b->queue[(b->head + b->count) % QUEUE_LEN] =
			(struct slot){row->seq, text};
		/* The thread waits only for an empty queue. */
		if (++b->count == 1)
			pthread_cond_signal(&b->not_empty);
	}
	pthread_mutex_unlock(&b->mu);
	return rc;
}

/* Every row of the side's table into db's, through two connections (an
 * ATTACH cannot be made inside the caller's transaction). */
static int copy_table(sqlite3 *side, struct br_db *db, const char *table,
		      char *err, size_t errlen)
{
	char *sel = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
	char *del = sqlite3_mprintf("DELETE FROM main.\"%w\"", table);
	sqlite3_stmt *from = NULL, *to = NULL;
	int rc = -1, n, i, step;

	if (!sel || !del ||
	    sqlite3_prepare_v2(side, sel, -1, &from, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "search index: %s: %s", table,
			 sqlite3_errmsg(side));
		goto out;
	}
	if (br_db_exec(db, del, err, errlen) < 0)
		goto out;
	n = sqlite3_column_count(from);
	{
		/* INSERT INTO main.t VALUES (?, ?, ...): n placeholders. */
		char *ins = sqlite3_mprintf("INSERT INTO main.\"%w\" VALUES (?",
					    table);

		for (i = 1; ins && i < n; i++) {
			char *more = sqlite3_mprintf("%s, ?", ins);

			sqlite3_free(ins);
			ins = more;
		}
		if (ins) {
			char *done = sqlite3_mprintf("%s)", ins);

			sqlite3_free(ins);
			ins = done;
		}
		if (!ins || sqlite3_prepare_v2(br_db_handle(db), ins, -1, &to,
					       NULL) != SQLITE_OK) {
			sqlite3_free(ins);
			snprintf(err, errlen, "search index: %s: %s", table,
				 br_db_errmsg(db));
			goto out;
		}
		sqlite3_free(ins);
	}
	while ((step = sqlite3_step(from)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			sqlite3_bind_value(to, i + 1,
					   sqlite3_column_value(from, i));
		if (sqlite3_step(to) != SQLITE_DONE) {
			snprintf(err, errlen, "search index: %s: %s", table,
				 br_db_errmsg(db));
			goto out;
		}
		sqlite3_reset(to);
	}
	if (step != SQLITE_DONE) {
		snprintf(err, errlen, "search index: %s: %s", table,
			 sqlite3_errmsg(side));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(from);
	sqlite3_finalize(to);
	sqlite3_free(sel);
	sqlite3_free(del);
	return rc;
}

/* Replaces db's index tables with the side database's. */
static int copy_in(struct br_fts_build *b, struct br_db *db, char *err,
		   size_t errlen)
{
	sqlite3 *side = NULL;
	char scratch[256];
	size_t j;
	int rc;

	if (sqlite3_open_v2(b->side_path, &side, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", b->side_path,
			 side ? sqlite3_errmsg(side) : "out of memory");
		sqlite3_close(side);
		return -1;
	}
	rc = br_db_exec(db, "SAVEPOINT br_fts_copy", err, errlen);
	for (j = 0; rc == 0 && j < BR_ARRAY_SIZE(index_tables); j++) {
		char table[64];

		snprintf(table, sizeof(table), "%s%s", fts_table,
			 index_tables[j]);
		rc = copy_table(side, db, table, err, errlen);
	}
	if (rc == 0)
		rc = br_db_exec(db, "RELEASE br_fts_copy", err, errlen);
	else
		br_db_exec(db, "ROLLBACK TO br_fts_copy; RELEASE br_fts_copy",
			   scratch, sizeof(scratch));
	sqlite3_close(side);
	return rc;
}

void br_fts_build_close(struct br_fts_build *b)
{
	if (b->in_line)
		return;
	pthread_mutex_lock(&b->mu);
	b->closed = 1;
	pthread_cond_broadcast(&b->not_empty);
	pthread_mutex_unlock(&b->mu);
}

int br_fts_build_finish(struct br_fts_build *b, struct br_db *db, char *err,
			size_t errlen)
{
	int rc = 0;

	if (b->in_line) {
		/* Merged once; dropped with the caller's savepoint. */
		if (db && br_fts_bulk(br_db_handle(db), fts_table, 0, 0) !=
				  SQLITE_OK) {
			snprintf(err, errlen, "%s", br_db_errmsg(db));
			rc = -1;
		}
		free(b);
		return rc;
	}
	pthread_mutex_lock(&b->mu);
	b->closed = 1;
	b->abandon = db == NULL;
	pthread_cond_broadcast(&b->not_empty);
	pthread_mutex_unlock(&b->mu);
	pthread_join(b->thread, NULL);
	drain(b);
	if (b->failed) {
		snprintf(err, errlen, "%s", b->err);
		rc = -1;
	} else if (db) {
		rc = copy_in(b, db, err, errlen);
	}
	remove(b->side_path);
	pthread_mutex_destroy(&b->mu);
	pthread_cond_destroy(&b->not_empty);
	pthread_cond_destroy(&b->not_full);
	free(b->table_sql);
	free(b->side_path);
	free(b);
	return rc;
}
