/* db_open: opening a boardroom database: the bundled dataset (a baked
 * image, or built from the SQL the program carries) or a file, checked
 * to be one this program can read. */
#include "boardroom/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/text.h"
#include "model/model.h"

/* Defined by the build from schema.sql and db/dataset.sql (tools/embed.c). */
extern const char br_schema_sql[];
extern const char br_dataset_sql[];

static const unsigned char *bundled_image;
static size_t bundled_len;

void br_db_use_image(const unsigned char *image, size_t len)
{
	bundled_image = image;
	bundled_len = image ? len : 0;
}

/* The image into conn's main database: a private, writable copy. */
static int load_image(sqlite3 *conn)
{
	unsigned char *copy = sqlite3_malloc64(bundled_len);

	if (!copy)
		return SQLITE_NOMEM;
	memcpy(copy, bundled_image, bundled_len);
	return sqlite3_deserialize(
		conn, "main", copy, (sqlite3_int64)bundled_len,
		(sqlite3_int64)bundled_len,
		SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
}

struct br_db *br_db_open_bundled(char *err, size_t errlen)
{
	sqlite3 *conn = NULL;
	struct br_db *db;
	char msg[256];

	if (sqlite3_open_v2(":memory:", &conn,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open an in-memory database: %s",
			 conn ? sqlite3_errmsg(conn) : "out of memory");
		sqlite3_close(conn);
		return NULL;
	}
	if (bundled_image) {
		int rc = load_image(conn);

		db = db_new(conn, "the bundled dataset");
		if (rc != SQLITE_OK || db_load_meta(db, msg, sizeof(msg)) < 0) {
			snprintf(err, errlen, "bundled dataset: %s",
				 rc != SQLITE_OK ? sqlite3_errstr(rc) : msg);
			br_db_close(db);
			return NULL;
		}
		return db;
	}
	db = db_new(conn, "the bundled dataset");
	if (br_db_exec(db, br_schema_sql, msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, "BEGIN", msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, br_dataset_sql, msg, sizeof(msg)) < 0 ||
	    br_db_exec(db, "COMMIT", msg, sizeof(msg)) < 0 ||
	    br_db_finalize(db, BR_DERIVE_ALL, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "bundled dataset: %s", msg);
		br_db_close(db);
		return NULL;
	}
	return db;
}

static const char app_id_sql[] = "PRAGMA application_id";
static const char version_sql[] = "PRAGMA user_version";

static int pragma_int(struct br_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;

	/* Not cached: a failing pragma (not a database) must not abort. */
	if (sqlite3_prepare_v2(br_db_handle(db), sql, -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Every table and column the queries use. A file that says it is a
 * boardroom database but lacks one is refused here, with its name, rather
 * than failing a query later. Each is only prepared, which reads nothing
 * but the schema; the search indexes are probed through the tables that
 * hold them (vtab_sql has them be FTS5 tables), since preparing a query
 * of an FTS5 table reads its configuration and structure, pages the first
 * frame has no use for: the first search reads them. */
static const char *const table_probes[] = {
	"SELECT id, kind, marker, ts, t_min, t_max, precision, inferred,"
	" time_text, title_en, title_zh, summary_en, summary_zh, seq FROM "
	"event",
	"SELECT id, slug, kind, name_en, name_zh, bio_en, bio_zh, tier,"
	" headcount, unreviewed FROM person",
	"SELECT code, name_en, name_zh, placed FROM tier",
	"SELECT person_id, alias, norm FROM alias",
	"SELECT id, slug, name_en, name_zh, desc_en, desc_zh, axis FROM "
	"faction",
	"SELECT event_id, person_id, role, ts, faction_id, stance_id FROM "
	"participant",
	"SELECT code, name_en, name_zh, part FROM role_title",
	"SELECT id, person_id, org_id, code, since, until, since_event,"
	" until_event FROM role",
	"SELECT id, person_id, faction_id, since, event_id, note_en, note_zh,"
	" axis FROM stance",
	"SELECT code, name_en, name_zh FROM figure_kind",
	"SELECT id, code, event_id, value, total, shown_en, shown_zh, ts,"
	" until_event, until FROM figure",
	"SELECT id, event_id, kind, text_en, text_zh FROM note",
	"SELECT person_id, n_events, first_ts, placed_from FROM person_stat",
	"SELECT dim, key, width, start, n FROM tally",
	"SELECT faction_id, rank, t_from, t_to, person_id, since, stance_id,"
	" stance_since, stance_event FROM side_span",
	"SELECT faction_id, ts, n FROM side_count",
	"SELECT pos, person_id, norms FROM person_rank",
	"SELECT key, value FROM meta",
};

/* The search indexes, each probed through the tables that hold it. */
static const struct {
	const char *table, *probe[2];
} fts_probes[] = {
	{"event_fts",
	 {"SELECT k, v FROM event_fts_config",
	  "SELECT id, block FROM event_fts_data"}},
	{"event_gram",
	 {"SELECT k, v FROM event_gram_config",
	  "SELECT id, block FROM event_gram_data"}},
};

/* Whether table ?1 is an FTS5 table: one row of the schema, read
 * already. */
static const char vtab_sql[] =
	"SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1"
	" AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'";

/* Whether sql prepares; with bind (if not NULL) as ?1, whether it has a
 * row. */
static int probe(struct br_db *db, const char *sql, const char *bind)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(br_db_handle(db), sql, -1, &st, NULL);

	if (rc == SQLITE_OK && bind) {
		sqlite3_bind_text(st, 1, bind, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK;
}

static int check_tables(struct br_db *db, char *err, size_t errlen)
{
	const char *missing = NULL;
	int n = 0;
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(table_probes) && !missing; i++) {
		if (!probe(db, table_probes[i], NULL)) {
			/* The table is the word after FROM. */
			missing = strstr(table_probes[i], " FROM ") + 6;
			n = (int)strcspn(missing, " ");
		}
	}
	for (i = 0; i < BR_ARRAY_SIZE(fts_probes) && !missing; i++) {
		if (!probe(db, vtab_sql, fts_probes[i].table) ||
		    !probe(db, fts_probes[i].probe[0], NULL) ||
		    !probe(db, fts_probes[i].probe[1], NULL)) {
			missing = fts_probes[i].table;
			n = (int)strlen(missing);
		}
	}
	if (missing)
		snprintf(err, errlen,
			 "the table %.*s is missing or not as this program "
			 "reads it",
			 n, missing);
	return missing ? -1 : 0;
}

/* Schema 3 had no person.unreviewed. Written to, the database gets it
 * (everyone reviewed); only read, a view of this connection shows the
 * column as 0 and the file stays as it was. */
static const char upgrade3_sql[] =
	"ALTER TABLE person ADD COLUMN unreviewed INTEGER NOT NULL DEFAULT 0"
	" CHECK (unreviewed IN (0, 1)); PRAGMA user_version = 4;";
static const char view3_sql[] = "CREATE TEMP VIEW person AS"
				" SELECT *, 0 AS unreviewed FROM main.person";

static int upgrade(struct br_db *db, int version, enum br_db_mode mode,
		   const char *path, char *err, size_t errlen)
{
	char msg[256];

	/* A failure (no person table) is named by check_tables after. */
	(void)path, (void)err, (void)errlen;
	if (version == 3)
		br_db_exec(db, mode == BR_DB_WRITE ? upgrade3_sql : view3_sql,
			   msg, sizeof(msg));
	return 0;
}

/* Checks that db is a boardroom database this program can read. */
static int check_file(struct br_db *db, const char *path, enum br_db_mode mode,
		      char *err, size_t errlen)
{
	int app = 0, version = 0;
	char msg[256];

	if (pragma_int(db, app_id_sql, &app) < 0) {
		if ((sqlite3_errcode(br_db_handle(db)) & 0xff) == SQLITE_BUSY)
			snprintf(err, errlen,
				 "%s: the database is locked by another "
				 "program (waited %d s)",
				 path, DB_BUSY_MS / 1000);
		else
			br_db_explain(br_db_handle(db), path, err, errlen);
		return -1;
	}
	if (app != BR_APPLICATION_ID) {
		snprintf(err, errlen, "%s: not a boardroom database", path);
		return -1;
	}
	if (pragma_int(db, version_sql, &version) < 0 || version < 1) {
		snprintf(err, errlen, "%s: no schema version", path);
		return -1;
	}
	if (version < BR_SCHEMA_OLDEST) {
		snprintf(err, errlen,
			 "%s: made by an older boardroom (schema %d; this "
			 "program needs %d): build it again with boardroom "
			 "import or gen",
			 path, version, BR_SCHEMA_OLDEST);
		return -1;
	}
	if (version > BR_SCHEMA_VERSION) {
		snprintf(err, errlen,
			 "%s: made by a newer boardroom (schema %d; this "
			 "program knows %d)",
			 path, version, BR_SCHEMA_VERSION);
		return -1;
	}
	if (upgrade(db, version, mode, path, err, errlen) < 0)
		return -1;
	if (check_tables(db, msg, sizeof(msg)) < 0) {
		if ((sqlite3_errcode(br_db_handle(db)) & 0xff) ==
		    SQLITE_CORRUPT)
			br_db_explain(br_db_handle(db), path, err, errlen);
		else
			snprintf(err, errlen,
				 "%s: not a complete boardroom database (%s): "
				 "build it again with boardroom import or gen",
				 path, msg);
		return -1;
	}
	if (db_load_meta(db, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "%s: %s", path, msg);
		return -1;
	}
	return 0;
}

struct br_db *br_db_open_file(const char *path, enum br_db_mode mode, char *err,
			      size_t errlen)
{
	sqlite3 *conn = NULL;
	struct br_db *db;
	struct stat st;
	char msg[256];
	int flags;

	if (!path[0]) {
		snprintf(err, errlen, "an empty file name names no database");
		return NULL;
	}
	if (mode != BR_DB_CREATE) {
		if (stat(path, &st) != 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return NULL;
		}
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: is a directory", path);
			return NULL;
		}
		if (st.st_size == 0) {
			snprintf(err, errlen, "%s: empty file, not a database",
				 path);
			return NULL;
		}
		flags = mode == BR_DB_READ ? SQLITE_OPEN_READONLY
					   : SQLITE_OPEN_READWRITE;
	} else {
		if (stat(path, &st) == 0) {
			snprintf(err, errlen, "%s: already exists", path);
			return NULL;
		}
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	}
	if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
		if (conn)
			br_db_explain(conn, path, err, errlen);
		else
			snprintf(err, errlen, "%s: out of memory", path);
		sqlite3_close(conn);
		return NULL;
	}
	db = db_new(conn, path);
	if (mode == BR_DB_CREATE) {
		if (br_db_exec(db, br_schema_sql, msg, sizeof(msg)) < 0) {
			br_db_explain(br_db_handle(db), path, err, errlen);
			br_db_close(db);
			remove(path);
			return NULL;
		}
		return db;
	}
	if (check_file(db, path, mode, err, errlen) < 0) {
		br_db_close(db);
		return NULL;
	}
	return db;
}
