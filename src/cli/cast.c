/* cast: the people and split commands, the cast and the state of the
 * world at an instant, in each output format. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/people.h"
#include "boardroom/split.h"
#include "cli/commands.h"
#include "cli/report.h"

/* people */

/* The instant a list of the cast is placed at: --at, or the window's end. */
static int cast_instant(struct cmd_ctx *ctx, br_instant *at)
{
	struct br_when w;

	*at = br_db_meta(ctx->db)->window_end;
	if (!ctx->at_text)
		return 0;
	if (cmd_parse_when(ctx, ctx->at_text, &w))
		return 2;
	*at = w.at;
	return 0;
}

/* Where p stands, in one language, for a list: the line and the crisis
 * stance; for one not placed, the tier's code in brackets, and "-". */
static void place_names(const struct br_place *pl, enum br_lang lang, char *buf,
			size_t len, const char **line, const char **stance)
{
	int zh = lang == BR_LANG_ZH;

	if (!pl->placed) {
		snprintf(buf, len, "(%s)", pl->tier);
		*line = buf;
		*stance = "-";
		return;
	}
	*line = pl->line_slug[0] ? pl->line[lang]
		: zh		 ? "未表明路线"
				 : "no line stated";
	*stance = pl->stance_slug[0] ? pl->stance[lang]
		  : zh		     ? "两边都不站"
				     : "neither";
}

static json_t *person_json(struct cmd_ctx *ctx, const struct br_person *p,
			   const struct br_place *pl)
{
	struct br_strings aliases = {0};
	json_t *a = json_array(), *o;
	size_t i;

	br_people_aliases(ctx->db, p->id, &aliases);
	for (i = 0; i < aliases.n; i++)
		json_array_append_new(a, out_json_str(aliases.v[i]));
	br_strings_free(&aliases);
	o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:I, s:o}", "slug",
		      out_json_str(p->slug), "kind", out_json_str(p->kind),
		      "name", out_json_str(p->name[0]), "name_zh",
		      out_json_str(p->name[1]), "bio",
		      out_json_pair(p->bio[0], p->bio[1]), "events",
		      (json_int_t)p->n_events, "aliases", a);
	json_object_set_new(o, "tier", out_json_str(pl->tier));
	json_object_set_new(o, "placed", json_boolean(pl->placed));
	json_object_set_new(o, "line",
			    pl->line_slug[0] ? out_json_str(pl->line_slug)
					     : json_null());
	json_object_set_new(o, "stance",
			    pl->stance_slug[0] ? out_json_str(pl->stance_slug)
					       : json_null());
	return o;
}

static void person_csv(struct cmd_ctx *ctx, const struct br_person *p,
		       const struct br_place *pl)
{
	out_csv(ctx->out, p->slug);
	fputc(',', ctx->out);
	out_csv(ctx->out, p->kind);
	fputc(',', ctx->out);
	out_csv(ctx->out, p->name[0]);
	fputc(',', ctx->out);
	out_csv(ctx->out, p->name[1]);
	fprintf(ctx->out, ",%lld,", (long long)p->n_events);
	out_csv(ctx->out, pl->tier);
	fputc(',', ctx->out);
	out_csv(ctx->out, pl->line_slug);
	fputc(',', ctx->out);
	out_csv(ctx->out, pl->stance_slug);
	fputs("\r\n", ctx->out);
}

static void person_md(struct cmd_ctx *ctx, const struct br_person *p,
		      const struct br_place *pl)
{
	const char *line, *stance;
	char buf[40];

	place_names(pl, ctx->lang, buf, sizeof(buf), &line, &stance);
	fputs("| ", ctx->out);
	out_md(ctx->out, p->name[0]);
	fputs(" | ", ctx->out);
	out_md(ctx->out, p->name[1]);
	fputs(" | ", ctx->out);
	out_md(ctx->out, p->kind);
	fprintf(ctx->out, " | %lld | ", (long long)p->n_events);
	out_md(ctx->out, line);
	fputs(" | ", ctx->out);
	out_md(ctx->out, stance);
	fputs(" |\n", ctx->out);
}

static void person_text(struct cmd_ctx *ctx, const struct br_person *p,
			const struct br_place *pl)
{
	const char *line, *stance;
	char buf[40];

	place_names(pl, ctx->lang, buf, sizeof(buf), &line, &stance);
	out_pad(ctx->out, p->slug, 20);
	out_pad(ctx->out, p->name[ctx->lang], 26);
	out_pad(ctx->out, p->name[!ctx->lang], 26);
	out_pad(ctx->out, p->kind, 7);
	fprintf(ctx->out, "%4lld  ", (long long)p->n_events);
	out_pad(ctx->out, line, 17);
	out_text(ctx->out, stance);
	fputc('\n', ctx->out);
}

