/* when_format: the time of something shown at the precision it is known
 * to: a list column, a detail line, ISO 8601, the crisis clock. */
#include "boardroom/when.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/when_private.h"

/* ---------------------------------------------------------------------
 * Formatting
 */

/* How far apart two zones' clocks can be (UTC-12 to UTC+14), and more. */
#define ZONE_APART (27 * 3600LL)

struct sb {
	char buf[256];
	size_t n;
};

static void sb_add(struct sb *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sb_add(struct sb *s, const char *fmt, ...)
{
	size_t room = sizeof(s->buf) - s->n;
	va_list ap;
	int r;

	if (room <= 1)
		return;
	va_start(ap, fmt);
	r = vsnprintf(s->buf + s->n, room, fmt, ap);
	va_end(ap);
	if (r > 0)
		s->n += (size_t)r < room ? (size_t)r : room - 1;
}

static long secs_of_day(const struct tm *tm)
{
	return tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
}

/* The part of the day that best names local seconds [lo, hi) of one day:
 * among the parts holding the anchor second, the one whose hours overlap
 * [lo, hi) most relative to their union. Ties go to the earlier part, so
 * an interval starting at 12:00 is noon only if it fits noon better. */
static int best_part(long lo, long hi, long anchor)
{
	long long bi = 0, bu = 1;
	int best = -1;
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(cal_parts); k++) {
		long a = cal_parts[k].from * 3600L,
		     b = (cal_parts[k].to + 1) * 3600L;
		long long inter, uni;

		if (anchor < a || anchor >= b)
			continue;
		inter = (hi < b ? hi : b) - (lo > a ? lo : a);
		uni = (hi > b ? hi : b) - (lo < a ? lo : a);
		if (inter < 0)
			inter = 0;
		if (best < 0 || inter * bu > bi * uni) {
			best = (int)k;
			bi = inter;
			bu = uni;
		}
	}
	return best < 0 ? CAL_EVENING : best;
}

struct fmt {
	struct sb s;
	enum br_precision prec;
	enum br_lang lang;
	enum br_when_style style;
};

/* One moment: a day with its part or time, a month or a year. with_year
 * is only heeded by LONG day-level points (ranges drop a repeated year);
 * DATED and NARROW_DATED always name the year. */
static void en_point(struct fmt *f, const struct tm *tm, int part,
		     int with_year)
{
	int y = tm->tm_year + 1900, lng = f->style == BR_WHEN_LONG;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s, "%d", y);
		return;
	}
	if (f->prec == BR_PREC_MONTH) {
		sb_add(&f->s, "%s %d",
		       (lng ? cal_mon_en_full : cal_mon_en)[tm->tm_mon], y);
		return;
	}
	if (f->style == BR_WHEN_NARROW_DATED)
		sb_add(&f->s, "%04d-%02d-%02d", y, tm->tm_mon + 1, tm->tm_mday);
	else if (lng || f->style == BR_WHEN_MEDIUM || f->style == BR_WHEN_DATED)
		sb_add(&f->s, "%s %s %d", cal_wd_en[tm->tm_wday],
		       cal_mon_en[tm->tm_mon], tm->tm_mday);
	else if (f->style == BR_WHEN_NARROW)
		sb_add(&f->s, "%d", tm->tm_mday);
	else
		sb_add(&f->s, "%s %d", cal_wd_en[tm->tm_wday], tm->tm_mday);
	if ((lng && with_year) || f->style == BR_WHEN_DATED)
		sb_add(&f->s, " %d", y);
	if (f->prec == BR_PREC_PART_OF_DAY)
		sb_add(&f->s, lng ? ", %s" : " %s", cal_parts[part].en);
	else if (f->prec <= BR_PREC_HOUR)
		sb_add(&f->s, " %02d:%02d", tm->tm_hour, tm->tm_min);
}

