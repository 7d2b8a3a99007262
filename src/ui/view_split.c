/* The split: the state of the world at the current instant (select.c,
 * sel_instant): the CEO, the board and its seats, the two lines in
 * columns with each name's crisis stance, the other sides, the figures
 * that hold and those that have ended, and what the last event changed.
 *
 * The body is one layout that prepare runs to count its rows and draw
 * runs to write them; when it is taller than the screen it scrolls
 * (PgDn, PgUp), and the last row says there is more. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* The most stances the legend numbers; others are shown in full. */
#define SPLIT_STANCES 8

/* One frame's layout: a pen over the body, and how stances are shown. */
struct lay {
	const struct app *app;
	const struct br_split *s;
	struct br_canvas *c; /* NULL: count rows only */
	struct pen p;
	int legend; /* stances as [k], with a legend under the columns */
	const char *stances[SPLIT_STANCES]; /* their slugs, legend order */
	const char *stance_names[SPLIT_STANCES];
	int n_stances;
	int w;	       /* the body's width */
	int cap_rows;  /* rows of a column before "+N more"; 0: all */
	int cap_lines; /* lines of a list before "+N more"; 0: all */
	int short_of;  /* a side ran out of the members loaded where the
			* screen had room for more of them */
};

/* A bar of w cells for value out of total. */
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

/* The legend's number of a stance slug, 0 if none. */
static int stance_index(const struct lay *l, const char *slug)
{
	int i;

	for (i = 0; i < l->n_stances; i++)
		if (!strcmp(l->stances[i], slug))
			return i + 1;
	return 0;
}

/* A member's label: the name, then its stance in the crisis, in full or
 * as its number in the legend; nothing for neither. */
static void label(const struct lay *l, const struct br_member *m, char *buf,
		  size_t len)
{
	const char *name = m->name[l->app->lang];
	int k = stance_index(l, m->stance_slug);

	if (!m->stance_slug[0])
		snprintf(buf, len, "%s", name);
	else if (l->legend && k)
		snprintf(buf, len, "%s [%d]", name, k);
	else
		snprintf(buf, len, UI_TR(l->app, "%s (%s)", "%s（%s）"), name,
			 m->stance[l->app->lang]);
}

static int col_w(int w)
{
	return w / 2 - 1;
}

/* The two lines shown in columns: the dataset's first two (sides come
 * in id order, the lines first), whatever their slugs; NULL for none. */
static void column_sides(const struct br_split *s, const struct br_side **left,
			 const struct br_side **right)
{
	size_t k;

	*left = *right = NULL;
	for (k = 0; k < s->n_sides && !*right; k++) {
		if (s->sides[k].id <= 0)
			continue;
		if (!*left)
			*left = &s->sides[k];
		else
			*right = &s->sides[k];
	}
}

/* Numbers the stances of the members, and
 * decides whether the columns need the legend (a name and its stance in
 * full do not fit in a column). */
static void stances(struct lay *l, int w)
{
	const struct br_split *s = l->s;
	const struct br_side *cols[2];
	size_t k, i;
	int j;
	char buf[512];

	l->legend = 0;
	l->n_stances = 0;
	for (k = 0; k < s->n_sides; k++) {
		for (i = 0; i < s->sides[k].n; i++) {
			const struct br_member *m = &s->sides[k].members[i];

			if (!m->stance_slug[0] ||
			    stance_index(l, m->stance_slug))
				continue;
			if (l->n_stances == SPLIT_STANCES)
				continue;
			/* In the order of their slugs: the same numbers at
			 * every moment. */
			for (j = l->n_stances;
			     j > 0 &&
			     strcmp(l->stances[j - 1], m->stance_slug) > 0;
			     j--) {
				l->stances[j] = l->stances[j - 1];
				l->stance_names[j] = l->stance_names[j - 1];
			}
			l->stance_names[j] = m->stance[l->app->lang];
			l->stances[j] = m->stance_slug;
			l->n_stances++;
		}
	}
	column_sides(s, &cols[0], &cols[1]);
	for (k = 0; k < s->n_sides && !l->legend; k++) {
		if (&s->sides[k] != cols[0] && &s->sides[k] != cols[1])
			continue;
		for (i = 0; i < s->sides[k].n; i++) {
			label(l, &s->sides[k].members[i], buf, sizeof(buf));
			if (br_text_width(buf, strlen(buf)) > col_w(w) - 3) {
				l->legend = 1;
				break;
			}
		}
	}
}

