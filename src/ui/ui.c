/* ui: what every screen uses: words in the current language, the zone,
 * the status line's message, editing a line of input. */
#include "ui/ui.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "boardroom/text.h"

const char *ui_tr(const struct app *app, const char *en, const char *zh)
{
	return app->lang == BR_LANG_ZH ? zh : en;
}

const struct br_zone *ui_zone(const struct app *app)
{
	return &app->zones[app->zone];
}

const char *ui_zone_label(const struct app *app, int brief)
{
	return br_zone_label(ui_zone(app), app->lang, brief);
}

enum br_when_style ui_when_style(const struct app *app,
				 enum br_when_style style, br_instant t)
{
	return br_when_year_style(style, t, app->meta->year, ui_zone(app));
}

enum br_when_style ui_short_style(const struct app *app, br_instant t)
{
	return br_when_short_style(t, app->meta->window_start, app->meta->year,
				   ui_zone(app));
}

void ui_message(struct app *app, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg.text, sizeof(app->msg.text), fmt, ap);
	va_end(ap);
	app->msg.error = error;
}

void ui_message_clear(struct app *app)
{
	app->msg.text[0] = '\0';
}

void ui_message_key(struct app *app, int redraw)
{
	if (!app->msg.error || !redraw)
		app->msg.text[0] = '\0';
	app->msg.error = 0;
}

enum br_style ui_faction_style(const char *slug)
{
	if (!strcmp(slug, "safety"))
		return BR_ST_SAFETY;
	if (!strcmp(slug, "accelerationist"))
		return BR_ST_ACCEL;
	if (!strcmp(slug, "investor"))
		return BR_ST_INVESTOR;
	return BR_ST_OTHER;
}

br_instant ui_unit_start(const struct app *app, br_instant t, int day)
{
	struct tm tm;

	br_zone_local(ui_zone(app), t, &tm, NULL);
	tm.tm_sec = 0;
	tm.tm_min = 0;
	if (day)
		tm.tm_hour = 0;
	return br_zone_instant(ui_zone(app), &tm);
}

br_instant ui_unit_next(const struct app *app, br_instant t, int day)
{
	struct tm tm;

	br_zone_local(ui_zone(app), ui_unit_start(app, t, day), &tm, NULL);
	if (day)
		tm.tm_mday++;
	else
		tm.tm_hour++;
	return br_zone_instant(ui_zone(app), &tm);
}

int ui_gap(br_instant a, br_instant b)
{
	/* b - a would overflow for instants far apart (INT64_MIN). */
	return a <= INT64_MAX - 3 * 3600 && b >= a + 3 * 3600;
}

void ui_gap_label(enum br_lang lang, br_instant a, br_instant b, char *buf,
		  size_t len)
{
	/* b >= a: the gap fits in 64 bits unsigned, however far apart. */
	uint64_t gap = (uint64_t)b - (uint64_t)a;
	int zh = lang == BR_LANG_ZH;

	if (gap < 72 * 3600)
		snprintf(buf, len, zh ? "· %llu 小时后 ·" : "· %lluh later ·",
			 (unsigned long long)(gap / 3600));
	else if (gap < 60 * 86400)
		snprintf(buf, len, zh ? "· %llu 天后 ·" : "· %llu days later ·",
			 (unsigned long long)(gap / 86400));
	else if (gap < 730 * 86400)
		snprintf(buf, len,
			 zh ? "· %llu 个月后 ·" : "· %llu months later ·",
			 (unsigned long long)(gap / (30 * 86400)));
	else
		snprintf(buf, len,
			 zh ? "· %llu 年后 ·" : "· %llu years later ·",
			 (unsigned long long)(gap / (365 * 86400)));
}

void ui_append(char *s, size_t cap, int cp)
{
	size_t n = strlen(s);
	char buf[5];
	int len;

	if (cp < 0x20 || cp == 0x7F || cp > 0x10FFFF)
		return;
	if (cp < 0x80) {
		buf[0] = (char)cp;
		len = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		len = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		len = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		len = 4;
	}
	if (n + (size_t)len + 1 > cap)
		return;
	memcpy(s + n, buf, (size_t)len);
	s[n + (size_t)len] = '\0';
}

static void backspace(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

int ui_edit_line(char *s, size_t cap, int key)
{
	size_t n = strlen(s);

	if (key == APP_KEY_BACKSPACE) {
		backspace(s);
		return 1;
	}
	if (key == APP_KEY_CTRL_U) {
		s[0] = '\0';
		return 1;
	}
	if (key < APP_KEY_UP && key >= 0x20) {
		ui_append(s, cap, key);
		/* A character past a full line changes nothing: no search
		 * for it. */
		return strlen(s) != n;
	}
	return 0;
}

/* Whether text has a cut point at byte i: before " · " (by items), or
 * also at a space or between two wide characters (by words). */
static int cut_point(const char *text, size_t i, int by_items)
{
	if (!strncmp(text + i, " · ", 4))
		return 1;
	if (by_items)
		return 0;
	if (text[i] == ' ')
		return 1;
	/* Chinese has no spaces: a cut may fall between two of its
	 * characters. */
	return i > 0 && ((unsigned char)text[i] & 0xC0) == 0xC0 &&
	       (unsigned char)text[i - 1] >= 0x80;
}

int ui_fit(char *out, size_t cap, const char *text, int max, int by_items)
{
	size_t n = strlen(text), i, best = 0;
	int w;

	out[0] = '\0';
	if (max <= 0)
		return 0;
	if (br_text_width(text, n) <= max) {
		br_strlcpy(out, text, cap);
		return br_text_width(out, strlen(out));
	}
	for (i = 1; i < n; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80 ||
		    !cut_point(text, i, by_items))
			continue;
		w = br_text_width(text, i);
		if (w + (by_items ? 2 : 1) > max)
			break;
		best = i;
	}
	if (!best)
		return by_items ? ui_fit(out, cap, text, max, 0)
				: br_text_truncate(out, cap, text, max);
	if (best + 4 > cap)
		best = cap - 4;
	memcpy(out, text, best);
	/* Not "word ·…": the ellipsis stands for what was dropped. */
	while (best > 0 && out[best - 1] == ' ')
		best--;
	snprintf(out + best, cap - best, "%s", by_items ? " …" : "…");
	return br_text_width(out, strlen(out));
}
