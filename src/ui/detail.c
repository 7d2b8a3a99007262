/* detail: the selected event in full: time and the source's wording,
 * the bookmark and note, people with their side and office then,
 * figures, source notes. A screen of its own, and the pane beside the
 * list on a wide screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

const struct br_detail *detail_get(struct app *app)
{
	struct app_detail *dt = &app->detail;

	if (!app->tl.has_sel)
		return NULL;
	if (dt->id != app->tl.sel.id) {
		if (br_event_detail(app->db, app->tl.sel.id, &dt->d) != 1)
			return NULL;
		dt->id = app->tl.sel.id;
	}
	return &dt->d;
}

const struct br_detail *detail_current(const struct app *app)
{
	return app->tl.has_sel && app->detail.id == app->tl.sel.id
		       ? &app->detail.d
		       : NULL;
}

void detail_free(struct app *app)
{
	br_detail_free(&app->detail.d);
	free(app->detail.note);
}

void detail_open(struct app *app)
{
	app->detail.scroll = 0;
	app->detail.scroll_id = app->tl.sel.id;
}

int detail_scroll_by(enum app_request req, int page)
{
	if (page < 2)
		page = 2;
	switch (req) {
	case REQ_DOWN:
		return 1;
	case REQ_UP:
		return -1;
	case REQ_PAGE_DOWN:
		return page - 1;
	case REQ_PAGE_UP:
		return -(page - 1);
	case REQ_HALF_DOWN:
		return page / 2;
	case REQ_HALF_UP:
		return -(page / 2);
	default:
		return 0;
	}
}

void detail_scroll(struct app *app, enum app_request req)
{
	struct app_detail *dt = &app->detail;

	dt->scroll +=
		detail_scroll_by(req, dt->page ? dt->page : app->rows - 2);
	if (dt->scroll < 0)
		dt->scroll = 0;
}

static const char *role_name(const struct app *app, const char *role)
{
	if (!strcmp(role, "actor"))
		return ui_tr(app, "actor", "行动者");
	if (!strcmp(role, "subject"))
		return ui_tr(app, "subject", "对象");
	return ui_tr(app, "mentioned", "提及");
}

static const char *note_kind(const struct app *app, const char *kind)
{
	if (!strcmp(kind, "contradiction"))
		return ui_tr(app, "contradiction", "矛盾");
	if (!strcmp(kind, "doubt"))
		return ui_tr(app, "doubt", "存疑");
	if (!strcmp(kind, "damage"))
		return ui_tr(app, "damaged text", "原文受损");
	return ui_tr(app, "inferred", "推断");
}

static const char *kind_label(const struct app *app, enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return ui_tr(app, "main line", "主线");
	case BR_KIND_ASIDE:
		return ui_tr(app, "sidelight", "花絮");
	case BR_KIND_BACKGROUND:
		return ui_tr(app, "background", "背景");
	}
	return "";
}

static const char *precision_label(const struct app *app, enum br_precision p)
{
	static const char *const en[] = {"to the minute", "to the hour",
					 "part of a day", "to the day",
					 "to the month",  "to the year"};
	static const char *const zh[] = {"精确到分钟", "精确到小时",
					 "某日某时段", "精确到日",
					 "精确到月",   "精确到年"};

	return app->lang == BR_LANG_ZH ? zh[p] : en[p];
}

static void figure_text(const struct app *app, const struct br_figure *f,
			char *buf, size_t len)
{
	const char *shown = f->shown[app->lang];

	if (shown[0])
		snprintf(buf, len, "%s: %s", f->name[app->lang], shown);
	else if (f->total)
		snprintf(buf, len, "%s: %lld / %lld", f->name[app->lang],
			 (long long)f->value, (long long)f->total);
	else
		snprintf(buf, len, "%s: %lld", f->name[app->lang],
			 (long long)f->value);
}

/* The bookmark and note on the event, if any. */
static void note_lines(const struct app *app, struct pen *p)
{
	const char *text = app->detail.note;

	if (!app->detail.marked)
		return;
	pen_row(p);
	pen_line(p,
		 text[0] ? ui_tr(app, "★ Bookmarked · note", "★ 书签 · 笔记")
			 : ui_tr(app, "★ Bookmarked (a: add a note)",
				 "★ 书签（a：写笔记）"),
		 BR_ST_BOLD);
	if (text[0])
		pen_lines(p, text, 1, BR_ST_NORMAL);
}

/* One participant on row y of the box at x, w wide. */
static void participant(const struct app *app, struct br_canvas *c, int row,
			int x, int w, const struct br_participant *pa)
{
	int px = x + 1;
	char buf[512];

	px += br_canvas_put(c, row, px, pa->name[app->lang], w / 3,
			    BR_ST_NORMAL);
	px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
	px += br_canvas_put(c, row, px, role_name(app, pa->role), x + w - px,
			    BR_ST_DIM);
	if (pa->faction) {
		px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
		px += br_canvas_put(c, row, px, pa->faction_name[app->lang],
				    x + w - px,
				    ui_faction_style(pa->faction_slug));
	}
	if (pa->titles[app->lang][0] && px < x + w - 4) {
		px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
		br_text_truncate(buf, sizeof(buf), pa->titles[app->lang],
				 x + w - px);
		br_canvas_put(c, row, px, buf, x + w - px, BR_ST_DIM);
	}
}

