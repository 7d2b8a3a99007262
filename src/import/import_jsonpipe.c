/* import_jsonpipe: the elements of a JSON array of events read on two
 * cores (declared in import_private.h).
 *
 * The file is cut into chunks of elements: a chunk is first scanned (its
 * elements' bytes gathered by import_jsonstream, which checks only the
 * top level), then parsed (each element by jansson, and converted into
 * the chunk's batch), then flushed to the sink. Scanning goes in the
 * file's order, one chunk at a time; any chunk scanned may be parsed by
 * either thread; flushing is the calling thread's, in order. A second
 * thread scans ahead and parses, the caller parses too whenever it has
 * nothing to flush: parsing, most of the work, is shared by both cores,
 * and the writes of one chunk overlap the parsing of the next.
 *
 * Memory is at most JP_CHUNKS chunks: each of at most JP_CHUNK_EVENTS
 * elements and about JP_CHUNK_BYTES of text (one element may be larger,
 * up to the reader's limit).
 *
 * A chunk keeps its first problem: a parse or conversion error stops its
 * parsing there, a scan error ends the file after the chunk's elements.
 * The caller meets the chunks in order and stops at the first one with a
 * problem, before it flushes that one, as a reader of one thread would
 * have stopped there: the file's first problem is the one reported. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_jsonstream.h"
#include "import/import_private.h"

#define JP_CHUNKS      4
#define JP_CHUNK_EVENTS 500
#define JP_CHUNK_BYTES (512 << 10)
#define JP_ERR	       1024

enum chunk_state { C_FREE, C_SCANNED, C_PARSING, C_PARSED };

/* An element's bytes in its chunk, and where it was in the file. */
struct element {
	size_t off, len, index;
	long long offset;
	long line, column;
};

struct chunk {
	enum chunk_state state;
	char *bytes; /* the elements' bytes, one after another */
	size_t len, cap;
	struct element *el;
	size_t n, cap_el;
	/* The file's last chunk: the scan ended after its elements, at the
	 * end of the array (scan_rc 0), on a problem (-1, scan_err) or on a
	 * text that is no array (IMP_JP_NOT_ARRAY). */
	int last, scan_rc;
	char scan_err[JP_ERR];
	int parse_rc; /* 0, or -1 with parse_err */
	char parse_err[JP_ERR];
	struct imp_batch batch; /* what parsing converted */
};

struct jp {
	pthread_mutex_t mu;
	pthread_cond_t cv; /* a chunk changed state, or stop */
	struct chunk c[JP_CHUNKS];
	/* Chunk k (from 0) is c[k % JP_CHUNKS]: those from flushed to
	 * scanned - 1 are in use. */
	size_t scanned, flushed;
	int scanning, scan_over, stop;
	struct imp_js *js; /* the scan's: used by one thread at a time */
	const char *name;
	const struct imp_jp_ops *ops;
};

static struct chunk *chunk_of(struct jp *jp, size_t k)
{
	return &jp->c[k % JP_CHUNKS];
}

/* Adds the element it to c. */
static void keep(struct chunk *c, const struct imp_js_item *it)
{
	struct element *e;

	if (c->len + it->raw_len > c->cap) {
		while (c->len + it->raw_len > c->cap)
			c->cap = c->cap ? c->cap * 2 : 64 * 1024;
		c->bytes = br_xrealloc(c->bytes, c->cap);
	}
	memcpy(c->bytes + c->len, it->raw, it->raw_len);
	c->el = br_grow(c->el, c->n, &c->cap_el, sizeof(*c->el));
	e = &c->el[c->n++];
	e->off = c->len;
	e->len = it->raw_len;
	e->index = it->index;
	e->offset = it->offset;
	e->line = it->line;
	e->column = it->column;
	c->len += it->raw_len;
}

/* Scans the file's next elements into c (without the lock: the scan is
 * this thread's while jp->scanning). */
static void scan(struct jp *jp, struct chunk *c)
{
	struct imp_js_item it;
	int rc;

	c->len = c->n = 0;
	c->last = c->scan_rc = c->parse_rc = 0;
	while (c->n < JP_CHUNK_EVENTS && c->len < JP_CHUNK_BYTES) {
		rc = imp_js_next(jp->js, &it, c->scan_err, sizeof(c->scan_err));
		if (rc > 0 && it.raw) {
			keep(c, &it);
			continue;
		}
		/* The end, a problem, or a value that is no element of a
		 * top-level array. */
		c->last = 1;
		c->scan_rc = rc < 0			 ? -1
			     : imp_js_top(jp->js) != '[' ? IMP_JP_NOT_ARRAY
							 : 0;
		return;
	}
}

/* Parses and converts the elements of c into its batch (without the lock:
 * c is this thread's while C_PARSING), up to the first problem. */
static void parse(struct jp *jp, struct chunk *c)
{
	const struct imp_jp_ops *ops = jp->ops;
	size_t i;
	int partial;
	json_t *v;

	for (i = 0; i < c->n; i++) {
		const struct element *e = &c->el[i];
		struct imp_js_item at = {.offset = e->offset,
					 .line = e->line,
					 .column = e->column};

		v = imp_js_parse(jp->name, c->bytes + e->off, e->len, &at,
				 ops->only, &partial, c->parse_err,
				 sizeof(c->parse_err));
		if (!v ||
		    ops->convert(ops->ctx, &c->batch, v, e->index, partial,
				 c->parse_err, sizeof(c->parse_err)) < 0) {
			json_decref(v);
			c->parse_rc = -1;
			return;
		}
		json_decref(v);
	}
}

