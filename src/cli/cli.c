#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/gen.h"
#include "boardroom/charset.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/split.h"
#include "boardroom/text.h"
#include "boardroom/when.h"
#include "cli/commands.h"
#include "cli/explorer.h"
#include "cli/report.h"
#include "import/import.h"

/* Options, each with the commands it applies to. */
enum {
	OPT_DB = 1 << 0,
	OPT_LANG = 1 << 1,
	OPT_TZ = 1 << 2,
	OPT_FORMAT = 1 << 3,
	OPT_PERSON = 1 << 4,
	OPT_ALL = 1 << 5,
	OPT_KIND = 1 << 6,
	OPT_FACTION = 1 << 7,
	OPT_FROM = 1 << 8,
	OPT_TO = 1 << 9,
	OPT_SEARCH = 1 << 10,
	OPT_AT = 1 << 11,
	OPT_LIMIT = 1 << 12,
	OPT_AFTER = 1 << 13,
	OPT_EVENTS = 1 << 14,
	OPT_PEOPLE = 1 << 15,
	OPT_SEED = 1 << 16,
	OPT_INTO = 1 << 17,
	OPT_ENCODING = 1 << 18,
	OPT_SIZE = 1 << 19,
	OPT_TIME = 1 << 20,
	OPT_YEAR = 1 << 21,
	OPT_SOURCE = 1 << 22,
	OPT_LOSSY = 1 << 23,
};
#define OPT_GLOBAL (OPT_DB | OPT_LANG | OPT_TZ)

static const struct option_def {
	const char *name;
	unsigned bit;
	const char *arg; /* NULL for a flag */
	const char *help;
} options[] = {
	{"db", OPT_DB, "FILE", "read FILE instead of the bundled dataset"},
	{"lang", OPT_LANG, "en|zh", "language of titles, names and times"},
	{"tz", OPT_TZ, "ZONE",
	 "times in ZONE: PT (default), Beijing, UTC, local,\n"
	 "or an IANA name such as Europe/London"},
	{"format", OPT_FORMAT, "FMT",
	 "text (default), json, csv or md; events also ics\n"
	 "(iCalendar) or timelinejs (TimelineJS3 JSON)"},
	{"person", OPT_PERSON, "NAME",
	 "only events with this person (any alias, in English\n"
	 "or Chinese); repeat for several: events with any"},
	{"all", OPT_ALL, NULL,
	 "with several --person: events with all of them"},
	{"kind", OPT_KIND, "K",
	 "only events of kind K: main, aside, background\n"
	 "(several: a comma list)"},
	{"faction", OPT_FACTION, "F",
	 "only events with someone then of faction F (safety,\n"
	 "accelerationist, investor, unaligned)"},
	{"from", OPT_FROM, "WHEN", "only events at or after WHEN"},
	{"to", OPT_TO, "WHEN", "only events at or before WHEN"},
	{"search", OPT_SEARCH, "TEXT",
	 "only events whose texts or people contain each\n"
	 "word of TEXT (Chinese too)"},
	{"at", OPT_AT, "WHEN",
	 "the moment to show (default: the window's end)"},
	{"limit", OPT_LIMIT, "N", "at most N events"},
	{"after", OPT_AFTER, "WHEN", "only events after WHEN (for paging)"},
	{"events", OPT_EVENTS, "N", "how many events to make"},
	{"people", OPT_PEOPLE, "N", "how many people to make (default 10000)"},
	{"seed", OPT_SEED, "S", "the random seed (default 1)"},
	{"into", OPT_INTO, "FILE",
	 "the database to create (import: or to add to)"},
	{"size", OPT_SIZE, "COLSxROWS", "the screen to draw (default 80x24)"},
	{"time", OPT_TIME, NULL, "time each line's keys and frame"},
	{"encoding", OPT_ENCODING, "ENC",
	 "the charset to write (default: the locale's, e.g.\n"
	 "GB18030; what it cannot hold is transliterated);\n"
	 "import: the charset FILE is in (default: detected)"},
	{"year", OPT_YEAR, "Y",
	 "the year of dates without one (default: the\n"
	 "database's, else the article's, else this year)"},
	{"source", OPT_SOURCE, "NAME",
	 "title and source of a new database (default: the\n"
	 "files' names)"},
	{"lossy", OPT_LOSSY, NULL,
	 "replace undecodable bytes with U+FFFD (counted)\n"
	 "instead of stopping"},
};

