/* compare: the compare command, what changed between two moments (the
 * model's br_compare_run) in text, Markdown or JSON; the events in
 * between are read a page at a time and written as they come. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/compare.h"
#include "boardroom/scan.h"
#include "cli/commands.h"
#include "cli/export.h"
#include "cli/report.h"

/* A format string in ctx's language, so the compiler still checks it. */
#define TR(ctx, en, zh) ((ctx)->lang == BR_LANG_ZH ? (zh) : (en))

/* The events between are read this many at a time. */

/* The two ends: --from and --to as moments (the first instant each
 * names); one missing is the crisis window's start or end. */
static int compare_ends(struct cmd_ctx *ctx, br_instant *from, br_instant *to)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	struct br_when a, b;
	char ta[40], tb[40];

	if (!ctx->from_text && !ctx->to_text)
		return report_fail("compare needs --from WHEN, --to WHEN or "
				   "both (see boardroom compare --help)");
	*from = m->window_start;
	*to = m->window_end;
	if (ctx->from_text) {
		if (cmd_parse_when(ctx, ctx->from_text, &a))
			return 2;
		*from = a.at;
	}
	if (ctx->to_text) {
		if (cmd_parse_when(ctx, ctx->to_text, &b))
			return 2;
		*to = b.at;
	}
	if (*from > *to) {
		br_when_format(ta, sizeof(ta), *from, *from, BR_PREC_MINUTE, 0,
			       &ctx->zone, BR_LANG_EN, BR_WHEN_ISO);
		br_when_format(tb, sizeof(tb), *to, *to, BR_PREC_MINUTE, 0,
			       &ctx->zone, BR_LANG_EN, BR_WHEN_ISO);
		return report_fail("--from (%s) is later than --to (%s)", ta,
				   tb);
	}
	return 0;
}

/* An instant as the split's header writes it, in ctx's zone. */
static void moment(struct cmd_ctx *ctx, br_instant t, int style, char *buf,
		   size_t len)
{
	br_when_format(buf, len, t, t, BR_PREC_MINUTE, 0, &ctx->zone, ctx->lang,
		       cmd_when_style(ctx, (enum br_when_style)style, t));
}

/* A stretch from a to b as "Fri Nov 17 11:00 – 12:00": the day once when
 * both ends fall on it. */
static void stretch(struct cmd_ctx *ctx, br_instant a, br_instant b, char *buf,
		    size_t len)
{
	char x[64], y[64];
	const char *sx = NULL, *sy = NULL;

	moment(ctx, a, BR_WHEN_MEDIUM, x, sizeof(x));
	moment(ctx, b, BR_WHEN_MEDIUM, y, sizeof(y));
	sx = strrchr(x, ' ');
	sy = strrchr(y, ' ');
	if (sx && sy && sx - x == sy - y && !strncmp(x, y, (size_t)(sx - x)))
		snprintf(buf, len, "%s – %s", x, sy + 1);
	else
		snprintf(buf, len, "%s – %s", x, y);
}

/* JSON */

static json_t *iso(br_instant t)
{
	char buf[32];

	br_when_iso_utc(buf, sizeof(buf), t);
	return json_string(buf);
}

static json_t *member_refs_json(const struct br_member *const *m, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *one = cast_members_json(m[i], 1, 1);

		json_array_append(a, json_array_get(one, 0));
		json_decref(one);
	}
	return a;
}

static json_t *seats_json(const struct br_member *const *m, size_t n,
			  int64_t seats)
{
	return json_pack("{s:I, s:o}", "seats", (json_int_t)seats, "members",
			 member_refs_json(m, n));
}

static json_t *pair_or_null(const char *slug, const char *const names[2])
{
	return slug[0] ? json_pack("{s:o, s:o}", "slug", out_json_str(slug),
				   "name", out_json_pair(names[0], names[1]))
		       : json_null();
}

