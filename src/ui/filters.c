/* filters: what the timeline shows (people, kind, faction, the search),
 * and going to a moment or a marker of the source. */
#include <stdio.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* F cycles through the factions the model knows, in its order: the
 * lines, then the crisis stances. */
void filters_init(struct app *app)
{
	struct app_filters *f = &app->filters;
	char slugs[512], *p, *comma;

	br_filter_init(&f->filter);
	f->n_factions = 0;
	br_faction_slugs(app->db, slugs, sizeof(slugs));
	for (p = slugs; *p && f->n_factions < (int)BR_ARRAY_SIZE(f->factions);
	     p = comma ? comma + 2 : p + strlen(p)) {
		int64_t id;

		comma = strstr(p, ", ");
		if (comma)
			*comma = '\0';
		id = br_faction_find(app->db, p);
		if (id > 0)
			f->factions[f->n_factions++] = id;
	}
}

void filters_free(struct app *app)
{
	br_search_free(&app->filters.compiled);
}

static void invalidate(struct app *app)
{
	sel_invalidate(app);
	ruler_invalidate(app);
	app->filters.hits_ok = 0;
}

void filters_set_search(struct app *app, const char *text)
{
	struct app_filters *f = &app->filters;

	br_strlcpy(f->search, text, sizeof(f->search));
	br_search_free(&f->compiled);
	br_search_compile(&f->compiled, f->search);
	f->hits_ok = 0;
	if (!f->search[0] && f->only_hits) {
		/* No search: nothing to show the matches of. */
		f->only_hits = 0;
		f->filter.search = NULL;
		sel_invalidate(app);
	} else if (f->only_hits) {
		/* compiled was made again in place: the filter still points
		 * to it, and shows other events now. */
		sel_invalidate(app);
	}
	ruler_invalidate(app);
}

void filters_clear_search(struct app *app)
{
	int only = app->filters.only_hits;

	filters_set_search(app, "");
	if (only)
		filters_refilter(app);
}

/* Goes to the next match after (dir > 0) or before the selection,
 * inclusive of it when inclusive; wraps around. 1 if found. */
static int find_hit(struct app *app, enum br_dir dir, int inclusive)
{
	struct br_filter f = app->filters.filter;
	struct br_page p = {0};
	struct br_key from = app->tl.sel;
	int found, wrapped = 0;

	if (!app->filters.search[0])
		return 0;
	f.search = &app->filters.compiled;
	if (inclusive)
		from.id += dir == BR_AFTER ? -1 : 1;
	found = br_events_page(app->db, &f, app->tl.has_sel ? &from : NULL, dir,
			       1, &p) == 1;
	if (!found) {
		found = br_events_page(app->db, &f, NULL, dir, 1, &p) == 1;
		wrapped = found;
	}
	if (found) {
		struct br_key key = {p.rows[0].ts, p.rows[0].id};

		sel_select(app, &key);
		if (wrapped)
			ui_message(
				app, 0, "%s",
				dir == BR_AFTER
					? ui_tr(app,
						"search wrapped to the top",
						"已从头开始搜索")
					: ui_tr(app,
						"search wrapped to the bottom",
						"已从末尾开始搜索"));
	}
	br_page_free(&p);
	return found;
}

void filters_search_typed(struct app *app, const char *text)
{
	filters_set_search(app, text);
	ui_message_clear(app);
	/* From the row after the selection: the selected row is where
	 * the reader already is. */
	if (text[0] && !find_hit(app, BR_AFTER, 0))
		ui_message(
			app, 1,
			UI_TR(app, "no match for '%s'", "没有匹配“%s”的事件"),
			text);
	sel_layout(app);
}

