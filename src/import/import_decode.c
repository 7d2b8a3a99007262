/* import_decode: a file's bytes to UTF-8, in a charset named or detected.
 *
 * Every conversion goes through iconv: there is no conversion table here.
 * Detection takes, in order: a byte order mark; valid UTF-8; UTF-8 if most
 * of the lines with non-ASCII bytes are valid UTF-8 (a file of mixed
 * charsets: the others are then errors naming their line, or replaced
 * with --lossy, instead of the whole file misread); then the one
 * of UTF-8, GB18030 and Big5 whose trial decoding of the file's start is
 * the most plausible Chinese text. Plausible means: few undecodable bytes
 * and control characters, and many characters that are common ones, where
 * a Han character is common if it is in the first (frequent) level of
 * GB2312 or of Big5, which iconv tells by the bytes it encodes it to; the
 * entry markers 主線 主线 花絮 decoding intact count for much. Big5 bytes
 * are nearly always valid GB18030 too, but decode there into rare
 * characters, kana and private-use ones, so the score tells them apart. */
#include "import/import.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "boardroom/text.h"

#define SAMPLE_BYTES (256 * 1024)
#define HAN_FIRST    0x4E00
#define HAN_LAST     0x9FFF

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

struct out_buf {
	char *p;
	size_t len, cap;
};

/* Room for at least more bytes and a NUL. */
static void reserve(struct out_buf *b, size_t more)
{
	if (b->cap - b->len > more)
		return;
	b->cap =
		b->cap * 2 > b->len + more + 1 ? b->cap * 2 : b->len + more + 1;
	b->p = br_xrealloc(b->p, b->cap);
}

