/* The comparison: the moment c marked beside the one C was pressed at
 * (select.c, sel_instant), from the model's br_compare_run. The CEO at
 * each end and in between, the seats vacated, filled and kept, who moved
 * and the events that moved them, the figures then and now, and the
 * events in between: their count and a page of them, under the
 * timeline's filter, to select (j k) and open (Enter).
 *
 * Prepare makes the body as rows of text (wrapped by the pen, never cut)
 * and keeps the selected event on screen; draw writes the rows from the
 * scroll, and the last row says where the screen is when the body is
 * taller than it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* The most movers listed; the others are counted. */
#define COMPARE_MOVERS 200
/* From this width the movers have a column of their own on the right. */
#define COMPARE_WIDE 160

/* The body's box: below the title, above the status line. */
static int body_h(int rows)
{
	return rows - 2 > 1 ? rows - 2 : 1;
}

/* Events a page holds: about a screenful. */
static size_t page_size(const struct app *app)
{
	int h = body_h(app->rows) - 4;

	return h > 10 ? (size_t)h : 10;
}

static void when_text(const struct app *app, br_instant t,
		      enum br_when_style style, char *buf, size_t len)
{
	br_when_format(buf, len, t, t, BR_PREC_MINUTE, 0, ui_zone(app),
		       app->lang, ui_when_style(app, style, t));
}

/* A stretch from a to b as "Fri Nov 17 11:00 – 12:00": the day once when
 * both ends fall on it. */
static void stretch(const struct app *app, br_instant a, br_instant b,
		    char *buf, size_t len)
{
	char x[64], y[64];
	const char *sx, *sy;

	when_text(app, a, BR_WHEN_MEDIUM, x, sizeof(x));
	when_text(app, b, BR_WHEN_MEDIUM, y, sizeof(y));
	sx = strrchr(x, ' ');
	sy = strrchr(y, ' ');
	if (sx && sy && sx - x == sy - y && !strncmp(x, y, (size_t)(sx - x)))
		snprintf(buf, len, "%s – %s", x, sy + 1);
	else
		snprintf(buf, len, "%s – %s", x, y);
}

void compare_mark(struct app *app)
{
	struct app_compare *cp = &app->compare;
	char when[64];

	cp->mark = sel_instant(app);
	cp->has_mark = 1;
	when_text(app, cp->mark, BR_WHEN_MEDIUM, when, sizeof(when));
	ui_message(app, 0,
		   UI_TR(app, "moment marked: %s · move, then C compares",
			 "已标记时刻：%s · 移动后按 C 对比"),
		   when);
}

int compare_open(struct app *app)
{
	struct app_compare *cp = &app->compare;
	br_instant now = sel_instant(app);

	if (!cp->has_mark) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "no moment marked: c marks one",
				 "尚未标记时刻：按 c 标记"));
		return 0;
	}
	cp->mark_is_to = cp->mark > now;
	cp->from = cp->mark_is_to ? now : cp->mark;
	cp->to = cp->mark_is_to ? cp->mark : now;
	cp->loaded = 0;
	cp->scroll = 0;
	cp->follow = 0;
	return 1;
}

void compare_free(struct app *app)
{
	struct app_compare *cp = &app->compare;

	br_compare_free(&cp->cmp);
	br_page_free(&cp->events);
	free(cp->rows);
	cp->rows = NULL;
	cp->n_rows = cp->rows_cap = 0;
	br_pool_clear(&cp->pool);
	cp->made = cp->loaded = 0;
}

/* The events in between under f: a page from the start (dir BR_AFTER,
 * key NULL), after or before key, or the last page (BR_BEFORE, NULL).
 * Keeps the page only if it has events, or if it is the first. */
static int load_page(struct app *app, const struct br_key *key, enum br_dir dir)
{
	struct app_compare *cp = &app->compare;
	struct br_page page = {0};
	int n = br_compare_events(app->db, &cp->cmp, &cp->filter, key, dir,
				  page_size(app), &page);

	if (n <= 0 && key) {
		br_page_free(&page);
		return 0;
	}
	br_page_free(&cp->events);
	cp->events = page;
	return n > 0 ? n : 0;
}

