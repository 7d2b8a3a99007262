/* The lanes: each actor's side over time, a lane each, the CEO and the
 * board's seats on top, and a cursor at the current instant (select.c,
 * sel_instant), so whatever moves the moment moves the cursor. j k move
 * between lanes, h l the moment by a column, t shows the line or the
 * crisis stance, + - Z zoom, Enter opens the event under the cursor.
 *
 * Prepare asks the model for the lanes on screen only (br_lanes_query,
 * a page of the cast at the screen's width) when what they depend on
 * changed; moving the cursor costs no query. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* Rows: the title, the grid's labels, the CEO and the board, the actors,
 * then the line about the cursor, the legend and the status line. */
#define LANES_Y	    2
#define LANES_BELOW 3

/* The zoom levels: the crisis days, all time, then spans of hours. */
static const br_instant zoom_hours[] = {24, 6, 2};
#define ZOOM_ALL    1
#define ZOOM_CRISIS 0

static int name_w(int cols)
{
	return cols >= 100 ? 22 : cols >= 60 ? 14 : 10;
}

/* How many actors' lanes a screen of rows shows: one row each, or two
 * when tall (the offices' lanes too). */
static int actor_rows(int rows, int tall)
{
	int n = tall ? (rows - LANES_Y - 4 - LANES_BELOW) / 2
		     : rows - LANES_Y - 2 - LANES_BELOW;

	return n > 0 ? n : 0;
}

void lanes_open(struct app *app)
{
	app->lanes.made = 0;
}

void lanes_free(struct app *app)
{
	br_lanes_free(&app->lanes.lanes);
}

/* The range shown: the crisis days, all time (as the ruler's), or hours
 * around the moment, moved on only when the moment leaves them. */
static void set_range(struct app *app, br_instant at)
{
	struct app_lanes *ln = &app->lanes;
	br_instant first, last, span;

	if (ln->zoom == ZOOM_ALL &&
	    br_events_span(app->db, &first, &last) == 0 && last > first) {
		ln->from = ui_unit_start(app, first, 1);
		ln->to = ui_unit_next(app, last, 1);
		return;
	}
	if (ln->zoom >= ZOOM_CRISIS) {
		/* As the ruler's: from the day before the window. */
		ln->from =
			ui_unit_start(app, app->meta->window_start - 86400, 1);
		ln->to = ui_unit_next(app, app->meta->window_end, 1);
		return;
	}
	span = zoom_hours[-ln->zoom - 1] * 3600;
	if (ln->to - ln->from == span && ln->from <= at && at < ln->to)
		return;
	ln->from = ui_unit_start(app, at - span / 2, 0);
	ln->to = ln->from + span;
}

static int same_filter(const struct br_filter *a, const struct br_filter *b)
{
	return a->n_people == b->n_people && a->kinds == b->kinds &&
	       a->faction == b->faction &&
	       !memcmp(a->people, b->people,
		       a->n_people * sizeof(a->people[0]));
}

