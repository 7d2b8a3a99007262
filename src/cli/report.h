/* report: the command line's one-line errors on stderr, in the locale's
 * charset, safe to print whatever they quote. */
#ifndef BOARDROOM_REPORT_H
#define BOARDROOM_REPORT_H

/* Prints "boardroom: " and the message on one line (control characters
 * and invalid UTF-8 in it become '?') to stderr. Returns 2, the exit
 * status for bad input, so that callers can return it. */
int report_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The same line for what is not an error; the exit status is the
 * caller's. */
void report_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct br_db;

/* A query on db failed: reports the database's file and what is wrong
 * with it (br_db_errmsg), as report_fail does. Returns 2. */
int report_db(struct br_db *db);

#endif
