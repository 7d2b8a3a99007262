/* br_scan on a generated timeline of 20,000 events (5,000 under a
 * wrapper such as valgrind: the same page boundaries and filters, a
 * quarter of the rows to check): under each filter,
 * after a key and with limits across the page size, it gives the rows
 * paging with br_events_page and asking br_event_detail for each event
 * gives (what the exports did before), field by field; and it reads one
 * snapshot, whatever another connection commits meanwhile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench/gen.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/scan.h"
#include "tap.h"

static struct br_db *db;
static int64_t n_events = 20000;

/* The first difference between a scan's row and the old way's, or NULL. */
static const char *differs(const struct br_detail *a, const struct br_event *p,
			   const struct br_detail *d)
{
	const struct br_event *e = &a->ev;
	size_t i;
	int l;

	if (e->id != p->id || e->ts != p->ts || e->t_min != p->t_min ||
	    e->t_max != p->t_max || e->kind != p->kind ||
	    e->precision != p->precision || e->inferred != p->inferred)
		return "the event";
	if (strcmp(e->marker, p->marker) || strcmp(e->time_text, p->time_text))
		return "marker or time_text";
	for (l = 0; l < 2; l++) {
		if (strcmp(e->title[l], p->title[l]) ||
		    strcmp(e->summary[l], p->summary[l]))
			return "title or summary";
		if (strcmp(e->people[l], p->people[l]))
			return "the names";
	}
	if (e->n_notes != p->n_notes)
		return "the count of notes";
	if (a->n_people != d->n_people || a->n_notes != d->n_notes)
		return "how many participants or notes";
	for (i = 0; i < a->n_people; i++) {
		if (strcmp(a->people[i].slug, d->people[i].slug) ||
		    strcmp(a->people[i].role, d->people[i].role) ||
		    strcmp(a->people[i].name[0], d->people[i].name[0]) ||
		    strcmp(a->people[i].name[1], d->people[i].name[1]))
			return "a participant";
	}
	for (i = 0; i < a->n_notes; i++) {
		if (strcmp(a->notes[i].kind, d->notes[i].kind) ||
		    strcmp(a->notes[i].text[0], d->notes[i].text[0]) ||
		    strcmp(a->notes[i].text[1], d->notes[i].text[1]))
			return "a note";
	}
	return NULL;
}

/* The scan under f after key, at most limit rows, against pages of 256
 * and a detail for each event; returns the rows, -1 if they differ. */
static int64_t compare(const struct br_filter *f, const struct br_key *key,
		       int64_t limit, const char *what)
{
	struct br_scan *s = br_scan_open(db, f, key, limit);
	struct br_page page = {0};
	struct br_detail d = {0};
	const struct br_detail *row;
	struct br_key k = key ? *key : (struct br_key){0, 0};
	const struct br_key *from = key;
	int64_t n = 0, left = limit;
	const char *bad = NULL;
	size_t i;
	int rc = 1;

	while (!bad && (left < 0 || left > 0)) {
		size_t want = left >= 0 && left < 256 ? (size_t)left : 256;
		int got = br_events_page(db, f, from, BR_AFTER, want, &page);

		for (i = 0; !bad && i < page.n; i++, n++) {
			rc = br_scan_next(s, &row);
			if (rc != 1)
				bad = "the scan ends early";
			else if (br_event_detail(db, page.rows[i].id, &d) != 1)
				bad = "br_event_detail";
			else
				bad = differs(row, &page.rows[i], &d);
		}
		if (got < (int)want || !page.n)
			break;
		k = (struct br_key){page.rows[got - 1].ts,
				    page.rows[got - 1].id};
		from = &k;
		if (left > 0)
			left -= got;
	}
	if (!bad && br_scan_next(s, &row) != 0)
		bad = "the scan gives more rows";
	ok(!bad, "%s: %lld rows, the same as a page and a detail each", what,
	   (long long)n);
	if (bad)
		diag("after %lld rows: %s", (long long)n, bad);
	br_scan_close(s);
	br_detail_free(&d);
	br_page_free(&page);
	return bad ? -1 : n;
}

static struct br_search compiled;

/* The ruler's counts read a slice at a time (seven events a slice) are
 * the ones read in one go, over a span that starts and ends inside the
 * timeline. */
static void density_slices(const struct br_filter *f, const char *what)
{
	enum { N = 40 };
	uint32_t whole[N], sliced[N] = {0};
	br_instant first, last, start, width;
	struct br_key from = {0};
	int started = 0, same;
	int64_t got, total = 0;

	br_events_span(db, &first, &last);
	start = first + (last - first) / 5;
	width = (last - first) / 2 / N;
	br_events_density(db, f, start, width, N, whole);
	while ((got = br_events_density_slice(db, f, start, width, N, sliced,
					      &from, &started, 7)) > 0)
		total += got;
	same = got == 0 && !memcmp(whole, sliced, sizeof(whole));
	ok(same && total > 0, "%s: the ruler's counts in slices (%lld events)",
	   what, (long long)total);
}

