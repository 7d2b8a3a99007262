/* merge: a three-way merge of two edits of one text (a note saved by two
 * explorers), by lines and then, inside lines both changed, by words.
 *
 * mine and theirs both started from base. Where only one side changed the
 * base, its change is taken; where both made the same change, it is taken
 * once; where both inserted at the same place (and removed nothing), both
 * insertions are kept, theirs first (it was saved first). Where both
 * changed the same base text differently, that is a conflict: the lines of
 * mine, a line BR_MERGE_SEPARATOR, the lines of theirs, then (unless the
 * text ends there) a line BR_MERGE_END. Text both kept unchanged appears
 * once, so merging never duplicates what the two sides share.
 *
 * Work is linear in the texts plus, for the part between their common
 * start and end, a table of at most BR_MERGE_CELLS cells; past that, the
 * part is taken as changed as a whole (a conflict if both changed it). */
#ifndef BOARDROOM_MERGE_H
#define BOARDROOM_MERGE_H

#define BR_MERGE_SEPARATOR "──── changed elsewhere ────"
#define BR_MERGE_END	   "──── end of the change ────"
#define BR_MERGE_CELLS	   (1u << 20)

enum {
	BR_MERGE_CLEAN = 0,    /* no conflict */
	BR_MERGE_CONFLICT = 1, /* both kept, marked, somewhere */
};

/* Merges mine and theirs, edits of base, into *out (a new string the
 * caller frees). A NULL base means the base is not known: the lines mine
 * and theirs share are taken as the base (and, where both added lines at
 * one place, the words those share, unless that puts two insertions at
 * one place), so nothing is lost and little doubled; a line one side
 * removed comes back. Returns BR_MERGE_CLEAN or
 * BR_MERGE_CONFLICT. The inputs are not changed; bytes that are not UTF-8
 * are merged as bytes, and whole characters of valid input stay whole. */
int br_merge(const char *base, const char *mine, const char *theirs,
	     char **out);

#endif
