/* app: the explorer, with no curses in it. Keys come in as key codes
 * (ui/keys.h); app_render fills a canvas that the drawing layer (term.c)
 * or the headless mode copies out.
 *
 * struct app is made of parts, each with one owner: only the file named
 * beside a part writes it; the others read it. A frame is a prepare step
 * (which may ask the model and fills each screen's caches) and a draw
 * step that only reads (app.c, app_render). */
#ifndef BOARDROOM_APP_H
#define BOARDROOM_APP_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/compare.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/lanes.h"
#include "boardroom/notes.h"
#include "boardroom/people.h"
#include "boardroom/search.h"
#include "boardroom/split.h"
#include "boardroom/when.h"
#include "ui/canvas.h"
#include "ui/keys.h"

enum app_view {
	VIEW_TIMELINE,
	VIEW_DETAIL,
	VIEW_SPLIT,
	VIEW_PEOPLE,
	VIEW_HELP,
	VIEW_NOTE,
	VIEW_MARKS,
	VIEW_LANES,
	VIEW_COMPARE
};

enum app_prompt { PROMPT_NONE, PROMPT_SEARCH, PROMPT_GOTO, PROMPT_DATES };

#define APP_MAX_ZONES 4
#define APP_MIN_COLS  40
#define APP_MIN_ROWS  10
/* Counting stops here on large filtered timelines (">20000"). */
#define APP_COUNT_CAP 20000
/* The ruler marks search hits up to this many. */
#define APP_HITS_CAP 5000
/* A search that reads each event: how many a frame counts, and the most
 * the ruler marks (it reads them all again). */
#define APP_HITS_SLICE 128
/* The ruler's density of other filters: events a frame. */
#define APP_RULER_SLICE	  4096
#define APP_HITS_ROWS_CAP 256
/* Wide enough for the detail pane beside a list whose rows show their
 * titles in full (APP_LIST_COLS): narrower, the list takes the screen. */
#define APP_WIDE_COLS 180
#define APP_LIST_COLS 128

/* One row of the timeline's list: an event, or the gap row above it. */
struct app_row {
	int y;	   /* on the screen */
	int event; /* index in the page */
	int gap;   /* 1: the gap row above that event */
};

/* The selection and the page around it (select.c). */
struct app_sel {
	struct br_key top, sel; /* first visible event; selected */
	int has_sel;
	struct br_page page; /* events from top, one screen + 1 */
	/* The row map: the page laid out in the list, with its gap rows.
	 * Made by each layout; drawing, clicks and paging read it. */
	struct app_row *rows; /* owned */
	size_t n_rows, rows_cap;
	int visible;		    /* events the row map shows */
	int list_y, list_h, list_w; /* where the list is drawn */
	int64_t count, rank;	    /* for the position n/N */
	int count_ok, rank_ok;
	unsigned char *marked; /* per visible event, made by prepare; owned */
	/* The current instant, for the split: the one that : or a time step
	 * set (has_at) while the selection they made (at_for) holds, else the
	 * selected event's (sel_instant). */
	br_instant at;
	struct br_key at_for;
	int has_at;
};

/* What the timeline shows (filters.c): the filter and the search. */
struct app_filters {
	struct br_filter filter; /* in force (the search is not in it) */
	int64_t factions[8];	 /* faction ids to cycle F through */
	int n_factions;
	char search[256]; /* the search in force, "" if none */
	struct br_search compiled;
	char text[256]; /* the filters as words, made by prepare */
	int only_hits;	/* the timeline shows the search's matches only */
	/* The date range's ends as typed (filter.from is from_w.t_min,
	 * filter.to is to_w.t_max), for the status line. */
	struct br_when from_w, to_w;
	/* The search's count, made by prepare: hits_n matches (valid
	 * while hits_ok: the search and filter unchanged), hits_k of them
	 * before the selection hits_at, which is one if hits_sel. A search
	 * that reads each event is counted a slice at a time, a frame each
	 * (filters_counting): while n_more (k_more), hits_n (hits_k) is
	 * what is counted so far, up to n_from (k_from). */
	int64_t hits_n, hits_k;
	struct br_key hits_at;
	int hits_sel, hits_ok;
	int n_more, k_more, n_started, k_started;
	struct br_key n_from, k_from;
};

