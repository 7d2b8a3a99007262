/* when: time zones, the parser for what a person types to name a moment,
 * and the formatting of an event's time at its real precision.
 *
 * Intervals are inclusive: [t_min, t_max], t_max being the last second
 * that still belongs ("Nov 19" runs from 00:00:00 to 23:59:59 local).
 *
 * The code: precision names in when_calendar.c, zones in when_zone.c,
 * the parser in when.c, formatting in when_format.c. */
#ifndef BOARDROOM_WHEN_H
#define BOARDROOM_WHEN_H

#include <stddef.h>
#include <time.h>

#include "boardroom/base.h"

/* How precisely the time of something is known, finest first. */
enum br_precision {
	BR_PREC_MINUTE = 0,
	BR_PREC_HOUR,
	BR_PREC_PART_OF_DAY,
	BR_PREC_DAY,
	BR_PREC_MONTH,
	BR_PREC_YEAR,
};

/* "minute", "hour", "part_of_day", "day", "month", "year". */
const char *br_precision_name(enum br_precision prec);
/* Inverse of br_precision_name; 0 on success, -1 if unknown. */
int br_precision_parse(const char *name, enum br_precision *out);

/* Time zones
 * A zone is an IANA name ("America/Los_Angeles") or the process's local
 * zone (empty name). Conversions go through the C library by setting TZ, so
 * they are not thread-safe; boardroom is single-threaded. */
struct br_zone {
	char name[64];	/* IANA name; "" for the local zone */
	char label[24]; /* short label to show: "PT", "Beijing", "UTC", "local"
			 */
};

/* Fills zone from what a person typed: "PT", "pacific", "Beijing", "BJT",
 * "CST" (China), "UTC", "Z", "local", or any IANA name that exists on this
 * system. Returns 0, or -1 with a one-line message in err. */
int br_zone_set(struct br_zone *zone, const char *spec, char *err,
		size_t errlen);
/* The zone's label in lang: "PT" in English, "太平洋时间" (brief:
 * "太平洋") in Chinese; an IANA name stays as it is. A static string or
 * the zone's own label: valid while the zone is. */
const char *br_zone_label(const struct br_zone *zone, int lang, int brief);
/* The wall clock of instant t in zone; *gmtoff (may be NULL) receives the
 * zone's offset from UTC in seconds at that instant. */
void br_zone_local(const struct br_zone *zone, br_instant t, struct tm *out,
		   long *gmtoff);
/* The instant of a wall clock in zone (tm_isdst is ignored and resolved;
 * fields out of range are normalised as by mktime). */
br_instant br_zone_instant(const struct br_zone *zone, const struct tm *tm);

/* Parsing
 * Forms understood (English is case-insensitive; full-width digits and
 * punctuation are accepted):
 *   ISO           2023-11-19, 2023-11-19 17:30, 2023-11-19T17:30:00Z
 *   month names   Nov 19, Nov 19 5pm, 19 Nov 17:30, November 19 2023
 *   US            11/19, 11/19 17:30, 11/19/2023
 *   times         5pm, 17:30, noon, midnight (on the reference day)
 *   weekdays      sun, sun 3pm (the first such day on or after the
 *                 reference day)
 *   relative      +3h, -1d, +90m, +2w, +1d3h (from the reference instant)
 *   crisis clock  T+48, T+48h, T-10h, T+2d, hour 60, day 3 (T+0 is
 *                 origin; day 1 is the local day of origin)
 *   part of day   Nov 19 evening, sun morning, tonight (with any date form)
 *   Chinese       11月19日, 11月19日晚上, 19号下午3点, 20日凌晨, 下午3点,
 *                 12点23分, 2023年11月19日, 周日, 星期天下午, in simplified
 *                 or traditional script (17號下午3點, 11月16日晚間)
 *   next day      第二天, 次日, 翌日, 隔天 (+1), 前一天 (-1), 当天 當天 (0),
 *                 当晚 當晚 (that evening): from the reference day
 * Part-of-day words and their local intervals:
 *   early morning / 凌晨 淩晨       00:00-05:59
 *   morning / 早上 上午 早晨 清晨 早间 06:00-11:59
 *   noon / 中午                     11:00-12:59 (as a time: 12:00)
 *   afternoon / 下午                12:00-17:59
 *   evening / 晚上 晚间 晚間 傍晚     18:00-23:59
 *   night / tonight / 夜里 夜间 深夜  20:00-23:59
 * With a part-of-day word, an hour is read in that part ("下午3点" is 15:00,
 * "evening 8" is 20:00). */
struct br_when_ctx {
	const struct br_zone *zone; /* wall-clock times are read in this zone */
	br_instant now;	   /* reference for relative forms, times, weekdays */
	br_instant origin; /* T+0 of the crisis clock */
	int default_year;  /* for dates typed without a year */
};

struct br_when {
	br_instant at;		 /* where to go: the start of the interval */
	br_instant t_min, t_max; /* the interval the text names */
	enum br_precision precision; /* how much the text said */
};

/* Parses text. Returns 0 and fills out, or -1 with a one-line message in
 * err that quotes the part that was not understood, e.g.
 * "not understood: 'blorp' in 'Nov 19 blorp'". */
int br_when_parse(const char *text, const struct br_when_ctx *ctx,
		  struct br_when *out, char *err, size_t errlen);

