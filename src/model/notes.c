#include "boardroom/notes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "boardroom/text.h"

struct br_notes {
	sqlite3 *conn;
	struct br_db *db; /* the dataset, not owned */
	char dataset[32];
	char path[1024];
	char ro[1100]; /* why writing is impossible; "" if it is possible */
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

int br_notes_default_path(char *buf, size_t len)
{
	const char *env = getenv("BOARDROOM_USER_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && env[0])
		snprintf(buf, len, "%s", env);
	else if (xdg && xdg[0] == '/')
		snprintf(buf, len, "%s/boardroom/user.db", xdg);
	else if (home && home[0])
		snprintf(buf, len, "%s/.local/share/boardroom/user.db", home);
	else
		return -1;
	return 0;
}

/* Creates the directories above path, 0700 each; 0 or -1 with errno. */
static int make_parents(const char *path)
{
	char dir[1024];
	size_t i;
	struct stat st;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (i = 1; dir[i]; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (stat(dir, &st) < 0) {
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				return -1;
		} else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return -1;
		}
		dir[i] = '/';
	}
	return 0;
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void meta_value(struct br_db *db, const char *key, char *buf, size_t len)
{
	sqlite3_stmt *st =
		br_db_stmt(db, "SELECT value FROM meta WHERE key = ?");
	const char *v;

	buf[0] = '\0';
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)))
		br_strlcpy(buf, v, len);
	br_db_reset(st);
}

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
	exec(n, "PRAGMA journal_mode = WAL");
	exec(n, "PRAGMA synchronous = FULL");
	if (ver == BR_NOTES_VERSION)
		return 0;
	if (exec(n, "BEGIN IMMEDIATE") < 0 || exec(n, schema_sql) < 0 ||
	    exec(n, "PRAGMA application_id = 1651666548") < 0 ||
	    exec(n, "PRAGMA user_version = 1") < 0 || exec(n, "COMMIT") < 0) {
		snprintf(err, errlen, "%s: %s", n->path,
			 sqlite3_errmsg(n->conn));
		exec(n, "ROLLBACK");
		return -1;
	}
	return 0;
}

struct br_notes *br_notes_open(struct br_db *db, const char *path, char *err,
			       size_t errlen)
{
	struct br_notes *n;
	char title[256], source[4096];
	uint64_t h = 0xcbf29ce484222325ULL;
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
	meta_value(db, "title_en", title, sizeof(title));
	meta_value(db, "source", source, sizeof(source));
	h = fnv(fnv(fnv(h, title), "\x1f"), source);
	snprintf(n->dataset, sizeof(n->dataset), "%016llx",
		 (unsigned long long)h);

	uri = !strncmp(n->path, "file:", 5);
	if (!uri && make_parents(n->path) < 0) {
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
	if (setup(n, err, errlen) < 0) {
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
			*note = br_xstrdup(
				(const char *)sqlite3_column_text(st, 0));
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

static int insert_mark(struct br_notes *n, const struct br_event *ev,
		       const char *key, const char *note)
{
	sqlite3_stmt *st = prepare(
		n, "INSERT INTO bookmark (dataset, ekey, marker, ts, title_en,"
		   " note, version, created, updated)"
		   " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)");
	int64_t now = (int64_t)time(NULL);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ev->marker ? ev->marker : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ev->ts);
	sqlite3_bind_text(st, 5, ev->title[BR_LANG_EN], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	sqlite3_bind_int64(st, 8, now);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static int update_note(struct br_notes *n, const char *key, const char *note)
{
	sqlite3_stmt *st = prepare(
		n, "UPDATE bookmark SET note = ?, version = version + 1,"
		   " updated = ? WHERE dataset = ? AND ekey = ?");
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	sqlite3_bind_text(st, 3, n->dataset, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
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
		sqlite3_stmt *st = prepare(n, "DELETE FROM bookmark "
					      "WHERE dataset = ? AND ekey = ?");

		rc = -1;
		if (st) {
			sqlite3_bind_text(st, 1, n->dataset, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
			sqlite3_finalize(st);
		}
		*marked = 0;
	} else if (rc == 0) {
		rc = insert_mark(n, ev, key, "");
		*marked = 1;
	}
	free(key);
	if (rc < 0 || exec(n, "COMMIT") < 0) {
		write_error(n, err, errlen);
		exec(n, "ROLLBACK");
		return -1;
	}
	return 0;
}

int br_notes_set(struct br_notes *n, const struct br_event *ev,
		 const char *text, int64_t version, char *err, size_t errlen)
{
	char *key, *theirs = NULL, *merged = NULL;
	int64_t now_version = 0;
	int rc, result = BR_NOTES_SAVED;

	if (n->ro[0])
		return write_error(n, err, errlen);
	if (exec(n, "BEGIN IMMEDIATE") < 0)
		return write_error(n, err, errlen);
	key = event_key(ev);
	rc = read_mark(n, key, &theirs, &now_version);
	if (rc == 1 && now_version != version && theirs[0] &&
	    strcmp(theirs, text) != 0) {
		/* Changed elsewhere since it was read: keep both. */
		size_t len = strlen(text) + strlen(theirs) +
			     sizeof(BR_NOTES_SEPARATOR) + 3;

		merged = br_xmalloc(len);
		snprintf(merged, len, "%s%s%s\n%s", text, text[0] ? "\n" : "",
			 BR_NOTES_SEPARATOR, theirs);
		text = merged;
		result = BR_NOTES_MERGED;
	}
	if (rc == 1)
		rc = update_note(n, key, text);
	else if (rc == 0)
		rc = insert_mark(n, ev, key, text);
	free(key);
	free(theirs);
	free(merged);
	if (rc < 0 || exec(n, "COMMIT") < 0) {
		write_error(n, err, errlen);
		exec(n, "ROLLBACK");
		return BR_NOTES_ERROR;
	}
	return result;
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
		m->marker =
			br_xstrdup((const char *)sqlite3_column_text(st, 0));
		m->ts = sqlite3_column_int64(st, 1);
		m->title_en =
			br_xstrdup((const char *)sqlite3_column_text(st, 2));
		m->note = br_xstrdup((const char *)sqlite3_column_text(st, 3));
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

	for (i = 0; i < m->n; i++) {
		free(m->rows[i].marker);
		free(m->rows[i].title_en);
		free(m->rows[i].note);
	}
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}
