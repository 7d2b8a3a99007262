/* app: the explorer's start, the dispatch of keys to the screens, and
 * the frame: each screen's prepare step, then its draw. */
#include "ui/app.h"

#include <stdio.h>
#include <string.h>

#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "ui/ui.h"

/* Whether the locale's charset can show Chinese: not in the C locale,
 * where every Chinese character would be drawn as "??". */
static int shows_chinese(void)
{
	const char *cs = br_charset_locale();
	struct br_charset *conv;
	char err[128], out[32];

	if (br_charset_is_utf8(cs))
		return 1;
	conv = br_charset_open(cs, err, sizeof(err));
	if (!conv)
		return 0;
	br_charset_convert(conv, "中文", strlen("中文"), out, sizeof(out));
	br_charset_close(conv);
	return strchr(out, '?') == NULL;
}

/* In Chinese on a terminal that cannot show it, says so once. */
static void warn_chinese(struct app *app)
{
	if (app->lang != BR_LANG_ZH || app->zh_warned)
		return;
	app->zh_warned = 1;
	if (!shows_chinese())
		ui_message(app, 1, "%s", "this terminal cannot show Chinese");
}

static void add_zone(struct app *app, const char *spec)
{
	struct br_zone z;
	char err[128];
	int i;

	if (app->n_zones == APP_MAX_ZONES ||
	    br_zone_set(&z, spec, err, sizeof(err)) < 0)
		return;
	for (i = 0; i < app->n_zones; i++)
		if (!strcmp(app->zones[i].name, z.name))
			return;
	app->zones[app->n_zones++] = z;
}

/* Opens on the first event of the main line: the crisis, not its
 * prehistory, which is above it. */
static void select_start(struct app *app)
{
	struct br_filter f = app->filters.filter;
	struct br_key key;

	f.kinds = BR_KIND_MAIN;
	if (br_events_nearest(app->db, &f, app->meta->window_start - 86400,
			      app->meta->window_end, &key) == 1 ||
	    br_events_nearest(app->db, &app->filters.filter,
			      app->meta->window_start, app->meta->window_end,
			      &key) == 1)
		sel_select(app, &key);
}

void app_init(struct app *app, struct br_db *db, enum br_lang lang,
	      const struct br_zone *zone)
{
	memset(app, 0, sizeof(*app));
	app->db = db;
	app->meta = br_db_meta(db);
	app->lang = lang;
	app->zones[app->n_zones++] = *zone;
	add_zone(app, app->meta->tz);
	add_zone(app, "Asia/Shanghai");
	add_zone(app, "UTC");
	add_zone(app, "local");
	br_db_read_begin(db);
	filters_init(app);
	app->rows = 24;
	app->cols = 80;
	sel_init(app);
	ruler_span(app);
	select_start(app);
	br_db_read_end(db);
	marks_open(app);
	ui_message(app, 0, "%s",
		   ui_tr(app,
			 "? help · / search · : go to · p people · "
			 "s split · q quit",
			 "? 帮助 · / 搜索 · : 跳转 · p 人物 · s 阵营 · "
			 "q 退出"));
	warn_chinese(app);
}

void app_done(struct app *app)
{
	sel_free(app);
	filters_free(app);
	ruler_free(app);
	detail_free(app);
	split_free(app);
	lanes_free(app);
	compare_free(app);
	people_free(app);
	note_free(app);
	marks_view_free(app);
	marks_close(app);
}

/* Keys */

static void toggle_view(struct app *app, enum app_view v)
{
	if (app->view == v) {
		app->view = app->back;
	} else {
		if (app->view != VIEW_HELP)
			app->back = app->view == VIEW_DETAIL ? VIEW_TIMELINE
							     : app->view;
		app->view = v;
	}
}

static void quit(struct app *app)
{
	if (app->view == VIEW_TIMELINE)
		app->quit = 1;
	else if (app->view == VIEW_DETAIL && app->back == VIEW_COMPARE)
		app->view = VIEW_COMPARE; /* the event opened from there */
	else
		app->view = app->view == VIEW_HELP ? app->back : VIEW_TIMELINE;
	if (app->view == VIEW_HELP)
		app->view = VIEW_TIMELINE;
}

/* The requests that change the screen, and the rest of the general
 * ones. */
