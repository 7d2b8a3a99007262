/* lanes_grid: the columns of a lanes answer and the lines of its grid:
 * which instant begins a column, which column an instant is in, and the
 * hours, days, months or years to draw lines and labels at. */
#include <stdio.h>
#include <time.h>

#include "boardroom/lanes.h"
#include "boardroom/when.h"

/* Column edges round up, so that an instant's column (rounded down) and
 * its column's start agree: start(col(t)) <= t < start(col(t) + 1). */
br_instant br_lanes_col_start(const struct br_lanes *l, int col)
{
	br_instant span = l->to - l->from;

	if (col <= 0)
		return l->from;
	if (col >= l->width)
		return l->to;
	return l->from + (span * col + l->width - 1) / l->width;
}

int br_lanes_col(const struct br_lanes *l, br_instant t)
{
	if (t < l->from)
		return -1;
	if (t >= l->to)
		return l->width;
	return (int)((t - l->from) * l->width / (l->to - l->from));
}

/* The units of the grid, smallest first: hours, or days, months, years
 * counted on the calendar. */
static const struct unit {
	int hours, days, months, years;
	br_instant approx; /* seconds, to choose by */
} units[] = {
	{1, 0, 0, 0, 3600},	   {3, 0, 0, 0, 3 * 3600},
	{6, 0, 0, 0, 6 * 3600},	   {12, 0, 0, 0, 12 * 3600},
	{0, 1, 0, 0, 86400},	   {0, 0, 1, 0, 31 * 86400},
	{0, 0, 0, 1, 366 * 86400}, {0, 0, 0, 10, 3660 * 86400},
};

/* The unit's start at or before t, in zone. */
static br_instant unit_floor(const struct unit *u, const struct br_zone *zone,
			     br_instant t)
{
	struct tm tm;

	br_zone_local(zone, t, &tm, NULL);
	tm.tm_sec = tm.tm_min = 0;
	if (u->hours)
		tm.tm_hour -= tm.tm_hour % u->hours;
	else
		tm.tm_hour = 0;
	if (u->months || u->years)
		tm.tm_mday = 1;
	if (u->years) {
		tm.tm_mon = 0;
		tm.tm_year -= (tm.tm_year + 1900) % u->years;
	}
	return br_zone_instant(zone, &tm);
}

static br_instant unit_next(const struct unit *u, const struct br_zone *zone,
			    br_instant t)
{
	struct tm tm;
	br_instant next;

	br_zone_local(zone, t, &tm, NULL);
	tm.tm_hour += u->hours;
	tm.tm_mday += u->days;
	tm.tm_mon += u->months;
	tm.tm_year += u->years;
	next = br_zone_instant(zone, &tm);
	/* A clock that repeats an hour: step on past it. */
	return next > t ? next : t + (u->hours ? u->hours : 24) * 3600;
}

static void tick_label(const struct unit *u, const struct br_zone *zone,
		       enum br_lang lang, br_instant t, char *buf, size_t len,
		       int *day, int *year)
{
	static const char *const wd_zh[] = {"日", "一", "二", "三",
					    "四", "五", "六"};
	static const char *const wd_en[] = {"Sun", "Mon", "Tue", "Wed",
					    "Thu", "Fri", "Sat"};
	static const char *const mon_en[] = {"Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;

	br_zone_local(zone, t, &tm, NULL);
	*day = !u->hours || tm.tm_hour == 0;
	*year = 0;
	if (u->hours && tm.tm_hour)
		snprintf(buf, len, "%02d:00", tm.tm_hour);
	else if ((u->hours || u->days) && lang == BR_LANG_ZH)
		snprintf(buf, len, "%d日（%s）", tm.tm_mday, wd_zh[tm.tm_wday]);
	else if (u->hours || u->days)
		snprintf(buf, len, "%s %d", wd_en[tm.tm_wday], tm.tm_mday);
	else if (u->months && tm.tm_mon && lang == BR_LANG_ZH)
		snprintf(buf, len, "%d月", tm.tm_mon + 1);
	else if (u->months && tm.tm_mon)
		snprintf(buf, len, "%s", mon_en[tm.tm_mon]);
	else {
		snprintf(buf, len, lang == BR_LANG_ZH ? "%d年" : "%d",
			 tm.tm_year + 1900);
		*year = 1;
	}
}

size_t br_lanes_ticks(const struct br_lanes *l, const struct br_zone *zone,
		      enum br_lang lang, int min_cols,
		      struct br_lanes_tick *out, size_t cap)
{
	const struct unit *u = &units[BR_ARRAY_SIZE(units) - 1];
	br_instant span = l->to - l->from, t;
	size_t i, n = 0;

	if (min_cols < 1)
		min_cols = 1;
	for (i = 0; i < BR_ARRAY_SIZE(units); i++)
		if (units[i].approx * l->width >= span * min_cols) {
			u = &units[i];
			break;
		}
	t = unit_floor(u, zone, l->from);
	if (t < l->from)
		t = unit_next(u, zone, t);
	for (; t < l->to && n < cap; t = unit_next(u, zone, t)) {
		out[n].at = t;
		out[n].col = br_lanes_col(l, t);
		tick_label(u, zone, lang, t, out[n].label, sizeof(out[n].label),
			   &out[n].day, &out[n].year);
		n++;
	}
	return n;
}
