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
	int64_t seats;	       /* how many people the entry stands for: 1,
				  or a group's headcount */
	int chair;	       /* on the board list: holds its chair */
	/* The stance in the crisis at the instant (schema.sql, faction
	 * axis 'crisis'): slug and names, "" for neither; since, 0 if from
	 * the start; the marker of the event that shows it, "" if none. */
	const char *stance_slug;
	const char *stance[2];
	br_instant stance_since;
	const char *stance_marker;
};

/* A side at an instant: how many stood on it, and the first of them in
 * the split's order (people before organisations and groups, each in id
 * order). */
struct br_side {
	int64_t id; /* faction id; 0: no line stated; -1: not placed */
	const char *slug;
	const char *name[2];
	struct br_member *members; /* the first n of them */
	size_t n;
	size_t total; /* how many stood on the side; n <= total */
};

/* Everything the split view shows, at one instant. The sides are the
 * lines (factions of axis 'line'); each member carries their crisis
 * stance. Owns its strings and arrays: every pointer in it, down to the
 * members' strings, lives until br_split_free or the next br_split_at on
 * it. */
struct br_split {
	br_instant at;
	size_t limit;	       /* members asked for per side; 0 for all */
	struct br_side *sides; /* every line in id order, then no line (0),
				  then, if asked, those not placed (-1) */
	size_t n_sides;
	struct br_member *board; /* the board of the central organisation */
	size_t n_board;
	int64_t board_seats;	  /* seats held: the sum of the board's seats */
	struct br_member *chiefs; /* its CEO or interim CEO */
	size_t n_chiefs;
	struct br_figure *figures; /* the latest of each figure that holds */
	size_t n_figures;
	struct br_figure *past; /* those whose latest has ended (ended: 1) */
	size_t n_past;
	/* The last event at or before the instant; id 0 if none. */
	int64_t last_id;
	br_instant last_ts;
	const char *last_marker;
	const char *last_title[2];
	struct br_pool pool;
};

/* What br_split_query adds to the split. */
enum {
	BR_SPLIT_EVERYONE = 1 << 0, /* a last side (-1): the cast not placed */
};

/* The id of a faction by slug or name in either language (case aside);
 * 0 if there is none. */
int64_t br_faction_find(struct br_db *db, const char *name);

/* Every faction's slug, the lines first, joined by ", " into buf (always
 * NUL-terminated, truncated if need be): for a message. Returns strlen. */
size_t br_faction_slugs(struct br_db *db, char *buf, size_t len);

/* The faction's slug and names (by enum br_lang); 1 if found, 0 if not. */
int br_faction_names(struct br_db *db, int64_t id, char slug[64],
		     char names[2][64]);

/* Fills s as of instant at: the state of the world at that instant, not
 * at the nearest event. Only people of a placed tier who are placed by
 * then (person_stat.placed_from) are on a side. Each side gets its total
 * and at most limit members (0: all of them); a screenful costs the same
 * on any size of cast. Returns 0, or -1 on a database error. */
int br_split_at(struct br_db *db, br_instant at, size_t limit,
		struct br_split *s);
/* br_split_at with flags (BR_SPLIT_*). */
int br_split_query(struct br_db *db, br_instant at, size_t limit,
		   unsigned flags, struct br_split *s);
void br_split_free(struct br_split *s);

/* One person as br_split_at would place them at instant at: 1 and m (its
 * strings in pool, its crisis stance included), the line's slug and names
 * ("" for none); 0 if they are not placed by then. Cheap: for a screenful
 * of people. */
int br_member_at(struct br_db *db, int64_t person, br_instant at,
		 struct br_member *m, struct br_pool *pool, char slug[64],
		 char faction[2][64]);

/* Where a person stands at an instant, for a list of the whole cast. */
struct br_place {
	char tier[32];	    /* the tier's code, "" if none */
	int placed;	    /* 1 if the split places them at the instant */
	char line_slug[64]; /* "" for none stated, or not placed */
	char line[2][64];
	char stance_slug[64]; /* "" for neither, or not placed */
	char stance[2][64];
};

