/* ruler: three rows over the timeline. Day labels; event density under
 * the filter with the visible range; the selection, the bookmarks and
 * the search hits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* The ruler spans at most the years 1 to 9999: an instant beyond (an
 * imported INT64_MIN) is clamped, so that the span, its days and years
 * and its columns stay within 64 bits and within the calendar. */
#define RULER_FIRST (-62135596800LL) /* 0001-01-01 UTC */
#define RULER_LAST  253402214400LL   /* 9999-12-31 UTC */

static br_instant clamp(br_instant t)
{
	return t < RULER_FIRST ? RULER_FIRST : t > RULER_LAST ? RULER_LAST : t;
}

void ruler_span(struct app *app)
{
	struct app_ruler *r = &app->ruler;
	br_instant first, last;

	r->ok = 0;
	if (r->zoom_all && br_events_span(app->db, &first, &last) == 0 &&
	    clamp(last) > clamp(first)) {
		first = clamp(first);
		last = clamp(last);
		r->start = ui_unit_start(app, first, 1);
		r->end = ui_unit_next(app, last, 1);
		return;
	}
	/* The crisis days: from the day before the window to its end. */
	first = app->meta->window_start - 86400;
	r->start = ui_unit_start(app, first, 1);
	r->end = ui_unit_next(app, app->meta->window_end, 1);
}

void ruler_zoom(struct app *app)
{
	app->ruler.zoom_all = !app->ruler.zoom_all;
	ruler_span(app);
}

void ruler_invalidate(struct app *app)
{
	app->ruler.ok = 0;
}

void ruler_free(struct app *app)
{
	free(app->ruler.density);
	free(app->ruler.hits);
}

static int ruler_col(const struct app_ruler *r, br_instant t, int w)
{
	double span = (double)(r->end - r->start);

	if (span <= 0 || t < r->start || t >= r->end)
		return -1;
	return (int)((double)(t - r->start) * w / span);
}

static void load_density(struct app *app, int w)
{
	struct app_ruler *r = &app->ruler;
	br_instant span = r->end - r->start;
	br_instant width = span / w + (span % w != 0);
	struct br_filter f = app->filters.filter;

	if (r->ok && r->width == w)
		return;
	free(r->density);
	free(r->hits);
	r->density = br_xcalloc((size_t)w, sizeof(uint32_t));
	r->hits = br_xcalloc((size_t)w, sizeof(uint32_t));
	r->width = w;
	br_events_density(app->db, &app->filters.filter, r->start, width,
			  (size_t)w, r->density);
	if (app->filters.search[0] && app->prompt.kind != PROMPT_SEARCH &&
	    !app->filters.compiled.n_short) {
		/* While the search is typed, only the jump to the next match
		 * is worth a keystroke's time; the marks come after Enter. */
		f.search = &app->filters.compiled;
		/* Hits are marked where they are few enough to be worth
		 * marking; a word in most events would only fill the row. */
		if (br_events_count_upto(app->db, &f, NULL, APP_HITS_CAP) <=
		    APP_HITS_CAP)
			br_events_density(app->db, &f, r->start, width,
					  (size_t)w, r->hits);
	}
	r->ok = 1;
}

void ruler_prepare(struct app *app, int w)
{
	if (w < 10)
		return;
	load_density(app, w);
	marks_list(app);
}

