/* notes: the user database of bookmarks and notes, apart from the
 * dataset. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/merge.h"
#include "boardroom/notes.h"
#include "boardroom/text.h"
#include "tap.h"

static char dir[64];
static char path[128];

static struct br_event event(const char *marker, br_instant ts,
			     const char *title)
{
	struct br_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.marker = marker;
	ev.ts = ts;
	ev.title[0] = title;
	ev.title[1] = "";
	return ev;
}

static void marks(struct br_db *db)
{
	struct br_event a = event("主線#02", 1700251200, "Board fires Altman");
	struct br_event b = event("", 1700000000, "An unmarked event");
	struct br_marks list = {0};
	struct br_notes *n;
	char err[1100], *text;
	int64_t version;
	int marked = -1;

	n = br_notes_open(db, path, err, sizeof(err));
	ok(n != NULL, "the user database opens (and its directory is made)");
	if (!n) {
		diag("%s", err);
		return;
	}
	ok(br_notes_readonly(n) == NULL, "it can be written");
	ok(strlen(br_notes_dataset(n)) == 16, "the dataset's identity: %s",
	   br_notes_dataset(n));
	is_int(br_notes_is_marked(n, &a), 0, "nothing is marked at first");
	ok(br_notes_toggle(n, &a, &marked, err, sizeof(err)) == 0 && marked,
	   "m marks");
	is_int(br_notes_is_marked(n, &a), 1, "and the mark is seen");
	ok(br_notes_toggle(n, &a, &marked, err, sizeof(err)) == 0 && !marked,
	   "m again removes it");
	is_int(br_notes_is_marked(n, &a), 0, "and it is gone");

	is_int(br_notes_get(n, &b, &text, &version), 0, "no note at first");
	is_str(text, "", "the empty note");
	free(text);
	is_int(br_notes_set(n, &b, "第一行 first\nsecond", version, err,
			    sizeof(err)),
	       BR_NOTES_SAVED, "a note on an unmarked event is saved");
	is_int(br_notes_is_marked(n, &b), 1, "and marks it");
	is_int(br_notes_get(n, &b, &text, &version), 1, "the note reads back");
	is_str(text, "第一行 first\nsecond", "multi-line UTF-8 intact");
	free(text);

	/* A write elsewhere since the note was read. */
	is_int(br_notes_set(n, &b, "theirs", version, err, sizeof(err)),
	       BR_NOTES_SAVED, "a save with the version read");
	is_int(br_notes_set(n, &b, "mine", version, err, sizeof(err)),
	       BR_NOTES_MERGED, "a save with an old version is merged");
	br_notes_get(n, &b, &text, &version);
	is_str(text, "mine\n" BR_NOTES_SEPARATOR "\ntheirs",
	       "both changed all of it: both kept, the other below a "
	       "separator");
	free(text);
	is_int(br_notes_set(n, &b, "", version, err, sizeof(err)),
	       BR_NOTES_SAVED, "an empty note is saved");
	br_notes_get(n, &b, &text, &version);
	is_str(text, "", "and removes the note");
	free(text);
	is_int(br_notes_is_marked(n, &b), 1, "the mark stays");

	br_notes_toggle(n, &a, &marked, err, sizeof(err));
	ok(br_notes_list(n, &list) == 0 && list.n == 2, "two marks listed");
	if (list.n == 2) {
		ok(list.rows[0].ts < list.rows[1].ts, "in time order");
		is_str(list.rows[1].marker, "主線#02", "with their markers");
		ok(list.rows[1].event_id > 0,
		   "a marker is found in the dataset");
		ok(list.rows[0].event_id == 0,
		   "an event the dataset lacks is listed, unresolved");
	}
	br_marks_free(&list);
	br_notes_close(n);

	/* Reopened: all still there. */
	n = br_notes_open(db, path, err, sizeof(err));
	is_int(n ? br_notes_is_marked(n, &a) : -1, 1, "marks survive closing");
	br_notes_close(n);
}