/* The earliest chunk scanned and not yet taken for parsing, or NULL. */
static struct chunk *to_parse(struct jp *jp)
{
	size_t k;

	for (k = jp->flushed; k < jp->scanned; k++)
		if (chunk_of(jp, k)->state == C_SCANNED)
			return chunk_of(jp, k);
	return NULL;
}

/* Whether a chunk can be scanned now: by one thread at a time, into a
 * free one. */
static int can_scan(const struct jp *jp)
{
	return !jp->scanning && !jp->scan_over && !jp->stop &&
	       jp->scanned < jp->flushed + JP_CHUNKS;
}

/* One unit of work, called and returning with the lock held: scanning
 * first if scan_first (the second thread keeps the chunks coming), else
 * parsing first. 0 if there was none. */
static int work(struct jp *jp, int scan_first)
{
	struct chunk *c;

	if (jp->stop)
		return 0;
	if ((scan_first || !to_parse(jp)) && can_scan(jp)) {
		c = chunk_of(jp, jp->scanned);
		jp->scanning = 1;
		pthread_mutex_unlock(&jp->mu);
		scan(jp, c);
		pthread_mutex_lock(&jp->mu);
		jp->scanning = 0;
		c->state = C_SCANNED;
		jp->scan_over = c->last;
		jp->scanned++;
		pthread_cond_broadcast(&jp->cv);
		return 1;
	}
	if ((c = to_parse(jp))) {
		c->state = C_PARSING;
		pthread_mutex_unlock(&jp->mu);
		parse(jp, c);
		pthread_mutex_lock(&jp->mu);
		c->state = C_PARSED;
		pthread_cond_broadcast(&jp->cv);
		return 1;
	}
	return 0;
}

/* The second thread: scans and parses until the scan is over and every
 * chunk is taken, or the caller stops. */
static void *worker(void *arg)
{
	struct jp *jp = arg;

	pthread_mutex_lock(&jp->mu);
	while (!jp->stop) {
		if (work(jp, 1))
			continue;
		if (jp->scan_over && !to_parse(jp))
			break;
		pthread_cond_wait(&jp->cv, &jp->mu);
	}
	pthread_mutex_unlock(&jp->mu);
	return NULL;
}

/* The caller's next chunk, parsed (by whichever thread), working
 * meanwhile. */
static struct chunk *next_parsed(struct jp *jp)
{
	struct chunk *c = chunk_of(jp, jp->flushed);

	pthread_mutex_lock(&jp->mu);
	while (!(jp->flushed < jp->scanned && c->state == C_PARSED))
		if (!work(jp, 0))
			pthread_cond_wait(&jp->cv, &jp->mu);
	pthread_mutex_unlock(&jp->mu);
	return c;
}

/* The chunk's problem, if it has one: 0 if none, else its rc with the
 * message in err. */
static int problem(const struct chunk *c, char *err, size_t errlen)
{
	if (c->parse_rc < 0) {
		snprintf(err, errlen, "%s", c->parse_err);
		return -1;
	}
	if (c->last && c->scan_rc < 0)
		snprintf(err, errlen, "%s", c->scan_err);
	return c->last ? c->scan_rc : 0;
}

/* Flushes the chunks in order until the last, or the first problem. */
static int flush_all(struct jp *jp, const struct imp_sink *sink, char *err,
		     size_t errlen)
{
	for (;;) {
		struct chunk *c = next_parsed(jp);
		int rc = problem(c, err, errlen), last = c->last;

		if (rc == 0 && sink->flush(sink->ctx, &c->batch) < 0)
			rc = -1;
		imp_batch_clear(&c->batch);
		pthread_mutex_lock(&jp->mu);
		c->state = C_FREE;
		jp->flushed++;
		pthread_cond_broadcast(&jp->cv);
		pthread_mutex_unlock(&jp->mu);
		if (rc != 0 || last)
			return rc;
	}
}

int imp_jp_read(const char *name, FILE *f, const struct imp_jp_ops *ops,
		const struct imp_sink *sink, char *err, size_t errlen)
{
	struct jp jp = {0};
	pthread_t thread;
	int threaded, rc;
	size_t k;

	pthread_mutex_init(&jp.mu, NULL);
	pthread_cond_init(&jp.cv, NULL);
	jp.js = imp_js_open(f, name, BR_IMPORT_MAX_BYTES);
	jp.name = name;
	jp.ops = ops;
	imp_js_raw(jp.js, 1);
	/* Without a second thread the caller does all the work itself. */
	threaded = ops->threads != 1 &&
		   pthread_create(&thread, NULL, worker, &jp) == 0;
	rc = flush_all(&jp, sink, err, errlen);
	pthread_mutex_lock(&jp.mu);
	jp.stop = 1;
	pthread_cond_broadcast(&jp.cv);
	pthread_mutex_unlock(&jp.mu);
	if (threaded)
		pthread_join(thread, NULL);
	for (k = 0; k < JP_CHUNKS; k++) {
		free(jp.c[k].bytes);
		free(jp.c[k].el);
		imp_batch_free(&jp.c[k].batch);
	}
	imp_js_close(jp.js);
	pthread_cond_destroy(&jp.cv);
	pthread_mutex_destroy(&jp.mu);
	return rc;
}
