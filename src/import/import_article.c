/* import_article: the numbered entries of an article, as events.
 *
 * Rules:
 * - An entry starts a line (a paragraph): 主線#01, 主线#1, 主線＃０１, 花絮1,
 *   花絮 12, with or without a colon (: or ：) after the marker. 主線/主线
 *   is the main line, 花絮 a sidelight. The marker is stored in the script
 *   it is written in, with '#' and ASCII digits, up to six, main-line
 *   numbers at least two: 主線#07, 主线#07, 主線#1000, 花絮5.
 * - An entry's text is the rest of its line. A marker alone on its line
 *   takes the next non-blank line as its text. Other lines are not part of
 *   any entry: those before the first entry and after the last (page
 *   furniture, other sections) and those between entries (captions) are
 *   skipped and counted.
 * - Its title and time come from its text (import_phrase.c). An entry
 *   with no time takes the previous entry's: the same interval if that
 *   was a part of a day or coarser, else its whole day; it is marked
 *   inferred, with a note saying so.
 * - Its people are the names it holds (import_names.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "import/import_private.h"

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

struct marker {
	enum br_kind kind;
	int number;
	char text[32]; /* normalised */
	size_t len;    /* bytes of the line it takes, colon included */
};

#define MAX_DIGITS 6

/* The entry marker at the start of s: 1 if there is one, 0 if not, -1 if
 * its number has more than MAX_DIGITS digits. */
static int parse_marker(const char *s, struct marker *m)
{
	const char *p = s, *script = NULL;
	size_t l;
	int n = 0, digits = 0, d;

	if (starts(p, "主線") || starts(p, "主线"))
		script = p;
	else if (!starts(p, "花絮"))
		return 0;
	m->kind = script ? BR_KIND_MAIN : BR_KIND_ASIDE;
	p = imp_skip_spaces(p + 6);
	if (*p == '#')
		p = imp_skip_spaces(p + 1);
	else if (starts(p, "＃"))
		p = imp_skip_spaces(p + 3);
	else if (script)
		return 0;
	while (digits < MAX_DIGITS && (d = imp_digit_at(p, &l)) >= 0) {
		n = n * 10 + d;
		digits++;
		p += l;
	}
	if (!digits)
		return 0;
	if (imp_digit_at(p, &l) >= 0)
		return -1;
	p = imp_skip_spaces(p);
	if (*p == ':')
		p = imp_skip_spaces(p + 1);
	else if (starts(p, "："))
		p = imp_skip_spaces(p + 3);
	m->number = n;
	m->len = (size_t)(p - s);
	if (script)
		snprintf(m->text, sizeof(m->text), "%.6s#%02d", script, n);
	else
		snprintf(m->text, sizeof(m->text), "花絮%d", n);
	return 1;
}

int imp_is_entry(const char *s)
{
	struct marker m;

	return parse_marker(imp_skip_spaces(s), &m) != 0;
}

/* ------------------------------------------------------------------
 * Reading the entries
 */

struct reader {
	struct imp_strset unknown; /* the report's unknown names */
	struct br_strings markers; /* the entries' markers so far */
	struct imp_strset marker_set;
	const char *name;
	const struct imp_article_ctx *ctx;
	struct imp_batch *b;
	struct br_import_report *rep;
	struct br_when_ctx wc; /* now: the previous entry's instant */
	int toneless;
	long pending; /* non-blank lines since the last entry */
	int have_prev;
	struct imp_event prev; /* the previous entry's time */
	/* An entry whose marker stood alone, waiting for its text. */
	int waiting;
	struct marker wait_marker;
	long wait_line;
	struct br_clean wait_clean;
	char *err;
	size_t errlen;
};

static void day_bounds(const struct br_zone *z, br_instant t, br_instant *a,
		       br_instant *b)
{
	struct tm tm;

	br_zone_local(z, t, &tm, NULL);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	*a = br_zone_instant(z, &tm);
	tm.tm_mday++;
	*b = br_zone_instant(z, &tm) - 1;
}

