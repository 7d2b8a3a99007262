/* commands: the subcommands for scripts (events, goto, replay, notes; in
 * cast.c people and split), each printing in the chosen format. */
#ifndef BOARDROOM_COMMANDS_H
#define BOARDROOM_COMMANDS_H

#include <stdio.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/split.h"
#include "boardroom/when.h"
#include "cli/output.h"

/* What a command runs with; the cli module fills it and owns db. */
struct cmd_ctx {
	struct br_db *db;
	const char *db_name; /* its file, for messages (not owned) */
	enum br_lang lang;
	struct br_zone zone;
	enum out_format format;
	struct br_filter filter;   /* its search points at compiled */
	char search[256];	   /* --search, "" if none */
	struct br_search compiled; /* search, compiled once; cli frees it */
	long limit;		   /* -1: no limit */
	br_instant after;	   /* with has_after: only events after this */
	int has_after;
	const char *at_text;   /* split --at, or NULL */
	const char *from_text; /* compare --from, --to as typed, or NULL */
	const char *to_text;
	const char *arg;       /* goto's WHEN, replay's SCRIPT */
	const char *size_text; /* replay --size, or NULL */
	int timing;	       /* replay --time */
	int ruler_all;	       /* the config's set ruler = all */
	const char *file;      /* notes import's FILE, or NULL */
	const char *dataset;   /* notes: the dataset's identity */
	FILE *out;

	/* lanes (cli/lanes.c): --width as typed or NULL; --format svg;
	 * --stance. */
	const char *width_text;
	int svg, stance;
};

int cmd_events(struct cmd_ctx *ctx);
int cmd_people(struct cmd_ctx *ctx);
int cmd_split(struct cmd_ctx *ctx);
int cmd_compare(struct cmd_ctx *ctx);

/* cast.c's JSON of the split's members (board: with seats and chair) and
 * of a figure, for compare too; new values the caller owns. */
json_t *cast_members_json(const struct br_member *m, size_t n, int board);
json_t *cast_figure_json(const struct br_figure *f);
int cmd_goto(struct cmd_ctx *ctx);
int cmd_replay(struct cmd_ctx *ctx);
int cmd_notes(struct cmd_ctx *ctx);

/* Parses text as a WHEN in ctx's zone, the crisis window's start as the
 * reference. Returns 0, or 2 after printing the error */
int cmd_parse_when(struct cmd_ctx *ctx, const char *text, struct br_when *w);

/* style for instant t, in ctx's zone: the form of it that names the year
 * (br_when_year_style) when t falls in another year than the dataset's
 * (meta year, where a date typed without a year lands), else style
 * itself. The explorer's rule (ui_when_style). */
enum br_when_style cmd_when_style(struct cmd_ctx *ctx, enum br_when_style style,
				  br_instant t);
/* A list's style for t: br_when_short_style from the window's start and
 * the dataset's year. */
enum br_when_style cmd_short_style(struct cmd_ctx *ctx, br_instant t);

#endif
