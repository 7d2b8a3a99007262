/* completion: the bash and zsh completion scripts, written from the
 * tables of commands (cli.c), options (options.c) and formats
 * (output.c), so that they follow the program. */
#ifndef BOARDROOM_COMPLETION_H
#define BOARDROOM_COMPLETION_H

#include <stddef.h>

#include "cli/cli.h"
#include "cli/options.h"

/* boardroom completion bash|zsh: writes the script for the n commands of
 * cmds (cli.c's table, borrowed) on stdout. Returns 0, 1 if it could not
 * be written, or 2 after printing the error. */
int completion_run(const struct opt_raw *r, const struct cli_command_info *cmds,
		   size_t n);

#endif
