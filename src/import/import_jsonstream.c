/* import_jsonstream: a JSON text from a FILE*, one value at a time (see
 * import_jsonstream.h). The top level's structure is scanned here, byte
 * by byte through a buffer; each value's bytes are gathered (strings
 * skipped as text, brackets counted) and handed to jansson. */
#include "import/import_jsonstream.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"

#define JS_BUF (64 * 1024)

enum state {
	S_START,
	S_ELEM_FIRST, /* after '[': an element or ']' */
	S_ELEM_NEXT,  /* after an element: ',' or ']' */
	S_MEMBER_FIRST,
	S_MEMBER_NEXT,
	S_AFTER, /* the top level is closed: white space, then the end */
	S_DONE,
};

/* A place in the file. */
struct pos {
	long long offset;
	long line, column;
};

struct imp_js {
	FILE *f;	  /* not owned */
	const char *name; /* not owned */
	size_t max_value;
	unsigned char buf[JS_BUF];
	size_t at, len;
	int eof;
	struct pos pos; /* of the next byte */
	enum state state;
	int top;       /* '[', '{', 'v' (a lone value), 0 */
	int in_member; /* an element of a member's array */
	char *key;     /* the current member's name */
	size_t index;  /* of the next element */
	char *value;   /* a value's bytes */
	size_t vlen, vcap;
	json_t *last; /* the value delivered last */
	char *err;
	size_t errlen;
	const char *only; /* imp_js_only_member's key, or NULL */
	int raw;	  /* imp_js_raw: elements are delivered as bytes */
};

struct imp_js *imp_js_open(FILE *f, const char *name, size_t max_value)
{
	struct imp_js *js = br_xcalloc(1, sizeof(*js));

	js->f = f;
	js->name = name;
	js->max_value = max_value;
	js->pos.line = js->pos.column = 1;
	return js;
}

void imp_js_close(struct imp_js *js)
{
	if (!js)
		return;
	json_decref(js->last);
	free(js->key);
	free(js->value);
	free(js);
}

int imp_js_top(const struct imp_js *js)
{
	return js->top;
}

void imp_js_only_member(struct imp_js *js, const char *key)
{
	js->only = key;
}

void imp_js_raw(struct imp_js *js, int on)
{
	js->raw = on;
}

/* The message of a problem at p, in err. */
static void say_at(const char *name, char *err, size_t errlen, struct pos p,
		   const char *msg)
{
	snprintf(err, errlen,
		 "%s: not valid JSON at line %ld, column %ld (byte %lld): %s",
		 name, p.line, p.column, p.offset, msg);
}