static void views(struct app *app, enum app_request req)
{
	switch (req) {
	case REQ_DETAIL:
		if (app->view == VIEW_DETAIL) {
			app->view = VIEW_TIMELINE;
		} else if (app->tl.has_sel) {
			app->view = VIEW_DETAIL;
			detail_open(app);
		}
		break;
	case REQ_SPLIT:
		toggle_view(app, VIEW_SPLIT);
		break;
	case REQ_LANES:
		lanes_open(app);
		toggle_view(app, VIEW_LANES);
		break;
	case REQ_EVERYONE:
		split_everyone(app);
		if (app->view != VIEW_SPLIT)
			toggle_view(app, VIEW_SPLIT);
		break;
	case REQ_MARK_MOMENT:
		compare_mark(app);
		break;
	case REQ_COMPARE:
		if (compare_open(app)) {
			app->back = VIEW_TIMELINE;
			app->view = VIEW_COMPARE;
		}
		break;
	case REQ_CYCLE_VIEW:
		app->view =
			app->view == VIEW_TIMELINE || app->view == VIEW_DETAIL
				? VIEW_SPLIT
			: app->view == VIEW_SPLIT ? VIEW_PEOPLE
						  : VIEW_TIMELINE;
		app->back = VIEW_TIMELINE;
		break;
	case REQ_LANG:
		app->lang = app->lang == BR_LANG_EN ? BR_LANG_ZH : BR_LANG_EN;
		ui_message_clear(app);
		warn_chinese(app);
		break;
	case REQ_ZONE:
		app->zone = (app->zone + 1) % app->n_zones;
		ruler_span(app);
		if (app->lang == BR_LANG_ZH)
			ui_message(app, 0, "时区：%s", ui_zone_label(app, 0));
		else
			ui_message(app, 0, "time zone: %s",
				   ui_zone(app)->name[0] ? ui_zone(app)->name
							 : ui_zone(app)->label);
		break;
	case REQ_ZOOM:
		ruler_zoom(app);
		break;
	case REQ_HELP:
		help_open(app);
		toggle_view(app, VIEW_HELP);
		break;
	case REQ_BACK:
		if (app->view != VIEW_TIMELINE)
			quit(app);
		else if (app->filters.search[0])
			filters_clear_search(app); /* and from the title */
		break;
	case REQ_QUIT:
		quit(app);
		break;
	case REQ_REDRAW:
		sel_invalidate(app);
		ruler_invalidate(app);
		marks_invalidate(app);
		sel_layout(app);
		break;
	default:
		break;
	}
}

static void marks(struct app *app, enum app_request req)
{
	const struct br_detail *d;

	switch (req) {
	case REQ_MARK:
		if (marks_usable(app) && (d = detail_get(app)))
			marks_toggle(app, &d->ev);
		break;
	case REQ_NEXT_MARK:
	case REQ_PREV_MARK:
		sel_jump_mark(app, req == REQ_NEXT_MARK ? 1 : -1);
		break;
	case REQ_NOTE:
		if (note_open(app))
			app->view = VIEW_NOTE;
		break;
	case REQ_MARKS_LIST:
		if (marks_usable(app)) {
			marks_view_open(app);
			app->back = VIEW_TIMELINE;
			app->view = VIEW_MARKS;
		}
		break;
	default:
		break;
	}
}

/* Each group of the key table to the screen that handles it. */
static void request(struct app *app, enum app_request req)
{
	int pager = app->view == VIEW_DETAIL || app->view == VIEW_HELP;

	/* Help's keys move help, never the timeline behind it. */
	if (app->view == VIEW_HELP &&
	    (keys_group(req) == GROUP_JUMPING ||
	     keys_group(req) == GROUP_MARKS ||
	     keys_group(req) == GROUP_PLAYING || req == REQ_NEXT_HIT ||
	     req == REQ_PREV_HIT))
		return;
	switch (keys_group(req)) {
	case GROUP_MOVING:
		/* A screen of its own scrolls; in the event's, g and G go to
		 * another event; the split scrolls with PgDn PgUp while j k
		 * move the moment. */
		if (app->view == VIEW_HELP)
			help_scroll(app, req);
		else if (pager && req != REQ_FIRST && req != REQ_LAST)
			detail_scroll(app, req);
		else if (app->view == VIEW_SPLIT &&
			 (req == REQ_PAGE_DOWN || req == REQ_PAGE_UP))
			split_scroll(app, req);
		else if (req == REQ_HALF_DOWN || req == REQ_HALF_UP)
			sel_move_by(app, (req == REQ_HALF_DOWN ? 1 : -1) *
						 (app->tl.list_h > 3
							  ? app->tl.list_h / 2
							  : 1));
		else
			sel_request(app, req);
		break;
	case GROUP_JUMPING:
		if (req == REQ_GOTO)
			prompt_open(app, PROMPT_GOTO);
		else
			sel_request(app, req);
		break;
	case GROUP_SEARCHING:
		if (req == REQ_SEARCH) {
			if (app->view != VIEW_TIMELINE &&
			    app->view != VIEW_SPLIT)
				app->view = VIEW_TIMELINE;
			prompt_open(app, PROMPT_SEARCH);
		} else {
			filters_hit(app, req);
		}
		break;
	case GROUP_FILTERS:
		if (req == REQ_DATES) {
			prompt_open(app, PROMPT_DATES);
		} else if (req == REQ_PEOPLE) {
			app->back = VIEW_TIMELINE;
			app->view = VIEW_PEOPLE;
			people_open(app);
		} else {
			filters_request(app, req);
		}
		break;
	case GROUP_MARKS:
		marks(app, req);
		break;
	case GROUP_PLAYING:
		play_request(app, req);
		break;
	case GROUP_VIEWS:
	case GROUP_SHOWING:
	case GROUP_GENERAL:
	case GROUP_COUNT:
		views(app, req);
		break;
	}
}