static json_t *place_json(const struct br_compare_place *p)
{
	return json_pack("{s:b, s:o, s:o}", "placed", p->placed, "line",
			 pair_or_null(p->line_slug, p->line), "stance",
			 pair_or_null(p->stance_slug, p->stance));
}

static json_t *mover_json(const struct br_compare_mover *m)
{
	json_t *moves = json_array();
	size_t i;

	for (i = 0; i < m->n_moves; i++) {
		const struct br_change *ch = &m->moves[i];

		json_array_append_new(
			moves,
			json_pack(
				"{s:o, s:s, s:o?, s:o, s:o}", "at", iso(ch->ts),
				"axis", ch->axis, "event",
				out_json_str(ch->marker[0] ? ch->marker : NULL),
				"from",
				ch->from[0][0] || ch->from[1][0]
					? out_json_pair(ch->from[0],
							ch->from[1])
					: json_null(),
				"to",
				ch->to[0][0] || ch->to[1][0]
					? out_json_pair(ch->to[0], ch->to[1])
					: json_null()));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "slug",
			 out_json_str(m->slug), "kind", out_json_str(m->kind),
			 "name", out_json_str(m->name[0]), "name_zh",
			 out_json_str(m->name[1]), "then", place_json(&m->then),
			 "now", place_json(&m->now), "moves", moves);
}

static json_t *chiefs_json(const struct br_compare *c)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < c->n_chiefs; i++) {
		const struct br_tenure *t = &c->chiefs[i];
		json_t *o = json_pack("{s:o, s:o}", "from", iso(t->from), "to",
				      iso(t->to));

		json_object_set_new(
			o, "ceo",
			t->person_id ? json_pack("{s:o, s:o, s:o}", "slug",
						 out_json_str(t->slug), "name",
						 out_json_pair(t->name[0],
							       t->name[1]),
						 "title",
						 out_json_pair(t->title[0],
							       t->title[1]))
				     : json_null());
		if (t->began && t->since_marker[0])
			json_object_set_new(o, "began",
					    out_json_str(t->since_marker));
		if (t->ended && t->until_marker[0])
			json_object_set_new(o, "ended",
					    out_json_str(t->until_marker));
		json_array_append_new(a, o);
	}
	return a;
}

/* Everything but the events, which are written after it as they come. */
static json_t *compare_json(const struct br_compare *c)
{
	json_t *movers = json_array(), *figs = json_array();
	size_t i;

	for (i = 0; i < c->n_movers; i++)
		json_array_append_new(movers, mover_json(&c->movers[i]));
	for (i = 0; i < c->n_figures; i++) {
		const struct br_compare_figure *f = &c->figures[i];

		json_array_append_new(
			figs,
			json_pack("{s:o, s:o, s:o, s:o, s:b}", "code",
				  out_json_str(f->code), "name",
				  out_json_pair(f->name[0], f->name[1]), "then",
				  f->then ? cast_figure_json(f->then)
					  : json_null(),
				  "now",
				  f->now ? cast_figure_json(f->now)
					 : json_null(),
				  "changed", f->changed));
	}
	return json_pack(
		"{s:o, s:o, s:{s:o, s:o, s:o}, s:{s:I, s:I, s:o, s:o, s:o},"
		" s:{s:I, s:o}, s:o}",
		"from", iso(c->from), "to", iso(c->to), "ceo", "then",
		cast_members_json(c->then.chiefs, c->then.n_chiefs, 0), "now",
		cast_members_json(c->now.chiefs, c->now.n_chiefs, 0), "between",
		chiefs_json(c), "board", "seats_then",
		(json_int_t)c->then.board_seats, "seats_now",
		(json_int_t)c->now.board_seats, "vacated",
		seats_json(c->vacated, c->n_vacated, c->seats_vacated),
		"filled", seats_json(c->filled, c->n_filled, c->seats_filled),
		"kept", seats_json(c->kept, c->n_kept, c->seats_kept), "movers",
		"total", (json_int_t)c->total_movers, "people", movers,
		"figures", figs);
}

