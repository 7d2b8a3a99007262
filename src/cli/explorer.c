#include "cli/explorer.h"

#include <stdio.h>
#include <time.h>

#include "ui/app.h"
#include "ui/canvas.h"
#include "ui/term.h"
#include "ui/ui.h"

/* The clock play reads: the real one, never set back. */
static int64_t monotonic_ms(void *ctx)
{
	struct timespec ts;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int explorer_run(struct br_db *db, enum br_lang lang,
		 const struct br_zone *zone, int ruler_all)
{
	struct br_canvas canvas = {0};
	struct app app;
	const struct app_clock clock = {monotonic_ms, NULL};
	char err[256];
	int rows, cols, key = 0, y = 0, x = 0, dirty = 1;
	const char *lost = NULL;

	if (term_init(err, sizeof(err)) < 0) {
		fprintf(stderr, "boardroom: %s\n", err);
		return 2;
	}
	app_init(&app, db, lang, zone);
	app_set_clock(&app, &clock);
	if (ruler_all)
		ruler_zoom(&app);
	term_size(&rows, &cols);
	app_resize(&app, rows, cols);
	while (!app.quit) {
		enum term_event ev;

		if (dirty) {
			br_canvas_resize(&canvas, rows, cols);
			app_render(&app, &canvas);
			term_draw(&canvas);
			dirty = 0;
		}
		/* Asleep until a key comes, or while playing until the next
		 * frame is due. */
		ev = term_read(app_wait(&app), &key, &y, &x);
		switch (ev) {
		case TERM_NONE:
			if (app_tick(&app))
				dirty = 1;
			break;
		case TERM_QUIT:
			lost = app_stop(&app);
			break;
		case TERM_RESIZE:
			term_size(&rows, &cols);
			app_resize(&app, rows, cols);
			dirty = 1;
			break;
		case TERM_KEY:
			if (key == APP_KEY_CTRL_L)
				term_repaint();
			app_key(&app, key);
			dirty = 1;
			break;
		case TERM_CLICK:
			app_click(&app, y, x);
			dirty = 1;
			break;
		case TERM_WHEEL:
			app_wheel(&app, key);
			dirty = 1;
			break;
		}
	}
	term_done();
	if (lost)
		fprintf(stderr,
			"boardroom: the note could not be saved: %s\n"
			"boardroom: its text follows\n%s\n",
			app.msg.text, lost);
	app_done(&app);
	br_canvas_free(&canvas);
	return 0;
}
