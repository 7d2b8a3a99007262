/* import_csv: a CSV table (RFC 4180) read from a FILE*, one record at a
 * time, through a buffer of its own: memory is one record's, whatever
 * the file's size. Quoted fields may hold commas, doubled quotes and line
 * breaks; records end with CRLF or LF; blank lines are no records.
 * Declared in import.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

#define CSV_BUF (64 * 1024)

struct br_csv_reader {
	FILE *f; /* not owned */
	unsigned char buf[CSV_BUF];
	size_t pos, len;
	int eof;
	long line; /* the line the reader is on, from 1 */
	/* The record: its fields' bytes, each NUL-terminated, one after
	 * the other in text; start[k] is where field k begins. */
	char *text;
	size_t text_len, text_cap;
	size_t *start;
	char **fields;
	size_t n, cap, fields_cap;
};

struct br_csv_reader *br_csv_open(FILE *f)
{
	struct br_csv_reader *r = br_xcalloc(1, sizeof(*r));

	r->f = f;
	r->line = 1;
	return r;
}

void br_csv_close(struct br_csv_reader *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->start);
	free(r->fields);
	free(r);
}

/* The next byte, or -1 at the end of the file (or on a read error). */
static int peek(struct br_csv_reader *r)
{
	if (r->pos < r->len)
		return r->buf[r->pos];
	if (r->eof)
		return -1;
	r->len = fread(r->buf, 1, sizeof(r->buf), r->f);
	r->pos = 0;
	if (r->len == 0) {
		r->eof = 1;
		return -1;
	}
	return r->buf[0];
}

static int take(struct br_csv_reader *r)
{
	int c = peek(r);

	if (c >= 0)
		r->pos++;
	return c;
}

static void put(struct br_csv_reader *r, char c)
{
	if (r->text_len + 1 > r->text_cap) {
		r->text_cap = r->text_cap ? r->text_cap * 2 : 256;
		r->text = br_xrealloc(r->text, r->text_cap);
	}
	r->text[r->text_len++] = c;
}

static void put_run(struct br_csv_reader *r, const unsigned char *s, size_t n)
{
	if (r->text_len + n > r->text_cap) {
		r->text_cap = (r->text_len + n) * 2;
		r->text = br_xrealloc(r->text, r->text_cap);
	}
	memcpy(r->text + r->text_len, s, n);
	r->text_len += n;
}

static int is_separator(int c)
{
	return c == ',' || c == '\r' || c == '\n';
}

/* The buffered bytes up to the next quote (in a quoted field, counting
 * the line breaks) or the next separator (else), or to the buffer's end,
 * copied to text in one go; how many. */
static size_t run(struct br_csv_reader *r, int quoted_run)
{
	const unsigned char *s = r->buf + r->pos, *end = r->buf + r->len, *p;

	if (quoted_run) {
		p = memchr(s, '"', (size_t)(end - s));
		if (!p)
			p = end;
		for (const unsigned char *q = s; q < p; q++)
			r->line += *q == '\n';
	} else {
		for (p = s; p < end && !is_separator(*p); p++)
			;
	}
	put_run(r, s, (size_t)(p - s));
	r->pos += (size_t)(p - s);
	return (size_t)(p - s);
}

/* A quoted field, after its opening quote. */
static int quoted(struct br_csv_reader *r, char *err, size_t errlen)
{
	long from = r->line;
	int c;

	for (;;) {
		/* Everything up to the next quote, then the quote. */
		if (peek(r) >= 0 && peek(r) != '"')
			run(r, 1);
		c = take(r);
		if (c < 0) {
			snprintf(err, errlen,
				 "line %ld: a quoted field is not closed",
				 from);
			return -1;
		}
		if (c == '"') {
			if (peek(r) != '"')
				break;
			take(r);
		}
		r->line += c == '\n';
		put(r, (char)c);
	}
	c = peek(r);
	if (c >= 0 && !is_separator(c)) {
		snprintf(err, errlen,
			 "line %ld: text after the closing quote of a field",
			 r->line);
		return -1;
	}
	return 0;
}

/* One field into text; 1 if a comma follows. */
static int field(struct br_csv_reader *r, char *err, size_t errlen)
{
	int c;

	r->start = br_grow(r->start, r->n, &r->cap, sizeof(*r->start));
	r->start[r->n++] = r->text_len;
	if (peek(r) == '"') {
		take(r);
		if (quoted(r, err, errlen) < 0)
			return -1;
	} else {
		while ((c = peek(r)) >= 0 && !is_separator(c))
			run(r, 0);
	}
	put(r, '\0');
	if (peek(r) == ',') {
		take(r);
		return 1;
	}
	return 0;
}

static void end_record(struct br_csv_reader *r)
{
	if (peek(r) == '\r')
		take(r);
	if (peek(r) == '\n')
		take(r);
	r->line++;
}

int br_csv_next(struct br_csv_reader *r, struct br_csv_record *rec, char *err,
		size_t errlen)
{
	size_t k;
	int more;

	for (;;) {
		if (peek(r) < 0) {
			if (ferror(r->f)) {
				snprintf(err, errlen, "line %ld: read error",
					 r->line);
				return -1;
			}
			return 0;
		}
		r->n = r->text_len = 0;
		rec->line = r->line;
		do {
			if ((more = field(r, err, errlen)) < 0)
				return -1;
		} while (more);
		end_record(r);
		if (r->n > 1 || r->text[0]) /* else a blank line */
			break;
	}
	if (r->fields_cap < r->n) {
		r->fields_cap = r->cap;
		r->fields = br_xrealloc(r->fields,
					r->fields_cap * sizeof(*r->fields));
	}
	for (k = 0; k < r->n; k++)
		r->fields[k] = r->text + r->start[k];
	rec->fields = r->fields;
	rec->n = r->n;
	return 1;
}

/* ------------------------------------------------------------------
 * The whole of a text in memory, for tests and tools
 */

static void record_free(struct br_csv_record *rec)
{
	size_t k;

	for (k = 0; k < rec->n; k++)
		free(rec->fields[k]);
	free(rec->fields);
}

/* A copy of the reader's record, owned by the caller. */
static struct br_csv_record record_copy(const struct br_csv_record *rec)
{
	struct br_csv_record out = {br_xcalloc(rec->n + 1, sizeof(char *)),
				    rec->n, rec->line};
	size_t k;

	for (k = 0; k < rec->n; k++)
		out.fields[k] = br_xstrdup(rec->fields[k]);
	return out;
}

int br_csv_parse(const char *text, size_t len, struct br_csv *out, char *err,
		 size_t errlen)
{
	FILE *f = len ? fmemopen((void *)text, len, "rb") : NULL;
	struct br_csv_reader *r;
	struct br_csv_record rec;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (!len)
		return 0;
	if (!f) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	r = br_csv_open(f);
	while ((rc = br_csv_next(r, &rec, err, errlen)) > 0) {
		out->rows = br_grow(out->rows, out->n, &out->cap,
				    sizeof(*out->rows));
		out->rows[out->n++] = record_copy(&rec);
	}
	br_csv_close(r);
	fclose(f);
	if (rc < 0)
		br_csv_free(out);
	return rc < 0 ? -1 : 0;
}

void br_csv_free(struct br_csv *csv)
{
	size_t i;

	for (i = 0; i < csv->n; i++)
		record_free(&csv->rows[i]);
	free(csv->rows);
	memset(csv, 0, sizeof(*csv));
}