/* Text and Markdown: the same lines; Markdown has headings and items. */

static void put(struct cmd_ctx *ctx, const char *s)
{
	if (ctx->format == OUT_MD)
		out_md(ctx->out, s);
	else
		out_text(ctx->out, s);
}

/* A heading: "## CEO" in Markdown, the words and a colon in text. */
static void heading(struct cmd_ctx *ctx, const char *en, const char *zh)
{
	const char *w = ctx->lang == BR_LANG_ZH ? zh : en;

	if (ctx->format == OUT_MD)
		fprintf(ctx->out, "\n## %s\n\n", w);
	else
		fprintf(ctx->out, "%s%s\n", w,
			ctx->lang == BR_LANG_ZH ? "：" : ":");
}

static void item(struct cmd_ctx *ctx)
{
	fputs(ctx->format == OUT_MD ? "- " : "  ", ctx->out);
}

static const char *tr(struct cmd_ctx *ctx, const char *en, const char *zh)
{
	return ctx->lang == BR_LANG_ZH ? zh : en;
}

static void member_name(struct cmd_ctx *ctx, const struct br_member *m)
{
	int zh = ctx->lang == BR_LANG_ZH;

	put(ctx, m->name[ctx->lang]);
	if (m->seats > 1)
		fprintf(ctx->out, zh ? "（%lld席）" : " (%lld seats)",
			(long long)m->seats);
	if (m->chair)
		fputs(zh ? "（主席）" : " (chair)", ctx->out);
}

static void chiefs_names(struct cmd_ctx *ctx, const struct br_split *s)
{
	size_t i;

	for (i = 0; i < s->n_chiefs; i++) {
		if (i)
			fputs(ctx->lang == BR_LANG_ZH ? "、" : ", ", ctx->out);
		put(ctx, s->chiefs[i].name[ctx->lang]);
	}
	if (!s->n_chiefs)
		put(ctx, tr(ctx, "none", "无"));
}

static void ceo_text(struct cmd_ctx *ctx, const struct br_compare *c)
{
	char a[160];
	size_t i;

	heading(ctx, "CEO", "CEO");
	item(ctx);
	chiefs_names(ctx, &c->then);
	fputs(" → ", ctx->out);
	chiefs_names(ctx, &c->now);
	fputc('\n', ctx->out);
	for (i = 0; i < c->n_chiefs; i++) {
		const struct br_tenure *t = &c->chiefs[i];

		stretch(ctx, t->from, t->to, a, sizeof(a));
		item(ctx);
		fprintf(ctx->out, "%s%s  ", ctx->format == OUT_MD ? "" : "  ",
			a);
		if (t->person_id) {
			put(ctx, t->name[ctx->lang]);
			fputs(ctx->lang == BR_LANG_ZH ? "（" : " (", ctx->out);
			put(ctx, t->title[ctx->lang]);
			fputs(ctx->lang == BR_LANG_ZH ? "）" : ")", ctx->out);
		} else {
			put(ctx, tr(ctx, "(no CEO)", "（无CEO）"));
		}
		if (t->began && t->since_marker[0]) {
			fputs(tr(ctx, ", from ", "，始于"), ctx->out);
			put(ctx, t->since_marker);
		}
		if (t->ended && t->until_marker[0]) {
			fputs(tr(ctx, ", ended by ", "，止于"), ctx->out);
			put(ctx, t->until_marker);
		}
		fputc('\n', ctx->out);
	}
}

static void seats_line(struct cmd_ctx *ctx, const char *en, const char *zh,
		       const struct br_member *const *m, size_t n,
		       int64_t seats)
{
	size_t i;

	item(ctx);
	fprintf(ctx->out,
		ctx->lang == BR_LANG_ZH ? "%s（%lld席）：" : "%s (%lld %s): ",
		tr(ctx, en, zh), (long long)seats,
		ctx->lang == BR_LANG_ZH ? ""
		: seats == 1		? "seat"
					: "seats");
	for (i = 0; i < n; i++) {
		if (i)
			fputs(ctx->lang == BR_LANG_ZH ? "、" : ", ", ctx->out);
		member_name(ctx, m[i]);
	}
	if (!n)
		put(ctx, "-");
	fputc('\n', ctx->out);
}

