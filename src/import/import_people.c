/* import_people: the people a table (JSON or CSV) names by slug.
 *
 * Those the database knows are found by slug; the others are created
 * (kind 'person'), with ids in an order that keeps each event's people
 * listed as in the file, so that an export read back exports the same:
 * a topological order of the constraints "a before b" the events give.
 * The slugs and the pairs are gathered over the whole file first, in hash
 * tables: memory is one entry a person and one a pair, not one an event.
 * Declared in import_private.h. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "import/import_private.h"

/* A slug and what is known of it. */
struct slug {
	const char *slug;    /* in the pool */
	const char *name[2]; /* its first mention's, in the pool */
	uint64_t first;	     /* order of its first mention */
	int64_t id;	     /* 0: to create */
};

struct imp_people {
	struct br_db *db; /* not owned */
	struct slug *v;
	size_t n, cap;
	uint32_t *slot; /* index + 1 into v; 0: free; a power of two */
	size_t n_slots;
	/* The pairs "a before b" (slug indexes + 1, a << 32 | b); 0: free. */
	uint64_t *pair;
	size_t n_pairs, pair_slots;
	uint64_t mentions;
	struct br_pool pool;
};

/* FNV-1a. */
static size_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static size_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static uint32_t *slug_slot(const struct imp_people *pp, const char *slug)
{
	size_t i = hash(slug) & (pp->n_slots - 1);

	for (;; i = (i + 1) & (pp->n_slots - 1))
		if (!pp->slot[i] || !strcmp(pp->v[pp->slot[i] - 1].slug, slug))
			return &pp->slot[i];
}

/* Keeps the table at most half full. */
static void grow_slugs(struct imp_people *pp)
{
	size_t k;

	if (pp->n_slots && (pp->n + 1) * 2 < pp->n_slots)
		return;
	free(pp->slot);
	pp->n_slots = pp->n_slots ? pp->n_slots * 2 : 1024;
	pp->slot = br_xcalloc(pp->n_slots, sizeof(*pp->slot));
	for (k = 0; k < pp->n; k++)
		*slug_slot(pp, pp->v[k].slug) = (uint32_t)(k + 1);
}

static const char person_by_slug_sql[] = "SELECT id FROM person WHERE slug = ?";

