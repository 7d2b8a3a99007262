#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/split.h"
#include "boardroom/text.h"
#include "boardroom/when.h"
#include "cli/check.h"
#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/config.h"
#include "cli/create.h"
#include "cli/explorer.h"
#include "cli/export_dataset.h"
#include "cli/lanes.h"
#include "cli/options.h"
#include "cli/report.h"

static int completion(const struct opt_raw *r);

/* The commands, each with the options that apply to it. */
static const struct command {
	const char *name;
	int (*run)(struct cmd_ctx *ctx); /* with a database open */
	unsigned opts;
	const char *args; /* positional arguments, for usage */
	const char *summary;
	const char *more;			 /* longer help, or NULL */
	int (*run_raw)(const struct opt_raw *r); /* or: opens what it needs */
	int hidden;				 /* not in the main help */
} commands[] = {
	{"events", cmd_events,
	 OPT_GLOBAL | OPT_FORMAT | OPT_PERSON | OPT_ALL | OPT_KIND |
		 OPT_FACTION | OPT_FROM | OPT_TO | OPT_SEARCH | OPT_LIMIT |
		 OPT_AFTER | OPT_ENCODING,
	 "", "list events in time order",
	 "JSON is one array of objects with marker, kind, start and end (ISO\n"
	 "8601 UTC), at (the instant it sorts by), precision, inferred,\n"
	 "time_text, title and summary ({en, zh}), people ({slug, name,\n"
	 "name_zh, role}) and notes. CSV has the same fields, and people in\n"
	 "participants as slug:role:name:name_zh joined by |. boardroom\n"
	 "import reads both back. ics is iCalendar (RFC 5545), timelinejs the\n"
	 "JSON of TimelineJS3; both keep each event's precision.\n",
	 NULL, 0},
	{"people", cmd_people,
	 OPT_GLOBAL | OPT_FORMAT | OPT_SEARCH | OPT_AT | OPT_ENCODING, "",
	 "list people, organisations and groups (--search narrows)",
	 "Each with their tier, and at --at (default: the window's end) their\n"
	 "line and their stance in the crisis; for one not placed in the\n"
	 "split, its tier instead.\n",
	 NULL, 0},
	{"split", cmd_split, OPT_GLOBAL | OPT_FORMAT | OPT_AT | OPT_ENCODING,
	 "", "who stood on which side at a moment; the board, CEO and figures",
	 "The state at the instant --at names (its first: 'Nov 20\n"
	 "evening' is 18:00), not at the nearest event: the CEO; the\n"
	 "board and the seats it holds (a group counts its people; the\n"
	 "chair is marked); each line (safety, accelerationist, none\n"
	 "stated) with its people and, after each name, their stance in\n"
	 "the crisis (<With the board>, <For Altman's return>; none\n"
	 "shown: neither); the figures that hold, and past ones with\n"
	 "their dates. Only the cast that acts is placed; names only\n"
	 "mentioned are not. The clock T counts from the start of the\n"
	 "crisis window (12:03 PT Nov 17 in the bundled dataset).\n",
	 NULL, 0},
	{"lanes", cmd_lanes,
	 OPT_GLOBAL | OPT_FORMAT | OPT_FROM | OPT_TO | OPT_WIDTH | OPT_STANCE |
		 OPT_PERSON | OPT_KIND | OPT_FACTION | OPT_ENCODING,
	 "", "the sides over time: a lane for each actor, as text or SVG",
	 "A lane for each of the cast the split places (most events first),\n"
	 "drawn in their line over time (--stance: their crisis stance),\n"
	 "with an o where they take part in an event; the CEO and the seats\n"
	 "on the board in lanes on top. By default the days of the crisis\n"
	 "window. Text marks each side with its own character, so it reads\n"
	 "without colour. svg is one standalone picture for an article: the\n"
	 "lanes, the day grid, each event a dot whose tooltip is its title,\n"
	 "and a legend; the fonts fall back to CJK ones for Chinese.\n",
	 NULL, 0},
	{"compare", cmd_compare,
	 OPT_GLOBAL | OPT_FORMAT | OPT_FROM | OPT_TO | OPT_LIMIT | OPT_ENCODING,
	 "", "what changed between two moments: CEO, seats, sides, figures",
	 "Two moments, --from and --to (each the first instant its WHEN\n"
	 "names; one left out is the start or the end of the crisis\n"
	 "window): the CEO at each and every CEO in between, with the\n"
	 "stretches when there was none; the board's seats vacated,\n"
	 "filled and kept (a group counts its people; the chair is\n"
	 "marked); each actor whose line or crisis stance changed, with\n"
	 "the events that moved them; each figure then and now; and the\n"
	 "events in between, after --from and up to --to (how many, then\n"
	 "each, up to --limit). --from later than --to is an error. JSON\n"
	 "has from, to, ceo (then, now, between), board (seats_then,\n"
	 "seats_now, vacated, filled, kept), movers (total, people with\n"
	 "then, now and moves), figures (then, now, changed) and events\n"
	 "(count, list as boardroom events writes them).\n",
	 NULL, 0},
	{"goto", cmd_goto, OPT_GLOBAL | OPT_FORMAT | OPT_ENCODING, "WHEN",
	 "print the moment WHEN names and the event nearest to it",
	 "Prints the instant understood (ISO 8601 with the zone's offset) on\n"
	 "the first line, then the nearest event. Relative forms (+3h) and\n"
	 "weekdays count from the start of the crisis window.\n",
	 NULL, 0},
	{"notes", cmd_notes, OPT_GLOBAL | OPT_FORMAT | OPT_ENCODING,
	 "[import FILE]",
	 "list your bookmarks and notes on this dataset, in time order",
	 "Bookmarks and notes are made in the explorer (m, a) and kept in\n"
	 "the user database: $BOARDROOM_USER_DB, else\n"
	 "$XDG_DATA_HOME/boardroom/user.db, else\n"
	 "~/.local/share/boardroom/user.db. They are filed by the dataset's\n"
	 "title and source and each event's marker (else its time and\n"
	 "title), so they survive rebuilding the dataset. JSON is an array of\n"
	 "objects with marker, at (ISO 8601 UTC), time, title, title_en,\n"
	 "note, found (false if the dataset has the event no more) and\n"
	 "dataset (its identity).\n"
	 "\n"
	 "notes import FILE reads that JSON (- for standard input) into the\n"
	 "user database, in one transaction: a mark not there is added; one\n"
	 "there with another note is merged as two edits of one note are in\n"
	 "the explorer (the text both have once; where both differ, both\n"
	 "kept). It prints how many marks were added, merged and unchanged;\n"
	 "importing twice changes nothing.\n",
	 NULL, 0},
	{"replay", cmd_replay, OPT_GLOBAL | OPT_SIZE | OPT_TIME, "SCRIPT",
	 "play a script of keys into the explorer, without a terminal",
	 "Each line of SCRIPT (or - for standard input): 'keys j j Enter',\n"
	 "'type Nov 19', 'resize 120 40', 'dump' (print the screen), '#'.\n"
	 "With --time, each line's keys and frame are timed (microseconds).\n"
	 "For measuring: 'cold' drops the database from the page caches;\n"
	 "'floor page', 'floor search WORD', ... time the least SQL for an\n"
	 "operation (tools/bench.py).\n",
	 NULL, 0},
	{"export", cmd_export, OPT_GLOBAL | OPT_FORMAT, "",
	 "write the whole dataset as one JSON document",
	 "The interchange format (doc/dataset.md; JSON Schema in\n"
	 "doc/dataset.schema.json): one object with format\n"
	 "\"boardroom-dataset\", version 1, meta (title, source, zone, year,\n"
	 "the crisis window, whose start is T+0, and the identity your notes\n"
	 "are filed under), then tiers, factions, role_titles, figure_kinds,\n"
	 "people (kind, tier, aliases), events (each with its participants,\n"
	 "source notes and mark, the key of your notes on it), stances,\n"
	 "roles and figures over time, and not_people. boardroom import\n"
	 "reads it back into a new database, the same in every answer.\n"
	 "--format json is the default and the only format.\n",
	 NULL, 0},
	{"check", NULL, OPT_DB, "[FILE|DB]",
	 "check a dataset and name each problem with its place",
	 "FILE is a dataset document (export's format), DB a database; none:\n"
	 "--db, else the bundled dataset. One line per problem, FILE: PLACE:\n"
	 "what is wrong, where PLACE is a JSON pointer (/roles/3/until) or\n"
	 "a table and id (role 12): a stance change with no event, two CEOs\n"
	 "at once, a role that ends before it starts or whose times are not\n"
	 "its events', an alias shared by two people, a figure without a\n"
	 "unit (no figure kind), an event more than a century from the\n"
	 "crisis window or outside its own start and end, a reference to\n"
	 "nothing, a member the format does not have. A database is checked\n"
	 "by queries, in little memory whatever its size. Exit status 2 if\n"
	 "there is any problem.\n",
	 .run_raw = check_run},
	{"import", NULL,
	 OPT_INTO | OPT_ENCODING | OPT_YEAR | OPT_TZ | OPT_SOURCE | OPT_LOSSY |
		 OPT_FORMAT | OPT_PEOPLE | OPT_CREATE_PEOPLE,
	 "FILE...", "read articles, JSON, CSV or a dataset into a database",
	 "Creates DB (--into), or adds to it, one transaction per FILE: a "
	 "file\n"
	 "with an error leaves DB as it was. An article (plain text in any\n"
	 "charset; UTF-8, UTF-16/32 with a BOM, GB18030 and Big5 are "
	 "detected)\n"
	 "gives one event per entry 主線#01 / 主线#01 / 花絮1, dated by the\n"
	 "date phrases in it (11月17日中午12點, 17號下午3點) in --tz (default\n"
	 "PT) and --year; people are linked by the names the database knows.\n"
	 "JSON and CSV are what boardroom events --format json or csv writes;\n"
	 "a JSON object is a whole dataset (boardroom export), imported into\n"
	 "a new database. --people FILE links an article's names to a cast\n"
	 "(a dataset's people, or a CSV with a header of name, name_zh,\n"
	 "aliases joined by |, kind: person, org, group or not_person, and\n"
	 "slug); names the cast lists as not people are left out of the\n"
	 "unknown names, and --create-people makes an unreviewed person for\n"
	 "each name still unknown.\n"
	 "The report (--format text or json) counts, per file, the entries,\n"
	 "the dates read and inferred, the people linked, the unknown names\n"
	 "and all that cleaning removed or skipped.\n",
	 .run_raw = create_import},
	{"gen", NULL, OPT_EVENTS | OPT_PEOPLE | OPT_SEED | OPT_INTO, "",
	 "generate a large timeline database for measuring",
	 "The same seed makes the same database: events in bursts over ten\n"
	 "years, one to four people each with a skewed popularity, English\n"
	 "and Chinese texts, aliases, factions and stance changes. Two cores:\n"
	 "the trigram index is built beside FILE in FILE-search, then copied\n"
	 "in; a million events take about a minute and 0.7 GB.\n",
	 .run_raw = create_gen},
	{"completion", NULL, 0, "bash|zsh",
	 "print the shell completion script for bash or zsh",
	 "Written from the program's own tables of commands and options, so\n"
	 "it knows each command's options, the --format, --lang, --tz, --kind\n"
	 "and --faction values, and completes --person with the people of the\n"
	 "database (--db on the line, else the bundled dataset). meson\n"
	 "installs both where the shells look for them.\n",
	 .run_raw = completion, .hidden = 1},
	{"config", NULL, OPT_GLOBAL, "",
	 "print the settings in effect and where each came from",
	 "The config file is --config FILE, else $BOARDROOM_CONFIG, else\n"
	 "$XDG_CONFIG_HOME/boardroom/config, else ~/.config/boardroom/config\n"
	 "(--no-config: none). Its lines, as tig's:\n"
	 "  set lang = zh              set zone = Beijing\n"
	 "  set ruler = all            set db = ~/crisis.db\n"
	 "  color safety blue default  (STYLE FOREGROUND BACKGROUND)\n"
	 "  bind j down                (KEY REQUEST, as in the man page)\n"
	 "  # a comment\n"
	 "A line that is wrong is reported and skipped. Options override the\n"
	 "file. What this prints is itself a config file, each line with its\n"
	 "source: default, FILE:LINE, environment or option.\n",
	 NULL, 0},
};

