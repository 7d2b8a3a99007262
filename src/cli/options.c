#include "cli/options.h"

#include <string.h>

#include "boardroom/base.h"
#include "boardroom/charset.h"
#include "boardroom/text.h"
#include "cli/report.h"

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
	 "text (default), json, csv or md (also: markdown);\n"
	 "events also ics (iCalendar; also: ical) or\n"
	 "timelinejs (TimelineJS3 JSON). All but text are\n"
	 "UTF-8 whatever the locale"},
	{"person", OPT_PERSON, "NAME",
	 "only events with this person (any alias, in English\n"
	 "or Chinese); repeat for several: events with any"},
	{"all", OPT_ALL, NULL,
	 "with several --person: events with all of them"},
	{"kind", OPT_KIND, "K",
	 "only events of kind K: main, aside, background\n"
	 "(several: a comma list)"},
	{"faction", OPT_FACTION, "F",
	 "only events with someone then on side F: a line\n"
	 "(safety, accelerationist) or a stance in the crisis\n"
	 "(with-board, for-return)"},
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
	{"width", OPT_WIDTH, "N",
	 "columns of the lanes: text 20 to 400 (default 80),\n"
	 "svg its width in pixels, 480 to 4000 (default 1200)"},
	{"stance", OPT_STANCE, NULL,
	 "the lanes in each one's crisis stance, not their line"},
	{"size", OPT_SIZE, "COLSxROWS", "the screen to draw (default 80x24)"},
	{"time", OPT_TIME, NULL, "time each line's keys and frame"},
	{"encoding", OPT_ENCODING, "ENC",
	 "the charset to write text in (default: the\n"
	 "locale's, e.g. GB18030; what it cannot hold is\n"
	 "transliterated); import: the charset FILE is in\n"
	 "(default: detected)"},
	{"year", OPT_YEAR, "Y",
	 "the year of dates without one (default: the\n"
	 "database's, else the article's, else this year)"},
	{"source", OPT_SOURCE, "NAME",
	 "title and source of a new database (default: the\n"
	 "files' names)"},
	{"lossy", OPT_LOSSY, NULL,
	 "replace undecodable bytes with U+FFFD (counted)\n"
	 "instead of stopping"},
	{"config", OPT_CONFIG, "FILE",
	 "read settings from FILE (default: $BOARDROOM_CONFIG,\n"
	 "else $XDG_CONFIG_HOME/boardroom/config)"},
	{"no-config", OPT_NO_CONFIG, NULL, "read no config file"},
	{"create-people", OPT_CREATE_PEOPLE, NULL,
	 "make a person, marked unreviewed, for each name\n"
	 "an article names that no one has (nor not_people)"},
};

static const struct option_def *find_option(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++)
		if (strlen(options[i].name) == len &&
		    !strncmp(options[i].name, name, len))
			return &options[i];
	return NULL;
}

static const char **slot(struct opt_raw *r, unsigned bit)
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
	case OPT_CONFIG:
		return &r->config;
	case OPT_WIDTH:
		return &r->width;
	}
	return NULL;
}

/* The longest argument taken: a file name can be as long (PATH_MAX). */
#define ARG_MAX_BYTES 4096

/* Reads argv into r: options anywhere, "--opt=value" or "--opt value". */
int opt_parse(int argc, char **argv, struct opt_raw *r)
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
int opt_check_text(struct opt_raw *r, int first_arg_is_text)
{
	const char *cs = br_charset_locale();
	size_t i;

	if (!br_charset_is_utf8(cs) && strcmp(cs, "ANSI_X3.4-1968") != 0)
		return 0;
	for (i = 0; i < BR_ARRAY_SIZE(options); i++) {
		const char **v = slot(r, options[i].bit);

		if (v && *v &&
		    !(options[i].bit &
		      (OPT_DB | OPT_INTO | OPT_CONFIG | OPT_PEOPLE)) &&
		    !valid_text(*v))
			return report_fail("--%s is not valid UTF-8 text",
					   options[i].name);
	}
	for (i = 0; i < r->n_people; i++)
		if (!valid_text(r->people[i]))
			return report_fail("--person is not valid UTF-8 text");
	if (first_arg_is_text && r->n_args && !valid_text(r->args[0]))
		return report_fail("the WHEN of goto is not valid UTF-8 text");
	return 0;
}