/* The overview ruler (ruler.c). */
struct app_ruler {
	int zoom_all;
	br_instant start, end;
	uint32_t *density, *hits; /* per column, owned */
	int width, ok;
	/* A density no index answers is read a slice a frame (walking),
	 * in columns of bucket seconds, going on after walk_from. */
	int walking, walk_started;
	struct br_key walk_from;
	br_instant bucket;
};

/* The selected event in full (detail.c), also shown beside the list. */
struct app_detail {
	struct br_detail d;
	int64_t id;	   /* the event d is of; 0 if none */
	char *note;	   /* its bookmark's note, made by prepare; owned */
	int marked;	   /* whether it is bookmarked */
	int scroll, shown; /* the first line; the one the frame shows */
	int64_t scroll_id; /* the event scroll is of: another starts at 0 */
	int page;	   /* lines the screen of its own shows */
	int n_lines;	   /* the lines it has there, all told */
};

/* The split (view_split.c). */
struct app_split {
	struct br_split split;
	struct br_changes changes;
	br_instant at;	   /* the instant it was made for */
	unsigned flags;	   /* of br_split_query it was made with */
	int made;	   /* split and changes hold for at and flags */
	int ok;		   /* made by prepare for the current instant */
	int everyone;	   /* also the cast not placed (BR_SPLIT_EVERYONE) */
	int scroll, shown; /* the first row of the body; the frame's */
	int more;	   /* the frame's body had rows below the screen */
};

/* The lanes (view_lanes.c): the range, the lane selected, and the page
 * of lanes prepare made, with what it was made for. */
struct app_lanes {
	struct br_lanes lanes;
	enum br_lanes_axis axis;
	int zoom;	     /* 0 the crisis days, 1 all time, -1.. hours */
	br_instant from, to; /* the range shown */
	int sel;	     /* the lane: the CEO's, the board's, then actors */
	int top;	     /* the first actor on screen */
	int ok, made;
	int tall; /* two rows a lane, the second naming each stretch */
	br_instant made_from, made_to;
	int made_width, made_top, made_rows;
	enum br_lanes_axis made_axis;
	struct br_filter made_filter;
};

/* The people picker (view_people.c). */
struct app_people {
	char query[128];
	struct br_people people;
	size_t limit; /* how many people were asked for */
	int ok, sel, top;
	/* Made by prepare for the rows on screen: each one's side and
	 * offices at the selected moment. */
	struct app_person_at {
		int known; /* 0: not yet appeared */
		char faction[64];
		enum br_style style;
		const char *titles; /* in pool */
	} * at;			    /* owned */
	size_t n_at;
	struct br_pool pool;
};

/* The comparison of two moments (view_compare.c): the moment c marked,
 * and what C compares it with. */
struct app_compare {
	br_instant mark; /* the moment marked, if has_mark */
	int has_mark;
	br_instant from, to;   /* the ends C took, from <= to */
	int mark_is_to;	       /* the marked moment is the later end */
	struct br_compare cmp; /* made by prepare for from and to */
	int made, ok;	       /* cmp holds for from and to; made this frame */
	/* A page of the events in between under the timeline's filter
	 * (filter: as it was when the page was read), the selected one, and
	 * how many come before the page (-1: not known). */
	struct br_page events;
	struct br_filter filter;
	int loaded; /* events holds for the ends and filter */
	int64_t first, count;
	int count_more; /* count stopped at APP_COUNT_CAP */
	int sel;
	int follow; /* the selection moved: the next frame shows it */
	/* The body as rows of text, made by prepare; drawing reads them. */
	struct app_compare_row {
		const char *text; /* in pool */
		int indent;
		enum br_style style;
		int event; /* index in events, or -1 */
		int col;   /* 1: the movers' column of a wide screen */
	} * rows;	   /* owned */
	size_t n_rows, rows_cap;
	struct br_pool pool;
	int scroll, shown, more; /* the body's first row; as drawn; below */
};

/* Help (view_help.c). */
struct app_help {
	int scroll, shown;
	int page; /* lines the screen shows */
};

/* Bookmarks (marks.c). */
struct app_marks {
	struct br_notes *notes; /* owned; NULL if it could not be opened */
	char err[256];		/* why it could not */
	struct br_marks marks;	/* for the ruler and the jumps */
	int ok;
	int64_t confirm; /* the event whose noted bookmark m asked to remove */
};

