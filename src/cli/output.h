/* output: writing fields for the command line's formats: padded text
 * columns, CSV (RFC 4180) and Markdown table cells, JSON strings, all
 * cleaned of what a terminal or a consumer must not get. */
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

/* The name of format i (aliases too: "markdown", "ical"), and the format
 * in *format; NULL past the end. */
const char *out_format_name(size_t i, enum out_format *format);

/* Parses "text", "json", "csv", "md", "ics", "timelinejs"; 0 on success. */
int out_format_parse(const char *name, enum out_format *out);

/* Text from the data never reaches the output as it is: bytes that are
 * not UTF-8 become U+FFFD, and so do control characters (C0, DEL, C1),
 * but those keep names. Each is counted for out_warn. */
enum {
	OUT_KEEP_LF = 1 << 0, /* newlines stay */
	OUT_KEEP_C0 = 1 << 1, /* C0 controls stay: JSON escapes them */
};

/* A string built a piece at a time (zero it to start): out_buf_take
 * hands the caller the string (never NULL), to free, and empties b. */
struct out_buf {
	char *s;
	size_t len, cap;
};
void out_buf_add(struct out_buf *b, const char *s, size_t n);
void out_buf_str(struct out_buf *b, const char *s);
void out_buf_char(struct out_buf *b, char c);
char *out_buf_take(struct out_buf *b);

/* s cleaned as above: a new string the caller frees. */
char *out_clean(const char *s, unsigned keep);

/* Writes s cleaned, for a line of text: no control character at all. */
void out_text(FILE *f, const char *s);

/* Writes s cleaned and pads it with spaces to width columns (CJK-aware). */
void out_pad(FILE *f, const char *s, int width);
/* The width of a list's time column: Chinese dates are wider (full-width
 * brackets around the weekday). */
int out_when_cols(int lang);

/* Writes s as one CSV field, quoted when it needs to be; newlines stay
 * (in quotes), other controls become U+FFFD. */
void out_csv(FILE *f, const char *s);

/* Writes s as Markdown text (a table cell, or after a label): what
 * Markdown would read as markup (* _ ` < [ | \\ & ~ ^ $ @ anywhere; # - +
 * = and "1." at the start) escaped with a backslash, newlines as spaces,
 * other controls U+FFFD. */
void out_md(FILE *f, const char *s);

/* s as a JSON string, a new value the caller owns: bytes that are not
 * UTF-8 become U+FFFD (jansson refuses them); C0 controls stay, escaped
 * by jansson as \u001b; DEL and C1, which jansson writes raw, become
 * U+FFFD. NULL for NULL (json_pack's "o?" makes it null). */
json_t *out_json_str(const char *s);

/* Writes s as json_dumpf writes out_json_str(s): cleaned as it is, then
 * in quotes with " \\ and the C0 controls escaped (\\b \\f \\n \\r \\t,
 * else \\u001B); null for NULL. For output too long to build as values. */
void out_json_text(FILE *f, const char *s);

/* {"en":en,"zh":zh} written as out_json_text writes each. */
void out_json_pair_text(FILE *f, const char *en, const char *zh);

/* Gives f (stdout, or the stream out_open made) a large buffer if it is
 * not a terminal; before anything is written to f. The buffers are
 * static: two streams at most. */
void out_buffer(FILE *f);

/* Prints one line on stderr if any text was cleaned: how many bytes and
 * control characters became U+FFFD. */
void out_warn(void);

/* {"en": en, "zh": zh}, a new value the caller owns. */
json_t *out_json_pair(const char *en, const char *zh);

/* Writes v to f with json_dumpf's flags and releases it. */
void out_json_print(FILE *f, json_t *v, size_t flags);

/* The output could not be written (a full disk, a write error): prints
 * one line naming errno's reason and returns 1, the exit status. */
int out_write_failed(void);

#endif
