/* people: the people, organisations and groups of a dataset, found by any
 * of their aliases in either language. */
#ifndef BOARDROOM_PEOPLE_H
#define BOARDROOM_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/base.h"
#include "boardroom/db.h"

struct br_person {
	int64_t id;
	const char *slug;
	const char *kind; /* "person", "org", "group" */
	const char *name[2];
	const char *bio[2];
	int64_t n_events;    /* events they take part in */
	const char *matched; /* the alias the query matched; "" for none */
};

/* A list of people; owns the strings. Zeroed is empty. */
struct br_people {
	struct br_person *rows;
	size_t n, cap;
	struct br_pool pool;
};

void br_people_free(struct br_people *list);

/* Replaces list with up to limit people whose aliases contain query
 * (case-, accent-, apostrophe- and width-insensitive): exact matches
 * first, then prefix matches, then the rest, each by number of events,
 * then by name. An empty query lists everyone so. Ask for what is shown:
 * the work follows limit and the people with an alias beginning with
 * query, not the whole cast (but for a query that few match, which reads
 * one short row per person). Returns the count, -1 on error. */
int br_people_search(struct br_db *db, const char *query, size_t limit,
		     struct br_people *list);

/* One person by id into list (replacing it); 1 found, 0 not, -1 error. */
int br_people_get(struct br_db *db, int64_t id, struct br_people *list);

/* A list of strings owned by its pool. Zeroed is empty. */
struct br_strings {
	const char **v;
	size_t n, cap;
	struct br_pool pool;
};

void br_strings_free(struct br_strings *list);

/* Replaces out with every alias of person id. Returns the count, -1 on
 * error. */
int br_people_aliases(struct br_db *db, int64_t id, struct br_strings *out);

/* Resolves a name typed on a command line to one person: a slug, an exact
 * alias, or a prefix that only one person has. Returns 0 and sets *id, or
 * -1 with "unknown person 'x'" or "'x' is ambiguous: A, B, C" in err. */
int br_people_resolve(struct br_db *db, const char *name, int64_t *id,
		      char *err, size_t errlen);

#endif