static void append(struct out_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static long lines_in(const struct out_buf *b)
{
	long n = 1;
	size_t i;

	for (i = 0; i < b->len; i++)
		n += b->p[i] == '\n';
	return n;
}

/* One conversion of a file's bytes. */
struct conv {
	const char *name; /* the file, for messages */
	const char *enc;  /* the charset, for messages */
	size_t unit;	  /* bytes skipped past an undecodable one */
	size_t base;	  /* offset of data in the file (after a BOM) */
	int lossy;
	int sample; /* data is the file's start: an incomplete
		       character at its end is not an error */
	int mixed;  /* UTF-8 by most lines, not all */
	long replaced;
	char *err;
	size_t errlen;
};

static int conv_fail(struct conv *c, int code, size_t at,
		     const struct out_buf *b)
{
	if (code == EINVAL)
		snprintf(c->err, c->errlen,
			 "%s: truncated %s character at byte %zu (line %ld): "
			 "the file ends inside it",
			 c->name, c->enc, c->base + at, lines_in(b));
	else if (c->mixed)
		snprintf(c->err, c->errlen,
			 "%s: invalid %s at byte %zu (line %ld): most lines "
			 "are UTF-8, this one is not (a file of mixed "
			 "charsets; --lossy replaces what is not UTF-8)",
			 c->name, c->enc, c->base + at, lines_in(b));
	else
		snprintf(c->err, c->errlen,
			 "%s: invalid %s at byte %zu "
			 "(line %ld)",
			 c->name, c->enc, c->base + at, lines_in(b));
	return -1;
}

/* Replaces the bad bytes at *in (all the rest if the input ends inside a
 * character) with U+FFFD, one per unit, and steps past them. */
static void replace_bad(struct conv *c, int code, char **in, size_t *left,
			struct out_buf *b)
{
	size_t skip = code == EINVAL || c->unit > *left ? *left : c->unit;
	size_t k;

	for (k = 0; k < skip; k += c->unit) {
		append(b, replacement, 3);
		c->replaced++;
	}
	*in += skip;
	*left -= skip;
}

/* Converts n bytes with cd, appending to b. 0, or -1 with c->err. */
static int run_iconv(struct conv *c, iconv_t cd, const char *data, size_t n,
		     struct out_buf *b)
{
	char *in = (char *)data, *op;
	size_t left = n, room;

	iconv(cd, NULL, NULL, NULL, NULL);
	while (left > 0) {
		reserve(b, left * 2 + 64);
		op = b->p + b->len;
		room = b->cap - b->len - 1;
		if (iconv(cd, &in, &left, &op, &room) != (size_t)-1) {
			b->len = (size_t)(op - b->p);
			break;
		}
		b->len = (size_t)(op - b->p);
		if (errno == E2BIG)
			continue;
		if (errno != EILSEQ && errno != EINVAL)
			return conv_fail(c, EILSEQ, (size_t)(in - data), b);
		if (errno == EINVAL && c->sample)
			break;
		if (!c->lossy)
			return conv_fail(c, errno, (size_t)(in - data), b);
		replace_bad(c, errno, &in, &left, b);
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	reserve(b, 64);
	op = b->p + b->len;
	room = b->cap - b->len - 1;
	iconv(cd, NULL, NULL, &op, &room); /* the shift state, if any */
	b->len = (size_t)(op - b->p);
	b->p[b->len] = '\0';
	return 0;
}

/* Whether the s[0..n) is the start of a UTF-8 sequence cut by the end. */
static int cut_short(const unsigned char *s, size_t n)
{
	size_t want = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
		      : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
		      : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
						     : 0;
	size_t k;

	if (!want || n >= want)
		return 0;
	for (k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/* UTF-8 is checked, not converted: iconv's UTF-8 reader takes what is not
 * UTF-8 (five-byte sequences, for one) and passes it on. Bad bytes are
 * errors, or one U+FFFD each, as run_iconv treats them. */
static int check_utf8(struct conv *c, const char *data, size_t n,
		      struct out_buf *b)
{
	size_t i = 0, good = 0;
	int32_t cp;
	int l, code;

	while (i < n) {
		l = br_text_decode(data + i, n - i, &cp);
		if (cp >= 0) {
			i += (size_t)l;
			continue;
		}
		append(b, data + good, i - good);
		code = cut_short((const unsigned char *)data + i, n - i)
			       ? EINVAL
			       : EILSEQ;
		if (code == EINVAL && c->sample) {
			good = i = n;
			break;
		}
		if (!c->lossy)
			return conv_fail(c, code, i, b);
		append(b, replacement, 3);
		c->replaced++;
		good = ++i;
	}
	append(b, data + good, i - good);
	reserve(b, 1);
	b->p[b->len] = '\0';
	return 0;
}

/* Decodes data from charset enc into out->text. */
static int decode_as(struct conv *c, const char *enc, const char *data,
		     size_t n, struct br_decoded *out)
{
	struct out_buf b = {0};
	iconv_t cd;

	if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8")) {
		reserve(&b, n + 64);
		if (check_utf8(c, data, n, &b) < 0) {
			free(b.p);
			return -1;
		}
		out->text = b.p;
		out->len = b.len;
		out->replaced = c->replaced;
		return 0;
	}
	cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1) {
		snprintf(c->err, c->errlen,
			 "unknown encoding '%.60s' (not one iconv knows; see "
			 "iconv --list)",
			 enc);
		return -1;
	}
	reserve(&b, n + 64);
	if (run_iconv(c, cd, data, n, &b) < 0) {
		iconv_close(cd);
		free(b.p);
		return -1;
	}
	iconv_close(cd);
	out->text = b.p;
	out->len = b.len;
	out->replaced = c->replaced;
	return 0;
}

/* Byte order marks, longest first (UTF-32LE starts like UTF-16LE). */
static const struct bom {
	const char *bytes;
	size_t n, unit;
	const char *enc;
} boms[] = {
	{"\xFF\xFE\x00\x00", 4, 4, "UTF-32LE"},
	{"\x00\x00\xFE\xFF", 4, 4, "UTF-32BE"},
	{"\xEF\xBB\xBF", 3, 1, "UTF-8"},
	{"\xFF\xFE", 2, 2, "UTF-16LE"},
	{"\xFE\xFF", 2, 2, "UTF-16BE"},
};

static const struct bom *find_bom(const char *data, size_t n)
{
	size_t k;

	for (k = 0; k < BR_ARRAY_SIZE(boms); k++)
		if (n >= boms[k].n && !memcmp(data, boms[k].bytes, boms[k].n))
			return &boms[k];
	return NULL;
}

/* Plausibility */

/* What iconv says about Han characters: 0 not asked yet, 1 common, 2 not. */
struct common_cache {
	iconv_t gb, big5;
	unsigned char han[HAN_LAST - HAN_FIRST + 1];
};

/* The first byte cp encodes to in cd, or -1 if it has no encoding. */
static int lead_byte(iconv_t cd, const char *utf8, size_t n)
{
	char in[4], out[8], *ip = in, *op = out;
	size_t il = n, ol = sizeof(out);

	memcpy(in, utf8, n);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || op == out)
		return -1;
	return (unsigned char)out[0];
}

/* Level 1 of GB2312 (lead bytes B0-D7) and of Big5 (A4-C6) hold the
 * frequent characters of simplified and traditional Chinese. */
static int han_common(struct common_cache *cc, int32_t cp, const char *utf8,
		      size_t n)
{
	unsigned char *slot = &cc->han[cp - HAN_FIRST];
	int b;

	if (!*slot) {
		b = cc->gb != (iconv_t)-1 ? lead_byte(cc->gb, utf8, n) : -1;
		*slot = 2;
		if (b >= 0xB0 && b <= 0xD7)
			*slot = 1;
		b = cc->big5 != (iconv_t)-1 ? lead_byte(cc->big5, utf8, n) : -1;
		if (b >= 0xA4 && b <= 0xC6)
			*slot = 1;
	}
	return *slot == 1;
}

/* CJK punctuation, full-width forms, quotes and dashes. */
static int punct_common(int32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2010 && cp <= 0x2027);
}