/* The selection moves by one event, to the next page at an end. */
static void step(struct app *app, int dir)
{
	struct app_compare *cp = &app->compare;
	struct br_page *pg = &cp->events;
	struct br_key key;
	size_t had = pg->n;
	int n;

	cp->follow = 1;
	if (dir > 0 && cp->sel + 1 < (int)pg->n) {
		cp->sel++;
	} else if (dir < 0 && cp->sel > 0) {
		cp->sel--;
	} else if (pg->n) {
		const struct br_event *e = &pg->rows[dir > 0 ? pg->n - 1 : 0];

		key.ts = e->ts;
		key.id = e->id;
		n = load_page(app, &key, dir > 0 ? BR_AFTER : BR_BEFORE);
		if (n > 0) {
			cp->sel = dir > 0 ? 0 : n - 1;
			if (cp->first >= 0)
				cp->first +=
					dir > 0 ? (int64_t)had : -(int64_t)n;
		}
	}
}

/* g and G: the first or the last page. */
static void ends(struct app *app, int last)
{
	struct app_compare *cp = &app->compare;
	int n = load_page(app, NULL, last ? BR_BEFORE : BR_AFTER);

	cp->follow = 1;
	cp->sel = last && n > 0 ? n - 1 : 0;
	cp->first = !last ? 0 : cp->count_more ? -1 : cp->count - n;
}

int compare_key(struct app *app, enum app_request req)
{
	struct app_compare *cp = &app->compare;
	int page = body_h(app->rows) - 2;

	switch (keys_group(req)) {
	case GROUP_JUMPING: /* the moments are fixed here */
	case GROUP_SEARCHING:
	case GROUP_FILTERS:
	case GROUP_MARKS:
		return 1;
	default:
		break;
	}
	switch (req) {
	case REQ_DOWN:
	case REQ_UP:
		step(app, req == REQ_DOWN ? 1 : -1);
		return 1;
	case REQ_PAGE_DOWN:
	case REQ_PAGE_UP:
	case REQ_HALF_DOWN:
	case REQ_HALF_UP:
		if (req == REQ_HALF_DOWN || req == REQ_HALF_UP)
			page /= 2;
		cp->scroll += (req == REQ_PAGE_UP || req == REQ_HALF_UP)
				      ? -(page > 1 ? page : 1)
				      : (page > 1 ? page : 1);
		if (cp->scroll < 0)
			cp->scroll = 0;
		cp->follow = 0;
		return 1;
	case REQ_FIRST:
	case REQ_LAST:
		ends(app, req == REQ_LAST);
		return 1;
	case REQ_DETAIL: /* Enter: the selected event in full */
		if (cp->sel < (int)cp->events.n) {
			struct br_key k = {cp->events.rows[cp->sel].ts,
					   cp->events.rows[cp->sel].id};

			sel_select(app, &k);
			detail_open(app);
			app->back = VIEW_COMPARE;
			app->view = VIEW_DETAIL;
		}
		return 1;
	case REQ_QUIT:
	case REQ_BACK:
	case REQ_COMPARE:
		app->view = VIEW_TIMELINE;
		return 1;
	default:
		return 0;
	}
}

/* The body's rows */

static void add_row(struct app *app, int indent, enum br_style style, int event,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add_row(struct app *app, int indent, enum br_style style, int event,
		    const char *fmt, ...)
{
	struct app_compare *cp = &app->compare;
	struct app_compare_row *r;
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	cp->rows =
		br_grow(cp->rows, cp->n_rows, &cp->rows_cap, sizeof(*cp->rows));
	r = &cp->rows[cp->n_rows++];
	r->text = br_pool_strdup(&cp->pool, buf);
	r->indent = indent;
	r->style = style;
	r->event = event;
	r->col = 0;
}

/* Names joined into buf: a member's, with a group's seats and the chair. */
static const char *names(const struct app *app,
			 const struct br_member *const *m, size_t n, char *buf,
			 size_t len)
{
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < n && k < len; i++) {
		k += (size_t)snprintf(buf + k, len - k, "%s%s",
				      i ? UI_TR(app, ", ", "、") : "",
				      m[i]->name[app->lang]);
		if (m[i]->seats > 1 && k < len)
			k += (size_t)snprintf(
				buf + k, len - k,
				UI_TR(app, " (%lld seats)", "（%lld席）"),
				(long long)m[i]->seats);
		if (m[i]->chair && k < len)
			k += (size_t)snprintf(
				buf + k, len - k, "%s",
				ui_tr(app, " (chair)", "（主席）"));
	}
	if (!n)
		snprintf(buf, len, "-");
	return buf;
}