static void errors(struct br_db *db)
{
	char err[1100], bad[160], ro[200];
	struct br_notes *n;
	struct br_event a = event("主線#02", 0, "x");
	int marked;
	FILE *f;

	/* A path under a regular file: the directory cannot be made. */
	snprintf(bad, sizeof(bad), "%s/file", dir);
	f = fopen(bad, "w");
	if (f)
		fclose(f);
	snprintf(bad, sizeof(bad), "%s/file/sub/user.db", dir);
	n = br_notes_open(db, bad, err, sizeof(err));
	ok(n == NULL && strstr(err, "cannot make the directory"),
	   "a path that cannot be made: %s", err);
	br_notes_close(n);

	/* Not ours. */
	snprintf(bad, sizeof(bad), "%s/other.db", dir);
	{
		struct br_db *other =
			br_db_open_file(bad, BR_DB_CREATE, err, sizeof(err));

		br_db_close(other);
	}
	n = br_notes_open(db, bad, err, sizeof(err));
	ok(n == NULL && strstr(err, "not a boardroom user database"),
	   "another database is refused: %s", err);
	br_notes_close(n);

	/* Read-only: reads work, writes say why. */
	snprintf(ro, sizeof(ro), "file:%s?mode=ro", path);
	n = br_notes_open(db, ro, err, sizeof(err));
	ok(n != NULL, "a read-only user database opens");
	if (!n)
		return;
	ok(br_notes_readonly(n) != NULL, "and says it is read-only");
	is_int(br_notes_is_marked(n, &a), 1, "reading works");
	ok(br_notes_toggle(n, &a, &marked, err, sizeof(err)) < 0 &&
		   strstr(err, "read-only"),
	   "writing fails, saying why: %s", err);
	is_int(br_notes_is_marked(n, &a), 1, "and changes nothing");
	br_notes_close(n);
}

/* A TAP skip, for what this machine cannot do. */
static void skip(const char *why)
{
	tap_count++;
	printf("ok %d # SKIP %s\n", tap_count, why);
}

static struct br_notes *open_at(struct br_db *db, const char *at)
{
	char err[1100];
	struct br_notes *n = br_notes_open(db, at, err, sizeof(err));

	if (!n)
		diag("cannot open %s: %s", at, err);
	return n;
}

/* A and B open one note, each adds a word and saves, A first; twelve
 * times. */
static void two_explorers(struct br_db *db)
{
	struct br_event ev = event("主線#05", 1700260000, "Two explorers");
	struct br_notes *a = open_at(db, path), *b = open_at(db, path);
	char want[1024] = "Board fires Altman on a Meet call", buf[1024],
	     err[1100];
	char *ta, *tb;
	int64_t va, vb;
	int i, saved = 0, merged = 0;

	if (!a || !b)
		goto out;
	br_notes_set(a, &ev, want, 0, err, sizeof(err));
	for (i = 1; i <= 12; i++) {
		br_notes_get(a, &ev, &ta, &va);
		br_notes_get(b, &ev, &tb, &vb);
		snprintf(buf, sizeof(buf), "%s a%d", ta, i);
		saved += br_notes_set(a, &ev, buf, va, err, sizeof(err)) ==
			 BR_NOTES_SAVED;
		snprintf(buf, sizeof(buf), "%s b%d", tb, i);
		merged += br_notes_set(b, &ev, buf, vb, err, sizeof(err)) ==
			  BR_NOTES_MERGED;
		snprintf(buf, sizeof(buf), " a%d b%d", i, i);
		strcat(want, buf);
		free(ta);
		free(tb);
	}
	is_int(saved, 12, "A's twelve saves are saved");
	is_int(merged, 12, "B's twelve are merged with A's");
	br_notes_get(b, &ev, &ta, &va);
	is_str(ta, want,
	       "the note is the text and the 24 words once (%zu bytes)",
	       strlen(want));
	free(ta);
out:
	br_notes_close(a);
	br_notes_close(b);
}

