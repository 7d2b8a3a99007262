/* lanes: the sides over time, one lane an actor, for a terminal (text)
 * or an article (one standalone SVG picture). */
#include "cli/lanes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/lanes.h"
#include "boardroom/text.h"
#include "cli/report.h"

/* The glyph of a side in text: none, then each side of the axis. */
static const char *const glyphs[] = {"-", "=", "#", "%", "+"};
/* The colour of a side in the picture, in the same order. */
static const char *const colours[] = {"#b4b4b4", "#2a9d4b", "#c2185b",
				      "#1f6fd1", "#f08c00"};

static const char *glyph(int side)
{
	return glyphs[side < 0 ? 0 : side < 5 ? side : 4];
}

static const char *colour(int side)
{
	return colours[side < 0 ? 0 : side < 5 ? side : 4];
}

static const char *tr(const struct cmd_ctx *ctx, const char *en, const char *zh)
{
	return ctx->lang == BR_LANG_ZH ? zh : en;
}

/* The range: --from and --to, else the crisis window's days. */
static int range(struct cmd_ctx *ctx, br_instant *from, br_instant *to)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	struct tm tm;

	if (ctx->filter.from != BR_INSTANT_MIN) {
		*from = ctx->filter.from;
	} else {
		br_zone_local(&ctx->zone, m->window_start, &tm, NULL);
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		*from = br_zone_instant(&ctx->zone, &tm);
	}
	if (ctx->filter.to != BR_INSTANT_MAX) {
		*to = ctx->filter.to + 1;
	} else {
		br_zone_local(&ctx->zone, m->window_end, &tm, NULL);
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		tm.tm_mday++;
		*to = br_zone_instant(&ctx->zone, &tm);
	}
	if (*from >= *to)
		return report_fail("--from must be before --to: the lanes "
				   "would be empty");
	return 0;
}

static int parse_width(const struct cmd_ctx *ctx, int svg, int *out)
{
	int lo = svg ? 480 : 20, hi = svg ? 4000 : 400;
	char *end;
	long v;

	*out = svg ? 1200 : 80;
	if (!ctx->width_text)
		return 0;
	errno = 0;
	v = strtol(ctx->width_text, &end, 10);
	if (errno || *end || end == ctx->width_text || v < lo || v > hi)
		return report_fail("bad --width '%.40s': a number from %d to "
				   "%d is needed%s",
				   ctx->width_text, lo, hi,
				   svg ? " (pixels)" : " (columns)");
	*out = (int)v;
	return 0;
}

static const char *lane_name(const struct cmd_ctx *ctx,
			     const struct br_lane *lane)
{
	if (lane->kind == BR_LANE_CHIEF)
		return tr(ctx, "CEO", "首席执行官");
	if (lane->kind == BR_LANE_BOARD)
		return tr(ctx, "Board seats", "董事会席位");
	return br_pick(lane->name, ctx->lang);
}

/* The letter of a CEO's stretch: their English last name's first. */
static char chief_letter(const struct br_lane_span *s)
{
	const char *last = strrchr(s->name[0], ' ');
	char c = last ? last[1] : s->name[0][0];

	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : '?';
}

/* A lane's cell at column col, for text. */
static void cell(const struct br_lanes *l, const struct br_lane *lane, int col,
		 char out[8])
{
	const struct br_lane_span *s =
		br_lane_span_at(lane, br_lanes_col_start(l, col));

	out[0] = ' ';
	out[1] = '\0';
	if (lane->kind == BR_LANE_ACTOR && lane->marks[col].on) {
		strcpy(out, "o");
		return;
	}
	if (!s)
		return;
	if (lane->kind == BR_LANE_CHIEF) {
		out[0] = chief_letter(s);
	} else if (lane->kind == BR_LANE_BOARD) {
		out[0] = s->seats > 9 ? '+' : (char)('0' + s->seats);
	} else {
		strcpy(out, glyph(s->side));
	}
}

/* The style of a time in the lanes: MEDIUM, with the year outside the
 * dataset's year. */
static enum br_when_style lanes_style(struct cmd_ctx *ctx, br_instant t)
{
	return cmd_when_style(ctx, BR_WHEN_MEDIUM, t);
}

