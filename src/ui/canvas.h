/* canvas: a grid of terminal cells that views draw into, with no curses in
 * it. The explorer's drawing layer copies a canvas to the terminal; tests
 * and the headless mode read it as text.
 *
 * A cell holds one character (with any combining marks) and a style. A
 * character two columns wide fills its cell and marks the next one as its
 * continuation. */
#ifndef BOARDROOM_CANVAS_H
#define BOARDROOM_CANVAS_H

#include <stddef.h>
#include <stdint.h>

/* What a cell means; the drawing layer maps styles to colours. */
enum br_style {
	BR_ST_NORMAL = 0,
	BR_ST_DIM,	/* secondary text: times, hints */
	BR_ST_BOLD,	/* headings */
	BR_ST_SELECTED, /* the selected row */
	BR_ST_HIT,	/* a search match */
	BR_ST_MAIN,	/* main-line mark */
	BR_ST_ASIDE,	/* sidelight mark */
	BR_ST_BACKGROUND,
	BR_ST_SAFETY, /* the factions */
	BR_ST_ACCEL,
	BR_ST_INVESTOR,
	BR_ST_OTHER,
	BR_ST_STATUS, /* the status line */
	BR_ST_ERROR,  /* an error on the status line */
	BR_ST_RULER,  /* the overview ruler */
	BR_ST_RANGE,  /* the visible range on the ruler */
	BR_ST_CURSOR, /* the selection on the ruler */
	BR_ST_TITLE,  /* a pane's title bar */
	BR_ST_COUNT
};

struct br_cell {
	char ch[12]; /* UTF-8, NUL-terminated; "" for a continuation */
	uint8_t style;
	uint8_t cont; /* 1: right half of a wide character */
};

struct br_canvas {
	int rows, cols;
	struct br_cell *cells; /* rows * cols, owned */
};

/* Sizes the canvas (at least 1x1) and blanks it. */
void br_canvas_resize(struct br_canvas *c, int rows, int cols);
void br_canvas_free(struct br_canvas *c);
/* Blanks every cell. */
void br_canvas_clear(struct br_canvas *c);

static inline struct br_cell *br_canvas_cell(struct br_canvas *c, int y, int x)
{
	return &c->cells[(size_t)y * (size_t)c->cols + (size_t)x];
}

/* Writes text at (y, x) in at most max columns (and not past the edge) in
 * style. A wide character that does not fit leaves a blank; a control
 * character or an invalid byte shows as U+FFFD. Returns the columns
 * written. */
int br_canvas_put(struct br_canvas *c, int y, int x, const char *text, int max,
		  enum br_style style);
/* Like br_canvas_put for the first len bytes of text. */
int br_canvas_putn(struct br_canvas *c, int y, int x, const char *text,
		   size_t len, int max, enum br_style style);
/* Blanks w cells from (y, x) in style. */
void br_canvas_fill(struct br_canvas *c, int y, int x, int w,
		    enum br_style style);
/* Changes the style of w cells from (y, x), keeping their text. */
void br_canvas_restyle(struct br_canvas *c, int y, int x, int w,
		       enum br_style style);

/* Row y as UTF-8 text, trailing blanks removed, into buf. Returns the
 * length. */
size_t br_canvas_row(const struct br_canvas *c, int y, char *buf, size_t len);

#endif