/* The completion scripts, from the table above. */
static int completion(const struct opt_raw *r)
{
	struct cli_command_info info[BR_ARRAY_SIZE(commands)];
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(commands); i++) {
		info[i].name = commands[i].name;
		info[i].opts = commands[i].opts;
		info[i].args = commands[i].args;
		info[i].summary = commands[i].summary;
		info[i].hidden = commands[i].hidden;
	}
	return completion_run(r, info, BR_ARRAY_SIZE(commands));
}

static const char when_help[] =
	"WHEN is a date or time in many forms: 2023-11-19, 2023-11-19 17:30,\n"
	"Nov 19, Nov 19 5pm, 19 Nov 17:30, 11/19 17:30, 5pm, sun 3pm, +3h,\n"
	"-1d, T+48, T-10h, hour 60, day 3, Nov 19 evening, 11月19日,\n"
	"11月19日晚上, 19号下午3点, 20日凌晨. Without a year: the dataset's.\n"
	"As a moment (--at, goto, the explorer's ':'), a WHEN is the first\n"
	"instant it names: 'Nov 20 evening' is Nov 20 18:00, 'Nov 21' 00:00;\n"
	"--from and --to take the whole of it ('--to Nov 19' includes 23:59).\n"
	"T counts from the start of the crisis window, 12:03 PT Nov 17 in the\n"
	"bundled dataset: T-0:03 is 12:00.\n";

