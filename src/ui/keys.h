/* keys: the one key table. Every request the explorer knows, in groups
 * and in the order help lists them, with the keys that make it and what
 * help says of it. The keymap, help, the names replay scripts use and
 * the man page's KEYS section all come from it. */
#ifndef BOARDROOM_UI_KEYS_H
#define BOARDROOM_UI_KEYS_H

#include <stddef.h>

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
	APP_KEY_CTRL_F, /* the pager keys of less and vi */
	APP_KEY_CTRL_B,
	APP_KEY_CTRL_D,
	APP_KEY_CTRL_E,
	APP_KEY_CTRL_Y,
};

/* The groups, in help's order. */
enum app_group {
	GROUP_MOVING,	 /* the selection, by events */
	GROUP_JUMPING,	 /* the selection, by time */
	GROUP_SEARCHING, /* search and its matches */
	GROUP_VIEWS,	 /* the screens of one event */
	GROUP_FILTERS,	 /* what the timeline shows */
	GROUP_SHOWING,	 /* how it is shown */
	GROUP_MARKS,	 /* bookmarks and notes */
	GROUP_PLAYING,	 /* the moment moving on by itself */
	GROUP_GENERAL,
	GROUP_COUNT
};

/* R(group, name, keys, help in English, in Chinese), in help's order.
 * keys is KEYS(...) of up to three key codes; a request whose help is
 * NULL is in the keymap but not in help. */
#define APP_REQUESTS(R)                                                        \
	R(MOVING, DOWN, KEYS('j', APP_KEY_DOWN, APP_KEY_CTRL_E), "move down",  \
	  "下移")                                                              \
	R(MOVING, UP, KEYS('k', APP_KEY_UP, APP_KEY_CTRL_Y), "move up",        \
	  "上移")                                                              \
	R(MOVING, PAGE_DOWN, KEYS(APP_KEY_PGDN, ' ', APP_KEY_CTRL_F),          \
	  "page down", "下一页")                                               \
	R(MOVING, PAGE_UP, KEYS(APP_KEY_PGUP, 'b', APP_KEY_CTRL_B), "page up", \
	  "上一页")                                                            \
	R(MOVING, HALF_DOWN, KEYS(APP_KEY_CTRL_D), "half a page down",         \
	  "下移半页")                                                          \
	R(MOVING, HALF_UP, KEYS(APP_KEY_CTRL_U), "half a page up", "上移半页") \
	R(MOVING, FIRST, KEYS('g', APP_KEY_HOME), "first event", "第一条")     \
	R(MOVING, LAST, KEYS('G', APP_KEY_END), "last event", "最后一条")      \
	R(JUMPING, NEXT_DAY, KEYS(']'), "next day", "下一天")                  \
	R(JUMPING, PREV_DAY, KEYS('['), "previous day", "前一天")              \
	R(JUMPING, NEXT_HOUR, KEYS('}'), "next hour with an event",            \
	  "下一个有事件的小时")                                                \
	R(JUMPING, PREV_HOUR, KEYS('{'), "previous hour with an event",        \
	  "上一个有事件的小时")                                                \
	R(JUMPING, GOTO, KEYS(':'),                                            \
	  "go to a date or time: Nov 19 evening, T+48, 11月20日晚上",          \
	  "跳转：Nov 19 evening、T+48、11月20日晚上")                          \
	R(SEARCHING, SEARCH, KEYS('/'),                                        \
	  "search (Enter keeps it, Esc cancels)", "搜索")                      \
	R(SEARCHING, NEXT_HIT, KEYS('n'), "next match", "下一个匹配")          \
	R(SEARCHING, PREV_HIT, KEYS('N'), "previous match", "上一个匹配")      \
	R(SEARCHING, ONLY_HITS, KEYS('&'),                                     \
	  "only the matches, or all events again", "仅显示匹配，或恢复全部")   \
	R(VIEWS, DETAIL, KEYS(APP_KEY_ENTER), "the event in full", "事件详情") \
	R(VIEWS, SPLIT, KEYS('s'),                                             \
	  "the split: CEO, board, sides, figures at the moment",               \
	  "阵营：此刻的CEO、董事会、双方、数字")                               \
	R(VIEWS, LANES, KEYS('L'),                                             \
	  "lanes: sides over time (h l time, t line/stance, + - zoom)",        \
	  "泳道：阵营随时间变化（h l 移动时刻，t 路线/立场，+ - 缩放）")       \
	R(VIEWS, EVERYONE, KEYS('e'),                                          \
	  "the split: everyone, also names only mentioned",                    \
	  "阵营：显示全部，包括仅被提及的名字")                                \
	R(VIEWS, MARK_MOMENT, KEYS('c'),                                       \
	  "mark this moment, to compare another with it",                      \
	  "标记此刻，以便与另一时刻对比")                                      \
	R(VIEWS, COMPARE, KEYS('C'),                                           \
	  "compare the marked moment with this one: what changed",             \
	  "对比标记的时刻与此刻：有何变化")                                    \
	R(FILTERS, PEOPLE, KEYS('p'), "people: Enter follows one, + adds one", \
	  "人物：Enter 筛选一人，+ 添加一人")                                  \
	R(FILTERS, CLEAR_PEOPLE, KEYS('P'), "clear the person filter",         \
	  "清除人物筛选")                                                      \
	R(FILTERS, KIND, KEYS('f'), "filter by kind: main, aside, background", \
	  "按类型筛选")                                                        \
	R(FILTERS, FACTION, KEYS('F'),                                         \
	  "filter by faction: each line, then each crisis stance",             \
	  "按阵营筛选：先路线，再危机中的立场")                                \
	R(FILTERS, DATES, KEYS('d'),                                           \
	  "dates: Nov 19, Nov 18 .. Nov 20, after Nov 18",                     \
	  "日期：11月19日、Nov 18 .. Nov 20、after Nov 18")                    \
	R(FILTERS, CLEAR_DATES, KEYS('D'), "clear the dates", "清除日期筛选")  \
	R(SHOWING, CYCLE_VIEW, KEYS(APP_KEY_TAB),                              \
	  "next view: timeline, split, people", "切换视图")                    \
	R(SHOWING, LANG, KEYS('l'), "language: English / 中文",                \
	  "语言：English / 中文")                                              \
	R(SHOWING, ZONE, KEYS('z'), "time zone: PT, Beijing, UTC, local",      \
	  "时区：太平洋、北京、UTC、本地")                                     \
	R(SHOWING, ZOOM, KEYS('Z'), "ruler: the crisis days / all time",       \
	  "标尺：危机数日 / 全部")                                             \
	R(MARKS, MARK, KEYS('m'),                                              \
	  "bookmark the event, or unmark it (m m if it has a note)",           \
	  "加书签或取消书签（有笔记时按两次）")                                \
	R(MARKS, NEXT_MARK, KEYS('\''), "next bookmark", "下一个书签")         \
	R(MARKS, PREV_MARK, KEYS('"'), "previous bookmark", "上一个书签")      \
	R(MARKS, MARKS_LIST, KEYS('M'),                                        \
	  "the bookmarks and notes, to read and go to",                        \
	  "书签与笔记列表：阅读、跳转")                                        \
	R(MARKS, NOTE, KEYS('a'),                                              \
	  "write a note on the event (Esc or Ctrl-S saves)",                   \
	  "为事件写笔记（Esc 或 Ctrl-S 保存）")                                \
	R(PLAYING, PLAY, KEYS('>'),                                            \
	  "play on from the moment, 1h/s; other keys stop",                    \
	  "从此刻起播放，每秒1小时；其他键停止")                               \
	R(PLAYING, FASTER, KEYS('+'), "play twice as fast", "播放加快一倍")    \
	R(PLAYING, SLOWER, KEYS('-'), "play half as fast", "播放减慢一半")     \
	R(PLAYING, PAUSE, KEYS(' '), "while playing: pause or go on",          \
	  "播放中：暂停或继续")                                                \
	R(GENERAL, HELP, KEYS('?'), "this help", "本帮助")                     \
	R(GENERAL, REDRAW, KEYS(APP_KEY_CTRL_L), "redraw the screen",          \
	  "重绘屏幕")                                                          \
	R(GENERAL, QUIT, KEYS('q'), "back, or quit", "返回或退出")             \
	R(GENERAL, BACK, KEYS(APP_KEY_ESC),                                    \
	  "back to the timeline, or clear the search",                         \
	  "返回时间线，或清除搜索")

