#include "boardroom/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "model/model.h"

void br_people_free(struct br_people *list)
{
	free(list->rows);
	br_pool_clear(&list->pool);
	memset(list, 0, sizeof(*list));
}

#define PERSON_COLS                                                            \
	"SELECT p.id, p.slug, p.kind, p.name_en, p.name_zh, p.bio_en,"         \
	" p.bio_zh, ifnull((SELECT n_events FROM person_stat ps"               \
	"   WHERE ps.person_id = p.id), 0)"

static void push(struct br_people *list, sqlite3_stmt *st, int matched_col)
{
	struct br_person *p;

	list->rows =
		br_grow(list->rows, list->n, &list->cap, sizeof(*list->rows));
	p = &list->rows[list->n++];
	p->id = sqlite3_column_int64(st, 0);
	p->slug = br_pool_strdup(&list->pool, br_col(st, 1));
	p->kind = br_pool_strdup(&list->pool, br_col(st, 2));
	p->name[0] = br_pool_strdup(&list->pool, br_col(st, 3));
	p->name[1] = br_pool_strdup(&list->pool, br_col(st, 4));
	p->bio[0] = br_pool_strdup(&list->pool, br_col(st, 5));
	p->bio[1] = br_pool_strdup(&list->pool, br_col(st, 6));
	p->n_events = sqlite3_column_int64(st, 7);
	p->matched = br_pool_strdup(
		&list->pool, matched_col >= 0 ? br_col(st, matched_col) : "");
}

static int run(sqlite3_stmt *st, struct br_people *list, int matched_col)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		push(list, st, matched_col);
	br_db_reset(st);
	return rc == SQLITE_DONE ? (int)list->n : -1;
}

static void reset(struct br_people *list)
{
	list->n = 0;
	br_pool_clear(&list->pool);
}

/* Everyone, in list order (person_rank.pos: most events first, then by
 * name). */
static const char all_sql[] =
	PERSON_COLS " FROM person_rank r JOIN person p ON p.id = r.person_id"
		    " ORDER BY r.pos LIMIT ?";

/* People with an alias that is ?1 exactly, then those with one that begins
 * with it, each in list order; the index alias_norm reads just those
 * aliases. The norms that begin with ?1 are those in [?1, ?1 ||
 * x'f4908080'): in BINARY (byte) order, what follows ?1 in such a norm
 * starts with a UTF-8 lead byte, at most F4, and after F4 with at most 8F
 * (U+10FFFF is F4 8F BF BF), so the norm sorts below ?1 followed by F4
 * 90; a norm that does not begin with ?1 is shorter than it or differs in
 * one of its bytes, and sorts outside. best is '0' (exact) or '1'
 * (prefix) then the alias: the least is the person's best rank, then the
 * first such alias. The sort is of the people with an alias beginning
 * with ?1, most for one character (measured: 625 of 10,000 generated
 * people). */
static const char start_sql[] = PERSON_COLS
	", substr(hit.best, 2) FROM (SELECT a.person_id,"
	"  min(iif(a.norm = ?1, '0', '1') || a.alias) AS best"
	"  FROM alias a WHERE a.norm >= ?1 AND a.norm < ?1 || x'f4908080'"
	"  GROUP BY a.person_id) hit"
	" JOIN person_rank r ON r.person_id = hit.person_id"
	" JOIN person p ON p.id = hit.person_id"
	" ORDER BY substr(hit.best, 1, 1), r.pos LIMIT ?2";

/* Then people with an alias that has ?1 inside but none that begins with
 * it, in list order: a walk of person_rank that stops when ?2 are found
 * (norms: every alias after a space; a folded query has no space). */
static const char inside_sql[] = PERSON_COLS
	", (SELECT min(a.alias) FROM alias a WHERE a.person_id = p.id"
	"   AND instr(a.norm, ?1) > 0)"
	" FROM person_rank r JOIN person p ON p.id = r.person_id"
	" WHERE instr(r.norms, ?1) > 0 AND instr(r.norms, ' ' || ?1) = 0"
	" ORDER BY r.pos LIMIT ?2";

int br_people_search(struct br_db *db, const char *query, size_t limit,
		     struct br_people *list)
{
	sqlite3_stmt *st;
	char *folded;
	int n;

