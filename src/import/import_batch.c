/* import_batch: the container the readers fill (the events of one file,
 * their strings in a pool) and the small lists the import modules share.
 * Declared in import_private.h. */
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

const char *imp_strndup(struct imp_batch *b, const char *s, size_t n)
{
	char *p = br_pool_alloc(&b->pool, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void imp_strings_add(struct br_strings *list, const char *s, size_t n)
{
	size_t k;
	char *p;

	for (k = 0; k < list->n; k++)
		if (strlen(list->v[k]) == n && !strncmp(list->v[k], s, n))
			return;
	p = br_pool_alloc(&list->pool, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	list->v = br_grow(list->v, list->n, &list->cap, sizeof(*list->v));
	list->v[list->n++] = p;
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
