#include "cli/export.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boardroom/base.h"
#include "boardroom/text.h"
#include "cli/output.h"

const char *export_in_lang(const char *const text[2], enum br_lang lang)
{
	return text[lang][0] ? text[lang] : text[!lang];
}

static const char *meta_title(const struct br_meta *m, enum br_lang lang)
{
	return m->title[lang][0] ? m->title[lang] : m->title[!lang];
}

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The dataset's identity: a hash of its English title and its source, as
 * the user database files marks under (notes.c), so that two databases
 * give distinct identities and rebuilding one keeps its own. Computed
 * once for a database. */
static uint64_t dataset_identity(struct br_db *db)
{
	static const struct br_db *cached_db;
	static uint64_t cached;
	static const char *const keys[] = {"title_en", "source"};
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	if (cached_db == db)
		return cached;
	for (i = 0; i < BR_ARRAY_SIZE(keys); i++) {
		sqlite3_stmt *st =
			br_db_stmt(db, "SELECT value FROM meta WHERE key = ?");

		if (i)
			h = fnv(h, "\x1f");
		sqlite3_bind_text(st, 1, keys[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			h = fnv(h, br_col(st, 0));
		br_db_reset(st);
	}
	cached_db = db;
	cached = h;
	return h;
}

/* The event's identity within its dataset: its marker (unique there),
 * else its time and titles. */
static uint64_t event_identity(const struct br_event *ev)
{
	char t[32];
	uint64_t h = 0xcbf29ce484222325ULL;

	if (ev->marker[0])
		return fnv(h, ev->marker);
	snprintf(t, sizeof(t), "%lld", (long long)ev->t_min);
	h = fnv(fnv(h, t), "\x1f");
	h = fnv(fnv(h, ev->title[BR_LANG_EN]), "\x1f");
	return fnv(h, ev->title[BR_LANG_ZH]);
}

/* One event as compact JSON, written as it goes (a million events are
 * too many to build as values first): the members in the order the JSON
 * import reads them back. */
static void event_json(FILE *f, const struct br_detail *d)
{
	const struct br_event *ev = &d->ev;
	char iso[32];
	size_t i;

	fputs("{\"marker\":", f);
	out_json_text(f, ev->marker[0] ? ev->marker : NULL);
	fprintf(f, ",\"kind\":\"%s\",\"start\":\"", br_kind_name(ev->kind));
	br_when_iso_utc(iso, sizeof(iso), ev->t_min);
	fputs(iso, f);
	fputs("\",\"end\":\"", f);
	br_when_iso_utc(iso, sizeof(iso), ev->t_max);
	fputs(iso, f);
	fputs("\",\"at\":\"", f);
	br_when_iso_utc(iso, sizeof(iso), ev->ts);
	fputs(iso, f);
	fprintf(f, "\",\"precision\":\"%s\",\"inferred\":%s,\"time_text\":",
		br_precision_name(ev->precision),
		ev->inferred ? "true" : "false");
	out_json_text(f, ev->time_text);
	fputs(",\"title\":", f);
	out_json_pair_text(f, ev->title[0], ev->title[1]);
	fputs(",\"summary\":", f);
	out_json_pair_text(f, ev->summary[0], ev->summary[1]);
	fputs(",\"people\":[", f);
	for (i = 0; i < d->n_people; i++) {
		fputs(i ? ",{\"slug\":" : "{\"slug\":", f);
		out_json_text(f, d->people[i].slug);
		fputs(",\"name\":", f);
		out_json_text(f, d->people[i].name[0]);
		fputs(",\"name_zh\":", f);
		out_json_text(f, d->people[i].name[1]);
		fputs(",\"role\":", f);
		out_json_text(f, d->people[i].role);
		putc('}', f);
	}
	fputs("],\"notes\":[", f);
	for (i = 0; i < d->n_notes; i++) {
		fputs(i ? ",{\"kind\":" : "{\"kind\":", f);
		out_json_text(f, d->notes[i].kind);
		fputs(",\"en\":", f);
		out_json_text(f, d->notes[i].text[0]);
		fputs(",\"zh\":", f);
		out_json_text(f, d->notes[i].text[1]);
		putc('}', f);
	}
	fputs("]}", f);
}

json_t *export_event_json(struct cmd_ctx *ctx, const struct br_detail *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	json_t *o;

	(void)ctx;
	if (!m)
		return json_object();
	event_json(m, d);
	fclose(m);
	/* What event_json writes is valid JSON, and jansson keeps the
	 * members' order: the object is the same in every format. */
	o = json_loadb(buf, len, 0, NULL);
	free(buf);
	return o ? o : json_object();
}

void export_when_column(struct cmd_ctx *ctx, const struct br_event *ev,
			char *buf, size_t len)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	/* As cmd_short_style (commands.c calls this file, not back). */
	enum br_when_style style = br_when_short_style(
		ev->t_min, m->window_start, m->year, &ctx->zone);

	br_when_format(buf, len, ev->t_min, ev->t_max, ev->precision,
		       ev->inferred, &ctx->zone, ctx->lang, style);
	/* A date with its year that would run into the next column: in
	 * digits (which may still not fit: export_when_pad). */
	if (br_when_narrow_style(style) == BR_WHEN_NARROW_DATED &&
	    br_text_width(buf, strlen(buf)) >= out_when_cols(ctx->lang))
		br_when_format(buf, len, ev->t_min, ev->t_max, ev->precision,
			       ev->inferred, &ctx->zone, ctx->lang,
			       BR_WHEN_NARROW_DATED);
}

void export_when_pad(struct cmd_ctx *ctx, const char *when)
{
	out_pad(ctx->out, when, out_when_cols(ctx->lang));
	if (br_text_width(when, strlen(when)) >= out_when_cols(ctx->lang))
		fputc(' ', ctx->out);
}

void export_event_text(struct cmd_ctx *ctx, const struct br_event *ev)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	char when[64], clock[16];

	export_when_column(ctx, ev, when, sizeof(when));
	br_when_clock_prec(clock, sizeof(clock), ev->ts, m->window_start,
			   ev->precision);
	export_when_pad(ctx, when);
	out_pad(ctx->out, clock, 9);
	fprintf(ctx->out, "%s ", br_kind_mark(ev->kind));
	out_pad(ctx->out, ev->marker, 9);
	out_text(ctx->out, export_in_lang(ev->title, ctx->lang));
	if (ev->people[ctx->lang][0]) {
		fputs(" — ", ctx->out);
		out_text(ctx->out, ev->people[ctx->lang]);
	}
	fputc('\n', ctx->out);
}

