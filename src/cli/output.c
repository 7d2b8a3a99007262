#include "cli/output.h"

#include <jansson.h>
#include <string.h>

#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "cli/report.h"

int out_format_parse(const char *name, enum out_format *out)
{
	static const struct {
		const char *name;
		enum out_format format;
	} formats[] = {
		{"text", OUT_TEXT},   {"json", OUT_JSON},
		{"csv", OUT_CSV},     {"md", OUT_MD},
		{"markdown", OUT_MD}, {"ics", OUT_ICS},
		{"ical", OUT_ICS},    {"timelinejs", OUT_TIMELINEJS},
	};
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (!strcmp(name, formats[i].name)) {
			*out = formats[i].format;
			return 0;
		}
	}
	return -1;
}

void out_pad(FILE *f, const char *s, int width)
{
	int w = br_text_width(s, strlen(s));

	fputs(s, f);
	for (; w < width; w++)
		fputc(' ', f);
}

void out_csv(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void out_md(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			fputc('\\', f);
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	}
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
	return json_pack("{s:s, s:s}", "en", en, "zh", zh);
}

void out_json_print(FILE *f, json_t *v, size_t flags)
{
	json_dumpf(v, f, flags);
	json_decref(v);
}