/* Options that mean something else for one command. */
static const struct option_help {
	const char *cmd;
	unsigned bit;
	const char *help;
} help_for[] = {
	{"people", OPT_SEARCH,
	 "only those with a name or alias containing TEXT\n"
	 "(English or Chinese; case and accents aside)"},
	{"lanes", OPT_FROM,
	 "the lanes from the start of WHEN (default: the\n"
	 "first day of the crisis window)"},
	{"lanes", OPT_TO,
	 "the lanes to the end of WHEN (default: the last\n"
	 "day of the crisis window)"},
	{"lanes", OPT_FORMAT, "text (default) or svg (one standalone picture)"},
	{"lanes", OPT_PERSON,
	 "only the lanes of this person; repeat for several"},
	{"lanes", OPT_FACTION,
	 "only the lanes of those who stood on side F in\n"
	 "the range (a line or a crisis stance)"},
	{"lanes", OPT_KIND,
	 "mark only the events of kind K: main, aside,\n"
	 "background (several: a comma list)"},
	{"compare", OPT_FROM, "the first moment (default: the window's start)"},
	{"compare", OPT_TO, "the second moment (default: the window's end)"},
	{"compare", OPT_LIMIT, "list at most N of the events in between"},
	{"import", OPT_PEOPLE,
	 "the cast FILE: a dataset document's people and\n"
	 "not_people, or a CSV (name, name_zh, aliases,\n"
	 "kind, slug); an article's names are linked to it"},
};

static const char *help_of(const struct option_def *o, const char *cmd)
{
	size_t i;

	for (i = 0; cmd && i < BR_ARRAY_SIZE(help_for); i++)
		if (help_for[i].bit == o->bit && !strcmp(help_for[i].cmd, cmd))
			return help_for[i].help;
	return o->help;
}

/* The words of the options that take one of a few, for completion (the
 * help above names them too). */
static const struct {
	unsigned bit;
	const char *words;
} option_values[] = {
	{OPT_LANG, "en zh"},
	{OPT_TZ, "PT Beijing UTC local"},
	{OPT_KIND, "main aside background"},
	{OPT_FACTION, "safety accelerationist investor unaligned"},
};

int opt_info(size_t i, struct opt_info *info)
{
	size_t k;

	if (i >= BR_ARRAY_SIZE(options))
		return 0;
	info->values = NULL;
	for (k = 0; k < BR_ARRAY_SIZE(option_values); k++)
		if (option_values[k].bit == options[i].bit)
			info->values = option_values[k].words;
	info->name = options[i].name;
	info->bit = options[i].bit;
	info->arg = options[i].arg;
	info->help = options[i].help;
	return 1;
}

void opt_help(FILE *f, unsigned opts, const char *cmd)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++) {
		const struct option_def *o = &options[i];
		const char *help = help_of(o, cmd);
		char head[40];
		const char *p, *nl;

		if (!(opts & o->bit))
			continue;
		snprintf(head, sizeof(head), "--%s%s%s", o->name,
			 o->arg ? " " : "", o->arg ? o->arg : "");
		/* Continuation lines align under the first. */
		for (p = help; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			if (!nl)
				nl = p + strlen(p) - 1;
			fprintf(f, "  %-18s  %.*s\n", p == help ? head : "",
				(int)(nl - p + (*nl != '\n')), p);
		}
	}
}

int opt_check_applies(const struct opt_raw *r, unsigned opts, const char *name)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(options); i++)
		if ((r->seen & options[i].bit) && !(opts & options[i].bit))
			return report_fail("option --%s does not apply to '%s'",
					   options[i].name, name);
	return 0;
}
