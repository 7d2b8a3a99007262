/* Query plans on the interactive paths: on a generated timeline, no query
 * the explorer runs reads a whole table of events, participations or
 * people without an index, or sorts rows in a temporary b-tree, but for
 * the few the people picker does by design, accepted below. And how a
 * read of several queries holds the file (read_scopes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench/floor.h"
#include "bench/gen.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/scan.h"
#include "boardroom/split.h"
#include "sql.h"
#include "tap.h"

static struct br_db *db;

/* Takes out of problems each entry (a step, then "  in: " and its SQL)
 * whose step is step and whose SQL has part in it. */
static void accept(char *problems, const char *step, const char *part)
{
	char *at = problems;

	while (*at) {
		char *in = strchr(at, '\n'), *end;

		if (!in)
			return;
		end = strchr(in + 1, '\n');
		end = end ? end + 1 : in + strlen(in);
		if ((size_t)(in - at) == strlen(step) &&
		    !strncmp(at, step, strlen(step)) && strstr(in, part) &&
		    strstr(in, part) < end)
			memmove(at, end, strlen(end) + 1);
		else
			at = end;
	}
}

/* Pages both ways, the nearest event, counts and density under f; and
 * two pages of an export's scan. */
static void exercise(const struct br_filter *f, const char *what)
{
	struct br_page p = {0};
	struct br_key key;
	uint32_t counts[80];
	struct br_scan *scan = br_scan_open(db, f, NULL, 300);
	const struct br_detail *row;
	int n;

	while (br_scan_next(scan, &row) == 1)
		;
	br_scan_close(scan);

	n = br_events_page(db, f, NULL, BR_AFTER, 60, &p);
	if (n > 0) {
		key = (struct br_key){p.rows[n / 2].ts, p.rows[n / 2].id};
		br_events_page(db, f, &key, BR_AFTER, 60, &p);
		br_events_page(db, f, &key, BR_BEFORE, 20, &p);
		br_events_count_upto(db, f, &key, 20000);
	}
	br_events_page(db, f, NULL, BR_BEFORE, 60, &p);
	br_events_nearest(db, f, 1500000000, 1500003600, &key);
	br_events_count_upto(db, f, NULL, 20000);
	br_events_density(db, f, 1400000000, 86400 * 50, 80, counts);
	br_page_free(&p);
	ok(1, "%s: ran", what);
}

/* The search the filters below take, compiled once per text. */
static struct br_search compiled;

static void search_for(struct br_filter *f, const char *text)
{
	br_search_free(&compiled);
	br_search_compile(&compiled, text);
	f->search = &compiled;
}

/* What a scan of the texts finds under term: in the generated data every
 * participant's names are in the search text. */
static int64_t scan_count(const char *term, int chinese)
{
	return sql_int(
		db,
		chinese ? "SELECT count(*) FROM event e WHERE instr(e.title_zh,"
			  " ?1) OR instr(e.summary_zh, ?1) OR EXISTS (SELECT 1"
			  " FROM participant pa JOIN person p ON p.id ="
			  " pa.person_id WHERE pa.event_id = e.id AND"
			  " instr(p.name_zh, ?1))"
			: "SELECT count(*) FROM event e WHERE instr(e.title_en,"
			  " ?1) OR instr(e.summary_en, ?1) OR EXISTS (SELECT 1"
			  " FROM participant pa JOIN person p ON p.id ="
			  " pa.person_id WHERE pa.event_id = e.id AND"
			  " instr(p.name_en, ?1))",
		term);
}

/* The generator writes without checking each row's constraints, and
 * builds its search indexes apart and copies them in: the database passes
 * SQLite's own checks, and the indexes find what a scan finds. */