static const char *chiefs(const struct app *app, const struct br_split *s,
			  char *buf, size_t len)
{
	size_t i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < s->n_chiefs && k < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "%s%s",
				      i ? UI_TR(app, ", ", "、") : "",
				      s->chiefs[i].name[app->lang]);
	if (!s->n_chiefs)
		snprintf(buf, len, "%s", ui_tr(app, "none", "无"));
	return buf;
}

static void ceo_rows(struct app *app)
{
	const struct br_compare *c = &app->compare.cmp;
	char a[256], b[256];
	size_t i;

	add_row(app, 0, BR_ST_BOLD, -1, "CEO%s%s → %s", ui_tr(app, ": ", "："),
		chiefs(app, &c->then, a, sizeof(a)),
		chiefs(app, &c->now, b, sizeof(b)));
	for (i = 0; i < c->n_chiefs; i++) {
		const struct br_tenure *t = &c->chiefs[i];
		char who[256], ev[128] = "";

		stretch(app, t->from, t->to, a, sizeof(a));
		if (t->person_id)
			snprintf(who, sizeof(who),
				 UI_TR(app, "%s (%s)", "%s（%s）"),
				 t->name[app->lang], t->title[app->lang]);
		else
			snprintf(who, sizeof(who), "%s",
				 ui_tr(app, "(no CEO)", "（无CEO）"));
		if (t->ended && t->until_marker[0])
			snprintf(ev, sizeof(ev),
				 UI_TR(app, " · ended by %s", " · 止于%s"),
				 t->until_marker);
		add_row(app, 2, t->person_id ? BR_ST_NORMAL : BR_ST_DIM, -1,
			"%s  %s%s", a, who, ev);
	}
}

static void board_rows(struct app *app)
{
	const struct br_compare *c = &app->compare.cmp;
	char buf[1024];

	add_row(app, 0, BR_ST_BOLD, -1,
		UI_TR(app, "Board: %lld seats → %lld seats",
		      "董事会：%lld席 → %lld席"),
		(long long)c->then.board_seats, (long long)c->now.board_seats);
	add_row(app, 2, BR_ST_NORMAL, -1,
		UI_TR(app, "Vacated (%lld): %s", "空出（%lld席）：%s"),
		(long long)c->seats_vacated,
		names(app, c->vacated, c->n_vacated, buf, sizeof(buf)));
	add_row(app, 2, BR_ST_NORMAL, -1,
		UI_TR(app, "Filled (%lld): %s", "补上（%lld席）：%s"),
		(long long)c->seats_filled,
		names(app, c->filled, c->n_filled, buf, sizeof(buf)));
	add_row(app, 2, BR_ST_NORMAL, -1,
		UI_TR(app, "Kept (%lld): %s", "留任（%lld席）：%s"),
		(long long)c->seats_kept,
		names(app, c->kept, c->n_kept, buf, sizeof(buf)));
}

/* "A → B", or "A" where they stayed. */
static const char *then_now(const char *a, const char *b, char *buf, size_t len)
{
	if (strcmp(a, b))
		snprintf(buf, len, "%s → %s", a, b);
	else
		snprintf(buf, len, "%s", a);
	return buf;
}

static void mover_rows(struct app *app, const struct br_compare_mover *m)
{
	char line[256], stance[256], when[64];
	size_t i, first = app->compare.n_rows;

	then_now(br_compare_side_words(&m->then, 0, app->lang),
		 br_compare_side_words(&m->now, 0, app->lang), line,
		 sizeof(line));
	then_now(br_compare_side_words(&m->then, 1, app->lang),
		 br_compare_side_words(&m->now, 1, app->lang), stance,
		 sizeof(stance));
	add_row(app, 2, ui_faction_style(m->now.line_slug), -1,
		UI_TR(app, "%s: line %s; stance %s", "%s：路线 %s；立场 %s"),
		m->name[app->lang], line, stance);
	for (i = 0; i < m->n_moves; i++) {
		const struct br_change *ch = &m->moves[i];
		int crisis = !strcmp(ch->axis, "crisis");
		const char *none =
			crisis ? ui_tr(app, "neither", "两边都不站")
			       : ui_tr(app, "no line stated", "未表明路线");

		when_text(app, ch->ts, BR_WHEN_MEDIUM, when, sizeof(when));
		add_row(app, 6, BR_ST_DIM, -1, "%s  %s%s%s %s → %s", when,
			ch->marker, ch->marker[0] ? "  " : "",
			crisis ? ui_tr(app, "stance", "立场")
			       : ui_tr(app, "line", "路线"),
			ch->from[app->lang][0] ? ch->from[app->lang] : none,
			ch->to[app->lang][0] ? ch->to[app->lang] : none);
	}
	/* On a wide screen the movers are the right-hand column. */
	for (i = first; app->cols >= COMPARE_WIDE && i < app->compare.n_rows;
	     i++)
		app->compare.rows[i].col = 1;
}