/* Text wrapped at words into a column of w cells from x, each line on a
 * row of the pen; continuation lines indented by two. Returns the rows
 * used. */
static int column_text(struct lay *l, int x, int w, const char *text,
		       enum br_style style)
{
	size_t next = 0, n;
	int rows = 0, indent = 0;

	while (*text && w - indent > 0) {
		int y = pen_row(&l->p);
		char line[1024];

		n = br_text_wrap(text, w - indent, &next);
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, text, n);
		line[n] = '\0';
		if (y >= 0)
			br_canvas_put(l->c, y, x + indent, line, w - indent,
				      style);
		rows++;
		text += next ? next : strlen(text);
		indent = 2;
	}
	return rows;
}

/* A list made by members_text, wrapped; its prefix in label_style. */
static void list_line(struct lay *l, const char *text, const char *prefix,
		      enum br_style label_style)
{
	int y0 = l->p.line - l->p.skip;

	pen_wrap(&l->p, text, 0, BR_ST_NORMAL);
	if (l->c && y0 >= 0 && y0 < l->p.h)
		br_canvas_restyle(l->c, l->p.y + y0, l->p.x,
				  br_text_width(prefix, strlen(prefix)),
				  label_style);
}

/* How many lines text takes wrapped to w columns. */
static int wrapped_lines(const char *text, int w)
{
	size_t next = 0;
	int n = 0;

	while (*text && w > 0) {
		br_text_wrap(text, w, &next);
		text += next ? next : strlen(text);
		n++;
	}
	return n;
}

/* "+N more", and how to see them: e opens every name; with every name
 * asked for, PgDn loads more. */
static void more_text(const struct lay *l, size_t n, int comma, char *buf,
		      size_t len)
{
	int all = l->app->split.everyone;

	if (l->app->lang == BR_LANG_ZH)
		snprintf(buf, len, "%s另有 %zu 人（%s）", comma ? "，" : "", n,
			 all ? "PgDn" : "按 e 显示全部");
	else
		snprintf(buf, len, "%s+%zu more (%s)", comma ? ", " : "", n,
			 all ? "PgDn" : "e shows all");
}

/* prefix, then the members as a list: "A, B (2 seats), C [1]", in at
 * most cap_lines lines (then "+N more"). board: seats and the chair;
 * else each one's stance. Returns 1 if the n members given ran out
 * before the lines did, with more of the total to show. */
static int members_text(const struct lay *l, const char *prefix,
			const struct br_member *m, size_t n, size_t total,
			int board, char *buf, size_t len)
{
	const struct app *app = l->app;
	size_t used, i, kept;
	char one[512], more[128];

	used = (size_t)snprintf(buf, len, "%s", prefix);
	for (i = 0; i < n && used + 1 < len; i++) {
		if (board) {
			char seats[64] = "";

			if (m[i].seats > 1)
				snprintf(seats, sizeof(seats),
					 UI_TR(app, " (%lld seats)",
					       "（%lld席）"),
					 (long long)m[i].seats);
			snprintf(one, sizeof(one), "%s%s%s",
				 m[i].name[app->lang],
				 m[i].chair ? ui_tr(app, " (chair)", "（主席）")
					    : "",
				 seats);
		} else {
			label(l, &m[i], one, sizeof(one));
		}
		kept = used;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i ? ui_tr(app, ", ", "、") : "", one);
		if (used >= len)
			used = len - 1;
		if (!l->cap_lines || i + 1 == total)
			continue;
		/* Room for this one and the count of the rest? */
		more_text(l, total - i - 1, 1, more, sizeof(more));
		if (used + strlen(more) < len)
			strcpy(buf + used, more);
		if (i && wrapped_lines(buf, l->w) > l->cap_lines) {
			buf[kept] = '\0';
			more_text(l, total - i, 1, more, sizeof(more));
			if (kept + strlen(more) < len)
				strcpy(buf + kept, more);
			return 0;
		}
		buf[used] = '\0';
	}
	if (used + 1 < len && total > n) {
		more_text(l, total - n, n > 0, more, sizeof(more));
		snprintf(buf + used, len - used, "%s", more);
		return i == n;
	} else if (used + 1 < len && !n) {
		snprintf(buf + used, len - used, "%s",
			 ui_tr(app, "none", "无"));
	}
	return 0;
}