static int64_t count(const char *file, const char *sql)
{
	sqlite3 *c;
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_open_v2(file, &c, SQLITE_OPEN_READONLY, NULL) ==
		    SQLITE_OK &&
	    sqlite3_prepare_v2(c, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(c);
	return v;
}

static int integrity_ok(const char *file)
{
	sqlite3 *c;
	sqlite3_stmt *st;
	int good = 0;

	/* Read-write: a journal left by a killed writer is rolled back first,
	 * as the next writer (or br_notes_open) does. */
	if (sqlite3_open_v2(file, &c, SQLITE_OPEN_READWRITE, NULL) ==
		    SQLITE_OK &&
	    sqlite3_prepare_v2(c, "PRAGMA integrity_check", -1, &st, NULL) ==
		    SQLITE_OK) {
		good = sqlite3_step(st) == SQLITE_ROW &&
		       !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}
	if (!good)
		diag("integrity_check of %s: %s (%d)", file, sqlite3_errmsg(c),
		     sqlite3_extended_errcode(c));
	sqlite3_close(c);
	return good;
}

/* 150 saves by two explorers in turn, each from what it read after its
 * own last save, so that every save but the first is from an old
 * version. */
static void save_loop(struct br_db *db)
{
	struct br_event ev = event("主線#07", 1700270000, "Save loop");
	struct br_notes *h[2] = {open_at(db, path), open_at(db, path)};
	char *held[2] = {NULL, NULL}, buf[4096], want[4096] = "start",
	     err[1100];
	int64_t ver[2];
	int i, errors = 0;
	struct stat st;

	if (!h[0] || !h[1])
		goto out;
	br_notes_set(h[0], &ev, want, 0, err, sizeof(err));
	for (i = 0; i < 2; i++)
		br_notes_get(h[i], &ev, &held[i], &ver[i]);
	for (i = 0; i < 150; i++) {
		int k = i % 2;

		snprintf(buf, sizeof(buf), "%s w%d", held[k], i);
		errors += br_notes_set(h[k], &ev, buf, ver[k], err,
				       sizeof(err)) == BR_NOTES_ERROR;
		free(held[k]);
		br_notes_get(h[k], &ev, &held[k], &ver[k]);
		snprintf(buf, sizeof(buf), " w%d", i);
		strcat(want, buf);
	}
	is_int(errors, 0,
	       "150 saves in turn, all from old versions: none fails");
	is_str(held[1], want,
	       "the note has each of the 150 words once (%zu "
	       "bytes)",
	       strlen(want));
	ok(count(path, "SELECT max(c) FROM (SELECT count(*) AS c FROM "
		       "note_text GROUP BY dataset, ekey)") <= 16,
	   "at most 16 old texts are kept of a note");
	if (stat(path, &st) < 0)
		st.st_size = -1;
	ok(st.st_size >= 0 && st.st_size < 512 * 1024,
	   "the user database stays small (%lld bytes)", (long long)st.st_size);
out:
	for (i = 0; i < 2; i++) {
		free(held[i]);
		br_notes_close(h[i]);
	}
}

static void undo(struct br_db *db)
{
	struct br_event ev = event("主線#06", 1700265000, "Undo");
	struct br_notes *n = open_at(db, path);
	struct br_mark removed, again;
	char err[1100], *text;
	int64_t version;

	if (!n)
		return;
	br_notes_set(n, &ev, "keep me\nline two", 0, err, sizeof(err));
	is_int(br_notes_remove(n, &ev, &removed, err, sizeof(err)), 1,
	       "remove: a mark with a note is removed");
	is_str(removed.note, "keep me\nline two", "and its note given back");
	is_str(removed.marker, "主線#06", "with its marker");
	is_int(br_notes_is_marked(n, &ev), 0, "the mark is gone");
	is_int(br_notes_remove(n, &ev, &again, err, sizeof(err)), 0,
	       "removing an unmarked event removes nothing");
	ok(again.note == NULL, "and gives nothing back");
	is_int(br_notes_restore(n, &ev, &removed, err, sizeof(err)),
	       BR_NOTES_SAVED, "restore puts the mark back");
	is_int(br_notes_get(n, &ev, &text, &version), 1, "marked again");
	is_str(text, "keep me\nline two", "with its note");
	free(text);
	br_mark_free(&removed);

	br_notes_remove(n, &ev, &removed, err, sizeof(err));
	br_notes_set(n, &ev, "a new note", 0, err, sizeof(err));
	is_int(br_notes_restore(n, &ev, &removed, err, sizeof(err)),
	       BR_NOTES_MERGED, "restore on a note written since: merged");
	br_notes_get(n, &ev, &text, &version);
	is_str(text, "a new note\nkeep me\nline two",
	       "both notes kept, the newer first");
	free(text);
	br_mark_free(&removed);
	br_notes_close(n);
}

/* Marks from another user database: added, unchanged, merged, in one
 * transaction that a rollback undoes whole. */
static void merge_in(struct br_db *db)
{
	struct br_event ev = event("導入#1", 1700270000, "Merge in");
	struct br_event plain = event("", 1700280000, "No marker");
	struct br_mark m = {"導入#1",	"Merge in", "one\nshared\nend",
			    1700270000, 0,	    0};
	struct br_mark p = {"", "No marker", "", 1700280000, 0, 0};
	struct br_notes *n = open_at(db, path);
	char err[1100], *text;
	int64_t version;

	if (!n)
		return;
	ok(br_notes_begin(n, err, sizeof(err)) == 0, "begin");
	is_int(br_notes_merge_in(n, &m), BR_NOTES_ADDED, "a new mark: added");
	is_int(br_notes_merge_in(n, &p), BR_NOTES_ADDED,
	       "one without a marker: added");
	ok(br_notes_end(n, 1, err, sizeof(err)) == 0, "commit");
	is_int(br_notes_is_marked(n, &plain), 1,
	       "filed by instant and English title");
	br_notes_begin(n, err, sizeof(err));
	is_int(br_notes_merge_in(n, &m), BR_NOTES_UNCHANGED,
	       "the same again: unchanged");
	m.note = "two\nshared\nend\nmore";
	is_int(br_notes_merge_in(n, &m), BR_NOTES_MERGED,
	       "another note: merged");
	br_notes_end(n, 1, err, sizeof(err));
	br_notes_get(n, &ev, &text, &version);
	is_str(text, "one\ntwo\nshared\nend\nmore",
	       "both kept, the shared lines once");
	free(text);
	br_notes_begin(n, err, sizeof(err));
	m.note = "one\nshared\nend";
	is_int(br_notes_merge_in(n, &m), BR_NOTES_UNCHANGED,
	       "a note the merge holds: unchanged");
	m.note = "lost";
	br_notes_merge_in(n, &m);
	br_notes_end(n, 0, err, sizeof(err));
	br_notes_get(n, &ev, &text, &version);
	is_str(text, "one\ntwo\nshared\nend\nmore",
	       "a rollback undoes all of it");
	free(text);
	br_notes_close(n);
}

static int valid_marks(const struct br_marks *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		const struct br_mark *r = &m->rows[i];

		if (!r->marker || !r->title_en || !r->note ||
		    !br_text_valid(r->marker, strlen(r->marker)) ||
		    !br_text_valid(r->title_en, strlen(r->title_en)) ||
		    !br_text_valid(r->note, strlen(r->note)))
			return 0;
	}
	return 1;
}

