/* compare: two instants side by side, on the split's model: its state at
 * each end (br_split_query), the office's tenures, the movers and their
 * stances (split.c), and the events in between counted by position. */
#include "boardroom/compare.h"

#include <stdlib.h>
#include <string.h>

#include "model/model.h"

void br_compare_free(struct br_compare *c)
{
	br_split_free(&c->then);
	br_split_free(&c->now);
	free(c->chiefs);
	free(c->vacated);
	free(c->kept);
	free(c->filled);
	free(c->movers);
	free(c->figures);
	br_changes_free(&c->moves);
	br_pool_clear(&c->pool);
	memset(c, 0, sizeof(*c));
}

static int has_member(const struct br_member *m, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (m[i].id == id)
			return 1;
	return 0;
}

/* The seats: who left the board, who stayed and who joined. */
static void seats(struct br_compare *c)
{
	const struct br_split *a = &c->then, *b = &c->now;
	size_t i;

	c->vacated = br_xcalloc(a->n_board + 1, sizeof(*c->vacated));
	c->kept = br_xcalloc(a->n_board + 1, sizeof(*c->kept));
	c->filled = br_xcalloc(b->n_board + 1, sizeof(*c->filled));
	for (i = 0; i < a->n_board; i++) {
		const struct br_member *m = &a->board[i];

		if (has_member(b->board, b->n_board, m->id)) {
			c->kept[c->n_kept++] = m;
			c->seats_kept += m->seats;
		} else {
			c->vacated[c->n_vacated++] = m;
			c->seats_vacated += m->seats;
		}
	}
	for (i = 0; i < b->n_board; i++) {
		const struct br_member *m = &b->board[i];

		if (!has_member(a->board, a->n_board, m->id)) {
			c->filled[c->n_filled++] = m;
			c->seats_filled += m->seats;
		}
	}
}

static struct br_compare_figure *
figure_slot(struct br_compare *c, const struct br_figure *f, size_t *cap)
{
	struct br_compare_figure *cf;
	size_t i;

	for (i = 0; i < c->n_figures; i++)
		if (!strcmp(c->figures[i].code, f->code))
			return &c->figures[i];
	c->figures =
		br_grow(c->figures, c->n_figures, cap, sizeof(*c->figures));
	cf = &c->figures[c->n_figures++];
	memset(cf, 0, sizeof(*cf));
	cf->code = f->code;
	cf->name[0] = f->name[0];
	cf->name[1] = f->name[1];
	return cf;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct br_compare_figure *)a)->code,
		      ((const struct br_compare_figure *)b)->code);
}

/* Every figure of either end, by code, with its value at each. */
static void figures(struct br_compare *c)
{
	const struct br_split *end[2] = {&c->then, &c->now};
	size_t cap = 0, i;
	int e;

	for (e = 0; e < 2; e++) {
		for (i = 0; i < end[e]->n_figures + end[e]->n_past; i++) {
			const struct br_figure *f =
				i < end[e]->n_figures
					? &end[e]->figures[i]
					: &end[e]->past[i - end[e]->n_figures];
			struct br_compare_figure *cf = figure_slot(c, f, &cap);

			if (e)
				cf->now = f;
			else
				cf->then = f;
		}
	}
	if (c->n_figures) /* none: no array to sort (qsort wants one) */
		qsort(c->figures, c->n_figures, sizeof(*c->figures), by_code);
	for (i = 0; i < c->n_figures; i++) {
		struct br_compare_figure *cf = &c->figures[i];

		cf->changed = !cf->then || !cf->now ||
			      cf->then->event_id != cf->now->event_id ||
			      cf->then->ended != cf->now->ended;
	}
}

/* A place of br_place_at, its strings copied into pool. */
static void keep_place(struct br_compare_place *out, const struct br_place *pl,
		       struct br_pool *pool)
{
	out->placed = pl->placed;
	out->line_slug = br_pool_strdup(pool, pl->line_slug);
	out->line[0] = br_pool_strdup(pool, pl->line[0]);
	out->line[1] = br_pool_strdup(pool, pl->line[1]);
	out->stance_slug = br_pool_strdup(pool, pl->stance_slug);
	out->stance[0] = br_pool_strdup(pool, pl->stance[0]);
	out->stance[1] = br_pool_strdup(pool, pl->stance[1]);
}

static const char mover_sql[] =
	"SELECT slug, kind, name_en, name_zh FROM person WHERE id = ?";