static void search_indexes(void)
{
	static const struct {
		const char *term;
		int chinese;
	} cases[] = {
		{"Weber", 0}, {"Abbott", 0}, {"艾伯特", 1},
		{"会见", 1},  {"董", 1},     {"谈", 1},
	};
	struct br_filter f;
	size_t i;

	br_db_check_plans(db, 0);
	{
		sqlite3_stmt *st = br_db_stmt(db, "PRAGMA quick_check");
		int step = sqlite3_step(st);

		is_str(step == SQLITE_ROW
			       ? (const char *)sqlite3_column_text(st, 0)
			       : "no answer",
		       "ok", "generated: PRAGMA quick_check (constraints too)");
		br_db_reset(st);
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int64_t want = scan_count(cases[i].term, cases[i].chinese);

		br_filter_init(&f);
		search_for(&f, cases[i].term);
		is_int(br_events_count(db, &f), want,
		       "generated: '%s' is in %lld events", cases[i].term,
		       (long long)want);
	}
}

/* The file's size: the trigram index keeps no positions and the indexes
 * of mostly empty columns only their filled rows (schema.sql). The target,
 * 800 bytes an event at a million events and at ten million, is the
 * benchmark's to measure (743 and 757 there, with every alias indexed);
 * these 20,000 events over years with 2,000 people hold more of the fixed
 * costs an event (the people, a tally bucket of an hour for nearly every
 * event: 60 bytes, 25 at a million), and take at most 850 (1,400 with
 * positions). */
static void bytes_per_event(int64_t events)
{
	int64_t pages = sql_int(db, "PRAGMA page_count", NULL);
	int64_t page = sql_int(db, "PRAGMA page_size", NULL);
	double per = (double)(pages * page) / (double)events;

	ok(per <= 850, "generated: %.0f bytes an event on disk, at most 850",
	   per);
}

/* The ruler's counts from the tally add up to the filter's count. */
static void tally_total(const struct br_filter *f, const char *what)
{
	uint32_t counts[80];
	int64_t sum = 0;
	size_t i;

	br_events_density(db, f, 1400000000, 86400 * 50, 80, counts);
	for (i = 0; i < 80; i++)
		sum += counts[i];
	is_int(sum, br_events_count(db, f), "ruler from the tally, %s", what);
}

/* A busy person's rank from the tally, against a count of their index. */
static void tally_ranks(void)
{
	static const int64_t at[] = {1420070400, 1500000000, 1500003600,
				     1600000000, 1735689600};
	sqlite3_stmt *st = br_db_stmt(
		db, "SELECT count(*) FROM participant WHERE person_id = 1"
		    " AND (ts, event_id) < (?, ?)");
	struct br_filter f;
	size_t i;

	br_filter_init(&f);
	f.people[0] = 1;
	f.n_people = 1;
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		struct br_key key = {at[i], 5000};
		int64_t want = -1;

		sqlite3_bind_int64(st, 1, key.ts);
		sqlite3_bind_int64(st, 2, key.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			want = sqlite3_column_int64(st, 0);
		br_db_reset(st);
		is_int(br_events_rank(db, &f, &key), want,
		       "the busiest person's rank at %lld (%lld)",
		       (long long)at[i], (long long)want);
	}
	is_int(br_events_count_upto(db, &f, &(struct br_key){1735689600, 0},
				    10),
	       11, "and capped: cap + 1");
}

static void tallies(void)
{
	struct br_filter f;

	br_filter_init(&f);
	f.people[0] = 1;
	f.n_people = 1;
	tally_total(&f, "the busiest person");
	f.people[0] = 5000;
	tally_total(&f, "a quiet person");
	br_filter_init(&f);
	f.kinds = BR_KIND_MAIN | BR_KIND_BACKGROUND;
	tally_total(&f, "two kinds");
	br_filter_init(&f);
	f.faction = 2;
	tally_total(&f, "a faction");
}

/* Opening reads the schema and the meta table, and no page of the search
 * indexes: the check of their tables prepares no query of them (which
 * would read their configuration and structure). */
