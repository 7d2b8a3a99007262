#include "cli/create.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/gen.h"
#include "boardroom/base.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/report.h"
#include "import/import.h"

/* The report of what was imported. */

static void names_line(FILE *f, const struct br_strings *names)
{
	size_t i;

	for (i = 0; i < names->n; i++) {
		fputs(i ? ", " : "", f);
		out_text(f, names->v[i]);
	}
}

static void report_article(FILE *f, const struct br_import_report *r)
{
	fprintf(f,
		"  dates     %ld stated, %ld inferred from the entry before, "
		"%ld phrases not understood (in ",
		r->dates_stated, r->dates_inferred, r->dates_unread);
	out_text(f, r->tz);
	fprintf(f, ", year %d)\n", r->year);
	fprintf(f, "  people    %ld linked; %zu unknown names%s", r->linked,
		r->unknown.n, r->unknown.n ? ": " : "");
	names_line(f, &r->unknown);
	if (r->cast || r->not_people || r->people_created)
		fprintf(f,
			"\n  cast      %ld people added from the cast, %ld "
			"names left out as not people, %ld people created "
			"(unreviewed)",
			r->cast, r->not_people, r->people_created);
	fprintf(f,
		"\n  cleaned   %ld pinyin readings removed (%ld without tone "
		"marks), %ld runs of U+FFFD removed, %ld dropped-word marks * "
		"kept\n",
		r->pinyin, r->pinyin_toneless, r->fffd_runs, r->stars);
	fprintf(f,
		"  skipped   %ld lines before the first entry, %ld between "
		"entries, %ld after the last\n",
		r->lines_before, r->lines_between, r->lines_after);
}

static void report_text(FILE *f, const struct br_import_report *r)
{
	out_text(f, r->file);
	fprintf(f, ": %s, ", br_import_format_name(r->format));
	out_text(f, r->encoding);
	fprintf(f, "%s (%s)\n", r->bom ? " with BOM" : "",
		r->detected ? "detected" : "given");
	fprintf(f, "  entries   %ld main, %ld aside%s, %ld background\n",
		r->entries[0], r->entries[1], r->entries[1] == 1 ? "" : "s",
		r->entries[2]);
	if (r->format == BR_IMPORT_ARTICLE) {
		report_article(f, r);
	} else {
		fprintf(f, "  dates     %ld stated, %ld inferred\n",
			r->dates_stated, r->dates_inferred);
		fprintf(f, "  people    %ld linked, %ld created\n", r->linked,
			r->people_created);
	}
	fprintf(f, "  lossy     %ld bytes replaced with U+FFFD\n", r->replaced);
	fprintf(f, "  imported  %ld events, %ld notes\n", r->rows, r->notes);
}

static json_t *report_json(const struct br_import_report *r)
{
	json_t *unknown = json_array();
	size_t i;

	for (i = 0; i < r->unknown.n; i++)
		json_array_append_new(unknown, out_json_str(r->unknown.v[i]));
	return json_pack(
		"{s:o, s:s, s:o, s:b, s:b, s:{s:I, s:I, s:I},"
		" s:{s:I, s:I, s:I}, s:{s:I, s:I, s:o, s:I, s:I},"
		" s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I}, s:I, s:I, s:I}",
		"file", out_json_str(r->file), "format",
		br_import_format_name(r->format), "encoding",
		out_json_str(r->encoding), "encoding_detected", r->detected,
		"bom", r->bom, "entries", "main", (json_int_t)r->entries[0],
		"aside", (json_int_t)r->entries[1], "background",
		(json_int_t)r->entries[2], "dates", "stated",
		(json_int_t)r->dates_stated, "inferred",
		(json_int_t)r->dates_inferred, "not_understood",
		(json_int_t)r->dates_unread, "people", "linked",
		(json_int_t)r->linked, "created", (json_int_t)r->people_created,
		"unknown", unknown, "cast", (json_int_t)r->cast, "not_people",
		(json_int_t)r->not_people, "cleaning", "pinyin",
		(json_int_t)r->pinyin, "pinyin_toneless",
		(json_int_t)r->pinyin_toneless, "fffd_runs",
		(json_int_t)r->fffd_runs, "dropped_word_marks",
		(json_int_t)r->stars, "lines_before",
		(json_int_t)r->lines_before, "lines_between",
		(json_int_t)r->lines_between, "lines_after",
		(json_int_t)r->lines_after, "lossy_replacements",
		(json_int_t)r->replaced, "events", (json_int_t)r->rows, "notes",
		(json_int_t)r->notes);
}

static void import_print(FILE *out, enum out_format format, const char *into,
			 int created, const struct br_import_report *reps,
			 size_t n)
{
	json_t *files, *doc;
	size_t i;

	if (format == OUT_JSON) {
		files = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(files, report_json(&reps[i]));
		doc = json_pack("{s:o, s:b, s:o}", "database",
				out_json_str(into), "created", created, "files",
				files);
		json_dumpf(doc, out, JSON_INDENT(2));
		json_decref(doc);
		fputc('\n', out);
		return;
	}
	for (i = 0; i < n; i++)
		report_text(out, &reps[i]);
	out_text(out, into);
	fprintf(out, ": %s\n", created ? "created" : "added to");
}