struct raw;
static int run_import(const struct raw *r);
static int run_gen(const struct raw *r);

static const struct command {
	const char *name;
	int (*run)(struct cmd_ctx *ctx); /* with a database open */
	unsigned opts;
	const char *args; /* positional arguments, for usage */
	const char *summary;
	const char *more;		     /* longer help, or NULL */
	int (*run_raw)(const struct raw *r); /* or: opens what it needs */
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
	 NULL},
	{"people", cmd_people,
	 OPT_GLOBAL | OPT_FORMAT | OPT_SEARCH | OPT_ENCODING, "",
	 "list people, organisations and groups (--search narrows)", NULL,
	 NULL},
	{"split", cmd_split, OPT_GLOBAL | OPT_FORMAT | OPT_AT | OPT_ENCODING,
	 "", "who stood on which side at a moment; the board, CEO and figures",
	 NULL, NULL},
	{"goto", cmd_goto, OPT_GLOBAL | OPT_FORMAT | OPT_ENCODING, "WHEN",
	 "print the moment WHEN names and the event nearest to it",
	 "Prints the instant understood (ISO 8601 with the zone's offset) on\n"
	 "the first line, then the nearest event. Relative forms (+3h) and\n"
	 "weekdays count from the start of the crisis window.\n",
	 NULL},
	{"notes", cmd_notes, OPT_GLOBAL | OPT_FORMAT | OPT_ENCODING, "",
	 "list your bookmarks and notes on this dataset, in time order",
	 "Bookmarks and notes are made in the explorer (m, a) and kept in\n"
	 "the user database: $BOARDROOM_USER_DB, else\n"
	 "$XDG_DATA_HOME/boardroom/user.db, else\n"
	 "~/.local/share/boardroom/user.db. They are filed by the dataset's\n"
	 "title and source and each event's marker (else its time and\n"
	 "title), so they survive rebuilding the dataset. JSON is an array of\n"
	 "objects with marker, at (ISO 8601 UTC), time, title, note and found\n"
	 "(false if the dataset has the event no more).\n",
	 NULL},
	{"replay", cmd_replay, OPT_GLOBAL | OPT_SIZE | OPT_TIME, "SCRIPT",
	 "play a script of keys into the explorer, without a terminal",
	 "Each line of SCRIPT (or - for standard input): 'keys j j Enter',\n"
	 "'type Nov 19', 'resize 120 40', 'dump' (print the screen), '#'.\n"
	 "With --time, each line's keys and frame are timed (microseconds).\n"
	 "For measuring: 'cold' drops the database from the page caches;\n"
	 "'floor page', 'floor search WORD', ... time the least SQL for an\n"
	 "operation (tools/bench.py).\n",
	 NULL},
	{"import", NULL,
	 OPT_INTO | OPT_ENCODING | OPT_YEAR | OPT_TZ | OPT_SOURCE | OPT_LOSSY |
		 OPT_FORMAT,
	 "FILE...", "read articles, JSON or CSV into a database",
	 "Creates DB (--into), or adds to it, one transaction per FILE: a "
	 "file\n"
	 "with an error leaves DB as it was. An article (plain text in any\n"
	 "charset; UTF-8, UTF-16/32 with a BOM, GB18030 and Big5 are "
	 "detected)\n"
	 "gives one event per entry 主線#01 / 主线#01 / 花絮1, dated by the\n"
	 "date phrases in it (11月17日中午12點, 17號下午3點) in --tz (default\n"
	 "PT) and --year; people are linked by the names the database knows.\n"
	 "JSON and CSV are what boardroom events --format json or csv writes.\n"
	 "The report (--format text or json) counts, per file, the entries,\n"
	 "the dates read and inferred, the people linked, the unknown names\n"
	 "and all that cleaning removed or skipped.\n",
	 .run_raw = run_import},
	{"gen", NULL, OPT_EVENTS | OPT_PEOPLE | OPT_SEED | OPT_INTO, "",
	 "generate a large timeline database for measuring",
	 "The same seed makes the same database: events in bursts over ten\n"
	 "years, one to four people each with a skewed popularity, English\n"
	 "and Chinese texts, aliases, factions and stance changes. Two cores:\n"
	 "the trigram index is built beside FILE in FILE-search, then copied\n"
	 "in; a million events take about a minute and 1.3 GB.\n",
	 .run_raw = run_gen},
};

