/* ui: what the explorer's files offer each other, file by file, from the
 * bottom up. A file calls only those listed above its own section (and
 * ui.c, pen.c and keys.c, which call none of them), so no two call each
 * other in a loop (tests/layers/layers.py checks it).
 *
 * Each screen has a prepare step, which may ask the model and fills the
 * screen's part of struct app, and a draw step that takes the app as
 * const and only reads it. */
#ifndef BOARDROOM_UI_H
#define BOARDROOM_UI_H

#include "ui/app.h"

/* ui.c: words in the current language, the zone, the status message,
 * editing a line of input. */
const char *ui_tr(const struct app *app, const char *en, const char *zh);
/* The same for a format string, so the compiler still checks it. */
#define UI_TR(app, en, zh) ((app)->lang == BR_LANG_ZH ? (zh) : (en))
const struct br_zone *ui_zone(const struct app *app);
/* The zone's name in the current language: "PT", "Beijing"; "太平洋时间",
 * "北京时间" (brief: "太平洋", "北京", for the status line). */
const char *ui_zone_label(const struct app *app, int brief);
/* style for an instant t on a screen: as it is if t falls in the
 * dataset's year (meta year, the one a date typed without a year lands
 * in; in the zone shown), else the form of it that names the year
 * (br_when_year_style). */
enum br_when_style ui_when_style(const struct app *app,
				 enum br_when_style style, br_instant t);
/* A list's style for t (br_when_short_style): the month named outside the
 * month of the window's start, the year outside the dataset's year. */
enum br_when_style ui_short_style(const struct app *app, br_instant t);
/* Sets the status line's message (printf-like). */
void ui_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_message_clear(struct app *app);
/* A key of the timeline's keymap clears the message; a redraw keeps an
 * error on screen. */
void ui_message_key(struct app *app, int redraw);
/* The faction style for a faction slug. */
enum br_style ui_faction_style(const char *slug);
/* The start of the local day (day 1) or hour containing t in the current
 * zone, and the start of the next one. */
br_instant ui_unit_start(const struct app *app, br_instant t, int day);
br_instant ui_unit_next(const struct app *app, br_instant t, int day);
/* Whether a gap from a to b is worth a separator row; its label. */
int ui_gap(br_instant a, br_instant b);
void ui_gap_label(enum br_lang lang, br_instant a, br_instant b, char *buf,
		  size_t len);
/* Appends code point cp as UTF-8 to s (cap bytes) if it fits and is not
 * a control character. */
void ui_append(char *s, size_t cap, int cp);
/* Edits a line of input; returns 1 if the key was an edit (a character
 * past a full line is not). */
int ui_edit_line(char *s, size_t cap, int key);
/* Copies text into out (cap bytes) cut to max columns at its last cut
 * point that fits, with an ellipsis: by_items, a list joined by " · "
 * loses whole items; else a sentence loses whole words (Chinese, whole
 * characters). Returns the columns used. */
int ui_fit(char *out, size_t cap, const char *text, int max, int by_items);

/* pen.c: writing into a box of the canvas, wrapped and scrolled. A pen
 * with no canvas only counts its lines. */
struct pen {
	struct br_canvas *c; /* NULL: count only */
	int y, x, h, w;	     /* the box */
	int line;	     /* lines written so far */
	int skip;	     /* lines scrolled away */
};
/* The next line's row, or -1 if it is not in the box. */
int pen_row(struct pen *p);
/* text wrapped to the box, each line indented by indent. */
void pen_wrap(struct pen *p, const char *text, int indent, enum br_style style);
/* Multi-line text, each line wrapped. */
void pen_lines(struct pen *p, const char *text, int indent,
	       enum br_style style);
/* One line cut to the box; returns its row or -1. */
int pen_line(struct pen *p, const char *text, enum br_style style);
/* text cut to max columns with an ellipsis. */
void pen_cut(struct br_canvas *c, int y, int x, const char *text, int max,
	     enum br_style style);
/* The same with the matches of search (NULL: none) highlighted; returns
 * the columns written. */
int pen_cut_hl(const struct br_search *search, struct br_canvas *c, int y,
	       int x, const char *text, int max, enum br_style style);

/* marks.c: bookmarks, and the user database they are in. */
void marks_open(struct app *app);
void marks_close(struct app *app);
/* Whether the user database can be used; if not, says why. */
int marks_usable(struct app *app);
/* The bookmarks of the dataset, loaded when they changed. */
const struct br_marks *marks_list(struct app *app);
void marks_invalidate(struct app *app);
/* Whether ev is bookmarked (0 if the user database is not open). */
int marks_is(struct app *app, const struct br_event *ev);
/* Bookmarks ev, or removes its bookmark, and says which. A bookmark with
 * a note is removed only by a second m in a row: the first says what
 * would be removed. */