/* A whole number option within [min, max]; -1 after printing an error. */
static int64_t number(const char *name, const char *text, int64_t dflt,
		      int64_t min, int64_t max)
{
	char *end;
	long long v;

	if (!text)
		return dflt;
	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || *end || end == text || v < min || v > max) {
		report_fail("bad --%s '%.80s': a number from %lld to %lld is "
			    "needed",
			    name, text, (long long)min, (long long)max);
		return -1;
	}
	return v;
}

static void gen_progress(int64_t done, int64_t total, void *data)
{
	(void)data;
	fprintf(stderr, "\rboardroom gen: %lld of %lld events", (long long)done,
		(long long)total);
}

int create_gen(const struct opt_raw *r)
{
	struct br_gen_opts o = {0};
	char err[512];
	int64_t seed;

	if (!r->into || !r->events)
		return report_fail("gen needs --events N and --into FILE");
	if (!r->into[0])
		return report_fail("--into needs a file name");
	o.events = number("events", r->events, 0, 0, 100000000);
	o.people = number("people", r->people_n, 10000, 1, 10000000);
	seed = number("seed", r->seed, 1, 0, INT64_MAX);
	if (o.events < 0 || o.people < 0 || seed < 0)
		return 2;
	o.seed = (uint64_t)seed;
	o.path = r->into;
	o.progress = isatty(STDERR_FILENO) ? gen_progress : NULL;
	if (br_gen(&o, err, sizeof(err)) < 0) {
		if (o.progress)
			fputc('\n', stderr);
		return report_fail("%s", err);
	}
	if (o.progress)
		fputc('\n', stderr);
	return 0;
}

/* The options of import; 0, or 2 after a message. */
static int import_opts(const struct opt_raw *r, struct br_import_opts *o,
		       enum out_format *format)
{
	int64_t year;

	if (!r->into || !r->n_args)
		return report_fail(
			"import needs FILE... and --into DB (see boardroom "
			"import --help)");
	if (!r->into[0])
		return report_fail("--into needs a file name");
	*format = OUT_TEXT;
	if (r->format && (out_format_parse(r->format, format) < 0 ||
			  (*format != OUT_TEXT && *format != OUT_JSON)))
		return report_fail("unknown report format '%.80s' (text, json)",
				   r->format);
	year = number("year", r->year, 0, 1, 9999);
	if (year < 0)
		return 2;
	memset(o, 0, sizeof(*o));
	o->encoding = r->encoding;
	o->lossy = (r->seen & OPT_LOSSY) != 0;
	o->year = (int)year;
	o->tz = r->tz;
	o->source = r->source;
	if (r->people_n && !r->people_n[0])
		return report_fail("--people needs a file name");
	o->people = r->people_n;
	o->create_people = (r->seen & OPT_CREATE_PEOPLE) != 0;
	return 0;
}

/* import: each file in turn, stopping at the first that fails (those
 * before it stay imported); the report of those imported, none if the
 * import's transaction failed to commit. */
int create_import(const struct opt_raw *r)
{
	struct br_import_report *reps;
	struct cmd_ctx ctx = {0};
	struct br_import_opts o;
	struct br_importer *im;
	char err[1024];
	size_t n = 0;
	int rc = import_opts(r, &o, &ctx.format), created;

	if (rc)
		return rc;
	im = br_import_begin(r->into, &o, err, sizeof(err));
	if (!im)
		return report_fail("%s", err);
	created = br_import_created(im);
	reps = br_xcalloc(r->n_args, sizeof(*reps));
	for (; n < r->n_args && rc == 0; n++)
		if (br_import_file(im, r->args[n], &reps[n], err, sizeof(err)) <
		    0)
			rc = report_fail("%s", err);
	if (rc)
		br_import_report_free(&reps[--n]);
	if (br_import_end(im, err, sizeof(err)) < 0) {
		if (!rc)
			rc = report_fail("%s", err);
		while (n) /* nothing was imported: no report */
			br_import_report_free(&reps[--n]);
	}
	/* The text report is in the locale's charset, whatever --encoding
	 * (that of the files); JSON is UTF-8. */
	if (n && (ctx.format != OUT_TEXT || !out_open(NULL, &ctx.out))) {
		if (ctx.format != OUT_TEXT)
			ctx.out = stdout;
		import_print(ctx.out, ctx.format, r->into, created, reps, n);
		if (ctx.out != stdout)
			fclose(ctx.out);
	}
	out_warn();
	while (n)
		br_import_report_free(&reps[--n]);
	free(reps);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = out_write_failed();
	return rc;
}