void lanes_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_lanes *ln = &app->lanes;
	const struct br_filter *f = &app->filters.filter;
	int width = c->cols - name_w(c->cols) - 1, rows, pass;

	sel_layout(app);
	set_range(app, sel_instant(app));
	for (pass = 0; pass < 3; pass++) {
		struct br_lanes_ask ask = {ln->from,
					   ln->to,
					   width > 1 ? width : 1,
					   ln->axis,
					   f,
					   (size_t)ln->top,
					   (size_t)(rows > 0 ? rows : 1),
					   1};
		int total, last, tall;

		rows = actor_rows(c->rows, ln->tall);
		ask.limit = (size_t)(rows > 0 ? rows : 1);
		if (!ln->made || ln->made_from != ln->from ||
		    ln->made_to != ln->to || ln->made_width != ask.width ||
		    ln->made_axis != ln->axis || ln->made_top != ln->top ||
		    ln->made_rows != rows ||
		    !same_filter(&ln->made_filter, f)) {
			ln->ok = br_lanes_query(app->db, &ask, &ln->lanes) == 0;
			ln->made = 1;
			ln->made_from = ln->from;
			ln->made_to = ln->to;
			ln->made_width = ask.width;
			ln->made_axis = ln->axis;
			ln->made_top = ln->top;
			ln->made_rows = rows;
			ln->made_filter = *f;
		}
		if (!ln->ok)
			return;
		/* Keep the selected lane on the screen. */
		total = (int)ln->lanes.total;
		last = (int)ln->lanes.n_offices + total - 1;
		if (ln->sel > last)
			ln->sel = last;
		if (ln->sel < 0)
			ln->sel = 0;
		if (ln->sel >= (int)ln->lanes.n_offices) {
			int a = ln->sel - (int)ln->lanes.n_offices;

			if (a < ln->top)
				ln->top = a;
			else if (rows > 0 && a >= ln->top + rows)
				ln->top = a - rows + 1;
		}
		if (ln->top > total - rows)
			ln->top = total - rows > 0 ? total - rows : 0;
		/* Two rows a lane where every lane then fits. */
		tall = actor_rows(c->rows, 1) >= total;
		if (ln->top == ln->made_top && tall == ln->tall)
			break;
		ln->tall = tall;
	}
}

/* The style and glyph of a side: none, then the axis' sides in order. */
static enum br_style side_style(int side)
{
	static const enum br_style styles[] = {BR_ST_DIM, BR_ST_SAFETY,
					       BR_ST_ACCEL, BR_ST_INVESTOR,
					       BR_ST_OTHER};

	return styles[side < 0 ? 0 : side < 5 ? side : 4];
}

static const char *side_glyph(int side)
{
	static const char *const glyphs[] = {"-", "=", "#", "%", "+"};

	return glyphs[side < 0 ? 0 : side < 5 ? side : 4];
}

static const char *lane_label(const struct app *app, const struct br_lane *lane)
{
	if (lane->kind == BR_LANE_CHIEF)
		return ui_tr(app, "CEO", "CEO");
	if (lane->kind == BR_LANE_BOARD)
		return ui_tr(app, "Board seats", "董事会席位");
	return br_pick(lane->name, app->lang);
}

static char chief_letter(const struct br_lane_span *s)
{
	const char *last = strrchr(s->name[0], ' ');
	char ch = last ? last[1] : s->name[0][0];

	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ? ch : '?';
}

static void draw_lane(const struct app *app, struct br_canvas *c, int y,
		      const struct br_lane *lane, int selected, int cursor)
{
	const struct br_lanes *l = &app->lanes.lanes;
	int nw = name_w(c->cols), col;
	char name[128];

	br_lanes_short_name(lane_label(app, lane), nw, name, sizeof(name));
	if (selected)
		br_canvas_fill(c, y, 0, nw, BR_ST_SELECTED);
	br_canvas_put(c, y, 0, name, nw,
		      selected			    ? BR_ST_SELECTED
		      : lane->kind != BR_LANE_ACTOR ? BR_ST_BOLD
						    : BR_ST_NORMAL);
	for (col = 0; col < l->width && nw + 1 + col < c->cols; col++) {
		const struct br_lane_span *s =
			br_lane_span_at(lane, br_lanes_col_start(l, col));
		char ch[8] = " ";
		enum br_style st = BR_ST_NORMAL;

		if (s && lane->kind == BR_LANE_CHIEF) {
			ch[0] = chief_letter(s);
			st = side_style(s->side);
		} else if (s && lane->kind == BR_LANE_BOARD) {
			ch[0] = s->seats > 9 ? '+' : (char)('0' + s->seats);
			st = BR_ST_BOLD;
		} else if (s) {
			snprintf(ch, sizeof(ch), "%s", side_glyph(s->side));
			st = side_style(s->side);
		}
		if (lane->kind == BR_LANE_ACTOR && lane->marks[col].on)
			snprintf(ch, sizeof(ch), "o");
		if (col == cursor)
			st = BR_ST_CURSOR;
		br_canvas_put(c, y, nw + 1 + col, ch, 1, st);
	}
}

