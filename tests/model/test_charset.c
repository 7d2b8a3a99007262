/* Output in other charsets: conversion keeps every character's width. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "tap.h"

static void convert(void)
{
	struct br_charset *cs;
	char err[128], out[256];
	const char *s = "董事会 4:2 “vote” — ok";

	cs = br_charset_open("GB18030", err, sizeof(err));
	ok(cs != NULL, "GB18030 opens");
	br_charset_convert(cs, "董事会", strlen("董事会"), out, sizeof(out));
	is_str(out, "\xb6\xad\xca\xc2\xbb\xe1", "Chinese in GB18030 bytes");
	br_charset_close(cs);

	cs = br_charset_open("ASCII", err, sizeof(err));
	br_charset_convert(cs, s, strlen(s), out, sizeof(out));
	is_int((int)strlen(out), br_text_width(s, strlen(s)),
	       "ASCII output keeps the width: '%s'", out);
	ok(!strncmp(out, "?????? 4:2", 10),
	   "a wide character becomes two marks");
	ok(strstr(out, "\"vote\"") != NULL, "curly quotes become straight");
	br_charset_convert(cs, "\xff\xfe", 2, out, sizeof(out));
	is_str(out, "??", "invalid UTF-8 becomes '?'");
	br_charset_convert(cs, "▁▂█│", strlen("▁▂█│"), out, sizeof(out));
	is_str(out, "_.#|", "drawing symbols have look-alikes");
	br_charset_close(cs);

	ok(br_charset_open("NO-SUCH-CHARSET", err, sizeof(err)) == NULL &&
		   strstr(err, "NO-SUCH-CHARSET"),
	   "an unknown charset is named: %s", err);
	ok(br_charset_is_utf8("utf8") && br_charset_is_utf8("UTF-8") &&
		   !br_charset_is_utf8("GB18030"),
	   "UTF-8 is recognised in its spellings");
}

static void stream(void)
{
	char err[128], buf[256];
	struct br_charset *cs = br_charset_open("GB18030", err, sizeof(err));
	FILE *mem = fmemopen(buf, sizeof(buf), "w");
	FILE *out = br_charset_stream(mem, cs);
	const char *s = "会";

	/* One character written a byte at a time. */
	fputc(s[0], out);
	fflush(out);
	fputc(s[1], out);
	fflush(out);
	fputc(s[2], out);
	fputs(" ok\n", out);
	ok(fclose(out) == 0, "the stream closes");
	fclose(mem);
	is_str(buf, "\xbb\xe1 ok\n", "a sequence split across writes");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	convert();
	stream();
	return tap_done();
}
