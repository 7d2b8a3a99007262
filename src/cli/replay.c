#include "cli/replay.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench/floor.h"
#include "boardroom/text.h"
#include "cli/report.h"
#include "ui/app.h"
#include "ui/canvas.h"
#include "ui/keys.h"
#include "ui/ui.h"

static void dump(struct br_canvas *c, FILE *out)
{
	char row[4096];
	int y;

	for (y = 0; y < c->rows; y++) {
		br_canvas_row(c, y, row, sizeof(row));
		fprintf(out, "%s\n", row);
	}
	fputs("--\n", out);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* The virtual clock play reads: script time, moved by wait and tick. */
static int64_t virtual_ms(void *ctx)
{
	return *(const int64_t *)ctx;
}

/* One frame while playing: the clock moves on to when it is due (no
 * time at all if play is not on), play moves, the screen is drawn. */
static void frame(struct app *app, struct br_canvas *c, int64_t *clock,
		  int draw)
{
	int wait = app_wait(app);

	if (wait > 0)
		*clock += wait;
	app_tick(app);
	if (draw)
		app_render(app, c);
}

/* "2s", "1500ms": milliseconds of script time; -1 if not understood. */
static int64_t duration_ms(const char *text)
{
	char *end;
	long long n = strtoll(text, &end, 10);

	if (end == text || n < 0 || n > 3600000LL)
		return -1;
	if (!strcmp(end, "ms"))
		return n;
	if (!strcmp(end, "s"))
		return n * 1000;
	return -1;
}

/* wait DURATION: script time goes by in frames as the explorer would draw
 * them; tick [N]: N frames. Draws every frame but the last (the caller
 * draws it, and times it). */
static int pass_time(struct app *app, struct br_canvas *c, const char *line,
		     int64_t *clock)
{
	if (!strncmp(line, "wait ", 5)) {
		int64_t left = duration_ms(line + 5), until;

		if (left < 0)
			return -1;
		until = *clock + left;
		while (app_wait(app) >= 0 && *clock + app_wait(app) <= until)
			frame(app, c, clock, 1);
		*clock = until; /* the rest: less than a frame, or no play */
		return 0;
	}
	if (!strcmp(line, "tick") || !strncmp(line, "tick ", 5)) {
		char *end = NULL;
		long n = line[4] ? strtol(line + 5, &end, 10) : 1;

		if ((end && (end == line + 5 || *end)) || n < 1 || n > 100000)
			return -1;
		while (n-- > 0)
			frame(app, c, clock, n > 0);
		return 0;
	}
	return 1;
}

/* Plays one script line; -1 if it is not understood. A line that times
 * itself (floor) sets *measured, and draws nothing. */
static int play(struct app *app, struct br_canvas *c, char *line, FILE *out,
		double *measured, int64_t *clock)
{
	char *word, *save = NULL;
	int rc = pass_time(app, c, line, clock);

	if (rc <= 0)
		return rc;

	if (!strncmp(line, "floor ", 6)) {
		char *name = line + 6, *arg = strchr(name, ' ');

		if (arg)
			*arg++ = '\0';
		*measured =
			br_floor_run(app->db, name, arg ? arg : "", c->rows);
		return *measured < 0 ? -1 : 0;
	}
	if (!strcmp(line, "cold")) {
		*measured = 0;
		return br_floor_drop_caches(app->db);
	}

	if (!strncmp(line, "type ", 5)) {
		const char *p = line + 5;
		size_t n = strlen(p);

		while (n) {
			int32_t cp;
			int len = br_text_decode(p, n, &cp);

			if (cp > 0)
				app_key(app, cp);
			p += len;
			n -= (size_t)len;
		}
		return 0;
	}
	if (!strncmp(line, "keys ", 5)) {
		for (word = strtok_r(line + 5, " ", &save); word;
		     word = strtok_r(NULL, " ", &save)) {
			int key = keys_parse(word);

			if (!key)
				return -1;
			app_key(app, key);
		}
		return 0;
	}
	if (!strncmp(line, "resize ", 7)) {
		int cols, rows;

		if (sscanf(line + 7, "%d %d", &cols, &rows) != 2 || cols < 1 ||
		    rows < 1 || cols > 1000 || rows > 1000)
			return -1;
		br_canvas_resize(c, rows, cols);
		app_resize(app, rows, cols);
		return 0;
	}
	if (!strcmp(line, "dump")) {
		dump(c, out);
		return 0;
	}
	return -1;
}

int replay_run(struct br_db *db, enum br_lang lang, const struct br_zone *zone,
	       int ruler_all, int cols, int rows, FILE *script,
	       const char *name, int timing, FILE *out)
{
	struct br_canvas canvas = {0};
	struct app app;
	char line[1024], shown[1024];
	int n = 0, rc = 0;
	int64_t now = 0;
	const struct app_clock clock = {virtual_ms, &now};

	app_init(&app, db, lang, zone);
	app_set_clock(&app, &clock);
	if (ruler_all)
		ruler_zoom(&app);
	br_canvas_resize(&canvas, rows, cols);
	app_resize(&app, rows, cols);
	app_render(&app, &canvas);
	while (!app.quit && fgets(line, sizeof(line), script)) {
		double t0, measured = -1;

		n++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		memcpy(shown, line, sizeof(shown));
		t0 = now_us();
		if (play(&app, &canvas, line, out, &measured, &now) < 0) {
			/* report_fail keeps what it quotes to one line
			 * of text: the script may hold control bytes. */
			rc = report_fail("%s:%d: not understood: %s", name, n,
					 shown);
			break;
		}
		if (measured < 0 && strcmp(shown, "dump") != 0)
			app_render(&app, &canvas);
		if (timing)
			fprintf(out, "t %.0f %s\n",
				measured >= 0 ? measured : now_us() - t0,
				shown);
	}
	app_done(&app);
	br_canvas_free(&canvas);
	return rc;
}
