/* output: writing fields for the command line's formats: padded text
 * columns, CSV (RFC 4180) and Markdown table cells. */
#ifndef BOARDROOM_OUTPUT_H
#define BOARDROOM_OUTPUT_H

#include <stdio.h>

enum out_format {
	OUT_TEXT,
	OUT_JSON,
	OUT_CSV,
	OUT_MD,
	OUT_ICS,
	OUT_TIMELINEJS
};

/* Parses "text", "json", "csv", "md", "ics", "timelinejs"; 0 on success. */
int out_format_parse(const char *name, enum out_format *out);

/* Writes s and pads it with spaces to width columns (CJK-aware). */
void out_pad(FILE *f, const char *s, int width);

/* Writes s as one CSV field, quoted when it needs to be. */
void out_csv(FILE *f, const char *s);

/* Writes s as a Markdown table cell: pipes escaped, newlines as spaces. */
void out_md(FILE *f, const char *s);

#endif
