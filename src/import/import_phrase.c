/* import_phrase: the date and time phrases in an entry's text, and the
 * title made of its first clause.
 *
 * Rules:
 * - A phrase is a run of the words br_when_parse reads (第二天, 下午, 17號,
 *   3點半, 12:23, 2023年, 星期五...), spaces between them allowed. The time
 *   of an entry is the first phrase the parser understands (br_when_parse:
 *   11月17日中午12點, 17號下午3點, 12點23分, 第二天...), read in the
 *   article's zone and year, relative to the previous entry's time.
 * - The title is the entry's first clause (up to ， 。 , ; or ；), cut to 40
 *   characters; a leading clause that is only a date and a connective
 *   (然後17號下午3點, 隨後) is passed over for the next one.
 * Declared in import_private.h. */
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
size_t imp_space_len(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (starts(s, "\xE3\x80\x80")) /* U+3000 */
		return 3;
	if (starts(s, "\xC2\xA0")) /* U+00A0 */
		return 2;
	return 0;
}

const char *imp_skip_spaces(const char *s)
{
	size_t l;

	while ((l = imp_space_len(s)) > 0)
		s += l;
	return s;
}

/* A digit, ASCII or full-width: its value, and its length in *len. */
int imp_digit_at(const char *s, size_t *len)
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
	while (imp_digit_at(p, &l) >= 0) {
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
		return !zh ? l + 3 : 0; /* br_when_parse checks the year */
	if ((w = word_at(s + l, days, BR_ARRAY_SIZE(days))))
		return l + w;
	if ((w = word_at(s + l, hours, BR_ARRAY_SIZE(hours))))
		return l + w + minutes_at(s + l + w);
	if (!zh && nd <= 2 && s[l] == ':' && imp_digit_at(s + l + 1, &w) >= 0 &&
	    w == 1 && imp_digit_at(s + l + 2, &w) >= 0 && w == 1 &&
	    imp_digit_at(s + l + 3, &w) < 0)
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

/* A weekday in brackets after a date, as in 11月17日（周五）中午12點: its
 * bytes, or 0. br_when_parse reads it (and checks it against the date). */
static size_t bracketed_weekday(const char *s)
{
	size_t open = starts(s, "（") ? 3 : *s == '(' ? 1 : 0, d, close;

	if (!open || !(d = weekday_at(s + open)))
		return 0;
	close = starts(s + open + d, "）") ? 3 : s[open + d] == ')' ? 1 : 0;
	return close ? open + d + close : 0;
}

/* The end of the phrase that starts at s (a run of units, spaces and
 * bracketed weekdays between them allowed), or 0 if none does. */
static size_t phrase_end(const char *s)
{
	size_t i = 0, end = 0, l = unit_at(s), sp;

	while (l > 0) {
		i += l;
		end = i;
		sp = imp_space_len(s + i);
		if (!(l = unit_at(s + i + sp)))
			l = bracketed_weekday(s + i + sp);
		i += l ? sp : 0;
	}
	return end;
}

/* The first phrase in s (n bytes, NUL-terminated) at or after from:
 * [*start, *end); 1 if found. A phrase never starts inside a number: a
 * number that starts none is passed over whole, so that 12023年 is not
 * read as 2023年, and each byte is looked at a bounded number of times. */
static int find_phrase(const char *s, size_t n, size_t from, size_t *start,
		       size_t *end)
{
	size_t i = from, l;
	int32_t cp;
	int nd, zh;

	while (i < n) {
		if ((l = phrase_end(s + i)) > 0) {
			*start = i;
			*end = i + l;
			return 1;
		}
		l = number_at(s + i, &nd, &zh);
		i += l ? l : (size_t)br_text_decode(s + i, n - i, &cp);
	}
	return 0;
}

/* Copies n bytes of s to out (size outlen), cut at a character boundary
 * with "…" if they do not fit. */
static void copy_cut(char *out, size_t outlen, const char *s, size_t n)
{
	size_t i = 0, l;
	int32_t cp;

	if (n < outlen) {
		memcpy(out, s, n);
		out[n] = '\0';
		return;
	}
	while (i < n &&
	       i + (l = (size_t)br_text_decode(s + i, n - i, &cp)) + 4 < outlen)
		i += l;
	snprintf(out, outlen, "%.*s…", (int)i, s);
}

/* The first phrase of text the parser understands; 1 if one was. */
int imp_read_time(const char *text, const struct br_when_ctx *wc,
		  struct br_when *w, size_t *start, size_t *end, long *unread,
		  char *bad, size_t badlen)
{
	size_t from = 0, n = strlen(text);
	char phrase[256], err[256];

	bad[0] = '\0';
	while (find_phrase(text, n, from, start, end)) {
		from = *end;
		if (*end - *start < sizeof(phrase)) {
			memcpy(phrase, text + *start, *end - *start);
			phrase[*end - *start] = '\0';
			if (br_when_parse(phrase, wc, w, err, sizeof(err)) == 0)
				return 1;
		}
		if (!bad[0])
			copy_cut(bad, badlen, text + *start, *end - *start);
		++*unread;
	}
	return 0;
}

/* ------------------------------------------------------------------
 * Titles
 */

static const char *const stops[] = {"，", "。", ",", ";", "；"};

/* The length of the clause s starts (n bytes, NUL-terminated). */
static size_t clause_end(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n && !word_at(s + i, stops, BR_ARRAY_SIZE(stops)))
		i += (size_t)br_text_decode(s + i, n - i, &cp);
	return i;
}

/* Characters of s[0..n) outside date phrases and spaces, as
 * find_phrase sees them; counting stops past limit. The phrases are
 * looked for in a copy that ends at n. */
static size_t residue(const char *s, size_t n, size_t limit)
{
	char *copy = br_xstrndup(s, n);
	size_t i = 0, count = 0, l;
	int32_t cp;
	int nd, zh;

	while (i < n && count <= limit) {
		if ((l = phrase_end(copy + i)) > 0) {
			i += l;
		} else if ((l = number_at(copy + i, &nd, &zh)) > 0) {
			count +=
				zh ? l / 3 : (size_t)nd; /* 3 bytes a numeral */
			i += l;
		} else {
			count += !imp_space_len(copy + i);
			i += (size_t)br_text_decode(copy + i, n - i, &cp);
		}
	}
	free(copy);
	return count;
}

/* The clause the title is made of, and its length in *n. */
static const char *title_clause(const char *text, size_t *n)
{
	const char *s = imp_skip_spaces(text), *end = text + strlen(text);

	for (;;) {
		*n = clause_end(s, (size_t)(end - s));
		if (residue(s, *n, 4) > 4)
			return s;
		if (!s[*n])
			break;
		s = imp_skip_spaces(
			s + *n + word_at(s + *n, stops, BR_ARRAY_SIZE(stops)));
	}
	*n = clause_end(text, (size_t)(end - text));
	return text;
}

const char *imp_make_title(struct imp_batch *b, const char *text)
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
