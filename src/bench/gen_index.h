/* gen_index: builds the trigram search index of a generated database on a
 * second core while the generator writes the tables on the first.
 *
 * The events' texts go through a bounded queue to a thread that fills
 * event_fts in a side database made with the same definition. When the
 * generator is done, the side database's index tables (an FTS5 index is
 * the plain tables NAME_data, NAME_idx and NAME_docsize) are copied into
 * the database. Both sides are written by this program's SQLite, so the
 * copy is the index the database would have built itself. The side
 * keeps large segments in memory and merges them once at the end instead
 * of over and over as they come. */
#ifndef BOARDROOM_GEN_INDEX_H
#define BOARDROOM_GEN_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/db.h"

struct gen_index;

/* The texts of one event, as the search indexes take them. */
struct gen_index_row {
	int64_t seq; /* the event's seq: the indexes' rowid */
	const char *title_en, *title_zh, *summary_en, *summary_zh;
	const char *names; /* the participants' names, space separated */
};

/* Starts the thread, with the side database at side_path (created; must
 * not exist). db is only read here, for the tables' definitions. Returns
 * NULL with a message in err on failure. */
struct gen_index *gen_index_start(struct br_db *db, const char *side_path,
				  char *err, size_t errlen);

/* Queues one event (its strings are copied). Waits while the queue is
 * full. Returns 0, or -1 if the thread has failed. */
int gen_index_add(struct gen_index *ix, const struct gen_index_row *row);

/* Says there are no more rows: the thread merges what it has while the
 * caller goes on. */
void gen_index_close(struct gen_index *ix);

/* Sets the FTS5 table for a bulk load (on) or merges it once and sets
 * FTS5's defaults again (off). Returns an SQLite result code. */
int gen_fts_bulk(sqlite3 *conn, const char *table, int on);

/* Waits for the thread, then copies the indexes into db, which must not
 * be inside a transaction; with db NULL, stops the thread and drops what
 * it built. Frees ix and removes the side database either way. Returns
 * 0, or -1 with a message in err. */
int gen_index_finish(struct gen_index *ix, struct br_db *db, char *err,
		     size_t errlen);

#endif
