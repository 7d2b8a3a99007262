/* import_jsonstream: a JSON text read from a FILE*, one value at a time,
 * in memory bounded by the largest value delivered (not the file).
 *
 * The top level is an array or an object:
 * - an array: each element is delivered as one IMP_JS_VALUE, key NULL;
 * - an object: each member is delivered in order: a member whose value is
 *   not an array as one IMP_JS_VALUE with its key; a member whose value
 *   is an array as IMP_JS_ARRAY_START (key), then each element as an
 *   IMP_JS_VALUE (key, index), then IMP_JS_ARRAY_END (key).
 * So {"format":"x","meta":{...},"people":[a,b],"events":[c]} gives
 * VALUE format, VALUE meta, ARRAY_START people, VALUE people[0], VALUE
 * people[1], ARRAY_END people, ARRAY_START events, VALUE events[0],
 * ARRAY_END events, then the end. A value below those (an element's own
 * arrays and objects) is parsed whole, by jansson (json_t).
 *
 * The reader itself only scans the structure of the top level: brackets,
 * commas, colons and strings (a '[' or '"' inside a string is text);
 * jansson parses each value from its bytes and checks it. Errors are one
 * line: "NAME: not valid JSON at line L, column C (byte B): problem",
 * B counted from 0 and L, C from 1, where the problem is.
 *
 * Usage:
 *	struct imp_js *js = imp_js_open(f, name, 64 << 20);
 *	struct imp_js_item it;
 *	int rc;
 *	while ((rc = imp_js_next(js, &it, err, errlen)) > 0)
 *		... it.what, it.key, it.index, it.value ...
 *	imp_js_close(js);	(rc 0: the end, checked; -1: err is set)
 * imp_js_top(js) says after the first imp_js_next whether the top level
 * is '[' or '{' (or 'v': a lone value such as 42, delivered as one
 * IMP_JS_VALUE with key NULL), so a caller can refuse what it does not
 * read. */
#ifndef BOARDROOM_IMPORT_JSONSTREAM_H
#define BOARDROOM_IMPORT_JSONSTREAM_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

enum imp_js_what {
	IMP_JS_VALUE,	    /* value: an element, or a member's value */
	IMP_JS_ARRAY_START, /* a member's array begins (top level object) */
	IMP_JS_ARRAY_END,   /* ... and ends */
};

struct imp_js_item {
	enum imp_js_what what;
	/* The member's name (a top-level object), or NULL (a top-level
	 * array): owned by the reader, valid until the next call. */
	const char *key;
	/* Of an element: its place in its array, from 0. */
	size_t index;
	/* IMP_JS_VALUE: the value, owned by the reader and released by the
	 * next call or imp_js_close (json_incref it to keep it); else NULL. */
	json_t *value;
	/* Where the value starts (ARRAY_START, ARRAY_END: its bracket): byte
	 * from 0, line from 1. */
	long long offset;
	long line, column;
	/* imp_js_raw: an element's bytes (raw_len of them, not
	 * NUL-terminated), gathered but not parsed (value NULL); owned by
	 * the reader, valid until the next call. Else NULL. */
	const char *raw;
	size_t raw_len;
	/* The value holds only the member imp_js_only_member names (the
	 * rest of the element was scanned, not parsed). */
	int partial;
};

struct imp_js;

/* A reader of f (not owned; read from where it is now); name is for
 * messages (not owned; it must outlive the reader). Values larger than
 * max_value bytes are an error (0: no limit but memory). */
struct imp_js *imp_js_open(FILE *f, const char *name, size_t max_value);
/* The next item: 1 with it in *it, 0 at the end of the text (nothing but
 * white space may follow it), -1 with the message in err. After -1, do not
 * call it again. */
int imp_js_next(struct imp_js *js, struct imp_js_item *it, char *err,
		size_t errlen);
/* '[', '{' or 'v' once the first imp_js_next has returned 1 or 0; 0
 * before. */
int imp_js_top(const struct imp_js *js);
/* From now on an element of a top-level array that is an object is
 * delivered as an object of its member key alone (key not owned; NULL:
 * whole again), parsed from that member's bytes, the rest only scanned:
 * a reader that needs one member of each element (the people of each
 * event) need not build the rest. An element that is not plainly such an
 * object is parsed whole as before (partial 0). Its errors are then
 * jansson's, as before; a partial element's other errors are not looked
 * for. */
void imp_js_only_member(struct imp_js *js, const char *key);
/* From now on an element of a top-level array is delivered as its bytes
 * (it.raw), checked only as far as the top level is (brackets and
 * strings), for imp_js_parse to parse, on any thread: reading and
 * parsing can then be done apart. */
void imp_js_raw(struct imp_js *js, int on);
/* The value of n bytes at s, an element imp_js_raw delivered at the
 * place at says (its offset, line and column), parsed as imp_js_next
 * would have parsed it (only: as imp_js_only_member's key, or NULL),
 * with imp_js_next's message in err (the same place in the file) where
 * it is not valid. The caller owns the value (json_decref); *partial as
 * it.partial. It uses no reader: any thread may call it. */
json_t *imp_js_parse(const char *name, const char *s, size_t n,
		     const struct imp_js_item *at, const char *only,
		     int *partial, char *err, size_t errlen);
void imp_js_close(struct imp_js *js);

#endif
