/* lanes: the sides of the cast over a range of time, one lane each. The
 * sides come from the split's own (split.c: br_stretches, br_holdings);
 * here the cast is chosen and paged and the stretches clipped to the
 * range; each actor's marks, a column each, come from lanes_marks.c. */
#include "boardroom/lanes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/split.h"
#include "boardroom/text.h"
#include "model/model.h"

/* The most stretches a lane keeps; a person's side changes a few times. */
#define LANE_STRETCHES 64

void br_lanes_free(struct br_lanes *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->lanes[i].spans);
		free(l->lanes[i].marks);
	}
	free(l->lanes);
	free(l->sides);
	br_pool_clear(&l->pool);
	memset(l, 0, sizeof(*l));
}

const struct br_lane_span *br_lane_span_at(const struct br_lane *lane,
					   br_instant t)
{
	size_t i;

	for (i = 0; i < lane->n_spans; i++)
		if (lane->spans[i].from <= t && t < lane->spans[i].to)
			return &lane->spans[i];
	return NULL;
}

static const char sides_sql[] =
	"SELECT id, slug, name_en, name_zh FROM faction WHERE axis = ?1"
	" ORDER BY id";

static int load_sides(struct br_db *db, struct br_lanes *l, const char *axis)
{
	sqlite3_stmt *st = br_db_stmt(db, sides_sql);
	size_t cap = 0;
	int rc;

	l->sides = br_grow(l->sides, 0, &cap, sizeof(*l->sides));
	l->sides[0] = (struct br_lane_side){
		0,
		"",
		{l->axis == BR_LANES_LINE ? "No line stated" : "Neither",
		 l->axis == BR_LANES_LINE ? "未表明路线" : "未表态"}};
	l->n_sides = 1;
	sqlite3_bind_text(st, 1, axis, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_lane_side *s;

		l->sides =
			br_grow(l->sides, l->n_sides, &cap, sizeof(*l->sides));
		s = &l->sides[l->n_sides++];
		s->id = sqlite3_column_int64(st, 0);
		s->slug = br_pool_strdup(&l->pool, br_col(st, 1));
		s->name[0] = br_pool_strdup(&l->pool, br_col(st, 2));
		s->name[1] = br_pool_strdup(&l->pool, br_col(st, 3));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int side_index(const struct br_lanes *l, int64_t faction)
{
	size_t i;

	for (i = 1; i < l->n_sides; i++)
		if (l->sides[i].id == faction)
			return (int)i;
	return 0;
}

static struct br_lane *add_lane(struct br_lanes *l, size_t *cap,
				enum br_lane_kind kind)
{
	struct br_lane *lane;

	l->lanes = br_grow(l->lanes, l->n, cap, sizeof(*l->lanes));
	lane = &l->lanes[l->n++];
	memset(lane, 0, sizeof(*lane));
	lane->kind = kind;
	lane->slug = lane->name[0] = lane->name[1] = "";
	lane->marks = br_xcalloc((size_t)l->width, sizeof(*lane->marks));
	return lane;
}

static struct br_lane_span *add_span(struct br_lanes *l, struct br_lane *lane,
				     size_t *cap, br_instant from,
				     br_instant to)
{
	struct br_lane_span *s;

	lane->spans =
		br_grow(lane->spans, lane->n_spans, cap, sizeof(*lane->spans));
	s = &lane->spans[lane->n_spans++];
	memset(s, 0, sizeof(*s));
	s->from = from < l->from ? l->from : from;
	s->to = to > l->to ? l->to : to;
	s->name[0] = s->name[1] = "";
	return s;
}

/* A mark at ts, if its column has none yet. */
static void mark(const struct br_lanes *l, struct br_lane *lane, int64_t id,
		 br_instant ts)
{
	int col = br_lanes_col(l, ts);

	if (!id || col < 0 || col >= l->width || lane->marks[col].id)
		return;
	lane->marks[col].on = 1;
	lane->marks[col].id = id;
	lane->marks[col].ts = ts;
	lane->n_marks++;
}

/* The side of axis the person held at instant at (0 for none). */
static int64_t faction_at(struct br_db *db, int64_t person, const char *axis,
			  br_instant at)
{
	struct br_stretch st[LANE_STRETCHES];
	int n = br_stretches(db, person, axis, at + 1, st, LANE_STRETCHES), i;

	for (i = 0; i < n; i++)
		if (st[i].from <= at && at < st[i].to)
			return st[i].faction;
	return 0;
}

/* The chief's lane: each holding, in its holder's side when it began. */
static int chief_lane(struct br_db *db, struct br_lanes *l, size_t *cap,
		      const char *axis)
{
	struct br_holding *h = NULL;
	struct br_lane *lane;
	size_t n = 0, i, scap = 0;

	if (br_holdings(db, "chief", "chief", l->from, l->to, &h, &n,
			&l->pool) < 0) {
		free(h);
		return -1;
	}
	lane = add_lane(l, cap, BR_LANE_CHIEF);
	for (i = 0; i < n; i++) {
		struct br_lane_span *s =
			add_span(l, lane, &scap, h[i].since, h[i].until);

		s->person = h[i].person;
		s->name[0] = h[i].name[0];
		s->name[1] = h[i].name[1];
		s->event_id = h[i].since_event;
		s->side = side_index(
			l, faction_at(db, h[i].person, axis, s->from));
		mark(l, lane, h[i].since_event, h[i].since);
		mark(l, lane, h[i].until_event, h[i].until);
	}
	free(h);
	return 0;
}

static int cmp_instant(const void *a, const void *b)
{
	br_instant x = *(const br_instant *)a, y = *(const br_instant *)b;

	return x < y ? -1 : x > y;
}

/* The board's lane: a stretch wherever the seats held stay the same. A
 * person holding a seat and the chair counts once. */
static int board_lane(struct br_db *db, struct br_lanes *l, size_t *cap)
{
	struct br_holding *h = NULL;
	struct br_lane *lane;
	br_instant *cuts;
	size_t n = 0, i, j, k, n_cuts = 0, scap = 0;

	if (br_holdings(db, "seat", "chair", l->from, l->to, &h, &n, &l->pool) <
	    0) {
		free(h);
		return -1;
	}
	lane = add_lane(l, cap, BR_LANE_BOARD);
	cuts = br_xcalloc(2 * n + 2, sizeof(*cuts));
	cuts[n_cuts++] = l->from;
	cuts[n_cuts++] = l->to;
	for (i = 0; i < n; i++) {
		if (h[i].since > l->from && h[i].since < l->to)
			cuts[n_cuts++] = h[i].since;
		if (h[i].until > l->from && h[i].until < l->to)
			cuts[n_cuts++] = h[i].until;
		mark(l, lane, h[i].since_event, h[i].since);
		mark(l, lane, h[i].until_event, h[i].until);
	}
	qsort(cuts, n_cuts, sizeof(*cuts), cmp_instant);
	for (k = 0; k + 1 < n_cuts; k++) {
		br_instant a = cuts[k], b = cuts[k + 1];
		int64_t seats = 0;
		struct br_lane_span *s;

		if (a == b)
			continue;
		for (i = 0; i < n; i++) {
			if (!(h[i].since <= a && a < h[i].until))
				continue;
			for (j = 0; j < i; j++)
				if (h[j].person == h[i].person &&
				    h[j].since <= a && a < h[j].until)
					break;
			if (j == i)
				seats += h[i].seats;
		}
		if (!seats)
			continue;
		if (lane->n_spans && lane->spans[lane->n_spans - 1].to == a &&
		    lane->spans[lane->n_spans - 1].seats == seats) {
			lane->spans[lane->n_spans - 1].to = b;
			continue;
		}
		s = add_span(l, lane, &scap, a, b);
		s->seats = seats;
	}
	free(cuts);
	free(h);
	return 0;
}

static const char person_sql[] =
	"SELECT slug, name_en, name_zh FROM person WHERE id = ?1";

static int actor_lane(struct br_db *db, struct br_lanes *l, size_t *cap,
		      int64_t person, const char *axis)
{
	sqlite3_stmt *st = br_db_stmt(db, person_sql);
	struct br_stretch sp[LANE_STRETCHES];
	struct br_lane *lane = add_lane(l, cap, BR_LANE_ACTOR);
	size_t scap = 0;
	int n, i, rc;

	lane->person = person;
	sqlite3_bind_int64(st, 1, person);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		lane->slug = br_pool_strdup(&l->pool, br_col(st, 0));
		lane->name[0] = br_pool_strdup(&l->pool, br_col(st, 1));
		lane->name[1] = br_pool_strdup(&l->pool, br_col(st, 2));
	}
	br_db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	n = br_stretches(db, person, axis, l->to, sp, LANE_STRETCHES);
	if (n < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct br_lane_span *s;

		if (sp[i].to <= l->from)
			continue;
		s = add_span(l, lane, &scap, sp[i].from, sp[i].to);
		s->side = side_index(l, sp[i].faction);
		s->event_id = sp[i].event_id;
	}
	return br_lanes_actor_marks(db, l, lane);
}

/* The cast, most events first: everyone placed before the range ends;
 * those who stood on faction ?3 (a line or a stance) in the range; the
 * people of the filter, in its order. */
static const char cast_count_sql[] =
	"SELECT count(*) FROM person_stat WHERE placed_from < ?1";
static const char cast_sql[] =
	"SELECT r.person_id FROM person_rank r"
	" JOIN person_stat ps ON ps.person_id = r.person_id"
	" WHERE ps.placed_from < ?1 ORDER BY r.pos LIMIT ?2 OFFSET ?3";
static const char cast_faction_sql[] =
	"SELECT s.person_id FROM side_span s"
	" JOIN person_rank r ON r.person_id = s.person_id"
	" WHERE (s.faction_id = ?3 OR s.stance_id = ?3) AND s.t_from < ?1"
	" AND (s.t_to IS NULL OR ?2 < s.t_to)"
	" GROUP BY s.person_id ORDER BY min(r.pos)";
static const char cast_one_sql[] =
	"SELECT EXISTS (SELECT 1 FROM person_stat ps WHERE ps.person_id = ?4"
	"   AND ps.placed_from < ?1)"
	" AND (?3 = 0 OR EXISTS (SELECT 1 FROM side_span s"
	"   WHERE s.person_id = ?4 AND (s.faction_id = ?3 OR s.stance_id = ?3)"
	"   AND s.t_from < ?1 AND (s.t_to IS NULL OR ?2 < s.t_to)))";

/* Adds person's lane if it is on the page; counts it in total. */
static int take(struct br_db *db, struct br_lanes *l, size_t *cap,
		const struct br_lanes_ask *ask, int64_t person,
		const char *axis)
{
	size_t i = l->total++;

	if (i < ask->offset || (ask->limit && i >= ask->offset + ask->limit))
		return 0;
	return actor_lane(db, l, cap, person, axis);
}

/* Every id st gives, into a new array *ids (the caller frees it). */
static int step_all(sqlite3_stmt *st, int64_t **ids, size_t *n_ids)
{
	size_t icap = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = br_grow(*ids, *n_ids, &icap, sizeof(**ids));
		(*ids)[(*n_ids)++] = sqlite3_column_int64(st, 0);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The actors' lanes under the filter. The statements are read to their
 * end before any lane is made, as making one runs others. */
static int cast(struct br_db *db, struct br_lanes *l, size_t *cap,
		const struct br_lanes_ask *ask, const char *axis)
{
	const struct br_filter *f = ask->filter;
	int64_t faction = f ? f->faction : 0, *ids = NULL;
	size_t n_ids = 0, i;
	sqlite3_stmt *st;
	int rc = 0;

	if (f && f->n_people) {
		for (i = 0; i < f->n_people && rc == 0; i++) {
			int yes;

			st = br_db_stmt(db, cast_one_sql);
			sqlite3_bind_int64(st, 1, l->to);
			sqlite3_bind_int64(st, 2, l->from);
			sqlite3_bind_int64(st, 3, faction);
			sqlite3_bind_int64(st, 4, f->people[i]);
			rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
			yes = rc == 0 && sqlite3_column_int(st, 0);
			br_db_reset(st);
			if (yes)
				rc = take(db, l, cap, ask, f->people[i], axis);
		}
		return rc;
	}
	if (faction) {
		st = br_db_stmt(db, cast_faction_sql);
		sqlite3_bind_int64(st, 1, l->to);
		sqlite3_bind_int64(st, 2, l->from);
		sqlite3_bind_int64(st, 3, faction);
		rc = step_all(st, &ids, &n_ids);
		for (i = 0; i < n_ids && rc == 0; i++)
			rc = take(db, l, cap, ask, ids[i], axis);
		free(ids);
		return rc;
	}
	/* Everyone: a count, and the page's rows of the list's order. */
	st = br_db_stmt(db, cast_count_sql);
	sqlite3_bind_int64(st, 1, l->to);
	rc = sqlite3_step(st);
	l->total = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	br_db_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	st = br_db_stmt(db, cast_sql);
	sqlite3_bind_int64(st, 1, l->to);
	sqlite3_bind_int64(st, 2, ask->limit ? (int64_t)ask->limit : -1);
	sqlite3_bind_int64(st, 3, (int64_t)ask->offset);
	rc = step_all(st, &ids, &n_ids);
	for (i = 0; i < n_ids && rc == 0; i++)
		rc = actor_lane(db, l, cap, ids[i], axis);
	free(ids);
	return rc;
}

/* In one read transaction, as the split: one snapshot, one lock. */
int br_lanes_query(struct br_db *db, const struct br_lanes_ask *ask,
		   struct br_lanes *out)
{
	const char *axis = ask->axis == BR_LANES_STANCE ? "crisis" : "line";
	int rc = 0;
	size_t cap = 0;

	br_lanes_free(out);
	if (ask->from >= ask->to || ask->width < 1 ||
	    ask->width > BR_LANES_MAX_WIDTH)
		return -1;
	out->from = ask->from;
	out->to = ask->to;
	out->width = ask->width;
	out->axis = ask->axis;
	out->offset = ask->offset;
	out->kinds = ask->filter ? ask->filter->kinds : 0;
	br_db_read_begin(db);
	if (load_sides(db, out, axis) < 0 ||
	    (ask->offices && (chief_lane(db, out, &cap, axis) < 0 ||
			      board_lane(db, out, &cap) < 0)))
		rc = -1;
	out->n_offices = out->n;
	if (rc == 0 && cast(db, out, &cap, ask, axis) < 0)
		rc = -1;
	if (br_db_read_end(db) < 0)
		rc = -1;
	return rc;
}

int br_lanes_short_name(const char *name, int cols, char *buf, size_t len)
{
	static const char dot[] = "·";
	const char *last = name, *p;
	size_t n = 0;
	int w;

	if (cols < 1 || len < 2) {
		if (len)
			buf[0] = '\0';
		return 0;
	}
	w = br_text_width(name, strlen(name));
	if (w <= cols)
		return br_text_truncate(buf, len, name, cols);
	/* The last word: after the last space or middle dot. */
	for (p = name; *p; p++) {
		if (*p == ' ')
			last = p + 1;
		else if (!strncmp(p, dot, sizeof(dot) - 1))
			last = p + sizeof(dot) - 1;
	}
	for (p = name, n = 0; *p; p++)
		n += *p == ' ';
	/* Initials stand for names, not for words ("Three senior ..."). */
	for (p = name; n <= 2 && *p && p < last; p++)
		if ((p == name || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
			n = 3;
	if (last != name && n >= 1 && n <= 2) {
		/* Initials of the words before it: "I. Sutskever". */
		char tmp[256];
		const char *q = name;
		size_t t = 0;

		while (q < last && t + 8 < sizeof(tmp)) {
			int32_t cp;
			int k = br_text_decode(q, strlen(q), &cp);

			if (*q != ' ') {
				memcpy(tmp + t, q, (size_t)k);
				t += (size_t)k;
				tmp[t++] = '.';
				tmp[t++] = ' ';
				while (q < last && *q != ' ')
					q++;
			}
			while (q < last && *q == ' ')
				q++;
		}
		snprintf(tmp + t, sizeof(tmp) - t, "%s", last);
		if (br_text_width(tmp, strlen(tmp)) <= cols)
			return br_text_truncate(buf, len, tmp, cols);
	}
	/* A person's last name alone, cut if need be; a longer name ("The
	 * two other directors") is cut instead, its start says more. */
	if (last != name && n <= 2)
		return br_text_truncate(buf, len, last, cols);
	return br_text_truncate(buf, len, name, cols);
}
