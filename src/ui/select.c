/* select: the selected event, the page of events around it, and the row
 * map that lays the page out in the list: moving and jumping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void sel_init(struct app *app)
{
	app->tl.list_h = 10;
}

void sel_free(struct app *app)
{
	br_page_free(&app->tl.page);
	free(app->tl.rows);
	free(app->tl.marked);
}

void sel_resize(struct app *app, int rows, int cols)
{
	app->tl.list_w = cols >= APP_WIDE_COLS
				 ? APP_LIST_COLS + (cols - APP_WIDE_COLS) / 2
				 : cols;
	/* Title, three ruler rows, a rule, the status line. */
	app->tl.list_y = 5;
	app->tl.list_h = rows - app->tl.list_y - 1;
	if (app->tl.list_h < 1)
		app->tl.list_h = 1;
	sel_layout(app);
}

void sel_invalidate(struct app *app)
{
	app->tl.count_ok = 0;
	app->tl.rank_ok = 0;
}

/* Events from top on, one more than the list can show. */
static void load_page(struct app *app)
{
	struct app_sel *tl = &app->tl;
	struct br_key before = {tl->top.ts, tl->top.id - 1};
	int limit = tl->list_h + 1;

	if (br_events_page(app->db, &app->filters.filter,
			   tl->has_sel ? &before : NULL, BR_AFTER,
			   (size_t)(limit > 1 ? limit : 2), &tl->page) < 0)
		ui_message(app, 1, "database error: %s", br_db_errmsg(app->db));
}

static void add_row(struct app_sel *tl, int y, int event, int gap)
{
	if (tl->n_rows == tl->rows_cap) {
		tl->rows_cap = tl->rows_cap ? tl->rows_cap * 2 : 64;
		tl->rows = br_xrealloc(tl->rows,
				       tl->rows_cap * sizeof(tl->rows[0]));
	}
	tl->rows[tl->n_rows++] = (struct app_row){y, event, gap};
}

/* The row map: as many of the page's events as fit in the list, each
 * with the gap row above it if the time between is worth one. */
static void map_rows(struct app_sel *tl)
{
	int y = tl->list_y;
	size_t i;

	tl->n_rows = 0;
	tl->visible = 0;
	for (i = 0; i < tl->page.n; i++) {
		int gap = i > 0 &&
			  ui_gap(tl->page.rows[i - 1].ts, tl->page.rows[i].ts);

		if (y - tl->list_y + gap + 1 > tl->list_h)
			break;
		if (gap)
			add_row(tl, y++, (int)i, 1);
		add_row(tl, y++, (int)i, 0);
		tl->visible++;
	}
}

static int sel_index(const struct app_sel *tl)
{
	size_t i;

	for (i = 0; i < tl->page.n; i++)
		if (tl->page.rows[i].id == tl->sel.id &&
		    tl->page.rows[i].ts == tl->sel.ts)
			return (int)i;
	return -1;
}

void sel_layout(struct app *app)
{
	struct app_sel *tl = &app->tl;
	int tries, idx;

	if (!tl->has_sel) {
		tl->page.n = 0;
		tl->n_rows = 0;
		tl->visible = 0;
		return;
	}
	for (tries = 0; tries < 64; tries++) {
		load_page(app);
		map_rows(tl);
		idx = sel_index(tl);
		if (idx >= 0 && idx < tl->visible)
			return;
		if (idx < 0) {
			tl->top = tl->sel; /* selection above the top */
			continue;
		}
		/* Below the screen: scroll by what is missing. */
		idx = idx - tl->visible + 1;
		if (idx >= (int)tl->page.n)
			idx = (int)tl->page.n - 1;
		tl->top = (struct br_key){tl->page.rows[idx].ts,
					  tl->page.rows[idx].id};
	}
}

void sel_prepare(struct app *app)
{
	struct app_sel *tl = &app->tl;
	int i;

	sel_layout(app);
	free(tl->marked);
	tl->marked = br_xcalloc((size_t)tl->visible + 1, 1);
	for (i = 0; i < tl->visible; i++)
		tl->marked[i] = (unsigned char)marks_is(app, &tl->page.rows[i]);
}

void sel_click(struct app *app, int y, int x)
{
	struct app_sel *tl = &app->tl;
	size_t i;

	if (y < tl->list_y || x >= tl->list_w)
		return;
	for (i = 0; i < tl->n_rows; i++) {
		const struct app_row *r = &tl->rows[i];

		if (!r->gap && r->y == y) {
			tl->sel = (struct br_key){tl->page.rows[r->event].ts,
						  tl->page.rows[r->event].id};
			tl->rank_ok = 0;
			return;
		}
	}
}

