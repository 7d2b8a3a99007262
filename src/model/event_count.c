/* event_count: how many events a filter matches, where a key ranks
 * among them, the span of the timeline and the ruler's densities; from
 * the events' positions (seq) with no filter, from the pre-aggregated
 * tally where it can answer, else by counting. */
#include "boardroom/event.h"

#include <stdint.h>
#include <string.h>

#include "model/event_query.h"
#include "model/model.h"

/* Counts f's events (before key, if any), stopping past cap (< 0: no
 * cap). */
static int64_t count_query(struct br_db *db, const struct br_filter *f,
			   const struct br_key *key, int64_t cap)
{
	struct query q = {0};
	sqlite3_stmt *st;
	int64_t n = -1;

	query_add(&q, "SELECT count(*) FROM (SELECT 1");
	q.count_only = 1;
	q.rows_only = 1;
	query_from_filter(&q, f);
	query_key(&q, key, BR_BEFORE);
	query_add(&q, " LIMIT ?)");
	query_int(&q, cap < 0 ? -1 : cap + 1);
	st = query_prepare(db, &q);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return n;
}

/* With no filter, seq answers counts and positions with one index
 * lookup each, whatever the size of the timeline. */
static const char seq_total_sql[] = "SELECT ifnull(max(seq), 0) FROM event";
static const char seq_before_sql[] =
	"SELECT ifnull((SELECT seq FROM event WHERE (ts, id) < (?, ?)"
	" ORDER BY ts DESC, id DESC LIMIT 1), 0)";

static int64_t seq_scalar(struct br_db *db, const char *sql, br_instant ts,
			  int64_t id, int binds)
{
	sqlite3_stmt *st = br_db_stmt(db, sql);
	int64_t v = -1;

	if (binds) {
		sqlite3_bind_int64(st, 1, ts);
		sqlite3_bind_int64(st, 2, id);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return v;
}

int64_t br_events_count(struct br_db *db, const struct br_filter *f)
{
	if (!br_filter_active(f))
		return seq_scalar(db, seq_total_sql, 0, 0, 0);
	return count_query(db, f, NULL, -1);
}

int64_t br_events_rank(struct br_db *db, const struct br_filter *f,
		       const struct br_key *key)
{
	if (!br_filter_active(f))
		return seq_scalar(db, seq_before_sql, key->ts, key->id, 1);
	return br_events_count_upto(db, f, key, -1);
}

/* Whether the filter is one person and nothing else. */
static int lone_person(const struct br_filter *f)
{
	struct br_filter g = *f;

	g.n_people = 0;
	return f->n_people == 1 && !br_filter_active(&g);
}

static const char person_total_sql[] =
	"SELECT ifnull((SELECT n_events FROM person_stat WHERE person_id = ?),"
	" 0)";

int64_t br_person_total(struct br_db *db, int64_t person)
{
	sqlite3_stmt *st = br_db_stmt(db, person_total_sql);
	int64_t n = -1;

	sqlite3_bind_int64(st, 1, person);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return n;
}

/* A busy person's events before a key, from the tally: whole 16-day
 * buckets, then days, then the key's own day from their index. */
static const char rank_tally_sql[] =
	"SELECT ifnull((SELECT sum(n) FROM tally WHERE dim = 'person'"
	"   AND key = ?1 AND width = ?6 AND start < ?2), 0)"
	" + ifnull((SELECT sum(n) FROM tally WHERE dim = 'person' AND key = ?1"
	"   AND width = ?7 AND start >= ?2 AND start < ?3), 0)"
	" + (SELECT count(*) FROM participant d WHERE d.person_id = ?1"
	"   AND d.ts >= ?3 AND (d.ts, d.event_id) < (?4, ?5))";

/* The rank of key among one person's events; -1 if they are not
 * tallied (then their index alone is as quick). */
static int64_t person_rank(struct br_db *db, int64_t person,
			   const struct br_key *key)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (br_person_total(db, person) < BR_TALLY_MIN_EVENTS)
		return -1;
	st = br_db_stmt(db, rank_tally_sql);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, br_bucket_start(key->ts, BR_TALLY_SPAN));
	sqlite3_bind_int64(st, 3, br_bucket_start(key->ts, BR_TALLY_DAY));
	sqlite3_bind_int64(st, 4, key->ts);
	sqlite3_bind_int64(st, 5, key->id);
	sqlite3_bind_int64(st, 6, BR_TALLY_SPAN);
	sqlite3_bind_int64(st, 7, BR_TALLY_DAY);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return n;
}