/* Fills out for person at instant at; 1 if found, 0 if no such person,
 * -1 on error. Two or three lookups. */
int br_place_at(struct br_db *db, int64_t person, br_instant at,
		struct br_place *out);

/* One stretch of a person's side on one axis, as the split places them
 * over it: [from, to), to BR_INSTANT_MAX while it lasts. */
struct br_stretch {
	br_instant from, to;
	int64_t faction;  /* 0: no side of the axis */
	int64_t event_id; /* the event that shows it; 0 if none */
};

/* Person's sides on axis ("line" or "crisis") from the instant the split
 * places them (person_stat.placed_from) up to instant before, in time
 * order, into out (cap entries; the last ones are dropped if more).
 * Returns how many were written: 0 if the person is not placed by then,
 * -1 on a database error. A few rows of the stance index. */
int br_stretches(struct br_db *db, int64_t person, const char *axis,
		 br_instant before, struct br_stretch *out, size_t cap);

/* A role of the central organisation held over [since, until)
 * (BR_INSTANT_MIN, BR_INSTANT_MAX when open). */
struct br_holding {
	int64_t person;
	const char *name[2]; /* in the caller's pool */
	int64_t seats;	     /* the holder's headcount: 1, or a group's */
	br_instant since, until;
	int64_t since_event, until_event; /* 0 if not known */
};

/* Every holding of a role of part a or b ("chief", "seat", "chair") at
 * the central organisation that overlaps [from, to), by since, into a new
 * array *out (the caller frees it) of *n; names in pool.
 * Returns 0 or -1. */
int br_holdings(struct br_db *db, const char *a, const char *b, br_instant from,
		br_instant to, struct br_holding **out, size_t *n,
		struct br_pool *pool);

enum br_change_what {
	BR_CHANGE_STANCE,     /* took a side (line or crisis): from -> to */
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
	const char *axis;    /* a stance's: "line" or "crisis"; else "" */
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

/* Appends to out the stances (line or crisis, BR_CHANGE_STANCE) person
 * took in (t1, t2], in time order: the first limit (0: all). Returns how
 * many were appended, or -1 on error. A few rows of the stance table's
 * key. */
int br_moves_of(struct br_db *db, int64_t person, br_instant t1, br_instant t2,
		size_t limit, struct br_changes *out);

/* The people placed by t2 who took a stance in (t1, t2], by the first
 * instant they did, then id: the first limit (0: all) of their ids into
 * *ids (grown with br_grow: the caller owns it and frees it), their
 * number into *n; how many there are in all into *total. 0, or -1 on
 * error. Reads the stances of the interval (index on since). */
int br_movers_between(struct br_db *db, br_instant t1, br_instant t2,
		      size_t limit, int64_t **ids, size_t *n, int64_t *total);

/* A stretch of the central organisation's chief executive's office, or
 * of nobody in it. */
struct br_tenure {
	int64_t person_id; /* 0: nobody held it */
	const char *slug;  /* "" for nobody, as the names */
	const char *name[2];
	const char *title[2]; /* the role: "CEO", "Interim CEO" */
	br_instant from, to;  /* the stretch, within the interval asked */
	int began, ended;     /* 1: the role began at from, ended at to */
	const char *since_marker, *until_marker; /* their events', or "" */
};

/* Replaces *out (grown with br_grow; the caller frees it, and its
 * strings live in pool) with the holders of the chief executive's office
 * over [t1, t2], in time order, with a stretch of nobody where none held
 * it: Altman, nobody, Murati, Shear, Altman. Those who held it side by
 * side each have their stretch. Returns how many, or -1 on error. */
int br_tenures_between(struct br_db *db, br_instant t1, br_instant t2,
		       struct br_tenure **out, size_t *cap,
		       struct br_pool *pool);

#endif