enum app_request {
	REQ_NONE = 0,
#define R(group, name, keys, en, zh) REQ_##name,
	APP_REQUESTS(R)
#undef R
		REQ_COUNT
};

/* The request a key makes, REQ_NONE if none. */
enum app_request keys_request(int key);
/* The request of group that key makes, REQ_NONE if none: the keys of a
 * mode that puts a group first (Space pauses play, else pages down). */
enum app_request keys_request_in(int key, enum app_group group);
/* The group of a request, and the group's name ("Moving"). */
enum app_group keys_group(enum app_request req);
const char *keys_group_name(enum app_group group);
/* What help says of req in English (zh 0) or Chinese; NULL if help does
 * not list it. */
const char *keys_help(enum app_request req, int zh);
/* The keys bound to req, by name, into buf: "j ↓". Returns the length. */
size_t keys_of(enum app_request req, char *buf, size_t len);
/* A key's name for help and the man page ("Ctrl-L", "↑", "j"), into buf
 * if it has no fixed name. */
const char *keys_name(int key, char *buf, size_t len);
/* Binds key to req ahead of the table (the config file's "bind"); the
 * key no longer makes what the table says. 0, or -1 if KEYS_MAX_BOUND
 * keys are bound already. The bindings hold for the process. */
#define KEYS_MAX_BOUND 64
int keys_bind(int key, enum app_request req);
void keys_unbind_all(void);
/* The request of a config file's name ("down", "page-down", "next-day":
 * the table's names in lower case, '-' for '_'); REQ_NONE if none. */
enum app_request keys_find(const char *name);
/* That name of req, into buf. */
const char *keys_request_id(enum app_request req, char *buf, size_t len);
/* The key a replay script's word names: a name of keys_name, the tmux
 * spelling ("C-l", "BSpace", "Escape", "Up") or one character. 0 if
 * none. */
int keys_parse(const char *word);

#endif
