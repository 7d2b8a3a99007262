/* The people picker: type to narrow, follow one or several. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* The list starts on this row. */
#define PEOPLE_Y 4

void people_open(struct app *app)
{
	/* A new look-up: typing does not add to the last one. */
	app->people.query[0] = '\0';
	app->people.sel = 0;
	app->people.top = 0;
	app->people.ok = 0;
}

void people_free(struct app *app)
{
	br_people_free(&app->people.people);
	free(app->people.at);
	br_pool_clear(&app->people.pool);
}

int people_key(struct app *app, int key)
{
	struct app_people *pp = &app->people;
	int n = (int)pp->people.n;

	switch (key) {
	case APP_KEY_ESC:
		filters_refilter(app);
		return 1;
	case APP_KEY_DOWN:
	case APP_KEY_CTRL_N:
		if (pp->sel + 1 < n)
			pp->sel++;
		return 0;
	case APP_KEY_UP:
	case APP_KEY_CTRL_P:
		if (pp->sel > 0)
			pp->sel--;
		return 0;
	case APP_KEY_PGDN:
		pp->sel = pp->sel + 10 < n ? pp->sel + 10 : n - 1;
		return 0;
	case APP_KEY_PGUP:
		pp->sel = pp->sel > 10 ? pp->sel - 10 : 0;
		return 0;
	case '+':
		/* Adds the person to those followed (or takes them out). */
		if (n > 0)
			filters_toggle_person(app, pp->people.rows[pp->sel].id);
		return 0;
	case APP_KEY_ENTER:
		/* Follows this one person, whoever was followed before. */
		if (n > 0) {
			app->filters.filter.n_people = 0;
			filters_toggle_person(app, pp->people.rows[pp->sel].id);
		}
		filters_refilter(app);
		return 1;
	}
	if (ui_edit_line(pp->query, sizeof(pp->query), key)) {
		pp->ok = 0;
		pp->sel = 0;
		pp->top = 0;
	}
	return 0;
}

/* Keeps the selection among the h rows shown. */
static void scroll_people(struct app_people *pp, int h)
{
	if (pp->sel < pp->top)
		pp->top = pp->sel;
	if (pp->sel >= pp->top + h)
		pp->top = pp->sel - h + 1;
}

/* The person's side and offices at the selected moment. */
static void person_at(struct app *app, int64_t person, struct app_person_at *at)
{
	struct br_member m;
	char slug[64], names[2][64];

	memset(at, 0, sizeof(*at));
	at->style = BR_ST_DIM;
	if (!br_member_at(app->db, person, sel_instant(app), &m,
			  &app->people.pool, slug, names))
		return;
	at->known = 1;
	at->style = ui_faction_style(slug);
	br_strlcpy(at->faction, names[app->lang], sizeof(at->faction));
	at->titles = m.titles[app->lang];
}

void people_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_people *pp = &app->people;
	int h = c->rows - 1 - PEOPLE_Y, want, i;

	scroll_people(pp, h);
	/* The people on screen and a screen (or page) more, so that the
	 * keys have rows to move to; more when they go past them. */
	want = pp->top + h + (h > 10 ? h : 10);
	if (!pp->ok ||
	    (pp->people.n >= pp->limit && (size_t)want > pp->limit)) {
		br_people_search(app->db, pp->query, (size_t)want, &pp->people);
		pp->limit = (size_t)want;
		pp->ok = 1;
		if (pp->sel >= (int)pp->people.n)
			pp->sel = pp->people.n ? (int)pp->people.n - 1 : 0;
		scroll_people(pp, h);
	}
	br_pool_clear(&pp->pool);
	free(pp->at);
	pp->at = NULL;
	pp->n_at = 0;
	if (h > 0) {
		pp->at = br_xcalloc((size_t)h, sizeof(pp->at[0]));
		for (i = 0; i < h && pp->top + i < (int)pp->people.n; i++)
			person_at(app, pp->people.rows[pp->top + i].id,
				  &pp->at[pp->n_at++]);
	}
}

/* One person on row y. */
static void person_row(const struct app *app, struct br_canvas *c, int y,
		       const struct br_person *p,
		       const struct app_person_at *at, int sel)
{
	int x = 1, name_w = c->cols >= 120 ? 26 : c->cols >= 100 ? 22 : 18;
	enum br_style base = sel ? BR_ST_SELECTED : BR_ST_NORMAL;
	char buf[256];

	br_canvas_fill(c, y, 0, c->cols, base);
	x += br_canvas_put(c, y, x,
			   filters_follows(&app->filters.filter, p->id) ? "✓ "
									: "  ",
			   2, sel ? base : BR_ST_CURSOR);
	br_text_truncate(buf, sizeof(buf), p->name[app->lang], name_w - 1);
	br_canvas_put(c, y, x, buf, name_w - 1, base);
	x += name_w;
	br_text_truncate(buf, sizeof(buf), p->name[!app->lang], name_w - 1);
	br_canvas_put(c, y, x, buf, name_w - 1, sel ? base : BR_ST_DIM);
	x += name_w;
	br_canvas_put(c, y, x, at->faction, 18, sel ? base : at->style);
	x += 18;
	snprintf(buf, sizeof(buf),
		 UI_TR(app, p->n_events == 1 ? "%3lld event" : "%3lld events",
		       "%3lld 条"),
		 (long long)p->n_events);
	br_canvas_put(c, y, x, buf, 12, sel ? base : BR_ST_DIM);
	x += 13;
	/* Offices then; else the alias the query matched. */
	buf[0] = '\0';
	if (at->known && at->titles && at->titles[0])
		br_strlcpy(buf, at->titles, sizeof(buf));
	else if (p->matched[0] && strcmp(p->matched, p->name[0]) &&
		 strcmp(p->matched, p->name[1]))
		snprintf(buf, sizeof(buf), "“%s”", p->matched);
	if (buf[0] && x < c->cols - 4)
		pen_cut(c, y, x, buf, c->cols - x - 1, sel ? base : BR_ST_DIM);
}

void people_draw(const struct app *app, struct br_canvas *c)
{
	const struct app_people *pp = &app->people;
	int y = 1, i;
	char hint[256];

	/* The keys first: a narrow screen loses the rest, item by item. */
	ui_fit(hint, sizeof(hint),
	       ui_tr(app,
		     "Enter follow · + add · Esc back · ↑↓ move · type to "
		     "narrow (English or 中文, any alias)",
		     "Enter 筛选此人 · + 添加 · Esc 返回 · ↑↓ 移动 · "
		     "输入以筛选（中英文、别名均可）"),
	       c->cols - 2, 1);
	br_canvas_put(c, y++, 1, hint, c->cols - 2, BR_ST_DIM);
	i = br_canvas_put(c, y, 1, ui_tr(app, "Find: ", "查找："), 20,
			  BR_ST_BOLD);
	i += br_canvas_put(c, y, 1 + i, pp->query, c->cols - i - 3,
			   BR_ST_NORMAL);
	br_canvas_put(c, y, 1 + i, "▏", 1, BR_ST_CURSOR);
	y = PEOPLE_Y;
	if (!pp->people.n)
		br_canvas_put(
			c, y, 2,
			ui_tr(app, "Nobody by that name.", "没有这个名字。"),
			c->cols - 4, BR_ST_DIM);
	for (i = 0; i < (int)pp->n_at; i++)
		person_row(app, c, y + i, &pp->people.rows[pp->top + i],
			   &pp->at[i], pp->top + i == pp->sel);
}
