/* dataset_field: the fields of the interchange format's records: typed
 * members of a record, times, pairs of texts, and references to the
 * records before (people by slug, factions by slug, events by id), each
 * problem named by its JSON pointer. */
#include "import/dataset_field.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boardroom/text.h"

int imp_ds_bad(struct imp_ds *ds, const char *ptr, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ds->problems++;
	if (ds->check && ds->report)
		ds->report(ds->data, ptr[0] ? ptr : "/", msg);
	else if (!ds->err[0])
		snprintf(ds->err, ds->errlen, "%s: %s: %s", ds->file,
			 ptr[0] ? ptr : "/", msg);
	return -1;
}

/* The document's event ids, to the database's. Temporary: this
 * connection only, never written to the file. */
static const char keys_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS ds_event (key TEXT PRIMARY KEY,"
	" id INTEGER NOT NULL) WITHOUT ROWID;"
	"DELETE FROM temp.ds_event;"
	"CREATE TEMP TABLE IF NOT EXISTS ds_skipped (kind TEXT NOT NULL,"
	" key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;"
	"DELETE FROM temp.ds_skipped;";

/* Checking: the people and events whose records had a problem (told
 * already), so that what refers to them is not told again. */
static const char skipped_sql[] =
	"SELECT 1 FROM temp.ds_skipped WHERE kind = ? AND key = ?";
static const char skip_sql[] =
	"INSERT OR IGNORE INTO temp.ds_skipped (kind, key) VALUES (?, ?)";

void imp_ds_skip(struct imp_ds *ds, const char *kind, const char *key)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, skip_sql);

	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_step(st);
	br_db_reset(st);
}

static int skipped(struct imp_ds *ds, const char *kind, const char *key)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, skipped_sql);
	int yes;

	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	yes = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	return yes;
}

int imp_ds_begin(struct imp_ds *ds, struct br_db *db, const char *file,
		 char *err, size_t errlen)
{
	ds->db = db;
	ds->file = file;
	ds->err = err;
	ds->errlen = errlen;
	err[0] = '\0';
	if (br_db_exec(db, keys_sql, err, errlen) < 0)
		return -1;
	return 0;
}

void imp_ds_free(struct imp_ds *ds)
{
	char err[128];

	if (ds->db)
		br_db_exec(ds->db, "DROP TABLE IF EXISTS temp.ds_event", err,
			   sizeof(err));
	br_strings_free(&ds->not_people);
}

void imp_ds_ptr(char *buf, size_t len, const char *ptr, const char *key)
{
	snprintf(buf, len, "%s/%s", ptr, key);
}

void imp_ds_iso(br_instant t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int imp_ds_keys(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *const *keys)
{
	const char *key;
	json_t *v;
	size_t i;

	if (!json_is_object(rec))
		return imp_ds_bad(ds, ptr, "an object is needed");
	json_object_foreach(rec, key, v)
	{
		char p[256];

		for (i = 0; keys[i] && strcmp(keys[i], key); i++)
			;
		if (!keys[i]) {
			imp_ds_ptr(p, sizeof(p), ptr, key);
			return imp_ds_bad(ds, p, "unknown member");
		}
	}
	return 0;
}

int imp_ds_str(struct imp_ds *ds, json_t *rec, const char *ptr, const char *key,
	       int required, const char **out)
{
	json_t *v = json_object_get(rec, key);
	char p[256];

	*out = NULL;
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!v || json_is_null(v))
		return required ? imp_ds_bad(ds, p, "missing") : 0;
	if (!json_is_string(v))
		return imp_ds_bad(ds, p, "a string is needed");
	*out = json_string_value(v);
	if (required && !**out)
		return imp_ds_bad(ds, p, "empty");
	return 0;
}