static void board_text(struct cmd_ctx *ctx, const struct br_compare *c)
{
	heading(ctx, "Board", "董事会");
	item(ctx);
	fprintf(ctx->out,
		ctx->lang == BR_LANG_ZH ? "%lld席 → %lld席\n"
					: "%lld seats → %lld seats\n",
		(long long)c->then.board_seats, (long long)c->now.board_seats);
	seats_line(ctx, "Vacated", "空出", c->vacated, c->n_vacated,
		   c->seats_vacated);
	seats_line(ctx, "Filled", "补上", c->filled, c->n_filled,
		   c->seats_filled);
	seats_line(ctx, "Kept", "留任", c->kept, c->n_kept, c->seats_kept);
}

static void mover_text(struct cmd_ctx *ctx, const struct br_compare_mover *m)
{
	char when[64];
	size_t i;
	int k;

	item(ctx);
	put(ctx, m->name[ctx->lang]);
	fputs(tr(ctx, ": ", "："), ctx->out);
	if (!m->then.placed || !m->now.placed) {
		/* Placed at one end only: where they stood at the other. */
		const struct br_compare_place *p =
			m->then.placed ? &m->then : &m->now;

		put(ctx, m->then.placed
				 ? ""
				 : tr(ctx, "not placed → ", "未列入阵营 → "));
		fputs(tr(ctx, "line ", "路线"), ctx->out);
		put(ctx, br_compare_side_words(p, 0, ctx->lang));
		fputs(tr(ctx, ", stance ", "，立场"), ctx->out);
		put(ctx, br_compare_side_words(p, 1, ctx->lang));
		put(ctx, m->then.placed
				 ? tr(ctx, " → not placed", " → 未列入阵营")
				 : "");
	}
	for (k = 0; m->then.placed && m->now.placed && k < 2; k++) {
		const char *a = br_compare_side_words(&m->then, k, ctx->lang);
		const char *b = br_compare_side_words(&m->now, k, ctx->lang);

		fputs(k ? tr(ctx, "; stance ", "；立场")
			: tr(ctx, "line ", "路线"),
		      ctx->out);
		put(ctx, a);
		if (strcmp(a, b)) {
			fputs(" → ", ctx->out);
			put(ctx, b);
		}
	}
	fputc('\n', ctx->out);
	for (i = 0; i < m->n_moves; i++) {
		const struct br_change *ch = &m->moves[i];
		int stance = !strcmp(ch->axis, "crisis");

		moment(ctx, ch->ts, BR_WHEN_MEDIUM, when, sizeof(when));
		fputs(ctx->format == OUT_MD ? "  - " : "      ", ctx->out);
		put(ctx, when);
		fputs("  ", ctx->out);
		if (ch->marker[0]) {
			put(ctx, ch->marker);
			fputs("  ", ctx->out);
		}
		fputs(stance ? tr(ctx, "stance ", "立场")
			     : tr(ctx, "line ", "路线"),
		      ctx->out);
		put(ctx, ch->from[ctx->lang][0] ? ch->from[ctx->lang]
			 : stance ? tr(ctx, "neither", "两边都不站")
				  : tr(ctx, "no line stated", "未表明路线"));
		fputs(" → ", ctx->out);
		put(ctx, ch->to[ctx->lang][0] ? ch->to[ctx->lang]
			 : stance ? tr(ctx, "neither", "两边都不站")
				  : tr(ctx, "no line stated", "未表明路线"));
		fputc('\n', ctx->out);
	}
}

