#include "boardroom/event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/search.h"
#include "model/model.h"

static const char *const kind_names[] = {"main", "aside", "background"};

const char *br_kind_name(enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return kind_names[0];
	case BR_KIND_ASIDE:
		return kind_names[1];
	case BR_KIND_BACKGROUND:
		return kind_names[2];
	}
	return "";
}

enum br_kind br_kind_parse(const char *name)
{
	if (!strcmp(name, "main"))
		return BR_KIND_MAIN;
	if (!strcmp(name, "aside") || !strcmp(name, "sidelight"))
		return BR_KIND_ASIDE;
	if (!strcmp(name, "background") || !strcmp(name, "bg"))
		return BR_KIND_BACKGROUND;
	return 0;
}

const char *br_kind_mark(enum br_kind kind)
{
	switch (kind) {
	case BR_KIND_MAIN:
		return "●";
	case BR_KIND_ASIDE:
		return "○";
	case BR_KIND_BACKGROUND:
		return "·";
	}
	return " ";
}

void br_filter_init(struct br_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->kinds = BR_KIND_ALL;
	f->from = BR_INSTANT_MIN;
	f->to = BR_INSTANT_MAX;
}

/* Whether the filter leaves out some kinds. */
static int filter_kinds(const struct br_filter *f)
{
	return f->kinds && f->kinds != BR_KIND_ALL;
}

int br_filter_active(const struct br_filter *f)
{
	return f->n_people > 0 || (f->kinds && f->kinds != BR_KIND_ALL) ||
	       f->faction || f->from != BR_INSTANT_MIN ||
	       f->to != BR_INSTANT_MAX || f->search[0];
}

void br_page_free(struct br_page *page)
{
	free(page->rows);
	br_pool_clear(&page->pool);
	memset(page, 0, sizeof(*page));
}

/* Query composition
 * A query is put together from the fixed fragments below, never from user
 * text: what the user typed is bound as a parameter. The composed text is
 * the statement cache's key, so each shape is prepared once. */

struct bind {
	int is_text;
	int64_t i;
	const char *s;
};

struct query {
	char sql[8192]; /* every filter, 8 people, 8 short terms: ~4.2 KB */
	size_t len;
	struct bind binds[64];
	int n_binds;
	const char *key_ts, *key_id; /* key columns of the driving table */
	int by_seq;	/* the search index drives: page by its rowid (seq) */
	int count_only; /* no event columns are needed */
};

static void q_add(struct query *q, const char *fragment)
{
	size_t n = strlen(fragment);

	if (q->len + n >= sizeof(q->sql)) {
		fprintf(stderr, "boardroom: internal error: query too long\n");
		abort();
	}
	memcpy(q->sql + q->len, fragment, n + 1);
	q->len += n;
}

static void q_int(struct query *q, int64_t v)
{
	if (q->n_binds < (int)BR_ARRAY_SIZE(q->binds))
		q->binds[q->n_binds++] = (struct bind){0, v, NULL};
}

static void q_text(struct query *q, const char *s)
{
	if (q->n_binds < (int)BR_ARRAY_SIZE(q->binds))
		q->binds[q->n_binds++] = (struct bind){1, 0, s};
}

static sqlite3_stmt *q_prepare(struct br_db *db, const struct query *q)
{
	sqlite3_stmt *st = br_db_stmt(db, q->sql);
	int i;

	for (i = 0; i < q->n_binds; i++) {
		if (q->binds[i].is_text)
			sqlite3_bind_text(st, i + 1, q->binds[i].s, -1,
					  SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i + 1, q->binds[i].i);
	}
	return st;
}

/* Names of an event's actors and subjects, joined; "short" takes a
 * person's last name ("Sutskever", "阿尔特曼"), for narrow columns. */
#define NAMES_OF(expr, sep)                                                    \
	"(SELECT group_concat(n, '" sep "') FROM (SELECT " expr " AS n"        \
	"   FROM participant pa JOIN person p ON p.id = pa.person_id"          \
	"   WHERE pa.event_id = e.id AND pa.role <> 'mentioned'"               \
	"   ORDER BY pa.role, pa.person_id))"
#define LAST_PART(col, sep)                                                    \
	"CASE p.kind WHEN 'person' THEN replace(" col ", rtrim(" col           \
	", replace(" col ", '" sep "', '')), '') ELSE " col " END"