static const char when_help[] =
	"WHEN is a date or time in many forms: 2023-11-19, 2023-11-19 17:30,\n"
	"Nov 19, Nov 19 5pm, 19 Nov 17:30, 11/19 17:30, 5pm, sun 3pm, +3h,\n"
	"-1d, T+48, T-10h, hour 60, day 3, Nov 19 evening, 11月19日,\n"
	"11月19日晚上, 19号下午3点, 20日凌晨. Without a year: the dataset's.\n";

static void usage_line(FILE *f, const struct command *c)
{
	fprintf(f, "  boardroom %s [OPTION]...%s%s\n", c->name,
		c->args[0] ? " " : "", c->args);
}

static void options_help(FILE *f, unsigned opts)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++) {
		const struct option_def *o = &options[i];
		char head[40];
		const char *p, *nl;

		if (!(opts & o->bit))
			continue;
		snprintf(head, sizeof(head), "--%s%s%s", o->name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
		/* Continuation lines align under the first. */
		for (p = o->help; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			if (!nl)
				nl = p + strlen(p) - 1;
			fprintf(f, "  %-18s  %.*s\n", p == o->help ? head : "",
				(int)(nl - p + (*nl != '\n')), p);
		}
	}
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
		fprintf(f, "  %-8s  %s\n", commands[i].name,
			commands[i].summary);
	fputs("\nOptions for every command:\n", f);
	options_help(f, OPT_GLOBAL);
	fputs("  --help              show help (also: boardroom COMMAND "
	      "--help)\n"
	      "  --version           show the version\n\n",
	      f);
	fputs(when_help, f);
	fputs("\nExit status: 0 ok, 1 failure, 2 bad input (unknown option, "
	      "person,\ndate, or a file that is not a boardroom database).\n"
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
	options_help(f, c->opts);
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

static const struct option_def *find_option(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++)
		if (strlen(options[i].name) == len &&
		    !strncmp(options[i].name, name, len))
			return &options[i];
	return NULL;
}

/* The values of options as typed, before they are understood. */
struct raw {
	const char *db, *lang, *tz, *format, *kind, *faction, *from, *to,
		*search, *at, *limit, *after, *events, *people_n, *seed, *into,
		*encoding, *size, *year, *source;
	const char *people[8];
	size_t n_people;
	int all, help, version;
	unsigned seen;
	const char *cmd;
	const char *args[256];
	size_t n_args;
};

static const char **slot(struct raw *r, unsigned bit)
{
	switch (bit) {
	case OPT_DB:
		return &r->db;
	case OPT_LANG:
		return &r->lang;
	case OPT_TZ:
		return &r->tz;
	case OPT_FORMAT:
		return &r->format;
	case OPT_KIND:
		return &r->kind;
	case OPT_FACTION:
		return &r->faction;
	case OPT_FROM:
		return &r->from;
	case OPT_TO:
		return &r->to;
	case OPT_SEARCH:
		return &r->search;
	case OPT_AT:
		return &r->at;
	case OPT_LIMIT:
		return &r->limit;
	case OPT_AFTER:
		return &r->after;
	case OPT_EVENTS:
		return &r->events;
	case OPT_PEOPLE:
		return &r->people_n;
	case OPT_SEED:
		return &r->seed;
	case OPT_INTO:
		return &r->into;
	case OPT_ENCODING:
		return &r->encoding;
	case OPT_SIZE:
		return &r->size;
	case OPT_YEAR:
		return &r->year;
	case OPT_SOURCE:
		return &r->source;
	}
	return NULL;
}

/* The longest argument taken: a file name can be as long (PATH_MAX). */
#define ARG_MAX_BYTES 4096

/* Reads argv into r: options anywhere, "--opt=value" or "--opt value". */
static int parse_args(int argc, char **argv, struct raw *r)
{
	int i, only_args = 0;

	for (i = 1; i < argc; i++)
		if (strlen(argv[i]) > ARG_MAX_BYTES)
			return report_fail(
				"argument %d is too long (%zu bytes; at "
				"most %d)",
				i, strlen(argv[i]), ARG_MAX_BYTES);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *name, *eq, *value;
		const struct option_def *o;

		if (only_args || a[0] != '-' || !a[1]) {
			if (!r->cmd)
				r->cmd = a;
			else if (r->n_args < BR_ARRAY_SIZE(r->args))
				r->args[r->n_args++] = a;
			else
				return report_fail(
					"too many arguments: '%.80s'", a);
			continue;
		}
		if (!strcmp(a, "--")) {
			only_args = 1;
			continue;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			r->help = 1;
			continue;
		}
		if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
			r->version = 1;
			continue;
		}
		if (a[1] != '-')
			return report_fail(
				"unknown option '%.80s' (see --help)", a);
		name = a + 2;
		eq = strchr(name, '=');
		o = find_option(name, eq ? (size_t)(eq - name) : strlen(name));
		if (!o)
			return report_fail(
				"unknown option '%.80s' (see --help)", a);
		r->seen |= o->bit;
		if (!o->arg) {
			if (eq)
				return report_fail("option --%s takes no value",
						   o->name);
			continue; /* a flag: its bit in seen is its value */
		}
		if (eq)
			value = eq + 1;
		else if (i + 1 < argc)
			value = argv[++i];
		else
			return report_fail("option --%s needs a value (%s)",
					   o->name, o->arg);
		if (o->bit == OPT_PERSON) {
			if (r->n_people == BR_ARRAY_SIZE(r->people))
				return report_fail(
					"at most %zu --person options",
					BR_ARRAY_SIZE(r->people));
			r->people[r->n_people++] = value;
		} else {
			*slot(r, o->bit) = value;
		}
	}
	return 0;
}