static void zh_point(struct fmt *f, const struct tm *tm, int part,
		     int with_year)
{
	int y = tm->tm_year + 1900, lng = f->style == BR_WHEN_LONG;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s, "%d年", y);
		return;
	}
	if (f->prec == BR_PREC_MONTH) {
		sb_add(&f->s, "%d年%d月", y, tm->tm_mon + 1);
		return;
	}
	if ((lng && with_year) || f->style == BR_WHEN_DATED)
		sb_add(&f->s, "%d年", y);
	if (f->style == BR_WHEN_NARROW_DATED)
		sb_add(&f->s, "%04d-%02d-%02d", y, tm->tm_mon + 1, tm->tm_mday);
	else if (lng)
		sb_add(&f->s, "%d月%d日（周%s）", tm->tm_mon + 1, tm->tm_mday,
		       cal_wd_zh[tm->tm_wday]);
	else if (f->style == BR_WHEN_MEDIUM || f->style == BR_WHEN_DATED)
		sb_add(&f->s, "%d月%d日（%s）", tm->tm_mon + 1, tm->tm_mday,
		       cal_wd_zh[tm->tm_wday]);
	else if (f->style == BR_WHEN_NARROW)
		sb_add(&f->s, "%d日", tm->tm_mday);
	else
		sb_add(&f->s, "%d日（%s）", tm->tm_mday,
		       cal_wd_zh[tm->tm_wday]);
	if (f->prec == BR_PREC_PART_OF_DAY)
		sb_add(&f->s, lng ? "%s" : " %s", cal_parts[part].zh);
	else if (f->prec <= BR_PREC_HOUR)
		sb_add(&f->s, " %02d:%02d", tm->tm_hour, tm->tm_min);
}

static void point(struct fmt *f, const struct tm *tm, int part, int with_year)
{
	if (f->lang == BR_LANG_ZH)
		zh_point(f, tm, part, with_year);
	else
		en_point(f, tm, part, with_year);
}

/* Whether [a, b] spans more than one unit of prec (local fields differ). */
static int wider(const struct tm *a, const struct tm *b, enum br_precision prec)
{
	if (a->tm_year != b->tm_year)
		return 1;
	if (prec == BR_PREC_YEAR)
		return 0;
	if (a->tm_mon != b->tm_mon)
		return 1;
	if (prec == BR_PREC_MONTH)
		return 0;
	if (a->tm_mday != b->tm_mday)
		return 1;
	if (prec >= BR_PREC_PART_OF_DAY)
		return 0;
	if (a->tm_hour != b->tm_hour)
		return 1;
	return prec == BR_PREC_MINUTE && a->tm_min != b->tm_min;
}

/* Compact day ranges: "Nov 18-19", "Nov 30-Dec 1", "11月18-19日"; DATED
 * adds the year ("Nov 18-19 2022", "2022年11月18-19日"), NARROW_DATED
 * writes ISO 8601's short interval ("2022-11-18/19"). */
static void short_days(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int ya = a->tm_year + 1900, yb = b->tm_year + 1900;
	int ma = a->tm_mon, mb = b->tm_mon;
	int dated = f->style == BR_WHEN_DATED && ya == yb;

	if (f->style == BR_WHEN_NARROW_DATED && ya == yb && ma == mb)
		sb_add(&f->s, "%04d-%02d-%02d/%02d", ya, ma + 1, a->tm_mday,
		       b->tm_mday);
	else if (f->style == BR_WHEN_NARROW_DATED && ya == yb)
		sb_add(&f->s, "%04d-%02d-%02d/%02d-%02d", ya, ma + 1,
		       a->tm_mday, mb + 1, b->tm_mday);
	else if (f->lang == BR_LANG_ZH && ya != yb)
		sb_add(&f->s, "%d年%d月%d日-%d年%d月%d日", ya, ma + 1,
		       a->tm_mday, yb, mb + 1, b->tm_mday);
	else if (f->lang == BR_LANG_ZH && dated && ma != mb)
		sb_add(&f->s, "%d年%d月%d日-%d月%d日", ya, ma + 1, a->tm_mday,
		       mb + 1, b->tm_mday);
	else if (f->lang == BR_LANG_ZH && dated)
		sb_add(&f->s, "%d年%d月%d-%d日", ya, ma + 1, a->tm_mday,
		       b->tm_mday);
	else if (f->lang == BR_LANG_ZH && ma != mb)
		sb_add(&f->s, "%d月%d日-%d月%d日", ma + 1, a->tm_mday, mb + 1,
		       b->tm_mday);
	else if (f->lang == BR_LANG_ZH)
		sb_add(&f->s, "%d月%d-%d日", ma + 1, a->tm_mday, b->tm_mday);
	else if (ya != yb)
		sb_add(&f->s, "%s %d %d-%s %d %d", cal_mon_en[ma], a->tm_mday,
		       ya, cal_mon_en[mb], b->tm_mday, yb);
	else if (ma != mb)
		sb_add(&f->s, "%s %d-%s %d", cal_mon_en[ma], a->tm_mday,
		       cal_mon_en[mb], b->tm_mday);
	else
		sb_add(&f->s, "%s %d-%d", cal_mon_en[ma], a->tm_mday,
		       b->tm_mday);
	if (dated && f->lang != BR_LANG_ZH)
		sb_add(&f->s, " %d", ya);
}