static void text_lanes(struct cmd_ctx *ctx, const struct br_lanes *l, int nw)
{
	struct br_lanes_tick ticks[512];
	size_t n_ticks = br_lanes_ticks(l, &ctx->zone, ctx->lang, 9, ticks,
					BR_ARRAY_SIZE(ticks)),
	       i, k;
	char buf[1024], name[128];
	const char *sep;
	int col, pos;

	br_when_format(buf, sizeof(buf), l->from, l->from, BR_PREC_MINUTE, 0,
		       &ctx->zone, ctx->lang, lanes_style(ctx, l->from));
	fprintf(ctx->out, "%s%s", tr(ctx, "Lanes, ", "阵营泳道："), buf);
	br_when_format(buf, sizeof(buf), l->to, l->to, BR_PREC_MINUTE, 0,
		       &ctx->zone, ctx->lang, lanes_style(ctx, l->to));
	fprintf(ctx->out,
		ctx->lang == BR_LANG_ZH ? " – %s %s（%s）\n"
					: " – %s %s (%s)\n",
		buf, br_zone_label(&ctx->zone, ctx->lang, 0),
		l->axis == BR_LANES_LINE
			? tr(ctx, "line", "路线")
			: tr(ctx, "crisis stance", "危机立场"));
	/* The grid: a | at each tick, its label after it. */
	fprintf(ctx->out, "%*s", nw + 1, "");
	for (col = 0, k = 0; col < l->width && k < n_ticks;) {
		if (k < n_ticks && ticks[k].col == col) {
			int w = br_text_width(ticks[k].label,
					      strlen(ticks[k].label));
			int room = (k + 1 < n_ticks ? ticks[k + 1].col
						    : l->width) -
				   col - 1;

			fputc('|', ctx->out);
			if (w <= room) {
				out_text(ctx->out, ticks[k].label);
				col += w;
			}
			col++;
			k++;
			continue;
		}
		fputc(' ', ctx->out);
		col++;
	}
	fputc('\n', ctx->out);
	for (i = 0; i < l->n; i++) {
		const struct br_lane *lane = &l->lanes[i];
		char c[8];
		int w = br_lanes_short_name(lane_name(ctx, lane), nw, name,
					    sizeof(name));

		out_text(ctx->out, name);
		fprintf(ctx->out, "%*s", nw + 1 - w, "");
		for (col = 0, pos = 0; col < l->width; col++) {
			cell(l, lane, col, c);
			pos += snprintf(buf + pos, sizeof(buf) - (size_t)pos,
					"%s", c);
		}
		while (pos > 0 && buf[pos - 1] == ' ')
			pos--;
		buf[pos] = '\0';
		fprintf(ctx->out, "%s\n", buf);
	}
	/* The key. */
	if (l->n_offices) {
		const struct br_lane *chief = &l->lanes[0];
		char seen[64] = "";

		fputs(tr(ctx, "CEO:", "CEO："), ctx->out);
		sep = ctx->lang == BR_LANG_ZH ? "" : " ";
		for (k = 0; k < chief->n_spans; k++) {
			char letter = chief_letter(&chief->spans[k]);

			if (strchr(seen, letter))
				continue;
			seen[strlen(seen)] = letter;
			fprintf(ctx->out, "%s%c ", sep, letter);
			sep = ctx->lang == BR_LANG_ZH ? "、" : ", ";
			out_text(ctx->out,
				 br_pick(chief->spans[k].name, ctx->lang));
		}
		fprintf(ctx->out, "%s\n",
			tr(ctx, "; board: seats held", "；董事会：席位数"));
	}
	fputs(tr(ctx, "Key:", "图例："), ctx->out);
	sep = ctx->lang == BR_LANG_ZH ? "" : " ";
	for (k = 0; k < l->n_sides; k++) {
		/* The sides first, none after them. */
		int side = (int)((k + 1) % l->n_sides);

		fprintf(ctx->out, "%s%s ", sep, glyph(side));
		sep = ctx->lang == BR_LANG_ZH ? "、" : ", ";
		out_text(ctx->out, br_pick(l->sides[side].name, ctx->lang));
	}
	fprintf(ctx->out, "\n%s\n",
		tr(ctx, "o an event they take part in; blank: not yet placed",
		   "o 参与的事件；空白：尚未列入"));
	if (l->total > l->n - l->n_offices)
		fprintf(ctx->out,
			ctx->lang == BR_LANG_ZH ? "（另有 %zu 人）\n"
						: "(%zu more)\n",
			l->total - (l->n - l->n_offices));
}

