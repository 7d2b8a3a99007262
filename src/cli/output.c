#include "cli/output.h"

#include <errno.h>
#include <jansson.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boardroom/base.h"
#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "cli/report.h"

static const struct {
	const char *name;
	enum out_format format;
} formats[] = {
	{"text", OUT_TEXT},   {"json", OUT_JSON},
	{"csv", OUT_CSV},     {"md", OUT_MD},
	{"markdown", OUT_MD}, {"ics", OUT_ICS},
	{"ical", OUT_ICS},    {"timelinejs", OUT_TIMELINEJS},
};

const char *out_format_name(size_t i, enum out_format *format)
{
	if (i >= BR_ARRAY_SIZE(formats))
		return NULL;
	*format = formats[i].format;
	return formats[i].name;
}

int out_format_parse(const char *name, enum out_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

/* How many bytes that are not UTF-8, and control characters, the data
 * held: each was written as U+FFFD (out_warn reports them). */
static long cleaned_bytes, cleaned_controls;

static int is_control(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

void out_buf_add(struct out_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2 < 64 ? 64 : (b->len + n + 1) * 2;
		b->s = br_xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void out_buf_str(struct out_buf *b, const char *s)
{
	out_buf_add(b, s, strlen(s));
}

void out_buf_char(struct out_buf *b, char c)
{
	out_buf_add(b, &c, 1);
}

char *out_buf_take(struct out_buf *b)
{
	char *s = b->s ? b->s : br_xstrdup("");

	memset(b, 0, sizeof(*b));
	return s;
}

char *out_clean(const char *s, unsigned keep)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t n = strlen(s), i = 0, o = 0;
	char *buf = br_xmalloc(n * 3 + 1); /* each byte at most U+FFFD */

	while (i < n) {
		int32_t cp = (unsigned char)s[i];
		/* ASCII is itself: br_text_decode only for the rest. */
		int len = cp < 0x80 ? 1 : br_text_decode(s + i, n - i, &cp);

		if (cp >= 0 &&
		    (!is_control(cp) || (cp == '\n' && (keep & OUT_KEEP_LF)) ||
		     ((keep & OUT_KEEP_C0) && cp < 0x20))) {
			memcpy(buf + o, s + i, (size_t)len);
			o += (size_t)len;
		} else {
			if (cp < 0)
				cleaned_bytes++;
			else
				cleaned_controls++;
			memcpy(buf + o, fffd, 3);
			o += 3;
		}
		i += (size_t)len;
	}
	buf[o] = '\0';
	return buf;
}

void out_text(FILE *f, const char *s)
{
	char *c = out_clean(s, 0);

	fputs(c, f);
	free(c);
}

int out_when_cols(int lang)
{
	return lang == BR_LANG_ZH ? 26 : 22;
}

void out_pad(FILE *f, const char *s, int width)
{
	char *c = out_clean(s, 0);
	int w = br_text_width(c, strlen(c));

	fputs(c, f);
	free(c);
	for (; w < width; w++)
		fputc(' ', f);
}

void out_csv(FILE *f, const char *s)
{
	char *c = out_clean(s, OUT_KEEP_LF), *p;

	if (!strpbrk(c, ",\"\r\n")) {
		fputs(c, f);
		free(c);
		return;
	}
	fputc('"', f);
	for (p = c; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
	free(c);
}

/* Where a value would begin a block if it started a line: the offset of
 * the character to escape ("# ", "- ", "+ ", "= ", the "." of "1. ",
 * the ")" of "1) "), or -1. */
static long md_block_mark(const char *s)
{
	const char *p = s;

	if (*s && strchr("#+-=", *s))
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return p > s && (*p == '.' || *p == ')') ? p - s : -1;
}

void out_md(FILE *f, const char *s)
{
	/* What Markdown (CommonMark, GFM, pandoc) reads anywhere in a line:
	 * emphasis, code, links, HTML and autolinks, entities, tables,
	 * strikeout, super/subscript, math, citations. CommonMark lets
	 * any ASCII punctuation be escaped with a backslash. */
	static const char inline_marks[] = "\\`*_[]<>|~^$@&";
	char *c = out_clean(s, OUT_KEEP_LF), *p;
	long block = md_block_mark(c);

	for (p = c; *p; p++) {
		if (p - c == block || strchr(inline_marks, *p))
			fputc('\\', f);
		fputc(*p == '\n' ? ' ' : *p, f);
	}
	free(c);
}

void out_json_text(FILE *f, const char *s)
{
	static const char fffd[] = "\xef\xbf\xbd";
	const char *run;
	size_t n, i = 0;

	if (!s) {
		fputs("null", f);
		return;
	}
	n = strlen(s);
	putc('"', f);
	/* Bytes that stay as they are go out in runs; each other one ends
	 * the run before it. */
	for (run = s; i < n;) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp = c;
		int len = 1;

		if (c >= 0x80)
			len = br_text_decode(s + i, n - i, &cp);
		if ((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ||
		    (cp >= 0xA0)) {
			i += (size_t)len;
			continue;
		}
		fwrite(run, 1, (size_t)(s + i - run), f);
		if (cp < 0 || cp >= 0x7F) {
			if (cp < 0)
				cleaned_bytes++;
			else
				cleaned_controls++;
			fputs(fffd, f);
		} else if (c == '"' || c == '\\') {
			putc('\\', f);
			putc(c, f);
		} else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' ||
			   c == '\t') {
			putc('\\', f);
			putc(c == '\b'	 ? 'b'
			     : c == '\f' ? 'f'
			     : c == '\n' ? 'n'
			     : c == '\r' ? 'r'
					 : 't',
			     f);
		} else {
			fprintf(f, "\\u%04X", (unsigned)c);
		}
		i += (size_t)len;
		run = s + i;
	}
	fwrite(run, 1, (size_t)(s + i - run), f);
	putc('"', f);
}

void out_json_pair_text(FILE *f, const char *en, const char *zh)
{
	fputs("{\"en\":", f);
	out_json_text(f, en);
	fputs(",\"zh\":", f);
	out_json_text(f, zh);
	putc('}', f);
}

void out_buffer(FILE *f)
{
	/* 256 KiB: a write a quarter of a megabyte at a time. */
	static char buf[2][1 << 18];
	static int used;

	if (used < 2 && !isatty(fileno(f)))
		setvbuf(f, buf[used++], _IOFBF, sizeof(buf[0]));
}

json_t *out_json_str(const char *s)
{
	char *c;
	json_t *v;

	if (!s)
		return NULL;
	c = out_clean(s, OUT_KEEP_C0);
	v = json_string(c);
	free(c);
	return v;
}

void out_warn(void)
{
	if (!cleaned_bytes && !cleaned_controls)
		return;
	report_warn("warning: %ld byte%s that %s not UTF-8 and %ld control "
		    "character%s in the text were written as U+FFFD",
		    cleaned_bytes, cleaned_bytes == 1 ? "" : "s",
		    cleaned_bytes == 1 ? "is" : "are", cleaned_controls,
		    cleaned_controls == 1 ? "" : "s");
}

int out_open(const char *encoding, FILE **out)
{
	const char *cs = encoding ? encoding : br_charset_locale();
	struct br_charset *conv;
	char err[256];

	*out = stdout;
	if (br_charset_is_utf8(cs))
		return 0;
	conv = br_charset_open(cs, err, sizeof(err));
	if (!conv)
		return report_fail("%s (see iconv --list)", err);
	*out = br_charset_stream(stdout, conv);
	if (!*out) {
		br_charset_close(conv);
		*out = stdout;
	}
	return 0;
}

json_t *out_json_pair(const char *en, const char *zh)
{
	return json_pack("{s:o, s:o}", "en", out_json_str(en), "zh",
			 out_json_str(zh));
}

void out_json_print(FILE *f, json_t *v, size_t flags)
{
	json_dumpf(v, f, flags);
	json_decref(v);
}

int out_write_failed(void)
{
	int e = errno;
	/* In English: the locale's words would be in its charset, and the
	 * message is converted to it from UTF-8. */
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);

	report_warn("cannot write the output: %s", !e  ? "write error"
						   : c ? strerror_l(e, c)
						       : "error");
	if (c)
		freelocale(c);
	return 1;
}
