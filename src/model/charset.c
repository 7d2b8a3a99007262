/* fopencookie is a GNU extension (glibc). */
#define _GNU_SOURCE
#include "boardroom/charset.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "boardroom/base.h"
#include "boardroom/text.h"

struct br_charset {
	iconv_t exact;	  /* to the charset, failing on what it lacks */
	iconv_t translit; /* to the charset, transliterating */
	FILE *base;	  /* for a stream */
	int locale_width; /* the charset is the locale's: check wcwidth */
	char carry[4];	  /* an incomplete UTF-8 sequence between writes */
	size_t n_carry;
};

const char *br_charset_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && *cs ? cs : "ANSI_X3.4-1968";
}

int br_charset_is_utf8(const char *name)
{
	return !strcasecmp(name, "UTF-8") || !strcasecmp(name, "UTF8");
}

struct br_charset *br_charset_open(const char *to, char *err, size_t errlen)
{
	struct br_charset *cs;
	char translit[96];

	cs = br_xcalloc(1, sizeof(*cs));
	snprintf(translit, sizeof(translit), "%s//TRANSLIT", to);
	cs->exact = iconv_open(to, "UTF-8");
	cs->translit = iconv_open(translit, "UTF-8");
	/* A CJK locale gives ambiguous-width symbols (box drawing, "·",
	 * "…") two columns; where it disagrees with our width, a look-alike
	 * keeps the columns straight. */
	cs->locale_width = !strcasecmp(to, br_charset_locale());
	if (cs->exact == (iconv_t)-1 || cs->translit == (iconv_t)-1) {
		snprintf(err, errlen, "unknown charset '%s'", to);
		br_charset_close(cs);
		return NULL;
	}
	return cs;
}

void br_charset_close(struct br_charset *cs)
{
	if (!cs)
		return;
	if (cs->exact != (iconv_t)-1 && cs->exact)
		iconv_close(cs->exact);
	if (cs->translit != (iconv_t)-1 && cs->translit)
		iconv_close(cs->translit);
	free(cs);
}

/* ASCII look-alikes for the symbols boardroom draws, where iconv has none. */
static const char *lookalike(int32_t cp)
{
	static const struct {
		int32_t cp;
		const char *ascii;
	} table[] = {
		{0x2502, "|"},	{0x2500, "-"}, {0x252C, "+"}, {0x2534, "+"},
		{0x2523, "["},	{0x252B, "]"}, {0x2506, ":"}, {0x25B2, "^"},
		{0x25C0, "<"},	{0x25B6, ">"}, {0x25CF, "*"}, {0x25CB, "o"},
		{0x00B7, "."},	{0x2026, "~"}, {0x2248, "~"}, {0x2192, ">"},
		{0x2713, "+"},	{0x258F, "|"}, {0x2591, "."}, {0x2588, "#"},
		{0x2581, "_"},	{0x2582, "."}, {0x2583, ":"}, {0x2584, "-"},
		{0x2585, "="},	{0x2586, "+"}, {0x2587, "*"}, {0x2014, "-"},
		{0x2013, "-"},	{0x2212, "-"}, {0xFFFD, "?"}, {0x201C, "\""},
		{0x201D, "\""}, {0x2018, "'"}, {0x2019, "'"}, {0x00D7, "x"},
		{0x2191, "^"},	{0x2193, "v"},
	};
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(table); i++)
		if (table[i].cp == cp)
			return table[i].ascii;
	return NULL;
}

/* Converts one character (len bytes) into out; returns bytes or -1. */
static int one(iconv_t cd, const char *in, size_t len, char *out, size_t outlen)
{
	char *ip = (char *)in, *op = out;
	size_t il = len, ol = outlen;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
		return -1;
	if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return -1;
	return (int)(op - out);
}

/* Pads or writes ASCII for a character of width w that did not convert. */
static size_t fallback(int32_t cp, int w, char *out, size_t outlen)
{
	const char *a = lookalike(cp);
	size_t n = 0;

	if (a && outlen > 1)
		out[n++] = a[0];
	while ((int)n < (w > 0 ? w : 1) && n + 1 < outlen)
		out[n++] = '?';
	return n;
}

size_t br_charset_convert(struct br_charset *cs, const char *utf8, size_t n,
			  char *out, size_t outlen)
{
	size_t i = 0, o = 0;

	if (!outlen)
		return 0;
	while (i < n && o + 1 < outlen) {
		int32_t cp;
		int len = br_text_decode(utf8 + i, n - i, &cp);
		char buf[16];
		int got;

		if (cp >= 0 && cp < 0x80) {
			out[o++] = utf8[i++];
			continue;
		}
		got = cp < 0 ? -1
			     : one(cs->exact, utf8 + i, (size_t)len, buf,
				   sizeof(buf));
		if (got >= 0 && cs->locale_width &&
		    wcwidth((wchar_t)cp) != br_text_cp_width(cp))
			got = -1;
		if (got < 0 && cp >= 0) {
			/* Transliterated text must keep the width. */
			got = one(cs->translit, utf8 + i, (size_t)len, buf,
				  sizeof(buf));
			if (got >= 0 && got != br_text_cp_width(cp))
				got = -1;
			if (got >= 0 && memchr(buf, '?', (size_t)got) &&
			    lookalike(cp))
				got = -1;
		}
		if (got < 0)
			got = (int)fallback(cp, br_text_cp_width(cp), buf,
					    sizeof(buf));
		if (o + (size_t)got + 1 > outlen)
			break;
		memcpy(out + o, buf, (size_t)got);
		o += (size_t)got;
		i += (size_t)len;
	}
	out[o] = '\0';
	return o;
}

static ssize_t stream_write(void *cookie, const char *buf, size_t size)
{
	struct br_charset *cs = cookie;
	char in[4096 + 4], out[4 * 4096 + 64];
	size_t done = 0;

	while (done < size) {
		size_t take = size - done, n, keep = 0, w;

		if (take > 4096)
			take = 4096;
		memcpy(in, cs->carry, cs->n_carry);
		memcpy(in + cs->n_carry, buf + done, take);
		n = cs->n_carry + take;
		done += take;
		/* Hold back an incomplete sequence at the end. */
		while (keep < 3 && keep < n &&
		       ((unsigned char)in[n - 1 - keep] & 0xC0) == 0x80)
			keep++;
		if (keep < n &&
		    ((unsigned char)in[n - 1 - keep] & 0xC0) == 0xC0) {
			unsigned char lead = (unsigned char)in[n - 1 - keep];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

			keep = keep + 1 < need ? keep + 1 : 0;
		} else {
			keep = 0;
		}
		cs->n_carry = keep;
		memcpy(cs->carry, in + n - keep, keep);
		w = br_charset_convert(cs, in, n - keep, out, sizeof(out));
		if (fwrite(out, 1, w, cs->base) != w)
			return -1;
	}
	return (ssize_t)size;
}

static int stream_close(void *cookie)
{
	struct br_charset *cs = cookie;
	char out[32];
	size_t w = 0;
	int rc;

	if (cs->n_carry)
		w = br_charset_convert(cs, cs->carry, cs->n_carry, out,
				       sizeof(out));
	rc = fwrite(out, 1, w, cs->base) == w && fflush(cs->base) == 0 ? 0
								       : EOF;
	br_charset_close(cs);
	return rc;
}

FILE *br_charset_stream(FILE *base, struct br_charset *cs)
{
	cookie_io_functions_t io = {NULL, stream_write, NULL, stream_close};

	cs->base = base;
	return fopencookie(cs, "w", io);
}