/* Text for XML: cleaned as every output is, then escaped. */
static void xml(FILE *f, const char *s)
{
	char *clean = out_clean(s, 0), *p;

	for (p = clean; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&apos;", f);
			break;
		default:
			fputc(*p, f);
		}
	}
	free(clean);
}

/* The picture's layout, in pixels. */
enum {
	SVG_NAME_W = 190, /* the names' column */
	SVG_RIGHT = 20,
	SVG_TOP = 64, /* the title and the grid's labels */
	SVG_LANE_H = 24,
	SVG_BAR_H = 14,
	SVG_COL_PX = 2, /* a column of marks */
	SVG_LEGEND_H = 56,
};

struct svg {
	struct cmd_ctx *ctx;
	const struct br_lanes *l;
	int w, h, plot_w;
};

static double px(const struct svg *g, br_instant t)
{
	const struct br_lanes *l = g->l;

	if (t < l->from)
		t = l->from;
	if (t > l->to)
		t = l->to;
	return SVG_NAME_W + (double)g->plot_w * (double)(t - l->from) /
				    (double)(l->to - l->from);
}

static void when_text(const struct svg *g, br_instant t, char *buf, size_t len)
{
	br_when_format(buf, len, t, t, BR_PREC_MINUTE, 0, &g->ctx->zone,
		       g->ctx->lang, lanes_style(g->ctx, t));
}

/* A stretch as a bar, its tooltip saying who, what and when. */
static void svg_span(const struct svg *g, const struct br_lane *lane,
		     const struct br_lane_span *s, int y)
{
	struct cmd_ctx *ctx = g->ctx;
	double x0 = px(g, s->from), x1 = px(g, s->to);
	char a[64], b[64], seats[32];
	const char *fill =
		lane->kind == BR_LANE_BOARD ? "#5b6770" : colour(s->side);

	when_text(g, s->from, a, sizeof(a));
	when_text(g, s->to, b, sizeof(b));
	fprintf(ctx->out,
		"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
		"fill=\"%s\"><title>",
		x0, y + (SVG_LANE_H - SVG_BAR_H) / 2, x1 - x0, SVG_BAR_H, fill);
	if (lane->kind == BR_LANE_BOARD) {
		snprintf(seats, sizeof(seats), "%lld", (long long)s->seats);
		fprintf(ctx->out, "%s %s", tr(ctx, "Seats held:", "席位："),
			seats);
	} else {
		xml(ctx->out, lane->kind == BR_LANE_CHIEF
				      ? br_pick(s->name, ctx->lang)
				      : br_pick(lane->name, ctx->lang));
		fputs(": ", ctx->out);
		xml(ctx->out, br_pick(g->l->sides[s->side].name, ctx->lang));
	}
	fputs(", ", ctx->out);
	xml(ctx->out, a);
	fputs(" – ", ctx->out);
	xml(ctx->out, b);
	fputs("</title></rect>\n", ctx->out);
	/* The CEO's name, the board's seats, on the bar where they fit. */
	if (lane->kind != BR_LANE_ACTOR && x1 - x0 > 24) {
		const char *label = lane->kind == BR_LANE_BOARD
					    ? seats
					    : br_pick(s->name, ctx->lang);
		char cut[128];
		int cols = (int)((x1 - x0 - 6) / 7);

		br_lanes_short_name(label, cols, cut, sizeof(cut));
		fprintf(ctx->out,
			"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
			"fill=\"#ffffff\">",
			x0 + 3, y + SVG_LANE_H / 2 + 4);
		xml(ctx->out, cut);
		fputs("</text>\n", ctx->out);
	}
}