static void year_bounds(const struct br_zone *z, int year, br_instant *a,
			br_instant *b)
{
	struct tm tm = {0};

	tm.tm_year = year - 1900;
	tm.tm_mday = 1;
	*a = br_zone_instant(z, &tm);
	tm.tm_year++;
	*b = br_zone_instant(z, &tm) - 1;
}

static void add_note(struct imp_batch *b, struct imp_event *ev,
		     const char *kind, const char *en, const char *zh)
{
	struct imp_note *n = &ev->notes[ev->n_notes++];

	n->kind = kind;
	n->text[BR_LANG_EN] = imp_strndup(b, en, strlen(en));
	n->text[BR_LANG_ZH] = imp_strndup(b, zh, strlen(zh));
}

/* What an entry without a time is dated by: "" (nothing), or the phrase
 * it states that could not be read. */
static void inference_note(struct imp_batch *b, struct imp_event *ev,
			   const char *bad, const char *prev)
{
	char en[512], zh[512];

	if (!prev && !*bad) {
		add_note(b, ev, "inference",
			 "The entry states no time and no entry before it "
			 "does: only the year is known.",
			 "该条目未写时间，此前也没有条目写明，只知年份。");
	} else if (!prev) {
		snprintf(en, sizeof(en),
			 "The entry's time \"%s\" could not be read and no "
			 "entry before it states one: only the year is known.",
			 bad);
		snprintf(zh, sizeof(zh),
			 "该条目的时间“%s”无法解读，此前也没有条目写明，只知年"
			 "份。",
			 bad);
		add_note(b, ev, "inference", en, zh);
	} else if (!*bad) {
		snprintf(en, sizeof(en),
			 "The entry states no time; it is dated as the entry "
			 "before it (%s).",
			 prev);
		snprintf(zh, sizeof(zh),
			 "该条目未写时间，按前一条（%s）的时间计。", prev);
		add_note(b, ev, "inference", en, zh);
	} else {
		snprintf(en, sizeof(en),
			 "The entry's time \"%s\" could not be read; it is "
			 "dated as the entry before it (%s).",
			 bad, prev);
		snprintf(zh, sizeof(zh),
			 "该条目的时间“%s”无法解读，按前一条（%s）的时间计。",
			 bad, prev);
		add_note(b, ev, "inference", en, zh);
	}
}

/* An entry without a time (none stated, or bad, one that could not be
 * read): the previous entry's, as its rule says. */
static void inherit(struct reader *r, struct imp_event *ev, const char *bad)
{
	ev->inferred = 1;
	ev->time_text = "";
	if (!r->have_prev) {
		year_bounds(r->ctx->zone, r->ctx->year, &ev->t_min, &ev->t_max);
		ev->ts = ev->t_min;
		ev->prec = BR_PREC_YEAR;
		inference_note(r->b, ev, bad, NULL);
		return;
	}
	ev->ts = r->prev.ts;
	ev->t_min = r->prev.t_min;
	ev->t_max = r->prev.t_max;
	ev->prec = r->prev.prec;
	if (ev->prec <= BR_PREC_HOUR) {
		day_bounds(r->ctx->zone, r->prev.ts, &ev->t_min, &ev->t_max);
		ev->prec = BR_PREC_DAY;
	}
	inference_note(r->b, ev, bad, r->prev.marker);
}

static void date_entry(struct reader *r, struct imp_event *ev, const char *text)
{
	struct br_when w;
	size_t a, b;
	char bad[128];

	if (imp_read_time(text, &r->wc, &w, &a, &b, &r->rep->dates_unread, bad,
			  sizeof(bad))) {
		ev->ts = w.at;
		ev->t_min = w.t_min;
		ev->t_max = w.t_max;
		ev->prec = w.precision;
		ev->time_text = imp_strndup(r->b, text + a, b - a);
	} else {
		inherit(r, ev, bad);
	}
	r->wc.now = r->wc.origin = ev->ts;
	r->prev = *ev;
	r->have_prev = 1;
}

