/* The text layer: widths, truncation, wrapping and folding. */
#include <stdlib.h>
#include <string.h>

#include "boardroom/text.h"
#include "tap.h"

static void widths(void)
{
	is_int(br_text_width("abc", 3), 3, "ASCII is one column a character");
	is_int(br_text_width("阿尔特曼", strlen("阿尔特曼")), 8,
	       "CJK is two columns");
	is_int(br_text_width("ｏｋ", strlen("ｏｋ")), 4,
	       "full-width Latin is two");
	is_int(br_text_width("e\xcc\x81", 3), 1,
	       "a combining accent takes none");
	is_int(br_text_width("\xf0\x9f\x98\x80", 4), 2, "an emoji is two");
	is_int(br_text_width("\xff\xfe", 2), 2, "each bad byte is one");
	is_int(br_text_width("a\tb", 3), 3, "a control character is one");
	is_int(br_text_width("D’Angelo", strlen("D’Angelo")), 8,
	       "a curly apostrophe is one");
}

static void fitting(void)
{
	const char *s = "主線#07 Thrive";
	int used;
	size_t n;

	n = br_text_fit(s, strlen(s), 5, &used);
	is_int(n, strlen("主線#"),
	       "fit stops before a wide char that overflows");
	is_int(used, 5, "fit reports the columns used");
	n = br_text_fit("e\xcc\x81x", 4, 1, &used);
	is_int(n, 3, "fit keeps a combining mark with its base");
}

static void truncating(void)
{
	char buf[64];
	int w;

	w = br_text_truncate(buf, sizeof(buf), "Sutskever", 20);
	is_str(buf, "Sutskever", "a short text is kept whole");
	is_int(w, 9, "its width");
	w = br_text_truncate(buf, sizeof(buf), "Sutskever", 5);
	is_str(buf, "Suts…", "a long text ends with an ellipsis");
	is_int(w, 5, "and fits exactly");
	w = br_text_truncate(buf, sizeof(buf), "伊利亚·苏茨克维", 6);
	is_str(buf, "伊利…", "CJK is cut on a character boundary");
	is_int(w, 5, "leaving a column rather than splitting a character");
	w = br_text_truncate(buf, 8, "伊利亚·苏茨克维", 40);
	ok(strlen(buf) < 8, "a small buffer is never overrun");
	w = br_text_truncate(buf, sizeof(buf), "abc", 0);
	is_str(buf, "", "zero columns give nothing");
	(void)w;
}

static void wrapping(void)
{
	const char *s = "Altman was fired by the board";
	size_t next, n;

	n = br_text_wrap(s, 12, &next);
	is_int(n, strlen("Altman was"), "wrap breaks at a space");
	is_int(next, strlen("Altman was "), "and skips it");
	n = br_text_wrap("董事会解雇了阿尔特曼", 6, &next);
	is_int(n, strlen("董事会"), "wrap breaks between wide characters");
	n = br_text_wrap("abcdefghij", 4, &next);
	is_int(n, 4, "a word longer than the line is cut");
	n = br_text_wrap("one\ntwo", 20, &next);
	is_int(n, 3, "a newline ends a line");
	is_int(next, 4, "the next line starts after it");
	n = br_text_wrap("", 10, &next);
	ok(n == 0 && next == 0, "an empty text is no line");
}

/* The Chinese rules: closing punctuation never starts a line, opening
 * punctuation never ends one. */
static void wrapping_zh(void)
{
	size_t next, n;

	n = br_text_wrap("事发于凌晨（太平洋时间）。", 12, &next);
	is_int(n, strlen("事发于凌晨"), "a line never ends with （");
	n = br_text_wrap("事发于凌晨（太平洋时间）。", 22, &next);
	is_int(n, strlen("事发于凌晨（太平洋时"),
	       "a line never starts with ）: 间 moves down with it");
	is_int(next, n, "the next line starts at 间");
	n = br_text_wrap("董事会解雇了他。然后", 14, &next);
	is_int(n, strlen("董事会解雇了"), "nor with 。");
	n = br_text_wrap("他说：“我们", 8, &next);
	is_int(n, strlen("他说："), "a line never ends with “");
	n = br_text_wrap("他们（你", 6, &next);
	is_int(n, strlen("他们"), "nor with （");
	n = br_text_wrap("，，，，，，", 4, &next);
	is_int(n, strlen("，，"), "punctuation alone still breaks");
}

/* A line is found without reading the text to its end: the bytes past
 * the line and the character after it are never looked at. */