void marks_toggle(struct app *app, const struct br_event *ev);
/* A key other than m: the removal m asked about is not confirmed. */
void marks_unconfirm(struct app *app);

/* ruler.c: the overview ruler. */
/* Sets the span: the crisis days, or all time when zoomed out. */
void ruler_span(struct app *app);
/* Z: the crisis days, or all time. */
void ruler_zoom(struct app *app);
void ruler_invalidate(struct app *app);
void ruler_prepare(struct app *app, int w);
/* Whether the ruler's bars are still being counted, a slice a frame (a
 * filter no index answers): the explorer asks for frames meanwhile. */
int ruler_walking(const struct app *app);
void ruler_draw(const struct app *app, struct br_canvas *c, int y, int w);
void ruler_free(struct app *app);

/* select.c: the selection, the page around it and its row map. */
void sel_init(struct app *app);
void sel_free(struct app *app);
/* The list's place on a screen of rows x cols. */
void sel_resize(struct app *app, int rows, int cols);
/* Loads the page and moves top so the selection is visible. */
void sel_layout(struct app *app);
/* Makes key the selection and scrolls to show it. */
void sel_select(struct app *app, const struct br_key *key);
/* No selection: nothing under the filter. */
void sel_none(struct app *app);
/* Puts back a selection and top kept from before. */
void sel_restore(struct app *app, const struct br_key *top,
		 const struct br_key *sel);
/* The position n/N must be counted again. */
void sel_invalidate(struct app *app);
/* Counts the position, for the status line. */
void sel_position(struct app *app);
/* The moving and jumping requests. */
void sel_request(struct app *app, enum app_request req);
/* Moves the selection by n events (negative: up). */
void sel_move_by(struct app *app, int n);
/* The next (dir > 0) or previous bookmark under the filter. */
void sel_jump_mark(struct app *app, int dir);
/* Lays the page out and finds which of its rows are bookmarked. */
void sel_prepare(struct app *app);
/* A click at (y, x) on the list selects the event of that row. */
void sel_click(struct app *app, int y, int x);
/* The current instant: the one : or a time step set while the selection
 * they made holds, else the selected event's (the window's start if
 * none). */
br_instant sel_instant(const struct app *app);
/* Makes at the current instant, for the selection just made. */
void sel_set_instant(struct app *app, br_instant at);
/* Play moves the selection forward to key: the list scrolls as j does. */
void sel_follow(struct app *app, const struct br_key *key);

/* filters.c: the filter, the search, and going to a moment. */
void filters_init(struct app *app);
void filters_free(struct app *app);
void filters_set_search(struct app *app, const char *text);
/* Esc: no search, and all events again if & showed its matches only. */
void filters_clear_search(struct app *app);
/* The date range text names: a WHEN ("Nov 19": that day), two joined by
 * "..", "to", "–" or "至" ("Nov 18 .. Nov 20 noon"), one end alone ("from
 * Nov 18", "after Nov 18", "until T+48", "before Nov 21"); "" clears it.
 * From is the start of its WHEN, to the end of its own. */
void filters_dates(struct app *app, const char *text);
/* The search being typed: the first match from where it started. */
void filters_search_typed(struct app *app, const char *text);
/* Goes to the next (dir > 0) or previous match (REQ_NEXT_HIT or
 * REQ_PREV_HIT). */
void filters_hit(struct app *app, enum app_request req);
/* Goes to what text names: a marker of the source, or a moment. */
void filters_goto(struct app *app, const char *text);
/* The filter changed: select the nearest event under it. */
void filters_refilter(struct app *app);
/* The filter requests (people aside). */
void filters_request(struct app *app, enum app_request req);
int filters_follows(const struct br_filter *f, int64_t person);
void filters_toggle_person(struct app *app, int64_t person);
/* The filters as words (app->filters.text), for the title and status. */
void filters_prepare(struct app *app);
/* Whether the search's count is still going on (a slice each frame): the
 * explorer then asks for frames without waiting for a key. */
int filters_counting(const struct app *app);

/* play.c: the current instant moving forward by itself. */
void play_set_clock(struct app *app, const struct app_clock *clock);
/* PLAY starts; FASTER and SLOWER set the speed (also while not playing). */
void play_request(struct app *app, enum app_request req);
/* A key while playing: play's own, or any other, which stops it (and
 * does nothing else). */