int64_t br_events_count_upto(struct br_db *db, const struct br_filter *f,
			     const struct br_key *key, int64_t cap)
{
	if (!br_filter_active(f))
		return key ? br_events_rank(db, f, key)
			   : br_events_count(db, f);
	if (!key && lone_person(f))
		return br_person_total(db, f->people[0]);
	if (key && lone_person(f)) {
		int64_t n = person_rank(db, f->people[0], key);

		if (n >= 0)
			return cap >= 0 && n > cap ? cap + 1 : n;
	}
	return count_query(db, f, key, cap);
}

/* SELECT the driving table's key (instant and id), then
 * FROM and f's WHERE terms: the key columns are known once the filter is
 * put together. */
static void select_keys(struct query *q, const struct br_filter *f)
{
	struct query from = {0};

	from.count_only = 1; /* only the key is read */
	query_from_filter(&from, f);
	query_add(q, "SELECT ");
	query_add(q, from.key_ts);
	query_add(q, ", ");
	query_add(q, from.key_id);
	query_add(q, from.sql);
	memcpy(q->binds, from.binds, sizeof(from.binds));
	q->n_binds = from.n_binds;
	q->key_ts = from.key_ts;
	q->key_id = from.key_id;
	q->by_seq = from.by_seq;
}

/* The next at most limit of f's events after *from (if *started) and
 * before upto (NULL: to the last), in time order; each one's instant
 * counted in its bucket of counts (n buckets of width from start) if
 * counts is not NULL. *from becomes the last one. How many, or -1. */
