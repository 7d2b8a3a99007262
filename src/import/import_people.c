/* import_people: the people a table (JSON or CSV) names by slug.
 *
 * Those the database knows are found by slug; the others are created
 * (kind 'person'), with ids in an order that keeps each event's people
 * listed as in the file, so that an export read back exports the same:
 * a topological order of the constraints "a before b" the events give.
 * Declared in import_private.h. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "import/import_private.h"

/* A slug and what is known of it. */
struct slug {
	const char *slug;
	size_t first;		    /* order of its first mention */
	const struct imp_person *p; /* that mention, for the names */
	int64_t id;		    /* 0: to create */
};

struct slugs {
	struct slug *v;
	size_t n;
};

static int by_slug(const void *x, const void *y)
{
	const struct slug *a = x, *b = y;
	int c = strcmp(a->slug, b->slug);

	return c ? c : (a->first > b->first) - (a->first < b->first);
}

/* Every slug once, sorted, with its first mention. */
static void collect_slugs(const struct imp_batch *b, struct slugs *s)
{
	size_t total = 0, i, k, n = 0;

	for (i = 0; i < b->n; i++)
		total += b->v[i].n_people;
	s->v = br_xcalloc(total + 1, sizeof(*s->v));
	for (i = 0; i < b->n; i++)
		for (k = 0; k < b->v[i].n_people; k++, n++)
			s->v[n] = (struct slug){b->v[i].people[k].slug, n,
						&b->v[i].people[k], 0};
	qsort(s->v, n, sizeof(*s->v), by_slug);
	for (i = 0, s->n = 0; i < n; i++)
		if (!s->n || strcmp(s->v[s->n - 1].slug, s->v[i].slug))
			s->v[s->n++] = s->v[i];
}

static struct slug *find_slug(const struct slugs *s, const char *slug)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(slug, s->v[mid].slug);

		if (!c)
			return &s->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static const char person_by_slug_sql[] = "SELECT id FROM person WHERE slug = ?";

static void known_people(struct br_db *db, struct slugs *s)
{
	sqlite3_stmt *st = br_db_stmt(db, person_by_slug_sql);
	size_t i;

	for (i = 0; i < s->n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, s->v[i].slug, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			s->v[i].id = sqlite3_column_int64(st, 0);
	}
	br_db_reset(st);
}

/* An order for the people to create: a list shows people of one role by
 * id, so wherever the file lists two new people of one role in an event,
 * the first must get the smaller id. Edges a -> b say so; the order is a
 * topological one, earliest first mention first among those free to go
 * (a min-heap), and any cycle (a file not written by boardroom) is broken
 * in order of first mention. */
struct graph {
	size_t n, n_edges, cap_edges;
	size_t (*edges)[2];
	size_t *out_start, *out, *indeg;
};

static int role_group(const char *role)
{
	return !strcmp(role, "actor") ? 0 : !strcmp(role, "subject") ? 1 : 2;
}

static void add_edges(struct graph *g, const struct slugs *s,
		      const struct imp_event *ev)
{
	size_t k, last[3] = {0}, have[3] = {0}, x;

	for (k = 0; k < ev->n_people; k++) {
		int r = role_group(ev->people[k].role);

		x = (size_t)(find_slug(s, ev->people[k].slug) - s->v);
		if (s->v[x].id)
			continue;
		if (have[r] && last[r] != x) {
			g->edges = br_grow(g->edges, g->n_edges, &g->cap_edges,
					   sizeof(*g->edges));
			g->edges[g->n_edges][0] = last[r];
			g->edges[g->n_edges++][1] = x;
		}
		last[r] = x;
		have[r] = 1;
	}
}

