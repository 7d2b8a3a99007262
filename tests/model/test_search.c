/* Search on a small timeline made to tell an exact search from one that
 * only finds a term's trigrams: events that hold every trigram of a term
 * apart, and never the term. The same cases run on a database of today's
 * schema and on one made from schema 3's text (tests/model/schema-v3.sql),
 * whose trigram index kept positions: both must answer alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/gen.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/search.h"
#include "sql.h"
#include "tap.h"

/* Every event holds, in some text, what another's term is made of. */
static const char data_sql[] =
	"INSERT INTO meta VALUES ('title_en', 'Search'), ('title_zh', '搜索'),"
	" ('source', 'test'), ('tz', 'UTC'), ('window_start', '0'),"
	" ('window_end', '100000');"
	"INSERT INTO person (id, slug, kind, name_en, name_zh) VALUES"
	" (1, 'sam', 'person', 'Sam Example', '山姆'),"
	" (2, 'ann', 'person', 'Ann Other', '安');"
	"INSERT INTO alias (person_id, alias) VALUES (1, 'Sammy Boy');"
	"INSERT INTO event (id, kind, ts, t_min, t_max, precision, title_en,"
	" title_zh, summary_en, summary_zh) VALUES"
	" (1, 'main', 10, 10, 10, 'minute', 'Hello world', '董事会议',"
	"  'The board meeting began', ''),"
	" (2, 'main', 20, 20, 20, 'minute', 'hell llo', '董事会。事会议',"
	"  'board mx d meeting', ''),"
	" (3, 'main', 30, 30, 30, 'minute', 'HELLO AGAIN', '',"
	"  'École de Paris; ΑΘΗΝΑ', ''),"
	" (4, 'aside', 40, 40, 40, 'minute', 'C++ code at 100% speed', '',"
	"  'said \"quoted\" (x) a*b', ''),"
	" (5, 'aside', 50, 50, 50, 'minute', 'AI nothing here', '', '', ''),"
	" (6, 'aside', 60, 60, 60, 'minute', 'ecol ole cole', '',"
	"  'paris de', '');"
	"INSERT INTO participant (event_id, person_id, role) VALUES"
	" (5, 1, 'actor'), (6, 2, 'actor'), (2, 2, 'subject');";

static const struct {
	const char *query;
	const char *want; /* the event ids found, in time order */
	const char *what;
} cases[] = {
	{"ello", "1 3", "a substring, any case; not its trigrams apart"},
	{"hello", "1 3", "a word"},
	{"HELLO", "1 3", "a word in capitals"},
	{"\"board meeting\"", "1", "a phrase, not its trigrams apart"},
	{"board meeting", "1 2", "two words, each anywhere"},
	{"hello again", "3", "two words, both in one event"},
	{"董事会议", "1", "four Chinese characters, not two trigrams apart"},
	{"董事会", "1 2", "three Chinese characters: one trigram"},
	{"董事", "1 2", "two Chinese characters"},
	{"议", "1 2", "one Chinese character"},
	{"école", "3", "a word with an accent"},
	{"ÉCOLE", "3", "the same in capitals"},
	{"cole", "3 6", "without the accent: only where it is written so"},
	{"αθηνα", "3", "Greek in small letters finds capitals"},
	{"100%", "4", "a percent sign"},
	{"\"C++ c\"", "4", "plus signs and a space"},
	{"a*b", "4", "a star is no prefix"},
	{"(x)", "4", "brackets"},
	{"\"quoted\"", "4", "a quoted word"},
	{"AND NEAR", "", "FTS5's words are words"},
	{"mmy B", "5", "two words, both in a participant's alias"},
	{"\"mmy B\"", "5", "a phrase found in a participant's alias"},
	{"xample", "5", "found in a participant's name"},
	{"Other", "2 6", "a name, whatever the role"},
	{"AI", "3 4 5", "two Latin letters, within words too"},
	{"zqxwvy", "", "no hits"},
};