/* Each mover's places at both ends and the stances they took. */
static int movers(struct br_db *db, struct br_compare *c, size_t limit)
{
	int64_t *ids = NULL;
	size_t n = 0, i, *first;
	int rc = 0;

	if (br_movers_between(db, c->from, c->to, limit, &ids, &n,
			      &c->total_movers) < 0) {
		free(ids);
		return -1;
	}
	c->movers = br_xcalloc(n + 1, sizeof(*c->movers));
	first = br_xcalloc(n + 1, sizeof(*first));
	for (i = 0; i < n && rc == 0; i++) {
		struct br_compare_mover *m = &c->movers[c->n_movers++];
		sqlite3_stmt *st = br_db_stmt(db, mover_sql);
		struct br_place pl;
		int got;

		m->id = ids[i];
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) == SQLITE_ROW) {
			m->slug = br_pool_strdup(&c->pool, br_col(st, 0));
			m->kind = br_pool_strdup(&c->pool, br_col(st, 1));
			m->name[0] = br_pool_strdup(&c->pool, br_col(st, 2));
			m->name[1] = br_pool_strdup(&c->pool, br_col(st, 3));
		}
		br_db_reset(st);
		if (!m->slug) {
			rc = -1;
			break;
		}
		if (br_place_at(db, ids[i], c->from, &pl) < 0)
			rc = -1;
		keep_place(&m->then, &pl, &c->pool);
		if (rc == 0 && br_place_at(db, ids[i], c->to, &pl) < 0)
			rc = -1;
		keep_place(&m->now, &pl, &c->pool);
		first[i] = c->moves.n;
		got = rc ? -1
			 : br_moves_of(db, ids[i], c->from, c->to,
				       BR_COMPARE_MOVES, &c->moves);
		if (got < 0)
			rc = -1;
		else
			m->n_moves = (size_t)got;
	}
	/* The moves are in place now: point each mover at theirs. */
	for (i = 0; i < c->n_movers; i++)
		c->movers[i].moves = c->moves.rows + first[i];
	free(first);
	free(ids);
	return rc;
}

/* The events in (from, to] by their positions: two lookups. */
static int count_events(struct br_db *db, struct br_compare *c)
{
	struct br_filter all;
	struct br_key a = {c->from, INT64_MAX}, b = {c->to, INT64_MAX};
	int64_t ra, rb;

	br_filter_init(&all);
	ra = br_events_rank(db, &all, &a);
	rb = br_events_rank(db, &all, &b);
	if (ra < 0 || rb < 0)
		return -1;
	c->n_events = rb - ra;
	return 0;
}

/* In one read transaction, as the split: one snapshot for both ends. */
int br_compare_run(struct br_db *db, br_instant from, br_instant to,
		   size_t limit, struct br_compare *c)
{
	int rc = 0, n;

	br_compare_free(c);
	c->from = from;
	c->to = to;
	br_db_read_begin(db);
	/* One member a side: the comparison reads the board, the CEO and
	 * the figures, which the split reads whole. */
	if (br_split_query(db, from, 1, 0, &c->then) < 0 ||
	    br_split_query(db, to, 1, 0, &c->now) < 0)
		rc = -1;
	n = rc ? -1
	       : br_tenures_between(db, from, to, &c->chiefs, &c->chiefs_cap,
				    &c->pool);
	if (n < 0)
		rc = -1;
	else
		c->n_chiefs = (size_t)n;
	if (rc == 0 && (movers(db, c, limit) < 0 || count_events(db, c) < 0))
		rc = -1;
	if (br_db_read_end(db) < 0)
		rc = -1;
	if (rc == 0) {
		seats(c);
		figures(c);
	}
	return rc;
}

void br_compare_filter(const struct br_compare *c, const struct br_filter *base,
		       struct br_filter *out)
{
	if (base)
		*out = *base;
	else
		br_filter_init(out);
	/* (from, to]: the state at from already has the events at from. */
	if (out->from < c->from + 1)
		out->from = c->from + 1;
	if (out->to > c->to)
		out->to = c->to;
}

int br_compare_events(struct br_db *db, const struct br_compare *c,
		      const struct br_filter *base, const struct br_key *key,
		      enum br_dir dir, size_t limit, struct br_page *page)
{
	struct br_filter f;

	br_compare_filter(c, base, &f);
	return br_events_page(db, &f, key, dir, limit, page);
}

const char *br_compare_side_words(const struct br_compare_place *p, int stance,
				  int lang)
{
	static const char *const words[3][2] = {
		{"not placed", "未列入阵营"},
		{"neither", "两边都不站"},
		{"no line stated", "未表明路线"},
	};

	if (!p->placed)
		return words[0][lang];
	if (stance)
		return p->stance_slug[0] ? p->stance[lang] : words[1][lang];
	return p->line_slug[0] ? p->line[lang] : words[2][lang];
}