/* User databases made by hand, with anything in their columns. */
static void hostile(struct br_db *db)
{
	struct br_event a = event("主線#02", 1700251200, "Board fires Altman");
	struct br_event c = event("主線#03", 0, "x");
	struct br_marks list = {0};
	struct br_notes *n = open_at(db, path);
	char hp[160], ds[32], err[1100], *text, *sql;
	int64_t version;
	size_t i;
	sqlite3 *conn;
	FILE *f;
	int seen = 0;

	if (!n)
		return;
	br_strlcpy(ds, br_notes_dataset(n), sizeof(ds));
	br_notes_close(n);
	snprintf(hp, sizeof(hp), "%s/hostile.db", dir);
	sqlite3_open(hp, &conn);
	sql = sqlite3_mprintf(
		"PRAGMA application_id = 1651666548; PRAGMA user_version = 1;"
		"CREATE TABLE bookmark (dataset, ekey, marker, ts, title_en,"
		" note, version, created, updated);"
		"INSERT INTO bookmark VALUES (%Q, 'm:主線#02', NULL, NULL, "
		"NULL,"
		" NULL, NULL, NULL, NULL);"
		"INSERT INTO bookmark VALUES (%Q, 't:5:x', x'ff00fe41', 'soon',"
		" 42, x'6e6f74c3' || x'0028ff29', 'v', 1.5, NULL);"
		"INSERT INTO bookmark VALUES (%Q, 'm:主線#03', '主線#03', "
		"1e300,"
		" x'', 3.25, -7, 0, 0);"
		"INSERT INTO bookmark VALUES (%Q, NULL, NULL, NULL, NULL, NULL,"
		" NULL, NULL, NULL);"
		"INSERT INTO bookmark VALUES (NULL, NULL, NULL, NULL, NULL, "
		"NULL,"
		" NULL, NULL, NULL);",
		ds, ds, ds, ds);
	ok(sqlite3_exec(conn, sql, NULL, NULL, NULL) == SQLITE_OK,
	   "a user database is made by hand with NULLs, numbers, blobs and "
	   "bytes that are not UTF-8");
	sqlite3_free(sql);
	sqlite3_close(conn);

	n = open_at(db, hp);
	ok(n != NULL, "it opens");
	if (!n)
		return;
	ok(br_notes_list(n, &list) == 0 && list.n == 4,
	   "its marks are listed without a crash (%zu)", list.n);
	ok(valid_marks(&list), "every string listed is there and UTF-8");
	for (i = 0; i < list.n; i++)
		seen += !strcmp(list.rows[i].note,
				"not\xef\xbf\xbd\xef\xbf\xbd("
				"\xef\xbf\xbd)");
	is_int(seen, 1, "a NUL and bytes that are not UTF-8 read as U+FFFD");
	br_marks_free(&list);
	is_int(br_notes_get(n, &a, &text, &version), 1,
	       "a mark that is all NULL reads");
	is_str(text, "", "its NULL note as empty");
	free(text);
	is_int(br_notes_set(n, &a, "written over", version, err, sizeof(err)),
	       BR_NOTES_SAVED, "and can be written");
	br_notes_get(n, &c, &text, &version);
	is_str(text, "3.25", "a number as a note reads as its text");
	free(text);
	ok(br_notes_set(n, &c, "3.25 and more", -7, err, sizeof(err)) !=
		   BR_NOTES_ERROR,
	   "a save from a version that never was is merged, not refused");
	br_notes_get(n, &c, &text, &version);
	is_str(text, "3.25 and more", "to the text saved");
	free(text);
	br_notes_close(n);

	/* Columns missing. */
	unlink(hp);
	sqlite3_open(hp, &conn);
	sqlite3_exec(conn,
		     "PRAGMA application_id = 1651666548; PRAGMA user_version "
		     "= 2; CREATE TABLE bookmark (dataset);",
		     NULL, NULL, NULL);
	sqlite3_close(conn);
	n = open_at(db, hp);
	ok(n && br_notes_list(n, &list) == -1 &&
		   br_notes_is_marked(n, &a) == -1,
	   "a bookmark table without its columns: errors, no crash");
	ok(n &&
		   br_notes_set(n, &a, "x", 0, err, sizeof(err)) ==
			   BR_NOTES_ERROR &&
		   err[0] && !strchr(err, '\n'),
	   "and a save says why: %s", err);
	br_notes_close(n);

	/* Not SQLite at all. */
	f = fopen(hp, "w");
	if (f) {
		fputs("SQLite format 3\nbut not really, and much more text to "
		      "fill a header of a hundred "
		      "bytes..........................",
		      f);
		fclose(f);
	}
	n = br_notes_open(db, hp, err, sizeof(err));
	ok(!n && err[0] && !strchr(err, '\n'),
	   "a file that is not a database: %s", err);
	br_notes_close(n);
}

