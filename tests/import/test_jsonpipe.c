/* test_jsonpipe: the JSON events reader on two threads (import_jsonpipe.c
 * under imp_read_json): a file of many chunks arrives whole and in order;
 * the first problem of the file is the one reported, with the place the
 * reader of one thread names, whether the problem is in jansson's parse,
 * in an event's fields or in the top level, and whichever thread met it;
 * a chunk with a problem, and those after it, are never flushed; a sink
 * that fails stops the reading; and the same on the caller's thread
 * alone. Run under ASan and valgrind, it also checks that the second
 * thread is joined and its chunks freed on every one of those paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_jsonstream.h"
#include "import/import_private.h"
#include "tap.h"

/* What the sink saw. */
struct seen {
	long events, flushes, last_line, out_of_order;
	long fail_at; /* the flush that fails (from 1), or 0 */
	long people;
};

static int record(void *ctx, struct imp_batch *b)
{
	struct seen *s = ctx;
	size_t i;

	s->flushes++;
	if (s->fail_at && s->flushes == s->fail_at)
		return -1;
	for (i = 0; i < b->n; i++) {
		if (b->v[i].line != s->last_line + 1)
			s->out_of_order++;
		s->last_line = b->v[i].line;
		s->people += (long)b->v[i].n_people;
	}
	s->events += (long)b->n;
	imp_batch_clear(b);
	return 0;
}

/* Event i (from 1), as `boardroom events --format json` writes one; bad
 * says how to damage it: 'k' a wrong kind, 's' not valid JSON (jansson's
 * error), 'c' no comma after it (the top level's), 'p' a person without a
 * slug. */
static void event(FILE *f, long i, int bad)
{
	fprintf(f,
		"%s{\"marker\":null,\"kind\":\"%s\",\"start\":"
		"\"2023-11-17T20:00:00Z\",\"end\":\"2023-11-17T20:00:00Z\","
		"\"precision\":\"minute\",\"inferred\":%s,\"time_text\":\"\","
		"\"title\":{\"en\":\"Event %ld [x]\",\"zh\":\"事件%ld\"},"
		"\"summary\":{\"en\":\"said \\\"%ld\\\"\",\"zh\":\"\"},"
		"\"people\":[{\"slug\":\"%s\",\"name\":\"Ann\",\"name_zh\":"
		"\"安\",\"role\":\"actor\"}],\"notes\":[]}",
		i > 1 && bad != 'C' ? ",\n" : "\n",
		bad == 'k' ? "sideshow" : "main", bad == 's' ? "tru" : "false",
		i, i, i, bad == 'p' ? "" : "p01");
}

/* A file of n events, event at (from 1; 0: none) damaged as bad says,
 * and event at2 as bad2. */
static FILE *file_of(long n, long at, int bad, long at2, int bad2)
{
	FILE *f = tmpfile();
	long i;

	fputs("[", f);
	for (i = 1; i <= n; i++) {
		int d = 0;

		if (i == at)
			d = bad;
		else if (i == at2)
			d = bad2;
		else if ((i == at + 1 && bad == 'c') ||
			 (i == at2 + 1 && bad2 == 'c'))
			d = 'C'; /* no comma before it */
		event(f, i, d);
	}
	fputs("\n]\n", f);
	rewind(f);
	return f;
}

/* imp_read_json of f into s; its rc, the message in err. */
static int read_json(FILE *f, int threads, int people_only, struct seen *s,
		     char *err, size_t errlen)
{
	struct imp_batch b = {0};
	struct imp_sink sink = {&b, record, s, people_only, threads};
	int rc;

	err[0] = '\0';
	rc = imp_read_json("t.json", f, &sink, err, errlen);
	imp_batch_free(&b);
	return rc;
}

/* The message of the reader of one thread, element by element, for
 * the JSON problem of f (a scan or a parse error). */
static void plain_error(FILE *f, char *err, size_t errlen)
{
	struct imp_js *js = imp_js_open(f, "t.json", BR_IMPORT_MAX_BYTES);
	struct imp_js_item it;

	while (imp_js_next(js, &it, err, errlen) > 0)
		;
	imp_js_close(js);
	rewind(f);
}

static void test_whole(int threads)
{
	struct seen s = {0};
	char err[512];
	FILE *f = file_of(3333, 0, 0, 0, 0);
	int rc = read_json(f, threads, 0, &s, err, sizeof(err));

	ok(rc == 0 && s.events == 3333 && s.people == 3333 && !s.out_of_order &&
		   s.last_line == 3333,
	   "%d thread(s): 3,333 events, in chunks, arrive whole and in order "
	   "(rc %d, %ld events, %ld out of order) %s",
	   threads, rc, s.events, s.out_of_order, err);
	ok(s.flushes > 4,
	   "%d thread(s): in more batches than there are chunks in flight "
	   "(%ld)",
	   threads, s.flushes);
	rewind(f);
	memset(&s, 0, sizeof(s));
	rc = read_json(f, threads, 1, &s, err, sizeof(err));
	ok(rc == 0 && s.events == 3333 && s.people == 3333,
	   "%d thread(s): the people alone, of every event (%ld)", threads,
	   s.people);
	fclose(f);
}

