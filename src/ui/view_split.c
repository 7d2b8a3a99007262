/* The split as of the selected event: CEO, board, both sides in
 * columns, the other sides, figures as bars, and what changed since the
 * previous event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* A bar of w cells for value out of total, with its label after it. */
static void bar(struct br_canvas *c, int y, int x, int w, int64_t value,
		int64_t total, enum br_style style)
{
	int filled, i;

	if (total <= 0 || w <= 0)
		return;
	filled = (int)((value * w + total / 2) / total);
	if (filled > w)
		filled = w;
	for (i = 0; i < w; i++)
		br_canvas_put(c, y, x + i, i < filled ? "█" : "░", 1,
			      i < filled ? style : BR_ST_DIM);
}

static int moved(const struct app *app, int64_t person)
{
	size_t i;

	for (i = 0; i < app->split.changes.n; i++)
		if (app->split.changes.rows[i].what == BR_CHANGE_STANCE &&
		    app->split.changes.rows[i].person_id == person)
			return 1;
	return 0;
}

/* Names of a side in columns of width w from (y, x), at most h rows.
 * Returns the rows used. */
static int side_names(const struct app *app, struct br_canvas *c, int y, int x,
		      int h, int w, const struct br_side *side)
{
	int n_cols = w >= 40 ? w / 20 : 1, col_w, per_col, r = 0;
	size_t i, room;
	char name[128];

	col_w = w / n_cols;
	per_col = (int)((side->total + (size_t)n_cols - 1) / (size_t)n_cols);
	if (per_col > h)
		per_col = h;
	if (per_col < 1)
		return 0;
	room = (size_t)per_col * (size_t)n_cols;
	for (i = 0; i < side->n && i < room; i++) {
		const struct br_member *m = &side->members[i];
		int col = (int)i / per_col, row = (int)i % per_col;
		int mx = x + col * col_w, used;

		if ((i + 1 == room || i + 1 == side->n) &&
		    side->total > i + 1) {
			/* No room for the rest: say how many. */
			snprintf(name, sizeof(name),
				 UI_TR(app, "  +%zu more", "  另有 %zu 人"),
				 side->total - i);
			br_canvas_put(c, y + row, mx, name, col_w - 1,
				      BR_ST_DIM);
			break;
		}
		used = br_canvas_put(c, y + row, mx,
				     moved(app, m->id) ? "→ " : "  ", 2,
				     BR_ST_CURSOR);
		br_text_truncate(name, sizeof(name), m->name[app->lang],
				 col_w - 3);
		br_canvas_put(c, y + row, mx + used, name, col_w - 3,
			      BR_ST_NORMAL);
		if (row + 1 > r)
			r = row + 1;
	}
	return r > per_col ? r : per_col;
}

/* The label, then the names of the n members of total: those that fit,
 * and how many more there are if that is known to fit. */
static void members_line(const struct app *app, struct br_canvas *c, int y,
			 const char *label, const struct br_member *m, size_t n,
			 size_t total)
{
	char buf[1024];
	size_t len = 0, i;

	len += (size_t)snprintf(buf, sizeof(buf), "%s", label);
	for (i = 0; i < n && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
					i ? ", " : "", m[i].name[app->lang]);
	if (n && total > n && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len,
			 UI_TR(app, ", +%zu more", "，另有 %zu 人"), total - n);
	if (!n && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s",
			 ui_tr(app, "none", "无"));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2, BR_ST_NORMAL);
}

static void split_header(const struct app *app, struct br_canvas *c, int y)
{
	const struct br_detail *d = detail_current(app);
	char when[96], clock[16], buf[512];

	if (!d)
		return;
	br_when_format(when, sizeof(when), d->ev.t_min, d->ev.t_max,
		       d->ev.precision, d->ev.inferred, ui_zone(app), app->lang,
		       BR_WHEN_LONG);
	br_when_clock(clock, sizeof(clock), d->ev.ts, app->meta->window_start);
	snprintf(buf, sizeof(buf), "%s %s %s (%s) · %s %s",
		 ui_tr(app, "As of", "截至"), when, ui_zone_label(app, 0),
		 clock, d->ev.marker, br_pick(d->ev.title, app->lang));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2, BR_ST_BOLD);
}

