/* merge: the three-way merge of notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/merge.h"
#include "tap.h"

static void merge_is(const char *base, const char *mine, const char *theirs,
		     const char *want, int want_rc, const char *what)
{
	char *out = NULL;
	int rc = br_merge(base, mine, theirs, &out);

	if (!ok(out && !strcmp(out, want) && rc == want_rc, "merge: %s", what))
		diag("got '%s' (%d), want '%s' (%d)", out ? out : "(null)", rc,
		     want, want_rc);
	free(out);
}

#define SEP BR_MERGE_SEPARATOR
#define END BR_MERGE_END

static void merging(void)
{
	char *base, *mine, *theirs, *out = NULL, *p;
	size_t i, len = 20000 * 11;

	merge_is("a\nb\n", "a\nb\n", "a\nB\n", "a\nB\n", BR_MERGE_CLEAN,
		 "only theirs changed: theirs");
	merge_is("a\nb\n", "A\nb\n", "a\nb\n", "A\nb\n", BR_MERGE_CLEAN,
		 "only mine changed: mine");
	merge_is("a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n", "A\nb\nC\n",
		 BR_MERGE_CLEAN, "a line changed by each: both");
	merge_is("a\nb\nc\nd\n", "a\nc\nd\n", "a\nb\nc\nD\n", "a\nc\nD\n",
		 BR_MERGE_CLEAN,
		 "a line removed by one, another changed by the other");
	merge_is("a\nb\nc\n", "a\nc\n", "a\nb\nC\n", "a\nc\n" SEP "\nb\nC\n",
		 BR_MERGE_CONFLICT,
		 "changes to two lines next to each other conflict (as diff3)");
	merge_is("fired", "fired a1", "fired b1", "fired b1 a1", BR_MERGE_CLEAN,
		 "a word added by each to one line: the line once, both words");
	merge_is("董事会", "董事会开会", "董事会投票", "董事会投票开会",
		 BR_MERGE_CLEAN, "the same in Chinese");
	merge_is("the cat sat", "a cat sat", "the cat ran", "a cat ran",
		 BR_MERGE_CLEAN, "different words of one line changed: both");
	merge_is("a b", "a b c", "a b c", "a b c", BR_MERGE_CLEAN,
		 "the same change on both sides: once");
	merge_is("x\nmeet at 5\ny\n", "x\nmeet at 6\ny\n", "x\nmeet at 7\ny\n",
		 "x\nmeet at 6\n" SEP "\nmeet at 7\n" END "\ny\n",
		 BR_MERGE_CONFLICT,
		 "a true conflict: each side once, marked, the rest once");
	merge_is("x\nold", "x\nmine", "x\ntheirs", "x\nmine\n" SEP "\ntheirs",
		 BR_MERGE_CONFLICT, "a conflict at the end has no end line");
	merge_is(NULL, "a\nb\n", "a\nc\n", "a\nc\nb\n", BR_MERGE_CLEAN,
		 "an unknown base: what both have once, then the rest of each");
	merge_is(NULL, "3.25", "3.25 and more", "3.25 and more", BR_MERGE_CLEAN,
		 "an unknown base: words added to a line both have, once");
	merge_is(NULL, "a\nb", "a\nc", "a\nc\nb", BR_MERGE_CLEAN,
		 "an unknown base: two different last lines, both");
	merge_is("", "", "", "", BR_MERGE_CLEAN, "three empty texts");

	/* 20,000 lines, one changed near each end. */
	base = malloc(len + 1);
	for (p = base, i = 0; i < 20000; i++)
		p += sprintf(p, "line %05zu\n", i);
	mine = strdup(base);
	theirs = strdup(base);
	memcpy(mine + 11 * 5, "LINE", 4);
	memcpy(theirs + 11 * 19990, "LINE", 4);
	br_merge(base, mine, theirs, &out);
	ok(out && strlen(out) == len && !strncmp(out + 55, "LINE 00005", 10) &&
		   !strncmp(out + 11 * 19990, "LINE 19990", 10),
	   "merge: 20,000 lines, one change near each end: both, same length");
	free(out);
	free(base);
	free(mine);
	free(theirs);
}

int main(void)
{
	merging();
	return tap_done();
}
