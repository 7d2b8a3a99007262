#include "bench/gen_index.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"

/* The FTS5 table built here, and the tables that hold its index. */
static const char *const indexes[] = {"event_fts"};
static const char *const index_tables[] = {"_data", "_idx", "_docsize"};

#define QUEUE_LEN 2048

/* One queued event: its five strings, NUL-separated, in one block. */
struct slot {
	int64_t seq;
	char *text;
};

struct gen_index {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	struct slot queue[QUEUE_LEN];
	size_t head, count;
	int closed; /* no more rows: finish, or stop if abandon */
	int abandon;
	int failed;
	char err[256];
	char *side_path;
	char *table_sql[BR_ARRAY_SIZE(indexes)]; /* CREATE VIRTUAL TABLE */
};

static const char table_sql_sql[] =
	"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?";

static const char side_setup_sql[] =
	"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	" PRAGMA cache_size = -65536;";

int gen_fts_bulk(sqlite3 *conn, const char *table, int on)
{
	/* On: up to 128 MiB of terms in memory before a segment is written,
	 * and no merging as segments come. Off: one merge, then FTS5's
	 * defaults. */
	char *sql = sqlite3_mprintf(
		on ? "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
		     " ('hashsize', 134217728);"
		     "INSERT INTO \"%w\" (\"%w\", rank) VALUES ('automerge', "
		     "0);"
		     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
		     " ('crisismerge', 1000);"
		   : "INSERT INTO \"%w\" (\"%w\") VALUES ('optimize');"
		     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
		     " ('hashsize', 1048576);"
		     "INSERT INTO \"%w\" (\"%w\", rank) VALUES ('automerge', "
		     "4);"
		     "INSERT INTO \"%w\" (\"%w\", rank) VALUES"
		     " ('crisismerge', 16);",
		table, table, table, table, table, table, table, table);
	int rc = sql ? sqlite3_exec(conn, sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	return rc;
}
static const char fts_insert_sql[] =
	"INSERT INTO event_fts (rowid, title_en, title_zh, summary_en,"
	" summary_zh, names) VALUES (?, ?, ?, ?, ?, ?)";

static void fail(struct gen_index *ix, sqlite3 *conn, const char *what)
{
	pthread_mutex_lock(&ix->mu);
	if (!ix->failed)
		snprintf(ix->err, sizeof(ix->err), "search index: %s: %s", what,
			 conn ? sqlite3_errmsg(conn) : "out of memory");
	ix->failed = 1;
	pthread_cond_broadcast(&ix->not_full);
	pthread_mutex_unlock(&ix->mu);
}

/* Takes the next row; 0 when the queue is closed and empty, or the
 * result is abandoned. */
static int pop(struct gen_index *ix, struct slot *out)
{
	int got = 0;

	pthread_mutex_lock(&ix->mu);
	while (!ix->count && !ix->closed)
		pthread_cond_wait(&ix->not_empty, &ix->mu);
	if (ix->count && !ix->abandon) {
		*out = ix->queue[ix->head];
		ix->head = (ix->head + 1) % QUEUE_LEN;
		ix->count--;
		got = 1;
		pthread_cond_signal(&ix->not_full);
	}
	pthread_mutex_unlock(&ix->mu);
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

static void *run(void *arg)
{
	struct gen_index *ix = arg;
	sqlite3 *conn = NULL;
	sqlite3_stmt *fts = NULL;
	struct slot s;
	size_t i;

	if (sqlite3_open_v2(ix->side_path, &conn,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(conn, side_setup_sql, NULL, NULL, NULL) != SQLITE_OK) {
		fail(ix, conn, ix->side_path);
		goto out;
	}
	for (i = 0; i < BR_ARRAY_SIZE(indexes); i++) {
		if (sqlite3_exec(conn, ix->table_sql[i], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			fail(ix, conn, indexes[i]);
			goto out;
		}
	}
	if (gen_fts_bulk(conn, indexes[0], 1) != SQLITE_OK ||
	    sqlite3_exec(conn, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(conn, fts_insert_sql, -1, &fts, NULL) !=
		    SQLITE_OK) {
		fail(ix, conn, "setting up");
		goto out;
	}
	while (pop(ix, &s)) {
		int rc = insert(fts, &s);

		free(s.text);
		if (rc < 0) {
			fail(ix, conn, "adding an event");
			goto out;
		}
	}
	if (!ix->abandon &&
	    (gen_fts_bulk(conn, indexes[0], 0) != SQLITE_OK ||
	     sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL) != SQLITE_OK))
		fail(ix, conn, "merging");
out:
	sqlite3_finalize(fts);
	sqlite3_close(conn);
	/* Drain what is left, so nothing waits and nothing leaks. */
	while (pop(ix, &s))
		free(s.text);
	return NULL;
}

struct gen_index *gen_index_start(struct br_db *db, const char *side_path,
				  char *err, size_t errlen)
{
	struct gen_index *ix = br_xcalloc(1, sizeof(*ix));
	sqlite3_stmt *st = br_db_stmt(db, table_sql_sql);
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(indexes); i++) {
		sqlite3_bind_text(st, 1, indexes[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			ix->table_sql[i] = br_xstrdup(br_col(st, 0));
		br_db_reset(st);
		if (!ix->table_sql[i]) {
			snprintf(err, errlen, "no table %s in the schema",
				 indexes[i]);
			goto fail;
		}
	}
	ix->side_path = br_xstrdup(side_path);
	pthread_mutex_init(&ix->mu, NULL);
	pthread_cond_init(&ix->not_empty, NULL);
	pthread_cond_init(&ix->not_full, NULL);
	if (pthread_create(&ix->thread, NULL, run, ix) != 0) {
		snprintf(err, errlen, "cannot start a thread");
		pthread_mutex_destroy(&ix->mu);
		pthread_cond_destroy(&ix->not_empty);
		pthread_cond_destroy(&ix->not_full);
		goto fail;
	}
	return ix;
fail:
	for (i = 0; i < BR_ARRAY_SIZE(indexes); i++)
		free(ix->table_sql[i]);
	free(ix->side_path);
	free(ix);
	return NULL;
}

int gen_index_add(struct gen_index *ix, const struct gen_index_row *row)
{
	const char *f[5] = {row->title_en, row->title_zh, row->summary_en,
			    row->summary_zh, row->names};
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
	pthread_mutex_lock(&ix->mu);
	while (ix->count == QUEUE_LEN && !ix->failed)
		pthread_cond_wait(&ix->not_full, &ix->mu);
	if (ix->failed) {
		rc = -1;
		free(text);
	} else {
		ix->queue[(ix->head + ix->count) % QUEUE_LEN] =
			(struct slot){row->seq, text};
		ix->count++;
		pthread_cond_signal(&ix->not_empty);
	}
	pthread_mutex_unlock(&ix->mu);
	return rc;
}

static const char attach_sql[] = "ATTACH ? AS side";

/* Replaces db's index tables with the side database's. */
static int copy_in(struct gen_index *ix, struct br_db *db, char *err,
		   size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, attach_sql);
	char scratch[256];
	size_t i, j;
	int rc;

	sqlite3_bind_text(st, 1, ix->side_path, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	br_db_reset(st);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s: %s", ix->side_path,
			 br_db_errmsg(db));
		return -1;
	}
	rc = br_db_exec(db, "BEGIN", err, errlen);
	for (i = 0; rc == 0 && i < BR_ARRAY_SIZE(indexes); i++) {
		for (j = 0; rc == 0 && j < BR_ARRAY_SIZE(index_tables); j++) {
			char *sql = sqlite3_mprintf(
				"DELETE FROM main.\"%w%s\";"
				" INSERT INTO main.\"%w%s\""
				" SELECT * FROM side.\"%w%s\";",
				indexes[i], index_tables[j], indexes[i],
				index_tables[j], indexes[i], index_tables[j]);

			rc = sql ? br_db_exec(db, sql, err, errlen) : -1;
			sqlite3_free(sql);
		}
	}
	if (rc == 0)
		rc = br_db_exec(db, "COMMIT", err, errlen);
	else
		br_db_exec(db, "ROLLBACK", scratch, sizeof(scratch));
	br_db_exec(db, "DETACH side", scratch, sizeof(scratch));
	return rc;
}

void gen_index_close(struct gen_index *ix)
{
	pthread_mutex_lock(&ix->mu);
	ix->closed = 1;
	pthread_cond_broadcast(&ix->not_empty);
	pthread_mutex_unlock(&ix->mu);
}

int gen_index_finish(struct gen_index *ix, struct br_db *db, char *err,
		     size_t errlen)
{
	size_t i;
	int rc = 0;

	pthread_mutex_lock(&ix->mu);
	ix->closed = 1;
	ix->abandon = db == NULL;
	pthread_cond_broadcast(&ix->not_empty);
	pthread_mutex_unlock(&ix->mu);
	pthread_join(ix->thread, NULL);
	if (ix->failed) {
		snprintf(err, errlen, "%s", ix->err);
		rc = -1;
	} else if (db) {
		rc = copy_in(ix, db, err, errlen);
	}
	remove(ix->side_path);
	pthread_mutex_destroy(&ix->mu);
	pthread_cond_destroy(&ix->not_empty);
	pthread_cond_destroy(&ix->not_full);
	for (i = 0; i < BR_ARRAY_SIZE(indexes); i++)
		free(ix->table_sql[i]);
	free(ix->side_path);
	free(ix);
	return rc;
}
