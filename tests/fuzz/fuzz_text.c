/* fuzz_text: the text layer on arbitrary bytes: width, fitting,
 * truncation, wrapping, folding, drawing into a canvas and conversion to
 * other charsets.
 *
 * Invariants checked: truncation uses at most the columns asked for and
 * its output is NUL-terminated within the buffer; wrapping always makes
 * progress and ends; fold gives valid UTF-8; a canvas row never holds more
 * columns than the canvas; conversions stay NUL-terminated in their
 * buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "ui/canvas.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "invariant broken: %s\n", what);
		abort();
	}
}

static void truncating(const char *s)
{
	static const int widths[] = {0, 1, 2, 3, 5, 10, 40};
	static const size_t lens[] = {1, 2, 4, 8, 64, 512};
	size_t i, j;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		for (j = 0; j < sizeof(lens) / sizeof(lens[0]); j++) {
			char *dst = malloc(lens[j]);
			int used;

			check(dst != NULL, "malloc");
			used = br_text_truncate(dst, lens[j], s, widths[i]);
			check(memchr(dst, '\0', lens[j]) != NULL,
			      "truncate: NUL-terminated");
			check(used >= 0 && used <= widths[i],
			      "truncate: width <= cols");
			check(br_text_width(dst, strlen(dst)) <= widths[i],
			      "truncate: measured width <= cols");
			free(dst);
		}
	}
}

static void wrapping(const char *s, size_t n)
{
	static const int widths[] = {-1, 0, 1, 2, 3, 7, 20, 80};
	size_t i;

	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		size_t off = 0, lines = 0;

		while (off < n) {
			size_t next = 0,
			       len = br_text_wrap(s + off, widths[i], &next);

			check(len <= n - off, "wrap: line within the text");
			check(next > 0, "wrap: progress");
			check(next <= n - off, "wrap: next within the text");
			check(next >= len, "wrap: next after the line");
			if (br_text_width(s + off, len) >
			    (widths[i] < 1 ? 1 : widths[i])) {
				int32_t cp;
				int first = br_text_decode(s + off, len, &cp);

				/* Only one character wider than the line,
				 * with its zero-width marks. */
				check(br_text_width(s + off + first,
						    len - (size_t)first) == 0,
				      "wrap: line fits in cols");
			}
			off += next;
			check(++lines <= n + 1, "wrap: ends");
		}
	}
}

static void drawing(const char *s, size_t n)
{
	struct br_canvas c = {0};
	char row[512];
	int y, w;

	br_canvas_resize(&c, 3, 7);
	br_canvas_put(&c, 0, 0, s, 7, BR_ST_NORMAL);
	br_canvas_put(&c, 1, 2, s, 3, BR_ST_BOLD);
	br_canvas_putn(&c, 2, 6, s, n, 100, BR_ST_HIT);
	/* Overwrite halves of what is there. */
	br_canvas_put(&c, 0, 1, s, 2, BR_ST_DIM);
	br_canvas_fill(&c, 1, 3, 1, BR_ST_NORMAL);
	br_canvas_restyle(&c, 2, -2, 20, BR_ST_SELECTED);
	br_canvas_put(&c, -1, 0, s, 7, BR_ST_NORMAL);
	br_canvas_put(&c, 3, 0, s, 7, BR_ST_NORMAL);
	br_canvas_put(&c, 0, 7, s, 7, BR_ST_NORMAL);
	for (y = 0; y < c.rows; y++) {
		size_t len = br_canvas_row(&c, y, row, sizeof(row));

		check(len < sizeof(row) && row[len] == '\0', "canvas row");
		w = br_text_width(row, len);
		check(w <= c.cols, "canvas row width <= cols");
	}
	br_canvas_free(&c);
}

static void converting(const char *s, size_t n)
{
	static const char *const sets[] = {"ASCII", "GB18030"};
	size_t i;

	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		struct br_charset *cs;
		char err[128], out[64], *big;
		size_t got, cap = 4 * n + 16;

		cs = br_charset_open(sets[i], err, sizeof(err));
		check(cs != NULL, "charset open");
		got = br_charset_convert(cs, s, n, out, sizeof(out));
		check(got < sizeof(out) && out[got] == '\0',
		      "convert: NUL-terminated in a small buffer");
		big = malloc(cap);
		check(big != NULL, "malloc");
		got = br_charset_convert(cs, s, n, big, cap);
		check(got < cap && big[got] == '\0', "convert: NUL-terminated");
		if (i == 0) {
			size_t k;

			for (k = 0; k < got; k++)
				check((unsigned char)big[k] < 0x80,
				      "convert: ASCII out");
		}
		free(big);
		br_charset_close(cs);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *folded;
	size_t n, used_bytes;
	int used;

	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s); /* the text functions take C strings */

	check(br_text_width(s, n) >= 0, "width >= 0");
	used_bytes = br_text_fit(s, n, 10, &used);
	check(used_bytes <= n && used <= 10, "fit within cols");
	check(br_text_fit(s, n, 0, &used) <= n && used == 0, "fit in 0");
	(void)br_text_valid(s, n);

	truncating(s);
	wrapping(s, n);

	folded = br_text_fold(s);
	check(folded != NULL, "fold");
	check(br_text_valid(folded, strlen(folded)), "fold: valid UTF-8");
	free(folded);

	drawing(s, n);
	converting(s, n);
	free(s);
	return 0;
}
