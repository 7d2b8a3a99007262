#include "ui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"

/* The keymap: every key and the request it makes. Help is made from this
 * table, so it always tells the truth. */
static const struct keybinding {
	int key;
	enum app_request req;
} keymap[] = {
	{'j', REQ_DOWN},
	{APP_KEY_DOWN, REQ_DOWN},
	{'k', REQ_UP},
	{APP_KEY_UP, REQ_UP},
	{APP_KEY_PGDN, REQ_PAGE_DOWN},
	{' ', REQ_PAGE_DOWN},
	{APP_KEY_PGUP, REQ_PAGE_UP},
	{'b', REQ_PAGE_UP},
	{'g', REQ_FIRST},
	{APP_KEY_HOME, REQ_FIRST},
	{'G', REQ_LAST},
	{APP_KEY_END, REQ_LAST},
	{']', REQ_NEXT_DAY},
	{'[', REQ_PREV_DAY},
	{'}', REQ_NEXT_HOUR},
	{'{', REQ_PREV_HOUR},
	{APP_KEY_ENTER, REQ_DETAIL},
	{APP_KEY_TAB, REQ_CYCLE_VIEW},
	{'/', REQ_SEARCH},
	{'n', REQ_NEXT_HIT},
	{'N', REQ_PREV_HIT},
	{'p', REQ_PEOPLE},
	{'P', REQ_CLEAR_PEOPLE},
	{'f', REQ_KIND},
	{'F', REQ_FACTION},
	{':', REQ_GOTO},
	{'s', REQ_SPLIT},
	{'l', REQ_LANG},
	{'z', REQ_ZONE},
	{'Z', REQ_ZOOM},
	{'m', REQ_MARK},
	{'\'', REQ_NEXT_MARK},
	{'"', REQ_PREV_MARK},
	{'a', REQ_NOTE},
	{'?', REQ_HELP},
	{'q', REQ_QUIT},
	{APP_KEY_ESC, REQ_BACK},
	{APP_KEY_CTRL_L, REQ_REDRAW},
};

static const struct {
	const char *en, *zh;
} request_help[] = {{"", ""},
#define R(name, en, zh) {en, zh},
		    APP_REQUESTS(R)
#undef R
};

static const char *key_name(int key, char *buf, size_t len)
{
	switch (key) {
	case APP_KEY_UP:
		return "↑";
	case APP_KEY_DOWN:
		return "↓";
	case APP_KEY_PGUP:
		return "PgUp";
	case APP_KEY_PGDN:
		return "PgDn";
	case APP_KEY_HOME:
		return "Home";
	case APP_KEY_END:
		return "End";
	case APP_KEY_ENTER:
		return "Enter";
	case APP_KEY_ESC:
		return "Esc";
	case APP_KEY_TAB:
		return "Tab";
	case APP_KEY_CTRL_L:
		return "Ctrl-L";
	case ' ':
		return "Space";
	}
	snprintf(buf, len, "%c", key);
	return buf;
}

size_t app_keys_of(enum app_request req, char *buf, size_t len)
{
	size_t i, n = 0;
	char one[8];

	buf[0] = '\0';
	for (i = 0; i < BR_ARRAY_SIZE(keymap) && n + 1 < len; i++) {
		if (keymap[i].req != req)
			continue;
		n += (size_t)snprintf(
			buf + n, len - n, "%s%s", n ? " " : "",
			key_name(keymap[i].key, one, sizeof(one)));
		if (n >= len)
			n = len - 1;
	}
	return n;
}

const char *app_request_help(const struct app *app, enum app_request req)
{
	return app->lang == BR_LANG_ZH ? request_help[req].zh
				       : request_help[req].en;
}

static enum app_request request_of(int key)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(keymap); i++)
		if (keymap[i].key == key)
			return keymap[i].req;
	return REQ_NONE;
}

const char *app_tr(const struct app *app, const char *en, const char *zh)
{
	return app->lang == BR_LANG_ZH ? zh : en;
}

const struct br_zone *app_zone(const struct app *app)
{
	return &app->zones[app->zone];
}

void app_message(struct app *app, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof(app->msg), fmt, ap);
	va_end(ap);
	app->msg_error = error;
}

enum br_style app_faction_style(const char *slug)
{
	if (!strcmp(slug, "safety"))
		return BR_ST_SAFETY;
	if (!strcmp(slug, "accelerationist"))
		return BR_ST_ACCEL;
	if (!strcmp(slug, "investor"))
		return BR_ST_INVESTOR;
	return BR_ST_OTHER;
}

/* Setup */

static const char factions_sql[] = "SELECT id FROM faction ORDER BY id";