/* Formatting
 * The year. SHORT, MEDIUM and NARROW leave the year out: a list or a
 * line of a screen reads them in the dataset's year (its meta year, the
 * year a date typed without one lands in: the go-to, the filters, the
 * CLI's --from, --to and --at). A date whose year differs from that year,
 * in the zone it is shown in, carries its year: DATED where MEDIUM or
 * SHORT would be, NARROW_DATED where NARROW would be (br_when_short_style
 * and br_when_year_style choose, for the explorer and the CLI alike). So
 * the year is left out exactly where typing the date without it would
 * land there, and a timeline whose events all fall in the dataset's year
 * looks as it would without the rule. LONG and ISO always name the year;
 * a month or a year, and a range over two years, name it in every style.
 * (Weekdays below are real: Nov 7 2023 was a Tuesday, Nov 7 2022 a
 * Monday.) */
enum br_when_style {
	BR_WHEN_SHORT,	/* a list column: "Fri 17 12:00", "Sun 19 evening",
			   "≈ Mon 20", "Nov 2023", "2019";
			   zh: "17日（五） 12:00", "19日（日） 晚上",
			   "≈ 20日（一）" */
	BR_WHEN_MEDIUM, /* SHORT with the month: "Tue Nov 7", "Fri Nov 17
			   12:00"; zh: "11月7日（二）" */
	BR_WHEN_LONG,	/* a detail line: "Sun Nov 19 2023, evening",
			   "Fri Nov 17 2023 12:23", "≈ Sat Nov 18 2023";
			   zh: "2023年11月19日（周日）晚上" */
	BR_WHEN_ISO,	/* "2023-11-19T18:00:00-08:00" (t_min, zone offset) */
	BR_WHEN_NARROW, /* SHORT without the weekday, the "≈" mark closed
			   up, for a column SHORT does not fit: "≈17
			   12:00-14:00", "20 early morning"; zh: "≈17日
			   12:00-14:00" */
	BR_WHEN_DATED,	/* MEDIUM with the year, for a date in another
			   year than the dataset's: "Mon Nov 7 2022",
			   "Thu Nov 17 2022 12:00", "Sat Nov 19 2022
			   evening", "Nov 18-19 2022"; zh: "2022年11月7日
			   （一）", "2022年11月18-19日" */
	BR_WHEN_NARROW_DATED, /* DATED for a column it does not fit: the
			   date in ISO 8601's digits, the year first so
			   that a column cut at its end keeps it, the "≈"
			   closed up: "2022-11-17 12:00", "≈2022-11-20",
			   "2022-11-19 evening", "2022-11-18/19"; zh:
			   "2022-11-19 晚上". Up to 25 columns
			   ("≈2022-11-19 early morning"). A range over two
			   years is not in digits: it stays as DATED writes
			   it ("Nov 30 2022-Nov 1 2023"). */
};

/* Writes the time of something known over [t_min, t_max] at precision
 * prec, as seen in zone, into buf (always NUL-terminated). inferred (the
 * time was inferred from the source's order, not stated) adds the "≈" mark.
 * An interval wider than one unit of prec shows its range ("Nov 18-19").
 * A month or a year is a calendar unit of the zone it was stated in: seen
 * in another zone (whose day starts up to a day apart) it stays that
 * month or year ("Jul 2023" stays "Jul 2023" in Beijing time, not
 * "Jul-Aug 2023"). Returns strlen(buf). */
size_t br_when_format(char *buf, size_t len, br_instant t_min, br_instant t_max,
		      enum br_precision prec, int inferred,
		      const struct br_zone *zone, enum br_lang lang,
		      enum br_when_style style);

/* DATED if t falls in another year than year (the dataset's, in zone),
 * else SHORT if t falls in the month of context, else MEDIUM: a list
 * names the month only where it is not the one the reader is in, and the
 * year likewise. */
enum br_when_style br_when_short_style(br_instant t, br_instant context,
				       int year, const struct br_zone *zone);
/* style for t in a dataset of year year: style itself if t falls in year
 * (in zone), else the form of it that names the year (SHORT and MEDIUM:
 * DATED; NARROW: NARROW_DATED; the others name it already). */
enum br_when_style br_when_year_style(enum br_when_style style, br_instant t,
				      int year, const struct br_zone *zone);
/* The narrow form of a list's style, for a column it does not fit: SHORT
 * gives NARROW, DATED gives NARROW_DATED, any other stays. */
enum br_when_style br_when_narrow_style(enum br_when_style style);
/* 1 if t falls in calendar year year in zone, else 0. */
int br_when_in_year(br_instant t, int year, const struct br_zone *zone);

/* "2023-11-19T18:00:00Z": an instant in UTC, ISO 8601. */
size_t br_when_iso_utc(char *buf, size_t len, br_instant t);
/* The other way: s exactly as br_when_iso_utc writes it, a real date and
 * time (no leap second). 0, or -1 if it is not such a time. */
int br_when_iso_utc_parse(const char *s, br_instant *out);

/* The crisis clock for something at t whose time is known at precision
 * prec, counted from origin (the dataset's window_start; 12:03 PT Nov 17
 * in the bundled one): to the minute for a minute or an hour ("T+23:57",
 * "T-0:03", "T+0:00"), else in whole hours ("T+8h", "T-0h"); days from 200
 * hours away ("T-1473d"). The offset is truncated toward zero, so its sign
 * is always that of t - origin. */
size_t br_when_clock_prec(char *buf, size_t len, br_instant t,
			  br_instant origin, enum br_precision prec);
/* The same in whole hours, for a time whose precision is not at hand. */
size_t br_when_clock(char *buf, size_t len, br_instant t, br_instant origin);

#endif