/* & shows the search's matches only, or all events again. */
static void only_hits(struct app *app)
{
	struct app_filters *f = &app->filters;

	if (!f->only_hits && f->hits_ok && !f->n_more && !f->hits_n) {
		ui_message(
			app, 1,
			UI_TR(app, "no match for '%s'", "没有匹配“%s”的事件"),
			f->search);
		return;
	}
	f->only_hits = !f->only_hits;
	f->filter.search = f->only_hits ? &f->compiled : NULL;
	filters_refilter(app);
	ui_message(app, 0, "%s",
		   f->only_hits ? ui_tr(app, "only the matches · & shows all",
					"仅显示匹配 · & 显示全部")
				: ui_tr(app, "all events · & only the matches",
					"全部事件 · & 仅显示匹配"));
}

void filters_hit(struct app *app, enum app_request req)
{
	if (!app->filters.search[0])
		ui_message(app, 0, "%s",
			   ui_tr(app, "no search: press / first",
				 "尚未搜索：先按 /"));
	else if (req == REQ_ONLY_HITS)
		only_hits(app);
	else if (!find_hit(app, req == REQ_NEXT_HIT ? BR_AFTER : BR_BEFORE, 0))
		ui_message(
			app, 1,
			UI_TR(app, "no match for '%s'", "没有匹配“%s”的事件"),
			app->filters.search);
}

void filters_goto(struct app *app, const char *text)
{
	struct br_when_ctx ctx = {ui_zone(app), sel_instant(app),
				  app->meta->window_start, app->meta->year};
	struct br_when w;
	struct br_key key;
	char err[256], when[64];
	int rc;

	while (*text == ' ')
		text++;
	if (!strncmp(text, "goto ", 5))
		text += 5;
	if (!app->tl.has_sel)
		ctx.now = app->meta->window_start;
	if (br_events_by_marker(app->db, text, &key) == 1) {
		/* A marker of the source: go there, filters aside. */
		if (br_filter_active(&app->filters.filter)) {
			br_filter_init(&app->filters.filter);
			filters_set_search(app, "");
			invalidate(app);
		}
		sel_select(app, &key);
		ui_message(app, 0, "→ %s", text);
		return;
	}
	if (br_when_parse(text, &ctx, &w, err, sizeof(err)) < 0) {
		ui_message(app, 1, "%s", err);
		return;
	}
	rc = br_events_nearest(app->db, &app->filters.filter, w.t_min, w.t_max,
			       &key);
	if (rc != 1) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "no event to go to", "没有可跳转的事件"));
		return;
	}
	sel_select(app, &key);
	/* The moment is the instant the text names, not the event's. */
	sel_set_instant(app, w.at);
	br_when_format(when, sizeof(when), w.t_min, w.t_max, w.precision, 0,
		       ui_zone(app), app->lang, BR_WHEN_LONG);
	ui_message(app, 0, "→ %s %s", when, ui_zone_label(app, 0));
}

void filters_refilter(struct app *app)
{
	struct br_key key;
	br_instant at =
		app->tl.has_sel ? app->tl.sel.ts : app->meta->window_start;

	invalidate(app);
	if (br_events_nearest(app->db, &app->filters.filter, at, at, &key) ==
	    1) {
		sel_select(app, &key);
	} else {
		sel_none(app);
		ui_message(app, 1, "%s",
			   ui_tr(app, "no events under this filter",
				 "此筛选下没有事件"));
	}
}

static void cycle_kind(struct app *app)
{
	static const unsigned order[] = {BR_KIND_ALL, BR_KIND_MAIN,
					 BR_KIND_ASIDE, BR_KIND_BACKGROUND};
	struct br_filter *f = &app->filters.filter;
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(order); i++)
		if (order[i] == f->kinds)
			break;
	f->kinds = order[(i + 1) % BR_ARRAY_SIZE(order)];
	filters_refilter(app);
}

static void cycle_faction(struct app *app)
{
	struct app_filters *fs = &app->filters;
	int i;

	for (i = 0; i < fs->n_factions; i++)
		if (fs->factions[i] == fs->filter.faction)
			break;
	/* none -> first -> ... -> last -> none */
	if (!fs->filter.faction)
		fs->filter.faction = fs->n_factions ? fs->factions[0] : 0;
	else
		fs->filter.faction =
			i + 1 < fs->n_factions ? fs->factions[i + 1] : 0;
	filters_refilter(app);
}

