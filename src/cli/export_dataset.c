/* export_dataset: a dataset as one JSON object, every table the explorer
 * reads from (the derived ones aside, which import derives again). Each
 * record is built, written on one line and released before the next is
 * read: the document is never held whole, whatever the database's size. */
#include "cli/export_dataset.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "boardroom/db.h"
#include "boardroom/notes.h"
#include "cli/output.h"
#include "cli/report.h"

/* The document's version, as doc/dataset.schema.json's. */
#define FORMAT_NAME    "boardroom-dataset"
#define FORMAT_VERSION 1

struct writer {
	struct cmd_ctx *ctx;
	size_t n; /* records written in the current member */
};

static json_t *iso(br_instant t)
{
	time_t tt = (time_t)t;
	char buf[32];
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_string(buf);
}

/* Column i as an instant, or null. */
static json_t *col_time(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? json_null()
		       : iso(sqlite3_column_int64(st, i));
}

static json_t *col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? json_null()
		       : json_integer(sqlite3_column_int64(st, i));
}

static json_t *col_str(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? json_null()
		       : out_json_str(br_col(st, i));
}

static json_t *col_pair(sqlite3_stmt *st, int i)
{
	return out_json_pair(br_col(st, i), br_col(st, i + 1));
}

static void member_begin(struct writer *w, const char *name)
{
	fprintf(w->ctx->out, ",\n  \"%s\": [", name);
	w->n = 0;
}

static void member_end(struct writer *w)
{
	fputs(w->n ? "\n  ]" : "]", w->ctx->out);
}

/* One record on its own line; rec is released. */
static void record(struct writer *w, json_t *rec)
{
	fputs(w->n++ ? ",\n    " : "\n    ", w->ctx->out);
	json_dumpf(rec, w->ctx->out, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(rec);
}

/* Steps st, calling row for each row; 0, or -1 on a database error. */
static int each(struct writer *w, sqlite3_stmt *st,
		json_t *(*row)(struct writer *w, sqlite3_stmt *st))
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		record(w, row(w, st));
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static br_instant meta_int(struct br_db *db, const char *key)
{
	sqlite3_stmt *st =
		br_db_stmt(db, "SELECT CAST(value AS INTEGER) FROM meta "
			       "WHERE key = ?");
	br_instant v = 0;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return v;
}

static json_t *meta_str(struct br_db *db, const char *key)
{
	sqlite3_stmt *st =
		br_db_stmt(db, "SELECT value FROM meta WHERE key = ?");
	json_t *v;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	v = out_json_str(sqlite3_step(st) == SQLITE_ROW ? br_col(st, 0) : "");
	br_db_reset(st);
	return v;
}

static void write_meta(struct writer *w)
{
	struct br_db *db = w->ctx->db;
	br_instant year = meta_int(db, "year");
	char identity[32];
	json_t *meta;

	br_notes_identity(db, identity, sizeof(identity));
	meta = json_pack("{s:{s:o, s:o}, s:o, s:o}", "title", "en",
			 meta_str(db, "title_en"), "zh",
			 meta_str(db, "title_zh"), "source",
			 meta_str(db, "source"), "tz", meta_str(db, "tz"));
	if (year >= 1 && year <= 9999) /* else none: the window's */
		json_object_set_new(meta, "year", json_integer(year));
	json_object_set_new(meta, "window",
			    json_pack("{s:o, s:o}", "start",
				      iso(meta_int(db, "window_start")), "end",
				      iso(meta_int(db, "window_end"))));
	json_object_set_new(meta, "identity", json_string(identity));
	fprintf(w->ctx->out, "{\n  \"format\": \"%s\",\n  \"version\": %d",
		FORMAT_NAME, FORMAT_VERSION);
	fputs(",\n  \"meta\": ", w->ctx->out);
	json_dumpf(meta, w->ctx->out, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(meta);
}

static json_t *tier_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:o, s:o, s:b}", "code", col_str(st, 0), "name",
			 col_pair(st, 1), "placed", sqlite3_column_int(st, 3));
}

static json_t *faction_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:I, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)sqlite3_column_int64(st, 0), "slug",
			 col_str(st, 1), "axis", col_str(st, 6), "name",
			 col_pair(st, 2), "description", col_pair(st, 4));
}

static json_t *role_title_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:o, s:o, s:o}", "code", col_str(st, 0), "name",
			 col_pair(st, 1), "part", col_str(st, 3));
}

static json_t *figure_kind_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:o, s:o}", "code", col_str(st, 0), "name",
			 col_pair(st, 1));
}

/* A person's aliases but their names and slug, which import makes
 * aliases again. */
static const char aliases_sql[] =
	"SELECT a.alias FROM alias a JOIN person p ON p.id = a.person_id"
	" WHERE a.person_id = ? AND a.alias NOT IN (p.name_en, p.name_zh,"
	" p.slug) ORDER BY a.alias";

static json_t *person_row(struct writer *w, sqlite3_stmt *st)
{
	sqlite3_stmt *al = br_db_stmt(w->ctx->db, aliases_sql);
	json_t *aliases = json_array();

	sqlite3_bind_int64(al, 1, sqlite3_column_int64(st, 0));
	while (sqlite3_step(al) == SQLITE_ROW)
		json_array_append_new(aliases, out_json_str(br_col(al, 0)));
	br_db_reset(al);
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b}", "id",
			 (json_int_t)sqlite3_column_int64(st, 0), "slug",
			 col_str(st, 1), "kind", col_str(st, 2), "name",
			 col_pair(st, 3), "bio", col_pair(st, 5), "tier",
			 col_str(st, 7), "headcount", col_int(st, 8), "aliases",
			 aliases, "unreviewed", sqlite3_column_int(st, 9));
}

