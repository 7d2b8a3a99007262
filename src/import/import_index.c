/* import_index: the indexes of the tables an import fills (event,
 * participant), dropped in the import's transaction before its first
 * insert and built again, once, in its derivations (a table's where they
 * first read through them). A bulk insert then appends to
 * the tables alone, and the derivations that fill the indexed columns
 * (seq, participants' instants and sides) update no index; building an
 * index from sorted rows is much cheaper than keeping it up to date row
 * by row. The definitions are read from the database itself, so the
 * indexes come back as the schema has them. Unique indexes (the
 * markers') and primary keys stay: the import reads them. Declared in
 * import_private.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "import/import_private.h"

static const char list_sql[] =
	"SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index'"
	" AND tbl_name IN ('event', 'participant') AND sql IS NOT NULL"
	" AND sql NOT LIKE 'CREATE UNIQUE INDEX%'"
	" ORDER BY name";

int imp_indexes_drop(struct br_db *db, struct imp_indexes *ix, char *err,
		     size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, list_sql);
	char drop[256];
	size_t k;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ix->sql = br_grow(ix->sql, ix->n, &ix->cap, sizeof(*ix->sql));
		ix->name = br_xrealloc(ix->name, ix->cap * sizeof(*ix->name));
		ix->table =
			br_xrealloc(ix->table, ix->cap * sizeof(*ix->table));
		ix->name[ix->n] = br_xstrdup(br_col(st, 0));
		ix->table[ix->n] = br_xstrdup(br_col(st, 2));
		ix->sql[ix->n++] = br_xstrdup(br_col(st, 1));
	}
	br_db_reset(st);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s", br_db_errmsg(db));
		return -1;
	}
	for (k = 0; k < ix->n; k++) {
		snprintf(drop, sizeof(drop), "DROP INDEX \"%s\"", ix->name[k]);
		if (br_db_exec(db, drop, err, errlen) < 0)
			return -1;
	}
	ix->dropped = ix->n;
	return 0;
}

int imp_indexes_create(struct br_db *db, struct imp_indexes *ix,
		       const char *table, char *err, size_t errlen)
{
	size_t k;

	for (k = 0; ix->dropped && k < ix->n; k++) {
		if (!ix->sql[k] || (table && strcmp(ix->table[k], table)))
			continue;
		if (br_db_exec(db, ix->sql[k], err, errlen) < 0)
			return -1;
		free(ix->sql[k]);
		ix->sql[k] = NULL;
		ix->dropped--;
	}
	return 0;
}

void imp_indexes_free(struct imp_indexes *ix)
{
	size_t k;

	for (k = 0; k < ix->n; k++) {
		free(ix->name[k]);
		free(ix->table[k]);
		free(ix->sql[k]);
	}
	free(ix->name);
	free(ix->table);
	free(ix->sql);
	memset(ix, 0, sizeof(*ix));
}