	reset(list);
	folded = br_text_fold(query ? query : "");
	if (!*folded) {
		free(folded);
		st = br_db_stmt(db, all_sql);
		sqlite3_bind_int64(st, 1, (int64_t)limit);
		return run(st, list, -1);
	}
	st = br_db_stmt(db, start_sql);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	n = run(st, list, 8);
	if (n >= 0 && (size_t)n < limit) {
		st = br_db_stmt(db, inside_sql);
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, (int64_t)(limit - (size_t)n));
		n = run(st, list, 8);
	}
	free(folded);
	return n;
}

static const char get_sql[] = PERSON_COLS " FROM person p WHERE p.id = ?";

int br_people_get(struct br_db *db, int64_t id, struct br_people *list)
{
	sqlite3_stmt *st = br_db_stmt(db, get_sql);
	int n;

	reset(list);
	sqlite3_bind_int64(st, 1, id);
	n = run(st, list, -1);
	return n < 0 ? -1 : n > 0;
}

static const char slug_sql[] = "SELECT id FROM person WHERE slug = ?";

/* The people with an alias that is ?1, and those with one that begins
 * with it (start_sql), a row per such alias. */
static const char exact_ids_sql[] =
	"SELECT a.person_id FROM alias a WHERE a.norm = ?1";
static const char start_ids_sql[] =
	"SELECT a.person_id FROM alias a"
	" WHERE a.norm >= ?1 AND a.norm < ?1 || x'f4908080'";

/* How many people st finds, counting up to MAX_NAMED + 1, and the
 * MAX_NAMED + 1 lowest ids, in order, in ids. */
#define MAX_NAMED 4
static size_t lowest_ids(sqlite3_stmt *st, int64_t ids[MAX_NAMED + 1])
{
	size_t n = 0, i;

	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		for (i = 0; i < n && ids[i] < id; i++)
			;
		if ((i < n && ids[i] == id) || i == MAX_NAMED + 1)
			continue;
		if (n < MAX_NAMED + 1)
			n++;
		memmove(&ids[i + 1], &ids[i], (n - 1 - i) * sizeof(*ids));
		ids[i] = id;
	}
	br_db_reset(st);
	return n;
}

int br_people_resolve(struct br_db *db, const char *name, int64_t *id,
		      char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, slug_sql);
	int64_t ids[MAX_NAMED + 1];
	struct br_people cand = {0};
	size_t n = 0, len, k;
	char *folded;
	int rc;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	if (rc == SQLITE_ROW)
		return 0;

	/* An exact alias, else a prefix, that only one person has. */
	folded = br_text_fold(name);
	if (*folded) {
		st = br_db_stmt(db, exact_ids_sql);
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
		n = lowest_ids(st, ids);
	}
	if (*folded && n == 0) {
		st = br_db_stmt(db, start_ids_sql);
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
		n = lowest_ids(st, ids);
	}
	free(folded);
	if (n == 1) {
		*id = ids[0];
		return 0;
	}
	if (n == 0) {
		snprintf(err, errlen, "unknown person '%.80s'", name);
		return -1;
	}
	/* Ambiguous: name the candidates. */
	len = (size_t)snprintf(err, errlen, "'%.80s' is ambiguous:", name);
	for (k = 0; k < n && k < MAX_NAMED && len < errlen; k++) {
		if (br_people_get(db, ids[k], &cand) == 1)
			len += (size_t)snprintf(err + len, errlen - len,
						"%s %s", k ? "," : "",
						cand.rows[0].name[0]);
	}
	if (n > MAX_NAMED && len < errlen)
		snprintf(err + len, errlen - len, ", ...");
	br_people_free(&cand);
	return -1;
}

void br_strings_free(struct br_strings *list)
{
	free(list->v);
	br_pool_clear(&list->pool);
	memset(list, 0, sizeof(*list));
}

static const char aliases_sql[] =
	"SELECT alias FROM alias WHERE person_id = ? ORDER BY alias";

int br_people_aliases(struct br_db *db, int64_t id, struct br_strings *out)
{
	sqlite3_stmt *st = br_db_stmt(db, aliases_sql);
	int rc;

	out->n = 0;
	br_pool_clear(&out->pool);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = br_grow(out->v, out->n, &out->cap, sizeof(*out->v));
		out->v[out->n++] = br_pool_strdup(&out->pool, br_col(st, 0));
	}
	br_db_reset(st);
	return rc == SQLITE_DONE ? (int)out->n : -1;
}
