/* output: writing fields for the command line's formats: padded text
 * columns, CSV (RFC 4180) and Markdown table cells. */
#ifndef BOARDROOM_OUTPUT_H
#define BOARDROOM_OUTPUT_H

#include <jansson.h>
#include <stdio.h>

enum out_format {
	OUT_TEXT,
	OUT_JSON,
	OUT_CSV,
	OUT_MD,
	OUT_ICS,
	OUT_TIMELINEJS
};

/* Points *out at stdout, or at a stream that converts to encoding (NULL:
 * the locale's charset) when that is not UTF-8; the caller fcloses *out
 * when it is not stdout. Returns 0, or 2 after printing the error. */
int out_open(const char *encoding, FILE **out);

/* Parses "text", "json", "csv", "md", "ics", "timelinejs"; 0 on success. */
int out_format_parse(const char *name, enum out_format *out);

/* Writes s and pads it with spaces to width columns (CJK-aware). */
void out_pad(FILE *f, const char *s, int width);

/* Writes s as one CSV field, quoted when it needs to be. */
void out_csv(FILE *f, const char *s);

/* Writes s as a Markdown table cell: pipes escaped, newlines as spaces. */
void out_md(FILE *f, const char *s);

/* {"en": en, "zh": zh}, a new value the caller owns. */
json_t *out_json_pair(const char *en, const char *zh);

/* Writes v to f with json_dumpf's flags and releases it. */
void out_json_print(FILE *f, json_t *v, size_t flags);

#endif