static const char *figure_value(const struct app *app,
				const struct br_figure *f, char *buf,
				size_t len)
{
	char from[64], until[64];
	size_t n;

	if (!f)
		return "-";
	if (f->shown[app->lang][0])
		snprintf(buf, len, "%s", f->shown[app->lang]);
	else if (f->total)
		snprintf(buf, len, "%lld/%lld", (long long)f->value,
			 (long long)f->total);
	else
		snprintf(buf, len, "%lld", (long long)f->value);
	n = strlen(buf);
	br_when_format(from, sizeof(from), f->t_min, f->t_max, f->precision, 0,
		       ui_zone(app), app->lang,
		       ui_when_style(app, BR_WHEN_MEDIUM, f->t_min));
	when_text(app, f->until, BR_WHEN_MEDIUM, until, sizeof(until));
	/* Its life: since its event, or past with its dates (a vote, a
	 * figure of one moment, has no until). */
	if (!f->ended)
		snprintf(buf + n, len - n,
			 UI_TR(app, " (since %s)", "（自%s起）"), from);
	else if (f->until <= f->ts)
		snprintf(buf + n, len - n,
			 UI_TR(app, " (past: %s)", "（已过去：%s）"), from);
	else
		snprintf(buf + n, len - n,
			 UI_TR(app, " (past: %s, until %s)",
			       "（已过去：%s起，%s止）"),
			 from, until);
	return buf;
}

static void figure_rows(struct app *app)
{
	const struct br_compare *c = &app->compare.cmp;
	char a[256], b[256];
	size_t i;

	add_row(app, 0, BR_ST_BOLD, -1, "%s", ui_tr(app, "Figures", "数字"));
	for (i = 0; i < c->n_figures; i++) {
		const struct br_compare_figure *f = &c->figures[i];

		if (f->changed)
			add_row(app, 2, BR_ST_NORMAL, -1, "%s%s%s → %s",
				f->name[app->lang], ui_tr(app, ": ", "："),
				figure_value(app, f->then, a, sizeof(a)),
				figure_value(app, f->now, b, sizeof(b)));
		else
			add_row(app, 2, BR_ST_DIM, -1, "%s%s%s%s",
				f->name[app->lang], ui_tr(app, ": ", "："),
				ui_tr(app, "unchanged, ", "未变，"),
				figure_value(app, f->then, a, sizeof(a)));
	}
	if (!c->n_figures)
		add_row(app, 2, BR_ST_DIM, -1, "-");
}