void filters_request(struct app *app, enum app_request req)
{
	switch (req) {
	case REQ_CLEAR_PEOPLE:
		app->filters.filter.n_people = 0;
		filters_refilter(app);
		break;
	case REQ_KIND:
		cycle_kind(app);
		break;
	case REQ_FACTION:
		cycle_faction(app);
		break;
	case REQ_CLEAR_DATES:
		app->filters.filter.from = BR_INSTANT_MIN;
		app->filters.filter.to = BR_INSTANT_MAX;
		filters_refilter(app);
		break;
	default:
		break;
	}
}

int filters_follows(const struct br_filter *f, int64_t person)
{
	size_t i;

	for (i = 0; i < f->n_people; i++)
		if (f->people[i] == person)
			return 1;
	return 0;
}

void filters_toggle_person(struct app *app, int64_t person)
{
	struct br_filter *f = &app->filters.filter;
	size_t i;

	for (i = 0; i < f->n_people; i++) {
		if (f->people[i] == person) {
			memmove(&f->people[i], &f->people[i + 1],
				(f->n_people - i - 1) * sizeof(f->people[0]));
			f->n_people--;
			return;
		}
	}
	if (f->n_people < BR_ARRAY_SIZE(f->people))
		f->people[f->n_people++] = person;
}

/* One slice of a count that reads each event: at most *budget more of
 * them, up to upto (NULL: all), going on from *from, added to *n; *more
 * stays 1 while some are left and the count is not past cap. */
static void count_slice(struct app *app, const struct br_filter *f,
			struct br_key *from, int *started,
			const struct br_key *upto, int64_t cap, int64_t *n,
			int *more, int64_t *budget)
{
	int64_t got =
		br_events_count_slice(app->db, f, from, started, upto, *budget);

	if (got < 0) {
		app->filters.hits_ok = 0;
		*more = 0;
		return;
	}
	*n += got;
	if (got < *budget || *n > cap)
		*more = 0;
	*budget -= got;
}

/* The search's count for the status line: how many events under the
 * filter match, and which of them the selection is; capped as the
 * position is. A search the index answers is counted at once. One that
 * reads each event is counted APP_HITS_SLICE events a frame, first all
 * of them, then those before the selection, so that a keystroke never waits
 * for a long count: the explorer asks for frames while it goes on
 * (filters_counting), and a key comes first. Counted again when the
 * search or the filter changed; the selection's place when it moved. */
static void hits_count(struct app *app)
{
	struct app_filters *fs = &app->filters;
	struct br_filter f = fs->filter;
	struct br_key at = app->tl.sel, before = app->tl.sel;
	struct br_page p = {0};
	int rows = br_search_reads_rows(&fs->compiled);
	int64_t cap = rows ? APP_COUNT_CAP / 20 : APP_COUNT_CAP, budget;

	if (!fs->search[0] || !app->tl.has_sel) {
		fs->hits_ok = 0;
		return;
	}
	f.search = &fs->compiled;
	if (!fs->hits_ok) {
		fs->hits_n = 0;
		fs->n_more = 1;
		fs->n_started = 0;
	}
	if (!fs->hits_ok || fs->hits_at.id != at.id ||
	    fs->hits_at.ts != at.ts) {
		if (fs->hits_ok && fs->only_hits && app->tl.rank_ok) {
			/* Moved by steps among the matches only: the place
			 * moved with it (select.c, sel_position). */
			fs->hits_k = app->tl.rank;
			fs->k_more = 0;
		} else {
			fs->hits_k = 0;
			fs->k_more = 1;
			fs->k_started = 0;
		}
		/* The selection is a match if the first match from just
		 * before it is the selection. */
		before.id--;
		fs->hits_sel = br_events_page(app->db, &f, &before, BR_AFTER, 1,
					      &p) == 1 &&
			       p.rows[0].id == at.id;
		br_page_free(&p);
		fs->hits_at = at;
	}
	fs->hits_ok = 1;
	if (!rows) {
		if (fs->n_more)
			fs->hits_n =
				br_events_count_upto(app->db, &f, NULL, cap);
		if (fs->k_more)
			fs->hits_k =
				br_events_count_upto(app->db, &f, &at, cap);
		fs->n_more = fs->k_more = 0;
		fs->hits_ok = fs->hits_n >= 0 && fs->hits_k >= 0;
		return;
	}
	/* Not while the search is typed: the prompt hides the count. */
	if (app->prompt.kind == PROMPT_SEARCH)
		return;
	/* All of them first, on a cursor of its own: the selection's place
	 * is counted again from the first whenever it moves (while playing,
	 * every frame). */
	budget = APP_HITS_SLICE;
	if (fs->n_more) {
		count_slice(app, &f, &fs->n_from, &fs->n_started, NULL, cap,
			    &fs->hits_n, &fs->n_more, &budget);
		if (!fs->n_more && app->view == VIEW_TIMELINE &&
		    app->ruler.width > 0) {
			/* Its marks wait for the count: drawn now. */
			ruler_invalidate(app);
			ruler_prepare(app, app->ruler.width);
		}
	}
	if (fs->k_more && budget > 0)
		count_slice(app, &f, &fs->k_from, &fs->k_started, &at, cap,
			    &fs->hits_k, &fs->k_more, &budget);
}

