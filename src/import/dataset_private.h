/* dataset_private: reading the interchange format one record at a time.
 *
 * Each imp_ds_* function takes one record (a jansson value the caller
 * owns and keeps) and the JSON pointer it was found at ("/people/3"), and
 * writes it to the database in the caller's transaction. A driver hands
 * them the records in document order (imp_ds_member picks the function by
 * the member's name): dataset_walk.c walks a parsed document, and a
 * streaming reader can hand over each member and element as it reads it.
 *
 * Problems are named by JSON pointer. When importing, the first problem
 * stops: -1, with "FILE: POINTER: what is wrong" in err. When checking,
 * each problem is told to report and the record is skipped (-1 too); the
 * driver goes on with the next. */
#ifndef BOARDROOM_DATASET_PRIVATE_H
#define BOARDROOM_DATASET_PRIVATE_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/people.h"
#include "import/dataset.h"

struct imp_ds;
typedef int imp_ds_reader(struct imp_ds *ds, json_t *rec, const char *ptr);

struct imp_ds {
	struct br_db *db; /* not owned */
	const char *file; /* for messages; not owned */
	int check;	  /* 1: report problems and go on */
	int cast;	  /* 1: only people and not_people are read */
	br_check_report *report;
	void *data;
	long problems;
	char *err;
	size_t errlen;
	int has_meta; /* a meta record was read */
	br_instant window[2];
	long people, events, notes, linked, stances, roles, figures;
	int64_t last_event; /* the row of the last event read */
	long kinds[3];	    /* events by kind: main, aside, background */
	/* not_people, folded (br_text_fold); owned by the reader, freed by
	 * imp_ds_free */
	struct br_strings not_people;
	/* NULL, or what the driver calls for each record instead of its
	 * reader (check remembers where each row came from); it calls read. */
	int (*each)(struct imp_ds *ds, imp_ds_reader *read, json_t *rec,
		    const char *ptr);
};

/* Prepares ds for db (the temporary tables that map the document's event
 * ids to the database's). 0, or -1 with err. */
int imp_ds_begin(struct imp_ds *ds, struct br_db *db, const char *file,
		 char *err, size_t errlen);
/* Drops the temporary tables and frees what ds owns. */
void imp_ds_free(struct imp_ds *ds);

/* The records. */
int imp_ds_header(struct imp_ds *ds, const char *key, json_t *v);
int imp_ds_meta(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_tier(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_faction(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_role_title(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_figure_kind(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_person(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_event(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_stance(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_role(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_figure(struct imp_ds *ds, json_t *rec, const char *ptr);
int imp_ds_not_person(struct imp_ds *ds, json_t *rec, const char *ptr);

/* The reader of member name's records; NULL if it has none. */
imp_ds_reader *imp_ds_member(const char *name);

/* After the last record: what the document must have had (meta). */
int imp_ds_end(struct imp_ds *ds);

/* A problem at ptr (see above): always -1. */
int imp_ds_bad(struct imp_ds *ds, const char *ptr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reads a document from f (not owned, from where it is) through ds
 * (dataset_walk.c): the header members, then each record of each member
 * in document order, one at a time. 0, or -1 (importing: at the first
 * problem; checking: if any), or -2 if the text is not JSON (err says
 * where). */
int imp_ds_read_stream(struct imp_ds *ds, FILE *f);

/* The same, of the document text (len bytes). */
int imp_ds_read_text(struct imp_ds *ds, const char *text, size_t len);

static inline int64_t imp_ds_last_event(const struct imp_ds *ds)
{
	return ds->last_event;
}

/* "2023-11-17T20:03:00Z" for t, into buf (at least 24 bytes). */
void imp_ds_iso(br_instant t, char *buf, size_t len);

#endif
