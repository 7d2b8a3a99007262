#include "cli/commands.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/notes.h"
#include "boardroom/text.h"
#include "cli/replay.h"
#include "cli/report.h"
#include "import/import.h"

static int db_error(struct cmd_ctx *ctx)
{
	fprintf(stderr, "boardroom: database error: %s\n",
		br_db_errmsg(ctx->db));
	return 1;
}

static json_t *pair(const char *en, const char *zh)
{
	return json_pack("{s:s, s:s}", "en", en, "zh", zh);
}

static void print_json(struct cmd_ctx *ctx, json_t *v, size_t flags)
{
	json_dumpf(v, ctx->out, flags);
	json_decref(v);
}

/* events */

/* A text in the language asked for, else in the other: an imported
 * article has its titles in Chinese only. */
static const char *in_lang(const char *const text[2], enum br_lang lang)
{
	return text[lang][0] ? text[lang] : text[!lang];
}

static const char *meta_title(const struct br_meta *m, enum br_lang lang)
{
	return m->title[lang][0] ? m->title[lang] : m->title[!lang];
}

static json_t *event_json(struct cmd_ctx *ctx, const struct br_event *ev)
{
	struct br_detail d = {0};
	json_t *o, *people, *notes;
	char start[32], end[32], at[32];
	size_t i;

	br_when_iso_utc(start, sizeof(start), ev->t_min);
	br_when_iso_utc(end, sizeof(end), ev->t_max);
	br_when_iso_utc(at, sizeof(at), ev->ts);
	people = json_array();
	notes = json_array();
	if (br_event_detail(ctx->db, ev->id, &d) == 1) {
		for (i = 0; i < d.n_people; i++)
			json_array_append_new(
				people,
				json_pack("{s:s, s:s, s:s, s:s}", "slug",
					  d.people[i].slug, "name",
					  d.people[i].name[0], "name_zh",
					  d.people[i].name[1], "role",
					  d.people[i].role));
		for (i = 0; i < d.n_notes; i++)
			json_array_append_new(
				notes, json_pack("{s:s, s:s, s:s}", "kind",
						 d.notes[i].kind, "en",
						 d.notes[i].text[0], "zh",
						 d.notes[i].text[1]));
	}
	o = json_pack("{s:s?, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:o, s:o, "
		      "s:o, s:o}",
		      "marker", ev->marker[0] ? ev->marker : NULL, "kind",
		      br_kind_name(ev->kind), "start", start, "end", end, "at",
		      at, "precision", br_precision_name(ev->precision),
		      "inferred", ev->inferred, "time_text", ev->time_text,
		      "title", pair(ev->title[0], ev->title[1]), "summary",
		      pair(ev->summary[0], ev->summary[1]), "people", people,
		      "notes", notes);
	br_detail_free(&d);
	return o;
}

static void event_text(struct cmd_ctx *ctx, const struct br_event *ev)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	char when[64], clock[16];

	br_when_format(
		when, sizeof(when), ev->t_min, ev->t_max, ev->precision,
		ev->inferred, &ctx->zone, ctx->lang,
		br_when_short_style(ev->t_min, m->window_start, &ctx->zone));
	br_when_clock_prec(clock, sizeof(clock), ev->ts, m->window_start,
			   ev->precision);
	out_pad(ctx->out, when, 22);
	out_pad(ctx->out, clock, 9);
	fprintf(ctx->out, "%s ", br_kind_mark(ev->kind));
	out_pad(ctx->out, ev->marker, 9);
	fputs(in_lang(ev->title, ctx->lang), ctx->out);
	if (ev->people[ctx->lang][0])
		fprintf(ctx->out, " — %s", ev->people[ctx->lang]);
	fputc('\n', ctx->out);
}

/* One part of a participant in CSV, with the separators escaped. */
static void put_part(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '%' || *s == ':' || *s == '|')
			fprintf(f, "%%%02X", (unsigned char)*s);
		else
			fputc(*s, f);
	}
}

/* The participants of an event for a machine to read back:
 * slug:role:name:name_zh, joined by '|'. The caller frees it. */
