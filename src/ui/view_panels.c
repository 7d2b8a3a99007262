/* The views beside the timeline: an event in full, the split, the people
 * picker and help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/app.h"

/* A box to write lines into, with wrapping and scrolling: lines before
 * skip are not drawn. */
struct pen {
	struct br_canvas *c;
	int y, x, h, w; /* the box */
	int line;	/* lines written so far */
	int skip;	/* lines scrolled away */
};

static int pen_row(struct pen *p)
{
	int r = p->line - p->skip;

	p->line++;
	return r >= 0 && r < p->h ? p->y + r : -1;
}

/* Writes text wrapped to the box's width, each line indented by indent. */
static void pen_wrap(struct pen *p, const char *text, int indent,
		     enum br_style style)
{
	size_t next = 0, n;

	if (!*text) {
		pen_row(p);
		return;
	}
	while (*text) {
		int y;

		n = br_text_wrap(text, p->w - indent, &next);
		y = pen_row(p);
		if (y >= 0)
			br_canvas_putn(p->c, y, p->x + indent, text, n,
				       p->w - indent, style);
		if (next == 0)
			break;
		text += next;
	}
}

/* Writes one line cut to the box; returns its row or -1. */
static int pen_line(struct pen *p, const char *text, enum br_style style)
{
	int y = pen_row(p);
	char buf[512];

	if (y >= 0) {
		br_text_truncate(buf, sizeof(buf), text, p->w);
		br_canvas_put(p->c, y, p->x, buf, p->w, style);
	}
	return y;
}

/* Writes text cut to max columns with an ellipsis. */
static void put_cut_text(struct br_canvas *c, int y, int x, const char *text,
			 int max, enum br_style style)
{
	char buf[512];

	br_text_truncate(buf, sizeof(buf), text, max);
	br_canvas_put(c, y, x, buf, max, style);
}

static const char *role_name(const struct app *app, const char *role)
{
	if (!strcmp(role, "actor"))
		return app_tr(app, "actor", "行动者");
	if (!strcmp(role, "subject"))
		return app_tr(app, "subject", "对象");
	return app_tr(app, "mentioned", "提及");
}

static const char *note_kind(const struct app *app, const char *kind)
{
	if (!strcmp(kind, "contradiction"))
		return app_tr(app, "contradiction", "矛盾");
	if (!strcmp(kind, "doubt"))
		return app_tr(app, "doubt", "存疑");
	if (!strcmp(kind, "damage"))
		return app_tr(app, "damaged text", "原文受损");
	return app_tr(app, "inferred", "推断");
}