int imp_ds_word(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, const char *dflt, const char *const *words,
		const char **out)
{
	char p[256], list[256] = "";
	size_t i, n = 0;

	if (imp_ds_str(ds, rec, ptr, key, !dflt, out) < 0)
		return -1;
	if (!*out)
		*out = dflt;
	for (i = 0; words[i]; i++) {
		if (!strcmp(words[i], *out))
			return 0;
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s",
				      i ? ", " : "", words[i]);
		if (n >= sizeof(list))
			n = sizeof(list) - 1;
	}
	imp_ds_ptr(p, sizeof(p), ptr, key);
	return imp_ds_bad(ds, p, "'%.60s' is not one of %s", *out, list);
}

int imp_ds_pair(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int required, const char *out[2])
{
	static const char *const langs[] = {"en", "zh", NULL};
	json_t *v = json_object_get(rec, key);
	char p[256];
	size_t i;

	out[0] = out[1] = "";
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!v || json_is_null(v))
		return required ? imp_ds_bad(ds, p, "missing") : 0;
	if (json_is_string(v)) { /* one text for both languages */
		out[0] = out[1] = json_string_value(v);
		return 0;
	}
	if (imp_ds_keys(ds, v, p, langs) < 0)
		return -1;
	for (i = 0; i < 2; i++) {
		const char *s;

		if (imp_ds_str(ds, v, p, langs[i], 0, &s) < 0)
			return -1;
		out[i] = s ? s : "";
	}
	if (required && !out[0][0] && !out[1][0])
		return imp_ds_bad(ds, p, "neither en nor zh is given");
	return 0;
}

/* YYYY-MM-DDTHH:MM[:SS] then Z or +HH:MM / -HH:MM. */
static int parse_time(const char *s, br_instant *out)
{
	struct tm tm = {0}, back;
	int n = 0, oh = 0, om = 0, sign = 1;
	time_t t;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
		   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &n) != 5 ||
	    n != 16)
		return -1;
	s += n;
	if (*s == ':') {
		if (sscanf(s, ":%2d%n", &tm.tm_sec, &n) != 1 || n != 3)
			return -1;
		s += n;
	}
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		if (sscanf(s + 1, "%2d:%2d%n", &oh, &om, &n) != 2 || n != 5 ||
		    oh > 14 || om > 59)
			return -1;
		s += 1 + n;
	} else if (*s++ != 'Z') {
		return -1;
	}
	if (*s)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	back = tm;
	t = timegm(&tm);
	if (tm.tm_mday != back.tm_mday || tm.tm_mon != back.tm_mon ||
	    tm.tm_hour != back.tm_hour || tm.tm_min != back.tm_min ||
	    tm.tm_sec != back.tm_sec)
		return -1;
	*out = (br_instant)t - sign * (oh * 3600 + om * 60);
	return 0;
}

int imp_ds_time(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int required, int *has, br_instant *out)
{
	const char *s;
	char p[256];

	*has = 0;
	if (imp_ds_str(ds, rec, ptr, key, required, &s) < 0)
		return -1;
	if (!s)
		return 0;
	if (parse_time(s, out) < 0) {
		imp_ds_ptr(p, sizeof(p), ptr, key);
		return imp_ds_bad(ds, p,
				  "'%.40s' is not an ISO 8601 time such as "
				  "2023-11-17T20:03:00Z or "
				  "2023-11-17T12:03-08:00",
				  s);
	}
	*has = 1;
	return 0;
}

int imp_ds_int(struct imp_ds *ds, json_t *rec, const char *ptr, const char *key,
	       int required, int *has, int64_t *out)
{
	json_t *v = json_object_get(rec, key);
	char p[256];

	*has = 0;
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!v || json_is_null(v))
		return required ? imp_ds_bad(ds, p, "missing") : 0;
	if (!json_is_integer(v))
		return imp_ds_bad(ds, p, "a whole number is needed");
	*out = json_integer_value(v);
	*has = 1;
	return 0;
}

