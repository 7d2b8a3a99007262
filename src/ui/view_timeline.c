/* The timeline view: title bar, overview ruler, the list of events, the
 * detail pane beside it on a wide screen, and the status line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/app.h"

/* Wide enough for the detail pane beside the list. */
#define WIDE_COLS 110

void view_title(struct app *app, struct br_canvas *c, const char *title)
{
	char buf[256];

	br_canvas_fill(c, 0, 0, c->cols, BR_ST_TITLE);
	snprintf(buf, sizeof(buf), " boardroom · %s · %s", title,
		 app->meta->title[app->lang][0] ? app->meta->title[app->lang]
						: "");
	br_canvas_put(c, 0, 0, buf, c->cols, BR_ST_TITLE);
}

/* The filters in force, for the title bar and status line. */
static size_t filter_text(struct app *app, char *buf, size_t len)
{
	const struct br_filter *f = &app->filter;
	struct br_people one = {0};
	size_t n = 0, i;

	buf[0] = '\0';
	for (i = 0; i < f->n_people && n < len; i++) {
		if (br_people_get(app->db, f->people[i], &one) == 1)
			n += (size_t)snprintf(
				buf + n, len - n, "%s%s",
				i ? (f->people_all ? " & " : " | ")
				  : app_tr(app, "people: ", "人物："),
				one.rows[0].name[app->lang]);
	}
	br_people_free(&one);
	if (f->kinds != BR_KIND_ALL && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s%s",
				      n ? " · " : "",
				      app_tr(app, "kind: ", "类型："),
				      br_kind_name((enum br_kind)f->kinds));
	if (f->faction && n < len) {
		char slug[64], names[2][64];

		if (br_faction_names(app->db, f->faction, slug, names))
			n += (size_t)snprintf(
				buf + n, len - n, "%s%s%s", n ? " · " : "",
				app_tr(app, "faction: ", "阵营："),
				names[app->lang]);
	}
	if (app->search[0] && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s/%s", n ? " · " : "",
				      app->search);
	return n < len ? n : len - 1;
}

/* Writes text with the search's matches highlighted; returns columns. */
static int put_hl(struct app *app, struct br_canvas *c, int y, int x,
		  const char *text, int max, enum br_style style)
{
	size_t pos = 0, len = strlen(text), mlen;
	int used = 0;
	long at;

	while (pos < len && used < max) {
		at = app->search[0]
			     ? br_search_find(&app->compiled, text, pos, &mlen)
			     : -1;
		if (at < 0) {
			used += br_canvas_putn(c, y, x + used, text + pos,
					       len - pos, max - used, style);
			break;
		}
		used += br_canvas_putn(c, y, x + used, text + pos,
				       (size_t)at - pos, max - used, style);
		used += br_canvas_putn(c, y, x + used, text + at, mlen,
				       max - used, BR_ST_HIT);
		pos = (size_t)at + mlen;
	}
	return used;
}

