/* db: opening a boardroom database, the bundled dataset, the derived
 * columns, and a cache of prepared statements for the query modules.
 *
 * A struct br_db owns its SQLite connection and every statement it has
 * prepared; br_db_close releases them all. */
#ifndef BOARDROOM_DB_H
#define BOARDROOM_DB_H

#include <sqlite3.h>
#include <stddef.h>

#include "boardroom/base.h"

/* The schema version this program writes, and the oldest it reads.
 * Schema 3 keeps the trigram index with positions (the queries read both
 * layouts) and lacks person.unreviewed (br_db_open_file adds it when
 * writing, or reads it as 0 when only reading). */
#define BR_SCHEMA_VERSION 4
#define BR_SCHEMA_OLDEST  3
/* PRAGMA application_id of a boardroom database ("boar"). */
#define BR_APPLICATION_ID 0x626f6172

/* Facts about the dataset, from its meta table. */
struct br_meta {
	br_instant window_start; /* T+0 of the crisis clock */
	br_instant window_end;
	int year;    /* for dates typed without one */
	char tz[64]; /* IANA zone the source's times are in */
	char title[2][128];
};

/* Column i of the current row as text, "" for NULL; owned by st. */
static inline const char *br_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

struct br_db;

enum br_db_mode {
	BR_DB_READ,   /* an existing database, never written */
	BR_DB_CREATE, /* a new database (the file must not exist) */
	BR_DB_WRITE,  /* an existing database, to add to */
};

/* Opens the dataset built into the program, in memory. Returns NULL and a
 * one-line message in err on failure (which would be a build fault). */
struct br_db *br_db_open_bundled(char *err, size_t errlen);

/* From now on br_db_open_bundled loads image, the bundled dataset as a
 * finished database (made at build time by tools/bake.c from the same
 * schema and data), instead of building it from its SQL at every start.
 * image is not copied: static data. NULL goes back to the SQL. */
void br_db_use_image(const unsigned char *image, size_t len);

/* Opens path. BR_DB_READ and BR_DB_WRITE check that it is a boardroom
 * database of a version this program knows (and that it has the meta
 * facts); BR_DB_CREATE makes a new one with the schema and nothing else.
 * Returns NULL and a one-line message naming path on failure. */
struct br_db *br_db_open_file(const char *path, enum br_db_mode mode, char *err,
			      size_t errlen);

void br_db_close(struct br_db *db);

/* The connection, for the query modules; owned by db. */
sqlite3 *br_db_handle(struct br_db *db);

/* The dataset's meta facts; owned by db. */
const struct br_meta *br_db_meta(const struct br_db *db);

/* A prepared statement for sql, reset and with its bindings cleared.
 * Statements are cached by the text of sql, so each query is prepared
 * once. The statement is owned by db: callers reset it (br_db_reset) when
 * they are done with its rows, and never finalize it. A statement that
 * fails to prepare is a programming fault: it aborts with a message. */
sqlite3_stmt *br_db_stmt(struct br_db *db, const char *sql);

/* Plan checks, for tests: from now on each statement prepared is
 * explained, and a step that reads the whole of a table as large as the
 * timeline (events, participations) without an index, or sorts in a
 * temporary b-tree, is recorded. */
void br_db_check_plans(struct br_db *db, int on);
/* What the checks recorded, one step and its SQL per entry; "" if
 * nothing. Owned by db. */
const char *br_db_plan_problems(const struct br_db *db);

/* Resets a statement from br_db_stmt so it can be used again. */
void br_db_reset(sqlite3_stmt *stmt);

/* Holds one read transaction over the queries until the matching
 * br_db_read_end: one snapshot of the file, and one lock of it for all of
 * them rather than a lock, a look at the file's change counter and an
 * unlock for each statement (with a screenful of small queries, most of
 * the time they take). It begins with the first statement br_db_stmt
 * gives out, so a scope that asks nothing runs no SQL. Calls nest: only
 * the outermost begins and ends, and a transaction the caller opened
 * itself is left to the caller. Every begin is paired with an end. Never
 * held while waiting for input: a program writing the file waits for it.
 * br_db_read_end returns 0, or -1 if SQLite would not end it. */
void br_db_read_begin(struct br_db *db);
int br_db_read_end(struct br_db *db);

/* Runs SQL with no results (several statements allowed); 0 on success,
 * -1 with the message in err. */
int br_db_exec(struct br_db *db, const char *sql, char *err, size_t errlen);

/* What br_db_finalize derives from the data. */
enum {
	BR_DERIVE_ALIASES = 1 << 0, /* names as aliases; alias.norm */
	BR_DERIVE_PARTICIPANTS =
		1 << 1,		  /* participant.ts, faction_id, stance_id */
	BR_DERIVE_FTS = 1 << 2,	  /* event_fts, event_gram (need seq) */
	BR_DERIVE_SEQ = 1 << 3,	  /* event.seq: (ts, id) order */
	BR_DERIVE_STATS = 1 << 4, /* person_stat, sides, figure.ts, until */
	BR_DERIVE_TALLY = 1 << 5, /* tally (needs stats) */
	BR_DERIVE_ALL = 63,
};
/* person_rank is derived again with either BR_DERIVE_ALIASES or
 * BR_DERIVE_STATS: it holds the aliases in the order of the counts. */

/* The tally's bucket widths in seconds (schema.sql, tally): an hour, a
 * day, 16 days. */
#define BR_TALLY_HOUR 3600
#define BR_TALLY_DAY  86400
#define BR_TALLY_SPAN 1382400

/* People with at least this many events are tallied by day and by 16
 * days; fewer are counted from their own index, which is as quick, and a
 * tally of them would be as large as the index. */
#define BR_TALLY_MIN_EVENTS 1000

/* The start of the bucket of width seconds that holds t (before 1970
 * too). */
static inline br_instant br_bucket_start(br_instant t, br_instant width)
{
	return t - ((t % width) + width) % width;
}

/* Fills the derived columns after data was inserted, then reloads the
 * meta facts: in one transaction, or as part of the caller's if one is
 * open (then nothing is kept unless the caller commits). */
int br_db_finalize(struct br_db *db, unsigned what, char *err, size_t errlen);

/* For a caller that dropped the indexes of event and participant for a
 * bulk load: br_db_finalize, calling indexes(ctx, table, ...) to build a
 * table's again where the derivations start to read through them, once
 * for "event" (after seq, before the search indexes' pass) and once for
 * "participant" (after its derived columns, so they update no index).
 * indexes returns 0, or -1 with the message in err, which stops. */
typedef int (*br_db_index_fn)(void *ctx, const char *table, char *err,
			      size_t errlen);
int br_db_finalize_bulk(struct br_db *db, unsigned what, br_db_index_fn indexes,
			void *ctx, char *err, size_t errlen);

/* The last error message of the connection. */
const char *br_db_errmsg(struct br_db *db);

#endif
