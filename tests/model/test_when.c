/* test_when: zones, the parser, formatting and the crisis clock.
 *
 * Expected values are worked out by hand. The anchor: 2023-11-17 00:00
 * UTC is 1700179200 (19678 days of 86400 s). Pacific time is UTC-8 (PST)
 * from Nov 5 2023 and UTC-7 (PDT) before; Beijing is UTC+8 all year. Nov 17
 * 2023 was a Friday, so Sat 18, Sun 19, Mon 20 ... Thu 23. The crisis
 * origin is 2023-11-17 12:03 PT = 20:03 UTC = 1700251380. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/when.h"
#include "tap.h"

#define ORIGIN ((br_instant)1700251380)
/* A UTC wall clock in November 2023, and a Pacific one after Nov 5. */
#define NOV(d, h, m)                                                           \
	((br_instant)1700179200 + ((d)-17) * 86400LL + (h)*3600LL + (m)*60LL)
#define PT(d, h, m) NOV(d, (h) + 8, m)

static struct br_zone pt, bj, utc;

static struct br_when_ctx ctx_pt(void)
{
	struct br_when_ctx ctx = {&pt, ORIGIN, ORIGIN, 2023};

	return ctx;
}

static const char *iso(br_instant t)
{
	static char buf[4][32];
	static int k;

	k = (k + 1) % 4;
	br_when_iso_utc(buf[k], sizeof(buf[k]), t);
	return buf[k];
}

/* ------------------------------------------------------------------ */

static void test_precision(void)
{
	static const char *const names[] = {
		"minute", "hour", "part_of_day", "day", "month", "year",
	};
	enum br_precision p;
	int k, all = 1;

	for (k = 0; k < 6; k++) {
		if (strcmp(br_precision_name((enum br_precision)k), names[k]) ||
		    br_precision_parse(names[k], &p) || (int)p != k)
			all = 0;
	}
	ok(all, "precision names round-trip");
	ok(br_precision_parse("fortnight", &p) == -1,
	   "unknown precision name fails");
}

/* ------------------------------------------------------------------ */

static void test_zone_set(void)
{
	struct br_zone z;
	char err[128];

	ok(!br_zone_set(&z, "PT", err, sizeof(err)), "zone PT");
	is_str(z.name, "America/Los_Angeles", "PT is Los Angeles");
	is_str(z.label, "PT", "PT label");
	ok(!br_zone_set(&z, "pacific", err, sizeof(err)) &&
		   !strcmp(z.name, "America/Los_Angeles"),
	   "zone 'pacific'");
	ok(!br_zone_set(&z, "Beijing", err, sizeof(err)), "zone Beijing");
	is_str(z.name, "Asia/Shanghai", "Beijing is Shanghai");
	is_str(z.label, "Beijing", "Beijing label");
	ok(br_zone_set(&z, "CST", err, sizeof(err)) < 0 &&
		   strstr(err, "ambiguous") && strstr(err, "America/Chicago") &&
		   strstr(err, "Beijing"),
	   "CST is refused as ambiguous, naming the zones to say");
	ok(br_zone_set(&z, "ist", err, sizeof(err)) < 0 &&
		   strstr(err, "Asia/Kolkata"),
	   "IST is refused as ambiguous");
	ok(!br_zone_set(&z, "BJT", err, sizeof(err)) &&
		   !strcmp(z.name, "Asia/Shanghai"),
	   "zone BJT");
	ok(!br_zone_set(&z, "Z", err, sizeof(err)) && !strcmp(z.name, "UTC") &&
		   !strcmp(z.label, "UTC"),
	   "zone Z is UTC");
	ok(!br_zone_set(&z, "local", err, sizeof(err)) && !z.name[0] &&
		   !strcmp(z.label, "local"),
	   "zone local");
	ok(!br_zone_set(&z, "Europe/London", err, sizeof(err)),
	   "IANA zone Europe/London");
	is_str(z.label, "London", "IANA label is the last component");
	ok(!br_zone_set(&z, "Asia/Shanghai", err, sizeof(err)) &&
		   !strcmp(z.label, "Beijing"),
	   "Asia/Shanghai by name is labelled Beijing");

	err[0] = '\0';
	ok(br_zone_set(&z, "Mars/Olympus", err, sizeof(err)) == -1 &&
		   strstr(err, "Mars/Olympus"),
	   "unknown zone fails and names it");
	diag("%s", err);
	err[0] = '\0';
	ok(br_zone_set(&z, "../etc/passwd", err, sizeof(err)) == -1 && *err,
	   "../etc/passwd fails");
	diag("%s", err);
	ok(br_zone_set(&z, "/etc/passwd", err, sizeof(err)) == -1,
	   "absolute path fails");
	ok(br_zone_set(&z, "Europe/../../../etc/passwd", err, sizeof(err)) ==
		   -1,
	   "'..' inside a name fails");
	ok(br_zone_set(&z, "zone.tab", err, sizeof(err)) == -1,
	   "a zoneinfo file that is not a zone fails");
	ok(br_zone_set(&z, "America", err, sizeof(err)) == -1,
	   "a zoneinfo directory fails");
	ok(br_zone_set(&z, "Asia/Shanghai\n", err, sizeof(err)) == -1 &&
		   !strchr(err, '\n'),
	   "control characters are not echoed");
}

static void test_zone_convert(void)
{
	struct tm tm;
	long off = 1;

	br_zone_local(&pt, ORIGIN, &tm, &off);
	is_int(off, -28800, "PT offset in November is -8h");
	ok(tm.tm_year == 123 && tm.tm_mon == 10 && tm.tm_mday == 17 &&
		   tm.tm_hour == 12 && tm.tm_min == 3 && tm.tm_wday == 5,
	   "origin is Fri 2023-11-17 12:03 PT");
	is_str(getenv("TZ"), ":America/Los_Angeles", "TZ set to the zone");
	br_zone_local(&pt, NOV(1, 12, 0), &tm, &off);
	is_int(off, -25200, "PT offset on Nov 1 is -7h (PDT)");
	br_zone_local(&bj, ORIGIN, &tm, &off);
	is_int(off, 28800, "Beijing offset is +8h");
	ok(tm.tm_mday == 18 && tm.tm_hour == 4 && tm.tm_min == 3 &&
		   tm.tm_wday == 6,
	   "origin is Sat 18 04:03 in Beijing");
	br_zone_local(&utc, ORIGIN, &tm, &off);
	ok(off == 0 && tm.tm_hour == 20 && tm.tm_min == 3, "UTC is UTC");
	br_zone_local(NULL, ORIGIN, &tm, &off);
	ok(off == 0 && tm.tm_hour == 20, "local zone is the starting TZ (UTC)");
	is_str(getenv("TZ"), "UTC", "local zone restores the starting TZ");

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 123;
	tm.tm_mon = 10;
	tm.tm_mday = 19;
	tm.tm_hour = 18;
	is_str(iso(br_zone_instant(&pt, &tm)), "2023-11-20T02:00:00Z",
	       "Nov 19 18:00 PT");
	tm.tm_mday = 20;
	tm.tm_hour = 10;
	is_str(iso(br_zone_instant(&bj, &tm)), "2023-11-20T02:00:00Z",
	       "Nov 20 10:00 Beijing");
	tm.tm_mday = 31;
	tm.tm_hour = 0;
	tm.tm_isdst = 1; /* must be ignored */
	is_str(iso(br_zone_instant(&pt, &tm)), "2023-12-01T08:00:00Z",
	       "Nov 31 normalises to Dec 1; tm_isdst is resolved");
}

