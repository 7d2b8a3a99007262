/* sql.h: one number from the database, for tests that check the model
 * against a plain query. */
#ifndef BOARDROOM_TESTS_SQL_H
#define BOARDROOM_TESTS_SQL_H

#include <sqlite3.h>
#include <stdint.h>

#include "boardroom/db.h"

/* The first column of the first row of sql, with arg (may be NULL) bound
 * to ?1; -1 if there is no row. */
static inline int64_t sql_int(struct br_db *db, const char *sql,
			      const char *arg)
{
	sqlite3_stmt *st = br_db_stmt(db, sql);
	int64_t n = -1;

	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return n;
}

#endif