/* One part of a participant in CSV, with the separators escaped. */
static void put_part(struct out_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		if (*s == '%' || *s == ':' || *s == '|') {
			out_buf_char(b, '%');
			out_buf_char(b, hex[(unsigned char)*s >> 4]);
			out_buf_char(b, hex[(unsigned char)*s & 15]);
		} else {
			out_buf_char(b, *s);
		}
	}
}

/* The participants of an event for a machine to read back:
 * slug:role:name:name_zh, joined by '|'. The caller frees it. */
static char *participants_field(const struct br_detail *d)
{
	struct out_buf b = {0};
	size_t i;

	for (i = 0; i < d->n_people; i++) {
		out_buf_str(&b, i ? "|" : "");
		put_part(&b, d->people[i].slug);
		out_buf_char(&b, ':');
		put_part(&b, d->people[i].role);
		out_buf_char(&b, ':');
		put_part(&b, d->people[i].name[0]);
		out_buf_char(&b, ':');
		put_part(&b, d->people[i].name[1]);
	}
	return out_buf_take(&b);
}

static void event_csv(struct cmd_ctx *ctx, const struct br_detail *d)
{
	const struct br_event *ev = &d->ev;
	const char *fields[14];
	char start[32], end[32], at[32];
	char *participants = participants_field(d);
	size_t i;

	br_when_iso_utc(start, sizeof(start), ev->t_min);
	br_when_iso_utc(end, sizeof(end), ev->t_max);
	br_when_iso_utc(at, sizeof(at), ev->ts);
	fields[0] = ev->marker;
	fields[1] = br_kind_name(ev->kind);
	fields[2] = start;
	fields[3] = end;
	fields[4] = at;
	fields[5] = br_precision_name(ev->precision);
	fields[6] = ev->inferred ? "1" : "0";
	fields[7] = ev->time_text;
	fields[8] = ev->title[0];
	fields[9] = ev->title[1];
	fields[10] = ev->summary[0];
	fields[11] = ev->summary[1];
	fields[12] = ev->people[0];
	fields[13] = participants;
	for (i = 0; i < BR_ARRAY_SIZE(fields); i++) {
		if (i)
			fputc(',', ctx->out);
		out_csv(ctx->out, fields[i]);
	}
	fputs("\r\n", ctx->out);
	free(participants);
}

