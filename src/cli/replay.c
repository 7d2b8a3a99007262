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

/* Plays one script line; -1 if it is not understood. A line that times
 * itself (floor) sets *measured, and draws nothing. */
static int play(struct app *app, struct br_canvas *c, char *line, FILE *out,
		double *measured)
{
	char *word, *save = NULL;

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

	app_init(&app, db, lang, zone);
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
		if (play(&app, &canvas, line, out, &measured) < 0) {
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
