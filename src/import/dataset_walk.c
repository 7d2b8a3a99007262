/* dataset_walk: the driver that hands a parsed document's records to the
 * readers of dataset_read.c and dataset_event.c, in document order. It is
 * the only part that holds the whole document; a streaming reader can
 * take its place, calling imp_ds_header, imp_ds_member's reader for each
 * element and imp_ds_end in the same way. */
#include <stdio.h>
#include <string.h>

#include "import/dataset_private.h"
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

int imp_ds_walk(struct imp_ds *ds, json_t *root)
{
	const char *key;
	json_t *v, *rec;
	size_t i;

	if (!json_is_object(root))
		return imp_ds_bad(ds, "", "a dataset document is an object");
	json_object_foreach(root, key, v)
	{
		imp_ds_reader *read = imp_ds_member(key);
		char p[128];
		int rc = 0;

		snprintf(p, sizeof(p), "/%s", key);
		if (!strcmp(key, "format") || !strcmp(key, "version"))
			rc = imp_ds_header(ds, key, v);
		else if (!strcmp(key, "meta"))
			rc = ds->cast ? 0 : imp_ds_meta(ds, v, p);
		else if (!read)
			rc = imp_ds_bad(ds, p, "unknown member");
		else if (!json_is_array(v))
			rc = imp_ds_bad(ds, p, "an array is needed");
		else if (!ds->cast || cast_member(key))
			json_array_foreach(v, i, rec)
			{
				char q[160];

				snprintf(q, sizeof(q), "%s/%zu", p, i);
				if ((ds->each ? ds->each(ds, read, rec, q)
					      : read(ds, rec, q)) < 0 &&
				    !ds->check)
					return -1;
			}
		if (rc < 0 && !ds->check)
			return -1;
	}
	if (!json_object_get(root, "format"))
		imp_ds_bad(ds, "/format", "missing: \"%s\" is needed",
			   BR_DATASET_FORMAT);
	return imp_ds_end(ds);
}

int imp_ds_read_text(struct imp_ds *ds, const char *text, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, 0, &jerr);
	int rc;

	if (!root) {
		ds->problems++;
		snprintf(ds->err, ds->errlen,
			 "%s: not JSON: %s (line %d, column %d)", ds->file,
			 jerr.text, jerr.line, jerr.column);
		return -1;
	}
	rc = imp_ds_walk(ds, root);
	json_decref(root);
	return rc;
}

static const char has_data_sql[] =
	"SELECT EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM person)";

int imp_ds_import(struct br_db *db, const char *path, const char *file,
		  const char *text, size_t len, struct br_import_report *rep,
		  char *err, size_t errlen)
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
		rc = imp_ds_read_text(&ds, text, len);
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
