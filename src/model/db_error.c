/* db_error: SQLite's failures in the terms of someone who runs boardroom,
 * each naming the file. */
#include <stdio.h>

#include "model/model.h"

/* Whether the file at path says it is in WAL mode (bytes 18 and 19 of
 * the header, the read and write versions, are 2). */
static int is_wal(const char *path)
{
	unsigned char h[20];
	FILE *f = fopen(path, "rb");
	int wal = f && fread(h, 1, sizeof(h), f) == sizeof(h) && h[18] == 2 &&
		  h[19] == 2;

	if (f)
		fclose(f);
	return wal;
}

void br_db_explain(sqlite3 *conn, const char *path, char *err, size_t errlen)
{
	int code = sqlite3_extended_errcode(conn), wal = 0;
	const char *what;

	switch (code) {
	case SQLITE_READONLY_ROLLBACK:
		snprintf(err, errlen,
			 "%s: a write into it was interrupted, and %s-journal "
			 "holds what to undo; that needs write access: run "
			 "sqlite3 %s 'PRAGMA quick_check' once as its owner",
			 path, path, path);
		return;
	case SQLITE_READONLY_RECOVERY:
	case SQLITE_READONLY_CANTINIT:
	case SQLITE_READONLY_CANTLOCK:
		wal = 1;
		break;
	}
	if (wal || ((code & 0xff) == SQLITE_READONLY && is_wal(path))) {
		snprintf(err, errlen,
			 "%s: in WAL mode, which needs write access to its "
			 "folder (for %s-shm) even to be read: run sqlite3 %s "
			 "'PRAGMA journal_mode=DELETE' once as its owner",
			 path, path, path);
		return;
	}
	switch (code & 0xff) {
	case SQLITE_CANTOPEN:
		what = code == SQLITE_CANTOPEN_ISDIR
			       ? "is a directory, not a database"
			       : "cannot open the file, or create one beside "
				 "it (is its folder writable?)";
		break;
	case SQLITE_CORRUPT:
		what = "the database is damaged (a corrupt page): build it "
		       "again with boardroom import or gen";
		break;
	case SQLITE_NOTADB:
		what = "not a database";
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		what = "the database is locked by another program";
		break;
	case SQLITE_READONLY:
		what = code == SQLITE_READONLY_DIRECTORY
			       ? "cannot write the database: its folder is "
				 "read-only"
			       : "cannot write the database: the file or its "
				 "folder is read-only";
		break;
	case SQLITE_FULL:
		what = "cannot write the database: the disk is full";
		break;
	case SQLITE_IOERR:
		what = "the file cannot be read or written (an I/O error)";
		break;
	case SQLITE_PERM:
	case SQLITE_AUTH:
		what = "permission denied";
		break;
	case SQLITE_NOMEM:
		what = "out of memory";
		break;
	case SQLITE_TOOBIG:
		what = "a text or row is too large";
		break;
	case SQLITE_CONSTRAINT:
		what = "the data breaks a rule of the database (a duplicate "
		       "or a missing reference)";
		break;
	default:
		what = "the database is not as this program expects (a table "
		       "or column is missing): build it again with "
		       "boardroom import or gen";
		break;
	}
	snprintf(err, errlen, "%s: %s", path, what);
}
