/* scan: every event under a filter with its participants and notes,
 * a page at a time inside one read transaction (boardroom/scan.h). A
 * page is one query by key (event_query's SQL, as br_events_page), then
 * one query for the participants of all its events and one for their
 * notes, each by the events' ids; the names an event's row shows are
 * joined here from its participants, as event.c's NAMES_OF joins them. */
#include "boardroom/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event_query.h"
#include "model/model.h"

/* Events a page holds: one bound id each in the batch queries. */
#define SCAN_PAGE 256

struct br_scan {
	struct br_db *db;
	struct br_filter filter; /* a copy; its search is borrowed */
	struct br_key key;	 /* the last row's key, once has_key */
	int has_key;
	int64_t left; /* rows still to give; -1: no limit */
	int began;    /* the scan began the read transaction */
	int done;     /* no page after this one */
	struct br_detail rows[SCAN_PAGE];
	size_t n, at; /* rows in the page, the next one */
	struct scan_order {
		int64_t id;
		size_t row;
	} order[SCAN_PAGE];	       /* the rows by event id */
	struct br_participant *people; /* the page's, by event id */
	size_t n_people, cap_people;
	struct br_note *notes;
	size_t n_notes, cap_notes;
	struct br_pool pool;	      /* the page's strings */
	char *people_sql, *notes_sql; /* the batch queries; owned */
};

/* clang-format off */
#define SCAN_COLS                                                              \
	"SELECT e.id, e.kind, ifnull(e.marker, ''), e.ts, e.t_min, e.t_max,"   \
	" e.precision, e.inferred, e.time_text, e.title_en, e.title_zh,"       \
	" e.summary_en, e.summary_zh"
/* clang-format on */

/* The order of br_event_detail's participants. */
#define ROLE_ORDER                                                             \
	"CASE pa.role WHEN 'actor' THEN 0 WHEN 'subject' THEN 1 ELSE 2 END"

/* head, then " IN (?, ?, ...)" with a parameter for each row of a page,
 * then tail: a new string the scan owns. */
static char *batch_sql(const char *head, const char *tail)
{
	size_t len = strlen(head) + strlen(tail) + 8 + SCAN_PAGE * 3;
	char *sql = br_xmalloc(len), *o = sql;
	size_t i;

	o += sprintf(o, "%s IN (", head);
	for (i = 0; i < SCAN_PAGE; i++)
		o += sprintf(o, i ? ", ?" : "?");
	sprintf(o, ")%s", tail);
	return sql;
}

struct br_scan *br_scan_open(struct br_db *db, const struct br_filter *f,
			     const struct br_key *key, int64_t limit)
{
	struct br_scan *s = br_xcalloc(1, sizeof(*s));
	sqlite3 *conn = br_db_handle(db);

	s->db = db;
	s->filter = *f;
	if (key) {
		s->key = *key;
		s->has_key = 1;
	}
	s->left = limit;
	/* Every page in one snapshot, under one lock: outside a
	 * transaction each statement takes and drops its own. */
	if (sqlite3_get_autocommit(conn) &&
	    sqlite3_exec(conn, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
		s->began = 1;
	s->people_sql = batch_sql(
		"SELECT pa.event_id, p.slug, p.name_en, p.name_zh, pa.role"
		" FROM participant pa JOIN person p ON p.id = pa.person_id"
		" WHERE pa.event_id",
		" ORDER BY pa.event_id, " ROLE_ORDER ", pa.person_id");
	s->notes_sql =
		batch_sql("SELECT event_id, kind, text_en, text_zh FROM note"
			  " WHERE event_id",
			  " ORDER BY event_id, id");
	return s;
}

void br_scan_close(struct br_scan *s)
{
	if (!s)
		return;
	if (s->began)
		sqlite3_exec(br_db_handle(s->db), "COMMIT", NULL, NULL, NULL);
	free(s->people);
	free(s->notes);
	br_pool_clear(&s->pool);
	free(s->people_sql);
	free(s->notes_sql);
	free(s);
}

static void read_row(struct br_scan *s, sqlite3_stmt *st, struct br_event *ev)
{
	struct br_pool *pool = &s->pool;

	memset(ev, 0, sizeof(*ev));
	ev->id = sqlite3_column_int64(st, 0);
	ev->kind = br_kind_parse(br_col(st, 1));
	ev->marker = br_pool_strdup(pool, br_col(st, 2));
	ev->ts = sqlite3_column_int64(st, 3);
	ev->t_min = sqlite3_column_int64(st, 4);
	ev->t_max = sqlite3_column_int64(st, 5);
	ev->precision = BR_PREC_DAY;
	br_precision_parse(br_col(st, 6), &ev->precision);
	ev->inferred = sqlite3_column_int(st, 7);
	ev->time_text = br_pool_strdup(pool, br_col(st, 8));
	ev->title[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 9));
	ev->title[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 10));
	ev->summary[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 11));
	ev->summary[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 12));
	ev->short_people[BR_LANG_EN] = ev->short_people[BR_LANG_ZH] = "";
}

