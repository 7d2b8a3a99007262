/* lanes: boardroom lanes, the sides over time as text or one SVG. */
#ifndef BOARDROOM_CLI_LANES_H
#define BOARDROOM_CLI_LANES_H

#include "cli/commands.h"

int cmd_lanes(struct cmd_ctx *ctx);

#endif