static char *participants_field(struct cmd_ctx *ctx, const struct br_event *ev)
{
	struct br_detail d = {0};
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return br_xstrdup("");
	if (br_event_detail(ctx->db, ev->id, &d) == 1) {
		for (i = 0; i < d.n_people; i++) {
			fputs(i ? "|" : "", f);
			put_part(f, d.people[i].slug);
			fputc(':', f);
			put_part(f, d.people[i].role);
			fputc(':', f);
			put_part(f, d.people[i].name[0]);
			fputc(':', f);
			put_part(f, d.people[i].name[1]);
		}
	}
	br_detail_free(&d);
	fclose(f);
	return buf;
}

static void event_csv(struct cmd_ctx *ctx, const struct br_event *ev)
{
	const char *fields[14];
	char start[32], end[32], at[32];
	char *participants = participants_field(ctx, ev);
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
	out_md(ctx->out, in_lang(ev->title, ctx->lang));
	fputs(" | ", ctx->out);
	out_md(ctx->out, ev->people[ctx->lang]);
	fputs(" |\n", ctx->out);
}

/* iCalendar (RFC 5545): lines end in CRLF and are folded at 75 octets,
 * never inside a UTF-8 sequence; a continuation starts with a space. */
static void ics_line(FILE *f, const char *line)
{
	size_t i = 0, n = strlen(line), col = 0, l;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)line[i];
		l = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (l > n - i)
			l = n - i;
		if (col + l > 75) {
			fputs("\r\n ", f);
			col = 1;
		}
		fwrite(line + i, 1, l, f);
		col += l;
		i += l;
	}
	fputs("\r\n", f);
}

/* NAME:value with the value escaped as TEXT (\\ \; \, \n). */
static void ics_text(FILE *f, const char *name, const char *value)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return;
	fprintf(m, "%s:", name);
	for (; *value; value++) {
		if (*value == '\\' || *value == ';' || *value == ',')
			fputc('\\', m);
		if (*value == '\n')
			fputs("\\n", m);
		else if (*value != '\r')
			fputc(*value, m);
	}
	fclose(m);
	ics_line(f, buf);
	free(buf);
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

/* NAME;VALUE=DATE:20231117, the day of t in the zone. */
static void ics_date(struct cmd_ctx *ctx, const char *name, br_instant t)
{
	char line[64];
	struct tm tm;

	br_zone_local(&ctx->zone, t, &tm, NULL);
	snprintf(line, sizeof(line), "%s;VALUE=DATE:%04d%02d%02d", name,
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	ics_line(ctx->out, line);
}

/* Both languages, and where the time comes from. */
static char *ics_description(const struct br_event *ev)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (!m)
		return br_xstrdup("");
	fputs(ev->summary[BR_LANG_EN], m);
	if (ev->summary[BR_LANG_EN][0] && ev->summary[BR_LANG_ZH][0])
		fputs("\n\n", m);
	fputs(ev->summary[BR_LANG_ZH], m);
	if (ev->marker[0] || ev->time_text[0])
		fprintf(m, "\n\n%s%s%s", ev->marker,
			ev->marker[0] && ev->time_text[0] ? " · " : "",
			ev->time_text);
	fclose(m);
	return buf;
}

/* One VEVENT: DATE values for a day or coarser (DTEND the day after the
 * last), DATE-TIME in UTC otherwise (no DTEND for an instant). DTSTAMP is
 * the end of the dataset's window, so the same data gives the same file. */
