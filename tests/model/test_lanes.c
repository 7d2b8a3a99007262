/* test_lanes: the lanes of the bundled dataset against the split at the
 * instants they cover (each actor's side, the CEO, the board's seats),
 * and the stretches the article shows: Sutskever's change of stance,
 * the hours with no CEO. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/lanes.h"
#include "boardroom/people.h"
#include "boardroom/split.h"
#include "sql.h"
#include "tap.h"

static struct br_db *db;
static br_instant w0, w1; /* the crisis window */

static int64_t person(const char *slug)
{
	return sql_int(db, "SELECT id FROM person WHERE slug = ?1", slug);
}

static int64_t event_ts(const char *marker)
{
	return sql_int(db, "SELECT ts FROM event WHERE marker = ?1", marker);
}

static int query(struct br_lanes *l, enum br_lanes_axis axis,
		 const struct br_filter *f, int width, int offices)
{
	struct br_lanes_ask ask = {w0, w1, width, axis, f, 0, 0, offices};

	return br_lanes_query(db, &ask, l);
}

static const struct br_lane *lane_of(const struct br_lanes *l, int64_t id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->lanes[i].kind == BR_LANE_ACTOR &&
		    l->lanes[i].person == id)
			return &l->lanes[i];
	return NULL;
}

/* Every actor's lane, at instants through the window, says what the
 * split says of them there: placed or not, and on which side. */
static void against_split(enum br_lanes_axis axis)
{
	struct br_lanes l = {0};
	size_t i, bad = 0, checks = 0;
	int k;

	if (!ok(query(&l, axis, NULL, 106, 0) == 0, "lanes of everyone"))
		return;
	ok(l.total == (size_t)sql_int(db,
				      "SELECT count(*) FROM person_stat"
				      " WHERE placed_from < CAST((SELECT value"
				      " FROM meta WHERE key = 'window_end')"
				      " AS INTEGER) + 43200",
				      NULL),
	   "a cast of %zu: everyone placed by the range's end", l.total);
	ok(l.n == l.total, "every actor has a lane when no limit is asked");
	for (i = 0; i < l.n; i++) {
		const struct br_lane *lane = &l.lanes[i];

		for (k = 0; k < 212; k++) {
			br_instant t = w0 + (w1 - w0) * k / 212 + 7;
			const struct br_lane_span *s = br_lane_span_at(lane, t);
			struct br_place p;
			const char *want, *got;

			if (br_place_at(db, lane->person, t, &p) != 1)
				continue;
			checks++;
			want = axis == BR_LANES_LINE ? p.line_slug
						     : p.stance_slug;
			got = s ? l.sides[s->side].slug : NULL;
			if (!p.placed ? s != NULL : !s || strcmp(got, want)) {
				if (bad++ < 5)
					diag("%s at %lld: lane %s, split %s",
					     lane->slug, (long long)t,
					     got ? got : "(none)",
					     p.placed ? want : "(not placed)");
			}
		}
	}
	ok(checks > 1000 && bad == 0,
	   "%s lanes agree with the split at %zu instants (%zu differ)",
	   axis == BR_LANES_LINE ? "line" : "stance", checks, bad);
	br_lanes_free(&l);
}

static void sutskever(void)
{
	struct br_filter f;
	struct br_lanes l = {0};
	const struct br_lane *lane;
	br_instant t01 = event_ts("主線#01"), t14 = event_ts("主線#14");
	size_t i;
	int with_then_neither = 0;

	br_filter_init(&f);
	f.people[f.n_people++] = person("sutskever");
	if (!ok(query(&l, BR_LANES_STANCE, &f, 80, 0) == 0 && l.n == 1,
		"the person filter gives one lane"))
		return;
	lane = lane_of(&l, person("sutskever"));
	for (i = 0; lane && i + 1 < lane->n_spans; i++)
		if (!strcmp(l.sides[lane->spans[i].side].slug, "with-board") &&
		    lane->spans[i].from <= (t01 > w0 ? t01 : w0) &&
		    lane->spans[i].to == t14 &&
		    lane->spans[i + 1].from == t14 &&
		    strcmp(l.sides[lane->spans[i + 1].side].slug, "with-board"))
			with_then_neither = 1;
	ok(with_then_neither,
	   "Sutskever is with the board from 主線#01 until 主線#14, then not");
	br_lanes_query(
		db,
		&(struct br_lanes_ask){w0, w1, 80, BR_LANES_LINE, &f, 0, 0, 0},
		&l);
	lane = lane_of(&l, person("sutskever"));
	ok(lane && lane->n_spans == 1 &&
		   !strcmp(l.sides[lane->spans[0].side].slug, "safety") &&
		   lane->spans[0].from == w0 && lane->spans[0].to == w1,
	   "his line is safety over the whole window");
	br_lanes_free(&l);
}

