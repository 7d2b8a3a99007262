/* when_private: what the when modules share and nothing else uses.
 *
 *   when_calendar.c  civil dates without the C library, precision names,
 *                    parts of the day, month and weekday names (cal_)
 *   when_utf8.c      reading UTF-8, quoting text into a message (utf8_)
 *   when_zone.c      time zones through TZ (br_zone_)
 *   when.c           the date grammar (br_when_parse)
 *   when_format.c    an interval at a precision as text (br_when_format)
 *
 * Each uses only those above it in this list. */
#ifndef BOARDROOM_WHEN_PRIVATE_H
#define BOARDROOM_WHEN_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "boardroom/when.h"

/* Calendar arithmetic (when_calendar.c), independent of the C library so
 * that it works for any instant and never depends on TZ. */

/* Instants outside years 0000-9999 are clamped before they are shown, so
 * every formatted field has a bounded width and no library call overflows. */
#define CAL_SHOW_MIN INT64_C(-62167219200) /* 0000-01-01T00:00:00Z */
#define CAL_SHOW_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */
/* What the parser may produce: years 1-9999. */
#define CAL_PARSE_MIN INT64_C(-62135596800) /* 0001-01-01T00:00:00Z */
#define CAL_PARSE_MAX CAL_SHOW_MAX

struct cal_ymd {
	int y, m, d;
};

/* t clamped into [CAL_SHOW_MIN, CAL_SHOW_MAX]. */
br_instant cal_clamp_show(br_instant t);
/* a / b rounded toward minus infinity (b > 0). */
int64_t cal_floor_div(int64_t a, int64_t b);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back; the
 * inverse's z must keep the year within int (callers bound it). */
int64_t cal_days_from_civil(int64_t y, int64_t m, int64_t d);
struct cal_ymd cal_civil_from_days(int64_t z);
int64_t cal_ymd_days(struct cal_ymd d);
/* 0 = Sunday, as tm_wday. */
int cal_weekday_of(struct cal_ymd d);
int cal_days_in_month(int y, int m);
/* The broken-down UTC time of t, which must be within the display range. */
void cal_utc_tm(br_instant t, struct tm *tm);
/* The wall clock of tm read as if it were UTC: minus the instant, it gives
 * the zone offset without relying on the non-standard tm_gmtoff. */
int64_t cal_wall_seconds(const struct tm *tm);

/* Parts of the day and their local hours. */
enum cal_part {
	CAL_EARLY,
	CAL_MORNING,
	CAL_NOON,
	CAL_AFTERNOON,
	CAL_EVENING,
	CAL_NIGHT
};

struct cal_part_def {
	int from, to; /* local hours, inclusive */
	const char *en, *zh;
};
extern const struct cal_part_def cal_parts[6]; /* by enum cal_part */
/* An hour typed on a 12-hour reading ("下午3点", "evening 8") moved into
 * the part of the day. */
int cal_part_hour(int h, enum cal_part part);

/* "Jan".."Dec", "January".., "Sun".."Sat", "Sunday".., "日".."六". */
extern const char *const cal_mon_en[12];
extern const char *const cal_mon_en_full[12];
extern const char *const cal_wd_en[7];
extern const char *const cal_wd_en_full[7];
extern const char *const cal_wd_zh[7];

/* UTF-8 (when_utf8.c) */

/* The length of the valid UTF-8 sequence at s (at most n bytes) and its
 * code point, or 0 if it is not valid (overlong, surrogate, truncated). */
int utf8_next(const unsigned char *s, size_t n, uint32_t *cp);
/* Copies len bytes of src into dst (size n) for an error message: invalid
 * UTF-8 and control characters become '?', so a message can neither break
 * a terminal nor carry bytes that are not text. */
void utf8_quote(char *dst, size_t n, const char *src, size_t len);

#endif
