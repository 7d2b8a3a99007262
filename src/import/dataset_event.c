/* dataset_event: the records of the interchange format that hang on
 * events: the events themselves (with their participants and source
 * notes), then stances, roles and figures, which name the events that
 * show them (dataset_private.h). */
#include <stdio.h>
#include <string.h>

#include "import/dataset_field.h"

static const char event_sql[] =
	"INSERT INTO event (id, kind, marker, ts, t_min, t_max, precision,"
	" inferred, time_text, title_en, title_zh, summary_en, summary_zh)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char key_sql[] =
	"INSERT INTO temp.ds_event (key, id) VALUES (?, ?)";
static const char marker_sql[] = "SELECT 1 FROM event WHERE marker = ?";
static const char participant_sql[] =
	"INSERT INTO participant (event_id, person_id, role) VALUES (?, ?, ?)";
static const char note_sql[] =
	"INSERT INTO note (event_id, kind, text_en, text_zh) VALUES (?,?,?,?)";

/* The instants: start, end (default: start), at (default: start). */
static int event_times(struct imp_ds *ds, json_t *rec, const char *ptr,
		       br_instant t[3])
{
	int has[3];
	char p[256];

	if (imp_ds_time(ds, rec, ptr, "start", 1, &has[0], &t[0]) < 0 ||
	    imp_ds_time(ds, rec, ptr, "end", 0, &has[1], &t[1]) < 0 ||
	    imp_ds_time(ds, rec, ptr, "at", 0, &has[2], &t[2]) < 0)
		return -1;
	if (!has[1])
		t[1] = t[0];
	if (!has[2])
		t[2] = t[0];
	imp_ds_ptr(p, sizeof(p), ptr, has[2] ? "at" : "end");
	if (t[1] < t[0] || t[2] < t[0] || t[2] > t[1])
		return imp_ds_bad(ds, p,
				  "times out of order: start <= at <= end "
				  "is needed");
	return 0;
}

static int participants(struct imp_ds *ds, json_t *rec, const char *ptr,
			int64_t id)
{
	static const char *const keys[] = {"slug", "role", NULL};
	static const char *const roles[] = {"actor", "subject", "mentioned",
					    NULL};
	json_t *arr = json_object_get(rec, "people"), *v;
	char p[256], q[300];
	size_t i;

	imp_ds_ptr(p, sizeof(p), ptr, "people");
	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return imp_ds_bad(ds, p, "an array is needed");
	json_array_foreach(arr, i, v)
	{
		const char *role;
		sqlite3_stmt *st;
		int64_t person;

		snprintf(q, sizeof(q), "%s/%zu", p, i);
		if (imp_ds_keys(ds, v, q, keys) < 0 ||
		    imp_ds_person_ref(ds, v, q, "slug", 1, &person) < 0 ||
		    imp_ds_word(ds, v, q, "role", "actor", roles, &role) < 0)
			return -1;
		st = br_db_stmt(ds->db, participant_sql);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, person);
		imp_ds_bind(st, 3, role);
		if (imp_ds_step(ds, st, q) < 0)
			return -1;
		ds->linked++;
	}
	return 0;
}

static int notes(struct imp_ds *ds, json_t *rec, const char *ptr, int64_t id)
{
	static const char *const keys[] = {"kind", "en", "zh", NULL};
	static const char *const kinds[] = {"contradiction", "doubt", "damage",
					    "inference", NULL};
	json_t *arr = json_object_get(rec, "notes"), *v;
	char p[256], q[300];
	size_t i;

	imp_ds_ptr(p, sizeof(p), ptr, "notes");
	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return imp_ds_bad(ds, p, "an array is needed");
	json_array_foreach(arr, i, v)
	{
		const char *kind, *en, *zh;
		sqlite3_stmt *st;

		snprintf(q, sizeof(q), "%s/%zu", p, i);
		if (imp_ds_keys(ds, v, q, keys) < 0 ||
		    imp_ds_word(ds, v, q, "kind", NULL, kinds, &kind) < 0 ||
		    imp_ds_str(ds, v, q, "en", 0, &en) < 0 ||
		    imp_ds_str(ds, v, q, "zh", 0, &zh) < 0)
			return -1;
		st = br_db_stmt(ds->db, note_sql);
		sqlite3_bind_int64(st, 1, id);
		imp_ds_bind(st, 2, kind);
		imp_ds_bind(st, 3, en ? en : (zh ? zh : ""));
		imp_ds_bind(st, 4, zh ? zh : (en ? en : ""));
		if (imp_ds_step(ds, st, q) < 0)
			return -1;
		ds->notes++;
	}
	return 0;
}

