/* when: time zones, the parser for what a person types to name a moment,
 * and the formatting of an event's time at its real precision.
 *
 * Zones go through the C library by setting TZ (see when.h). The parser is
 * a tokenizer followed by a small component parser: the text is cut into
 * numbers, ASCII words, punctuation and Chinese words, then each run of
 * tokens is read as one component (a date, a weekday, a time, a part of
 * the day, a zone suffix...) that fills a field, and the fields are finally
 * resolved into an interval. Whole-text forms (relative steps and the
 * crisis clock) are recognised first. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "boardroom/when.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------------
 * Precision names
 */

static const char *const prec_names[] = {
	"minute", "hour", "part_of_day", "day", "month", "year",
};

const char *br_precision_name(enum br_precision prec)
{
	if ((unsigned)prec >= BR_ARRAY_SIZE(prec_names))
		return "unknown";
	return prec_names[prec];
}

int br_precision_parse(const char *name, enum br_precision *out)
{
	size_t k;

	for (k = 0; name && k < BR_ARRAY_SIZE(prec_names); k++) {
		if (!strcasecmp(name, prec_names[k])) {
			*out = (enum br_precision)k;
			return 0;
		}
	}
	return -1;
}

/* ---------------------------------------------------------------------
 * Calendar arithmetic, independent of the C library so that it works for
 * any instant and never depends on TZ.
 */

/* Instants outside years 0000-9999 are clamped before they are shown, so
 * every formatted field has a bounded width and no library call overflows. */
#define SHOW_MIN INT64_C(-62167219200) /* 0000-01-01T00:00:00Z */
#define SHOW_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */
/* What the parser may produce: years 1-9999. */
#define PARSE_MIN INT64_C(-62135596800) /* 0001-01-01T00:00:00Z */
#define PARSE_MAX SHOW_MAX

struct ymd {
	int y, m, d;
};

static br_instant clamp_show(br_instant t)
{
	return t < SHOW_MIN ? SHOW_MIN : t > SHOW_MAX ? SHOW_MAX : t;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm). Months outside 1..12 and days outside the month carry, as
 * with mktime, so "day 32" or "month 13" need no special case. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y += floor_div(m - 1, 12);
	m = floor_mod(m - 1, 12) + 1;
	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse; z must keep the year within int (callers bound it). */
static struct ymd civil_from_days(int64_t z)
{
	int64_t era, doe, yoe, doy, mp;
	struct ymd r;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

static int64_t ymd_days(struct ymd d)
{
	return days_from_civil(d.y, d.m, d.d);
}

/* 0 = Sunday, as tm_wday; 1970-01-01 was a Thursday. */
static int weekday_of(struct ymd d)
{
	return (int)floor_mod(ymd_days(d) + 4, 7);
}

static int days_in_month(int y, int m)
{
	return (int)(days_from_civil(y, m + 1, 1) - days_from_civil(y, m, 1));
}

/* The broken-down UTC time of t, which must be within the display range. */
static void utc_tm(br_instant t, struct tm *tm)
{
	int64_t days = floor_div(t, 86400), secs = t - days * 86400;
	struct ymd d = civil_from_days(days);

	memset(tm, 0, sizeof(*tm));
	tm->tm_year = d.y - 1900;
	tm->tm_mon = d.m - 1;
	tm->tm_mday = d.d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)floor_mod(days + 4, 7);
	tm->tm_yday = (int)(days - days_from_civil(d.y, 1, 1));
}

/* The wall clock of tm read as if it were UTC: minus the instant, it gives
 * the zone offset without relying on the non-standard tm_gmtoff. */
static int64_t wall_seconds(const struct tm *tm)
{
	return days_from_civil(tm->tm_year + 1900LL, tm->tm_mon + 1,
			       tm->tm_mday) *
		       86400 +
	       tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec;
}

/* ---------------------------------------------------------------------
 * Time zones
 *
 * The C library only knows one zone at a time, the one in TZ. Switching
 * costs a tzset(), which reads the zone file, so the TZ value last applied
 * is cached and a call in the same zone changes nothing.
 */

#define ZONE_LA		 "America/Los_Angeles"
#define ZONE_SH		 "Asia/Shanghai"
#define ZONE_DEFAULT_DIR "/usr/share/zoneinfo"

static int local_saved; /* local_tz holds the TZ of the process's start */
static char *local_tz;	/* NULL if TZ was unset */
static int tz_applied;	/* tz_value holds the TZ we last set */
static char *tz_value;	/* NULL: we unset TZ */

static int same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

/* "The local zone" is TZ as it was before boardroom first touched it. */
static void save_local(void)
{
	const char *tz;

	if (local_saved)
		return;
	tz = getenv("TZ");
	local_tz = tz ? br_xstrdup(tz) : NULL;
	local_saved = 1;
}

/* Sets TZ to want (NULL: unset) and re-reads it, unless it is already so.
 * getenv is compared too, in case someone else changed TZ behind us. */
static void use_tz(const char *want)
{
	if (tz_applied && same_str(want, tz_value) &&
	    same_str(want, getenv("TZ")))
		return;
	if (want)
		setenv("TZ", want, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz_value);
	tz_value = want ? br_xstrdup(want) : NULL;
	tz_applied = 1;
}

/* An IANA name that is safe to put under the zoneinfo directory: no "..",
 * not absolute, only the characters zone names use. */
static int zone_name_ok(const char *name)
{
	size_t k, n = strlen(name);

	if (!n || n >= sizeof(((struct br_zone *)0)->name) || name[0] == '/' ||
	    strstr(name, ".."))
		return 0;
	for (k = 0; k < n; k++) {
		char c = name[k];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || strchr("/_+-", c)))
			return 0;
	}
	return 1;
}

static void apply_zone(const struct br_zone *zone)
{
	char tz[80];

	save_local();
	if (!zone || !zone->name[0]) {
		use_tz(local_tz);
		return;
	}
	/* UTC needs no zone file; a name not made by br_zone_set that is
	 * unsafe to look up is read as UTC rather than passed on. */
	if (!memchr(zone->name, '\0', sizeof(zone->name)) ||
	    !strcmp(zone->name, "UTC") || !zone_name_ok(zone->name)) {
		use_tz("UTC0");
		return;
	}
	snprintf(tz, sizeof(tz), ":%s", zone->name);
	use_tz(tz);
}

void br_zone_local(const struct br_zone *zone, br_instant t, struct tm *out,
		   long *gmtoff)
{
	time_t tt;

	t = clamp_show(t);
	apply_zone(zone);
	tt = (time_t)t;
	if ((br_instant)tt != t || !localtime_r(&tt, out))
		utc_tm(t, out);
	if (gmtoff)
		*gmtoff = (long)(wall_seconds(out) - t);
}

br_instant br_zone_instant(const struct br_zone *zone, const struct tm *tm)
{
	struct tm copy = *tm;

	apply_zone(zone);
	copy.tm_isdst = -1;
	return (br_instant)mktime(&copy);
}

/* Copies len bytes of src into dst (size n) for an error message: invalid
 * UTF-8 and control characters become '?', so a message can neither break
 * a terminal nor carry bytes that are not text. */
static int utf8_next(const unsigned char *s, size_t n, uint32_t *cp);

static void sanitize(char *dst, size_t n, const char *src, size_t len)
{
	size_t i = 0, o = 0;

	while (i < len && o + 5 < n) {
		uint32_t cp = 0;
		int l = utf8_next((const unsigned char *)src + i, len - i, &cp);

		if (l <= 0 || cp < 0x20 || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			dst[o++] = '?';
			i += l <= 0 ? 1 : (size_t)l;
			continue;
		}
		memcpy(dst + o, src + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
	}
	if (n)
		dst[o < n ? o : n - 1] = '\0';
}

static int zone_fail(char *err, size_t errlen, const char *what,
		     const char *spec)
{
	char quoted[256], msg[512];

	sanitize(quoted, sizeof(quoted), spec, strlen(spec));
	snprintf(msg, sizeof(msg), "%s: '%s'", what, quoted);
	if (err && errlen)
		br_strlcpy(err, msg, errlen);
	return -1;
}

/* Whether name is a compiled zone file under $TZDIR or the default
 * directory: it must exist and start with the "TZif" magic, which also
 * rules out directories and the tables (zone.tab...) kept beside them. */
static int zone_file_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	FILE *f;
	int ok;

	if (!dir || !*dir)
		dir = ZONE_DEFAULT_DIR;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && !memcmp(magic, "TZif", 4);
	fclose(f);
	return ok;
}

static const struct zone_alias {
	const char *spec, *name;
} zone_aliases[] = {
	{"pt", ZONE_LA},      {"pst", ZONE_LA},
	{"pdt", ZONE_LA},     {"pacific", ZONE_LA},
	{"beijing", ZONE_SH}, {"bjt", ZONE_SH},
	{"cst", ZONE_SH},     {"china", ZONE_SH},
	{"北京", ZONE_SH},    {"utc", "UTC"},
	{"z", "UTC"},	      {"gmt", "UTC"},
	{"local", ""},	      {"", ""},
};