/* The bookmarks screen (view_marks.c): the rows on screen, made by
 * prepare. */
struct app_marks_view {
	int sel, top; /* indexes in the marks' list */
	int page;     /* marks a page moves by */
	struct app_mark_row {
		const char *when;   /* in pool, or "" */
		const char *title;  /* in pool, or the mark's */
		const char *marker; /* the mark's */
	} * rows;		    /* owned */
	size_t n_rows;
	struct br_pool pool;
};

/* The note editor (view_note.c). */
struct app_note {
	char *text; /* owned */
	char *orig; /* the text when the editor opened; owned */
	size_t len, cap;
	int64_t version; /* of the mark when the editor opened */
	enum app_view back;
};

/* The prompt of the status line (chrome.c). */
struct app_prompt_line {
	enum app_prompt kind;
	char input[256];
	struct br_key saved_top, saved_sel;
	char saved_search[256];
};

/* A clock the caller gives the explorer (app_set_clock): play reads the
 * time from it, so the library holds no real time. The explorer's reads
 * CLOCK_MONOTONIC; replay's and the tests' are virtual. */
struct app_clock {
	int64_t (*now_ms)(void *ctx); /* milliseconds, never going back */
	void *ctx;		      /* the caller's; not owned */
};

/* Play moves the current instant forward in crisis time (play.c). */
#define APP_PLAY_FRAME_MS 50 /* between frames while playing */
#define APP_PLAY_SLOWEST  -4 /* speeds are 1h/s times 2^speed */
#define APP_PLAY_FASTEST  6
struct app_play {
	struct app_clock clock; /* now_ms NULL: none given, no play */
	int on, paused;
	int speed;	 /* 1h of the crisis a second, times 2^speed */
	br_instant at;	 /* the app's current instant while playing */
	int64_t frac_ms; /* and the milliseconds past it (0-999) */
	br_instant end;	 /* where play stops */
	int end_why;	 /* what end is (play.c) */
	int64_t last_ms; /* the clock when at was last moved */
};

/* The status line's message (ui.c). */
struct app_message {
	char text[256];
	int error;
};

struct app {
	/* app.c */
	struct br_db *db;	    /* not owned */
	const struct br_meta *meta; /* owned by db */
	enum br_lang lang;
	struct br_zone zones[APP_MAX_ZONES];
	int n_zones, zone;	  /* zones to cycle through; current */
	enum app_view view, back; /* current view; where q goes back to */
	int rows, cols;		  /* the screen */
	int quit;
	int zh_warned; /* the terminal was checked for Chinese */

	struct app_sel tl;
	struct app_filters filters;
	struct app_ruler ruler;
	struct app_detail detail;
	struct app_split split;
	struct app_lanes lanes;
	struct app_compare compare;
	struct app_people people;
	struct app_help help;
	struct app_marks marks;
	struct app_marks_view marks_view;
	struct app_note note;
	struct app_prompt_line prompt;
	struct app_message msg;
	struct app_play play;
};

/* Sets up app on db (not owned) in language lang and zone (copied). */
void app_init(struct app *app, struct br_db *db, enum br_lang lang,
	      const struct br_zone *zone);
void app_done(struct app *app);

/* The user or a signal stops the explorer (Ctrl-C, SIGTERM, SIGHUP): a
 * note being written is saved first. Returns NULL, or the text of a note
 * that could not be saved (valid until app_done), for the caller to
 * show. */
const char *app_stop(struct app *app);
/* The screen's size changed (also called once at the start). */
void app_resize(struct app *app, int rows, int cols);
/* Handles one key; app->quit is set when the user leaves. */
void app_key(struct app *app, int key);
/* A mouse click at (y, x), or the wheel (dir -1 up, +1 down). */
void app_click(struct app *app, int y, int x);
void app_wheel(struct app *app, int dir);
/* The clock play reads (copied; its ctx stays the caller's). */
void app_set_clock(struct app *app, const struct app_clock *clock);
/* How long the caller may wait for a key before the next frame is due,
 * in milliseconds; -1: until a key comes (not playing, or paused). */
int app_wait(const struct app *app);
/* The wait ended with no key: moves play on by the time the clock says
 * went by. Returns 1 if the screen must be drawn again. */
int app_tick(struct app *app);
/* Draws the current view into c (sized by the caller to rows x cols). */
void app_render(struct app *app, struct br_canvas *c);

#endif