static int figures(const struct app *app, struct br_canvas *c, int y, int h,
		   const struct br_split *s)
{
	int label_w = c->cols >= 100 ? 30 : 26, bar_w, used = 0;
	size_t i;
	char buf[256];

	bar_w = c->cols - label_w - 24;
	if (bar_w > 40)
		bar_w = 40;
	for (i = 0; i < s->n_figures && used < h; i++) {
		const struct br_figure *f = &s->figures[i];
		const char *shown = f->shown[app->lang];
		int x = 1;

		br_text_truncate(buf, sizeof(buf), f->name[app->lang],
				 label_w - 1);
		br_canvas_put(c, y + used, x, buf, label_w - 1, BR_ST_NORMAL);
		x += label_w;
		if (f->total && bar_w >= 5) {
			bar(c, y + used, x, bar_w, f->value, f->total,
			    BR_ST_ACCEL);
			x += bar_w + 1;
		}
		if (!shown[0]) {
			if (f->total)
				snprintf(buf, sizeof(buf), "%lld / %lld",
					 (long long)f->value,
					 (long long)f->total);
			else
				snprintf(buf, sizeof(buf), "%lld",
					 (long long)f->value);
			shown = buf;
		}
		br_canvas_put(c, y + used, x, shown, c->cols - x - 1,
			      BR_ST_BOLD);
		used++;
	}
	if (!s->n_figures && h > 0) {
		br_canvas_put(c, y, 1,
			      ui_tr(app, "No figures yet at this moment.",
				    "此刻尚无数字。"),
			      c->cols - 2, BR_ST_DIM);
		used = 1;
	}
	return used;
}

static void changes_line(const struct app *app, struct br_canvas *c, int y)
{
	char buf[1024];
	size_t len = 0, i;

	len = (size_t)snprintf(
		buf, sizeof(buf), "%s",
		ui_tr(app, "Since the previous event: ", "自上一事件以来："));
	for (i = 0; i < app->split.changes.n && len < sizeof(buf); i++) {
		const struct br_change *ch = &app->split.changes.rows[i];

		if (ch->what == BR_CHANGE_STANCE)
			len += (size_t)snprintf(
				buf + len, sizeof(buf) - len, "%s%s: %s → %s",
				i ? "; " : "", ch->name[app->lang],
				ch->from[app->lang][0]
					? ch->from[app->lang]
					: ui_tr(app, "no side", "未表态"),
				ch->to[app->lang]);
		else if (ch->what == BR_CHANGE_ROLE_START)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s +%s", i ? "; " : "",
						ch->name[app->lang],
						ch->to[app->lang]);
		else if (ch->what == BR_CHANGE_ROLE_END)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s −%s", i ? "; " : "",
						ch->name[app->lang],
						ch->from[app->lang]);
		else
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s %s", i ? "; " : "",
						ch->name[app->lang],
						ch->to[app->lang]);
	}
	if (!app->split.changes.n && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s",
			 ui_tr(app, "nothing", "无"));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2,
		      app->split.changes.n ? BR_ST_CURSOR : BR_ST_DIM);
}

/* How many members of a side the split can show on c: the two sides in
 * columns at most fill every row of theirs, and a line of another side
 * has at least two cells for each name (", " between them). */
static size_t split_room(const struct br_canvas *c)
{
	int w = c->cols / 2 - 2, n_cols = w >= 40 ? w / 20 : 1;
	size_t in_cols = (size_t)(c->rows > 0 ? c->rows : 1) * (size_t)n_cols;
	size_t in_line = (size_t)(c->cols > 0 ? c->cols : 1) / 2 + 2;

	return in_cols > in_line ? in_cols : in_line;
}