static int valid_text(const char *s)
{
	return br_text_valid(s, strlen(s));
}

/* What is typed as text must be UTF-8, as the data is (a file name need
 * not be). In a locale of another charset (GB18030, Big5) arguments come
 * in that charset and are taken as they are. */
static int check_text(struct raw *r, const struct command *c)
{
	const char *cs = br_charset_locale();
	size_t i;

	if (!br_charset_is_utf8(cs) && strcmp(cs, "ANSI_X3.4-1968") != 0)
		return 0;
	for (i = 0; i < BR_ARRAY_SIZE(options); i++) {
		const char **v = slot(r, options[i].bit);

		if (v && *v && !(options[i].bit & (OPT_DB | OPT_INTO)) &&
		    !valid_text(*v))
			return report_fail("--%s is not valid UTF-8 text",
					   options[i].name);
	}
	for (i = 0; i < r->n_people; i++)
		if (!valid_text(r->people[i]))
			return report_fail("--person is not valid UTF-8 text");
	if (c && !strcmp(c->name, "goto") && r->n_args &&
	    !valid_text(r->args[0]))
		return report_fail("the WHEN of goto is not valid UTF-8 text");
	return 0;
}

static int check_options(const struct raw *r, const struct command *c)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++)
		if ((r->seen & options[i].bit) && !(c->opts & options[i].bit))
			return report_fail("option --%s does not apply to '%s'",
					   options[i].name, c->name);
	return 0;
}

/* Turns the filter options into ctx->filter. */
static int build_filter(struct cmd_ctx *ctx, const struct raw *r)
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
		return report_fail(
			"unknown faction '%.80s' (safety, accelerationist, "
			"investor, unaligned)",
			r->faction);
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
	if (r->search && strlen(r->search) >= sizeof(f->search))
		return report_fail(
			"--search is too long (%zu bytes; at most %zu)",
			strlen(r->search), sizeof(f->search) - 1);
	if (r->search)
		br_strlcpy(f->search, r->search, sizeof(f->search));
	return 0;
}

