/* floor: the least SQL a hand-written program would run for each of the
 * explorer's operations, on the same database, for the benchmark's
 * "times its raw-SQL floor" column. Each runs its query to the last row
 * of one screenful (rows) and returns the microseconds that took, on the
 * second run (the first prepares the statement); setup it needs (a key
 * to page from) is not timed.
 *
 * Operations (arg in brackets):
 *   open          a new connection to the same file, then the first page
 *   page          the page after the first
 *   date [T]      the page from instant T (seconds since 1970)
 *   person [ID]   the first page of one person's events
 *   search [TEXT] the first page of a search: the trigram index for three
 *                 characters or more, the index of pairs for fewer
 *   ruler [W]     events per bucket over all time, W buckets
 *   tally [ID] [W] the same for one person, from the tally
 *   split [T]     the size of each side at T and its first rows people
 *   people [TEXT] the first people whose folded alias starts with TEXT */
#ifndef BOARDROOM_FLOOR_H
#define BOARDROOM_FLOOR_H

#include "boardroom/db.h"

/* Runs operation name with arg (may be "") and rows per screen. Returns
 * the microseconds, or -1 if name is unknown or the query fails. */
double br_floor_run(struct br_db *db, const char *name, const char *arg,
		    int rows);

/* Drops the database from the operating system's page cache and from
 * SQLite's, so the next query reads from the disk: the cold case. 0, or
 * -1 if the file cannot be opened (the bundled dataset has none). */
int br_floor_drop_caches(struct br_db *db);

#endif
