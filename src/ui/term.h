/* term: the one layer that talks to curses. It starts and restores the
 * terminal, reads keys and mouse events as app key codes, and copies a
 * canvas to the screen. */
#ifndef BOARDROOM_TERM_H
#define BOARDROOM_TERM_H

#include <stddef.h>

#include "ui/canvas.h"

enum term_event {
	TERM_NONE,   /* nothing within the wait */
	TERM_KEY,    /* a key: *key */
	TERM_RESIZE, /* the terminal changed size */
	TERM_CLICK,  /* a click at (*y, *x) */
	TERM_WHEEL,  /* the wheel: *key is -1 (up) or 1 (down) */
	TERM_QUIT,   /* a signal asked us to stop */
};

/* Starts curses on the terminal. Returns 0, or -1 with a one-line
 * message in err (no terminal, a terminal that cannot address the
 * cursor). */
int term_init(char *err, size_t errlen);
/* The config file's "color STYLE FG BG": the style of a name ("safety",
 * "status"; -1 if none) and the names there are; a colour's number
 * ("blue" 4, "default" -1, 0-255 as they are; -2 if none). term_color
 * sets a style's colours for the next term_init. */
int term_style_find(const char *name);
const char *term_style_names(void);
int term_color_find(const char *name);
void term_color(int style, int fg, int bg);
/* Restores the terminal; safe to call twice. */
void term_done(void);
void term_size(int *rows, int *cols);
/* Waits up to ms milliseconds for something to happen; ms < 0: until
 * something does, asleep. */
enum term_event term_read(int ms, int *key, int *y, int *x);
/* Shows the canvas. */
void term_draw(const struct br_canvas *c);
/* Forces a full repaint on the next draw (Ctrl-L). */
void term_repaint(void);

#endif