static int setup(struct cmd_ctx *ctx, const struct raw *r)
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
	ctx->db = r->db ? br_db_open_file(r->db, BR_DB_READ, err, sizeof(err))
			: br_db_open_bundled(err, sizeof(err));
	if (!ctx->db)
		return report_fail("%s", err);
	if (br_zone_set(&ctx->zone, r->tz ? r->tz : br_db_meta(ctx->db)->tz,
			err, sizeof(err)) < 0)
		return report_fail("%s", err);
	return build_filter(ctx, r);
}

/* Points ctx->out at stdout, converting to the charset asked for or the
 * locale's when it is not UTF-8. */
static int open_output(struct cmd_ctx *ctx, const struct raw *r)
{
	const char *cs = r->encoding ? r->encoding : br_charset_locale();
	struct br_charset *conv;
	char err[256];

	ctx->out = stdout;
	if (br_charset_is_utf8(cs))
		return 0;
	conv = br_charset_open(cs, err, sizeof(err));
	if (!conv)
		return report_fail("%s (see iconv --list)", err);
	ctx->out = br_charset_stream(stdout, conv);
	if (!ctx->out) {
		br_charset_close(conv);
		ctx->out = stdout;
	}
	return 0;
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

static int run_gen(const struct raw *r)
{
	struct br_gen_opts o = {0};
	char err[512];
	int64_t seed;

	if (!r->into || !r->events)
		return report_fail("gen needs --events N and --into FILE");
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

/* Whether a --format is one only events are written in. */
static int events_only(const char *name)
{
	enum out_format f;

	return name && !out_format_parse(name, &f) &&
	       (f == OUT_ICS || f == OUT_TIMELINEJS);
}

/* The options of import; 0, or 2 after a message. */
static int import_opts(const struct raw *r, struct br_import_opts *o,
		       enum out_format *format)
{
	int64_t year;

	if (!r->into || !r->n_args)
		return report_fail(
			"import needs FILE... and --into DB (see boardroom "
			"import --help)");
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
	return 0;
}

/* import: each file in turn, stopping at the first that fails (those
 * before it stay imported); the report of those imported, none if the
 * import's transaction failed to commit. */
static int run_import(const struct raw *r)
{
	struct br_import_report *reps;
	struct cmd_ctx ctx = {0};
	struct br_import_opts o;
	struct br_importer *im;
	struct raw out = *r;
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
	out.encoding = NULL; /* the report is in the locale's charset */
	if (n && !open_output(&ctx, &out)) {
		cmd_import_print(ctx.out, ctx.format, r->into, created, reps,
				 n);
		if (ctx.out != stdout)
			fclose(ctx.out);
	}
	while (n)
		br_import_report_free(&reps[--n]);
	free(reps);
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = 1;
	return rc;
}

int cli_main(int argc, char **argv)
{
	struct cmd_ctx ctx = {0};
	const struct command *c = NULL;
	struct raw r = {0};
	int rc;

	if (parse_args(argc, argv, &r))
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
	if (check_text(&r, c) || (c && check_options(&r, c)))
		return 2;
	if (!c && (r.seen & ~(unsigned)OPT_GLOBAL))
		return report_fail(
			"only --db, --lang and --tz apply to the explorer");
	if (c && c->run_raw)
		return c->run_raw(&r);
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
	if (c && strcmp(c->name, "goto") != 0 && strcmp(c->name, "replay") &&
	    r.n_args)
		return report_fail("'%s' takes no argument '%.80s'", c->name,
				   r.args[0]);
	ctx.lang = BR_LANG_EN;
	ctx.format = OUT_TEXT;
	ctx.limit = -1;
	ctx.out = stdout;
	rc = setup(&ctx, &r);
	if (rc == 0 && c)
		rc = open_output(&ctx, &r);
	if (rc == 0) {
		if (c) {
			ctx.arg = r.n_args ? r.args[0] : NULL;
			if (r.at)
				ctx.at_text = r.at;
			ctx.size_text = r.size;
			ctx.timing = (r.seen & OPT_TIME) != 0;
			rc = c->run(&ctx);
		} else {
			rc = explorer_run(ctx.db, ctx.lang, &ctx.zone);
		}
	}
	br_db_close(ctx.db);
	if (ctx.out && ctx.out != stdout && fclose(ctx.out) != 0)
		rc = rc ? rc : 1;
	if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout)))
		rc = 1;
	return rc;
}
