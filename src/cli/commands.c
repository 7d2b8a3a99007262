#include "cli/commands.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/notes.h"
#include "boardroom/scan.h"
#include "boardroom/text.h"
#include "cli/export.h"
#include "cli/replay.h"
#include "cli/report.h"

/* events */

int cmd_events(struct cmd_ctx *ctx)
{
	struct br_key key = {ctx->after, INT64_MAX};
	struct br_scan *scan =
		br_scan_open(ctx->db, &ctx->filter,
			     ctx->has_after ? &key : NULL, ctx->limit);
	const struct br_detail *row;
	int first = 1, rc;

	out_buffer(stdout);
	if (ctx->out != stdout)
		out_buffer(ctx->out);
	export_begin(ctx);
	while ((rc = br_scan_next(scan, &row)) == 1) {
		export_event(ctx, row, first);
		first = 0;
	}
	/* The reason, before the end of the transaction clears it. */
	rc = rc < 0 ? report_db(ctx->db) : 0;
	br_scan_close(scan);
	if (!rc)
		export_end(ctx, first);
	return rc;
}

int cmd_parse_when(struct cmd_ctx *ctx, const char *text, struct br_when *w)
{
	const struct br_meta *m = br_db_meta(ctx->db);
	struct br_when_ctx wc = {&ctx->zone, m->window_start, m->window_start,
				 m->year};
	char err[256];

	if (br_when_parse(text, &wc, w, err, sizeof(err)) < 0)
		return report_fail("bad date '%.80s': %s", text, err);
	return 0;
}

enum br_when_style cmd_when_style(struct cmd_ctx *ctx, enum br_when_style style,
				  br_instant t)
{
	return br_when_year_style(style, t, br_db_meta(ctx->db)->year,
				  &ctx->zone);
}

enum br_when_style cmd_short_style(struct cmd_ctx *ctx, br_instant t)
{
	const struct br_meta *m = br_db_meta(ctx->db);

	return br_when_short_style(t, m->window_start, m->year, &ctx->zone);
}

/* goto */

int cmd_goto(struct cmd_ctx *ctx)
{
	struct br_detail d = {0};
	struct br_when w;
	struct br_key key;
	char iso[40];
	int rc;

	if (cmd_parse_when(ctx, ctx->arg, &w))
		return 2;
	br_when_format(iso, sizeof(iso), w.at, w.at, BR_PREC_MINUTE, 0,
		       &ctx->zone, ctx->lang, BR_WHEN_ISO);
	rc = br_events_nearest(ctx->db, &ctx->filter, w.t_min, w.t_max, &key);
	if (rc == 1)
		rc = br_event_detail(ctx->db, key.id, &d);
	if (rc < 0) {
		br_detail_free(&d);
		return report_db(ctx->db);
	}
	if (ctx->format == OUT_JSON) {
		json_t *o = json_pack("{s:s, s:s}", "at", iso, "precision",
				      br_precision_name(w.precision));

		if (rc == 1)
			json_object_set_new(o, "event",
					    export_event_json(ctx, &d));
		out_json_print(ctx->out, o, JSON_INDENT(2));
		fputc('\n', ctx->out);
	} else {
		fprintf(ctx->out, "%s\n", iso);
		if (rc == 1)
			export_event_text(ctx, &d.ev);
	}
	br_detail_free(&d);
	return 0;
}

/* replay */

