/* import: reading articles and tables into a boardroom database.
 *
 * Three kinds of file are understood:
 * - an article: plain text in any charset iconv knows (detected when not
 *   named), with numbered entries 主線#01 / 主线#01 (the main line) and
 *   花絮1 (sidelights); each entry becomes one event, dated by the date
 *   and time phrases it contains;
 * - JSON: the array `boardroom events --format json` writes;
 * - CSV: the table `boardroom events --format csv` writes (RFC 4180);
 * - a dataset: the object `boardroom export` writes (doc/dataset.md),
 *   everything a dataset holds, into a new or empty database.
 * Exporting a database to JSON or CSV and importing the file into a new
 * database gives the same export again, byte for byte.
 *
 * An import is one transaction, the derived tables included: killed, or
 * on a full disk, it leaves the database as it was; a file with an error
 * is rolled back alone. Nothing is dropped silently: what cleaning removes and
 * what is skipped is counted in a report. */
#ifndef BOARDROOM_IMPORT_H
#define BOARDROOM_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "boardroom/people.h"
#include "boardroom/when.h"

/* Articles larger than this are refused (they are read in one go), and
 * tables that are not UTF-8 (they are decoded in one go). A table in
 * UTF-8 is read as a stream, whatever its size. */
#define BR_IMPORT_MAX_BYTES (64L * 1024 * 1024)

enum br_import_format {
	BR_IMPORT_ARTICLE,
	BR_IMPORT_JSON,
	BR_IMPORT_CSV,
	BR_IMPORT_DATASET,
};

/* "article", "json", "csv", "dataset". */
const char *br_import_format_name(enum br_import_format format);

struct br_import_opts {
	const char *encoding; /* an iconv name; NULL: detect */
	int lossy;	      /* undecodable bytes become U+FFFD (counted) */
	/* The year of an article's dates that have none; 0: the database's
	 * when adding to one, else the year the article states before its
	 * first entry, else the current year. */
	int year;
	/* The zone an article's wall clocks are in, as br_zone_set takes it
	 * ("PT", "Beijing", an IANA name); NULL: America/Los_Angeles. */
	const char *tz;
	const char *source; /* title and source of a new database; NULL:
			       the files' names */
	/* The cast of the articles (a dataset document or a CSV of names,
	 * doc/dataset.md), added before the first article; NULL: none. */
	const char *people;
	/* Articles: a person, marked unreviewed, for each name still
	 * unknown after the cast and its not_people. */
	int create_people;
};

/* What happened to one file. */
struct br_import_report {
	char file[256];
	enum br_import_format format;
	char encoding[40]; /* "UTF-8", "GB18030", "BIG5", "UTF-16LE"... */
	int detected;	   /* 1: detected; 0: given with --encoding */
	int bom;	   /* the file starts with a byte order mark */
	long entries[3];   /* events by kind: main, aside, background */
	long dates_stated; /* events whose time the file states */
	long dates_inferred;
	long dates_unread; /* date phrases the parser did not understand */
	long linked;	   /* participants linked to people */
	long people_created;
	long cast;		   /* people the cast file added (first file) */
	long not_people;	   /* unknown names left out as not people */
	struct br_strings unknown; /* names that match no alias, once each */
	long pinyin;		   /* readings removed: 頁(yè) -> 頁 */
	long pinyin_toneless;	   /* of which had lost their tone marks */
	long fffd_runs;		   /* runs of U+FFFD removed */
	long stars;		   /* lone '*' (a dropped word), kept */
	long lines_before;	   /* non-blank lines before the first entry */
	long lines_between;	   /* ... between entries (captions) */
	long lines_after;	   /* ... after the last entry */
	long replaced;		   /* bytes replaced by U+FFFD (--lossy) */
	long rows;		   /* events inserted */
	long notes;		   /* notes inserted */
	int year;		   /* the year dates were read in (articles) */
	char tz[64];		   /* the zone they were read in */
};

void br_import_report_free(struct br_import_report *r);

/* Importing into a database. */
struct br_importer;

