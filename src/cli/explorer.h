/* explorer: the interactive timeline on a terminal. */
#ifndef BOARDROOM_EXPLORER_H
#define BOARDROOM_EXPLORER_H

#include "boardroom/db.h"
#include "boardroom/when.h"

/* Runs the explorer on db until the user quits (the ruler over all time
 * if ruler_all); returns the exit status.
 * Needs a terminal on standard input and output; says so and returns 2
 * otherwise. */
int explorer_run(struct br_db *db, enum br_lang lang,
		 const struct br_zone *zone, int ruler_all);

#endif