static void header(struct lay *l)
{
	const struct app *app = l->app;
	const struct br_split *s = l->s;
	const struct br_detail *d = detail_current(app);
	char when[96], clock[24], buf[1024];

	/* The instant : or a time step set, to the minute; or else the
	 * selected event's. */
	int set = app->tl.has_at && app->tl.at_for.id == app->tl.sel.id &&
		  app->tl.at_for.ts == app->tl.sel.ts;

	if (!set && d && d->ev.ts == s->at &&
	    d->ev.precision != BR_PREC_MINUTE) {
		/* The selected event's time: no more precise than the
		 * source knows it. */
		br_when_format(when, sizeof(when), d->ev.t_min, d->ev.t_max,
			       d->ev.precision, d->ev.inferred, ui_zone(app),
			       app->lang, BR_WHEN_LONG);
		br_when_clock_prec(clock, sizeof(clock), s->at,
				   app->meta->window_start, d->ev.precision);
	} else {
		br_when_format(when, sizeof(when), s->at, s->at, BR_PREC_MINUTE,
			       0, ui_zone(app), app->lang, BR_WHEN_LONG);
		br_when_clock_prec(clock, sizeof(clock), s->at,
				   app->meta->window_start, BR_PREC_MINUTE);
	}
	snprintf(buf, sizeof(buf),
		 UI_TR(app, "As of %s %s (%s)", "截至 %s %s（%s）"), when,
		 ui_zone_label(app, 0), clock);
	pen_wrap(&l->p, buf, 0, BR_ST_BOLD);
	if (s->last_id)
		snprintf(buf, sizeof(buf), "%s%s%s%s",
			 ui_tr(app, "Last event: ", "最近事件："),
			 s->last_marker, s->last_marker[0] ? " " : "",
			 br_pick(s->last_title, app->lang));
	else
		snprintf(buf, sizeof(buf), "%s",
			 ui_tr(app, "No event yet at this moment.",
			       "此刻之前尚无事件。"));
	pen_wrap(&l->p, buf, 0, BR_ST_DIM);
}