static void zone_label(const char *name, char *label, size_t n)
{
	const char *slash = strrchr(name, '/');

	if (!*name)
		br_strlcpy(label, "local", n);
	else if (!strcmp(name, ZONE_LA) || !strcmp(name, "US/Pacific"))
		br_strlcpy(label, "PT", n);
	else if (!strcmp(name, ZONE_SH) || !strcmp(name, "PRC"))
		br_strlcpy(label, "Beijing", n);
	else if (!strcmp(name, "UTC") || !strcmp(name, "Etc/UTC"))
		br_strlcpy(label, "UTC", n);
	else
		br_strlcpy(label, slash ? slash + 1 : name, n);
}

static const char *zone_alias(const char *spec)
{
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(zone_aliases); k++)
		if (!strcasecmp(spec, zone_aliases[k].spec))
			return zone_aliases[k].name;
	return NULL;
}

int br_zone_set(struct br_zone *zone, const char *spec, char *err,
		size_t errlen)
{
	const char *name;

	if (!spec)
		spec = "";
	name = zone_alias(spec);
	if (!name) {
		if (!zone_name_ok(spec))
			return zone_fail(err, errlen, "not a time zone name",
					 spec);
		name = spec;
	}
	/* UTC and the local zone need no file; any other must exist, or
	 * the C library would silently fall back to UTC. */
	if (*name && strcmp(name, "UTC") && !zone_file_exists(name))
		return zone_fail(err, errlen,
				 "unknown time zone (no such zone file)", spec);
	br_strlcpy(zone->name, name, sizeof(zone->name));
	zone_label(name, zone->label, sizeof(zone->label));
	return 0;
}

/* ---------------------------------------------------------------------
 * Parts of the day
 */

enum part { P_EARLY, P_MORNING, P_NOON, P_AFTERNOON, P_EVENING, P_NIGHT };

static const struct part_def {
	int from, to; /* local hours, inclusive */
	const char *en, *zh;
} parts[] = {
	[P_EARLY] = {0, 5, "early morning", "凌晨"},
	[P_MORNING] = {6, 11, "morning", "上午"},
	[P_NOON] = {11, 12, "noon", "中午"},
	[P_AFTERNOON] = {12, 17, "afternoon", "下午"},
	[P_EVENING] = {18, 23, "evening", "晚上"},
	[P_NIGHT] = {20, 23, "night", "夜里"},
};

/* How far hour h lies outside part's hours. */
static int part_distance(int h, enum part part)
{
	if (h < parts[part].from)
		return parts[part].from - h;
	return h > parts[part].to ? h - parts[part].to : 0;
}

/* An hour typed on a 12-hour reading ("下午3点", "evening 8") moved into
 * the part of the day: of h, h + 12 and (for 12) 0, the one nearest the
 * part wins, so 傍晚5点 is 17:00 and 晚上12点 is 24:00, the midnight that
 * ends the day. */
static int part_hour(int h, enum part part)
{
	int cand[3] = {h, h + 12, h == 12 ? 0 : h};
	int best = h, k;

	for (k = 1; k < 3; k++)
		if (part_distance(cand[k], part) < part_distance(best, part))
			best = cand[k];
	return best;
}

/* ---------------------------------------------------------------------
 * Tokens
 */

#define MAX_INPUT 256
#define MAX_TOK	  MAX_INPUT

enum tok_kind { TK_END, TK_NUM, TK_WORD, TK_PUNCT, TK_ZH, TK_OTHER };

enum zh_id {
	ZH_YEAR,
	ZH_MONTH,
	ZH_DAY,
	ZH_HOUR,
	ZH_ZHONG,
	ZH_MIN,
	ZH_HALF,
	ZH_WEEK,
	ZH_TIAN,
	ZH_PART,
	ZH_REL,
	ZH_TONIGHT,
};

struct tok {
	enum tok_kind kind;
	size_t start, end; /* bytes of the original text */
	long num;	   /* TK_NUM: value; TK_ZH: the word's value */
	int ndigits;	   /* TK_NUM: digits typed (0 for 十 forms) */
	int zh;		   /* TK_NUM written in Chinese numerals */
	int id;		   /* TK_ZH: enum zh_id; TK_PUNCT: the character */
	char word[16];	   /* TK_WORD: lowercase; "" if longer */
};

/* Chinese words, two-character ones first: the lexer takes the first
 * entry that matches, which makes this a longest match. */
static const struct zh_word {
	const char *text;
	enum zh_id id;
	int val;
} zh_words[] = {
	/* Relative days as an article tells them: the day after (or before)
	 * the reference day, which the importer sets to the previous entry's;
	 * simplified and traditional spellings alike. */
	{"第二天", ZH_REL, 1},
	{"前一天", ZH_REL, -1},
	{"次日", ZH_REL, 1},
	{"翌日", ZH_REL, 1},
	{"隔天", ZH_REL, 1},
	{"隔日", ZH_REL, 1},
	{"当天", ZH_REL, 0},
	{"當天", ZH_REL, 0},
	{"当日", ZH_REL, 0},
	{"當日", ZH_REL, 0},
	{"后天", ZH_REL, 2},
	{"後天", ZH_REL, 2},
	{"前天", ZH_REL, -2},
	{"当晚", ZH_TONIGHT, P_EVENING},
	{"當晚", ZH_TONIGHT, P_EVENING},
	{"星期", ZH_WEEK, 0},
	{"礼拜", ZH_WEEK, 0},
	{"禮拜", ZH_WEEK, 0},
	{"凌晨", ZH_PART, P_EARLY},
	{"淩晨", ZH_PART, P_EARLY},
	{"清晨", ZH_PART, P_MORNING},
	{"早间", ZH_PART, P_MORNING},
	{"早間", ZH_PART, P_MORNING},
	{"早上", ZH_PART, P_MORNING},
	{"上午", ZH_PART, P_MORNING},
	{"早晨", ZH_PART, P_MORNING},
	{"中午", ZH_PART, P_NOON},
	{"下午", ZH_PART, P_AFTERNOON},
	{"晚上", ZH_PART, P_EVENING},
	{"晚间", ZH_PART, P_EVENING},
	{"晚間", ZH_PART, P_EVENING},
	{"傍晚", ZH_PART, P_EVENING},
	{"夜间", ZH_PART, P_NIGHT},
	{"夜間", ZH_PART, P_NIGHT},
	{"夜里", ZH_PART, P_NIGHT},
	{"夜裡", ZH_PART, P_NIGHT},
	{"夜裏", ZH_PART, P_NIGHT},
	{"深夜", ZH_PART, P_NIGHT},
	{"今天", ZH_REL, 0},
	{"明天", ZH_REL, 1},
	{"昨天", ZH_REL, -1},
	{"今晚", ZH_TONIGHT, P_EVENING},
	{"年", ZH_YEAR, 0},
	{"月", ZH_MONTH, 0},
	{"日", ZH_DAY, 0},
	{"号", ZH_DAY, 0},
	{"號", ZH_DAY, 0},
	{"点", ZH_HOUR, 0},
	{"點", ZH_HOUR, 0},
	{"时", ZH_HOUR, 0},
	{"時", ZH_HOUR, 0},
	{"钟", ZH_ZHONG, 0},
	{"鐘", ZH_ZHONG, 0},
	{"分", ZH_MIN, 0},
	{"半", ZH_HALF, 0},
	{"周", ZH_WEEK, 0},
	{"週", ZH_WEEK, 0},
	{"天", ZH_TIAN, 0},
};