static void load_factions(struct app *app)
{
	sqlite3_stmt *st = br_db_stmt(app->db, factions_sql);

	app->n_factions = 0;
	while (sqlite3_step(st) == SQLITE_ROW &&
	       app->n_factions < (int)BR_ARRAY_SIZE(app->factions))
		app->factions[app->n_factions++] = sqlite3_column_int64(st, 0);
	br_db_reset(st);
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

static void ruler_span(struct app *app);

/* Opens on the first event of the main line: the crisis, not its
 * prehistory, which is above it. */
static void select_start(struct app *app)
{
	struct br_filter f = app->filter;
	struct br_key key;

	f.kinds = BR_KIND_MAIN;
	if (br_events_nearest(app->db, &f, app->meta->window_start - 86400,
			      app->meta->window_end, &key) == 1 ||
	    br_events_nearest(app->db, &app->filter, app->meta->window_start,
			      app->meta->window_end, &key) == 1)
		app_select(app, &key);
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
	br_filter_init(&app->filter);
	load_factions(app);
	app->rows = 24;
	app->cols = 80;
	app->list_h = 10;
	ruler_span(app);
	select_start(app);
	app->notes =
		br_notes_open(db, NULL, app->notes_err, sizeof(app->notes_err));
	app_message(app, 0, "%s",
		    app_tr(app,
			   "? help · / search · : go to · p people · "
			   "s split · q quit",
			   "? 帮助 · / 搜索 · : 跳转 · p 人物 · s 阵营 · "
			   "q 退出"));
}

void app_done(struct app *app)
{
	br_page_free(&app->page);
	br_search_free(&app->compiled);
	free(app->density);
	free(app->hits);
	br_detail_free(&app->detail);
	br_split_free(&app->split);
	br_changes_free(&app->changes);
	br_people_free(&app->people);
	br_marks_free(&app->marks);
	free(app->note);
	br_notes_close(app->notes);
}

/* The timeline */

static void invalidate(struct app *app)
{
	app->count_ok = 0;
	app->rank_ok = 0;
	app->density_ok = 0;
}

/* Events from top on, one more than the list can show. */
static void load_page(struct app *app)
{
	struct br_key before = {app->top.ts, app->top.id - 1};
	int limit = app->list_h + 1;

	if (br_events_page(app->db, &app->filter, app->has_sel ? &before : NULL,
			   BR_AFTER, (size_t)(limit > 1 ? limit : 2),
			   &app->page) < 0)
		app_message(app, 1, "database error: %s",
			    br_db_errmsg(app->db));
}

int view_gap_label(const struct app *app, br_instant a, br_instant b, char *buf,
		   size_t len)
{
	br_instant gap = b - a;
	int zh = app->lang == BR_LANG_ZH;

	if (gap < 3 * 3600)
		return 0;
	if (gap < 72 * 3600)
		snprintf(buf, len, zh ? "· %lld 小时后 ·" : "· %lldh later ·",
			 (long long)(gap / 3600));
	else if (gap < 60 * 86400)
		snprintf(buf, len, zh ? "· %lld 天后 ·" : "· %lld days later ·",
			 (long long)(gap / 86400));
	else if (gap < 730 * 86400)
		snprintf(buf, len,
			 zh ? "· %lld 个月后 ·" : "· %lld months later ·",
			 (long long)(gap / (30 * 86400)));
	else
		snprintf(buf, len,
			 zh ? "· %lld 年后 ·" : "· %lld years later ·",
			 (long long)(gap / (365 * 86400)));
	return 1;
}

/* How many of the page's events fit in the list, with gap rows. */
static int fit_count(const struct app *app)
{
	int used = 0, n = 0;
	size_t i;
	char buf[64];

	for (i = 0; i < app->page.n; i++) {
		int need = 1;

		if (i > 0 &&
		    view_gap_label(app, app->page.rows[i - 1].ts,
				   app->page.rows[i].ts, buf, sizeof(buf)))
			need++;
		if (used + need > app->list_h)
			break;
		used += need;
		n++;
	}
	return n;
}

int app_sel_index(const struct app *app)
{
	size_t i;

	for (i = 0; i < app->page.n; i++)
		if (app->page.rows[i].id == app->sel.id &&
		    app->page.rows[i].ts == app->sel.ts)
			return (int)i;
	return -1;
}

void app_layout(struct app *app)
{
	int tries, idx;

	if (!app->has_sel) {
		app->page.n = 0;
		app->visible = 0;
		return;
	}
	for (tries = 0; tries < 64; tries++) {
		load_page(app);
		app->visible = fit_count(app);
		idx = app_sel_index(app);
		if (idx >= 0 && idx < app->visible)
			return;
		if (idx < 0) {
			app->top = app->sel; /* selection above the top */
			continue;
		}
		/* Below the screen: scroll by what is missing. */
		idx = idx - app->visible + 1;
		if (idx >= (int)app->page.n)
			idx = (int)app->page.n - 1;
		app->top = (struct br_key){app->page.rows[idx].ts,
					   app->page.rows[idx].id};
	}
}

void app_select(struct app *app, const struct br_key *key)
{
	struct br_page before = {0};
	int ctx = app->list_h / 3;

	app->sel = *key;
	app->has_sel = 1;
	app->rank_ok = 0;
	app->top = *key;
	/* Show some context above the selection. */
	if (ctx > 0 && br_events_page(app->db, &app->filter, key, BR_BEFORE,
				      (size_t)ctx, &before) > 0)
		app->top =
			(struct br_key){before.rows[0].ts, before.rows[0].id};
	br_page_free(&before);
	app_layout(app);
}

/* Moves the selection by n events (negative: up). */
static void move_by(struct app *app, int n)
{
	struct br_page p = {0};
	enum br_dir dir = n > 0 ? BR_AFTER : BR_BEFORE;
	int got;

	if (!app->has_sel || n == 0)
		return;
	got = br_events_page(app->db, &app->filter, &app->sel, dir,
			     (size_t)abs(n), &p);
	if (got > 0) {
		const struct br_event *e =
			dir == BR_AFTER ? &p.rows[got - 1] : &p.rows[0];

		app->sel = (struct br_key){e->ts, e->id};
		/* The position moves with the selection: no counting. */
		if (app->rank_ok && app->rank <= APP_COUNT_CAP)
			app->rank += dir == BR_AFTER ? got : -got;
		else
			app->rank_ok = 0;
		if (abs(n) > 1) {
			/* A page: the view moves with the selection. */
			struct br_page t = {0};

			if (br_events_page(app->db, &app->filter, &app->top,
					   dir, (size_t)got, &t) > 0)
				app->top =
					dir == BR_AFTER
						? (struct br_key){t.rows[t.n -
									 1]
									  .ts,
								  t.rows[t.n -
									 1]
									  .id}
						: (struct br_key){t.rows[0].ts,
								  t.rows[0].id};
			br_page_free(&t);
		}
	}
	br_page_free(&p);
	app_layout(app);
}

static void move_end(struct app *app, enum br_dir dir)
{
	struct br_page p = {0};

	if (br_events_page(app->db, &app->filter, NULL, dir, 1, &p) == 1) {
		struct br_key key = {p.rows[0].ts, p.rows[0].id};

		app_select(app, &key);
	}
	br_page_free(&p);
}

/* Goes to the first event at or after t (forward) or the last before t
 * (backward); 1 if there was one. */
static int select_from(struct app *app, br_instant t, enum br_dir dir)
{
	struct br_page p = {0};
	struct br_key key = {t, INT64_MIN};
	int found;

	found = br_events_page(app->db, &app->filter, &key, dir, 1, &p) == 1;
	if (found) {
		key = (struct br_key){p.rows[0].ts, p.rows[0].id};
		app_select(app, &key);
	}
	br_page_free(&p);
	return found;
}

/* The start of the local day or hour containing t, in the current zone. */
static br_instant unit_start(const struct app *app, br_instant t, int day)
{
	struct tm tm;

	br_zone_local(app_zone(app), t, &tm, NULL);
	tm.tm_sec = 0;
	tm.tm_min = 0;
	if (day)
		tm.tm_hour = 0;
	return br_zone_instant(app_zone(app), &tm);
}

static br_instant unit_next(const struct app *app, br_instant t, int day)
{
	struct tm tm;

	br_zone_local(app_zone(app), unit_start(app, t, day), &tm, NULL);
	if (day)
		tm.tm_mday++;
	else
		tm.tm_hour++;
	return br_zone_instant(app_zone(app), &tm);
}

static void step_unit(struct app *app, int dir, int day)
{
	const char *what =
		day ? app_tr(app, "day", "天") : app_tr(app, "hour", "小时");
	int ok;

	if (!app->has_sel)
		return;
	if (dir > 0) {
		ok = select_from(app, unit_next(app, app->sel.ts, day),
				 BR_AFTER);
	} else {
		/* The last event before this unit, then its unit's first. */
		struct br_page p = {0};
		struct br_key key = {unit_start(app, app->sel.ts, day),
				     INT64_MIN};

		ok = br_events_page(app->db, &app->filter, &key, BR_BEFORE, 1,
				    &p) == 1;
		if (ok)
			ok = select_from(app,
					 unit_start(app, p.rows[0].ts, day),
					 BR_AFTER);
		br_page_free(&p);
	}
	if (!ok)
		app_message(app, 0,
			    APP_TR(app, "no %s %s with an event",
				   "没有%s有事件的%s"),
			    dir > 0 ? app_tr(app, "later", "更晚")
				    : app_tr(app, "earlier", "更早"),
			    what);
}

/* Search */

static void set_search(struct app *app, const char *text)
{
	br_strlcpy(app->search, text, sizeof(app->search));
	br_search_free(&app->compiled);
	br_search_compile(&app->compiled, app->search);
	app->density_ok = 0;
}

/* Goes to the next match after (dir > 0) or before the selection,
 * inclusive of it when inclusive; wraps around. 1 if found. */
static int find_hit(struct app *app, enum br_dir dir, int inclusive)
{
	struct br_filter f = app->filter;
	struct br_page p = {0};
	struct br_key from = app->sel;
	int found, wrapped = 0;

	if (!app->search[0])
		return 0;
	f.search = &app->compiled;
	if (inclusive)
		from.id += dir == BR_AFTER ? -1 : 1;
	found = br_events_page(app->db, &f, app->has_sel ? &from : NULL, dir, 1,
			       &p) == 1;
	if (!found) {
		found = br_events_page(app->db, &f, NULL, dir, 1, &p) == 1;
		wrapped = found;
	}
	if (found) {
		struct br_key key = {p.rows[0].ts, p.rows[0].id};

		app_select(app, &key);
		if (wrapped)
			app_message(
				app, 0, "%s",
				dir == BR_AFTER
					? app_tr(app,
						 "search wrapped to the top",
						 "已从头开始搜索")
					: app_tr(app,
						 "search wrapped to the bottom",
						 "已从末尾开始搜索"));
	}
	br_page_free(&p);
	return found;
}

static void search_update(struct app *app)
{
	app->top = app->saved_top;
	app->sel = app->saved_sel;
	set_search(app, app->input);
	app->msg[0] = '\0';
	if (app->input[0] && !find_hit(app, BR_AFTER, 1))
		app_message(
			app, 1,
			APP_TR(app, "no match for '%s'", "没有匹配“%s”的事件"),
			app->input);
	app_layout(app);
}

/* Go to */

static void do_goto(struct app *app, const char *text)
{
	struct br_when_ctx ctx = {app_zone(app), app->sel.ts,
				  app->meta->window_start, app->meta->year};
	struct br_when w;
	struct br_key key;
	char err[256], when[64];
	int rc;

	while (*text == ' ')
		text++;
	if (!strncmp(text, "goto ", 5))
		text += 5;
	if (!app->has_sel)
		ctx.now = app->meta->window_start;
	if (br_events_by_marker(app->db, text, &key) == 1) {
		/* A marker of the source: go there, filters aside. */
		if (br_filter_active(&app->filter)) {
			br_filter_init(&app->filter);
			set_search(app, "");
			invalidate(app);
		}
		app_select(app, &key);
		app_message(app, 0, "→ %s", text);
		return;
	}
	if (br_when_parse(text, &ctx, &w, err, sizeof(err)) < 0) {
		app_message(app, 1, "%s", err);
		return;
	}
	rc = br_events_nearest(app->db, &app->filter, w.t_min, w.t_max, &key);
	if (rc != 1) {
		app_message(
			app, 1, "%s",
			app_tr(app, "no event to go to", "没有可跳转的事件"));
		return;
	}
	app_select(app, &key);
	br_when_format(when, sizeof(when), w.t_min, w.t_max, w.precision, 0,
		       app_zone(app), app->lang, BR_WHEN_LONG);
	app_message(app, 0, "→ %s %s", when, app_zone(app)->label);
}

/* Filters */

static void refilter(struct app *app)
{
	struct br_key key;
	br_instant at = app->has_sel ? app->sel.ts : app->meta->window_start;

	invalidate(app);
	app->people_ok = 0;
	if (br_events_nearest(app->db, &app->filter, at, at, &key) == 1) {
		app_select(app, &key);
	} else {
		app->has_sel = 0;
		app->page.n = 0;
		app_message(app, 1, "%s",
			    app_tr(app, "no events under this filter",
				   "此筛选下没有事件"));
	}
}

static void cycle_kind(struct app *app)
{
	static const unsigned order[] = {BR_KIND_ALL, BR_KIND_MAIN,
					 BR_KIND_ASIDE, BR_KIND_BACKGROUND};
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(order); i++)
		if (order[i] == app->filter.kinds)
			break;
	app->filter.kinds = order[(i + 1) % BR_ARRAY_SIZE(order)];
	refilter(app);
}

