/* dataset_read: the records of the interchange format, one at a time
 * (dataset_private.h). Each checks its fields and what it refers to, then
 * writes its rows; ids the document gives are kept, so that a dataset
 * exported and imported again is the same database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/people.h"
#include "boardroom/text.h"
#include "import/dataset_field.h"

/* The header: "format" and "version". */
int imp_ds_header(struct imp_ds *ds, const char *key, json_t *v)
{
	char p[64];

	snprintf(p, sizeof(p), "/%s", key);
	if (!strcmp(key, "format")) {
		if (!json_is_string(v) ||
		    strcmp(json_string_value(v), BR_DATASET_FORMAT))
			return imp_ds_bad(ds, p, "\"%s\" is needed",
					  BR_DATASET_FORMAT);
		return 0;
	}
	if (!json_is_integer(v))
		return imp_ds_bad(ds, p, "a whole number is needed");
	if (json_integer_value(v) != BR_DATASET_VERSION)
		return imp_ds_bad(ds, p,
				  "version %lld is not known (this program "
				  "reads version %d)",
				  (long long)json_integer_value(v),
				  BR_DATASET_VERSION);
	return 0;
}

static const char meta_sql[] =
	"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)";

static int put_meta(struct imp_ds *ds, const char *ptr, const char *key,
		    const char *value)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, meta_sql);

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	return imp_ds_step(ds, st, ptr);
}

/* meta: title, source, tz, year, window {start, end}; T+0 of the crisis
 * clock is the window's start. */
int imp_ds_meta(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"title",  "source",	 "tz", "year",
					   "window", "identity", NULL};
	static const char *const wkeys[] = {"start", "end", NULL};
	const char *title[2], *source, *tz;
	char p[64], buf[32];
	int has[3];
	int64_t year;
	json_t *w;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "title", 1, title) < 0 ||
	    imp_ds_str(ds, rec, ptr, "source", 0, &source) < 0 ||
	    imp_ds_str(ds, rec, ptr, "tz", 0, &tz) < 0 ||
	    imp_ds_int(ds, rec, ptr, "year", 0, &has[2], &year) < 0)
		return -1;
	w = json_object_get(rec, "window");
	imp_ds_ptr(p, sizeof(p), ptr, "window");
	if (!w)
		return imp_ds_bad(ds, p, "missing");
	if (imp_ds_keys(ds, w, p, wkeys) < 0 ||
	    imp_ds_time(ds, w, p, "start", 1, &has[0], &ds->window[0]) < 0 ||
	    imp_ds_time(ds, w, p, "end", 1, &has[1], &ds->window[1]) < 0)
		return -1;
	if (ds->window[1] < ds->window[0])
		return imp_ds_bad(ds, p,
				  "the window ends before it starts (end "
				  "before start)");
	if (has[2] && (year < 1 || year > 9999))
		return imp_ds_bad(ds, ptr, "year %lld: from 1 to 9999",
				  (long long)year);
	if (!has[2]) { /* the year the window starts in */
		imp_ds_iso(ds->window[0], buf, sizeof(buf));
		year = atoi(buf);
	}
	if (put_meta(ds, ptr, "title_en", title[0][0] ? title[0] : title[1]) ||
	    put_meta(ds, ptr, "title_zh", title[1][0] ? title[1] : title[0]) ||
	    put_meta(ds, ptr, "source", source ? source : "") ||
	    put_meta(ds, ptr, "tz", tz ? tz : "UTC"))
		return -1;
	snprintf(buf, sizeof(buf), "%lld", (long long)ds->window[0]);
	if (put_meta(ds, ptr, "window_start", buf))
		return -1;
	snprintf(buf, sizeof(buf), "%lld", (long long)ds->window[1]);
	if (put_meta(ds, ptr, "window_end", buf))
		return -1;
	snprintf(buf, sizeof(buf), "%lld", (long long)year);
	ds->has_meta = 1;
	return put_meta(ds, ptr, "year", buf);
}

static const char tier_sql[] =
	"INSERT INTO tier (code, name_en, name_zh, placed) VALUES (?,?,?,?)";

int imp_ds_tier(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"code", "name", "placed", NULL};
	const char *code, *name[2];
	sqlite3_stmt *st;
	int placed;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_str(ds, rec, ptr, "code", 1, &code) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "name", 1, name) < 0 ||
	    imp_ds_bool(ds, rec, ptr, "placed", &placed) < 0)
		return -1;
	st = br_db_stmt(ds->db, tier_sql);
	imp_ds_bind(st, 1, code);
	imp_ds_bind(st, 2, name[0]);
	imp_ds_bind(st, 3, name[1]);
	sqlite3_bind_int(st, 4, placed);
	return imp_ds_step(ds, st, ptr);
}

