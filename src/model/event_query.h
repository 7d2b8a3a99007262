/* event_query: puts together the SQL of the event queries (pages, steps,
 * counts, densities) from fixed fragments, never from user text: what the
 * user typed is bound as a parameter. The composed text is the statement
 * cache's key, so each shape is prepared once. Private to the model. */
#ifndef BOARDROOM_EVENT_QUERY_H
#define BOARDROOM_EVENT_QUERY_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "boardroom/db.h"
#include "boardroom/event.h"

struct query_bind {
	int is_text;
	int64_t i;
	const char *s; /* borrowed: lives as long as the query */
};

/* A query being put together; zero it to start. Text binds borrow their
 * strings (the filter's, its search's) until query_prepare, which has
 * SQLite copy them. */
struct query {
	char sql[12288]; /* every filter, 8 people, 8 terms: ~7 KB */
	size_t len;
	struct query_bind binds[96]; /* 8 people, 8 terms: ~72 */
	int n_binds;
	const char *key_ts, *key_id; /* key columns of the driving table */
	int by_seq;	/* the search index drives: page by its rowid (seq) */
	int count_only; /* no event columns are needed */
	int rows_only; /* nothing but that rows match: not even their instant */
};

/* Appends a fixed fragment of SQL (aborts if the buffer is too small: the
 * fragments are bounded, so that is a bug). */
void query_add(struct query *q, const char *fragment);
/* Binds the next parameter. */
void query_int(struct query *q, int64_t v);
void query_text(struct query *q, const char *s);
/* The statement for q, from the database's cache, with q's binds; reset
 * it with br_db_reset after use. */
sqlite3_stmt *query_prepare(struct br_db *db, const struct query *q);

/* FROM and the filter's WHERE terms; afterwards the query ends inside a
 * WHERE clause, so callers append " AND ..." terms. Sets key_ts, key_id
 * and by_seq. f and its search must outlive q. */
void query_from_filter(struct query *q, const struct br_filter *f);
/* Events strictly after (or before) key; nothing if key is NULL. */
void query_key(struct query *q, const struct br_key *key, enum br_dir dir);
/* ORDER BY the driving table's time order, in dir. */
void query_order(struct query *q, enum br_dir dir);

/* Whether the filter leaves out some kinds. */
int query_some_kinds(const struct br_filter *f);

#endif
