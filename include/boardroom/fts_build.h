/* fts_build: builds the trigram search index (event_fts) on a second core
 * while the caller does the rest of its work on the first.
 *
 * The events' texts go through a bounded queue to a thread that fills
 * event_fts in a side database made with the database's own definition
 * of the table. When the caller is done, the side database's index tables
 * (an FTS5 index is the plain tables NAME_data, NAME_idx and
 * NAME_docsize) are copied into the database. Both sides are written by
 * this program's SQLite, so the copy is the index the database would have
 * built itself. The side keeps large segments in memory and merges them
 * once at the end instead of over and over as they come.
 *
 * Used by the generator (src/bench/gen.c) and by the derivation of the
 * search indexes (src/model/db_search.c), which an import runs. */
#ifndef BOARDROOM_FTS_BUILD_H
#define BOARDROOM_FTS_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/db.h"

struct br_fts_build;

/* The texts of one event, as the search indexes take them. */
struct br_fts_row {
	int64_t seq; /* the event's seq: the indexes' rowid */
	const char *title_en, *title_zh, *summary_en, *summary_zh;
	const char *names; /* the participants' names, space separated; may
			    * be NULL (none) */
};

/* Starts the thread, with the side database at side_path (created; a
 * file left there is replaced). hash_bytes is how much of the index the
 * side keeps in memory before it writes a segment. db is only read here,
 * for the table's definition. With side_path NULL there is no thread:
 * the rows go into db's own event_fts (emptied first) as they come, and
 * finish merges it. Returns NULL with a message in err on failure. The
 * caller owns the result until br_fts_build_finish. */
struct br_fts_build *br_fts_build_start(struct br_db *db, const char *side_path,
					long hash_bytes, char *err,
					size_t errlen);

/* Queues one event in time order (its strings are copied). Waits while
 * the queue is full. Returns 0, or -1 if the thread has failed. */
int br_fts_build_add(struct br_fts_build *b, const struct br_fts_row *row);

/* Says there are no more rows: the thread merges what it has while the
 * caller goes on. */
void br_fts_build_close(struct br_fts_build *b);

/* Sets an FTS5 table for a bulk load (on: hash_bytes of terms in memory
 * before a segment is written, no merging as segments come) or merges it
 * once and sets FTS5's defaults again (off). Returns an SQLite result
 * code. */
int br_fts_bulk(sqlite3 *conn, const char *table, int on, long hash_bytes);

/* Waits for the thread, then replaces db's event_fts index tables with
 * the side's, inside a savepoint (so within a transaction of the caller's
 * it commits or rolls back with it); with db NULL, stops the thread and
 * drops what it built. Frees b and removes the side database either way.
 * Returns 0, or -1 with a message in err. */
int br_fts_build_finish(struct br_fts_build *b, struct br_db *db, char *err,
			size_t errlen);

#endif