void sel_select(struct app *app, const struct br_key *key)
{
	struct app_sel *tl = &app->tl;
	struct br_page before = {0};
	int ctx = tl->list_h / 3;

	tl->sel = *key;
	tl->has_sel = 1;
	tl->has_at = 0; /* the instant follows the selection */
	tl->rank_ok = 0;
	tl->top = *key;
	/* Show some context above the selection. */
	if (ctx > 0 && br_events_page(app->db, &app->filters.filter, key,
				      BR_BEFORE, (size_t)ctx, &before) > 0)
		tl->top = (struct br_key){before.rows[0].ts, before.rows[0].id};
	br_page_free(&before);
	sel_layout(app);
}

br_instant sel_instant(const struct app *app)
{
	const struct app_sel *tl = &app->tl;

	if (tl->has_at && (!tl->has_sel || (tl->at_for.id == tl->sel.id &&
					    tl->at_for.ts == tl->sel.ts)))
		return tl->at;
	return tl->has_sel ? tl->sel.ts : app->meta->window_start;
}

void sel_set_instant(struct app *app, br_instant at)
{
	app->tl.at = at;
	app->tl.at_for = app->tl.has_sel ? app->tl.sel : (struct br_key){0};
	app->tl.has_at = 1;
}

/* Within the page, the position moves on with the selection; past it,
 * the list starts afresh around the event. */
void sel_follow(struct app *app, const struct br_key *key)
{
	struct app_sel *tl = &app->tl;
	int from = sel_index(tl), to = -1;
	size_t i;

	for (i = 0; i < tl->page.n && to < 0; i++)
		if (tl->page.rows[i].id == key->id &&
		    tl->page.rows[i].ts == key->ts)
			to = (int)i;
	if (from < 0 || to < from) {
		sel_select(app, key);
		return;
	}
	tl->sel = *key;
	if (tl->rank_ok && tl->rank <= APP_COUNT_CAP)
		tl->rank += to - from;
	else
		tl->rank_ok = 0;
	sel_layout(app);
}

void sel_none(struct app *app)
{
	app->tl.has_sel = 0;
	app->tl.page.n = 0;
	app->tl.n_rows = 0;
}

void sel_restore(struct app *app, const struct br_key *top,
		 const struct br_key *sel)
{
	app->tl.top = *top;
	app->tl.sel = *sel;
}

void sel_position(struct app *app)
{
	struct app_sel *tl = &app->tl;
	/* Terms too short for the search index are looked for row by row:
	 * count less of them. */
	int cap = br_search_reads_rows(&app->filters.compiled)
			  ? APP_COUNT_CAP / 20
			  : APP_COUNT_CAP;

	/* The timeline is the search's matches: their count and the
	 * selection's place among them are the search's own (filters.c),
	 * counted a slice a frame when it reads each event. Once the place
	 * is known exactly, it moves with the selection as the rank does,
	 * and the search's count takes it from here. */
	if (app->filters.only_hits) {
		const struct app_filters *f = &app->filters;

		if (f->hits_ok && !f->k_more && f->hits_k <= cap &&
		    f->hits_at.id == tl->sel.id &&
		    f->hits_at.ts == tl->sel.ts) {
			tl->rank = f->hits_k;
			tl->rank_ok = 1;
		}
		return;
	}
	if (!tl->count_ok) {
		tl->count = br_events_count_upto(app->db, &app->filters.filter,
						 NULL, cap);
		tl->count_ok = 1;
	}
	if (!tl->rank_ok && tl->has_sel) {
		tl->rank = br_events_count_upto(app->db, &app->filters.filter,
						&tl->sel, cap);
		tl->rank_ok = 1;
	}
}

/* The view follows a page's move of the selection by got events. */
static void scroll_top(struct app *app, enum br_dir dir, int got)
{
	struct app_sel *tl = &app->tl;
	struct br_page t = {0};

	if (br_events_page(app->db, &app->filters.filter, &tl->top, dir,
			   (size_t)got, &t) > 0) {
		const struct br_event *e =
			dir == BR_AFTER ? &t.rows[t.n - 1] : &t.rows[0];

		tl->top = (struct br_key){e->ts, e->id};
	}
	br_page_free(&t);
}

void sel_move_by(struct app *app, int n)
{
	struct app_sel *tl = &app->tl;
	struct br_page p = {0};
	enum br_dir dir = n > 0 ? BR_AFTER : BR_BEFORE;
	int got;

	if (!tl->has_sel || n == 0)
		return;
	got = br_events_page(app->db, &app->filters.filter, &tl->sel, dir,
			     (size_t)abs(n), &p);
	if (got > 0) {
		const struct br_event *e =
			dir == BR_AFTER ? &p.rows[got - 1] : &p.rows[0];

		tl->sel = (struct br_key){e->ts, e->id};
		/* The position moves with the selection: no counting. */
		if (tl->rank_ok && tl->rank <= APP_COUNT_CAP)
			tl->rank += dir == BR_AFTER ? got : -got;
		else
			tl->rank_ok = 0;
		if (abs(n) > 1)
			scroll_top(app, dir, got);
	}
	br_page_free(&p);
	sel_layout(app);
}