int cmd_replay(struct cmd_ctx *ctx)
{
	int cols = 80, rows = 24, rc;
	FILE *script;

	struct stat st;

	if (ctx->size_text &&
	    (sscanf(ctx->size_text, "%dx%d", &cols, &rows) != 2 || cols < 1 ||
	     rows < 1 || cols > 1000 || rows > 1000))
		return report_fail("bad --size '%.40s': COLSxROWS, e.g. 80x24",
				   ctx->size_text);
	if (strcmp(ctx->arg, "-") && stat(ctx->arg, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return report_fail("%s: is a directory, not a script",
				   ctx->arg);
	script = strcmp(ctx->arg, "-") ? fopen(ctx->arg, "r") : stdin;
	if (!script)
		return report_fail("%s: cannot open: %s", ctx->arg,
				   strerror(errno));
	rc = replay_run(ctx->db, ctx->lang, &ctx->zone, ctx->ruler_all, cols,
			rows, script, ctx->arg, ctx->timing, ctx->out);
	/* fgets stops at an error as at the end: say which it was. */
	if (rc == 0 && ferror(script))
		rc = report_fail("%s: cannot read: %s", ctx->arg,
				 strerror(errno));
	if (script != stdin)
		fclose(script);
	return rc;
}

/* notes */

/* One bookmark in ctx->format: when and at are its event's time (when_col
 * as text's time column has it), found whether the dataset still has it;
 * JSON goes into arr. */
static void note_emit(struct cmd_ctx *ctx, const struct br_mark *m,
		      const char *title, const char *when, const char *when_col,
		      const char *at, int found, json_t *arr)
{
	char *note, *p, *nl;

	switch (ctx->format) {
	case OUT_JSON:
		json_array_append_new(
			arr,
			json_pack("{s:o, s:s, s:s, s:o, s:o, s:o, s:b, s:s}",
				  "marker", out_json_str(m->marker), "at", at,
				  "time", when, "title", out_json_str(title),
				  "title_en", out_json_str(m->title_en), "note",
				  out_json_str(m->note), "found", found,
				  "dataset", ctx->dataset));
		break;
	case OUT_CSV:
		out_csv(ctx->out, m->marker);
		fprintf(ctx->out, ",%s,", at);
		out_csv(ctx->out, when);
		fputc(',', ctx->out);
		out_csv(ctx->out, title);
		fputc(',', ctx->out);
		out_csv(ctx->out, m->note);
		fputs("\r\n", ctx->out);
		break;
	case OUT_MD:
		fputs("| ", ctx->out);
		out_md(ctx->out, m->marker);
		fputs(" | ", ctx->out);
		out_md(ctx->out, when);
		fputs(" | ", ctx->out);
		out_md(ctx->out, title);
		fputs(" | ", ctx->out);
		out_md(ctx->out, m->note);
		fputs(" |\n", ctx->out);
		break;
	case OUT_ICS: /* events only: cli.c refuses it here */
	case OUT_TIMELINEJS:
	case OUT_TEXT:
		fputs("★ ", ctx->out);
		out_pad(ctx->out, m->marker, 9);
		export_when_pad(ctx, found ? when_col : at);
		out_text(ctx->out, title);
		fprintf(ctx->out, "%s\n",
			found ? "" : " (not in this dataset)");
		note = out_clean(m->note, OUT_KEEP_LF);
		for (p = note; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			fprintf(ctx->out, "    %.*s\n",
				(int)(nl ? nl - p : (long)strlen(p)), p);
			if (!nl)
				break;
		}
		free(note);
		break;
	}
}

/* "2023-11-17T20:00:00Z" (what br_when_iso_utc writes) into *t: 0, or -1
 * if it is not that. */
static int iso_utc(const char *s, br_instant *t)
{
	int y, mo, d, h, mi, sec, n = 0;
	int64_t era, yoe, doy, doe;

	if (sscanf(s, "%5d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec,
		   &n) != 6 ||
	    s[n] || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60 || h < 0 || mi < 0 || sec < 0)
		return -1;
	/* Days from 1970-01-01 (Howard Hinnant's days_from_civil). */
	y -= mo <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*t = (era * 146097 + doe - 719468) * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

/* A string member of mark i of the file, or NULL after the error. */
static const char *member(const char *file, size_t i, json_t *o,
			  const char *name, int needed)
{
	json_t *v = json_object_get(o, name);

	if (!v && !needed)
		return "";
	if (json_is_string(v) &&
	    br_text_valid(json_string_value(v), json_string_length(v)) &&
	    strlen(json_string_value(v)) == json_string_length(v))
		return json_string_value(v);
	report_fail("%s: mark %zu: '%s' is %s", file, i + 1, name,
		    v ? "not a string of UTF-8 text" : "missing");
	return NULL;
}

/* Mark i of the file into *m (its strings point into o). 0, or 2 after
 * the error. */
static int import_mark(const char *file, size_t i, json_t *o,
		       const char *dataset, struct br_mark *m)
{
	const char *at, *ds;

	if (!json_is_object(o))
		return report_fail("%s: mark %zu is not an object", file,
				   i + 1);
	if (!(m->marker = (char *)member(file, i, o, "marker", 1)) ||
	    !(at = member(file, i, o, "at", 1)) ||
	    !(m->note = (char *)member(file, i, o, "note", 1)) ||
	    !(ds = member(file, i, o, "dataset", 0)))
		return 2;
	/* title_en is the key of a mark without a marker; an older file
	 * has only title. */
	if (!(m->title_en = (char *)member(file, i, o, "title_en", 0)))
		return 2;
	if (!m->title_en[0] &&
	    !(m->title_en = (char *)member(file, i, o, "title", 0)))
		return 2;
	if (iso_utc(at, &m->ts) < 0)
		return report_fail("%s: mark %zu: 'at' is not an ISO 8601 UTC "
				   "time (2023-11-17T20:00:00Z): '%.40s'",
				   file, i + 1, at);
	if (ds[0] && strcmp(ds, dataset) != 0)
		return report_fail("%s: mark %zu is on another dataset (%.20s; "
				   "this one is %s): give that dataset with "
				   "--db",
				   file, i + 1, ds, dataset);
	return 0;
}

/* boardroom notes import FILE: the marks of FILE (what notes --format
 * json writes) merged into the user database in one transaction. */
static int notes_import(struct cmd_ctx *ctx, struct br_notes *notes)
{
	const char *file = ctx->file;
	int counts[3] = {0, 0, 0}, rc = 0;
	json_error_t jerr;
	json_t *root, *o;
	char err[1500];
	size_t i;

	FILE *f = !strcmp(file, "-") ? stdin : fopen(file, "rb");
	struct stat st;

	if (!f)
		return report_fail("%s: %s", file, strerror(errno));
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return report_fail("%s: is a directory, not a file", file);
	}
	root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
	if (f != stdin)
		fclose(f);
	if (!root)
		return report_fail("%s: not valid JSON at line %d, column %d "
				   "(byte %d): %s",
				   file, jerr.line, jerr.column, jerr.position,
				   jerr.text);
	if (!json_is_array(root)) {
		json_decref(root);
		return report_fail("%s: not an array of marks (what boardroom "
				   "notes --format json writes)",
				   file);
	}
	if (br_notes_begin(notes, err, sizeof(err)) < 0) {
		json_decref(root);
		return report_fail("%s", err);
	}
	json_array_foreach(root, i, o)
	{
		struct br_mark m = {0};
		int r;

		if ((rc = import_mark(file, i, o, br_notes_dataset(notes), &m)))
			break;
		if ((r = br_notes_merge_in(notes, &m)) < 0) {
			rc = -1;
			break;
		}
		counts[r]++;
	}
	json_decref(root);
	if (br_notes_end(notes, rc == 0, err, sizeof(err)) < 0 || rc < 0)
		return report_fail("%s", err);
	if (rc)
		return rc; /* said: nothing was written */
	if (ctx->format == OUT_JSON)
		fprintf(ctx->out,
			"{\"added\": %d, \"merged\": %d, \"unchanged\": "
			"%d}\n",
			counts[BR_NOTES_ADDED], counts[BR_NOTES_MERGED],
			counts[BR_NOTES_UNCHANGED]);
	else
		fprintf(ctx->out, "%d added, %d merged, %d unchanged\n",
			counts[BR_NOTES_ADDED], counts[BR_NOTES_MERGED],
			counts[BR_NOTES_UNCHANGED]);
	return 0;
}

int cmd_notes(struct cmd_ctx *ctx)
{
	struct br_marks marks = {0};
	struct br_notes *notes;
	json_t *arr = json_array();
	char err[1100];
	size_t i;

	notes = br_notes_open(ctx->db, NULL, err, sizeof(err));
	if (!notes) {
		json_decref(arr);
		return report_fail("%s", err);
	}
	if (ctx->file) {
		int rc = notes_import(ctx, notes);

		json_decref(arr);
		br_notes_close(notes);
		return rc;
	}
	ctx->dataset = br_notes_dataset(notes);
	if (br_notes_list(notes, &marks) < 0) {
		json_decref(arr);
		br_notes_close(notes);
		br_notes_default_path(err, sizeof(err));
		return report_fail("%s: cannot read the user database", err);
	}
	if (ctx->format == OUT_CSV)
		fputs("marker,at,time,title,note\r\n", ctx->out);
	else if (ctx->format == OUT_MD)
		fputs("| Marker | Time | Title | Note |\n|---|---|---|---|\n",
		      ctx->out);
	for (i = 0; i < marks.n; i++) {
		const struct br_mark *m = &marks.rows[i];
		struct br_detail d = {0};
		const char *title = m->title_en;
		char when[64] = "", when_col[64] = "", at[32];
		int found = m->event_id &&
			    br_event_detail(ctx->db, m->event_id, &d) == 1;

		br_when_iso_utc(at, sizeof(at), m->ts);
		if (found) {
			title = export_in_lang(d.ev.title, ctx->lang);
			br_when_format(when, sizeof(when), d.ev.t_min,
				       d.ev.t_max, d.ev.precision,
				       d.ev.inferred, &ctx->zone, ctx->lang,
				       cmd_short_style(ctx, d.ev.t_min));
			export_when_column(ctx, &d.ev, when_col,
					   sizeof(when_col));
		}
		note_emit(ctx, m, title, when, when_col, at, found, arr);
		br_detail_free(&d);
	}
	if (ctx->format == OUT_JSON) {
		out_json_print(ctx->out, arr, JSON_INDENT(2));
		fputc('\n', ctx->out);
	} else {
		json_decref(arr);
	}
	br_marks_free(&marks);
	br_notes_close(notes);
	return 0;
}
