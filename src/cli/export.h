/* export: events in each of the command line's formats: text lines,
 * JSON, CSV, Markdown, iCalendar and TimelineJS. */
#ifndef BOARDROOM_EXPORT_H
#define BOARDROOM_EXPORT_H

#include <jansson.h>

#include "cli/commands.h"

/* A text in the language asked for, else in the other: an imported
 * article has its titles in Chinese only. */
const char *export_in_lang(const char *const text[2], enum br_lang lang);

/* What comes before the first event, and after the last (none: there were
 * none), in ctx->format. */
void export_begin(struct cmd_ctx *ctx);
void export_end(struct cmd_ctx *ctx, int none);

/* Writes one event in ctx->format to ctx->out (first: the first one):
 * d->ev, with its participants and notes (a br_scan row or a detail). */
void export_event(struct cmd_ctx *ctx, const struct br_detail *d, int first);

/* One event with its participants and notes as a JSON object (the caller
 * owns it), and an event as a line of text. */
json_t *export_event_json(struct cmd_ctx *ctx, const struct br_detail *d);
void export_event_text(struct cmd_ctx *ctx, const struct br_event *ev);
/* An event's time for a text list's time column (out_when_cols): the
 * list's style (as cmd_short_style), in digits (NARROW_DATED) where a date
 * with its year would run into the next column. */
void export_when_column(struct cmd_ctx *ctx, const struct br_event *ev,
			char *buf, size_t len);
/* Writes a time column's text padded to out_when_cols, and at least one
 * space after it when it fills the column or more. */
void export_when_pad(struct cmd_ctx *ctx, const char *when);

#endif