static int fail_at(struct imp_js *js, struct pos p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_at(struct imp_js *js, struct pos p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	say_at(js->name, js->err, js->errlen, p, msg);
	return -1;
}

/* The next byte, or -1 at the end of the file. */
static int peek(struct imp_js *js)
{
	if (js->at < js->len)
		return js->buf[js->at];
	if (js->eof)
		return -1;
	js->len = fread(js->buf, 1, sizeof(js->buf), js->f);
	js->at = 0;
	if (!js->len) {
		js->eof = 1;
		return -1;
	}
	return js->buf[0];
}

/* Takes the next byte; columns count characters, as jansson's do. */
static int take(struct imp_js *js)
{
	int c = peek(js);

	if (c < 0)
		return c;
	js->at++;
	js->pos.offset++;
	if (c == '\n') {
		js->pos.line++;
		js->pos.column = 1;
	} else if ((c & 0xC0) != 0x80) {
		js->pos.column++;
	}
	return c;
}

/* Skips white space; the byte after it, or -1 at the end. */
static int skip_space(struct imp_js *js)
{
	int c;

	while ((c = peek(js)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		take(js);
	return c;
}

static int keep(struct imp_js *js, int c)
{
	if (js->max_value && js->vlen >= js->max_value)
		return -1;
	if (js->vlen + 1 >= js->vcap) {
		js->vcap = js->vcap ? js->vcap * 2 : 4096;
		js->value = br_xrealloc(js->value, js->vcap);
	}
	js->value[js->vlen++] = (char)c;
	return 0;
}

/* n bytes at s, as keep does them one at a time. */
static int keep_run(struct imp_js *js, const unsigned char *s, size_t n)
{
	if (js->max_value && js->vlen + n > js->max_value)
		return -1;
	if (js->vlen + n + 1 >= js->vcap) {
		while (js->vlen + n + 1 >= js->vcap)
			js->vcap = js->vcap ? js->vcap * 2 : 4096;
		js->value = br_xrealloc(js->value, js->vcap);
	}
	memcpy(js->value + js->vlen, s, n);
	js->vlen += n;
	return 0;
}

static int is_end_of_scalar(int c)
{
	return c < 0 || c == ',' || c == ']' || c == '}' || c == ':' ||
	       c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where a scan of a string, an array or an object is: inside a string,
 * just after a backslash in one, how deep in brackets; done once the
 * value's last byte was taken. */
struct scan {
	int depth, in_string, escaped, done;
};

/* Takes the value's next byte c; 1 if it was its last. */
static int scan_byte(struct scan *sc, int c)
{
	if (sc->in_string) {
		if (sc->escaped)
			sc->escaped = 0;
		else if (c == '\\')
			sc->escaped = 1;
		else if (c == '"')
			sc->in_string = 0;
	} else if (c == '"') {
		sc->in_string = 1;
	} else if (c == '[' || c == '{') {
		sc->depth++;
	} else if (c == ']' || c == '}') {
		sc->depth--;
	}
	return sc->done = !sc->in_string && sc->depth <= 0;
}

/* Gathers the bytes of one value, from its first: a string, an array or
 * object (to its matching bracket, strings skipped), or a scalar. */
static int gather(struct imp_js *js, struct pos start)
{
	struct scan sc = {0};
	int c = peek(js);

	js->vlen = 0;
	if (c != '"' && c != '[' && c != '{') {
		while (!is_end_of_scalar(peek(js)))
			if (keep(js, take(js)) < 0)
				goto too_large;
		if (!js->vlen)
			return fail_at(js, js->pos,
				       c < 0 ? "the file ends "
					       "where a value "
					       "belongs"
					     : "a value is "
					       "missing");
		return 0;
	}
	do {
		/* The buffered bytes, up to the value's end, in one go. */
		const unsigned char *b, *e, *p;
		struct pos at;
		size_t n;

		if (peek(js) < 0)
			return fail_at(js, js->pos,
				       "the file ends inside the value that "
				       "starts at line %ld, column %ld (byte "
				       "%lld)",
				       start.line, start.column, start.offset);
		b = p = js->buf + js->at;
		e = js->buf + js->len;
		at = js->pos;
		while (p < e) {
			c = *p++;
			if (c == '\n') {
				at.line++;
				at.column = 1;
			} else if ((c & 0xC0) != 0x80) {
				at.column++;
			}
			if (scan_byte(&sc, c))
				break;
		}
		n = (size_t)(p - b);
		if (keep_run(js, b, n) < 0)
			goto too_large;
		at.offset += (long long)n;
		js->pos = at;
		js->at += n;
	} while (!sc.done);
	return 0;
too_large:
	return fail_at(js, start, "a value larger than %zu bytes",
		       js->max_value);
}

/* jansson's verdict on n bytes at s, which start at start in the file;
 * its place is made the file's. NULL with the message in err. */
static json_t *parse_bytes(const char *name, const char *s, size_t n,
			   struct pos start, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *v = json_loadb(s, n, JSON_DECODE_ANY, &jerr);
	struct pos p = start;

	if (v)
		return v;
	if (jerr.line >= 1) {
		p.line = start.line + jerr.line - 1;
		p.column = jerr.line == 1 ? start.column + jerr.column - 1
					  : jerr.column;
	}
	if (jerr.position >= 0)
		p.offset = start.offset + jerr.position;
	say_at(name, err, errlen, p, jerr.text);
	return NULL;
}

static json_t *parse(struct imp_js *js, struct pos start)
{
	return parse_bytes(js->name, js->value, js->vlen, start, js->err,
			   js->errlen);
}

/* The end of the JSON value at s[i] (a string, an array or object, or
 * a scalar) within n bytes: its brackets matched, strings skipped; n if
 * it does not end there. The bytes were gathered as one value, so what
 * jansson would refuse is only looked at, never trusted. */
static size_t skip_value(const char *s, size_t i, size_t n)
{
	struct scan sc = {0};

	if (i < n && s[i] != '"' && s[i] != '[' && s[i] != '{') {
		while (i < n && !is_end_of_scalar((unsigned char)s[i]))
			i++;
		return i;
	}
	for (; i < n; i++)
		if (scan_byte(&sc, (unsigned char)s[i]))
			return i + 1;
	return n;
}

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n &&
	       (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* The object of n bytes at s (one value, gathered) with the member only
 * alone, parsed by jansson from that member's bytes; NULL where the bytes
 * are not plainly an object of members (an escape in a name, a member
 * twice, anything unexpected), or the member does not parse: then the
 * whole value is parsed instead. */
static json_t *only_member(const char *s, size_t n, const char *only)
{
	size_t i = skip_ws(s, 0, n), klen = strlen(only);
	size_t from = 0, to = 0;
	json_t *obj, *v;

	if (i >= n || s[i] != '{')
		return NULL;
	i = skip_ws(s, i + 1, n);
	if (i < n && s[i] == '}')
		return json_object();
	while (i < n) {
		size_t key = i + 1, end;

		if (s[i] != '"')
			return NULL;
		for (end = key; end < n && s[end] != '"' && s[end] != '\\';
		     end++)
			;
		if (end >= n || s[end] != '"')
			return NULL;
		i = skip_ws(s, end + 1, n);
		if (i >= n || s[i] != ':')
			return NULL;
		i = skip_ws(s, i + 1, n);
		if (end - key == klen && !memcmp(s + key, only, klen)) {
			if (to)
				return NULL;
			from = i;
			to = skip_value(s, i, n);
			i = to;
		} else {
			i = skip_value(s, i, n);
		}
		i = skip_ws(s, i, n);
		if (i < n && s[i] == ',') {
			i = skip_ws(s, i + 1, n);
			continue;
		}
		if (i < n && s[i] == '}' && skip_ws(s, i + 1, n) == n)
			break;
		return NULL;
	}
	if (i >= n)
		return NULL;
	obj = json_object();
	if (to) {
		v = json_loadb(s + from, to - from, JSON_DECODE_ANY, NULL);
		if (!v) {
			json_decref(obj);
			return NULL;
		}
		json_object_set_new(obj, only, v);
	}
	return obj;
}

json_t *imp_js_parse(const char *name, const char *s, size_t n,
		     const struct imp_js_item *at, const char *only,
		     int *partial, char *err, size_t errlen)
{
	struct pos start = {at->offset, at->line, at->column};
	json_t *v;

	*partial = 0;
	if (only && (v = only_member(s, n, only))) {
		*partial = 1;
		return v;
	}
	return parse_bytes(name, s, n, start, err, errlen);
}

/* One value, parsed (or, an element of a top-level array in raw mode,
 * only gathered), into it. */
static int value(struct imp_js *js, struct imp_js_item *it)
{
	struct pos start = js->pos;

	if (gather(js, start) < 0)
		return -1;
	it->what = IMP_JS_VALUE;
	it->offset = start.offset;
	it->line = start.line;
	it->column = start.column;
	if (js->raw && js->top == '[') {
		it->raw = js->value;
		it->raw_len = js->vlen;
		return 1;
	}
	if (!(js->last = imp_js_parse(js->name, js->value, js->vlen, it,
				      js->key ? NULL : js->only, &it->partial,
				      js->err, js->errlen)))
		return -1;
	it->value = js->last;
	return 1;
}

/* A member's name and its colon; the value is next. */
static int member_key(struct imp_js *js)
{
	struct pos start = js->pos;
	json_t *k;
	int c;

	if (peek(js) != '"')
		return fail_at(js, js->pos,
			       peek(js) < 0 ? "the file ends where a member's "
					      "name belongs"
					    : "a member's name (a string) is "
					      "expected");
	if (gather(js, start) < 0 || !(k = parse(js, start)))
		return -1;
	free(js->key);
	js->key = br_xstrdup(json_string_value(k));
	json_decref(k);
	if ((c = skip_space(js)) != ':')
		return fail_at(js, js->pos,
			       "':' is expected after a member's "
			       "name");
	take(js);
	skip_space(js);
	return 0;
}

/* A member: its array opens, or its value is delivered. */
static int member(struct imp_js *js, struct imp_js_item *it)
{
	if (member_key(js) < 0)
		return -1;
	it->key = js->key;
	if (peek(js) != '[') {
		js->state = S_MEMBER_NEXT;
		return value(js, it);
	}
	it->what = IMP_JS_ARRAY_START;
	it->offset = js->pos.offset;
	it->line = js->pos.line;
	take(js);
	js->in_member = 1;
	js->index = 0;
	js->state = S_ELEM_FIRST;
	return 1;
}

/* The array being read ends ("]" taken). */
static int array_end(struct imp_js *js, struct imp_js_item *it)
{
	if (!js->in_member) {
		js->state = S_AFTER;
		return 0;
	}
	js->in_member = 0;
	it->what = IMP_JS_ARRAY_END;
	it->key = js->key;
	it->offset = js->pos.offset - 1;
	it->line = js->pos.line;
	js->state = S_MEMBER_NEXT;
	return 1;
}

static int element(struct imp_js *js, struct imp_js_item *it)
{
	it->key = js->in_member ? js->key : NULL;
	it->index = js->index++;
	js->state = S_ELEM_NEXT;
	return value(js, it);
}

/* The first byte of the text. */
static int start(struct imp_js *js, struct imp_js_item *it)
{
	int c = skip_space(js);

	if (c < 0)
		return fail_at(js, js->pos, "the file has no value");
	if (c == '[' || c == '{') {
		js->top = c;
		take(js);
		js->state = c == '[' ? S_ELEM_FIRST : S_MEMBER_FIRST;
		return 2; /* go on */
	}
	js->top = 'v';
	js->state = S_AFTER;
	return value(js, it);
}

/* One step of the scan; 2: nothing delivered yet, go on. */
static int step(struct imp_js *js, struct imp_js_item *it)
{
	struct pos p;
	int c;

	switch (js->state) {
	case S_START:
		return start(js, it);
	case S_ELEM_FIRST:
		if (skip_space(js) == ']') {
			take(js);
			return array_end(js, it);
		}
		return element(js, it);
	case S_ELEM_NEXT:
		c = skip_space(js);
		p = js->pos;
		take(js);
		if (c == ']')
			return array_end(js, it);
		if (c != ',')
			return fail_at(js, p,
				       c < 0 ? "the file ends before the "
					       "array's closing ']'"
					     : "',' or ']' is expected after "
					       "an element");
		skip_space(js);
		return element(js, it);
	case S_MEMBER_FIRST:
		if (skip_space(js) == '}') {
			take(js);
			js->state = S_AFTER;
			return 0;
		}
		return member(js, it);
	case S_MEMBER_NEXT:
		c = skip_space(js);
		p = js->pos;
		take(js);
		if (c == '}') {
			js->state = S_AFTER;
			return 0;
		}
		if (c != ',')
			return fail_at(js, p,
				       c < 0 ? "the file ends before the "
					       "object's closing '}'"
					     : "',' or '}' is expected after "
					       "a member");
		skip_space(js);
		return member(js, it);
	case S_AFTER:
		if (skip_space(js) >= 0)
			return fail_at(js, js->pos,
				       "text after the end of the JSON");
		js->state = S_DONE;
		return 0;
	case S_DONE:
		break;
	}
	return 0;
}

int imp_js_next(struct imp_js *js, struct imp_js_item *it, char *err,
		size_t errlen)
{
	int rc;

	json_decref(js->last);
	js->last = NULL;
	js->err = err;
	js->errlen = errlen;
	memset(it, 0, sizeof(*it));
	do {
		rc = step(js, it);
		/* The top level closed: the rest must be white space. */
		if (rc == 0 && js->state == S_AFTER)
			rc = 2;
	} while (rc == 2);
	if (rc < 0)
		js->state = S_DONE;
	return rc;
}