static void usage_line(FILE *f, const struct command *c)
{
	fprintf(f, "  boardroom %s [OPTION]...%s%s\n", c->name,
		c->args[0] ? " " : "", c->args);
}

static void main_help(FILE *f)
{
	size_t i;

	fputs("Usage: boardroom [OPTION]...            open the explorer\n"
	      "       boardroom COMMAND [OPTION]...    print for scripts\n"
	      "\n"
	      "A terminal explorer of the 106 hours of the OpenAI board "
	      "crisis,\n"
	      "November 17-21, 2023. With no command, on a terminal, it "
	      "opens the\n"
	      "timeline; press ? there for its keys.\n\nCommands:\n",
	      f);
	for (i = 0; i < BR_ARRAY_SIZE(commands); i++)
		if (!commands[i].hidden)
			fprintf(f, "  %-8s  %s\n", commands[i].name,
				commands[i].summary);
	fputs("\nOptions for every command:\n", f);
	opt_help(f, OPT_GLOBAL, NULL);
	fputs("  --help              show help (also: boardroom COMMAND "
	      "--help)\n"
	      "  --version           show the version\n\n",
	      f);
	fputs(when_help, f);
	fputs("\nExit status: 0 ok, 1 the output could not be written, 2 bad "
	      "input\n(an unknown option, person or date, or a file that is "
	      "missing, damaged\nor not a boardroom database).\n"
	      "See boardroom(1) for more.\n",
	      f);
}