void play_key(struct app *app, int key);
/* Stops play where it is (a click, the wheel). */
void play_stop(struct app *app);
/* What app_wait and app_tick say while playing. */
int play_wait(const struct app *app);
int play_tick(struct app *app);
/* The speed 1h/s times 2^speed as text: "1h/s", "3m45s/s", "1小时/秒". */
size_t play_speed_text(const struct app *app, int speed, char *buf, size_t len);
/* The status line while playing: "▶ 1h/s · Sat Nov 18 14:23 · T+26:20 ·
 * ...". */
void play_status(const struct app *app, char *buf, size_t len);

/* detail.c: the selected event in full. */
/* The selected event's detail, loaded if need be; NULL if none. */
const struct br_detail *detail_get(struct app *app);
/* The detail the last prepare loaded, if it is the selection's. */
const struct br_detail *detail_current(const struct app *app);
/* Loads what detail_draw shows in h x w; full: the screen of its own,
 * scrolled. */
void detail_prepare(struct app *app, int h, int w, int full);
void detail_draw(const struct app *app, struct br_canvas *c, int y, int x,
		 int h, int w, int scroll);
/* The screen of its own opens at the top; the moving keys scroll it. */
void detail_open(struct app *app);
void detail_scroll(struct app *app, enum app_request req);
/* The lines a pager request scrolls by on a screen of page lines (a
 * line, a page, half a page; negative: up); 0 for the others. */
int detail_scroll_by(enum app_request req, int page);
void detail_free(struct app *app);

/* view_timeline.c: the list with its ruler, and the detail beside it. */
void timeline_prepare(struct app *app, const struct br_canvas *c);
void timeline_draw(const struct app *app, struct br_canvas *c);

/* view_split.c: the state of the world at the current instant. */
/* e: also the cast not placed on a side, or not. */
void split_everyone(struct app *app);
/* PgDn, PgUp (Space, b) scroll the split when it does not fit. */
void split_scroll(struct app *app, enum app_request req);
void split_prepare(struct app *app, const struct br_canvas *c);
void split_draw(const struct app *app, struct br_canvas *c);
void split_free(struct app *app);

/* view_lanes.c: the sides over time; its keys. */
void lanes_open(struct app *app);
/* Returns 1 if the lanes took the key. */
int lanes_key(struct app *app, int key);
void lanes_prepare(struct app *app, const struct br_canvas *c);
void lanes_draw(const struct app *app, struct br_canvas *c);
void lanes_free(struct app *app);
/* view_compare.c: two moments side by side. */
/* c: marks the current instant. */
void compare_mark(struct app *app);
/* C: compares the marked moment with the current instant; 0 (with a
 * message) if none is marked. */
int compare_open(struct app *app);
/* A key on the comparison: 1 if it took it (Esc and q go back, Enter
 * opens the selected event); 0 leaves it to the rest. */
int compare_key(struct app *app, enum app_request req);
void compare_prepare(struct app *app, const struct br_canvas *c);
void compare_draw(const struct app *app, struct br_canvas *c);
void compare_free(struct app *app);

/* view_people.c: the picker; its keys. */
void people_open(struct app *app);
/* Returns 1 when the picker closes. */
int people_key(struct app *app, int key);
void people_prepare(struct app *app, const struct br_canvas *c);
void people_draw(const struct app *app, struct br_canvas *c);
void people_free(struct app *app);

/* view_help.c: made from the key table. */
void help_open(struct app *app);
void help_scroll(struct app *app, enum app_request req);
void help_prepare(struct app *app, const struct br_canvas *c);
void help_draw(const struct app *app, struct br_canvas *c);

/* view_marks.c: the bookmarks screen; its keys. */
void marks_view_open(struct app *app);
/* Returns 1 when the screen closes (Enter has then selected the event). */
int marks_view_key(struct app *app, int key);
void marks_view_prepare(struct app *app, const struct br_canvas *c);
void marks_view_draw(const struct app *app, struct br_canvas *c);
void marks_view_free(struct app *app);

/* view_note.c: the note editor. */
/* Opens the editor on the selected event; 1 if it opened. */
int note_open(struct app *app);
/* Returns 1 when the editor closes (the note saved); after a failed save
 * it stays open with the text. */
int note_key(struct app *app, int key);
/* The explorer is stopped: saves the note. NULL, or the text that could
 * not be saved. */
const char *note_stop(struct app *app);
void note_prepare(struct app *app);
void note_draw(const struct app *app, struct br_canvas *c);
void note_free(struct app *app);

/* chrome.c: the title bar, the status line, and its prompt. */
void chrome_title(const struct app *app, struct br_canvas *c,
		  const char *title);
void chrome_status(const struct app *app, struct br_canvas *c);
void prompt_open(struct app *app, enum app_prompt kind);
void prompt_key(struct app *app, int key);

#endif