/* The page's events after the key, into rows; -1 on error. */
static int read_events(struct br_scan *s, size_t want)
{
	struct query q = {0};
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	query_add(&q, SCAN_COLS);
	query_from_filter(&q, &s->filter);
	query_key(&q, s->has_key ? &s->key : NULL, BR_AFTER);
	query_order(&q, BR_AFTER);
	query_add(&q, " LIMIT ?");
	query_int(&q, (int64_t)want);
	st = query_prepare(s->db, &q);
	while (s->n < want && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(s, st, &s->rows[s->n++].ev);
	br_db_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static int64_t row_id(const struct br_scan *s, size_t i)
{
	return s->order[i].id;
}

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct scan_order *)a)->id;
	int64_t y = ((const struct scan_order *)b)->id;

	return x < y ? -1 : x > y;
}

/* The batch statement sql with the page's ids bound (the parameters past
 * the page stay NULL, which matches nothing). */
static sqlite3_stmt *batch_stmt(struct br_scan *s, const char *sql)
{
	sqlite3_stmt *st = br_db_stmt(s->db, sql);
	size_t i;

	for (i = 0; i < s->n; i++)
		sqlite3_bind_int64(st, (int)i + 1, row_id(s, i));
	return st;
}

/* Walks the rows in id order up to the one with event id: the batch
 * queries give their rows by event id. Returns its row, or NULL. */
static struct br_detail *row_of(struct br_scan *s, size_t *j, int64_t id)
{
	while (*j < s->n && row_id(s, *j) < id)
		(*j)++;
	return *j < s->n && row_id(s, *j) == id ? &s->rows[s->order[*j].row]
						: NULL;
}

/* The participants of the page's events, each event's in br_event_detail's
 * order, counted into its row (the pointers are set once all are read). */
