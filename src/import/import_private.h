/* import_private: what the import modules share: the events read from a
 * file before they are written, and the names people are found by. */
#ifndef BOARDROOM_IMPORT_PRIVATE_H
#define BOARDROOM_IMPORT_PRIVATE_H

#include <stdint.h>
#include <stdio.h>

#include "boardroom/base.h"
#include "boardroom/event.h"
#include "boardroom/when.h"
#include "import/import.h"

struct br_db;

struct imp_person {
	const char *slug;    /* tables: the key; articles: NULL */
	const char *name[2]; /* tables: for a person to create */
	const char *role;    /* "actor", "subject", "mentioned" */
	int64_t id;	     /* 0 until known */
};

struct imp_note {
	const char *kind; /* "contradiction", "doubt", "damage", "inference" */
	const char *text[2];
};

struct imp_event {
	enum br_kind kind;
	const char *marker; /* NULL: none */
	br_instant ts, t_min, t_max;
	enum br_precision prec;
	int inferred;
	const char *time_text;
	const char *title[2];
	const char *summary[2];
	struct imp_person *people;
	size_t n_people;
	struct imp_note *notes;
	size_t n_notes;
	long line; /* where it was read: a line, or an index in JSON */
};

/* The events of one file; the pool owns every string and array. */
struct imp_batch {
	struct imp_event *v;
	size_t n, cap;
	struct br_pool pool;
};

/* A new zeroed event at the end of b. */
struct imp_event *imp_batch_add(struct imp_batch *b);
void imp_batch_free(struct imp_batch *b);
/* Empties b for the next events, keeping its array. */
void imp_batch_clear(struct imp_batch *b);
/* A copy of n bytes of s, NUL-terminated, owned by b. */
const char *imp_strndup(struct imp_batch *b, const char *s, size_t n);

/* A name to find a person by in an article. */
struct imp_alias {
	char *norm; /* folded (br_text_fold) */
	char *text; /* as written, for names in Han characters */
	int64_t person;
	int han; /* it has Han characters: matched as a substring */
};

/* Sorted by norm, for the Latin names. */
struct imp_aliases {
	struct imp_alias *v;
	size_t n, cap;
};

void imp_aliases_free(struct imp_aliases *a);
/* Every alias and name of db's people (not the slugs: 'board' is a
 * word), folded, into a (import_names.c). */
void imp_load_aliases(struct br_db *db, struct imp_aliases *a);

/* What an article is read with. */
struct imp_article_ctx {
	const struct br_zone *zone; /* its times are wall clocks here */
	int year;		    /* for dates without one */
	br_instant reference;	    /* "17号" before any date: this month */
	const struct imp_aliases *aliases;
};

/* Whether s (at least 6 bytes readable, or NUL-terminated) starts a
 * line that is an entry: 主線#01, 主线＃１：, 花絮12 ... */
int imp_is_entry(const char *s);

/* The date the article states before its first entry (when it was
 * published): *y, *m, *d, each 0 if not stated. */
void imp_article_date(const char *text, int *y, int *m, int *d);

/* Reads the entries of an article (UTF-8, NUL-terminated) into b and
 * counts in rep. 0, or -1 with "NAME: problem" in err. */
int imp_read_article(const char *name, const char *text,
		     const struct imp_article_ctx *ctx, struct imp_batch *b,
		     struct br_import_report *rep, char *err, size_t errlen);

/* Where a table reader puts its events, a batch at a time: it adds them
 * to b and calls flush(ctx, b) whenever b holds IMP_BATCH_EVENTS, and
 * once at the end (b may be empty then). flush does what it does with
 * them and empties b (imp_batch_clear); it returns 0, or -1 with its
 * message written in the err the reader was given. */