static void damage_note(struct imp_batch *b, struct imp_event *ev,
			const struct br_clean *c)
{
	char en[256], zh[256];

	if (!c->stars && !c->fffd_runs)
		return;
	snprintf(en, sizeof(en),
		 "The source text is damaged here: %ld dropped word(s), "
		 "marked *; %ld undecodable stretch(es), removed.",
		 c->stars, c->fffd_runs);
	snprintf(zh, sizeof(zh),
		 "原文此处有损：%ld处脱字，以*标出；%"
		 "ld处无法解码的乱码，已删去。",
		 c->stars, c->fffd_runs);
	add_note(b, ev, "damage", en, zh);
}

static void count_clean(struct br_import_report *rep, const struct br_clean *c)
{
	rep->pinyin += c->pinyin;
	rep->pinyin_toneless += c->pinyin_toneless;
	rep->fffd_runs += c->fffd_runs;
	rep->stars += c->stars;
}

static int add_entry(struct reader *r, const struct marker *m, long line,
		     const char *text, const struct br_clean *c)
{
	struct imp_event *ev;
	size_t k;

	if (!imp_strings_add(&r->marker_set, m->text, strlen(m->text))) {
		for (k = 0; strcmp(r->b->v[k].marker, m->text); k++)
			;
		snprintf(r->err, r->errlen,
			 "%s: line %ld: %s appears twice (first on line %ld)",
			 r->name, line, m->text, r->b->v[k].line);
		return -1;
	}
	ev = imp_batch_add(r->b);
	ev->kind = m->kind;
	ev->marker = imp_strndup(r->b, m->text, strlen(m->text));
	ev->line = line;
	ev->title[BR_LANG_EN] = ev->summary[BR_LANG_EN] = "";
	ev->summary[BR_LANG_ZH] = imp_strndup(r->b, text, strlen(text));
	ev->title[BR_LANG_ZH] = *text ? imp_make_title(r->b, text) : ev->marker;
	ev->notes = br_pool_alloc(&r->b->pool, 2 * sizeof(*ev->notes));
	date_entry(r, ev, text);
	damage_note(r->b, ev, c);
	imp_link_people(r->b, ev, text, r->ctx->aliases, &r->unknown, r->rep);
	if (r->b->n == 1)
		r->rep->lines_before = r->pending;
	else
		r->rep->lines_between += r->pending;
	r->pending = 0;
	count_clean(r->rep, c);
	return 0;
}

/* An entry whose marker stood alone gets an empty text. */
static int flush_waiting(struct reader *r)
{
	if (!r->waiting)
		return 0;
	r->waiting = 0;
	return add_entry(r, &r->wait_marker, r->wait_line, "", &r->wait_clean);
}

static void trim_end(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (n >= 3 && !strcmp(s + n - 3, "\xE3\x80\x80"))
		s[n -= 3] = '\0';
}

static int take_line(struct reader *r, const char *raw, long line)
{
	struct br_clean c = {0};
	char *clean = br_import_clean_line(raw, r->toneless, &c);
	const char *s = imp_skip_spaces(clean);
	struct marker m;
	int rc = 0, k;

	trim_end(clean);
	if (!*s) {
		free(clean);
		return 0;
	}
	if ((k = parse_marker(s, &m)) < 0) {
		snprintf(r->err, r->errlen,
			 "%s: line %ld: an entry number of more than %d "
			 "digits",
			 r->name, line, MAX_DIGITS);
		free(clean);
		return -1;
	}
	if (k > 0) {
		rc = flush_waiting(r);
		if (rc == 0 && !s[m.len]) {
			r->waiting = 1;
			r->wait_marker = m;
			r->wait_line = line;
			r->wait_clean = c;
		} else if (rc == 0) {
			rc = add_entry(r, &m, line, s + m.len, &c);
		}
	} else if (r->waiting) {
		r->waiting = 0;
		c.pinyin += r->wait_clean.pinyin;
		c.pinyin_toneless += r->wait_clean.pinyin_toneless;
		c.fffd_runs += r->wait_clean.fffd_runs;
		c.stars += r->wait_clean.stars;
		rc = add_entry(r, &r->wait_marker, r->wait_line, s, &c);
	} else {
		r->pending++;
	}
	free(clean);
	return rc;
}

