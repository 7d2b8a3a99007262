/* cli: the command line: global options, the subcommands for scripts, and
 * the choice to open the explorer. */
#ifndef BOARDROOM_CLI_H
#define BOARDROOM_CLI_H

#include <stddef.h>

/* Runs boardroom with argv; returns the exit status (0 ok, 1 output failed,
 * 2 bad input: an unknown option, person or date, or a bad database). */
int cli_main(int argc, char **argv);

/* A command of the table, for shell completion; the strings are static. */
struct cli_command_info {
	const char *name;
	unsigned opts;	     /* the OPT_ bits that apply to it */
	const char *args;    /* positional arguments, "" if none */
	const char *summary; /* one line */
	int hidden;	     /* not listed in --help */
};

#endif