static void cycle_faction(struct app *app)
{
	int i;

	for (i = 0; i < app->n_factions; i++)
		if (app->factions[i] == app->filter.faction)
			break;
	/* none -> first -> ... -> last -> none */
	if (!app->filter.faction)
		app->filter.faction = app->n_factions ? app->factions[0] : 0;
	else
		app->filter.faction =
			i + 1 < app->n_factions ? app->factions[i + 1] : 0;
	refilter(app);
}

/* The ruler */

static void ruler_span(struct app *app)
{
	br_instant first, last;

	app->density_ok = 0;
	if (app->zoom_all && br_events_span(app->db, &first, &last) == 0 &&
	    last > first) {
		app->ruler_start = unit_start(app, first, 1);
		app->ruler_end = unit_next(app, last, 1);
		return;
	}
	/* The crisis days: from the day before the window to its end. */
	first = app->meta->window_start - 86400;
	app->ruler_start = unit_start(app, first, 1);
	app->ruler_end = unit_next(app, app->meta->window_end, 1);
}

/* Detail and split */

const struct br_detail *app_detail(struct app *app)
{
	if (!app->has_sel)
		return NULL;
	if (app->detail_id != app->sel.id) {
		if (br_event_detail(app->db, app->sel.id, &app->detail) != 1)
			return NULL;
		app->detail_id = app->sel.id;
	}
	return &app->detail;
}