static const char *const axes[] = {"line", "crisis", NULL};
static const char faction_sql[] =
	"INSERT INTO faction (id, slug, name_en, name_zh, desc_en, desc_zh,"
	" axis) VALUES (?, ?, ?, ?, ?, ?, ?)";

int imp_ds_faction(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"id",   "slug",	  "axis",
					   "name", "description", NULL};
	const char *slug, *axis, *name[2], *desc[2];
	sqlite3_stmt *st;
	int64_t id;
	int has;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_int(ds, rec, ptr, "id", 0, &has, &id) < 0 ||
	    imp_ds_str(ds, rec, ptr, "slug", 1, &slug) < 0 ||
	    imp_ds_word(ds, rec, ptr, "axis", "line", axes, &axis) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "name", 1, name) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "description", 0, desc) < 0)
		return -1;
	st = br_db_stmt(ds->db, faction_sql);
	imp_ds_bind_id(st, 1, has, id);
	imp_ds_bind(st, 2, slug);
	imp_ds_bind(st, 3, name[0]);
	imp_ds_bind(st, 4, name[1]);
	imp_ds_bind(st, 5, desc[0]);
	imp_ds_bind(st, 6, desc[1]);
	imp_ds_bind(st, 7, axis);
	return imp_ds_step(ds, st, ptr);
}

static const char role_title_sql[] =
	"INSERT INTO role_title (code, name_en, name_zh, part)"
	" VALUES (?, ?, ?, ?)";

int imp_ds_role_title(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"code", "name", "part", NULL};
	static const char *const parts[] = {"",	     "chief",	"seat",
					    "chair", "officer", NULL};
	const char *code, *name[2], *part;
	sqlite3_stmt *st;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_str(ds, rec, ptr, "code", 1, &code) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "name", 1, name) < 0 ||
	    imp_ds_word(ds, rec, ptr, "part", "", parts, &part) < 0)
		return -1;
	st = br_db_stmt(ds->db, role_title_sql);
	imp_ds_bind(st, 1, code);
	imp_ds_bind(st, 2, name[0]);
	imp_ds_bind(st, 3, name[1]);
	imp_ds_bind(st, 4, part);
	return imp_ds_step(ds, st, ptr);
}

static const char figure_kind_sql[] =
	"INSERT INTO figure_kind (code, name_en, name_zh) VALUES (?, ?, ?)";

int imp_ds_figure_kind(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"code", "name", NULL};
	const char *code, *name[2];
	sqlite3_stmt *st;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_str(ds, rec, ptr, "code", 1, &code) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "name", 1, name) < 0)
		return -1;
	st = br_db_stmt(ds->db, figure_kind_sql);
	imp_ds_bind(st, 1, code);
	imp_ds_bind(st, 2, name[0]);
	imp_ds_bind(st, 3, name[1]);
	return imp_ds_step(ds, st, ptr);
}

static const char slug_taken_sql[] = "SELECT 1 FROM person WHERE slug = ?";
static const char person_sql[] =
	"INSERT INTO person (id, slug, kind, name_en, name_zh, bio_en, bio_zh,"
	" tier, headcount, unreviewed) VALUES (?,?,?,?,?,?,?,?,?,?)";
static const char alias_sql[] =
	"INSERT OR IGNORE INTO alias (person_id, alias, norm) VALUES (?, ?, ?)";
static const char alias_other_sql[] =
	"SELECT p.slug FROM alias a JOIN person p ON p.id = a.person_id"
	" WHERE a.norm = ? AND a.person_id <> ? LIMIT 1";

/* One alias of person id; checking, a problem if another person has it
 * already. */
static int add_alias(struct imp_ds *ds, int64_t id, const char *alias,
		     const char *ptr)
{
	char *norm = br_text_fold(alias), other[128] = "";
	sqlite3_stmt *st = br_db_stmt(ds->db, alias_other_sql);
	int rc;

	sqlite3_bind_text(st, 1, norm, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (ds->check && sqlite3_step(st) == SQLITE_ROW)
		br_strlcpy(other, br_col(st, 0), sizeof(other));
	br_db_reset(st);
	/* Shared aliases are imported (a name can be ambiguous, and the
	 * model says so); check names them. */
	if (other[0] && norm[0] && ds->check) {
		free(norm);
		return imp_ds_bad(ds, ptr,
				  "'%.60s' is also an alias of '%.60s': an "
				  "alias names one person",
				  alias, other);
	}
	st = br_db_stmt(ds->db, alias_sql);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, alias, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, norm, -1, SQLITE_STATIC);
	rc = imp_ds_step(ds, st, ptr);
	free(norm);
	return rc;
}