static const char *figure_value(struct cmd_ctx *ctx, const struct br_figure *f,
				char *buf, size_t len)
{
	if (!f)
		return "-";
	if (f->shown[ctx->lang][0])
		snprintf(buf, len, "%s", f->shown[ctx->lang]);
	else if (f->total)
		snprintf(buf, len, "%lld/%lld", (long long)f->value,
			 (long long)f->total);
	else
		snprintf(buf, len, "%lld", (long long)f->value);
	return buf;
}

/* A figure's life: since its event, or past with its dates (a vote, a
 * figure of one moment, has no until). */
static const char *figure_life(struct cmd_ctx *ctx, const struct br_figure *f,
			       char *buf, size_t len)
{
	char from[64], until[64];

	br_when_format(from, sizeof(from), f->t_min, f->t_max, f->precision, 0,
		       &ctx->zone, ctx->lang,
		       cmd_when_style(ctx, BR_WHEN_MEDIUM, f->t_min));
	moment(ctx, f->until, BR_WHEN_MEDIUM, until, sizeof(until));
	if (!f->ended)
		snprintf(buf, len, TR(ctx, " (since %s)", "（自%s起）"), from);
	else if (f->until <= f->ts)
		snprintf(buf, len, TR(ctx, " (past: %s)", "（已过去：%s）"),
			 from);
	else
		snprintf(buf, len,
			 TR(ctx, " (past: %s, until %s)",
			    "（已过去：%s起，%s止）"),
			 from, until);
	return buf;
}

static void figures_text(struct cmd_ctx *ctx, const struct br_compare *c)
{
	char a[160], b[160];
	size_t i;

	heading(ctx, "Figures", "数字");
	for (i = 0; i < c->n_figures; i++) {
		const struct br_compare_figure *f = &c->figures[i];

		item(ctx);
		put(ctx, f->name[ctx->lang]);
		fputs(tr(ctx, ": ", "："), ctx->out);
		put(ctx, figure_value(ctx, f->then, a, sizeof(a)));
		if (f->then && f->changed)
			put(ctx, figure_life(ctx, f->then, a, sizeof(a)));
		if (f->changed) {
			fputs(" → ", ctx->out);
			put(ctx, figure_value(ctx, f->now, b, sizeof(b)));
			if (f->now)
				put(ctx,
				    figure_life(ctx, f->now, b, sizeof(b)));
		} else {
			fputs(tr(ctx, ", unchanged", "，未变"), ctx->out);
			put(ctx, figure_life(ctx, f->now, b, sizeof(b)));
		}
		fputc('\n', ctx->out);
	}
	if (!c->n_figures) {
		item(ctx);
		fputs("-\n", ctx->out);
	}
}

static void compare_text(struct cmd_ctx *ctx, const struct br_compare *c)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	char a[64], b[64], ca[16], cb[16];
	size_t i;

	moment(ctx, c->from, BR_WHEN_LONG, a, sizeof(a));
	moment(ctx, c->to, BR_WHEN_LONG, b, sizeof(b));
	br_when_clock_prec(ca, sizeof(ca), c->from, m->window_start,
			   BR_PREC_MINUTE);
	br_when_clock_prec(cb, sizeof(cb), c->to, m->window_start,
			   BR_PREC_MINUTE);
	if (ctx->format == OUT_MD)
		fputs("# ", ctx->out);
	/* As the explorer heads its comparison. */
	fputs(tr(ctx, "From ", "从 "), ctx->out);
	put(ctx, a);
	fputc(' ', ctx->out);
	put(ctx, br_zone_label(&ctx->zone, ctx->lang, 0));
	fprintf(ctx->out, TR(ctx, " (%s) to ", "（%s）到 "), ca);
	put(ctx, b);
	fprintf(ctx->out, TR(ctx, " (%s)\n", "（%s）\n"), cb);
	ceo_text(ctx, c);
	board_text(ctx, c);
	if (ctx->format == OUT_MD)
		fprintf(ctx->out, "\n## %s (%lld)\n\n",
			tr(ctx, "Moved", "立场变化"),
			(long long)c->total_movers);
	else
		fprintf(ctx->out, TR(ctx, "%s (%lld):\n", "%s（%lld）：\n"),
			tr(ctx, "Moved", "立场变化"),
			(long long)c->total_movers);
	for (i = 0; i < c->n_movers; i++)
		mover_text(ctx, &c->movers[i]);
	figures_text(ctx, c);
	if (ctx->format == OUT_MD)
		fprintf(ctx->out,
			TR(ctx, "\n## %s (%lld)\n\n", "\n## %s（%lld）\n\n"),
			tr(ctx, "Events in between", "其间的事件"),
			(long long)c->n_events);
	else
		fprintf(ctx->out, TR(ctx, "%s (%lld):\n", "%s（%lld）：\n"),
			tr(ctx, "Events in between", "其间的事件"),
			(long long)c->n_events);
}