/* The row of a list: what struct br_event holds. */
/* clang-format off */
#define EVENT_COLS                                                             \
	"SELECT e.id, e.kind, ifnull(e.marker, ''), e.ts, e.t_min, e.t_max,"   \
	" e.precision, e.inferred, e.time_text, e.title_en, e.title_zh,"       \
	" e.summary_en, e.summary_zh, "                                        \
	NAMES_OF("p.name_en", ", ") ", "                                       \
	NAMES_OF("p.name_zh", "、") ", "                                       \
	NAMES_OF(LAST_PART("p.name_en", " "), ", ") ", "                       \
	NAMES_OF(LAST_PART("p.name_zh", "·"), "、") ","                        \
	" (SELECT count(*) FROM note n WHERE n.event_id = e.id)"
/* clang-format on */

/* Any of the filter's people takes part. */
static void q_people_any(struct query *q, const struct br_filter *f)
{
	size_t i;

	q_add(q, " AND EXISTS (SELECT 1 FROM participant pa"
		 " WHERE pa.event_id = e.id AND pa.person_id IN (?");
	q_int(q, f->people[0]);
	for (i = 1; i < f->n_people; i++) {
		q_add(q, ", ?");
		q_int(q, f->people[i]);
	}
	q_add(q, "))");
}

/* Each of the filter's people from the from-th on takes part. */
static void q_people_each(struct query *q, const struct br_filter *f,
			  size_t from)
{
	size_t i;

	for (i = from; i < f->n_people; i++) {
		q_add(q, " AND EXISTS (SELECT 1 FROM participant pa"
			 " WHERE pa.event_id = e.id AND pa.person_id = ?)");
		q_int(q, f->people[i]);
	}
}

/* FROM and the filter's WHERE terms; afterwards the query ends inside a
 * WHERE clause, so callers append " AND ..." terms. The driving table is
 * the one whose index is already in time order for the filter: the
 * search index (its rowid is the event's seq), one person's
 * participations, or the events. */
static void q_from_filter(struct query *q, const struct br_filter *f,
			  struct br_search *search)
{
	size_t i;
	int by_person = f->n_people == 1 || (f->n_people > 1 && f->people_all);

	q->by_seq = 0;
	if (search && (search->match[0] || search->gram_match[0])) {
		/* The trigram index drives; the index of pairs checks its
		 * rows, or drives when the search has no longer term. */
		if (!search->match[0]) {
			q_add(q,
			      " FROM event_gram s JOIN event e"
			      " ON e.seq = s.rowid WHERE event_gram MATCH ?");
			q_text(q, search->gram_match);
		} else {
			q_add(q, " FROM event_fts s JOIN event e"
				 " ON e.seq = s.rowid WHERE event_fts MATCH ?");
			q_text(q, search->match);
			if (search->gram_match[0]) {
				q_add(q, " AND EXISTS (SELECT 1 FROM event_gram"
					 " g WHERE event_gram MATCH ? AND"
					 " g.rowid = s.rowid)");
				q_text(q, search->gram_match);
			}
		}
		q->by_seq = 1;
		q->key_ts = "e.ts";
		q->key_id = "e.id";
		if (f->n_people > 1 && !f->people_all)
			q_people_any(q, f);
		else
			q_people_each(q, f, 0);
	} else if (by_person && q->count_only && f->n_people == 1 &&
		   !filter_kinds(f) && !f->faction) {
		/* Counting one person's events: their index alone. */
		q_add(q, " FROM participant d WHERE d.person_id = ?");
		q_int(q, f->people[0]);
		q->key_ts = "d.ts";
		q->key_id = "d.event_id";
	} else if (by_person) {
		q_add(q, " FROM participant d JOIN event e ON e.id = d.event_id"
			 " WHERE d.person_id = ?");
		q_int(q, f->people[0]);
		q->key_ts = "d.ts";
		q->key_id = "d.event_id";
		q_people_each(q, f, 1);
	} else {
		q_add(q, " FROM event e WHERE 1");
		q->key_ts = "e.ts";
		q->key_id = "e.id";
		if (f->n_people > 1)
			q_people_any(q, f);
	}
	if (filter_kinds(f)) {
		const char *sep = " AND e.kind IN (";

		for (i = 0; i < 3; i++) {
			if (f->kinds & (1u << i)) {
				q_add(q, sep);
				q_add(q, "?");
				q_text(q, kind_names[i]);
				sep = ", ";
			}
		}
		q_add(q, ")");
	}
	if (f->from != BR_INSTANT_MIN) {
		/* On the driving table's time, so its index bounds it. */
		q_add(q, " AND ");
		q_add(q, q->key_ts);
		q_add(q, " >= ?");
		q_int(q, f->from);
	}
	if (f->to != BR_INSTANT_MAX) {
		q_add(q, " AND ");
		q_add(q, q->key_ts);
		q_add(q, " <= ?");
		q_int(q, f->to);
	}
	if (f->faction) {
		/* A line or a crisis stance: faction ids are one set. */
		q_add(q, " AND EXISTS (SELECT 1 FROM participant pa"
			 " WHERE pa.event_id = e.id AND ? IN (pa.faction_id,"
			 " pa.stance_id))");
		q_int(q, f->faction);
	}
	for (i = 0; search && i < search->n_short; i++) {
		/* Too short for the trigram index, and not Chinese: look
		 * in the texts. */
		q_add(q, " AND (instr(lower(e.title_en), ?) OR"
			 " instr(e.title_zh, ?) OR"
			 " instr(lower(e.summary_en), ?) OR"
			 " instr(e.summary_zh, ?) OR"
			 " EXISTS (SELECT 1 FROM participant pa JOIN alias a"
			 " ON a.person_id = pa.person_id WHERE"
			 " pa.event_id = e.id AND instr(a.norm, ?)))");
		q_text(q, search->shorts[i]);
		q_text(q, search->shorts[i]);
		q_text(q, search->shorts[i]);
		q_text(q, search->shorts[i]);
		q_text(q, search->short_folds[i]);
	}
}