static void event_ics(struct cmd_ctx *ctx, const struct br_event *ev)
{
	char uid[64], *desc = ics_description(ev);

	ics_line(ctx->out, "BEGIN:VEVENT");
	snprintf(uid, sizeof(uid), "UID:event-%lld@boardroom",
		 (long long)ev->id);
	ics_line(ctx->out, uid);
	ics_instant(ctx->out, "DTSTAMP", br_db_meta(ctx->db)->window_end);
	if (ev->precision >= BR_PREC_DAY) {
		ics_date(ctx, "DTSTART", ev->t_min);
		ics_date(ctx, "DTEND", ev->t_max + 1);
	} else {
		ics_instant(ctx->out, "DTSTART", ev->t_min);
		if (ev->t_max > ev->t_min)
			ics_instant(ctx->out, "DTEND", ev->t_max + 1);
	}
	ics_text(ctx->out, "SUMMARY", in_lang(ev->title, ctx->lang));
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
 * texts are HTML there, so & < > are escaped. */
static json_t *tl_date(struct cmd_ctx *ctx, br_instant t, enum br_precision p)
{
	json_t *o = json_object();
	struct tm tm;

	br_zone_local(&ctx->zone, t, &tm, NULL);
	json_object_set_new(o, "year", json_integer(tm.tm_year + 1900));
	if (p <= BR_PREC_MONTH)
		json_object_set_new(o, "month", json_integer(tm.tm_mon + 1));
	if (p <= BR_PREC_DAY)
		json_object_set_new(o, "day", json_integer(tm.tm_mday));
	if (p <= BR_PREC_PART_OF_DAY)
		json_object_set_new(o, "hour", json_integer(tm.tm_hour));
	if (p == BR_PREC_MINUTE)
		json_object_set_new(o, "minute", json_integer(tm.tm_min));
	return o;
}

static json_t *html(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	json_t *v;

	if (!m)
		return json_string("");
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", m);
		else if (*s == '<')
			fputs("&lt;", m);
		else if (*s == '>')
			fputs("&gt;", m);
		else
			fputc(*s, m);
	}
	fclose(m);
	v = json_string(buf);
	free(buf);
	return v;
}

static json_t *event_timelinejs(struct cmd_ctx *ctx, const struct br_event *ev)
{
	json_t *o = json_object(), *start, *end;
	char when[96], uid[32];

	start = tl_date(ctx, ev->t_min, ev->precision);
	end = tl_date(ctx, ev->t_max, ev->precision);
	br_when_format(when, sizeof(when), ev->t_min, ev->t_max, ev->precision,
		       ev->inferred, &ctx->zone, ctx->lang, BR_WHEN_LONG);
	if (json_equal(start, end)) {
		json_decref(end);
		end = NULL;
	}
	json_object_set_new(start, "display_date", json_string(when));
	json_object_set_new(o, "start_date", start);
	if (end)
		json_object_set_new(o, "end_date", end);
	json_object_set_new(o, "text",
			    json_pack("{s:o, s:o}", "headline",
				      html(in_lang(ev->title, ctx->lang)),
				      "text",
				      html(in_lang(ev->summary, ctx->lang))));
	json_object_set_new(o, "group", json_string(br_kind_name(ev->kind)));
	snprintf(uid, sizeof(uid), "event-%lld", (long long)ev->id);
	json_object_set_new(o, "unique_id", json_string(uid));
	return o;
}

static void timelinejs_begin(struct cmd_ctx *ctx)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	const char *title = meta_title(m, ctx->lang);
	const char *other = m->title[!ctx->lang];

	fputs("{\"title\":", ctx->out);
	print_json(ctx,
		   json_pack("{s:{s:o, s:o}}", "text", "headline", html(title),
			     "text", html(strcmp(other, title) ? other : "")),
		   JSON_COMPACT);
	fputs(",\"events\":[", ctx->out);
}

static void events_begin(struct cmd_ctx *ctx)
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

static void events_end(struct cmd_ctx *ctx, int none)
{
	if (ctx->format == OUT_JSON)
		fputs(none ? "]\n" : "\n]\n", ctx->out);
	else if (ctx->format == OUT_TIMELINEJS)
		fputs(none ? "]}\n" : "\n]}\n", ctx->out);
	else if (ctx->format == OUT_ICS)
		ics_line(ctx->out, "END:VCALENDAR");
}

static void event_emit(struct cmd_ctx *ctx, const struct br_event *ev,
		       int first)
{
	switch (ctx->format) {
	case OUT_JSON:
		fputs(first ? "\n" : ",\n", ctx->out);
		print_json(ctx, event_json(ctx, ev), JSON_COMPACT);
		break;
	case OUT_CSV:
		event_csv(ctx, ev);
		break;
	case OUT_MD:
		event_md(ctx, ev);
		break;
	case OUT_ICS:
		event_ics(ctx, ev);
		break;
	case OUT_TIMELINEJS:
		fputs(first ? "\n" : ",\n", ctx->out);
		print_json(ctx, event_timelinejs(ctx, ev), JSON_COMPACT);
		break;
	case OUT_TEXT:
		event_text(ctx, ev);
		break;
	}
}