/* The two lines side by side, each name on its rows. */
static void columns(struct lay *l, const struct br_side *left,
		    const struct br_side *right, int w)
{
	const struct br_side *sd[2] = {left, right};
	int cw = col_w(w), half = cw + 1, y, i, side;
	size_t at[2] = {0, 0};
	int used[2] = {0, 0};
	char buf[512];

	y = pen_row(&l->p);
	for (i = 0; y >= 0 && i < w + 2; i++)
		br_canvas_put(l->c, y, i, i == half + 1 ? "┬" : "─", 1,
			      BR_ST_DIM);
	y = pen_row(&l->p);
	for (side = 0; side < 2; side++) {
		if (!sd[side] || y < 0)
			continue;
		snprintf(buf, sizeof(buf),
			 UI_TR(l->app, "%s (%zu)", "%s（%zu）"),
			 sd[side]->name[l->app->lang], sd[side]->total);
		br_canvas_put(l->c, y, 1 + side * (half + 2), buf, cw,
			      side ? BR_ST_ACCEL : BR_ST_SAFETY);
	}
	/* Row by row: the next member of each side, or its "+N more". */
	for (;;) {
		int start = l->p.line, rows[2] = {0, 0}, most, r;

		for (side = 0; side < 2; side++) {
			const struct br_side *s = sd[side];
			int x = 1 + side * (half + 2);

			l->p.line = start;
			if (!s || at[side] > s->n)
				continue;
			if (at[side] == s->n ||
			    (l->cap_rows && used[side] + 1 >= l->cap_rows &&
			     at[side] + 1 < s->total)) {
				/* The rest, counted: all of them if the
				 * members loaded ran out first. */
				if (at[side] == s->n && s->n < s->total &&
				    !(l->cap_rows &&
				      used[side] + 1 >= l->cap_rows))
					l->short_of = 1;
				if (s->total > at[side]) {
					more_text(l, s->total - at[side], 0,
						  buf, sizeof(buf));
					rows[side] =
						column_text(l, x + 2, cw - 2,
							    buf, BR_ST_DIM);
				}
				at[side] = s->n + 1;
				continue;
			}
			label(l, &s->members[at[side]], buf, sizeof(buf));
			{
				int yy = start - l->p.skip;

				if (l->c && yy >= 0 && yy < l->p.h &&
				    moved(l->app, s->members[at[side]].id))
					br_canvas_put(l->c, l->p.y + yy, x, "→",
						      1, BR_ST_CURSOR);
			}
			rows[side] = column_text(l, x + 2, cw - 2, buf,
						 BR_ST_NORMAL);
			used[side] += rows[side];
			at[side]++;
		}
		most = rows[0] > rows[1] ? rows[0] : rows[1];
		if (!most && (!left || at[0] > left->n) &&
		    (!right || at[1] > right->n))
			break;
		l->p.line = start + most;
		for (r = 0; r < most; r++) {
			int yy = start + r - l->p.skip;

			if (l->c && yy >= 0 && yy < l->p.h)
				br_canvas_put(l->c, l->p.y + yy, half + 1, "│",
					      1, BR_ST_DIM);
		}
	}
	y = pen_row(&l->p);
	for (i = 0; y >= 0 && i < w + 2; i++)
		br_canvas_put(l->c, y, i, i == half + 1 ? "┴" : "─", 1,
			      BR_ST_DIM);
}

static void legend(struct lay *l)
{
	char buf[1024];
	size_t n = 0;
	int i;

	if (!l->legend || !l->n_stances)
		return;
	n = (size_t)snprintf(
		buf, sizeof(buf), "%s",
		ui_tr(l->app, "Crisis stance: ", "危机中的立场："));
	for (i = 0; i < l->n_stances && n + 1 < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s[%d] %s",
				      i ? " · " : "", i + 1,
				      l->stance_names[i]);
	if (n + 1 < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, "%s",
			 ui_tr(l->app, " · no mark: neither",
			       " · 无标记：两边都不是"));
	pen_wrap(&l->p, buf, 0, BR_ST_DIM);
}

/* The figures that hold: the label wrapped at words in its column, a
 * bar if it has a total, the value. */