static void event_rows(struct app *app)
{
	struct app_compare *cp = &app->compare;
	char count[64], when[64];
	size_t i;

	snprintf(count, sizeof(count), "%s%lld", cp->count_more ? ">" : "",
		 (long long)cp->count);
	if (br_filter_active(&app->filters.filter))
		add_row(app, 0, BR_ST_BOLD, -1,
			UI_TR(app,
			      "Events in between: %s of %lld, under the filter",
			      "其间的事件：%s条（共%lld条，已筛选）"),
			count, (long long)cp->cmp.n_events);
	else
		add_row(app, 0, BR_ST_BOLD, -1,
			UI_TR(app, "Events in between: %s", "其间的事件：%s条"),
			count);
	for (i = 0; i < cp->events.n; i++) {
		const struct br_event *e = &cp->events.rows[i];

		br_when_format(when, sizeof(when), e->t_min, e->t_max,
			       e->precision, e->inferred, ui_zone(app),
			       app->lang, ui_short_style(app, e->t_min));
		add_row(app, 2, BR_ST_NORMAL, (int)i, "%s %s  %s%s%s",
			br_kind_mark(e->kind), when, e->marker,
			e->marker[0] ? "  " : "",
			e->title[app->lang][0] ? e->title[app->lang]
					       : e->title[!app->lang]);
	}
	if (!cp->events.n)
		add_row(app, 2, BR_ST_DIM, -1, "%s", ui_tr(app, "none", "无"));
	else if (cp->first >= 0)
		add_row(app, 2, BR_ST_DIM, -1,
			UI_TR(app,
			      "%lld–%lld of %s · j k select · Enter opens · g "
			      "G "
			      "first, last",
			      "第 %lld–%lld 条，共 %s 条 · j k 选择 · Enter "
			      "打开 · "
			      "g G 首尾"),
			(long long)cp->first + 1,
			(long long)(cp->first + (int64_t)cp->events.n), count);
	else
		add_row(app, 2, BR_ST_DIM, -1, "%s",
			ui_tr(app, "j k select · Enter opens · g G first, last",
			      "j k 选择 · Enter 打开 · g G 首尾"));
}

/* Every row of the body, from the comparison and the page of events. */
static void make_rows(struct app *app)
{
	struct app_compare *cp = &app->compare;
	const struct br_compare *c = &cp->cmp;
	char a[64], b[64], ca[16], cb[16];
	size_t i;

	cp->n_rows = 0;
	br_pool_clear(&cp->pool);
	when_text(app, c->from, BR_WHEN_LONG, a, sizeof(a));
	when_text(app, c->to, BR_WHEN_LONG, b, sizeof(b));
	br_when_clock_prec(ca, sizeof(ca), c->from, app->meta->window_start,
			   BR_PREC_MINUTE);
	br_when_clock_prec(cb, sizeof(cb), c->to, app->meta->window_start,
			   BR_PREC_MINUTE);
	add_row(app, 0, BR_ST_BOLD, -1,
		UI_TR(app, "From %s %s (%s)%s to %s (%s)%s",
		      "从 %s %s（%s）%s到 %s（%s）%s"),
		a, ui_zone_label(app, 0), ca,
		cp->mark_is_to ? "" : ui_tr(app, " [marked]", "［已标记］"), b,
		cb,
		cp->mark_is_to ? ui_tr(app, " [marked]", "［已标记］") : "");
	ceo_rows(app);
	board_rows(app);
	add_row(app, 0, BR_ST_BOLD, -1,
		UI_TR(app, "Moved: %lld", "立场变化：%lld"),
		(long long)c->total_movers);
	app->compare.rows[app->compare.n_rows - 1].col =
		app->cols >= COMPARE_WIDE;
	for (i = 0; i < c->n_movers; i++)
		mover_rows(app, &c->movers[i]);
	if (c->total_movers > (int64_t)c->n_movers) {
		add_row(app, 2, BR_ST_DIM, -1,
			UI_TR(app, "+%lld more", "另有 %lld 人"),
			(long long)(c->total_movers - (int64_t)c->n_movers));
		app->compare.rows[app->compare.n_rows - 1].col =
			app->cols >= COMPARE_WIDE;
	}
	figure_rows(app);
	event_rows(app);
}

/* The comparison for the ends, and the first page of the events in
 * between under the timeline's filter, when either changed. */
static int load(struct app *app)
{
	struct app_compare *cp = &app->compare;
	const struct br_filter *f = &app->filters.filter;

	if (!cp->made || cp->cmp.from != cp->from || cp->cmp.to != cp->to) {
		cp->made = br_compare_run(app->db, cp->from, cp->to,
					  COMPARE_MOVERS, &cp->cmp) == 0;
		cp->loaded = 0;
		if (!cp->made)
			return 0;
	}
	if (cp->loaded && !memcmp(&cp->filter, f, sizeof(*f)))
		return 1;
	cp->filter = *f;
	if (br_filter_active(f)) {
		struct br_filter in;

		br_compare_filter(&cp->cmp, f, &in);
		cp->count =
			br_events_count_upto(app->db, &in, NULL, APP_COUNT_CAP);
		cp->count_more = cp->count > APP_COUNT_CAP;
		if (cp->count_more)
			cp->count = APP_COUNT_CAP;
	} else {
		cp->count = cp->cmp.n_events;
		cp->count_more = 0;
	}
	load_page(app, NULL, BR_AFTER);
	cp->first = 0;
	cp->sel = 0;
	cp->loaded = cp->count >= 0;
	return cp->loaded;
}

