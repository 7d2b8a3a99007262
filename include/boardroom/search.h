/* search: turns what a person typed into a search over the timeline.
 *
 * Words (split at white space; a "quoted phrase" stays one term) must all
 * match. A term of three characters or more goes to the FTS5 trigram index
 * as its trigrams, each a quoted string, so no input can be an FTS5 syntax
 * error; the index keeps no positions (detail = none), so a term of four
 * characters or more, whose trigrams may all be in an event apart, is
 * then looked for in the event's texts and names (verify). A shorter
 * term of Chinese (Japanese, Korean) characters goes to the index of
 * character pairs, event_gram; any other short term ("AI") is looked for
 * in the texts directly.
 *
 * A search is compiled once, when its text changes, and the compiled value
 * is what the event queries take (struct br_filter's search): the caller
 * that compiles it owns it and frees it; the queries only read it. */
#ifndef BOARDROOM_SEARCH_H
#define BOARDROOM_SEARCH_H

#include <stddef.h>

#define BR_SEARCH_MAX_TERMS 8

struct br_search {
	char match[1024];     /* FTS5 MATCH expression; "" if none */
	char gram_match[512]; /* the same for event_gram; "" if none */
	char *terms[BR_SEARCH_MAX_TERMS]; /* every term, as typed */
	size_t n_terms;
	/* Short terms neither index can take, ASCII-lowered. */
	char *shorts[BR_SEARCH_MAX_TERMS];
	char *short_folds[BR_SEARCH_MAX_TERMS]; /* the same, folded */
	size_t n_short;
	/* Terms of four characters or more, lower-cased (br_text_lower): the
	 * trigram index finds the events that have all their trigrams; the
	 * query keeps those whose text has the term (br_has). */
	char *verify[BR_SEARCH_MAX_TERMS];
	size_t n_verify;
};

/* Compiles text (may be NULL or empty) into s; s owns its strings until
 * br_search_free, and does not keep text. Terms beyond
 * BR_SEARCH_MAX_TERMS are ignored. s must not hold a compiled search (free
 * it first): its strings would leak. */
void br_search_compile(struct br_search *s, const char *text);
/* Frees s's strings and zeroes it; a zeroed s may be freed again. */
void br_search_free(struct br_search *s);

/* Whether s looks in the events' texts row by row (a short term, or a
 * term checked after the trigram index): counting it costs a row read a
 * match, so a caller counts fewer. */
int br_search_reads_rows(const struct br_search *s);

/* Finds the first case-insensitive (ASCII) occurrence of any term of s in
 * text at or after byte from; returns its offset and sets *len, or -1. For
 * highlighting. */
long br_search_find(const struct br_search *s, const char *text, size_t from,
		    size_t *len);

#endif
