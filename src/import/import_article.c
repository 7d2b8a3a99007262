/* import_article: the numbered entries of an article, as events.
 *
 * Rules:
 * - An entry starts a line (a paragraph): 主線#01, 主线#1, 主線＃０１, 花絮1,
 *   花絮 12, with or without a colon (: or ：) after the marker. 主線/主线
 *   is the main line, 花絮 a sidelight. The marker is stored in the script
 *   it is written in, with '#', ASCII digits and main-line numbers of two
 *   digits: 主線#07, 主线#07, 花絮5.
 * - An entry's text is the rest of its line. A marker alone on its line
 *   takes the next non-blank line as its text. Other lines are not part of
 *   any entry: those before the first entry and after the last (page
 *   furniture, other sections) and those between entries (captions) are
 *   skipped and counted.
 * - The title is the entry's first clause (up to ， 。 , ; or ；), cut to 40
 *   characters; a leading clause that is only a date and a connective
 *   (然後17號下午3點, 隨後) is passed over for the next one.
 * - The time is the first date or time phrase in the entry that the
 *   parser understands (br_when_parse: 11月17日中午12點, 17號下午3點,
 *   12點23分, 第二天...), read in the article's zone and year, relative to
 *   the previous entry's time. An entry with none takes the previous
 *   entry's: the same interval if that was a part of a day or coarser,
 *   else its whole day; it is marked inferred, with a note saying so.
 * - People: the names in the entry that are aliases of people in the
 *   database (folded: case, accents, apostrophes and spaces aside; Latin
 *   names as whole words, Chinese ones anywhere, the longest match
 *   winning). The first named is the actor, the others are mentioned:
 *   a short entry usually opens with whoever acts. Runs of capitalised
 *   Latin words that are no alias (Google Meet) are reported as unknown
 *   names; no person is made up for them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "import/import_private.h"

#define TITLE_CHARS 40

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Spaces, the ideographic space and no-break spaces. */
static size_t space_len(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (starts(s, "\xE3\x80\x80")) /* U+3000 */
		return 3;
	if (starts(s, "\xC2\xA0")) /* U+00A0 */
		return 2;
	return 0;
}

static const char *skip_spaces(const char *s)
{
	size_t l;

	while ((l = space_len(s)) > 0)
		s += l;
	return s;
}

/* A digit, ASCII or full-width: its value, and its length in *len. */
static int digit_at(const char *s, size_t *len)
{
	if (*s >= '0' && *s <= '9') {
		*len = 1;
		return *s - '0';
	}
	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		*len = 3;
		return (unsigned char)s[2] - 0x90;
	}
	return -1;
}

struct marker {
	enum br_kind kind;
	int number;
	char text[32]; /* normalised */
	size_t len;    /* bytes of the line it takes, colon included */
};

/* The entry marker at the start of s, if any. */
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
	p = skip_spaces(p + 6);
	if (*p == '#')
		p = skip_spaces(p + 1);
	else if (starts(p, "＃"))
		p = skip_spaces(p + 3);
	else if (script)
		return 0;
	while (digits < 3 && (d = digit_at(p, &l)) >= 0) {
		n = n * 10 + d;
		digits++;
		p += l;
	}
	if (!digits || digit_at(p, &l) >= 0)
		return 0;
	p = skip_spaces(p);
	if (*p == ':')
		p = skip_spaces(p + 1);
	else if (starts(p, "："))
		p = skip_spaces(p + 3);
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

	return parse_marker(skip_spaces(s), &m);
}

/* ------------------------------------------------------------------
 * Date and time phrases: runs of the words br_when_parse reads.
 */

static const char *const date_words[] = {
	"第二天", "前一天", "次日", "翌日", "隔天", "隔日", "当天", "當天",
	"当日",	  "當日",   "后天", "後天", "前天", "当晚", "當晚", "今天",
	"明天",	  "昨天",   "今晚", "凌晨", "淩晨", "清晨", "早上", "早晨",
	"早间",	  "早間",   "上午", "中午", "下午", "晚上", "晚间", "晚間",
	"傍晚",	  "夜间",   "夜間", "夜里", "夜裡", "夜裏", "深夜",
};