static void figures(struct lay *l, int w)
{
	const struct app *app = l->app;
	const struct br_split *s = l->s;
	int label_w = w >= 98 ? 30 : 26, bar_w = w - label_w - 22;
	size_t i;
	char buf[256];

	if (bar_w > 40)
		bar_w = 40;
	if (label_w > w / 2)
		label_w = w / 2;
	for (i = 0; i < s->n_figures; i++) {
		const struct br_figure *f = &s->figures[i];
		const char *shown = f->shown[app->lang];
		int start = l->p.line, yy, x = 1 + label_w;

		column_text(l, 1, label_w - 1, f->name[app->lang],
			    BR_ST_NORMAL);
		yy = start - l->p.skip;
		if (!l->c || yy < 0 || yy >= l->p.h)
			continue;
		yy += l->p.y;
		if (f->total && bar_w >= 5) {
			bar(l->c, yy, x, bar_w, f->value, f->total,
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
		br_canvas_put(l->c, yy, x, shown, w + 1 - x, BR_ST_BOLD);
	}
	if (!s->n_figures)
		pen_wrap(&l->p,
			 ui_tr(app, "No figures yet at this moment.",
			       "此刻尚无数字。"),
			 0, BR_ST_DIM);
}

/* The figures that have ended: what they were and when, never as
 * current. */
static void past(struct lay *l)
{
	const struct app *app = l->app;
	const struct br_split *s = l->s;
	char buf[1024], from[96], until[96];
	size_t i;

	for (i = 0; i < s->n_past; i++) {
		const struct br_figure *f = &s->past[i];

		br_when_format(from, sizeof(from), f->t_min, f->t_max,
			       f->precision, 0, ui_zone(app), app->lang,
			       ui_when_style(app, BR_WHEN_MEDIUM, f->t_min));
		br_when_format(until, sizeof(until), f->until, f->until,
			       BR_PREC_MINUTE, 0, ui_zone(app), app->lang,
			       ui_when_style(app, BR_WHEN_MEDIUM, f->until));
		if (f->until <= f->ts) /* a figure of one moment: a vote */
			snprintf(buf, sizeof(buf),
				 UI_TR(app, "Earlier: %s %s (%s)",
				       "此前：%s %s（%s）"),
				 f->name[app->lang], f->shown[app->lang], from);
		else
			snprintf(buf, sizeof(buf),
				 UI_TR(app,
				       "No longer: %s %s (from %s until %s)",
				       "已不再成立：%s %s（%s 起，至 %s）"),
				 f->name[app->lang], f->shown[app->lang], from,
				 until);
		pen_wrap(&l->p, buf, 0, BR_ST_DIM);
	}
}

static void changes(struct lay *l)
{
	const struct app *app = l->app;
	char buf[4096];
	size_t len = 0, i;

	len = (size_t)snprintf(buf, sizeof(buf), "%s",
			       ui_tr(app, "What the last event changed: ",
				     "最近事件带来的变化："));
	for (i = 0; i < app->split.changes.n && len + 1 < sizeof(buf); i++) {
		const struct br_change *ch = &app->split.changes.rows[i];
		const char *sep = i ? "; " : "";
		const char *who = ch->name[app->lang];

		if (ch->what == BR_CHANGE_STANCE)
			len += (size_t)snprintf(
				buf + len, sizeof(buf) - len, "%s%s: %s → %s",
				sep, who,
				ch->from[app->lang][0]
					? ch->from[app->lang]
					: ui_tr(app, "no side", "未表态"),
				ch->to[app->lang][0]
					? ch->to[app->lang]
					: ui_tr(app, "neither", "两边都不是"));
		else if (ch->what == BR_CHANGE_ROLE_START)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s +%s", sep, who,
						ch->to[app->lang]);
		else if (ch->what == BR_CHANGE_ROLE_END)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s −%s", sep, who,
						ch->from[app->lang]);
		else
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s %s", sep, who,
						ch->to[app->lang]);
	}
	if (!app->split.changes.n && len + 1 < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s",
			 ui_tr(app, "nothing", "无"));
	pen_wrap(&l->p, buf, 0,
		 app->split.changes.n ? BR_ST_CURSOR : BR_ST_DIM);
}

/* How far the columns and the lists go before "+N more": at a glance,
 * with what e opens counted; 0, 0 with everyone shown (e). */
static void caps(const struct app *app, int *rows, int *lines)
{
	int bh = app->rows - 2; /* the body's, scrolled or not */

	*rows = *lines = 0;
	if (app->split.everyone)
		return;
	*rows = bh / 3 > 3 ? bh / 3 : 3;
	*lines = bh >= 20 ? 3 : 2;
}

