/* event: pages of events under a filter, fetched by key through
 * event_query's SQL; the event nearest an instant or with a marker; one
 * event in full. Counts and densities are event_count's. */
#include "boardroom/event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event_query.h"
#include "model/model.h"

void br_page_free(struct br_page *page)
{
	free(page->rows);
	br_pool_clear(&page->pool);
	memset(page, 0, sizeof(*page));
}

/* Names of an event's actors and subjects, joined; "short" takes a
 * person's last name ("Sutskever", "阿尔特曼"), for narrow columns. */
#define NAMES_OF(expr, sep)                                                    \
	"(SELECT group_concat(n, '" sep "') FROM (SELECT " expr " AS n"        \
	"   FROM participant pa JOIN person p ON p.id = pa.person_id"          \
	"   WHERE pa.event_id = e.id AND pa.role <> 'mentioned'"               \
	"   ORDER BY pa.role, pa.person_id))"
#define LAST_PART(col, sep)                                                    \
	"CASE p.kind WHEN 'person' THEN replace(" col ", rtrim(" col           \
	", replace(" col ", '" sep "', '')), '') ELSE " col " END"

/* The row of a list: what struct br_event holds. */
/* clang-format off */
#define EVENT_COLS                                                             \
	"SELECT e.id, e.kind, ifnull(e.marker, ''), e.ts, e.t_min, e.t_max,"   \
	" e.precision, e.inferred, e.time_text, e.title_en, e.title_zh,"       \
	" e.summary_en, e.summary_zh, "                                        \
	NAMES_OF("p.name_en", ", ") ", "                                       \
	NAMES_OF("p.name_zh", "、") ", "                                       \
	NAMES_OF(LAST_PART("p.name_en", " "), ", ") ", "                       \
	NAMES_OF(LAST_PART("p.name_zh", "·"), "、") ","                        \
	" (SELECT count(*) FROM note n WHERE n.event_id = e.id)"
/* clang-format on */

static enum br_precision precision_of(const char *name)
{
	enum br_precision p = BR_PREC_DAY;

	br_precision_parse(name ? name : "", &p);
	return p;
}

/* Reads the row at st (event_cols) into ev, strings into pool. */
static void read_event(sqlite3_stmt *st, struct br_event *ev,
		       struct br_pool *pool)
{
	ev->id = sqlite3_column_int64(st, 0);
	ev->kind = br_kind_parse(br_col(st, 1));
	ev->marker = br_pool_strdup(pool, br_col(st, 2));
	ev->ts = sqlite3_column_int64(st, 3);
	ev->t_min = sqlite3_column_int64(st, 4);
	ev->t_max = sqlite3_column_int64(st, 5);
	ev->precision = precision_of(br_col(st, 6));
	ev->inferred = sqlite3_column_int(st, 7);
	ev->time_text = br_pool_strdup(pool, br_col(st, 8));
	ev->title[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 9));
	ev->title[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 10));
	ev->summary[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 11));
	ev->summary[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 12));
	ev->people[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 13));
	ev->people[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 14));
	ev->short_people[BR_LANG_EN] = br_pool_strdup(pool, br_col(st, 15));
	ev->short_people[BR_LANG_ZH] = br_pool_strdup(pool, br_col(st, 16));
	ev->n_notes = sqlite3_column_int(st, 17);
}

static void page_push(struct br_page *page, sqlite3_stmt *st)
{
	if (page->n == page->cap) {
		page->cap = page->cap ? page->cap * 2 : 64;
		page->rows = br_xrealloc(page->rows,
					 page->cap * sizeof(*page->rows));
	}
	read_event(st, &page->rows[page->n++], &page->pool);
}

int br_events_page(struct br_db *db, const struct br_filter *f,
		   const struct br_key *key, enum br_dir dir, size_t limit,
		   struct br_page *page)
{
	struct query q = {0};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	page->n = 0;
	br_pool_clear(&page->pool);
	query_add(&q, EVENT_COLS);
	query_from_filter(&q, f);
	query_key(&q, key, dir);
	query_order(&q, dir);
	query_add(&q, " LIMIT ?");
	query_int(&q, (int64_t)limit);
	st = query_prepare(db, &q);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		page_push(page, st);
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (dir == BR_BEFORE) {
		for (i = 0; i < page->n / 2; i++) {
			struct br_event tmp = page->rows[i];

			page->rows[i] = page->rows[page->n - 1 - i];
			page->rows[page->n - 1 - i] = tmp;
		}
	}
	return (int)page->n;
}

