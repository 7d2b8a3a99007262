/* when_utf8: the UTF-8 the date grammar reads, and text quoted safely
 * into an error message (the grammar's and the zones'). */
#include <stdint.h>
#include <string.h>

#include "model/when_private.h"

/* The length of the valid UTF-8 sequence at s (at most n bytes) and its
 * code point, or 0 if it is not valid (overlong, surrogate, truncated). */
int utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	int len, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	/* The payload bits of the lead byte, and the smallest code point
	 * that needs this length (anything less is an overlong form). */
	c &= 0x7Fu >> len;
	min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
	if ((size_t)len > n)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

void utf8_quote(char *dst, size_t n, const char *src, size_t len)
{
	size_t i = 0, o = 0;

	while (i < len && o + 5 < n) {
		uint32_t cp = 0;
		int l = utf8_next((const unsigned char *)src + i, len - i, &cp);

		if (l <= 0 || cp < 0x20 || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0)) {
			dst[o++] = '?';
			i += l <= 0 ? 1 : (size_t)l;
			continue;
		}
		memcpy(dst + o, src + i, (size_t)l);
		o += (size_t)l;
		i += (size_t)l;
	}
	if (n)
		dst[o < n ? o : n - 1] = '\0';
}
