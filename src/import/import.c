/* import: files into a database, one transaction each.
 *
 * A file is recognised (a .json or .csv name, else its content: '['
 * starts JSON, the export's header starts CSV, anything else is an
 * article). A table in UTF-8 is read as a stream, a batch of events at a
 * time, whatever its size; an article, or a table in another charset, is
 * read whole (up to BR_IMPORT_MAX_BYTES) and decoded to UTF-8 first
 * (import_open.c). Its events are written under a savepoint that is
 * rolled back on any error. The whole import is one transaction, from the first
 * file written to br_import_end, which derives the search index, seq, tallies
 * and the rest in it before it commits: a killed import, a full disk or
 * an error in the derivations leaves the database as it was. People a table
 * names by slug and the database lacks are created by import_people.c. A new
 * database gets its meta facts at the end. */
#include "import/import.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "boardroom/db.h"
#include "boardroom/text.h"
#include "import/import_private.h"

struct br_importer {
	struct br_db *db;
	char *path; /* the database, as the user named it */
	/* A new database is made under another name beside it, and linked
	 * to path when its import is complete: killed, it never appears. */
	char *partial;
	int created;
	struct br_import_opts opts;
	struct br_zone zone;
	int year;	 /* the year articles were read in; 0: none yet */
	char files[512]; /* the files' names, for a new database's source */
	long rows;
	/* The import's one transaction is open (from the first file written
	 * to br_import_end); broken: an error ended it, nothing is kept. */
	int in_tx, broken;
	struct imp_indexes indexes; /* dropped while the import writes */
	/* The seq the next event written would have if the events came in
	 * time order after those already there: br_db_finalize then has
	 * none to number again. seq_file: its value when the file being
	 * written began, for a file rolled back. */
	int64_t seq_next, seq_file;
	int has_meta;  /* a dataset document gave the meta facts */
	int cast_read; /* opts.people was read into the database */
	struct br_strings not_people; /* the cast's, folded */
};

static const char *const format_names[] = {"article", "json", "csv", "dataset"};

const char *br_import_format_name(enum br_import_format format)
{
	return (unsigned)format < BR_ARRAY_SIZE(format_names)
		       ? format_names[format]
		       : "unknown";
}

void br_import_report_free(struct br_import_report *r)
{
	br_strings_free(&r->unknown);
}

/* ------------------------------------------------------------------
 * Opening and closing
 */

/* The zone an article's wall clocks are in: the article's, not the
 * database's, so US Pacific (the source's) unless --tz says otherwise. A
 * new database records it as its zone. */
static int choose_zone(struct br_importer *im, char *err, size_t errlen)
{
	const char *spec = im->opts.tz ? im->opts.tz : "America/Los_Angeles";

	if (br_zone_set(&im->zone, spec, err, errlen) < 0)
		return -1;
	if (!im->zone.name[0]) {
		snprintf(err, errlen,
			 "--tz local cannot be stored with the data: name a "
			 "zone (PT, Beijing, UTC, or an IANA name)");
		return -1;
	}
	return 0;
}

/* An encoding iconv does not know is refused before anything is made. */
static int check_encoding(const char *enc, char *err, size_t errlen)
{
	iconv_t cd;

	if (!enc)
		return 0;
	cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen,
			 "unknown encoding '%.60s' (not one iconv knows; see "
			 "iconv --list)",
			 enc);
		return -1;
	}
	iconv_close(cd);
	return 0;
}

/* PATH.importing-PID: where a new database is made. */
static char *partial_name(const char *path)
{
	size_t n = strlen(path) + 40;
	char *s = br_xmalloc(n);

	snprintf(s, n, "%s.importing-%ld", path, (long)getpid());
	return s;
}

/* A message about the partial file names the database instead. */
static void rename_in_message(char *err, size_t errlen, const char *partial,
			      const char *path)
{
	size_t n = strlen(partial);
	char rest[512];

	if (strncmp(err, partial, n))
		return;
	br_strlcpy(rest, err + n, sizeof(rest));
	snprintf(err, errlen, "%s%s", path, rest);
}

/* Gives the complete new database its name, never over another file: a
 * hard link, or where the file system has none, a rename if the name is
 * still free. 0, or -1 with errno. */