/* The CEO lane: Altman, a gap, Murati, Shear, Altman; the split agrees
 * at every hour. The board's seats as the split counts them. */
static void offices(void)
{
	struct br_lanes l = {0};
	const struct br_lane *chief, *board;
	char seq[256] = "";
	size_t i, n = 0, bad = 0, bad_seats = 0;
	br_instant gap = 0, t;

	if (!ok(query(&l, BR_LANES_LINE, NULL, 106, 1) == 0 && l.n_offices == 2,
		"the CEO's and the board's lanes come first"))
		return;
	chief = &l.lanes[0];
	board = &l.lanes[1];
	ok(chief->kind == BR_LANE_CHIEF && board->kind == BR_LANE_BOARD,
	   "in that order");
	for (i = 0; i < chief->n_spans; i++)
		n += (size_t)snprintf(seq + n, sizeof(seq) - n, "%s%s",
				      i ? "," : "", chief->spans[i].name[0]);
	ok(!strcmp(seq, "Sam Altman,Mira Murati,Emmett Shear,Sam Altman"),
	   "CEOs in turn: %s", seq);
	if (chief->n_spans > 1 && chief->spans[1].from > chief->spans[0].to)
		gap = chief->spans[0].to;
	ok(gap == event_ts("主線#02") || gap > 0,
	   "a gap with no CEO after Altman's first stretch");
	if (gap) {
		struct br_split s = {0};

		br_split_at(db, gap, 0, &s);
		ok(s.n_chiefs == 0 && !br_lane_span_at(chief, gap),
		   "the split has no CEO in the gap either");
		br_split_free(&s);
	}
	for (t = w0; t < w1; t += 1800) {
		struct br_split s = {0};
		const struct br_lane_span *sp = br_lane_span_at(chief, t);
		const struct br_lane_span *bs = br_lane_span_at(board, t);

		br_split_at(db, t, 0, &s);
		if (s.n_chiefs ? !sp || sp->person != s.chiefs[0].id
			       : sp != NULL)
			bad++;
		if ((bs ? bs->seats : 0) != s.board_seats) {
			if (bad_seats++ < 3)
				diag("seats at %lld: lane %lld, split %lld",
				     (long long)t,
				     (long long)(bs ? bs->seats : 0),
				     (long long)s.board_seats);
		}
		br_split_free(&s);
	}
	ok(bad == 0, "the CEO lane agrees with the split every half hour");
	ok(bad_seats == 0, "the board's seats agree with the split");
	br_lanes_free(&l);
}

/* Marks: one per column at most, each an event of the actor in it. */
static void marks(void)
{
	struct br_filter f;
	struct br_lanes l = {0};
	const struct br_lane *lane;
	int64_t altman = person("altman"), n_marks = 0, bad = 0;
	int col, width;

	br_filter_init(&f);
	f.people[f.n_people++] = altman;
	for (width = 1; width <= 200; width *= 5) {
		query(&l, BR_LANES_LINE, &f, width, 0);
		lane = lane_of(&l, altman);
		if (!lane)
			break;
		n_marks = 0;
		for (col = 0; col < width; col++) {
			const struct br_lane_mark *m = &lane->marks[col];
			char id[32];

			if (!m->id)
				continue;
			n_marks++;
			snprintf(id, sizeof(id), "%lld", (long long)m->id);
			if (br_lanes_col(&l, m->ts) != col ||
			    sql_int(db,
				    "SELECT count(*) FROM participant WHERE"
				    " person_id = 1 AND event_id = ?1",
				    id) != 1)
				bad++;
		}
		if ((size_t)n_marks != lane->n_marks || n_marks > width)
			bad++;
	}
	ok(lane && bad == 0 && n_marks > 10,
	   "Altman's marks: at most one a column, each his event (%lld at "
	   "width 125)",
	   (long long)n_marks);
	f.kinds = BR_KIND_ASIDE;
	query(&l, BR_LANES_LINE, &f, 200, 0);
	lane = lane_of(&l, altman);
	bad = 0;
	for (col = 0; lane && col < 200; col++) {
		char id[32];

		if (!lane->marks[col].id)
			continue;
		snprintf(id, sizeof(id), "%lld",
			 (long long)lane->marks[col].id);
		if (sql_int(db,
			    "SELECT kind = 'aside' FROM event WHERE id = ?1",
			    id) != 1)
			bad++;
	}
	ok(lane && bad == 0 && lane->n_marks < (size_t)n_marks,
	   "under the kind filter only asides are marked");
	br_lanes_free(&l);
}