/* ------------------------------------------------------------------ */

#define MIN  BR_PREC_MINUTE
#define HOUR BR_PREC_HOUR
#define POD  BR_PREC_PART_OF_DAY
#define DAY  BR_PREC_DAY
#define MON  BR_PREC_MONTH
#define YEAR BR_PREC_YEAR

/* t_max NULL: an instant, t_max = at. */
struct pcase {
	const char *in, *at;
	enum br_precision prec;
	const char *tmax;
};

/* Pacific local days in UTC. */
#define D17   "2023-11-17T08:00:00Z"
#define D17E  "2023-11-18T07:59:59Z"
#define D19   "2023-11-19T08:00:00Z"
#define D19E  "2023-11-20T07:59:59Z"
#define EVE19 "2023-11-20T02:00:00Z"
#define NOV_S "2023-11-01T07:00:00Z" /* Nov 1 00:00 PDT */
#define NOV_E "2023-12-01T07:59:59Z" /* Nov 30 23:59:59 PST */

static const struct pcase cases[] = {
	/* ISO */
	{"2023-11-19", D19, DAY, D19E},
	{"2023-11-19 17:30", "2023-11-20T01:30:00Z", MIN, NULL},
	{"2023-11-19T17:30:00Z", "2023-11-19T17:30:00Z", MIN, NULL},
	{"2023-11-19T18:00:00-08:00", "2023-11-20T02:00:00Z", MIN, NULL},
	{"2023-11-19T10:00+08:00", "2023-11-19T02:00:00Z", MIN, NULL},
	{"2023-11", NOV_S, MON, NOV_E},
	{"2023/11/19", D19, DAY, D19E},
	{"２０２３－１１－１９", D19, DAY, D19E},
	/* month names */
	{"Nov 19", D19, DAY, D19E},
	{"Nov 19 5pm", "2023-11-20T01:00:00Z", HOUR, NULL},
	{"19 Nov 17:30", "2023-11-20T01:30:00Z", MIN, NULL},
	{"November 19 2023", D19, DAY, D19E},
	{"Nov 2023", NOV_S, MON, NOV_E},
	{"november", NOV_S, MON, NOV_E},
	{"Nov 19, 2023", D19, DAY, D19E},
	{"Nov. 19th", D19, DAY, D19E},
	{"NOV 19 5PM", "2023-11-20T01:00:00Z", HOUR, NULL},
	{"Jul 4", "2023-07-04T07:00:00Z", DAY, "2023-07-05T06:59:59Z"},
	{"Dec 25 2022", "2022-12-25T08:00:00Z", DAY, "2022-12-26T07:59:59Z"},
	/* DST ends Nov 5 (a 25-hour day), starts Mar 12 (23 hours) */
	{"Nov 5", "2023-11-05T07:00:00Z", DAY, "2023-11-06T07:59:59Z"},
	{"Mar 12", "2023-03-12T08:00:00Z", DAY, "2023-03-13T06:59:59Z"},
	{"Sun Nov 19 2023, evening", EVE19, POD, D19E},
	{"Fri Nov 17 2023 12:23", "2023-11-17T20:23:00Z", MIN, NULL},
	{"Ｎｏｖ　１９", D19, DAY, D19E},
	{"2023 Nov 19", D19, DAY, D19E},
	/* US */
	{"11/19", D19, DAY, D19E},
	{"11/19 17:30", "2023-11-20T01:30:00Z", MIN, NULL},
	{"11/19/2023", D19, DAY, D19E},
	{"11/19/23", D19, DAY, D19E},
	/* times, on the reference day (Fri Nov 17) */
	{"5pm", "2023-11-18T01:00:00Z", HOUR, NULL},
	{"17:30", "2023-11-18T01:30:00Z", MIN, NULL},
	{"noon", "2023-11-17T20:00:00Z", HOUR, NULL},
	{"midnight", "2023-11-17T08:00:00Z", HOUR, NULL},
	{"9:15am", "2023-11-17T17:15:00Z", MIN, NULL},
	{"12am", "2023-11-17T08:00:00Z", HOUR, NULL},
	{"12pm", "2023-11-17T20:00:00Z", HOUR, NULL},
	{"5:30 PM", "2023-11-18T01:30:00Z", MIN, NULL},
	{"17:30:15", "2023-11-18T01:30:15Z", MIN, NULL},
	/* weekdays: the first on or after Fri Nov 17 */
	{"sun", D19, DAY, D19E},
	{"sun 3pm", "2023-11-19T23:00:00Z", HOUR, NULL},
	{"fri", D17, DAY, D17E},
	{"Thursday", "2023-11-23T08:00:00Z", DAY, "2023-11-24T07:59:59Z"},
	{"mon", "2023-11-20T08:00:00Z", DAY, "2023-11-21T07:59:59Z"},
	/* relative, from now = 20:03 UTC */
	{"+3h", "2023-11-17T23:03:00Z", MIN, NULL},
	{"-1d", "2023-11-16T20:03:00Z", MIN, NULL},
	{"+90m", "2023-11-17T21:33:00Z", MIN, NULL},
	{"+2w", "2023-12-01T20:03:00Z", MIN, NULL},
	{"+1d3h", "2023-11-18T23:03:00Z", MIN, NULL},
	{"-30 min", "2023-11-17T19:33:00Z", MIN, NULL},
	{"+ 2 hours", "2023-11-17T22:03:00Z", MIN, NULL},
	{"now", "2023-11-17T20:03:00Z", MIN, NULL},
	/* crisis clock, origin = 20:03 UTC */
	{"T+48", "2023-11-19T20:03:00Z", HOUR, NULL},
	{"T+48h", "2023-11-19T20:03:00Z", HOUR, NULL},
	{"T-10h", "2023-11-17T10:03:00Z", HOUR, NULL},
	{"T+2d", "2023-11-19T20:03:00Z", DAY, NULL},
	{"T+90m", "2023-11-17T21:33:00Z", MIN, NULL},
	{"T+0", "2023-11-17T20:03:00Z", HOUR, NULL},
	{"t-1d2h", "2023-11-16T18:03:00Z", HOUR, NULL},
	{"T-1473d", "2019-11-05T20:03:00Z", DAY, NULL},
	{"hour 60", "2023-11-20T08:03:00Z", HOUR, NULL},
	{"day 3", D19, DAY, D19E},
	{"day 1", D17, DAY, D17E},
	{"day 3 evening", EVE19, POD, D19E},
	/* parts of the day */
	{"Nov 19 evening", EVE19, POD, D19E},
	{"sun morning", "2023-11-19T14:00:00Z", POD, "2023-11-19T19:59:59Z"},
	{"tonight", "2023-11-18T04:00:00Z", POD, D17E},
	{"Nov 18 early morning", "2023-11-18T08:00:00Z", POD,
	 "2023-11-18T13:59:59Z"},
	{"afternoon", "2023-11-17T20:00:00Z", POD, "2023-11-18T01:59:59Z"},
	{"evening 8", "2023-11-18T04:00:00Z", HOUR, NULL},
	{"Nov 19 night", "2023-11-20T04:00:00Z", POD, D19E},
	{"tomorrow morning", "2023-11-18T14:00:00Z", POD,
	 "2023-11-18T19:59:59Z"},
	/* Chinese */
	{"11月19日", D19, DAY, D19E},
	{"11月19日晚上", EVE19, POD, D19E},
	{"19号下午3点", "2023-11-19T23:00:00Z", HOUR, NULL},
	{"20日凌晨", "2023-11-20T08:00:00Z", POD, "2023-11-20T13:59:59Z"},
	{"中午12点", "2023-11-17T20:00:00Z", HOUR, NULL},
	{"12点23分", "2023-11-17T20:23:00Z", MIN, NULL},
	{"2023年11月19日", D19, DAY, D19E},
	{"周日下午", "2023-11-19T20:00:00Z", POD, "2023-11-20T01:59:59Z"},
	{"十二点", "2023-11-17T20:00:00Z", HOUR, NULL},
	{"下午3点", "2023-11-17T23:00:00Z", HOUR, NULL},
	{"星期天下午", "2023-11-19T20:00:00Z", POD, "2023-11-20T01:59:59Z"},
	{"周一", "2023-11-20T08:00:00Z", DAY, "2023-11-21T07:59:59Z"},
	{"三点半", "2023-11-17T11:30:00Z", MIN, NULL},
	{"下午三点半", "2023-11-17T23:30:00Z", MIN, NULL},
	{"２０２３年１１月１９日", D19, DAY, D19E},
	{"１９号　下午３：３０", "2023-11-19T23:30:00Z", MIN, NULL},
	{"2023年11月", NOV_S, MON, NOV_E},
	{"2023年", "2023-01-01T08:00:00Z", YEAR, "2024-01-01T07:59:59Z"},
	{"晚上8点", "2023-11-18T04:00:00Z", HOUR, NULL},
	{"晚上12点", "2023-11-18T08:00:00Z", HOUR, NULL},
	{"十一月十九日", D19, DAY, D19E},
	{"明天上午10点", "2023-11-18T18:00:00Z", HOUR, NULL},
	{"今晚", "2023-11-18T02:00:00Z", POD, D17E},
	{"2023年11月19日（周日）晚上", EVE19, POD, D19E},
	{"礼拜六", "2023-11-18T08:00:00Z", DAY, "2023-11-19T07:59:59Z"},
	{"周三三点", "2023-11-22T11:00:00Z", HOUR, NULL},
	{"11月19日 下午5点30分", "2023-11-20T01:30:00Z", MIN, NULL},
	{"傍晚5点", "2023-11-18T01:00:00Z", HOUR, NULL},
	{"二〇二三年十一月", NOV_S, MON, NOV_E},
	/* traditional script, and the forms an article tells time in */
	{"17號下午3點", "2023-11-17T23:00:00Z", HOUR, NULL},
	{"11月17日中午12點", "2023-11-17T20:00:00Z", HOUR, NULL},
	{"12點23分", "2023-11-17T20:23:00Z", MIN, NULL},
	{"11月16日晚間", "2023-11-17T02:00:00Z", POD, "2023-11-17T07:59:59Z"},
	{"11月18號", "2023-11-18T08:00:00Z", DAY, "2023-11-19T07:59:59Z"},
	{"20號晚上", "2023-11-21T02:00:00Z", POD, "2023-11-21T07:59:59Z"},
	{"18日淩晨", "2023-11-18T08:00:00Z", POD, "2023-11-18T13:59:59Z"},
	{"三點鐘", "2023-11-17T11:00:00Z", HOUR, NULL},
	{"兩點半", "2023-11-17T10:30:00Z", MIN, NULL},
	{"週日夜裏", "2023-11-20T04:00:00Z", POD, D19E},
	{"禮拜天", D19, DAY, D19E},
	{"19日夜間", "2023-11-20T04:00:00Z", POD, D19E},
	{"第二天", "2023-11-18T08:00:00Z", DAY, "2023-11-19T07:59:59Z"},
	{"第二天下午", "2023-11-18T20:00:00Z", POD, "2023-11-19T01:59:59Z"},
	{"次日上午10點", "2023-11-18T18:00:00Z", HOUR, NULL},
	{"前一天", "2023-11-16T08:00:00Z", DAY, "2023-11-17T07:59:59Z"},
	{"當天", D17, DAY, D17E},
	{"當晚", "2023-11-18T02:00:00Z", POD, D17E},
	{"後天", D19, DAY, D19E},
	{"清晨", "2023-11-17T14:00:00Z", POD, "2023-11-17T19:59:59Z"},
	/* other */
	{"2023", "2023-01-01T08:00:00Z", YEAR, "2024-01-01T07:59:59Z"},
	{"today", D17, DAY, D17E},
	{"tomorrow 9am", "2023-11-18T17:00:00Z", HOUR, NULL},
	{"Nov 19 17:30 UTC", "2023-11-19T17:30:00Z", MIN, NULL},
};

