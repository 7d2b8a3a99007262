#include "boardroom/people.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "model.h"

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

static const char all_sql[] =
	PERSON_COLS " FROM person p ORDER BY 8 DESC, p.name_en LIMIT ?";

/* rank: 0 exact, 1 prefix, 2 inside; the best alias of each person. */
static const char search_sql[] = PERSON_COLS
	", m.alias, m.rank FROM (SELECT person_id, alias,"
	" min(CASE WHEN norm = ?1 THEN 0"
	"  WHEN substr(norm, 1, length(?1)) = ?1 THEN 1 ELSE 2 END) AS rank"
	" FROM alias WHERE instr(norm, ?1) > 0 GROUP BY person_id) m"
	" JOIN person p ON p.id = m.person_id"
	" ORDER BY m.rank, 8 DESC, p.name_en LIMIT ?2";

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
	st = br_db_stmt(db, search_sql);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	n = run(st, list, 8);
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

/* Each person matching ?1 with their best rank: 0 exact, 1 prefix. */
static const char rank_sql[] =
	"SELECT person_id, min(CASE WHEN norm = ?1 THEN 0"
	"  WHEN substr(norm, 1, length(?1)) = ?1 THEN 1 ELSE 2 END)"
	" FROM alias WHERE instr(norm, ?1) > 0 GROUP BY person_id";

int br_people_resolve(struct br_db *db, const char *name, int64_t *id,
		      char *err, size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(db, slug_sql);
	int64_t best[2][4] = {{0}};
	size_t n_best[2] = {0, 0}, i;
	struct br_people cand = {0};
	char *folded;
	int rc;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	if (rc == SQLITE_ROW)
		return 0;

	folded = br_text_fold(name);
	st = br_db_stmt(db, rank_sql);
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_TRANSIENT);
	while (*folded && sqlite3_step(st) == SQLITE_ROW) {
		int rank = sqlite3_column_int(st, 1);

		if (rank < 2 && n_best[rank] < 4)
			best[rank][n_best[rank]++] =
				sqlite3_column_int64(st, 0);
		else if (rank < 2)
			n_best[rank]++;
	}
	br_db_reset(st);
	free(folded);
	for (i = 0; i < 2; i++) {
		if (n_best[i] == 1) {
			*id = best[i][0];
			return 0;
		}
		if (n_best[i] > 1)
			break;
	}
	if (i == 2) {
		snprintf(err, errlen, "unknown person '%.80s'", name);
		return -1;
	}
	/* Ambiguous: name the candidates. */
	{
		size_t len = (size_t)snprintf(err, errlen,
					      "'%.80s' is ambiguous:", name);
		size_t k;

		for (k = 0; k < n_best[i] && k < 4 && len < errlen; k++) {
			if (br_people_get(db, best[i][k], &cand) == 1)
				len += (size_t)snprintf(err + len, errlen - len,
							"%s %s", k ? "," : "",
							cand.rows[0].name[0]);
		}
		if (n_best[i] > 4 && len < errlen)
			snprintf(err + len, errlen - len, ", ...");
	}
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