int cmd_people(struct cmd_ctx *ctx)
{
	struct br_people list = {0};
	struct br_place pl;
	json_t *arr = NULL;
	br_instant at;
	size_t i;
	int n;

	if (cast_instant(ctx, &at))
		return 2;
	n = br_people_search(ctx->db, ctx->search, 100000, &list);
	if (n < 0) {
		br_people_free(&list);
		return report_db(ctx->db);
	}
	if (ctx->format == OUT_JSON)
		arr = json_array();
	else if (ctx->format == OUT_CSV)
		fputs("slug,kind,name_en,name_zh,events,tier,line,stance\r\n",
		      ctx->out);
	else if (ctx->format == OUT_MD)
		fputs(ctx->lang == BR_LANG_ZH ? "| Name | 名字 | Kind | Events "
						"| 路线 | 危机立场 |\n"
						"|---|---|---|---|---|---|\n"
					      : "| Name | 名字 | Kind | Events "
						"| Line | Stance |\n"
						"|---|---|---|---|---|---|\n",
		      ctx->out);
	for (i = 0; i < list.n; i++) {
		const struct br_person *p = &list.rows[i];

		if (br_place_at(ctx->db, p->id, at, &pl) < 0) {
			json_decref(arr);
			br_people_free(&list);
			return report_db(ctx->db);
		}
		switch (ctx->format) {
		case OUT_JSON:
			json_array_append_new(arr, person_json(ctx, p, &pl));
			break;
		case OUT_CSV:
			person_csv(ctx, p, &pl);
			break;
		case OUT_MD:
			person_md(ctx, p, &pl);
			break;
		case OUT_ICS: /* events only: cli.c refuses it here */
		case OUT_TIMELINEJS:
		case OUT_TEXT:
			person_text(ctx, p, &pl);
			break;
		}
	}
	if (arr) {
		out_json_print(ctx->out, arr, JSON_INDENT(2));
		fputc('\n', ctx->out);
	}
	br_people_free(&list);
	return 0;
}

/* split */

static json_t *stance_json(const struct br_member *m)
{
	char since[32];

	if (!m->stance_slug[0])
		return json_null();
	br_when_iso_utc(since, sizeof(since), m->stance_since);
	return json_pack(
		"{s:o, s:o, s:s?, s:o?}", "slug", out_json_str(m->stance_slug),
		"name", out_json_pair(m->stance[0], m->stance[1]), "since",
		m->stance_since ? since : NULL, "event",
		out_json_str(m->stance_marker[0] ? m->stance_marker : NULL));
}

json_t *cast_members_json(const struct br_member *m, size_t n, int board)
{
	json_t *a = json_array();
	char since[32];
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *o;

		br_when_iso_utc(since, sizeof(since), m[i].since);
		o = json_pack("{s:o, s:o, s:o, s:o, s:o, s:s?, s:o}", "slug",
			      out_json_str(m[i].slug), "kind",
			      out_json_str(m[i].kind), "name",
			      out_json_str(m[i].name[0]), "name_zh",
			      out_json_str(m[i].name[1]), "roles",
			      out_json_pair(m[i].titles[0], m[i].titles[1]),
			      "since", m[i].since ? since : NULL, "stance",
			      stance_json(&m[i]));
		if (board) {
			json_object_set_new(o, "seats",
					    json_integer(m[i].seats));
			json_object_set_new(o, "chair",
					    json_boolean(m[i].chair));
		}
		json_array_append_new(a, o);
	}
	return a;
}

json_t *cast_figure_json(const struct br_figure *f)
{
	char t[32];
	json_t *o =
		json_pack("{s:o, s:o, s:I, s:o}", "code", out_json_str(f->code),
			  "name", out_json_pair(f->name[0], f->name[1]),
			  "value", (json_int_t)f->value, "shown",
			  out_json_pair(f->shown[0], f->shown[1]));

	if (f->total)
		json_object_set_new(o, "total", json_integer(f->total));
	br_when_iso_utc(t, sizeof(t), f->ts);
	json_object_set_new(o, "since", out_json_str(t));
	if (f->ended) {
		br_when_iso_utc(t, sizeof(t), f->until);
		json_object_set_new(o, "until", out_json_str(t));
	}
	if (f->marker[0])
		json_object_set_new(o, "event", out_json_str(f->marker));
	return o;
}

