#include "boardroom/notes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "boardroom/merge.h"
#include "boardroom/text.h"
#include "model.h"

struct br_notes {
	sqlite3 *conn;
	struct br_db *db; /* the dataset, not owned */
	char dataset[32];
	char path[1024];
	char ro[1400]; /* why writing is impossible; "" if it is possible */
};

#define BUSY_MS 5000

static const char schema_sql[] = "CREATE TABLE IF NOT EXISTS bookmark ("
				 "  dataset  TEXT NOT NULL,"
				 "  ekey     TEXT NOT NULL,"
				 "  marker   TEXT NOT NULL DEFAULT '',"
				 "  ts       INTEGER NOT NULL,"
				 "  title_en TEXT NOT NULL DEFAULT '',"
				 "  note     TEXT NOT NULL DEFAULT '',"
				 "  version  INTEGER NOT NULL DEFAULT 1,"
				 "  created  INTEGER NOT NULL,"
				 "  updated  INTEGER NOT NULL,"
				 "  PRIMARY KEY (dataset, ekey)"
				 ") WITHOUT ROWID;";

/* Version 2: the last texts of each note, so that a save made from an
 * older version can be merged with the common ancestor. A mark's version
 * is the id of its text here (AUTOINCREMENT: never used twice, also after
 * a mark is removed and made again). Version 1's marks get one row each. */
static const char history_sql[] =
	"CREATE TABLE IF NOT EXISTS note_text ("
	"  id      INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  dataset TEXT NOT NULL,"
	"  ekey    TEXT NOT NULL,"
	"  note    TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS note_text_mark"
	"  ON note_text (dataset, ekey, id);"
	"INSERT INTO note_text (dataset, ekey, note)"
	"  SELECT dataset, ekey, coalesce(note, '') FROM bookmark"
	"  WHERE dataset IS NOT NULL AND ekey IS NOT NULL;"
	"UPDATE bookmark SET version = coalesce((SELECT max(id) FROM"
	"  note_text t WHERE t.dataset = bookmark.dataset AND"
	"  t.ekey = bookmark.ekey), version);";

/* How many texts of a note are kept: a save made from an older one is
 * merged as if from an unknown base (br_merge). */
#define HISTORY 16

