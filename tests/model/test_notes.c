/* notes: the user database of bookmarks and notes, apart from the
 * dataset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/notes.h"
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
	       "both texts are kept, the other below a separator");
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
	}
	br_db_close(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	return tap_done();
}