static void move_end(struct app *app, enum br_dir dir)
{
	struct br_page p = {0};

	if (br_events_page(app->db, &app->filters.filter, NULL, dir, 1, &p) ==
	    1) {
		struct br_key key = {p.rows[0].ts, p.rows[0].id};

		sel_select(app, &key);
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

	found = br_events_page(app->db, &app->filters.filter, &key, dir, 1,
			       &p) == 1;
	if (found) {
		key = (struct br_key){p.rows[0].ts, p.rows[0].id};
		sel_select(app, &key);
	}
	br_page_free(&p);
	return found;
}

/* ] [ } {: from the current instant to the next (dir > 0) or previous
 * day or hour with an event; the instant becomes that unit's start. */
static void step_unit(struct app *app, int dir, int day)
{
	const char *what =
		day ? ui_tr(app, "day", "天") : ui_tr(app, "hour", "小时");
	br_instant at = sel_instant(app);
	int ok;

	if (!app->tl.has_sel)
		return;
	if (dir > 0) {
		ok = select_from(app, ui_unit_next(app, at, day), BR_AFTER);
	} else {
		/* The last event before this unit, then its unit's first. */
		struct br_page p = {0};
		struct br_key key = {ui_unit_start(app, at, day), INT64_MIN};

		ok = br_events_page(app->db, &app->filters.filter, &key,
				    BR_BEFORE, 1, &p) == 1;
		if (ok)
			ok = select_from(app,
					 ui_unit_start(app, p.rows[0].ts, day),
					 BR_AFTER);
		br_page_free(&p);
	}
	if (ok)
		sel_set_instant(app, ui_unit_start(app, app->tl.sel.ts, day));
	else
		ui_message(app, 0,
			   UI_TR(app, "no %s %s with an event",
				 "没有%s有事件的%s"),
			   dir > 0 ? ui_tr(app, "later", "更晚")
				   : ui_tr(app, "earlier", "更早"),
			   what);
}

void sel_request(struct app *app, enum app_request req)
{
	int page = app->tl.visible > 1 ? app->tl.visible - 1 : 1;

	switch (req) {
	case REQ_DOWN:
		sel_move_by(app, 1);
		break;
	case REQ_UP:
		sel_move_by(app, -1);
		break;
	case REQ_PAGE_DOWN:
		sel_move_by(app, page);
		break;
	case REQ_PAGE_UP:
		sel_move_by(app, -page);
		break;
	case REQ_FIRST:
		move_end(app, BR_AFTER);
		break;
	case REQ_LAST:
		move_end(app, BR_BEFORE);
		break;
	case REQ_NEXT_DAY:
	case REQ_PREV_DAY:
		step_unit(app, req == REQ_NEXT_DAY ? 1 : -1, 1);
		break;
	case REQ_NEXT_HOUR:
	case REQ_PREV_HOUR:
		step_unit(app, req == REQ_NEXT_HOUR ? 1 : -1, 0);
		break;
	default:
		break;
	}
}

/* Whether the bookmark at key is under the filter. */
static int under_filter(struct app *app, const struct br_key *key)
{
	struct br_key before = {key->ts, key->id - 1};
	struct br_page p = {0};
	int ok;

	ok = br_events_page(app->db, &app->filters.filter, &before, BR_AFTER, 1,
			    &p) == 1 &&
	     p.rows[0].id == key->id;
	br_page_free(&p);
	return ok;
}

void sel_jump_mark(struct app *app, int dir)
{
	const struct app_sel *tl = &app->tl;
	const struct br_marks *m;
	size_t i, n;
	int wrapped = 0;

	if (!marks_usable(app))
		return;
	marks_invalidate(app);
	m = marks_list(app);
	n = m->n;
	for (i = 0; i < 2 * n; i++) {
		size_t k = dir > 0 ? i % n : n - 1 - i % n;
		const struct br_mark *mk = &m->rows[k];
		struct br_key key = {mk->ts, mk->event_id};
		int past;

		if (!mk->event_id)
			continue;
		if (i == n)
			wrapped = 1;
		past = !tl->has_sel || (dir > 0 ? (key.ts > tl->sel.ts ||
						   (key.ts == tl->sel.ts &&
						    key.id > tl->sel.id))
						: (key.ts < tl->sel.ts ||
						   (key.ts == tl->sel.ts &&
						    key.id < tl->sel.id)));
		if ((!past && !wrapped) || !under_filter(app, &key))
			continue;
		sel_select(app, &key);
		if (wrapped)
			ui_message(app, 0, "%s",
				   ui_tr(app, "bookmarks wrapped around",
					 "书签已循环"));
		return;
	}
	ui_message(app, 1, "%s",
		   ui_tr(app, "no bookmarks under this filter",
			 "此筛选下没有书签"));
}
