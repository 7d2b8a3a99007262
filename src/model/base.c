#include "boardroom/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *br_lang_name(enum br_lang lang)
{
	return lang == BR_LANG_ZH ? "zh" : "en";
}

int br_lang_parse(const char *text, enum br_lang *out)
{
	if (!strcasecmp(text, "en") || !strcasecmp(text, "english")) {
		*out = BR_LANG_EN;
		return 0;
	}
	if (!strcasecmp(text, "zh") || !strcasecmp(text, "chinese") ||
	    !strcmp(text, "中文")) {
		*out = BR_LANG_ZH;
		return 0;
	}
	return -1;
}

static void *check(void *ptr, size_t size)
{
	if (!ptr && size) {
		fprintf(stderr, "boardroom: out of memory (%zu bytes)\n", size);
		abort();
	}
	return ptr;
}

void *br_xmalloc(size_t size)
{
	return check(malloc(size ? size : 1), size);
}

void *br_xcalloc(size_t count, size_t size)
{
	return check(calloc(count ? count : 1, size ? size : 1), count * size);
}

void *br_xrealloc(void *ptr, size_t size)
{
	return check(realloc(ptr, size ? size : 1), size);
}

char *br_xstrdup(const char *text)
{
	return br_xstrndup(text, strlen(text));
}

char *br_xstrndup(const char *text, size_t len)
{
	char *copy = br_xmalloc(len + 1);

	memcpy(copy, text, len);
	copy[len] = '\0';
	return copy;
}

size_t br_strlcpy(char *dst, const char *src, size_t n)
{
	size_t len;

	if (!n)
		return 0;
	len = strlen(src);
	if (len >= n) {
		len = n - 1;
		/* Back up to the start of a UTF-8 sequence. */
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
	return len;
}

struct br_pool_chunk {
	struct br_pool_chunk *next;
	size_t used, size;
	max_align_t data[];
};

#define POOL_CHUNK 16384

void *br_pool_alloc(struct br_pool *pool, size_t size)
{
	struct br_pool_chunk *c = pool->chunks;
	size_t align = sizeof(max_align_t);
	void *p;

	size = (size + align - 1) / align * align;
	if (!c || c->size - c->used < size) {
		size_t cap = size > POOL_CHUNK ? size : POOL_CHUNK;

		c = br_xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->size = cap;
		c->next = pool->chunks;
		pool->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	return p;
}

const char *br_pool_strdup(struct br_pool *pool, const char *text)
{
	size_t len;
	char *copy;

	if (!text)
		text = "";
	len = strlen(text);
	copy = br_pool_alloc(pool, len + 1);
	memcpy(copy, text, len + 1);
	return copy;
}

void br_pool_clear(struct br_pool *pool)
{
	struct br_pool_chunk *c = pool->chunks, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	pool->chunks = NULL;
}

void *br_grow(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 8;
	return br_xrealloc(arr, *cap * size);
}