static int publish(const char *partial, const char *path)
{
	struct stat st;

	if (link(partial, path) == 0)
		return 0;
	if (errno == EEXIST)
		return -1;
	if (stat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(partial, path);
}

struct br_importer *br_import_begin(const char *path,
				    const struct br_import_opts *opts,
				    char *err, size_t errlen)
{
	struct br_importer *im;
	struct stat st;

	if (check_encoding(opts->encoding, err, errlen) < 0)
		return NULL;
	im = br_xcalloc(1, sizeof(*im));
	im->opts = *opts;
	im->created = stat(path, &st) != 0 && errno == ENOENT;
	if (im->created)
		im->partial = partial_name(path);
	im->db = br_db_open_file(im->created ? im->partial : path,
				 im->created ? BR_DB_CREATE : BR_DB_WRITE, err,
				 errlen);
	if (!im->db) {
		if (im->created)
			rename_in_message(err, errlen, im->partial, path);
		free(im->partial);
		free(im);
		return NULL;
	}
	im->path = br_xstrdup(path);
	if (choose_zone(im, err, errlen) < 0) {
		br_import_end(im, NULL, 0);
		return NULL;
	}
	return im;
}

int br_import_created(const struct br_importer *im)
{
	return im->created;
}

static const char meta_sql[] =
	"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)";

static int put_meta(struct br_importer *im, const char *key, const char *value)
{
	sqlite3_stmt *st = br_db_stmt(im->db, meta_sql);
	int rc;

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char span_sql[] = "SELECT min(ts), max(ts) FROM event";

/* The meta facts of a new database, from its events and the options;
 * without --year or an article, the year is the latest event's. */
static int write_meta(struct br_importer *im)
{
	sqlite3_stmt *st = br_db_stmt(im->db, span_sql);
	const char *title = im->opts.source ? im->opts.source : im->files;
	br_instant first = 0, last = 0;
	char start[32], end[32], year[16];
	struct tm tm;

	if (sqlite3_step(st) == SQLITE_ROW) {
		first = sqlite3_column_int64(st, 0);
		last = sqlite3_column_int64(st, 1);
	}
	br_db_reset(st);
	br_zone_local(&im->zone, last, &tm, NULL);
	snprintf(start, sizeof(start), "%lld", (long long)first);
	snprintf(end, sizeof(end), "%lld", (long long)last);
	snprintf(year, sizeof(year), "%d",
		 im->opts.year ? im->opts.year
		 : im->year    ? im->year
			       : tm.tm_year + 1900);
	return put_meta(im, "window_start", start) ||
	       put_meta(im, "window_end", end) || put_meta(im, "year", year) ||
	       put_meta(im, "tz", im->zone.name) ||
	       put_meta(im, "title_en", title) ||
	       put_meta(im, "title_zh", title) || put_meta(im, "source", title);
}

/* br_db_finalize_bulk's callback: a table's dropped indexes. */
static int build_indexes(void *ctx, const char *table, char *err, size_t errlen)
{
	struct br_importer *im = ctx;

	return imp_indexes_create(im->db, &im->indexes, table, err, errlen);
}

/* The derived tables and indexes (search index, seq, participants'
 * columns, stats, tallies), built once for the whole import, after every
 * file and batch is written, in the import's transaction; the dropped
 * indexes come back where the derivations start to read through them
 * (and any still dropped after). */
static int derive(struct br_importer *im, char *err, size_t errlen)
{
	if (br_db_finalize_bulk(im->db, BR_DERIVE_ALL, build_indexes, im, err,
				errlen) < 0)
		return -1;
	return imp_indexes_create(im->db, &im->indexes, NULL, err, errlen);
}

/* The meta facts, the derivations and the commit of the transaction. */
static int finish(struct br_importer *im, char *err, size_t errlen)
{
	if (im->broken) {
		snprintf(err, errlen,
			 "nothing imported: an error ended the transaction "
			 "(%s)",
			 br_db_errmsg(im->db));
		return -1;
	}
	if ((im->created && !im->has_meta && write_meta(im) < 0) ||
	    derive(im, err, errlen) < 0 ||
	    br_db_exec(im->db, "COMMIT", err, errlen) < 0) {
		/* The derivations come after every file: a full disk there
		 * ends the transaction, and every file with it. */
		if ((sqlite3_extended_errcode(br_db_handle(im->db)) & 0xff) ==
			    SQLITE_FULL ||
		    strstr(err, sqlite3_errstr(SQLITE_FULL)))
			snprintf(err, errlen,
				 "cannot write the database: the disk is full "
				 "(nothing was imported)");
		else if (!err[0])
			snprintf(err, errlen, "%s", br_db_errmsg(im->db));
		return -1;
	}
	im->in_tx = 0;
	return 0;
}

int br_import_end(struct br_importer *im, char *err, size_t errlen)
{
	char msg[512] = "";
	int rc = 0;

	if (!im)
		return 0;
	if (im->rows > 0 || im->broken) /* else it is left as it was */
		rc = finish(im, msg, sizeof(msg));
	if (im->in_tx) /* nothing to keep, or an error */
		sqlite3_exec(br_db_handle(im->db), "ROLLBACK", NULL, NULL,
			     NULL);
	br_db_close(im->db);
	if (im->created && im->rows > 0 && rc == 0 &&
	    publish(im->partial, im->path) < 0) {
		snprintf(msg, sizeof(msg), "cannot create it: %s",
			 strerror(errno));
		rc = -1;
	}
	if (im->created)
		remove(im->partial);
	if (rc < 0 && err)
		snprintf(err, errlen, "%s: %s", im->path, msg);
	imp_indexes_free(&im->indexes);
	br_strings_free(&im->not_people);
	free(im->path);
	free(im->partial);
	free(im);
	return rc;
}

/* ------------------------------------------------------------------
 * Reading a file
 */

/* ------------------------------------------------------------------
 * Articles
 */

static int current_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

/* The year dates are read in: --year, the database's, the article's, or
 * this one; and the day "17号" is read against before any date. */
static void article_time(struct br_importer *im, const char *text,
			 struct imp_article_ctx *ctx)
{
	struct tm tm = {0};
	int y, m, d;

	imp_article_date(text, &y, &m, &d);
	ctx->year = im->opts.year  ? im->opts.year
		    : !im->created ? br_db_meta(im->db)->year
		    : y		   ? y
				   : current_year();
	tm.tm_year = ctx->year - 1900;
	tm.tm_mday = 1;
	if (y == ctx->year && m) {
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
	}
	ctx->reference = br_zone_instant(&im->zone, &tm);
	ctx->zone = &im->zone;
	if (!im->year)
		im->year = ctx->year;
}

static int read_article_again(struct br_importer *im, const char *file,
			      const char *text, struct imp_article_ctx *ctx,
			      struct imp_batch *b, struct br_import_report *rep,
			      char *err, size_t errlen)
{
	struct imp_aliases aliases = {0};
	int rc;

	imp_load_aliases(im->db, &aliases);
	ctx->aliases = &aliases;
	rc = imp_read_article(file, text, ctx, b, rep, err, errlen);
	imp_aliases_free(&aliases);
	return rc;
}

static int read_article(struct br_importer *im, const char *file,
			const char *text, struct imp_batch *b,
			struct br_import_report *rep, char *err, size_t errlen)
{
	struct imp_aliases aliases = {0};
	struct imp_article_ctx ctx;
	int rc;

	struct br_import_report saved = *rep; /* no unknown names yet */

	article_time(im, text, &ctx);
	imp_load_aliases(im->db, &aliases);
	ctx.aliases = &aliases;
	rc = imp_read_article(file, text, &ctx, b, rep, err, errlen);
	imp_aliases_free(&aliases);
	rep->year = ctx.year;
	if (rc == 0)
		rep->not_people =
			imp_cast_filter(&rep->unknown, &im->not_people);
	if (rc == 0 && im->opts.create_people && rep->unknown.n) {
		/* Read again, now that every name has a person. */
		long made = 0;

		if (imp_cast_create(im->db, &rep->unknown, &made) < 0) {
			snprintf(err, errlen, "%s (importing %s)",
				 br_db_errmsg(im->db), file);
			return -1;
		}
		imp_batch_free(b);
		memset(b, 0, sizeof(*b));
		br_strings_free(&rep->unknown);
		*rep = saved;
		rc = read_article_again(im, file, text, &ctx, b, rep, err,
					errlen);
		rep->people_created += made;
		rep->year = ctx.year;
		if (rc == 0)
			rep->not_people =
				imp_cast_filter(&rep->unknown, &im->not_people);
	}
	return rc;
}

/* ------------------------------------------------------------------
 * Writing
 */

static const char marker_taken_sql[] = "SELECT 1 FROM event WHERE marker = ?";
static const char event_sql[] =
	"INSERT INTO event (kind, marker, ts, t_min, t_max, precision,"
	" inferred, time_text, title_en, title_zh, summary_en, summary_zh,"
	" seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char participant_sql[] =
	"INSERT OR IGNORE INTO participant (event_id, person_id, role, ts)"
	" VALUES (?, ?, ?, ?)";
static const char note_sql[] = "INSERT INTO note (event_id, kind, text_en, "
			       "text_zh) VALUES (?, ?, ?, ?)";

struct writer {
	struct br_importer *im;
	const char *file, *where; /* "line" or "event", for messages */
	struct br_import_report *rep;
	char *err;
	size_t errlen;
};

static int db_fail(const struct writer *w)
{
	/* The message names the database; the file is what was read. */
	snprintf(w->err, w->errlen, "%s (importing %s)",
		 br_db_errmsg(w->im->db), w->file);
	return -1;
}

static int marker_taken(const struct writer *w, const struct imp_event *ev)
{
	sqlite3_stmt *st = br_db_stmt(w->im->db, marker_taken_sql);
	int taken;

	sqlite3_bind_text(st, 1, ev->marker, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	br_db_reset(st);
	if (taken)
		snprintf(w->err, w->errlen,
			 "%s: %s %ld: an event marked %s is already in %s",
			 w->file, w->where, ev->line, ev->marker, w->im->path);
	return taken;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int insert_event(const struct writer *w, const struct imp_event *ev,
			int64_t *id)
{
	sqlite3_stmt *st = br_db_stmt(w->im->db, event_sql);
	int rc;

	bind_text(st, 1, br_kind_name(ev->kind));
	bind_text(st, 2, ev->marker);
	sqlite3_bind_int64(st, 3, ev->ts);
	sqlite3_bind_int64(st, 4, ev->t_min);
	sqlite3_bind_int64(st, 5, ev->t_max);
	bind_text(st, 6, br_precision_name(ev->prec));
	sqlite3_bind_int(st, 7, ev->inferred != 0);
	bind_text(st, 8, ev->time_text ? ev->time_text : "");
	bind_text(st, 9, ev->title[BR_LANG_EN]);
	bind_text(st, 10, ev->title[BR_LANG_ZH]);
	bind_text(st, 11, ev->summary[BR_LANG_EN]);
	bind_text(st, 12, ev->summary[BR_LANG_ZH]);
	sqlite3_bind_int64(st, 13, w->im->seq_next++);
	rc = sqlite3_step(st);
	br_db_reset(st);
	*id = sqlite3_last_insert_rowid(br_db_handle(w->im->db));
	return rc == SQLITE_DONE ? 0 : db_fail(w);
}

/* Steps an insert; 0, or -1 with the database's message. */
static int step_insert(const struct writer *w, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(w);
}

static int insert_links(const struct writer *w, const struct imp_event *ev,
			int64_t id)
{
	sqlite3_stmt *st;
	size_t k;

	for (k = 0; k < ev->n_people; k++) {
		st = br_db_stmt(w->im->db, participant_sql);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, ev->people[k].id);
		bind_text(st, 3, ev->people[k].role);
		sqlite3_bind_int64(st, 4, ev->ts);
		if (step_insert(w, st) < 0)
			return -1;
	}
	for (k = 0; k < ev->n_notes; k++) {
		st = br_db_stmt(w->im->db, note_sql);
		sqlite3_bind_int64(st, 1, id);
		bind_text(st, 2, ev->notes[k].kind);
		bind_text(st, 3, ev->notes[k].text[BR_LANG_EN]);
		bind_text(st, 4, ev->notes[k].text[BR_LANG_ZH]);
		if (step_insert(w, st) < 0)
			return -1;
	}
	return 0;
}

static int kind_index(enum br_kind kind)
{
	return kind == BR_KIND_MAIN ? 0 : kind == BR_KIND_ASIDE ? 1 : 2;
}

static int write_event(const struct writer *w, const struct imp_event *ev)
{
	int64_t id;

	if ((ev->marker && marker_taken(w, ev)) || insert_event(w, ev, &id) ||
	    insert_links(w, ev, id))
		return -1;
	w->rep->rows++;
	w->rep->notes += (long)ev->n_notes;
	w->rep->entries[kind_index(ev->kind)]++;
	if (ev->inferred)
		w->rep->dates_inferred++;
	else
		w->rep->dates_stated++;
	return 0;
}

static const char event_count_sql[] = "SELECT count(*) FROM event";

/* The import's transaction, begun by its first file, which drops the
 * indexes br_import_end builds again and counts the events already there
 * (the first seq_next). */
static int begin_tx(struct writer *w)
{
	char msg[256];
	sqlite3_stmt *st;
	int64_t events;

	if (w->im->in_tx)
		return 0;
	if (br_db_exec(w->im->db, "BEGIN IMMEDIATE", msg, sizeof(msg)) < 0) {
		snprintf(w->err, w->errlen, "%s: %s: %s", w->file, w->im->path,
			 msg);
		return -1;
	}
	w->im->in_tx = 1;
	st = br_db_stmt(w->im->db, event_count_sql);
	events = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
						: 0;
	br_db_reset(st);
	w->im->seq_next = events + 1;
	if (imp_indexes_drop(w->im->db, &w->im->indexes, msg, sizeof(msg)) <
	    0) {
		db_fail(w);
		sqlite3_exec(br_db_handle(w->im->db), "ROLLBACK", NULL, NULL,
			     NULL);
		imp_indexes_free(&w->im->indexes);
		w->im->in_tx = 0;
		return -1;
	}
	return 0;
}

/* An error rolls back the file. SQLite ends the whole transaction itself
 * after some errors (a full disk, I/O): then nothing is kept. */
static void undo_file(const struct writer *w)
{
	struct br_importer *im = w->im;
	sqlite3 *conn = br_db_handle(im->db);
	size_t n = strlen(w->err);

	if (sqlite3_get_autocommit(conn)) {
		if (im->rows > 0) /* the files before are gone too: say so */
			snprintf(w->err + n, w->errlen - n,
				 " (nothing was imported)");
		/* The rollback brought the indexes back: a next file drops
		 * them again. */
		imp_indexes_free(&im->indexes);
		im->in_tx = 0;
		im->broken = im->rows > 0;
		im->rows = 0;
		return;
	}
	sqlite3_exec(conn, "ROLLBACK TO import_file; RELEASE import_file", NULL,
		     NULL, NULL);
	im->seq_next = im->seq_file;
}

/* The file's savepoint, in the import's transaction. */
static int open_file_tx(struct writer *w)
{
	char msg[256];

	if (begin_tx(w) < 0)
		return -1;
	if (br_db_exec(w->im->db, "SAVEPOINT import_file", msg, sizeof(msg)) <
	    0) {
		snprintf(w->err, w->errlen, "%s: %s: %s", w->file, w->im->path,
			 msg);
		sqlite3_exec(br_db_handle(w->im->db), "ROLLBACK", NULL, NULL,
			     NULL);
		imp_indexes_free(&w->im->indexes);
		w->im->in_tx = 0;
		return -1;
	}
	w->im->seq_file = w->im->seq_next;
	return 0;
}

/* Keeps what the file wrote (rc 0), or rolls it back. */
static int close_file_tx(struct writer *w, int rc)
{
	char msg[256];

	if (rc == 0 && br_db_exec(w->im->db, "RELEASE import_file", msg,
				  sizeof(msg)) < 0) {
		snprintf(w->err, w->errlen, "%s: %s", w->file, msg);
		rc = -1;
	}
	if (rc < 0)
		undo_file(w);
	return rc;
}

static int write_events(struct writer *w, const struct imp_batch *b)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < b->n; i++)
		rc = write_event(w, &b->v[i]);
	return rc;
}

/* ------------------------------------------------------------------
 * Tables: read twice as streams, a batch at a time. The first pass only
 * gathers the people (their ids follow from every event), the second
 * writes the events, batch after batch, with the statements br_db_stmt
 * keeps; the derivations wait for br_import_end.
 */

struct table {
	struct writer *w;
	struct imp_people *people;
};

static int read_table(const struct writer *w, FILE *f,
		      const struct imp_sink *sink)
{
	return w->rep->format == BR_IMPORT_JSON
		       ? imp_read_json(w->file, f, sink, w->err, w->errlen)
		       : imp_read_csv(w->file, f, sink, w->err, w->errlen);
}

static int gather_people(void *ctx, struct imp_batch *b)
{
	imp_people_add(((struct table *)ctx)->people, b);
	imp_batch_clear(b);
	return 0;
}

static int write_table_batch(void *ctx, struct imp_batch *b)
{
	struct table *t = ctx;
	size_t i;
	int rc;

	imp_people_ids(t->people, b);
	for (i = 0; i < b->n; i++)
		t->w->rep->linked += (long)b->v[i].n_people;
	rc = write_events(t->w, b);
	imp_batch_clear(b);
	return rc;
}

/* Imports the table f holds, from where f is (start). */
static int import_table(struct writer *w, FILE *f)
{
	struct imp_batch b = {0};
	struct table t = {w, imp_people_new(w->im->db)};
	struct imp_sink sink = {&b, gather_people, &t, 1, 0};
	long start = ftell(f);
	int rc = read_table(w, f, &sink);

	if (rc == 0 && fseek(f, start, SEEK_SET) != 0) {
		snprintf(w->err, w->errlen, "%s: cannot read it again: %s",
			 w->file, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && (rc = open_file_tx(w)) == 0) {
		if ((rc = imp_people_create(t.people, w->rep)) < 0)
			db_fail(w);
		sink.flush = write_table_batch;
		sink.people_only = 0;
		if (rc == 0)
			rc = read_table(w, f, &sink);
		rc = close_file_tx(w, rc);
	}
	imp_people_free(t.people);
	imp_batch_free(&b);
	return rc;
}

/* ------------------------------------------------------------------
 * A dataset document, and the cast of articles
 */

/* A savepoint of its own; release rolls it back if rc < 0. */
static int savepoint(struct writer *w, const char *name)
{
	char sql[64], msg[256];

	if (begin_tx(w) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "SAVEPOINT %s", name);
	if (br_db_exec(w->im->db, sql, msg, sizeof(msg)) < 0) {
		snprintf(w->err, w->errlen, "%s: %s: %s", w->file, w->im->path,
			 msg);
		return -1;
	}
	return 0;
}

static int release(struct writer *w, const char *name, int rc)
{
	sqlite3 *conn = br_db_handle(w->im->db);
	char sql[96];

	if (sqlite3_get_autocommit(conn)) { /* SQLite ended it */
		undo_file(w);
		return -1;
	}
	snprintf(sql, sizeof(sql),
		 rc == 0 ? "RELEASE %s"
			 : "ROLLBACK TO %s; "
			   "RELEASE %s",
		 name, name);
	sqlite3_exec(conn, sql, NULL, NULL, NULL);
	return rc;
}

/* Everything the document f holds (a stream), into a database that has
 * no data yet. */
static int write_dataset(struct writer *w, FILE *f)
{
	int rc;

	if (savepoint(w, "import_file") < 0)
		return -1;
	rc = imp_ds_import(w->im->db, w->im->path, w->file, f, w->rep, w->err,
			   w->errlen);
	if (rc == 0)
		w->im->has_meta = 1;
	return release(w, "import_file", rc);
}

/* The same, of a document decoded from another charset. */
static int write_decoded_dataset(struct writer *w, const struct br_decoded *d)
{
	FILE *f = fmemopen(d->text, d->len ? d->len : 1, "rb");
	int rc;

	if (!f) {
		snprintf(w->err, w->errlen, "%s: %s", w->file, strerror(errno));
		return -1;
	}
	rc = write_dataset(w, f);
	fclose(f);
	return rc;
}

/* The cast, once, before the first article: its people (with their
 * aliases) and its not_people. */
static int read_cast(struct writer *w)
{
	struct br_importer *im = w->im;
	long n = 0;
	int rc;

	if (!im->opts.people || im->cast_read)
		return 0;
	if (savepoint(w, "import_cast") < 0)
		return -1;
	rc = imp_cast_load(im->db, im->opts.people, &im->not_people, &n, w->err,
			   w->errlen);
	if (rc == 0) {
		im->cast_read = 1;
		w->rep->cast = n;
	}
	return release(w, "import_cast", rc);
}

/* ------------------------------------------------------------------
 * One file
 */

static void note_file(struct br_importer *im, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t n = strlen(im->files);

	base = base ? base + 1 : file;
	if (n + strlen(base) + 3 < sizeof(im->files))
		snprintf(im->files + n, sizeof(im->files) - n, "%s%s",
			 n ? ", " : "", base);
}

/* A table in decoded text (from another charset), as a stream too. */
static int import_decoded_table(struct writer *w, const struct br_decoded *d)
{
	FILE *f = fmemopen(d->text, d->len ? d->len : 1, "rb");
	int rc;

	if (!f) {
		snprintf(w->err, w->errlen, "%s: %s", w->file, strerror(errno));
		return -1;
	}
	rc = import_table(w, f);
	fclose(f);
	return rc;
}

static int import_article(struct writer *w, const struct br_decoded *d)
{
	struct imp_batch b = {0};
	int rc = read_cast(w);

	if (rc == 0)
		rc = read_article(w->im, w->file, d->text, &b, w->rep, w->err,
				  w->errlen);

	if (rc == 0 && (rc = open_file_tx(w)) == 0)
		rc = close_file_tx(w, write_events(w, &b));
	imp_batch_free(&b);
	return rc;
}

/* An article, or a table not in UTF-8: read whole and decoded. */
static int import_whole(struct writer *w, FILE *f, long long size)
{
	struct br_importer *im = w->im;
	struct br_import_report *rep = w->rep;
	struct br_decoded d;
	size_t n;
	char *data;
	int rc;

	if (imp_read_whole(w->file, f, size, &data, &n, w->err, w->errlen) < 0)
		return -1;
	rc = br_import_decode(w->file, data, n, im->opts.encoding,
			      im->opts.lossy, &d, w->err, w->errlen);
	free(data);
	if (rc < 0)
		return -1;
	br_strlcpy(rep->encoding, d.encoding, sizeof(rep->encoding));
	rep->detected = d.detected;
	rep->bom = d.bom;
	rep->replaced = d.replaced;
	rep->format = imp_sniff(w->file, d.text);
	if (rep->format == BR_IMPORT_JSON)
		w->where = "event";
	if (rep->format == BR_IMPORT_DATASET)
		rc = write_decoded_dataset(w, &d);
	else if (rep->format == BR_IMPORT_ARTICLE)
		rc = import_article(w, &d);
	else
		rc = import_decoded_table(w, &d);
	free(d.text);
	return rc;
}

int br_import_file(struct br_importer *im, const char *file,
		   struct br_import_report *rep, char *err, size_t errlen)
{
	struct writer w = {im, file, "line", rep, err, errlen};
	long long size;
	FILE *f;
	int rc;

	memset(rep, 0, sizeof(*rep));
	br_strlcpy(rep->file, file, sizeof(rep->file));
	br_strlcpy(rep->tz, im->zone.name, sizeof(rep->tz));
	if (!(f = imp_open(file, &size, err, errlen)))
		return -1;
	if (imp_streamable(file, f, im->opts.encoding, &rep->format,
			   &rep->bom)) {
		br_strlcpy(rep->encoding,
			   im->opts.encoding ? im->opts.encoding : "UTF-8",
			   sizeof(rep->encoding));
		rep->detected = !im->opts.encoding;
		if (rep->format == BR_IMPORT_JSON)
			w.where = "event";
		rc = rep->format == BR_IMPORT_DATASET ? write_dataset(&w, f)
						      : import_table(&w, f);
	} else {
		rc = import_whole(&w, f, size);
	}
	fclose(f);
	if (rc == 0) {
		im->rows += rep->rows;
		note_file(im, file);
	}
	return rc;
}
