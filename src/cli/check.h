/* check: boardroom check FILE|DB, a dataset's problems one per line. */
#ifndef BOARDROOM_CHECK_H
#define BOARDROOM_CHECK_H

#include "cli/options.h"

/* Checks the dataset document or database named by r's argument (none:
 * --db, else the bundled dataset). Prints "PLACE: problem" per problem on
 * standard output; returns 0 if none, 2 if any or on an error. */
int check_run(const struct opt_raw *r);

#endif