static const char participants_sql[] =
	"SELECT p.slug, pa.role FROM participant pa"
	" JOIN person p ON p.id = pa.person_id WHERE pa.event_id = ?"
	" ORDER BY pa.person_id";
static const char notes_sql[] = "SELECT kind, text_en, text_zh FROM note"
				" WHERE event_id = ? ORDER BY id";

static json_t *event_row(struct writer *w, sqlite3_stmt *st)
{
	sqlite3_stmt *q = br_db_stmt(w->ctx->db, participants_sql);
	json_t *people = json_array(), *notes = json_array();
	int64_t id = sqlite3_column_int64(st, 0);

	sqlite3_bind_int64(q, 1, id);
	while (sqlite3_step(q) == SQLITE_ROW)
		json_array_append_new(people, json_pack("{s:o, s:o}", "slug",
							col_str(q, 0), "role",
							col_str(q, 1)));
	br_db_reset(q);
	q = br_db_stmt(w->ctx->db, notes_sql);
	sqlite3_bind_int64(q, 1, id);
	while (sqlite3_step(q) == SQLITE_ROW)
		json_array_append_new(notes, json_pack("{s:o, s:o, s:o}",
						       "kind", col_str(q, 0),
						       "en", col_str(q, 1),
						       "zh", col_str(q, 2)));
	br_db_reset(q);
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:o, "
			 "s:o, s:o, s:o, s:o}",
			 "id", (json_int_t)id, "marker", col_str(st, 2), "kind",
			 col_str(st, 1), "start", col_time(st, 4), "end",
			 col_time(st, 5), "at", col_time(st, 3), "precision",
			 col_str(st, 6), "inferred", sqlite3_column_int(st, 7),
			 "time_text", col_str(st, 8), "title", col_pair(st, 9),
			 "summary", col_pair(st, 11), "people", people, "notes",
			 notes, "mark", col_str(st, 13));
}

static json_t *stance_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)sqlite3_column_int64(st, 0), "person",
			 col_str(st, 1), "axis", col_str(st, 2), "faction",
			 col_str(st, 3), "since", col_time(st, 4), "event",
			 col_int(st, 5), "note", col_pair(st, 6));
}

static json_t *role_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)sqlite3_column_int64(st, 0), "person",
			 col_str(st, 1), "org", col_str(st, 2), "code",
			 col_str(st, 3), "since", col_time(st, 4), "until",
			 col_time(st, 5), "since_event", col_int(st, 6),
			 "until_event", col_int(st, 7));
}

static json_t *figure_row(struct writer *w, sqlite3_stmt *st)
{
	(void)w;
	return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)sqlite3_column_int64(st, 0), "code",
			 col_str(st, 1), "event", col_int(st, 2), "value",
			 col_int(st, 3), "total", col_int(st, 4), "shown",
			 col_pair(st, 5), "until_event", col_int(st, 7));
}

/* Each member: its name, its query (in id order, as import keeps it),
 * and how a row becomes a record. */
static const struct member {
	const char *name, *sql;
	json_t *(*row)(struct writer *w, sqlite3_stmt *st);
} members[] = {
	{"tiers", "SELECT code, name_en, name_zh, placed FROM tier", tier_row},
	{"factions",
	 "SELECT id, slug, name_en, name_zh, desc_en, desc_zh, axis FROM "
	 "faction ORDER BY id",
	 faction_row},
	{"role_titles", "SELECT code, name_en, name_zh, part FROM role_title",
	 role_title_row},
	{"figure_kinds", "SELECT code, name_en, name_zh FROM figure_kind",
	 figure_kind_row},
	{"people",
	 "SELECT id, slug, kind, name_en, name_zh, bio_en, bio_zh, tier,"
	 " headcount, unreviewed FROM person ORDER BY id",
	 person_row},
	{"events",
	 "SELECT id, kind, marker, ts, t_min, t_max, precision, inferred,"
	 " time_text, title_en, title_zh, summary_en, summary_zh,"
	 " CASE WHEN coalesce(marker, '') <> '' THEN 'm:' || marker"
	 " ELSE 't:' || ts || ':' || title_en END FROM event ORDER BY id",
	 event_row},
	{"stances",
	 "SELECT s.id, p.slug, s.axis, f.slug, s.since, s.event_id,"
	 " s.note_en, s.note_zh FROM stance s JOIN person p"
	 " ON p.id = s.person_id LEFT JOIN faction f ON f.id = s.faction_id"
	 " ORDER BY s.id",
	 stance_row},
	{"roles",
	 "SELECT r.id, p.slug, o.slug, r.code, r.since, r.until,"
	 " r.since_event, r.until_event FROM role r JOIN person p"
	 " ON p.id = r.person_id LEFT JOIN person o ON o.id = r.org_id"
	 " ORDER BY r.id",
	 role_row},
	{"figures",
	 "SELECT id, code, event_id, value, total, shown_en, shown_zh,"
	 " until_event FROM figure ORDER BY id",
	 figure_row},
};

int cmd_export(struct cmd_ctx *ctx)
{
	struct writer w = {ctx, 0};
	size_t i;

	if (ctx->format != OUT_JSON)
		return report_fail("export writes --format json only (the "
				   "dataset document)");
	write_meta(&w);
	for (i = 0; i < BR_ARRAY_SIZE(members); i++) {
		member_begin(&w, members[i].name);
		if (each(&w, br_db_stmt(ctx->db, members[i].sql),
			 members[i].row) < 0)
			return report_db(ctx->db);
		member_end(&w);
	}
	fputs(",\n  \"not_people\": []\n}\n", ctx->out);
	return 0;
}
