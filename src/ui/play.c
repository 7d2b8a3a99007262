/* play: the current instant moving forward in crisis time by itself, at a
 * speed the user sets, read from the clock the caller gave (no real time
 * here). The selection follows to the last event at or before the
 * instant, and every screen that shows the instant (the split, the
 * ruler's cursor) moves with it. Any key but play's own stops it. */
#include <stdio.h>
#include <string.h>

#include "ui/ui.h"

/* Crisis milliseconds a millisecond at speed: 3600 times 2^speed. */
static int64_t factor(int speed)
{
	return speed >= 0 ? (int64_t)3600 << speed : (int64_t)3600 >> -speed;
}

static int64_t now(const struct app *app)
{
	return app->play.clock.now_ms(app->play.clock.ctx);
}

size_t play_speed_text(const struct app *app, int speed, char *buf, size_t len)
{
	int64_t s = factor(speed);
	int zh = app->lang == BR_LANG_ZH;
	size_t n = 0;

	buf[0] = '\0';
	if (s >= 3600)
		n += (size_t)snprintf(buf + n, len - n, "%lld%s",
				      (long long)(s / 3600), zh ? "小时" : "h");
	if (n < len && s % 3600 / 60)
		n += (size_t)snprintf(buf + n, len - n, "%lld%s",
				      (long long)(s % 3600 / 60),
				      zh ? "分" : "m");
	if (n < len && s % 60)
		n += (size_t)snprintf(buf + n, len - n, "%lld%s",
				      (long long)(s % 60), zh ? "秒" : "s");
	if (n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s",
				      zh ? "/秒" : "/s");
	return n < len ? n : len - 1;
}

/* The instant to the minute: style BR_WHEN_SHORT on the status line
 * ("Thu 16 20:00": the ruler shows the month), MEDIUM in a message; either
 * with the year when it is not the dataset's year. */
static void when_text(const struct app *app, br_instant t, char *buf,
		      size_t len, enum br_when_style style)
{
	br_when_format(buf, len, t, t, BR_PREC_MINUTE, 0, ui_zone(app),
		       app->lang, ui_when_style(app, style, t));
}

void play_set_clock(struct app *app, const struct app_clock *clock)
{
	app->play.clock = *clock;
}

/* Where play from at stops: the end of the crisis window if at is
 * before it, else the last event under the filter; never past the end of
 * the date range. *why says which of the three (enum end_why). */
enum end_why { END_WINDOW, END_LAST, END_DATES };

static br_instant play_end(struct app *app, br_instant at, int *why)
{
	const struct br_filter *f = &app->filters.filter;
	br_instant end = app->meta->window_end;
	struct br_page p = {0};

	*why = END_WINDOW;
	if (at >= end) {
		end = at;
		if (br_events_page(app->db, f, NULL, BR_BEFORE, 1, &p) == 1) {
			end = p.rows[0].ts;
			*why = END_LAST;
		}
		br_page_free(&p);
	}
	if (f->to < end) {
		end = f->to;
		*why = END_DATES;
	}
	return end;
}

static void start(struct app *app)
{
	struct app_play *pl = &app->play;
	br_instant at = sel_instant(app);

	if (!pl->clock.now_ms) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "no clock to play by", "没有可用的时钟"));
		return;
	}
	if (!app->tl.has_sel) {
		ui_message(app, 1, "%s",
			   ui_tr(app, "nothing to play: no events",
				 "无可播放：没有事件"));
		return;
	}
	pl->end = play_end(app, at, &pl->end_why);
	if (pl->end <= at) {
		ui_message(app, 0, "%s",
			   ui_tr(app, "nothing later to play",
				 "此后没有可播放的"));
		return;
	}
	pl->on = 1;
	pl->paused = 0;
	pl->at = at;
	pl->frac_ms = 0;
	pl->last_ms = now(app);
	sel_set_instant(app, at);
	ui_message_clear(app);
}

/* Play ends at the instant it reached; the message says where, and why
 * if it came to its end. */
static void stop(struct app *app, int at_end)
{
	static const char *const why[][2] = {
		[END_WINDOW] = {"the end of the crisis window",
				"危机时间窗口的结束"},
		[END_LAST] = {"the last event", "最后一条事件"},
		[END_DATES] = {"the end of the dates", "日期范围的结束"},
	};
	char when[96];

	app->play.on = 0;
	app->play.paused = 0;
	when_text(app, app->play.at, when, sizeof(when), BR_WHEN_MEDIUM);
	if (at_end)
		ui_message(app, 0,
			   UI_TR(app, "played to %s · %s", "已播放到%s · %s"),
			   why[app->play.end_why][app->lang == BR_LANG_ZH],
			   when);
	else
		ui_message(app, 0, UI_TR(app, "stopped at %s", "已停止于 %s"),
			   when);
}

/* The selection follows the instant forward: to the last event at or
 * before it, under the filter (never back: : may have set the instant
 * before the event it selected). */