int cmd_events(struct cmd_ctx *ctx)
{
	struct br_page page = {0};
	struct br_key key = {ctx->after, INT64_MAX};
	const struct br_key *from = ctx->has_after ? &key : NULL;
	long left = ctx->limit;
	int first = 1, n;

	events_begin(ctx);
	for (;;) {
		size_t want = 256;

		if (left >= 0 && (size_t)left < want)
			want = (size_t)left;
		if (!want)
			break;
		n = br_events_page(ctx->db, &ctx->filter, from, BR_AFTER, want,
				   &page);
		if (n < 0) {
			br_page_free(&page);
			return db_error(ctx);
		}
		for (size_t i = 0; i < page.n; i++, first = 0)
			event_emit(ctx, &page.rows[i], first);
		if ((size_t)n < want)
			break;
		key.ts = page.rows[n - 1].ts;
		key.id = page.rows[n - 1].id;
		from = &key;
		if (left > 0)
			left -= n;
	}
	events_end(ctx, first);
	br_page_free(&page);
	return 0;
}

int cmd_parse_when(struct cmd_ctx *ctx, const char *text, struct br_when *w)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	struct br_when_ctx wc = {&ctx->zone, m->window_start, m->window_start,
				 m->year};
	char err[256];

	if (br_when_parse(text, &wc, w, err, sizeof(err)) < 0)
		return report_fail("bad date '%.80s': %s", text, err);
	return 0;
}

/* goto */

int cmd_goto(struct cmd_ctx *ctx)
{
	struct br_detail d = {0};
	struct br_when w;
	struct br_key key;
	char iso[40];
	int rc;

	if (cmd_parse_when(ctx, ctx->arg, &w))
		return 2;
	br_when_format(iso, sizeof(iso), w.at, w.at, BR_PREC_MINUTE, 0,
		       &ctx->zone, ctx->lang, BR_WHEN_ISO);
	rc = br_events_nearest(ctx->db, &ctx->filter, w.t_min, w.t_max, &key);
	if (rc == 1)
		rc = br_event_detail(ctx->db, key.id, &d);
	if (rc < 0) {
		br_detail_free(&d);
		return db_error(ctx);
	}
	if (ctx->format == OUT_JSON) {
		json_t *o = json_pack("{s:s, s:s}", "at", iso, "precision",
				      br_precision_name(w.precision));

		if (rc == 1)
			json_object_set_new(o, "event", event_json(ctx, &d.ev));
		print_json(ctx, o, JSON_INDENT(2));
		fputc('\n', ctx->out);
	} else {
		fprintf(ctx->out, "%s\n", iso);
		if (rc == 1)
			event_text(ctx, &d.ev);
	}
	br_detail_free(&d);
	return 0;
}

/* replay */

int cmd_replay(struct cmd_ctx *ctx)
{
	int cols = 80, rows = 24, rc;
	FILE *script;

	if (ctx->size_text &&
	    (sscanf(ctx->size_text, "%dx%d", &cols, &rows) != 2 || cols < 1 ||
	     rows < 1 || cols > 1000 || rows > 1000)) {
		fprintf(stderr,
			"boardroom: bad --size '%.40s': COLSxROWS, "
			"e.g. 80x24\n",
			ctx->size_text);
		return 2;
	}
	script = strcmp(ctx->arg, "-") ? fopen(ctx->arg, "r") : stdin;
	if (!script) {
		fprintf(stderr, "boardroom: %s: cannot open\n", ctx->arg);
		return 2;
	}
	rc = replay_run(ctx->db, ctx->lang, &ctx->zone, cols, rows, script,
			ctx->arg, ctx->timing, ctx->out);
	if (script != stdin)
		fclose(script);
	return rc;
}