/* The mark of lane's column col, if it has one: its event, with the
 * event's time and title as the tooltip. 0, or -1 on a database error. */
static int svg_mark(const struct svg *g, const struct br_lanes *l,
		    const struct br_lane *lane, int col, int y)
{
	struct cmd_ctx *ctx = g->ctx;
	struct br_lane_mark m;
	struct br_detail d = {0};
	char when[64];
	int rc = br_lanes_mark_event(ctx->db, l, lane, col, &m);

	if (rc <= 0)
		return rc;
	fprintf(ctx->out,
		"<circle cx=\"%.1f\" cy=\"%d\" r=\"3.5\" fill=\"#1a1a1a\" "
		"stroke=\"#ffffff\" stroke-width=\"1\"><title>",
		px(g, m.ts), y + SVG_LANE_H / 2);
	if (br_event_detail(ctx->db, m.id, &d) == 1) {
		br_when_format(when, sizeof(when), d.ev.t_min, d.ev.t_max,
			       d.ev.precision, d.ev.inferred, &ctx->zone,
			       ctx->lang, lanes_style(ctx, d.ev.t_min));
		xml(ctx->out, when);
		fputs(" ", ctx->out);
		if (d.ev.marker[0]) {
			xml(ctx->out, d.ev.marker);
			fputs(" ", ctx->out);
		}
		xml(ctx->out, br_pick(d.ev.title, ctx->lang));
	}
	br_detail_free(&d);
	fputs("</title></circle>\n", ctx->out);
	return 0;
}

static void svg_grid(const struct svg *g)
{
	struct cmd_ctx *ctx = g->ctx;
	struct br_lanes_tick ticks[512];
	/* Ticks in columns of the marks: a label takes some 70 pixels. */
	size_t n = br_lanes_ticks(g->l, &ctx->zone, ctx->lang, 70 / SVG_COL_PX,
				  ticks, BR_ARRAY_SIZE(ticks)),
	       k;
	int bottom = SVG_TOP + (int)g->l->n * SVG_LANE_H;

	for (k = 0; k < n; k++) {
		double x = px(g, ticks[k].at);

		fprintf(ctx->out,
			"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
			"stroke=\"%s\" stroke-width=\"1\"/>\n",
			x, SVG_TOP - 14, x, bottom,
			ticks[k].day ? "#9a9a9a" : "#dedede");
		fprintf(ctx->out,
			"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
			"fill=\"#444444\">",
			x + 3, SVG_TOP - 4);
		xml(ctx->out, ticks[k].label);
		fputs("</text>\n", ctx->out);
	}
}

static void svg_legend(const struct svg *g)
{
	struct cmd_ctx *ctx = g->ctx;
	const struct br_lanes *l = g->l;
	int y = g->h - SVG_LEGEND_H + 20, x = SVG_NAME_W;
	size_t k;

	for (k = 0; k < l->n_sides; k++) {
		const char *name = br_pick(l->sides[k].name, ctx->lang);

		fprintf(ctx->out,
			"<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"%d\" "
			"fill=\"%s\"/>\n<text x=\"%d\" y=\"%d\">",
			x, y - 11, SVG_BAR_H, colour((int)k), x + 28, y);
		xml(ctx->out, name);
		fputs("</text>\n", ctx->out);
		x += 40 + 8 * br_text_width(name, strlen(name));
	}
	fprintf(ctx->out,
		"<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"#1a1a1a\"/>\n"
		"<text x=\"%d\" y=\"%d\">",
		x + 6, y - 4, x + 16, y);
	xml(ctx->out, tr(ctx, "takes part in an event (hover: its title)",
			 "参与的事件（悬停可见标题）"));
	fputs("</text>\n", ctx->out);
	fprintf(ctx->out,
		"<text x=\"%d\" y=\"%d\" font-size=\"11\" "
		"fill=\"#666666\">",
		SVG_NAME_W, y + 22);
	xml(ctx->out, tr(ctx,
			 "No bar: not yet placed on a side. Times in the "
			 "zone named in the title.",
			 "无色条：尚未列入任何一方。时间为标题所示时区。"));
	fputs("</text>\n", ctx->out);
}

