/* compare: what changed between two instants. The world at each end (the
 * split's CEO, board and figures), the holders of the chief executive's
 * office in between with the stretches nobody held it, the board's seats
 * vacated, filled and kept, each actor whose line or crisis stance moved
 * and the events that moved them, and the events in between: how many,
 * and pages of them by key (never the whole timeline in memory). */
#ifndef BOARDROOM_COMPARE_H
#define BOARDROOM_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/split.h"

/* Where one actor stood at each end, and what moved them. */
struct br_compare_mover {
	int64_t id;
	const char *slug, *kind;
	const char *name[2];
	/* Their line and crisis stance at from and to: slug "" for none (no
	 * line stated, neither), as the names then; placed 0 if the split
	 * does not place them yet at that end. */
	struct br_compare_place {
		int placed;
		const char *line_slug, *line[2];
		const char *stance_slug, *stance[2];
	} then, now;
	/* The stances they took in between, in time order (in moves). */
	const struct br_change *moves;
	size_t n_moves;
};

/* A place at one end in words, in lang (0 English, 1 Chinese): the line
 * (stance 0) or the crisis stance, "not placed", "no line stated" or
 * "neither". A static string or the place's own: valid while it is. */
const char *br_compare_side_words(const struct br_compare_place *p, int stance,
				  int lang);

/* A figure's value at each end: the split's figure (holding, or ended
 * with its until), NULL where it had none yet. */
struct br_compare_figure {
	const char *code;
	const char *name[2];
	const struct br_figure *then, *now;
	int changed; /* another value or another life at to */
};

/* Owns everything it points to, down to the strings, until
 * br_compare_free or the next br_compare_run on it. */
struct br_compare {
	br_instant from, to;
	struct br_split then, now; /* CEO, board and figures at each end */
	struct br_tenure *chiefs;  /* from to to, nobody's stretches too */
	size_t n_chiefs;
	/* The board's members at from and not at to, at both, at to and not
	 * at from (pointers into then.board and now.board), and the seats
	 * each list holds (a group counts its headcount). */
	const struct br_member **vacated, **kept, **filled;
	size_t n_vacated, n_kept, n_filled;
	int64_t seats_vacated, seats_kept, seats_filled;
	struct br_compare_mover *movers; /* the first of them: see limit */
	size_t n_movers;
	int64_t total_movers;		   /* how many moved in all */
	struct br_compare_figure *figures; /* every figure of either end */
	size_t n_figures;
	int64_t n_events;	 /* the events in (from, to] */
	struct br_changes moves; /* the movers' stances taken */
	struct br_pool pool;	 /* the rest's strings */
	size_t chiefs_cap;
};

/* The most stances kept for one mover: one who moved more often shows
 * the first of them. */
#define BR_COMPARE_MOVES 32

/* Fills c for the interval from from to to (from <= to): the state at
 * each instant as br_split_at makes it, what changed in (from, to].
 * At most movers movers (0: all). Returns 0, or -1 on a database error
 * (br_db_errmsg says why). The cost: two splits, the office's roles, a
 * walk of the interval's stances and a few lookups a mover; the events
 * are counted by their positions, not read. */
int br_compare_run(struct br_db *db, br_instant from, br_instant to,
		   size_t movers, struct br_compare *c);
void br_compare_free(struct br_compare *c);

/* The filter of the events in between: base (NULL for none) narrowed to
 * (from, to]. The search of base is borrowed as in base. */
void br_compare_filter(const struct br_compare *c, const struct br_filter *base,
		       struct br_filter *out);

/* A page of the events in between under base (NULL: all), as
 * br_events_page under br_compare_filter. */
int br_compare_events(struct br_db *db, const struct br_compare *c,
		      const struct br_filter *base, const struct br_key *key,
		      enum br_dir dir, size_t limit, struct br_page *page);

#endif
