/* import_batch: the container the readers fill (the events of one file,
 * their strings in a pool) and the small lists the import modules share.
 * Declared in import_private.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_private.h"

struct imp_event *imp_batch_add(struct imp_batch *b)
{
	b->v = br_grow(b->v, b->n, &b->cap, sizeof(*b->v));
	memset(&b->v[b->n], 0, sizeof(b->v[b->n]));
	return &b->v[b->n++];
}

void imp_batch_free(struct imp_batch *b)
{
	free(b->v);
	br_pool_clear(&b->pool);
	memset(b, 0, sizeof(*b));
}

void imp_batch_clear(struct imp_batch *b)
{
	b->n = 0;
	br_pool_clear(&b->pool);
}

const char *imp_strndup(struct imp_batch *b, const char *s, size_t n)
{
	char *p = br_pool_alloc(&b->pool, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* FNV-1a. */
static size_t hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)h;
}

/* The slot of s: where it is, or the free one where it would go. */
static size_t *find_slot(const struct imp_strset *set, const char *s, size_t n)
{
	size_t i = hash(s, n) & (set->cap - 1), *slot;
	const char *v;

	for (;; i = (i + 1) & (set->cap - 1)) {
		slot = &set->slot[i];
		if (!*slot)
			return slot;
		v = set->list->v[*slot - 1];
		if (!strncmp(v, s, n) && !v[n])
			return slot;
	}
}

/* Keeps the table at most half full. */
static void rehash(struct imp_strset *set)
{
	size_t k;
	const char *v;

	if (set->cap && set->list->n * 2 < set->cap)
		return;
	free(set->slot);
	set->cap = set->cap ? set->cap * 2 : 64;
	while (set->list->n * 2 >= set->cap)
		set->cap *= 2;
	set->slot = br_xcalloc(set->cap, sizeof(*set->slot));
	for (k = 0; k < set->list->n; k++) {
		v = set->list->v[k];
		*find_slot(set, v, strlen(v)) = k + 1;
	}
}

int imp_strings_add(struct imp_strset *set, const char *s, size_t n)
{
	struct br_strings *list = set->list;
	size_t *slot;
	char *p;

	rehash(set);
	slot = find_slot(set, s, n);
	if (*slot)
		return 0;
	p = br_pool_alloc(&list->pool, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	list->v = br_grow(list->v, list->n, &list->cap, sizeof(*list->v));
	list->v[list->n++] = p;
	*slot = list->n;
	return 1;
}

void imp_strset_free(struct imp_strset *set)
{
	free(set->slot);
	set->slot = NULL;
	set->cap = 0;
}

void imp_aliases_free(struct imp_aliases *a)
{
	size_t k;

	for (k = 0; k < a->n; k++) {
		free(a->v[k].norm);
		free(a->v[k].text);
	}
	free(a->v);
	memset(a, 0, sizeof(*a));
}
