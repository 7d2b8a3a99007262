/* The timeline: the overview ruler, the list of events with its gap
 * rows, and the detail pane beside it on a wide screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* Room for a title of the bundled dataset in full (56 characters) with
 * the space after it. */
#define TITLE_COLS 58

void timeline_prepare(struct app *app, const struct br_canvas *c)
{
	sel_prepare(app);
	ruler_prepare(app, c->cols);
	if (c->cols >= APP_WIDE_COLS)
		detail_prepare(app, c->rows - app->tl.list_y,
			       c->cols - app->tl.list_w - 3, 0);
}

static const struct br_search *search_of(const struct app *app)
{
	return app->filters.search[0] ? &app->filters.compiled : NULL;
}

static enum br_style kind_style(enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return BR_ST_MAIN;
	case BR_KIND_ASIDE:
		return BR_ST_ASIDE;
	case BR_KIND_BACKGROUND:
		return BR_ST_BACKGROUND;
	}
	return BR_ST_NORMAL;
}

/* The event's time in at most cols columns: the list's form, or the
 * narrow one (no weekday; for another year than the dataset's, the date in
 * digits, year first) where that does not fit, rather than cut. */
static void when_column(const struct app *app, const struct br_event *ev,
			char *buf, size_t len, int cols)
{
	enum br_when_style style = ui_short_style(app, ev->t_min);

	br_when_format(buf, len, ev->t_min, ev->t_max, ev->precision,
		       ev->inferred, ui_zone(app), app->lang, style);
	if (br_when_narrow_style(style) != style &&
	    br_text_width(buf, strlen(buf)) > cols)
		br_when_format(buf, len, ev->t_min, ev->t_max, ev->precision,
			       ev->inferred, ui_zone(app), app->lang,
			       br_when_narrow_style(style));
}

/* The time column's width in a list of width w, with its space: what the
 * times of the bundled dataset take. */
static int time_base_cols(int w)
{
	return w >= 100 ? 23 : w >= 60 ? 18 : 16;
}

/* The time column's width for the rows on screen: the base width, or
 * wider where a time shown (in the narrow form if the base does not fit
 * it) is wider, as a date with its year can be ("≈2022-11-19 early
 * morning", 25 columns): no time is cut. At most 26 columns, and the
 * people and the title keep 12. */
static int time_cols(const struct app *app, int w)
{
	const struct app_sel *tl = &app->tl;
	int base = time_base_cols(w), max = w - 11 - 12, need = base;
	char when[64];
	size_t i;

	if (max > 26)
		max = 26;
	for (i = 0; i < tl->n_rows; i++) {
		int tw;

		if (tl->rows[i].gap)
			continue;
		when_column(app, &tl->page.rows[tl->rows[i].event], when,
			    sizeof(when), base - 1);
		tw = br_text_width(when, strlen(when)) + 1;
		if (tw > need)
			need = tw;
	}
	return need > max ? (max > base ? max : base) : need;
}

/* One event as a list row of width w, its time column time_w wide (its
 * form chosen for the base width). */
static void list_row(const struct app *app, struct br_canvas *c, int y, int w,
		     int time_w, const struct br_event *ev, int marked,
		     int selected)
{
	const struct br_search *s = search_of(app);
	enum br_style mark_style = kind_style(ev->kind),
		      base = selected ? BR_ST_SELECTED : BR_ST_NORMAL;
	char when[64], clock[16];
	int x = 0, people_w;
	const char *mark = br_kind_mark(ev->kind);

	br_canvas_fill(c, y, 0, w, base);
	when_column(app, ev, when, sizeof(when), time_base_cols(w) - 1);
	br_when_clock_prec(clock, sizeof(clock), ev->ts,
			   app->meta->window_start, ev->precision);
	if (marked)
		br_canvas_put(c, y, 0, "★", 1, selected ? base : BR_ST_CURSOR);
	x += 1;
	pen_cut_hl(s, c, y, x, when, time_w - 1, selected ? base : BR_ST_DIM);
	x += time_w;
	/* "T+106:00" and a space. */
	br_canvas_put(c, y, x, clock, 8, selected ? base : BR_ST_DIM);
	x += 9;
	br_canvas_put(c, y, x, mark, 2, selected ? base : mark_style);
	x += 2;
	if (w >= 100) {
		br_canvas_put(c, y, x, ev->marker, 8,
			      selected ? base : BR_ST_DIM);
		x += 9;
	}
	/* A wide list gives the title its room first; the people keep a
	 * quarter of what is left (a third on a narrow one). */
	people_w = w - x - TITLE_COLS;
	if (people_w > 28)
		people_w = 28;
	if (people_w < (w - x) / (w >= 100 ? 4 : 3))
		people_w = (w - x) / (w >= 100 ? 4 : 3);
	pen_cut_hl(s, c, y, x, br_pick(ev->short_people, app->lang),
		   people_w - 1, selected ? base : BR_ST_BOLD);
	x += people_w;
	pen_cut_hl(s, c, y, x, br_pick(ev->title, app->lang), w - x - 1, base);
}

/* The list, row by row from the row map. */
static void list(const struct app *app, struct br_canvas *c, int w)
{
	const struct app_sel *tl = &app->tl;
	char gap[64];
	size_t i;
	int time_w;

	if (!tl->has_sel) {
		br_canvas_put(c, tl->list_y + 1, 2,
			      ui_tr(app,
				    "No events under this filter. "
				    "P clears the person filter, f and F "
				    "cycle the others.",
				    "此筛选下没有事件。P 清除人物筛选，f 与 F "
				    "切换其他筛选。"),
			      w - 2, BR_ST_DIM);
		return;
	}
	time_w = time_cols(app, w);
	for (i = 0; i < tl->n_rows; i++) {
		const struct app_row *r = &tl->rows[i];
		const struct br_event *ev = &tl->page.rows[r->event];

		if (r->gap) {
			int gw;

			ui_gap_label(app->lang, tl->page.rows[r->event - 1].ts,
				     ev->ts, gap, sizeof(gap));
			gw = br_text_width(gap, strlen(gap));
			br_canvas_put(c, r->y, 19, gap,
				      w - 20 > gw ? gw : w - 20, BR_ST_DIM);
			continue;
		}
		list_row(app, c, r->y, w, time_w, ev, tl->marked[r->event],
			 ev->id == tl->sel.id && ev->ts == tl->sel.ts);
	}
}

void timeline_draw(const struct app *app, struct br_canvas *c)
{
	const struct app_sel *tl = &app->tl;

	/* The filters are on the status line, the search in the title
	 * (chrome.c). */
	ruler_draw(app, c, 1, c->cols);
	list(app, c, tl->list_w);
	if (c->cols >= APP_WIDE_COLS) {
		int x = tl->list_w, y;

		for (y = tl->list_y - 1; y < c->rows - 1; y++)
			br_canvas_put(c, y, x, "│", 1, BR_ST_DIM);
		detail_draw(app, c, tl->list_y - 1, x + 2, c->rows - tl->list_y,
			    c->cols - x - 3, 0);
	}
}
