/* fuzz_notes: the merge of notes and the reader of the user database.
 *
 * The first byte chooses what the rest is. Even: three texts separated by
 * NUL bytes (base, mine, theirs), merged, with a known base, or (bit 1)
 * an unknown one. Properties: where one side is the base, the merge is the
 * other; two equal sides merge to themselves; UTF-8 in gives UTF-8 out;
 * the merge is never longer than the two sides and a few marker lines per
 * line (nothing they share is doubled without bound).
 *
 * Odd: a user database. Bit 1 clear: rows made from the bytes (each column
 * NULL, an integer, a real, text, a blob, the dataset's identity or an
 * event's key) in a table of loose types, user_version 1 or 2; bit 1 set:
 * the bytes are the file. It is opened, listed, read, saved to, removed
 * from and restored. Properties: no crash, leak or undefined behaviour;
 * every string read is UTF-8; every failure has a one-line message. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/merge.h"
#include "boardroom/notes.h"
#include "boardroom/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char file[96];
static char dataset[32];
static struct br_db *db;

static void check(int cond, const char *what, const char *detail)
{
	if (!cond) {
		fprintf(stderr, "invariant broken: %s (%s)\n", what,
			detail ? detail : "");
		abort();
	}
}

static void check_message(const char *err)
{
	check(err[0] != '\0', "a failure has a message", err);
	check(strchr(err, '\n') == NULL, "the message is one line", err);
}

static int valid(const char *s)
{
	return br_text_valid(s, strlen(s));
}

static size_t lines(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void merging(const char *data, size_t size, int unknown)
{
	char *buf = malloc(size + 3), *part[3], *out = NULL;
	size_t i, bound;
	int rc;

	check(buf != NULL, "malloc", NULL);
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = buf[size + 2] = '\0';
	part[0] = buf;
	for (i = 1; i < 3; i++)
		part[i] = part[i - 1] + strlen(part[i - 1]) + 1;
	rc = br_merge(unknown ? NULL : part[0], part[1], part[2], &out);
	check(out != NULL, "a merge gives a text", NULL);
	check(rc == BR_MERGE_CLEAN || rc == BR_MERGE_CONFLICT,
	      "a merge is clean or a conflict", NULL);
	if (!unknown && !strcmp(part[1], part[0]))
		check(!strcmp(out, part[2]), "mine unchanged: theirs", out);
	if (!unknown && !strcmp(part[2], part[0]))
		check(!strcmp(out, part[1]), "theirs unchanged: mine", out);
	if (!strcmp(part[1], part[2]))
		check(!strcmp(out, part[1]), "the same on both sides: it", out);
	if (valid(part[0]) && valid(part[1]) && valid(part[2]))
		check(valid(out), "UTF-8 in, UTF-8 out", out);
	bound = strlen(part[1]) + strlen(part[2]) +
		(lines(part[1]) + lines(part[2])) *
			(sizeof(BR_MERGE_SEPARATOR) + sizeof(BR_MERGE_END) + 2);
	check(strlen(out) <= bound, "a merge is not longer than both sides",
	      NULL);
	free(out);
	free(buf);
}

/* Reads what the bytes say, advancing. */
struct input {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct input *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void bind_value(sqlite3_stmt *st, int col, struct input *in)
{
	static const char *const keys[] = {"m:主線#01", "m:主線#02",
					   "m:主線#03", "t:0:x"};
	unsigned kind = byte(in) % 7, len;
	uint64_t v = 0;
	size_t i;