/* The index of p's slug, added (and looked up in db) if new. */
static size_t intern(struct imp_people *pp, const struct imp_person *p)
{
	sqlite3_stmt *st;
	struct slug *x;
	uint32_t *slot;

	grow_slugs(pp);
	slot = slug_slot(pp, p->slug);
	if (*slot)
		return *slot - 1;
	pp->v = br_grow(pp->v, pp->n, &pp->cap, sizeof(*pp->v));
	x = &pp->v[pp->n];
	x->slug = br_pool_strdup(&pp->pool, p->slug);
	x->name[0] = br_pool_strdup(&pp->pool, p->name[0]);
	x->name[1] = br_pool_strdup(&pp->pool, p->name[1]);
	x->first = pp->mentions;
	x->id = 0;
	st = br_db_stmt(pp->db, person_by_slug_sql);
	sqlite3_bind_text(st, 1, x->slug, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		x->id = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	*slot = (uint32_t)++pp->n;
	return pp->n - 1;
}

static void pair_put(uint64_t *slots, size_t n_slots, uint64_t key)
{
	size_t i = mix(key) & (n_slots - 1);

	for (; slots[i] && slots[i] != key; i = (i + 1) & (n_slots - 1))
		;
	slots[i] = key;
}

static void add_pair(struct imp_people *pp, size_t a, size_t b)
{
	uint64_t key = (uint64_t)(a + 1) << 32 | (uint64_t)(b + 1);
	size_t i, old = pp->pair_slots;
	uint64_t *was = pp->pair;

	if ((pp->n_pairs + 1) * 2 >= pp->pair_slots) {
		pp->pair_slots = old ? old * 2 : 1024;
		pp->pair = br_xcalloc(pp->pair_slots, sizeof(*pp->pair));
		for (i = 0; i < old; i++)
			if (was[i])
				pair_put(pp->pair, pp->pair_slots, was[i]);
		free(was);
	}
	i = mix(key) & (pp->pair_slots - 1);
	for (; pp->pair[i]; i = (i + 1) & (pp->pair_slots - 1))
		if (pp->pair[i] == key)
			return;
	pp->pair[i] = key;
	pp->n_pairs++;
}

static int role_group(const char *role)
{
	return !strcmp(role, "actor") ? 0 : !strcmp(role, "subject") ? 1 : 2;
}

struct imp_people *imp_people_new(struct br_db *db)
{
	struct imp_people *pp = br_xcalloc(1, sizeof(*pp));

	pp->db = db;
	return pp;
}

void imp_people_free(struct imp_people *pp)
{
	if (!pp)
		return;
	free(pp->v);
	free(pp->slot);
	free(pp->pair);
	br_pool_clear(&pp->pool);
	free(pp);
}

/* An order for the people to create: a list shows people of one role by
 * id, so wherever the file lists two new people of one role in an event,
 * the first must get the smaller id. Edges a -> b say so; the order is a
 * topological one, earliest first mention first among those free to go
 * (a min-heap), and any cycle (a file not written by boardroom) is broken
 * in order of first mention. The edges are gathered here, once each. */
void imp_people_add(struct imp_people *pp, const struct imp_batch *b)
{
	size_t i, k, last[3] = {0}, x;
	int have[3], r;

	for (i = 0; i < b->n; i++) {
		const struct imp_event *ev = &b->v[i];

		memset(have, 0, sizeof(have));
		for (k = 0; k < ev->n_people; k++, pp->mentions++) {
			x = intern(pp, &ev->people[k]);
			if (pp->v[x].id)
				continue;
			r = role_group(ev->people[k].role);
			if (have[r] && last[r] != x)
				add_pair(pp, last[r], x);
			last[r] = x;
			have[r] = 1;
		}
	}
}

/* The pairs as lists of successors (out[out_start[i]...]) and counts of
 * predecessors. */
struct graph {
	size_t *out_start, *out, *indeg;
};

static void build_graph(struct graph *g, const struct imp_people *pp)
{
	size_t i, a, b, *fill, n = pp->n;

	g->out_start = br_xcalloc(n + 1, sizeof(*g->out_start));
	g->out = br_xcalloc(pp->n_pairs + 1, sizeof(*g->out));
	g->indeg = br_xcalloc(n + 1, sizeof(*g->indeg));
	for (i = 0; i < pp->pair_slots; i++) {
		if (!pp->pair[i])
			continue;
		a = (size_t)(pp->pair[i] >> 32) - 1;
		b = (size_t)(pp->pair[i] & 0xffffffffu) - 1;
		g->out_start[a + 1]++;
		g->indeg[b]++;
	}
	for (i = 0; i < n; i++)
		g->out_start[i + 1] += g->out_start[i];
	fill = br_xcalloc(n + 1, sizeof(*fill));
	memcpy(fill, g->out_start, n * sizeof(*fill));
	for (i = 0; i < pp->pair_slots; i++) {
		if (!pp->pair[i])
			continue;
		a = (size_t)(pp->pair[i] >> 32) - 1;
		b = (size_t)(pp->pair[i] & 0xffffffffu) - 1;
		g->out[fill[a]++] = b;
	}
	free(fill);
}

static void graph_free(struct graph *g)
{
	free(g->out_start);
	free(g->out);
	free(g->indeg);
}

/* A min-heap of slug indexes by first mention. */
struct heap {
	size_t *v, n;
	const struct slug *s;
};

static int earlier(const struct heap *h, size_t a, size_t b)
{
	return h->s[h->v[a]].first < h->s[h->v[b]].first;
}

static void swap(struct heap *h, size_t a, size_t b)
{
	size_t t = h->v[a];

	h->v[a] = h->v[b];
	h->v[b] = t;
}

static void heap_push(struct heap *h, size_t x)
{
	size_t i = h->n++;

	h->v[i] = x;
	for (; i > 0 && earlier(h, i, (i - 1) / 2); i = (i - 1) / 2)
		swap(h, i, (i - 1) / 2);
}

static size_t heap_pop(struct heap *h)
{
	size_t top = h->v[0], i = 0, c;

	h->v[0] = h->v[--h->n];
	for (; (c = 2 * i + 1) < h->n; i = c) {
		if (c + 1 < h->n && earlier(h, c + 1, c))
			c++;
		if (!earlier(h, c, i))
			break;
		swap(h, i, c);
	}
	return top;
}

/* Sorts idx[0..n) by first mention (a few people in a cycle at most). */
static void sort_by_first(size_t *idx, size_t n, const struct slug *v)
{
	size_t i, j, x;

	for (i = 1; i < n; i++) {
		x = idx[i];
		for (j = i; j > 0 && v[idx[j - 1]].first > v[x].first; j--)
			idx[j] = idx[j - 1];
		idx[j] = x;
	}
}

/* The new people's slug indexes in the order to create them; *n gets
 * how many. */
static size_t *creation_order(const struct imp_people *pp, size_t *n)
{
	struct graph g = {0};
	struct heap h = {br_xcalloc(pp->n + 1, sizeof(size_t)), 0, pp->v};
	size_t *order = br_xcalloc(pp->n + 1, sizeof(*order)), i, k, rest;
	unsigned char *placed = br_xcalloc(pp->n + 1, 1);

	build_graph(&g, pp);
	for (i = 0; i < pp->n; i++)
		if (!pp->v[i].id && !g.indeg[i])
			heap_push(&h, i);
	for (*n = 0; h.n;) {
		i = order[(*n)++] = heap_pop(&h);
		placed[i] = 1;
		for (k = g.out_start[i]; k < g.out_start[i + 1]; k++)
			if (--g.indeg[g.out[k]] == 0)
				heap_push(&h, g.out[k]);
	}
	for (rest = *n, i = 0; i < pp->n; i++)
		if (!pp->v[i].id && !placed[i])
			order[(*n)++] = i;
	sort_by_first(order + rest, *n - rest, pp->v);
	graph_free(&g);
	free(h.v);
	free(placed);
	return order;
}

static const char max_person_sql[] = "SELECT ifnull(max(id), 0) FROM person";
static const char new_person_sql[] =
	"INSERT INTO person (id, slug, kind, name_en, name_zh)"
	" VALUES (?, ?, 'person', ?, ?)";

/* Creates the people db lacks; their names fall back on each other and
 * on the slug. */
int imp_people_create(struct imp_people *pp, struct br_import_report *rep)
{
	sqlite3_stmt *st = br_db_stmt(pp->db, max_person_sql);
	size_t n, k, *order;
	int64_t next = 1;
	int rc = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int64(st, 0) + 1;
	br_db_reset(st);
	order = creation_order(pp, &n);
	st = br_db_stmt(pp->db, new_person_sql);
	for (k = 0; k < n; k++) {
		struct slug *x = &pp->v[order[k]];
		const char *en =
			x->name[BR_LANG_EN][0] ? x->name[BR_LANG_EN] : x->slug;
		const char *zh =
			x->name[BR_LANG_ZH][0] ? x->name[BR_LANG_ZH] : en;

		sqlite3_reset(st);
		x->id = next++;
		sqlite3_bind_int64(st, 1, x->id);
		sqlite3_bind_text(st, 2, x->slug, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, zh, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = -1;
			break;
		}
	}
	br_db_reset(st);
	free(order);
	rep->people_created = rc == 0 ? (long)n : 0;
	return rc;
}

void imp_people_ids(const struct imp_people *pp, struct imp_batch *b)
{
	size_t i, k;
	uint32_t slot;

	for (i = 0; i < b->n; i++)
		for (k = 0; k < b->v[i].n_people; k++) {
			struct imp_person *p = &b->v[i].people[k];

			slot = pp->n_slots ? *slug_slot(pp, p->slug) : 0;
			p->id = slot ? pp->v[slot - 1].id : 0;
		}
}