/* Gives the event's document id its database id; the id must be new. */
static int event_key(struct imp_ds *ds, json_t *rec, const char *ptr,
		     int64_t id)
{
	json_t *v = json_object_get(rec, "id");
	sqlite3_stmt *st;
	char p[256], k[128];

	imp_ds_ptr(p, sizeof(p), ptr, "id");
	if (imp_ds_event_key(v, k, sizeof(k)) < 0)
		return 0; /* none: nothing can refer to it */
	st = br_db_stmt(ds->db, key_sql);
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		br_db_reset(st);
		return imp_ds_bad(ds, p, "%.60s is another event's id", k);
	}
	br_db_reset(st);
	return 0;
}

static int marker_taken(struct imp_ds *ds, const char *marker, const char *ptr)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, marker_sql);
	char p[256];
	int taken;

	sqlite3_bind_text(st, 1, marker, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	imp_ds_ptr(p, sizeof(p), ptr, "marker");
	return taken ? imp_ds_bad(ds, p, "'%.60s' marks another event", marker)
		     : 0;
}

int imp_ds_event(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {
		"id",	   "marker",	"kind",	    "start",	 "end",
		"at",	   "precision", "inferred", "time_text", "title",
		"summary", "people",	"notes",    "mark",	 NULL};
	static const char *const kinds[] = {"main", "aside", "background",
					    NULL};
	static const char *const precs[] = {
		"minute", "hour", "part_of_day", "day", "month", "year", NULL};
	const char *marker, *kind, *prec, *time_text, *title[2], *summary[2];
	json_t *idv = json_object_get(rec, "id");
	br_instant t[3];
	sqlite3_stmt *st;
	int inferred;
	int64_t id;

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_str(ds, rec, ptr, "marker", 0, &marker) < 0 ||
	    imp_ds_word(ds, rec, ptr, "kind", "main", kinds, &kind) < 0 ||
	    event_times(ds, rec, ptr, t) < 0 ||
	    imp_ds_word(ds, rec, ptr, "precision", "minute", precs, &prec) <
		    0 ||
	    imp_ds_bool(ds, rec, ptr, "inferred", &inferred) < 0 ||
	    imp_ds_str(ds, rec, ptr, "time_text", 0, &time_text) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "title", 1, title) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "summary", 0, summary) < 0 ||
	    (marker && marker_taken(ds, marker, ptr) < 0))
		return -1;
	st = br_db_stmt(ds->db, event_sql);
	/* A whole-number id is kept as the event's row id when it is free. */
	if (json_is_integer(idv) && json_integer_value(idv) > 0 &&
	    imp_ds_event_ts(ds, json_integer_value(idv)) == 0)
		sqlite3_bind_int64(st, 1, json_integer_value(idv));
	else
		sqlite3_bind_null(st, 1);
	imp_ds_bind(st, 2, kind);
	imp_ds_bind(st, 3, marker && marker[0] ? marker : NULL);
	sqlite3_bind_int64(st, 4, t[2]);
	sqlite3_bind_int64(st, 5, t[0]);
	sqlite3_bind_int64(st, 6, t[1]);
	imp_ds_bind(st, 7, prec);
	sqlite3_bind_int(st, 8, inferred);
	imp_ds_bind(st, 9, time_text ? time_text : "");
	imp_ds_bind(st, 10, title[0][0] ? title[0] : title[1]);
	imp_ds_bind(st, 11, title[1][0] ? title[1] : title[0]);
	imp_ds_bind(st, 12, summary[0]);
	imp_ds_bind(st, 13, summary[1]);
	if (imp_ds_step(ds, st, ptr) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(br_db_handle(ds->db));
	ds->last_event = id;
	ds->events++;
	ds->kinds[kind[0] == 'm' ? 0 : kind[0] == 'a' ? 1 : 2]++;
	if (event_key(ds, rec, ptr, id) < 0 ||
	    participants(ds, rec, ptr, id) < 0)
		return -1;
	return notes(ds, rec, ptr, id);
}

