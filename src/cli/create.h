/* create: the commands that write a database: import and gen. */
#ifndef BOARDROOM_CREATE_H
#define BOARDROOM_CREATE_H

#include "cli/options.h"

/* Each runs its command with the options in r and returns the exit
 * status (0, 1, or 2 after printing the error). */
int create_import(const struct opt_raw *r);
int create_gen(const struct opt_raw *r);

#endif
