/* fuzz_import: the importer on arbitrary files.
 *
 * The first byte of the input chooses how it is read: its name ends in
 * .txt (an article), .json or .csv, and whether undecodable bytes are
 * replaced (lossy); the rest is the file. The in-memory layers run on it
 * first (decoding, with detection and as GB18030 and UTF-16LE; then, on
 * the decoded text, cleaning each line and the streaming CSV and JSON
 * readers), then the file is
 * imported into a new database in a temporary directory, twice in one import
 * (the second time fails on its markers, or adds the same events again, and
 * is rolled back alone if it fails), which is read back when the import
 * succeeded: it holds what the files that succeeded imported. Properties: no
 * crash, leak or undefined behaviour; every failure comes with a one-line
 * message; what succeeds is valid UTF-8 and a database that opens. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/text.h"
#include "import/import.h"
#include "import/import_jsonstream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fuzz_import.XXXXXX";

static void check(int cond, const char *what, const char *err)
{
	if (!cond) {
		fprintf(stderr, "invariant broken: %s (%s)\n", what,
			err ? err : "");
		abort();
	}
}

static void check_message(const char *err)
{
	check(err[0] != '\0', "a failure has a message", err);
	check(strchr(err, '\n') == NULL, "the message is one line", err);
}

/* Decodes data with detection, then as GB18030 and UTF-16LE; returns the
 * detected text (the caller frees it) or NULL. */
static char *decoding(const char *data, size_t n, int lossy, size_t *len)
{
	static const char *const encodings[] = {NULL, "GB18030", "UTF-16LE"};
	char *detected = NULL;
	size_t i;

	for (i = 0; i < sizeof(encodings) / sizeof(encodings[0]); i++) {
		struct br_decoded d = {0};
		char err[512] = "";

		if (br_import_decode("in", data, n, encodings[i], lossy, &d,
				     err, sizeof(err)) < 0) {
			check_message(err);
			continue;
		}
		check(d.text != NULL && d.text[d.len] == '\0',
		      "decoded text is NUL-terminated", NULL);
		check(br_text_valid(d.text, d.len), "decoded text is UTF-8",
		      d.encoding);
		if (i == 0) {
			detected = d.text;
			*len = d.len;
		} else {
			free(d.text);
		}
	}
	return detected;
}

static void cleaning(const char *data, size_t n)
{
	char *text = malloc(n + 1), *line, *save = NULL;
	struct br_clean c = {0};

	check(text != NULL, "malloc", NULL);
	memcpy(text, data, n);
	text[n] = '\0';
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *a = br_import_clean_line(line, 0, &c);
		char *b = br_import_clean_line(line, 1, &c);

		check(a && b, "clean gives a line", NULL);
		check(strlen(a) <= strlen(line) && strlen(b) <= strlen(line),
		      "cleaning never lengthens a line", line);
		free(a);
		free(b);
	}
	free(text);
}

/* The streaming CSV reader, record by record, as the importer runs it. */
static void csv(const char *data, size_t n)
{
	FILE *f = fmemopen((void *)data, n ? n : 1, "rb");
	struct br_csv_reader *r;
	struct br_csv_record rec;
	char err[512] = "";
	size_t j;
	int rc;

	check(f != NULL, "fmemopen", NULL);
	r = br_csv_open(f);
	while ((rc = br_csv_next(r, &rec, err, sizeof(err))) > 0)
		for (j = 0; j < rec.n; j++)
			check(rec.fields[j] != NULL, "every field is there",
			      NULL);
	if (rc < 0)
		check_message(err);
	br_csv_close(r);
	fclose(f);
}

/* The streaming JSON reader, item by item: every value is there, an
 * array's end follows its start, and failures are one line. */
static void json(const char *data, size_t n)
{
	FILE *f = fmemopen((void *)data, n ? n : 1, "rb");
	struct imp_js *js;
	struct imp_js_item it;
	char err[512] = "";
	int rc, open = 0;

	check(f != NULL, "fmemopen", NULL);
	js = imp_js_open(f, "in.json", 4096);
	while ((rc = imp_js_next(js, &it, err, sizeof(err))) > 0) {
		check(it.what != IMP_JS_VALUE || it.value != NULL,
		      "a value is delivered", NULL);
		if (it.what == IMP_JS_ARRAY_START)
			open++;
		if (it.what == IMP_JS_ARRAY_END)
			check(open-- == 1, "an array ends once it started",
			      NULL);
	}
	if (rc < 0)
		check_message(err);
	else
		check(open == 0, "every array that starts ends", NULL);
	imp_js_close(js);
	fclose(f);
}