const struct br_split *app_split(struct app *app, size_t limit)
{
	struct br_page prev = {0};
	br_instant since;

	if (!app->has_sel)
		return NULL;
	if (app->split_id == app->sel.id &&
	    (!app->split.limit || (limit && app->split.limit >= limit)))
		return &app->split;
	if (br_split_at(app->db, app->sel.ts, limit, &app->split) < 0) {
		app->split_id = 0;
		return NULL;
	}
	if (app->split_id == app->sel.id)
		return &app->split; /* a larger screen: the changes hold */
	/* What moved since the previous event of the timeline. */
	since = app->sel.ts - 1;
	if (br_events_page(app->db, &app->filter, &app->sel, BR_BEFORE, 1,
			   &prev) == 1)
		since = prev.rows[0].ts;
	br_page_free(&prev);
	br_changes_between(app->db, since, app->sel.ts, &app->changes);
	app->split_id = app->sel.id;
	return &app->split;
}

/* The prompt */

static void prompt_open(struct app *app, enum app_prompt p)
{
	app->prompt = p;
	app->input[0] = '\0';
	app->saved_top = app->top;
	app->saved_sel = app->sel;
	br_strlcpy(app->saved_search, app->search, sizeof(app->saved_search));
	app->msg[0] = '\0';
}