static void check_case(const struct pcase *c, const struct br_when_ctx *ctx)
{
	struct br_when w;
	char err[256] = "";
	const char *tmax = c->tmax ? c->tmax : c->at;
	int r = br_when_parse(c->in, ctx, &w, err, sizeof(err));

	if (!ok(r == 0 && !strcmp(iso(w.at), c->at) && w.precision == c->prec &&
			!strcmp(iso(w.t_min), c->at) &&
			!strcmp(iso(w.t_max), tmax),
		"parse '%s'", c->in)) {
		if (r)
			diag("error: %s", err);
		else
			diag("got at %s %s max %s; want %s %s max %s",
			     iso(w.at), br_precision_name(w.precision),
			     iso(w.t_max), c->at, br_precision_name(c->prec),
			     tmax);
	}
}

static void test_parse(void)
{
	struct br_when_ctx ctx = ctx_pt();
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(cases); k++)
		check_case(&cases[k], &ctx);
}

static void test_parse_other_contexts(void)
{
	static const struct pcase bj_cases[] = {
		{"11月19日", "2023-11-18T16:00:00Z", DAY,
		 "2023-11-19T15:59:59Z"},
		/* the reference day in Beijing is already Sat Nov 18 */
		{"5pm", "2023-11-18T09:00:00Z", HOUR, NULL},
		{"day 1", "2023-11-17T16:00:00Z", DAY, "2023-11-18T15:59:59Z"},
		{"sun", "2023-11-18T16:00:00Z", DAY, "2023-11-19T15:59:59Z"},
	};
	static const struct pcase y2019 = {
		"Nov 19",
		"2019-11-19T08:00:00Z",
		DAY,
		"2019-11-20T07:59:59Z",
	};
	struct br_when_ctx ctx = ctx_pt();
	size_t k;

	ctx.zone = &bj;
	for (k = 0; k < BR_ARRAY_SIZE(bj_cases); k++)
		check_case(&bj_cases[k], &ctx);
	ctx.zone = &pt;
	ctx.default_year = 2019;
	check_case(&y2019, &ctx);
}