static const char *kind_label(const struct app *app, enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return app_tr(app, "main line", "主线");
	case BR_KIND_ASIDE:
		return app_tr(app, "sidelight", "花絮");
	case BR_KIND_BACKGROUND:
		return app_tr(app, "background", "背景");
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

/* Writes multi-line text, each line wrapped, indented by indent. */
static void pen_lines(struct pen *p, const char *text, int indent,
		      enum br_style style)
{
	char *copy = br_xstrdup(text), *line = copy, *nl;

	for (;;) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		pen_wrap(p, line, indent, style);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(copy);
}

/* The bookmark and note on ev, if any. */
static void pen_note(struct app *app, struct pen *p, const struct br_event *ev)
{
	char *text = NULL;
	int64_t version;

	if (!app->notes || br_notes_get(app->notes, ev, &text, &version) != 1) {
		free(text);
		return;
	}
	pen_row(p);
	pen_line(p,
		 text[0] ? app_tr(app, "★ Bookmarked · note", "★ 书签 · 笔记")
			 : app_tr(app, "★ Bookmarked (a: add a note)",
				  "★ 书签（a：写笔记）"),
		 BR_ST_BOLD);
	if (text[0])
		pen_lines(p, text, 1, BR_ST_NORMAL);
	free(text);
}

void view_detail(struct app *app, struct br_canvas *c, int y, int x, int h,
		 int w, int scroll)
{
	const struct br_detail *d = app_detail(app);
	struct pen p = {c, y, x, h, w, 0, scroll};
	char buf[512], when[96], clock[16];
	size_t i;

	if (w < 10 || h < 1)
		return;
	if (!d) {
		pen_line(&p, app_tr(app, "Nothing selected.", "未选择事件。"),
			 BR_ST_DIM);
		return;
	}
	snprintf(buf, sizeof(buf), "%s%s%s", d->ev.marker,
		 d->ev.marker[0] ? " · " : "", kind_label(app, d->ev.kind));
	pen_line(&p, buf, BR_ST_DIM);
	br_when_format(when, sizeof(when), d->ev.t_min, d->ev.t_max,
		       d->ev.precision, d->ev.inferred, app_zone(app),
		       app->lang, BR_WHEN_LONG);
	br_when_clock(clock, sizeof(clock), d->ev.ts, app->meta->window_start);
	snprintf(buf, sizeof(buf), "%s %s · %s", when, app_zone(app)->label,
		 clock);
	pen_line(&p, buf, BR_ST_NORMAL);
	snprintf(buf, sizeof(buf), "%s%s%s%s",
		 precision_label(app, d->ev.precision),
		 d->ev.inferred ? app_tr(app, ", inferred from the order",
					 "，据顺序推断")
				: "",
		 d->ev.time_text[0] ? app_tr(app, " · source: ", " · 原文：")
				    : "",
		 d->ev.time_text);
	pen_wrap(&p, buf, 0, BR_ST_DIM);
	pen_row(&p);
	pen_wrap(&p, br_pick(d->ev.title, app->lang), 0, BR_ST_BOLD);
	pen_row(&p);
	pen_wrap(&p, br_pick(d->ev.summary, app->lang), 0, BR_ST_NORMAL);
	pen_note(app, &p, &d->ev);
	if (d->n_people) {
		pen_row(&p);
		pen_line(&p,
			 app_tr(app, "People (role · side then · office)",
				"人物（角色 · 当时阵营 · 职务）"),
			 BR_ST_BOLD);
	}
	for (i = 0; i < d->n_people; i++) {
		const struct br_participant *pa = &d->people[i];
		int row = pen_row(&p), px;

		if (row < 0)
			continue;
		px = x + 1;
		px += br_canvas_put(c, row, px, pa->name[app->lang], w / 3,
				    BR_ST_NORMAL);
		px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
		px += br_canvas_put(c, row, px, role_name(app, pa->role),
				    x + w - px, BR_ST_DIM);
		if (pa->faction) {
			px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
			px += br_canvas_put(
				c, row, px, pa->faction_name[app->lang],
				x + w - px,
				app_faction_style(pa->faction_slug));
		}
		if (pa->titles[app->lang][0] && px < x + w - 4) {
			px += br_canvas_put(c, row, px, " · ", 3, BR_ST_DIM);
			br_text_truncate(buf, sizeof(buf),
					 pa->titles[app->lang], x + w - px);
			br_canvas_put(c, row, px, buf, x + w - px, BR_ST_DIM);
		}
	}
	if (d->n_figures) {
		pen_row(&p);
		pen_line(&p,
			 app_tr(app, "Figures from this event",
				"此事件带来的数字"),
			 BR_ST_BOLD);
	}
	for (i = 0; i < d->n_figures; i++) {
		figure_text(app, &d->figures[i], buf, sizeof(buf));
		pen_wrap(&p, buf, 1, BR_ST_NORMAL);
	}
	if (d->n_notes) {
		pen_row(&p);
		pen_line(&p, app_tr(app, "Source notes", "原文注记"),
			 BR_ST_BOLD);
	}
	for (i = 0; i < d->n_notes; i++) {
		snprintf(buf, sizeof(buf), "[%s] %s",
			 note_kind(app, d->notes[i].kind),
			 d->notes[i].text[app->lang]);
		pen_wrap(&p, buf, 1, BR_ST_NORMAL);
	}
	if (scroll > 0 && p.line - scroll < h / 2)
		app->scroll = p.line > h / 2 ? p.line - h / 2 : 0;
}

/* The split */

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

	for (i = 0; i < app->changes.n; i++)
		if (app->changes.rows[i].what == BR_CHANGE_STANCE &&
		    app->changes.rows[i].person_id == person)
			return 1;
	return 0;
}

/* Names of a side in columns of width w from (y, x), at most h rows.
 * Returns the rows used. */
static int side_names(struct app *app, struct br_canvas *c, int y, int x, int h,
		      int w, const struct br_side *side)
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
				 APP_TR(app, "  +%zu more", "  另有 %zu 人"),
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
static void members_line(struct app *app, struct br_canvas *c, int y,
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
			 APP_TR(app, ", +%zu more", "，另有 %zu 人"),
			 total - n);
	if (!n && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s",
			 app_tr(app, "none", "无"));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2, BR_ST_NORMAL);
}