static void input_backspace(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void input_append(char *s, size_t cap, int cp)
{
	size_t n = strlen(s);
	char buf[5];
	int len;

	if (cp < 0x20 || cp == 0x7F || cp > 0x10FFFF)
		return;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		len = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		len = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		len = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		len = 4;
	}
	if (n + (size_t)len + 1 > cap)
		return;
	memcpy(s + n, buf, (size_t)len);
	s[n + (size_t)len] = '\0';
}

/* Edits a line of input; returns 1 if the key was an edit. */
static int edit_line(char *s, size_t cap, int key)
{
	if (key == APP_KEY_BACKSPACE) {
		input_backspace(s);
		return 1;
	}
	if (key == APP_KEY_CTRL_U) {
		s[0] = '\0';
		return 1;
	}
	if (key < APP_KEY_UP && key >= 0x20) {
		input_append(s, cap, key);
		return 1;
	}
	return 0;
}

static void prompt_key(struct app *app, int key)
{
	enum app_prompt p = app->prompt;

	/* Closing the search prompt draws the hits on the ruler. */
	if (p == PROMPT_SEARCH && (key == APP_KEY_ENTER || key == APP_KEY_ESC))
		app->density_ok = 0;

	if (key == APP_KEY_ESC) {
		app->prompt = PROMPT_NONE;
		if (p == PROMPT_SEARCH) {
			set_search(app, app->saved_search);
			app->top = app->saved_top;
			app->sel = app->saved_sel;
			app_layout(app);
		}
		app->msg[0] = '\0';
		return;
	}
	if (key == APP_KEY_ENTER) {
		app->prompt = PROMPT_NONE;
		if (p == PROMPT_SEARCH)
			set_search(app, app->input); /* empty: no search */
		if (p == PROMPT_GOTO)
			do_goto(app, app->input);
		else if (app->input[0] && !app->msg_error)
			app_message(app, 0, "%s",
				    app_tr(app, "n next match · N previous",
					   "n 下一个 · N 上一个"));
		return;
	}
	if (!edit_line(app->input, sizeof(app->input), key))
		return;
	if (p == PROMPT_SEARCH)
		search_update(app);
}

/* People picker */

static int person_followed(const struct app *app, int64_t id)
{
	size_t i;

	for (i = 0; i < app->filter.n_people; i++)
		if (app->filter.people[i] == id)
			return 1;
	return 0;
}

static void toggle_person(struct app *app, int64_t id)
{
	struct br_filter *f = &app->filter;
	size_t i;

	for (i = 0; i < f->n_people; i++) {
		if (f->people[i] == id) {
			memmove(&f->people[i], &f->people[i + 1],
				(f->n_people - i - 1) * sizeof(f->people[0]));
			f->n_people--;
			return;
		}
	}
	if (f->n_people < BR_ARRAY_SIZE(f->people))
		f->people[f->n_people++] = id;
}

static void people_key(struct app *app, int key)
{
	int n = (int)app->people.n;

	switch (key) {
	case APP_KEY_ESC:
		app->view = VIEW_TIMELINE;
		refilter(app);
		return;
	case APP_KEY_DOWN:
	case APP_KEY_CTRL_N:
		if (app->psel + 1 < n)
			app->psel++;
		return;
	case APP_KEY_UP:
	case APP_KEY_CTRL_P:
		if (app->psel > 0)
			app->psel--;
		return;
	case APP_KEY_PGDN:
		app->psel = app->psel + 10 < n ? app->psel + 10 : n - 1;
		return;
	case APP_KEY_PGUP:
		app->psel = app->psel > 10 ? app->psel - 10 : 0;
		return;
	case APP_KEY_TAB:
		if (n > 0)
			toggle_person(app, app->people.rows[app->psel].id);
		return;
	case APP_KEY_ENTER:
		if (n > 0 &&
		    !person_followed(app, app->people.rows[app->psel].id))
			toggle_person(app, app->people.rows[app->psel].id);
		app->view = VIEW_TIMELINE;
		refilter(app);
		return;
	}
	if (edit_line(app->pquery, sizeof(app->pquery), key)) {
		app->people_ok = 0;
		app->psel = 0;
		app->ptop = 0;
	}
}

