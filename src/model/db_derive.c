/* db_derive: the derived columns and tables of a database, computed from
 * its data (schema.sql says which are derived): aliases from names,
 * participants' instants and sides, seq, the person statistics, the
 * sides over time, figures' lives, the people list's order, the search
 * indexes and the tallies. br_db_finalize runs it. */
#include <stdio.h>
#include <string.h>

#include "boardroom/db.h"
#include "model/model.h"

/* The derived columns, from the data. Every name is an alias too. */
static const char derive_aliases_sql[] =
	"INSERT OR IGNORE INTO alias (person_id, alias)"
	"  SELECT id, name_en FROM person UNION ALL"
	"  SELECT id, name_zh FROM person UNION ALL SELECT id, slug FROM "
	"person;"
	"UPDATE alias SET norm = br_fold(alias) WHERE norm IS NULL;";

/* A participant's instant is its event's: rewritten only where it is
 * not (an import writes it with the row). Its line and crisis stance are
 * the person's latest of each kind at or before that instant (a stance to
 * no side gives NULL). */
static const char derive_participants_sql[] =
	"UPDATE participant SET ts = e.ts FROM event e"
	"  WHERE e.id = participant.event_id AND participant.ts IS NOT e.ts;"
	"UPDATE participant SET faction_id = (SELECT s.faction_id FROM stance s"
	"  WHERE s.person_id = participant.person_id AND s.axis = 'line'"
	"    AND (s.since IS NULL OR s.since <= participant.ts)"
	"  ORDER BY s.since DESC LIMIT 1),"
	" stance_id = (SELECT s.faction_id FROM stance s"
	"  WHERE s.person_id = participant.person_id AND s.axis = 'crisis'"
	"    AND (s.since IS NULL OR s.since <= participant.ts)"
	"  ORDER BY s.since DESC LIMIT 1);";

/* A stance names a faction of its own kind. */
static const char stance_axis_sql[] =
	"SELECT s.id, f.slug, f.axis FROM stance s"
	" JOIN faction f ON f.id = s.faction_id WHERE f.axis <> s.axis LIMIT 1";

static int check_stances(struct br_db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, stance_axis_sql);
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		snprintf(err, errlen,
			 "stance %lld: faction '%s' is a %s side, not the "
			 "stance's kind",
			 (long long)sqlite3_column_int64(st, 0), br_col(st, 1),
			 br_col(st, 2));
	else if (rc != SQLITE_DONE)
		snprintf(err, errlen, "%s", sqlite3_errmsg(br_db_handle(db)));
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* seq numbers the events in (ts, id) order: a position is then one
 * lookup, and the search index pages in time order by rowid. Only the
 * rows whose number changes are written (an import numbers the rows it
 * writes in its own order, right when they come in time order). */
static const char derive_seq_sql[] =
	"UPDATE event SET seq = x.r FROM (SELECT id, row_number() OVER"
	"  (ORDER BY ts, id) AS r FROM event) AS x"
	" WHERE x.id = event.id AND event.seq IS NOT x.r;";

/* The counts, and from when the split places each person: not at all for
 * a tier that is not placed; for the directors and officers of the
 * organisation followed (those who hold a role of a part there when the
 * crisis window opens), from when they took that role (NULL: from the
 * first event on) if that is earlier than their first appearance; else
 * from their first appearance. */
#define WINDOW_START_SQL                                                       \
	"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'window_start')"
static const char derive_stats_sql[] =
	"DELETE FROM person_stat;"
	"INSERT INTO person_stat (person_id, n_events, first_ts)"
	"  SELECT person_id, count(*), min(ts) FROM participant"
	"  GROUP BY person_id;"
	"UPDATE person_stat SET placed_from = CASE"
	" WHEN first_ts IS NULL OR EXISTS (SELECT 1 FROM person p"
	"   JOIN tier t ON t.code = p.tier"
	"   WHERE p.id = person_stat.person_id AND t.placed = 0) THEN NULL"
	" ELSE min(first_ts, ifnull((SELECT min(ifnull(r.since,"
	"   (SELECT min(ts) FROM event))) FROM role r"
	"   JOIN role_title rt ON rt.code = r.code"
	"   WHERE r.person_id = person_stat.person_id AND rt.part <> ''"
	"   AND r.org_id IS " BR_CENTRAL_ORG_SQL
	"   AND (r.since IS NULL OR r.since <= " WINDOW_START_SQL ")"
	"   AND (r.until IS NULL OR " WINDOW_START_SQL " < r.until)),"
	"   first_ts)) END;";

/* The ruler's tallies (schema.sql, tally). Each dimension is read through
 * its index in (key, ts) order and counted here, so nothing is sorted: a
 * bucket is complete when the key or its start changes. A faction counts
 * an event once however many of its people were on that side; those rows
 * come together in the index order. */