static const char *const zh_numerals[] = {
	"〇", "零", "一", "二", "两", "兩", "三",
	"四", "五", "六", "七", "八", "九", "十",
};

static size_t word_at(const char *s, const char *const *words, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (starts(s, words[k]))
			return strlen(words[k]);
	return 0;
}

/* A number (digits, or Chinese numerals with *zh set); its bytes. */
static size_t number_at(const char *s, int *ndigits, int *zh)
{
	const char *p = s;
	size_t l;

	*ndigits = 0;
	*zh = 0;
	while (digit_at(p, &l) >= 0) {
		p += l;
		++*ndigits;
	}
	if (p > s)
		return (size_t)(p - s);
	while ((l = word_at(p, zh_numerals, BR_ARRAY_SIZE(zh_numerals))))
		p += l;
	*zh = p > s;
	return (size_t)(p - s);
}

static size_t weekday_at(const char *s)
{
	static const char *const heads[] = {"星期", "礼拜", "禮拜", "周", "週"};
	static const char *const days[] = {"一", "二", "三", "四",
					   "五", "六", "日", "天"};
	size_t h = word_at(s, heads, BR_ARRAY_SIZE(heads)), d;

	if (!h || !(d = word_at(s + h, days, BR_ARRAY_SIZE(days))))
		return 0;
	return h + d;
}

/* After an hour (3點): 鐘, then 半 or minutes with 分. */
static size_t minutes_at(const char *s)
{
	static const char *const zhong[] = {"钟", "鐘"};
	size_t n = word_at(s, zhong, 2), l;
	int nd, zh;

	if (starts(s + n, "半"))
		return n + 3;
	l = number_at(s + n, &nd, &zh);
	if (l && starts(s + n + l, "分"))
		return n + l + 3;
	return n;
}

/* A number and what it counts: 2023年 11月 17日 17號 3點 12:23. */
static size_t counted_at(const char *s)
{
	static const char *const days[] = {"月", "日", "号", "號"};
	static const char *const hours[] = {"点", "點", "时", "時"};
	int nd, zh;
	size_t l = number_at(s, &nd, &zh), w;

	if (!l)
		return 0;
	if (starts(s + l, "年"))
		return !zh && nd == 4 ? l + 3 : 0;
	if ((w = word_at(s + l, days, BR_ARRAY_SIZE(days))))
		return l + w;
	if ((w = word_at(s + l, hours, BR_ARRAY_SIZE(hours))))
		return l + w + minutes_at(s + l + w);
	if (!zh && nd <= 2 && s[l] == ':' && digit_at(s + l + 1, &w) >= 0 &&
	    w == 1 && digit_at(s + l + 2, &w) >= 0 && w == 1 &&
	    digit_at(s + l + 3, &w) < 0)
		return l + 3;
	return 0;
}

static size_t unit_at(const char *s)
{
	size_t l = word_at(s, date_words, BR_ARRAY_SIZE(date_words));

	if (!l)
		l = weekday_at(s);
	if (!l)
		l = counted_at(s);
	return l;
}

/* The first phrase in s at or after from: [*start, *end). 1 if found. */
static int find_phrase(const char *s, size_t from, size_t *start, size_t *end)
{
	size_t i = from, l, sp;
	int32_t cp;

	while (s[i] && !(l = unit_at(s + i)))
		i += (size_t)br_text_decode(s + i, strlen(s + i), &cp);
	if (!s[i])
		return 0;
	*start = i;
	do {
		i += l;
		*end = i;
		sp = space_len(s + i);
	} while ((l = unit_at(s + i + sp)) > 0 && (i += sp, 1));
	return 1;
}