/* want: a piece the message must contain, or NULL for any message. */
struct bad {
	const char *in, *want;
};

static const struct bad bad_cases[] = {
	{"", NULL},
	{"   ", NULL},
	{"blorp", "'blorp'"},
	{"Nov 19 blorp", "not understood: 'blorp' in 'Nov 19 blorp'"},
	{"Feb 30", "no such date: Feb 30"},
	{"25:00", "hour out of range: 25"},
	{"13/40", "13/40"},
	{"+", "'+'"},
	{"T+", "'T+'"},
	{"T", "'T'"},
	{"+3", "'+3'"},
	{"+3x", NULL},
	{"17:60", "60"},
	{"13pm", "13pm"},
	{"2023-02-29", "Feb 29 2023"},
	{"Nov 19 Nov 20", "'Nov 20'"},
	{"sun Nov 20", "Monday"},
	{"Nov 5pm", NULL},
	{"day 0", NULL},
	{"hour", "'hour'"},
	{"\xff\xfe", "UTF-8"},
	{"Nov \xe4\xb8", "UTF-8"}, /* truncated sequence */
	{"\xc0\xaf", "UTF-8"},	   /* overlong '/' */
	{"\xed\xa0\x80", "UTF-8"}, /* surrogate */
	{"2023年19日", NULL},
	{"周八", "周八"},
	{"12345678901", "12345678901"},
	{"32号", "Nov 32"},
	{"十十点", NULL},
	{"5pm 6pm", "'6pm'"},
	{"2023 5pm", NULL},
	{"evening 30", "30"},
	{"T+48 blorp", "'blorp'"},
	{"Nov 19 +25:00", NULL},
	{"0000-01-01", NULL},
	{"+999999999w", NULL},
	{"你好", "你好"},
	{"Nov 19 7pm evening 5am", NULL},
	{"z", "'z'"},
	{"Nov 19 UTC", "'UTC'"},
	{"2023-1111", NULL},
	{"17:30-2", NULL},
};

static void test_parse_errors(void)
{
	struct br_when_ctx ctx = ctx_pt();
	struct br_when w = {1, 2, 3, BR_PREC_YEAR};
	char err[256], big[400], small[8];
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(bad_cases); k++) {
		const struct bad *b = &bad_cases[k];
		int r;

		strcpy(err, "");
		r = br_when_parse(b->in, &ctx, &w, err, sizeof(err));
		if (!ok(r == -1 && *err && (!b->want || strstr(err, b->want)),
			"reject '%s'", b->in))
			diag("r = %d, err '%s'", r, err);
		else
			diag("%s", err);
	}
	ok(w.at == 1 && w.t_min == 2 && w.t_max == 3,
	   "out is untouched on error");

	memset(big, '1', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ok(br_when_parse(big, &ctx, &w, err, sizeof(err)) == -1 &&
		   strstr(err, "too long"),
	   "over-long input fails");
	ok(br_when_parse("a\x1b[31mb", &ctx, &w, err, sizeof(err)) == -1 &&
		   !strchr(err, '\x1b'),
	   "escape characters are not echoed in the message");
	memset(small, 'x', sizeof(small));
	ok(br_when_parse("Nov 19 blorp", &ctx, &w, small, sizeof(small)) ==
			   -1 &&
		   strlen(small) == sizeof(small) - 1,
	   "a short err buffer is filled and terminated");
	ok(br_when_parse("blorp", &ctx, &w, NULL, 0) == -1, "err may be NULL");
	ok(br_when_parse(NULL, &ctx, &w, err, sizeof(err)) == -1,
	   "NULL text fails");
}

/* ------------------------------------------------------------------ */

