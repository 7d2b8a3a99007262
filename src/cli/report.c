#include "cli/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "boardroom/charset.h"
#include "boardroom/db.h"
#include "boardroom/text.h"

/* Messages go out in the locale's charset: they quote what was typed. */
static void message(const char *text)
{
	const char *cs = br_charset_locale();
	struct br_charset *conv;
	char out[2048], err[128];

	if (br_charset_is_utf8(cs) ||
	    !(conv = br_charset_open(cs, err, sizeof(err)))) {
		fputs(text, stderr);
		return;
	}
	br_charset_convert(conv, text, strlen(text), out, sizeof(out));
	br_charset_close(conv);
	fputs(out, stderr);
}

/* Keeps a message that quotes what was typed to one line of text: invalid
 * UTF-8 (or a sequence cut by a quote's length) and control characters
 * become '?', so that it can neither break the terminal nor span lines. */
static void one_line(char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp;
		int len = br_text_decode(s + i, n - i, &cp);

		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			memset(s + i, '?', (size_t)len);
		i += (size_t)len;
	}
}

static void report(const char *fmt, va_list ap)
{
	char buf[1024];
	int n;

	n = snprintf(buf, sizeof(buf), "boardroom: ");
	vsnprintf(buf + n, sizeof(buf) - (size_t)n - 1, fmt, ap);
	one_line(buf);
	strcat(buf, "\n");
	message(buf);
}

int report_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(fmt, ap);
	va_end(ap);
	return 2;
}

void report_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(fmt, ap);
	va_end(ap);
}

int report_db(struct br_db *db)
{
	return report_fail("%s", br_db_errmsg(db));
}
