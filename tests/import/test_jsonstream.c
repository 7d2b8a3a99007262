/* test_jsonstream: the streaming JSON reader of imports: a top-level
 * array element by element, an object member by member (its arrays
 * element by element), brackets and quotes inside strings, and errors
 * that name the line, column and byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_jsonstream.h"
#include "tap.h"

/* Every item of text, one line each: "V key index value", "S key", "E
 * key", then "end" or "error: message". */
static const char *only; /* imp_js_only_member's key, if any */

static char *items(const char *text)
{
	static char out[4096];
	FILE *f = fmemopen((void *)text, strlen(text), "rb");
	struct imp_js *js = imp_js_open(f, "t.json", 1024);
	struct imp_js_item it;
	char err[512];
	size_t n = 0;
	int rc;

	out[0] = '\0';
	if (only)
		imp_js_only_member(js, only);
	while ((rc = imp_js_next(js, &it, err, sizeof(err))) > 0) {
		if (it.partial) {
			/* P: the member alone. */
			char *p = json_dumps(it.value, JSON_COMPACT);

			n += (size_t)snprintf(out + n, sizeof(out) - n,
					      "P %s\n", p);
			free(p);
			continue;
		}
		char *v = it.value ? json_dumps(it.value,
						JSON_ENCODE_ANY | JSON_COMPACT)
				   : NULL;

		n += (size_t)snprintf(out + n, sizeof(out) - n,
				      "%c %s %zu%s%s\n",
				      it.what == IMP_JS_VALUE	      ? 'V'
				      : it.what == IMP_JS_ARRAY_START ? 'S'
								      : 'E',
				      it.key ? it.key : "-", it.index,
				      v ? " " : "", v ? v : "");
		free(v);
	}
	snprintf(out + n, sizeof(out) - n, rc == 0 ? "end" : "error: %s", err);
	imp_js_close(js);
	fclose(f);
	return out;
}

static void test_array(void)
{
	is_str(items(" [ {\"t\":\"a [ b { c\"}, \"x \\\" ] y\" ,[1,[2]],\n"
		     "3 , {\"u\":\"\\\\\"}, \"{\", null ]\n"),
	       "V - 0 {\"t\":\"a [ b { c\"}\n"
	       "V - 1 \"x \\\" ] y\"\n"
	       "V - 2 [1,[2]]\n"
	       "V - 3 3\n"
	       "V - 4 {\"u\":\"\\\\\"}\n"
	       "V - 5 \"{\"\n"
	       "V - 6 null\n"
	       "end",
	       "an array, element by element; '[' and '\"' in strings are "
	       "text");
	is_str(items("[]"), "end", "an empty array");
}

static void test_object(void)
{
	is_str(items("{\"format\":\"f\", \"meta\" : {\"a\":[1,\"]\"]},\n"
		     "\"people\":[{\"s\":\"p1\"},{\"s\":\"p2\"}],\"none\":[],"
		     "\"k[\\\"\":[\"[\"]}"),
	       "V format 0 \"f\"\n"
	       "V meta 0 {\"a\":[1,\"]\"]}\n"
	       "S people 0\n"
	       "V people 0 {\"s\":\"p1\"}\n"
	       "V people 1 {\"s\":\"p2\"}\n"
	       "E people 0\n"
	       "S none 0\n"
	       "E none 0\n"
	       "S k[\" 0\n"
	       "V k[\" 0 \"[\"\n"
	       "E k[\" 0\n"
	       "end",
	       "an object, member by member, its arrays element by element");
}

static void test_errors(void)
{
	is_str(items("[{\"a\":1},\n{\"b\":"),
	       "V - 0 {\"a\":1}\n"
	       "error: t.json: not valid JSON at line 2, column 6 (byte 15): "
	       "the file ends inside the value that starts at line 2, column "
	       "1 (byte 10)",
	       "a file cut inside an element");
	is_str(items("[1 2]"),
	       "V - 0 1\n"
	       "error: t.json: not valid JSON at line 1, column 4 (byte 3): "
	       "',' or ']' is expected after an element",
	       "a missing comma");
	is_str(items("[1,2"),
	       "V - 0 1\nV - 1 2\n"
	       "error: t.json: not valid JSON at line 1, column 5 (byte 4): "
	       "the file ends before the array's closing ']'",
	       "a file cut after an element");
	is_str(items("[1] x"),
	       "V - 0 1\n"
	       "error: t.json: not valid JSON at line 1, column 5 (byte 4): "
	       "text after the end of the JSON",
	       "text after the end");
	is_str(items("[1,]"),
	       "V - 0 1\n"
	       "error: t.json: not valid JSON at line 1, column 4 (byte 3): "
	       "a value is missing",
	       "a missing value");
	ok(strstr(items("[1,\n  {\"a\" 1}]"),
		  "error: t.json: not valid JSON at line 2, column 8 ") != NULL,
	   "jansson's error is placed in the file");
	is_str(items("{\"a\":1,}"),
	       "V a 0 1\n"
	       "error: t.json: not valid JSON at line 1, column 8 (byte 7): "
	       "a member's name (a string) is expected",
	       "a trailing comma in an object");
	is_str(items(""),
	       "error: t.json: not valid JSON at line 1, column 1 (byte 0): "
	       "the file has no value",
	       "an empty file");
	ok(strstr(items("[\"aaaaaaaaaa\", \"" /* over the 1024-byte limit */
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
			"aa"
			"\"]"),
		  "error: t.json: not valid JSON at line 1, column 16 (byte "
		  "15): "
		  "a value larger than 1024 bytes") != NULL,
	   "a value over the limit is refused where it starts");
}

/* One member of each element: the rest scanned, not parsed. */
static void test_only_member(void)
{
	only = "people";
	is_str(items("[{\"kind\": \"main\", \"people\": [{\"slug\": \"a\"}],"
		     " \"t\": \"} ] \\\" {\"},\n"
		     " {\"t\": [1, {\"people\": 2}]}, {}, 7,"
		     " {\"peo\\u0070le\": []}, {\"people\": [], \"people\": "
		     "[1]}]"),
	       "P {\"people\":[{\"slug\":\"a\"}]}\n"
	       "P {}\n"
	       "P {}\n"
	       "V - 3 7\n"
	       "V - 4 {\"people\":[]}\n"
	       "V - 5 {\"people\":[1]}\n"
	       "end",
	       "one member alone; a nested one is not it; an escaped name or a "
	       "member twice is parsed whole");
	ok(strstr(items("[{\"people\": [1,], \"x\": 1}]"),
		  "error: t.json: not valid JSON at line 1, column 16 (byte "
		  "16)") != NULL,
	   "a member that does not parse: the whole element's error, where "
	   "it is");
	is_str(items("[{\"people\": [], \"x\": tru}]"),
	       "P {\"people\":[]}\nend",
	       "the rest is only scanned: not parsed, not checked");
	only = NULL;
}

int main(void)
{
	test_array();
	test_only_member();
	test_object();
	test_errors();
	return tap_done();
}