int imp_read_article(const char *name, const char *text,
		     const struct imp_article_ctx *ctx, struct imp_batch *b,
		     struct br_import_report *rep, char *err, size_t errlen)
{
	struct reader r = {0};
	const char *p = text;
	long line = 0;
	int rc = 0;

	r.name = name;
	r.ctx = ctx;
	r.b = b;
	r.rep = rep;
	r.err = err;
	r.errlen = errlen;
	r.unknown.list = &rep->unknown;
	r.marker_set.list = &r.markers;
	r.toneless = br_import_has_readings(text);
	r.wc = (struct br_when_ctx){ctx->zone, ctx->reference, ctx->reference,
				    ctx->year};
	while (*p && rc == 0) {
		size_t n = strcspn(p, "\r\n");
		char *raw = br_xstrndup(p, n);

		rc = take_line(&r, raw, ++line);
		free(raw);
		p += n;
		p += (p[0] == '\r' && p[1] == '\n') ? 2 : (*p != '\0');
	}
	if (rc == 0)
		rc = flush_waiting(&r);
	imp_strset_free(&r.unknown);
	imp_strset_free(&r.marker_set);
	br_strings_free(&r.markers);
	rep->lines_after = r.pending;
	if (rc == 0 && !b->n) {
		snprintf(err, errlen,
			 "%s: no entries found (an entry starts a line with "
			 "主線#01 or 花絮1)",
			 name);
		rc = -1;
	}
	return rc;
}

/* ------------------------------------------------------------------
 * The date an article was published
 */

/* A number of 1 to max_digits ASCII digits at *p, stepped past. */
static int digits_at(const char **p, int max_digits)
{
	int v = 0, n = 0;

	while (n < max_digits && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		++*p;
		n++;
	}
	return n && !(**p >= '0' && **p <= '9') ? v : -1;
}

/* A separator of a date: / - . or the Chinese unit. */
static int date_sep(const char **p, const char *unit)
{
	if (**p == '/' || **p == '-' || **p == '.') {
		++*p;
		return 1;
	}
	if (starts(*p, unit)) {
		*p += strlen(unit);
		return 1;
	}
	return 0;
}

/* 2023/11/24, 2023-11-24, 2023年11月24日 or 2023年 at s. */
static int date_at(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	int year = digits_at(&p, 4), mon, day;

	if (year < 1900 || year > 2099 || p - s != 4 || !date_sep(&p, "年"))
		return 0;
	*y = year;
	mon = digits_at(&p, 2);
	if (mon < 1 || mon > 12 || !date_sep(&p, "月"))
		return starts(s + 4, "年");
	day = digits_at(&p, 2);
	if (day < 1 || day > 31)
		return starts(s + 4, "年");
	*m = mon;
	*d = day;
	return 1;
}

void imp_article_date(const char *text, int *y, int *m, int *d)
{
	const char *line = text, *p, *end;

	*y = *m = *d = 0;
	while (*line && !imp_is_entry(line)) {
		end = line + strcspn(line, "\r\n");
		for (p = line; p < end; p++) {
			if ((p == line || !(p[-1] >= '0' && p[-1] <= '9')) &&
			    date_at(p, y, m, d))
				return;
			*y = *m = *d = 0;
		}
		line = *end ? end + 1 : end;
	}
}
