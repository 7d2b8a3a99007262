/* import_names: the people an entry of an article names.
 *
 * The names in the entry that are aliases of people in the database
 * (folded: case, accents, apostrophes and spaces aside; Latin names as
 * whole words, Chinese ones anywhere, the longest match winning). The
 * first named is the actor, the others are mentioned: a short entry
 * usually opens with whoever acts. Runs of capitalised Latin words that
 * are no alias (Google Meet) are reported as unknown names; no person is
 * made up for them. The aliases are loaded from the database here too.
 * Declared in import_private.h. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "boardroom/text.h"
#include "import/import_private.h"

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

struct match {
	size_t start, end;
	int64_t person; /* 0: a name several people have (no link) */
};

struct matches {
	struct match *v;
	size_t n, cap;
};

static void add_match(struct matches *m, size_t a, size_t b, int64_t person)
{
	m->v = br_grow(m->v, m->n, &m->cap, sizeof(*m->v));
	m->v[m->n++] = (struct match){a, b, person};
}

/* A Latin word: a letter or digit, then letters, digits and . & ' ’ -
 * inside it. */
struct word {
	size_t start, end;
	int name; /* capitalised with a lowercase letter: Mira, OpenAI */
};

static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static size_t word_len(const char *s)
{
	size_t i = 0, last = 0;

	while (s[i]) {
		if (alnum(s[i]))
			last = ++i;
		else if (strchr(".&'-", s[i]))
			i++;
		else if (starts(s + i, "’"))
			i += 3;
		else
			break;
	}
	return last;
}

static size_t find_words(const char *s, struct word **out)
{
	struct word *v = NULL;
	size_t n = 0, cap = 0, i = 0, l, k;

	while (s[i]) {
		if (!alnum(s[i]) || (i > 0 && alnum(s[i - 1]))) {
			i++;
			continue;
		}
		l = word_len(s + i);
		v = br_grow(v, n, &cap, sizeof(*v));
		v[n] = (struct word){i, i + l, s[i] >= 'A' && s[i] <= 'Z'};
		for (k = i;
		     v[n].name && k < i + l && !(s[k] >= 'a' && s[k] <= 'z');
		     k++)
			;
		v[n].name = v[n].name && k < i + l;
		n++;
		i += l;
	}
	*out = v;
	return n;
}

/* Whether word k + 1 follows word k after one space. */
static int joined(const char *s, const struct word *w, size_t k)
{
	return w[k + 1].start == w[k].end + 1 && s[w[k].end] == ' ';
}

static int by_norm(const void *key, const void *elem)
{
	return strcmp(key, ((const struct imp_alias *)elem)->norm);
}

/* The person whose alias folds to the text; 0 for a name several people
 * share, -1 for none. */
static int64_t lookup(const struct imp_aliases *a, const char *s, size_t n)
{
	char *copy = br_xstrndup(s, n), *norm = br_text_fold(copy);
	const struct imp_alias *hit = NULL, *p;
	int64_t id = -1;

	if (*norm && a->n)
		hit = bsearch(norm, a->v, a->n, sizeof(*a->v), by_norm);
	if (hit) { /* the aliases that fold alike sit next to it */
		id = hit->person;
		for (p = hit; p > a->v && !strcmp(p[-1].norm, norm); p--)
			;
		for (; p < a->v + a->n && !strcmp(p->norm, norm); p++)
			if (p->person != id)
				id = 0;
	}
	free(copy);
	free(norm);
	return id;
}

/* Latin names: at each word, the longest run of words that is an alias. */
static void latin_matches(const char *s, const struct word *w, size_t nw,
			  const struct imp_aliases *a, struct matches *m)
{
	size_t i, len, run;
	int64_t id;

	for (i = 0; i < nw; i++) {
		for (run = 1;
		     i + run < nw && run < 6 && joined(s, w, i + run - 1);
		     run++)
			;
		for (len = run; len > 0; len--) {
			id = lookup(a, s + w[i].start,
				    w[i + len - 1].end - w[i].start);
			if (id >= 0) {
				add_match(m, w[i].start, w[i + len - 1].end,
					  id);
				break;
			}
		}
	}
}

/* Names in Han characters (two or more), anywhere in the text. */
static void han_matches(const char *s, const struct imp_aliases *a,
			struct matches *m)
{
	const char *p;
	size_t k;

	for (k = 0; k < a->n; k++) {
		const struct imp_alias *al = &a->v[k];

		if (!al->han || strlen(al->text) < 6)
			continue;
		for (p = s; (p = strstr(p, al->text)); p++)
			add_match(m, (size_t)(p - s),
				  (size_t)(p - s) + strlen(al->text),
				  al->person);
	}
}

