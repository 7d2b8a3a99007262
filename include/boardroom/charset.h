/* charset: writing UTF-8 text in another charset (the locale's: GB18030,
 * GBK, Big5, ASCII in the C locale, ...) through iconv, so that no broken
 * bytes reach a terminal and columns stay aligned: a character the charset
 * cannot hold is transliterated by iconv, or replaced by an ASCII look-alike
 * or '?', padded to the width the character had. */
#ifndef BOARDROOM_CHARSET_H
#define BOARDROOM_CHARSET_H

#include <stddef.h>
#include <stdio.h>

struct br_charset;

/* The charset of the current locale (nl_langinfo(CODESET)). */
const char *br_charset_locale(void);

/* Whether name is UTF-8 (any spelling), so no conversion is needed. */
int br_charset_is_utf8(const char *name);

/* A converter from UTF-8 to charset `to`. Returns NULL with a one-line
 * message in err if iconv does not know it. The caller owns it and frees
 * it with br_charset_close. */
struct br_charset *br_charset_open(const char *to, char *err, size_t errlen);
void br_charset_close(struct br_charset *cs);

/* Converts n bytes of UTF-8 into out (outlen bytes, always
 * NUL-terminated), keeping each character's display width. Returns the
 * bytes written. Invalid UTF-8 becomes '?'. */
size_t br_charset_convert(struct br_charset *cs, const char *utf8, size_t n,
			  char *out, size_t outlen);

/* A stream that converts what is written to it and writes it to base.
 * Closing it (fclose) flushes, closes cs and leaves base open. Returns
 * NULL if the C library cannot make one. */
FILE *br_charset_stream(FILE *base, struct br_charset *cs);

#endif
