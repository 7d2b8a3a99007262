/* gen_index: builds the search indexes of a generated database on a second
 * core while the generator writes the tables on the first.
 *
 * The events' texts go through a bounded queue to a thread that fills the
 * database's FTS5 tables (event_fts, event_gram) in a side database made
 * with the same definitions. When the generator is done, the side
 * database's index tables (each FTS5 index is the plain tables
 * NAME_data, NAME_idx and NAME_docsize) are copied into the database.
 * Both sides are written by this program's SQLite, so the copy is the
 * index the database would have built itself, without the merges an
 * index built row by row does over and over. */
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

/* Waits for the thread, then copies the indexes into db, which must not
 * be inside a transaction; with db NULL, stops the thread and drops what
 * it built. Frees ix and removes the side database either way. Returns
 * 0, or -1 with a message in err. */
int gen_index_finish(struct gen_index *ix, struct br_db *db, char *err,
		     size_t errlen);

#endif