/* import reports */

static void names_line(FILE *f, const struct br_strings *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		fprintf(f, "%s%s", i ? ", " : "", names->v[i]);
}

static void report_article(FILE *f, const struct br_import_report *r)
{
	fprintf(f,
		"  dates     %ld stated, %ld inferred from the entry before, "
		"%ld phrases not understood (in %s, year %d)\n",
		r->dates_stated, r->dates_inferred, r->dates_unread, r->tz,
		r->year);
	fprintf(f, "  people    %ld linked; %zu unknown names%s", r->linked,
		r->unknown.n, r->unknown.n ? ": " : "");
	names_line(f, &r->unknown);
	fprintf(f,
		"\n  cleaned   %ld pinyin readings removed (%ld without tone "
		"marks), %ld runs of U+FFFD removed, %ld dropped-word marks * "
		"kept\n",
		r->pinyin, r->pinyin_toneless, r->fffd_runs, r->stars);
	fprintf(f,
		"  skipped   %ld lines before the first entry, %ld between "
		"entries, %ld after the last\n",
		r->lines_before, r->lines_between, r->lines_after);
}

static void report_text(FILE *f, const struct br_import_report *r)
{
	fprintf(f, "%s: %s, %s%s (%s)\n", r->file,
		br_import_format_name(r->format), r->encoding,
		r->bom ? " with BOM" : "", r->detected ? "detected" : "given");
	fprintf(f, "  entries   %ld main, %ld aside, %ld background\n",
		r->entries[0], r->entries[1], r->entries[2]);
	if (r->format == BR_IMPORT_ARTICLE) {
		report_article(f, r);
	} else {
		fprintf(f, "  dates     %ld stated, %ld inferred\n",
			r->dates_stated, r->dates_inferred);
		fprintf(f, "  people    %ld linked, %ld created\n", r->linked,
			r->people_created);
	}
	fprintf(f, "  lossy     %ld bytes replaced with U+FFFD\n", r->replaced);
	fprintf(f, "  imported  %ld events, %ld notes\n", r->rows, r->notes);
}

static json_t *report_json(const struct br_import_report *r)
{
	json_t *unknown = json_array();
	size_t i;

	for (i = 0; i < r->unknown.n; i++)
		json_array_append_new(unknown, json_string(r->unknown.v[i]));
	return json_pack(
		"{s:s, s:s, s:s, s:b, s:b, s:{s:I, s:I, s:I},"
		" s:{s:I, s:I, s:I}, s:{s:I, s:I, s:o},"
		" s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I}, s:I, s:I, s:I}",
		"file", r->file, "format", br_import_format_name(r->format),
		"encoding", r->encoding, "encoding_detected", r->detected,
		"bom", r->bom, "entries", "main", (json_int_t)r->entries[0],
		"aside", (json_int_t)r->entries[1], "background",
		(json_int_t)r->entries[2], "dates", "stated",
		(json_int_t)r->dates_stated, "inferred",
		(json_int_t)r->dates_inferred, "not_understood",
		(json_int_t)r->dates_unread, "people", "linked",
		(json_int_t)r->linked, "created", (json_int_t)r->people_created,
		"unknown", unknown, "cleaning", "pinyin", (json_int_t)r->pinyin,
		"pinyin_toneless", (json_int_t)r->pinyin_toneless, "fffd_runs",
		(json_int_t)r->fffd_runs, "dropped_word_marks",
		(json_int_t)r->stars, "lines_before",
		(json_int_t)r->lines_before, "lines_between",
		(json_int_t)r->lines_between, "lines_after",
		(json_int_t)r->lines_after, "lossy_replacements",
		(json_int_t)r->replaced, "events", (json_int_t)r->rows, "notes",
		(json_int_t)r->notes);
}

void cmd_import_print(FILE *out, enum out_format format, const char *into,
		      int created, const struct br_import_report *reps,
		      size_t n)
{
	json_t *files, *doc;
	size_t i;

	if (format == OUT_JSON) {
		files = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(files, report_json(&reps[i]));
		doc = json_pack("{s:s, s:b, s:o}", "database", into, "created",
				created, "files", files);
		json_dumpf(doc, out, JSON_INDENT(2));
		json_decref(doc);
		fputc('\n', out);
		return;
	}
	for (i = 0; i < n; i++)
		report_text(out, &reps[i]);
	fprintf(out, "%s: %s\n", into, created ? "created" : "added to");
}