/* The first phrase of text the parser understands; 1 if one was. */
static int read_time(const char *text, const struct br_when_ctx *wc,
		     struct br_when *w, size_t *start, size_t *end,
		     long *unread)
{
	size_t from = 0;
	char phrase[256], err[256];

	while (find_phrase(text, from, start, end)) {
		from = *end;
		if (*end - *start >= sizeof(phrase))
			continue;
		memcpy(phrase, text + *start, *end - *start);
		phrase[*end - *start] = '\0';
		if (br_when_parse(phrase, wc, w, err, sizeof(err)) == 0)
			return 1;
		++*unread;
	}
	return 0;
}

/* ------------------------------------------------------------------
 * Titles
 */

static const char *const stops[] = {"，", "。", ",", ";", "；"};

static size_t clause_end(const char *s)
{
	size_t i = 0;
	int32_t cp;

	while (s[i] && !word_at(s + i, stops, BR_ARRAY_SIZE(stops)))
		i += (size_t)br_text_decode(s + i, strlen(s + i), &cp);
	return i;
}

/* Characters of s[0..n) outside date phrases and spaces. */
static size_t residue(const char *s, size_t n)
{
	char *copy = br_xstrndup(s, n);
	size_t i = 0, count = 0, a, b;
	int32_t cp;

	while (copy[i]) {
		if (find_phrase(copy, i, &a, &b) && a == i) {
			i = b;
			continue;
		}
		count += !space_len(copy + i);
		i += (size_t)br_text_decode(copy + i, n - i, &cp);
	}
	free(copy);
	return count;
}

/* The clause the title is made of, and its length in *n. */
static const char *title_clause(const char *text, size_t *n)
{
	const char *s = skip_spaces(text);

	for (;;) {
		*n = clause_end(s);
		if (residue(s, *n) > 4)
			return s;
		if (!s[*n])
			break;
		s = skip_spaces(s + *n +
				word_at(s + *n, stops, BR_ARRAY_SIZE(stops)));
	}
	*n = clause_end(text);
	return text;
}

static const char *make_title(struct imp_batch *b, const char *text)
{
	size_t n, i = 0, chars = 0, keep = 0;
	const char *s = title_clause(text, &n);
	char cut[TITLE_CHARS * 4 + 4];
	int32_t cp;

	while (i < n) {
		if (chars == TITLE_CHARS - 1)
			keep = i;
		if (chars++ == TITLE_CHARS) {
			snprintf(cut, sizeof(cut), "%.*s…", (int)keep, s);
			return imp_strndup(b, cut, strlen(cut));
		}
		i += (size_t)br_text_decode(s + i, n - i, &cp);
	}
	return imp_strndup(b, s, n);
}

/* ------------------------------------------------------------------
 * People
 */

struct match {
	size_t start, end;
	int64_t person; /* 0: a name several people have (no link) */
};

struct matches {
	struct match *v;
	size_t n, cap;
};

static void add_match(struct matches *m, size_t a, size_t b, int64_t person)
{
	m->v = br_grow(m->v, m->n, &m->cap, sizeof(*m->v));
	m->v[m->n++] = (struct match){a, b, person};
}

/* A Latin word: a letter or digit, then letters, digits and . & ' ’ -
 * inside it. */
struct word {
	size_t start, end;
	int name; /* capitalised with a lowercase letter: Mira, OpenAI */
};

static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static size_t word_len(const char *s)
{
	size_t i = 0, last = 0;

	while (s[i]) {
		if (alnum(s[i]))
			last = ++i;
		else if (strchr(".&'-", s[i]))
			i++;
		else if (starts(s + i, "’"))
			i += 3;
		else
			break;
	}
	return last;
}

static size_t find_words(const char *s, struct word **out)
{
	struct word *v = NULL;
	size_t n = 0, cap = 0, i = 0, l, k;

	while (s[i]) {
		if (!alnum(s[i]) || (i > 0 && alnum(s[i - 1]))) {
			i++;
			continue;
		}
		l = word_len(s + i);
		v = br_grow(v, n, &cap, sizeof(*v));
		v[n] = (struct word){i, i + l, s[i] >= 'A' && s[i] <= 'Z'};
		for (k = i;
		     v[n].name && k < i + l && !(s[k] >= 'a' && s[k] <= 'z');
		     k++)
			;
		v[n].name = v[n].name && k < i + l;
		n++;
		i += l;
	}
	*out = v;
	return n;
}