/* The ids the search for text finds, space separated, into out. */
static void found(struct br_db *db, const char *text, char *out, size_t cap)
{
	struct br_filter f;
	struct br_search s;
	struct br_page p = {0};
	size_t i, len = 0;

	out[0] = '\0';
	br_filter_init(&f);
	br_search_compile(&s, text);
	f.search = &s;
	if (br_events_page(db, &f, NULL, BR_AFTER, 100, &p) < 0)
		snprintf(out, cap, "error");
	for (i = 0; i < p.n && len + 24 < cap; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s%lld",
					i ? " " : "", (long long)p.rows[i].id);
	if ((int64_t)p.n != br_events_count(db, &f))
		snprintf(out + len, cap - len, " (count differs)");
	{
		/* Counted a slice at a time, one or two events each. */
		struct br_key from = {0};
		int started = 0;
		int64_t n = 0, got;

		while ((got = br_events_count_slice(db, &f, &from, &started,
						    NULL, 1 + (n & 1))) > 0)
			n += got;
		if (got < 0 || n != (int64_t)p.n)
			snprintf(out + strlen(out), cap - strlen(out),
				 " (slices count %lld)", (long long)n);
	}
	br_page_free(&p);
	br_search_free(&s);
}

static void check(struct br_db *db, const char *layout)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char got[256];

		found(db, cases[i].query, got, sizeof(got));
		is_str(got, cases[i].want, "%s: %s (%s)", layout, cases[i].what,
		       cases[i].query);
	}
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The search indexes as SQL alone derives them: each event's names are
 * three subqueries, English names, Chinese names, the aliases that are
 * neither. */
#define REF_NAMES_SQL                                                          \
	"(SELECT group_concat(n, ' ') FROM ("                                  \
	"   SELECT p.name_en AS n FROM participant pa JOIN person p"           \
	"     ON p.id = pa.person_id WHERE pa.event_id = e.id"                 \
	"   UNION ALL SELECT p.name_zh FROM participant pa JOIN person p"      \
	"     ON p.id = pa.person_id WHERE pa.event_id = e.id"                 \
	"   UNION ALL SELECT a.alias FROM participant pa JOIN alias a"         \
	"     ON a.person_id = pa.person_id JOIN person p"                     \
	"     ON p.id = a.person_id WHERE pa.event_id = e.id"                  \
	"     AND a.alias IS NOT p.name_en"                                    \
	"     AND a.alias IS NOT p.name_zh))"

static const char reference_sql[] =
	"CREATE VIRTUAL TABLE ref_fts USING fts5 (title_en, title_zh,"
	" summary_en, summary_zh, names, content = '', detail = none,"
	" tokenize = 'trigram');"
	"INSERT INTO ref_fts (rowid, title_en, title_zh, summary_en,"
	" summary_zh, names) SELECT e.seq, e.title_en, e.title_zh,"
	" e.summary_en, e.summary_zh, " REF_NAMES_SQL " FROM event e;"
	"CREATE VIRTUAL TABLE ref_gram USING fts5 (grams, content = '',"
	" detail = none, tokenize = 'ascii', prefix = '1');"
	"INSERT INTO ref_gram (rowid, grams) SELECT e.seq,"
	" br_grams(e.title_zh || ' ' || e.summary_zh || ' ' ||"
	" ifnull(" REF_NAMES_SQL ", '')) FROM event e;"
	"CREATE VIRTUAL TABLE temp.v_fts USING fts5vocab(main, event_fts, row);"
	"CREATE VIRTUAL TABLE temp.v_ref_fts USING fts5vocab(main, ref_fts,"
	" row);"
	"CREATE VIRTUAL TABLE temp.v_gram USING fts5vocab(main, event_gram,"
	" row);"
	"CREATE VIRTUAL TABLE temp.v_ref_gram USING fts5vocab(main, ref_gram,"
	" row);";

