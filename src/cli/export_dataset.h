/* export_dataset: boardroom export, a whole dataset in the interchange
 * format (doc/dataset.md, doc/dataset.schema.json), one record at a time. */
#ifndef BOARDROOM_EXPORT_DATASET_H
#define BOARDROOM_EXPORT_DATASET_H

#include "cli/commands.h"

/* Writes ctx->db to ctx->out as one dataset document; 0, or 2 after a
 * database error. */
int cmd_export(struct cmd_ctx *ctx);

#endif