/* The key of the first event after (or last before) key; 1, 0 or -1. */
static int step_key(struct br_db *db, const struct br_filter *f,
		    const struct br_key *key, enum br_dir dir,
		    struct br_key *out)
{
	struct query q = {0};
	sqlite3_stmt *st;
	int rc;

	query_add(&q, "SELECT ");
	/* key_ts is only known after FROM; both drivers expose e.ts/e.id. */
	query_add(&q, "e.ts, e.id");
	query_from_filter(&q, f);
	query_key(&q, key, dir);
	query_order(&q, dir);
	query_add(&q, " LIMIT 1");
	st = query_prepare(db, &q);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->ts = sqlite3_column_int64(st, 0);
		out->id = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static br_instant distance(br_instant ts, br_instant t_min, br_instant t_max)
{
	if (ts < t_min)
		return t_min - ts;
	if (ts > t_max)
		return ts - t_max;
	return 0;
}

int br_events_nearest(struct br_db *db, const struct br_filter *f,
		      br_instant t_min, br_instant t_max, struct br_key *out)
{
	struct br_key start = {t_min, INT64_MIN}, after, before;
	int a, b;

	a = step_key(db, f, &start, BR_AFTER, &after);
	if (a < 0)
		return -1;
	if (a && after.ts <= t_max) {
		*out = after;
		return 1;
	}
	b = step_key(db, f, &start, BR_BEFORE, &before);
	if (b < 0)
		return -1;
	if (!a && !b)
		return 0;
	if (!a || (b && distance(before.ts, t_min, t_max) <
				distance(after.ts, t_min, t_max)))
		*out = before;
	else
		*out = after;
	return 1;
}

static const char marker_sql[] =
	"SELECT ts, id FROM event WHERE marker IN (?1, ?2) ORDER BY marker"
	" LIMIT 1";

/* "主线#7" -> "主線#07": the traditional script, and two digits. */
static void marker_norm(const char *in, char *out, size_t len)
{
	static const char simp[] = "主线", trad[] = "主線";
	const char *hash;

	if (!strncmp(in, simp, sizeof(simp) - 1))
		snprintf(out, len, "%s%s", trad, in + sizeof(simp) - 1);
	else
		br_strlcpy(out, in, len);
	hash = strstr(out, "#");
	if (hash && hash[1] >= '0' && hash[1] <= '9' && hash[2] == '\0') {
		char digit = hash[1];
		size_t at = (size_t)(hash - out) + 1;

		if (at + 3 <= len) {
			out[at] = '0';
			out[at + 1] = digit;
			out[at + 2] = '\0';
		}
	}
}

int br_events_by_marker(struct br_db *db, const char *marker,
			struct br_key *out)
{
	sqlite3_stmt *st;
	char norm[64];
	int rc;