/* The events of one term in table, "1,5,9", into out. */
static void term_rows(struct br_db *db, const char *table, const char *term,
		      char *out, size_t cap)
{
	char sql[128], *match = sqlite3_mprintf("\"%w\"", term);
	sqlite3_stmt *st;

	snprintf(sql, sizeof(sql),
		 "SELECT group_concat(rowid) FROM (SELECT rowid FROM %s"
		 " WHERE %s MATCH ? ORDER BY rowid)",
		 table, table);
	st = br_db_stmt(db, sql);
	sqlite3_bind_text(st, 1, match, -1, sqlite3_free);
	snprintf(out, cap, "%s",
		 sqlite3_step(st) == SQLITE_ROW ? br_col(st, 0) : "error");
	br_db_reset(st);
}

/* Whether index and ref hold the same terms, each in the same events;
 * diag names the first that differs. */
static int same_index(struct br_db *db, const char *index, const char *ref,
		      long *terms)
{
	char sql[256], a[8192], b[8192];
	sqlite3_stmt *st;
	int same = 1;

	/* The same terms, each in as many events: the union of the two
	 * lists is as long as each. */
	snprintf(sql, sizeof(sql),
		 "SELECT 2 * (SELECT count(*) FROM (SELECT term, doc FROM"
		 " temp.v_%s UNION SELECT term, doc FROM temp.v_%s))"
		 " - (SELECT count(*) FROM temp.v_%s)"
		 " - (SELECT count(*) FROM temp.v_%s)",
		 index, ref, index, ref);
	if (sql_int(db, sql, NULL) != 0)
		same = 0;
	snprintf(sql, sizeof(sql), "SELECT term FROM temp.v_%s", ref);
	st = br_db_stmt(db, sql);
	*terms = 0;
	while (same && sqlite3_step(st) == SQLITE_ROW) {
		char term[64];

		snprintf(term, sizeof(term), "%s", br_col(st, 0));
		term_rows(db, strcmp(index, "fts") ? "event_gram" : "event_fts",
			  term, a, sizeof(a));
		term_rows(db, strcmp(ref, "ref_fts") ? "ref_gram" : "ref_fts",
			  term, b, sizeof(b));
		if (strcmp(a, b)) {
			diag("term '%s': %s, not %s", term, a, b);
			same = 0;
		}
		(*terms)++;
	}
	br_db_reset(st);
	return same;
}

/* The bundled dataset's indexes, as derived, against the reference. */
static void check_derived(struct br_db *db, const char *how)
{
	char err[256];
	long terms = 0;
	int same;

	if (!ok(br_db_exec(db, reference_sql, err, sizeof(err)) == 0,
		"%s: the reference indexes are made", how)) {
		diag("%s", err);
		return;
	}
	same = same_index(db, "fts", "ref_fts", &terms);
	ok(same && terms > 1000,
	   "%s: the trigram index is the one SQL derives (%ld terms)", how,
	   terms);
	same = same_index(db, "gram", "ref_gram", &terms);
	ok(same && terms > 100,
	   "%s: the index of pairs is the one SQL derives (%ld terms)", how,
	   terms);
}

/* A database of schema 3, as an older boardroom made it: its schema's
 * text, the data, then opened to add to and derived, as an import into
 * it would. */
static struct br_db *old_layout(const char *path)
{
	char schema[4096], err[256];
	const char *root = getenv("SOURCE_ROOT");
	char *sql;
	sqlite3 *conn;
	struct br_db *db;
	int rc;

