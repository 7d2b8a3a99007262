#include "boardroom/merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"
#include "boardroom/text.h"

/* A token: a line with its '\n' or, inside lines, a run of ASCII that is
 * not white space, a run of white space, or one other character (one byte
 * if it is not UTF-8). It points into its text. */
struct tok {
	const char *s;
	size_t n;
	uint64_t h;
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

/* The text being made, always NUL-terminated once something is added. */
struct buf {
	char *s;
	size_t n, cap;
};

/* LINES_UNKNOWN: lines, from a base that stands for an unknown one;
 * WORDS_STRICT: words, where an insertion by both sides at one place is a
 * conflict too. */
enum level { LINES, LINES_UNKNOWN, WORDS, WORDS_STRICT };

/* What merge3 gives back when a part conflicts at WORDS or WORDS_STRICT. */
#define WORD_CONFLICT (-1)

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = br_xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void buf_cut(struct buf *b, size_t n)
{
	b->n = n;
	if (b->s)
		b->s[n] = '\0';
}

static int ends_line(const struct buf *b)
{
	return b->n == 0 || b->s[b->n - 1] == '\n';
}

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void split(struct toks *t, const char *s, size_t len, enum level lv)
{
	size_t i = 0, j;

	while (i < len) {
		j = i + 1;
		if (lv <= LINES_UNKNOWN) {
			const char *nl = memchr(s + i, '\n', len - i);

			j = nl ? (size_t)(nl - s) + 1 : len;
		} else if (is_space(s[i])) {
			while (j < len && is_space(s[j]))
				j++;
		} else if ((unsigned char)s[i] < 0x80) {
			while (j < len && (unsigned char)s[j] < 0x80 &&
			       !is_space(s[j]))
				j++;
		} else {
			int32_t cp;

			j = i + (size_t)br_text_decode(s + i, len - i, &cp);
		}
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 64;
			t->v = br_xrealloc(t->v, t->cap * sizeof(*t->v));
		}
		t->v[t->n++] = (struct tok){s + i, j - i, hash(s + i, j - i)};
		i = j;
	}
}

static int tok_eq(const struct tok *x, const struct tok *y)
{
	return x->h == y->h && x->n == y->n && !memcmp(x->s, y->s, x->n);
}

/* Matches the tokens of o to those of a along a longest common
 * subsequence: m[i] is the index in a of o's token i, or -1. Their common
 * start and end are matched in one pass; the part between by a table of
 * lengths only if it has at most BR_MERGE_CELLS cells, else not at all. */
static void match(const struct toks *o, const struct toks *a, long *m)
{
	size_t p = 0, so = o->n, sa = a->n, no, na, w, i, j;
	uint32_t *L;

	for (i = 0; i < o->n; i++)
		m[i] = -1;
	for (; p < so && p < sa && tok_eq(&o->v[p], &a->v[p]); p++)
		m[p] = (long)p;
	while (so > p && sa > p && tok_eq(&o->v[so - 1], &a->v[sa - 1])) {
		so--;
		sa--;
		m[so] = (long)sa;
	}
	no = so - p;
	na = sa - p;
	w = na + 1;
	if (!no || !na || no + 1 > BR_MERGE_CELLS / w)
		return;
	L = br_xcalloc((no + 1) * w, sizeof(*L));
	for (i = no; i-- > 0;)
		for (j = na; j-- > 0;) {
			uint32_t down = L[(i + 1) * w + j],
				 right = L[i * w + j + 1];

			L[i * w + j] = tok_eq(&o->v[p + i], &a->v[p + j])
					       ? L[(i + 1) * w + j + 1] + 1
				       : down > right ? down
						      : right;
		}
	for (i = j = 0; i < no && j < na;) {
		if (tok_eq(&o->v[p + i], &a->v[p + j])) {
			m[p + i] = (long)(p + j);
			i++;
			j++;
		} else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
			i++;
		} else {
			j++;
		}
	}
	free(L);
}

/* Tokens [x0, x1) of x, as the bytes they cover. */
static const char *span(const struct toks *x, size_t x0, size_t x1, size_t *n)
{
	if (x0 == x1) {
		*n = 0;
		return "";
	}
	*n = (size_t)(x->v[x1 - 1].s + x->v[x1 - 1].n - x->v[x0].s);
	return x->v[x0].s;
}

static int span_eq(const struct toks *x, size_t x0, size_t x1,
		   const struct toks *y, size_t y0, size_t y1)
{
	size_t xn, yn;
	const char *xs = span(x, x0, x1, &xn), *ys = span(y, y0, y1, &yn);

	return xn == yn && !memcmp(xs, ys, xn);
}

static void add_span(struct buf *out, const struct toks *x, size_t x0,
		     size_t x1)
{
	size_t n;
	const char *s = span(x, x0, x1, &n);

	buf_add(out, s, n);
}

static int merge3(const char *o, size_t on, const char *a, size_t an,
		  const char *b, size_t bn, enum level lv, struct buf *out);

/* The tokens a and b have in common, in order, at level lv, into out. */
static void shared(const char *a, size_t an, const char *b, size_t bn,
		   enum level lv, struct buf *out)
{
	struct toks A = {0}, B = {0};
	long *m;
	size_t i;

	split(&A, a, an, lv);
	split(&B, b, bn, lv);
	m = br_xmalloc((A.n + 1) * sizeof(*m));
	match(&A, &B, m);
	buf_add(out, "", 0);
	for (i = 0; i < A.n; i++)
		if (m[i] >= 0)
			buf_add(out, A.v[i].s, A.v[i].n);
	free(A.v);
	free(B.v);
	free(m);
}