/* Under a lane when tall: what each stretch is, where it fits. */
static void draw_names(const struct app *app, struct br_canvas *c, int y,
		       const struct br_lane *lane)
{
	const struct br_lanes *l = &app->lanes.lanes;
	int x0 = name_w(c->cols) + 1;
	size_t k;

	for (k = 0; k < lane->n_spans; k++) {
		const struct br_lane_span *s = &lane->spans[k];
		int a = br_lanes_col(l, s->from), b = br_lanes_col(l, s->to);
		char text[96];

		if (a < 0)
			a = 0;
		if (b - a < 3)
			continue;
		if (lane->kind == BR_LANE_BOARD)
			snprintf(text, sizeof(text),
				 UI_TR(app, "%lld seats", "%lld 席"),
				 (long long)s->seats);
		else
			snprintf(text, sizeof(text), "%s",
				 lane->kind == BR_LANE_CHIEF
					 ? br_pick(s->name, app->lang)
					 : br_pick(l->sides[s->side].name,
						   app->lang));
		pen_cut(c, y, x0 + a, text, b - a - 1, BR_ST_DIM);
	}
}

/* Above the names, the month and year of a grid outside the dataset's
 * year whose own labels do not name the year (days, hours, or months
 * without a January): "Nov 2019", "Dec 2019-Jan 2020" (each end's month
 * as a point: a range of months would be read as whole months), or only
 * the years where that is wider than the names ("2019-2020",
 * "2019-2020年"). */
static void draw_grid_year(const struct app *app, struct br_canvas *c,
			   const struct br_lanes_tick *ticks, size_t n, int nw)
{
	const struct br_lanes *l = &app->lanes.lanes;
	br_instant last = l->to > l->from ? l->to - 1 : l->from;
	char a[32], b[32], buf[80];
	size_t k;

	for (k = 0; k < n; k++)
		if (ticks[k].year)
			return;
	if (br_when_in_year(l->from, app->meta->year, ui_zone(app)) &&
	    br_when_in_year(last, app->meta->year, ui_zone(app)))
		return;
	br_when_format(a, sizeof(a), l->from, l->from, BR_PREC_MONTH, 0,
		       ui_zone(app), app->lang, BR_WHEN_SHORT);
	br_when_format(b, sizeof(b), last, last, BR_PREC_MONTH, 0, ui_zone(app),
		       app->lang, BR_WHEN_SHORT);
	if (strcmp(a, b))
		snprintf(buf, sizeof(buf), "%s-%s", a, b);
	else
		snprintf(buf, sizeof(buf), "%s", a);
	if (br_text_width(buf, strlen(buf)) > nw) {
		struct tm ta, tb;

		br_zone_local(ui_zone(app), l->from, &ta, NULL);
		br_zone_local(ui_zone(app), last, &tb, NULL);
		if (ta.tm_year == tb.tm_year)
			snprintf(buf, sizeof(buf), "%d%s", ta.tm_year + 1900,
				 ui_tr(app, "", "年"));
		else
			snprintf(buf, sizeof(buf), "%d-%d%s", ta.tm_year + 1900,
				 tb.tm_year + 1900, ui_tr(app, "", "年"));
	}
	pen_cut(c, 1, 0, buf, nw, BR_ST_BOLD);
}