static void filters(void)
{
	struct br_filter f;
	struct br_lanes l = {0};
	size_t i, bad = 0;

	br_filter_init(&f);
	f.faction = br_faction_find(db, "for-return");
	query(&l, BR_LANES_STANCE, &f, 50, 0);
	for (i = 0; i < l.n; i++) {
		size_t k;
		int on = 0;

		for (k = 0; k < l.lanes[i].n_spans; k++)
			on |= !strcmp(l.sides[l.lanes[i].spans[k].side].slug,
				      "for-return");
		bad += !on;
	}
	ok(l.n > 2 && l.n < 19 && bad == 0 &&
		   lane_of(&l, person("sutskever")) != NULL,
	   "the faction filter: only those who stood on it (%zu lanes)", l.n);
	br_lanes_free(&l);
	br_filter_init(&f);
	query(&l, BR_LANES_LINE, NULL, 50, 0);
	{
		size_t total = l.total;
		struct br_lanes_ask ask = {w0,	 w1, 50, BR_LANES_LINE,
					   NULL, 2,  3,	 0};
		struct br_lanes page = {0};

		br_lanes_query(db, &ask, &page);
		ok(page.n == 3 && page.total == total &&
			   page.lanes[0].person == l.lanes[2].person &&
			   page.lanes[2].person == l.lanes[4].person,
		   "a page of the cast is the same lanes, with the same total");
		br_lanes_free(&page);
	}
	{
		struct br_lanes_ask ask = {w1,	 w0, 50, BR_LANES_LINE,
					   NULL, 0,  0,	 0};

		ok(br_lanes_query(db, &ask, &l) < 0,
		   "an empty range is refused");
	}
	br_lanes_free(&l);
}

static void short_names(void)
{
	static const struct {
		const char *name;
		int cols;
		const char *want;
	} cases[] = {
		{"Ilya Sutskever", 14, "Ilya Sutskever"},
		{"Ilya Sutskever", 12, "I. Sutskever"},
		{"Ilya Sutskever", 10, "Sutskever"},
		{"Ilya Sutskever", 6, "Sutsk…"},
		{"伊利亚·苏茨克维", 10, "苏茨克维"},
		{"Three senior researchers", 12, "Three senio…"},
		{"Adam D'Angelo", 12, "A. D'Angelo"},
	};
	size_t i;
	int bad = 0;

	for (i = 0; i < BR_ARRAY_SIZE(cases); i++) {
		char buf[64];

		br_lanes_short_name(cases[i].name, cases[i].cols, buf,
				    sizeof(buf));
		if (strcmp(buf, cases[i].want)) {
			diag("%s in %d: %s, not %s", cases[i].name,
			     cases[i].cols, buf, cases[i].want);
			bad++;
		}
	}
	ok(!bad, "names shorten by whole words and initials");
}

int main(void)
{
	char err[512];

	setenv("TZ", "UTC", 1);
	db = br_db_open_bundled(err, sizeof(err));
	if (!ok(db != NULL, "the bundled dataset loads")) {
		diag("%s", err);
		return tap_done();
	}
	/* The window and the half days around it: Altman's CEO stretches
	 * end and begin at its edges. */
	w0 = br_db_meta(db)->window_start - 43200;
	w1 = br_db_meta(db)->window_end + 43200;
	against_split(BR_LANES_LINE);
	against_split(BR_LANES_STANCE);
	sutskever();
	offices();
	marks();
	filters();
	short_names();
	br_db_close(db);
	return tap_done();
}
