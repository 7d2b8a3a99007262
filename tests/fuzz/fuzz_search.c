/* fuzz_search: what a person types into a search must never become an SQL
 * or FTS5 syntax error. The input (NUL-terminated, cut to the 255 bytes
 * the command line takes) is compiled once into the filter's search over
 * the bundled dataset; counting and paging must
 * both succeed, alone and under every other part of the filter (the
 * longest queries). The compiled search is checked too: its MATCH
 * expression is NUL-terminated inside its buffer, and highlighting runs
 * over the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/search.h"
#include "boardroom/split.h"
#include "boardroom/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct br_db *db;

static void fail(const char *what, const char *search)
{
	fprintf(stderr, "%s failed for search '%s': %s\n", what, search,
		br_db_errmsg(db));
	abort();
}

/* Every part of the filter in force: eight people (all of them), two
 * kinds, a faction and a time range. */
static void heavy(struct br_filter *f)
{
	static const char *const slugs[] = {
		"altman",   "openai",	 "board",     "sutskever",
		"brockman", "microsoft", "employees", "murati",
	};
	size_t i;

	for (i = 0; i < sizeof(slugs) / sizeof(slugs[0]); i++) {
		char err[256];

		if (br_people_resolve(db, slugs[i], &f->people[i], err,
				      sizeof(err)) < 0) {
			fprintf(stderr, "%s\n", err);
			abort();
		}
	}
	f->n_people = i;
	f->people_all = 1;
	f->kinds = BR_KIND_MAIN | BR_KIND_ASIDE;
	f->faction = br_faction_find(db, "safety");
	f->from = 1600000000;
	f->to = 1800000000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct br_key key = {1700251380, 1};
	uint32_t counts[48];
	struct br_filter f;
	struct br_page page = {0};
	struct br_search s;
	char text[256];
	size_t n, len, i;
	int64_t count;
	int rows;

	if (!db) {
		char err[256];

		db = br_db_open_bundled(err, sizeof(err));
		if (!db) {
			fprintf(stderr, "%s\n", err);
			abort();
		}
	}
	br_filter_init(&f);
	n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
	memcpy(text, data, n);
	text[n] = '\0';

	br_search_compile(&s, text);
	if (!memchr(s.match, '\0', sizeof(s.match)))
		abort();
	(void)br_search_find(&s, text, 0, &len);
	/* A term checked in the texts is lower-cased already (lowering it
	 * again changes nothing) and has its trigrams in the MATCH. */
	for (i = 0; i < s.n_verify; i++) {
		size_t vl = strlen(s.verify[i]);
		char *again = malloc(2 * vl + 1);

		if (!again || !s.match[0] ||
		    br_text_lower(s.verify[i], vl, again) != vl ||
		    memcmp(again, s.verify[i], vl))
			abort();
		free(again);
	}
	f.search = text[0] ? &s : NULL; /* as the command line sets it */

	count = br_events_count(db, &f);
	if (count < 0)
		fail("br_events_count", text);
	rows = br_events_page(db, &f, NULL, BR_AFTER, 20, &page);
	if (rows < 0)
		fail("br_events_page", text);
	if ((int64_t)rows > count)
		abort();
	/* The same search under every other part of the filter at once: the
	 * longest queries the explorer can make. */
	heavy(&f);
	if (br_events_count(db, &f) < 0)
		fail("br_events_count (all filters)", text);
	if (br_events_page(db, &f, &key, BR_AFTER, 20, &page) < 0 ||
	    br_events_page(db, &f, &key, BR_BEFORE, 20, &page) < 0)
		fail("br_events_page (all filters)", text);
	if (br_events_rank(db, &f, &key) < 0)
		fail("br_events_rank (all filters)", text);
	if (br_events_nearest(db, &f, key.ts, key.ts + 3600, &key) < 0)
		fail("br_events_nearest (all filters)", text);
	if (br_events_density(db, &f, key.ts - 86400, 3600, 48, counts) < 0)
		fail("br_events_density (all filters)", text);
	f.people_all = 0;
	if (br_events_page(db, &f, &key, BR_AFTER, 20, &page) < 0)
		fail("br_events_page (any of the people)", text);
	br_page_free(&page);
	br_search_free(&s);
	return 0;
}