static void key_in(struct app *app, int key)
{
	enum app_request req = keys_request(key);

	if (req != REQ_MARK || app->prompt.kind != PROMPT_NONE ||
	    app->view == VIEW_NOTE || app->view == VIEW_PEOPLE)
		marks_unconfirm(app);
	if (app->play.on) {
		play_key(app, key);
		return;
	}
	if (app->prompt.kind != PROMPT_NONE) {
		prompt_key(app, key);
		return;
	}
	if (app->view == VIEW_NOTE) {
		if (note_key(app, key))
			app->view = app->note.back;
		return;
	}
	/* Tab is the next view here too: it leaves the picker. */
	if (app->view == VIEW_PEOPLE && key != APP_KEY_CTRL_L && key != '?' &&
	    key != APP_KEY_TAB) {
		if (people_key(app, key))
			app->view = VIEW_TIMELINE;
		return;
	}
	/* The comparison's own keys; the rest (l z ? Ctrl-L) as anywhere. */
	if (app->view == VIEW_COMPARE && compare_key(app, req)) {
		ui_message_key(app, 0);
		return;
	}
	if (app->view == VIEW_MARKS && key != APP_KEY_CTRL_L && key != '?') {
		ui_message_key(app, 0);
		if (marks_view_key(app, key))
			app->view = VIEW_TIMELINE;
		return;
	}
	ui_message_key(app, key == APP_KEY_CTRL_L);
	if (app->view == VIEW_LANES && lanes_key(app, key))
		return;
	request(app, req);
}

/* Each entry point that asks the model reads the file in one
 * transaction (br_db_read_begin): one lock for its queries, not one
 * each. */
void app_key(struct app *app, int key)
{
	br_db_read_begin(app->db);
	key_in(app, key);
	br_db_read_end(app->db);
}

const char *app_stop(struct app *app)
{
	const char *lost = NULL;

	if (app->view == VIEW_NOTE) {
		lost = note_stop(app);
		if (!lost)
			app->view = app->note.back;
	}
	app->quit = 1;
	return lost;
}

void app_resize(struct app *app, int rows, int cols)
{
	app->rows = rows;
	app->cols = cols;
	ruler_invalidate(app);
	br_db_read_begin(app->db);
	sel_resize(app, rows, cols);
	br_db_read_end(app->db);
}

void app_click(struct app *app, int y, int x)
{
	marks_unconfirm(app);
	if (app->play.on) {
		play_stop(app);
		return;
	}
	if (app->view == VIEW_TIMELINE)
		sel_click(app, y, x);
}

void app_wheel(struct app *app, int dir)
{
	marks_unconfirm(app);
	if (app->play.on) {
		play_stop(app);
		return;
	}
	if (app->view == VIEW_TIMELINE || app->view == VIEW_SPLIT)
		sel_move_by(app, dir * 3);
	else if (app->view == VIEW_MARKS)
		marks_view_key(app, dir > 0 ? APP_KEY_DOWN : APP_KEY_UP);
	else
		request(app, dir > 0 ? REQ_DOWN : REQ_UP);
}

void app_set_clock(struct app *app, const struct app_clock *clock)
{
	play_set_clock(app, clock);
}

/* A long count, or the ruler's bars, go on between keys, a slice a
 * frame: no wait then. */
static int working(const struct app *app)
{
	/* Not while playing (its frames come paced, each counting its
	 * slice), nor while no frame is drawn (the screen too small). */
	if ((app->play.on && !app->play.paused) || app->rows < APP_MIN_ROWS ||
	    app->cols < APP_MIN_COLS)
		return 0;
	return filters_counting(app) || ruler_walking(app);
}

int app_wait(const struct app *app)
{
	return working(app) ? 0 : play_wait(app);
}

int app_tick(struct app *app)
{
	int moved;

	br_db_read_begin(app->db);
	moved = play_tick(app) | working(app);
	br_db_read_end(app->db);
	return moved;
}

/* The frame */