static void event_md(struct cmd_ctx *ctx, const struct br_event *ev)
{
	char when[64];

	br_when_format(when, sizeof(when), ev->t_min, ev->t_max, ev->precision,
		       ev->inferred, &ctx->zone, ctx->lang, BR_WHEN_LONG);
	fputs("| ", ctx->out);
	out_md(ctx->out, when);
	fputs(" | ", ctx->out);
	out_md(ctx->out, ev->marker);
	fputs(" | ", ctx->out);
	out_md(ctx->out, export_in_lang(ev->title, ctx->lang));
	fputs(" | ", ctx->out);
	out_md(ctx->out, ev->people[ctx->lang]);
	fputs(" |\n", ctx->out);
}

/* iCalendar (RFC 5545): lines end in CRLF and are folded at 75 octets,
 * never inside a UTF-8 sequence; a continuation starts with a space. */
static void ics_line(FILE *f, const char *line)
{
	size_t i = 0, n = strlen(line), col = 0, l, from = 0;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)line[i];
		l = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (l > n - i)
			l = n - i;
		if (col + l > 75) {
			fwrite(line + from, 1, i - from, f);
			fputs("\r\n ", f);
			from = i;
			col = 1;
		}
		col += l;
		i += l;
	}
	fwrite(line + from, 1, n - from, f);
	fputs("\r\n", f);
}

/* NAME:value with the value escaped as TEXT (\\ \; \, \n); TEXT may
 * hold no control character but a tab (RFC 5545 3.3.11): each, the tab
 * too, becomes U+FFFD. */
static void ics_text(FILE *f, const char *name, const char *text)
{
	char *buf, *clean = out_clean(text, OUT_KEEP_LF);
	const char *value;
	struct out_buf b = {0};

	out_buf_str(&b, name);
	out_buf_char(&b, ':');
	for (value = clean; *value; value++) {
		if (*value == '\\' || *value == ';' || *value == ',')
			out_buf_char(&b, '\\');
		if (*value == '\n')
			out_buf_str(&b, "\\n");
		else if (*value != '\r')
			out_buf_char(&b, *value);
	}
	buf = out_buf_take(&b);
	ics_line(f, buf);
	free(buf);
	free(clean);
}

/* NAME:20231117T200000Z, an instant in UTC. */
static void ics_instant(FILE *f, const char *name, br_instant t)
{
	char iso[32], line[64], *o = line;
	const char *p;

	br_when_iso_utc(iso, sizeof(iso), t);
	o += snprintf(line, sizeof(line), "%s:", name);
	for (p = iso; *p && o < line + sizeof(line) - 1; p++)
		if (*p != '-' && *p != ':')
			*o++ = *p;
	*o = '\0';
	ics_line(f, line);
}

/* NAME;VALUE=DATE:20231117, the day of t in the zone, or the day after
 * it (next_day): the calendar's arithmetic on the date alone, in UTC, so
 * that no zone's change of offset moves it. */
static void ics_date(struct cmd_ctx *ctx, const char *name, br_instant t,
		     int next_day)
{
	char line[64];
	struct tm tm, day = {0};
	time_t noon;

	br_zone_local(&ctx->zone, t, &tm, NULL);
	day.tm_year = tm.tm_year;
	day.tm_mon = tm.tm_mon;
	day.tm_mday = tm.tm_mday + (next_day != 0);
	day.tm_hour = 12;
	noon = timegm(&day);
	gmtime_r(&noon, &day);
	snprintf(line, sizeof(line), "%s;VALUE=DATE:%04d%02d%02d", name,
		 day.tm_year + 1900, day.tm_mon + 1, day.tm_mday);
	ics_line(ctx->out, line);
}

/* Both languages, and where the time comes from. */
static char *ics_description(const struct br_event *ev)
{
	struct out_buf b = {0};

	out_buf_str(&b, ev->summary[BR_LANG_EN]);
	if (ev->summary[BR_LANG_EN][0] && ev->summary[BR_LANG_ZH][0])
		out_buf_str(&b, "\n\n");
	out_buf_str(&b, ev->summary[BR_LANG_ZH]);
	if (ev->marker[0] || ev->time_text[0]) {
		out_buf_str(&b, "\n\n");
		out_buf_str(&b, ev->marker);
		out_buf_str(&b, ev->marker[0] && ev->time_text[0] ? " · " : "");
		out_buf_str(&b, ev->time_text);
	}
	return out_buf_take(&b);
}

/* One VEVENT: DATE values for a day or coarser (DTEND, which is
 * exclusive, the day after the last local day, so always after DTSTART),
 * DATE-TIME in UTC otherwise (no DTEND for an instant). The UID is the
 * event's identity and its dataset's, the same in every export and
 * distinct between databases. DTSTAMP is the end of the dataset's window,
 * so the same data gives the same file. */
