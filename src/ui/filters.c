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
}

void filters_set_search(struct app *app, const char *text)
{
	struct app_filters *f = &app->filters;

	br_strlcpy(f->search, text, sizeof(f->search));
	br_search_free(&f->compiled);
	br_search_compile(&f->compiled, f->search);
	ruler_invalidate(app);
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
	if (text[0] && !find_hit(app, BR_AFTER, 1))
		ui_message(
			app, 1,
			UI_TR(app, "no match for '%s'", "没有匹配“%s”的事件"),
			text);
	sel_layout(app);
}

void filters_hit(struct app *app, enum app_request req)
{
	if (!app->filters.search[0])
		ui_message(app, 0, "%s",
			   ui_tr(app, "no search: press / first",
				 "尚未搜索：先按 /"));
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
	if (app->filters.search[0] && n < len)
		snprintf(buf + n, len - n, "%s/%s", n ? " · " : "",
			 app->filters.search);
}