static int64_t walk_slice(struct br_db *db, const struct br_filter *f,
			  struct br_key *from, int *started,
			  const struct br_key *upto, int64_t limit,
			  br_instant start, br_instant width, size_t n,
			  uint32_t *counts)
{
	struct query q = {0};
	sqlite3_stmt *st;
	int64_t got = 0;
	int rc;

	select_keys(&q, f);
	query_key(&q, *started ? from : NULL, BR_AFTER);
	query_key(&q, upto, BR_BEFORE);
	query_order(&q, BR_AFTER);
	query_add(&q, " LIMIT ?");
	query_int(&q, limit);
	st = query_prepare(db, &q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		from->ts = sqlite3_column_int64(st, 0);
		from->id = sqlite3_column_int64(st, 1);
		*started = 1;
		got++;
		if (counts && from->ts >= start) {
			int64_t k = (from->ts - start) / width;

			if ((size_t)k < n)
				counts[k]++;
		}
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? got : -1;
}

int64_t br_events_count_slice(struct br_db *db, const struct br_filter *f,
			      struct br_key *from, int *started,
			      const struct br_key *upto, int64_t limit)
{
	return walk_slice(db, f, from, started, upto, limit, 0, 1, 0, NULL);
}

int64_t br_events_density_slice(struct br_db *db, const struct br_filter *f,
				br_instant start, br_instant width, size_t n,
				uint32_t *counts, struct br_key *from,
				int *started, int64_t limit)
{
	/* The span as keys, not only as the filter's dates: keys bound the
	 * search index's rowids too, which dates do not. */
	struct br_key upto = {start + width * (br_instant)n, INT64_MIN};

	if (!*started) {
		*from = (struct br_key){start, INT64_MIN};
		*started = 1;
	}
	return walk_slice(db, f, from, started, &upto, limit, start, width, n,
			  counts);
}

/* Two subqueries: each min() or max() alone is one index lookup. */
static const char span_sql[] =
	"SELECT (SELECT min(ts) FROM event), (SELECT max(ts) FROM event)";

int br_events_span(struct br_db *db, br_instant *first, br_instant *last)
{
	sqlite3_stmt *st = br_db_stmt(db, span_sql);
	int rc = sqlite3_step(st);

	*first = *last = 0;
	if (rc == SQLITE_ROW) {
		*first = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static const char tally_sql[] =
	"SELECT start, n FROM tally WHERE dim = ? AND key = ? AND width = ?"
	" AND start >= ? AND start < ?";

/* The filter as tally rows: the dimension, its keys and the finest width
 * it is tallied at; 0 if the tally cannot answer it. */
static size_t tally_keys(struct br_db *db, const struct br_filter *f,
			 const char **dim, int64_t keys[3], br_instant *finest)
{
	size_t n = 0, i;

	*finest = BR_TALLY_HOUR;
	if (f->from != BR_INSTANT_MIN || f->to != BR_INSTANT_MAX || f->search)
		return 0;
	if (lone_person(f)) {
		if (br_person_total(db, f->people[0]) < BR_TALLY_MIN_EVENTS)
			return 0;
		*dim = "person";
		*finest = BR_TALLY_DAY;
		keys[n++] = f->people[0];
	} else if (!f->n_people && query_some_kinds(f) && !f->faction) {
		*dim = "kind"; /* kinds are disjoint: their counts add up */
		for (i = 0; i < 3; i++)
			if (f->kinds & (1u << i))
				keys[n++] = (int64_t)i;
	} else if (!f->n_people && !query_some_kinds(f) && f->faction) {
		*dim = "faction";
		keys[n++] = f->faction;
	}
	return n;
}

/* Density from the tally, in its widest buckets at most a quarter of
 * width; -1 if the tally cannot answer (see tally_keys) or its buckets
 * are too wide for these. */
static int tally_density(struct br_db *db, const struct br_filter *f,
			 br_instant start, br_instant width, size_t n,
			 uint32_t *counts)
{
	static const br_instant widths[] = {BR_TALLY_SPAN, BR_TALLY_DAY,
					    BR_TALLY_HOUR};
	const char *dim = NULL;
	int64_t keys[3];
	br_instant finest;
	size_t n_keys, i, k;
	br_instant end = start + width * (br_instant)n;
	int rc = SQLITE_DONE;

	for (i = 0; i < BR_ARRAY_SIZE(widths) && widths[i] * 4 > width; i++)
		;
	if (i == BR_ARRAY_SIZE(widths))
		return -1;
	n_keys = tally_keys(db, f, &dim, keys, &finest);
	if (!n_keys || widths[i] < finest)
		return -1;
	for (k = 0; k < n_keys && rc == SQLITE_DONE; k++) {
		sqlite3_stmt *st = br_db_stmt(db, tally_sql);

		sqlite3_bind_text(st, 1, dim, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, keys[k]);
		sqlite3_bind_int64(st, 3, widths[i]);
		sqlite3_bind_int64(st, 4, start);
		sqlite3_bind_int64(st, 5, end);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t b =
				(sqlite3_column_int64(st, 0) - start) / width;

			if (b >= 0 && (size_t)b < n)
				counts[b] +=
					(uint32_t)sqlite3_column_int64(st, 1);
		}
		br_db_reset(st);
	}
	return rc == SQLITE_DONE ? 0 : -2;
}

int br_events_density_indexed(struct br_db *db, const struct br_filter *f,
			      br_instant start, br_instant width, size_t n,
			      uint32_t *counts)
{
	int rc;

	memset(counts, 0, n * sizeof(*counts));
	if (width <= 0 || n == 0)
		return 0;
	if (!br_filter_active(f)) {
		/* Differences of positions at the bucket edges. */
		int64_t prev =
			seq_scalar(db, seq_before_sql, start, INT64_MIN, 1);
		size_t i;

		for (i = 0; i < n && prev >= 0; i++) {
			int64_t next =
				seq_scalar(db, seq_before_sql,
					   start + width * (br_instant)(i + 1),
					   INT64_MIN, 1);

			counts[i] = next > prev ? (uint32_t)(next - prev) : 0;
			prev = next;
		}
		return prev >= 0 ? 0 : -1;
	}
	rc = tally_density(db, f, start, width, n, counts);
	return rc == -1 ? 1 : rc == 0 ? 0 : -1;
}

int br_events_density(struct br_db *db, const struct br_filter *f,
		      br_instant start, br_instant width, size_t n,
		      uint32_t *counts)
{
	/* Else every event in the span, in one slice: the walk bounds the
	 * search index's rowids by key, where dates would not. */
	struct br_key from;
	int started = 0;
	int rc = br_events_density_indexed(db, f, start, width, n, counts);

	if (rc <= 0)
		return rc;
	return br_events_density_slice(db, f, start, width, n, counts, &from,
				       &started, -1) < 0
		       ? -1
		       : 0;
}
