/* Play, without a terminal: keys go in as key codes on the bundled
 * dataset, the clock is the test's own, and the screens are read back
 * from the canvas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "tap.h"
#include "ui/app.h"
#include "ui/canvas.h"
#include "ui/keys.h"

/* The bundled dataset as a database image (meson.build, tools/bake.c). */
extern const unsigned char br_bundled_image[];
extern const size_t br_bundled_image_len;

static struct br_db *db;
static struct br_zone pt;
static struct app app;
static struct br_canvas canvas;
static int64_t clock_ms = 1000;

static int64_t test_clock(void *ctx)
{
	return *(const int64_t *)ctx;
}

/* Starts the explorer afresh on a rows x cols screen, in lang. */
static void start_in(int cols, int rows, enum br_lang lang)
{
	const struct app_clock clock = {test_clock, &clock_ms};

	app_done(&app);
	app_init(&app, db, lang, &pt);
	app_set_clock(&app, &clock);
	br_canvas_resize(&canvas, rows, cols);
	app_resize(&app, rows, cols);
	app_render(&app, &canvas);
}

static void start(int cols, int rows)
{
	start_in(cols, rows, BR_LANG_EN);
}

static void keys(const int *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		app_key(&app, k[i]);
		app_render(&app, &canvas);
	}
}
#define KEYS(...)                                                              \
	keys((const int[]){__VA_ARGS__},                                       \
	     sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static void type(const char *text)
{
	size_t n = strlen(text);

	while (n) {
		int32_t cp;
		int len = br_text_decode(text, n, &cp);

		app_key(&app, cp);
		app_render(&app, &canvas);
		text += len;
		n -= (size_t)len;
	}
}

static void go_to(const char *when)
{
	KEYS(':');
	type(when);
	KEYS(APP_KEY_ENTER);
}

/* ms of the clock go by, in frames as the explorer's loop draws them. */
static void pass(int64_t ms)
{
	int64_t until = clock_ms + ms;

	while (app_wait(&app) >= 0 && clock_ms + app_wait(&app) <= until) {
		clock_ms += app_wait(&app);
		app_tick(&app);
		app_render(&app, &canvas);
	}
	clock_ms = until;
}

static const char *row(int y)
{
	static char buf[4096];

	br_canvas_row(&canvas, y, buf, sizeof(buf));
	return buf;
}

static int find(const char *text)
{
	int y;

	for (y = 0; y < canvas.rows; y++)
		if (strstr(row(y), text))
			return y;
	return -1;
}

static int status_has(const char *text)
{
	if (strstr(row(canvas.rows - 1), text))
		return 1;
	diag("status line: %s", row(canvas.rows - 1));
	return 0;
}

static const char *selected(void)
{
	int y;

	for (y = 0; y < canvas.rows - 1; y++)
		if (br_canvas_cell(&canvas, y, 2)->style == BR_ST_SELECTED)
			return row(y);
	return "";
}

static int selected_has(const char *text)
{
	if (strstr(selected(), text))
		return 1;
	diag("selected: %s", selected());
	return 0;
}

/* The column of the ruler's cursor (▲), or -1. */
static int cursor_col(void)
{
	int x;

	for (x = 0; x < canvas.cols; x++)
		if (!strcmp(br_canvas_cell(&canvas, 3, x)->ch, "▲"))
			return x;
	return -1;
}

/* The last event at or before t, from the model. */
static struct br_key last_at(br_instant t)
{
	struct br_filter all;
	struct br_key key = {t, INT64_MAX};
	struct br_page p = {0};

	br_filter_init(&all);
	if (br_events_page(db, &all, &key, BR_BEFORE, 1, &p) == 1)
		key = (struct br_key){p.rows[0].ts, p.rows[0].id};
	br_page_free(&p);
	return key;
}

static void starting(void)
{
	br_instant at;

	start(100, 30);
	ok(app_wait(&app) == -1, "not playing: the loop waits for a key");
	at = app.tl.sel.ts;
	KEYS('>');
	ok(app.play.on && status_has("▶ 1h/s"), "> plays, at 1h/s");
	ok(status_has("Thu 16 18:00"), "from the selected event's time");
	ok(app_wait(&app) == APP_PLAY_FRAME_MS,
	   "the next frame is due in %d ms", APP_PLAY_FRAME_MS);
	clock_ms += 20;
	ok(app_wait(&app) == APP_PLAY_FRAME_MS - 20, "then in less");
	pass(980);
	ok(app.play.at == at + 3600, "a second of play is an hour");
	ok(status_has("Thu 16 19:00 · T-17:03"),
	   "the status line shows the instant and the crisis clock");
	KEYS('>');
	ok(app.play.on && app.play.at == at + 3600, "> again plays on");
}

static void speed(void)
{
	br_instant at;
	int i;

	start(100, 30);
	KEYS('>', '+');
	ok(status_has("▶ 2h/s"), "+ doubles the speed");
	at = app.play.at;
	pass(1000);
	ok(app.play.at == at + 7200, "a second is two hours now");
	KEYS('-', '-');
	ok(status_has("▶ 30m/s"), "- halves it, twice");
	at = app.play.at;
	pass(2000);
	ok(app.play.at == at + 3600, "two seconds are an hour");
	for (i = 0; i < 10; i++)
		KEYS('-');
	ok(status_has("▶ 3m45s/s"), "the slowest is 3m45s/s");
	at = app.play.at;
	pass(4000);
	ok(app.play.at == at + 900, "four seconds are 15 minutes");
	/* Speeds with a fraction of a second per frame add up. */
	at = app.play.at;
	for (i = 0; i < 3; i++) {
		clock_ms += 3;
		app_tick(&app);
	}
	clock_ms += 991;
	app_tick(&app);
	ok(app.play.at == at + 225, "a second in odd steps is 225 seconds");
	for (i = 0; i < 20; i++)
		KEYS('+');
	ok(status_has("▶ 64h/s") && app.play.on, "the fastest is 64h/s");
	KEYS('j');
	ok(!app.play.on, "j stops");
	start(100, 30);
	KEYS('+');
	ok(!app.play.on && status_has("play speed 2h/s"),
	   "+ when not playing sets the speed");
	for (i = 0; i < 10; i++)
		KEYS('+');
	ok(status_has("play speed 64h/s, the fastest"), "up to the fastest");
	KEYS('-', '-', '-', '-', '-', '>');
	ok(status_has("▶ 2h/s"), "play starts at the speed set");
}

static void pausing(void)
{
	br_instant at;

	start(100, 30);
	KEYS('>');
	pass(500);
	KEYS(' ');
	at = app.play.at;
	ok(app.play.paused && status_has("‖ 1h/s paused"),
	   "Space pauses, and says so");
	ok(app_wait(&app) == -1, "paused: the loop waits for a key");
	clock_ms += 10000;
	ok(app_tick(&app) == 0 && app.play.at == at,
	   "paused, no crisis time goes by");
	KEYS(' ');
	ok(!app.play.paused && status_has("▶ 1h/s"), "Space goes on");
	ok(app.play.at == at, "from where it paused");
	pass(1000);
	ok(app.play.at == at + 3600, "at the same speed");
	KEYS(' ', '>');
	ok(app.play.on && !app.play.paused, "> goes on too");
}

static void stopping(void)
{
	const char *was;
	int rank;

	start(100, 30);
	go_to("Nov 17 12:00");
	KEYS('>');
	pass(3000);
	rank = (int)app.tl.rank;
	was = strstr(selected(), "OpenAI announces Murati as CEO");
	KEYS('j');
	ok(!app.play.on, "j stops play");
	ok(status_has("stopped at Fri Nov 17 15:00"), "and says where");
	ok(was && selected_has("OpenAI announces Murati as CEO") &&
		   app.tl.rank == rank,
	   "and does nothing else: the selection stays");
	ok(app.tl.has_at && app.tl.at == app.play.at,
	   "the instant stays where play left it");
	KEYS('j');
	ok(app.tl.rank == rank + 1, "the next j moves");
	KEYS('>', 's');
	ok(!app.play.on && strstr(row(0), "Timeline"),
	   "s stops play without opening the split");
	KEYS('>', 'q');
	ok(!app.play.on && !app.quit, "q stops play without quitting");
	KEYS('>');
	app_click(&app, 10, 5);
	app_render(&app, &canvas);
	ok(!app.play.on, "a click stops play");
	KEYS('>');
	app_wheel(&app, 1);
	app_render(&app, &canvas);
	ok(!app.play.on, "so does the wheel");
	KEYS('>', ' ', 'x');
	ok(!app.play.on && status_has("stopped"), "a key stops a pause too");
}

static void to_the_end(void)
{
	struct br_key last;

	start(100, 30);
	go_to("Nov 21 20:00");
	KEYS('>');
	pass(2000);
	ok(app.play.on, "two hours from the end, a second later, it plays");
	pass(1000);
	ok(!app.play.on, "play stops at the end");
	ok(app.play.at == app.meta->window_end &&
		   app.tl.at == app.meta->window_end,
	   "at the end of the crisis window");
	ok(status_has("played to the end of the crisis window · Tue Nov 21 "
		      "22:03"),
	   "and says so");
	last = last_at(app.meta->window_end);
	ok(app.tl.sel.id == last.id, "the last event of the window selected");
	ok(app_wait(&app) == -1, "the loop waits for a key again");
	KEYS('>');
	pass(60000);
	ok(!app.play.on && status_has("played to the last event"),
	   "> from there plays to the last event");
	KEYS('>');
	ok(!app.play.on && status_has("nothing later to play"),
	   "and no further");
	start(100, 30);
	KEYS('d');
	type("Nov 17");
	KEYS(APP_KEY_ENTER, '+', '+', '+', '+', '>');
	pass(2000);
	ok(!app.play.on && status_has("played to the end of the dates · Fri "
				      "Nov 17 23:59"),
	   "with dates, play stops at their end");
}

static void following(void)
{
	br_instant from;
	int i, all = 1, cursor = 1, prev = -1;
	char was[4096];

	start(100, 30);
	go_to("Nov 17 11:00");
	from = app.tl.sel.ts;
	KEYS('+', '+', '>');
	for (i = 0; i < 40 && app.play.on; i++) {
		struct br_key want = last_at(app.play.at);

		pass(250);
		if (!app.play.on)
			break;
		want = last_at(app.play.at);
		if (want.ts < from)
			continue; /* before the event : selected */
		if (app.tl.sel.id != want.id || app.tl.sel.ts != want.ts) {
			diag("at %lld: selected %lld, want %lld",
			     (long long)app.play.at, (long long)app.tl.sel.id,
			     (long long)want.id);
			all = 0;
		}
		if (cursor_col() < prev)
			cursor = 0;
		prev = cursor_col();
	}
	ok(i >= 30, "play went on for %d steps", i);
	ok(all, "the selection is the last event at or before the instant");
	ok(cursor && prev > 0, "the ruler's cursor moves forward");
	start(100, 30);
	go_to("Nov 17 12:30");
	KEYS('>');
	prev = cursor_col();
	snprintf(was, sizeof(was), "%s", selected());
	pass(1000);
	ok(cursor_col() > prev && was[0] && !strcmp(selected(), was),
	   "the cursor moves between events, the selection stays");
}

static void split(void)
{
	start(100, 30);
	go_to("Nov 19 20:00");
	KEYS('s', '>');
	ok(find("As of Sun Nov 19 2023 20:00 PT") > 0, "the split at the instant");
	pass(1000);
	ok(find("As of Sun Nov 19 2023 21:00 PT") > 0,
	   "a second later, an hour later");
	ok(strstr(row(0), "Split") && status_has("SPLIT │ ▶ 1h/s"),
	   "the split plays");
	KEYS('+', '+', '+', '+');
	pass(1000);
	ok(find("CEO: Emmett Shear") > 0, "sixteen hours on, Shear is CEO");
}

static void chinese(void)
{
	start_in(80, 24, BR_LANG_ZH);
	KEYS('>');
	ok(status_has("▶ 1小时/秒"), "in Chinese: 1小时/秒");
	KEYS('-', '-', '-', '-', ' ');
	ok(status_has("‖ 3分45秒/秒 暂停"), "paused: 暂停");
	KEYS('x');
	ok(status_has("已停止于"), "stopped: 已停止于");
}

static void elsewhere(void)
{
	start(100, 80);
	KEYS('?');
	ok(find("   >   ") > 0 && find("play on from the moment") > 0,
	   "help lists play");
	KEYS('>');
	ok(!app.play.on && strstr(row(0), "Help"), "> does nothing in help");
	KEYS('q', 'p', '>');
	ok(!app.play.on, "nor in the people picker");
	app_done(&app);
	app_init(&app, db, BR_LANG_EN, &pt);
	app_resize(&app, 30, 100);
	app_key(&app, '>');
	app_render(&app, &canvas);
	ok(!app.play.on && status_has("no clock to play by"),
	   "with no clock given, no play");
}

/* Instants at the ends of 64 bits: play moves and stops without
 * overflowing (the sanitizers' build checks). */
static void far_instants(void)
{
	char err[256];
	br_instant at;
	int i;

	if (!ok(br_db_exec(db,
			   "UPDATE event SET ts = -9223372036854775807 - 1, "
			   "t_min = -9223372036854775807 - 1, "
			   "t_max = -9223372036854775807 - 1 WHERE id = "
			   "(SELECT id FROM event ORDER BY ts, id LIMIT 1);"
			   "UPDATE event SET ts = 9223372036854775807, "
			   "t_min = 9223372036854775807, "
			   "t_max = 9223372036854775807 WHERE id = "
			   "(SELECT id FROM event ORDER BY ts DESC, id DESC "
			   "LIMIT 1)",
			   err, sizeof(err)) == 0,
		"events at INT64_MIN and INT64_MAX"))
		diag("%s", err);
	start(100, 30);
	KEYS('g', '+', '+', '+', '+', '+', '+', '>');
	ok(app.play.on && app.play.at == INT64_MIN, "play from INT64_MIN");
	pass(10000);
	ok(app.play.on && app.play.at == INT64_MIN + 10 * 230400,
	   "ten seconds at 64h/s on");
	KEYS('x', 'G', '>');
	ok(!app.play.on && status_has("nothing later to play"),
	   "nothing after INT64_MAX");
	KEYS('k', '>');
	at = app.play.at;
	for (i = 0; i < 5; i++) {
		clock_ms += 86400000;
		app_tick(&app);
	}
	app_render(&app, &canvas);
	ok(app.play.on && app.play.end == INT64_MAX &&
		   app.play.at == at + 5 * (86400000LL * 230400 / 1000),
	   "towards the last event at INT64_MAX, a day of the clock at most "
	   "a tick");
}

int main(void)
{
	char err[512], user_db[4096];
	const char *build = getenv("BUILD_ROOT");

	setenv("TZ", "UTC", 1);
	snprintf(user_db, sizeof(user_db), "%s/test-play-user.db",
		 build ? build : ".");
	remove(user_db);
	setenv("BOARDROOM_USER_DB", user_db, 1);
	br_zone_set(&pt, "PT", err, sizeof(err));
	br_db_use_image(br_bundled_image, br_bundled_image_len);
	db = br_db_open_bundled(err, sizeof(err));
	if (!ok(db != NULL, "the bundled dataset loads")) {
		diag("%s", err);
		return tap_done();
	}
	app_init(&app, db, BR_LANG_EN, &pt);
	starting();
	speed();
	pausing();
	stopping();
	to_the_end();
	following();
	split();
	chinese();
	elsewhere();
	far_instants();
	app_done(&app);
	br_canvas_free(&canvas);
	br_db_close(db);
	return tap_done();
}