/* In a child process, as `boardroom notes` would: opens the user database
 * at "at" and lists its one note, which must be want. 0, or 1 if it does
 * not open, 2 if the list fails, 3 if the note is not want. */
static int reader(struct br_db *db, const char *at, const char *want)
{
	pid_t pid;
	int status, rc;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char err[1100];
		struct br_marks list = {0};
		struct br_notes *n = br_notes_open(db, at, err, sizeof(err));

		if (!n) {
			fprintf(stderr, "# %s\n", err);
			_exit(1);
		}
		/* Freed before _exit: valgrind checks the child too. */
		rc = br_notes_list(n, &list) < 0		       ? 2
		     : list.n == 1 && !strcmp(list.rows[0].note, want) ? 0
								       : 3;
		br_marks_free(&list);
		br_notes_close(n);
		_exit(rc);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[4096];
	size_t got;
	int rc = in && out ? 0 : -1;

	while (rc == 0 && (got = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, got, out) != got)
			rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

/* A user database in WAL mode (as older versions made it) left with its
 * WAL and no -shm file (which a reader must make) on a full disk. */
static void wal_on_full_disk(struct br_db *db, const char *mnt,
			     const char *fill, const char *big)
{
	struct br_event ev = event("主線#04", 1700255000, "Full disk");
	char wp[200], wal[210], op[200], owal[210], err[1100];
	struct br_notes *n;
	sqlite3 *c;
	FILE *f;

	snprintf(wp, sizeof(wp), "%s/wal.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", wp);
	snprintf(op, sizeof(op), "%s/old.db", mnt);
	snprintf(owal, sizeof(owal), "%s-wal", op);
	n = open_at(db, wp);
	if (n)
		br_notes_set(n, &ev, "in the file", 0, err, sizeof(err));
	br_notes_close(n);
	sqlite3_open(wp, &c);
	sqlite3_exec(c,
		     "PRAGMA journal_mode = WAL; UPDATE bookmark SET note = "
		     "'in the WAL'",
		     NULL, NULL, NULL);
	ok(copy_file(wp, op) == 0 && copy_file(wal, owal) == 0,
	   "a WAL database with a note in its WAL is put on the disk");
	sqlite3_close(c);
	f = fopen(fill, "w");
	if (f) {
		while (fwrite(big, 1, 4096, f) == 4096 && fflush(f) == 0)
			;
		fclose(f);
	}
	is_int(reader(db, op, "in the WAL"), 0,
	       "the disk full, it is read (read-only), the WAL's note too");
	unlink(fill);
}

/* A user database on a small tmpfs that fills up. */
static void full_disk(struct br_db *db)
{
	struct br_event ev = event("主線#04", 1700255000, "Full disk");
	char mnt[160], up[200], fill[200], err[1100], *text;
	/* Static: reachable from the children reader() forks, which
	 * valgrind checks for leaks too. */
	static char *big;
	static struct br_notes *n;
	int64_t version;
	FILE *f;
	size_t i;

	snprintf(mnt, sizeof(mnt), "%s/full", dir);
	mkdir(mnt, 0700);
	if (mount("tmpfs", mnt, "tmpfs", 0, "size=512k") < 0) {
		skip("full disk: cannot mount a tmpfs here");
		return;
	}
	snprintf(up, sizeof(up), "%s/user.db", mnt);
	snprintf(fill, sizeof(fill), "%s/filler", mnt);
	big = malloc(200001);
	for (i = 0; i < 200000; i++)
		big[i] = (char)('a' + i % 26);
	big[200000] = '\0';
	n = open_at(db, up);
	if (!n)
		goto out;
	is_int(br_notes_set(n, &ev, "kept through a full disk", 0, err,
			    sizeof(err)),
	       BR_NOTES_SAVED, "a note is saved on the small disk");
	br_notes_get(n, &ev, &text, &version);
	free(text);
	f = fopen(fill, "w");
	if (f) {
		while (fwrite(big, 1, 4096, f) == 4096 && fflush(f) == 0)
			;
		fclose(f);
	}
	is_int(br_notes_set(n, &ev, big, version, err, sizeof(err)),
	       BR_NOTES_ERROR, "a save on the full disk fails");
	ok(strstr(err, "full") != NULL, "saying why: %s", err);
	is_int(br_notes_get(n, &ev, &text, &version), 1,
	       "the note still reads");
	is_str(text, "kept through a full disk", "as it was");
	free(text);
	is_int(reader(db, up, "kept through a full disk"), 0,
	       "another process (boardroom notes) opens and lists it, while "
	       "the writer is open");
	br_notes_close(n);
	is_int(reader(db, up, "kept through a full disk"), 0,
	       "and once the writer has closed");
	n = open_at(db, up);
	ok(integrity_ok(up), "integrity_check passes");
	unlink(fill);
	ok(n && br_notes_set(n, &ev, big, version, err, sizeof(err)) ==
			   BR_NOTES_SAVED,
	   "with space again, the text kept by the caller saves");
	if (n && br_notes_get(n, &ev, &text, &version) == 1) {
		ok(!strcmp(text, big), "whole");
		free(text);
	}
	br_notes_close(n);
	wal_on_full_disk(db, mnt, fill, big);
out:
	free(big);
	umount2(mnt, MNT_DETACH);
}

static void text_of(char *buf, size_t len, long k)
{
	int w = snprintf(buf, len, "save %ld\n", k);

	memset(buf + w, 'a' + (int)(k % 26), 6000);
	snprintf(buf + w + 6000, len - (size_t)w - 6000, "\nend %ld", k);
}

/* Saves texts k, k+1, ... until killed, telling fd each k saved. */
static void saver(const char *at, long k, int fd)
{
	char err[1100], buf[7000], *old;
	struct br_event ev = event("主線#08", 0, "Killed");
	struct br_db *db = br_db_open_bundled(err, sizeof(err));
	struct br_notes *n =
		db ? br_notes_open(db, at, err, sizeof(err)) : NULL;
	int64_t version;

	for (; n; k++) {
		br_notes_get(n, &ev, &old, &version);
		free(old);
		text_of(buf, sizeof(buf), k);
		if (br_notes_set(n, &ev, buf, version, err, sizeof(err)) !=
			    BR_NOTES_SAVED ||
		    write(fd, &k, sizeof(k)) != sizeof(k))
			break;
	}
	_exit(1);
}

/* kill -9 at random points of a loop of saves: the database passes
 * integrity_check and the note is the last text saved or the next. */
static void killed(struct br_db *db)
{
	struct br_event ev = event("主線#08", 0, "Killed");
	char kp[160], buf[7000], want[7000], *text;
	int64_t version;
	long k = 0, last, got, saves = 0;
	int round, intact = 0, whole = 0, fd[2];
	unsigned seed = (unsigned)time(NULL);

	snprintf(kp, sizeof(kp), "%s/killed.db", dir);
	srand(seed);
	{
		struct br_notes *n = open_at(db, kp);
		char err[1100];

		text_of(want, sizeof(want), 0);
		if (n)
			br_notes_set(n, &ev, want, 0, err, sizeof(err));
		br_notes_close(n);
	}
	for (round = 0; round < 20; round++) {
		pid_t pid;
		struct br_notes *n;

		if (pipe(fd) < 0)
			break;
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			close(fd[0]);
			saver(kp, k + 1, fd[1]);
		}
		close(fd[1]);
		usleep(2000 + (useconds_t)(rand() % 60000));
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		last = k;
		while (read(fd[0], &got, sizeof(got)) == sizeof(got)) {
			last = got;
			saves++;
		}
		close(fd[0]);
		intact += integrity_ok(kp);
		n = open_at(db, kp);
		if (n && br_notes_get(n, &ev, &text, &version) >= 0) {
			long at = strtol(
				text + (strncmp(text, "save ", 5) ? 0 : 5),
				NULL, 10);

			text_of(want, sizeof(want), at);
			if ((at == last || at == last + 1) &&
			    !strcmp(text, want))
				whole++;
			else
				diag("after %ld: '%.20s'", last, text);
			k = at;
			free(text);
		}
		br_notes_close(n);
	}
	(void)buf;
	is_int(intact, 20,
	       "20 kills during saves: integrity_check passes each "
	       "time (seed %u, %ld saves)",
	       seed, saves);
	is_int(whole, 20, "and the note is the last text saved, or the next");
}

int main(void)
{
	struct br_db *db;
	char err[256], cmd[128];

	snprintf(dir, sizeof(dir), "/tmp/br-notes-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/a/b/user.db", dir);
	db = br_db_open_bundled(err, sizeof(err));
	ok(db != NULL, "the bundled dataset opens");
	if (db) {
		marks(db);
		errors(db);
		two_explorers(db);
		save_loop(db);
		undo(db);
		merge_in(db);
		hostile(db);
		full_disk(db);
		killed(db);
	}
	br_db_close(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