/* The whole body, in a box of h rows by w columns from row 1, the first
 * skip rows scrolled away; c NULL only counts. Returns its rows, and in
 * *short_of (if not NULL) whether a side needed more members than were
 * loaded. This is one list of parts, in the order shown, hence its
 * length. */
static int layout(const struct app *app, struct br_canvas *c, int h, int w,
		  int skip, int *short_of)
{
	const struct br_split *s = &app->split.split;
	const struct br_side *left = NULL, *right = NULL;
	struct lay l = {
		.app = app, .s = s, .c = c, .p = {c, 1, 1, h, w, 0, skip}};
	static char buf[16384];
	char head[256];
	const char *ceo;

	size_t k;

	if (!c)
		l.p.h = 0; /* a pen with no height counts every row */
	l.w = w;
	caps(app, &l.cap_rows, &l.cap_lines);
	stances(&l, w);
	header(&l);
	ceo = UI_TR(app, "CEO: ", "CEO：");
	members_text(&l, ceo, s->chiefs, s->n_chiefs, s->n_chiefs, 1, buf,
		     sizeof(buf));
	list_line(&l, buf, ceo, BR_ST_BOLD);
	snprintf(head, sizeof(head),
		 UI_TR(app, "Board, %lld seats: ", "董事会（%lld席）："),
		 (long long)s->board_seats);
	members_text(&l, head, s->board, s->n_board, s->n_board, 1, buf,
		     sizeof(buf));
	list_line(&l, buf, head, BR_ST_BOLD);
	column_sides(s, &left, &right);
	columns(&l, left, right, w);
	legend(&l);
	figures(&l, w);
	past(&l);
	changes(&l);
	for (k = 0; k < s->n_sides; k++) {
		const struct br_side *sd = &s->sides[k];

		if (sd == left || sd == right || !sd->total)
			continue;
		snprintf(head, sizeof(head),
			 UI_TR(app, "%s (%zu): ", "%s（%zu）："),
			 sd->name[app->lang], sd->total);
		l.short_of |= members_text(&l, head, sd->members, sd->n,
					   sd->total, 0, buf, sizeof(buf));
		list_line(&l, buf, head, ui_faction_style(sd->slug));
	}
	if (!app->split.everyone)
		pen_wrap(&l.p,
			 ui_tr(app,
			       "Names only mentioned are not placed: e shows "
			       "everyone.",
			       "仅被提及的名字不列入阵营：按 e 显示全部。"),
			 0, BR_ST_DIM);
	if (short_of)
		*short_of = l.short_of;
	return l.p.line;
}

/* The body's box: below the title, above the status line. */
static int body_h(int rows)
{
	return rows - 2 > 1 ? rows - 2 : 1;
}

void split_draw(const struct app *app, struct br_canvas *c)
{
	int h = body_h(c->rows), w = c->cols - 2;
	char buf[128];

	if (!app->split.ok)
		return;
	if (app->split.more || app->split.shown) {
		/* The last row says where the screen is in the body. */
		layout(app, c, h - 1, w, app->split.shown, NULL);
		snprintf(buf, sizeof(buf),
			 UI_TR(app, "%s rows %d–%d of %d · PgDn PgUp scroll",
			       "%s 第 %d–%d 行，共 %d 行 · PgDn PgUp 滚动"),
			 app->split.more ? "↓" : "↑", app->split.shown + 1,
			 app->split.shown + h - 1,
			 app->split.shown + h - 1 + app->split.more);
		br_canvas_fill(c, h, 0, c->cols, BR_ST_NORMAL);
		br_canvas_put(c, h, 1, buf, c->cols - 2, BR_ST_CURSOR);
	} else {
		layout(app, c, h, w, 0, NULL);
	}
}

/* Keeps the split made for instant at with the flags, with at least
 * limit members of each side. */