/* Month ranges: "Nov-Dec 2023", "November – December 2023",
 * "2023年11-12月", "2023年11月 – 12月"; other years in full. */
static void month_range(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int ya = a->tm_year + 1900, lng = f->style == BR_WHEN_LONG;
	const char *const *names = lng ? cal_mon_en_full : cal_mon_en;
	const char *sep = lng ? " – " : "-";

	if (a->tm_year != b->tm_year) {
		point(f, a, 0, 1);
		sb_add(&f->s, "%s", sep);
		point(f, b, 0, 1);
	} else if (f->lang == BR_LANG_ZH) {
		sb_add(&f->s, lng ? "%d年%d月 – %d月" : "%d年%d-%d月", ya,
		       a->tm_mon + 1, b->tm_mon + 1);
	} else {
		sb_add(&f->s, "%s%s%s %d", names[a->tm_mon], sep,
		       names[b->tm_mon], ya);
	}
}

static void calendar_range(struct fmt *f, const struct tm *a,
			   const struct tm *b)
{
	int lng = f->style == BR_WHEN_LONG, zh = f->lang == BR_LANG_ZH;
	int same_year = a->tm_year == b->tm_year;

	if (f->prec == BR_PREC_YEAR) {
		sb_add(&f->s,
		       zh ? (lng ? "%d年 – %d年" : "%d-%d年")
			  : (lng ? "%d – %d" : "%d-%d"),
		       a->tm_year + 1900, b->tm_year + 1900);
	} else if (f->prec == BR_PREC_MONTH) {
		month_range(f, a, b);
	} else if (!lng) {
		short_days(f, a, b);
	} else {
		/* English puts the year last, Chinese first: a shared year
		 * is written once, at that end. */
		point(f, a, 0, zh || !same_year);
		sb_add(&f->s, " – ");
		point(f, b, 0, !zh || !same_year);
	}
}

static int same_date(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon &&
	       a->tm_mday == b->tm_mday;
}

/* A range finer than a day: "Fri 17 12:00-14:00" within a day, else two
 * full points ("Sat 18 evening – Sun 19 morning"), or in a list column
 * just the days ("Nov 18-19"). */
static void clock_range(struct fmt *f, const struct tm *a, const struct tm *b)
{
	int lng = f->style == BR_WHEN_LONG;
	int zh_drop = f->lang == BR_LANG_ZH && lng && a->tm_year == b->tm_year;

	if (f->prec <= BR_PREC_HOUR && same_date(a, b)) {
		point(f, a, 0, 1);
		sb_add(&f->s, lng ? " – %02d:%02d" : "-%02d:%02d", b->tm_hour,
		       b->tm_min);
		return;
	}
	if (!lng) {
		/* A list column has no room for two parts of days. */
		short_days(f, a, b);
		return;
	}
	point(f, a, best_part(secs_of_day(a), 86400, secs_of_day(a)), 1);
	sb_add(&f->s, " – ");
	point(f, b, best_part(0, secs_of_day(b) + 1, secs_of_day(b)), !zh_drop);
}

static void iso_local(struct sb *s, const struct br_zone *zone, br_instant t)
{
	struct tm tm;
	long off;

	br_zone_local(zone, t, &tm, &off);
	sb_add(s, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
	       tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	       tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', labs(off) / 3600,
	       labs(off) / 60 % 60);
}

/* ISO ignores precision and the inferred mark: it is the start instant,
 * for machines. Precision values out of the enum read as minute. */
size_t br_when_format(char *buf, size_t len, br_instant t_min, br_instant t_max,
		      enum br_precision prec, int inferred,
		      const struct br_zone *zone, enum br_lang lang,
		      enum br_when_style style)
{
	struct fmt f;
	struct tm a, b;

