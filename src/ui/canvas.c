#include "ui/canvas.h"

#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"
#include "boardroom/text.h"

void br_canvas_resize(struct br_canvas *c, int rows, int cols)
{
	if (rows < 1)
		rows = 1;
	if (cols < 1)
		cols = 1;
	if (rows != c->rows || cols != c->cols) {
		free(c->cells);
		c->rows = rows;
		c->cols = cols;
		c->cells = br_xcalloc((size_t)rows * (size_t)cols,
				      sizeof(*c->cells));
	}
	br_canvas_clear(c);
}

void br_canvas_free(struct br_canvas *c)
{
	free(c->cells);
	memset(c, 0, sizeof(*c));
}

static void blank(struct br_cell *cell, enum br_style style)
{
	cell->ch[0] = ' ';
	cell->ch[1] = '\0';
	cell->style = (uint8_t)style;
	cell->cont = 0;
}

void br_canvas_clear(struct br_canvas *c)
{
	size_t i, n = (size_t)c->rows * (size_t)c->cols;

	for (i = 0; i < n; i++)
		blank(&c->cells[i], BR_ST_NORMAL);
}

/* Clears what a write at (y, x) overlaps: half of a wide character. */
static void unsplit(struct br_canvas *c, int y, int x)
{
	struct br_cell *cell = br_canvas_cell(c, y, x);

	if (cell->cont && x > 0)
		blank(br_canvas_cell(c, y, x - 1), cell->style);
	if (x + 1 < c->cols && br_canvas_cell(c, y, x + 1)->cont)
		blank(br_canvas_cell(c, y, x + 1), cell->style);
}

int br_canvas_putn(struct br_canvas *c, int y, int x, const char *text,
		   size_t len, int max, enum br_style style)
{
	static const char replacement[] = "\xef\xbf\xbd";
	size_t i = 0;
	int start = x;

	if (y < 0 || y >= c->rows || x < 0)
		return 0;
	if (max > c->cols - x)
		max = c->cols - x;
	while (i < len && x - start < max) {
		int32_t cp;
		int n = br_text_decode(text + i, len - i, &cp);
		int w = br_text_cp_width(cp);
		struct br_cell *cell;

		if (w == 0 && x > start) {
			/* A combining mark joins the character before. */
			struct br_cell *prev = br_canvas_cell(c, y, x - 1);
			size_t have;

			if (prev->cont && x - 2 >= start)
				prev = br_canvas_cell(c, y, x - 2);
			have = strlen(prev->ch);
			if (have + (size_t)n < sizeof(prev->ch)) {
				memcpy(prev->ch + have, text + i, (size_t)n);
				prev->ch[have + (size_t)n] = '\0';
			}
			i += (size_t)n;
			continue;
		}
		if (w == 0) {
			i += (size_t)n;
			continue;
		}
		if (x - start + w > max) {
			blank(br_canvas_cell(c, y, x), style);
			x++;
			break;
		}
		unsplit(c, y, x);
		cell = br_canvas_cell(c, y, x);
		cell->style = (uint8_t)style;
		cell->cont = 0;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			memcpy(cell->ch, replacement, sizeof(replacement));
		} else {
			memcpy(cell->ch, text + i, (size_t)n);
			cell->ch[n] = '\0';
		}
		if (w == 2) {
			struct br_cell *next = br_canvas_cell(c, y, x + 1);

			if (x + 2 < c->cols &&
			    br_canvas_cell(c, y, x + 2)->cont)
				blank(br_canvas_cell(c, y, x + 2), style);
			next->ch[0] = '\0';
			next->style = (uint8_t)style;
			next->cont = 1;
		}
		x += w;
		i += (size_t)n;
	}
	return x - start;
}

int br_canvas_put(struct br_canvas *c, int y, int x, const char *text, int max,
		  enum br_style style)
{
	return br_canvas_putn(c, y, x, text, strlen(text), max, style);
}

void br_canvas_fill(struct br_canvas *c, int y, int x, int w,
		    enum br_style style)
{
	int i;

	if (y < 0 || y >= c->rows)
		return;
	for (i = x < 0 ? 0 : x; i < x + w && i < c->cols; i++) {
		unsplit(c, y, i);
		blank(br_canvas_cell(c, y, i), style);
	}
}

void br_canvas_restyle(struct br_canvas *c, int y, int x, int w,
		       enum br_style style)
{
	int i;

	if (y < 0 || y >= c->rows)
		return;
	for (i = x < 0 ? 0 : x; i < x + w && i < c->cols; i++)
		br_canvas_cell(c, y, i)->style = (uint8_t)style;
}

size_t br_canvas_row(const struct br_canvas *c, int y, char *buf, size_t len)
{
	size_t n = 0, keep = 0;
	int x;

	if (!len)
		return 0;
	for (x = 0; y >= 0 && y < c->rows && x < c->cols; x++) {
		const struct br_cell *cell =
			&c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
		size_t l = strlen(cell->ch);

		if (n + l + 1 > len)
			break;
		memcpy(buf + n, cell->ch, l);
		n += l;
		if (l && strcmp(cell->ch, " ") != 0)
			keep = n;
	}
	buf[keep] = '\0';
	return keep;
}
