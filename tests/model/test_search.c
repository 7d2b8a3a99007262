/* Search on a small timeline made to tell an exact search from one that
 * only finds a term's trigrams: events that hold every trigram of a term
 * apart, and never the term. The same cases run on a database of today's
 * schema and on one made from schema 3's text (tests/model/schema-v3.sql),
 * whose trigram index kept positions: both must answer alike. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	rmdir(dir);
	return tap_done();
}
