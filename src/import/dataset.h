/* dataset: the interchange format, a whole dataset as one JSON object
 * (doc/dataset.schema.json): reading it into a database, and checking a
 * dataset, as such a file or as a database, for what would make its split,
 * roles or figures wrong.
 *
 * The document's members come in this order, each referring only to
 * those before it: format, version, meta, tiers, factions, role_titles,
 * figure_kinds, people, events, stances, roles, figures, not_people. */
#ifndef BOARDROOM_DATASET_H
#define BOARDROOM_DATASET_H

#include <stddef.h>

#include "boardroom/db.h"

/* The "format" member of a document, and the version this program reads
 * and writes. */
#define BR_DATASET_FORMAT  "boardroom-dataset"
#define BR_DATASET_VERSION 1

/* Where each problem a check finds is told: place is a JSON pointer
 * ("/roles/3/until") for a file, "TABLE ID" ("role 12") for a database;
 * msg says what is wrong. Both are owned by the caller of report. */
typedef void br_check_report(void *data, const char *place, const char *msg);

/* Checks the dataset document at path: read into a database in memory,
 * each record on its own, then checked across records. Returns the number
 * of problems (each told to report), or -1 with a message naming the file
 * in err when it cannot be read at all (not JSON, not a document). */
long br_dataset_check_file(const char *path, br_check_report *report,
			   void *data, char *err, size_t errlen);

/* Checks a boardroom database, by queries (never loading a table): the
 * number of problems, or -1 with the database's message in err. */
long br_dataset_check_db(struct br_db *db, br_check_report *report, void *data,
			 char *err, size_t errlen);

#endif