	if (strlen(marker) >= sizeof(norm) - 2)
		return 0;
	marker_norm(marker, norm, sizeof(norm));
	st = br_db_stmt(db, marker_sql);
	sqlite3_bind_text(st, 1, norm, -1, SQLITE_TRANSIENT);
	/* An article in simplified script keeps 主线 in its markers. */
	if (!strncmp(norm, "主線", strlen("主線"))) {
		char simp[64];

		snprintf(simp, sizeof(simp), "主线%s", norm + strlen("主線"));
		sqlite3_bind_text(st, 2, simp, -1, SQLITE_TRANSIENT);
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->ts = sqlite3_column_int64(st, 0);
		out->id = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* One event in full */

/* clang-format off */
static const char detail_people_sql[] =
	"SELECT pa.person_id, p.slug, p.name_en, p.name_zh, pa.role,"
	" ifnull(f.id, 0), ifnull(f.slug, ''), ifnull(f.name_en, ''),"
	" ifnull(f.name_zh, ''), "
	BR_TITLES_EN("p.id", "e.ts") ", " BR_TITLES_ZH("p.id", "e.ts")
	" FROM participant pa JOIN person p ON p.id = pa.person_id"
	" JOIN event e ON e.id = pa.event_id"
	" LEFT JOIN faction f ON f.id = pa.faction_id"
	" WHERE pa.event_id = ?"
	" ORDER BY CASE pa.role WHEN 'actor' THEN 0 WHEN 'subject' THEN 1"
	" ELSE 2 END, pa.person_id";
/* clang-format on */

static const char detail_figures_sql[] =
	"SELECT f.event_id, f.code, k.name_en, k.name_zh, f.value,"
	" ifnull(f.total, 0), f.shown_en, f.shown_zh, f.ts"
	" FROM figure f JOIN figure_kind k ON k.code = f.code"
	" WHERE f.event_id = ? ORDER BY f.id";

static const char detail_notes_sql[] =
	"SELECT kind, text_en, text_zh FROM note WHERE event_id = ?"
	" ORDER BY id";

static const char detail_event_sql[] =
	EVENT_COLS " FROM event e WHERE e.id = ?";

void br_figure_read(sqlite3_stmt *st, struct br_figure *fig,
		    struct br_pool *pool)
{
	fig->event_id = sqlite3_column_int64(st, 0);
	fig->code = br_pool_strdup(pool, br_col(st, 1));
	fig->name[0] = br_pool_strdup(pool, br_col(st, 2));
	fig->name[1] = br_pool_strdup(pool, br_col(st, 3));
	fig->value = sqlite3_column_int64(st, 4);
	fig->total = sqlite3_column_int64(st, 5);
	fig->shown[0] = br_pool_strdup(pool, br_col(st, 6));
	fig->shown[1] = br_pool_strdup(pool, br_col(st, 7));
	fig->ts = sqlite3_column_int64(st, 8);
	/* The split's rows say when the figure ends, and how well its
	 * event's time is known; an event's own rows need not. */
	fig->until = 0;
	fig->ended = 0;
	fig->t_min = fig->t_max = fig->ts;
	fig->precision = BR_PREC_MINUTE;
	if (sqlite3_column_count(st) > 13) {
		fig->ended = sqlite3_column_type(st, 9) != SQLITE_NULL;
		fig->until = sqlite3_column_int64(st, 9);
		fig->t_min = sqlite3_column_int64(st, 10);
		fig->t_max = sqlite3_column_int64(st, 11);
		br_precision_parse(br_col(st, 12), &fig->precision);
		fig->marker = br_pool_strdup(pool, br_col(st, 13));
	} else {
		fig->marker = "";
	}
}

static int read_people(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_people_sql);
	struct br_pool *pool = &d->store.pool;
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_participant *p;

		d->people = br_grow(d->people, d->n_people, &cap,
				    sizeof(*d->people));
		p = &d->people[d->n_people++];
		p->person_id = sqlite3_column_int64(st, 0);
		p->slug = br_pool_strdup(pool, br_col(st, 1));
		p->name[0] = br_pool_strdup(pool, br_col(st, 2));
		p->name[1] = br_pool_strdup(pool, br_col(st, 3));
		p->role = br_pool_strdup(pool, br_col(st, 4));
		p->faction = sqlite3_column_int64(st, 5);
		p->faction_slug = br_pool_strdup(pool, br_col(st, 6));
		p->faction_name[0] = br_pool_strdup(pool, br_col(st, 7));
		p->faction_name[1] = br_pool_strdup(pool, br_col(st, 8));
		p->titles[0] = br_pool_strdup(pool, br_col(st, 9));
		p->titles[1] = br_pool_strdup(pool, br_col(st, 10));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_figures(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_figures_sql);
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->figures = br_grow(d->figures, d->n_figures, &cap,
				     sizeof(*d->figures));
		br_figure_read(st, &d->figures[d->n_figures++], &d->store.pool);
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int read_notes(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st = br_db_stmt(db, detail_notes_sql);
	struct br_pool *pool = &d->store.pool;
	size_t cap = 0;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct br_note *n;

		d->notes =
			br_grow(d->notes, d->n_notes, &cap, sizeof(*d->notes));
		n = &d->notes[d->n_notes++];
		n->kind = br_pool_strdup(pool, br_col(st, 0));
		n->text[0] = br_pool_strdup(pool, br_col(st, 1));
		n->text[1] = br_pool_strdup(pool, br_col(st, 2));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int br_event_detail(struct br_db *db, int64_t id, struct br_detail *d)
{
	sqlite3_stmt *st;
	int rc;

	br_detail_free(d);
	st = br_db_stmt(db, detail_event_sql);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_event(st, &d->ev, &d->store.pool);
	br_db_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : -1;
	if (read_people(db, id, d) < 0 || read_figures(db, id, d) < 0 ||
	    read_notes(db, id, d) < 0)
		return -1;
	return 1;
}

void br_detail_free(struct br_detail *d)
{
	free(d->people);
	free(d->figures);
	free(d->notes);
	br_page_free(&d->store);
	memset(d, 0, sizeof(*d));
}