/* Lays the detail d out in the box of p (drawing if p has a canvas);
 * the lines it takes are then p->line. */
static void lay_out(const struct app *app, struct pen *p,
		    const struct br_detail *d)
{
	char buf[512], when[96], clock[16];
	size_t i;

	snprintf(buf, sizeof(buf), "%s%s%s", d->ev.marker,
		 d->ev.marker[0] ? " · " : "", kind_label(app, d->ev.kind));
	pen_line(p, buf, BR_ST_DIM);
	br_when_format(when, sizeof(when), d->ev.t_min, d->ev.t_max,
		       d->ev.precision, d->ev.inferred, ui_zone(app), app->lang,
		       BR_WHEN_LONG);
	br_when_clock_prec(clock, sizeof(clock), d->ev.ts,
			   app->meta->window_start, d->ev.precision);
	snprintf(buf, sizeof(buf), "%s %s · %s", when, ui_zone_label(app, 0),
		 clock);
	pen_line(p, buf, BR_ST_NORMAL);
	snprintf(buf, sizeof(buf), "%s%s%s%s",
		 precision_label(app, d->ev.precision),
		 d->ev.inferred ? ui_tr(app, ", inferred from the order",
					"，据顺序推断")
				: "",
		 d->ev.time_text[0] ? ui_tr(app, " · source: ", " · 原文：")
				    : "",
		 d->ev.time_text);
	pen_wrap(p, buf, 0, BR_ST_DIM);
	pen_row(p);
	pen_wrap(p, br_pick(d->ev.title, app->lang), 0, BR_ST_BOLD);
	pen_row(p);
	pen_wrap(p, br_pick(d->ev.summary, app->lang), 0, BR_ST_NORMAL);
	note_lines(app, p);
	if (d->n_people) {
		pen_row(p);
		pen_line(p,
			 ui_tr(app, "People (role · side then · office)",
			       "人物（角色 · 当时阵营 · 职务）"),
			 BR_ST_BOLD);
	}
	for (i = 0; i < d->n_people; i++) {
		int row = pen_row(p);

		if (row >= 0)
			participant(app, p->c, row, p->x, p->w, &d->people[i]);
	}
	if (d->n_figures) {
		pen_row(p);
		pen_line(p,
			 ui_tr(app, "Figures from this event",
			       "此事件带来的数字"),
			 BR_ST_BOLD);
	}
	for (i = 0; i < d->n_figures; i++) {
		figure_text(app, &d->figures[i], buf, sizeof(buf));
		pen_wrap(p, buf, 1, BR_ST_NORMAL);
	}
	if (d->n_notes) {
		pen_row(p);
		pen_line(p, ui_tr(app, "Source notes", "原文注记"), BR_ST_BOLD);
	}
	for (i = 0; i < d->n_notes; i++) {
		snprintf(buf, sizeof(buf), "[%s] %s",
			 note_kind(app, d->notes[i].kind),
			 d->notes[i].text[app->lang]);
		pen_wrap(p, buf, 1, BR_ST_NORMAL);
	}
}

void detail_prepare(struct app *app, int h, int w, int full)
{
	struct app_detail *dt = &app->detail;
	const struct br_detail *d = detail_get(app);
	char *text = NULL;
	int64_t version;

	free(dt->note);
	dt->note = NULL;
	dt->marked = 0;
	if (dt->scroll_id != app->tl.sel.id) {
		/* Another event starts at its top. */
		dt->scroll = 0;
		dt->scroll_id = app->tl.sel.id;
	}
	if (full)
		dt->page = h;
	dt->shown = dt->scroll;
	if (!d)
		return;
	if (app->marks.notes &&
	    br_notes_get(app->marks.notes, &d->ev, &text, &version) == 1) {
		dt->note = text;
		dt->marked = 1;
	} else {
		free(text);
	}
	dt->n_lines = 0;
	if (full && w >= 10 && h >= 1) {
		/* Scrolling stops where the last line is at the bottom; the
		 * status line says how many lines there are below. */
		struct pen p = {NULL, 0, 0, 0, w, 0, dt->scroll};

		lay_out(app, &p, d);
		dt->n_lines = p.line;
		if (dt->scroll > p.line - h)
			dt->scroll = p.line > h ? p.line - h : 0;
		dt->shown = dt->scroll;
	}
}

void detail_draw(const struct app *app, struct br_canvas *c, int y, int x,
		 int h, int w, int scroll)
{
	const struct br_detail *d = detail_current(app);
	struct pen p = {c, y, x, h, w, 0, scroll};

	if (w < 10 || h < 1)
		return;
	if (!d) {
		pen_line(&p, ui_tr(app, "Nothing selected.", "未选择事件。"),
			 BR_ST_DIM);
		return;
	}
	lay_out(app, &p, d);
}