static void split_header(struct app *app, struct br_canvas *c, int y)
{
	const struct br_detail *d = app_detail(app);
	char when[96], clock[16], buf[512];

	if (!d)
		return;
	br_when_format(when, sizeof(when), d->ev.t_min, d->ev.t_max,
		       d->ev.precision, d->ev.inferred, app_zone(app),
		       app->lang, BR_WHEN_LONG);
	br_when_clock(clock, sizeof(clock), d->ev.ts, app->meta->window_start);
	snprintf(buf, sizeof(buf), "%s %s %s (%s) · %s %s",
		 app_tr(app, "As of", "截至"), when, app_zone(app)->label,
		 clock, d->ev.marker, br_pick(d->ev.title, app->lang));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2, BR_ST_BOLD);
}

static int figures(struct app *app, struct br_canvas *c, int y, int h,
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
			      app_tr(app, "No figures yet at this moment.",
				     "此刻尚无数字。"),
			      c->cols - 2, BR_ST_DIM);
		used = 1;
	}
	return used;
}

static void changes_line(struct app *app, struct br_canvas *c, int y)
{
	char buf[1024];
	size_t len = 0, i;

	len = (size_t)snprintf(
		buf, sizeof(buf), "%s",
		app_tr(app, "Since the previous event: ", "自上一事件以来："));
	for (i = 0; i < app->changes.n && len < sizeof(buf); i++) {
		const struct br_change *ch = &app->changes.rows[i];

		if (ch->what == BR_CHANGE_STANCE)
			len += (size_t)snprintf(
				buf + len, sizeof(buf) - len, "%s%s: %s → %s",
				i ? "; " : "", ch->name[app->lang],
				ch->from[app->lang][0]
					? ch->from[app->lang]
					: app_tr(app, "no side", "未表态"),
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
	if (!app->changes.n && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s",
			 app_tr(app, "nothing", "无"));
	br_text_truncate(buf, sizeof(buf), buf, c->cols - 2);
	br_canvas_put(c, y, 1, buf, c->cols - 2,
		      app->changes.n ? BR_ST_CURSOR : BR_ST_DIM);
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

void view_split(struct app *app, struct br_canvas *c)
{
	const struct br_split *s;
	const struct br_side *left = NULL, *right = NULL;
	int y = 1, half = c->cols / 2, rows, i, bottom = c->rows - 1, others;
	char buf[256];
	size_t k;

	app_layout(app);
	view_title(app, c, app_tr(app, "Split", "阵营"));
	s = app_split(app, split_room(c));
	if (!s)
		return;
	split_header(app, c, y++);
	members_line(app, c, y++, "CEO: ", s->chiefs, s->n_chiefs, s->n_chiefs);
	snprintf(buf, sizeof(buf),
		 APP_TR(app, "Board (%zu): ", "董事会（%zu）："), s->n_board);
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
				  app_faction_style(sd->slug));
		y++;
	}
	if (y < bottom - 1)
		y += figures(app, c, y, bottom - 1 - y, s);
	if (y < bottom)
		changes_line(app, c, bottom - 1);
}

/* People */

/* The person at the selected moment: side (name and style) and offices
 * (into pool); NULL if they have not appeared yet. */
static const struct br_member *
member_at(struct app *app, int64_t person, struct br_member *m,
	  struct br_pool *pool, char names[2][64], const char **faction,
	  enum br_style *style)
{
	char slug[64];

	*style = BR_ST_DIM;
	*faction = "";
	if (!app->has_sel ||
	    !br_member_at(app->db, person, app->sel.ts, m, pool, slug, names))
		return NULL;
	*style = app_faction_style(slug);
	*faction = names[app->lang];
	return m;
}

static int followed(const struct app *app, int64_t id)
{
	size_t i;

	for (i = 0; i < app->filter.n_people; i++)
		if (app->filter.people[i] == id)
			return 1;
	return 0;
}

/* Keeps the selection among the h rows shown. */
static void scroll_people(struct app *app, int h)
{
	if (app->psel < app->ptop)
		app->ptop = app->psel;
	if (app->psel >= app->ptop + h)
		app->ptop = app->psel - h + 1;
}

void view_people(struct app *app, struct br_canvas *c)
{
	int y = 1, h, i, want,
	    name_w = c->cols >= 120   ? 26
		     : c->cols >= 100 ? 22
				      : 18;
	char buf[256], fnames[2][64];
	struct br_pool pool = {0};

	view_title(app, c, app_tr(app, "People", "人物"));
	br_canvas_put(c, y++, 1,
		      app_tr(app,
			     "Type to narrow (English or 中文, any alias). "
			     "↑↓ move · Enter follow · Tab mark several · "
			     "Esc back",
			     "输入以筛选（中英文、别名均可）。↑↓ 移动 · Enter "
			     "筛选时间线 · Tab 多选 · Esc 返回"),
		      c->cols - 2, BR_ST_DIM);
	i = br_canvas_put(c, y, 1, app_tr(app, "Find: ", "查找："), 20,
			  BR_ST_BOLD);
	i += br_canvas_put(c, y, 1 + i, app->pquery, c->cols - i - 3,
			   BR_ST_NORMAL);
	br_canvas_put(c, y, 1 + i, "▏", 1, BR_ST_CURSOR);
	y += 2;
	h = c->rows - 1 - y;
	scroll_people(app, h);
	/* The people on screen and a screen (or page) more, so that the
	 * keys have rows to move to; more when they go past them. */
	want = app->ptop + h + (h > 10 ? h : 10);
	if (!app->people_ok ||
	    (app->people.n >= app->plimit && (size_t)want > app->plimit)) {
		br_people_search(app->db, app->pquery, (size_t)want,
				 &app->people);
		app->plimit = (size_t)want;
		app->people_ok = 1;
		if (app->psel >= (int)app->people.n)
			app->psel = app->people.n ? (int)app->people.n - 1 : 0;
		scroll_people(app, h);
	}
	if (!app->people.n)
		br_canvas_put(
			c, y, 2,
			app_tr(app, "Nobody by that name.", "没有这个名字。"),
			c->cols - 4, BR_ST_DIM);
	for (i = 0; i < h && app->ptop + i < (int)app->people.n; i++) {
		const struct br_person *p = &app->people.rows[app->ptop + i];
		int sel = app->ptop + i == app->psel, x = 1;
		enum br_style base = sel ? BR_ST_SELECTED : BR_ST_NORMAL, fs;
		const char *fac;
		struct br_member mem;
		const struct br_member *m =
			member_at(app, p->id, &mem, &pool, fnames, &fac, &fs);

		br_canvas_fill(c, y + i, 0, c->cols, base);
		x += br_canvas_put(c, y + i, x,
				   followed(app, p->id) ? "✓ " : "  ", 2,
				   sel ? base : BR_ST_CURSOR);
		br_text_truncate(buf, sizeof(buf), p->name[app->lang],
				 name_w - 1);
		br_canvas_put(c, y + i, x, buf, name_w - 1, base);
		x += name_w;
		br_text_truncate(buf, sizeof(buf), p->name[!app->lang],
				 name_w - 1);
		br_canvas_put(c, y + i, x, buf, name_w - 1,
			      sel ? base : BR_ST_DIM);
		x += name_w;
		br_canvas_put(c, y + i, x, fac, 18, sel ? base : fs);
		x += 18;
		snprintf(buf, sizeof(buf),
			 APP_TR(app, "%3lld events", "%3lld 条"),
			 (long long)p->n_events);
		br_canvas_put(c, y + i, x, buf, 12, sel ? base : BR_ST_DIM);
		x += 13;
		/* Offices then; else the alias the query matched. */
		buf[0] = '\0';
		if (m && m->titles[app->lang][0])
			br_strlcpy(buf, m->titles[app->lang], sizeof(buf));
		else if (p->matched[0] && strcmp(p->matched, p->name[0]) &&
			 strcmp(p->matched, p->name[1]))
			snprintf(buf, sizeof(buf), "“%s”", p->matched);
		if (buf[0] && x < c->cols - 4)
			put_cut_text(c, y + i, x, buf, c->cols - x - 1,
				     sel ? base : BR_ST_DIM);
	}
	br_pool_clear(&pool);
}

/* Help, made from the keymap */

static const enum app_request help_order[] = {
	REQ_DOWN,	REQ_UP,		  REQ_PAGE_DOWN, REQ_PAGE_UP,
	REQ_FIRST,	REQ_LAST,	  REQ_NEXT_DAY,	 REQ_PREV_DAY,
	REQ_NEXT_HOUR,	REQ_PREV_HOUR,	  REQ_GOTO,	 REQ_SEARCH,
	REQ_NEXT_HIT,	REQ_PREV_HIT,	  REQ_DETAIL,	 REQ_SPLIT,
	REQ_PEOPLE,	REQ_CLEAR_PEOPLE, REQ_KIND,	 REQ_FACTION,
	REQ_CYCLE_VIEW, REQ_LANG,	  REQ_ZONE,	 REQ_ZOOM,
	REQ_MARK,	REQ_NEXT_MARK,	  REQ_PREV_MARK, REQ_NOTE,
	REQ_HELP,	REQ_REDRAW,	  REQ_QUIT,
};

void view_help(struct app *app, struct br_canvas *c)
{
	static const char *const howto_en[] = {
		"What did someone do on a day?  p, type a name (mira, 穆拉蒂), "
		"Enter; then : Nov 19 (or ] for the next day).",
		"Who stood where at a moment?  : Nov 20 evening, then s. j/k "
		"move through time with the sides.",
		"How many had signed the letter?  s shows the figures as of "
		"the selected event.",
		"Times show how precisely the source knows them: 'evening', "
		"'≈' for inferred. T+23h counts from the firing.",
	};
	static const char *const howto_zh[] = {
		"某人某天做了什么？按 p，输入名字（mira、穆拉蒂），Enter；"
		"再按 : 输入 11月19日（或 ] 到下一天）。",
		"某一时刻谁站哪边？按 : 输入 11月20日晚上，再按 s。j/k "
		"沿时间移动，阵营随之变化。",
		"公开信有多少人签名？按 s，可见截至所选事件的数字。",
		"时间按原文的精确程度显示：“晚上”、“≈”表示推断。T+23h "
		"从解雇时起算。",
	};
	struct pen p = {c, 1, 1, c->rows - 2, c->cols - 2, 0, app->scroll};
	char keys[64], line[512];
	size_t i;

	view_title(app, c, app_tr(app, "Help", "帮助"));
	pen_line(&p, app_tr(app, "How to", "怎么用"), BR_ST_BOLD);
	for (i = 0; i < BR_ARRAY_SIZE(howto_en); i++)
		pen_wrap(&p,
			 app->lang == BR_LANG_ZH ? howto_zh[i] : howto_en[i], 2,
			 BR_ST_NORMAL);
	pen_row(&p);
	pen_line(&p, app_tr(app, "Keys", "按键"), BR_ST_BOLD);
	for (i = 0; i < BR_ARRAY_SIZE(help_order); i++) {
		int y;

		app_keys_of(help_order[i], keys, sizeof(keys));
		y = pen_row(&p);
		if (y < 0)
			continue;
		br_canvas_put(c, y, 3, keys, 16, BR_ST_CURSOR);
		br_text_truncate(line, sizeof(line),
				 app_request_help(app, help_order[i]),
				 c->cols - 22);
		br_canvas_put(c, y, 21, line, c->cols - 22, BR_ST_NORMAL);
	}
	pen_row(&p);
	pen_wrap(&p,
		 app_tr(app,
			"In the people list, letters type the name; "
			"Esc goes back. Mouse: click selects, wheel "
			"scrolls. ? or q closes this help.",
			"人物列表中，字母用于输入名字；Esc "
			"返回。鼠标：单击选择，"
			"滚轮滚动。? 或 q 关闭帮助。"),
		 2, BR_ST_DIM);
	if (app->scroll > 0 && p.line - app->scroll < p.h / 2)
		app->scroll = p.line > p.h / 2 ? p.line - p.h / 2 : 0;
}

/* The note editor: the event, then the text with the cursor at its end. */
void view_note(struct app *app, struct br_canvas *c)
{
	const struct br_detail *d = app_detail(app);
	struct pen p = {c, 1, 1, c->rows - 2, c->cols - 2, 0, 0};
	int lines, y, x;
	char *text;

	view_title(app, c, app_tr(app, "Note", "笔记"));
	if (!d)
		return;
	pen_line(&p, br_pick(d->ev.title, app->lang), BR_ST_BOLD);
	pen_line(&p, d->ev.marker, BR_ST_DIM);
	pen_row(&p);
	/* Count the lines first, to keep the end (and cursor) in view. */
	{
		struct pen count = {c, 0, 1, 0, c->cols - 2, 0, 0};

		pen_lines(&count, app->note, 1, BR_ST_NORMAL);
		lines = count.line;
	}
	if (lines > p.h - p.line)
		p.skip = lines - (p.h - p.line);
	text = br_xstrdup(app->note);
	pen_lines(&p, text, 1, BR_ST_NORMAL);
	free(text);
	/* The cursor after the last character. */
	{
		const char *last = strrchr(app->note, '\n');
		size_t next = 0, n;

		last = last ? last + 1 : app->note;
		x = 0;
		while (*last) {
			n = br_text_wrap(last, p.w - 1, &next);
			x = br_text_width(last, n);
			if (next == 0)
				break;
			last += next;
		}
		y = p.y + p.line - 1 - p.skip;
		if (y >= p.y && y < p.y + p.h && p.x + 1 + x < c->cols)
			br_canvas_put(c, y, p.x + 1 + x, "▏", 1, BR_ST_CURSOR);
	}
}
