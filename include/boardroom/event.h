/* event: the timeline. Pages of events under a filter, fetched by key
 * (ts, id) through indexes so that the cost of a page does not grow with
 * the timeline; the event nearest an instant; counts, positions and
 * per-bucket densities; one event in full.
 *
 * Strings in a page or a detail are owned by it and live until it is
 * freed or refilled. */
#ifndef BOARDROOM_EVENT_H
#define BOARDROOM_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/search.h"
#include "boardroom/when.h"

enum br_kind {
	BR_KIND_MAIN = 1 << 0,	     /* the source's main line */
	BR_KIND_ASIDE = 1 << 1,	     /* its sidelights */
	BR_KIND_BACKGROUND = 1 << 2, /* the history before the crisis */
};
#define BR_KIND_ALL (BR_KIND_MAIN | BR_KIND_ASIDE | BR_KIND_BACKGROUND)

/* "main", "aside", "background". */
const char *br_kind_name(enum br_kind kind);
/* The mark a list shows for a kind: "●" main, "○" aside, "·" background. */
const char *br_kind_mark(enum br_kind kind);
/* Inverse of br_kind_name (also "sidelight", "bg"); 0 if unknown. */
enum br_kind br_kind_parse(const char *name);

/* What to show. A zeroed filter (then br_filter_init) shows everything.
 *
 * The search is compiled once by whoever sets it (br_search_compile) and
 * the filter only borrows it: the caller owns it, keeps it alive and
 * unchanged while queries run under the filter (or a copy of it), and
 * frees it after. The queries read it and never change or free it. Leave
 * it NULL for no search; a search compiled from text of white space alone
 * counts as a filter in force that every event matches. */
struct br_filter {
	int64_t people[8]; /* person ids */
	size_t n_people;
	int people_all;	     /* 1: events with all of them; 0: with any */
	unsigned kinds;	     /* enum br_kind bits; 0 or BR_KIND_ALL: all */
	int64_t faction;     /* a participant of this faction then; 0: any */
	br_instant from, to; /* inclusive bounds on the sort instant */
	const struct br_search *search; /* borrowed; NULL for none */
};

void br_filter_init(struct br_filter *f);
/* Whether any part of the filter is in force. */
int br_filter_active(const struct br_filter *f);

/* The position of an event in time order. */
struct br_key {
	br_instant ts;
	int64_t id;
};

struct br_event {
	int64_t id;
	enum br_kind kind;
	const char *marker; /* "主線#07", or "" */
	br_instant ts, t_min, t_max;
	enum br_precision precision;
	int inferred;
	const char *time_text; /* the source's wording, or "" */
	const char *title[2];  /* by enum br_lang */
	const char *summary[2];
	const char *people[2];	     /* actors' and subjects' names, joined */
	const char *short_people[2]; /* the same by last name */
	int n_notes;		     /* source notes on the event */
};

/* A page of events in time order. */
struct br_page {
	struct br_event *rows;
	size_t n, cap;
	struct br_pool pool; /* the rows' strings */
};

void br_page_free(struct br_page *page);

enum br_dir {
	BR_AFTER = 1,	/* events after the key, earliest first */
	BR_BEFORE = -1, /* events before the key, latest first */
};

/* Replaces page's rows with up to limit events under f strictly after (or
 * before) key; key NULL means from the start (or the end). Rows are always
 * in time order (for BR_BEFORE, the latest is last). Returns the number of
 * rows, or -1 on a database error (br_db_errmsg says why). */
int br_events_page(struct br_db *db, const struct br_filter *f,
		   const struct br_key *key, enum br_dir dir, size_t limit,
		   struct br_page *page);

/* The event under f to go to for [t_min, t_max]: the first inside the
 * interval, else the nearest to it. Returns 1 and fills out, 0 if f
 * matches nothing, -1 on error. */
int br_events_nearest(struct br_db *db, const struct br_filter *f,
		      br_instant t_min, br_instant t_max, struct br_key *out);

/* The event whose marker is marker ("主線#07", "花絮5"; "主线" and a
 * missing zero are taken too). Returns 1 and fills out, 0 if none. */
int br_events_by_marker(struct br_db *db, const char *marker,
			struct br_key *out);