static void build_graph(struct graph *g, const struct slugs *s,
			const struct imp_batch *b)
{
	size_t i, *fill;

	g->n = s->n;
	for (i = 0; i < b->n; i++)
		add_edges(g, s, &b->v[i]);
	g->out_start = br_xcalloc(g->n + 1, sizeof(*g->out_start));
	g->out = br_xcalloc(g->n_edges + 1, sizeof(*g->out));
	g->indeg = br_xcalloc(g->n + 1, sizeof(*g->indeg));
	for (i = 0; i < g->n_edges; i++) {
		g->out_start[g->edges[i][0] + 1]++;
		g->indeg[g->edges[i][1]]++;
	}
	for (i = 0; i < g->n; i++)
		g->out_start[i + 1] += g->out_start[i];
	fill = br_xcalloc(g->n + 1, sizeof(*fill));
	memcpy(fill, g->out_start, g->n * sizeof(*fill));
	for (i = 0; i < g->n_edges; i++)
		g->out[fill[g->edges[i][0]]++] = g->edges[i][1];
	free(fill);
}

static void graph_free(struct graph *g)
{
	free(g->edges);
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
static size_t *creation_order(const struct slugs *s, const struct imp_batch *b,
			      size_t *n)
{
	struct graph g = {0};
	struct heap h = {br_xcalloc(s->n + 1, sizeof(size_t)), 0, s->v};
	size_t *order = br_xcalloc(s->n + 1, sizeof(*order)), i, k, rest;
	unsigned char *placed = br_xcalloc(s->n + 1, 1);

	build_graph(&g, s, b);
	for (i = 0; i < s->n; i++)
		if (!s->v[i].id && !g.indeg[i])
			heap_push(&h, i);
	for (*n = 0; h.n;) {
		i = order[(*n)++] = heap_pop(&h);
		placed[i] = 1;
		for (k = g.out_start[i]; k < g.out_start[i + 1]; k++)
			if (--g.indeg[g.out[k]] == 0)
				heap_push(&h, g.out[k]);
	}
	for (rest = *n, i = 0; i < s->n; i++)
		if (!s->v[i].id && !placed[i])
			order[(*n)++] = i;
	sort_by_first(order + rest, *n - rest, s->v);
	graph_free(&g);
	free(h.v);
	free(placed);
	return order;
}

static const char max_person_sql[] = "SELECT ifnull(max(id), 0) FROM person";
static const char new_person_sql[] =
	"INSERT INTO person (id, slug, kind, name_en, name_zh)"
	" VALUES (?, ?, 'person', ?, ?)";

/* Creates the people s lacks; their names fall back on each other and on
 * the slug. Returns how many, or -1. */
static long create_people(struct br_db *db, struct slugs *s,
			  const struct imp_batch *b)
{
	sqlite3_stmt *st = br_db_stmt(db, max_person_sql);
	size_t n, k, *order;
	int64_t next = 1;
	long made = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int64(st, 0) + 1;
	br_db_reset(st);
	order = creation_order(s, b, &n);
	st = br_db_stmt(db, new_person_sql);
	for (k = 0; k < n; k++, made++) {
		struct slug *x = &s->v[order[k]];
		const char *en = x->p->name[BR_LANG_EN][0]
					 ? x->p->name[BR_LANG_EN]
					 : x->slug;
		const char *zh =
			x->p->name[BR_LANG_ZH][0] ? x->p->name[BR_LANG_ZH] : en;

		sqlite3_reset(st);
		x->id = next++;
		sqlite3_bind_int64(st, 1, x->id);
		sqlite3_bind_text(st, 2, x->slug, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, zh, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			made = -1;
			break;
		}
	}
	br_db_reset(st);
	free(order);
	return made;
}

int imp_resolve_people(struct br_db *db, struct imp_batch *b,
		       struct br_import_report *rep)
{
	struct slugs s = {0};
	size_t i, k;
	long made;

	collect_slugs(b, &s);
	known_people(db, &s);
	made = create_people(db, &s, b);
	for (i = 0; made >= 0 && i < b->n; i++)
		for (k = 0; k < b->v[i].n_people; k++)
			b->v[i].people[k].id =
				find_slug(&s, b->v[i].people[k].slug)->id;
	free(s.v);
	rep->people_created = made > 0 ? made : 0;
	return made < 0 ? -1 : 0;
}
