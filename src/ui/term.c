#include "ui/term.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "boardroom/charset.h"
#include "ui/app.h"

static int active;
/* Converts cells to the locale's charset when it is not UTF-8. */
static struct br_charset *conv;
static volatile sig_atomic_t stop_signal;
static attr_t style_attr[BR_ST_COUNT];

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* A fatal signal: give the terminal back before dying. */
static void on_crash(int sig)
{
	if (active)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void set_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

/* The config file's colours (term_color), over the table's; fg -2: not
 * set. */
static struct {
	short fg, bg;
} custom[BR_ST_COUNT];
static int custom_set;

static const char *const style_names[BR_ST_COUNT] = {
	[BR_ST_DIM] = "dim",
	[BR_ST_BOLD] = "bold",
	[BR_ST_SELECTED] = "selected",
	[BR_ST_HIT] = "hit",
	[BR_ST_MAIN] = "main",
	[BR_ST_ASIDE] = "aside",
	[BR_ST_BACKGROUND] = "background",
	[BR_ST_SAFETY] = "safety",
	[BR_ST_ACCEL] = "accelerationist",
	[BR_ST_INVESTOR] = "investor",
	[BR_ST_OTHER] = "other",
	[BR_ST_STATUS] = "status",
	[BR_ST_ERROR] = "error",
	[BR_ST_RULER] = "ruler",
	[BR_ST_RANGE] = "range",
	[BR_ST_CURSOR] = "cursor",
	[BR_ST_TITLE] = "title",
};

int term_style_find(const char *name)
{
	int i;

	for (i = 1; i < BR_ST_COUNT; i++)
		if (style_names[i] && !strcmp(style_names[i], name))
			return i;
	return -1;
}

const char *term_style_names(void)
{
	return "dim, bold, selected, hit, main, aside, background, safety, "
	       "accelerationist, investor, other, status, error, ruler, "
	       "range, cursor, title";
}

int term_color_find(const char *name)
{
	static const char *const names[] = {"black",  "red",  "green",
					    "yellow", "blue", "magenta",
					    "cyan",   "white"};
	char *end;
	long n;
	int i;

	if (!strcmp(name, "default"))
		return -1;
	for (i = 0; i < 8; i++)
		if (!strcmp(name, names[i]))
			return i; /* COLOR_BLACK .. COLOR_WHITE */
	n = strtol(name, &end, 10);
	if (end != name && !*end && n >= 0 && n < 256)
		return (int)n;
	return -2;
}

void term_color(int style, int fg, int bg)
{
	int i;

	if (!custom_set) {
		for (i = 0; i < BR_ST_COUNT; i++)
			custom[i].fg = -2;
		custom_set = 1;
	}
	if (style > 0 && style < BR_ST_COUNT) {
		custom[style].fg = (short)fg;
		custom[style].bg = (short)bg;
	}
}

/* Colour pairs for the styles, or attributes alone in monochrome. */
static void set_styles(void)
{
	static const struct {
		enum br_style style;
		short fg, bg;
		attr_t color_attr, mono_attr;
	} table[] = {
		{BR_ST_DIM, -1, -1, A_DIM, A_DIM},
		{BR_ST_BOLD, -1, -1, A_BOLD, A_BOLD},
		{BR_ST_SELECTED, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
		{BR_ST_HIT, COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE | A_BOLD},
		{BR_ST_MAIN, COLOR_RED, -1, A_BOLD, A_BOLD},
		{BR_ST_ASIDE, COLOR_YELLOW, -1, 0, 0},
		{BR_ST_BACKGROUND, COLOR_BLUE, -1, 0, A_DIM},
		{BR_ST_SAFETY, COLOR_GREEN, -1, A_BOLD, A_BOLD},
		{BR_ST_ACCEL, COLOR_MAGENTA, -1, A_BOLD, A_UNDERLINE},
		{BR_ST_INVESTOR, COLOR_BLUE, -1, A_BOLD, 0},
		{BR_ST_OTHER, -1, -1, 0, 0},
		{BR_ST_STATUS, COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE},
		{BR_ST_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD,
		 A_REVERSE | A_BOLD},
		{BR_ST_RULER, COLOR_CYAN, -1, 0, 0},
		{BR_ST_RANGE, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
		{BR_ST_CURSOR, COLOR_YELLOW, -1, A_BOLD, A_BOLD},
		{BR_ST_TITLE, COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
	};
	const char *no_color = getenv("NO_COLOR");
	/* no-color.org: set and not empty. */
	int color = has_colors() && !(no_color && no_color[0]);
	size_t i;

	if (color) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		attr_t a = color ? table[i].color_attr : table[i].mono_attr;
		short fg = table[i].fg, bg = table[i].bg;

		if (custom_set && custom[table[i].style].fg != -2) {
			fg = custom[table[i].style].fg;
			bg = custom[table[i].style].bg;
			if (fg >= COLORS || bg >= COLORS)
				fg = bg = -1; /* more than the terminal has */
		}
		if (color && (fg != -1 || bg != -1)) {
			init_pair((short)(i + 1), fg, bg);
			a |= COLOR_PAIR((int)(i + 1));
		}
		style_attr[table[i].style] = a;
	}
}

int term_init(char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	SCREEN *screen;
	int found;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen,
			 "the explorer needs a terminal; for scripts use a "
			 "command such as 'boardroom events' (see --help)");
		return -1;
	}
	if (!term || !*term || !strcmp(term, "dumb")) {
		snprintf(err, errlen,
			 "TERM is %s%s%s: the explorer needs a terminal that "
			 "can "
			 "move the cursor (try TERM=xterm-256color)",
			 term ? "'" : "unset", term ? term : "",
			 term ? "'" : "");
		return -1;
	}
	/* Look the type up first: newterm does not free what it allocated
	 * when the type is unknown. */
	if (setupterm(term, STDOUT_FILENO, &found) != OK) {
		snprintf(err, errlen,
			 "unknown terminal type '%s' (try TERM=xterm-256color)",
			 term);
		return -1;
	}
	del_curterm(cur_term);
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		snprintf(err, errlen,
			 "unknown terminal type '%s' (try TERM=xterm-256color)",
			 term);
		return -1;
	}
	set_term(screen);
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		endwin();
		snprintf(err, errlen,
			 "the terminal '%s' cannot move the cursor", term);
		return -1;
	}
	active = 1;
	if (!br_charset_is_utf8(br_charset_locale())) {
		char msg[128];

		conv = br_charset_open(br_charset_locale(), msg, sizeof(msg));
	}
	set_signals();
	cbreak();
	noecho();
	nonl();
	{
		/* Ctrl-S saves a note: it is no flow control here. */
		struct termios tio;

		if (tcgetattr(STDIN_FILENO, &tio) == 0) {
			tio.c_iflag &= ~(tcflag_t)IXON;
			tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		}
		def_prog_mode();
	}
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
			  BUTTON5_PRESSED,
		  NULL);
	mouseinterval(0);
	/* Home and End as tmux, screen and rxvt send them, whatever TERM
	 * says. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
	define_key("\033[H", KEY_HOME);
	define_key("\033[F", KEY_END);
	set_styles();
	return 0;
}

void term_done(void)
{
	if (!active)
		return;
	active = 0;
	curs_set(1);
	endwin();
	br_charset_close(conv);
	conv = NULL;
}

void term_size(int *rows, int *cols)
{
	getmaxyx(stdscr, *rows, *cols);
}

static int map_key(int is_key, wint_t ch)
{
	if (!is_key) {
		switch (ch) {
		case '\r':
		case '\n':
			return APP_KEY_ENTER;
		case 27:
			return APP_KEY_ESC;
		case '\t':
			return APP_KEY_TAB;
		case 8:
		case 127:
			return APP_KEY_BACKSPACE;
		case 12:
			return APP_KEY_CTRL_L;
		case 21:
			return APP_KEY_CTRL_U;
		case 14:
			return APP_KEY_CTRL_N;
		case 16:
			return APP_KEY_CTRL_P;
		case 19:
			return APP_KEY_CTRL_S;
		case 6:
			return APP_KEY_CTRL_F;
		case 2:
			return APP_KEY_CTRL_B;
		case 4:
			return APP_KEY_CTRL_D;
		case 5:
			return APP_KEY_CTRL_E;
		case 25:
			return APP_KEY_CTRL_Y;
		}
		return (int)ch;
	}
	switch (ch) {
	case KEY_UP:
		return APP_KEY_UP;
	case KEY_DOWN:
		return APP_KEY_DOWN;
	case KEY_LEFT:
		return APP_KEY_LEFT;
	case KEY_RIGHT:
		return APP_KEY_RIGHT;
	case KEY_PPAGE:
		return APP_KEY_PGUP;
	case KEY_NPAGE:
		return APP_KEY_PGDN;
	case KEY_HOME:
		return APP_KEY_HOME;
	case KEY_END:
		return APP_KEY_END;
	case KEY_ENTER:
		return APP_KEY_ENTER;
	case KEY_BACKSPACE:
		return APP_KEY_BACKSPACE;
	case KEY_DC:
		return APP_KEY_DELETE;
	case KEY_BTAB:
		return APP_KEY_BTAB;
	}
	return 0;
}

enum term_event term_read(int ms, int *key, int *y, int *x)
{
	wint_t ch;
	int rc;

	if (stop_signal)
		return TERM_QUIT;
	timeout(ms);
	rc = wget_wch(stdscr, &ch);
	if (stop_signal)
		return TERM_QUIT;
	if (rc == ERR)
		return TERM_NONE;
	if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
		return TERM_RESIZE;
	if (rc == KEY_CODE_YES && ch == KEY_MOUSE) {
		MEVENT ev;

		if (getmouse(&ev) != OK)
			return TERM_NONE;
		*y = ev.y;
		*x = ev.x;
		if (ev.bstate & BUTTON4_PRESSED) {
			*key = -1;
			return TERM_WHEEL;
		}
		if (ev.bstate & BUTTON5_PRESSED) {
			*key = 1;
			return TERM_WHEEL;
		}
		return TERM_CLICK;
	}
	*key = map_key(rc == KEY_CODE_YES, ch);
	return *key ? TERM_KEY : TERM_NONE;
}

/* A cell in the locale's charset. The conversion draws a symbol as itself
 * where the charset holds it and the locale gives it the width it has
 * here, and a look-alike where it has one; these are the symbols the
 * explorer draws that it has none for, which would else be "?". */