/* The grid's labels, a | at each line, and the cursor's v. */
static void draw_grid(const struct app *app, struct br_canvas *c, int cursor)
{
	const struct br_lanes *l = &app->lanes.lanes;
	struct br_lanes_tick ticks[256];
	int nw = name_w(c->cols), x0 = nw + 1;
	size_t n = br_lanes_ticks(l, ui_zone(app), app->lang, 9, ticks,
				  BR_ARRAY_SIZE(ticks)),
	       k;

	draw_grid_year(app, c, ticks, n, nw);
	for (k = 0; k < n; k++) {
		int room = (k + 1 < n ? ticks[k + 1].col : l->width) -
			   ticks[k].col - 1;

		br_canvas_put(c, 1, x0 + ticks[k].col, "|", 1, BR_ST_DIM);
		if (room > 0)
			br_canvas_put(c, 1, x0 + ticks[k].col + 1,
				      ticks[k].label, room,
				      ticks[k].day ? BR_ST_BOLD : BR_ST_DIM);
	}
	/* The moment, or which way it is when outside the range. */
	if (cursor >= 0 && cursor < l->width)
		br_canvas_put(c, 1, x0 + cursor, "v", 1, BR_ST_CURSOR);
	else if (cursor < 0)
		br_canvas_put(c, 1, x0, "<", 1, BR_ST_CURSOR);
	else if (x0 + l->width - 1 < c->cols)
		br_canvas_put(c, 1, x0 + l->width - 1, ">", 1, BR_ST_CURSOR);
}

/* The selected lane: its index in lanes, -1 if not on the screen. */
static int sel_index(const struct app_lanes *ln)
{
	const struct br_lanes *l = &ln->lanes;
	int a;

	if (ln->sel < (int)l->n_offices)
		return ln->sel < (int)l->n ? ln->sel : -1;
	a = ln->sel - (int)l->n_offices - (int)l->offset;
	return a >= 0 && (size_t)a + l->n_offices < l->n ? a + (int)l->n_offices
							 : -1;
}

/* The column of lane's mark nearest column col: col, else the nearest
 * marked. -1 if the lane has none. */
static int near_mark(const struct br_lanes *l, const struct br_lane *lane,
		     int col)
{
	int d;

	for (d = 0; d < l->width; d++) {
		if (col - d >= 0 && col - d < l->width &&
		    lane->marks[col - d].on)
			return col - d;
		if (col + d >= 0 && col + d < l->width &&
		    lane->marks[col + d].on)
			return col + d;
	}
	return -1;
}

/* What is under the cursor: when, the selected lane's side, its event. */
static void draw_info(const struct app *app, struct br_canvas *c, int y,
		      int cursor)
{
	const struct br_lanes *l = &app->lanes.lanes;
	int i = sel_index(&app->lanes);
	br_instant at = sel_instant(app);
	char when[64], text[512];
	size_t n;

	br_when_format(when, sizeof(when), at, at, BR_PREC_MINUTE, 0,
		       ui_zone(app), app->lang,
		       ui_when_style(app, BR_WHEN_MEDIUM, at));
	n = (size_t)snprintf(text, sizeof(text), "%s %s", when,
			     ui_zone_label(app, 1));
	if (i >= 0) {
		const struct br_lane *lane = &l->lanes[i];
		const struct br_lane_span *s = br_lane_span_at(lane, at);

		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      " · %s: ", lane_label(app, lane));
		if (!s)
			snprintf(text + n, sizeof(text) - n, "%s",
				 lane->kind == BR_LANE_ACTOR
					 ? ui_tr(app, "not yet placed",
						 "尚未列入")
					 : ui_tr(app, "none", "无"));
		else if (lane->kind == BR_LANE_CHIEF)
			snprintf(text + n, sizeof(text) - n, "%s",
				 br_pick(s->name, app->lang));
		else if (lane->kind == BR_LANE_BOARD)
			snprintf(text + n, sizeof(text) - n, "%lld",
				 (long long)s->seats);
		else
			snprintf(text + n, sizeof(text) - n, "%s",
				 br_pick(l->sides[s->side].name, app->lang));
		if (cursor >= 0 && cursor < l->width && lane->marks[cursor].on)
			snprintf(text + strlen(text),
				 sizeof(text) - strlen(text), " · %s",
				 ui_tr(app, "Enter: its event",
				       "Enter：查看该事件"));
	}
	pen_cut(c, y, 0, text, c->cols, BR_ST_NORMAL);
}