static void command_help(FILE *f, const struct command *c)
{
	fputs("Usage:\n", f);
	usage_line(f, c);
	fprintf(f, "\n%c%s.\n", toupper((unsigned char)c->summary[0]),
		c->summary + 1);
	if (c->more)
		fprintf(f, "\n%s", c->more);
	fputs("\nOptions:\n", f);
	opt_help(f, c->opts, c->name);
	if (c->opts & (OPT_FROM | OPT_AT) || !strcmp(c->name, "goto"))
		fprintf(f, "\n%s", when_help);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* The error for a --faction the database does not have, listing those
 * it has (an imported article has none). */
static int unknown_faction(struct cmd_ctx *ctx, const char *name)
{
	char list[512];

	br_faction_slugs(ctx->db, list, sizeof(list));
	if (!list[0])
		return report_fail("unknown faction '%.80s': %s has no "
				   "factions",
				   name, ctx->db_name);
	return report_fail("unknown faction '%.80s' (%.400s)", name, list);
}

/* Turns the filter options into ctx->filter. */
static int build_filter(struct cmd_ctx *ctx, const struct opt_raw *r)
{
	struct br_filter *f = &ctx->filter;
	char err[512];
	size_t i;

	br_filter_init(f);
	for (i = 0; i < r->n_people; i++) {
		if (br_people_resolve(ctx->db, r->people[i], &f->people[i], err,
				      sizeof(err)) < 0)
			return report_fail("%s", err);
	}
	f->n_people = r->n_people;
	f->people_all = (r->seen & OPT_ALL) != 0;
	if (r->kind) {
		char *copy = br_xstrdup(r->kind), *tok, *save = NULL;

		f->kinds = 0;
		for (tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			enum br_kind k = br_kind_parse(tok);

			if (!k) {
				int rc = report_fail(
					"unknown kind '%.80s' (main, "
					"aside, background)",
					tok);
				free(copy);
				return rc;
			}
			f->kinds |= k;
		}
		free(copy);
	}
	if (r->faction &&
	    (f->faction = br_faction_find(ctx->db, r->faction)) <= 0)
		return unknown_faction(ctx, r->faction);
	if (r->from) {
		struct br_when w;

		if (cmd_parse_when(ctx, r->from, &w))
			return 2;
		f->from = w.t_min;
	}
	if (r->to) {
		struct br_when w;

		if (cmd_parse_when(ctx, r->to, &w))
			return 2;
		f->to = w.t_max;
	}
	if (r->after) {
		struct br_when w;

		if (cmd_parse_when(ctx, r->after, &w))
			return 2;
		ctx->after = w.t_max;
		ctx->has_after = 1;
	}
	if (r->search && strlen(r->search) >= sizeof(ctx->search))
		return report_fail(
			"--search is too long (%zu bytes; at most %zu)",
			strlen(r->search), sizeof(ctx->search) - 1);
	if (r->search && r->search[0]) {
		/* Compiled once for the command; cli_main frees it. */
		br_strlcpy(ctx->search, r->search, sizeof(ctx->search));
		br_search_compile(&ctx->compiled, ctx->search);
		f->search = &ctx->compiled;
	}
	return 0;
}

static int setup(struct cmd_ctx *ctx, const struct opt_raw *r)
{
	char err[512];

	if (r->lang && br_lang_parse(r->lang, &ctx->lang) < 0)
		return report_fail("unknown language '%.80s' (en or zh)",
				   r->lang);
	if (r->format && out_format_parse(r->format, &ctx->format) < 0)
		return report_fail(
			"unknown format '%.80s' (text, json, csv, md; "
			"events also ics, timelinejs)",
			r->format);
	if (r->limit) {
		char *end;

		errno = 0;
		ctx->limit = strtol(r->limit, &end, 10);
		if (errno || *end || end == r->limit || ctx->limit < 0)
			return report_fail(
				"bad --limit '%.80s': a number is needed",
				r->limit);
	}
	if (r->db && !r->db[0])
		return report_fail("--db needs a file name");
	ctx->db = r->db ? br_db_open_file(r->db, BR_DB_READ, err, sizeof(err))
			: br_db_open_bundled(err, sizeof(err));
	if (!ctx->db)
		return report_fail("%s", err);
	ctx->db_name = r->db ? r->db : "the bundled dataset";
	if (r->tz && br_zone_set(&ctx->zone, r->tz, err, sizeof(err)) < 0)
		return report_fail("%s", err);
	if (!r->tz && br_zone_set(&ctx->zone, br_db_meta(ctx->db)->tz, err,
				  sizeof(err)) < 0)
		return report_fail("%s: the dataset's own time zone: %s (--tz "
				   "gives another)",
				   ctx->db_name, err);
	return build_filter(ctx, r);
}

/* Whether a --format is one only events are written in. */
static int events_only(const char *name)
{
	enum out_format f;

	return name && !out_format_parse(name, &f) &&
	       (f == OUT_ICS || f == OUT_TIMELINEJS);
}

int cli_main(int argc, char **argv)
{
	struct cmd_ctx ctx = {0};
	const struct command *c = NULL;
	struct opt_raw r = {0};
	struct config cfg;
	int rc;

	if (opt_parse(argc, argv, &r))
		return 2;
	if (r.cmd && !strcmp(r.cmd, "help")) {
		r.help = 1;
		r.cmd = r.n_args ? r.args[0] : NULL;
		r.n_args = 0;
	}
	if (r.cmd && !(c = find_command(r.cmd)))
		return report_fail("unknown command '%.80s' (see --help)",
				   r.cmd);
	if (r.version) {
		printf("boardroom %s\n", BOARDROOM_VERSION);
		return 0;
	}
	if (r.help) {
		if (c)
			command_help(stdout, c);
		else
			main_help(stdout);
		return 0;
	}
	if (opt_check_text(&r, c && !strcmp(c->name, "goto")) ||
	    (c && opt_check_applies(&r, c->opts, c->name)))
		return 2;
	if (!c && (r.seen & ~(unsigned)OPT_GLOBAL))
		return report_fail(
			"only --db, --lang, --tz, --config and --no-config "
			"apply to the explorer");
	if (c && c->run_raw)
		return c->run_raw(&r);
	/* The file's settings, under the options. */
	if (config_load(&cfg, &r))
		return 2;
	if (c && !strcmp(c->name, "config"))
		return r.n_args ? report_fail("'config' takes no argument "
					      "'%.80s'",
					      r.args[0])
				: config_print(&cfg, stdout);
	if (!r.lang && cfg.lang.value[0])
		r.lang = cfg.lang.value;
	if (!r.tz && cfg.zone.value[0])
		r.tz = cfg.zone.value;
	if (!r.db && cfg.db.value[0])
		r.db = cfg.db.value;
	if (c && c->run == cmd_export && !r.format)
		r.format = "json";
	if (c && c->run != cmd_events && events_only(r.format))
		return report_fail("--format %.20s is for events only",
				   r.format);
	if (c && strcmp(c->name, "goto") == 0 && r.n_args != 1)
		return report_fail(
			"goto needs one WHEN (see boardroom goto --help)");
	if (c && !strcmp(c->name, "replay") && r.n_args != 1)
		return report_fail(
			"replay needs one SCRIPT (see boardroom replay "
			"--help)");
	if (c && !strcmp(c->name, "notes") && r.n_args &&
	    (strcmp(r.args[0], "import") != 0 || r.n_args != 2))
		return report_fail(
			"notes takes no argument but 'import FILE' (see "
			"boardroom notes --help)");
	if (c && strcmp(c->name, "goto") != 0 && strcmp(c->name, "replay") &&
	    strcmp(c->name, "notes") != 0 && r.n_args)
		return report_fail("'%s' takes no argument '%.80s'", c->name,
				   r.args[0]);
	ctx.lang = BR_LANG_EN;
	ctx.format = OUT_TEXT;
	ctx.limit = -1;
	ctx.out = stdout;
	ctx.ruler_all = cfg.ruler_all;
	/* lanes writes text or svg, a format no other command has. */
	if (c && !strcmp(c->name, "lanes") && r.format) {
		if (strcmp(r.format, "text") && strcmp(r.format, "svg"))
			return report_fail("unknown format '%.80s' for lanes "
					   "(text or svg)",
					   r.format);
		ctx.svg = !strcmp(r.format, "svg");
		r.format = NULL;
	} else if (r.format && !strcmp(r.format, "svg")) {
		return report_fail("--format svg is for lanes only");
	}
	if (ctx.svg && r.encoding)
		return report_fail(
			"--encoding applies to text output; --format "
			"svg is always UTF-8");
	ctx.width_text = r.width;
	ctx.stance = (r.seen & OPT_STANCE) != 0;
	rc = setup(&ctx, &r);
	/* Only text is for a terminal: the other formats are for programs,
	 * which read them as UTF-8 (RFC 8259, RFC 5545) in any locale. */
	if (rc == 0 && c && ctx.format != OUT_TEXT && r.encoding)
		rc = report_fail("--encoding applies to text output; --format "
				 "%.20s is always UTF-8",
				 r.format);
	if (rc == 0 && c && ctx.format == OUT_TEXT && !ctx.svg)
		rc = out_open(r.encoding, &ctx.out);
	if (rc == 0) {
		if (c) {
			ctx.arg = r.n_args ? r.args[0] : NULL;
			if (!strcmp(c->name, "notes") && r.n_args == 2)
				ctx.file = r.args[1];
			if (r.at)
				ctx.at_text = r.at;
			ctx.from_text = r.from;
			ctx.to_text = r.to;
			ctx.size_text = r.size;
			ctx.timing = (r.seen & OPT_TIME) != 0;
			rc = c->run(&ctx);
		} else {
			rc = explorer_run(ctx.db, ctx.lang, &ctx.zone,
					  ctx.ruler_all);
		}
	}
	br_search_free(&ctx.compiled);
	br_db_close(ctx.db);
	out_warn();
	if (ctx.out && ctx.out != stdout && fclose(ctx.out) != 0)
		rc = rc ? rc : out_write_failed();
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = out_write_failed();
	return rc;
}
