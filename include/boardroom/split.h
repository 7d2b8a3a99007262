/* split: the sides as they stood at an instant (who held which faction,
 * the board, the chief executive, the figures), and what changed between
 * two instants. */
#ifndef BOARDROOM_SPLIT_H
#define BOARDROOM_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/event.h"

struct br_member {
	int64_t id;
	const char *slug;
	const char *kind; /* "person", "org", "group" */
	const char *name[2];
	const char *titles[2]; /* roles held at the instant, "" if none */
	br_instant since;      /* when they took this side; 0 if always */
};

/* A side at an instant: how many stood on it, and the first of them in
 * the split's order (people before organisations and groups, each in id
 * order). */
struct br_side {
	int64_t id; /* faction id; 0 for those with no stance */
	const char *slug;
	const char *name[2];
	struct br_member *members; /* the first n of them */
	size_t n;
	size_t total; /* how many stood on the side; n <= total */
};

/* Everything the split view shows. Owns its strings and arrays: every
 * pointer in it, down to the members' strings, lives until
 * br_split_free or the next br_split_at on it. */
struct br_split {
	br_instant at;
	size_t limit;	       /* members asked for per side; 0 for all */
	struct br_side *sides; /* every faction in id order, then no side */
	size_t n_sides;
	struct br_member *board; /* the board of the central organisation */
	size_t n_board;
	struct br_member *chiefs; /* its CEO or interim CEO */
	size_t n_chiefs;
	struct br_figure *figures; /* the latest of each figure */
	size_t n_figures;
	struct br_pool pool;
};

/* The id of a faction by slug or name in either language (case aside);
 * 0 if there is none. */
int64_t br_faction_find(struct br_db *db, const char *name);

/* The faction's slug and names (by enum br_lang); 1 if found, 0 if not. */
int br_faction_names(struct br_db *db, int64_t id, char slug[64],
		     char names[2][64]);

/* Fills s as of instant at. Only people who have appeared in an event by
 * then are placed on a side. Each side gets its total and at most limit
 * members (0: all of them); a screenful costs the same on any size of
 * cast. Returns 0, or -1 on a database error. */
int br_split_at(struct br_db *db, br_instant at, size_t limit,
		struct br_split *s);
void br_split_free(struct br_split *s);

/* One person as br_split_at would place them at instant at: 1 and m (its
 * strings in pool), the faction's slug and names ("" for none); 0 if they
 * have not appeared by then. Cheap: for a screenful of people. */
int br_member_at(struct br_db *db, int64_t person, br_instant at,
		 struct br_member *m, struct br_pool *pool, char slug[64],
		 char faction[2][64]);

enum br_change_what {
	BR_CHANGE_STANCE,     /* took a side: from -> to */
	BR_CHANGE_ROLE_START, /* took a role: to */
	BR_CHANGE_ROLE_END,   /* left a role: from */
	BR_CHANGE_FIGURE,     /* a figure took a value: name, to */
};

struct br_change {
	enum br_change_what what;
	br_instant ts;
	int64_t event_id;
	const char *marker;  /* the event's marker, "" if none */
	int64_t person_id;   /* 0 for a figure */
	const char *name[2]; /* the person's, or the figure's */
	const char *from[2]; /* faction or role left; "" if none */
	const char *to[2];   /* faction or role taken, or the figure shown */
};

struct br_changes {
	struct br_change *rows;
	size_t n, cap;
	struct br_pool pool;
};

/* Replaces out with what changed in (t1, t2], in time order. Returns the
 * number of changes, or -1 on error. */
int br_changes_between(struct br_db *db, br_instant t1, br_instant t2,
		       struct br_changes *out);
void br_changes_free(struct br_changes *c);

#endif