static void draw_legend(const struct app *app, struct br_canvas *c, int y)
{
	const struct br_lanes *l = &app->lanes.lanes;
	size_t k;
	int x = 0;

	for (k = 0; k < l->n_sides && x < c->cols; k++) {
		int side = (int)((k + 1) % l->n_sides);

		x += br_canvas_put(c, y, x, side_glyph(side), c->cols - x,
				   side_style(side));
		x += br_canvas_put(c, y, x, " ", c->cols - x, BR_ST_NORMAL);
		x += br_canvas_put(c, y, x,
				   br_pick(l->sides[side].name, app->lang),
				   c->cols - x, BR_ST_DIM);
		x += br_canvas_put(c, y, x, "  ", c->cols - x, BR_ST_NORMAL);
	}
	x += br_canvas_put(c, y, x, "o", c->cols - x, BR_ST_NORMAL);
	x += br_canvas_put(c, y, x, ui_tr(app, " an event", " 事件"),
			   c->cols - x, BR_ST_DIM);
	/* The screen's own keys, where they fit whole. */
	{
		const char *keys = ui_tr(app, "  t line/stance  + - Z zoom",
					 "  t 路线/立场  + - Z 缩放");

		if (br_text_width(keys, strlen(keys)) <= c->cols - x)
			br_canvas_put(c, y, x, keys, c->cols - x, BR_ST_DIM);
	}
}

void lanes_draw(const struct app *app, struct br_canvas *c)
{
	const struct app_lanes *ln = &app->lanes;
	const struct br_lanes *l = &ln->lanes;
	int rows = actor_rows(c->rows, ln->tall), cursor, sel = sel_index(ln);
	int per = ln->tall ? 2 : 1;
	size_t i;

	if (!ln->ok) {
		pen_cut(c, LANES_Y, 1,
			ui_tr(app, "the lanes could not be read",
			      "无法读取泳道"),
			c->cols - 2, BR_ST_ERROR);
		return;
	}
	cursor = br_lanes_col(l, sel_instant(app));
	draw_grid(app, c, cursor);
	for (i = 0;
	     i < l->n && (i < l->n_offices || (int)(i - l->n_offices) < rows);
	     i++) {
		int y = LANES_Y + (int)i * per;

		draw_lane(app, c, y, &l->lanes[i], (int)i == sel, cursor);
		if (ln->tall)
			draw_names(app, c, y + 1, &l->lanes[i]);
	}
	if (l->n == l->n_offices)
		pen_cut(c, LANES_Y + 2 * per, 1,
			ui_tr(app, "no one of the cast under the filter",
			      "筛选下没有人物"),
			c->cols - 2, BR_ST_DIM);
	draw_info(app, c, c->rows - LANES_BELOW, cursor);
	draw_legend(app, c, c->rows - LANES_BELOW + 1);
}

/* Moves the moment to at, the selection to the last event at or before
 * it (else the first after), as a time step does. */
static void move_to(struct app *app, br_instant at)
{
	struct br_page p = {0};
	struct br_key key = {at, INT64_MAX};

	if (br_events_page(app->db, &app->filters.filter, &key, BR_BEFORE, 1,
			   &p) == 1) {
		key.ts = p.rows[0].ts;
		key.id = p.rows[0].id;
		sel_select(app, &key);
	} else if (br_events_nearest(app->db, &app->filters.filter, at, at,
				     &key) == 1) {
		sel_select(app, &key);
	}
	br_page_free(&p);
	sel_set_instant(app, at);
}

