#include "boardroom/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "boardroom/base.h"

int br_text_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (n && (unsigned char)*s < 0x80) { /* ASCII: most text here */
		*cp = (unsigned char)*s;
		return 1;
	}
	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
			       n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (len <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (int)len;
}

int br_text_cp_width(int32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1; /* bad bytes and controls: shown as one mark */
	return utf8proc_charwidth(cp);
}

int br_text_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		int32_t cp;

		i += br_text_decode(s + i, n - i, &cp);
		w += br_text_cp_width(cp);
	}
	return w;
}

size_t br_text_fit(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0;
	int w = 0;

	while (i < n) {
		int32_t cp;
		int len = br_text_decode(s + i, n - i, &cp);
		int cw = br_text_cp_width(cp);

		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	/* Keep combining marks with the character they follow. */
	while (i < n) {
		int32_t cp;
		int len = br_text_decode(s + i, n - i, &cp);

		if (br_text_cp_width(cp) != 0)
			break;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

/* br_text_fit within at most max bytes as well, never splitting a
 * character. */
static size_t fit_within(const char *s, size_t n, size_t max, int cols,
			 int *used)
{
	size_t keep = br_text_fit(s, n, cols, used), i = 0;
	int w = 0;

	if (keep <= max)
		return keep;
	while (i < keep) {
		int32_t cp;
		int len = br_text_decode(s + i, keep - i, &cp);

		if (i + (size_t)len > max)
			break;
		w += br_text_cp_width(cp);
		i += (size_t)len;
	}
	*used = w;
	return i;
}

int br_text_truncate(char *dst, size_t dstlen, const char *s, int cols)
{
	static const char ellipsis[] = "…";
	size_t n = strlen(s), keep;
	int used;

	if (dstlen == 0)
		return 0;
	if (cols <= 0) {
		dst[0] = '\0';
		return 0;
	}
	keep = br_text_fit(s, n, cols, &used);
	if (keep < n && dstlen >= sizeof(ellipsis)) {
		keep = fit_within(s, n, dstlen - sizeof(ellipsis), cols - 1,
				  &used);
		memcpy(dst, s, keep);
		memcpy(dst + keep, ellipsis, sizeof(ellipsis));
		return used + 1;
	}
	/* It fits, or dst has no room even for the ellipsis. */
	keep = fit_within(s, n, dstlen - 1, cols, &used);
	memcpy(dst, s, keep);
	dst[keep] = '\0';
	return used;
}

static int is_wide_break(int32_t cp)
{
	return cp >= 0x1100 && utf8proc_charwidth(cp) == 2;
}

static int cp_in(const int32_t *set, size_t n, int32_t cp)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

/* Closing punctuation, which the Chinese line-breaking rules keep off the
 * start of a line ("）", "。", "，" never begin one). */
static int no_line_start(int32_t cp)
{
	static const int32_t set[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
		0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009,
		0x3017, 0x201D, 0x2019, 0x2026, 0x00B7, 0x30FB, 0xFF05,
		0xFF3D, 0xFF5D, 0xFF0E, ',',	'.',	';',	':',
		'?',	'!',	')',	']',	'}',	'%'};

	return cp_in(set, BR_ARRAY_SIZE(set), cp);
}

/* Opening punctuation, which they keep off the end of a line. */
static int no_line_end(int32_t cp)
{
	static const int32_t set[] = {0xFF08, 0x300A, 0x300C, 0x300E, 0x3010,
				      0x3014, 0x3008, 0x3016, 0x201C, 0x2018,
				      0xFF3B, 0xFF5B, '(',    '[',    '{'};

	return cp_in(set, BR_ARRAY_SIZE(set), cp);
}

/* Whether a line may break between prev and cp without a space: beside
 * a wide character, unless that would start a line with closing
 * punctuation or end one with opening punctuation. */
static int may_break(int32_t prev, int32_t cp)
{
	if (!is_wide_break(cp) && !is_wide_break(prev))
		return 0;
	return !no_line_start(cp) && !no_line_end(prev);
}

/* The bytes available to decode at s: at most four, never past its end
 * (the rest of the text is not measured). */
static size_t avail(const char *s)
{
	return strnlen(s, 4);
}

/* A character wider than the line goes on a line of its own, with its
 * marks: the bytes it takes from i. */
static size_t alone(const char *s, size_t i)
{
	int32_t cp;
	size_t brk = i + (size_t)br_text_decode(s + i, avail(s + i), &cp);

	while (s[brk]) {
		int32_t m;
		int ml = br_text_decode(s + brk, avail(s + brk), &m);

		if (br_text_cp_width(m) != 0)
			break;
		brk += (size_t)ml;
	}
	return brk;
}

/* Reads s only as far as the line it gives goes (and the next
 * character): wrapping a long text line by line costs what is shown. */
size_t br_text_wrap(const char *s, int cols, size_t *next)
{
	size_t i = 0, brk = 0, brk_next = 0;
	int w = 0;
	int32_t prev = 0;

	if (cols < 1)
		cols = 1;
	while (s[i]) {
		int32_t cp;
		int len = br_text_decode(s + i, avail(s + i), &cp);
		int cw = br_text_cp_width(cp);

		if (cp == '\n') {
			*next = i + 1;
			return i;
		}
		if (cp == ' ') {
			brk = i;
			brk_next = i + 1;
		} else if (i > 0 && may_break(prev, cp)) {
			brk = i;
			brk_next = i;
		}
		if (w + cw > cols) {
			if (brk == 0) { /* one word longer than the line */
				brk = i;
				brk_next = i;
			}
			if (brk == 0)
				brk = brk_next = alone(s, 0);
			while (s[brk_next] == ' ')
				brk_next++;
			*next = brk_next;
			return brk;
		}
		w += cw;
		i += (size_t)len;
		prev = cp;
	}
	*next = i;
	return i;
}

static int is_dropped(int32_t cp)
{
	switch (cp) {
	case ' ':
	case '\'':
	case '"':
	case '.':
	case '-':
	case '_':
	case 0x00B7: /* middle dot, as in Chinese transliterations */
	case 0x2018:
	case 0x2019:
	case 0x201C:
	case 0x201D:
	case 0x2032:
	case 0x02BC:
	case 0x30FB:
	case 0xFF07:
	case 0x3000:
	case '`':
		return 1;
	}
	return 0;
}

char *br_text_fold(const char *s)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t len;
	char *out, *o;
	size_t i, n;

	/* Drop invalid bytes first: utf8proc_map refuses the whole string. */
	n = strlen(s);
	out = br_xmalloc(n + 1);
	for (i = 0, o = out; i < n;) {
		int32_t cp;
		int l = br_text_decode(s + i, n - i, &cp);

		if (cp >= 0) {
			memcpy(o, s + i, (size_t)l);
			o += l;
		}
		i += (size_t)l;
	}
	*o = '\0';
	len = utf8proc_map((const utf8proc_uint8_t *)out, 0, &mapped,
			   UTF8PROC_NULLTERM | UTF8PROC_STABLE |
				   UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
				   UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
				   UTF8PROC_IGNORE);
	if (len < 0) {
		out[0] = '\0';
		return out;
	}
	free(out);
	out = br_xmalloc((size_t)len + 1);
	for (i = 0, o = out; i < (size_t)len;) {
		int32_t cp;
		int l = br_text_decode((const char *)mapped + i,
				       (size_t)len - i, &cp);

		if (cp >= 0 && !is_dropped(cp)) {
			memcpy(o, mapped + i, (size_t)l);
			o += l;
		}
		i += (size_t)l;
	}
	*o = '\0';
	free(mapped);
	return out;
}

size_t br_text_lower(const char *s, size_t n, char *out)
{
	size_t i = 0, len = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		int l;

		if (c < 0x80) {
			out[len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		l = br_text_decode(s + i, n - i, &cp);
		if (cp < 0) {
			out[len++] = (char)c;
		} else {
			utf8proc_uint8_t buf[4];
			utf8proc_ssize_t w =
				utf8proc_encode_char(utf8proc_tolower(cp), buf);

			/* A lower case longer than twice its capital has no
			 * room: the character stays as it is. */
			if (w <= 0 || (size_t)w > 2 * (size_t)l) {
				memcpy(out + len, s + i, (size_t)l);
				len += (size_t)l;
			} else {
				memcpy(out + len, buf, (size_t)w);
				len += (size_t)w;
			}
		}
		i += (size_t)l;
	}
	out[len] = '\0';
	return len;
}

int br_text_is_gram_cp(int32_t cp)
{
	if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
		return 0;
	return (cp >= 0x2E80 && cp <= 0x9FFF) || /* radicals .. Han */
	       (cp >= 0xAC00 && cp <= 0xD7AF) || /* hangul syllables */
	       (cp >= 0xF900 && cp <= 0xFAFF) || /* compatibility Han */
	       (cp >= 0x20000 && cp <= 0x3FFFF); /* Han extensions */
}

char *br_text_grams(const char *s)
{
	size_t n = strlen(s), i = 0, len = 0;
	/* A character is written at most twice, each time before a space:
	 * at most 2 * 4 + 1 bytes out for 4 bytes in. */
	char *out = br_xmalloc(3 * n + 1);
	size_t prev = 0, prev_len = 0; /* the previous gram character */

	while (i < n) {
		int32_t cp;
		int l = br_text_decode(s + i, n - i, &cp);

		if (cp >= 0 && br_text_is_gram_cp(cp)) {
			if (prev_len) {
				/* The pair: previous character and this. */
				memcpy(out + len, s + prev, prev_len);
				len += prev_len;
				memcpy(out + len, s + i, (size_t)l);
				len += (size_t)l;
				out[len++] = ' ';
			}
			prev = i;
			prev_len = (size_t)l;
		} else if (prev_len) {
			/* The run ends: its last character alone. */
			memcpy(out + len, s + prev, prev_len);
			len += prev_len;
			out[len++] = ' ';
			prev_len = 0;
		}
		i += (size_t)l;
	}
	if (prev_len) {
		memcpy(out + len, s + prev, prev_len);
		len += prev_len;
		out[len++] = ' ';
	}
	if (len)
		len--; /* the last space */
	out[len] = '\0';
	return out;
}

int br_text_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += br_text_decode(s + i, n - i, &cp);
		if (cp < 0)
			return 0;
	}
	return 1;
}
