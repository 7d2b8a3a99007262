/* when_calendar: calendar arithmetic independent of the C library (so it
 * works for any instant and never depends on TZ), the names of precisions,
 * the parts of the day, the names of months and weekdays. */
#include "boardroom/when.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "model/when_private.h"

/* ---------------------------------------------------------------------
 * Precision names
 */

static const char *const prec_names[] = {
	"minute", "hour", "part_of_day", "day", "month", "year",
};

const char *br_precision_name(enum br_precision prec)
{
	if ((unsigned)prec >= BR_ARRAY_SIZE(prec_names))
		return "unknown";
	return prec_names[prec];
}

int br_precision_parse(const char *name, enum br_precision *out)
{
	size_t k;

	for (k = 0; name && k < BR_ARRAY_SIZE(prec_names); k++) {
		if (!strcasecmp(name, prec_names[k])) {
			*out = (enum br_precision)k;
			return 0;
		}
	}
	return -1;
}

/* ---------------------------------------------------------------------
 * Calendar arithmetic, independent of the C library so that it works for
 * any instant and never depends on TZ.
 */

br_instant cal_clamp_show(br_instant t)
{
	return t < CAL_SHOW_MIN	  ? CAL_SHOW_MIN
	       : t > CAL_SHOW_MAX ? CAL_SHOW_MAX
				  : t;
}

int64_t cal_floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
	return a - cal_floor_div(a, b) * b;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm). Months outside 1..12 and days outside the month carry, as
 * with mktime, so "day 32" or "month 13" need no special case. */
int64_t cal_days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y += cal_floor_div(m - 1, 12);
	m = floor_mod(m - 1, 12) + 1;
	y -= m <= 2;
	era = cal_floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse; z must keep the year within int (callers bound it). */
struct cal_ymd cal_civil_from_days(int64_t z)
{
	int64_t era, doe, yoe, doy, mp;
	struct cal_ymd r;

	z += 719468;
	era = cal_floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int64_t cal_ymd_days(struct cal_ymd d)
{
	return cal_days_from_civil(d.y, d.m, d.d);
}

/* 0 = Sunday, as tm_wday; 1970-01-01 was a Thursday. */
int cal_weekday_of(struct cal_ymd d)
{
	return (int)floor_mod(cal_ymd_days(d) + 4, 7);
}

int cal_days_in_month(int y, int m)
{
	return (int)(cal_days_from_civil(y, m + 1, 1) -
		     cal_days_from_civil(y, m, 1));
}

/* The broken-down UTC time of t, which must be within the display range. */
void cal_utc_tm(br_instant t, struct tm *tm)
{
	int64_t days = cal_floor_div(t, 86400), secs = t - days * 86400;
	struct cal_ymd d = cal_civil_from_days(days);

	memset(tm, 0, sizeof(*tm));
	tm->tm_year = d.y - 1900;
	tm->tm_mon = d.m - 1;
	tm->tm_mday = d.d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)floor_mod(days + 4, 7);
	tm->tm_yday = (int)(days - cal_days_from_civil(d.y, 1, 1));
}

/* The wall clock of tm read as if it were UTC: minus the instant, it gives
 * the zone offset without relying on the non-standard tm_gmtoff. */
int64_t cal_wall_seconds(const struct tm *tm)
{
	return cal_days_from_civil(tm->tm_year + 1900LL, tm->tm_mon + 1,
				   tm->tm_mday) *
		       86400 +
	       tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec;
}

/* ---------------------------------------------------------------------
 * Parts of the day
 */

const struct cal_part_def cal_parts[] = {
	[CAL_EARLY] = {0, 5, "early morning", "凌晨"},
	[CAL_MORNING] = {6, 11, "morning", "上午"},
	[CAL_NOON] = {11, 12, "noon", "中午"},
	[CAL_AFTERNOON] = {12, 17, "afternoon", "下午"},
	[CAL_EVENING] = {18, 23, "evening", "晚上"},
	[CAL_NIGHT] = {20, 23, "night", "夜里"},
};

/* How far hour h lies outside part's hours. */
static int part_distance(int h, enum cal_part part)
{
	if (h < cal_parts[part].from)
		return cal_parts[part].from - h;
	return h > cal_parts[part].to ? h - cal_parts[part].to : 0;
}

/* An hour typed on a 12-hour reading ("下午3点", "evening 8") moved into
 * the part of the day: of h, h + 12 and (for 12) 0, the one nearest the
 * part wins, so 傍晚5点 is 17:00 and 晚上12点 is 24:00, the midnight that
 * ends the day. */
int cal_part_hour(int h, enum cal_part part)
{
	int cand[3] = {h, h + 12, h == 12 ? 0 : h};
	int best = h, k;

	for (k = 1; k < 3; k++)
		if (part_distance(cand[k], part) < part_distance(best, part))
			best = cand[k];
	return best;
}

/* ---------------------------------------------------------------------
 * Names of months and weekdays, for the formatter and the parser's errors
 */

const char *const cal_mon_en[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
const char *const cal_mon_en_full[] = {
	"January", "February", "March",	    "April",   "May",	   "June",
	"July",	   "August",   "September", "October", "November", "December",
};
const char *const cal_wd_en[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};
const char *const cal_wd_en_full[] = {
	"Sunday",   "Monday", "Tuesday",  "Wednesday",
	"Thursday", "Friday", "Saturday",
};
const char *const cal_wd_zh[] = {
	"日", "一", "二", "三", "四", "五", "六",
};
