/* replay: the explorer without a terminal. A script of keys is played
 * into the app and each frame is rendered into an off-screen canvas of a
 * given size; `dump` prints the screen as text. For tests and for timing
 * whole frames without a terminal's noise. */
#ifndef BOARDROOM_REPLAY_H
#define BOARDROOM_REPLAY_H

#include <stdio.h>

#include "boardroom/db.h"
#include "boardroom/when.h"

/* Script lines:
 *   keys j j Enter   named keys (a character, or Enter Esc Tab Space
 *                    Up Down PgUp PgDn Home End BSpace C-l C-u)
 *   type TEXT        the characters of TEXT, one key each
 *   resize COLS ROWS
 *   wait 2s          script time goes by (also 500ms), in the frames
 *                    play draws; the clock is virtual, starting at 0
 *   tick [N]         N frames of play (1): time to the next frame each
 *   dump             print the screen to out, then a line "--"
 *   # ...            a comment
 * With timing, each line's keys and the frame drawn after them are timed
 * and "t <microseconds> <line>" is printed to out. Returns 0, or 2 with a
 * message on stderr for a script error (naming the line). ruler_all: the
 * ruler starts over all time. */
int replay_run(struct br_db *db, enum br_lang lang, const struct br_zone *zone,
	       int ruler_all, int cols, int rows, FILE *script,
	       const char *name, int timing, FILE *out);

#endif