static void opened(void)
{
	int misses = -1, high = 0;
	int64_t pages;

	sqlite3_db_status(br_db_handle(db), SQLITE_DBSTATUS_CACHE_MISS, &misses,
			  &high, 0);
	pages = sql_int(db,
			"SELECT count(*) FROM dbstat WHERE name IN"
			" ('sqlite_schema', 'sqlite_stat1', 'meta')",
			NULL);
	ok(misses >= 0 && misses <= pages,
	   "opening reads %d pages: the schema's, the statistics' and the "
	   "meta table's (%lld)",
	   misses, (long long)pages);
}

static int n_statements, n_begins;

static int count_statement(unsigned type, void *ctx, void *p, void *x)
{
	(void)type, (void)ctx, (void)x;
	n_statements++;
	n_begins += !strcmp(sqlite3_sql((sqlite3_stmt *)p), "BEGIN");
	return 0;
}

/* br_db_read_begin: the queries up to the matching end in one read
 * transaction, which holds the file's lock between them (a writer on
 * another connection waits for the end); none at all for a scope that
 * asks nothing; nested scopes and a transaction of the caller's own
 * left to the outermost. */
static void read_scopes(const char *path)
{
	sqlite3 *conn = br_db_handle(db), *writer = NULL;
	const char *touch = "UPDATE meta SET value = value WHERE key = 'tz'";
	struct br_filter f;
	uint32_t counts[80];

	br_filter_init(&f);
	sqlite3_trace_v2(conn, SQLITE_TRACE_STMT, count_statement, NULL);
	n_statements = n_begins = 0;
	br_db_read_begin(db);
	br_db_read_end(db);
	is_int(n_statements, 0, "a read that asks nothing runs no SQL");

	br_db_read_begin(db);
	br_events_density(db, &f, 1400000000, 86400 * 50, 80, counts);
	ok(!sqlite3_get_autocommit(conn), "a read is one transaction");
	ok(sqlite3_open(path, &writer) == SQLITE_OK &&
		   sqlite3_exec(writer, touch, NULL, NULL, NULL) == SQLITE_BUSY,
	   "which holds the file: a writer waits");
	br_events_count(db, &f);
	is_int(n_begins, 1, "begun once for %d statements", n_statements);
	ok(br_db_read_end(db) == 0 && sqlite3_get_autocommit(conn),
	   "and ended");
	ok(sqlite3_exec(writer, touch, NULL, NULL, NULL) == SQLITE_OK,
	   "then the writer writes");
	sqlite3_close(writer);

	br_db_read_begin(db);
	br_db_read_begin(db);
	br_events_count(db, &f);
	br_db_read_end(db);
	ok(!sqlite3_get_autocommit(conn), "an inner end leaves it open");
	br_db_read_end(db);
	ok(sqlite3_get_autocommit(conn), "the outer one ends it");

	sqlite3_exec(conn, "BEGIN", NULL, NULL, NULL);
	br_db_read_begin(db);
	br_events_count(db, &f);
	br_db_read_end(db);
	ok(!sqlite3_get_autocommit(conn), "the caller's own is left to it");
	sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL);
	sqlite3_trace_v2(conn, 0, NULL, NULL);
}