/* One event of the JSON list, on a line of its own. */
static void event_json_line(struct cmd_ctx *ctx, const struct br_detail *d,
			    int first)
{
	json_t *o = export_event_json(ctx, d);
	char *s = json_dumps(o, JSON_COMPACT);

	fprintf(ctx->out, "%s      %s", first ? "" : ",\n", s ? s : "null");
	free(s);
	json_decref(o);
}

/* The events in (from, to], as an export reads them (br_scan: one read
 * transaction, a page at a time), up to --limit: as JSON (json) or in
 * ctx->format. */
static int compare_events(struct cmd_ctx *ctx, const struct br_compare *c,
			  int json)
{
	const struct br_detail *d;
	struct br_filter f;
	struct br_scan *scan;
	int first = 1, rc;

	if (ctx->limit == 0)
		return 0;
	br_compare_filter(c, NULL, &f);
	scan = br_scan_open(ctx->db, &f, NULL,
			    ctx->limit < 0 ? -1 : ctx->limit);
	if (!scan)
		return -1;
	if (!json && ctx->format == OUT_MD)
		export_begin(ctx);
	while ((rc = br_scan_next(scan, &d)) == 1) {
		if (json)
			event_json_line(ctx, d, first);
		else if (ctx->format == OUT_MD)
			export_event(ctx, d, first);
		else
			export_event_text(ctx, &d->ev);
		first = 0;
	}
	br_scan_close(scan);
	if (rc < 0)
		return -1;
	if (!json && ctx->format == OUT_MD)
		export_end(ctx, first);
	return 0;
}

int cmd_compare(struct cmd_ctx *ctx)
{
	struct br_compare c = {0};
	br_instant from = 0, to = 0;
	int rc = compare_ends(ctx, &from, &to);

	if (rc)
		return rc;
	if (ctx->format == OUT_CSV)
		return report_fail("--format csv does not apply to compare "
				   "(text, json, md)");
	if (br_compare_run(ctx->db, from, to, 0, &c) < 0) {
		br_compare_free(&c);
		return report_db(ctx->db);
	}
	if (ctx->format == OUT_JSON) {
		json_t *o = compare_json(&c);
		char *head = json_dumps(o, JSON_INDENT(2));
		char *end = head ? strrchr(head, '}') : NULL;

		json_decref(o);
		/* The object without its closing brace, then the events. */
		if (end) {
			while (end > head && end[-1] == '\n')
				end--;
			fprintf(ctx->out,
				"%.*s,\n  \"events\": {\n    \"count\": %lld,\n"
				"    \"list\": [\n",
				(int)(end - head), head, (long long)c.n_events);
		}
		free(head);
		if (!end || compare_events(ctx, &c, 1) < 0)
			rc = report_db(ctx->db);
		else
			fputs("\n    ]\n  }\n}\n", ctx->out);
	} else {
		compare_text(ctx, &c);
		if (compare_events(ctx, &c, 0) < 0)
			rc = report_db(ctx->db);
	}
	br_compare_free(&c);
	return rc;
}
