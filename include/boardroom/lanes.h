/* lanes: each actor's side over a stretch of time, a lane per actor, with
 * the instants they take part in an event, and lanes for the chief
 * executive and the board's seats on top. Made for a screen or a picture
 * of a given width: the marks are kept one per column, so what a lanes
 * answer holds follows its width and the lanes asked for, not the data. */
#ifndef BOARDROOM_LANES_H
#define BOARDROOM_LANES_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/when.h"

/* Which side a lane is drawn in: the lasting line, or the crisis stance
 * (schema.sql, faction axis 'line' or 'crisis'). */
enum br_lanes_axis { BR_LANES_LINE = 0, BR_LANES_STANCE = 1 };

enum br_lane_kind {
	BR_LANE_CHIEF, /* the central organisation's CEO or interim CEO */
	BR_LANE_BOARD, /* its board: the seats held */
	BR_LANE_ACTOR, /* one person of the cast */
};

/* A side of the axis asked for; sides[0] of a lanes answer is "none". */
struct br_lane_side {
	int64_t id; /* faction id; 0 for none */
	const char *slug;
	const char *name[2];
};

/* One stretch of a lane over [from, to), clipped to the lanes' range. A
 * lane has no stretch where its actor is not yet placed, nor the chief's
 * lane where no one holds the office. */
struct br_lane_span {
	br_instant from, to;
	int side;	     /* index in sides: the actor's (the chief's) */
	int64_t person;	     /* the chief's lane: who holds it; else 0 */
	const char *name[2]; /* their names; "" on other lanes */
	int64_t seats;	     /* the board's lane: seats held; else 0 */
	int64_t event_id;    /* the event that began it; 0 if none */
};

/* A column's mark. on: the lane's actor takes part in an event there
 * (for the chief's and the board's lanes, one changed the office or a
 * seat). id and ts: that event, the column's first; both 0 where the
 * query did not need to find it (then br_lanes_mark_event does). */
struct br_lane_mark {
	int on;
	int64_t id;
	br_instant ts;
};

struct br_lane {
	enum br_lane_kind kind;
	int64_t person;	     /* the actor; 0 for the chief's and board's */
	const char *slug;    /* "" for those */
	const char *name[2]; /* the actor's; "" for those */
	struct br_lane_span *spans;
	size_t n_spans;
	struct br_lane_mark *marks; /* width entries */
	size_t n_marks;		    /* columns with a mark */
};

/* What to make lanes of. */
struct br_lanes_ask {
	br_instant from, to; /* the range, [from, to); from < to */
	int width;	     /* columns, 1 to BR_LANES_MAX_WIDTH */
	enum br_lanes_axis axis;
	/* Borrowed, may be NULL: its people (only they have lanes), kinds
	 * (only events of them are marked) and faction (only those who stood
	 * on it in the range have lanes). Its dates and search are not
	 * used. */
	const struct br_filter *filter;
	size_t offset, limit; /* which actors' lanes: limit 0 for all */
	int offices;	      /* 1: the chief's and the board's lanes too */
};

#define BR_LANES_MAX_WIDTH 4096

/* The answer. Owns everything in it (every pointer down to the strings
 * lives until br_lanes_free or the next br_lanes_query on it). */
struct br_lanes {
	br_instant from, to;
	int width;
	enum br_lanes_axis axis;
	struct br_lane_side *sides; /* none first, then the axis' factions */
	size_t n_sides;
	struct br_lane *lanes; /* the chief's and board's (if asked), then the
				  actors' from offset */
	size_t n;
	size_t n_offices; /* how many of lanes are the chief's and board's */
	size_t total;	  /* actors the cast has in the range */
	size_t offset;
	unsigned kinds; /* the filter's kinds marked; 0 for all */
	struct br_pool pool;
};

/* Replaces out with the lanes ask names. The cast is the people the
 * split places (a placed tier, placed before the range ends), most events
 * first (the people list's order). Returns 0, or -1 on a database error
 * or an ask out of bounds. */
int br_lanes_query(struct br_db *db, const struct br_lanes_ask *ask,
		   struct br_lanes *out);
void br_lanes_free(struct br_lanes *l);

/* The event of lane's mark in column col (a lane of l), into *out: 1,
 * 0 if the column has no mark (or, for a mark the query did not find the
 * event of, if the file changed since and has none there now), -1 on a
 * database error. One step of the actor's index at most. */
int br_lanes_mark_event(struct br_db *db, const struct br_lanes *l,
			const struct br_lane *lane, int col,
			struct br_lane_mark *out);

/* The first instant of column col (0..width; width gives the range's
 * end), and the column of instant t (-1 before the range, width after
 * it). Columns are as even as whole seconds allow. */
br_instant br_lanes_col_start(const struct br_lanes *l, int col);
int br_lanes_col(const struct br_lanes *l, br_instant t);

/* The span of lane at instant t, NULL if none. */
const struct br_lane_span *br_lane_span_at(const struct br_lane *lane,
					   br_instant t);

/* A line of the lanes' grid: the start of an hour, a day, a month or a
 * year in a zone, with its label ("Fri 17", "17日(五)", "06:00", "Nov",
 * "2023"). */
struct br_lanes_tick {
	br_instant at;
	int col;
	int day;  /* 1: it begins a day (or a longer unit) */
	int year; /* 1: its label names the year ("2023", "2023年") */
	char label[32];
};

/* The grid of l's range in zone: the smallest unit (an hour, 3, 6 or 12
 * hours, a day, a month, a year, ten years) whose lines are at least
 * min_cols columns apart, so that a label of min_cols - 1 columns fits
 * between two. Returns how many were written into out (at most cap). */
size_t br_lanes_ticks(const struct br_lanes *l, const struct br_zone *zone,
		      enum br_lang lang, int min_cols,
		      struct br_lanes_tick *out, size_t cap);

/* A name cut to cols columns for a lane's label, by whole words: in
 * full; for a name of two or three words, its first names as initials
 * ("I. Sutskever"), then its last name alone; else cut with an
 * ellipsis. Words are split at spaces and at the
 * middle dot of Chinese names ("伊利亚·苏茨克维": "苏茨克维"). Into buf
 * (len bytes); returns the columns used. */
int br_lanes_short_name(const char *name, int cols, char *buf, size_t len);

#endif