/* Event at damaged as bad: the message want (NULL: the plain reader's),
 * and nothing of its chunk or after flushed. */
static void fails(int threads, long n, long at, int bad, long at2, int bad2,
		  const char *want, const char *what)
{
	struct seen s = {0};
	char err[512], plain[512];
	FILE *f = file_of(n, at, bad, at2, bad2);
	int rc;

	if (!want) {
		plain_error(f, plain, sizeof(plain));
		want = plain;
	}
	rc = read_json(f, threads, 0, &s, err, sizeof(err));
	ok(rc == -1 && !strcmp(err, want) && s.events < at &&
		   s.events % 500 == 0 && !s.out_of_order,
	   "%d thread(s): %s (rc %d, %ld events flushed)", threads, what, rc,
	   s.events);
	if (strcmp(err, want))
		diag("got '%s', want '%s'", err, want);
	fclose(f);
}

static void test_errors(int threads)
{
	fails(threads, 3333, 1234, 'k', 0, 0,
	      "t.json: event 1234: 'kind' is not main, aside or background: "
	      "'sideshow'",
	      "a wrong field in the middle of a chunk");
	fails(threads, 3333, 1234, 'p', 0, 0,
	      "t.json: event 1234: a person without a 'slug'",
	      "a person without a slug in the middle of a chunk");
	fails(threads, 3333, 1234, 's', 0, 0, NULL,
	      "jansson's error names the file's line, column and byte");
	fails(threads, 3333, 1234, 'c', 0, 0, NULL,
	      "a missing comma (the top level's) names its place");
	fails(threads, 3333, 2900, 'k', 1234, 's', NULL,
	      "the first of two problems: jansson's, then a field's");
	fails(threads, 3333, 1234, 'k', 2900, 's',
	      "t.json: event 1234: 'kind' is not main, aside or background: "
	      "'sideshow'",
	      "the first of two problems: a field's, then jansson's");
	fails(threads, 3333, 1300, 'k', 1200, 'p',
	      "t.json: event 1200: a person without a 'slug'",
	      "the first of two problems in one chunk");
	fails(threads, 3333, 1300, 'c', 1100, 'k',
	      "t.json: event 1100: 'kind' is not main, aside or background: "
	      "'sideshow'",
	      "a field's problem before the top level's, in one chunk");
	fails(threads, 3333, 2900, 'k', 1234, 'c', NULL,
	      "the first of two problems: the top level's, then a field's");
}

static void test_people_pass(int threads)
{
	struct seen s = {0};
	char err[512];
	FILE *f = file_of(3333, 1234, 'p', 0, 0);
	int rc = read_json(f, threads, 1, &s, err, sizeof(err));

	ok(rc == 0 && s.events == 3332,
	   "%d thread(s): the people pass leaves a wrong event out (%ld)",
	   threads, s.events);
	fclose(f);
	f = file_of(3333, 1234, 's', 0, 0);
	memset(&s, 0, sizeof(s));
	rc = read_json(f, threads, 1, &s, err, sizeof(err));
	ok(rc == 0 && s.events == 3333,
	   "%d thread(s): ... and does not parse what it does not need (%ld)",
	   threads, s.events);
	fclose(f);
	f = file_of(3333, 1234, 'c', 0, 0);
	memset(&s, 0, sizeof(s));
	rc = read_json(f, threads, 1, &s, err, sizeof(err));
	ok(rc == -1 && strstr(err, "t.json: not valid JSON at line 1236"),
	   "%d thread(s): ... but a file that is not JSON is an error: %s",
	   threads, err);
	fclose(f);
}

static void test_sink_fails(int threads)
{
	struct seen s = {.fail_at = 2};
	char err[512];
	FILE *f = file_of(3333, 0, 0, 0, 0);
	int rc = read_json(f, threads, 0, &s, err, sizeof(err));

	ok(rc == -1 && s.flushes == 2 && s.events == 500,
	   "%d thread(s): a sink that fails stops the reading (%ld flushes)",
	   threads, s.flushes);
	fclose(f);
}

static void test_not_array(int threads)
{
	static const char *const texts[] = {"{\"a\": 1}", "{}", "42",
					    "{\"a\": [1, 2]}"};
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(texts); k++) {
		struct seen s = {0};
		char err[512];
		FILE *f = fmemopen((void *)texts[k], strlen(texts[k]), "rb");
		int rc = read_json(f, threads, 0, &s, err, sizeof(err));

		ok(rc == -1 && strstr(err, "t.json: not an array of events") &&
			   !s.flushes,
		   "%d thread(s): %s is not an array of events", threads,
		   texts[k]);
		fclose(f);
	}
}

int main(void)
{
	int threads;

	for (threads = 1; threads <= 2; threads++) {
		test_whole(threads);
		test_errors(threads);
		test_people_pass(threads);
		test_sink_fails(threads);
		test_not_array(threads);
	}
	return tap_done();
}