/* Undecodable, a control character or private use: not in real text. */
static int is_bad(int32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f')
		return 0;
	return cp < 0x20 || cp == 0xFFFD || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0xE000 && cp < 0xF900);
}

struct tally {
	long chars, nonascii, common, bad, markers;
};

static void tally_text(struct common_cache *cc, const char *s, size_t n,
		       struct tally *t)
{
	static const char *const markers[] = {"主線", "主线", "花絮"};
	size_t i = 0, k;
	const char *p;

	while (i < n) {
		int32_t cp;
		int l = br_text_decode(s + i, n - i, &cp);

		t->chars++;
		if (is_bad(cp))
			t->bad++;
		else if (cp >= 0x80)
			t->nonascii++;
		if (cp >= HAN_FIRST && cp <= HAN_LAST)
			t->common += han_common(cc, cp, s + i, (size_t)l);
		else if (punct_common(cp))
			t->common++;
		i += (size_t)l;
	}
	for (k = 0; k < BR_ARRAY_SIZE(markers); k++)
		for (p = s; (p = strstr(p, markers[k])); p++)
			t->markers++;
}

static double plausibility(const struct tally *t)
{
	double common =
		t->nonascii ? (double)t->common / (double)t->nonascii : 0.0;
	double bad = (double)t->bad / (double)(t->chars ? t->chars : 1);

	return common - 4.0 * bad + (t->markers ? 0.5 : 0.0);
}

/* Trial-decodes the file's start in each candidate; the best, or NULL if
 * none looks like text. */
static const char *guess(const char *data, size_t n)
{
	static const char *const candidates[] = {"UTF-8", "GB18030", "BIG5"};
	struct common_cache *cc = br_xcalloc(1, sizeof(*cc));
	const char *best = NULL;
	double best_score = 0.3;
	size_t k;

	cc->gb = iconv_open("GB2312", "UTF-8");
	cc->big5 = iconv_open("BIG5", "UTF-8");
	for (k = 0; k < BR_ARRAY_SIZE(candidates); k++) {
		char msg[8];
		struct conv c = {.name = "",
				 .enc = candidates[k],
				 .unit = 1,
				 .lossy = 1,
				 .sample = 1,
				 .err = msg,
				 .errlen = sizeof(msg)};
		struct br_decoded d = {0};
		struct tally t = {0};

		if (decode_as(&c, candidates[k], data,
			      n < SAMPLE_BYTES ? n : SAMPLE_BYTES, &d) < 0)
			continue;
		tally_text(cc, d.text, d.len, &t);
		free(d.text);
		if (plausibility(&t) > best_score) {
			best_score = plausibility(&t);
			best = candidates[k];
		}
	}
	if (cc->gb != (iconv_t)-1)
		iconv_close(cc->gb);
	if (cc->big5 != (iconv_t)-1)
		iconv_close(cc->big5);
	free(cc);
	return best;
}

/* Whether most of the lines with bytes above ASCII are valid UTF-8: then
 * the file is UTF-8 with some lines in another charset (their bytes
 * are errors, or replaced with --lossy), not text in that charset. */