int filters_counting(const struct app *app)
{
	const struct app_filters *fs = &app->filters;

	return fs->search[0] && fs->hits_ok && (fs->n_more || fs->k_more) &&
	       app->prompt.kind != PROMPT_SEARCH;
}

/* The date range as words: "dates: Sat Nov 18 – …". */
static size_t dates_text(const struct app *app, char *buf, size_t len, int sep)
{
	const struct app_filters *fs = &app->filters;
	const struct br_when *a = &fs->from_w, *b = &fs->to_w;
	char from[64] = "…", to[64] = "…";
	int n;

	if (fs->filter.from != BR_INSTANT_MIN)
		br_when_format(from, sizeof(from), a->t_min, a->t_max,
			       a->precision, 0, ui_zone(app), app->lang,
			       ui_when_style(app, BR_WHEN_MEDIUM, a->t_min));
	if (fs->filter.to != BR_INSTANT_MAX)
		br_when_format(to, sizeof(to), b->t_min, b->t_max, b->precision,
			       0, ui_zone(app), app->lang,
			       ui_when_style(app, BR_WHEN_MEDIUM, b->t_min));
	if (fs->filter.from != BR_INSTANT_MIN &&
	    fs->filter.to != BR_INSTANT_MAX && !strcmp(from, to))
		n = snprintf(buf, len, "%s%s%s", sep ? " · " : "",
			     ui_tr(app, "dates: ", "日期："), from);
	else
		n = snprintf(buf, len, "%s%s%s – %s", sep ? " · " : "",
			     ui_tr(app, "dates: ", "日期："), from, to);
	return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

/* The words that open or close a range, and those that join its two
 * ends. */
static const char *const from_words[] = {"from ", "since ", "after "};
static const char *const to_words[] = {"until ", "till ", "to ", "before "};
static const char *const joins[] = {"..", " to ", " – ", " - ",
				    "–",  "至",	  "到"};

/* Parses one end of a range ("" is open). 1 if there is one, 0 if not,
 * -1 with the parser's message. */
static int dates_end(struct app *app, const char *text, size_t n,
		     struct br_when *w)
{
	struct br_when_ctx ctx = {ui_zone(app),
				  app->tl.has_sel ? app->tl.sel.ts
						  : app->meta->window_start,
				  app->meta->window_start, app->meta->year};
	char one[256], err[256];

	while (n && text[0] == ' ')
		text++, n--;
	while (n && text[n - 1] == ' ')
		n--;
	if (!n)
		return 0;
	snprintf(one, sizeof(one), "%.*s", (int)n, text);
	if (br_when_parse(one, &ctx, w, err, sizeof(err)) < 0) {
		ui_message(app, 1, "%s", err);
		return -1;
	}
	return 1;
}

/* Moves w to just after (dir > 0) or before itself, the same length. */
static void shift_past(struct br_when *w, int dir)
{
	br_instant len = w->t_max - w->t_min;

	if (dir > 0) {
		w->t_min = w->t_max + 1;
		w->t_max = w->t_min + len;
	} else {
		w->t_max = w->t_min - 1;
		w->t_min = w->t_max - len;
	}
}

void filters_dates(struct app *app, const char *text)
{
	struct app_filters *fs = &app->filters;
	struct br_when a, b;
	const char *join = NULL;
	size_t i, jlen = 0;
	int ra, rb, after = 0, before = 0;

	while (*text == ' ')
		text++;
	if (!*text) {
		filters_request(app, REQ_CLEAR_DATES);
		return;
	}
	for (i = 0; i < BR_ARRAY_SIZE(from_words); i++)
		if (!strncmp(text, from_words[i], strlen(from_words[i]))) {
			after = i == 2;
			text += strlen(from_words[i]);
			join = text + strlen(text);
			break;
		}
	for (i = 0; !join && i < BR_ARRAY_SIZE(to_words); i++)
		if (!strncmp(text, to_words[i], strlen(to_words[i]))) {
			before = i == 3;
			join = text;
			jlen = strlen(to_words[i]);
			break;
		}
	for (i = 0; !join && i < BR_ARRAY_SIZE(joins); i++)
		if ((join = strstr(text, joins[i])))
			jlen = strlen(joins[i]);
	/* One WHEN alone is the range it names. */
	ra = dates_end(app, text, join ? (size_t)(join - text) : strlen(text),
		       &a);
	if (ra < 0)
		return;
	rb = join ? dates_end(app, join + jlen, strlen(join + jlen), &b) : 0;
	if (rb < 0)
		return;
	if (!join)
		b = a, rb = 1;
	if (!ra && !rb) {
		filters_request(app, REQ_CLEAR_DATES);
		return;
	}
	if (after)
		shift_past(&a, 1);
	if (before)
		shift_past(&b, -1);
	if (ra && rb && b.t_max < a.t_min) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "the range ends before it starts",
				 "结束早于开始"));
		return;
	}
	fs->from_w = a;
	fs->to_w = b;
	fs->filter.from = ra ? a.t_min : BR_INSTANT_MIN;
	fs->filter.to = rb ? b.t_max : BR_INSTANT_MAX;
	filters_refilter(app);
}

