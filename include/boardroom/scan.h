/* scan: every event under a filter, in time order, with its participants
 * and its source notes: what an export writes. One read transaction for
 * the whole scan (one lock taken, one snapshot, whatever the size); the
 * events are read by key a page at a time, and the participants and notes
 * of a page in one query each, so memory stays that of one page.
 *
 * Rows are a struct br_detail whose people are every participant, in the
 * order br_event_detail gives, with their slug, names and role (titles
 * and factions are left empty: an export does not write them), whose
 * notes are the event's, and with no figures. */
#ifndef BOARDROOM_SCAN_H
#define BOARDROOM_SCAN_H

#include <stdint.h>

#include "boardroom/db.h"
#include "boardroom/event.h"

struct br_scan;

/* A scan of the events under f strictly after key (NULL: from the start),
 * at most limit of them (-1: all). f is copied; its search stays borrowed
 * and must outlive the scan. Opens a read transaction if none is open (it
 * is ended by br_scan_close), so nothing may write to db meanwhile. The
 * caller owns the scan and closes it. */
struct br_scan *br_scan_open(struct br_db *db, const struct br_filter *f,
			     const struct br_key *key, int64_t limit);

/* The next row into *row: 1, 0 at the end, -1 on a database error
 * (br_db_errmsg says why). The row is owned by the scan and lives until
 * the next call or br_scan_close. */
int br_scan_next(struct br_scan *s, const struct br_detail **row);

/* Ends the read transaction the scan began and frees it (NULL is fine). */
void br_scan_close(struct br_scan *s);

#endif
