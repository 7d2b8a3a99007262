/* options: the command line's options as typed: their table, reading
 * argv into a struct opt_raw, the checks that need no database, and their
 * help lines. */
#ifndef BOARDROOM_OPTIONS_H
#define BOARDROOM_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

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
	OPT_CONFIG = 1 << 24,
	OPT_NO_CONFIG = 1 << 25,
	OPT_WIDTH = 1 << 26,
	OPT_STANCE = 1 << 27,
	OPT_CREATE_PEOPLE = 1 << 28,
};
#define OPT_GLOBAL (OPT_DB | OPT_LANG | OPT_TZ | OPT_CONFIG | OPT_NO_CONFIG)

/* The values of options as typed, before they are understood. The
 * strings point into argv. */
struct opt_raw {
	const char *db, *lang, *tz, *format, *kind, *faction, *from, *to,
		*search, *at, *limit, *after, *events, *people_n, *seed, *into,
		*encoding, *size, *year, *source, *config, *width;
	const char *people[8];
	size_t n_people;
	int all, help, version;
	unsigned seen;
	const char *cmd;
	const char *args[256];
	size_t n_args;
};

/* Reads argv into r: options anywhere, "--opt=value" or "--opt value".
 * Returns 0, or 2 after printing the error. */
int opt_parse(int argc, char **argv, struct opt_raw *r);

/* Checks that what is typed as text is UTF-8 (the first argument too when
 * first_arg_is_text); 0, or 2 after printing the error. */
int opt_check_text(struct opt_raw *r, int first_arg_is_text);

/* Checks that every option given is among opts, those of command name;
 * 0, or 2 after printing the error. */
int opt_check_applies(const struct opt_raw *r, unsigned opts, const char *name);

/* Option i of the table, for shell completion: 1, or 0 past the end. The
 * strings are static. */
struct opt_info {
	const char *name;   /* "format", without the dashes */
	unsigned bit;	    /* OPT_FORMAT */
	const char *arg;    /* "FMT", NULL for a flag */
	const char *help;   /* its help, lines joined by \n */
	const char *values; /* words it takes, space-separated, or NULL */
};
int opt_info(size_t i, struct opt_info *info);

/* Writes the help lines of the options among opts, as they apply to
 * command cmd (NULL: to every command). */
void opt_help(FILE *f, unsigned opts, const char *cmd);

#endif