static int load(struct app *app, br_instant at, size_t limit)
{
	struct app_split *sp = &app->split;
	unsigned flags = sp->everyone ? BR_SPLIT_EVERYONE : 0;
	struct br_filter all;
	struct br_page prev = {0};
	br_instant since;

	if (sp->made && sp->at == at && sp->flags == flags &&
	    (!sp->split.limit || (limit && sp->split.limit >= limit)))
		return 1;
	if (br_split_query(app->db, at, limit, flags, &sp->split) < 0) {
		sp->made = 0;
		return 0;
	}
	if (sp->made && sp->at == at) {
		sp->flags = flags;
		return 1; /* more members, or everyone: the changes hold */
	}
	/* What the last event at or before the instant changed: since the
	 * event before it, of all events. */
	since = at - 1;
	if (sp->split.last_id) {
		struct br_key key = {sp->split.last_ts, sp->split.last_id};

		br_filter_init(&all);
		since = sp->split.last_ts - 1;
		if (br_events_page(app->db, &all, &key, BR_BEFORE, 1, &prev) ==
		    1)
			since = prev.rows[0].ts;
		br_page_free(&prev);
	}
	br_changes_between(app->db, since, at, &sp->changes);
	sp->at = at;
	sp->flags = flags;
	sp->made = 1;
	return 1;
}

/* At a glance (e not pressed) a side shows at most the members of a
 * column's rows, or of a list's lines: a name is a cell at the least, and
 * the comma and space after it two. SIZE_MAX if every name is shown. */
static size_t glance_limit(const struct app *app, int w)
{
	int cap_rows, cap_lines;
	size_t list;

	caps(app, &cap_rows, &cap_lines);
	if (!cap_rows)
		return SIZE_MAX;
	list = (size_t)cap_lines * (size_t)(w / 3 + 1) + 1;
	return list > (size_t)cap_rows ? list : (size_t)cap_rows;
}

void split_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_split *sp = &app->split;
	int h = body_h(c->rows), w = c->cols - 2, total, short_of = 0;
	/* Enough members for the rows the screen shows down to the scroll:
	 * one a row in the columns, a few a row in a list. */
	size_t limit = (size_t)(h + sp->scroll + 1) * (size_t)(w / 4 + 1);
	size_t glance = glance_limit(app, w);

	/* No page of the timeline: the split shows none of it, and a move
	 * of the selection lays its page out itself (select.c). */
	detail_get(app); /* the selected event's time, for the header */
	sp->ok = load(app, sel_instant(app), glance < limit ? glance : limit);
	sp->more = 0;
	sp->shown = 0;
	if (!sp->ok)
		return;
	total = layout(app, NULL, h, w, 0, &short_of);
	if (short_of && glance < limit) {
		/* Shorter names than a list can hold: all the scroll needs. */
		sp->ok = load(app, sel_instant(app), limit);
		if (!sp->ok)
			return;
		total = layout(app, NULL, h, w, 0, NULL);
	}
	if (total <= h) {
		sp->scroll = 0;
		return;
	}
	/* Scrolling: the last row of the screen says so. */
	if (sp->scroll > total - (h - 1))
		sp->scroll = total - (h - 1);
	if (sp->scroll < 0)
		sp->scroll = 0;
	sp->shown = sp->scroll;
	sp->more = total - (sp->shown + h - 1);
}

void split_scroll(struct app *app, enum app_request req)
{
	int page = body_h(app->rows) - 2;

	if (page < 1)
		page = 1;
	app->split.scroll += req == REQ_PAGE_UP ? -page : page;
	if (app->split.scroll < 0)
		app->split.scroll = 0;
}

void split_everyone(struct app *app)
{
	app->split.everyone = !app->split.everyone;
	ui_message(app, 0, "%s",
		   app->split.everyone
			   ? ui_tr(app,
				   "split: everyone, also names only mentioned",
				   "阵营：全部，包括仅被提及的名字")
			   : ui_tr(app, "split: those who take part",
				   "阵营：参与其中的人"));
}

void split_free(struct app *app)
{
	br_split_free(&app->split.split);
	br_changes_free(&app->split.changes);
}