static json_t *split_json(const struct br_split *s)
{
	json_t *sides = json_array(), *figs = json_array(), *o;
	char at[32];
	size_t i;

	for (i = 0; i < s->n_sides; i++)
		json_array_append_new(
			sides, json_pack("{s:o?, s:o, s:I, s:o}", "faction",
					 out_json_str(s->sides[i].id > 0
							      ? s->sides[i].slug
							      : NULL),
					 "name",
					 out_json_pair(s->sides[i].name[0],
						       s->sides[i].name[1]),
					 "total", (json_int_t)s->sides[i].total,
					 "members",
					 cast_members_json(s->sides[i].members,
							   s->sides[i].n, 0)));
	for (i = 0; i < s->n_figures; i++)
		json_array_append_new(figs, cast_figure_json(&s->figures[i]));
	for (i = 0; i < s->n_past; i++)
		json_array_append_new(figs, cast_figure_json(&s->past[i]));
	br_when_iso_utc(at, sizeof(at), s->at);
	o = json_pack("{s:s, s:o, s:I, s:o, s:o, s:o}", "at", at, "ceo",
		      cast_members_json(s->chiefs, s->n_chiefs, 0),
		      "board_seats", (json_int_t)s->board_seats, "board",
		      cast_members_json(s->board, s->n_board, 1), "sides",
		      sides, "figures", figs);
	if (s->last_id)
		json_object_set_new(
			o, "last_event",
			json_pack("{s:o?, s:o}", "marker",
				  out_json_str(s->last_marker[0]
						       ? s->last_marker
						       : NULL),
				  "title",
				  out_json_pair(s->last_title[0],
						s->last_title[1])));
	return o;
}

/* split's text and Markdown are the same lines: Markdown has each item
 * of the list escaped, and starts each line as a list item. */
static void put(struct cmd_ctx *ctx, const char *s)
{
	if (ctx->format == OUT_MD)
		out_md(ctx->out, s);
	else
		out_text(ctx->out, s);
}

static void item(struct cmd_ctx *ctx)
{
	if (ctx->format == OUT_MD)
		fputs("- ", ctx->out);
}

/* A member as the split's text shows them: the name; for a group on the
 * board the seats it holds; the chair; the roles if asked; the crisis
 * stance but for "neither". */
static void member_text(struct cmd_ctx *ctx, const struct br_member *m,
			int board, int with_titles)
{
	int zh = ctx->lang == BR_LANG_ZH;

	put(ctx, m->name[ctx->lang]);
	if (board && m->seats > 1)
		fprintf(ctx->out, zh ? "（%lld席）" : " (%lld seats)",
			(long long)m->seats);
	if (board && m->chair)
		fputs(zh ? "（主席）" : " (chair)", ctx->out);
	if (with_titles && m->titles[ctx->lang][0]) {
		put(ctx, " [");
		put(ctx, m->titles[ctx->lang]);
		put(ctx, "]");
	}
	if (!board && m->stance_slug[0]) {
		put(ctx, zh ? "〈" : " <");
		put(ctx, m->stance[ctx->lang]);
		put(ctx, zh ? "〉" : ">");
	}
}

static void names_text(struct cmd_ctx *ctx, const struct br_member *m, size_t n,
		       int board, int with_titles)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			fputs(ctx->lang == BR_LANG_ZH ? "、" : ", ", ctx->out);
		member_text(ctx, &m[i], board, with_titles);
	}
	if (!n)
		put(ctx, "-");
	fputc('\n', ctx->out);
}

static const char *figure_shown(const struct br_figure *f, enum br_lang lang,
				char *buf, size_t len)
{
	if (f->shown[lang][0])
		return f->shown[lang];
	if (f->total)
		snprintf(buf, len, "%lld/%lld", (long long)f->value,
			 (long long)f->total);
	else
		snprintf(buf, len, "%lld", (long long)f->value);
	return buf;
}

/* Text, or Markdown (ctx->format): the moment, then a line (an item) for
 * the last event, the CEO, the board, each side and each figure. */
