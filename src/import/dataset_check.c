/* dataset_check: what would make a dataset's split, roles or figures
 * wrong, found by queries over its tables (so a database of any size is
 * checked in little memory), each problem named by its place: "TABLE ID"
 * in a database, the record's JSON pointer in a document (read into a
 * database in memory first, where each row remembers its pointer). */
#include "import/dataset.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/text.h"
#include "import/dataset_field.h"

/* One check: a query whose rows are (table, id, text for the message). */
struct check {
	const char *sql;
	const char *msg; /* printf format with one %s: the row's text */
};

/* 100 years, and the calendar's own limits (years 1 and 9999). */
#define CENTURY	    3155760000LL
#define FIRST_YEAR1 (-62135596800LL)
#define LAST_9999   253402300799LL

static const struct check checks[] = {
	{"SELECT 'stance', id, '' FROM stance"
	 " WHERE since IS NOT NULL AND event_id IS NULL",
	 "a stance change with no event%s: name the event that shows it"},
	{"SELECT 'role', b.id, pa.slug || ' and ' || pb.slug"
	 " FROM role a JOIN role_title ta ON ta.code = a.code"
	 "  AND ta.part = 'chief'"
	 " JOIN role b ON b.id > a.id AND b.org_id IS a.org_id"
	 " JOIN role_title tb ON tb.code = b.code AND tb.part = 'chief'"
	 " JOIN person pa ON pa.id = a.person_id"
	 " JOIN person pb ON pb.id = b.person_id"
	 " WHERE coalesce(a.since, -1e18) < coalesce(b.until, 1e18)"
	 "  AND coalesce(b.since, -1e18) < coalesce(a.until, 1e18)",
	 "two CEOs at once: %s hold the chief's role over the same time"},
	{"SELECT 'role', r.id, '' FROM role r"
	 " LEFT JOIN event a ON a.id = r.since_event"
	 " LEFT JOIN event b ON b.id = r.until_event"
	 " WHERE coalesce(r.until, b.ts) < coalesce(r.since, a.ts)",
	 "the role ends before it starts%s"},
	{"SELECT 'role', r.id, '' FROM role r JOIN event e"
	 " ON e.id = r.since_event WHERE r.since IS NOT NULL AND r.since <> "
	 "e.ts",
	 "the role's since is not the instant of its since_event%s"},
	{"SELECT 'role', r.id, '' FROM role r JOIN event e"
	 " ON e.id = r.until_event WHERE r.until IS NOT NULL AND r.until <> "
	 "e.ts",
	 "the role's until is not the instant of its until_event%s"},
	{"SELECT 'stance', s.id, '' FROM stance s JOIN event e"
	 " ON e.id = s.event_id WHERE s.since IS NOT NULL AND s.since <> e.ts",
	 "the stance's since is not the instant of its event%s"},
	{"SELECT 'stance', s.id, f.slug FROM stance s"
	 " JOIN faction f ON f.id = s.faction_id WHERE f.axis <> s.axis",
	 "faction '%s' is not a side of the stance's kind (axis)"},
	{"SELECT 'person', max(person_id), alias FROM alias"
	 " WHERE norm IS NOT NULL AND norm <> ''"
	 " GROUP BY norm HAVING count(DISTINCT person_id) > 1",
	 "an alias shared by two people: '%s' names someone before too"},
	{"SELECT 'figure', f.id, f.code FROM figure f"
	 " LEFT JOIN figure_kind k ON k.code = f.code WHERE k.code IS NULL",
	 "a figure without a unit: '%s' is no figure kind"},
	{"SELECT 'event', id, datetime(ts, 'unixepoch') FROM event"
	 " WHERE ts < ?1 UNION ALL SELECT 'event', id,"
	 " datetime(ts, 'unixepoch') FROM event WHERE ts > ?2",
	 "an event outside every plausible range (%s UTC: more than a "
	 "century from the crisis window)"},
	{"SELECT 'event', id, '' FROM event WHERE NOT (t_min <= ts AND"
	 " ts <= t_max)",
	 "the event's instant is outside its own start and end%s"},
	{"SELECT 'meta', 0, '' FROM meta a JOIN meta b"
	 " ON a.key = 'window_start' AND b.key = 'window_end'"
	 " WHERE CAST(b.value AS INTEGER) < CAST(a.value AS INTEGER)",
	 "the crisis window ends before it starts%s"},
};