/* Bookmarks and notes */

int app_is_marked(struct app *app, const struct br_event *ev)
{
	return app->notes && br_notes_is_marked(app->notes, ev) == 1;
}

const struct br_marks *app_marks(struct app *app)
{
	if (!app->marks_ok) {
		br_marks_free(&app->marks);
		if (app->notes)
			br_notes_list(app->notes, &app->marks);
		app->marks_ok = 1;
	}
	return &app->marks;
}

/* Whether the user database can be used; if not, says why. */
static int notes_usable(struct app *app)
{
	if (app->notes)
		return 1;
	app_message(app, 1, "%s %s",
		    app_tr(app, "no bookmarks:", "无法使用书签："),
		    app->notes_err);
	return 0;
}

static void toggle_mark(struct app *app)
{
	const struct br_detail *d;
	char err[256];
	int marked;

	if (!notes_usable(app) || !(d = app_detail(app)))
		return;
	if (br_notes_toggle(app->notes, &d->ev, &marked, err, sizeof(err)) <
	    0) {
		app_message(app, 1, "%s", err);
		return;
	}
	app->marks_ok = 0;
	app_message(app, 0, "%s",
		    marked ? app_tr(app, "bookmarked", "已加书签")
			   : app_tr(app, "bookmark removed", "已取消书签"));
}

/* Goes to the next (dir > 0) or previous bookmark under the filter,
 * wrapping around. */
static void jump_mark(struct app *app, int dir)
{
	const struct br_marks *m;
	size_t i, n;
	int wrapped = 0;

	if (!notes_usable(app))
		return;
	app->marks_ok = 0;
	m = app_marks(app);
	n = m->n;
	for (i = 0; i < 2 * n; i++) {
		size_t k = dir > 0 ? i % n : n - 1 - i % n;
		const struct br_mark *mk = &m->rows[k];
		struct br_key key = {mk->ts, mk->event_id}, before;
		struct br_page p = {0};
		int past, ok;

		if (!mk->event_id)
			continue;
		if (i == n)
			wrapped = 1;
		past = !app->has_sel || (dir > 0 ? (key.ts > app->sel.ts ||
						    (key.ts == app->sel.ts &&
						     key.id > app->sel.id))
						 : (key.ts < app->sel.ts ||
						    (key.ts == app->sel.ts &&
						     key.id < app->sel.id)));
		if (!past && !wrapped)
			continue;
		/* Under the filter? */
		before = (struct br_key){key.ts, key.id - 1};
		ok = br_events_page(app->db, &app->filter, &before, BR_AFTER, 1,
				    &p) == 1 &&
		     p.rows[0].id == key.id;
		br_page_free(&p);
		if (!ok)
			continue;
		app_select(app, &key);
		if (wrapped)
			app_message(app, 0, "%s",
				    app_tr(app, "bookmarks wrapped around",
					   "书签已循环"));
		return;
	}
	app_message(app, 1, "%s",
		    app_tr(app, "no bookmarks under this filter",
			   "此筛选下没有书签"));
}

static void note_open(struct app *app)
{
	const struct br_detail *d;
	char *text;
	int64_t version;

	if (!notes_usable(app) || !(d = app_detail(app)))
		return;
	if (br_notes_readonly(app->notes)) {
		app_message(app, 1, "%s", br_notes_readonly(app->notes));
		return;
	}
	if (br_notes_get(app->notes, &d->ev, &text, &version) < 0) {
		app_message(
			app, 1, "%s",
			app_tr(app, "cannot read the note", "无法读取笔记"));
		free(text);
		return;
	}
	free(app->note);
	app->note = text;
	app->note_len = strlen(text);
	app->note_cap = app->note_len + 1;
	app->note_version = version;
	app->note_back = app->view == VIEW_DETAIL ? VIEW_DETAIL : VIEW_TIMELINE;
	app->view = VIEW_NOTE;
	app_message(app, 0, "%s",
		    app_tr(app,
			   "Esc or Ctrl-S saves · an empty note is removed",
			   "Esc 或 Ctrl-S 保存 · 清空即删除"));
}

