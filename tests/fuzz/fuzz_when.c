/* fuzz_when: the date parser and the formatter on arbitrary text.
 *
 * Parses the input in a fixed context (Pacific time, the crisis origin),
 * formats what it names in every style and language, and tries the input
 * as a time zone name. Properties: no crash or undefined behaviour; a
 * parse that succeeds gives an interval with t_min <= at <= t_max; a
 * failure gives a one-line message; formatted text is NUL-terminated
 * UTF-8 within the buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "boardroom/when.h"

/* 2023-11-17 12:03 PT, the crisis origin. */
#define ORIGIN ((br_instant)1700251380)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *buf, size_t len, size_t n)
{
	if (n >= len || strlen(buf) != n || !br_text_valid(buf, n))
		abort();
}

static void format_all(const struct br_when *w, const struct br_zone *zone)
{
	static const enum br_when_style styles[] = {
		BR_WHEN_SHORT,	     BR_WHEN_MEDIUM, BR_WHEN_LONG,
		BR_WHEN_ISO,	     BR_WHEN_NARROW, BR_WHEN_DATED,
		BR_WHEN_NARROW_DATED};
	char buf[128], tiny[8];
	size_t s, n;
	int lang, inferred;

	for (s = 0; s < sizeof(styles) / sizeof(styles[0]); s++) {
		for (lang = 0; lang < 2; lang++) {
			for (inferred = 0; inferred < 2; inferred++) {
				n = br_when_format(
					buf, sizeof(buf), w->t_min, w->t_max,
					w->precision, inferred, zone,
					(enum br_lang)lang, styles[s]);
				check_text(buf, sizeof(buf), n);
				n = br_when_format(
					tiny, sizeof(tiny), w->t_min, w->t_max,
					w->precision, inferred, zone,
					(enum br_lang)lang, styles[s]);
				if (strlen(tiny) >= sizeof(tiny))
					abort();
				(void)n;
			}
		}
	}
	n = br_when_clock(buf, sizeof(buf), w->at, ORIGIN);
	check_text(buf, sizeof(buf), n);
	n = br_when_iso_utc(buf, sizeof(buf), w->t_min);
	check_text(buf, sizeof(buf), n);
	(void)br_when_short_style(w->at, ORIGIN, 2023, zone);
	(void)br_when_year_style(BR_WHEN_NARROW, w->at, 2023, zone);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct br_zone pt, utc;
	static int ready;
	struct br_zone zone;
	struct br_when w;
	struct br_when_ctx ctx;
	char err[256], *text;

	if (!ready) {
		if (br_zone_set(&pt, "PT", err, sizeof(err)) < 0 ||
		    br_zone_set(&utc, "UTC", err, sizeof(err)) < 0)
			abort();
		ready = 1;
	}
	if (size > 4096)
		return 0;
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	ctx.zone = &pt;
	ctx.now = ORIGIN;
	ctx.origin = ORIGIN;
	ctx.default_year = 2023;
	err[0] = '\0';
	if (br_when_parse(text, &ctx, &w, err, sizeof(err)) == 0) {
		if (w.t_min > w.t_max || w.at < w.t_min || w.at > w.t_max)
			abort();
		format_all(&w, &pt);
		format_all(&w, &utc);
	} else if (!err[0] || strchr(err, '\n') ||
		   !br_text_valid(err, strlen(err))) {
		abort();
	}

	memset(&zone, 0, sizeof(zone));
	err[0] = '\0';
	if (br_zone_set(&zone, text, err, sizeof(err)) == 0) {
		struct br_when now = {ORIGIN, ORIGIN, ORIGIN, BR_PREC_MINUTE};

		if (!memchr(zone.name, '\0', sizeof(zone.name)) ||
		    !memchr(zone.label, '\0', sizeof(zone.label)))
			abort();
		format_all(&now, &zone);
		ctx.zone = &zone;
		if (br_when_parse("Nov 19 evening", &ctx, &w, err,
				  sizeof(err)) != 0)
			abort();
	} else if (!err[0] || strchr(err, '\n') ||
		   !br_text_valid(err, strlen(err))) {
		abort();
	}
	free(text);
	return 0;
}