static int valid_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u) {
		int n = *u < 0x80	      ? 0
			: (*u & 0xE0) == 0xC0 ? 1
			: (*u & 0xF0) == 0xE0 ? 2
			: (*u & 0xF8) == 0xF0 ? 3
					      : -1;

		if (n < 0 || (*u < 0x20 && *u != '\t'))
			return 0;
		for (u++; n > 0; n--, u++)
			if ((*u & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* Random inputs built from pieces of every form plus random bytes; run
 * under the sanitizers this is a small fuzz test. */
static void test_parse_random(void)
{
	static const char *const pieces[] = {
		"Nov",	   "19",   "2023",	"-",	 "+",	    ":",
		"/",	   "T",	   "t",		"5",	 "pm",	    "am",
		"12",	   "30",   "00",	"h",	 "d",	    "m",
		"w",	   "日",   "号",	"月",	 "年",	    "点",
		"分",	   "半",   "周",	"星期",	 "天",	    "下午",
		"晚上",	   "凌晨", "中午",	"十",	 "二",	    "三",
		"〇",	   "一",   "evening",	"early", "morning", "sun",
		"day",	   "hour", "noon",	"Z",	 " ",	    ",",
		"(",	   ")",	   "１",	"：",	 "＋",	    "today",
		"tonight", "今晚", "999999999", "0",	 "th",	    ".",
		"\xe4",	   "\xff", "\x1b",
	};
	struct br_when_ctx ctx = ctx_pt();
	unsigned long seed = 12345;
	int k, good = 0, fine = 1;

	for (k = 0; k < 30000; k++) {
		char text[300] = "", err[200];
		struct br_when w;
		int n = (int)(seed % 7) + 1, j;

		for (j = 0; j < n; j++) {
			seed = seed * 6364136223846793005UL +
			       1442695040888963407UL;
			if ((seed >> 40) % 9 == 0) {
				char b[2] = {(char)(seed >> 24), 0};

				strcat(text, b[0] ? b : "x");
			} else {
				strcat(text, pieces[(seed >> 33) %
						    BR_ARRAY_SIZE(pieces)]);
			}
		}
		if (!br_when_parse(text, &ctx, &w, err, sizeof(err))) {
			good++;
			if (w.t_min > w.at || w.at > w.t_max ||
			    (unsigned)w.precision > BR_PREC_YEAR)
				fine = 0;
		} else if (!*err || !valid_utf8(err)) {
			fine = 0;
			diag("bad message for '%s'", text);
		}
	}
	ok(fine, "30000 random inputs: sane results, clean messages");
	diag("%d of them parsed", good);
}

/* ------------------------------------------------------------------ */

struct fcase {
	br_instant t_min, t_max;
	enum br_precision prec;
	int inferred;
	const struct br_zone *zone;
	enum br_lang lang;
	enum br_when_style style;
	const char *want;
};

#define EN     BR_LANG_EN
#define ZH     BR_LANG_ZH
#define SHORT  BR_WHEN_SHORT
#define LONG   BR_WHEN_LONG
#define ISO    BR_WHEN_ISO
#define DATED  BR_WHEN_DATED
#define NDATED BR_WHEN_NARROW_DATED
/* PT(d, h, m) a year before: November 2022 (365 days, no leap day). */
#define Y22(d, h, m) (PT(d, h, m) - 365LL * 86400)

/* Sun Nov 19 evening, PT. */
#define EVE PT(19, 18, 0), PT(20, 0, 0) - 1
/* Mon Nov 20, PT. */
#define MON20 PT(20, 0, 0), PT(21, 0, 0) - 1
/* November 2023, PT. */
#define NOV2023 NOV(1, 7, 0), PT(31, 0, 0) - 1
/* 2019 in PT (2019-01-01 00:00 UTC is 1546300800, 2020 1577836800). */
#define Y2019 (br_instant)1546329600, (br_instant)1577865599

static const struct fcase fcases[] = {
	{PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt, EN, SHORT, "Fri 17 12:00"},
	{PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt, EN, BR_WHEN_MEDIUM,
	 "Fri Nov 17 12:00"},
	{PT(7, 0, 0), PT(8, 0, 0) - 1, DAY, 0, &pt, ZH, BR_WHEN_MEDIUM,
	 "11月7日（二）"},
	{EVE, POD, 0, &pt, EN, BR_WHEN_MEDIUM, "Sun Nov 19 evening"},
	{PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt, ZH, SHORT,
	 "17日（五） 12:00"},
	{PT(17, 17, 0), PT(17, 17, 0), HOUR, 0, &pt, EN, SHORT, "Fri 17 17:00"},
	{EVE, POD, 0, &pt, EN, SHORT, "Sun 19 evening"},
	{EVE, POD, 0, &pt, ZH, SHORT, "19日（日） 晚上"},
	{MON20, DAY, 1, &pt, EN, SHORT, "≈ Mon 20"},
	{MON20, DAY, 1, &pt, ZH, SHORT, "≈ 20日（一）"},
	{NOV2023, MON, 0, &pt, EN, SHORT, "Nov 2023"},
	{NOV2023, MON, 0, &pt, ZH, SHORT, "2023年11月"},
	{NOV2023, MON, 0, &pt, EN, LONG, "November 2023"},
	{NOV2023, MON, 0, &pt, ZH, LONG, "2023年11月"},
	{Y2019, YEAR, 0, &pt, EN, SHORT, "2019"},
	{Y2019, YEAR, 0, &pt, ZH, SHORT, "2019年"},
	{Y2019, YEAR, 0, &pt, ZH, LONG, "2019年"},
	{PT(17, 12, 23), PT(17, 12, 23), MIN, 0, &pt, EN, LONG,
	 "Fri Nov 17 2023 12:23"},
	{PT(17, 12, 23), PT(17, 12, 23), MIN, 0, &pt, ZH, LONG,
	 "2023年11月17日（周五） 12:23"},
	{EVE, POD, 0, &pt, EN, LONG, "Sun Nov 19 2023, evening"},
	{EVE, POD, 0, &pt, ZH, LONG, "2023年11月19日（周日）晚上"},
	{PT(18, 0, 0), PT(19, 0, 0) - 1, DAY, 1, &pt, EN, LONG,
	 "≈ Sat Nov 18 2023"},
	{PT(18, 0, 0), PT(19, 0, 0) - 1, DAY, 0, &pt, ZH, LONG,
	 "2023年11月18日（周六）"},
	{MON20, DAY, 1, &pt, ZH, LONG, "≈ 2023年11月20日（周一）"},
	{EVE, POD, 1, &pt, EN, ISO, "2023-11-19T18:00:00-08:00"},
	{EVE, POD, 0, &bj, EN, ISO, "2023-11-20T10:00:00+08:00"},
	{EVE, POD, 0, &utc, ZH, ISO, "2023-11-20T02:00:00+00:00"},
	{NOV2023, MON, 0, &pt, EN, ISO, "2023-11-01T00:00:00-07:00"},
	{ORIGIN, ORIGIN, MIN, 0, &bj, EN, SHORT, "Sat 18 04:03"},
	{ORIGIN, ORIGIN, MIN, 0, &utc, ZH, SHORT, "17日（五） 20:03"},
	/* a month or a year seen in another zone stays that month or year */
	{NOV2023, MON, 0, &bj, EN, SHORT, "Nov 2023"},
	{NOV2023, MON, 0, &bj, ZH, LONG, "2023年11月"},
	{Y2019, YEAR, 0, &bj, EN, SHORT, "2019"},
	{Y2019, YEAR, 0, &utc, ZH, SHORT, "2019年"},
	/* July 2023 PT; January to June 2023 PT */
	{(br_instant)1688194800, (br_instant)1690873199, MON, 0, &bj, EN, SHORT,
	 "Jul 2023"},
	{(br_instant)1672560000, (br_instant)1688194799, MON, 0, &bj, EN, SHORT,
	 "Jan-Jun 2023"},
	{(br_instant)1672560000, (br_instant)1688194799, MON, 1, &bj, ZH, SHORT,
	 "≈ 2023年1-6月"},
	/* November 2023 in Beijing time, seen in PT (a day behind) */
	{(br_instant)1698768000, (br_instant)1701359999, MON, 0, &pt, EN, LONG,
	 "November 2023"},
	/* the narrow column */
	{PT(17, 12, 0), PT(17, 14, 0), MIN, 1, &pt, EN, BR_WHEN_NARROW,
	 "≈17 12:00-14:00"},
	{PT(17, 12, 0), PT(17, 14, 0), MIN, 1, &pt, ZH, BR_WHEN_NARROW,
	 "≈17日 12:00-14:00"},
	{PT(20, 0, 0), PT(20, 6, 0) - 1, POD, 1, &pt, EN, BR_WHEN_NARROW,
	 "≈20 early morning"},
	{PT(20, 0, 0), PT(20, 6, 0) - 1, POD, 0, &pt, ZH, BR_WHEN_NARROW,
	 "20日 凌晨"},
	{NOV2023, MON, 1, &pt, EN, BR_WHEN_NARROW, "≈Nov 2023"},
	/* the part of the day that fits best */
	{PT(17, 11, 0), PT(17, 13, 0) - 1, POD, 0, &pt, EN, SHORT,
	 "Fri 17 noon"},
	{PT(17, 11, 0), PT(17, 13, 0) - 1, POD, 0, &pt, ZH, SHORT,
	 "17日（五） 中午"},
	{PT(18, 0, 0), PT(18, 6, 0) - 1, POD, 0, &pt, EN, SHORT,
	 "Sat 18 early morning"},
	{PT(18, 0, 0), PT(18, 6, 0) - 1, POD, 0, &pt, ZH, SHORT,
	 "18日（六） 凌晨"},
	{PT(18, 6, 0), PT(18, 12, 0) - 1, POD, 0, &pt, EN, SHORT,
	 "Sat 18 morning"},
	{PT(17, 12, 0), PT(17, 18, 0) - 1, POD, 0, &pt, EN, SHORT,
	 "Fri 17 afternoon"},
	{PT(17, 20, 0), PT(18, 0, 0) - 1, POD, 0, &pt, EN, SHORT,
	 "Fri 17 night"},
	{PT(17, 19, 0), PT(17, 19, 0), POD, 0, &pt, EN, SHORT,
	 "Fri 17 evening"},
	/* ranges */
	{PT(18, 0, 0), PT(20, 0, 0) - 1, DAY, 0, &pt, EN, SHORT, "Nov 18-19"},
	{PT(18, 0, 0), PT(20, 0, 0) - 1, DAY, 0, &pt, EN, LONG,
	 "Sat Nov 18 – Sun Nov 19 2023"},
	{PT(18, 0, 0), PT(20, 0, 0) - 1, DAY, 0, &pt, ZH, SHORT, "11月18-19日"},
	{PT(18, 0, 0), PT(20, 0, 0) - 1, DAY, 1, &pt, ZH, LONG,
	 "≈ 2023年11月18日（周六） – 11月19日（周日）"},
	{PT(30, 0, 0), PT(32, 0, 0) - 1, DAY, 0, &pt, EN, SHORT,
	 "Nov 30-Dec 1"},
	{PT(30, 0, 0), PT(32, 0, 0) - 1, DAY, 0, &pt, ZH, SHORT,
	 "11月30日-12月1日"},
	{PT(17, 12, 0), PT(17, 14, 0), MIN, 0, &pt, EN, SHORT,
	 "Fri 17 12:00-14:00"},
	{PT(17, 23, 0), PT(18, 1, 0), MIN, 0, &pt, EN, LONG,
	 "Fri Nov 17 2023 23:00 – Sat Nov 18 2023 01:00"},
	{PT(18, 18, 0), PT(19, 12, 0) - 1, POD, 0, &pt, EN, SHORT, "Nov 18-19"},
	{PT(18, 18, 0), PT(19, 12, 0) - 1, POD, 0, &pt, ZH, LONG,
	 "2023年11月18日（周六）晚上 – 11月19日（周日）上午"},
	{NOV(1, 7, 0), PT(62, 0, 0) - 1, MON, 0, &pt, EN, SHORT,
	 "Nov-Dec 2023"},
	{NOV(1, 7, 0), PT(62, 0, 0) - 1, MON, 0, &pt, EN, LONG,
	 "November – December 2023"},
	{NOV(1, 7, 0), PT(62, 0, 0) - 1, MON, 0, &pt, ZH, SHORT,
	 "2023年11-12月"},
	{(br_instant)1546329600, PT(62, 0, 0) - 1, YEAR, 0, &pt, EN, SHORT,
	 "2019-2023"},
	{(br_instant)1546329600, PT(62, 0, 0) - 1, YEAR, 0, &pt, ZH, SHORT,
	 "2019-2023年"},
	/* another year than the context's: DATED, NARROW_DATED */
	{Y22(17, 12, 0), Y22(17, 12, 0), MIN, 0, &pt, EN, DATED,
	 "Thu Nov 17 2022 12:00"},
	{Y22(17, 12, 0), Y22(17, 12, 0), MIN, 0, &pt, ZH, DATED,
	 "2022年11月17日（四） 12:00"},
	{Y22(7, 0, 0), Y22(8, 0, 0) - 1, DAY, 0, &pt, EN, DATED,
	 "Mon Nov 7 2022"},
	{Y22(7, 0, 0), Y22(8, 0, 0) - 1, DAY, 1, &pt, ZH, DATED,
	 "≈ 2022年11月7日（一）"},
	{Y22(19, 18, 0), Y22(20, 0, 0) - 1, POD, 0, &pt, EN, DATED,
	 "Sat Nov 19 2022 evening"},
	{Y22(19, 18, 0), Y22(20, 0, 0) - 1, POD, 0, &pt, ZH, DATED,
	 "2022年11月19日（六） 晚上"},
	{Y22(17, 12, 0), Y22(17, 14, 0), MIN, 0, &pt, EN, DATED,
	 "Thu Nov 17 2022 12:00-14:00"},
	{Y22(18, 0, 0), Y22(20, 0, 0) - 1, DAY, 0, &pt, EN, DATED,
	 "Nov 18-19 2022"},
	{Y22(18, 0, 0), Y22(20, 0, 0) - 1, DAY, 0, &pt, ZH, DATED,
	 "2022年11月18-19日"},
	{Y22(30, 0, 0), Y22(32, 0, 0) - 1, DAY, 0, &pt, ZH, DATED,
	 "2022年11月30日-12月1日"},
	{Y22(30, 0, 0), Y22(32, 0, 0) - 1, DAY, 0, &pt, EN, DATED,
	 "Nov 30-Dec 1 2022"},
	{NOV2023, MON, 0, &pt, EN, DATED, "Nov 2023"},
	{Y2019, YEAR, 0, &pt, ZH, DATED, "2019年"},
	{Y22(17, 12, 0), Y22(17, 12, 0), MIN, 1, &pt, EN, NDATED,
	 "≈2022-11-17 12:00"},
	{Y22(17, 12, 0), Y22(17, 12, 0), MIN, 0, &pt, ZH, NDATED,
	 "2022-11-17 12:00"},
	{Y22(19, 18, 0), Y22(20, 0, 0) - 1, POD, 0, &pt, EN, NDATED,
	 "2022-11-19 evening"},
	{Y22(19, 18, 0), Y22(20, 0, 0) - 1, POD, 0, &pt, ZH, NDATED,
	 "2022-11-19 晚上"},
	{Y22(7, 0, 0), Y22(8, 0, 0) - 1, DAY, 1, &pt, ZH, NDATED,
	 "≈2022-11-07"},
	{Y22(18, 0, 0), Y22(20, 0, 0) - 1, DAY, 0, &pt, EN, NDATED,
	 "2022-11-18/19"},
	{Y22(30, 0, 0), Y22(32, 0, 0) - 1, DAY, 0, &pt, ZH, NDATED,
	 "2022-11-30/12-01"},
	{Y22(17, 12, 0), Y22(17, 14, 0), MIN, 0, &pt, EN, NDATED,
	 "2022-11-17 12:00-14:00"},
	{NOV2023, MON, 1, &pt, EN, NDATED, "≈Nov 2023"},
	/* a range over two years names both, in any style */
	{Y22(30, 0, 0), NOV(2, 7, 0) - 1, DAY, 0, &pt, EN, NDATED,
	 "Nov 30 2022-Nov 1 2023"},
};

static void test_format(void)
{
	char buf[128];
	size_t k, n;

	for (k = 0; k < BR_ARRAY_SIZE(fcases); k++) {
		const struct fcase *c = &fcases[k];

		n = br_when_format(buf, sizeof(buf), c->t_min, c->t_max,
				   c->prec, c->inferred, c->zone, c->lang,
				   c->style);
		is_str(buf, c->want, "format %s %s %s: %s",
		       br_precision_name(c->prec), br_lang_name(c->lang),
		       c->style == SHORT  ? "short"
		       : c->style == LONG ? "long"
					  : "iso",
		       c->want);
		if (n != strlen(buf))
			ok(0, "returned length %zu", n);
	}

	n = br_when_format(buf, 5, PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt,
			   EN, SHORT);
	ok(n == 4 && !strcmp(buf, "Fri "), "format truncates to the buffer");
	n = br_when_format(buf, 4, PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt,
			   ZH, SHORT);
	ok(n == 2 && !strcmp(buf, "17"),
	   "format never splits a UTF-8 character");
	strcpy(buf, "keep");
	n = br_when_format(buf, 0, PT(17, 12, 0), PT(17, 12, 0), MIN, 0, &pt,
			   EN, SHORT);
	ok(n == 0 && !strcmp(buf, "keep"), "len 0 writes nothing");
	n = br_when_format(buf, sizeof(buf), BR_INSTANT_MIN, BR_INSTANT_MAX,
			   DAY, 1, &pt, ZH, LONG);
	ok(n > 0 && n == strlen(buf), "extreme instants format safely");
}

static void test_iso_utc(void)
{
	char buf[32];

	is_str(iso(ORIGIN), "2023-11-17T20:03:00Z", "iso utc of origin");
	is_str(iso(0), "1970-01-01T00:00:00Z", "iso utc of 0");
	is_str(iso(-1), "1969-12-31T23:59:59Z", "iso utc of -1");
	is_str(iso(951782400), "2000-02-29T00:00:00Z", "iso utc leap day");
	ok(br_when_iso_utc(buf, 5, ORIGIN) == 4 && !strcmp(buf, "2023"),
	   "iso utc truncates");
}

/* br_when_iso_utc_parse reads back what br_when_iso_utc writes, and
 * nothing else. */
static void test_iso_utc_parse(void)
{
	static const br_instant back[] = {
		ORIGIN,	      0,	  -1,	      951782400,
		-62135596800, 4102444799, 1700000000, 253402300799};
	static const char *const bad[] = {
		"2023-11-17T20:03:00",	 "2023-11-17 20:03:00Z",
		"2023-02-29T00:00:00Z",	 "2023-13-01T00:00:00Z",
		"2023-00-10T00:00:00Z",	 "2023-11-17T24:00:00Z",
		"2023-11-17T20:60:00Z",	 "2023-11-17T20:03:60Z",
		"+202-11-17T20:03:00Z",	 "2023-11-1xT20:03:00Z",
		"2023-11-17T20:03:00Zx", ""};
	size_t i;
	int all = 1;

	for (i = 0; i < sizeof(back) / sizeof(back[0]); i++) {
		br_instant t = 12345;

		if (br_when_iso_utc_parse(iso(back[i]), &t) != 0 ||
		    t != back[i]) {
			diag("%s: %lld", iso(back[i]), (long long)t);
			all = 0;
		}
	}
	ok(all, "iso utc read back, from year 1 to 9999");
	all = 1;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		br_instant t;

		if (br_when_iso_utc_parse(bad[i], &t) == 0) {
			diag("'%s' was taken", bad[i]);
			all = 0;
		}
	}
	ok(all, "not an iso utc time: each of %zu refused",
	   sizeof(bad) / sizeof(bad[0]));
}

static void test_clock(void)
{
	char buf[32];
	static const struct {
		br_instant delta;
		const char *want;
	} clocks[] = {
		{23 * 3600 + 1800, "T+23:30"},
		{-2 * 3600, "T-2:00"},
		{0, "T+0:00"},
		{1799, "T+0:29"},
		{-180, "T-0:03"}, /* 12:00 against 12:03 */
		{-3600, "T-1:00"},
		{-3661, "T-1:01"},
		{106 * 3600, "T+106:00"},
		{199 * 3600 + 3599, "T+199:59"},
		{200 * 3600, "T+8d"},
		{-199 * 3600, "T-199:00"},
		{-200 * 3600, "T-8d"},
		{-1473LL * 86400, "T-1473d"},
	};
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(clocks); k++) {
		br_when_clock_prec(buf, sizeof(buf), ORIGIN + clocks[k].delta,
				   ORIGIN, BR_PREC_MINUTE);
		is_str(buf, clocks[k].want, "clock %lld s: %s",
		       (long long)clocks[k].delta, clocks[k].want);
	}
	br_when_clock(buf, sizeof(buf), ORIGIN - 180, ORIGIN);
	is_str(buf, "T-0h", "clock without a precision: whole hours, its sign");
	br_when_clock_prec(buf, sizeof(buf), ORIGIN - 180, ORIGIN,
			   BR_PREC_HOUR);
	is_str(buf, "T-0:03", "clock of an hour: still to the minute");
	br_when_clock_prec(buf, sizeof(buf), ORIGIN - 180, ORIGIN,
			   BR_PREC_PART_OF_DAY);
	is_str(buf, "T-0h", "clock of a part of day: whole hours, its sign");
	br_when_clock_prec(buf, sizeof(buf), ORIGIN + 8 * 3600 + 3500, ORIGIN,
			   BR_PREC_DAY);
	is_str(buf, "T+8h", "clock of a day: whole hours toward zero");
	ok(br_when_clock(buf, sizeof(buf), BR_INSTANT_MIN, BR_INSTANT_MAX) ==
		   strlen(buf),
	   "clock of extreme instants does not overflow");
}

static void short_styles(void)
{
	is_int(br_when_short_style(PT(7, 12, 0), ORIGIN, 2023, &pt),
	       BR_WHEN_SHORT, "a day in the context's month needs no month");
	is_int(br_when_short_style(NOV(1, 7, 0) - 1, ORIGIN, 2023, &pt),
	       BR_WHEN_MEDIUM, "a day in another month names it");
	is_int(br_when_short_style(Y22(17, 12, 0), ORIGIN, 2023, &pt),
	       BR_WHEN_DATED, "a day in another year names the year");
	is_int(br_when_short_style(Y22(17, 12, 0) + 365LL * 86400 * 2, ORIGIN,
				   2023, &pt),
	       BR_WHEN_DATED, "a later year too");
	/* The evening of Dec 31 2023 in PT is already 2024 in Beijing: the
	 * year is the one of the zone shown. */
	is_int(br_when_short_style(NOV(1, 7, 0) + 61 * 86400 - 3600 * 3, ORIGIN,
				   2023, &pt),
	       BR_WHEN_MEDIUM, "Dec 31 evening PT from Nov 17: MEDIUM in PT");
	is_int(br_when_short_style(NOV(1, 7, 0) + 61 * 86400 - 3600 * 3, ORIGIN,
				   2023, &bj),
	       BR_WHEN_DATED, "the same instant in Beijing is 2024: DATED");
	/* A dataset over several years: the window starts in 2022, its year
	 * (where a typed "Nov 7" lands) is 2023. The year is left out for
	 * 2023, named for 2022, even in the window's own month. */
	is_int(br_when_short_style(PT(7, 12, 0), Y22(17, 12, 0), 2023, &pt),
	       BR_WHEN_MEDIUM,
	       "dataset year 2023, window in 2022: Nov 7 2023 without a year");
	is_int(br_when_short_style(Y22(7, 12, 0), Y22(17, 12, 0), 2023, &pt),
	       BR_WHEN_DATED,
	       "dataset year 2023, window in 2022: Nov 7 2022 names it");
	is_int(br_when_year_style(BR_WHEN_MEDIUM, PT(7, 12, 0), 2023, &pt),
	       BR_WHEN_MEDIUM, "year style: the dataset's year keeps MEDIUM");
	is_int(br_when_year_style(BR_WHEN_MEDIUM, Y22(7, 12, 0), 2023, &pt),
	       BR_WHEN_DATED, "year style: another year makes MEDIUM DATED");
	is_int(br_when_year_style(BR_WHEN_MEDIUM, PT(7, 12, 0), 2022, &pt),
	       BR_WHEN_DATED, "year style: compared with the year given");
	is_int(br_when_year_style(BR_WHEN_SHORT, Y22(7, 12, 0), 2023, &pt),
	       BR_WHEN_DATED, "year style: SHORT too");
	is_int(br_when_year_style(BR_WHEN_NARROW, Y22(7, 12, 0), 2023, &pt),
	       BR_WHEN_NARROW_DATED, "year style: NARROW gives NARROW_DATED");
	is_int(br_when_year_style(BR_WHEN_LONG, Y22(7, 12, 0), 2023, &pt),
	       BR_WHEN_LONG, "year style: LONG names the year already");
	is_int(br_when_in_year(PT(7, 12, 0), 2023, &pt), 1, "in year: 2023");
	is_int(br_when_in_year(Y22(7, 12, 0), 2023, &pt), 0,
	       "in year: 2022 is not 2023");
	is_int(br_when_narrow_style(BR_WHEN_SHORT), BR_WHEN_NARROW,
	       "narrow of SHORT");
	is_int(br_when_narrow_style(BR_WHEN_DATED), BR_WHEN_NARROW_DATED,
	       "narrow of DATED");
	is_int(br_when_narrow_style(BR_WHEN_MEDIUM), BR_WHEN_MEDIUM,
	       "MEDIUM has no narrow form");
}

int main(void)
{
	char err[128];

	setenv("TZ", "UTC", 1);
	if (br_zone_set(&pt, "PT", err, sizeof(err)) ||
	    br_zone_set(&bj, "Beijing", err, sizeof(err)) ||
	    br_zone_set(&utc, "UTC", err, sizeof(err))) {
		diag("zones unavailable: %s", err);
		ok(0, "zone data installed");
		return tap_done();
	}
	test_precision();
	test_zone_set();
	test_zone_convert();
	test_parse();
	test_parse_other_contexts();
	test_parse_errors();
	test_parse_random();
	test_format();
	test_iso_utc();
	test_iso_utc_parse();
	test_clock();
	short_styles();
	return tap_done();
}
