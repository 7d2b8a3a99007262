/* import_clean: what scraping and conversion left in an article's text.
 *
 * Rules, each counted so that nothing disappears unseen:
 * - A pinyin reading in parentheses right after a Han character is the
 *   trace of a simplified-to-traditional converter: 頁(yè) -> 頁,
 *   評(píng)論 -> 評論, in ASCII or full-width parentheses. A reading is
 *   lowercase letters, with tone marks (ā á ǎ à ... ü), one syllable or
 *   several (separated by spaces or not), every one a pinyin syllable
 *   (an initial and a final). A group without any tone mark could be an
 *   English gloss (数据(data)), so it is removed only from a text that
 *   shows the converter's traces (br_import_has_readings), and only if it
 *   is one short word (at most six letters): a reading whose tone-marked
 *   letters a lossy conversion dropped, such as 會(hu). In such a text a
 *   reading with tone marks is removed after any character, not only a
 *   Han one: the character before it may be damaged (表?yè)P(yáng)).
 * - Runs of U+FFFD (bytes that could not be decoded) are removed.
 * - A lone '*' (not after a Latin letter or digit, as in Q*) stands where
 *   the scraper dropped a word; it is kept, as the mark of a gap, and
 *   counted. */
#include "import/import.h"

#include <stdint.h>
#include <string.h>

#include "boardroom/text.h"

#define MAX_READING 64 /* bytes inside the parentheses */

static int is_han(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Vowels with tone marks, and the letter each stands for (v is ü). */
static const struct {
	int32_t cp;
	char base;
} toned[] = {
	{0x101, 'a'}, {0xE1, 'a'},  {0x1CE, 'a'}, {0xE0, 'a'},	{0x113, 'e'},
	{0xE9, 'e'},  {0x11B, 'e'}, {0xE8, 'e'},  {0x12B, 'i'}, {0xED, 'i'},
	{0x1D0, 'i'}, {0xEC, 'i'},  {0x14D, 'o'}, {0xF3, 'o'},	{0x1D2, 'o'},
	{0xF2, 'o'},  {0x16B, 'u'}, {0xFA, 'u'},  {0x1D4, 'u'}, {0xF9, 'u'},
	{0x1D6, 'v'}, {0x1D8, 'v'}, {0x1DA, 'v'}, {0x1DC, 'v'}, {0x144, 'n'},
	{0x148, 'n'}, {0x1F9, 'n'},
};

/* The plain letter of a pinyin letter (0 if cp is none); *tone is set if
 * it carries a tone mark. */
static char pinyin_letter(int32_t cp, int *tone)
{
	size_t k;

	if (cp >= 'a' && cp <= 'z')
		return (char)cp;
	if (cp == 0xFC)
		return 'v';
	for (k = 0; k < BR_ARRAY_SIZE(toned); k++) {
		if (toned[k].cp == cp) {
			*tone = 1;
			return toned[k].base;
		}
	}
	return 0;
}

static const char *const initials[] = {
	"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
	"k",  "h",  "j",  "q", "x", "r", "z", "c", "s", "y", "w", "",
};

static const char *const finals[] = {
	"a",  "o",   "e",   "i",   "u",	  "v",	  "ai",	 "ei",	"ui",	"ao",
	"ou", "iu",  "ie",  "ve",  "ue",  "er",	  "an",	 "en",	"in",	"un",
	"vn", "ang", "eng", "ing", "ong", "ia",	  "iao", "ian", "iang", "iong",
	"ua", "uo",  "uai", "uan", "van", "uang", "n",	 "ng",	"m",	"ueng",
};

/* Whether s[0..n) is one pinyin syllable: an initial and a final. */
static int syllable(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < BR_ARRAY_SIZE(initials); i++) {
		size_t l = strlen(initials[i]);

		if (l > n || strncmp(s, initials[i], l))
			continue;
		for (k = 0; k < BR_ARRAY_SIZE(finals); k++)
			if (strlen(finals[k]) == n - l &&
			    !strncmp(s + l, finals[k], n - l))
				return 1;
	}
	return 0;
}

/* Whether plain letters s[0..n) split into pinyin syllables. */
static int syllables(const char *s, size_t n)
{
	unsigned char ok[MAX_READING + 1] = {1};
	size_t i, j;

	if (n == 0 || n > MAX_READING)
		return 0;
	for (i = 1; i <= n; i++)
		for (j = i > 6 ? i - 6 : 0; j < i && !ok[i]; j++)
			ok[i] = ok[j] && syllable(s + j, i - j);
	return ok[n];
}

/* The reading in parentheses at s (n bytes): returns the bytes it takes
 * with its parentheses, or 0 if it is not one. */
static size_t reading_at(const char *s, size_t n, int toneless, int *had_tone)
{
	char plain[MAX_READING + 1];
	size_t i, np = 0, words = 1, start = 0;
	int32_t cp;
	int tone = 0, l;

	l = br_text_decode(s, n, &cp);
	if (cp != '(' && cp != 0xFF08)
		return 0;
	for (i = (size_t)l; i < n && i < MAX_READING; i += (size_t)l) {
		l = br_text_decode(s + i, n - i, &cp);
		if (cp == ')' || cp == 0xFF09)
			break;
		if (cp == ' ' || cp == '\'') {
			if (np == start ||
			    !syllables(plain + start, np - start))
				return 0;
			start = np;
			words++;
			continue;
		}
		if (!(plain[np++] = pinyin_letter(cp, &tone)))
			return 0;
	}
	if (i >= n || i >= MAX_READING || np == start)
		return 0;
	*had_tone = tone;
	if (tone ? !syllables(plain + start, np - start)
		 : !toneless || words > 1 || np > 6)
		return 0;
	return i + (size_t)l;
}

struct sbuf {
	char *p;
	size_t len, cap;
};

static void put(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->p = br_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static int ascii_alnum(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 'A' && cp <= 'Z');
}

char *br_import_clean_line(const char *line, int toneless, struct br_clean *c)
{
	struct sbuf b = {0};
	size_t i = 0, n = strlen(line), r;
	int32_t cp, prev = 0;
	int l, tone;

	put(&b, "", 0);
	while (i < n) {
		l = br_text_decode(line + i, n - i, &cp);
		if ((is_han(prev) || (toneless && prev > ' ')) &&
		    (r = reading_at(line + i, n - i,
				    is_han(prev) ? toneless : 0, &tone)) > 0) {
			c->pinyin++;
			c->pinyin_toneless += !tone;
			i += r;
			continue;
		}
		if (cp == 0xFFFD) {
			while (i < n && br_text_decode(line + i, n - i, &cp) &&
			       cp == 0xFFFD)
				i += 3;
			c->fffd_runs++;
			continue;
		}
		if (cp == '*' && !ascii_alnum(prev))
			c->stars++;
		put(&b, line + i, (size_t)l);
		prev = cp;
		i += (size_t)l;
	}
	return b.p;
}

int br_import_has_readings(const char *text)
{
	size_t n = strlen(text), i = 0;
	int32_t cp, prev = 0;
	long found = 0;
	int tone;

	while (i < n && found < 10) {
		int l = br_text_decode(text + i, n - i, &cp);

		if (is_han(prev) && reading_at(text + i, n - i, 1, &tone) > 0)
			found++;
		prev = cp;
		i += (size_t)l;
	}
	return found >= 10;
}
