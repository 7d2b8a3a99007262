/* when_zone: time zones. The C library only knows one zone at a time,
 * the one in TZ (see when.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "boardroom/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/when_private.h"

/* ---------------------------------------------------------------------
 * Time zones
 *
 * The C library only knows one zone at a time, the one in TZ. Switching
 * costs a tzset(), which reads the zone file, so the TZ value last applied
 * is cached and a call in the same zone changes nothing.
 */

#define ZONE_LA		 "America/Los_Angeles"
#define ZONE_SH		 "Asia/Shanghai"
#define ZONE_DEFAULT_DIR "/usr/share/zoneinfo"

static int local_saved; /* local_tz holds the TZ of the process's start */
static char *local_tz;	/* NULL if TZ was unset */
static int tz_applied;	/* tz_value holds the TZ we last set */
static char *tz_value;	/* NULL: we unset TZ */

static int same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

/* "The local zone" is TZ as it was before boardroom first touched it. */
static void save_local(void)
{
	const char *tz;

	if (local_saved)
		return;
	tz = getenv("TZ");
	local_tz = tz ? br_xstrdup(tz) : NULL;
	local_saved = 1;
}

/* Sets TZ to want (NULL: unset) and re-reads it, unless it is already so.
 * getenv is compared too, in case someone else changed TZ behind us. */
static void use_tz(const char *want)
{
	if (tz_applied && same_str(want, tz_value) &&
	    same_str(want, getenv("TZ")))
		return;
	if (want)
		setenv("TZ", want, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz_value);
	tz_value = want ? br_xstrdup(want) : NULL;
	tz_applied = 1;
}

/* An IANA name that is safe to put under the zoneinfo directory: no "..",
 * not absolute, only the characters zone names use. */
static int zone_name_ok(const char *name)
{
	size_t k, n = strlen(name);

	if (!n || n >= sizeof(((struct br_zone *)0)->name) || name[0] == '/' ||
	    strstr(name, ".."))
		return 0;
	for (k = 0; k < n; k++) {
		char c = name[k];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || strchr("/_+-", c)))
			return 0;
	}
	return 1;
}

static void apply_zone(const struct br_zone *zone)
{
	char tz[80];

	save_local();
	if (!zone || !zone->name[0]) {
		use_tz(local_tz);
		return;
	}
	/* UTC needs no zone file; a name not made by br_zone_set that is
	 * unsafe to look up is read as UTC rather than passed on. */
	if (!memchr(zone->name, '\0', sizeof(zone->name)) ||
	    !strcmp(zone->name, "UTC") || !zone_name_ok(zone->name)) {
		use_tz("UTC0");
		return;
	}
	snprintf(tz, sizeof(tz), ":%s", zone->name);
	use_tz(tz);
}

void br_zone_local(const struct br_zone *zone, br_instant t, struct tm *out,
		   long *gmtoff)
{
	time_t tt;

	t = cal_clamp_show(t);
	apply_zone(zone);
	tt = (time_t)t;
	if ((br_instant)tt != t || !localtime_r(&tt, out))
		cal_utc_tm(t, out);
	if (gmtoff)
		*gmtoff = (long)(cal_wall_seconds(out) - t);
}

br_instant br_zone_instant(const struct br_zone *zone, const struct tm *tm)
{
	struct tm copy = *tm;

	apply_zone(zone);
	copy.tm_isdst = -1;
	return (br_instant)mktime(&copy);
}

static int zone_fail(char *err, size_t errlen, const char *what,
		     const char *spec)
{
	char quoted[256], msg[512];

	utf8_quote(quoted, sizeof(quoted), spec, strlen(spec));
	snprintf(msg, sizeof(msg), "%s: '%s'", what, quoted);
	if (err && errlen)
		br_strlcpy(err, msg, errlen);
	return -1;
}

/* Whether name is a compiled zone file under $TZDIR or the default
 * directory: it must exist and start with the "TZif" magic, which also
 * rules out directories and the tables (zone.tab...) kept beside them. */