static void split_text(struct cmd_ctx *ctx, const struct br_split *s)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	int zh = ctx->lang == BR_LANG_ZH;
	char when[64], clock[16], buf[64], from[64], until[64];
	size_t i;

	br_when_format(when, sizeof(when), s->at, s->at, BR_PREC_MINUTE, 0,
		       &ctx->zone, ctx->lang, BR_WHEN_LONG);
	br_when_clock_prec(clock, sizeof(clock), s->at, m->window_start,
			   BR_PREC_MINUTE);
	put(ctx, zh ? "截至" : "As of");
	fputc(' ', ctx->out);
	put(ctx, when);
	fputc(' ', ctx->out);
	put(ctx, br_zone_label(&ctx->zone, ctx->lang, 0));
	fputs(zh ? "（" : " (", ctx->out);
	put(ctx, clock);
	fputs(zh ? "）" : ")", ctx->out);
	fputs(ctx->format == OUT_MD ? "\n\n" : "\n", ctx->out);
	if (s->last_id) {
		item(ctx);
		fputs(zh ? "此前最后一个事件：" : "Last event: ", ctx->out);
		put(ctx, s->last_marker);
		fputs(s->last_marker[0] ? " " : "", ctx->out);
		put(ctx, s->last_title[ctx->lang]);
		fputc('\n', ctx->out);
	}
	item(ctx);
	fputs(zh ? "CEO：" : "CEO: ", ctx->out);
	names_text(ctx, s->chiefs, s->n_chiefs, 0, 1);
	item(ctx);
	fprintf(ctx->out, zh ? "董事会（%lld席）：" : "Board (%lld seats): ",
		(long long)s->board_seats);
	names_text(ctx, s->board, s->n_board, 1, 0);
	for (i = 0; i < s->n_sides; i++) {
		if (s->sides[i].id <= 0 && !s->sides[i].total)
			continue; /* nobody without a line */
		item(ctx);
		put(ctx, s->sides[i].name[ctx->lang]);
		fprintf(ctx->out,
			zh ? "（%zu）：" : " (%zu): ", s->sides[i].total);
		names_text(ctx, s->sides[i].members, s->sides[i].n, 0, 0);
	}
	for (i = 0; i < s->n_figures; i++) {
		item(ctx);
		put(ctx, s->figures[i].name[ctx->lang]);
		fputs(zh ? "：" : ": ", ctx->out);
		put(ctx,
		    figure_shown(&s->figures[i], ctx->lang, buf, sizeof(buf)));
		fputc('\n', ctx->out);
	}
	for (i = 0; i < s->n_past; i++) {
		const struct br_figure *f = &s->past[i];

		br_when_format(from, sizeof(from), f->t_min, f->t_max,
			       f->precision, 0, &ctx->zone, ctx->lang,
			       cmd_when_style(ctx, BR_WHEN_MEDIUM, f->t_min));
		br_when_format(until, sizeof(until), f->until, f->until,
			       BR_PREC_MINUTE, 0, &ctx->zone, ctx->lang,
			       cmd_when_style(ctx, BR_WHEN_MEDIUM, f->until));
		item(ctx);
		put(ctx, zh ? "（已过去）" : "(past) ");
		put(ctx, f->name[ctx->lang]);
		fputs(zh ? "：" : ": ", ctx->out);
		put(ctx, figure_shown(f, ctx->lang, buf, sizeof(buf)));
		if (f->until <= f->ts) /* a figure of one moment: a vote */
			fprintf(ctx->out, zh ? "（%s）\n" : " (%s)\n", from);
		else
			fprintf(ctx->out,
				zh ? "（%s起，%s止）\n" : " (%s, until %s)\n",
				from, until);
	}
}

static void split_csv(struct cmd_ctx *ctx, const struct br_split *s)
{
	size_t i, j;

	fputs("line,slug,name_en,name_zh,stance\r\n", ctx->out);
	for (i = 0; i < s->n_sides; i++) {
		for (j = 0; j < s->sides[i].n; j++) {
			const struct br_member *m = &s->sides[i].members[j];

			out_csv(ctx->out, s->sides[i].slug);
			fputc(',', ctx->out);
			out_csv(ctx->out, m->slug);
			fputc(',', ctx->out);
			out_csv(ctx->out, m->name[0]);
			fputc(',', ctx->out);
			out_csv(ctx->out, m->name[1]);
			fputc(',', ctx->out);
			out_csv(ctx->out, m->stance_slug);
			fputs("\r\n", ctx->out);
		}
	}
}

int cmd_split(struct cmd_ctx *ctx)
{
	struct br_split s = {0};
	br_instant at = br_db_meta(ctx->db)->window_end;

	if (ctx->at_text) {
		struct br_when w;

		if (cmd_parse_when(ctx, ctx->at_text, &w))
			return 2;
		at = w.at; /* the instant a WHEN names: see goto */
	}
	if (br_split_at(ctx->db, at, 0, &s) < 0) {
		br_split_free(&s);
		return report_db(ctx->db);
	}
	switch (ctx->format) {
	case OUT_JSON:
		out_json_print(ctx->out, split_json(&s), JSON_INDENT(2));
		fputc('\n', ctx->out);
		break;
	case OUT_CSV:
		split_csv(ctx, &s);
		break;
	case OUT_ICS: /* events only: cli.c refuses it here */
	case OUT_TIMELINEJS:
	case OUT_MD:
	case OUT_TEXT:
		split_text(ctx, &s);
		break;
	}
	br_split_free(&s);
	return 0;
}