/* The lanes as a picture: 0, or -1 on a database error. */
static int svg_lanes(struct cmd_ctx *ctx, const struct br_lanes *l, int w)
{
	struct svg g = {ctx, l, w, 0, w - SVG_NAME_W - SVG_RIGHT};
	char a[64], b[64], name[128];
	size_t i, k;
	int col;

	g.h = SVG_TOP + (int)l->n * SVG_LANE_H + SVG_LEGEND_H;
	fprintf(ctx->out,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"Noto Sans, "
		"WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif\" "
		"font-size=\"12\" fill=\"#1a1a1a\">\n",
		g.w, g.h, g.w, g.h);
	when_text(&g, l->from, a, sizeof(a));
	when_text(&g, l->to, b, sizeof(b));
	fputs("<title>", ctx->out);
	xml(ctx->out, tr(ctx, "The sides over time", "阵营随时间的变化"));
	fputs("</title>\n<rect width=\"100%\" height=\"100%\" "
	      "fill=\"#ffffff\"/>\n<text x=\"12\" y=\"22\" font-size=\"15\" "
	      "font-weight=\"bold\">",
	      ctx->out);
	xml(ctx->out, l->axis == BR_LANES_LINE
			      ? tr(ctx, "Lines over time", "路线随时间的变化")
			      : tr(ctx, "Crisis stances over time",
				   "危机立场随时间的变化"));
	fputs(", ", ctx->out);
	xml(ctx->out, a);
	fputs(" – ", ctx->out);
	xml(ctx->out, b);
	fprintf(ctx->out,
		ctx->lang == BR_LANG_ZH ? "（%s）</text>\n" : " (%s)</text>\n",
		br_zone_label(&ctx->zone, ctx->lang, 0));
	svg_grid(&g);
	for (i = 0; i < l->n; i++) {
		const struct br_lane *lane = &l->lanes[i];
		int y = SVG_TOP + (int)i * SVG_LANE_H;

		br_lanes_short_name(lane_name(ctx, lane), 26, name,
				    sizeof(name));
		fprintf(ctx->out, "<text x=\"12\" y=\"%d\"%s>",
			y + SVG_LANE_H / 2 + 4,
			lane->kind == BR_LANE_ACTOR ? ""
						    : " font-weight=\"bold\"");
		xml(ctx->out, name);
		fputs("</text>\n", ctx->out);
		for (k = 0; k < lane->n_spans; k++)
			svg_span(&g, lane, &lane->spans[k], y);
		for (col = 0; col < l->width; col++)
			if (svg_mark(&g, l, lane, col, y) < 0)
				return -1;
	}
	svg_legend(&g);
	fputs("</svg>\n", ctx->out);
	return 0;
}

int cmd_lanes(struct cmd_ctx *ctx)
{
	struct br_lanes l = {0};
	struct br_lanes_ask ask = {0};
	int w, nw = 0;

	if (parse_width(ctx, ctx->svg, &w) || range(ctx, &ask.from, &ask.to))
		return 2;
	if (ctx->svg) {
		ask.width = (w - SVG_NAME_W - SVG_RIGHT) / SVG_COL_PX;
	} else {
		nw = w / 5 < 10 ? 10 : w / 5 > 22 ? 22 : w / 5;
		ask.width = w - nw - 1;
	}
	ask.axis = ctx->stance ? BR_LANES_STANCE : BR_LANES_LINE;
	ask.filter = &ctx->filter;
	ask.offices = 1;
	/* One snapshot: the marks' events are read after the lanes. */
	br_db_read_begin(ctx->db);
	if (br_lanes_query(ctx->db, &ask, &l) < 0 ||
	    (ctx->svg && svg_lanes(ctx, &l, w) < 0)) {
		br_db_read_end(ctx->db);
		br_lanes_free(&l);
		return report_db(ctx->db);
	}
	if (!ctx->svg)
		text_lanes(ctx, &l, nw);
	br_lanes_free(&l);
	return br_db_read_end(ctx->db) < 0 ? report_db(ctx->db) : 0;
}
