/* pen: writing into a box of the canvas, wrapped and scrolled, and text
 * cut to a width with the search's matches highlighted. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

/* text, or its first cap - 1 bytes (whole characters) copied into buf
 * when it is longer: what a line of the screen can show of it, without
 * reading a huge text to its end. */
static const char *head(const char *text, char *buf, size_t cap, size_t *len)
{
	size_t n = strnlen(text, cap);

	if (n < cap) {
		*len = n;
		return text;
	}
	n = cap - 1;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, text, n);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Bytes enough for a line of cols columns: whole characters with their
 * marks. */
#define LINE_BYTES(cols) ((size_t)(cols > 0 ? cols : 1) * 16 + 64)

int pen_row(struct pen *p)
{
	int r = p->line - p->skip;

	p->line++;
	return p->c && r >= 0 && r < p->h ? p->y + r : -1;
}

void pen_wrap(struct pen *p, const char *text, int indent, enum br_style style)
{
	size_t next = 0, n;

	if (!*text) {
		pen_row(p);
		return;
	}
	while (*text) {
		char line[LINE_BYTES(1000)];
		size_t cap = LINE_BYTES(p->w - indent), len;
		const char *chunk;
		int y;

		/* Past the box nothing more is shown: a huge text is wrapped
		 * only as far as the screen goes. A pen with no height
		 * counts every line. */
		if (p->h > 0 && p->line >= p->skip + p->h)
			break;
		if (cap > sizeof(line))
			cap = sizeof(line);
		chunk = head(text, line, cap, &len);
		n = br_text_wrap(chunk, p->w - indent, &next);
		if (next == 0 && chunk == line)
			next = n; /* the line ends where the chunk does */
		y = pen_row(p);
		if (y >= 0)
			br_canvas_putn(p->c, y, p->x + indent, text, n,
				       p->w - indent, style);
		if (next == 0)
			break;
		text += next;
	}
}

int pen_line(struct pen *p, const char *text, enum br_style style)
{
	int y = pen_row(p);
	char buf[512], part[LINE_BYTES(1000)];
	size_t len;

	if (y >= 0) {
		text = head(text, part, sizeof(part), &len);
		br_text_truncate(buf, sizeof(buf), text, p->w);
		br_canvas_put(p->c, y, p->x, buf, p->w, style);
	}
	return y;
}

void pen_lines(struct pen *p, const char *text, int indent, enum br_style style)
{
	char *copy = br_xstrdup(text), *line = copy, *nl;

	for (;;) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		pen_wrap(p, line, indent, style);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(copy);
}

void pen_cut(struct br_canvas *c, int y, int x, const char *text, int max,
	     enum br_style style)
{
	char buf[512], part[LINE_BYTES(1000)];
	size_t len;

	text = head(text, part, sizeof(part), &len);
	br_text_truncate(buf, sizeof(buf), text, max);
	br_canvas_put(c, y, x, buf, max, style);
}

/* Writes text with the search's matches highlighted; returns columns. */
static int put_hl(const struct br_search *search, struct br_canvas *c, int y,
		  int x, const char *text, int max, enum br_style style)
{
	size_t pos = 0, len = strlen(text), mlen;
	int used = 0;
	long at;

	while (pos < len && used < max) {
		at = search ? br_search_find(search, text, pos, &mlen) : -1;
		if (at < 0) {
			used += br_canvas_putn(c, y, x + used, text + pos,
					       len - pos, max - used, style);
			break;
		}
		used += br_canvas_putn(c, y, x + used, text + pos,
				       (size_t)at - pos, max - used, style);
		used += br_canvas_putn(c, y, x + used, text + at, mlen,
				       max - used, BR_ST_HIT);
		pos = (size_t)at + mlen;
	}
	return used;
}

int pen_cut_hl(const struct br_search *search, struct br_canvas *c, int y,
	       int x, const char *text, int max, enum br_style style)
{
	char buf[1024], part[LINE_BYTES(1000)];
	size_t len;

	if (max <= 0)
		return 0;
	text = head(text, part, sizeof(part), &len);
	if (br_text_width(text, len) <= max)
		return put_hl(search, c, y, x, text, max, style);
	br_text_truncate(buf, sizeof(buf), text, max);
	return put_hl(search, c, y, x, buf, max, style);
}