/* Whether word k + 1 follows word k after one space. */
static int joined(const char *s, const struct word *w, size_t k)
{
	return w[k + 1].start == w[k].end + 1 && s[w[k].end] == ' ';
}

static int by_norm(const void *key, const void *elem)
{
	return strcmp(key, ((const struct imp_alias *)elem)->norm);
}

/* The person whose alias folds to the text; 0 for a name several people
 * share, -1 for none. */
static int64_t lookup(const struct imp_aliases *a, const char *s, size_t n)
{
	char *copy = br_xstrndup(s, n), *norm = br_text_fold(copy);
	const struct imp_alias *hit = NULL, *p;
	int64_t id = -1;

	if (*norm && a->n)
		hit = bsearch(norm, a->v, a->n, sizeof(*a->v), by_norm);
	if (hit) {
		id = hit->person;
		for (p = a->v; p < a->v + a->n; p++)
			if (!strcmp(p->norm, norm) && p->person != id)
				id = 0;
	}
	free(copy);
	free(norm);
	return id;
}

/* Latin names: at each word, the longest run of words that is an alias. */
static void latin_matches(const char *s, const struct word *w, size_t nw,
			  const struct imp_aliases *a, struct matches *m)
{
	size_t i, len, run;
	int64_t id;

	for (i = 0; i < nw; i++) {
		for (run = 1;
		     i + run < nw && run < 6 && joined(s, w, i + run - 1);
		     run++)
			;
		for (len = run; len > 0; len--) {
			id = lookup(a, s + w[i].start,
				    w[i + len - 1].end - w[i].start);
			if (id >= 0) {
				add_match(m, w[i].start, w[i + len - 1].end,
					  id);
				break;
			}
		}
	}
}

/* Names in Han characters (two or more), anywhere in the text. */
static void han_matches(const char *s, const struct imp_aliases *a,
			struct matches *m)
{
	const char *p;
	size_t k;

	for (k = 0; k < a->n; k++) {
		const struct imp_alias *al = &a->v[k];

		if (!al->han || strlen(al->text) < 6)
			continue;
		for (p = s; (p = strstr(p, al->text)); p++)
			add_match(m, (size_t)(p - s),
				  (size_t)(p - s) + strlen(al->text),
				  al->person);
	}
}

static int by_start(const void *x, const void *y)
{
	const struct match *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return 0;
}

/* Keeps the matches that do not overlap an earlier or longer one. */
static void resolve(struct matches *m)
{
	size_t i, n = 0, end = 0;

	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), by_start);
	for (i = 0; i < m->n; i++) {
		if (n && m->v[i].start < end)
			continue;
		end = m->v[i].end;
		m->v[n++] = m->v[i];
	}
	m->n = n;
}

static int covered(const struct matches *m, const struct word *w)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (w->start < m->v[i].end && m->v[i].start < w->end)
			return 1;
	return 0;
}

/* Runs of capitalised words that no alias covers. */
static void unknown_names(const char *s, const struct word *w, size_t nw,
			  const struct matches *m, struct br_strings *out)
{
	size_t i = 0, j;

	while (i < nw) {
		if (!w[i].name || covered(m, &w[i])) {
			i++;
			continue;
		}
		for (j = i; j + 1 < nw && joined(s, w, j) && w[j + 1].name &&
			    !covered(m, &w[j + 1]);
		     j++)
			;
		imp_strings_add(out, s + w[i].start, w[j].end - w[i].start);
		i = j + 1;
	}
}

