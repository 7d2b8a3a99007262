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

/* Loads the ruler's counts unless they are loaded; 1 if it did. */
static int load_density(struct app *app, int w)
{
	struct app_ruler *r = &app->ruler;
	br_instant span = r->end - r->start;
	br_instant width = span / w + (span % w != 0);
	struct br_filter f = app->filters.filter;

	if (r->ok && r->width == w)
		return 0;
	free(r->density);
	free(r->hits);
	r->density = br_xcalloc((size_t)w, sizeof(uint32_t));
	r->hits = br_xcalloc((size_t)w, sizeof(uint32_t));
	r->width = w;
	/* Where no index answers, the events are read a slice a frame
	 * (ruler_prepare): the bars fill in between keys. */
	r->bucket = width;
	r->walking = br_events_density_indexed(app->db, &app->filters.filter,
					       r->start, width, (size_t)w,
					       r->density) == 1;
	r->walk_started = 0;
	if (app->filters.search[0] && app->prompt.kind != PROMPT_SEARCH &&
	    !app->filters.compiled.n_short) {
		/* While the search is typed, only the jump to the next match
		 * is worth a keystroke's time; the marks come after Enter. */
		f.search = &app->filters.compiled;
		/* Hits are marked where they are few enough to be worth
		 * marking; a word in most events would only fill the row.
		 * A search that reads each event is marked once its count
		 * (filters.c, a slice a frame) is done and small. */
		const struct app_filters *fs = &app->filters;
		int rows = br_search_reads_rows(&fs->compiled);

		if (rows ? fs->hits_ok && !fs->n_more &&
				    fs->hits_n <= APP_HITS_ROWS_CAP
			 : br_events_count_upto(app->db, &f, NULL,
						APP_HITS_CAP) <= APP_HITS_CAP)
			br_events_density(app->db, &f, r->start, width,
					  (size_t)w, r->hits);
	}
	r->ok = 1;
	return 1;
}

/* One slice of a density read event by event. */
static void walk(struct app *app)
{
	struct app_ruler *r = &app->ruler;
	const struct br_filter *f = &app->filters.filter;
	int64_t limit = f->search && br_search_reads_rows(f->search)
				? APP_HITS_SLICE
				: APP_RULER_SLICE;
	int64_t got = br_events_density_slice(
		app->db, f, r->start, r->bucket, (size_t)r->width, r->density,
		&r->walk_from, &r->walk_started, limit);

	if (got < limit)
		r->walking = 0;
}

void ruler_prepare(struct app *app, int w)
{
	if (w < 10)
		return;
	/* The first slice in the next frame: the one that loaded has the
	 * list to find. */
	if (!load_density(app, w) && app->ruler.walking)
		walk(app);
	marks_list(app);
}

int ruler_walking(const struct app *app)
{
	return app->ruler.ok && app->ruler.walking &&
	       app->view == VIEW_TIMELINE;
}

/* The label of the unit starting at t in form form (0 the longest):
 * "Thu 16", "16"; "16日（四）", "16日", "16"; a year. "" past the forms. */
static void label_of(const struct app *app, br_instant t, int year_mode,
		     int form, char *buf, size_t len)
{
	static const char *const en[] = {"Sun", "Mon", "Tue", "Wed",
					 "Thu", "Fri", "Sat"};
	static const char *const zh[] = {"日", "一", "二", "三",
					 "四", "五", "六"};
	int zh_ui = app->lang == BR_LANG_ZH;
	struct tm tm;

	br_zone_local(ui_zone(app), t, &tm, NULL);
	buf[0] = '\0';
	if (year_mode) {
		if (form == 0)
			snprintf(buf, len, "%d", tm.tm_year + 1900);
	} else if (form == 0 && zh_ui) {
		snprintf(buf, len, "%d日（%s）", tm.tm_mday, zh[tm.tm_wday]);
	} else if (form == 0) {
		snprintf(buf, len, "%s %d", en[tm.tm_wday], tm.tm_mday);
	} else if (form == 1 && zh_ui) {
		snprintf(buf, len, "%d日", tm.tm_mday);
	} else if (form == 1 || (form == 2 && zh_ui)) {
		snprintf(buf, len, "%d", tm.tm_mday);
	}
}