static const char stance_sql[] =
	"INSERT INTO stance (id, person_id, faction_id, since, event_id,"
	" note_en, note_zh, axis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char stance_taken_sql[] =
	"SELECT 1 FROM stance WHERE person_id = ? AND axis = ?"
	" AND since IS ?";

/* A person's side of one kind from an instant (since; none: from the
 * start) on, shown by event. A change needs the event that shows it. */
int imp_ds_stance(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"id",    "person", "axis", "faction",
					   "since", "event",  "note", NULL};
	static const char *const axes[] = {"line", "crisis", NULL};
	const char *axis, *note[2];
	int64_t id, person, faction, event;
	int has_id, has_since, taken;
	br_instant since;
	sqlite3_stmt *st;
	char p[256];

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_int(ds, rec, ptr, "id", 0, &has_id, &id) < 0 ||
	    imp_ds_person_ref(ds, rec, ptr, "person", 1, &person) < 0 ||
	    imp_ds_word(ds, rec, ptr, "axis", "line", axes, &axis) < 0 ||
	    imp_ds_faction_ref(ds, rec, ptr, "faction", axis, &faction) < 0 ||
	    imp_ds_time(ds, rec, ptr, "since", 0, &has_since, &since) < 0 ||
	    imp_ds_event_ref(ds, rec, ptr, "event", 0, &event) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "note", 0, note) < 0)
		return -1;
	imp_ds_ptr(p, sizeof(p), ptr, "event");
	/* Imported as it is (the database allows it); check names it. */
	if (has_since && !event && ds->check)
		return imp_ds_bad(ds, p,
				  "a stance change with no event: name the "
				  "event that shows it");
	st = br_db_stmt(ds->db, stance_taken_sql);
	sqlite3_bind_int64(st, 1, person);
	imp_ds_bind(st, 2, axis);
	imp_ds_bind_id(st, 3, has_since, since);
	taken = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	imp_ds_ptr(p, sizeof(p), ptr, "since");
	if (taken)
		return imp_ds_bad(ds, p,
				  "the person already has a %s stance from "
				  "this instant",
				  axis);
	st = br_db_stmt(ds->db, stance_sql);
	imp_ds_bind_id(st, 1, has_id, id);
	sqlite3_bind_int64(st, 2, person);
	imp_ds_bind_id(st, 3, faction != 0, faction);
	imp_ds_bind_id(st, 4, has_since, since);
	imp_ds_bind_id(st, 5, event != 0, event);
	imp_ds_bind(st, 6, note[0]);
	imp_ds_bind(st, 7, note[1]);
	imp_ds_bind(st, 8, axis);
	ds->stances++;
	return imp_ds_step(ds, st, ptr);
}

static const char role_sql[] =
	"INSERT INTO role (id, person_id, org_id, code, since, until,"
	" since_event, until_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char role_title_sql[] = "SELECT 1 FROM role_title WHERE code = ?";

static int known_code(struct imp_ds *ds, const char *sql, const char *code)
{
	sqlite3_stmt *st = br_db_stmt(ds->db, sql);
	int known;

	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	known = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	return known;
}

/* A role over [since, until) (none: open-ended), with the events that
 * begin and end it when the source shows them. */