static int zone_file_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	FILE *f;
	int ok;

	if (!dir || !*dir)
		dir = ZONE_DEFAULT_DIR;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return 0;
	ok = fread(magic, 1, 4, f) == 4 && !memcmp(magic, "TZif", 4);
	fclose(f);
	return ok;
}

static const struct zone_alias {
	const char *spec, *name;
} zone_aliases[] = {
	/* clang-format off */
	{"pt", ZONE_LA},      {"pst", ZONE_LA},
	{"pdt", ZONE_LA},     {"pacific", ZONE_LA},
	{"beijing", ZONE_SH}, {"bjt", ZONE_SH},
	{"china", ZONE_SH},   {"北京", ZONE_SH},
	{"utc", "UTC"},       {"z", "UTC"},
	{"gmt", "UTC"},       {"local", ""},
	{"", ""},
	/* clang-format on */
};

/* Abbreviations that name several zones: GNU date reads CST as US
 * Central, a reader in China as Beijing. Refused, with the names to say. */
static const struct zone_ambiguous {
	const char *spec, *zones, *say;
} zone_ambiguous[] = {
	{"cst", "US Central, China or Cuba",
	 "America/Chicago, Beijing or America/Havana"},
	{"cdt", "US Central or Cuba", "America/Chicago or America/Havana"},
	{"ist", "India, Israel or Ireland",
	 "Asia/Kolkata, Asia/Jerusalem or Europe/Dublin"},
	{"bst", "British Summer or Bangladesh", "Europe/London or Asia/Dhaka"},
	{"ast", "Atlantic or Arabia", "America/Halifax or Asia/Riyadh"},
};

static void zone_label(const char *name, char *label, size_t n)
{
	const char *slash = strrchr(name, '/');

	if (!*name)
		br_strlcpy(label, "local", n);
	else if (!strcmp(name, ZONE_LA) || !strcmp(name, "US/Pacific"))
		br_strlcpy(label, "PT", n);
	else if (!strcmp(name, ZONE_SH) || !strcmp(name, "PRC"))
		br_strlcpy(label, "Beijing", n);
	else if (!strcmp(name, "UTC") || !strcmp(name, "Etc/UTC"))
		br_strlcpy(label, "UTC", n);
	else
		br_strlcpy(label, slash ? slash + 1 : name, n);
}

static const char *zone_alias(const char *spec)
{
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(zone_aliases); k++)
		if (!strcasecmp(spec, zone_aliases[k].spec))
			return zone_aliases[k].name;
	return NULL;
}

int br_zone_set(struct br_zone *zone, const char *spec, char *err,
		size_t errlen)
{
	const char *name;

	if (!spec)
		spec = "";
	for (size_t k = 0; k < BR_ARRAY_SIZE(zone_ambiguous); k++) {
		const struct zone_ambiguous *a = &zone_ambiguous[k];

		if (strcasecmp(spec, a->spec))
			continue;
		if (err && errlen)
			snprintf(err, errlen,
				 "ambiguous time zone '%s' (%s): say %s", spec,
				 a->zones, a->say);
		return -1;
	}
	name = zone_alias(spec);
	if (!name) {
		if (!zone_name_ok(spec))
			return zone_fail(err, errlen, "not a time zone name",
					 spec);
		name = spec;
	}
	/* UTC and the local zone need no file; any other must exist, or
	 * the C library would silently fall back to UTC. */
	if (*name && strcmp(name, "UTC") && !zone_file_exists(name))
		return zone_fail(err, errlen,
				 "unknown time zone (no such zone file)", spec);
	br_strlcpy(zone->name, name, sizeof(zone->name));
	zone_label(name, zone->label, sizeof(zone->label));
	return 0;
}

const char *br_zone_label(const struct br_zone *zone, int lang, int brief)
{
	static const struct {
		const char *label, *zh, *zh_brief;
	} names[] = {
		{"PT", "太平洋时间", "太平洋"},
		{"Beijing", "北京时间", "北京"},
		{"UTC", "UTC", "UTC"},
		{"local", "本地时间", "本地"},
	};
	size_t i;

	if (lang != BR_LANG_ZH)
		return zone->label;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(zone->label, names[i].label))
			return brief ? names[i].zh_brief : names[i].zh;
	return zone->label;
}