static const br_instant tally_widths[] = {BR_TALLY_HOUR, BR_TALLY_DAY,
					  BR_TALLY_SPAN};

static const struct {
	const char *dim;
	int distinct;
	size_t from_width; /* the first of tally_widths kept */
	const char *sql;
} tally_sources[] = {
	{"person", 0, 1,
	 "SELECT pa.person_id, pa.ts, pa.event_id FROM person_stat ps"
	 " JOIN participant pa ON pa.person_id = ps.person_id"
	 " WHERE ps.n_events >= ?1 AND pa.ts IS NOT NULL"
	 " ORDER BY pa.person_id, pa.ts, pa.event_id"},
	{"kind", 0, 0,
	 "SELECT CASE kind WHEN 'main' THEN 0 WHEN 'aside' THEN 1 ELSE 2 END,"
	 " ts, id FROM event ORDER BY kind, ts, id"},
	{"faction", 1, 0,
	 "SELECT faction_id, ts, event_id FROM participant"
	 " WHERE faction_id IS NOT NULL AND ts IS NOT NULL"
	 " ORDER BY faction_id, ts, event_id"},
	{"faction", 1, 0,
	 "SELECT stance_id, ts, event_id FROM participant"
	 " WHERE stance_id IS NOT NULL AND ts IS NOT NULL"
	 " ORDER BY stance_id, ts, event_id"},
};

static const char tally_insert_sql[] =
	"INSERT INTO tally (dim, key, width, start, n) VALUES (?, ?, ?, ?, ?)";

struct tally {
	sqlite3_stmt *insert;
	const char *dim;
	int64_t key;
	br_instant start[3];
	int64_t n[3];
};

static int tally_flush(struct tally *t, size_t w)
{
	int rc;

	if (!t->n[w])
		return 0;
	sqlite3_bind_text(t->insert, 1, t->dim, -1, SQLITE_STATIC);
	sqlite3_bind_int64(t->insert, 2, t->key);
	sqlite3_bind_int64(t->insert, 3, tally_widths[w]);
	sqlite3_bind_int64(t->insert, 4, t->start[w]);
	sqlite3_bind_int64(t->insert, 5, t->n[w]);
	rc = sqlite3_step(t->insert);
	br_db_reset(t->insert);
	t->n[w] = 0;
	return rc == SQLITE_DONE ? 0 : -1;
}

static int derive_tally(struct br_db *db, char *err, size_t errlen)
{
	struct tally t = {0};
	size_t d, w;
	int rc;

	err[0] = '\0';
	rc = br_db_exec(db, "DELETE FROM tally", err, errlen);

	t.insert = br_db_stmt(db, tally_insert_sql);
	for (d = 0; rc == 0 && d < BR_ARRAY_SIZE(tally_sources); d++) {
		sqlite3_stmt *st = br_db_stmt(db, tally_sources[d].sql);
		int64_t last_event = 0;
		int have = 0, step;

		t.dim = tally_sources[d].dim;
		if (sqlite3_bind_parameter_count(st) > 0)
			sqlite3_bind_int64(st, 1, BR_TALLY_MIN_EVENTS);
		while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t key = sqlite3_column_int64(st, 0);
			br_instant ts = sqlite3_column_int64(st, 1);
			int64_t ev = sqlite3_column_int64(st, 2);

			if (have && key == t.key && tally_sources[d].distinct &&
			    ev == last_event)
				continue;
			for (w = tally_sources[d].from_width;
			     w < BR_ARRAY_SIZE(tally_widths); w++) {
				br_instant b =
					br_bucket_start(ts, tally_widths[w]);

				if (have && (key != t.key || b != t.start[w]) &&
				    tally_flush(&t, w) < 0)
					rc = -1;
				t.start[w] = b;
				t.n[w]++;
			}
			t.key = key;
			last_event = ev;
			have = 1;
		}
		br_db_reset(st);
		if (rc == 0 && step != SQLITE_DONE)
			rc = -1;
		for (w = 0; rc == 0 && w < BR_ARRAY_SIZE(tally_widths); w++)
			rc = tally_flush(&t, w);
		memset(t.n, 0, sizeof(t.n));
	}
	if (rc < 0 && !*err)
		snprintf(err, errlen, "%s", sqlite3_errmsg(br_db_handle(db)));
	return rc;
}

/* A figure holds from its event's instant until the instant of the event
 * that ends it or of the next figure of its kind, whichever comes first. */