static void q_key(struct query *q, const struct br_key *key, enum br_dir dir)
{
	if (!key)
		return;
	if (q->by_seq) {
		/* The key as a seq: the last event at or before it (or the
		 * first at or after it), through the (ts, id, seq) index. */
		q_add(q,
		      dir == BR_AFTER
			      ? " AND s.rowid > ifnull((SELECT seq FROM event"
				" WHERE (ts, id) <= (?, ?) ORDER BY ts DESC,"
				" id DESC LIMIT 1), 0)"
			      : " AND s.rowid < ifnull((SELECT seq FROM event"
				" WHERE (ts, id) >= (?, ?) ORDER BY ts, id"
				" LIMIT 1), 9223372036854775807)");
		q_int(q, key->ts);
		q_int(q, key->id);
		return;
	}
	q_add(q, " AND (");
	q_add(q, q->key_ts);
	q_add(q, ", ");
	q_add(q, q->key_id);
	q_add(q, dir == BR_AFTER ? ") > (?, ?)" : ") < (?, ?)");
	q_int(q, key->ts);
	q_int(q, key->id);
}

static void q_order(struct query *q, enum br_dir dir)
{
	const char *d = dir == BR_AFTER ? "" : " DESC";

	if (q->by_seq) {
		q_add(q, " ORDER BY s.rowid");
		q_add(q, d);
		return;
	}
	q_add(q, " ORDER BY ");
	q_add(q, q->key_ts);
	q_add(q, d);
	q_add(q, ", ");
	q_add(q, q->key_id);
	q_add(q, d);
}

static enum br_precision precision_of(const char *name)
{
	enum br_precision p = BR_PREC_DAY;

	br_precision_parse(name ? name : "", &p);
	return p;
}

/* Reads the row at st (event_cols) into ev, strings into pool. */
static void read_event(sqlite3_stmt *st, struct br_event *ev,
		       struct br_pool *pool)
{
	ev->id = sqlite3_column_int64(st, 0);
	ev->kind = br_kind_parse(br_col(st, 1));
	ev->marker = br_pool_strdup(pool, br_col(st, 2));
	ev->ts = sqlite3_column_int64(st, 3);
	ev->t_min = sqlite3_column_int64(st, 4);
	ev->t_max = sqlite3_column_int64(st, 5);
	ev->precision = precision_of(br_col(st, 6));
	ev->inferred = sqlite3_column_int(st, 7);
	ev->time_text = br_pool_strdup(pool, br_col(st, 8));
	ev->title[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 9));
	ev->title[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 10));
	ev->summary[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 11));
	ev->summary[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 12));
	ev->people[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 13));
	ev->people[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 14));
	ev->short_people[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 15));
	ev->short_people[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 16));
	ev->n_notes = sqlite3_column_int(st, 17);
}