/* The same text read with imp_js_raw, each element of a top-level array
 * parsed apart by imp_js_parse (as the JSON import does, on two threads):
 * the same items and values as the plain reader, and the same first
 * message, word for word. */
static void json_raw(const char *data, size_t n)
{
	FILE *f = fmemopen((void *)data, n ? n : 1, "rb");
	FILE *g = fmemopen((void *)data, n ? n : 1, "rb");
	struct imp_js *a, *b;
	char ea[512] = "", eb[512] = "";
	int ra, rb, partial;

	check(f != NULL && g != NULL, "fmemopen", NULL);
	a = imp_js_open(f, "in.json", 4096);
	b = imp_js_open(g, "in.json", 4096);
	imp_js_raw(b, 1);
	do {
		struct imp_js_item x, y;
		json_t *v = NULL;

		ra = imp_js_next(a, &x, ea, sizeof(ea));
		rb = imp_js_next(b, &y, eb, sizeof(eb));
		if (rb > 0 && y.raw &&
		    !(v = imp_js_parse("in.json", y.raw, y.raw_len, &y, NULL,
				       &partial, eb, sizeof(eb))))
			rb = -1;
		check(ra == rb, "raw: the same outcome as the plain reader",
		      rb < 0 ? eb : ea);
		if (ra < 0)
			check(!strcmp(ea, eb), "raw: the same message", eb);
		if (ra > 0)
			check(x.what == y.what &&
				      (!x.value ||
				       json_equal(x.value, v ? v : y.value)),
			      "raw: the same value", NULL);
		json_decref(v);
	} while (ra > 0 && rb > 0);
	imp_js_close(a);
	imp_js_close(b);
	fclose(f);
	fclose(g);
}

static void remove_db(const char *db)
{
	static const char *const suffixes[] = {"", "-journal", "-wal", "-shm"};
	char path[512];
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", db, suffixes[i]);
		unlink(path);
	}
}

static void remove_dir(void)
{
	rmdir(dir);
}

static void importing(const char *data, size_t n, int format, int lossy)
{
	static const char *const names[] = {"in.txt", "in.json", "in.csv"};
	struct br_import_opts opts = {0};
	struct br_import_report rep;
	struct br_importer *im;
	char file[256], db[256], err[512] = "";
	long rows = 0;
	FILE *f;
	int rc, again;

	snprintf(file, sizeof(file), "%s/%s", dir, names[format]);
	snprintf(db, sizeof(db), "%s/new.db", dir);
	f = fopen(file, "wb");
	check(f != NULL, "temporary file", file);
	check(fwrite(data, 1, n, f) == n && fclose(f) == 0, "write", file);

	opts.lossy = lossy;
	opts.year = 2023;
	opts.tz = "PT";
	im = br_import_begin(db, &opts, err, sizeof(err));
	check(im != NULL, "a new database", err);
	rc = br_import_file(im, file, &rep, err, sizeof(err));
	if (rc < 0)
		check_message(err);
	rows += rc == 0 ? rep.rows : 0;
	br_import_report_free(&rep);
	if (rc == 0) {
		err[0] = '\0';
		again = br_import_file(im, file, &rep, err, sizeof(err));
		if (again < 0)
			check_message(err);
		rows += again == 0 ? rep.rows : 0;
		br_import_report_free(&rep);
	}
	err[0] = '\0';
	if (br_import_end(im, err, sizeof(err)) < 0) {
		check_message(err);
	} else if (rc == 0 && access(db, F_OK) == 0) {
		struct br_db *back =
			br_db_open_file(db, BR_DB_READ, err, sizeof(err));
		struct br_filter flt;

		check(back != NULL, "an imported database opens", err);
		br_filter_init(&flt);
		check(br_events_count(back, &flt) == rows,
		      "an imported database holds what was imported",
		      br_db_errmsg(back));
		br_db_close(back);
	}
	remove_db(db);
	unlink(file);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1;
	char *decoded;
	size_t n, len = 0;
	int format, lossy;

	if (size < 1 || size > 65536)
		return 0;
	if (dir[sizeof(dir) - 2] == 'X') {
		check(mkdtemp(dir) != NULL, "temporary directory", dir);
		atexit(remove_dir);
	}
	format = data[0] % 3;
	lossy = (data[0] >> 2) & 1;
	n = size - 1;

	/* The layers get the text as the importer gives it to them: decoded,
	 * which has no NUL byte. */
	decoded = decoding(text, n, lossy, &len);
	if (decoded) {
		(void)br_import_has_readings(decoded);
		cleaning(decoded, len);
		csv(decoded, len);
		json(decoded, len);
		json_raw(decoded, len);
		free(decoded);
	}
	importing(text, n, format, lossy);
	return 0;
}