static void event_ics(struct cmd_ctx *ctx, const struct br_event *ev)
{
	char uid[80], *desc = ics_description(ev);

	ics_line(ctx->out, "BEGIN:VEVENT");
	snprintf(uid, sizeof(uid), "UID:%016llx-%016llx@boardroom",
		 (unsigned long long)event_identity(ev),
		 (unsigned long long)dataset_identity(ctx->db));
	ics_line(ctx->out, uid);
	ics_instant(ctx->out, "DTSTAMP", br_db_meta(ctx->db)->window_end);
	if (ev->precision >= BR_PREC_DAY) {
		ics_date(ctx, "DTSTART", ev->t_min, 0);
		ics_date(ctx, "DTEND", ev->t_max, 1);
	} else {
		ics_instant(ctx->out, "DTSTART", ev->t_min);
		if (ev->t_max > ev->t_min)
			ics_instant(ctx->out, "DTEND", ev->t_max + 1);
	}
	ics_text(ctx->out, "SUMMARY", export_in_lang(ev->title, ctx->lang));
	ics_text(ctx->out, "DESCRIPTION", desc);
	ics_text(ctx->out, "CATEGORIES", br_kind_name(ev->kind));
	ics_line(ctx->out, "END:VEVENT");
	free(desc);
}

static void ics_begin(struct cmd_ctx *ctx)
{
	const struct br_meta *m = br_db_meta(ctx->db);

	ics_line(ctx->out, "BEGIN:VCALENDAR");
	ics_line(ctx->out, "VERSION:2.0");
	ics_line(ctx->out, "PRODID:-//boardroom//boardroom//EN");
	ics_line(ctx->out, "CALSCALE:GREGORIAN");
	ics_text(ctx->out, "X-WR-CALNAME", meta_title(m, ctx->lang));
}

/* TimelineJS3: dates as wall clocks in the zone, down to the precision;
 * texts are HTML there, so & < > are escaped and a newline is a <br>. */
struct tl_date {
	int n;	     /* how many of the parts the precision keeps */
	int part[5]; /* year, month, day, hour, minute */
};

static struct tl_date tl_date(struct cmd_ctx *ctx, br_instant t,
			      enum br_precision p)
{
	struct tl_date d = {0};
	struct tm tm;

	br_zone_local(&ctx->zone, t, &tm, NULL);
	d.part[0] = tm.tm_year + 1900;
	d.part[1] = tm.tm_mon + 1;
	d.part[2] = tm.tm_mday;
	d.part[3] = tm.tm_hour;
	d.part[4] = tm.tm_min;
	d.n = p == BR_PREC_MINUTE	 ? 5
	      : p <= BR_PREC_PART_OF_DAY ? 4
	      : p <= BR_PREC_DAY	 ? 3
	      : p <= BR_PREC_MONTH	 ? 2
					 : 1;
	return d;
}

static int tl_date_equal(const struct tl_date *a, const struct tl_date *b)
{
	return a->n == b->n &&
	       !memcmp(a->part, b->part, (size_t)a->n * sizeof(a->part[0]));
}

/* {"year":2023,...,"display_date":shown}. */
static void tl_date_write(FILE *f, const struct tl_date *d, const char *shown)
{
	static const char *const names[] = {"year", "month", "day", "hour",
					    "minute"};
	int i;

	for (i = 0; i < d->n; i++)
		fprintf(f, "%s\"%s\":%d", i ? "," : "{", names[i], d->part[i]);
	fputs(",\"display_date\":", f);
	out_json_text(f, shown);
	putc('}', f);
}

/* s with & < > escaped and each newline a <br>: a new string the caller
 * frees. */
static char *html_text(const char *s)
{
	struct out_buf b = {0};

	for (; *s; s++) {
		if (*s == '&')
			out_buf_str(&b, "&amp;");
		else if (*s == '<')
			out_buf_str(&b, "&lt;");
		else if (*s == '>')
			out_buf_str(&b, "&gt;");
		else if (*s == '\n')
			out_buf_str(&b, "<br>");
		else
			out_buf_char(&b, *s);
	}
	return out_buf_take(&b);
}

static json_t *html(const char *s)
{
	char *buf = html_text(s);
	json_t *v = out_json_str(buf);

	free(buf);
	return v;
}

static void html_write(FILE *f, const char *s)
{
	char *buf = html_text(s);

	out_json_text(f, buf);
	free(buf);
}

/* The group a slide is drawn in, in the language asked for. */
static const char *tl_group(enum br_kind kind, enum br_lang lang)
{
	int zh = lang == BR_LANG_ZH;

	switch (kind) {
	case BR_KIND_MAIN:
		return zh ? "主线" : "main";
	case BR_KIND_ASIDE:
		return zh ? "花絮" : "aside";
	case BR_KIND_BACKGROUND:
		return zh ? "背景" : "background";
	}
	return "";
}