/* The width of column col of a body w wide: all of it, or on a wide
 * screen its half, with a rule between them. */
static int col_w(int w, int col)
{
	if (w + 2 < COMPARE_WIDE)
		return col ? 0 : w;
	return col ? w - w / 2 - 2 : w / 2;
}

void compare_prepare(struct app *app, const struct br_canvas *c)
{
	struct app_compare *cp = &app->compare;
	int h = body_h(c->rows), w = c->cols - 2, total, view, sel_y = -1,
	    sel_n = 0;
	struct pen count[2] = {{NULL, 0, 0, 0, w, 0, 0},
			       {NULL, 0, 0, 0, w, 0, 0}};
	size_t i;

	cp->ok = load(app);
	cp->more = 0;
	cp->shown = 0;
	if (!cp->ok) {
		ui_message(app, 1, "%s", br_db_errmsg(app->db));
		return;
	}
	make_rows(app);
	/* Pens with no canvas and no height count every row, a column
	 * each. */
	count[0].w = col_w(w, 0);
	count[1].w = col_w(w, 1);
	for (i = 0; i < cp->n_rows; i++) {
		struct pen *p = &count[cp->rows[i].col];
		int before = p->line;

		pen_wrap(p, cp->rows[i].text, cp->rows[i].indent,
			 cp->rows[i].style);
		if (cp->rows[i].event == cp->sel && cp->rows[i].event >= 0) {
			sel_y = before;
			sel_n = p->line - before;
		}
	}
	total = count[0].line > count[1].line ? count[0].line : count[1].line;
	if (total <= h) {
		cp->scroll = 0;
		return;
	}
	view = h - 1; /* the last row says where the screen is */
	if (cp->follow && sel_y >= 0) {
		if (sel_y < cp->scroll)
			cp->scroll = sel_y;
		else if (sel_y + sel_n > cp->scroll + view)
			cp->scroll = sel_y + sel_n - view;
	}
	cp->follow = 0;
	if (cp->scroll > total - view)
		cp->scroll = total - view;
	if (cp->scroll < 0)
		cp->scroll = 0;
	cp->shown = cp->scroll;
	cp->more = total - (cp->shown + view);
}

void compare_draw(const struct app *app, struct br_canvas *c)
{
	const struct app_compare *cp = &app->compare;
	int h = body_h(c->rows), w = c->cols - 2, scrolled, col, y;
	struct pen p[2];
	char buf[160];
	size_t i;

	if (!cp->ok)
		return;
	scrolled = cp->more || cp->shown;
	for (col = 0; col < 2; col++) {
		p[col].c = c;
		p[col].y = 1;
		p[col].x = col ? col_w(w, 0) + 3 : 1;
		p[col].h = scrolled ? h - 1 : h;
		p[col].w = col_w(w, col);
		p[col].line = 0;
		p[col].skip = cp->shown;
	}
	for (y = 1; p[1].w > 0 && y <= p[1].h; y++)
		br_canvas_put(c, y, col_w(w, 0) + 1, "│", 1, BR_ST_DIM);
	for (i = 0; i < cp->n_rows; i++) {
		const struct app_compare_row *r = &cp->rows[i];

		pen_wrap(&p[r->col], r->text, r->indent,
			 r->event >= 0 && r->event == cp->sel ? BR_ST_SELECTED
							      : r->style);
	}
	if (!scrolled)
		return;
	snprintf(buf, sizeof(buf),
		 UI_TR(app, "%s rows %d–%d of %d · PgDn PgUp scroll",
		       "%s 第 %d–%d 行，共 %d 行 · PgDn PgUp 滚动"),
		 cp->more ? "↓" : "↑", cp->shown + 1, cp->shown + h - 1,
		 cp->shown + h - 1 + cp->more);
	br_canvas_fill(c, h, 0, c->cols, BR_ST_NORMAL);
	br_canvas_put(c, h, 1, buf, c->cols - 2, BR_ST_CURSOR);
}
