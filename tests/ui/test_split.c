/* The split screen on a generated cast of thousands, without a terminal:
 * at a glance it reads no more of each side than its rows and lines can
 * show, and a side whose names are too short for that bound is read as
 * far as the screen has room for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench/gen.h"
#include "tap.h"
#include "ui/app.h"
#include "ui/canvas.h"
#include "ui/keys.h"

static struct br_db *db;
static struct br_zone pt;
static struct app app;
static struct br_canvas canvas;

/* The explorer afresh at 80x40 on path, on the split: tall enough for
 * all of it. */
static int open_split(const char *path)
{
	char err[256];

	app_done(&app);
	br_db_close(db);
	db = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	if (!db) {
		diag("%s", err);
		return 0;
	}
	app_init(&app, db, BR_LANG_EN, &pt);
	br_canvas_resize(&canvas, 40, 80);
	app_resize(&app, 40, 80);
	app_render(&app, &canvas);
	app_key(&app, 's');
	app_render(&app, &canvas);
	return 1;
}

static const char *row(int y)
{
	static char buf[4096];

	br_canvas_row(&canvas, y, buf, sizeof(buf));
	return buf;
}

/* The most members any side was read with, and the largest side. */
static void sides(size_t *most_read, size_t *largest)
{
	const struct br_split *s = &app.split.split;
	size_t k;

	*most_read = *largest = 0;
	for (k = 0; k < s->n_sides; k++) {
		if (s->sides[k].n > *most_read)
			*most_read = s->sides[k].n;
		if (s->sides[k].total > *largest)
			*largest = s->sides[k].total;
	}
}

/* How many names the list of the side named name shows: its count less
 * the "+N more" of its lines; -1 if it is not on the screen. */
static long shown_of(const char *name)
{
	char head[128];
	long total, more;
	int y, k;

	snprintf(head, sizeof(head), " %s (", name);
	for (y = 0; y < canvas.rows; y++) {
		if (strncmp(row(y), head, strlen(head)) != 0)
			continue;
		total = strtol(row(y) + strlen(head), NULL, 10);
		for (k = y; k < y + 4 && k < canvas.rows; k++) {
			const char *p = strstr(row(k), "+");

			if (p && sscanf(p, "+%ld more", &more) == 1)
				return total - more;
		}
		return total;
	}
	return -1;
}

int main(void)
{
	char dir[] = "/tmp/br-split-XXXXXX", path[128], err[256];
	char user_db[4096];
	const char *build = getenv("BUILD_ROOT");
	struct br_gen_opts o = {0};
	/* A list's three lines of 78 cells hold at most 78 / 3 + 1 names a
	 * line (a name is a cell or more, ", " two), and a column 12 rows:
	 * view_split.c's glance_limit at 80x40. */
	const size_t glance = 3 * (78 / 3 + 1) + 1;
	size_t most, largest;
	sqlite3 *conn;
	long shown;

	setenv("TZ", "UTC", 1);
	snprintf(user_db, sizeof(user_db), "%s/test-split-user.db",
		 build ? build : ".");
	remove(user_db);
	setenv("BOARDROOM_USER_DB", user_db, 1);
	br_zone_set(&pt, "UTC", err, sizeof(err));
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	o.events = 3000;
	o.people = 3000;
	o.seed = 5;
	o.path = path;
	if (!ok(br_gen(&o, err, sizeof(err)) == 0, "a cast of 3,000")) {
		diag("%s", err);
		return tap_done();
	}
	if (!ok(open_split(path) && app.split.ok, "the split at 80x40"))
		return tap_done();
	sides(&most, &largest);
	ok(largest > glance && most <= glance,
	   "each side read no further than the screen shows (%zu of up "
	   "to %zu, at most %zu)",
	   most, largest, glance);
	shown = shown_of("Unaligned");
	ok(shown > 0 && shown < (long)glance,
	   "the list of those on no line shows %ld names", shown);

	/* Names of no width: more of them fit than the bound counts on. */
	app_done(&app);
	memset(&app, 0, sizeof(app));
	br_db_close(db);
	db = NULL;
	ok(sqlite3_open(path, &conn) == SQLITE_OK &&
		   sqlite3_exec(conn, "UPDATE person SET name_en = ''", NULL,
				NULL, NULL) == SQLITE_OK,
	   "every name made empty");
	sqlite3_close(conn);
	if (!ok(open_split(path) && app.split.ok, "the split again"))
		return tap_done();
	sides(&most, &largest);
	ok(most > glance, "a side read past the bound (%zu)", most);
	shown = shown_of("Unaligned");
	ok(shown > (long)glance, "and its list shows %ld names, not %zu", shown,
	   glance);

	app_done(&app);
	br_canvas_free(&canvas);
	br_db_close(db);
	remove(path);
	rmdir(dir);
	remove(user_db);
	return tap_done();
}