void filters_prepare(struct app *app)
{
	const struct br_filter *f = &app->filters.filter;
	char *buf = app->filters.text;
	size_t len = sizeof(app->filters.text), n = 0, i;
	struct br_people one = {0};

	buf[0] = '\0';
	for (i = 0; i < f->n_people && n < len; i++) {
		if (br_people_get(app->db, f->people[i], &one) == 1)
			n += (size_t)snprintf(
				buf + n, len - n, "%s%s",
				i ? (f->people_all ? " & " : " | ")
				  : ui_tr(app, "people: ", "人物："),
				one.rows[0].name[app->lang]);
	}
	br_people_free(&one);
	if (f->kinds != BR_KIND_ALL && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s%s",
				      n ? " · " : "",
				      ui_tr(app, "kind: ", "类型："),
				      br_kind_name((enum br_kind)f->kinds));
	if (f->faction && n < len) {
		char slug[64], names[2][64];

		if (br_faction_names(app->db, f->faction, slug, names))
			n += (size_t)snprintf(buf + n, len - n, "%s%s%s",
					      n ? " · " : "",
					      ui_tr(app, "faction: ", "阵营："),
					      names[app->lang]);
	}
	if ((f->from != BR_INSTANT_MIN || f->to != BR_INSTANT_MAX) && n < len)
		n += dates_text(app, buf + n, len - n, n > 0);
	if (app->filters.only_hits && n < len)
		snprintf(buf + n, len - n, "%s%s", n ? " · " : "",
			 ui_tr(app, "matches only", "仅匹配"));
	hits_count(app);
}