static void page_push(struct br_page *page, sqlite3_stmt *st)
{
	if (page->n == page->cap) {
		page->cap = page->cap ? page->cap * 2 : 64;
		page->rows = br_xrealloc(page->rows,
					 page->cap * sizeof(*page->rows));
	}
	read_event(st, &page->rows[page->n++], &page->pool);
}

int br_events_page(struct br_db *db, const struct br_filter *f,
		   const struct br_key *key, enum br_dir dir, size_t limit,
		   struct br_page *page)
{
	struct br_search search;
	struct query q = {0};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	page->n = 0;
	br_pool_clear(&page->pool);
	br_search_compile(&search, f->search);
	q_add(&q, EVENT_COLS);
	q_from_filter(&q, f, &search);
	q_key(&q, key, dir);
	q_order(&q, dir);
	q_add(&q, " LIMIT ?");
	q_int(&q, (int64_t)limit);
	st = q_prepare(db, &q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		page_push(page, st);
	br_db_reset(st);
	br_search_free(&search);
	if (rc != SQLITE_DONE)
		return -1;
	if (dir == BR_BEFORE) {
		for (i = 0; i < page->n / 2; i++) {
			struct br_event tmp = page->rows[i];

			page->rows[i] = page->rows[page->n - 1 - i];
			page->rows[page->n - 1 - i] = tmp;
		}
	}
	return (int)page->n;
}

/* The key of the first event after (or last before) key; 1, 0 or -1. */
static int step_key(struct br_db *db, const struct br_filter *f,
		    const struct br_key *key, enum br_dir dir,
		    struct br_key *out)
{
	struct br_search search;
	struct query q = {0};
	sqlite3_stmt *st;
	int rc;

	br_search_compile(&search, f->search);
	q_add(&q, "SELECT ");
	/* key_ts is only known after FROM; both drivers expose e.ts/e.id. */
	q_add(&q, "e.ts, e.id");
	q_from_filter(&q, f, &search);
	q_key(&q, key, dir);
	q_order(&q, dir);
	q_add(&q, " LIMIT 1");
	st = q_prepare(db, &q);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->ts = sqlite3_column_int64(st, 0);
		out->id = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	br_search_free(&search);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static br_instant distance(br_instant ts, br_instant t_min, br_instant t_max)
{
	if (ts < t_min)
		return t_min - ts;
	if (ts > t_max)
		return ts - t_max;
	return 0;
}

int br_events_nearest(struct br_db *db, const struct br_filter *f,
		      br_instant t_min, br_instant t_max, struct br_key *out)
{
	struct br_key start = {t_min, INT64_MIN}, after, before;
	int a, b;

	a = step_key(db, f, &start, BR_AFTER, &after);
	if (a < 0)
		return -1;
	if (a && after.ts <= t_max) {
		*out = after;
		return 1;
	}
	b = step_key(db, f, &start, BR_BEFORE, &before);
	if (b < 0)
		return -1;
	if (!a && !b)
		return 0;
	if (!a || (b && distance(before.ts, t_min, t_max) <
				distance(after.ts, t_min, t_max)))
		*out = before;
	else
		*out = after;
	return 1;
}

static const char marker_sql[] =
	"SELECT ts, id FROM event WHERE marker IN (?1, ?2) ORDER BY marker"
	" LIMIT 1";

/* "主线#7" -> "主線#07": the traditional script, and two digits. */
static void marker_norm(const char *in, char *out, size_t len)
{
	static const char simp[] = "主线", trad[] = "主線";
	const char *hash;

	if (!strncmp(in, simp, sizeof(simp) - 1))
		snprintf(out, len, "%s%s", trad, in + sizeof(simp) - 1);
	else
		br_strlcpy(out, in, len);
	hash = strstr(out, "#");
	if (hash && hash[1] >= '0' && hash[1] <= '9' && hash[2] == '\0') {
		char digit = hash[1];
		size_t at = (size_t)(hash - out) + 1;

		if (at + 3 <= len) {
			out[at] = '0';
			out[at + 1] = digit;
			out[at + 2] = '\0';
		}
	}
}

int br_events_by_marker(struct br_db *db, const char *marker,
			struct br_key *out)
{
	sqlite3_stmt *st;
	char norm[64];
	int rc;