#define IMP_BATCH_EVENTS 2000
struct imp_sink {
	struct imp_batch *b; /* not owned */
	int (*flush)(void *ctx, struct imp_batch *b);
	void *ctx;
	/* Only each event's people are needed (the first of the two
	 * passes): a JSON reader may leave the rest unbuilt, and leaves a
	 * wrong event out, for the second pass to report (a file not valid
	 * JSON is still an error here). */
	int people_only;
	/* 1: a JSON reader does all its work on the caller's thread (for
	 * tests); else it parses on a second one too (import_jsonpipe.c). */
	int threads;
};

/* Reads the events of a JSON or CSV export from f (not owned; read from
 * where it is) into sink: memory is one batch's, whatever the file's
 * size. 0, or -1 with "NAME: where: problem" in err. */
int imp_read_json(const char *name, FILE *f, const struct imp_sink *sink,
		  char *err, size_t errlen);
int imp_read_csv(const char *name, FILE *f, const struct imp_sink *sink,
		 char *err, size_t errlen);

/* The elements of the top-level JSON array f holds (read from where it
 * is), each parsed (as imp_js_parse, with only) and handed to convert,
 * which adds what it makes of it to b (index: the element's, from 0;
 * partial as imp_js_parse's); convert returns 0, or -1 with its message
 * in err (errlen bytes). convert runs on either of two threads, on
 * different batches at once: it may touch b and what it is given alone.
 * The batches go to sink->flush in the file's order, on the caller's
 * thread (sink->b is not used); the last once more at the end, as a
 * reader of one thread would. 0; -1 with the file's first problem in
 * err; IMP_JP_NOT_ARRAY if the text is valid so far but no array. Every
 * thread it starts has ended when it returns (import_jsonpipe.c). */
struct json_t;
struct imp_jp_ops {
	int (*convert)(void *ctx, struct imp_batch *b, struct json_t *v,
		       size_t index, int partial, char *err, size_t errlen);
	void *ctx;
	const char *only; /* not owned */
	int threads;	  /* as imp_sink's */
};
#define IMP_JP_NOT_ARRAY (-2)
int imp_jp_read(const char *name, FILE *f, const struct imp_jp_ops *ops,
		const struct imp_sink *sink, char *err, size_t errlen);

/* The file to import (import_open.c): opened if it is a regular file
 * (else NULL with "FILE: problem" in err), its size in *size. */
FILE *imp_open(const char *file, long long *size, char *err, size_t errlen);
/* Reads size bytes of f whole into *data (the caller frees it), if that
 * is at most BR_IMPORT_MAX_BYTES. 0, or -1 with the message. */
int imp_read_whole(const char *file, FILE *f, long long size, char **data,
		   size_t *n, char *err, size_t errlen);
/* The format the file's name or its text (NUL-terminated, from the
 * start) says. */
enum br_import_format imp_sniff(const char *file, const char *text);
/* Whether f (at its start) is a table to stream: in UTF-8 (encoding NULL,
 * or UTF-8) without a NUL byte; its format in *format and whether it
 * starts with a byte order mark in *bom. If so, f is left past the mark;
 * else at its start. */
int imp_streamable(const char *file, FILE *f, const char *encoding,
		   enum br_import_format *format, int *bom);

/* The indexes of event and participant while an import fills them
 * (import_index.c): dropped in its transaction (their definitions kept
 * here, which the struct owns), built again at its end, a table's at a
 * time (table NULL: every one still dropped). 0, or -1 with the
 * database's message in err. A rollback brings them back by itself. */
struct imp_indexes {
	char **name, **table, **sql; /* sql NULL: built again */
	size_t n, cap;
	size_t dropped; /* how many are not built again yet */
};
int imp_indexes_drop(struct br_db *db, struct imp_indexes *ix, char *err,
		     size_t errlen);
int imp_indexes_create(struct br_db *db, struct imp_indexes *ix,
		       const char *table, char *err, size_t errlen);
void imp_indexes_free(struct imp_indexes *ix);

