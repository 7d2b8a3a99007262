#include "cli/output.h"

#include <string.h>

#include "boardroom/text.h"

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