static int by_start(const void *x, const void *y)
{
	const struct match *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return 0;
}

/* Keeps the matches that do not overlap an earlier or longer one. */
static void resolve(struct matches *m)
{
	size_t i, n = 0, end = 0;

	if (m->n)
		qsort(m->v, m->n, sizeof(*m->v), by_start);
	for (i = 0; i < m->n; i++) {
		if (n && m->v[i].start < end)
			continue;
		end = m->v[i].end;
		m->v[n++] = m->v[i];
	}
	m->n = n;
}

/* Whether a match overlaps w. The matches are resolved (in order, none
 * overlapping) and the words are asked about in order: *k, the first
 * match that may still overlap one, only moves forward. */
static int covered(const struct matches *m, const struct word *w, size_t *k)
{
	while (*k < m->n && m->v[*k].end <= w->start)
		++*k;
	return *k < m->n && m->v[*k].start < w->end;
}

/* Runs of capitalised words that no alias covers. */
static void unknown_names(const char *s, const struct word *w, size_t nw,
			  const struct matches *m, struct imp_strset *out)
{
	size_t i = 0, j, k = 0;

	while (i < nw) {
		if (!w[i].name || covered(m, &w[i], &k)) {
			i++;
			continue;
		}
		for (j = i; j + 1 < nw && joined(s, w, j) && w[j + 1].name &&
			    !covered(m, &w[j + 1], &k);
		     j++)
			;
		(void)imp_strings_add(out, s + w[i].start,
				      w[j].end - w[i].start);
		i = j + 1;
	}
}

/* The people of the matches, in order of first mention. */
static void set_people(struct imp_batch *b, struct imp_event *ev,
		       const struct matches *m)
{
	size_t i, k;

	ev->people = br_pool_alloc(&b->pool, (m->n + 1) * sizeof(*ev->people));
	for (i = 0; i < m->n; i++) {
		if (!m->v[i].person)
			continue;
		for (k = 0; k < ev->n_people; k++)
			if (ev->people[k].id == m->v[i].person)
				break;
		if (k < ev->n_people)
			continue;
		ev->people[k] = (struct imp_person){NULL,
						    {"", ""},
						    k ? "mentioned" : "actor",
						    m->v[i].person};
		ev->n_people++;
	}
}

void imp_link_people(struct imp_batch *b, struct imp_event *ev,
		     const char *text, const struct imp_aliases *a,
		     struct imp_strset *unknown, struct br_import_report *rep)
{
	struct matches m = {0};
	struct word *w;
	size_t nw = find_words(text, &w);

	latin_matches(text, w, nw, a, &m);
	han_matches(text, a, &m);
	resolve(&m);
	set_people(b, ev, &m);
	unknown_names(text, w, nw, &m, unknown);
	rep->linked += (long)ev->n_people;
	free(m.v);
	free(w);
}

static const char aliases_sql[] =
	"SELECT a.person_id, a.alias, a.norm FROM alias a"
	" JOIN person p ON p.id = a.person_id WHERE a.alias <> p.slug"
	" UNION ALL SELECT id, name_en, NULL FROM person"
	" UNION ALL SELECT id, name_zh, NULL FROM person";

static int by_alias_norm(const void *x, const void *y)
{
	return strcmp(((const struct imp_alias *)x)->norm,
		      ((const struct imp_alias *)y)->norm);
}

/* Whether s has CJK characters (U+2E80 on): such names are found as
 * substrings, having no spaces around them. */
static int has_cjk(const char *s)
{
	size_t i = 0, n = strlen(s);
	int32_t cp;

	while (i < n) {
		i += (size_t)br_text_decode(s + i, n - i, &cp);
		if (cp >= 0x2E80)
			return 1;
	}
	return 0;
}

void imp_load_aliases(struct br_db *db, struct imp_aliases *a)
{
	sqlite3_stmt *st = br_db_stmt(db, aliases_sql);

	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *text = br_col(st, 1);
		struct imp_alias *al;

		if (!*text)
			continue;
		a->v = br_grow(a->v, a->n, &a->cap, sizeof(*a->v));
		al = &a->v[a->n++];
		al->person = sqlite3_column_int64(st, 0);
		al->text = br_xstrdup(text);
		al->norm = sqlite3_column_type(st, 2) == SQLITE_NULL
				   ? br_text_fold(text)
				   : br_xstrdup(br_col(st, 2));
		al->han = has_cjk(text);
	}
	br_db_reset(st);
	if (a->n)
		qsort(a->v, a->n, sizeof(*a->v), by_alias_norm);
}