	snprintf(schema, sizeof(schema), "%s/tests/model/schema-v3.sql",
		 root ? root : ".");
	sql = read_file(schema);
	if (!ok(sql != NULL, "schema 3's text is in %s", schema))
		return NULL;
	rc = sqlite3_open(path, &conn);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(conn, sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(conn, data_sql, NULL, NULL, NULL);
	if (!ok(rc == SQLITE_OK, "a database of schema 3 is made"))
		diag("%s", sqlite3_errmsg(conn));
	sqlite3_close(conn);
	free(sql);
	db = br_db_open_file(path, BR_DB_WRITE, err, sizeof(err));
	if (!ok(db != NULL, "a database of schema 3 opens to add to")) {
		diag("%s", err);
		return NULL;
	}
	if (!ok(br_db_finalize(db, BR_DERIVE_ALL, err, sizeof(err)) == 0,
		"and its derived tables are made in its own layout"))
		diag("%s", err);
	return db;
}

/* The bundled dataset in a file (the trigram index built on a second
 * core, in a side database) and in memory (built in line). */
static void derived(const char *dir)
{
	char path[128], err[256], side[160], data[4096];
	const char *root = getenv("SOURCE_ROOT");
	char *sql;
	struct br_db *db;

	snprintf(data, sizeof(data), "%s/db/dataset.sql", root ? root : ".");
	sql = read_file(data);
	snprintf(path, sizeof(path), "%s/bundled.db", dir);
	db = br_db_open_file(path, BR_DB_CREATE, err, sizeof(err));
	if (!ok(db && sql && br_db_exec(db, sql, err, sizeof(err)) == 0 &&
			br_db_finalize(db, BR_DERIVE_ALL, err, sizeof(err)) ==
				0,
		"the bundled dataset, derived in a file"))
		diag("%s", err);
	else
		check_derived(db, "in a file");
	snprintf(side, sizeof(side), "%s-search", path);
	ok(access(side, F_OK) != 0, "the side database is gone after");
	br_db_close(db);
	remove(path);
	free(sql);
	db = br_db_open_bundled(err, sizeof(err));
	if (ok(db != NULL, "the bundled dataset, derived in memory"))
		check_derived(db, "in memory");
	else
		diag("%s", err);
	br_db_close(db);
}

/* A generated timeline, whose search indexes the generator writes as it
 * writes the events, against the reference. */
static void generated(const char *dir)
{
	char path[128], err[256];
	struct br_gen_opts o = {.events = 3000, .people = 300, .seed = 5};
	struct br_db *db;

	snprintf(path, sizeof(path), "%s/gen.db", dir);
	o.path = path;
	if (!ok(br_gen(&o, err, sizeof(err)) == 0, "a generated timeline")) {
		diag("%s", err);
		return;
	}
	db = br_db_open_file(path, BR_DB_WRITE, err, sizeof(err));
	if (ok(db != NULL, "opens to write"))
		check_derived(db, "generated");
	else
		diag("%s", err);
	br_db_close(db);
	remove(path);
}

int main(void)
{
	char dir[] = "/tmp/br-search-XXXXXX", path[128], err[256];
	struct br_db *db;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof(path), "%s/new.db", dir);
	db = br_db_open_file(path, BR_DB_CREATE, err, sizeof(err));
	if (!ok(db != NULL, "a new database")) {
		diag("%s", err);
		return tap_done();
	}
	if (!ok(br_db_exec(db, data_sql, err, sizeof(err)) == 0 &&
			br_db_finalize(db, BR_DERIVE_ALL, err, sizeof(err)) ==
				0,
		"its events and derived tables"))
		diag("%s", err);
	is_int(sql_int(db, "PRAGMA user_version", NULL), 4,
	       "a new database is of schema 4");
	ok(sql_int(db,
		   "SELECT instr(sql, 'detail = none') > 0 FROM sqlite_master"
		   " WHERE name = 'event_fts'",
		   NULL) == 1,
	   "whose trigram index keeps no positions");
	check(db, "schema 4");
	br_db_close(db);
	remove(path);

	snprintf(path, sizeof(path), "%s/v3.db", dir);
	db = old_layout(path);
	if (db) {
		/* Opened to write, it gains person.unreviewed and is of
		 * schema 4; its trigram index stays as it was. */
		is_int(sql_int(db, "PRAGMA user_version", NULL), 4,
		       "the old database, opened to write, is of schema 4");
		ok(sql_int(db,
			   "SELECT instr(sql, 'detail') = 0 FROM sqlite_master"
			   " WHERE name = 'event_fts'",
			   NULL) == 1,
		   "with its trigram index that keeps positions");
		check(db, "schema 3");
		br_db_close(db);
	}
	db = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	if (ok(db != NULL, "a database of schema 3 opens to read"))
		check(db, "schema 3, read only");
	else
		diag("%s", err);
	br_db_close(db);
	remove(path);
	derived(dir);
	generated(dir);
	rmdir(dir);
	return tap_done();
}
