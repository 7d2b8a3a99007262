#include "boardroom/search.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/base.h"
#include "boardroom/text.h"

static size_t char_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Appends term to the MATCH expression as an FTS5 string: "..." with
 * inner quotes doubled, then suffix. Returns -1 if it does not fit. */
static int append_match(char *match, size_t cap, const char *term,
			const char *suffix)
{
	size_t len = strlen(match);
	const char *p;

	if (len && len + 5 < cap) {
		memcpy(match + len, " AND ", 6);
		len += 5;
	}
	if (len + 1 >= cap)
		return -1;
	match[len++] = '"';
	for (p = term; *p; p++) {
		if (len + 3 >= cap)
			return -1;
		if (*p == '"')
			match[len++] = '"';
		match[len++] = *p;
	}
	match[len++] = '"';
	if (len + strlen(suffix) >= cap)
		return -1;
	strcpy(match + len, suffix);
	return 0;
}

/* Appends term's trigrams to the MATCH expression, each a quoted string:
 * all of them, or six spread over it from the first to the last (those
 * cover every character; the texts are checked after, see verify).
 * Returns -1, leaving match as it was, if they do not fit. */
static int append_trigrams(char *match, size_t cap, const char *term)
{
	/* Where each of the first 64 characters starts, and where the last
	 * of them ends. */
	size_t starts[65], n = 0, keep = strlen(match), k, picks;
	const char *p;

	for (p = term; *p && n < BR_ARRAY_SIZE(starts); p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			starts[n++] = (size_t)(p - term);
	if (n == BR_ARRAY_SIZE(starts))
		n--;
	else
		starts[n] = strlen(term);
	if (n < 3)
		return -1;
	/* n characters make n - 2 trigrams. */
	picks = n - 2 < 6 ? n - 2 : 6;
	for (k = 0; k < picks; k++) {
		size_t i = picks == 1 ? 0 : k * (n - 3) / (picks - 1);
		size_t len = starts[i + 3] - starts[i]; /* at most 12 */
		char gram[16];

		memcpy(gram, term + starts[i], len);
		gram[len] = '\0';
		if (append_match(match, cap, gram, "") < 0) {
			match[keep] = '\0';
			return -1;
		}
	}
	return 0;
}

/* Whether every character of term is one event_gram indexes. */
static int all_gram(const char *term)
{
	size_t n = strlen(term), i = 0;

	while (i < n) {
		int32_t cp;

		i += (size_t)br_text_decode(term + i, n - i, &cp);
		if (cp < 0 || !br_text_is_gram_cp(cp))
			return 0;
	}
	return n > 0;
}

static char *ascii_lower(const char *s)
{
	char *copy = br_xstrdup(s), *p;

	for (p = copy; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return copy;
}

static void add_term(struct br_search *s, const char *start, size_t len)
{
	char *term;

	if (!len || s->n_terms == BR_SEARCH_MAX_TERMS)
		return;
	term = br_xstrndup(start, len);
	/* NUL bytes cannot occur; drop invalid UTF-8 so SQLite sees text. */
	if (!br_text_valid(term, len)) {
		char *folded = br_text_fold(term);

		free(term);
		term = folded;
		if (!*term) {
			free(term);
			return;
		}
	}
	s->terms[s->n_terms++] = term;
	if (char_count(term) >= 3) {
		if (append_trigrams(s->match, sizeof(s->match), term) == 0 &&
		    char_count(term) >= 4) {
			size_t n = strlen(term);
			char *low = br_xmalloc(2 * n + 1);

			br_text_lower(term, n, low);
			s->verify[s->n_verify++] = low;
		}
	} else if (all_gram(term)) {
		/* A pair is a term of event_gram; one character starts
		 * one. */
		size_t keep = strlen(s->gram_match);

		if (append_match(s->gram_match, sizeof(s->gram_match), term,
				 char_count(term) == 1 ? "*" : "") < 0)
			s->gram_match[keep] = '\0';
	} else {
		s->shorts[s->n_short] = ascii_lower(term);
		s->short_folds[s->n_short] = br_text_fold(term);
		s->n_short++;
	}
}

void br_search_compile(struct br_search *s, const char *text)
{
	const char *p = text ? text : "";

	memset(s, 0, sizeof(*s));
	while (*p) {
		const char *start;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		if (*p == '"') {
			start = ++p;
			while (*p && *p != '"')
				p++;
			add_term(s, start, (size_t)(p - start));
			if (*p)
				p++;
			continue;
		}
		start = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		add_term(s, start, (size_t)(p - start));
	}
}

void br_search_free(struct br_search *s)
{
	size_t i;

	for (i = 0; i < s->n_terms; i++)
		free(s->terms[i]);
	for (i = 0; i < s->n_short; i++) {
		free(s->shorts[i]);
		free(s->short_folds[i]);
	}
	for (i = 0; i < s->n_verify; i++)
		free(s->verify[i]);
	memset(s, 0, sizeof(*s));
}

int br_search_reads_rows(const struct br_search *s)
{
	return s->n_short || s->n_verify;
}

static int match_at(const char *text, const char *term)
{
	for (; *term; term++, text++)
		if (tolower((unsigned char)*text) !=
		    tolower((unsigned char)*term))
			return 0;
	return 1;
}

long br_search_find(const struct br_search *s, const char *text, size_t from,
		    size_t *len)
{
	size_t i, n = strlen(text), pos;

	for (pos = from; pos < n; pos++) {
		if (((unsigned char)text[pos] & 0xC0) == 0x80)
			continue;
		for (i = 0; i < s->n_terms; i++) {
			size_t tl = strlen(s->terms[i]);

			if (tl && pos + tl <= n &&
			    match_at(text + pos, s->terms[i])) {
				*len = tl;
				return (long)pos;
			}
		}
	}
	return -1;
}