static void wrapping_bounded(void)
{
	static char big[1 << 20];
	size_t next, n;

	memset(big, 'a', sizeof(big) - 1);
	memcpy(big, "one two ", 8);
	big[sizeof(big) - 1] = '\0';
	n = br_text_wrap(big, 5, &next);
	is_int(n, 3, "a huge text wraps its first line");
	/* Not NUL-terminated past the line: reading there would be caught
	 * by the sanitizers (a guard page in a plain build is not needed:
	 * the bytes would be 'a' and the answer the same). */
	{
		char *heap = malloc(16);

		memcpy(heap, "abc defghijklmno", 16);
		n = br_text_wrap(heap, 5, &next);
		is_int(n, 3, "the text is read no further than the line");
		free(heap);
	}
}

static void folding(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"Adam D’Angelo", "adamdangelo"},
		{"Adam D'Angelo", "adamdangelo"},
		{"ILYA", "ilya"},
		{"Émmett", "emmett"},
		{"ＳＡＭ", "sam"},
		{"萨姆·奥尔特曼", "萨姆奥尔特曼"},
		{"roofer.com", "roofercom"},
		{"bad\xff byte", "badbyte"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *f = br_text_fold(cases[i].in);

		is_str(f, cases[i].out, "fold '%s'", cases[i].in);
		free(f);
	}
	ok(br_text_valid("主線", strlen("主線")), "valid UTF-8 is valid");
	ok(!br_text_valid("\xe4\xb8", 2), "a truncated sequence is not");
}

static void grams(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"董事会", "董事 事会 会"},
		{"会", "会"},
		{"Sam 回归 OpenAI。董事", "回归 归 董事 事"},
		{"萨姆·奥尔特曼", "萨姆 姆 奥尔 尔特 特曼 曼"},
		{"no Chinese here", ""},
		{"", ""},
		{"한국어 かな", "한국 국어 어 かな な"},
		{"bad\xff字", "字"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *g = br_text_grams(cases[i].in);

		is_str(g, cases[i].out, "grams of '%s'", cases[i].in);
		free(g);
	}
	ok(!br_text_is_gram_cp(0x3002), "。 is not indexed");
	ok(br_text_is_gram_cp(0x4E2D), "中 is");
}

/* Inputs the fuzzer found (tests/fuzz/crashes/text), now fixed. */
static void fuzz_cases(void)
{
	static const char bad[] = "\xff\xfe\xc3 invalid \xe4\xb8";
	static const char wide[] = "ｆｕｌｌ　ｗｉｄｔｈ";
	char buf[8];
	size_t len, off, next, n, lines;
	int w, all = 1;

	/* crash-b5e85317: a cut text into a buffer too small for the "…". */
	for (len = 1; len <= 4; len++) {
		memset(buf, 'x', sizeof(buf));
		w = br_text_truncate(buf, len, bad, 5);
		if (!memchr(buf, '\0', len) || buf[len] != 'x' || w > 5)
			all = 0;
	}
	ok(all, "truncate into 1 to 4 bytes stays inside the buffer");
	w = br_text_truncate(buf, 3, "董事会", 10);
	ok(buf[0] == '\0' && w == 0,
	   "a character that does not fit the buffer is not split");
	w = br_text_truncate(buf, 5, "董事会", 4);
	is_str(buf, "…", "with room only for the ellipsis, it is all");
	is_int(w, 1, "of one column");
	w = br_text_truncate(buf, 7, "董事会", 4);
	is_str(buf, "董…", "a cut text is cut further to fit the buffer");
	is_int(w, 3, "and its width is what was kept");
	w = br_text_truncate(buf, 5, "董事会", 10);
	is_str(buf, "董", "the buffer bounds a text that fits the columns");

	/* crash-d36d860a: a wide character on a one-column line made no
	 * progress, so wrapping never ended. */
	for (off = 0, lines = 0; off < strlen(wide) && lines < 100; lines++) {
		n = br_text_wrap(wide + off, 1, &next);
		if (next == 0 || n != strlen("ｆ"))
			break;
		off += next;
	}
	ok(off == strlen(wide) && lines == 10,
	   "wrap at one column puts one wide character on each line");
	n = br_text_wrap("董\xcc\x81x", 1, &next);
	ok(n == 5 && next == 5, "with its combining mark");
	n = br_text_wrap("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9", 0,
			 &next);
	ok(n == 7 && next == 7, "an emoji keeps its joiner on zero columns");
}

int main(void)
{
	widths();
	fitting();
	truncating();
	wrapping();
	wrapping_zh();
	wrapping_bounded();
	folding();
	grams();
	fuzz_cases();
	return tap_done();
}