static const char derive_figures_sql[] =
	"UPDATE figure SET ts = (SELECT ts FROM event"
	"  WHERE event.id = figure.event_id);"
	"UPDATE figure SET until = (SELECT min(x) FROM ("
	"  SELECT e.ts AS x FROM event e WHERE e.id = figure.until_event"
	"  UNION ALL SELECT (SELECT f2.ts FROM figure f2"
	"   WHERE f2.code = figure.code AND (f2.ts, f2.id) > (figure.ts,"
	"   figure.id) ORDER BY f2.ts, f2.id LIMIT 1)));";

/* The lines from the instant each person is placed on, cut where their
 * crisis stance changes, so that a row carries both. On each kind a stance
 * lasts until the person's next one of that kind, in (since, id) order with
 * NULL first; a stance followed by another from the start never holds.
 * Before a person's first stance of a kind, and after one to no side, they
 * stand on none of it (0). A row is where a stretch on a line meets one of
 * a crisis stance. Those of a tier not placed are on -1 from their first
 * appearance. Then the running count of each line at every instant it
 * changes (a person's rows follow one another, so they count once). */
static const char derive_sides_sql[] =
	"DELETE FROM side_span;"
	"DELETE FROM side_count;"
	"WITH ranked AS (SELECT ps.person_id, ps.first_ts, ps.placed_from,"
	"   row_number() OVER (ORDER BY p.kind <> 'person', p.id) AS rank"
	"   FROM person_stat ps JOIN person p ON p.id = ps.person_id"
	"   WHERE ps.first_ts IS NOT NULL)"
	" INSERT INTO side_span (faction_id, rank, t_from, t_to, person_id,"
	"  since)"
	" SELECT -1, rank, first_ts, NULL, person_id, NULL FROM ranked"
	" WHERE placed_from IS NULL;"
	"WITH seen AS (SELECT ps.person_id, ps.placed_from AS first,"
	"   row_number() OVER (ORDER BY p.kind <> 'person', p.id) AS rank,"
	"   ps.placed_from FROM person_stat ps JOIN person p"
	"   ON p.id = ps.person_id WHERE ps.first_ts IS NOT NULL),"
	" placed AS (SELECT * FROM seen WHERE placed_from IS NOT NULL),"
	" st AS (SELECT s.person_id, s.axis, ifnull(s.faction_id, 0)"
	"   AS faction_id, s.since, s.id, s.event_id FROM stance s"
	"   JOIN placed ON placed.person_id = s.person_id"
	"   UNION ALL SELECT person_id, 'line', 0, NULL, 0, NULL FROM placed"
	"   UNION ALL SELECT person_id, 'crisis', 0, NULL, 0, NULL FROM "
	"placed),"
	" spans AS (SELECT person_id, axis, faction_id, since, event_id,"
	"   lead(id) OVER w AS next_id, lead(since) OVER w AS next_since"
	"   FROM st WINDOW w AS (PARTITION BY person_id, axis"
	"   ORDER BY since, id)),"
	" cut AS (SELECT * FROM (SELECT sp.person_id, sp.axis, sp.faction_id,"
	"   sp.since, sp.event_id, max(p.first, ifnull(sp.since, p.first))"
	"   AS t_from, sp.next_id, sp.next_since AS t_to FROM spans sp"
	"   JOIN placed p ON p.person_id = sp.person_id)"
	"   WHERE next_id IS NULL OR t_to > t_from),"
	" l AS MATERIALIZED (SELECT * FROM cut WHERE axis = 'line'),"
	" c AS MATERIALIZED (SELECT * FROM cut WHERE axis = 'crisis')"
	" INSERT INTO side_span (faction_id, rank, t_from, t_to, person_id,"
	"  since, stance_id, stance_since, stance_event)"
	" SELECT l.faction_id, p.rank, max(l.t_from, c.t_from),"
	"  CASE WHEN l.t_to IS NULL THEN c.t_to WHEN c.t_to IS NULL"
	"  THEN l.t_to ELSE min(l.t_to, c.t_to) END, l.person_id, l.since,"
	"  nullif(c.faction_id, 0), c.since, c.event_id"
	" FROM l JOIN c ON c.person_id = l.person_id"
	" JOIN placed p ON p.person_id = l.person_id"
	" WHERE (l.t_to IS NULL OR c.t_from < l.t_to)"
	" AND (c.t_to IS NULL OR l.t_from < c.t_to);"
	"INSERT INTO side_count (faction_id, ts, n)"
	" SELECT faction_id, ts, sum(sum(d)) OVER (PARTITION BY faction_id"
	"  ORDER BY ts)"
	" FROM (SELECT faction_id, t_from AS ts, 1 AS d FROM side_span"
	"  UNION ALL SELECT faction_id, t_to, -1 FROM side_span"
	"  WHERE t_to IS NOT NULL)"
	" GROUP BY faction_id, ts;";