/* Text the article modules share (import_phrase.c): the length of a
 * space at s (' ', tab, U+3000, U+00A0; 0 if none), s past its spaces,
 * and the value of an ASCII or full-width digit at s (its bytes in *len),
 * or -1. */
size_t imp_space_len(const char *s);
const char *imp_skip_spaces(const char *s);
int imp_digit_at(const char *s, size_t *len);

/* The first date or time phrase of text (an entry's) that br_when_parse
 * understands, read with wc: 1 with it in *w and its bytes [*start,
 * *end), or 0; phrases it did not understand are counted in *unread, the
 * first of them copied to bad (badlen bytes; cut with "…"; "" if none). */
int imp_read_time(const char *text, const struct br_when_ctx *wc,
		  struct br_when *w, size_t *start, size_t *end, long *unread,
		  char *bad, size_t badlen);

/* The title of an entry with text (its first clause that is more than a
 * date), owned by b. */
const char *imp_make_title(struct imp_batch *b, const char *text);

/* Links ev to the people text names by the aliases a; counts the links
 * in rep and adds the unknown names to unknown (import_names.c). */
struct imp_strset;
void imp_link_people(struct imp_batch *b, struct imp_event *ev,
		     const char *text, const struct imp_aliases *a,
		     struct imp_strset *unknown, struct br_import_report *rep);

/* The people a table names by slug (import_people.c), gathered from all
 * its events before any is written, since the ids of the people to
 * create follow from the order of people in every event: those db knows
 * are found by slug, the others created. imp_people_add takes the people
 * of a batch (copying what it keeps: memory is one entry a person and one
 * a pair of people listed together, not one an event);
 * imp_people_create creates those db lacks and counts them in
 * rep->people_created (0, or -1 on a database error, which the caller
 * names); imp_people_ids then sets the ids of a batch's people. */
struct imp_people;
struct imp_people *imp_people_new(struct br_db *db); /* db not owned */
void imp_people_add(struct imp_people *pp, const struct imp_batch *b);
int imp_people_create(struct imp_people *pp, struct br_import_report *rep);
void imp_people_ids(const struct imp_people *pp, struct imp_batch *b);
void imp_people_free(struct imp_people *pp);

/* A dataset document, read from f (not owned) as a stream, into db,
 * which must have no data yet (path names it in the message), in the
 * caller's transaction; its counts in rep (dataset_walk.c). 0, or -1
 * with "FILE: ..." in err. */
int imp_ds_import(struct br_db *db, const char *path, const char *file, FILE *f,
		  struct br_import_report *rep, char *err, size_t errlen);

/* The cast of an article (import_cast.c): the people of a dataset
 * document or a CSV of names (doc/dataset.md) into db, those it has by
 * slug left as they are; their count in *added, and the names that are
 * not people, folded, into not_people. 0, or -1 with "FILE: ..." in err. */
int imp_cast_load(struct br_db *db, const char *file,
		  struct br_strings *not_people, long *added, char *err,
		  size_t errlen);
/* Removes from unknown the names whose folded form is one of not_people,
 * or a part of one; returns how many. */
long imp_cast_filter(struct br_strings *unknown,
		     const struct br_strings *not_people);
/* A person for each name, marked unreviewed, with the name as its alias;
 * their count in *made. 0, or -1 on a database error. */
int imp_cast_create(struct br_db *db, const struct br_strings *names,
		    long *made);

/* A list of strings without repeats: the list (not owned) and a hash
 * table of its entries, so that adding is constant time. Zeroed but for
 * list is empty. */
struct imp_strset {
	struct br_strings *list;
	size_t *slot; /* 0: free; else an index into list->v, plus one */
	size_t cap;   /* a power of two, or 0 */
};

/* Adds n bytes of s to the list unless it holds them already; 1 if it
 * did. */
int imp_strings_add(struct imp_strset *set, const char *s, size_t n);
/* Frees the table (the list stays). */
void imp_strset_free(struct imp_strset *set);

#endif
