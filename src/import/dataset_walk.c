/* dataset_walk: the driver that hands a document's records to the readers
 * of dataset_read.c and dataset_event.c, in document order, as the stream
 * reader (import_jsonstream.c) delivers them: one record in memory at a
 * time, whatever the document's size. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "import/dataset_private.h"
#include "import/import_jsonstream.h"
#include "import/import_private.h"

static const struct {
	const char *name;
	imp_ds_reader *read;
	int cast; /* read for a cast (import --people) too */
} members[] = {
	{"tiers", imp_ds_tier, 0},
	{"factions", imp_ds_faction, 0},
	{"role_titles", imp_ds_role_title, 0},
	{"figure_kinds", imp_ds_figure_kind, 0},
	{"people", imp_ds_person, 1},
	{"events", imp_ds_event, 0},
	{"stances", imp_ds_stance, 0},
	{"roles", imp_ds_role, 0},
	{"figures", imp_ds_figure, 0},
	{"not_people", imp_ds_not_person, 1},
};

imp_ds_reader *imp_ds_member(const char *name)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(members); i++)
		if (!strcmp(members[i].name, name))
			return members[i].read;
	return NULL;
}

static int cast_member(const char *name)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(members); i++)
		if (!strcmp(members[i].name, name))
			return members[i].cast;
	return 0;
}

int imp_ds_end(struct imp_ds *ds)
{
	if (!ds->has_meta && !ds->cast)
		return imp_ds_bad(ds, "/meta",
				  "missing: a dataset needs its title and "
				  "window");
	return ds->problems ? -1 : 0;
}

/* One top-level member that is not an array: the header, the meta, or a
 * member in the wrong shape. */
static int member_value(struct imp_ds *ds, const char *key, json_t *v)
{
	char p[128];

	snprintf(p, sizeof(p), "/%s", key);
	if (!strcmp(key, "format") || !strcmp(key, "version"))
		return imp_ds_header(ds, key, v);
	if (!strcmp(key, "meta"))
		return ds->cast ? 0 : imp_ds_meta(ds, v, p);
	if (!imp_ds_member(key))
		return imp_ds_bad(ds, p, "unknown member");
	return imp_ds_bad(ds, p, "an array is needed");
}

/* One record of member key's array, at index i. */
static int record(struct imp_ds *ds, const char *key, size_t i, json_t *rec)
{
	imp_ds_reader *read = imp_ds_member(key);
	char q[160];

	if (!read || (ds->cast && !cast_member(key)))
		return 0;
	snprintf(q, sizeof(q), "/%s/%zu", key, i);
	return ds->each ? ds->each(ds, read, rec, q) : read(ds, rec, q);
}

/* An array where the header or the meta belongs, or of no member. */
static int array_start(struct imp_ds *ds, const char *key)
{
	char p[128];

	snprintf(p, sizeof(p), "/%s", key);
	if (!imp_ds_member(key))
		return imp_ds_bad(ds, p,
				  strcmp(key, "format") &&
						  strcmp(key, "version") &&
						  strcmp(key, "meta")
					  ? "unknown member"
					  : "an array is not expected here");
	return 0;
}

int imp_ds_read_stream(struct imp_ds *ds, FILE *f)
{
	struct imp_js *js = imp_js_open(f, ds->file, 0);
	struct imp_js_item it;
	int rc, in_array = 0, has_format = 0, step = 0;

	while ((rc = imp_js_next(js, &it, ds->err, ds->errlen)) > 0) {
		if (imp_js_top(js) != '{') {
			imp_js_close(js);
			imp_ds_bad(ds, "", "a dataset document is an object");
			return -1;
		}
		if (it.what == IMP_JS_ARRAY_START) {
			in_array = 1;
			step = array_start(ds, it.key);
		} else if (it.what == IMP_JS_ARRAY_END) {
			in_array = 0;
		} else if (in_array) {
			step = record(ds, it.key, it.index, it.value);
		} else {
			has_format |= !strcmp(it.key, "format");
			step = member_value(ds, it.key, it.value);
		}
		if (step < 0 && !ds->check) {
			imp_js_close(js);
			return -1;
		}
	}
	imp_js_close(js);
	if (rc < 0)
		return -2; /* not JSON: ds->err says where */
	if (!has_format)
		imp_ds_bad(ds, "/format", "missing: \"%s\" is needed",
			   BR_DATASET_FORMAT);
	return imp_ds_end(ds);
}

int imp_ds_read_text(struct imp_ds *ds, const char *text, size_t len)
{
	FILE *f = fmemopen((void *)text, len ? len : 1, "rb");
	int rc;

	if (!f) {
		ds->problems++;
		snprintf(ds->err, ds->errlen, "%s: %s", ds->file,
			 strerror(errno));
		return -1;
	}
	rc = imp_ds_read_stream(ds, f);
	fclose(f);
	return rc;
}

static const char has_data_sql[] =
	"SELECT EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM person)";

int imp_ds_import(struct br_db *db, const char *path, const char *file, FILE *f,
		  struct br_import_report *rep, char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, has_data_sql);
	struct imp_ds ds = {0};
	int rc, full;

	full = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	br_db_reset(st);
	if (full) {
		snprintf(err, errlen,
			 "%s: a dataset document is imported into a new "
			 "database, and %s has data",
			 file, path);
		return -1;
	}
	rc = imp_ds_begin(&ds, db, file, err, errlen);
	if (rc == 0)
		rc = imp_ds_read_stream(&ds, f);
	if (rc == 0) {
		rep->rows = ds.events;
		rep->notes = ds.notes;
		rep->linked = ds.linked;
		rep->people_created = ds.people;
		rep->dates_stated = ds.events;
		memcpy(rep->entries, ds.kinds, sizeof(ds.kinds));
	}
	imp_ds_free(&ds);
	return rc;
}
