/* app: the explorer's state and behaviour, with no curses in it. Keys come
 * in as app key codes; app_render fills a canvas that the drawing layer
 * (term.c) or the headless mode copies out. The views (view_*.c) share
 * this header. */
#ifndef BOARDROOM_APP_H
#define BOARDROOM_APP_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/notes.h"
#include "boardroom/people.h"
#include "boardroom/search.h"
#include "boardroom/split.h"
#include "boardroom/when.h"
#include "ui/canvas.h"

/* Key codes: Unicode code points for characters, these for the rest. */
enum {
	APP_KEY_UP = 0x110000,
	APP_KEY_DOWN,
	APP_KEY_LEFT,
	APP_KEY_RIGHT,
	APP_KEY_PGUP,
	APP_KEY_PGDN,
	APP_KEY_HOME,
	APP_KEY_END,
	APP_KEY_ENTER,
	APP_KEY_ESC,
	APP_KEY_BACKSPACE,
	APP_KEY_TAB,
	APP_KEY_BTAB,
	APP_KEY_DELETE,
	APP_KEY_CTRL_L,
	APP_KEY_CTRL_U,
	APP_KEY_CTRL_N,
	APP_KEY_CTRL_P,
	APP_KEY_CTRL_S,
};

/* Every request, once: its name, and what help says of it. The keys that
 * make it are in the keymap (app.c); help lists them from there. */
#define APP_REQUESTS(R)                                                        \
	R(DOWN, "move down", "下移")                                           \
	R(UP, "move up", "上移")                                               \
	R(PAGE_DOWN, "page down", "下一页")                                    \
	R(PAGE_UP, "page up", "上一页")                                        \
	R(FIRST, "first event", "第一条")                                      \
	R(LAST, "last event", "最后一条")                                      \
	R(NEXT_DAY, "next day", "下一天")                                      \
	R(PREV_DAY, "previous day", "前一天")                                  \
	R(NEXT_HOUR, "next hour with an event", "下一个有事件的小时")          \
	R(PREV_HOUR, "previous hour with an event", "上一个有事件的小时")      \
	R(DETAIL, "the event in full", "事件详情")                             \
	R(CYCLE_VIEW, "next view: timeline, split, people", "切换视图")        \
	R(SEARCH, "search (Enter keeps it, Esc cancels)", "搜索")              \
	R(NEXT_HIT, "next match", "下一个匹配")                                \
	R(PREV_HIT, "previous match", "上一个匹配")                            \
	R(PEOPLE, "people: follow one or several", "人物：筛选时间线")         \
	R(CLEAR_PEOPLE, "clear the person filter", "清除人物筛选")             \
	R(KIND, "filter by kind: main, aside, background", "按类型筛选")       \
	R(FACTION, "filter by faction", "按阵营筛选")                          \
	R(GOTO, "go to a date or time: Nov 19 evening, T+48, 11月20日晚上",    \
	  "跳转：Nov 19 evening、T+48、11月20日晚上")                          \
	R(SPLIT, "the split: sides, board, CEO, figures, as of the event",     \
	  "阵营：截至所选事件的双方、董事会、CEO、数字")                       \
	R(LANG, "language: English / 中文", "语言：English / 中文")            \
	R(ZONE, "time zone: PT, Beijing, UTC, local",                          \
	  "时区：太平洋、北京、UTC、本地")                                     \
	R(ZOOM, "ruler: the crisis days / all time", "标尺：危机数日 / 全部")  \
	R(MARK, "bookmark the event, or remove its bookmark",                  \
	  "加书签或取消书签")                                                  \
	R(NEXT_MARK, "next bookmark", "下一个书签")                            \
	R(PREV_MARK, "previous bookmark", "上一个书签")                        \
	R(NOTE, "write a note on the event (Esc or Ctrl-S saves)",             \
	  "为事件写笔记（Esc 或 Ctrl-S 保存）")                                \
	R(HELP, "this help", "本帮助")                                         \
	R(QUIT, "back, or quit", "返回或退出")                                 \
	R(BACK, "back (never quits)", "返回（不退出）")                        \
	R(REDRAW, "redraw the screen", "重绘屏幕")

enum app_request {
	REQ_NONE = 0,
#define R(name, en, zh) REQ_##name,
	APP_REQUESTS(R)
#undef R
		REQ_COUNT
};

enum app_view {
	VIEW_TIMELINE,
	VIEW_DETAIL,
	VIEW_SPLIT,
	VIEW_PEOPLE,
	VIEW_HELP,
	VIEW_NOTE
};

enum app_prompt { PROMPT_NONE, PROMPT_SEARCH, PROMPT_GOTO };

#define APP_MAX_ZONES 4
#define APP_MIN_COLS  40
#define APP_MIN_ROWS  10
/* Counting stops here on large filtered timelines (">20000"). */
#define APP_COUNT_CAP 20000
/* The ruler marks search hits up to this many. */
#define APP_HITS_CAP 5000