/* The person's names and aliases: every one finds this person only. */
static int person_aliases(struct imp_ds *ds, json_t *rec, const char *ptr,
			  int64_t id, const char *const name[2])
{
	json_t *arr = json_object_get(rec, "aliases"), *v;
	char p[256];
	size_t i;

	for (i = 0; i < 2; i++) {
		imp_ds_ptr(p, sizeof(p), ptr, i ? "name/zh" : "name/en");
		if (name[i][0] && add_alias(ds, id, name[i], p) < 0)
			return -1;
	}
	imp_ds_ptr(p, sizeof(p), ptr, "aliases");
	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return imp_ds_bad(ds, p, "an array of strings is needed");
	json_array_foreach(arr, i, v)
	{
		char q[300];

		snprintf(q, sizeof(q), "%s/%zu", p, i);
		if (!json_is_string(v) || !json_string_value(v)[0])
			return imp_ds_bad(ds, q, "a name is needed");
		if (add_alias(ds, id, json_string_value(v), q) < 0)
			return -1;
	}
	return 0;
}

static int slug_taken(struct imp_ds *ds, const char *slug)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, slug_taken_sql);
	int taken;

	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	return taken;
}

int imp_ds_person(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {
		"id",	"slug",	     "kind",	"name",	      "bio",
		"tier", "headcount", "aliases", "unreviewed", NULL};
	static const char *const kinds[] = {"person", "org", "group", NULL};
	const char *slug, *kind, *name[2], *bio[2], *tier;
	int64_t id, heads;
	int has_id, has_heads, unreviewed;
	sqlite3_stmt *st;
	char p[256];

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_int(ds, rec, ptr, "id", 0, &has_id, &id) < 0 ||
	    imp_ds_str(ds, rec, ptr, "slug", 1, &slug) < 0 ||
	    imp_ds_word(ds, rec, ptr, "kind", "person", kinds, &kind) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "name", 1, name) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "bio", 0, bio) < 0 ||
	    imp_ds_str(ds, rec, ptr, "tier", 0, &tier) < 0 ||
	    imp_ds_int(ds, rec, ptr, "headcount", 0, &has_heads, &heads) < 0 ||
	    imp_ds_bool(ds, rec, ptr, "unreviewed", &unreviewed) < 0)
		return -1;
	imp_ds_ptr(p, sizeof(p), ptr, "slug");
	if (slug_taken(ds, slug)) {
		if (ds->cast) /* a cast names people the database has */
			return 0;
		return imp_ds_bad(ds, p, "'%.60s' is another person's slug",
				  slug);
	}
	imp_ds_ptr(p, sizeof(p), ptr, "headcount");
	if (has_heads && heads < 1)
		return imp_ds_bad(ds, p, "at least 1");
	if (tier && !ds->cast) {
		sqlite3_stmt *t =
			br_db_stmt(ds->db, "SELECT 1 FROM tier WHERE code = ?");
		int known;

		sqlite3_bind_text(t, 1, tier, -1, SQLITE_STATIC);
		known = sqlite3_step(t) == SQLITE_ROW;
		br_db_reset(t);
		imp_ds_ptr(p, sizeof(p), ptr, "tier");
		if (!known)
			return imp_ds_bad(
				ds, p, "no tier '%.60s' among the tiers", tier);
	}
	st = br_db_stmt(ds->db, person_sql);
	imp_ds_bind_id(st, 1, has_id && !ds->cast, id);
	imp_ds_bind(st, 2, slug);
	imp_ds_bind(st, 3, kind);
	imp_ds_bind(st, 4, name[0][0] ? name[0] : name[1]);
	imp_ds_bind(st, 5, name[1][0] ? name[1] : name[0]);
	imp_ds_bind(st, 6, bio[0]);
	imp_ds_bind(st, 7, bio[1]);
	imp_ds_bind(st, 8, ds->cast ? NULL : tier);
	imp_ds_bind_id(st, 9, has_heads, heads);
	sqlite3_bind_int(st, 10, unreviewed);
	if (imp_ds_step(ds, st, ptr) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(br_db_handle(ds->db));
	ds->people++;
	return person_aliases(ds, rec, ptr, id, name);
}

int imp_ds_not_person(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	char *norm;

	if (!json_is_string(rec) || !json_string_value(rec)[0])
		return imp_ds_bad(ds, ptr, "a name is needed");
	norm = br_text_fold(json_string_value(rec));
	ds->not_people.v =
		br_grow(ds->not_people.v, ds->not_people.n, &ds->not_people.cap,
			sizeof(*ds->not_people.v));
	ds->not_people.v[ds->not_people.n++] =
		br_pool_strdup(&ds->not_people.pool, norm);
	free(norm);
	return 0;
}