static void note_save(struct app *app)
{
	const struct br_detail *d = app_detail(app);
	char err[256];
	int rc;

	app->view = app->note_back;
	if (!d)
		return;
	rc = br_notes_set(app->notes, &d->ev, app->note, app->note_version, err,
			  sizeof(err));
	app->marks_ok = 0;
	if (rc == BR_NOTES_ERROR)
		app_message(app, 1, "%s", err);
	else if (rc == BR_NOTES_MERGED)
		app_message(app, 1, "%s",
			    app_tr(app,
				   "note changed elsewhere: both texts kept",
				   "笔记已在别处修改：两份都已保留"));
	else
		app_message(
			app, 0, "%s",
			app->note_len
				? app_tr(app, "note saved", "笔记已保存")
				: app_tr(app, "note removed", "笔记已删除"));
}

static void note_key(struct app *app, int key)
{
	char buf[5];
	int len = 0;

	if (key == APP_KEY_ESC || key == APP_KEY_CTRL_S) {
		note_save(app);
		return;
	}
	if (key == APP_KEY_BACKSPACE) {
		while (app->note_len > 0 &&
		       ((unsigned char)app->note[app->note_len - 1] & 0xC0) ==
			       0x80)
			app->note_len--;
		if (app->note_len > 0)
			app->note_len--;
		app->note[app->note_len] = '\0';
		return;
	}
	if (key == APP_KEY_ENTER) {
		buf[len++] = '\n';
	} else if (key >= 0x20 && key < APP_KEY_UP && key != 0x7F &&
		   !(key >= 0xD800 && key < 0xE000)) {
		buf[0] = '\0';
		input_append(buf, sizeof(buf), key);
		len = (int)strlen(buf);
	}
	if (!len)
		return;
	if (app->note_len + (size_t)len + 1 > app->note_cap) {
		app->note_cap = (app->note_len + (size_t)len + 1) * 2;
		app->note = br_xrealloc(app->note, app->note_cap);
	}
	memcpy(app->note + app->note_len, buf, (size_t)len);
	app->note_len += (size_t)len;
	app->note[app->note_len] = '\0';
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

static void request(struct app *app, enum app_request req)
{
	int page = app->visible > 1 ? app->visible - 1 : 1;

	switch (req) {
	case REQ_NONE:
		break;
	case REQ_DOWN:
		if (app->view == VIEW_DETAIL || app->view == VIEW_HELP) {
			app->scroll++;
		} else {
			move_by(app, 1);
		}
		break;
	case REQ_UP:
		if (app->view == VIEW_DETAIL || app->view == VIEW_HELP) {
			if (app->scroll > 0)
				app->scroll--;
		} else {
			move_by(app, -1);
		}
		break;
	case REQ_PAGE_DOWN:
		if (app->view == VIEW_DETAIL || app->view == VIEW_HELP) {
			app->scroll += app->rows / 2;
		} else {
			move_by(app, page);
		}
		break;
	case REQ_PAGE_UP:
		if (app->view == VIEW_DETAIL || app->view == VIEW_HELP) {
			app->scroll = 0;
		} else {
			move_by(app, -page);
		}
		break;
	case REQ_FIRST:
		move_end(app, BR_AFTER);
		break;
	case REQ_LAST:
		move_end(app, BR_BEFORE);
		break;
	case REQ_NEXT_DAY:
		step_unit(app, 1, 1);
		break;
	case REQ_PREV_DAY:
		step_unit(app, -1, 1);
		break;
	case REQ_NEXT_HOUR:
		step_unit(app, 1, 0);
		break;
	case REQ_PREV_HOUR:
		step_unit(app, -1, 0);
		break;
	case REQ_DETAIL:
		if (app->view == VIEW_DETAIL) {
			app->view = VIEW_TIMELINE;
		} else if (app->has_sel) {
			app->view = VIEW_DETAIL;
			app->scroll = 0;
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
	case REQ_SEARCH:
		if (app->view != VIEW_TIMELINE && app->view != VIEW_SPLIT)
			app->view = VIEW_TIMELINE;
		prompt_open(app, PROMPT_SEARCH);
		break;
	case REQ_NEXT_HIT:
	case REQ_PREV_HIT:
		if (!app->search[0])
			app_message(app, 0, "%s",
				    app_tr(app, "no search: press / first",
					   "尚未搜索：先按 /"));
		else if (!find_hit(app,
				   req == REQ_NEXT_HIT ? BR_AFTER : BR_BEFORE,
				   0))
			app_message(app, 1,
				    APP_TR(app, "no match for '%s'",
					   "没有匹配“%s”的事件"),
				    app->search);
		break;
	case REQ_PEOPLE:
		app->back = VIEW_TIMELINE;
		app->view = VIEW_PEOPLE;
		app->people_ok = 0;
		break;
	case REQ_CLEAR_PEOPLE:
		app->filter.n_people = 0;
		refilter(app);
		break;
	case REQ_KIND:
		cycle_kind(app);
		break;
	case REQ_FACTION:
		cycle_faction(app);
		break;
	case REQ_GOTO:
		prompt_open(app, PROMPT_GOTO);
		break;
	case REQ_SPLIT:
		toggle_view(app, VIEW_SPLIT);
		break;
	case REQ_LANG:
		app->lang = app->lang == BR_LANG_EN ? BR_LANG_ZH : BR_LANG_EN;
		app->msg[0] = '\0';
		break;
	case REQ_ZONE:
		app->zone = (app->zone + 1) % app->n_zones;
		ruler_span(app);
		app_message(app, 0, "%s: %s", app_tr(app, "time zone", "时区"),
			    app_zone(app)->name[0] ? app_zone(app)->name
						   : app_zone(app)->label);
		break;
	case REQ_ZOOM:
		app->zoom_all = !app->zoom_all;
		ruler_span(app);
		break;
	case REQ_MARK:
		toggle_mark(app);
		break;
	case REQ_NEXT_MARK:
		jump_mark(app, 1);
		break;
	case REQ_PREV_MARK:
		jump_mark(app, -1);
		break;
	case REQ_NOTE:
		note_open(app);
		break;
	case REQ_HELP:
		app->scroll = 0;
		toggle_view(app, VIEW_HELP);
		break;
	case REQ_BACK:
		if (app->view != VIEW_TIMELINE)
			request(app, REQ_QUIT);
		break;
	case REQ_QUIT:
		if (app->view == VIEW_TIMELINE)
			app->quit = 1;
		else
			app->view = app->view == VIEW_HELP ? app->back
							   : VIEW_TIMELINE;
		if (app->view == VIEW_HELP)
			app->view = VIEW_TIMELINE;
		break;
	case REQ_REDRAW:
		invalidate(app);
		app->marks_ok = 0;
		app_layout(app);
		break;
	case REQ_COUNT:
		break;
	}
}

void app_key(struct app *app, int key)
{
	if (app->prompt != PROMPT_NONE) {
		prompt_key(app, key);
		return;
	}
	if (app->view == VIEW_NOTE) {
		note_key(app, key);
		return;
	}
	if (app->view == VIEW_PEOPLE && key != APP_KEY_CTRL_L && key != '?') {
		people_key(app, key);
		return;
	}
	if (!app->msg_error || key != APP_KEY_CTRL_L)
		app->msg[0] = '\0';
	app->msg_error = 0;
	request(app, request_of(key));
}

void app_resize(struct app *app, int rows, int cols)
{
	app->rows = rows;
	app->cols = cols;
	/* Title, three ruler rows, a rule, the status line. */
	app->list_y = 5;
	app->list_h = rows - app->list_y - 1;
	if (app->list_h < 1)
		app->list_h = 1;
	app->density_ok = 0;
	app_layout(app);
}

void app_click(struct app *app, int y, int x)
{
	int row = app->list_y, i;
	char buf[64];

	(void)x;
	if (app->view != VIEW_TIMELINE || y < app->list_y || x >= app->list_w)
		return;
	for (i = 0; i < app->visible; i++) {
		if (i > 0 &&
		    view_gap_label(app, app->page.rows[i - 1].ts,
				   app->page.rows[i].ts, buf, sizeof(buf)))
			row++;
		if (row == y) {
			app->sel = (struct br_key){app->page.rows[i].ts,
						   app->page.rows[i].id};
			app->rank_ok = 0;
			return;
		}
		row++;
	}
}

void app_wheel(struct app *app, int dir)
{
	if (app->view == VIEW_TIMELINE || app->view == VIEW_SPLIT)
		move_by(app, dir * 3);
	else
		request(app, dir > 0 ? REQ_DOWN : REQ_UP);
}

void app_render(struct app *app, struct br_canvas *c)
{
	char buf[128];

	br_canvas_clear(c);
	if (app->rows < APP_MIN_ROWS || app->cols < APP_MIN_COLS) {
		snprintf(buf, sizeof(buf),
			 app->lang == BR_LANG_ZH ? "终端太小：%dx%d，至少 %dx%d"
						 : "Terminal too small: %dx%d; "
						   "boardroom needs %dx%d",
			 app->cols, app->rows, APP_MIN_COLS, APP_MIN_ROWS);
		br_canvas_put(c, 0, 0, buf, c->cols, BR_ST_ERROR);
		br_canvas_put(c, 1, 0,
			      app_tr(app, "Enlarge it, or q to quit.",
				     "请放大窗口，或按 q 退出。"),
			      c->cols, BR_ST_NORMAL);
		return;
	}
	switch (app->view) {
	case VIEW_TIMELINE:
		view_timeline(app, c);
		break;
	case VIEW_DETAIL:
		view_title(app, c, app_tr(app, "Event", "事件"));
		view_detail(app, c, 1, 0, app->rows - 2, app->cols,
			    app->scroll);
		break;
	case VIEW_SPLIT:
		view_split(app, c);
		break;
	case VIEW_PEOPLE:
		view_people(app, c);
		break;
	case VIEW_HELP:
		view_help(app, c);
		break;
	case VIEW_NOTE:
		view_note(app, c);
		break;
	}
	view_status(app, c);
}