/* Over the crisis days: each day's label stands in its own columns,
 * from its boundary to the next one's, and every boundary is marked, so
 * that no day's events sit under another day's label. The longest form
 * that fits every day is used; where none does, each day takes the
 * longest that fits it, or none. */
static void day_labels(const struct app *app, struct br_canvas *c, int y, int w,
		       const struct tm *first)
{
	const struct app_ruler *r = &app->ruler;
	int pass, form, uniform = -1;
	char label[32];

	for (pass = 0; pass < 4; pass++) {
		/* Passes 0-2 try form 0-2 on every day; pass 3 draws. */
		struct tm tm = *first;
		br_instant t, next;
		int fits = 1;

		form = pass < 3 ? pass : uniform;
		for (t = br_zone_instant(ui_zone(app), &tm); t < r->end;
		     t = next) {
			int x = ruler_col(r, t, w), x2, f, room;

			tm.tm_mday++;
			next = br_zone_instant(ui_zone(app), &tm);
			x2 = next < r->end ? ruler_col(r, next, w) : w;
			if (x < 0)
				continue;
			room = x2 - x - 1; /* after the boundary mark */
			if (pass < 3) {
				label_of(app, t, 0, form, label, sizeof(label));
				fits = fits && label[0] &&
				       br_text_width(label, strlen(label)) <=
					       room;
				continue;
			}
			br_canvas_put(c, y, x, "│", 1, BR_ST_RULER);
			for (f = form >= 0 ? form : 0; f < 3; f++) {
				label_of(app, t, 0, f, label, sizeof(label));
				if (label[0] &&
				    br_text_width(label, strlen(label)) <=
					    room) {
					br_canvas_put(c, y, x + 1, label, room,
						      BR_ST_RULER);
					break;
				}
			}
		}
		if (pass < 3 && fits && uniform < 0) {
			uniform = form;
			pass = 2; /* draw next */
		}
	}
}

/* Over all time: a year's label at its boundary where the one before
 * leaves room (a label marks where its year starts). */
static void year_labels(const struct app *app, struct br_canvas *c, int y,
			int w, struct tm tm)
{
	const struct app_ruler *r = &app->ruler;
	int last_end = -1;
	char label[32];
	br_instant t;

	for (t = br_zone_instant(ui_zone(app), &tm); t < r->end;
	     tm.tm_year++, t = br_zone_instant(ui_zone(app), &tm)) {
		int x = ruler_col(r, t, w);

		label_of(app, t, 1, 0, label, sizeof(label));
		if (x >= 0 && x > last_end) {
			br_canvas_put(c, y, x, "│", 1, BR_ST_RULER);
			last_end = x + br_canvas_put(c, y, x + 1, label,
						     w - x - 1, BR_ST_RULER);
		}
	}
}

static void labels(const struct app *app, struct br_canvas *c, int y, int w)
{
	const struct app_ruler *r = &app->ruler;
	struct tm tm;

	br_canvas_fill(c, y, 0, w, BR_ST_RULER);
	br_zone_local(ui_zone(app), r->start, &tm, NULL);
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	if (r->end - r->start > 60 * 86400) {
		tm.tm_mday = 1;
		tm.tm_mon = 0;
		year_labels(app, c, y, w, tm);
	} else {
		day_labels(app, c, y, w, &tm);
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
	/* While playing, the cursor is at the instant, between events. */
	sel = app->play.on  ? ruler_col(r, app->play.at, w)
	      : tl->has_sel ? ruler_col(r, tl->sel.ts, w)
			    : -1;
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