static void search_for(struct br_filter *f, const char *text)
{
	br_search_free(&compiled);
	br_search_compile(&compiled, text);
	f->search = &compiled;
}

/* While a scan is open, another connection changes every title and
 * tries to commit: the scan's rows keep the titles they had. */
static void snapshot(const char *path)
{
	struct br_filter f;
	struct br_scan *s;
	const struct br_detail *row;
	sqlite3 *w = NULL;
	int64_t n = 0, changed = 0;
	int rc;

	br_filter_init(&f);
	s = br_scan_open(db, &f, NULL, -1);
	ok(br_scan_next(s, &row) == 1, "a scan gives its first row");
	n++;
	sqlite3_open_v2(path, &w, SQLITE_OPEN_READWRITE, NULL);
	rc = sqlite3_exec(w, "UPDATE event SET title_en = 'changed'", NULL,
			  NULL, NULL);
	diag("the other connection's update: %s", sqlite3_errstr(rc));
	while (br_scan_next(s, &row) == 1) {
		n++;
		changed += !strcmp(row->ev.title[BR_LANG_EN], "changed");
	}
	ok(n == n_events && !changed,
	   "the scan reads one snapshot: %lld rows, %lld changed under it",
	   (long long)n, (long long)changed);
	br_scan_close(s);
	sqlite3_close(w);
}

int main(void)
{
	char dir[] = "/tmp/br-scan-XXXXXX", path[128], err[256];
	struct br_gen_opts o = {0};
	struct br_filter f;
	struct br_page page = {0};
	struct br_key mid;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	if (getenv("BOARDROOM_WRAP")) {
		n_events = 5000;
		diag("under a wrapper (%s): a sample of %lld events, not "
		     "20,000",
		     getenv("BOARDROOM_WRAP"), (long long)n_events);
	}
	o.events = n_events;
	o.people = 2000;
	o.seed = 7;
	o.path = path;
	if (!ok(br_gen(&o, err, sizeof(err)) == 0, "a %lld-event timeline",
		(long long)n_events)) {
		diag("%s", err);
		return tap_done();
	}
	db = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	if (!ok(db != NULL, "it opens")) {
		diag("%s", err);
		return tap_done();
	}

	br_filter_init(&f);
	ok(compare(&f, NULL, -1, "every event") == n_events, "all %lld",
	   (long long)n_events);
	compare(&f, NULL, 0, "limit 0");
	compare(&f, NULL, 1, "limit 1");
	compare(&f, NULL, 255, "limit 255");
	compare(&f, NULL, 256, "limit 256");
	compare(&f, NULL, 257, "limit 257");
	compare(&f, NULL, 1000, "limit 1000");
	br_events_page(db, &f, NULL, BR_AFTER, (size_t)n_events / 2 + 1, &page);
	mid = (struct br_key){page.rows[n_events / 2].ts,
			      page.rows[n_events / 2].id};
	compare(&f, &mid, -1, "after the middle");
	compare(&f, &mid, 300, "after the middle, limit 300");
	f.kinds = BR_KIND_MAIN;
	compare(&f, NULL, -1, "one kind");
	br_filter_init(&f);
	f.people[0] = 1;
	f.n_people = 1;
	compare(&f, NULL, -1, "one person");
	f.people[1] = 2;
	f.n_people = 2;
	compare(&f, NULL, -1, "two people, either");
	f.people_all = 1;
	compare(&f, NULL, -1, "two people, both");
	br_filter_init(&f);
	f.faction = 1;
	compare(&f, NULL, -1, "a faction");
	f.kinds = BR_KIND_MAIN;
	density_slices(&f, "a faction and a kind");
	br_filter_init(&f);
	f.from = 1500000000;
	f.to = 1600000000;
	compare(&f, &mid, -1, "a time range, after a key");
	br_filter_init(&f);
	search_for(&f, "Weber");
	compare(&f, NULL, -1, "a search");
	compare(&f, &mid, 100, "a search after a key, limit 100");
	search_for(&f, "董");
	compare(&f, NULL, -1, "a one-character Chinese search");
	density_slices(&f, "a one-character Chinese search");
	search_for(&f, "Weber");
	density_slices(&f, "a search that reads each event");
	br_page_free(&page);

	snapshot(path);
	br_search_free(&compiled);
	br_db_close(db);
	unlink(path);
	snprintf(err, sizeof(err), "%s-search", path);
	unlink(err);
	rmdir(dir);
	return tap_done();
}