/* notes */

int cmd_notes(struct cmd_ctx *ctx)
{
	const struct br_meta *meta = br_db_meta(ctx->db);
	struct br_marks marks = {0};
	struct br_notes *notes;
	json_t *arr = json_array();
	char err[1100];
	size_t i;

	notes = br_notes_open(ctx->db, NULL, err, sizeof(err));
	if (!notes) {
		json_decref(arr);
		fprintf(stderr, "boardroom: %s\n", err);
		return 1;
	}
	if (br_notes_list(notes, &marks) < 0) {
		json_decref(arr);
		br_notes_close(notes);
		fprintf(stderr, "boardroom: cannot read the user database\n");
		return 1;
	}
	if (ctx->format == OUT_CSV)
		fputs("marker,at,time,title,note\r\n", ctx->out);
	else if (ctx->format == OUT_MD)
		fputs("| Marker | Time | Title | Note |\n|---|---|---|---|\n",
		      ctx->out);
	for (i = 0; i < marks.n; i++) {
		const struct br_mark *m = &marks.rows[i];
		struct br_detail d = {0};
		const char *title = m->title_en;
		char when[64] = "", at[32];
		int found = m->event_id &&
			    br_event_detail(ctx->db, m->event_id, &d) == 1;

		br_when_iso_utc(at, sizeof(at), m->ts);
		if (found) {
			title = in_lang(d.ev.title, ctx->lang);
			br_when_format(when, sizeof(when), d.ev.t_min,
				       d.ev.t_max, d.ev.precision,
				       d.ev.inferred, &ctx->zone, ctx->lang,
				       br_when_short_style(d.ev.t_min,
							   meta->window_start,
							   &ctx->zone));
		}
		switch (ctx->format) {
		case OUT_JSON:
			json_array_append_new(
				arr,
				json_pack("{s:s, s:s, s:s, s:s, s:s, s:b}",
					  "marker", m->marker, "at", at, "time",
					  when, "title", title, "note", m->note,
					  "found", found));
			break;
		case OUT_CSV:
			out_csv(ctx->out, m->marker);
			fprintf(ctx->out, ",%s,", at);
			out_csv(ctx->out, when);
			fputc(',', ctx->out);
			out_csv(ctx->out, title);
			fputc(',', ctx->out);
			out_csv(ctx->out, m->note);
			fputs("\r\n", ctx->out);
			break;
		case OUT_MD:
			fputs("| ", ctx->out);
			out_md(ctx->out, m->marker);
			fputs(" | ", ctx->out);
			out_md(ctx->out, when);
			fputs(" | ", ctx->out);
			out_md(ctx->out, title);
			fputs(" | ", ctx->out);
			out_md(ctx->out, m->note);
			fputs(" |\n", ctx->out);
			break;
		case OUT_ICS: /* events only: cli.c refuses it here */
		case OUT_TIMELINEJS:
		case OUT_TEXT: {
			const char *p = m->note, *nl;

			fputs("★ ", ctx->out);
			out_pad(ctx->out, m->marker, 9);
			out_pad(ctx->out, found ? when : at, 22);
			fprintf(ctx->out, "%s%s\n", title,
				found ? "" : " (not in this dataset)");
			while (*p) {
				nl = strchr(p, '\n');
				fprintf(ctx->out, "    %.*s\n",
					(int)(nl ? nl - p : (long)strlen(p)),
					p);
				if (!nl)
					break;
				p = nl + 1;
			}
			break;
		}
		}
		br_detail_free(&d);
	}
	if (ctx->format == OUT_JSON) {
		print_json(ctx, arr, JSON_INDENT(2));
		fputc('\n', ctx->out);
	} else {
		json_decref(arr);
	}
	br_marks_free(&marks);
	br_notes_close(notes);
	return 0;
}
