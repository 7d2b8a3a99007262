/* import_open: what a file to import is. It is opened (a regular file),
 * and either streamed, when it is a table in UTF-8 (the format is told by
 * its name or its first bytes, and one pass checks every byte is UTF-8
 * and none NUL), or read whole (an article, or a table in another
 * charset: decoded in one go, up to BR_IMPORT_MAX_BYTES). Declared in
 * import_private.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "boardroom/text.h"
#include "import/import_private.h"

#define CHUNK (64 * 1024)

FILE *imp_open(const char *file, long long *size, char *err, size_t errlen)
{
	FILE *f = fopen(file, "rb");
	struct stat st;

	if (!f || fstat(fileno(f), &st) != 0) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", file);
		fclose(f);
		return NULL;
	}
	*size = (long long)st.st_size;
	return f;
}

int imp_read_whole(const char *file, FILE *f, long long size, char **data,
		   size_t *n, char *err, size_t errlen)
{
	if (size > BR_IMPORT_MAX_BYTES) {
		snprintf(err, errlen,
			 "%s: too large (%lld bytes; at most 64 MiB is read "
			 "of an article, or of a table not in UTF-8)",
			 file, size);
		return -1;
	}
	*data = br_xmalloc((size_t)size + 1);
	*n = fread(*data, 1, (size_t)size, f);
	if (ferror(f) || *n != (size_t)size) {
		snprintf(err, errlen, "%s: read error", file);
		free(*data);
		return -1;
	}
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcasecmp(s + n - k, suffix);
}

enum br_import_format imp_sniff(const char *file, const char *text)
{
	const char *p = text + strspn(text, " \t\r\n");

	if (*p == '{')
		return BR_IMPORT_DATASET;
	if (ends_with(file, ".json") || *p == '[')
		return BR_IMPORT_JSON;
	if (ends_with(file, ".csv") || !strncmp(p, "marker,kind,", 12))
		return BR_IMPORT_CSV;
	return BR_IMPORT_ARTICLE;
}

/* The length of the complete characters at the start of s[0..n): all but
 * a character cut at the end. */
static size_t complete(const unsigned char *s, size_t n)
{
	size_t k, need;

	for (k = 1; k <= 3 && k <= n; k++) {
		if ((s[n - k] & 0xC0) == 0x80)
			continue;
		need = s[n - k] >= 0xF0	  ? 4
		       : s[n - k] >= 0xE0 ? 3
		       : s[n - k] >= 0xC0 ? 2
					  : 1;
		return need > k ? n - k : n;
	}
	return n;
}

/* Whether the rest of f is UTF-8 without a NUL byte: one pass through a
 * buffer. */
static int plain_utf8(FILE *f)
{
	unsigned char *buf = br_xmalloc(CHUNK + 4);
	size_t carry = 0, n, len, cut;
	int plain = 1;

	while (plain && (n = fread(buf + carry, 1, CHUNK, f)) > 0) {
		len = carry + n;
		cut = complete(buf, len);
		plain = !memchr(buf, '\0', cut) &&
			br_text_valid((const char *)buf, cut);
		carry = len - cut;
		memmove(buf, buf + cut, carry);
	}
	free(buf);
	return plain && !carry && !ferror(f);
}

int imp_streamable(const char *file, FILE *f, const char *encoding,
		   enum br_import_format *format, int *bom)
{
	char head[4096];
	size_t n;
	int plain;

	if (encoding && strcasecmp(encoding, "UTF-8") &&
	    strcasecmp(encoding, "UTF8"))
		return 0;
	n = fread(head, 1, sizeof(head) - 1, f);
	head[n] = '\0';
	*bom = n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3);
	*format = imp_sniff(file, head + (*bom ? 3 : 0));
	if (*format == BR_IMPORT_ARTICLE || memchr(head, '\0', n)) {
		rewind(f);
		return 0;
	}
	rewind(f);
	plain = plain_utf8(f);
	rewind(f);
	if (plain && *bom)
		fseek(f, 3, SEEK_SET);
	return plain;
}