struct app {
	struct br_db *db;	    /* not owned */
	const struct br_meta *meta; /* owned by db */
	enum br_lang lang;
	struct br_zone zones[APP_MAX_ZONES];
	int n_zones, zone;	  /* zones to cycle through; current */
	enum app_view view, back; /* current view; where q goes back to */
	int rows, cols;		  /* the screen */

	/* The timeline */
	struct br_filter filter; /* in force (the search is not in it) */
	int64_t factions[8];	 /* faction ids to cycle F through */
	int n_factions;
	struct br_key top, sel; /* first visible event; selected */
	int has_sel;
	struct br_page page;	    /* events from top, one screen + 1 */
	int visible;		    /* events the last layout showed */
	int list_y, list_h, list_w; /* where the list is drawn */
	int64_t count, rank;	    /* for the position n/N */
	int count_ok, rank_ok;

	/* Search */
	char search[256]; /* the search in force, "" if none */
	struct br_search compiled;

	/* The ruler */
	int zoom_all;
	br_instant ruler_start, ruler_end;
	uint32_t *density, *hits; /* per column, owned */
	int density_w, density_ok;

	/* Detail */
	struct br_detail detail;
	int64_t detail_id;

	/* Split */
	struct br_split split;
	struct br_changes changes;
	int64_t split_id; /* the event it was made for */

	/* People picker */
	char pquery[128];
	struct br_people people;
	size_t plimit; /* how many people were asked for */
	int people_ok, psel, ptop;

	/* Prompt */
	enum app_prompt prompt;
	char input[256];
	struct br_key saved_top, saved_sel;
	char saved_search[256];

	/* Status message */
	char msg[256];
	int msg_error;

	/* Bookmarks and notes */
	struct br_notes *notes; /* owned; NULL if it could not be opened */
	char notes_err[256];	/* why it could not */
	struct br_marks marks;	/* for the ruler and the jumps */
	int marks_ok;
	char *note; /* the note being edited */
	size_t note_len, note_cap;
	int64_t note_version; /* of the mark when the editor opened */
	enum app_view note_back;

	/* Detail and help, full screen: the first line shown. */
	int scroll;

	int quit;
};

/* Sets up app on db (not owned) in language lang and zone (copied). */
void app_init(struct app *app, struct br_db *db, enum br_lang lang,
	      const struct br_zone *zone);
void app_done(struct app *app);

/* The screen's size changed (also called once at the start). */
void app_resize(struct app *app, int rows, int cols);
/* Handles one key; app->quit is set when the user leaves. */
void app_key(struct app *app, int key);
/* A mouse click at (y, x), or the wheel (dir -1 up, +1 down). */
void app_click(struct app *app, int y, int x);
void app_wheel(struct app *app, int dir);
/* Draws the current view into c (sized by the caller to rows x cols). */
void app_render(struct app *app, struct br_canvas *c);

/* Shared by the views (app.c) */

const char *app_tr(const struct app *app, const char *en, const char *zh);
/* The same for a format string, so the compiler still checks it. */
#define APP_TR(app, en, zh) ((app)->lang == BR_LANG_ZH ? (zh) : (en))
const struct br_zone *app_zone(const struct app *app);
/* Sets the status line's message (printf-like). */
void app_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Loads the page and moves top so the selection is visible. */
void app_layout(struct app *app);
/* The index of the selected event in app->page, or -1. */
int app_sel_index(const struct app *app);
/* Makes key the selection and scrolls to show it. */
void app_select(struct app *app, const struct br_key *key);
/* Keeps the detail loaded for the selected event. */
const struct br_detail *app_detail(struct app *app);
/* Keeps the split loaded as of the selected event, with at least limit
 * members of each side (those that fit on the screen). The split is the
 * app's: valid until the next call. */
const struct br_split *app_split(struct app *app, size_t limit);
/* The keys bound to request req, for help: "j ↓". */
size_t app_keys_of(enum app_request req, char *buf, size_t len);
const char *app_request_help(const struct app *app, enum app_request req);
/* The faction style for a faction slug. */
enum br_style app_faction_style(const char *slug);

/* The views (view_*.c) */

/* Rows of a gap between two events worth a separator, with its label. */
int view_gap_label(const struct app *app, br_instant a, br_instant b, char *buf,
		   size_t len);
void view_timeline(struct app *app, struct br_canvas *c);
void view_ruler(struct app *app, struct br_canvas *c, int y, int w);
void view_detail(struct app *app, struct br_canvas *c, int y, int x, int h,
		 int w, int scroll);
void view_split(struct app *app, struct br_canvas *c);
void view_people(struct app *app, struct br_canvas *c);
void view_help(struct app *app, struct br_canvas *c);
void view_note(struct app *app, struct br_canvas *c);
/* Whether ev is bookmarked (0 if the user database is not open). */
int app_is_marked(struct app *app, const struct br_event *ev);
/* The bookmarks of the dataset, loaded when they changed. */
const struct br_marks *app_marks(struct app *app);
void view_status(struct app *app, struct br_canvas *c);
void view_title(struct app *app, struct br_canvas *c, const char *title);

#endif