static const char *cell_text(const char *ch, char *buf, size_t len)
{
	static const struct {
		const char *sym, *ascii;
	} table[] = {
		{"★", "*"}, /* a bookmark */
		{"✎", "+"}, /* a bookmark with a note */
		{"←", "<"}, /* back */
		{"▶", ">"}, /* playing */
		{"‖", "|"}, /* paused */
	};
	size_t i;

	br_charset_convert(conv, ch, strlen(ch), buf, len);
	if (strcmp(buf, "?") || !strcmp(ch, "?"))
		return buf;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(ch, table[i].sym))
			return table[i].ascii;
	return buf;
}

void term_draw(const struct br_canvas *c)
{
	int y, x, rows, cols;
	char text[32];
	const char *shown;

	getmaxyx(stdscr, rows, cols);
	erase();
	for (y = 0; y < c->rows && y < rows; y++) {
		for (x = 0; x < c->cols && x < cols; x++) {
			const struct br_cell *cell =
				&c->cells[(size_t)y * (size_t)c->cols +
					  (size_t)x];

			if (cell->cont)
				continue;
			attrset(style_attr[cell->style]);
			if (conv) {
				shown = cell_text(cell->ch, text, sizeof(text));
			} else {
				shown = cell->ch;
			}
			/* The last cell: addstr would scroll; insert it. */
			if (y == rows - 1 && x == cols - 1)
				mvinsstr(y, x, shown);
			else
				mvaddstr(y, x, shown);
		}
	}
	attrset(A_NORMAL);
	refresh();
}

void term_repaint(void)
{
	clearok(curscr, TRUE);
}
