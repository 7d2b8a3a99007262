/* model.h: helpers shared by the model's modules, not part of its public
 * interface. */
#ifndef BOARDROOM_MODEL_PRIVATE_H
#define BOARDROOM_MODEL_PRIVATE_H

#include <sqlite3.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/event.h"

/* What the last failure of conn means for the file at path, in the terms
 * of someone who runs boardroom rather than SQLite's: one line in err
 * naming path, the problem and, where there is one, what to do. */
void br_db_explain(sqlite3 *conn, const char *path, char *err, size_t errlen);

/* notes_file.c: creates the directories above path, 0700 each (0, or -1
 * with errno); br_notes_identity is in boardroom/notes.h. */
int br_notes_make_parents(const char *path);

/* The organisation whose board the dataset follows: the one most board
 * seats and chairs (role_title.part) belong to. */
#define BR_CENTRAL_ORG_SQL                                                     \
	"(SELECT cr.org_id FROM role cr JOIN role_title ct ON ct.code = "      \
	"cr.code"                                                              \
	" WHERE ct.part IN ('seat', 'chair')"                                  \
	" GROUP BY cr.org_id ORDER BY count(*) DESC LIMIT 1)"

/* The roles person `who` holds at instant `at`, joined by sep, in one
 * language; a role at another organisation names it: "CEO (Quora)". */
#define BR_TITLES_SQL(lang, sep, open, close, who, at)                         \
	"(SELECT group_concat(t.name_" lang                                    \
	" || CASE WHEN r.org_id IS NOT " BR_CENTRAL_ORG_SQL " THEN '" open     \
	"' || o.name_" lang " || '" close "' ELSE '' END, '" sep               \
	"') FROM role r"                                                       \
	" JOIN role_title t ON t.code = r.code"                                \
	" LEFT JOIN person o ON o.id = r.org_id WHERE r.person_id = " who      \
	" AND (r.since IS NULL OR r.since <= " at ")"                          \
	" AND (r.until IS NULL OR " at " < r.until))"
#define BR_TITLES_EN(who, at) BR_TITLES_SQL("en", ", ", " (", ")", who, at)
#define BR_TITLES_ZH(who, at) BR_TITLES_SQL("zh", "、", "（", "）", who, at)

/* Reads a figure row: event_id, code, name_en, name_zh, value, total,
 * shown_en, shown_zh, ts; then, if the row has them, until (NULL while it
 * holds), its event's t_min, t_max, precision and marker. */
void br_figure_read(sqlite3_stmt *st, struct br_figure *fig,
		    struct br_pool *pool);

/* The events person takes part in (person_stat.n_events; 0 for one with
 * none), -1 on a database error. event_count.c. A person with
 * BR_TALLY_MIN_EVENTS or more is in the tally. */
int64_t br_person_total(struct br_db *db, int64_t person);

struct br_lanes;
struct br_lane;
/* The marks of an actor's lane of l (its person set, its marks zeroed):
 * 0, or -1 on a database error. lanes_marks.c. */
int br_lanes_actor_marks(struct br_db *db, const struct br_lanes *l,
			 struct br_lane *lane);

/* How long a database waits for another program's lock on it. */
#define DB_BUSY_MS 2000

/* The connection's struct br_db, owning conn from now on, with the SQL
 * functions the schema uses; path names it in messages (copied). db.c. */
struct br_db *db_new(sqlite3 *conn, const char *path);

/* Reads the meta table into the database's br_meta; -1 with the problem
 * in err if a required key is missing or wrong. db.c. */
int db_load_meta(struct br_db *db, char *err, size_t errlen);

struct br_fts_build;

/* Derives both search indexes (event_fts, event_gram) from the events,
 * which need their seq and the event_seq index. The index of pairs is
 * done on return; the trigram index may still be merging (on the second
 * core, or in line, where it merges at the finish): *pending is for
 * db_search_finish, which waits for it and copies it in (keep), or drops
 * it. -1 with the problem in err (then nothing is pending). db_search.c. */
int db_search_start(struct br_db *db, struct br_fts_build **pending, char *err,
		    size_t errlen);
int db_search_finish(struct br_db *db, struct br_fts_build *pending, int keep,
		     char *err, size_t errlen);

#endif