/* How many events f matches in all (-1 on error). */
int64_t br_events_count(struct br_db *db, const struct br_filter *f);
/* How many events under f come before key (-1 on error). */
int64_t br_events_rank(struct br_db *db, const struct br_filter *f,
		       const struct br_key *key);

/* One slice of a count: f's events after *from (if *started; else from
 * the first) and before upto (NULL: to the last), in time order, at most
 * limit of them. *from becomes the last one counted and *started 1.
 * Returns how many (fewer than limit: none are left), or -1. A count
 * that reads each event (br_search_reads_rows) goes a slice at a time
 * this way, between keystrokes. */
int64_t br_events_count_slice(struct br_db *db, const struct br_filter *f,
			      struct br_key *from, int *started,
			      const struct br_key *upto, int64_t limit);

/* Like br_events_count (key NULL) or br_events_rank, but stops counting
 * past cap: the answer is then cap + 1 ("more than cap"). The cost stays
 * bounded on filters that match most of a large timeline. */
int64_t br_events_count_upto(struct br_db *db, const struct br_filter *f,
			     const struct br_key *key, int64_t cap);

/* The first and last instants of all events (0 if there are none). */
int br_events_span(struct br_db *db, br_instant *first, br_instant *last);

/* Counts of events under f in n buckets of width seconds from start (the
 * ruler). counts must hold n entries. 0 on success. Exact with no filter;
 * under kinds or one faction alone with buckets of four hours or more, or
 * one busy person alone with buckets of four days or more, counted from
 * the pre-aggregated tally, where an event near a bucket's edge may be
 * counted in its neighbour (by at most a quarter of a bucket). */
int br_events_density(struct br_db *db, const struct br_filter *f,
		      br_instant start, br_instant width, size_t n,
		      uint32_t *counts);
/* The same where positions or the tally answer (0), in a few lookups
 * whatever the timeline's size; 1 if the events must be read one by one
 * (counts then all 0), -1 on error. */
int br_events_density_indexed(struct br_db *db, const struct br_filter *f,
			      br_instant start, br_instant width, size_t n,
			      uint32_t *counts);
/* One slice of reading them: the next at most limit of f's events in the
 * buckets' span after *from (if *started), each added to its bucket, as
 * br_events_count_slice. How many (fewer than limit: done), or -1. */
int64_t br_events_density_slice(struct br_db *db, const struct br_filter *f,
				br_instant start, br_instant width, size_t n,
				uint32_t *counts, struct br_key *from,
				int *started, int64_t limit);

/* One event in full. */
struct br_participant {
	int64_t person_id;
	const char *slug;
	const char *name[2];
	const char *role;	  /* "actor", "subject", "mentioned" */
	const char *titles[2];	  /* roles held then: "CTO, interim CEO" */
	int64_t faction;	  /* at the event's time; 0 if none */
	const char *faction_slug; /* "" if none */
	const char *faction_name[2];
};

struct br_figure {
	int64_t event_id;
	const char *code;
	const char *name[2]; /* what it counts */
	int64_t value;
	int64_t total; /* 0 if none */
	const char *shown[2];
	br_instant ts; /* holds from */
	/* Filled by the split (br_split_at); an event's own figures (in
	 * br_detail) leave them as for an open figure known to the minute. */
	int ended;		 /* 1 if it has ended by the split's instant */
	br_instant until;	 /* when it ended or was replaced, if ended */
	br_instant t_min, t_max; /* its event's time, at its precision */
	enum br_precision precision;
	const char *marker; /* its event's marker, "" if none */
};

struct br_note {
	const char *kind; /* "contradiction", "doubt", "damage", "inference" */
	const char *text[2];
};

struct br_detail {
	struct br_event ev;
	struct br_participant *people;
	size_t n_people;
	struct br_figure *figures; /* those that change at this event */
	size_t n_figures;
	struct br_note *notes;
	size_t n_notes;
	struct br_page store; /* owns the strings */
};

/* Fills d with event id; 1 found, 0 no such event, -1 error. */
int br_event_detail(struct br_db *db, int64_t id, struct br_detail *d);
void br_detail_free(struct br_detail *d);

#endif