/* Chinese numerals; 十 (10) is the only multiplier needed (up to 99). */
static const struct zh_digit {
	const char *text;
	int val;
} zh_digits[] = {
	{"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2},  {"两", 2},
	{"兩", 2}, {"三", 3}, {"四", 4}, {"五", 5},  {"六", 6},
	{"七", 7}, {"八", 8}, {"九", 9}, {"十", 10},
};

struct fields {
	int year, month, mday;	/* -1: not typed */
	int weekday;		/* 0 (Sun)..6; -1: not typed */
	int dates;		/* a date component was seen */
	int date_from, date_to; /* its tokens, for messages */
	int has_rel, rel;	/* today (0), tomorrow (1)... */
	long crisis_day;	/* "day N"; 0: not typed */
	int has_time, hour, min, sec;
	int has_min;   /* minutes were typed: precision minute */
	int free_hour; /* a 12-hour reading the part of the day may move */
	int part;      /* enum part; -1: none */
	int has_offset;
	long offset; /* seconds east of UTC, from "Z" or "+08:00" */
};

struct parser {
	const char *text;
	size_t len;
	const struct br_when_ctx *ctx;
	char *err;
	size_t errlen;
	int ntok, pos;
	struct fields f;
	struct tok tok[MAX_TOK + 1]; /* ends with a TK_END */
};

/* ---------------------------------------------------------------------
 * Errors
 */

static int failf(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int failf(struct parser *p, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (p->err && p->errlen)
		br_strlcpy(p->err, msg, p->errlen);
	return -1;
}

/* "what 'the bytes from..to' in 'the whole text'"; the whole text is not
 * repeated when it is the part quoted. */
static int fail_span(struct parser *p, const char *what, size_t from, size_t to)
{
	char part[MAX_INPUT + 8], whole[MAX_INPUT + 8];

	sanitize(part, sizeof(part), p->text + from, to - from);
	if (from == 0 && to == p->len)
		return failf(p, "%s '%s'", what, part);
	sanitize(whole, sizeof(whole), p->text, p->len);
	return failf(p, "%s '%s' in '%s'", what, part, whole);
}

/* The same for tokens [from, to); to is clamped to the tokens there are. */
static int fail_tok(struct parser *p, const char *what, int from, int to)
{
	if (to > p->ntok)
		to = p->ntok;
	if (from >= to)
		return fail_span(p, what, p->len, p->len);
	return fail_span(p, what, p->tok[from].start, p->tok[to - 1].end);
}

/* ---------------------------------------------------------------------
 * Lexer
 */

/* The length of the valid UTF-8 sequence at s (at most n bytes) and its
 * code point, or 0 if it is not valid (overlong, surrogate, truncated). */
static int utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	int len, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	/* The payload bits of the lead byte, and the smallest code point
	 * that needs this length (anything less is an overlong form). */
	c &= 0x7Fu >> len;
	min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
	if ((size_t)len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* The code point at byte i with full-width forms folded to ASCII (and the
 * ideographic space to a space, the minus sign to '-'); 0 at the end.
 * *next receives the byte after it. The text was validated already. */
static uint32_t cp_at(const struct parser *p, size_t i, size_t *next)
{
	uint32_t cp = 0;
	int l;

	if (i >= p->len) {
		*next = p->len;
		return 0;
	}
	l = utf8_next((const unsigned char *)p->text + i, p->len - i, &cp);
	*next = i + (l > 0 ? (size_t)l : 1);
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	if (cp == 0x2212)
		return '-';
	return cp;
}

static int is_sep(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == ',' || c == '(' ||
	       c == ')' || c == 0xA0 || c == 0x3001 || c == 0x3002;
}

static int is_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int lex_digits(struct parser *p, struct tok *t, size_t *i)
{
	size_t next;
	uint32_t c;

	t->kind = TK_NUM;
	while ((c = cp_at(p, *i, &next)) >= '0' && c <= '9') {
		if (++t->ndigits <= 9)
			t->num = t->num * 10 + (long)(c - '0');
		*i = next;
	}
	if (t->ndigits > 9)
		return fail_span(p, "number too long:", t->start, *i);
	return 0;
}

/* A word of ASCII letters, lowercased; one '.' right after it is part of
 * it, for abbreviations ("Nov."). */
static int lex_word(struct parser *p, struct tok *t, size_t *i)
{
	size_t next, n = 0;
	uint32_t c;

	t->kind = TK_WORD;
	while (is_alpha(c = cp_at(p, *i, &next))) {
		if (n < sizeof(t->word) - 1)
			t->word[n] = (char)(c | 0x20);
		n++;
		*i = next;
	}
	t->word[n < sizeof(t->word) ? n : 0] = '\0';
	if (cp_at(p, *i, &next) == '.')
		*i = next;
	return 0;
}

static size_t match_zh_digit(const char *s, int *val)
{
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(zh_digits); k++) {
		size_t n = strlen(zh_digits[k].text);

		if (!strncmp(s, zh_digits[k].text, n)) {
			*val = zh_digits[k].val;
			return n;
		}
	}
	return 0;
}

/* The value of a run of Chinese numerals: positional (二〇二三 = 2023) or
 * with one 十 (十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23). */
static int zh_value(const int *v, int n, struct tok *t)
{
	int k, ten = -1;

	for (k = 0; k < n; k++) {
		if (v[k] == 10 && ten >= 0)
			return -1;
		if (v[k] == 10)
			ten = k;
	}
	if (ten < 0) {
		for (k = 0; k < n; k++)
			t->num = t->num * 10 + v[k];
		t->ndigits = n;
		return n <= 9 ? 0 : -1;
	}
	if (ten > 1 || n - ten > 2 || (ten == 1 && v[0] < 1) ||
	    (ten + 1 < n && v[ten + 1] < 1))
		return -1;
	t->num = (ten ? v[0] : 1) * 10 + (ten + 1 < n ? v[ten + 1] : 0);
	return 0;
}

/* After 周 or 星期 a numeral is one character: 周三三点 is Wednesday 3:00,
 * not "week 33". */
static int after_week(const struct parser *p)
{
	return p->ntok > 0 && p->tok[p->ntok - 1].kind == TK_ZH &&
	       p->tok[p->ntok - 1].id == ZH_WEEK;
}

static int lex_zh_number(struct parser *p, struct tok *t, size_t *i)
{
	int v[12], n = 0, val, single = after_week(p);
	size_t l;

	t->kind = TK_NUM;
	t->zh = 1;
	while ((l = match_zh_digit(p->text + *i, &val)) > 0) {
		if (n < (int)BR_ARRAY_SIZE(v))
			v[n] = val;
		n++;
		*i += l;
		if (single)
			break;
	}
	if (n > (int)BR_ARRAY_SIZE(v) || zh_value(v, n, t) < 0)
		return fail_span(p, "not understood:", t->start, *i);
	return 0;
}

/* A Chinese word, a Chinese numeral, or else something not understood;
 * neighbouring things not understood make one token so that the error
 * quotes them together. */
static int lex_other(struct parser *p, struct tok *t, size_t *i)
{
	size_t k, next;
	int val;

	if (match_zh_digit(p->text + *i, &val))
		return lex_zh_number(p, t, i);
	for (k = 0; k < BR_ARRAY_SIZE(zh_words); k++) {
		size_t n = strlen(zh_words[k].text);

		if (!strncmp(p->text + *i, zh_words[k].text, n)) {
			t->kind = TK_ZH;
			t->id = (int)zh_words[k].id;
			t->num = zh_words[k].val;
			*i += n;
			return 0;
		}
	}
	cp_at(p, *i, &next);
	*i = next;
	t->kind = TK_OTHER;
	return 0;
}

static int lex_one(struct parser *p, size_t *i)
{
	struct tok *t = &p->tok[p->ntok];
	size_t next;
	uint32_t c = cp_at(p, *i, &next);

	memset(t, 0, sizeof(*t));
	t->start = *i;
	if (c >= '0' && c <= '9') {
		if (lex_digits(p, t, i) < 0)
			return -1;
	} else if (is_alpha(c)) {
		lex_word(p, t, i);
	} else if (c == '+' || c == '-' || c == ':' || c == '/') {
		t->kind = TK_PUNCT;
		t->id = (int)c;
		*i = next;
	} else if (lex_other(p, t, i) < 0) {
		return -1;
	}
	t->end = *i;
	if (t->kind == TK_OTHER && p->ntok > 0 &&
	    p->tok[p->ntok - 1].kind == TK_OTHER &&
	    p->tok[p->ntok - 1].end == t->start) {
		p->tok[p->ntok - 1].end = t->end;
		return 0;
	}
	p->ntok++;
	return 0;
}

static int lex(struct parser *p)
{
	size_t i = 0, next;
	struct tok *end;

	while (i < p->len) {
		if (is_sep(cp_at(p, i, &next))) {
			i = next;
			continue;
		}
		/* Every token takes at least one byte, so this cannot
		 * happen with MAX_TOK = MAX_INPUT; it guards the array. */
		if (p->ntok >= MAX_TOK)
			return failf(p, "too many parts");
		if (lex_one(p, &i) < 0)
			return -1;
	}
	end = &p->tok[p->ntok];
	memset(end, 0, sizeof(*end));
	end->kind = TK_END;
	end->start = end->end = p->len;
	return 0;
}

/* ---------------------------------------------------------------------
 * Token tests
 */

static const struct tok *tk(const struct parser *p, int k)
{
	int i = p->pos + k;

	return &p->tok[i >= 0 && i < p->ntok ? i : p->ntok];
}

static int is_punct(const struct tok *t, int c)
{
	return t->kind == TK_PUNCT && t->id == c;
}

static int is_word(const struct tok *t, const char *w)
{
	return t->kind == TK_WORD && !strcmp(t->word, w);
}

static int is_zh(const struct tok *t, enum zh_id id)
{
	return t->kind == TK_ZH && t->id == (int)id;
}

static int is_num(const struct tok *t)
{
	return t->kind == TK_NUM;
}

/* A number written with ASCII digits, between lo and hi digits long. */
static int is_digits(const struct tok *t, int lo, int hi)
{
	return is_num(t) && !t->zh && t->ndigits >= lo && t->ndigits <= hi;
}

/* A number that may be an hour, a day or a minute. */
static int is_small(const struct tok *t)
{
	return is_num(t) && (t->zh ? t->num < 100 : t->ndigits <= 2);
}

static int is_date_marker(const struct tok *t)
{
	return is_zh(t, ZH_YEAR) || is_zh(t, ZH_MONTH) || is_zh(t, ZH_DAY);
}

struct word_val {
	const char *w;
	int v;
};

static int lookup(const struct word_val *tab, size_t n, const struct tok *t,
		  int *v)
{
	size_t k;

	for (k = 0; t->kind == TK_WORD && k < n; k++) {
		if (!strcmp(t->word, tab[k].w)) {
			*v = tab[k].v;
			return 1;
		}
	}
	return 0;
}

#define LOOKUP(tab, t, v) lookup(tab, BR_ARRAY_SIZE(tab), t, v)

static const struct word_val month_words[] = {
	{"jan", 1},  {"january", 1},   {"feb", 2},    {"february", 2},
	{"mar", 3},  {"march", 3},     {"apr", 4},    {"april", 4},
	{"may", 5},  {"jun", 6},       {"june", 6},   {"jul", 7},
	{"july", 7}, {"aug", 8},       {"august", 8}, {"sep", 9},
	{"sept", 9}, {"september", 9}, {"oct", 10},   {"october", 10},
	{"nov", 11}, {"november", 11}, {"dec", 12},   {"december", 12},
};

static const struct word_val weekday_words[] = {
	{"sun", 0},	  {"sunday", 0}, {"mon", 1},	 {"monday", 1},
	{"tue", 2},	  {"tues", 2},	 {"tuesday", 2}, {"wed", 3},
	{"wednesday", 3}, {"thu", 4},	 {"thur", 4},	 {"thurs", 4},
	{"thursday", 4},  {"fri", 5},	 {"friday", 5},	 {"sat", 6},
	{"saturday", 6},
};

static const struct word_val unit_words[] = {
	{"m", 60},	  {"min", 60},	     {"mins", 60},   {"minute", 60},
	{"minutes", 60},  {"h", 3600},	     {"hr", 3600},   {"hrs", 3600},
	{"hour", 3600},	  {"hours", 3600},   {"d", 86400},   {"day", 86400},
	{"days", 86400},  {"w", 604800},     {"wk", 604800}, {"wks", 604800},
	{"week", 604800}, {"weeks", 604800},
};

static const struct word_val part_words[] = {
	{"morning", P_MORNING},
	{"afternoon", P_AFTERNOON},
	{"evening", P_EVENING},
	{"night", P_NIGHT},
};

static const struct word_val rel_words[] = {
	{"today", 0},
	{"tomorrow", 1},
	{"yesterday", -1},
};

static const struct word_val ampm_words[] = {
	{"am", 0},
	{"pm", 1},
};

static const struct word_val ordinal_words[] = {
	{"st", 0},
	{"nd", 0},
	{"rd", 0},
	{"th", 0},
};

/* -1 if t is not am/pm, else 0 (am) or 1 (pm). */
static int ampm(const struct tok *t)
{
	int v;

	return LOOKUP(ampm_words, t, &v) ? v : -1;
}

/* Whether the number at offset k starts a time ("5pm", "17:30", "3点"),
 * so that it is not taken for a day of month. */
static int starts_time(const struct parser *p, int k)
{
	const struct tok *n = tk(p, k + 1);

	return is_punct(n, ':') || ampm(n) >= 0 || is_zh(n, ZH_HOUR);
}

/* ---------------------------------------------------------------------
 * Components: each returns 1 if it read something (and advanced), 0 if
 * the tokens at pos are not its kind, -1 on error.
 */

static int set_date(struct parser *p, int from, int y, int m, int d)
{
	struct fields *f = &p->f;

	if (f->dates || (y >= 0 && f->year >= 0))
		return fail_tok(p, "more than one date:", from, p->pos);
	f->dates = 1;
	f->date_from = from;
	f->date_to = p->pos;
	if (y >= 0)
		f->year = y;
	f->month = m;
	f->mday = d;
	return 1;
}

/* Two-digit years are this century's (11/19/23). */
static int year_of(const struct tok *t)
{
	return (int)(t->ndigits == 2 ? 2000 + t->num : t->num);
}

/* ISO: 2023-11-19, 2023-11, optionally followed by T and a time. */
static int c_iso(struct parser *p)
{
	int from = p->pos, y, m, d = -1;

	if (!is_digits(tk(p, 0), 4, 4) || !is_punct(tk(p, 1), '-') ||
	    !is_digits(tk(p, 2), 1, 2))
		return 0;
	y = (int)tk(p, 0)->num;
	m = (int)tk(p, 2)->num;
	p->pos += 3;
	if (is_punct(tk(p, 0), '-') && is_digits(tk(p, 1), 1, 2)) {
		d = (int)tk(p, 1)->num;
		p->pos += 2;
	}
	if (d >= 0 && is_word(tk(p, 0), "t") && is_num(tk(p, 1)) &&
	    is_punct(tk(p, 2), ':'))
		p->pos++;
	return set_date(p, from, y, m, d);
}

/* US month/day[/year], and year/month/day when the first has 4 digits. */
static int c_slash(struct parser *p)
{
	int from = p->pos, y = -1, m, d = -1;

	if (!is_digits(tk(p, 0), 1, 4) || tk(p, 0)->ndigits == 3 ||
	    !is_punct(tk(p, 1), '/') || !is_digits(tk(p, 2), 1, 2))
		return 0;
	if (tk(p, 0)->ndigits == 4) {
		y = (int)tk(p, 0)->num;
		m = (int)tk(p, 2)->num;
		p->pos += 3;
		if (is_punct(tk(p, 0), '/') && is_digits(tk(p, 1), 1, 2)) {
			d = (int)tk(p, 1)->num;
			p->pos += 2;
		}
		return set_date(p, from, y, m, d);
	}
	m = (int)tk(p, 0)->num;
	d = (int)tk(p, 2)->num;
	p->pos += 3;
	if (is_punct(tk(p, 0), '/') && is_digits(tk(p, 1), 2, 4) &&
	    tk(p, 1)->ndigits != 3) {
		y = year_of(tk(p, 1));
		p->pos += 2;
	}
	return set_date(p, from, y, m, d);
}

static void skip_ordinal(struct parser *p)
{
	int v;

	if (LOOKUP(ordinal_words, tk(p, 0), &v))
		p->pos++;
}

/* Nov 19, Nov 19th 2023, 19 Nov, Nov 2023, November. */
static int c_name(struct parser *p)
{
	int from = p->pos, m, d = -1, y = -1, k, unused;

	if (LOOKUP(month_words, tk(p, 0), &m)) {
		p->pos++;
		if (is_digits(tk(p, 0), 1, 2) && !starts_time(p, 0)) {
			d = (int)tk(p, 0)->num;
			p->pos++;
			skip_ordinal(p);
		}
	} else if (is_digits(tk(p, 0), 1, 2)) {
		k = LOOKUP(ordinal_words, tk(p, 1), &unused) ? 2 : 1;
		if (!LOOKUP(month_words, tk(p, k), &m))
			return 0;
		d = (int)tk(p, 0)->num;
		p->pos += k + 1;
	} else {
		return 0;
	}
	if (is_digits(tk(p, 0), 4, 4) && !starts_time(p, 0)) {
		y = (int)tk(p, 0)->num;
		p->pos++;
	}
	return set_date(p, from, y, m, d);
}

/* 2023年11月19日, 11月19日, 11月19, 19号, 2023年11月, 11月, 2023年. */
static int c_zh_date(struct parser *p)
{
	int from = p->pos, y = -1, m = -1, d = -1;

	if (is_num(tk(p, 0)) && is_zh(tk(p, 1), ZH_YEAR)) {
		y = year_of(tk(p, 0));
		p->pos += 2;
	}
	if (is_small(tk(p, 0)) && is_zh(tk(p, 1), ZH_MONTH)) {
		m = (int)tk(p, 0)->num;
		p->pos += 2;
	}
	if (is_small(tk(p, 0)) && is_zh(tk(p, 1), ZH_DAY)) {
		d = (int)tk(p, 0)->num;
		p->pos += 2;
	} else if (m >= 0 && is_small(tk(p, 0)) && !starts_time(p, 0)) {
		d = (int)tk(p, 0)->num;
		p->pos++;
	}
	if (p->pos == from)
		return 0;
	if (y >= 0 && m < 0 && d >= 0)
		return fail_tok(p, "a day of month needs a month:", from,
				p->pos);
	return set_date(p, from, y, m, d);
}

static int set_weekday(struct parser *p, int from, int wd)
{
	if (p->f.weekday >= 0)
		return fail_tok(p, "more than one weekday:", from, p->pos);
	p->f.weekday = wd;
	return 1;
}

/* sun, sunday; 周日, 周一..周六, 星期天, 礼拜三. */
static int c_weekday(struct parser *p)
{
	int from = p->pos, wd;
	const struct tok *n = tk(p, 1);

	if (LOOKUP(weekday_words, tk(p, 0), &wd)) {
		p->pos++;
		return set_weekday(p, from, wd);
	}
	if (!is_zh(tk(p, 0), ZH_WEEK))
		return 0;
	if (is_zh(n, ZH_DAY) || is_zh(n, ZH_TIAN))
		wd = 0;
	else if (is_small(n) && n->num >= 1 && n->num <= 7)
		wd = (int)(n->num % 7);
	else
		return fail_tok(p, "not understood:", from, from + 2);
	p->pos += 2;
	return set_weekday(p, from, wd);
}

static int set_part(struct parser *p, int from, int part)
{
	if (p->f.part >= 0)
		return fail_tok(p, "more than one part of the day:", from,
				p->pos);
	p->f.part = part;
	return 1;
}

/* today, tomorrow, yesterday, tonight; 今天, 明天, 昨天, 今晚. */
static int c_rel(struct parser *p)
{
	int from = p->pos, days = 0, part = -1;
	const struct tok *t = tk(p, 0);

	if (is_word(t, "tonight"))
		part = P_NIGHT;
	else if (is_zh(t, ZH_TONIGHT))
		part = (int)t->num;
	else if (is_zh(t, ZH_REL))
		days = (int)t->num;
	else if (!LOOKUP(rel_words, t, &days))
		return 0;
	p->pos++;
	if (set_date(p, from, -1, -1, -1) < 0)
		return -1;
	p->f.has_rel = 1;
	p->f.rel = days;
	return part >= 0 ? set_part(p, from, part) : 1;
}

/* day N of the crisis clock: day 1 is the local day of origin. */
static int c_crisis_day(struct parser *p)
{
	int from = p->pos;

	if (!is_word(tk(p, 0), "day"))
		return 0;
	if (!is_digits(tk(p, 1), 1, 9))
		return fail_tok(p, "a number is needed after", from, from + 1);
	if (tk(p, 1)->num < 1)
		return fail_tok(p,
				"no such day (day 1 is the day of T+0):", from,
				from + 2);
	p->pos += 2;
	if (set_date(p, from, -1, -1, -1) < 0)
		return -1;
	p->f.crisis_day = tk(p, -1)->num;
	return 1;
}

/* morning, early morning, afternoon, evening, night; 凌晨, 下午... */
static int c_part(struct parser *p)
{
	int from = p->pos, part;

	if (is_word(tk(p, 0), "early") && is_word(tk(p, 1), "morning")) {
		part = P_EARLY;
		p->pos += 2;
	} else if (LOOKUP(part_words, tk(p, 0), &part)) {
		p->pos++;
	} else if (is_zh(tk(p, 0), ZH_PART)) {
		part = (int)tk(p, 0)->num;
		p->pos++;
	} else {
		return 0;
	}
	return set_part(p, from, part);
}

static int set_time(struct parser *p, int from, long h, long m, long s,
		    int has_min, int free_hour)
{
	struct fields *f = &p->f;

	if (f->has_time)
		return fail_tok(p, "more than one time:", from, p->pos);
	f->has_time = 1;
	f->hour = (int)h;
	f->min = (int)m;
	f->sec = (int)s;
	f->has_min = has_min;
	f->free_hour = free_hour;
	return 1;
}

static int with_ampm(struct parser *p, int from, long h, long m, long s,
		     int has_min, int pm)
{
	if (h < 1 || h > 12)
		return failf(p, "hour out of range: %ld%s", h,
			     pm ? "pm" : "am");
	h = h % 12 + (pm ? 12 : 0);
	return set_time(p, from, h, m, s, has_min, 0);
}

/* 17:30, 17:30:15, 5:30pm. */
static int clock_time(struct parser *p)
{
	int from = p->pos, pm;
	long h = tk(p, 0)->num, m, s = 0;

	if (!is_digits(tk(p, 2), 2, 2))
		return fail_tok(p, "not understood:", from, from + 3);
	m = tk(p, 2)->num;
	p->pos += 3;
	if (is_punct(tk(p, 0), ':')) {
		if (!is_digits(tk(p, 1), 2, 2))
			return fail_tok(p, "not understood:", from, p->pos + 2);
		s = tk(p, 1)->num;
		p->pos += 2;
	}
	if (m > 59)
		return failf(p, "minute out of range: %ld", m);
	if (s > 59)
		return failf(p, "second out of range: %ld", s);
	pm = ampm(tk(p, 0));
	if (pm >= 0) {
		p->pos++;
		return with_ampm(p, from, h, m, s, 1, pm);
	}
	if (h > 23)
		return failf(p, "hour out of range: %ld", h);
	return set_time(p, from, h, m, s, 1, h <= 12);
}

/* Whether the token at offset k can be the minutes after 点. */
static int zh_minutes_at(const struct parser *p, int k)
{
	const struct tok *n = tk(p, k + 1);

	return is_small(tk(p, k)) && !is_date_marker(n) && !is_zh(n, ZH_HOUR) &&
	       !is_punct(n, ':') && ampm(n) < 0;
}

/* 3点, 三点钟, 12点23分, 3点15, 三点半. */
static int zh_time(struct parser *p)
{
	int from = p->pos, has_min = 0;
	long h = tk(p, 0)->num, m = 0;

	p->pos += 2;
	if (is_zh(tk(p, 0), ZH_ZHONG))
		p->pos++;
	if (is_zh(tk(p, 0), ZH_HALF)) {
		m = 30;
		has_min = 1;
		p->pos++;
	} else if (zh_minutes_at(p, 0)) {
		m = tk(p, 0)->num;
		has_min = 1;
		p->pos += is_zh(tk(p, 1), ZH_MIN) ? 2 : 1;
	}
	if (h > 23)
		return failf(p, "hour out of range: %ld", h);
	if (m > 59)
		return failf(p, "minute out of range: %ld", m);
	return set_time(p, from, h, m, 0, has_min, h <= 12);
}

/* A time: noon, midnight, 17:30, 5pm, 3点..., or a bare hour after a part
 * of the day ("evening 8"). */
static int c_time(struct parser *p)
{
	const struct tok *t = tk(p, 0), *n = tk(p, 1);
	int from = p->pos, pm;

	if (is_word(t, "noon") || is_word(t, "midday") ||
	    is_word(t, "midnight")) {
		p->pos++;
		return set_time(p, from, is_word(t, "midnight") ? 0 : 12, 0, 0,
				0, 0);
	}
	if (!is_small(t))
		return 0;
	if (is_punct(n, ':') && !t->zh)
		return clock_time(p);
	if (is_zh(n, ZH_HOUR))
		return zh_time(p);
	pm = ampm(n);
	if (pm >= 0) {
		p->pos += 2;
		return with_ampm(p, from, t->num, 0, 0, 0, pm);
	}
	if (p->f.part < 0 || is_date_marker(n))
		return 0;
	if (t->num > 23)
		return failf(p, "hour out of range: %ld", t->num);
	p->pos++;
	return set_time(p, from, t->num, 0, 0, 0, t->num <= 12);
}

/* A zone suffix after a time: Z, UTC, GMT, or +08:00, -0800, +08. Only
 * after a time, so that a stray "-2" or "z" is not silently taken for a
 * zone (and a leading sign is a relative step, read before this). */
static int c_offset(struct parser *p)
{
	int from = p->pos, sign;
	long h, m = 0;

	if (!p->f.has_time)
		return 0;
	if (is_word(tk(p, 0), "z") || is_word(tk(p, 0), "utc") ||
	    is_word(tk(p, 0), "gmt")) {
		h = 0;
		sign = 1;
		p->pos++;
	} else if ((is_punct(tk(p, 0), '+') || is_punct(tk(p, 0), '-')) &&
		   (is_digits(tk(p, 1), 2, 2) || is_digits(tk(p, 1), 4, 4))) {
		sign = is_punct(tk(p, 0), '-') ? -1 : 1;
		h = tk(p, 1)->num;
		if (tk(p, 1)->ndigits == 4) {
			m = h % 100;
			h /= 100;
		}
		p->pos += 2;
		if (tk(p, -1)->ndigits == 2 && is_punct(tk(p, 0), ':') &&
		    is_digits(tk(p, 1), 2, 2)) {
			m = tk(p, 1)->num;
			p->pos += 2;
		}
	} else {
		return 0;
	}
	if (h > 23 || m > 59)
		return fail_tok(p, "no such zone offset:", from, p->pos);
	if (p->f.has_offset)
		return fail_tok(p, "more than one time zone:", from, p->pos);
	p->f.has_offset = 1;
	p->f.offset = sign * (h * 3600 + m * 60);
	return 1;
}

/* A year alone: 2023 ("2023 Nov 19" also works, the fields merge). */
static int c_year(struct parser *p)
{
	int from = p->pos;

	if (!is_digits(tk(p, 0), 4, 4))
		return 0;
	p->pos++;
	if (p->f.year >= 0)
		return fail_tok(p, "more than one year:", from, p->pos);
	p->f.year = (int)tk(p, -1)->num;
	return 1;
}

/* Tried in this order at each position; the first that reads wins. */
static int (*const components[])(struct parser *) = {
	c_iso,	      c_slash, c_zh_date, c_name,   c_weekday, c_rel,
	c_crisis_day, c_part,  c_time,	  c_offset, c_year,
};

static int read_components(struct parser *p)
{
	while (tk(p, 0)->kind != TK_END) {
		int before = p->pos, r = 0;
		size_t k;

		for (k = 0; k < BR_ARRAY_SIZE(components) && !r; k++)
			r = components[k](p);
		if (r < 0)
			return -1;
		/* A component that reads nothing would loop forever. */
		if (!r || p->pos <= before)
			return fail_tok(p, "not understood:", before,
					before + 1);
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Whole-text forms: relative steps and the crisis clock. Each names an
 * instant (t_min = t_max = at).
 */

static enum br_precision unit_precision(int unit)
{
	return unit == 60     ? BR_PREC_MINUTE
	       : unit == 3600 ? BR_PREC_HOUR
			      : BR_PREC_DAY;
}

/* Reads a sign then steps (3h, 1d3h, 90m...) up to the end. In the crisis
 * clock a lone number is hours (T+48). from is the first token of the
 * form, for messages. *prec receives the finest unit typed. */
static int read_steps(struct parser *p, int from, int crisis, int64_t *delta,
		      enum br_precision *prec)
{
	int64_t sign = is_punct(tk(p, 0), '-') ? -1 : 1, sum = 0;
	int n = 0, unit;

	p->pos++;
	*prec = BR_PREC_DAY;
	while (tk(p, 0)->kind != TK_END) {
		const struct tok *t = tk(p, 0);

		if (!is_digits(t, 1, 9))
			return n ? fail_tok(p, "not understood:", p->pos,
					    p->pos + 1)
				 : fail_tok(p, "a number is needed after", from,
					    p->pos);
		p->pos++;
		if (LOOKUP(unit_words, tk(p, 0), &unit))
			p->pos++;
		else if (crisis && !n && tk(p, 0)->kind == TK_END)
			unit = 3600;
		else if (tk(p, 0)->kind == TK_WORD)
			return fail_tok(p, "not a unit (m, h, d or w):", p->pos,
					p->pos + 1);
		else
			return fail_tok(p,
					"a unit (m, h, d or w) is "
					"needed after",
					from, p->pos);
		/* At most 9 digits times a week, MAX_TOK times: no overflow. */
		sum += t->num * unit;
		if (unit_precision(unit) < *prec)
			*prec = unit_precision(unit);
		n++;
	}
	if (!n)
		return fail_tok(p, "a number is needed after", from, p->pos);
	*delta = sign * sum;
	return 0;
}

static int instant(struct parser *p, br_instant base, int64_t delta,
		   enum br_precision prec, struct br_when *out)
{
	br_instant at;

	if (base < PARSE_MIN || base > PARSE_MAX ||
	    delta > PARSE_MAX - PARSE_MIN || delta < PARSE_MIN - PARSE_MAX)
		return fail_span(p, "out of range (years 1-9999):", 0, p->len);
	at = base + delta;
	if (at < PARSE_MIN || at > PARSE_MAX)
		return fail_span(p, "out of range (years 1-9999):", 0, p->len);
	out->at = out->t_min = out->t_max = at;
	out->precision = prec;
	return 1;
}

/* +3h, -1d, +1d3h from now. The result keeps now's minute, so it is
 * always minute-exact whatever the step unit. */
static int w_relative(struct parser *p, struct br_when *out)
{
	enum br_precision prec;
	int64_t delta;

	if (read_steps(p, p->pos, 0, &delta, &prec) < 0)
		return -1;
	return instant(p, p->ctx->now, delta, BR_PREC_MINUTE, out);
}

/* T+48, T+48h, T-10h, T+2d, T+90m: precision is the finest unit typed. */
static int w_crisis(struct parser *p, struct br_when *out)
{
	enum br_precision prec;
	int64_t delta;
	int from = p->pos;

	p->pos++;
	if (!is_punct(tk(p, 0), '+') && !is_punct(tk(p, 0), '-'))
		return fail_tok(p,
				"a sign and a number (T+48) are needed "
				"after",
				from, from + 1);
	if (read_steps(p, from, 1, &delta, &prec) < 0)
		return -1;
	return instant(p, p->ctx->origin, delta, prec, out);
}

/* hour N: origin + N hours. */
static int w_hour(struct parser *p, struct br_when *out)
{
	int from = p->pos;

	if (!is_digits(tk(p, 1), 1, 9))
		return fail_tok(p, "a number is needed after", from, from + 1);
	p->pos += 2;
	if (tk(p, 0)->kind != TK_END)
		return fail_tok(p, "not understood:", p->pos, p->pos + 1);
	return instant(p, p->ctx->origin, tk(p, -1)->num * 3600, BR_PREC_HOUR,
		       out);
}

/* 1 if the text is a whole-text form (read into out), 0 if not, -1. */
static int whole_form(struct parser *p, struct br_when *out)
{
	const struct tok *t = tk(p, 0);

	if (is_punct(t, '+') || is_punct(t, '-'))
		return w_relative(p, out);
	if (is_word(t, "t"))
		return w_crisis(p, out);
	if (is_word(t, "hour"))
		return w_hour(p, out);
	if (is_word(t, "now")) {
		p->pos++;
		if (tk(p, 0)->kind != TK_END)
			return fail_tok(p, "not understood:", p->pos,
					p->pos + 1);
		return instant(p, p->ctx->now, 0, BR_PREC_MINUTE, out);
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Resolution of the fields into an interval
 */

static const char *const mon_en[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const mon_en_full[] = {
	"January", "February", "March",	    "April",   "May",	   "June",
	"July",	   "August",   "September", "October", "November", "December",
};
static const char *const wd_en[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};
static const char *const wd_en_full[] = {
	"Sunday",   "Monday", "Tuesday",  "Wednesday",
	"Thursday", "Friday", "Saturday",
};
static const char *const wd_zh[] = {
	"日", "一", "二", "三", "四", "五", "六",
};

static struct ymd local_day(const struct parser *p, br_instant t)
{
	struct tm tm;
	struct ymd d;

	br_zone_local(p->ctx->zone, t, &tm, NULL);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

/* day + n days; n is bounded by the lexer (9 digits), so the year fits. */
static struct ymd add_days(struct ymd day, long n)
{
	return civil_from_days(ymd_days(day) + n);
}

/* The instant of a wall clock: in the typed offset if there was one
 * ("Z", "+08:00"), else in the context's zone. Fields may overflow (hour
 * 24, month 13) and carry. */
static br_instant make(const struct parser *p, struct ymd d, int h, int mi,
		       int s)
{
	struct tm tm;

	if (p->f.has_offset)
		return days_from_civil(d.y, d.m, d.d) * 86400 + h * 3600 +
		       mi * 60 + s - p->f.offset;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return br_zone_instant(p->ctx->zone, &tm);
}

/* Picks the date the fields name and its level (day, month or year). A
 * day of month without a month is in the reference month; a month without
 * a year is in ctx->default_year. */
static int pick_date(struct parser *p, struct ymd *day,
		     enum br_precision *level)
{
	const struct fields *f = &p->f;
	struct ymd ref = local_day(p, p->ctx->now);

	*level = BR_PREC_DAY;
	if (f->mday >= 0 && f->month < 0) {
		*day = (struct ymd){ref.y, ref.m, f->mday};
	} else if (f->month >= 0) {
		day->y = f->year >= 0 ? f->year : p->ctx->default_year;
		day->m = f->month;
		day->d = f->mday >= 0 ? f->mday : 1;
		if (f->mday < 0)
			*level = BR_PREC_MONTH;
	} else if (f->year >= 0) {
		if (f->has_rel || f->crisis_day)
			return fail_span(p, "more than one date:", 0, p->len);
		*day = (struct ymd){f->year, 1, 1};
		*level = BR_PREC_YEAR;
	} else if (f->has_rel) {
		*day = add_days(ref, f->rel);
	} else if (f->crisis_day) {
		*day = add_days(local_day(p, p->ctx->origin),
				f->crisis_day - 1);
	} else if (f->weekday >= 0) {
		*day = add_days(ref, (f->weekday - weekday_of(ref) + 7) % 7);
	} else {
		*day = ref;
	}
	return 0;
}

static int check_date(struct parser *p, struct ymd day, enum br_precision level)
{
	const struct fields *f = &p->f;

	if (day.y < 1 || day.y > 9999)
		return failf(p, "year out of range: %d", day.y);
	if (day.m < 1 || day.m > 12)
		return fail_tok(p, "no such date:", f->date_from, f->date_to);
	if (level == BR_PREC_DAY &&
	    (day.d < 1 || day.d > days_in_month(day.y, day.m))) {
		if (f->year >= 0)
			return failf(p, "no such date: %s %d %d",
				     mon_en[day.m - 1], day.d, day.y);
		return failf(p, "no such date: %s %d", mon_en[day.m - 1],
			     day.d);
	}
	if (level != BR_PREC_DAY &&
	    (f->has_time || f->part >= 0 || f->weekday >= 0))
		return fail_span(p, "a time or weekday needs a day:", 0,
				 p->len);
	if (f->weekday >= 0 && weekday_of(day) != f->weekday)
		return failf(p, "%s %d %d is a %s, not a %s", mon_en[day.m - 1],
			     day.d, day.y, wd_en_full[weekday_of(day)],
			     wd_en_full[f->weekday]);
	return 0;
}

/* The interval of a date at its level, or of a part of one day. */
static void date_interval(const struct parser *p, struct ymd day,
			  enum br_precision level, struct br_when *out)
{
	struct ymd next = day;

	if (level == BR_PREC_YEAR)
		next.y++;
	else if (level == BR_PREC_MONTH)
		next.m++;
	else
		next.d++;
	out->t_min = make(p, day, 0, 0, 0);
	out->t_max = make(p, next, 0, 0, 0) - 1;
	out->precision = level;
}

static int resolve(struct parser *p, struct br_when *out)
{
	const struct fields *f = &p->f;
	enum br_precision level;
	struct ymd day = {0, 0, 0};
	int h;

	if (pick_date(p, &day, &level) < 0 || check_date(p, day, level) < 0)
		return -1;
	if (f->has_time) {
		h = f->free_hour && f->part >= 0
			    ? part_hour(f->hour, (enum part)f->part)
			    : f->hour;
		out->t_min = out->t_max = make(p, day, h, f->min, f->sec);
		out->precision = f->has_min ? BR_PREC_MINUTE : BR_PREC_HOUR;
	} else if (f->part >= 0) {
		out->t_min = make(p, day, parts[f->part].from, 0, 0);
		out->t_max = make(p, day, parts[f->part].to + 1, 0, 0) - 1;
		out->precision = BR_PREC_PART_OF_DAY;
	} else {
		date_interval(p, day, level, out);
	}
	out->at = out->t_min;
	return 0;
}

/* ---------------------------------------------------------------------
 * br_when_parse
 *
 * Choices where the header leaves room:
 * - A typed hour without minutes ("5pm", "下午3点", "noon") is the exact
 *   instant 17:00:00 with precision hour: t_min = t_max = at. Typed
 *   minutes ("17:30", "3点半") give precision minute.
 * - "noon" and "midnight" are times (12:00, 00:00 of the day), not parts;
 *   中午 is the part 11:00-12:59.
 * - Relative steps keep now's minute and are always precision minute;
 *   crisis-clock steps take the finest unit typed (T+2d is day, T+48 is
 *   hour, T+90m is minute). Both are instants.
 * - A day of month alone (19号) is in the reference month and year.
 * - An explicit time wins over a part of the day, except that an hour of
 *   12 or less without am/pm is moved into the part (evening 8 = 20:00).
 * - "Z", "UTC" or "+08:00" after a time reads the text's wall clock in
 *   that offset instead of ctx->zone.
 */

static void init_parser(struct parser *p, const char *text,
			const struct br_when_ctx *ctx, char *err, size_t errlen)
{
	p->text = text;
	p->ctx = ctx;
	p->err = err;
	p->errlen = errlen;
	p->ntok = p->pos = 0;
	memset(&p->f, 0, sizeof(p->f));
	p->f.year = p->f.month = p->f.mday = -1;
	p->f.weekday = p->f.part = -1;
}

static int check_text(struct parser *p)
{
	size_t i = 0;
	uint32_t cp;

	p->len = strnlen(p->text, MAX_INPUT + 1);
	if (p->len > MAX_INPUT)
		return failf(p, "too long: more than %d bytes", MAX_INPUT);
	while (i < p->len) {
		int l = utf8_next((const unsigned char *)p->text + i,
				  p->len - i, &cp);

		if (l <= 0)
			return failf(p, "not valid UTF-8 (at byte %zu)", i);
		i += (size_t)l;
	}
	return 0;
}

static int parse(struct parser *p, struct br_when *out)
{
	int r;

	if (check_text(p) < 0 || lex(p) < 0)
		return -1;
	if (!p->ntok)
		return failf(p, "empty: type a date or time, e.g. Nov 19 5pm");
	r = whole_form(p, out);
	if (r)
		return r < 0 ? -1 : 0;
	if (read_components(p) < 0)
		return -1;
	return resolve(p, out);
}

int br_when_parse(const char *text, const struct br_when_ctx *ctx,
		  struct br_when *out, char *err, size_t errlen)
{
	struct parser p; /* about 14 KB: the tokens of 256 bytes */
	struct br_when when = {0, 0, 0, BR_PREC_MINUTE};
	int r;

	if (err && errlen)
		err[0] = '\0';
	init_parser(&p, text ? text : "", ctx, err, errlen);
	if (!ctx || !out)
		r = failf(&p, "nothing to parse");
	else
		r = parse(&p, &when);
	if (!r)
		*out = when;
	return r;
}

/* ---------------------------------------------------------------------
 * Formatting
 */

struct sb {
	char buf[256];
	size_t n;
};

static void sb_add(struct sb *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sb_add(struct sb *s, const char *fmt, ...)
{
	size_t room = sizeof(s->buf) - s->n;
	va_list ap;
	int r;

	if (room <= 1)
		return;
	va_start(ap, fmt);
	r = vsnprintf(s->buf + s->n, room, fmt, ap);
	va_end(ap);
	if (r > 0)
		s->n += (size_t)r < room ? (size_t)r : room - 1;
}

static long secs_of_day(const struct tm *tm)
{
	return tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
}

/* The part of the day that best names local seconds [lo, hi) of one day:
 * among the parts holding the anchor second, the one whose hours overlap
 * [lo, hi) most relative to their union. Ties go to the earlier part, so
 * an interval starting at 12:00 is noon only if it fits noon better. */
static int best_part(long lo, long hi, long anchor)
{
	long long bi = 0, bu = 1;
	int best = -1;
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(parts); k++) {
		long a = parts[k].from * 3600L, b = (parts[k].to + 1) * 3600L;
		long long inter, uni;

		if (anchor < a || anchor >= b)
			continue;
		inter = (hi < b ? hi : b) - (lo > a ? lo : a);
		uni = (hi > b ? hi : b) - (lo < a ? lo : a);
		if (inter < 0)
			inter = 0;
		if (best < 0 || inter * bu > bi * uni) {
			best = (int)k;
			bi = inter;
			bu = uni;
		}
	}
	return best < 0 ? P_EVENING : best;
}

struct fmt {
	struct sb s;
	enum br_precision prec;
	enum br_lang lang;
	enum br_when_style style;
};

/* One moment: a day with its part or time, a month or a year. with_year
 * is only heeded by LONG day-level points (ranges drop a repeated year). */
static void en_point(struct fmt *f, const struct tm *tm, int part,
		     int with_year)
{
	int y = tm->tm_year + 1900, lng = f->style == BR_WHEN_LONG;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s, "%d", y);
		return;
	}
	if (f->prec == BR_PREC_MONTH) {
		sb_add(&f->s, "%s %d", (lng ? mon_en_full : mon_en)[tm->tm_mon],
		       y);
		return;
	}
	if (lng || f->style == BR_WHEN_MEDIUM)
		sb_add(&f->s, "%s %s %d", wd_en[tm->tm_wday],
		       mon_en[tm->tm_mon], tm->tm_mday);
	else
		sb_add(&f->s, "%s %d", wd_en[tm->tm_wday], tm->tm_mday);
	if (lng && with_year)
		sb_add(&f->s, " %d", y);
	if (f->prec == BR_PREC_PART_OF_DAY)
		sb_add(&f->s, lng ? ", %s" : " %s", parts[part].en);
	else if (f->prec <= BR_PREC_HOUR)
		sb_add(&f->s, " %02d:%02d", tm->tm_hour, tm->tm_min);
}

static void zh_point(struct fmt *f, const struct tm *tm, int part,
		     int with_year)
{
	int y = tm->tm_year + 1900, lng = f->style == BR_WHEN_LONG;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s, "%d年", y);
		return;
	}
	if (f->prec == BR_PREC_MONTH) {
		sb_add(&f->s, "%d年%d月", y, tm->tm_mon + 1);
		return;
	}
	if (lng && with_year)
		sb_add(&f->s, "%d年", y);
	if (lng)
		sb_add(&f->s, "%d月%d日(周%s)", tm->tm_mon + 1, tm->tm_mday,
		       wd_zh[tm->tm_wday]);
	else if (f->style == BR_WHEN_MEDIUM)
		sb_add(&f->s, "%d月%d日(%s)", tm->tm_mon + 1, tm->tm_mday,
		       wd_zh[tm->tm_wday]);
	else
		sb_add(&f->s, "%d日(%s)", tm->tm_mday, wd_zh[tm->tm_wday]);
	if (f->prec == BR_PREC_PART_OF_DAY)
		sb_add(&f->s, lng ? "%s" : " %s", parts[part].zh);
	else if (f->prec <= BR_PREC_HOUR)
		sb_add(&f->s, " %02d:%02d", tm->tm_hour, tm->tm_min);
}

static void point(struct fmt *f, const struct tm *tm, int part, int with_year)
{
	if (f->lang == BR_LANG_ZH)
		zh_point(f, tm, part, with_year);
	else
		en_point(f, tm, part, with_year);
}

/* Whether [a, b] spans more than one unit of prec (local fields differ). */
static int wider(const struct tm *a, const struct tm *b, enum br_precision prec)
{
	if (a->tm_year != b->tm_year)
		return 1;
	if (prec == BR_PREC_YEAR)
		return 0;
	if (a->tm_mon != b->tm_mon)
		return 1;
	if (prec == BR_PREC_MONTH)
		return 0;
	if (a->tm_mday != b->tm_mday)
		return 1;
	if (prec >= BR_PREC_PART_OF_DAY)
		return 0;
	if (a->tm_hour != b->tm_hour)
		return 1;
	return prec == BR_PREC_MINUTE && a->tm_min != b->tm_min;
}

/* Compact day ranges: "Nov 18-19", "Nov 30-Dec 1", "11月18-19日". */
static void short_days(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int ya = a->tm_year + 1900, yb = b->tm_year + 1900;
	int ma = a->tm_mon, mb = b->tm_mon;

	if (f->lang == BR_LANG_ZH && ya != yb)
		sb_add(&f->s, "%d年%d月%d日-%d年%d月%d日", ya, ma + 1,
		       a->tm_mday, yb, mb + 1, b->tm_mday);
	else if (f->lang == BR_LANG_ZH && ma != mb)
		sb_add(&f->s, "%d月%d日-%d月%d日", ma + 1, a->tm_mday, mb + 1,
		       b->tm_mday);
	else if (f->lang == BR_LANG_ZH)
		sb_add(&f->s, "%d月%d-%d日", ma + 1, a->tm_mday, b->tm_mday);
	else if (ya != yb)
		sb_add(&f->s, "%s %d %d-%s %d %d", mon_en[ma], a->tm_mday, ya,
		       mon_en[mb], b->tm_mday, yb);
	else if (ma != mb)
		sb_add(&f->s, "%s %d-%s %d", mon_en[ma], a->tm_mday, mon_en[mb],
		       b->tm_mday);
	else
		sb_add(&f->s, "%s %d-%d", mon_en[ma], a->tm_mday, b->tm_mday);
}

/* Month ranges: "Nov-Dec 2023", "November – December 2023",
 * "2023年11-12月", "2023年11月 – 12月"; other years in full. */
static void month_range(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int ya = a->tm_year + 1900, lng = f->style == BR_WHEN_LONG;
	const char *const *names = lng ? mon_en_full : mon_en;
	const char *sep = lng ? " – " : "-";

	if (a->tm_year != b->tm_year) {
		point(f, a, 0, 1);
		sb_add(&f->s, "%s", sep);
		point(f, b, 0, 1);
	} else if (f->lang == BR_LANG_ZH) {
		sb_add(&f->s, lng ? "%d年%d月 – %d月" : "%d年%d-%d月", ya,
		       a->tm_mon + 1, b->tm_mon + 1);
	} else {
		sb_add(&f->s, "%s%s%s %d", names[a->tm_mon], sep,
		       names[b->tm_mon], ya);
	}
}

static void calendar_range(struct fmt *f, const struct tm *a,
			   const struct tm *b)
{
	int lng = f->style == BR_WHEN_LONG, zh = f->lang == BR_LANG_ZH;
	int same_year = a->tm_year == b->tm_year;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s,
		       zh ? (lng ? "%d年 – %d年" : "%d-%d年")
			  : (lng ? "%d – %d" : "%d-%d"),
		       a->tm_year + 1900, b->tm_year + 1900);
	} else if (f->prec == BR_PREC_MONTH) {
		month_range(f, a, b);
	} else if (!lng) {
		short_days(f, a, b);
	} else {
		/* English puts the year last, Chinese first: a shared year
		 * is written once, at that end. */
		point(f, a, 0, zh || !same_year);
		sb_add(&f->s, " – ");
		point(f, b, 0, !zh || !same_year);
	}
}

static int same_date(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon &&
	       a->tm_mday == b->tm_mday;
}

/* A range finer than a day: "Fri 17 12:00-14:00" within a day, else two
 * full points ("Sat 18 evening – Sun 19 morning"), or in a list column
 * just the days ("Nov 18-19"). */
static void clock_range(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int lng = f->style == BR_WHEN_LONG;
	int zh_drop = f->lang == BR_LANG_ZH && lng && a->tm_year == b->tm_year;

	if (f->prec <= BR_PREC_HOUR && same_date(a, b)) {
		point(f, a, 0, 1);
		sb_add(&f->s, lng ? " – %02d:%02d" : "-%02d:%02d", b->tm_hour,
		       b->tm_min);
		return;
	}
	if (!lng) {
		/* A list column has no room for two parts of days. */
		short_days(f, a, b);
		return;
	}
	point(f, a, best_part(secs_of_day(a), 86400, secs_of_day(a)), 1);
	sb_add(&f->s, " – ");
	point(f, b, best_part(0, secs_of_day(b) + 1, secs_of_day(b)), !zh_drop);
}

static void iso_local(struct sb *s, const struct br_zone *zone, br_instant t)
{
	struct tm tm;
	long off;

	br_zone_local(zone, t, &tm, &off);
	sb_add(s, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
	       tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	       tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', labs(off) / 3600,
	       labs(off) / 60 % 60);
}

/* ISO ignores precision and the inferred mark: it is the start instant,
 * for machines. Precision values out of the enum read as minute. */
size_t br_when_format(char *buf, size_t len, br_instant t_min, br_instant t_max,
		      enum br_precision prec, int inferred,
		      const struct br_zone *zone, enum br_lang lang,
		      enum br_when_style style)
{
	struct fmt f;
	struct tm a, b;

	memset(&f, 0, sizeof(f));
	f.prec = (unsigned)prec > BR_PREC_YEAR ? BR_PREC_MINUTE : prec;
	f.lang = lang == BR_LANG_ZH ? BR_LANG_ZH : BR_LANG_EN;
	f.style = style;
	if (t_max < t_min)
		t_max = t_min;
	if (style == BR_WHEN_ISO) {
		iso_local(&f.s, zone, t_min);
	} else {
		br_zone_local(zone, t_min, &a, NULL);
		br_zone_local(zone, t_max, &b, NULL);
		if (inferred)
			sb_add(&f.s, "≈ ");
		if (!wider(&a, &b, f.prec))
			point(&f, &a,
			      best_part(secs_of_day(&a),
					same_date(&a, &b) ? secs_of_day(&b) + 1
							  : 86400,
					secs_of_day(&a)),
			      1);
		else if (f.prec >= BR_PREC_DAY)
			calendar_range(&f, &a, &b);
		else
			clock_range(&f, &a, &b);
	}
	return buf ? br_strlcpy(buf, f.s.buf, len) : 0;
}

size_t br_when_iso_utc(char *buf, size_t len, br_instant t)
{
	struct sb s;
	struct tm tm;

	s.n = 0;
	s.buf[0] = '\0';
	utc_tm(clamp_show(t), &tm);
	sb_add(&s, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf ? br_strlcpy(buf, s.buf, len) : 0;
}

/* Hours (and days) are floored toward the earlier time, so every instant
 * of one clock hour shows the same label: 30 minutes before origin is
 * "T-1h", 30 minutes after is "T+0h". Beyond +-199 hours (a week and
 * more, past any crisis of days) the label is in whole days, floored the
 * same way (-200h is "T-9d"). */
/* The crisis clock: the offset truncated toward zero, so that its sign
 * is always that of t - origin (three minutes before is T-0:03, not
 * T-1h), to the minute when prec allows it, else in whole hours. */
size_t br_when_clock_prec(char *buf, size_t len, br_instant t,
			  br_instant origin, enum br_precision prec)
{
	int64_t delta = clamp_show(t) - clamp_show(origin);
	int64_t mag = delta < 0 ? -delta : delta;
	char sign = delta < 0 ? '-' : '+', tmp[32];

	if (mag >= 200 * 3600)
		snprintf(tmp, sizeof(tmp), "T%c%lldd", sign,
			 (long long)(mag / 86400));
	else if (prec <= BR_PREC_HOUR)
		snprintf(tmp, sizeof(tmp), "T%c%lld:%02lld", sign,
			 (long long)(mag / 3600), (long long)(mag % 3600 / 60));
	else
		snprintf(tmp, sizeof(tmp), "T%c%lldh", sign,
			 (long long)(mag / 3600));
	return buf ? br_strlcpy(buf, tmp, len) : 0;
}

size_t br_when_clock(char *buf, size_t len, br_instant t, br_instant origin)
{
	return br_when_clock_prec(buf, len, t, origin, BR_PREC_DAY);
}

enum br_when_style br_when_short_style(br_instant t, br_instant context,
				       const struct br_zone *zone)
{
	struct tm a, b;

	br_zone_local(zone, t, &a, NULL);
	br_zone_local(zone, context, &b, NULL);
	return a.tm_year == b.tm_year && a.tm_mon == b.tm_mon ? BR_WHEN_SHORT
							      : BR_WHEN_MEDIUM;
}