/* The people of the matches, in order of first mention. */
static void set_people(struct imp_batch *b, struct imp_event *ev,
		       const struct matches *m)
{
	size_t i, k;

	ev->people = br_pool_alloc(&b->pool, (m->n + 1) * sizeof(*ev->people));
	for (i = 0; i < m->n; i++) {
		if (!m->v[i].person)
			continue;
		for (k = 0; k < ev->n_people; k++)
			if (ev->people[k].id == m->v[i].person)
				break;
		if (k < ev->n_people)
			continue;
		ev->people[k] = (struct imp_person){NULL,
						    {"", ""},
						    k ? "mentioned" : "actor",
						    m->v[i].person};
		ev->n_people++;
	}
}

static void link_people(struct imp_batch *b, struct imp_event *ev,
			const char *text, const struct imp_aliases *a,
			struct br_import_report *rep)
{
	struct matches m = {0};
	struct word *w;
	size_t nw = find_words(text, &w);

	latin_matches(text, w, nw, a, &m);
	han_matches(text, a, &m);
	resolve(&m);
	set_people(b, ev, &m);
	unknown_names(text, w, nw, &m, &rep->unknown);
	rep->linked += (long)ev->n_people;
	free(m.v);
	free(w);
}

/* ------------------------------------------------------------------
 * Reading the entries
 */

struct reader {
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

/* An entry without a time: the previous entry's, as its rule says. */
static void inherit(struct reader *r, struct imp_event *ev)
{
	char en[256], zh[256];

	ev->inferred = 1;
	ev->time_text = "";
	if (!r->have_prev) {
		year_bounds(r->ctx->zone, r->ctx->year, &ev->t_min, &ev->t_max);
		ev->ts = ev->t_min;
		ev->prec = BR_PREC_YEAR;
		add_note(r->b, ev, "inference",
			 "The entry states no time and no entry before it "
			 "does: only the year is known.",
			 "该条目未写时间，此前也没有条目写明，只知年份。");
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
	snprintf(en, sizeof(en),
		 "The entry states no time; it is dated as the entry before "
		 "it (%s).",
		 r->prev.marker);
	snprintf(zh, sizeof(zh), "该条目未写时间，按前一条（%s）的时间计。",
		 r->prev.marker);
	add_note(r->b, ev, "inference", en, zh);
}

static void date_entry(struct reader *r, struct imp_event *ev, const char *text)
{
	struct br_when w;
	size_t a, b;

	if (read_time(text, &r->wc, &w, &a, &b, &r->rep->dates_unread)) {
		ev->ts = w.at;
		ev->t_min = w.t_min;
		ev->t_max = w.t_max;
		ev->prec = w.precision;
		ev->time_text = imp_strndup(r->b, text + a, b - a);
	} else {
		inherit(r, ev);
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

	for (k = 0; k < r->b->n; k++)
		if (!strcmp(r->b->v[k].marker, m->text)) {
			snprintf(r->err, r->errlen,
				 "%s: line %ld: %s appears twice (first on "
				 "line %ld)",
				 r->name, line, m->text, r->b->v[k].line);
			return -1;
		}
	ev = imp_batch_add(r->b);
	ev->kind = m->kind;
	ev->marker = imp_strndup(r->b, m->text, strlen(m->text));
	ev->line = line;
	ev->title[BR_LANG_EN] = ev->summary[BR_LANG_EN] = "";
	ev->summary[BR_LANG_ZH] = imp_strndup(r->b, text, strlen(text));
	ev->title[BR_LANG_ZH] = *text ? make_title(r->b, text) : ev->marker;
	ev->notes = br_pool_alloc(&r->b->pool, 2 * sizeof(*ev->notes));
	date_entry(r, ev, text);
	damage_note(r->b, ev, c);
	link_people(r->b, ev, text, r->ctx->aliases, r->rep);
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
	const char *s = skip_spaces(clean);
	struct marker m;
	int rc = 0;

	trim_end(clean);
	if (!*s) {
		free(clean);
		return 0;
	}
	if (parse_marker(s, &m)) {
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
