/* base: what every boardroom module shares: instants, languages, and
 * allocation that never returns NULL. */
#ifndef BOARDROOM_BASE_H
#define BOARDROOM_BASE_H

#include <stddef.h>
#include <stdint.h>

/* Seconds since 1970-01-01 00:00 UTC. */
typedef int64_t br_instant;

#define BR_INSTANT_MIN INT64_MIN
#define BR_INSTANT_MAX INT64_MAX

/* The two languages every text in the dataset is written in. */
enum br_lang { BR_LANG_EN = 0, BR_LANG_ZH = 1 };

/* "en" or "zh". */
const char *br_lang_name(enum br_lang lang);
/* Parses "en"/"zh" (also "english", "chinese", "中文"); 0 on success. */
int br_lang_parse(const char *text, enum br_lang *out);

/* The text of a pair in lang, or in the other language when it has none
 * (an imported article has only Chinese). */
static inline const char *br_pick(const char *const pair[2], enum br_lang lang)
{
	return pair[lang] && pair[lang][0] ? pair[lang] : pair[!lang];
}

/* Allocation: abort with a message on failure, so callers need not check.
 * The caller owns what they return and releases it with free(). */
void *br_xmalloc(size_t size);
void *br_xcalloc(size_t count, size_t size);
void *br_xrealloc(void *ptr, size_t size);
char *br_xstrdup(const char *text);
char *br_xstrndup(const char *text, size_t len);
/* Grows a vector to hold n + 1 items of size bytes: doubles *cap when
 * n reaches it. Returns the (possibly moved) vector. */
void *br_grow(void *arr, size_t n, size_t *cap, size_t size);

/* Copies src into dst of size n, always NUL-terminated, never splitting a
 * UTF-8 sequence. Returns the bytes written (without the NUL). */
size_t br_strlcpy(char *dst, const char *src, size_t n);

/* A pool of small allocations freed together: what a page of rows or a
 * detail owns. A zeroed pool is empty and ready. */
struct br_pool_chunk;
struct br_pool {
	struct br_pool_chunk *chunks;
};

/* Memory from the pool, aligned for any type; lives until the pool is
 * cleared. */
void *br_pool_alloc(struct br_pool *pool, size_t size);
/* A copy of text (NULL is taken as "") owned by the pool. */
const char *br_pool_strdup(struct br_pool *pool, const char *text);
/* Frees everything allocated from the pool; the pool stays usable. */
void br_pool_clear(struct br_pool *pool);

#define BR_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
