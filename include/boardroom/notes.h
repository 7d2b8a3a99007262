/* notes: bookmarks and notes on events, kept in the user's own database,
 * apart from the dataset so that rebuilding the dataset loses none.
 *
 * The user database is $BOARDROOM_USER_DB if set (a path, or an SQLite
 * URI such as file:/x/user.db?mode=ro), else
 * $XDG_DATA_HOME/boardroom/user.db, else ~/.local/share/boardroom/user.db.
 *
 * A mark is keyed by the dataset's identity (a hash of its meta title_en
 * and source) and the event's: its marker if it has one, else its instant
 * and English title. Never by a row id, which a rebuild renumbers.
 *
 * Each mark has a version, new at every write, and the last texts of its
 * note are kept by version. A note saved from the version it was read at
 * is written as it is; one saved from an older version (the note was
 * changed elsewhere meanwhile) is merged with the note now by their common
 * ancestor, the text at the version read (boardroom/merge.h): the changes
 * of both are kept, the text they share once; where both changed the same
 * text, both are kept, the one being saved first, between separator lines.
 *
 * Every column read is taken as hostile (the file may have been written by
 * anything): NULL reads as "", bytes that are not UTF-8 as U+FFFD.
 *
 * Writes use a rollback journal: a write that fails (a full disk) changes
 * nothing, and reading needs no free space. */
#ifndef BOARDROOM_NOTES_H
#define BOARDROOM_NOTES_H

#include <stddef.h>
#include <stdint.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/merge.h"

/* PRAGMA application_id of a user database ("brnt"). */
#define BR_NOTES_APPLICATION_ID 0x62726e74
#define BR_NOTES_VERSION	2
/* The lines around the two versions of a part of a note both changed. */
#define BR_NOTES_SEPARATOR BR_MERGE_SEPARATOR
#define BR_NOTES_END	   BR_MERGE_END

struct br_notes;

/* Where the user database is, by the rules above, into buf. 0, or -1 if
 * no place can be named (no HOME). */
int br_notes_default_path(char *buf, size_t len);

/* Opens the user database at path (NULL: the default) for the dataset of
 * db (not owned; it must outlive the handle). Creates the file and its
 * directories (0700) as needed. Returns NULL and a one-line reason in err
 * on failure. A file that can only be read opens read-only: reading works
 * and writing fails, saying why. */
struct br_notes *br_notes_open(struct br_db *db, const char *path, char *err,
			       size_t errlen);
void br_notes_close(struct br_notes *n);

/* Why writing is impossible, or NULL if it is possible. */
const char *br_notes_readonly(const struct br_notes *n);
/* The identity of db's dataset that its marks are filed under, a hash of
 * its meta title_en and source, as 16 hex digits into out. */
void br_notes_identity(struct br_db *db, char *out, size_t len);

/* The dataset's identity the marks are filed under. */
const char *br_notes_dataset(const struct br_notes *n);

/* Whether ev is marked: 1, 0, or -1 on error. */
int br_notes_is_marked(struct br_notes *n, const struct br_event *ev);

/* Marks ev, or removes its mark and note (br_notes_remove keeps what it
 * removes, for an undo). Sets *marked to the new state. 0, or -1 with the
 * reason in err. */
int br_notes_toggle(struct br_notes *n, const struct br_event *ev, int *marked,
		    char *err, size_t errlen);

/* The note on ev (owned by the caller, "" if none) and the mark's version
 * (0 if unmarked). Returns 1 if marked, 0 if not, -1 on error. */
int br_notes_get(struct br_notes *n, const struct br_event *ev, char **text,
		 int64_t *version);

enum {
	BR_NOTES_SAVED = 0,
	BR_NOTES_MERGED = 1, /* changed elsewhere: merged with that */
	BR_NOTES_ERROR = -1,
};

/* Saves text as the note on ev, version being what br_notes_get gave. An
 * empty text removes the note (the mark stays); a note on an unmarked
 * event marks it. Returns BR_NOTES_SAVED, BR_NOTES_MERGED (the saved text
 * is then the merge, which br_notes_get reads) or BR_NOTES_ERROR with the
 * reason in err. text is only read, never kept or freed: after an error
 * (a full disk, a read-only file) nothing was written and the caller still
 * has the text, to keep and save again. */
int br_notes_set(struct br_notes *n, const struct br_event *ev,
		 const char *text, int64_t version, char *err, size_t errlen);

/* One mark of the dataset, resolved against it. */
struct br_mark {
	char *marker;	  /* "" if the event has none */
	char *title_en;	  /* as when marked */
	char *note;	  /* "" if none */
	br_instant ts;	  /* the event's instant now (else as when marked) */
	int64_t event_id; /* the event now; 0 if the dataset has it no more */
	int64_t version;
};

struct br_marks {
	struct br_mark *rows;
	size_t n;
};

/* Every mark of this dataset, in time order (ts, then event id). 0, or -1
 * on error. */
int br_notes_list(struct br_notes *n, struct br_marks *out);
void br_marks_free(struct br_marks *m);

/* Removes ev's mark and note, and gives what it removed in *removed (its
 * strings owned by the caller: br_mark_free), for br_notes_restore to put
 * back: an undo. Returns 1 if removed, 0 if ev was not marked (*removed
 * is then empty), or -1 with the reason in err (nothing removed). */
int br_notes_remove(struct br_notes *n, const struct br_event *ev,
		    struct br_mark *removed, char *err, size_t errlen);

/* Marks ev again with the note br_notes_remove gave (removed is only
 * read). If ev was marked again since with a note, both notes are kept,
 * that one first. BR_NOTES_SAVED, BR_NOTES_MERGED or BR_NOTES_ERROR. */
int br_notes_restore(struct br_notes *n, const struct br_event *ev,
		     const struct br_mark *removed, char *err, size_t errlen);

/* Frees one mark's strings (from br_notes_remove) and empties it. */
void br_mark_free(struct br_mark *m);

/* Merging in marks from another user database (boardroom notes import),
 * all in one transaction: br_notes_begin, then br_notes_merge_in for
 * each mark, then br_notes_end (commit 1 to keep them, 0 to undo all).
 * begin and end: 0, or -1 with the reason in err (end then undid all). */
int br_notes_begin(struct br_notes *n, char *err, size_t errlen);
int br_notes_end(struct br_notes *n, int commit, char *err, size_t errlen);

enum {
	BR_NOTES_ADDED = 0,	/* the mark was not here: made */
	BR_NOTES_UNCHANGED = 2, /* here already, note and all */
};

/* Merges m (only read: its marker, ts, title_en and note; event_id and
 * version are not used) into this dataset's mark of the same identity:
 * the marker, else the instant and English title. A mark not here is
 * made (BR_NOTES_ADDED); one here with the same note, or a note that
 * holds all of m's, is left (BR_NOTES_UNCHANGED); else the two notes
 * are merged as two edits of an unknown base (br_merge with NULL: the
 * text they share once, both kept where they differ,
 * as br_merge orders mine (m) and theirs (the note here)):
 * BR_NOTES_MERGED. -1 on a write error (br_notes_end then says why). */
int br_notes_merge_in(struct br_notes *n, const struct br_mark *m);

#endif