/* The benchmark's floors run on a generated database. */
static void floors(void)
{
	static const char *const cases[][2] = {
		{"page", ""},
		{"date", "1500000000"},
		{"person", "1"},
		{"search", "Weber"},
		{"search", "会见"},
		{"search", "董"},
		{"ruler", "80"},
		{"tally", "1 80"},
		{"split", "1500000000"},
		{"people", "ab"},
		{"open", ""},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ok(br_floor_run(db, cases[i][0], cases[i][1], 24) >= 0,
		   "floor %s %s", cases[i][0], cases[i][1]);
	ok(br_floor_run(db, "frobnicate", "", 24) < 0,
	   "an unknown floor is an error");
	ok(br_floor_drop_caches(db) == 0, "the caches can be dropped");
}

int main(void)
{
	char dir[] = "/tmp/br-plans-XXXXXX", path[128], err[256];
	struct br_gen_opts o = {0};
	struct br_filter f;
	struct br_people people = {0};
	struct br_split split = {0};
	struct br_changes changes = {0};
	struct br_detail d = {0};
	struct br_member m;
	struct br_pool pool = {0};
	char slug[64], names[2][64];
	char *problems;
	int64_t id;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	o.events = 20000;
	o.people = 2000;
	o.seed = 7;
	o.path = path;
	if (!ok(br_gen(&o, err, sizeof(err)) == 0, "a 20,000-event timeline")) {
		diag("%s", err);
		return tap_done();
	}
	db = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	if (!ok(db != NULL, "it opens")) {
		diag("%s", err);
		return tap_done();
	}
	opened();
	br_db_check_plans(db, 1);
	bytes_per_event(o.events);

	br_filter_init(&f);
	exercise(&f, "no filter");
	f.kinds = BR_KIND_MAIN;
	exercise(&f, "one kind");
	br_filter_init(&f);
	f.people[0] = 1;
	f.n_people = 1;
	exercise(&f, "one person");
	f.people[1] = 2;
	f.n_people = 2;
	f.people_all = 1;
	exercise(&f, "two people, both");
	f.people_all = 0;
	exercise(&f, "two people, either");
	br_filter_init(&f);
	f.faction = 1;
	exercise(&f, "a faction");
	br_filter_init(&f);
	f.from = 1500000000;
	f.to = 1600000000;
	exercise(&f, "a time range");
	br_filter_init(&f);
	search_for(&f, "Weber");
	exercise(&f, "a search");
	search_for(&f, "艾伯特");
	exercise(&f, "a Chinese search");
	search_for(&f, "会见");
	exercise(&f, "a two-character Chinese search");
	search_for(&f, "董");
	exercise(&f, "a one-character Chinese search");
	search_for(&f, "Weber 会见");
	exercise(&f, "a word and two Chinese characters");
	f.people[0] = 1;
	f.n_people = 1;
	exercise(&f, "a search and a person");

	br_people_search(db, "Ab", 60, &people);
	br_people_search(db, "", 60, &people);
	br_people_search(db, "a", 60, &people);
	br_people_search(db, "艾", 60, &people);
	br_people_search(db, "zzq", 60, &people);
	br_people_resolve(db, "Ada Abbott", &id, err, sizeof(err));
	br_people_resolve(db, "ada", &id, err, sizeof(err));
	br_split_at(db, 1500000000, 0, &split);
	br_split_at(db, 1500000000, 40, &split);
	br_split_at(db, 1, 40, &split);
	br_changes_between(db, 1500000000, 1500086400, &changes);
	br_member_at(db, 1, 1500000000, &m, &pool, slug, names);
	br_event_detail(db, 1, &d);
	ok(1, "people, split, changes, a member, a detail: ran");

	problems = br_xstrdup(br_db_plan_problems(db));
	/* The people picker, by design (people.c, measured on 10,000
	 * people): the exact and prefix matches are sorted into list order,
	 * as many as have an alias beginning with the query (the most for
	 * one character: a few hundred); */
	accept(problems, "USE TEMP B-TREE FOR ORDER BY",
	       "min(iif(a.norm = ?1, '0', '1') || a.alias)");
	/* the substring matches come from a walk of everyone in list order
	 * that stops when the screen is full: all of them, one short row
	 * each, only when few or none match; */
	accept(problems, "SCAN r", "WHERE instr(r.norms, ?1) > 0");
	/* and with nothing typed, the list in its own order is read as far
	 * as the screen. */
	accept(problems, "SCAN r", "= r.person_id ORDER BY r.pos LIMIT ?");
	if (!ok(!*problems, "no full scan of events, participations or "
			    "people, and no temporary sort"))
		diag("%s", problems);
	free(problems);

	search_indexes();
	read_scopes(path);
	tallies();
	tally_ranks();
	floors();

	br_search_free(&compiled);
	br_people_free(&people);
	br_split_free(&split);
	br_changes_free(&changes);
	br_detail_free(&d);
	br_pool_clear(&pool);
	br_db_close(db);
	remove(path);
	rmdir(dir);
	return tap_done();
}