void split_draw(const struct app *app, struct br_canvas *c)
{
	const struct br_split *s = app->split.ok ? &app->split.split : NULL;
	const struct br_side *left = NULL, *right = NULL;
	int y = 1, half = c->cols / 2, rows, i, bottom = c->rows - 1, others;
	char buf[256];
	size_t k;

	if (!s)
		return;
	split_header(app, c, y++);
	members_line(app, c, y++, "CEO: ", s->chiefs, s->n_chiefs, s->n_chiefs);
	snprintf(buf, sizeof(buf),
		 UI_TR(app, "Board (%zu): ", "董事会（%zu）："), s->n_board);
	members_line(app, c, y++, buf, s->board, s->n_board, s->n_board);
	for (k = 0; k < s->n_sides; k++) {
		if (!strcmp(s->sides[k].slug, "safety"))
			left = &s->sides[k];
		else if (!strcmp(s->sides[k].slug, "accelerationist"))
			right = &s->sides[k];
	}
	for (i = 0; i < c->cols; i++)
		br_canvas_put(c, y, i, i == half ? "┬" : "─", 1, BR_ST_DIM);
	y++;
	if (left) {
		snprintf(buf, sizeof(buf), "%s (%zu)", left->name[app->lang],
			 left->total);
		br_canvas_put(c, y, 1, buf, half - 2, BR_ST_SAFETY);
	}
	if (right) {
		snprintf(buf, sizeof(buf), "%s (%zu)", right->name[app->lang],
			 right->total);
		br_canvas_put(c, y, half + 2, buf, c->cols - half - 3,
			      BR_ST_ACCEL);
	}
	y++;
	/* Leave room below for the other sides, figures and changes. */
	others = 0;
	for (k = 0; k < s->n_sides; k++)
		if (&s->sides[k] != left && &s->sides[k] != right &&
		    s->sides[k].total)
			others++;
	rows = bottom - y - others - (int)s->n_figures - 2;
	if (rows < 2)
		rows = 2;
	{
		int lr = left ? side_names(app, c, y, 1, rows, half - 2, left)
			      : 0;
		int rr = right ? side_names(app, c, y, half + 2, rows,
					    c->cols - half - 3, right)
			       : 0;
		int used = lr > rr ? lr : rr;

		for (i = y; i < y + (used ? used : 1); i++)
			br_canvas_put(c, i, half, "│", 1, BR_ST_DIM);
		y += used ? used : 1;
	}
	for (i = 0; i < c->cols; i++)
		br_canvas_put(c, y, i, i == half ? "┴" : "─", 1, BR_ST_DIM);
	y++;
	for (k = 0; k < s->n_sides && y < bottom - 1; k++) {
		const struct br_side *sd = &s->sides[k];

		if (sd == left || sd == right || !sd->total)
			continue;
		snprintf(buf, sizeof(buf), "%s (%zu): ", sd->name[app->lang],
			 sd->total);
		members_line(app, c, y, buf, sd->members, sd->n, sd->total);
		br_canvas_restyle(c, y, 1, br_text_width(buf, strlen(buf)),
				  ui_faction_style(sd->slug));
		y++;
	}
	if (y < bottom - 1)
		y += figures(app, c, y, bottom - 1 - y, s);
	if (y < bottom)
		changes_line(app, c, bottom - 1);
}

/* Keeps the split loaded as of the selected event, with at least limit
 * members of each side (those that fit on the screen). */
static const struct br_split *load(struct app *app, size_t limit)
{
	struct app_split *sp = &app->split;
	struct br_page prev = {0};
	br_instant since;

	if (!app->tl.has_sel)
		return NULL;
	if (sp->id == app->tl.sel.id &&
	    (!sp->split.limit || (limit && sp->split.limit >= limit)))
		return &sp->split;
	if (br_split_at(app->db, app->tl.sel.ts, limit, &sp->split) < 0) {
		sp->id = 0;
		return NULL;
	}
	if (sp->id == app->tl.sel.id)
		return &sp->split; /* a larger screen: the changes hold */
	/* What moved since the previous event of the timeline. */
	since = app->tl.sel.ts - 1;
	if (br_events_page(app->db, &app->filters.filter, &app->tl.sel,
			   BR_BEFORE, 1, &prev) == 1)
		since = prev.rows[0].ts;
	br_page_free(&prev);
	br_changes_between(app->db, since, app->tl.sel.ts, &sp->changes);
	sp->id = app->tl.sel.id;
	return &sp->split;
}

void split_prepare(struct app *app, const struct br_canvas *c)
{
	sel_layout(app);
	detail_get(app);
	app->split.ok = load(app, split_room(c)) != NULL;
}

void split_free(struct app *app)
{
	br_split_free(&app->split.split);
	br_changes_free(&app->split.changes);
}