static void open_event(struct app *app)
{
	const struct app_lanes *ln = &app->lanes;
	const struct br_lanes *l = &ln->lanes;
	struct br_lane_mark m;
	int i = sel_index(ln), col = -1, rc = 0;

	if (ln->ok && i >= 0)
		col = near_mark(l, &l->lanes[i],
				br_lanes_col(l, sel_instant(app)));
	if (col >= 0)
		rc = br_lanes_mark_event(app->db, l, &l->lanes[i], col, &m);
	if (rc != 1) {
		ui_message(app, 0, "%s",
			   rc < 0 ? ui_tr(app, "its event could not be read",
					  "无法读取该事件")
				  : ui_tr(app, "no event on this lane",
					  "这条泳道上没有事件"));
		return;
	}
	sel_select(app, &(struct br_key){m.ts, m.id});
	app->view = VIEW_DETAIL;
	detail_open(app);
}

static void zoom(struct app *app, int key)
{
	struct app_lanes *ln = &app->lanes;
	int deepest = -(int)BR_ARRAY_SIZE(zoom_hours);

	if (key == 'Z')
		ln->zoom = ln->zoom == ZOOM_ALL ? ZOOM_CRISIS : ZOOM_ALL;
	else if (key == '+' && ln->zoom > deepest)
		ln->zoom--;
	else if (key == '-' && ln->zoom < ZOOM_ALL)
		ln->zoom++;
	ln->to = ln->from; /* a new range for the level */
	ui_message(
		app, 0, "%s",
		ln->zoom == ZOOM_ALL
			? ui_tr(app, "lanes: all time", "泳道：全部时间")
		: ln->zoom == ZOOM_CRISIS
			? ui_tr(app, "lanes: the crisis days", "泳道：危机数日")
		: ln->zoom == -1 ? ui_tr(app, "lanes: a day", "泳道：一天")
		: ln->zoom == -2
			? ui_tr(app, "lanes: six hours", "泳道：六小时")
			: ui_tr(app, "lanes: two hours", "泳道：两小时"));
}

int lanes_key(struct app *app, int key)
{
	struct app_lanes *ln = &app->lanes;
	const struct br_lanes *l = &ln->lanes;
	int page = actor_rows(app->rows, ln->tall) > 1
			   ? actor_rows(app->rows, ln->tall) - 1
			   : 1;
	br_instant step = l->width > 0 ? (l->to - l->from) / l->width : 3600;

	if (step < 60)
		step = 60;
	switch (key) {
	case 'j':
	case APP_KEY_DOWN:
		ln->sel++;
		return 1;
	case 'k':
	case APP_KEY_UP:
		if (ln->sel > 0)
			ln->sel--;
		return 1;
	case APP_KEY_PGDN:
	case ' ':
		ln->sel += page;
		return 1;
	case APP_KEY_PGUP:
	case 'b':
		ln->sel = ln->sel > page ? ln->sel - page : 0;
		return 1;
	case 'g':
	case APP_KEY_HOME:
		ln->sel = 0;
		ln->top = 0;
		return 1;
	case 'G':
	case APP_KEY_END:
		ln->sel = (int)(l->n_offices + l->total);
		return 1;
	case 'h':
	case APP_KEY_LEFT:
	case 'l':
	case APP_KEY_RIGHT:
		move_to(app,
			sel_instant(app) + (key == 'h' || key == APP_KEY_LEFT
						    ? -step
						    : step));
		return 1;
	case 't':
		ln->axis = ln->axis == BR_LANES_LINE ? BR_LANES_STANCE
						     : BR_LANES_LINE;
		ui_message(app, 0, "%s",
			   ln->axis == BR_LANES_LINE
				   ? ui_tr(app, "lanes: each one's line",
					   "泳道：各人的路线")
				   : ui_tr(app,
					   "lanes: each one's crisis stance",
					   "泳道：各人在危机中的立场"));
		return 1;
	case '+':
	case '-':
	case 'Z':
		zoom(app, key);
		return 1;
	case APP_KEY_ENTER:
		open_event(app);
		return 1;
	}
	return 0;
}