static int exec(struct br_notes *n, const char *sql)
{
	return sqlite3_exec(n->conn, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
									 : -1;
}

static int64_t pragma_int(sqlite3 *conn, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(conn, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Checks or makes the schema; -1 with err if the file is not ours. */
static int setup(struct br_notes *n, char *err, size_t errlen)
{
	int64_t app = pragma_int(n->conn, "PRAGMA application_id");
	int64_t ver = pragma_int(n->conn, "PRAGMA user_version");

	if (app < 0 || ver < 0) {
		snprintf(err, errlen, "%s: %s", n->path,
			 sqlite3_errmsg(n->conn));
		return -1;
	}
	if ((app && app != BR_NOTES_APPLICATION_ID) ||
	    (!app && ver == 0 &&
	     pragma_int(n->conn, "SELECT count(*) FROM sqlite_schema") > 0)) {
		snprintf(err, errlen, "%s is not a boardroom user database",
			 n->path);
		return -1;
	}
	if (ver > BR_NOTES_VERSION) {
		snprintf(err, errlen,
			 "%s is of a newer version (%lld) than this program "
			 "knows",
			 n->path, (long long)ver);
		return -1;
	}
	if (n->ro[0])
		return app ? 0
			   : (snprintf(err, errlen, "%s is empty and read-only",
				       n->path),
			      -1);
	/* A rollback journal, not WAL: a reader then needs no space on the
	 * disk (a WAL reader must make its -shm file, which fails on a full
	 * disk), and a failed write is rolled back and leaves nothing. */
	exec(n, "PRAGMA journal_mode = DELETE");
	exec(n, "PRAGMA synchronous = FULL");
	if (ver == BR_NOTES_VERSION)
		return 0;
	if (exec(n, "BEGIN IMMEDIATE") < 0 ||
	    (ver == 0 && exec(n, schema_sql) < 0) || exec(n, history_sql) < 0 ||
	    exec(n, "PRAGMA application_id = 1651666548") < 0 ||
	    exec(n, "PRAGMA user_version = 2") < 0 || exec(n, "COMMIT") < 0) {
		char why[256];

		br_strlcpy(why, sqlite3_errmsg(n->conn), sizeof(why));
		exec(n, "ROLLBACK");
		if (ver == 0) {
			snprintf(err, errlen, "%s: %s", n->path, why);
			return -1;
		}
		/* An older database that cannot be brought up to date now (a
		 * full disk, say) can still be read. */
		snprintf(n->ro, sizeof(n->ro), "cannot update %s: %s", n->path,
			 why);
	}
	return 0;
}

/* Whether the last error is one of the disk (full, or failing), not of
 * the file's content. */
static int cannot_write(sqlite3 *conn)
{
	int rc = sqlite3_errcode(conn) & 0xff;

	return rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_CANTOPEN;
}

/* Opens n->path again, read-only and without writing the -shm file: a
 * WAL database (made by an older version) whose -shm file cannot be made
 * on a full disk can still be read so. 0, or -1 with err. */
static int reopen_ro(struct br_notes *n, char *err, size_t errlen)
{
	char uri[3200], why[256];
	size_t k = 0;
	const char *p;

	br_strlcpy(why, sqlite3_errmsg(n->conn), sizeof(why));
	k = (size_t)snprintf(uri, sizeof(uri), "file:");
	for (p = n->path; *p && k + 4 < sizeof(uri); p++) {
		if (*p == '?' || *p == '#' || *p == '%')
			k += (size_t)snprintf(uri + k, sizeof(uri) - k,
					      "%%%02X", (unsigned char)*p);
		else
			uri[k++] = *p;
	}
	snprintf(uri + k, sizeof(uri) - k, "?mode=ro&readonly_shm=1");
	sqlite3_close(n->conn);
	n->conn = NULL;
	if (sqlite3_open_v2(uri, &n->conn,
			    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
			    NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", n->path, why);
		return -1;
	}
	sqlite3_extended_result_codes(n->conn, 1);
	sqlite3_busy_timeout(n->conn, BUSY_MS);
	snprintf(n->ro, sizeof(n->ro), "cannot write %s: %s", n->path, why);
	if (setup(n, err, errlen) < 0) {
		snprintf(err, errlen, "%s: %s", n->path, why);
		return -1;
	}
	return 0;
}

struct br_notes *br_notes_open(struct br_db *db, const char *path, char *err,
			       size_t errlen)
{
	struct br_notes *n;
	struct stat st;
	int rc, uri;

	n = br_xcalloc(1, sizeof(*n));
	n->db = db;
	if (path)
		br_strlcpy(n->path, path, sizeof(n->path));
	else if (br_notes_default_path(n->path, sizeof(n->path)) < 0) {
		snprintf(err, errlen,
			 "no place for the user database: set HOME or "
			 "BOARDROOM_USER_DB");
		free(n);
		return NULL;
	}
	br_notes_identity(db, n->dataset, sizeof(n->dataset));

	uri = !strncmp(n->path, "file:", 5);
	if (!uri && stat(n->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* SQLite says only "disk I/O error" of a directory. */
		snprintf(err, errlen,
			 "%s: the user database is a directory, not a file "
			 "(set BOARDROOM_USER_DB to a file)",
			 n->path);
		free(n);
		return NULL;
	}
	if (!uri && br_notes_make_parents(n->path) < 0) {
		snprintf(err, errlen, "cannot make the directory of %s: %s",
			 n->path, strerror(errno));
		free(n);
		return NULL;
	}
	rc = sqlite3_open_v2(n->path, &n->conn,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				     SQLITE_OPEN_URI,
			     NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(n->conn);
		n->conn = NULL;
		rc = sqlite3_open_v2(n->path, &n->conn,
				     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
				     NULL);
		snprintf(n->ro, sizeof(n->ro),
			 "the user database is read-only (%s)", n->path);
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s: %s", n->path,
			 n->conn ? sqlite3_errmsg(n->conn) : "out of memory");
		sqlite3_close(n->conn);
		free(n);
		return NULL;
	}
	sqlite3_extended_result_codes(n->conn, 1);
	sqlite3_busy_timeout(n->conn, BUSY_MS);
	if (!n->ro[0] && sqlite3_db_readonly(n->conn, "main") == 1)
		snprintf(n->ro, sizeof(n->ro),
			 "the user database is read-only (%s)", n->path);
	if (setup(n, err, errlen) < 0 &&
	    (uri || !cannot_write(n->conn) || reopen_ro(n, err, errlen) < 0)) {
		br_notes_close(n);
		return NULL;
	}
	return n;
}

void br_notes_close(struct br_notes *n)
{
	if (!n)
		return;
	sqlite3_close(n->conn);
	free(n);
}

const char *br_notes_readonly(const struct br_notes *n)
{
	return n->ro[0] ? n->ro : NULL;
}

const char *br_notes_dataset(const struct br_notes *n)
{
	return n->dataset;
}

/* The event's identity: its marker, else its instant and English title. */
static char *event_key(const struct br_event *ev)
{
	size_t len;
	char *key;

	if (ev->marker && ev->marker[0]) {
		len = strlen(ev->marker) + 3;
		key = br_xmalloc(len);
		snprintf(key, len, "m:%s", ev->marker);
		return key;
	}
	len = strlen(ev->title[BR_LANG_EN]) + 32;
	key = br_xmalloc(len);
	snprintf(key, len, "t:%lld:%s", (long long)ev->ts,
		 ev->title[BR_LANG_EN]);
	return key;
}

static sqlite3_stmt *prepare(struct br_notes *n, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(n->conn, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

static int write_error(struct br_notes *n, char *err, size_t errlen)
{
	if (n->ro[0])
		snprintf(err, errlen, "%s", n->ro);
	else
		snprintf(err, errlen, "cannot write %s: %s", n->path,
			 sqlite3_errmsg(n->conn));
	return -1;
}

/* Column i of a row of the user database, a file anyone may have written:
 * NULL gives "", another type its text, and bytes that are not UTF-8 (or
 * NUL) become U+FFFD. A new string the caller frees. */
static char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	size_t len, j, k = 0;
	char *out;

	if (!s)
		return br_xstrdup(""); /* NULL (or out of memory) */
	len = (size_t)sqlite3_column_bytes(st, i);
	if (br_text_valid(s, len) && !memchr(s, '\0', len)) {
		out = br_xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		return out;
	}
	out = br_xmalloc(len * 3 + 1);
	for (j = 0; j < len;) {
		int32_t cp;
		int l = br_text_decode(s + j, len - j, &cp);

		if (cp <= 0) {
			memcpy(out + k, "\xef\xbf\xbd", 3);
			k += 3;
		} else {
			memcpy(out + k, s + j, (size_t)l);
			k += (size_t)l;
		}
		j += (size_t)l;
	}
	out[k] = '\0';
	return out;
}

/* Reads the mark of key: 1 (with note and version), 0 none, -1 error. */
static int read_mark(struct br_notes *n, const char *key, char **note,
		     int64_t *version)
{
	sqlite3_stmt *st = prepare(n, "SELECT note, version FROM bookmark "
				      "WHERE dataset = ? AND ekey = ?");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (note)
			*note = col_text(st, 0);
		if (version)
			*version = sqlite3_column_int64(st, 1);
		rc = 1;
	} else {
		rc = rc == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int br_notes_is_marked(struct br_notes *n, const struct br_event *ev)
{
	char *key = event_key(ev);
	int rc = read_mark(n, key, NULL, NULL);

	free(key);
	return rc;
}

int br_notes_get(struct br_notes *n, const struct br_event *ev, char **text,
		 int64_t *version)
{
	char *key = event_key(ev);
	int rc;

	*text = NULL;
	*version = 0;
	rc = read_mark(n, key, text, version);
	free(key);
	if (!*text)
		*text = br_xstrdup("");
	return rc;
}

/* Runs st (bound) to its end and finalizes it: 0, or -1. */
static int run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;

	sqlite3_finalize(st);
	return rc;
}

/* Files note as the newest text of key, keeping the last HISTORY. Its id
 * (the mark's new version), or -1. */
static int64_t add_text(struct br_notes *n, const char *key, const char *note)
{
	sqlite3_stmt *st = prepare(n, "INSERT INTO note_text (dataset, ekey, "
				      "note) VALUES (?, ?, ?)");
	int64_t id;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	if (run(st) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(n->conn);
	st = prepare(n, "DELETE FROM note_text WHERE dataset = ?1 AND "
			"ekey = ?2 AND id <= ?3 - ?4 AND id NOT IN (SELECT id "
			"FROM note_text WHERE dataset = ?1 AND ekey = ?2 "
			"ORDER BY id DESC LIMIT ?4)");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int(st, 4, HISTORY);
	return run(st) < 0 ? -1 : id;
}

/* The text of key at version into *text (the caller frees it): 1, 0 if
 * it is no longer kept, -1 on error. */
static int old_text(struct br_notes *n, const char *key, int64_t version,
		    char **text)
{
	sqlite3_stmt *st = prepare(n, "SELECT note FROM note_text WHERE "
				      "dataset = ? AND ekey = ? AND id = ?");
	int rc;

	*text = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, version);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*text = col_text(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int insert_mark(struct br_notes *n, const struct br_event *ev,
		       const char *key, const char *note)
{
	int64_t version = add_text(n, key, note), now = (int64_t)time(NULL);
	sqlite3_stmt *st;

	if (version < 0 ||
	    !(st = prepare(n, "INSERT INTO bookmark (dataset, ekey, marker, "
			      "ts, title_en, note, version, created, updated)"
			      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")))
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ev->marker ? ev->marker : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ev->ts);
	sqlite3_bind_text(st, 5, ev->title[BR_LANG_EN], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, version);
	sqlite3_bind_int64(st, 8, now);
	sqlite3_bind_int64(st, 9, now);
	return run(st);
}

static int update_note(struct br_notes *n, const char *key, const char *note)
{
	int64_t version = add_text(n, key, note);
	sqlite3_stmt *st;

	if (version < 0 ||
	    !(st = prepare(n, "UPDATE bookmark SET note = ?, version = ?,"
			      " updated = ? WHERE dataset = ? AND ekey = ?")))
		return -1;
	sqlite3_bind_text(st, 1, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	sqlite3_bind_text(st, 4, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, key, -1, SQLITE_STATIC);
	return run(st);
}

/* Removes the mark of key and the texts of its note. */
static int delete_mark(struct br_notes *n, const char *key)
{
	static const char *const sql[] = {
		"DELETE FROM bookmark WHERE dataset = ? AND ekey = ?",
		"DELETE FROM note_text WHERE dataset = ? AND ekey = ?",
	};
	size_t i;

	for (i = 0; i < 2; i++) {
		sqlite3_stmt *st = prepare(n, sql[i]);

		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		if (run(st) < 0)
			return -1;
	}
	return 0;
}

/* Ends the transaction a write began: COMMIT if rc >= 0, else (or if the
 * commit fails) ROLLBACK, with the reason in err. rc, or -1. */
static int finish(struct br_notes *n, int rc, char *err, size_t errlen)
{
	if (rc >= 0 && exec(n, "COMMIT") == 0)
		return rc;
	write_error(n, err, errlen);
	exec(n, "ROLLBACK");
	return -1;
}

int br_notes_toggle(struct br_notes *n, const struct br_event *ev, int *marked,
		    char *err, size_t errlen)
{
	char *key;
	int rc;

	if (n->ro[0])
		return write_error(n, err, errlen);
	if (exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	key = event_key(ev);
	rc = read_mark(n, key, NULL, NULL);
	if (rc == 1) {
		rc = delete_mark(n, key);
		*marked = 0;
	} else if (rc == 0) {
		rc = insert_mark(n, ev, key, "");
		*marked = 1;
	}
	free(key);
	return finish(n, rc, err, errlen) < 0 ? -1 : 0;
}

/* Writes text as the note of key (marked: 1 the mark exists, 0 not yet),
 * merged with what is there now if that is not the version it was made
 * from. BR_NOTES_SAVED, BR_NOTES_MERGED or -1; inside a transaction. */
static int write_note(struct br_notes *n, const struct br_event *ev,
		      const char *key, const char *text, int64_t version)
{
	char *theirs = NULL, *base = NULL, *merged = NULL;
	int64_t now = 0;
	int rc = read_mark(n, key, &theirs, &now), result = BR_NOTES_SAVED;

	if (rc == 1 && now != version && strcmp(theirs, text) != 0) {
		/* Changed elsewhere since text's base was read: merged with
		 * that base, if it is still kept (version 0: read unmarked,
		 * so empty), else as from an unknown one. */
		int found = version == 0 ? 1 : old_text(n, key, version, &base);

		if (found < 0)
			rc = -1;
		else {
			br_merge(found ? (base ? base : "") : NULL, text,
				 theirs, &merged);
			if (strcmp(merged, text) != 0)
				result = BR_NOTES_MERGED;
			text = merged;
		}
	}
	if (rc == 1)
		rc = update_note(n, key, text);
	else if (rc == 0)
		rc = insert_mark(n, ev, key, text);
	free(theirs);
	free(base);
	free(merged);
	return rc < 0 ? -1 : result;
}

int br_notes_set(struct br_notes *n, const struct br_event *ev,
		 const char *text, int64_t version, char *err, size_t errlen)
{
	char *key;
	int rc;

	if (n->ro[0])
		return write_error(n, err, errlen);
	if (exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	key = event_key(ev);
	rc = write_note(n, ev, key, text, version);
	free(key);
	return finish(n, rc, err, errlen);
}

int br_notes_remove(struct br_notes *n, const struct br_event *ev,
		    struct br_mark *removed, char *err, size_t errlen)
{
	char *key, *note = NULL;
	int64_t version = 0;
	int rc;

	memset(removed, 0, sizeof(*removed));
	if (n->ro[0])
		return write_error(n, err, errlen);
	if (exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	key = event_key(ev);
	rc = read_mark(n, key, &note, &version);
	if (rc == 1 && delete_mark(n, key) < 0)
		rc = -1;
	free(key);
	rc = finish(n, rc, err, errlen);
	if (rc != 1) {
		free(note);
		return rc;
	}
	removed->marker = br_xstrdup(ev->marker ? ev->marker : "");
	removed->title_en = br_xstrdup(ev->title[BR_LANG_EN]);
	removed->note = note;
	removed->ts = ev->ts;
	removed->event_id = ev->id;
	removed->version = version;
	return 1;
}

int br_notes_restore(struct br_notes *n, const struct br_event *ev,
		     const struct br_mark *removed, char *err, size_t errlen)
{
	char *key;
	int rc;

	if (n->ro[0])
		return write_error(n, err, errlen);
	if (exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	key = event_key(ev);
	/* As a save made from no note (version 0): a note written on the
	 * event since is kept, above the one put back. */
	rc = write_note(n, ev, key, removed->note ? removed->note : "", 0);
	free(key);
	return finish(n, rc, err, errlen);
}

void br_mark_free(struct br_mark *m)
{
	free(m->marker);
	free(m->title_en);
	free(m->note);
	memset(m, 0, sizeof(*m));
}

/* The event a mark names in the dataset now: 1 found, 0 not. */
static int resolve(struct br_notes *n, const char *marker, br_instant ts,
		   const char *title, br_instant *out_ts, int64_t *out_id)
{
	sqlite3_stmt *st = br_db_stmt(
		n->db, marker[0] ? "SELECT ts, id FROM event WHERE marker = ?1"
				 : "SELECT ts, id FROM event WHERE ts = ?2 "
				   "AND title_en = ?3 ORDER BY id LIMIT 1");
	int found = 0;

	if (marker[0])
		sqlite3_bind_text(st, 1, marker, -1, SQLITE_STATIC);
	else {
		sqlite3_bind_int64(st, 2, ts);
		sqlite3_bind_text(st, 3, title, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		*out_ts = sqlite3_column_int64(st, 0);
		*out_id = sqlite3_column_int64(st, 1);
		found = 1;
	}
	br_db_reset(st);
	return found;
}

static int mark_cmp(const void *a, const void *b)
{
	const struct br_mark *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return (x->event_id > y->event_id) - (x->event_id < y->event_id);
}

int br_notes_list(struct br_notes *n, struct br_marks *out)
{
	sqlite3_stmt *st = prepare(
		n, "SELECT marker, ts, title_en, note, version FROM bookmark "
		   "WHERE dataset = ? ORDER BY ts, ekey");
	size_t cap = 0;
	int rc;

	out->rows = NULL;
	out->n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_mark *m;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->rows = br_xrealloc(out->rows,
						cap * sizeof(*out->rows));
		}
		m = &out->rows[out->n++];
		m->marker = col_text(st, 0);
		m->ts = sqlite3_column_int64(st, 1);
		m->title_en = col_text(st, 2);
		m->note = col_text(st, 3);
		m->version = sqlite3_column_int64(st, 4);
		m->event_id = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		br_marks_free(out);
		return -1;
	}
	for (cap = 0; cap < out->n; cap++) {
		struct br_mark *m = &out->rows[cap];

		resolve(n, m->marker, m->ts, m->title_en, &m->ts, &m->event_id);
	}
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof(*out->rows), mark_cmp);
	return 0;
}

void br_marks_free(struct br_marks *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		br_mark_free(&m->rows[i]);
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}

int br_notes_begin(struct br_notes *n, char *err, size_t errlen)
{
	if (n->ro[0] || exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	return 0;
}

int br_notes_end(struct br_notes *n, int commit, char *err, size_t errlen)
{
	if (!commit) {
		write_error(n, err, errlen); /* the last write's, if any */
		exec(n, "ROLLBACK");
		return 0;
	}
	return finish(n, 0, err, errlen);
}

/* A mark from elsewhere against the one here, by the same key: the note
 * as a save made from an unknown base (br_merge with NULL), so what both
 * have is kept once and the note here stays where both changed it. */
int br_notes_merge_in(struct br_notes *n, const struct br_mark *m)
{
	const char *title = m->title_en ? m->title_en : "";
	struct br_event ev = {0};
	char *key, *here = NULL, *merged = NULL;
	int rc;

	ev.marker = m->marker ? m->marker : "";
	ev.ts = m->ts;
	ev.title[BR_LANG_EN] = title;
	ev.title[BR_LANG_ZH] = title;
	key = event_key(&ev);
	rc = read_mark(n, key, &here, NULL);
	if (rc == 0)
		rc = insert_mark(n, &ev, key, m->note ? m->note : "") < 0
			     ? -1
			     : BR_NOTES_ADDED;
	else if (rc == 1 && !strcmp(here, m->note ? m->note : ""))
		rc = BR_NOTES_UNCHANGED;
	else if (rc == 1) {
		br_merge(NULL, m->note ? m->note : "", here, &merged);
		if (!strcmp(merged, here))
			rc = BR_NOTES_UNCHANGED;
		else
			rc = update_note(n, key, merged) < 0 ? -1
							     : BR_NOTES_MERGED;
	}
	free(here);
	free(merged);
	free(key);
	return rc;
}
