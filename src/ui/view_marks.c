/* The bookmarks screen: the dataset's bookmarks and notes in time order,
 * to read and to jump from. A bookmark with a note is marked ✎ and shows
 * the note's first line under it; one without is marked ★. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* The list starts under its heading. */
#define MARKS_Y 3
/* The time column's base width, with its space (when_cols widens it). */
#define WHEN_COLS(cols) ((cols) >= 80 ? 23 : 16)

/* The event's time as the timeline's list has it, in its narrow form
 * where it is wider than cols (a MEDIUM time, which has none, stays). */
static void when_of(const struct app *app, const struct br_event *ev, char *buf,
		    size_t len, int cols)
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

/* The time column's width for the rows on screen: the base width, or the
 * widest time and a space ("≈2022-11-19 early morning" takes 25), as long
 * as the title keeps 20 columns (after the marker's 9 from 60). */
static int when_cols(const struct app_marks_view *v, int cols)
{
	int base = WHEN_COLS(cols), need = base;
	int max = cols - 3 - (cols >= 60 ? 9 : 0) - 20;
	size_t i;

	for (i = 0; i < v->n_rows; i++) {
		int w = br_text_width(v->rows[i].when, strlen(v->rows[i].when));

		if (w + 1 > need)
			need = w + 1;
	}
	if (need > max)
		need = max > base ? max : base;
	return need;
}

void marks_view_open(struct app *app)
{
	const struct br_marks *m = marks_list(app);
	size_t i;

	app->marks_view.sel = 0;
	app->marks_view.top = 0;
	/* Open on the selected event's bookmark, or the first after it. */
	for (i = 0; app->tl.has_sel && i < m->n; i++)
		if (m->rows[i].ts >= app->tl.sel.ts) {
			app->marks_view.sel = (int)i;
			break;
		}
}

/* The rows a mark takes: one, and one more for its note. */
static int mark_rows(const struct br_mark *mk)
{
	return mk->note[0] ? 2 : 1;
}

int marks_view_key(struct app *app, int key)
{
	struct app_marks_view *v = &app->marks_view;
	const struct br_marks *m = &app->marks.marks;
	int n = (int)m->n, page = v->page > 1 ? v->page : 1;

	switch (keys_request(key)) {
	case REQ_DOWN:
		if (v->sel + 1 < n)
			v->sel++;
		return 0;
	case REQ_UP:
		if (v->sel > 0)
			v->sel--;
		return 0;
	case REQ_PAGE_DOWN:
		v->sel = v->sel + page < n ? v->sel + page : n - 1;
		if (v->sel < 0)
			v->sel = 0;
		return 0;
	case REQ_PAGE_UP:
		v->sel = v->sel > page ? v->sel - page : 0;
		return 0;
	case REQ_FIRST:
		v->sel = 0;
		return 0;
	case REQ_LAST:
		v->sel = n > 0 ? n - 1 : 0;
		return 0;
	case REQ_DETAIL: /* Enter: to the event on the timeline */
		if (v->sel < n && m->rows[v->sel].event_id) {
			struct br_key k = {m->rows[v->sel].ts,
					   m->rows[v->sel].event_id};

			sel_select(app, &k);
			return 1;
		}
		if (v->sel < n)
			ui_message(app, 1, "%s",
				   ui_tr(app,
					 "that event is no longer in the "
					 "dataset",
					 "数据集中已没有这条事件"));
		return 0;
	case REQ_QUIT:
	case REQ_BACK:
	case REQ_MARKS_LIST:
		return 1;
	default:
		return 0;
	}
}

void marks_view_free(struct app *app)
{
	br_pool_clear(&app->marks_view.pool);
	free(app->marks_view.rows);
	app->marks_view.rows = NULL;
	app->marks_view.n_rows = 0;
}

/* Each mark on screen as the dataset has it now: its time at its
 * precision, in the zone and language shown, and its title. A mark whose
 * event is gone keeps the English title it was made with. */
void marks_view_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_marks_view *v = &app->marks_view;
	const struct br_marks *m = marks_list(app);
	int h = c->rows - MARKS_Y - 1, used = 0, i;

	if (v->sel >= (int)m->n)
		v->sel = m->n ? (int)m->n - 1 : 0;
	if (v->top > v->sel)
		v->top = v->sel;
	/* Scroll so that the selection and its note are on screen. */
	for (;;) {
		used = 0;
		for (i = v->top; i <= v->sel && i < (int)m->n; i++)
			used += mark_rows(&m->rows[i]);
		if (used <= h || v->top >= v->sel)
			break;
		v->top++;
	}
	marks_view_free(app);
	v->rows = br_xcalloc(h > 0 ? (size_t)h : 1, sizeof(*v->rows));
	used = 0;
	for (i = v->top; i < (int)m->n && used < h; i++) {
		const struct br_mark *mk = &m->rows[i];
		struct app_mark_row *r = &v->rows[v->n_rows++];
		struct br_detail d;
		char when[64];

		memset(&d, 0, sizeof(d));
		r->title = mk->title_en;
		r->marker = mk->marker;
		r->when = "";
		if (mk->event_id &&
		    br_event_detail(app->db, mk->event_id, &d) == 1) {
			when_of(app, &d.ev, when, sizeof(when),
				WHEN_COLS(c->cols) - 1);
			r->when = br_pool_strdup(&v->pool, when);
			r->title = br_pool_strdup(
				&v->pool, br_pick(d.ev.title, app->lang));
		}
		br_detail_free(&d);
		used += mark_rows(mk);
	}
	v->page = (int)v->n_rows > 1 ? (int)v->n_rows - 1 : 1;
}