static void follow(struct app *app)
{
	const struct app_sel *tl = &app->tl;
	struct br_key key = {app->play.at, INT64_MAX};
	struct br_page p = {0};

	if (br_events_page(app->db, &app->filters.filter, &key, BR_BEFORE, 1,
			   &p) == 1) {
		key = (struct br_key){p.rows[0].ts, p.rows[0].id};
		if (!tl->has_sel || key.ts > tl->sel.ts ||
		    (key.ts == tl->sel.ts && key.id > tl->sel.id))
			sel_follow(app, &key);
	}
	br_page_free(&p);
	sel_set_instant(app, app->play.at);
}

/* Moves the instant on by what the clock says went by since it last did;
 * at the end, play stops there. In unsigned arithmetic: an instant may be
 * anywhere in 64 bits. */
static void advance(struct app *app)
{
	struct app_play *pl = &app->play;
	int64_t t = now(app), ms;
	uint64_t step;

	if (t <= pl->last_ms)
		return;
	/* A clock that jumped (a suspended machine) moves a day at most. */
	ms = t - pl->last_ms > 86400000 ? 86400000 : t - pl->last_ms;
	pl->last_ms = t;
	ms = pl->frac_ms + ms * factor(pl->speed);
	step = (uint64_t)(ms / 1000);
	pl->frac_ms = ms % 1000;
	if (step >= (uint64_t)pl->end - (uint64_t)pl->at) {
		pl->at = pl->end;
		pl->frac_ms = 0;
	} else {
		pl->at = (br_instant)((uint64_t)pl->at + step);
	}
	follow(app);
	if (pl->at == pl->end)
		stop(app, 1);
}

int play_wait(const struct app *app)
{
	const struct app_play *pl = &app->play;
	int64_t left;

	if (!pl->on || pl->paused)
		return -1;
	left = pl->last_ms + APP_PLAY_FRAME_MS - now(app);
	return left > 0 ? (int)left : 0;
}

int play_tick(struct app *app)
{
	if (!app->play.on || app->play.paused)
		return 0;
	advance(app);
	return 1;
}

static void set_speed(struct app *app, int dir)
{
	struct app_play *pl = &app->play;
	char buf[48];
	int was = pl->speed;

	if (pl->on && !pl->paused)
		advance(app); /* the time so far at the old speed */
	pl->speed += dir;
	if (pl->speed > APP_PLAY_FASTEST)
		pl->speed = APP_PLAY_FASTEST;
	if (pl->speed < APP_PLAY_SLOWEST)
		pl->speed = APP_PLAY_SLOWEST;
	if (pl->on)
		return; /* the status line shows it */
	play_speed_text(app, pl->speed, buf, sizeof(buf));
	if (pl->speed == was)
		ui_message(app, 0,
			   UI_TR(app, "play speed %s, the %s",
				 "播放速度 %s（%s）"),
			   buf,
			   dir > 0 ? ui_tr(app, "fastest", "最快")
				   : ui_tr(app, "slowest", "最慢"));
	else
		ui_message(app, 0, UI_TR(app, "play speed %s", "播放速度 %s"),
			   buf);
}

void play_request(struct app *app, enum app_request req)
{
	switch (req) {
	case REQ_PLAY:
		start(app);
		break;
	case REQ_FASTER:
	case REQ_SLOWER:
		set_speed(app, req == REQ_FASTER ? 1 : -1);
		break;
	default:
		break;
	}
}

void play_key(struct app *app, int key)
{
	struct app_play *pl = &app->play;
	enum app_request req = keys_request_in(key, GROUP_PLAYING);

	switch (req) {
	case REQ_PAUSE:
		if (!pl->paused)
			advance(app);
		if (!pl->on)
			break; /* it came to the end meanwhile */
		pl->paused = !pl->paused;
		pl->last_ms = now(app); /* a pause is no crisis time */
		break;
	case REQ_PLAY:
		if (pl->paused) {
			pl->paused = 0;
			pl->last_ms = now(app);
		}
		break;
	case REQ_FASTER:
	case REQ_SLOWER:
		set_speed(app, req == REQ_FASTER ? 1 : -1);
		break;
	default:
		if (!pl->paused)
			advance(app);
		if (pl->on)
			stop(app, 0);
		break;
	}
}

void play_stop(struct app *app)
{
	if (!app->play.on)
		return;
	if (!app->play.paused)
		advance(app);
	if (app->play.on)
		stop(app, 0);
}

void play_status(const struct app *app, char *buf, size_t len)
{
	const struct app_play *pl = &app->play;
	char speed[48], when[96], clock[32];

	play_speed_text(app, pl->speed, speed, sizeof(speed));
	when_text(app, pl->at, when, sizeof(when), BR_WHEN_SHORT);
	br_when_clock_prec(clock, sizeof(clock), pl->at,
			   app->meta->window_start, BR_PREC_MINUTE);
	snprintf(buf, len, "%s %s%s · %s · %s · %s", pl->paused ? "‖" : "▶",
		 speed, pl->paused ? ui_tr(app, " paused", " 暂停") : "", when,
		 clock,
		 pl->paused ? ui_tr(app, "Space goes on · other keys stop",
				    "空格继续 · 其他键停止")
			    : ui_tr(app,
				    "Space pauses · + - speed · other keys "
				    "stop",
				    "空格暂停 · + - 调速 · 其他键停止"));
}
