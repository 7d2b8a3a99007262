/* import_table: the JSON and CSV that `boardroom events` writes, read back.
 *
 * JSON: an array of objects with kind, start, end (ISO 8601 UTC), at (the
 * sort instant; start if absent), precision, inferred, time_text, marker,
 * title and summary ({en, zh}), people ({slug, name, name_zh, role}) and
 * notes ({kind, en, zh}). CSV: a header naming the columns (in any
 * order), the same fields flattened (title_en, title_zh...), and
 * participants: slug:role:name_en:name_zh for each person, joined by '|',
 * with '%', ':' and '|' in a name written %25, %3A and %7C. The human
 * column people is not read back.
 *
 * Both are read as streams (import_csv.c, import_jsonstream.c): events
 * go to the sink a batch at a time, so memory is a batch's (JSON: a few
 * batches, parsed on two threads by import_jsonpipe.c). */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_private.h"

/* ------------------------------------------------------------------
 * Fields shared by both formats
 */

/* Where an event's problems are: "event 3" (JSON) or "line 7" (CSV). */
struct where {
	const char *name, *what;
	long n;
	char *err;
	size_t errlen;
};

static int bad(const struct where *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int bad(const struct where *w, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(w->err, w->errlen, "%s: %s %ld: %s", w->name, w->what, w->n,
		 msg);
	return -1;
}

static int need_time(const struct where *w, const char *field,
		     const char *value, br_instant *out)
{
	if (!value)
		return bad(w, "no '%s'", field);
	if (br_when_iso_utc_parse(value, out) < 0)
		return bad(w,
			   "'%s' is not an ISO 8601 UTC time such as "
			   "2023-11-17T20:00:00Z: '%.40s'",
			   field, value);
	return 0;
}

static int set_times(const struct where *w, struct imp_event *ev,
		     const char *start, const char *end, const char *at)
{
	if (need_time(w, "start", start, &ev->t_min) < 0 ||
	    need_time(w, "end", end, &ev->t_max) < 0)
		return -1;
	ev->ts = ev->t_min;
	if (at && *at && need_time(w, "at", at, &ev->ts) < 0)
		return -1;
	if (ev->t_min > ev->t_max || ev->ts < ev->t_min || ev->ts > ev->t_max)
		return bad(w, "times out of order: start <= at <= end is "
			      "needed");
	return 0;
}

static int set_kind(const struct where *w, struct imp_event *ev,
		    const char *kind, const char *prec)
{
	ev->kind = kind ? br_kind_parse(kind) : 0;
	if (!ev->kind)
		return bad(w,
			   "'kind' is not main, aside or background: "
			   "'%.40s'",
			   kind ? kind : "");
	if (!prec || br_precision_parse(prec, &ev->prec) < 0)
		return bad(w,
			   "'precision' is not minute, hour, part_of_day, "
			   "day, month or year: '%.40s'",
			   prec ? prec : "");
	return 0;
}

static int role_ok(const char *role)
{
	return role && (!strcmp(role, "actor") || !strcmp(role, "subject") ||
			!strcmp(role, "mentioned"));
}

static int note_kind_ok(const char *kind)
{
	static const char *const kinds[] = {"contradiction", "doubt", "damage",
					    "inference"};
	size_t k;

	for (k = 0; kind && k < BR_ARRAY_SIZE(kinds); k++)
		if (!strcmp(kind, kinds[k]))
			return 1;
	return 0;
}

static const char *dup(struct imp_batch *b, const char *s)
{
	return s ? imp_strndup(b, s, strlen(s)) : "";
}

/* ------------------------------------------------------------------
 * JSON
 */

static const char *jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Every one of the NULL-ended keys that o has is a string (or null):
 * a number where a text belongs is an error, not a silent "". */
static int strings_only(const struct where *w, json_t *o, const char *what,
			const char *const *keys)
{
	json_t *v;

	for (; *keys; keys++) {
		v = json_object_get(o, *keys);
		if (v && !json_is_string(v) && !json_is_null(v))
			return bad(w, "%s'%s' is not a string", what, *keys);
	}
	return 0;
}

/* "inferred": true, false, 1 or 0 (or absent: false). */
static int json_inferred(const struct where *w, json_t *inf, int *out)
{
	*out = json_is_true(inf) ||
	       (json_is_integer(inf) && json_integer_value(inf) == 1);
	if (!inf || json_is_boolean(inf) || json_is_null(inf) ||
	    (json_is_integer(inf) &&
	     (json_integer_value(inf) == 0 || json_integer_value(inf) == 1)))
		return 0;
	return bad(w, "'inferred' is not true or false");
}

/* {en, zh} into pair; missing ones are empty. */
static int json_pair(const struct where *w, struct imp_batch *b, json_t *o,
		     const char *key, const char **pair)
{
	json_t *v = json_object_get(o, key);

	static const char *const langs[] = {"en", "zh", NULL};
	char what[32];

	if (!json_is_object(v))
		return bad(w, "no '%s' object {en, zh}", key);
	snprintf(what, sizeof(what), "%s: ", key);
	if (strings_only(w, v, what, langs) < 0)
		return -1;
	pair[BR_LANG_EN] = dup(b, jstr(v, "en"));
	pair[BR_LANG_ZH] = dup(b, jstr(v, "zh"));
	return 0;
}

static int json_people(const struct where *w, struct imp_batch *b,
		       struct imp_event *ev, json_t *arr)
{
	size_t i;
	json_t *p;

	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return bad(w, "'people' is not an array");
	ev->people = br_pool_alloc(&b->pool, (json_array_size(arr) + 1) *
						     sizeof(*ev->people));
	json_array_foreach(arr, i, p)
	{
		static const char *const keys[] = {"slug", "name", "name_zh",
						   "role", NULL};
		struct imp_person *x = &ev->people[ev->n_people++];

		if (strings_only(w, p, "a person's ", keys) < 0)
			return -1;
		if (!jstr(p, "slug") || !jstr(p, "slug")[0])
			return bad(w, "a person without a 'slug'");
		if (!role_ok(jstr(p, "role")))
			return bad(w, "a person's role is not actor, subject "
				      "or mentioned");
		x->slug = dup(b, jstr(p, "slug"));
		x->name[BR_LANG_EN] = dup(b, jstr(p, "name"));
		x->name[BR_LANG_ZH] = dup(b, jstr(p, "name_zh"));
		x->role = dup(b, jstr(p, "role"));
	}
	return 0;
}

static int json_notes(const struct where *w, struct imp_batch *b,
		      struct imp_event *ev, json_t *arr)
{
	size_t i;
	json_t *n;

	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return bad(w, "'notes' is not an array");
	ev->notes = br_pool_alloc(&b->pool, (json_array_size(arr) + 1) *
						    sizeof(*ev->notes));
	json_array_foreach(arr, i, n)
	{
		static const char *const keys[] = {"kind", "en", "zh", NULL};
		struct imp_note *x = &ev->notes[ev->n_notes++];

		if (strings_only(w, n, "a note's ", keys) < 0)
			return -1;
		if (!note_kind_ok(jstr(n, "kind")))
			return bad(w, "a note's kind is not contradiction, "
				      "doubt, damage or inference");
		x->kind = dup(b, jstr(n, "kind"));
		x->text[BR_LANG_EN] = dup(b, jstr(n, "en"));
		x->text[BR_LANG_ZH] = dup(b, jstr(n, "zh"));
	}
	return 0;
}

static int json_event(const struct where *w, struct imp_batch *b, json_t *o)
{
	static const char *const keys[] = {"marker",	"kind", "precision",
					   "start",	"end",	"at",
					   "time_text", NULL};
	const char *marker = jstr(o, "marker");
	struct imp_event *ev;

	if (!json_is_object(o))
		return bad(w, "not an object");
	if (strings_only(w, o, "", keys) < 0)
		return -1;
	ev = imp_batch_add(b);
	ev->line = w->n;
	ev->marker = marker && *marker ? dup(b, marker) : NULL;
	if (json_inferred(w, json_object_get(o, "inferred"), &ev->inferred) < 0)
		return -1;
	ev->time_text = dup(b, jstr(o, "time_text"));
	if (set_kind(w, ev, jstr(o, "kind"), jstr(o, "precision")) < 0 ||
	    set_times(w, ev, jstr(o, "start"), jstr(o, "end"), jstr(o, "at")) <
		    0 ||
	    json_pair(w, b, o, "title", ev->title) < 0 ||
	    json_pair(w, b, o, "summary", ev->summary) < 0 ||
	    json_people(w, b, ev, json_object_get(o, "people")) < 0)
		return -1;
	return json_notes(w, b, ev, json_object_get(o, "notes"));
}

/* An event of which only its people were parsed (o holds the member
 * "people" alone), in the first pass. Where they are wrong the event is
 * left out here: the second pass reads every event whole and reports
 * the file's first problem, in the order json_event finds them. */
static void json_people_only(const struct where *w, struct imp_batch *b,
			     json_t *o)
{
	struct imp_event *ev = imp_batch_add(b);

	ev->line = w->n;
	if (json_people(w, b, ev, json_object_get(o, "people")) < 0)
		b->n--;
}

/* What the JSON reader converts with. */
struct json_ctx {
	const char *name;
	int people_only;
};

/* One event into b (imp_jp_ops' convert): on either thread. */
static int json_convert(void *ctx, struct imp_batch *b, json_t *v, size_t index,
			int partial, char *err, size_t errlen)
{
	const struct json_ctx *jc = ctx;
	struct where w = {jc->name, "event", (long)index + 1, err, errlen};
	size_t n = b->n;

	if (partial) {
		json_people_only(&w, b, v);
		return 0;
	}
	if (json_event(&w, b, v) < 0) {
		if (!jc->people_only)
			return -1;
		/* As json_people_only: the second pass says what is
		 * wrong, in order. */
		b->n = n;
	}
	return 0;
}

int imp_read_json(const char *name, FILE *f, const struct imp_sink *sink,
		  char *err, size_t errlen)
{
	struct json_ctx jc = {name, sink->people_only};
	struct imp_jp_ops ops = {json_convert, &jc,
				 sink->people_only ? "people" : NULL,
				 sink->threads};
	int rc = imp_jp_read(name, f, &ops, sink, err, errlen);

	if (rc == IMP_JP_NOT_ARRAY) {
		snprintf(err, errlen,
			 "%s: not an array of events (what boardroom events "
			 "--format json writes)",
			 name);
		rc = -1;
	}
	return rc;
}

/* The batch is handed on when it is full (or, last, whatever it holds). */
static int maybe_flush(const struct imp_sink *sink, int last)
{
	if (!last && sink->b->n < IMP_BATCH_EVENTS)
		return 0;
	return sink->flush(sink->ctx, sink->b);
}

/* ------------------------------------------------------------------
 * CSV events
 */

enum col {
	C_MARKER,
	C_KIND,
	C_START,
	C_END,
	C_AT,
	C_PRECISION,
	C_INFERRED,
	C_TIME_TEXT,
	C_TITLE_EN,
	C_TITLE_ZH,
	C_SUMMARY_EN,
	C_SUMMARY_ZH,
	C_PARTICIPANTS,
	N_COLS,
};

static const char *const col_names[N_COLS] = {
	"marker",     "kind",	    "start",	    "end",	"at",
	"precision",  "inferred",   "time_text",    "title_en", "title_zh",
	"summary_en", "summary_zh", "participants",
};

/* The column of each field in the header; -1 if absent. */
static int map_columns(const char *name, const struct br_csv_record *h,
		       int *cols, char *err, size_t errlen)
{
	size_t c, k;

	for (c = 0; c < N_COLS; c++) {
		cols[c] = -1;
		for (k = 0; k < h->n; k++)
			if (!strcmp(h->fields[k], col_names[c]))
				cols[c] = (int)k;
	}
	for (c = C_KIND; c <= C_SUMMARY_ZH; c++) {
		if (cols[c] < 0 && c != C_AT && c != C_INFERRED &&
		    c != C_TIME_TEXT) {
			snprintf(err, errlen,
				 "%s: line 1: no column '%s' (the header of "
				 "boardroom events --format csv is needed)",
				 name, col_names[c]);
			return -1;
		}
	}
	return 0;
}

static const char *col(const struct br_csv_record *r, const int *cols, int c)
{
	return cols[c] >= 0 && (size_t)cols[c] < r->n ? r->fields[cols[c]]
						      : NULL;
}

/* Undoes the %XX escapes of a participant's part, in place. */
static void unescape(char *s)
{
	char *o = s;
	unsigned v;

	for (; *s; s++) {
		if (*s == '%' && sscanf(s + 1, "%2x", &v) == 1 && s[1] &&
		    s[2]) {
			*o++ = (char)v;
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

static int csv_person(const struct where *w, struct imp_batch *b,
		      struct imp_person *x, char *item)
{
	char *part[4] = {item, NULL, NULL, NULL}, *p = item;
	int k;

	for (k = 1; k < 4 && (p = strchr(p, ':')); k++) {
		*p++ = '\0';
		part[k] = p;
	}
	for (k = 0; k < 4; k++)
		if (part[k])
			unescape(part[k]);
	if (!part[0][0])
		return bad(w, "a participant without a slug");
	if (!role_ok(part[1]))
		return bad(w, "a participant's role is not actor, subject or "
			      "mentioned (slug:role:name:name_zh)");
	x->slug = dup(b, part[0]);
	x->role = dup(b, part[1]);
	x->name[BR_LANG_EN] = dup(b, part[2]);
	x->name[BR_LANG_ZH] = dup(b, part[3]);
	return 0;
}

static int csv_people(const struct where *w, struct imp_batch *b,
		      struct imp_event *ev, const char *field)
{
	char *copy, *item, *save = NULL;
	size_t n = 1;
	const char *p;
	int rc = 0;

	if (!field || !*field)
		return 0;
	for (p = field; *p; p++)
		n += *p == '|';
	ev->people = br_pool_alloc(&b->pool, n * sizeof(*ev->people));
	copy = br_xstrdup(field);
	for (item = strtok_r(copy, "|", &save); item && rc == 0;
	     item = strtok_r(NULL, "|", &save))
		rc = csv_person(w, b, &ev->people[ev->n_people++], item);
	free(copy);
	return rc;
}

static int csv_event(const struct where *w, struct imp_batch *b,
		     const struct br_csv_record *r, const int *cols,
		     size_t n_header)
{
	struct imp_event *ev = imp_batch_add(b);
	const char *marker = col(r, cols, C_MARKER);
	const char *inf = col(r, cols, C_INFERRED);
	int c;

	if (r->n != n_header)
		return bad(w, "%zu fields where the header has %zu", r->n,
			   n_header);
	ev->line = r->line;
	ev->marker = marker && *marker ? dup(b, marker) : NULL;
	ev->inferred = inf && (!strcmp(inf, "1") || !strcmp(inf, "true"));
	if (inf && *inf && !ev->inferred && strcmp(inf, "0") &&
	    strcmp(inf, "false"))
		return bad(w, "'inferred' is not 0 or 1: '%.40s'", inf);
	ev->time_text = dup(b, col(r, cols, C_TIME_TEXT));
	for (c = 0; c < 2; c++) {
		ev->title[c] = dup(b, col(r, cols, C_TITLE_EN + c));
		ev->summary[c] = dup(b, col(r, cols, C_SUMMARY_EN + c));
	}
	if (set_kind(w, ev, col(r, cols, C_KIND), col(r, cols, C_PRECISION)) <
		    0 ||
	    set_times(w, ev, col(r, cols, C_START), col(r, cols, C_END),
		      col(r, cols, C_AT)) < 0)
		return -1;
	return csv_people(w, b, ev, col(r, cols, C_PARTICIPANTS));
}

int imp_read_csv(const char *name, FILE *f, const struct imp_sink *sink,
		 char *err, size_t errlen)
{
	struct where w = {name, "line", 0, err, errlen};
	struct br_csv_reader *r = br_csv_open(f);
	struct br_csv_record rec;
	int cols[N_COLS], rc;
	size_t n_header = 0;
	char msg[256];

	rc = br_csv_next(r, &rec, msg, sizeof(msg));
	if (rc <= 0 || map_columns(name, &rec, cols, err, errlen) < 0) {
		if (rc < 0)
			snprintf(err, errlen, "%s: %s", name, msg);
		else if (rc == 0)
			snprintf(err, errlen, "%s: empty: no header", name);
		br_csv_close(r);
		return -1;
	}
	n_header = rec.n;
	while ((rc = br_csv_next(r, &rec, msg, sizeof(msg))) > 0) {
		w.n = rec.line;
		if (csv_event(&w, sink->b, &rec, cols, n_header) < 0 ||
		    maybe_flush(sink, 0) < 0)
			break;
	}
	if (rc < 0)
		snprintf(err, errlen, "%s: %s", name, msg);
	br_csv_close(r);
	return rc != 0 ? -1 : maybe_flush(sink, 1);
}