/* Where a row of a document was read: its JSON pointer. */
static const char place_table_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS ds_place (tbl TEXT NOT NULL,"
	" id INTEGER NOT NULL, ptr TEXT NOT NULL, PRIMARY KEY (tbl, id))"
	" WITHOUT ROWID";
static const char place_sql[] =
	"SELECT ptr FROM temp.ds_place WHERE tbl = ? AND id = ?";

struct place_ctx {
	int file; /* places are JSON pointers */
	br_check_report *report;
	void *data;
};

static void tell(struct br_db *db, const struct place_ctx *pc, const char *tbl,
		 int64_t id, const char *msg)
{
	char place[300];

	if (!strcmp(tbl, "meta")) {
		snprintf(place, sizeof(place), pc->file ? "/meta" : "meta");
	} else if (pc->file) {
		sqlite3_stmt *st = br_db_stmt(db, place_sql);

		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		snprintf(place, sizeof(place), "%s",
			 sqlite3_step(st) == SQLITE_ROW ? br_col(st, 0) : "/");
		br_db_reset(st);
	} else {
		snprintf(place, sizeof(place), "%s %lld", tbl, (long long)id);
	}
	pc->report(pc->data, place, msg);
}

static long run_checks(struct br_db *db, const struct place_ctx *pc, char *err,
		       size_t errlen)
{
	const struct br_meta *m = br_db_meta(db);
	br_instant lo = m->window_start - CENTURY;
	br_instant hi = m->window_end + CENTURY;
	long n = 0;
	size_t i;

	if (lo < FIRST_YEAR1)
		lo = FIRST_YEAR1;
	if (hi > LAST_9999)
		hi = LAST_9999;
	for (i = 0; i < BR_ARRAY_SIZE(checks); i++) {
		/* Rows are told as they come: nothing is held. */
		sqlite3_stmt *st = br_db_stmt(db, checks[i].sql);
		int rc;

		if (sqlite3_bind_parameter_count(st) == 2) {
			sqlite3_bind_int64(st, 1, lo);
			sqlite3_bind_int64(st, 2, hi);
		}
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			char msg[512], tbl[16];

			br_strlcpy(tbl, br_col(st, 0), sizeof(tbl));
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			/* The formats are the table's, each with one %s. */
			snprintf(msg, sizeof(msg), checks[i].msg,
				 br_col(st, 2));
#pragma GCC diagnostic pop
			tell(db, pc, tbl, sqlite3_column_int64(st, 1), msg);
			n++;
		}
		br_db_reset(st);
		if (rc != SQLITE_DONE) {
			snprintf(err, errlen, "%s", br_db_errmsg(db));
			return -1;
		}
	}
	return n;
}

long br_dataset_check_db(struct br_db *db, br_check_report *report, void *data,
			 char *err, size_t errlen)
{
	struct place_ctx pc = {0, report, data};

	return run_checks(db, &pc, err, errlen);
}

/* The rows of a document remember their pointers: what each record
 * inserted last, by table. */
static const char *const place_tables[][2] = {
	{"/people/", "person"},	 {"/events/", "event"},
	{"/stances/", "stance"}, {"/roles/", "role"},
	{"/figures/", "figure"},
};

static const char remember_sql[] =
	"INSERT OR REPLACE INTO temp.ds_place (tbl, id, ptr) VALUES (?, ?, ?)";

/* The record's problems go straight to the report; a record read is
 * remembered with its pointer. */
static int read_remembering(struct imp_ds *ds, imp_ds_reader *read, json_t *rec,
			    const char *ptr)
{
	int64_t before = sqlite3_last_insert_rowid(br_db_handle(ds->db));
	int rc = read(ds, rec, ptr);
	size_t i;

	if (rc < 0 && json_is_object(rec)) {
		char key[128];

		if (!strncmp(ptr, "/people/", 8) &&
		    json_is_string(json_object_get(rec, "slug")))
			imp_ds_skip(ds, "person",
				    json_string_value(
					    json_object_get(rec, "slug")));
		if (!strncmp(ptr, "/events/", 8) &&
		    imp_ds_event_key(json_object_get(rec, "id"), key,
				     sizeof(key)) == 0)
			imp_ds_skip(ds, "event", key);
	}
	for (i = 0; rc == 0 && i < BR_ARRAY_SIZE(place_tables); i++) {
		sqlite3_stmt *st;
		int64_t id;

		if (strncmp(ptr, place_tables[i][0],
			    strlen(place_tables[i][0])))
			continue;
		/* An event's last insert is its last note or participant:
		 * its row is found by its document id instead. */
		id = sqlite3_last_insert_rowid(br_db_handle(ds->db));
		if (i == 1)
			id = imp_ds_last_event(ds);
		if (id == before && i != 1)
			break;
		st = br_db_stmt(ds->db, remember_sql);
		sqlite3_bind_text(st, 1, place_tables[i][1], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_text(st, 3, ptr, -1, SQLITE_STATIC);
		sqlite3_step(st);
		br_db_reset(st);
	}
	return rc;
}

long br_dataset_check_file(const char *path, br_check_report *report,
			   void *data, char *err, size_t errlen)
{
	struct place_ctx pc = {1, report, data};
	struct imp_ds ds = {0};
	struct br_db *db;
	char msg[512];
	long n = 0;
	FILE *f;

	if (!(f = fopen(path, "rb"))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	db = br_db_open_file(":memory:", BR_DB_CREATE, err, errlen);
	if (!db || br_db_exec(db, place_table_sql, err, errlen) < 0 ||
	    imp_ds_begin(&ds, db, path, msg, sizeof(msg)) < 0) {
		fclose(f);
		br_db_close(db);
		return -1;
	}
	ds.check = 1;
	ds.report = report;
	ds.data = data;
	ds.each = read_remembering;
	n = imp_ds_read_stream(&ds, f);
	fclose(f);
	if (n == -2) { /* not JSON: the reader said where */
		snprintf(err, errlen, "%s", msg);
		imp_ds_free(&ds);
		br_db_close(db);
		return -1;
	}
	n = ds.problems;
	/* The meta facts (the window) for the range of events. */
	if (ds.has_meta &&
	    br_db_finalize(db, BR_DERIVE_SEQ, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "%s: %s", path, msg);
		n = -1;
	}
	if (n >= 0 && ds.has_meta) {
		long more = run_checks(db, &pc, err, errlen);

		n = more < 0 ? -1 : n + more;
	}
	imp_ds_free(&ds);
	br_db_close(db);
	return n;
}