static int read_people(struct br_scan *s)
{
	sqlite3_stmt *st = batch_stmt(s, s->people_sql);
	struct br_pool *pool = &s->pool;
	size_t j = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_detail *d =
			row_of(s, &j, sqlite3_column_int64(st, 0));
		struct br_participant *p;

		if (!d)
			continue;
		s->people = br_grow(s->people, s->n_people, &s->cap_people,
				    sizeof(*s->people));
		p = &s->people[s->n_people++];
		memset(p, 0, sizeof(*p));
		p->slug = br_pool_strdup(pool, br_col(st, 1));
		p->name[0] = br_pool_strdup(pool, br_col(st, 2));
		p->name[1] = br_pool_strdup(pool, br_col(st, 3));
		p->role = br_pool_strdup(pool, br_col(st, 4));
		p->titles[0] = p->titles[1] = p->faction_slug = "";
		p->faction_name[0] = p->faction_name[1] = "";
		d->n_people++;
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_notes(struct br_scan *s)
{
	sqlite3_stmt *st = batch_stmt(s, s->notes_sql);
	struct br_pool *pool = &s->pool;
	size_t j = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_detail *d =
			row_of(s, &j, sqlite3_column_int64(st, 0));
		struct br_note *n;

		if (!d)
			continue;
		s->notes = br_grow(s->notes, s->n_notes, &s->cap_notes,
				   sizeof(*s->notes));
		n = &s->notes[s->n_notes++];
		n->kind = br_pool_strdup(pool, br_col(st, 1));
		n->text[0] = br_pool_strdup(pool, br_col(st, 2));
		n->text[1] = br_pool_strdup(pool, br_col(st, 3));
		d->n_notes++;
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The names of an event's actors and subjects in one language, joined by
 * sep in their order: what event.c's NAMES_OF gives a page's row. */
static const char *names(struct br_scan *s, const struct br_detail *d, int lang,
			 const char *sep)
{
	size_t i, len = 0, n = 0, k = 0;
	char *out, *o;

	for (i = 0; i < d->n_people; i++) {
		if (strcmp(d->people[i].role, "mentioned") != 0) {
			len += strlen(d->people[i].name[lang]) + strlen(sep);
			n++;
		}
	}
	if (!n)
		return "";
	o = out = br_pool_alloc(&s->pool, len + 1);
	for (i = 0; i < d->n_people; i++) {
		const struct br_participant *p = &d->people[i];

		if (!strcmp(p->role, "mentioned"))
			continue;
		if (k++) {
			memcpy(o, sep, strlen(sep));
			o += strlen(sep);
		}
		memcpy(o, p->name[lang], strlen(p->name[lang]));
		o += strlen(p->name[lang]);
	}
	*o = '\0';
	return out;
}

/* The rows' people and notes as pointers into the page's arrays (which
 * are in id order), and their names. */
static void link_rows(struct br_scan *s)
{
	size_t i, people = 0, notes = 0;

	for (i = 0; i < s->n; i++) {
		struct br_detail *d = &s->rows[s->order[i].row];

		d->people = d->n_people ? s->people + people : NULL;
		d->notes = d->n_notes ? s->notes + notes : NULL;
		people += d->n_people;
		notes += d->n_notes;
		d->ev.n_notes = (int)d->n_notes;
		d->ev.people[BR_LANG_EN] = names(s, d, BR_LANG_EN, ", ");
		d->ev.people[BR_LANG_ZH] = names(s, d, BR_LANG_ZH, "、");
	}
}

/* The next page: its events, then their participants and notes. */
static int read_page(struct br_scan *s)
{
	size_t want = SCAN_PAGE, i;

	if (s->left >= 0 && s->left < (int64_t)want)
		want = (size_t)s->left;
	s->n = s->at = s->n_people = s->n_notes = 0;
	memset(s->rows, 0, sizeof(s->rows));
	br_pool_clear(&s->pool);
	if (!want) {
		s->done = 1;
		return 0;
	}
	if (read_events(s, want) < 0)
		return -1;
	if (s->n < want)
		s->done = 1;
	if (s->left > 0)
		s->left -= (int64_t)s->n;
	if (!s->n)
		return 0;
	s->key.ts = s->rows[s->n - 1].ev.ts;
	s->key.id = s->rows[s->n - 1].ev.id;
	s->has_key = 1;
	for (i = 0; i < s->n; i++) {
		s->order[i].id = s->rows[i].ev.id;
		s->order[i].row = i;
	}
	qsort(s->order, s->n, sizeof(s->order[0]), by_id);
	if (read_people(s) < 0 || read_notes(s) < 0)
		return -1;
	link_rows(s);
	return 0;
}

int br_scan_next(struct br_scan *s, const struct br_detail **row)
{
	if (s->at == s->n) {
		if (s->done)
			return 0;
		if (read_page(s) < 0)
			return -1;
		if (!s->n)
			return 0;
	}
	*row = &s->rows[s->at++];
	return 1;
}
