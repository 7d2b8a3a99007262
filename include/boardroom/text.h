/* text: UTF-8 decoding, display width, truncation, wrapping and folding.
 *
 * Widths are terminal columns as utf8proc (Unicode's East Asian Width and
 * emoji data) has them: CJK and emoji take 2, combining marks 0. Bytes that
 * are not valid UTF-8, and control characters, take 1 column each: a
 * drawing layer shows them as a visible replacement, never as raw bytes. */
#ifndef BOARDROOM_TEXT_H
#define BOARDROOM_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one character at s (n > 0 bytes available). Returns the bytes it
 * takes (1..4) and sets *cp, or returns 1 and sets *cp = -1 for a byte that
 * does not start a valid sequence. */
int br_text_decode(const char *s, size_t n, int32_t *cp);

/* Display width of one code point (-1, a bad byte, is 1). */
int br_text_cp_width(int32_t cp);

/* Display width of the first n bytes of s. */
int br_text_width(const char *s, size_t n);

/* The number of bytes of s (n bytes long) that fit in cols columns,
 * whole characters only; *used (may be NULL) gets their width. */
size_t br_text_fit(const char *s, size_t n, int cols, int *used);

/* Copies s into dst (dstlen bytes) cut to at most cols columns; if it had to
 * cut, it ends with "…" (one column). Returns the columns used. */
int br_text_truncate(char *dst, size_t dstlen, const char *s, int cols);

/* One line of word-wrapped text: returns the bytes of s (from its start)
 * that go on a line of cols columns, breaking after a space or between two
 * wide characters, or anywhere if a word is too long; *next gets the offset
 * where the next line starts (spaces skipped). A newline ends a line.
 * Returns 0 with *next == 0 only for an empty string. */
size_t br_text_wrap(const char *s, int cols, size_t *next);

/* Folds text for matching: case-folded, decomposed with accents removed,
 * apostrophes, quotes, spaces, dots and hyphens dropped, full-width forms
 * made ASCII. "Adam D’Angelo" and "adam dangelo" fold alike. Returns a new
 * string the caller frees. Invalid UTF-8 bytes are dropped. */
char *br_text_fold(const char *s);

/* Lower-cases the n bytes at s into out (at most 2 * n + 1 bytes, always
 * NUL-terminated), a code point at a time (utf8proc's simple lower case,
 * what the trigram index folds with); invalid bytes are copied as they
 * are. Returns the bytes written, without the NUL. Nothing else changes:
 * a substring of s lower-cased is a substring of out. */
size_t br_text_lower(const char *s, size_t n, char *out);

/* Whether cp is written in a script without spaces between words (Han,
 * kana, hangul): text whose one- and two-character substrings are worth
 * indexing. */
int br_text_is_gram_cp(int32_t cp);

/* The index terms for one- and two-character search in s: each run of
 * such characters as its overlapping pairs, then its last character, all
 * separated by spaces ("董事会" gives "董事 事会 会"). Every occurrence of a
 * two-character string is then a term and every occurrence of one
 * character the start of a term. Other text is left out. Returns a new
 * string the caller frees ("" if s has no such text). */
char *br_text_grams(const char *s);

/* Whether s is valid UTF-8 (n bytes). */
int br_text_valid(const char *s, size_t n);

#endif