	switch (kind) {
	case 0:
		sqlite3_bind_null(st, col);
		break;
	case 1:
	case 2:
		for (i = 0; i < 8; i++)
			v = (v << 8) | byte(in);
		if (kind == 1)
			sqlite3_bind_int64(st, col, (int64_t)v);
		else
			sqlite3_bind_double(st, col, (double)(int64_t)v / 7.0);
		break;
	case 3:
	case 4:
		len = byte(in) % 64;
		if (len > in->n)
			len = (unsigned)in->n;
		if (kind == 3)
			sqlite3_bind_text(st, col, (const char *)in->p,
					  (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_bind_blob(st, col, in->p, (int)len,
					  SQLITE_TRANSIENT);
		in->p += len;
		in->n -= len;
		break;
	case 5:
		sqlite3_bind_text(st, col, dataset, -1, SQLITE_STATIC);
		break;
	default:
		sqlite3_bind_text(st, col, keys[byte(in) % 4], -1,
				  SQLITE_STATIC);
	}
}

/* Makes the user database at file from the bytes; 0 or -1. */
static int make_db(struct input *in)
{
	sqlite3 *c;
	sqlite3_stmt *st;
	char sql[256];
	unsigned rows = byte(in) % 8, r;
	int col;

	unlink(file);
	if (sqlite3_open(file, &c) != SQLITE_OK) {
		sqlite3_close(c);
		return -1;
	}
	snprintf(sql, sizeof(sql),
		 "PRAGMA application_id = 1651666548; PRAGMA user_version = "
		 "%u; CREATE TABLE bookmark (dataset, ekey, marker, ts, "
		 "title_en, note, version, created, updated);%s",
		 1 + byte(in) % 2,
		 byte(in) % 2 ? "CREATE TABLE note_text (id INTEGER PRIMARY "
				"KEY, dataset, ekey, note);"
			      : "");
	sqlite3_exec(c, sql, NULL, NULL, NULL);
	if (sqlite3_prepare_v2(c,
			       "INSERT INTO bookmark VALUES "
			       "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &st, NULL) == SQLITE_OK) {
		for (r = 0; r < rows; r++) {
			for (col = 1; col <= 9; col++)
				bind_value(st, col, in);
			sqlite3_step(st);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(c, "INSERT INTO note_text VALUES (?, ?, ?, ?)",
			       -1, &st, NULL) == SQLITE_OK) {
		for (r = byte(in) % 4; r > 0; r--) {
			for (col = 1; col <= 4; col++)
				bind_value(st, col, in);
			sqlite3_step(st);
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(c);
	return 0;
}

static void use(struct br_notes *n, struct input *in)
{
	static const char *const markers[] = {"主線#01", "主線#02", "主線#03",
					      ""};
	struct br_marks list = {0};
	struct br_mark removed;
	char err[1400], *text;
	int64_t version;
	size_t i;
	int rc, marked;

	if (br_notes_list(n, &list) == 0)
		for (i = 0; i < list.n; i++) {
			check(valid(list.rows[i].marker), "a marker is UTF-8",
			      NULL);
			check(valid(list.rows[i].title_en), "a title is UTF-8",
			      NULL);
			check(valid(list.rows[i].note), "a note is UTF-8",
			      NULL);
		}
	br_marks_free(&list);
	for (i = 0; i < 4; i++) {
		struct br_event ev;

		memset(&ev, 0, sizeof(ev));
		ev.marker = markers[i];
		ev.title[0] = "x";
		ev.title[1] = "";
		rc = br_notes_get(n, &ev, &text, &version);
		check(text != NULL && valid(text), "a note read is UTF-8",
		      NULL);
		free(text);
		switch (byte(in) % 4) {
		case 0:
			rc = br_notes_set(n, &ev, "saved text",
					  (int64_t)byte(in) - 1, err,
					  sizeof(err));
			if (rc == BR_NOTES_ERROR)
				check_message(err);
			break;
		case 1:
			rc = br_notes_remove(n, &ev, &removed, err,
					     sizeof(err));
			if (rc < 0)
				check_message(err);
			if (rc == 1 &&
			    br_notes_restore(n, &ev, &removed, err,
					     sizeof(err)) == BR_NOTES_ERROR)
				check_message(err);
			br_mark_free(&removed);
			break;
		case 2:
			if (br_notes_toggle(n, &ev, &marked, err, sizeof(err)) <
			    0)
				check_message(err);
			break;
		default:
			br_notes_is_marked(n, &ev);
		}
	}
}

static void reading(const uint8_t *data, size_t size, int raw)
{
	struct input in = {data, size};
	struct br_notes *n;
	char err[1400] = "";

	if (raw) {
		FILE *f;

		unlink(file);
		f = fopen(file, "wb");
		if (!f)
			return;
		fwrite(data, 1, size, f);
		fclose(f);
	} else if (make_db(&in) < 0) {
		return;
	}
	n = br_notes_open(db, file, err, sizeof(err));
	if (!n) {
		check_message(err);
		return;
	}
	use(n, &in);
	br_notes_close(n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db) {
		char err[1400];
		struct br_notes *n;

		snprintf(dir, sizeof(dir), "%s/fuzz_notes.XXXXXX",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
		db = br_db_open_bundled(err, sizeof(err));
		check(db && mkdtemp(dir), "the bundled dataset and a directory",
		      err);
		snprintf(file, sizeof(file), "%s/user.db", dir);
		n = br_notes_open(db, file, err, sizeof(err));
		check(n != NULL, "a new user database opens", err);
		snprintf(dataset, sizeof(dataset), "%s", br_notes_dataset(n));
		br_notes_close(n);
	}
	if (size == 0)
		return 0;
	if (!(data[0] & 1))
		merging((const char *)data + 1, size - 1, data[0] & 2);
	else
		reading(data + 1, size - 1, data[0] & 2);
	{
		char j[128];

		snprintf(j, sizeof(j), "%s-journal", file);
		unlink(j);
	}
	return 0;
}