int imp_ds_role(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {
		"id",	 "person",	"org",	       "code", "since",
		"until", "since_event", "until_event", NULL};
	int64_t id, person, org, ev[2];
	int has_id, has[2];
	br_instant t[2];
	const char *code;
	sqlite3_stmt *st;
	char p[256];

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_int(ds, rec, ptr, "id", 0, &has_id, &id) < 0 ||
	    imp_ds_person_ref(ds, rec, ptr, "person", 1, &person) < 0 ||
	    imp_ds_person_ref(ds, rec, ptr, "org", 0, &org) < 0 ||
	    imp_ds_str(ds, rec, ptr, "code", 1, &code) < 0 ||
	    imp_ds_time(ds, rec, ptr, "since", 0, &has[0], &t[0]) < 0 ||
	    imp_ds_time(ds, rec, ptr, "until", 0, &has[1], &t[1]) < 0 ||
	    imp_ds_event_ref(ds, rec, ptr, "since_event", 0, &ev[0]) < 0 ||
	    imp_ds_event_ref(ds, rec, ptr, "until_event", 0, &ev[1]) < 0)
		return -1;
	imp_ds_ptr(p, sizeof(p), ptr, "code");
	if (!known_code(ds, role_title_sql, code))
		return imp_ds_bad(ds, p,
				  "no role title '%.60s' among the "
				  "role_titles",
				  code);
	imp_ds_ptr(p, sizeof(p), ptr, "until");
	if (has[0] && has[1] && t[1] < t[0])
		return imp_ds_bad(ds, p, "the role ends before it starts");
	st = br_db_stmt(ds->db, role_sql);
	imp_ds_bind_id(st, 1, has_id, id);
	sqlite3_bind_int64(st, 2, person);
	imp_ds_bind_id(st, 3, org != 0, org);
	imp_ds_bind(st, 4, code);
	imp_ds_bind_id(st, 5, has[0], t[0]);
	imp_ds_bind_id(st, 6, has[1], t[1]);
	imp_ds_bind_id(st, 7, ev[0] != 0, ev[0]);
	imp_ds_bind_id(st, 8, ev[1] != 0, ev[1]);
	ds->roles++;
	return imp_ds_step(ds, st, ptr);
}

static const char figure_sql[] =
	"INSERT INTO figure (id, code, event_id, value, total, shown_en,"
	" shown_zh, until_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char figure_kind_sql[] =
	"SELECT 1 FROM figure_kind WHERE code = ?";

/* A figure from its event on; its kind (figure_kinds) is its unit. */
int imp_ds_figure(struct imp_ds *ds, json_t *rec, const char *ptr)
{
	static const char *const keys[] = {"id",	  "code",  "event",
					   "value",	  "total", "shown",
					   "until_event", NULL};
	int64_t id, event, value, total, until;
	int has_id, has_value, has_total;
	const char *code, *shown[2];
	sqlite3_stmt *st;
	char p[256];

	if (imp_ds_keys(ds, rec, ptr, keys) < 0 ||
	    imp_ds_int(ds, rec, ptr, "id", 0, &has_id, &id) < 0 ||
	    imp_ds_str(ds, rec, ptr, "code", 0, &code) < 0)
		return -1;
	imp_ds_ptr(p, sizeof(p), ptr, "code");
	if (!code)
		return imp_ds_bad(ds, p,
				  "a figure without a unit: name its kind "
				  "(a code among the figure_kinds)");
	if (!known_code(ds, figure_kind_sql, code))
		return imp_ds_bad(ds, p,
				  "a figure without a unit: no figure kind "
				  "'%.60s' among the figure_kinds",
				  code);
	if (imp_ds_event_ref(ds, rec, ptr, "event", 1, &event) < 0 ||
	    imp_ds_int(ds, rec, ptr, "value", 1, &has_value, &value) < 0 ||
	    imp_ds_int(ds, rec, ptr, "total", 0, &has_total, &total) < 0 ||
	    imp_ds_pair(ds, rec, ptr, "shown", 0, shown) < 0 ||
	    imp_ds_event_ref(ds, rec, ptr, "until_event", 0, &until) < 0)
		return -1;
	imp_ds_ptr(p, sizeof(p), ptr, "until_event");
	if (until && imp_ds_event_ts(ds, until) < imp_ds_event_ts(ds, event))
		return imp_ds_bad(ds, p,
				  "the figure ends before the event it holds "
				  "from");
	st = br_db_stmt(ds->db, figure_sql);
	imp_ds_bind_id(st, 1, has_id, id);
	imp_ds_bind(st, 2, code);
	sqlite3_bind_int64(st, 3, event);
	sqlite3_bind_int64(st, 4, value);
	imp_ds_bind_id(st, 5, has_total, total);
	imp_ds_bind(st, 6, shown[0]);
	imp_ds_bind(st, 7, shown[1]);
	imp_ds_bind_id(st, 8, until != 0, until);
	ds->figures++;
	return imp_ds_step(ds, st, ptr);
}