/* Writes text cut to max columns with an ellipsis, highlighted. */
static int put_cut(struct app *app, struct br_canvas *c, int y, int x,
		   const char *text, int max, enum br_style style)
{
	char buf[1024];

	if (max <= 0)
		return 0;
	if (br_text_width(text, strlen(text)) <= max)
		return put_hl(app, c, y, x, text, max, style);
	br_text_truncate(buf, sizeof(buf), text, max);
	return put_hl(app, c, y, x, buf, max, style);
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

/* One event as a list row of width w. */
static void list_row(struct app *app, struct br_canvas *c, int y, int w,
		     const struct br_event *ev, int selected)
{
	enum br_style mark_style = kind_style(ev->kind),
		      base = selected ? BR_ST_SELECTED : BR_ST_NORMAL;
	char when[64], clock[16];
	int x = 0, time_w = w >= 100 ? 23 : 18, people_w;
	const char *mark = br_kind_mark(ev->kind);

	br_canvas_fill(c, y, 0, w, base);
	br_when_format(when, sizeof(when), ev->t_min, ev->t_max, ev->precision,
		       ev->inferred, app_zone(app), app->lang,
		       br_when_short_style(ev->t_min, app->meta->window_start,
					   app_zone(app)));
	br_when_clock(clock, sizeof(clock), ev->ts, app->meta->window_start);
	if (app_is_marked(app, ev))
		br_canvas_put(c, y, 0, "★", 1, selected ? base : BR_ST_CURSOR);
	x += 1;
	put_cut(app, c, y, x, when, time_w - 1, selected ? base : BR_ST_DIM);
	x += time_w;
	br_canvas_put(c, y, x, clock, 7, selected ? base : BR_ST_DIM);
	x += 7;
	br_canvas_put(c, y, x, mark, 2, selected ? base : mark_style);
	x += 2;
	if (w >= 100) {
		br_canvas_put(c, y, x, ev->marker, 8,
			      selected ? base : BR_ST_DIM);
		x += 9;
	}
	people_w = (w - x) / 3;
	if (people_w > 28)
		people_w = 28;
	put_cut(app, c, y, x, br_pick(ev->short_people, app->lang),
		people_w - 1, selected ? base : BR_ST_BOLD);
	x += people_w;
	put_cut(app, c, y, x, br_pick(ev->title, app->lang), w - x - 1, base);
}

static void list(struct app *app, struct br_canvas *c, int w)
{
	int y = app->list_y, i;
	char gap[64];

	app->list_w = w;
	if (!app->has_sel) {
		br_canvas_put(c, y + 1, 2,
			      app_tr(app,
				     "No events under this filter. "
				     "P clears the person filter, f and F "
				     "cycle the others.",
				     "此筛选下没有事件。P 清除人物筛选，f 与 F "
				     "切换其他筛选。"),
			      w - 2, BR_ST_DIM);
		return;
	}
	for (i = 0; i < app->visible; i++) {
		const struct br_event *ev = &app->page.rows[i];

		if (i > 0 && view_gap_label(app, app->page.rows[i - 1].ts,
					    ev->ts, gap, sizeof(gap))) {
			int gw = br_text_width(gap, strlen(gap));

			br_canvas_put(c, y, 19, gap, w - 20 > gw ? gw : w - 20,
				      BR_ST_DIM);
			y++;
		}
		list_row(app, c, y, w, ev,
			 ev->id == app->sel.id && ev->ts == app->sel.ts);
		y++;
	}
}

void view_timeline(struct app *app, struct br_canvas *c)
{
	int wide = c->cols >= WIDE_COLS;
	int list_w = wide ? c->cols * 55 / 100 : c->cols;
	char filters[256];

	app_layout(app);
	view_title(app, c, app_tr(app, "Timeline", "时间线"));
	filter_text(app, filters, sizeof(filters));
	if (filters[0]) {
		int fw = br_text_width(filters, strlen(filters));

		if (fw > c->cols / 2)
			fw = c->cols / 2;
		br_canvas_fill(c, 0, c->cols - fw - 2, fw + 2, BR_ST_TITLE);
		put_cut(app, c, 0, c->cols - fw - 1, filters, fw, BR_ST_TITLE);
	}
	view_ruler(app, c, 1, c->cols);
	list(app, c, list_w);
	if (wide) {
		int x = list_w, y;

		for (y = app->list_y - 1; y < c->rows - 1; y++)
			br_canvas_put(c, y, x, "│", 1, BR_ST_DIM);
		view_detail(app, c, app->list_y - 1, x + 2,
			    c->rows - app->list_y, c->cols - x - 3, 0);
	}
}

/* The ruler: three rows at y. Day labels; event density under the filter
 * with the visible range; the selection and search hits. */
static int ruler_col(const struct app *app, br_instant t, int w)
{
	double span = (double)(app->ruler_end - app->ruler_start);

	if (span <= 0 || t < app->ruler_start || t >= app->ruler_end)
		return -1;
	return (int)((double)(t - app->ruler_start) * w / span);
}

static void load_density(struct app *app, int w)
{
	br_instant span = app->ruler_end - app->ruler_start;
	br_instant width = span / w + (span % w != 0);
	struct br_filter f = app->filter;

	if (app->density_ok && app->density_w == w)
		return;
	free(app->density);
	free(app->hits);
	app->density = br_xcalloc((size_t)w, sizeof(uint32_t));
	app->hits = br_xcalloc((size_t)w, sizeof(uint32_t));
	app->density_w = w;
	br_events_density(app->db, &app->filter, app->ruler_start, width,
			  (size_t)w, app->density);
	if (app->search[0] && app->prompt != PROMPT_SEARCH &&
	    !app->compiled.n_short) {
		/* While the search is typed, only the jump to the next match
		 * is worth a keystroke's time; the marks come after Enter. */
		f.search = &app->compiled;
		/* Hits are marked where they are few enough to be worth
		 * marking; a word in most events would only fill the row. */
		if (br_events_count_upto(app->db, &f, NULL, APP_HITS_CAP) <=
		    APP_HITS_CAP)
			br_events_density(app->db, &f, app->ruler_start, width,
					  (size_t)w, app->hits);
	}
	app->density_ok = 1;
}

static void ruler_labels(struct app *app, struct br_canvas *c, int y, int w)
{
	br_instant span = app->ruler_end - app->ruler_start, t;
	int last_end = -1, year_mode = span > 60 * 86400;
	struct tm tm;
	char label[32];

	br_canvas_fill(c, y, 0, w, BR_ST_RULER);
	br_zone_local(app_zone(app), app->ruler_start, &tm, NULL);
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	if (year_mode) {
		tm.tm_mday = 1;
		tm.tm_mon = 0;
	}
	for (;;) {
		int x;

		t = br_zone_instant(app_zone(app), &tm);
		if (t >= app->ruler_end)
			break;
		x = ruler_col(app, t, w);
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

			br_zone_local(app_zone(app), t, &norm, NULL);
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

void view_ruler(struct app *app, struct br_canvas *c, int y, int w)
{
	static const char *const bars[] = {" ", "▁", "▂", "▃", "▄",
					   "▅", "▆", "▇", "█"};
	uint32_t max = 1;
	int x, from, to, sel;
	char label[48];

	if (w < 10)
		return;
	load_density(app, w);
	ruler_labels(app, c, y, w);
	for (x = 0; x < w; x++)
		if (app->density[x] > max)
			max = app->density[x];
	from = app->visible ? ruler_col(app, app->page.rows[0].ts, w) : -1;
	to = app->visible
		     ? ruler_col(app, app->page.rows[app->visible - 1].ts, w)
		     : -1;
	sel = app->has_sel ? ruler_col(app, app->sel.ts, w) : -1;
	for (x = 0; x < w; x++) {
		uint32_t d = app->density[x];
		int level = d ? 1 + (int)((d - 1) * 7 / max) : 0;
		int in_range = from >= 0 && x >= from && x <= (to < 0 ? w : to);

		br_canvas_put(c, y + 1, x, bars[level], 1,
			      in_range ? BR_ST_RANGE : BR_ST_RULER);
		if (app->hits[x])
			br_canvas_put(c, y + 2, x, "┆", 1, BR_ST_HIT);
	}
	/* The crisis window's ends, and the selection. */
	x = ruler_col(app, app->meta->window_start, w);
	if (x >= 0)
		br_canvas_put(c, y + 2, x, "┣", 1, BR_ST_DIM);
	x = ruler_col(app, app->meta->window_end, w);
	if (x >= 0)
		br_canvas_put(c, y + 2, x, "┫", 1, BR_ST_DIM);
	{
		const struct br_marks *m = app_marks(app);
		size_t i;

		for (i = 0; i < m->n; i++) {
			x = m->rows[i].event_id
				    ? ruler_col(app, m->rows[i].ts, w)
				    : -1;
			if (x >= 0)
				br_canvas_put(c, y + 2, x, "★", 1,
					      BR_ST_CURSOR);
		}
	}
	if (sel >= 0) {
		br_canvas_put(c, y + 2, sel, "▲", 1, BR_ST_CURSOR);
	} else if (app->has_sel) {
		snprintf(
			label, sizeof(label), "%s",
			app->sel.ts < app->ruler_start
				? app_tr(app,
					 "◀ selection is earlier (Z: all time)",
					 "◀ 所选更早（Z：全部）")
				: app_tr(app, "selection is later ▶",
					 "所选更晚 ▶"));
		br_canvas_put(c, y + 2,
			      app->sel.ts < app->ruler_start
				      ? 0
				      : w - br_text_width(label, strlen(label)),
			      label, w, BR_ST_CURSOR);
	}
	/* A rule under the ruler, with the position. */
	for (x = 0; x < w; x++)
		br_canvas_put(c, y + 3, x, "─", 1, BR_ST_DIM);
}

void view_status(struct app *app, struct br_canvas *c)
{
	static const char *const views_en[] = {"TIMELINE", "DETAIL", "SPLIT",
					       "PEOPLE",   "HELP",   "NOTE"};
	static const char *const views_zh[] = {"时间线", "详情", "阵营",
					       "人物",	 "帮助", "笔记"};
	int y = c->rows - 1, x = 0, right_w;
	/* Terms too short for the search index are looked for row by row:
	 * count less of them. */
	int cap = app->compiled.n_short ? APP_COUNT_CAP / 20 : APP_COUNT_CAP;
	char right[128], pos[48];

	br_canvas_fill(c, y, 0, c->cols, BR_ST_STATUS);
	if (app->prompt != PROMPT_NONE) {
		const char *label =
			app->prompt == PROMPT_SEARCH
				? app_tr(app, "Search: ", "搜索：")
				: app_tr(app, "Go to: ", "跳转到：");
		int lw, iw;

		lw = br_canvas_put(c, y, 0, label, c->cols, BR_ST_STATUS);
		iw = br_text_width(app->input, strlen(app->input));
		if (iw > c->cols - lw - 2) {
			/* Show the end of a long input. */
			const char *p = app->input;

			while (*p &&
			       br_text_width(p, strlen(p)) > c->cols - lw - 2)
				p++;
			br_canvas_put(c, y, lw, p, c->cols - lw - 1,
				      BR_ST_STATUS);
			iw = c->cols - lw - 2;
		} else {
			br_canvas_put(c, y, lw, app->input, c->cols - lw - 1,
				      BR_ST_STATUS);
		}
		br_canvas_put(c, y, lw + iw, "▏", 1, BR_ST_CURSOR);
		if (app->msg[0])
			br_canvas_put(c, y, lw + iw + 2, app->msg,
				      c->cols - lw - iw - 2,
				      app->msg_error ? BR_ST_ERROR
						     : BR_ST_STATUS);
		else if (app->prompt == PROMPT_GOTO && !app->input[0])
			br_canvas_put(c, y, lw + 2,
				      "Nov 19 evening · T+48 · 11月20日晚上 · "
				      "+3h · 2023-11-21 14:00",
				      c->cols - lw - 2, BR_ST_DIM);
		return;
	}
	if (!app->count_ok) {
		app->count =
			br_events_count_upto(app->db, &app->filter, NULL, cap);
		app->count_ok = 1;
	}
	if (!app->rank_ok && app->has_sel) {
		app->rank = br_events_count_upto(app->db, &app->filter,
						 &app->sel, cap);
		app->rank_ok = 1;
	}
	if (!app->has_sel)
		snprintf(pos, sizeof(pos), "0/0");
	else if (app->rank > cap)
		snprintf(pos, sizeof(pos), ">%d/>%d", cap, cap);
	else if (app->count > cap)
		snprintf(pos, sizeof(pos), "%lld/>%d", (long long)app->rank + 1,
			 cap);
	else
		snprintf(pos, sizeof(pos), "%lld/%lld",
			 (long long)app->rank + 1, (long long)app->count);
	snprintf(right, sizeof(right), " %s │ %s │ %s │ ? %s ", pos,
		 app_zone(app)->label, app->lang == BR_LANG_ZH ? "中文" : "EN",
		 app_tr(app, "help", "帮助"));
	right_w = br_text_width(right, strlen(right));
	x += br_canvas_put(c, y, 0, " ", 1, BR_ST_STATUS);
	x += br_canvas_put(c, y, x,
			   app->lang == BR_LANG_ZH ? views_zh[app->view]
						   : views_en[app->view],
			   c->cols - right_w, BR_ST_STATUS);
	x += br_canvas_put(c, y, x, " │ ", 3, BR_ST_STATUS);
	if (app->msg[0]) {
		br_canvas_put(c, y, x, app->msg, c->cols - right_w - x,
			      app->msg_error ? BR_ST_ERROR : BR_ST_STATUS);
	} else {
		char filters[256];

		if (filter_text(app, filters, sizeof(filters)) == 0)
			br_strlcpy(filters,
				   app_tr(app, "all events", "全部事件"),
				   sizeof(filters));
		put_cut(app, c, y, x, filters, c->cols - right_w - x - 1,
			BR_ST_STATUS);
	}
	if (c->cols - right_w > x)
		br_canvas_put(c, y, c->cols - right_w, right, right_w,
			      BR_ST_STATUS);
}