/* The first line of a note, for its row. */
static void first_line(const char *note, char *buf, size_t len)
{
	size_t n = strcspn(note, "\n");

	if (n >= len)
		n = len - 1;
	memcpy(buf, note, n);
	buf[n] = '\0';
	/* Whole characters only. */
	while (n > 0 && !br_text_valid(buf, n))
		buf[--n] = '\0';
}

static void heading(const struct app *app, struct br_canvas *c)
{
	const struct br_marks *m = &app->marks.marks;
	size_t i, n, noted = 0;
	char line[256], legend[96];

	for (i = 0; i < m->n; i++)
		noted += m->rows[i].note[0] != '\0';
	/* The legend goes where the counts leave no room for it. */
	if (app->lang == BR_LANG_ZH)
		n = (size_t)snprintf(line, sizeof(line),
				     "%zu 个书签，其中 %zu 个有笔记", m->n,
				     noted);
	else
		n = (size_t)snprintf(line, sizeof(line),
				     "%zu bookmark%s, %zu with a note", m->n,
				     m->n == 1 ? "" : "s", noted);
	snprintf(legend, sizeof(legend), " · %s",
		 ui_tr(app, "★ bookmark · ✎ with a note", "★ 书签 · ✎ 有笔记"));
	if (n < sizeof(line) &&
	    br_text_width(line, n) + br_text_width(legend, strlen(legend)) <=
		    c->cols - 2)
		br_strlcpy(line + n, legend, sizeof(line) - n);
	pen_cut(c, 1, 1, line, c->cols - 2, BR_ST_BOLD);
	pen_cut(c, 2, 1,
		ui_tr(app, "↑↓ move · Enter go to the event · q or Esc back",
		      "↑↓ 移动 · Enter 跳到该事件 · q 或 Esc 返回"),
		c->cols - 2, BR_ST_DIM);
}

void marks_view_draw(const struct app *app, struct br_canvas *c)
{
	const struct app_marks_view *v = &app->marks_view;
	const struct br_marks *m = &app->marks.marks;
	int y = MARKS_Y, when_w = when_cols(v, c->cols);
	size_t i;

	if (!app->marks.notes) {
		pen_cut(c, MARKS_Y, 2, app->marks.err, c->cols - 4,
			BR_ST_ERROR);
		return;
	}
	heading(app, c);
	if (!m->n)
		pen_cut(c, MARKS_Y + 1, 2,
			ui_tr(app,
			      "No bookmarks yet: m bookmarks the selected "
			      "event, a writes a note on it.",
			      "还没有书签：m 为所选事件加书签，a 为它写笔记。"),
			c->cols - 4, BR_ST_DIM);
	for (i = 0; i < v->n_rows && y < c->rows - 1; i++) {
		const struct br_mark *mk = &m->rows[(size_t)v->top + i];
		const struct app_mark_row *r = &v->rows[i];
		int sel = v->top + (int)i == v->sel, x = 1;
		enum br_style base = sel ? BR_ST_SELECTED : BR_ST_NORMAL;
		char note[512], quoted[560];

		br_canvas_fill(c, y, 0, c->cols, base);
		br_canvas_put(c, y, x, mk->note[0] ? "✎" : "★", 1,
			      sel	    ? base
			      : mk->note[0] ? BR_ST_ASIDE
					    : BR_ST_CURSOR);
		x += 2;
		pen_cut(c, y, x, r->when, when_w - 1, sel ? base : BR_ST_DIM);
		x += when_w;
		if (c->cols >= 60) {
			pen_cut(c, y, x, r->marker, 8, sel ? base : BR_ST_DIM);
			x += 9;
		}
		pen_cut(c, y, x, r->title, c->cols - x - 1,
			mk->event_id ? base : BR_ST_DIM);
		y++;
		if (!mk->note[0] || y >= c->rows - 1)
			continue;
		first_line(mk->note, note, sizeof(note));
		snprintf(quoted, sizeof(quoted), "%s%s%s",
			 ui_tr(app, "“", "「"), note, ui_tr(app, "”", "」"));
		br_canvas_fill(c, y, 0, c->cols, base);
		pen_cut(c, y, 3 + when_w, quoted, c->cols - 4 - when_w,
			sel ? base : BR_ST_ASIDE);
		y++;
	}
}