/* The people list's order and every person's folded aliases in one row
 * (schema.sql, person_rank). It follows both the aliases and the counts. */
static const char derive_rank_sql[] =
	"DELETE FROM person_rank;"
	"INSERT INTO person_rank (pos, person_id, norms)"
	" SELECT row_number() OVER (ORDER BY ifnull(s.n_events, 0) DESC,"
	"   p.name_en, p.id), p.id,"
	"  ifnull((SELECT group_concat(' ' || a.norm, '') FROM alias a"
	"    WHERE a.person_id = p.id), '')"
	" FROM person p LEFT JOIN person_stat s ON s.person_id = p.id;";

/* One derivation's statements, if what asks for it: 0, or -1 with the
 * message in err. */
static int derive_step(struct br_db *db, unsigned what, unsigned flags,
		       const char *sql, char *err, size_t errlen)
{
	return (what & flags) ? br_db_exec(db, sql, err, errlen) : 0;
}

/* A table's indexes, built again where a bulk load asks for them. */
static int reindex(br_db_index_fn indexes, void *ctx, const char *table,
		   char *err, size_t errlen)
{
	return indexes ? indexes(ctx, table, err, errlen) : 0;
}

/* What comes before the search indexes are complete, and while the trigram
 * index, the longest derivation, is made on the second core (db_search.c):
 * it starts as soon as seq is known, and the participants' columns are
 * made here meanwhile. search: the index under way, or NULL. */
static int derive_early(struct br_db *db, unsigned what, br_db_index_fn indexes,
			void *ctx, struct br_fts_build **search, char *err,
			size_t errlen)
{
	if (derive_step(db, what, BR_DERIVE_ALIASES, derive_aliases_sql, err,
			errlen) < 0 ||
	    derive_step(db, what, BR_DERIVE_SEQ, derive_seq_sql, err, errlen) <
		    0 ||
	    reindex(indexes, ctx, "event", err, errlen) < 0)
		return -1;
	if ((what & BR_DERIVE_FTS) &&
	    db_search_start(db, search, err, errlen) < 0)
		return -1;
	return derive_step(db, what, BR_DERIVE_PARTICIPANTS,
			   derive_participants_sql, err, errlen);
}

/* Every derivation asked for. The trigram index is copied in before the
 * participants' indexes are built: its merge on the second core and their
 * sort here at once would hold both their buffers. */
static int derive_all(struct br_db *db, unsigned what, br_db_index_fn indexes,
		      void *ctx, char *err, size_t errlen)
{
	struct br_fts_build *search = NULL;
	int rc = derive_early(db, what, indexes, ctx, &search, err, errlen);

	if (db_search_finish(db, search, rc == 0, err, errlen) < 0)
		rc = -1;
	if (rc < 0 || reindex(indexes, ctx, "participant", err, errlen) < 0)
		return -1;
	if ((what & BR_DERIVE_STATS) &&
	    (check_stances(db, err, errlen) < 0 ||
	     br_db_exec(db, derive_stats_sql, err, errlen) < 0 ||
	     br_db_exec(db, derive_sides_sql, err, errlen) < 0 ||
	     br_db_exec(db, derive_figures_sql, err, errlen) < 0))
		return -1;
	if (derive_step(db, what, BR_DERIVE_ALIASES | BR_DERIVE_STATS,
			derive_rank_sql, err, errlen) < 0)
		return -1;
	return (what & BR_DERIVE_TALLY) ? derive_tally(db, err, errlen) : 0;
}

/* A savepoint, not BEGIN: inside a caller's transaction (an import's) the
 * derivations commit or roll back with the data they derive from;
 * without one it is a transaction of its own. */
static int derive(struct br_db *db, unsigned what, br_db_index_fn indexes,
		  void *ctx, char *err, size_t errlen)
{
	if (br_db_exec(db, "SAVEPOINT br_finalize", err, errlen) < 0)
		return -1;
	if (derive_all(db, what, indexes, ctx, err, errlen) < 0) {
		sqlite3_exec(br_db_handle(db),
			     "ROLLBACK TO br_finalize; RELEASE br_finalize",
			     NULL, NULL, NULL);
		return -1;
	}
	return br_db_exec(db, "RELEASE br_finalize", err, errlen);
}

int br_db_finalize_bulk(struct br_db *db, unsigned what, br_db_index_fn indexes,
			void *ctx, char *err, size_t errlen)
{
	if (derive(db, what, indexes, ctx, err, errlen) < 0)
		return -1;
	return db_load_meta(db, err, errlen);
}

int br_db_finalize(struct br_db *db, unsigned what, char *err, size_t errlen)
{
	return br_db_finalize_bulk(db, what, NULL, NULL, err, errlen);
}