	memset(&f, 0, sizeof(f));
	f.prec = (unsigned)prec > BR_PREC_YEAR ? BR_PREC_MINUTE : prec;
	f.lang = lang == BR_LANG_ZH ? BR_LANG_ZH : BR_LANG_EN;
	f.style = style;
	if (t_max < t_min)
		t_max = t_min;
	if (style == BR_WHEN_ISO) {
		iso_local(&f.s, zone, t_min);
	} else {
		if (f.prec >= BR_PREC_MONTH && t_max - t_min > 2 * ZONE_APART) {
			/* The unit's ends, stated at midnight in their own
			 * zone, may fall in the unit before or after here:
			 * the unit is the one a day inside them is in. */
			t_min += ZONE_APART;
			t_max -= ZONE_APART;
		}
		br_zone_local(zone, t_min, &a, NULL);
		br_zone_local(zone, t_max, &b, NULL);
		if (inferred)
			sb_add(&f.s,
			       style == BR_WHEN_NARROW ||
					       style == BR_WHEN_NARROW_DATED
				       ? "≈"
				       : "≈ ");
		if (!wider(&a, &b, f.prec))
			point(&f, &a,
			      best_part(secs_of_day(&a),
					same_date(&a, &b) ? secs_of_day(&b) + 1
							  : 86400,
					secs_of_day(&a)),
			      1);
		else if (f.prec >= BR_PREC_DAY)
			calendar_range(&f, &a, &b);
		else
			clock_range(&f, &a, &b);
	}
	return buf ? br_strlcpy(buf, f.s.buf, len) : 0;
}

size_t br_when_iso_utc(char *buf, size_t len, br_instant t)
{
	struct sb s;
	struct tm tm;

	s.n = 0;
	s.buf[0] = '\0';
	cal_utc_tm(cal_clamp_show(t), &tm);
	sb_add(&s, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf ? br_strlcpy(buf, s.buf, len) : 0;
}

/* n digits at s as a number; -1 if one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int br_when_iso_utc_parse(const char *s, br_instant *out)
{
	int y, mo, d, h, mi, sec;

	if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 ||
	    d > cal_days_in_month(y, mo) || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || sec < 0 || sec > 59)
		return -1;
	*out = (br_instant)cal_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	       mi * 60 + sec;
	return 0;
}

/* The crisis clock: the offset truncated toward zero, so that its sign is
 * always that of t - origin (three minutes before is T-0:03, not T-1h),
 * to the minute when prec allows it, else in whole hours. Beyond +-199
 * hours (a week and more, past any crisis of days) the label is in whole
 * days. */
size_t br_when_clock_prec(char *buf, size_t len, br_instant t,
			  br_instant origin, enum br_precision prec)
{
	int64_t delta = cal_clamp_show(t) - cal_clamp_show(origin);
	int64_t mag = delta < 0 ? -delta : delta;
	char sign = delta < 0 ? '-' : '+', tmp[32];

	if (mag >= 200 * 3600)
		snprintf(tmp, sizeof(tmp), "T%c%lldd", sign,
			 (long long)(mag / 86400));
	else if (prec <= BR_PREC_HOUR)
		snprintf(tmp, sizeof(tmp), "T%c%lld:%02lld", sign,
			 (long long)(mag / 3600), (long long)(mag % 3600 / 60));
	else
		snprintf(tmp, sizeof(tmp), "T%c%lldh", sign,
			 (long long)(mag / 3600));
	return buf ? br_strlcpy(buf, tmp, len) : 0;
}

size_t br_when_clock(char *buf, size_t len, br_instant t, br_instant origin)
{
	return br_when_clock_prec(buf, len, t, origin, BR_PREC_DAY);
}

/* Whether t falls in the calendar year year in zone. */
int br_when_in_year(br_instant t, int year, const struct br_zone *zone)
{
	struct tm tm;

	br_zone_local(zone, t, &tm, NULL);
	return tm.tm_year + 1900 == year;
}

enum br_when_style br_when_short_style(br_instant t, br_instant context,
				       int year, const struct br_zone *zone)
{
	struct tm a, b;

	br_zone_local(zone, t, &a, NULL);
	br_zone_local(zone, context, &b, NULL);
	if (a.tm_year + 1900 != year)
		return BR_WHEN_DATED;
	return a.tm_year == b.tm_year && a.tm_mon == b.tm_mon ? BR_WHEN_SHORT
							      : BR_WHEN_MEDIUM;
}

enum br_when_style br_when_year_style(enum br_when_style style, br_instant t,
				      int year, const struct br_zone *zone)
{
	if (br_when_in_year(t, year, zone))
		return style;
	if (style == BR_WHEN_SHORT || style == BR_WHEN_MEDIUM)
		return BR_WHEN_DATED;
	if (style == BR_WHEN_NARROW)
		return BR_WHEN_NARROW_DATED;
	return style;
}

enum br_when_style br_when_narrow_style(enum br_when_style style)
{
	if (style == BR_WHEN_SHORT)
		return BR_WHEN_NARROW;
	if (style == BR_WHEN_DATED)
		return BR_WHEN_NARROW_DATED;
	return style;
}
