/* cli: the command line: global options, the subcommands for scripts, and
 * the choice to open the explorer. */
#ifndef BOARDROOM_CLI_H
#define BOARDROOM_CLI_H

/* Runs boardroom with argv; returns the exit status (0 ok, 1 output failed,
 * 2 bad input: an unknown option, person or date, or a bad database). */
int cli_main(int argc, char **argv);

#endif
