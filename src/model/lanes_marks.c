/* lanes_marks: the columns of an actor's lane in which the actor takes
 * part in an event, and the first such event of a column when asked.
 *
 * A column is found by one step of the person's index (person, ts) from
 * its start, so the steps are the columns marked and no more. That reads
 * a page of the index for each column of a busy person: over a range of
 * years, a few hundred pages a lane, most of them not in the cache. So
 * for a tallied person (schema.sql, tally: 1,000 events or more) over
 * columns of two days or more, the columns come from the tally instead:
 * a bucket wholly inside a column marks it; a bucket cut by a column's
 * edge is looked at a level finer (days, then the index itself for the
 * part of a day), so the answer is the index's, exactly. Those marks say
 * only that the column has an event; its event is found when asked
 * (br_lanes_mark_event), one step. */
#include <stdint.h>
#include <stdlib.h>

#include "boardroom/lanes.h"
#include "model/model.h"

/* The first event at or after ?2 and before ?3 that person ?1 takes part
 * in: one step of the index on (person, ts). With kinds ?4, the first of
 * those kinds. */
static const char next_mark_sql[] =
	"SELECT pa.ts, pa.event_id FROM participant pa"
	" WHERE pa.person_id = ?1 AND pa.ts >= ?2 AND pa.ts < ?3"
	" ORDER BY pa.ts, pa.event_id LIMIT 1";
static const char next_mark_kinds_sql[] =
	"SELECT pa.ts, pa.event_id FROM participant pa"
	" JOIN event e ON e.id = pa.event_id"
	" WHERE pa.person_id = ?1 AND pa.ts >= ?2 AND pa.ts < ?3"
	" AND (?4 >> CASE e.kind WHEN 'main' THEN 0 WHEN 'aside' THEN 1"
	"  ELSE 2 END) & 1"
	" ORDER BY pa.ts, pa.event_id LIMIT 1";

static int all_kinds(unsigned kinds)
{
	return !kinds || (kinds & BR_KIND_ALL) == BR_KIND_ALL;
}

/* The first event of person (of kinds) in [lo, hi), into *m: 1, 0 if
 * none, -1 on a database error. */
static int first_in(struct br_db *db, int64_t person, unsigned kinds,
		    br_instant lo, br_instant hi, struct br_lane_mark *m)
{
	int all = all_kinds(kinds);
	sqlite3_stmt *st =
		br_db_stmt(db, all ? next_mark_sql : next_mark_kinds_sql);
	int rc;

	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, lo);
	sqlite3_bind_int64(st, 3, hi);
	if (!all)
		sqlite3_bind_int64(st, 4, kinds);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->on = 1;
		m->ts = sqlite3_column_int64(st, 0);
		m->id = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static void set_on(struct br_lane *lane, int col)
{
	if (!lane->marks[col].on) {
		lane->marks[col].on = 1;
		lane->n_marks++;
	}
}

/* From each mark found, on from the next column. */
static int seek_marks(struct br_db *db, const struct br_lanes *l,
		      struct br_lane *lane)
{
	br_instant t = l->from;
	int rc = 0;

	while (t < l->to) {
		struct br_lane_mark m = {0};
		int col;

		rc = first_in(db, lane->person, l->kinds, t, l->to, &m);
		if (rc <= 0)
			break;
		col = br_lanes_col(l, m.ts);
		if (col < 0 || col >= l->width)
			break;
		lane->marks[col] = m;
		lane->n_marks++;
		t = br_lanes_col_start(l, col + 1);
	}
	return rc < 0 ? -1 : 0;
}

/* The starts of person ?1's non-empty buckets of width ?2 from ?3 to
 * before ?4, in order. */
static const char buckets_sql[] =
	"SELECT start FROM tally WHERE dim = 'person' AND key = ?1"
	" AND width = ?2 AND start >= ?3 AND start < ?4 AND n > 0"
	" ORDER BY start";

/* A part [lo, hi) of a column cut by a bucket's edge; lo == hi: none. */
struct cut {
	br_instant lo, hi;
};

/* Whether person has an event in cut c of a column (1, 0, or -1), where
 * c is in a non-empty bucket of a width over a day: from the days of the
 * tally wholly inside c; only if they are all empty, from the index for
 * the parts of the days c's edges cut. */