/* Both sides inserted at one place, from an unknown base: the words they
 * share are taken as their base, if that merges with no two insertions
 * at one place. 0, or -1 (out as it was). */
static int merge_unknown(const char *a, size_t an, const char *b, size_t bn,
			 struct buf *out)
{
	struct buf base = {0};
	size_t mark = out->n;
	int rc;

	shared(a, an, b, bn, WORDS, &base);
	rc = merge3(base.s, base.n, a, an, b, bn, WORDS_STRICT, out);
	free(base.s);
	if (rc == WORD_CONFLICT) {
		buf_cut(out, mark);
		return -1;
	}
	return 0;
}

/* One part where base (O), mine (A) and theirs (B) are not all the same:
 * O[o0, o1), A[a0, a1), B[b0, b1), the last part of the texts if final.
 * Returns 0, 1 if both were kept and marked, or WORD_CONFLICT at WORDS. */
static int part(const struct toks *O, const struct toks *A,
		const struct toks *B, const size_t *r, int final, enum level lv,
		struct buf *out)
{
	size_t o0 = r[0], o1 = r[1], a0 = r[2], a1 = r[3], b0 = r[4], b1 = r[5],
	       mark = out->n, on, an, bn;
	const char *os, *as, *bs;

	if (span_eq(O, o0, o1, A, a0, a1)) {
		add_span(out, B, b0, b1); /* only theirs changed it */
		return 0;
	}
	if (span_eq(O, o0, o1, B, b0, b1) || span_eq(A, a0, a1, B, b0, b1)) {
		add_span(out, A, a0, a1); /* only mine, or both the same */
		return 0;
	}
	as = span(A, a0, a1, &an);
	bs = span(B, b0, b1, &bn);
	if (o0 == o1 && lv == LINES_UNKNOWN &&
	    merge_unknown(as, an, bs, bn, out) == 0)
		return 0;
	if (o0 == o1 && lv != WORDS_STRICT) {
		/* Both inserted here: theirs, saved first, first. */
		buf_add(out, bs, bn);
		if (lv <= LINES_UNKNOWN && !ends_line(out))
			buf_add(out, "\n", 1);
		buf_add(out, as, an);
		return 0;
	}
	if (lv >= WORDS)
		return WORD_CONFLICT;
	/* Both changed these lines: merged by words if they changed
	 * different words, else both kept, marked. */
	os = span(O, o0, o1, &on);
	if (merge3(os, on, as, an, bs, bn, WORDS, out) != WORD_CONFLICT)
		return 0;
	buf_cut(out, mark);
	buf_add(out, as, an);
	if (!ends_line(out))
		buf_add(out, "\n", 1);
	buf_add(out, BR_MERGE_SEPARATOR "\n", sizeof(BR_MERGE_SEPARATOR));
	buf_add(out, bs, bn);
	if (!final) {
		if (!ends_line(out))
			buf_add(out, "\n", 1);
		buf_add(out, BR_MERGE_END "\n", sizeof(BR_MERGE_END));
	}
	return 1;
}

/* diff3: walks the three texts along the tokens base shares with both
 * sides, and merges each part between. Linear but for match(). Returns
 * BR_MERGE_CLEAN, BR_MERGE_CONFLICT, or at WORDS WORD_CONFLICT (out is
 * then to be cut back by the caller). */
static int merge3(const char *o, size_t on, const char *a, size_t an,
		  const char *b, size_t bn, enum level lv, struct buf *out)
{
	struct toks O = {0}, A = {0}, B = {0};
	long *ma, *mb;
	size_t i = 0, j = 0, k = 0, x;
	int result = BR_MERGE_CLEAN;

	split(&O, o, on, lv);
	split(&A, a, an, lv);
	split(&B, b, bn, lv);
	ma = br_xmalloc((O.n + 1) * sizeof(*ma));
	mb = br_xmalloc((O.n + 1) * sizeof(*mb));
	match(&O, &A, ma);
	match(&O, &B, mb);
	for (;;) {
		size_t r[6];
		int rc;

		/* What all three share here. */
		for (; i < O.n && ma[i] == (long)j && mb[i] == (long)k;
		     i++, j++, k++)
			buf_add(out, O.v[i].s, O.v[i].n);
		if (i == O.n && j == A.n && k == B.n)
			break;
		/* Up to the next token of base that both sides kept. */
		for (x = i; x < O.n && (ma[x] < 0 || mb[x] < 0); x++)
			;
		r[0] = i;
		r[2] = j;
		r[4] = k;
		r[1] = x;
		r[3] = x < O.n ? (size_t)ma[x] : A.n;
		r[5] = x < O.n ? (size_t)mb[x] : B.n;
		rc = part(&O, &A, &B, r, x == O.n, lv, out);
		if (rc == WORD_CONFLICT) {
			result = WORD_CONFLICT;
			break;
		}
		if (rc)
			result = BR_MERGE_CONFLICT;
		i = r[1];
		j = r[3];
		k = r[5];
	}
	free(O.v);
	free(A.v);
	free(B.v);
	free(ma);
	free(mb);
	return result;
}

int br_merge(const char *base, const char *mine, const char *theirs, char **out)
{
	struct buf res = {0}, common = {0};
	enum level lv = LINES;
	int rc;

	buf_add(&res, "", 0);
	if (!base) {
		/* The lines both sides have, in order, stand for the base. */
		shared(mine, strlen(mine), theirs, strlen(theirs), LINES,
		       &common);
		base = common.s;
		lv = LINES_UNKNOWN;
	}
	rc = merge3(base, strlen(base), mine, strlen(mine), theirs,
		    strlen(theirs), lv, &res);
	free(common.s);
	*out = res.s;
	return rc;
}