/* A slide: TimelineJS writes "start — end", so each end gets a
 * display_date of its own (the start's range would show the end twice).
 * Written as it goes, as event_json. */
static void event_timelinejs(struct cmd_ctx *ctx, const struct br_event *ev)
{
	FILE *f = ctx->out;
	struct tl_date start = tl_date(ctx, ev->t_min, ev->precision);
	struct tl_date end = tl_date(ctx, ev->t_max, ev->precision);
	int has_end = !tl_date_equal(&start, &end);
	char when[96], last[96];

	br_when_format(when, sizeof(when), ev->t_min, ev->t_min, ev->precision,
		       ev->inferred, &ctx->zone, ctx->lang, BR_WHEN_LONG);
	br_when_format(last, sizeof(last), ev->t_max, ev->t_max, ev->precision,
		       0, &ctx->zone, ctx->lang, BR_WHEN_LONG);
	/* Within one part of a day, say: the start says it all. */
	if (has_end && !strcmp(strncmp(when, "≈ ", 4) ? when : when + 4, last))
		has_end = 0;
	if (!has_end)
		br_when_format(when, sizeof(when), ev->t_min, ev->t_max,
			       ev->precision, ev->inferred, &ctx->zone,
			       ctx->lang, BR_WHEN_LONG);
	fputs("{\"start_date\":", f);
	tl_date_write(f, &start, when);
	if (has_end) {
		fputs(",\"end_date\":", f);
		tl_date_write(f, &end, last);
	}
	fputs(",\"text\":{\"headline\":", f);
	html_write(f, export_in_lang(ev->title, ctx->lang));
	fputs(",\"text\":", f);
	html_write(f, export_in_lang(ev->summary, ctx->lang));
	fputs("},\"group\":", f);
	out_json_text(f, tl_group(ev->kind, ctx->lang));
	fprintf(f, ",\"unique_id\":\"event-%016llx\"}",
		(unsigned long long)event_identity(ev));
}

static void timelinejs_begin(struct cmd_ctx *ctx)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	const char *title = meta_title(m, ctx->lang);
	const char *other = m->title[!ctx->lang];

	fputs("{\"title\":", ctx->out);
	out_json_print(ctx->out,
		       json_pack("{s:{s:o, s:o}}", "text", "headline",
				 html(title), "text",
				 html(strcmp(other, title) ? other : "")),
		       JSON_COMPACT);
	fputs(",\"events\":[", ctx->out);
}

void export_begin(struct cmd_ctx *ctx)
{
	switch (ctx->format) {
	case OUT_JSON:
		fputc('[', ctx->out);
		break;
	case OUT_CSV:
		fputs("marker,kind,start,end,at,precision,inferred,time_text,"
		      "title_en,title_zh,summary_en,summary_zh,people,"
		      "participants\r\n",
		      ctx->out);
		break;
	case OUT_MD:
		fputs(ctx->lang == BR_LANG_ZH
			      ? "| 时间 | 标记 | 事件 | 人物 |\n"
			      : "| Time | Marker | Event | People |\n",
		      ctx->out);
		fputs("|---|---|---|---|\n", ctx->out);
		break;
	case OUT_ICS:
		ics_begin(ctx);
		break;
	case OUT_TIMELINEJS:
		timelinejs_begin(ctx);
		break;
	case OUT_TEXT:
		break;
	}
}

void export_end(struct cmd_ctx *ctx, int none)
{
	if (ctx->format == OUT_JSON)
		fputs(none ? "]\n" : "\n]\n", ctx->out);
	else if (ctx->format == OUT_TIMELINEJS)
		fputs(none ? "]}\n" : "\n]}\n", ctx->out);
	else if (ctx->format == OUT_ICS)
		ics_line(ctx->out, "END:VCALENDAR");
}

void export_event(struct cmd_ctx *ctx, const struct br_detail *d, int first)
{
	const struct br_event *ev = &d->ev;

	switch (ctx->format) {
	case OUT_JSON:
		fputs(first ? "\n" : ",\n", ctx->out);
		event_json(ctx->out, d);
		break;
	case OUT_CSV:
		event_csv(ctx, d);
		break;
	case OUT_MD:
		event_md(ctx, ev);
		break;
	case OUT_ICS:
		event_ics(ctx, ev);
		break;
	case OUT_TIMELINEJS:
		fputs(first ? "\n" : ",\n", ctx->out);
		event_timelinejs(ctx, ev);
		break;
	case OUT_TEXT:
		export_event_text(ctx, ev);
		break;
	}
}
