#include "cli/commands.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/notes.h"
#include "boardroom/text.h"
#include "cli/export.h"
#include "cli/replay.h"
#include "cli/report.h"

/* A query failed: the database's file and what is wrong with it. */
static int db_error(struct cmd_ctx *ctx)
{
	return report_fail("%s", br_db_errmsg(ctx->db));
}

/* events */

int cmd_events(struct cmd_ctx *ctx)
{
	struct br_page page = {0};
	struct br_key key = {ctx->after, INT64_MAX};
	const struct br_key *from = ctx->has_after ? &key : NULL;
	long left = ctx->limit;
	int first = 1, n;

	export_begin(ctx);
	for (;;) {
		size_t want = 256;

		if (left >= 0 && (size_t)left < want)
			want = (size_t)left;
		if (!want)
			break;
		n = br_events_page(ctx->db, &ctx->filter, from, BR_AFTER, want,
				   &page);
		if (n < 0) {
			br_page_free(&page);
			return db_error(ctx);
		}
		for (size_t i = 0; i < page.n; i++, first = 0)
			export_event(ctx, &page.rows[i], first);
		if ((size_t)n < want)
			break;
		key.ts = page.rows[n - 1].ts;
		key.id = page.rows[n - 1].id;
		from = &key;
		if (left > 0)
			left -= n;
	}
	export_end(ctx, first);
	br_page_free(&page);
	return 0;
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
		return db_error(ctx);
	}
	if (ctx->format == OUT_JSON) {
		json_t *o = json_pack("{s:s, s:s}", "at", iso, "precision",
				      br_precision_name(w.precision));

		if (rc == 1)
			json_object_set_new(o, "event",
					    export_event_json(ctx, &d.ev));
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

/* One bookmark in ctx->format: when and at are its event's time, found
 * whether the dataset still has it; JSON goes into arr. */
static void note_emit(struct cmd_ctx *ctx, const struct br_mark *m,
		      const char *title, const char *when, const char *at,
		      int found, json_t *arr)
{
	char *note, *p, *nl;

	switch (ctx->format) {
	case OUT_JSON:
		json_array_append_new(
			arr,
			json_pack("{s:o, s:s, s:s, s:o, s:o, s:b}", "marker",
				  out_json_str(m->marker), "at", at, "time",
				  when, "title", out_json_str(title), "note",
				  out_json_str(m->note), "found", found));
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
		out_pad(ctx->out, found ? when : at, 22);
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

int cmd_notes(struct cmd_ctx *ctx)
{
	const struct br_meta *meta = br_db_meta(ctx->db);
	struct br_marks marks = {0};
	struct br_notes *notes;
	json_t *arr = json_array();
	char err[1100];
	struct stat st;
	size_t i;

	/* SQLite says only "disk I/O error" of a directory. */
	if (br_notes_default_path(err, sizeof(err)) == 0 &&
	    stat(err, &st) == 0 && S_ISDIR(st.st_mode)) {
		json_decref(arr);
		return report_fail("%s: the user database is a directory, not "
				   "a file (set BOARDROOM_USER_DB to a file)",
				   err);
	}
	notes = br_notes_open(ctx->db, NULL, err, sizeof(err));
	if (!notes) {
		json_decref(arr);
		return report_fail("%s", err);
	}
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
		char when[64] = "", at[32];
		int found = m->event_id &&
			    br_event_detail(ctx->db, m->event_id, &d) == 1;

		br_when_iso_utc(at, sizeof(at), m->ts);
		if (found) {
			title = export_in_lang(d.ev.title, ctx->lang);
			br_when_format(when, sizeof(when), d.ev.t_min,
				       d.ev.t_max, d.ev.precision,
				       d.ev.inferred, &ctx->zone, ctx->lang,
				       br_when_short_style(d.ev.t_min,
							   meta->window_start,
							   &ctx->zone));
		}
		note_emit(ctx, m, title, when, at, found, arr);
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
