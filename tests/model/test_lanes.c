/* test_lanes: the lanes of the bundled dataset against the split at the
 * instants they cover (each actor's side, the CEO, the board's seats),
 * and the stretches the article shows: Sutskever's change of stance,
 * the hours with no CEO. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/gen.h"
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

			if (!m->on)
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

		if (!lane->marks[col].on)
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

/* The columns of person in which they take part in an event (of the
 * lanes' kinds), and the first of each (ts, id), read from all their
 * events in the range: what the lanes' marks must say, however they are
 * found. */
static int expected(struct br_db *g, const struct br_lanes *l, int64_t person,
		    struct br_lane_mark *want)
{
	sqlite3_stmt *st = br_db_stmt(
		g, "SELECT pa.ts, pa.event_id FROM participant pa"
		   " JOIN event e ON e.id = pa.event_id WHERE pa.person_id = ?1"
		   " AND pa.ts >= ?2 AND pa.ts < ?3 AND (?4 >> CASE e.kind"
		   " WHEN 'main' THEN 0 WHEN 'aside' THEN 1 ELSE 2 END) & 1"
		   " ORDER BY pa.ts, pa.event_id");
	int n = 0;

	memset(want, 0, sizeof(*want) * (size_t)l->width);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, l->from);
	sqlite3_bind_int64(st, 3, l->to);
	sqlite3_bind_int64(st, 4, l->kinds ? l->kinds : BR_KIND_ALL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		br_instant ts = sqlite3_column_int64(st, 0);
		int col = br_lanes_col(l, ts);

		if (!want[col].on) {
			want[col].on = 1;
			want[col].ts = ts;
			want[col].id = sqlite3_column_int64(st, 1);
			n++;
		}
	}
	br_db_reset(st);
	return n;
}

/* What the checks of tallied() found. */
struct tally_check {
	int64_t lanes, bad, pending;
	struct br_lane_mark *want; /* BR_LANES_MAX_WIDTH entries */
};

/* The marks of every lane of filter f (NULL: everyone's) over [from, to)
 * in width columns against expected(), and each mark's event. */
static void check_range(struct br_db *g, br_instant from, br_instant to,
			int width, const struct br_filter *f,
			struct tally_check *c)
{
	struct br_lanes_ask ask = {from, to, width, BR_LANES_LINE, f, 0, 0, 0};
	struct br_lanes l = {0};
	size_t i;

	if (br_lanes_query(g, &ask, &l) < 0)
		c->bad++;
	for (i = 0; i < l.n; i++) {
		const struct br_lane *lane = &l.lanes[i];
		int col, n = expected(g, &l, lane->person, c->want);

		c->lanes++;
		if ((size_t)n != lane->n_marks)
			c->bad++;
		for (col = 0; col < l.width; col++) {
			const struct br_lane_mark *w = &c->want[col];
			struct br_lane_mark m;

			if (lane->marks[col].on != w->on) {
				c->bad++;
				continue;
			}
			if (!w->on)
				continue;
			if (!lane->marks[col].id)
				c->pending++;
			if (br_lanes_mark_event(g, &l, lane, col, &m) != 1 ||
			    m.id != w->id || m.ts != w->ts)
				c->bad++;
		}
	}
	br_lanes_free(&l);
}

/* A generated timeline of years, whose busiest people the tally counts:
 * over columns of days and of months their marks come from it, and must
 * be the columns their events are in, each column's event the first.
 * Besides all the time and ranges whose edges fall inside days, ranges
 * that begin just before, or just after, a busy person's last event
 * before a gap of weeks: the column's only event, or none, is in the
 * part of a day that the tally cannot tell from the rest. */
static void tallied(void)
{
	char dir[] = "/tmp/br-lanes-XXXXXX", path[128], err[256];
	struct br_gen_opts o = {0};
	struct tally_check c = {0};
	struct br_db *g;
	sqlite3_stmt *st;
	br_instant first, last;
	int64_t n_busy, n_gaps = 0;
	static const int widths[] = {7, 31, 64, 150, 333, 1000};
	size_t w, k;

	o.events = getenv("BOARDROOM_WRAP") ? 5000 : 20000;
	o.people = o.events / 100;
	o.seed = 7;
	o.path = path;
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	if (!ok(br_gen(&o, err, sizeof(err)) == 0, "a %lld-event timeline",
		(long long)o.events) ||
	    !(g = br_db_open_file(path, BR_DB_READ, err, sizeof(err)))) {
		diag("%s", err);
		return;
	}
	n_busy = sql_int(g,
			 "SELECT count(*) FROM person_stat WHERE n_events >="
			 " 1000",
			 NULL);
	first = sql_int(g, "SELECT min(ts) FROM event", NULL);
	last = sql_int(g, "SELECT max(ts) FROM event", NULL) + 1;
	c.want = calloc(BR_LANES_MAX_WIDTH, sizeof(*c.want));
	for (w = 0; w < BR_ARRAY_SIZE(widths); w++) {
		br_instant ranges[][2] = {{first, last},
					  {first + 12345, last - 54321},
					  {first + (last - first) / 3 + 777,
					   first + (last - first) / 2}};

		struct br_filter kind;

		br_filter_init(&kind);
		kind.kinds = BR_KIND_MAIN;
		for (k = 0; k < BR_ARRAY_SIZE(ranges); k++) {
			check_range(g, ranges[k][0], ranges[k][1], widths[w],
				    NULL, &c);
			/* The tally does not count by kind. */
			check_range(g, ranges[k][0], ranges[k][1], widths[w],
				    &kind, &c);
		}
	}
	st = br_db_stmt(
		g, "SELECT person_id, ts FROM (SELECT pa.person_id, pa.ts,"
		   " lead(pa.ts) OVER (PARTITION"
		   " BY pa.person_id ORDER BY pa.ts) - pa.ts AS gap"
		   " FROM participant pa JOIN person_stat ps"
		   " ON ps.person_id = pa.person_id WHERE ps.n_events >= 1000)"
		   " WHERE gap > 34 * 86400 LIMIT 40");
	while (sqlite3_step(st) == SQLITE_ROW) {
		br_instant t = sqlite3_column_int64(st, 1);
		static const br_instant spans[] = {33 * 86400, 3 * 86400};
		static const int cols[] = {1, 2};
		struct br_filter f;

		br_filter_init(&f);
		f.people[f.n_people++] = sqlite3_column_int64(st, 0);
		n_gaps++;
		for (w = 0; w < BR_ARRAY_SIZE(spans); w++)
			for (k = 0; k < BR_ARRAY_SIZE(cols); k++) {
				check_range(g, t - 3600, t - 3600 + spans[w],
					    cols[k], &f, &c);
				check_range(g, t + 60, t + 60 + spans[w],
					    cols[k], &f, &c);
			}
	}
	br_db_reset(st);
	ok(n_busy > 0 && c.pending > 0 && n_gaps > 0,
	   "%lld people are tallied; %lld marks came from the tally; %lld "
	   "gaps",
	   (long long)n_busy, (long long)c.pending, (long long)n_gaps);
	ok(c.lanes > 0 && c.bad == 0,
	   "%lld lanes' marks are the columns of their events, each found "
	   "the first (%lld wrong)",
	   (long long)c.lanes, (long long)c.bad);
	free(c.want);
	br_db_close(g);
	unlink(path);
	rmdir(dir);
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
	tallied();
	return tap_done();
}