/* Each screen asks the model for what it will show. */
static void prepare(struct app *app, const struct br_canvas *c)
{
	switch (app->view) {
	case VIEW_TIMELINE:
		timeline_prepare(app, c);
		break;
	case VIEW_DETAIL:
		detail_prepare(app, app->rows - 2, app->cols, 1);
		break;
	case VIEW_SPLIT:
		split_prepare(app, c);
		break;
	case VIEW_PEOPLE:
		people_prepare(app, c);
		break;
	case VIEW_HELP:
		help_prepare(app, c);
		break;
	case VIEW_NOTE:
		note_prepare(app);
		break;
	case VIEW_MARKS:
		marks_view_prepare(app, c);
		break;
	case VIEW_LANES:
		lanes_prepare(app, c);
		break;
	case VIEW_COMPARE:
		compare_prepare(app, c);
		break;
	}
	/* The title bar and the status line. */
	filters_prepare(app);
	if (app->prompt.kind == PROMPT_NONE)
		sel_position(app);
}

static const char *title(const struct app *app)
{
	switch (app->view) {
	case VIEW_TIMELINE:
		return ui_tr(app, "Timeline", "时间线");
	case VIEW_DETAIL:
		return ui_tr(app, "Event", "事件");
	case VIEW_SPLIT:
		return ui_tr(app, "Split", "阵营");
	case VIEW_PEOPLE:
		return ui_tr(app, "People", "人物");
	case VIEW_HELP:
		return ui_tr(app, "Help", "帮助");
	case VIEW_NOTE:
		return ui_tr(app, "Note", "笔记");
	case VIEW_MARKS:
		return ui_tr(app, "Bookmarks", "书签");
	case VIEW_LANES:
		return app->lanes.axis == BR_LANES_LINE
			       ? ui_tr(app, "Lanes: lines", "泳道：路线")
			       : ui_tr(app, "Lanes: crisis stances",
				       "泳道：危机立场");
	case VIEW_COMPARE:
		return ui_tr(app, "Compare", "对比");
	}
	return "";
}

/* Draws what prepare made; reads the app and nothing else. */
static void draw(const struct app *app, struct br_canvas *c)
{
	chrome_title(app, c, title(app));
	switch (app->view) {
	case VIEW_TIMELINE:
		timeline_draw(app, c);
		break;
	case VIEW_DETAIL:
		detail_draw(app, c, 1, 0, app->rows - 2, app->cols,
			    app->detail.shown);
		break;
	case VIEW_SPLIT:
		split_draw(app, c);
		break;
	case VIEW_PEOPLE:
		people_draw(app, c);
		break;
	case VIEW_HELP:
		help_draw(app, c);
		break;
	case VIEW_NOTE:
		note_draw(app, c);
		break;
	case VIEW_MARKS:
		marks_view_draw(app, c);
		break;
	case VIEW_LANES:
		lanes_draw(app, c);
		break;
	case VIEW_COMPARE:
		compare_draw(app, c);
		break;
	}
	chrome_status(app, c);
}

/* Says the screen is too small, in words that fit the size it is shown
 * at: wrapped over the rows there are, in a shorter form where the long
 * one does not fit. */
static void too_small(const struct app *app, struct br_canvas *c)
{
	char buf[2][160];
	int form;

	for (form = 0; form < 2; form++) {
		struct pen count = {NULL, 0, 0, 0, c->cols, 0, 0};
		struct pen p = {c, 0, 0, c->rows, c->cols, 0, 0};

		if (form == 0)
			snprintf(buf[0], sizeof(buf[0]),
				 UI_TR(app,
				       "Terminal too small: %dx%d; boardroom "
				       "needs %dx%d",
				       "终端太小：%dx%d，至少 %dx%d"),
				 app->cols, app->rows, APP_MIN_COLS,
				 APP_MIN_ROWS);
		else
			snprintf(buf[0], sizeof(buf[0]),
				 UI_TR(app, "Too small: %dx%d, need %dx%d",
				       "太小：%dx%d，需 %dx%d"),
				 app->cols, app->rows, APP_MIN_COLS,
				 APP_MIN_ROWS);
		snprintf(buf[1], sizeof(buf[1]), "%s",
			 form == 0 ? ui_tr(app, "Enlarge it, or q to quit.",
					   "请放大窗口，或按 q 退出。")
				   : ui_tr(app, "q quits", "q 退出"));
		/* A pen with no canvas and no height counts every line. */
		pen_wrap(&count, buf[0], 0, BR_ST_ERROR);
		pen_wrap(&count, buf[1], 0, BR_ST_NORMAL);
		if (count.line > c->rows && form == 0)
			continue;
		pen_wrap(&p, buf[0], 0, BR_ST_ERROR);
		pen_wrap(&p, buf[1], 0, BR_ST_NORMAL);
		return;
	}
}

void app_render(struct app *app, struct br_canvas *c)
{
	br_canvas_clear(c);
	if (app->rows < APP_MIN_ROWS || app->cols < APP_MIN_COLS) {
		too_small(app, c);
		return;
	}
	br_db_read_begin(app->db);
	prepare(app, c);
	br_db_read_end(app->db);
	draw(app, c);
}