	if (strlen(marker) >= sizeof(norm) - 2)
		return 0;
	marker_norm(marker, norm, sizeof(norm));
	st = br_db_stmt(db, marker_sql);
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_TRANSIENT);
	/* An article in simplified script keeps 主线 in its markers. */
	if (!strncmp(norm, "主線", strlen("主線"))) {
		char simp[64];

		snprintf(simp, sizeof(simp), "主线%s", norm + strlen("主線"));
		sqlite3_bind_text(st, 2, simp, -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->ts = sqlite3_column_int64(st, 0);
		out->id = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Counts f's events (before key, if any), stopping past cap (< 0: no
 * cap). */
static int64_t count_query(struct br_db *db, const struct br_filter *f,
			   const struct br_key *key, int64_t cap)
{
	struct br_search search;
	struct query q = {0};
	sqlite3_stmt *st;
	int64_t n = -1;

	br_search_compile(&search, f->search);
	q_add(&q, "SELECT count(*) FROM (SELECT 1");
	q.count_only = 1;
	q_from_filter(&q, f, &search);
	q_key(&q, key, BR_BEFORE);
	q_add(&q, " LIMIT ?)");
	q_int(&q, cap < 0 ? -1 : cap + 1);
	st = q_prepare(db, &q);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	br_search_free(&search);
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

static int64_t person_total(struct br_db *db, int64_t person)
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

	if (person_total(db, person) < BR_TALLY_MIN_EVENTS)
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
		return person_total(db, f->people[0]);
	if (key && lone_person(f)) {
		int64_t n = person_rank(db, f->people[0], key);

		if (n >= 0)
			return cap >= 0 && n > cap ? cap + 1 : n;
	}
	return count_query(db, f, key, cap);
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
	if (f->from != BR_INSTANT_MIN || f->to != BR_INSTANT_MAX ||
	    f->search[0])
		return 0;
	if (lone_person(f)) {
		if (person_total(db, f->people[0]) < BR_TALLY_MIN_EVENTS)
			return 0;
		*dim = "person";
		*finest = BR_TALLY_DAY;
		keys[n++] = f->people[0];
	} else if (!f->n_people && filter_kinds(f) && !f->faction) {
		*dim = "kind"; /* kinds are disjoint: their counts add up */
		for (i = 0; i < 3; i++)
			if (f->kinds & (1u << i))
				keys[n++] = (int64_t)i;
	} else if (!f->n_people && !filter_kinds(f) && f->faction) {
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

int br_events_density(struct br_db *db, const struct br_filter *f,
		      br_instant start, br_instant width, size_t n,
		      uint32_t *counts)
{
	struct br_search search;
	struct query q = {0};
	sqlite3_stmt *st;
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
	if (rc != -1)
		return rc == 0 ? 0 : -1;
	br_search_compile(&search, f->search);
	/* The instants in the range, counted here: a GROUP BY would sort
	 * them in a temporary b-tree when the search index drives. */
	q_add(&q, "SELECT e.ts");
	q_from_filter(&q, f, &search);
	q_add(&q, " AND ");
	q_add(&q, q.key_ts);
	q_add(&q, " >= ? AND ");
	q_add(&q, q.key_ts);
	q_add(&q, " < ?");
	q_int(&q, start);
	q_int(&q, start + width * (br_instant)n);
	st = q_prepare(db, &q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t b = (sqlite3_column_int64(st, 0) - start) / width;

		if (b >= 0 && (size_t)b < n)
			counts[b]++;
	}
	br_db_reset(st);
	br_search_free(&search);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One event in full */

/* clang-format off */
static const char detail_people_sql[] =
	"SELECT pa.person_id, p.slug, p.name_en, p.name_zh, pa.role,"
	" ifnull(f.id, 0), ifnull(f.slug, ''), ifnull(f.name_en, ''),"
	" ifnull(f.name_zh, ''), "
	BR_TITLES_EN("p.id", "e.ts") ", " BR_TITLES_ZH("p.id", "e.ts")
	" FROM participant pa JOIN person p ON p.id = pa.person_id"
	" JOIN event e ON e.id = pa.event_id"
	" LEFT JOIN faction f ON f.id = pa.faction_id"
	" WHERE pa.event_id = ?"
	" ORDER BY CASE pa.role WHEN 'actor' THEN 0 WHEN 'subject' THEN 1"
	" ELSE 2 END, pa.person_id";
/* clang-format on */

static const char detail_figures_sql[] =
	"SELECT f.event_id, f.code, k.name_en, k.name_zh, f.value,"
	" ifnull(f.total, 0), f.shown_en, f.shown_zh, f.ts"
	" FROM figure f JOIN figure_kind k ON k.code = f.code"
	" WHERE f.event_id = ? ORDER BY f.id";

static const char detail_notes_sql[] =
	"SELECT kind, text_en, text_zh FROM note WHERE event_id = ?"
	" ORDER BY id";

static const char detail_event_sql[] =
	EVENT_COLS " FROM event e WHERE e.id = ?";

void br_figure_read(sqlite3_stmt *st, struct br_figure *fig,
		    struct br_pool *pool)
{
	fig->event_id = sqlite3_column_int64(st, 0);
	fig->code = br_pool_strdup(pool, br_col(st, 1));
	fig->name[0] = br_pool_strdup(pool, br_col(st, 2));
	fig->name[1] = br_pool_strdup(pool, br_col(st, 3));
	fig->value = sqlite3_column_int64(st, 4);
	fig->total = sqlite3_column_int64(st, 5);
	fig->shown[0] = br_pool_strdup(pool, br_col(st, 6));
	fig->shown[1] = br_pool_strdup(pool, br_col(st, 7));
	fig->ts = sqlite3_column_int64(st, 8);
	/* The split's rows say when the figure ends, and how well its
	 * event's time is known; an event's own rows need not. */
	fig->until = 0;
	fig->ended = 0;
	fig->t_min = fig->t_max = fig->ts;
	fig->precision = BR_PREC_MINUTE;
	if (sqlite3_column_count(st) > 13) {
		fig->ended = sqlite3_column_type(st, 9) != SQLITE_NULL;
		fig->until = sqlite3_column_int64(st, 9);
		fig->t_min = sqlite3_column_int64(st, 10);
		fig->t_max = sqlite3_column_int64(st, 11);
		br_precision_parse(br_col(st, 12), &fig->precision);
		fig->marker = br_pool_strdup(pool, br_col(st, 13));
	} else {
		fig->marker = "";
	}
}

static int read_people(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_people_sql);
	struct br_pool *pool = &d->store.pool;
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_participant *p;

		d->people = br_grow(d->people, d->n_people, &cap,
				    sizeof(*d->people));
		p = &d->people[d->n_people++];
		p->person_id = sqlite3_column_int64(st, 0);
		p->slug = br_pool_strdup(pool, br_col(st, 1));
		p->name[0] = br_pool_strdup(pool, br_col(st, 2));
		p->name[1] = br_pool_strdup(pool, br_col(st, 3));
		p->role = br_pool_strdup(pool, br_col(st, 4));
		p->faction = sqlite3_column_int64(st, 5);
		p->faction_slug = br_pool_strdup(pool, br_col(st, 6));
		p->faction_name[0] = br_pool_strdup(pool, br_col(st, 7));
		p->faction_name[1] = br_pool_strdup(pool, br_col(st, 8));
		p->titles[0] = br_pool_strdup(pool, br_col(st, 9));
		p->titles[1] = br_pool_strdup(pool, br_col(st, 10));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_figures(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_figures_sql);
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->figures = br_grow(d->figures, d->n_figures, &cap,
				     sizeof(*d->figures));
		br_figure_read(st, &d->figures[d->n_figures++], &d->store.pool);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_notes(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_notes_sql);
	struct br_pool *pool = &d->store.pool;
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_note *n;

		d->notes =
			br_grow(d->notes, d->n_notes, &cap, sizeof(*d->notes));
		n = &d->notes[d->n_notes++];
		n->kind = br_pool_strdup(pool, br_col(st, 0));
		n->text[0] = br_pool_strdup(pool, br_col(st, 1));
		n->text[1] = br_pool_strdup(pool, br_col(st, 2));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int br_event_detail(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st;
	int rc;

	br_detail_free(d);
	st = br_db_stmt(db, detail_event_sql);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_event(st, &d->ev, &d->store.pool);
	br_db_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (read_people(db, id, d) < 0 || read_figures(db, id, d) < 0 ||
	    read_notes(db, id, d) < 0)
		return -1;
	return 1;
}

void br_detail_free(struct br_detail *d)
{
	free(d->people);
	free(d->figures);
	free(d->notes);
	br_page_free(&d->store);
	memset(d, 0, sizeof(*d));
}