static int any_in(struct br_db *db, int64_t person, struct cut c)
{
	sqlite3_stmt *st = br_db_stmt(db, buckets_sql);
	struct cut part[2] = {{0, 0}, {0, 0}};
	int rc, yes = 0, k;

	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, BR_TALLY_DAY);
	sqlite3_bind_int64(st, 3, br_bucket_start(c.lo, BR_TALLY_DAY));
	sqlite3_bind_int64(st, 4, c.hi);
	while (!yes && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		br_instant d = sqlite3_column_int64(st, 0),
			   e = d + BR_TALLY_DAY;

		if (c.lo <= d && e <= c.hi)
			yes = 1;
		else
			part[d < c.lo ? 0 : 1] = (struct cut){
				d < c.lo ? c.lo : d, e > c.hi ? c.hi : e};
	}
	if (!yes && rc != SQLITE_DONE)
		yes = -1;
	br_db_reset(st);
	for (k = 0; k < 2 && !yes; k++) {
		struct br_lane_mark m = {0};

		if (part[k].lo < part[k].hi)
			yes = first_in(db, person, 0, part[k].lo, part[k].hi,
				       &m);
	}
	return yes;
}

/* The marks from the tally's buckets of width w, which is at most half a
 * column: a non-empty bucket inside a column marks it. A non-empty one an
 * edge cuts leaves its part in each column aside; once the buckets are
 * read, a column not marked yet has those parts looked at finer (any_in,
 * or with w a day, the index). Two parts a column at most, as a bucket is
 * shorter than a column. */
static int tally_marks(struct br_db *db, const struct br_lanes *l,
		       struct br_lane *lane, br_instant w)
{
	sqlite3_stmt *st = br_db_stmt(db, buckets_sql);
	struct cut *cuts = br_xcalloc(2 * (size_t)l->width, sizeof(*cuts));
	int rc, col, bad = 0;

	sqlite3_bind_int64(st, 1, lane->person);
	sqlite3_bind_int64(st, 2, w);
	sqlite3_bind_int64(st, 3, br_bucket_start(l->from, w));
	sqlite3_bind_int64(st, 4, l->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		br_instant s = sqlite3_column_int64(st, 0), e = s + w;

		col = br_lanes_col(l, s < l->from ? l->from : s);
		for (; col < l->width && br_lanes_col_start(l, col) < e;
		     col++) {
			br_instant a = br_lanes_col_start(l, col),
				   b = br_lanes_col_start(l, col + 1);

			if (a <= s && e <= b)
				set_on(lane, col);
			else
				cuts[2 * col + (s < a ? 0 : 1)] = (struct cut){
					s < a ? a : s, e > b ? b : e};
		}
	}
	bad = rc != SQLITE_DONE;
	br_db_reset(st);
	for (col = 0; col < l->width && !bad; col++) {
		int k, yes = 0;

		for (k = 0; k < 2 && !yes && !lane->marks[col].on; k++) {
			struct cut c = cuts[2 * col + k];
			struct br_lane_mark m = {0};

			if (c.lo >= c.hi)
				continue;
			yes = w > BR_TALLY_DAY ? any_in(db, lane->person, c)
					       : first_in(db, lane->person, 0,
							  c.lo, c.hi, &m);
			if (yes < 0)
				bad = 1;
			else if (yes)
				set_on(lane, col);
		}
	}
	free(cuts);
	return bad ? -1 : 0;
}

/* The tally's width to find person's marks by, or 0 for the index: the
 * widest bucket at most half a column, of a person the tally counts,
 * when every kind is marked (the tally does not count by kind). */
static br_instant tally_width(struct br_db *db, const struct br_lanes *l,
			      int64_t person)
{
	br_instant col = (l->to - l->from) / l->width, w;

	if (!all_kinds(l->kinds))
		return 0;
	w = col >= 2 * BR_TALLY_SPAN  ? BR_TALLY_SPAN
	    : col >= 2 * BR_TALLY_DAY ? BR_TALLY_DAY
				      : 0;
	return w && br_person_total(db, person) >= BR_TALLY_MIN_EVENTS ? w : 0;
}

int br_lanes_actor_marks(struct br_db *db, const struct br_lanes *l,
			 struct br_lane *lane)
{
	br_instant w = tally_width(db, l, lane->person);

	return w ? tally_marks(db, l, lane, w) : seek_marks(db, l, lane);
}

int br_lanes_mark_event(struct br_db *db, const struct br_lanes *l,
			const struct br_lane *lane, int col,
			struct br_lane_mark *out)
{
	const struct br_lane_mark *m;

	*out = (struct br_lane_mark){0};
	if (col < 0 || col >= l->width || !lane->marks[col].on)
		return 0;
	m = &lane->marks[col];
	if (m->id || lane->kind != BR_LANE_ACTOR) {
		*out = *m;
		return m->id ? 1 : 0;
	}
	return first_in(db, lane->person, l->kinds, br_lanes_col_start(l, col),
			br_lanes_col_start(l, col + 1), out);
}