/* Opens path to add to it (a boardroom database), or creates it if it
 * does not exist: as path.importing-PID, which br_import_end names path
 * when the import is complete (never over a file made meanwhile).
 * Returns NULL and a one-line message naming the file. */
struct br_importer *br_import_begin(const char *path,
				    const struct br_import_opts *opts,
				    char *err, size_t errlen);

/* Whether begin created the database. */
int br_import_created(const struct br_importer *im);

/* Imports one file, in the import's transaction (begun by the first
 * file), and fills rep (which the caller frees with br_import_report_free,
 * also after an error). Returns 0, or -1 with "FILE: what is wrong" in
 * err; what the file wrote is then rolled back. Nothing is kept before
 * br_import_end. */
int br_import_file(struct br_importer *im, const char *file,
		   struct br_import_report *rep, char *err, size_t errlen);

/* If any event was imported: writes the meta facts of a new database
 * (the span of its events, year, zone, title and source), derives
 * aliases, participants, the search index and the tallies, and commits
 * the import's transaction. Then closes. A database that received no
 * event is left untouched, or removed if begin created it. Returns 0, or
 * -1 with a message: then nothing was imported (the database is as it
 * was before begin). */
int br_import_end(struct br_importer *im, char *err, size_t errlen);

/* The layers below, for tests and tools. */

/* Text decoded to UTF-8. */
struct br_decoded {
	char *text; /* NUL-terminated; the caller frees it */
	size_t len;
	char encoding[40];
	int detected, bom;
	long replaced; /* undecodable bytes replaced (lossy) */
};

/* Decodes n bytes of data (named name in messages) to UTF-8: with
 * encoding (any name iconv knows), or else detected: a byte order mark
 * (UTF-8, UTF-16LE/BE, UTF-32LE/BE), valid UTF-8, UTF-8 in most lines
 * (the others in another charset: their bytes are undecodable), or
 * whichever of GB18030 and Big5 decodes into the most plausible Chinese
 * text. Undecodable bytes are an error naming their offset (from 0) and
 * line, e.g. "a.txt: invalid GB18030 at byte 1234 (line 17)", unless
 * lossy. Returns
 * 0, or -1 with the message in err. */
int br_import_decode(const char *name, const char *data, size_t n,
		     const char *encoding, int lossy, struct br_decoded *out,
		     char *err, size_t errlen);

/* Cleaning counts for one piece of text. */
struct br_clean {
	long pinyin, pinyin_toneless, fffd_runs, stars;
};

/* Whether text shows the readings a simplified-to-traditional converter
 * leaves (頁(yè)): ten or more parenthesised lowercase groups right after
 * Han characters. Only then are groups without tone marks removed too. */
int br_import_has_readings(const char *text);

/* A cleaned copy of one line (the caller frees it): pinyin readings after
 * Han characters removed (those without tone marks only if toneless),
 * runs of U+FFFD removed, lone '*' kept; counts are added to c. */
char *br_import_clean_line(const char *line, int toneless, struct br_clean *c);

/* A table in CSV (RFC 4180): quoted fields may hold commas, quotes ("")
 * and line breaks; records end with CRLF or LF. */
struct br_csv_record {
	char **fields;
	size_t n;
	long line; /* where the record starts, from 1 */
};

struct br_csv {
	struct br_csv_record *rows;
	size_t n, cap;
};

/* A CSV table read from f (not owned; read from where it is), one record
 * at a time (import_csv.c). */
struct br_csv_reader;
struct br_csv_reader *br_csv_open(FILE *f);
/* The next record (blank lines are skipped): 1 with it in rec, whose
 * fields the reader owns until the next call; 0 at the end of the file;
 * -1 with "line N: problem" in err. */
int br_csv_next(struct br_csv_reader *r, struct br_csv_record *rec, char *err,
		size_t errlen);
void br_csv_close(struct br_csv_reader *r);

/* Parses len bytes of text in memory (the caller frees out with
 * br_csv_free, whose fields it owns); 0, or -1 with "line N: problem" in
 * err. */
int br_csv_parse(const char *text, size_t len, struct br_csv *out, char *err,
		 size_t errlen);
void br_csv_free(struct br_csv *csv);

#endif