static void labels(const struct app *app, struct br_canvas *c, int y, int w)
{
	const struct app_ruler *r = &app->ruler;
	br_instant span = r->end - r->start, t;
	int last_end = -1, year_mode = span > 60 * 86400;
	struct tm tm;
	char label[32];

	br_canvas_fill(c, y, 0, w, BR_ST_RULER);
	br_zone_local(ui_zone(app), r->start, &tm, NULL);
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	if (year_mode) {
		tm.tm_mday = 1;
		tm.tm_mon = 0;
	}
	for (;;) {
		int x;

		t = br_zone_instant(ui_zone(app), &tm);
		if (t >= r->end)
			break;
		x = ruler_col(r, t, w);
		if (year_mode) {
			snprintf(label, sizeof(label), "%d", tm.tm_year + 1900);
			tm.tm_year++;
		} else {
			static const char *const en[] = {"Sun", "Mon", "Tue",
							 "Wed", "Thu", "Fri",
							 "Sat"};
			static const char *const zh[] = {"日", "一", "二", "三",
							 "四", "五", "六"};
			struct tm norm;

			br_zone_local(ui_zone(app), t, &norm, NULL);
			if (app->lang == BR_LANG_ZH)
				snprintf(label, sizeof(label), "%d日(%s)",
					 norm.tm_mday, zh[norm.tm_wday]);
			else
				snprintf(label, sizeof(label), "%s %d",
					 en[norm.tm_wday], norm.tm_mday);
			tm.tm_mday++;
		}
		if (x >= 0 && x > last_end) {
			br_canvas_put(c, y, x, "│", 1, BR_ST_RULER);
			last_end = x + br_canvas_put(c, y, x + 1, label,
						     w - x - 1, BR_ST_RULER);
		}
	}
}

/* Where the selection is when it is off the ruler. */
static void off_ruler(const struct app *app, struct br_canvas *c, int y, int w)
{
	int earlier = app->tl.sel.ts < app->ruler.start;
	char label[48];

	snprintf(label, sizeof(label), "%s",
		 earlier ? ui_tr(app, "◀ selection is earlier (Z: all time)",
				 "◀ 所选更早（Z：全部）")
			 : ui_tr(app, "selection is later ▶", "所选更晚 ▶"));
	br_canvas_put(c, y,
		      earlier ? 0 : w - br_text_width(label, strlen(label)),
		      label, w, BR_ST_CURSOR);
}

void ruler_draw(const struct app *app, struct br_canvas *c, int y, int w)
{
	static const char *const bars[] = {" ", "▁", "▂", "▃", "▄",
					   "▅", "▆", "▇", "█"};
	const struct app_ruler *r = &app->ruler;
	const struct app_sel *tl = &app->tl;
	const struct br_marks *m = &app->marks.marks;
	uint32_t max = 1;
	int x, from, to, sel;
	size_t i;

	if (w < 10)
		return;
	labels(app, c, y, w);
	for (x = 0; x < w; x++)
		if (r->density[x] > max)
			max = r->density[x];
	from = tl->visible ? ruler_col(r, tl->page.rows[0].ts, w) : -1;
	to = tl->visible ? ruler_col(r, tl->page.rows[tl->visible - 1].ts, w)
			 : -1;
	sel = tl->has_sel ? ruler_col(r, tl->sel.ts, w) : -1;
	for (x = 0; x < w; x++) {
		uint32_t d = r->density[x];
		int level = d ? 1 + (int)((d - 1) * 7 / max) : 0;
		int in_range = from >= 0 && x >= from && x <= (to < 0 ? w : to);

		br_canvas_put(c, y + 1, x, bars[level], 1,
			      in_range ? BR_ST_RANGE : BR_ST_RULER);
		if (r->hits[x])
			br_canvas_put(c, y + 2, x, "┆", 1, BR_ST_HIT);
	}
	/* The crisis window's ends, the bookmarks and the selection. */
	x = ruler_col(r, app->meta->window_start, w);
	if (x >= 0)
		br_canvas_put(c, y + 2, x, "┣", 1, BR_ST_DIM);
	x = ruler_col(r, app->meta->window_end, w);
	if (x >= 0)
		br_canvas_put(c, y + 2, x, "┫", 1, BR_ST_DIM);
	for (i = 0; i < m->n; i++) {
		x = m->rows[i].event_id ? ruler_col(r, m->rows[i].ts, w) : -1;
		if (x >= 0)
			br_canvas_put(c, y + 2, x, "★", 1, BR_ST_CURSOR);
	}
	if (sel >= 0)
		br_canvas_put(c, y + 2, sel, "▲", 1, BR_ST_CURSOR);
	else if (tl->has_sel)
		off_ruler(app, c, y + 2, w);
	/* A rule under the ruler. */
	for (x = 0; x < w; x++)
		br_canvas_put(c, y + 3, x, "─", 1, BR_ST_DIM);
}