static int mostly_utf8(const char *data, size_t n)
{
	size_t i = 0, len, k;
	long valid = 0, invalid = 0;

	while (i < n) {
		const char *nl = memchr(data + i, '\n', n - i);

		len = nl ? (size_t)(nl - (data + i)) : n - i;
		for (k = 0; k < len && !(data[i + k] & 0x80); k++)
			;
		if (k < len) {
			if (br_text_valid(data + i, len))
				valid++;
			else
				invalid++;
		}
		i += len + 1;
	}
	return valid > 0 && valid >= invalid;
}

/* Picks the charset: a BOM, valid UTF-8, mostly UTF-8, or the best
 * guess. */
static int detect(const char *name, const char *data, size_t n, struct conv *c,
		  const char **enc, size_t *skip, char *err, size_t errlen)
{
	const struct bom *bom = find_bom(data, n);
	const char *nul;

	*skip = 0;
	if (bom) {
		*enc = bom->enc;
		*skip = bom->n;
		c->unit = bom->unit;
		return 0;
	}
	nul = memchr(data, '\0', n);
	if (nul) {
		snprintf(err, errlen,
			 "%s: binary data, not text (a NUL byte at byte %zu; "
			 "UTF-16 without a byte order mark needs --encoding)",
			 name, (size_t)(nul - data));
		return -1;
	}
	if (br_text_valid(data, n)) {
		*enc = "UTF-8";
	} else if (mostly_utf8(data, n)) {
		*enc = "UTF-8";
		c->mixed = 1;
	} else {
		*enc = guess(data, n);
	}
	if (!*enc) {
		snprintf(err, errlen,
			 "%s: not text in a charset that could be recognised "
			 "(UTF-8, GB18030, Big5, UTF-16/32 with a byte order "
			 "mark); name it with --encoding",
			 name);
		return -1;
	}
	return 0;
}

/* The size of a code unit of a charset named by the user: an undecodable
 * UTF-16 unit is skipped whole, to stay in step. */
static size_t unit_of(const char *enc)
{
	if (!strncasecmp(enc, "UTF", 3) || !strncasecmp(enc, "UCS", 3)) {
		if (strstr(enc, "32") || !strncasecmp(enc, "UCS-4", 5))
			return 4;
		if (strstr(enc, "16") || !strncasecmp(enc, "UCS-2", 5))
			return 2;
	}
	return 1;
}

/* A leading U+FEFF (a BOM iconv passed through) is dropped. */
static void drop_bom(struct br_decoded *out)
{
	if (out->len >= 3 && !memcmp(out->text, "\xEF\xBB\xBF", 3)) {
		memmove(out->text, out->text + 3, out->len - 2);
		out->len -= 3;
		out->bom = 1;
	}
}

static int check_nul(const char *name, const struct br_decoded *out, char *err,
		     size_t errlen)
{
	const char *nul = memchr(out->text, '\0', out->len);
	long line = 1;
	const char *p;

	if (!nul)
		return 0;
	for (p = out->text; p < nul; p++)
		line += *p == '\n';
	snprintf(err, errlen,
		 "%s: a NUL character on line %ld: binary data, not text", name,
		 line);
	return -1;
}

int br_import_decode(const char *name, const char *data, size_t n,
		     const char *encoding, int lossy, struct br_decoded *out,
		     char *err, size_t errlen)
{
	struct conv c = {.name = name,
			 .enc = encoding,
			 .unit = 1,
			 .lossy = lossy,
			 .err = err,
			 .errlen = errlen};
	const char *enc = encoding;
	size_t skip = 0;

	memset(out, 0, sizeof(*out));
	if (!enc && detect(name, data, n, &c, &enc, &skip, err, errlen) < 0)
		return -1;
	c.enc = enc;
	c.base = skip;
	if (encoding)
		c.unit = unit_of(encoding);
	if (decode_as(&c, enc, data + skip, n - skip, out) < 0)
		return -1;
	br_strlcpy(out->encoding, enc, sizeof(out->encoding));
	out->detected = !encoding;
	out->bom = skip > 0;
	drop_bom(out);
	if (check_nul(name, out, err, errlen) < 0) {
		free(out->text);
		out->text = NULL;
		return -1;
	}
	return 0;
}