int imp_ds_bool(struct imp_ds *ds, json_t *rec, const char *ptr,
		const char *key, int *out)
{
	json_t *v = json_object_get(rec, key);
	char p[256];

	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v)) {
		imp_ds_ptr(p, sizeof(p), ptr, key);
		return imp_ds_bad(ds, p, "true or false is needed");
	}
	*out = json_is_true(v);
	return 0;
}

static const char person_sql[] = "SELECT id FROM person WHERE slug = ?";
static const char faction_sql[] = "SELECT id, axis FROM faction WHERE slug = ?";
static const char event_key_sql[] =
	"SELECT id FROM temp.ds_event WHERE key = ?";

int imp_ds_person_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		      const char *key, int required, int64_t *id)
{
	sqlite3_stmt *st;
	const char *slug;
	char p[256];

	*id = 0;
	if (imp_ds_str(ds, rec, ptr, key, required, &slug) < 0)
		return -1;
	if (!slug)
		return 0;
	st = br_db_stmt(ds->db, person_sql);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!*id && skipped(ds, "person", slug))
		return -1;
	return *id ? 0
		   : imp_ds_bad(ds, p, "no person '%.60s' among the people",
				slug);
}

int imp_ds_faction_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		       const char *key, const char *axis, int64_t *id)
{
	sqlite3_stmt *st;
	const char *slug;
	char p[256], got[16] = "";

	*id = 0;
	if (imp_ds_str(ds, rec, ptr, key, 0, &slug) < 0)
		return -1;
	if (!slug)
		return 0;
	st = br_db_stmt(ds->db, faction_sql);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		br_strlcpy(got, br_col(st, 1), sizeof(got));
	}
	br_db_reset(st);
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!*id)
		return imp_ds_bad(
			ds, p, "no faction '%.60s' among the factions", slug);
	if (strcmp(got, axis))
		return imp_ds_bad(ds, p,
				  "faction '%.60s' is a %s side, not a %s "
				  "one",
				  slug, got, axis);
	return 0;
}

/* An event's id as the document gives it: a whole number or a string. */
int imp_ds_event_key(json_t *v, char *buf, size_t len)
{
	if (json_is_integer(v))
		snprintf(buf, len, "%lld", (long long)json_integer_value(v));
	else if (json_is_string(v) && json_string_value(v)[0])
		br_strlcpy(buf, json_string_value(v), len);
	else
		return -1;
	return 0;
}

int imp_ds_event_ref(struct imp_ds *ds, json_t *rec, const char *ptr,
		     const char *key, int required, int64_t *id)
{
	json_t *v = json_object_get(rec, key);
	sqlite3_stmt *st;
	char p[256], k[128];

	*id = 0;
	imp_ds_ptr(p, sizeof(p), ptr, key);
	if (!v || json_is_null(v))
		return required ? imp_ds_bad(ds, p, "missing") : 0;
	if (imp_ds_event_key(v, k, sizeof(k)) < 0)
		return imp_ds_bad(ds, p,
				  "an event's id is needed (a whole "
				  "number or a string)");
	st = br_db_stmt(ds->db, event_key_sql);
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	if (!*id && skipped(ds, "event", k))
		return -1;
	return *id ? 0
		   : imp_ds_bad(ds, p,
				"no event with id %.60s before this record", k);
}

/* The instant of an event of the database. */
br_instant imp_ds_event_ts(struct imp_ds *ds, int64_t id)
{
	sqlite3_stmt *st =
		br_db_stmt(ds->db, "SELECT ts FROM event WHERE id = ?");
	br_instant t = 0;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		t = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return t;
}

int imp_ds_step(struct imp_ds *ds, sqlite3_stmt *st, const char *ptr)
{
	int rc = sqlite3_step(st);

	br_db_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return imp_ds_bad(ds, ptr, "%s", br_db_errmsg(ds->db));
}

void imp_ds_bind(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void imp_ds_bind_id(sqlite3_stmt *st, int i, int has, int64_t v)
{
	if (has)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}
