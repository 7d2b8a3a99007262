/* The model against the bundled dataset: the data is complete and
 * consistent, and every query answers what the explorer will ask. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/gen.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/search.h"
#include "boardroom/split.h"
#include "boardroom/text.h"
#include "boardroom/when.h"
#include "sql.h"
#include "tap.h"

static struct br_db *db;
static struct br_zone pt;

static int64_t scalar_in(struct br_db *d, const char *sql)
{
	sqlite3_stmt *st = br_db_stmt(d, sql);
	int64_t v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return v;
}

static int64_t scalar(const char *sql)
{
	return scalar_in(db, sql);
}

static int64_t person(const char *slug)
{
	int64_t id = 0;
	char err[256];

	if (br_people_resolve(db, slug, &id, err, sizeof(err)) < 0)
		diag("%s", err);
	return id;
}

/* The instant of a PT wall clock in November 2023. */
static br_instant pt_at(int day, int hour, int min)
{
	struct tm tm = {0};

	tm.tm_year = 2023 - 1900;
	tm.tm_mon = 10;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	return br_zone_instant(&pt, &tm);
}

static void schema(void)
{
	is_int(scalar("PRAGMA user_version"), BR_SCHEMA_VERSION,
	       "schema version is %d", BR_SCHEMA_VERSION);
	is_int(scalar("PRAGMA application_id"), BR_APPLICATION_ID,
	       "application id marks a boardroom database");
	is_int(scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0,
	       "no dangling references");
}

static void markers(void)
{
	char sql[160];
	int i, missing = 0;

	for (i = 1; i <= 21; i++) {
		snprintf(sql, sizeof(sql),
			 "SELECT count(*) FROM event WHERE kind = 'main'"
			 " AND marker = '主線#%02d'",
			 i);
		if (scalar(sql) != 1) {
			diag("missing 主線#%02d", i);
			missing++;
		}
	}
	for (i = 1; i <= 16; i++) {
		snprintf(sql, sizeof(sql),
			 "SELECT count(*) FROM event WHERE kind = 'aside'"
			 " AND marker = '花絮%d'",
			 i);
		if (scalar(sql) != 1) {
			diag("missing 花絮%d", i);
			missing++;
		}
	}
	is_int(missing, 0, "all 21 main-line and 16 sidelight markers");
	is_int(scalar("SELECT count(*) FROM event WHERE kind = 'main'"), 21,
	       "exactly 21 main-line events");
	is_int(scalar("SELECT count(*) FROM event WHERE kind = 'aside'"), 16,
	       "exactly 16 sidelights");
	ok(scalar("SELECT count(*) FROM event WHERE kind = 'background'") >= 10,
	   "the background history is there");
}

static void languages(void)
{
	is_int(scalar("SELECT count(*) FROM event WHERE"
		      " trim(title_en) = '' OR trim(title_zh) = ''"
		      " OR trim(summary_en) = '' OR trim(summary_zh) = ''"),
	       0, "every event has a title and summary in both languages");
	is_int(scalar("SELECT count(*) FROM event WHERE"
		      " title_zh NOT GLOB '*[一-龥]*'"),
	       0, "every Chinese title has Chinese in it");
	is_int(scalar("SELECT count(*) FROM person WHERE"
		      " trim(name_en) = '' OR trim(name_zh) = ''"),
	       0, "every person is named in both languages");
	is_int(scalar("SELECT count(*) FROM note WHERE"
		      " trim(text_en) = '' OR trim(text_zh) = ''"),
	       0, "every note in both languages");
}

/* The days of month a time wording names, in order ("17號晚間 / 11月18日凌晨"
 * -> 17, 18). Returns how many. */
static int stated_days(const char *text, int *days, int max)
{
	int n = 0;
	const char *p;

	for (p = text; *p && n < max; p++) {
		const char *q = p;

		if (p > text && p[-1] >= '0' && p[-1] <= '9')
			continue;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q > p && (!strncmp(q, "日", 3) || !strncmp(q, "號", 3) ||
			      !strncmp(q, "号", 3)))
			days[n++] = atoi(p);
	}
	return n;
}

static void times(void)
{
	struct br_zone beijing;
	sqlite3_stmt *st;
	int bad = 0, checked = 0;
	char err[128];

	br_zone_set(&beijing, "Beijing", err, sizeof(err));
	is_int(scalar("SELECT count(*) FROM event"
		      " WHERE NOT (t_min <= ts AND ts <= t_max)"),
	       0, "every event's bounds are ordered around its instant");
	st = br_db_stmt(db, "SELECT marker, time_text, t_min, t_max FROM event"
			    " WHERE kind <> 'background' AND time_text <> ''");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *marker = (const char *)sqlite3_column_text(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 1);
		/* The opening paragraph gives Beijing time. */
		const struct br_zone *z = strstr(text, "北京") ? &beijing : &pt;
		int days[4], n = stated_days(text, days, 4);
		struct tm a, b;

		if (!n)
			continue;
		checked++;
		br_zone_local(z, sqlite3_column_int64(st, 2), &a, NULL);
		br_zone_local(z, sqlite3_column_int64(st, 3), &b, NULL);
		if (a.tm_mday != days[0] || b.tm_mday != days[n - 1]) {
			diag("%s '%s': %d..%d", marker, text, a.tm_mday,
			     b.tm_mday);
			bad++;
		}
	}
	br_db_reset(st);
	ok(checked >= 8, "events that state a day: %d", checked);
	is_int(bad, 0, "each lies inside the days it states");
	/* An inferred time is a range, unless the words it was taken from
	 * (another passage, as for 主線#20) state the minute. */
	is_int(scalar("SELECT count(*) FROM event WHERE inferred = 1"
		      " AND precision = 'minute' AND t_min = t_max"
		      " AND time_text NOT GLOB '*[0-9]:[0-9][0-9]*'"),
	       0, "no inferred time claims one exact minute it was not given");
	is_int(scalar("SELECT inferred FROM event WHERE marker = '主線#20'"), 1,
	       "主線#20 has no time of its own: inferred");
	is_int(scalar("SELECT ts FROM event WHERE marker = '主線#03'"),
	       pt_at(17, 12, 23), "主線#03 is at 12:23 PT on Nov 17");
	is_int(scalar("SELECT precision = 'part_of_day' FROM event"
		      " WHERE marker = '主線#10'"),
	       1, "主線#10 is known only as an evening");
}

static int64_t stance_faction(int64_t who, br_instant at)
{
	sqlite3_stmt *st =
		br_db_stmt(db, "SELECT f.slug = 'with-board' FROM stance s"
			       " LEFT JOIN faction f ON f.id = s.faction_id"
			       " WHERE s.person_id = ?1 AND s.axis = 'crisis'"
			       " AND (s.since IS NULL OR s.since <= ?2)"
			       " ORDER BY s.since DESC LIMIT 1");
	int64_t v = -1;

	sqlite3_bind_int64(st, 1, who);
	sqlite3_bind_int64(st, 2, at);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	br_db_reset(st);
	return v;
}

static const struct br_side *side(const struct br_split *s, const char *slug)
{
	size_t i;

	for (i = 0; i < s->n_sides; i++)
		if (!strcmp(s->sides[i].slug, slug))
			return &s->sides[i];
	return NULL;
}

static int on_side(const struct br_split *s, const char *faction,
		   const char *who)
{
	const struct br_side *sd = side(s, faction);
	size_t i;

	for (i = 0; sd && i < sd->n; i++)
		if (!strcmp(sd->members[i].slug, who))
			return 1;
	return 0;
}

static int has_member(const struct br_member *m, size_t n, const char *who)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(m[i].slug, who))
			return 1;
	return 0;
}

static const struct br_figure *figure(const struct br_split *s,
				      const char *code)
{
	size_t i;

	for (i = 0; i < s->n_figures; i++)
		if (!strcmp(s->figures[i].code, code))
			return &s->figures[i];
	return NULL;
}

static void stances(void)
{
	int64_t ilya = person("sutskever"), mira = person("murati");
	struct br_changes ch = {0};
	size_t i;
	int ilya_moved = 0, mira_moved = 0;

	is_int(stance_faction(ilya, pt_at(17, 13, 0)), 1,
	       "Sutskever is with the board when Altman is fired");
	is_int(stance_faction(ilya, pt_at(21, 23, 0)), 0,
	       "and no longer after his change of heart");
	ok(scalar("SELECT count(*) FROM stance s JOIN person p"
		  " ON p.id = s.person_id WHERE p.slug = 'sutskever'"
		  " AND s.event_id IS NOT NULL") >= 1,
	   "Sutskever's change is tied to an event");
	ok(scalar("SELECT count(*) FROM stance s JOIN person p"
		  " ON p.id = s.person_id WHERE p.slug = 'murati'"
		  " AND s.event_id IS NOT NULL") >= 1,
	   "Murati's move is tied to an event");
	br_changes_between(db, pt_at(17, 0, 0), pt_at(22, 0, 0), &ch);
	for (i = 0; i < ch.n; i++) {
		if (ch.rows[i].what != BR_CHANGE_STANCE)
			continue;
		ilya_moved |= ch.rows[i].person_id == ilya;
		mira_moved |= ch.rows[i].person_id == mira;
	}
	ok(ilya_moved && mira_moved,
	   "both moves show among the changes of the 106 hours");
	br_changes_free(&ch);
}

static void splits(void)
{
	struct br_split s = {0};
	const struct br_figure *f;

	ok(br_split_at(db, pt_at(17, 13, 0), 0, &s) == 0,
	   "split at Nov 17 13:00");
	ok(on_side(&s, "safety", "sutskever"), "Sutskever: safety");
	ok(on_side(&s, "accelerationist", "altman"), "Altman: accelerationist");
	ok(on_side(&s, "accelerationist", "brockman"),
	   "Brockman: accelerationist");
	ok(!on_side(&s, "accelerationist", "murati"), "Murati is on no line");
	ok(!has_member(s.board, s.n_board, "altman"),
	   "Altman is off the board");
	ok(has_member(s.board, s.n_board, "sutskever"),
	   "Sutskever is on the board");
	f = NULL;
	for (size_t k = 0; k < s.n_past; k++)
		if (!strcmp(s.past[k].code, "board_vote"))
			f = &s.past[k];
	ok(f && f->value == 4 && f->total == 6 && !figure(&s, "board_vote"),
	   "the vote was 4 of 6, and it is past once cast");
	ok(!figure(&s, "signatures"), "no letter signed yet");

	ok(br_split_at(db, pt_at(21, 23, 0), 0, &s) == 0,
	   "split at Nov 21 23:00");
	ok(has_member(s.chiefs, s.n_chiefs, "altman") && s.n_chiefs == 1,
	   "Altman is CEO again");
	is_int(s.n_board, 3, "the board has three members");
	ok(has_member(s.board, s.n_board, "taylor") &&
		   has_member(s.board, s.n_board, "summers") &&
		   has_member(s.board, s.n_board, "dangelo"),
	   "Taylor, Summers and D'Angelo");
	ok(on_side(&s, "safety", "sutskever"),
	   "Sutskever keeps his line after backing down");
	ok(!figure(&s, "board_vote"), "the vote is past");
	f = figure(&s, "signatures");
	ok(f && f->value == 747 && f->total == 770, "747 of 770 signed");
	br_split_free(&s);
}

/* The lines counted person by person: those placed by ?1 whose latest
 * line then is ?2 (0: none), in the split's order. */
static const char brute_side_sql[] =
	"SELECT p.id FROM person p JOIN person_stat ps ON ps.person_id = p.id"
	" WHERE ps.placed_from <= ?1 AND ifnull((SELECT s.faction_id"
	"   FROM stance s WHERE s.person_id = p.id AND s.axis = 'line'"
	"   AND (s.since IS NULL OR s.since <= ?1)"
	"   ORDER BY s.since DESC LIMIT 1), 0) = ?2"
	" ORDER BY p.kind <> 'person', p.id";

/* The latest figure of each kind at ?1, from every figure's event, unless
 * the event that ends it has come. */
static const char brute_figures_sql[] =
	"SELECT f.code, f.value FROM figure f JOIN event e ON e.id = f.event_id"
	" WHERE f.id = (SELECT f2.id FROM figure f2 JOIN event e2"
	"   ON e2.id = f2.event_id WHERE f2.code = f.code AND e2.ts <= ?1"
	"   ORDER BY e2.ts DESC, f2.id DESC LIMIT 1)"
	" AND NOT EXISTS (SELECT 1 FROM event u WHERE u.id = f.until_event"
	"   AND u.ts <= ?1)"
	" AND f.code IN (SELECT code FROM figure_kind) ORDER BY f.code";

/* Checks br_split_at at t against the counts person by person, with all
 * members and with limit of them; 0 if they agree, else says how not. */
static int split_agrees(struct br_db *d, br_instant t, size_t limit)
{
	struct br_split all = {0}, some = {0};
	sqlite3_stmt *st;
	size_t i, j;
	int bad = 0;

	if (br_split_at(d, t, 0, &all) < 0 || br_split_at(d, t, limit, &some))
		bad = 1;
	for (i = 0; !bad && i < all.n_sides; i++) {
		const struct br_side *a = &all.sides[i], *b = &some.sides[i];
		size_t want = 0;

		st = br_db_stmt(d, brute_side_sql);
		sqlite3_bind_int64(st, 1, t);
		sqlite3_bind_int64(st, 2, a->id);
		while (!bad && sqlite3_step(st) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);

			if (want >= a->n || a->members[want].id != id ||
			    (want < limit &&
			     (want >= b->n || b->members[want].id != id)))
				bad = 1;
			want++;
		}
		br_db_reset(st);
		if (!bad &&
		    (a->total != want || a->n != want || b->total != want ||
		     b->n != (want < limit ? want : limit)))
			bad = 1;
		if (bad)
			diag("at %lld, side %lld: %zu of %zu, %zu of %zu with "
			     "a "
			     "limit of %zu; counted %zu",
			     (long long)t, (long long)a->id, a->n, a->total,
			     b->n, b->total, limit, want);
	}
	st = br_db_stmt(d, brute_figures_sql);
	sqlite3_bind_int64(st, 1, t);
	for (j = 0; !bad && sqlite3_step(st) == SQLITE_ROW; j++)
		if (j >= all.n_figures ||
		    strcmp(all.figures[j].code,
			   (const char *)sqlite3_column_text(st, 0)) ||
		    all.figures[j].value != sqlite3_column_int64(st, 1))
			bad = 1;
	br_db_reset(st);
	if (!bad && j != all.n_figures)
		bad = 1;
	if (bad && j)
		diag("at %lld: figures differ", (long long)t);
	br_split_free(&all);
	br_split_free(&some);
	return bad;
}

static const struct br_side *side_of(const struct br_split *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n_sides; i++)
		if (s->sides[i].id == id)
			return &s->sides[i];
	return NULL;
}

static void side_counts(void)
{
	struct br_split before = {0}, after = {0};
	const struct br_side *sb, *sa;
	br_instant t = scalar("SELECT ts FROM event WHERE marker = '主線#14'");
	sqlite3_stmt *st;
	size_t i;
	int bad = 0, n = 0;

	ok(br_split_at(db, t - 1, 0, &before) == 0 &&
		   br_split_at(db, t, 0, &after) == 0,
	   "split just before and at 主線#14");
	sb = side(&before, "safety");
	sa = side(&after, "safety");
	ok(sb && sa && sb->total == sa->total && sb->n == sb->total &&
		   on_side(&before, "safety", "sutskever") &&
		   on_side(&after, "safety", "sutskever"),
	   "Sutskever's change of heart leaves the line alone (%zu, then %zu)",
	   sb ? sb->total : 0, sa ? sa->total : 0);
	ok(sb && sa && !strcmp(sb->members[0].slug, "sutskever") &&
		   !strcmp(sb->members[0].stance_slug, "with-board") &&
		   !strcmp(sa->members[0].slug, "sutskever") &&
		   !sa->members[0].stance_slug[0],
	   "but not his stance: with the board, then neither");
	sb = side_of(&after, 0);
	ok(sb && sb->total == 10 && sb->n == 10,
	   "10 placed with no line stated (%zu)", sb ? sb->total : 0);
	ok(!side_of(&after, -1), "those not placed are left out");

	ok(br_split_at(db, t, 2, &after) == 0, "the split with 2 a side");
	sa = side(&after, "accelerationist");
	ok(sa && sa->n == 2 && sa->total == 2 &&
		   !strcmp(sa->members[0].slug, "altman") &&
		   !strcmp(sa->members[1].slug, "brockman"),
	   "the 2 accelerationists, in order: Altman, Brockman");
	sa = side_of(&after, 0);
	ok(sa && sa->n == 2 && sa->total == 10 &&
		   !strcmp(sa->members[0].slug, "murati") &&
		   !strcmp(sa->members[1].slug, "shear"),
	   "2 of the 10 with no line, Murati first");
	for (i = 0; i < after.n_sides; i++)
		if (after.sides[i].n > 2)
			n++;
	ok(!n, "no side has more than 2");
	n = 0;
	br_split_free(&before);
	br_split_free(&after);

	/* Every event's instant and the second before it. */
	st = br_db_stmt(db, "SELECT DISTINCT ts FROM event ORDER BY ts");
	while (sqlite3_step(st) == SQLITE_ROW) {
		br_instant at = sqlite3_column_int64(st, 0);

		bad += split_agrees(db, at - 1, 3) + split_agrees(db, at, 3);
		n += 2;
	}
	br_db_reset(st);
	ok(!bad,
	   "at %d instants every side's count and members are those counted "
	   "person by person",
	   n);
}

/* The same on a generated timeline, where many people change sides. */
static void generated_sides(void)
{
	char dir[] = "/tmp/br-model-XXXXXX", path[128], err[256];
	struct br_gen_opts o = {0};
	struct br_db *g;
	sqlite3_stmt *st;
	br_instant lo, hi;
	int bad = 0, n = 0, i;

	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	o.events = 3000;
	o.people = 500;
	o.seed = 11;
	o.path = path;
	if (!ok(br_gen(&o, err, sizeof(err)) == 0,
		"a generated timeline of 3,000 events"))
		diag("%s", err);
	g = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	if (!ok(g != NULL, "it opens")) {
		diag("%s", err);
		remove(path);
		rmdir(dir);
		return;
	}
	/* Every change of side, the second before it, and instants spread
	 * over the whole span. */
	st = br_db_stmt(g, "SELECT since FROM stance WHERE since IS NOT NULL"
			   " UNION SELECT placed_from FROM person_stat"
			   " WHERE person_id % 10 = 0");
	while (sqlite3_step(st) == SQLITE_ROW) {
		br_instant at = sqlite3_column_int64(st, 0);

		bad += split_agrees(g, at - 1, 7) + split_agrees(g, at, 7);
		n += 2;
	}
	br_db_reset(st);
	st = br_db_stmt(g, "SELECT min(ts), max(ts) FROM event");
	sqlite3_step(st);
	lo = sqlite3_column_int64(st, 0) - 1;
	hi = sqlite3_column_int64(st, 1) + 1;
	br_db_reset(st);
	for (i = 0; i <= 50; i++, n++)
		bad += split_agrees(g, lo + (hi - lo) / 50 * i, 40);
	ok(n > 100 && !bad,
	   "at %d instants every side's count, members and figures are those "
	   "counted one by one",
	   n);
	ok(scalar_in(g, "SELECT count(*) FROM side_count") > 0 &&
		   scalar_in(g, "SELECT count(*) FROM figure") > 0 &&
		   scalar_in(g,
			     "SELECT count(*) FROM figure WHERE ts IS NULL") ==
			   0,
	   "a generated database has the sides and figures derived");
	br_db_close(g);
	remove(path);
	rmdir(dir);
}

/* Where slug is in list; -1 if not. */
static int place(const struct br_people *list, const char *slug)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->rows[i].slug, slug))
			return (int)i;
	return -1;
}

static void people_ranks(void)
{
	static const struct {
		const char *name, *err;
	} ambiguous[] = {
		{"an", "'an' is ambiguous: Anna Brockman, Anthropic"},
		{"th",
		 "'th' is ambiguous: Thrive Capital, The Information, The "
		 "Atlantic, Three senior researchers, ..."},
		{"the",
		 "'the' is ambiguous: The Information, The Atlantic, The "
		 "two other outside directors"},
		{"阿", "'阿' is ambiguous: Sam Altman, Dario Amodei"},
	};
	struct br_people list = {0};
	char err[256];
	int64_t id;
	size_t i;
	int a, b;

	br_people_search(db, "a", 100, &list);
	a = place(&list, "anthropic");
	b = place(&list, "openai");
	ok(a >= 0 && b > a && list.rows[b].n_events > list.rows[a].n_events,
	   "a prefix (Anthropic, 3 events) before a substring (OpenAI, 19)");
	is_str(list.rows[0].slug, "altman", "the most events first: Altman");
	is_str(list.rows[b].matched, "Open AI",
	       "the first alias a substring matched");
	is_int(br_people_search(db, "a", 3, &list), 3, "a limit of 3: 3");
	is_int(list.n, 3, "and 3 in the list");
	is_int(br_people_search(db, "", 5, &list), 5, "no query, limit 5: 5");
	is_int(br_people_search(db, "a", 0, &list), 0, "a limit of 0: none");
	is_int(br_people_search(db, "zzqx", 10, &list), 0, "no match: none");
	ok(br_people_search(db, "阿爾", 10, &list) == 1 &&
		   !strcmp(list.rows[0].slug, "altman"),
	   "a traditional Chinese prefix (阿爾) finds Altman");
	ok(br_people_search(db, "尔特曼", 10, &list) == 1 &&
		   !strcmp(list.rows[0].slug, "altman"),
	   "a simplified Chinese substring (尔特曼) finds Altman");
	ok(br_people_search(db, "阿", 10, &list) == 2 &&
		   !strcmp(list.rows[0].slug, "altman") &&
		   !strcmp(list.rows[1].slug, "amodei"),
	   "阿: Altman, then Amodei");
	for (i = 0; i < BR_ARRAY_SIZE(ambiguous); i++) {
		err[0] = '\0';
		ok(br_people_resolve(db, ambiguous[i].name, &id, err,
				     sizeof(err)) < 0,
		   "'%s' does not resolve", ambiguous[i].name);
		is_str(err, ambiguous[i].err, "and says so");
	}
	ok(br_people_resolve(db, "阿爾特曼", &id, err, sizeof(err)) == 0 &&
		   id == person("altman"),
	   "resolve 阿爾特曼");
	ok(br_people_resolve(db, "greg", &id, err, sizeof(err)) == 0 &&
		   id == person("brockman"),
	   "resolve a prefix only one person has");
	ok(br_people_resolve(db, "brockm", &id, err, sizeof(err)) == 0 &&
		   id == person("brockman"),
	   "resolve a prefix (brockm) only one person's alias has, though "
	   "another has it inside");
	br_people_free(&list);
}

static void people(void)
{
	static const struct {
		const char *query, *slug;
	} cases[] = {
		{"Iiya", "sutskever"},
		{"D’Angelo", "dangelo"},
		{"dangelo", "dangelo"},
		{"阿爾特曼", "altman"},
		{"阿尔特曼", "altman"},
		{"sam", "altman"},
		{"Mira", "murati"},
		{"纳德拉", "nadella"},
		{"ILYA SUTSKEVER", "sutskever"},
		{"Twich", "twitch"},
	};
	struct br_people list = {0};
	char err[256];
	int64_t id;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int n = br_people_search(db, cases[i].query, 10, &list);

		ok(n > 0 && !strcmp(list.rows[0].slug, cases[i].slug),
		   "'%s' finds %s first", cases[i].query, cases[i].slug);
	}
	br_people_search(db, "bro", 50, &list);
	ok(list.n >= 2 && strstr(list.rows[0].name[0], "Brockman"),
	   "a prefix ranks Brockmans first");
	ok(br_people_search(db, "", 1000, &list) >= 30,
	   "everyone is listed for an empty query");
	ok(br_people_resolve(db, "Altman", &id, err, sizeof(err)) == 0 &&
		   id == person("altman"),
	   "resolve Altman");
	ok(br_people_resolve(db, "nobody-at-all", &id, err, sizeof(err)) < 0 &&
		   strstr(err, "unknown person"),
	   "an unknown name is refused: %s", err);
	people_ranks();
	br_people_free(&list);
}

static int same_rows(const struct br_page *a, size_t off,
		     const struct br_page *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (a->rows[off + i].id != b->rows[i].id)
			return 0;
	return 1;
}

static void paging(void)
{
	struct br_page all = {0}, p = {0};
	struct br_filter f;
	struct br_key key;
	int64_t total;
	size_t i, sorted = 1;

	br_filter_init(&f);
	total = br_events_count(db, &f);
	ok(br_events_page(db, &f, NULL, BR_AFTER, 1000, &all) == total,
	   "one page holds all %lld events", (long long)total);
	for (i = 1; i < all.n; i++)
		if (all.rows[i - 1].ts > all.rows[i].ts)
			sorted = 0;
	ok(sorted, "in time order");
	br_events_page(db, &f, NULL, BR_AFTER, 5, &p);
	ok(p.n == 5 && same_rows(&all, 0, &p), "first page of five");
	key = (struct br_key){p.rows[4].ts, p.rows[4].id};
	br_events_page(db, &f, &key, BR_AFTER, 5, &p);
	ok(p.n == 5 && same_rows(&all, 5, &p), "next page after its key");
	is_int(br_events_rank(db, &f,
			      &(struct br_key){p.rows[0].ts, p.rows[0].id}),
	       5, "the rank of the sixth event is 5");
	br_events_page(db, &f, &key, BR_BEFORE, 3, &p);
	ok(p.n == 3 && same_rows(&all, 1, &p),
	   "a page before a key is in time order");
	br_events_page(db, &f, NULL, BR_BEFORE, 2, &p);
	ok(p.n == 2 && same_rows(&all, all.n - 2, &p), "the last page");

	f.kinds = BR_KIND_MAIN;
	is_int(br_events_count(db, &f), 21, "kind filter: main");
	f.kinds = BR_KIND_ASIDE | BR_KIND_MAIN;
	is_int(br_events_count(db, &f), 37, "kind filter: main and aside");
	br_page_free(&all);
	br_page_free(&p);
}

static int all_have(const struct br_page *p, int64_t who)
{
	struct br_detail d = {0};
	size_t i, j;
	int found_all = 1;

	for (i = 0; i < p->n; i++) {
		int found = 0;

		br_event_detail(db, p->rows[i].id, &d);
		for (j = 0; j < d.n_people; j++)
			found |= d.people[j].person_id == who;
		found_all &= found;
	}
	br_detail_free(&d);
	return found_all;
}

static void filters(void)
{
	struct br_filter f;
	struct br_page p = {0};
	int64_t n_ilya, n_mira, n_any, n_both;

	br_filter_init(&f);
	f.people[0] = person("sutskever");
	f.n_people = 1;
	n_ilya = br_events_count(db, &f);
	br_events_page(db, &f, NULL, BR_AFTER, 100, &p);
	ok(n_ilya > 5 && (int64_t)p.n == n_ilya && all_have(&p, f.people[0]),
	   "person filter: %lld events, all with Sutskever", (long long)n_ilya);
	f.people[0] = person("murati");
	n_mira = br_events_count(db, &f);
	f.people[0] = person("sutskever");
	f.people[1] = person("murati");
	f.n_people = 2;
	n_any = br_events_count(db, &f);
	f.people_all = 1;
	n_both = br_events_count(db, &f);
	br_events_page(db, &f, NULL, BR_AFTER, 100, &p);
	ok((int64_t)p.n == n_both && all_have(&p, f.people[1]),
	   "all-of filter pages agree with its count");
	is_int(n_any + n_both, n_ilya + n_mira,
	       "any-of and all-of add up (inclusion-exclusion)");

	{
		/* One person and a term too short for the indexes: the
		 * count of one person's events once forgot the event. */
		struct br_search s;

		br_filter_init(&f);
		f.people[0] = person("sutskever");
		f.n_people = 1;
		br_search_compile(&s, "Ch");
		f.search = &s;
		br_events_page(db, &f, NULL, BR_AFTER, 100, &p);
		is_int(br_events_count(db, &f), (int64_t)p.n,
		       "one person and a short term: the count is the page's");
		br_search_free(&s);
	}

	br_filter_init(&f);
	f.faction = scalar("SELECT id FROM faction WHERE slug = 'safety'");
	ok(br_events_count(db, &f) > 0, "faction filter finds events");

	br_filter_init(&f);
	f.from = pt_at(19, 0, 0);
	f.to = pt_at(19, 23, 59);
	br_events_page(db, &f, NULL, BR_AFTER, 100, &p);
	ok(p.n > 0 && p.rows[0].ts >= f.from && p.rows[p.n - 1].ts <= f.to,
	   "time range filter");
	br_page_free(&p);
}

static int64_t search_count(const char *text)
{
	struct br_filter f;
	struct br_search s;
	int64_t n;

	br_filter_init(&f);
	br_search_compile(&s, text);
	f.search = &s;
	n = br_events_count(db, &f);
	br_search_free(&s);
	return n;
}

/* The longest query the filter can make: eight people who must all take
 * part, eight short words, two kinds, a faction, a range and a key. It
 * once overflowed the query buffer and aborted. */
static void longest_query(void)
{
	static const char *const slugs[] = {
		"altman",  "murati", "sutskever", "brockman",
		"nadella", "shear",  "board",	  "microsoft",
	};
	struct br_key key = {pt_at(17, 0, 0), 0};
	struct br_page p = {0};
	struct br_filter f;
	struct br_search s;
	size_t i;

	br_filter_init(&f);
	for (i = 0; i < BR_ARRAY_SIZE(slugs); i++)
		f.people[i] = person(slugs[i]);
	f.n_people = BR_ARRAY_SIZE(slugs);
	f.people_all = 1;
	f.kinds = BR_KIND_MAIN | BR_KIND_ASIDE;
	f.faction = br_faction_find(db, "safety");
	f.from = pt_at(1, 0, 0);
	f.to = pt_at(30, 0, 0);
	br_search_compile(&s, "a b c d e f g h i j");
	f.search = &s;
	is_int(br_events_page(db, &f, &key, BR_AFTER, 20, &p), 0,
	       "every filter at once, all of eight people: a page");
	is_int(br_events_count(db, &f), 0, "and a count");
	is_int(br_events_rank(db, &f, &key), 0, "and a rank");
	f.people_all = 0;
	ok(br_events_page(db, &f, &key, BR_BEFORE, 20, &p) >= 0,
	   "any of eight people with every filter: a page");
	br_page_free(&p);
	br_search_free(&s);
}

/* Events whose Chinese texts or participants' Chinese names hold term,
 * looked for row by row: what the index of character pairs must find. */
static int64_t brute_count(const char *term)
{
	return sql_int(
		db,
		"SELECT count(*) FROM event e WHERE instr(e.title_zh, ?1)"
		" OR instr(e.summary_zh, ?1) OR EXISTS (SELECT 1"
		" FROM participant pa JOIN person p ON p.id = pa.person_id"
		" WHERE pa.event_id = e.id AND instr(p.name_zh, ?1))"
		" OR EXISTS (SELECT 1 FROM participant pa JOIN alias a"
		" ON a.person_id = pa.person_id WHERE pa.event_id = e.id"
		" AND instr(a.alias, ?1))",
		term);
}

static void short_chinese(void)
{
	static const char *const terms[] = {
		"微软", "签",	"董事", "会", "辞", "阿", "奥特",
		"曼",	"员工", "穆",	"日", "回", "归", "人",
	};
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(terms); i++) {
		int64_t want = brute_count(terms[i]), got;

		got = search_count(terms[i]);
		is_int(got, want, "search '%s' finds what a scan finds (%lld)",
		       terms[i], (long long)want);
	}
}

static void searching(void)
{
	struct br_page p = {0};
	struct br_filter f;
	struct br_search s;

	ok(search_count("Google Meet") >= 2, "search 'Google Meet'");
	ok(search_count("google meet") == search_count("Google Meet"),
	   "search ignores ASCII case");
	ok(search_count("Thrive") >= 1, "search a name in the people");
	ok(search_count("公开信") >= 1, "search a Chinese trigram");
	ok(search_count("微软") >= 3, "search two Chinese characters");
	ok(search_count("签") >= 1, "search one Chinese character");
	is_int(search_count("zzqqxxyy"), 0, "a word with no hits");
	ok(search_count("\"AND OR NEAR( *") >= 0,
	   "FTS5 syntax in the input is not an error");
	ok(search_count("Iiya") >= 1, "an alias typo finds its events");
	short_chinese();
	br_filter_init(&f);
	br_search_compile(&s, "Shear");
	f.search = &s;
	br_events_page(db, &f, NULL, BR_AFTER, 100, &p);
	ok(p.n >= 3, "search pages: %zu events with Shear", p.n);
	br_page_free(&p);
	br_search_free(&s);
	longest_query();
}

/* Pages of f (whose search is text) of three events, walked from the
 * start; the ids go to ids (up to cap), the number to the result. With
 * fresh, the search is compiled again for every page, the way each query
 * once compiled it from the filter's text. */
static size_t walk_pages(struct br_filter *f, const char *text, int fresh,
			 int64_t *ids, size_t cap)
{
	struct br_page p = {0};
	struct br_key key;
	struct br_search own;
	size_t n = 0, i;
	int rows;

	do {
		if (fresh) {
			br_search_compile(&own, text);
			f->search = &own;
		}
		rows = br_events_page(db, f, n ? &key : NULL, BR_AFTER, 3, &p);
		for (i = 0; rows > 0 && i < p.n; i++, n++)
			if (n < cap)
				ids[n] = p.rows[i].id;
		if (rows > 0)
			key = (struct br_key){p.rows[p.n - 1].ts,
					      p.rows[p.n - 1].id};
		if (fresh)
			br_search_free(&own);
	} while (rows == 3);
	br_page_free(&p);
	return n;
}

/* A search is compiled once and every query only reads it: paging,
 * counting, ranking, the nearest event and the ruler, all from the one
 * compiled value, give what a search compiled afresh each time gives. */
static void compiled_search(void)
{
	static const char text[] = "Altman AI 董事";
	int64_t once[64], fresh[64], n_once, n_fresh;
	struct br_search s, again;
	struct br_filter f;
	struct br_key key;
	uint32_t counts[24];
	int same_terms = 1;
	size_t i;

	br_filter_init(&f);
	br_search_compile(&s, text);
	f.search = &s;
	n_once = (int64_t)walk_pages(&f, text, 0, once, BR_ARRAY_SIZE(once));
	ok(n_once > 3 && n_once == br_events_count(db, &f),
	   "one compiled search pages through all its %lld events",
	   (long long)n_once);
	br_events_nearest(db, &f, pt_at(19, 0, 0), pt_at(19, 0, 0), &key);
	br_events_rank(db, &f, &key);
	br_events_density(db, &f, pt_at(17, 0, 0), 3600 * 4, 24, counts);
	n_fresh = (int64_t)walk_pages(&f, text, 1, fresh, BR_ARRAY_SIZE(fresh));
	ok(n_fresh == n_once &&
		   !memcmp(once, fresh, (size_t)n_once * sizeof(*once)),
	   "the same pages as a search compiled again for each page");
	br_search_compile(&again, text);
	same_terms = s.n_terms == again.n_terms && s.n_short == again.n_short &&
		     !strcmp(s.match, again.match) &&
		     !strcmp(s.gram_match, again.gram_match);
	for (i = 0; same_terms && i < s.n_terms; i++)
		same_terms = !strcmp(s.terms[i], again.terms[i]);
	for (i = 0; same_terms && i < s.n_short; i++)
		same_terms = !strcmp(s.shorts[i], again.shorts[i]) &&
			     !strcmp(s.short_folds[i], again.short_folds[i]);
	ok(same_terms, "the queries leave the compiled search as it was");
	br_search_free(&again);
	br_search_free(&s);

	br_filter_init(&f);
	ok(!br_filter_active(&f), "no search: the filter is not in force");
	br_search_compile(&s, "  ");
	f.search = &s;
	ok(br_filter_active(&f) && br_events_count(db, &f) ==
					   scalar("SELECT count(*) FROM event"),
	   "a search of white space is in force and matches every event");
	br_search_free(&s);
}

static void nearest(void)
{
	struct br_filter f;
	struct br_search s;
	struct br_key key;
	struct br_detail d = {0};

	br_filter_init(&f);
	ok(br_events_nearest(db, &f, pt_at(19, 18, 0), pt_at(19, 23, 59),
			     &key) == 1 &&
		   br_event_detail(db, key.id, &d) == 1 &&
		   !strcmp(d.ev.marker, "主線#10"),
	   "Nov 19 evening goes to 主線#10 (%s)", d.ev.marker);
	ok(br_events_nearest(db, &f, pt_at(30, 0, 0), pt_at(30, 0, 0), &key) ==
		   1,
	   "a moment after everything finds the last event");
	f.kinds = BR_KIND_MAIN;
	br_search_compile(&s, "zzqqxxyy");
	f.search = &s;
	is_int(br_events_nearest(db, &f, 0, 0, &key), 0,
	       "nothing to go to under an empty filter");
	br_search_free(&s);
	br_detail_free(&d);
}

static void markers_lookup(void)
{
	struct br_key key;
	int64_t id = scalar("SELECT id FROM event WHERE marker = '主線#07'");

	ok(br_events_by_marker(db, "主線#07", &key) == 1 && key.id == id,
	   "a marker finds its event");
	ok(br_events_by_marker(db, "主线#7", &key) == 1 && key.id == id,
	   "in simplified script, without the zero");
	is_int(br_events_by_marker(db, "主線#99", &key), 0,
	       "an unknown marker finds nothing");
}

static void density(void)
{
	const struct br_meta *m = br_db_meta(db);
	uint32_t counts[106];
	struct br_filter f;
	int64_t sum = 0, direct;
	size_t i;

	br_filter_init(&f);
	ok(br_events_density(db, &f, m->window_start, 3600, 106, counts) == 0,
	   "hourly density over the window");
	for (i = 0; i < 106; i++)
		sum += counts[i];
	f.from = m->window_start;
	f.to = m->window_start + 106 * 3600 - 1;
	direct = br_events_count(db, &f);
	is_int(sum, direct, "buckets add up to the events in the window");
	is_int(m->window_end - m->window_start, 106 * 3600,
	       "the window is 106 hours");
}

static void details(void)
{
	struct br_detail d = {0};
	int64_t id = scalar("SELECT id FROM event WHERE marker = '花絮2'");

	ok(br_event_detail(db, id, &d) == 1, "detail of 花絮2");
	ok(d.n_figures >= 1, "it carries the vote figure");
	ok(d.n_notes >= 1, "and a source note on the vote's arithmetic");
	is_int(br_event_detail(db, 999999999, &d), 0, "no such event");
	br_detail_free(&d);
}

static void bad_files(void)
{
	char dir[] = "/tmp/br-test-XXXXXX", path[256], err[512];
	struct br_db *bad;
	FILE *f;

	if (!mkdtemp(dir)) {
		ok(0, "temporary directory");
		return;
	}
	snprintf(path, sizeof(path), "%s/missing.db", dir);
	bad = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	ok(!bad && strstr(err, path) && access(path, F_OK) != 0,
	   "a missing file: %s (and it is not created)", err);
	bad = br_db_open_file(dir, BR_DB_READ, err, sizeof(err));
	ok(!bad && strstr(err, "directory"), "a directory: %s", err);
	snprintf(path, sizeof(path), "%s/empty.db", dir);
	f = fopen(path, "w");
	fclose(f);
	bad = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	ok(!bad && strstr(err, "empty"), "an empty file: %s", err);
	f = fopen(path, "w");
	fputs("this is not a database at all, just some words\n", f);
	fclose(f);
	bad = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	ok(!bad && strstr(err, "not a"), "a text file: %s", err);
	remove(path);
	snprintf(path, sizeof(path), "%s/new.db", dir);
	bad = br_db_open_file(path, BR_DB_CREATE, err, sizeof(err));
	ok(bad != NULL, "a new database is created");
	br_db_close(bad);
	bad = br_db_open_file(path, BR_DB_READ, err, sizeof(err));
	ok(!bad && strstr(err, "window"), "one with no data: %s", err);
	remove(path);
	rmdir(dir);
}

/* A person as the brute-force ranking sees them. */
struct brute {
	int64_t id, n_events;
	char *name;
	int rank; /* 0 exact, 1 prefix, 2 inside, 3 no match */
	char *matched;
};

static int by_rank(const void *x, const void *y)
{
	const struct brute *a = x, *b = y;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->n_events != b->n_events)
		return a->n_events > b->n_events ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Ranks everyone of gdb for query by reading every alias, and checks that
 * br_people_search gives the first limit of them, alias and all. */
static int brute_matches(struct br_db *gdb, const char *query, size_t limit)
{
	static const char people_sql[] =
		"SELECT p.id, p.name_en, ifnull(s.n_events, 0) FROM person p"
		" LEFT JOIN person_stat s ON s.person_id = p.id ORDER BY p.id";
	static const char aliases_sql[] =
		"SELECT a.person_id, a.alias FROM alias a ORDER BY 1, 2";
	struct brute *all = NULL;
	struct br_people got = {0};
	size_t n = 0, cap = 0, i = 0, want;
	char *q = br_text_fold(query);
	sqlite3_stmt *st = br_db_stmt(gdb, people_sql);
	int same;

	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			all = br_xrealloc(all, cap * sizeof(*all));
		}
		all[n].id = sqlite3_column_int64(st, 0);
		all[n].name =
			br_xstrdup((const char *)sqlite3_column_text(st, 1));
		all[n].n_events = sqlite3_column_int64(st, 2);
		all[n].rank = *q ? 3 : 0;
		all[n].matched = br_xstrdup("");
		n++;
	}
	br_db_reset(st);
	st = br_db_stmt(gdb, aliases_sql);
	while (*q && sqlite3_step(st) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(st, 0);
		const char *alias = (const char *)sqlite3_column_text(st, 1);
		char *norm = br_text_fold(alias);
		const char *at = strstr(norm, q);
		int rank = !at ? 3 : !strcmp(norm, q) ? 0 : at == norm ? 1 : 2;

		while (i < n && all[i].id < pid)
			i++;
		/* In alias order: the first alias of the best rank. */
		if (i < n && all[i].id == pid && rank < all[i].rank) {
			all[i].rank = rank;
			free(all[i].matched);
			all[i].matched = br_xstrdup(alias);
		}
		free(norm);
	}
	br_db_reset(st);
	qsort(all, n, sizeof(*all), by_rank);
	for (want = 0; want < n && want < limit && all[want].rank < 3; want++)
		;
	same = br_people_search(gdb, query, limit, &got) == (int)want &&
	       got.n == want;
	for (i = 0; same && i < want; i++)
		same = got.rows[i].id == all[i].id &&
		       !strcmp(got.rows[i].matched, all[i].matched);
	if (!same)
		diag("'%s', limit %zu: %zu found, want %zu; first differs at "
		     "%zu",
		     query, limit, got.n, want, i ? i - 1 : 0);
	for (i = 0; i < n; i++) {
		free(all[i].name);
		free(all[i].matched);
	}
	free(all);
	free(q);
	br_people_free(&got);
	return same;
}

/* On a generated cast, where many share a name or an alias, the search
 * gives what ranking everyone by brute force gives. */
static void people_brute(void)
{
	static const char *const queries[] = {
		"",
		"a",
		"A",
		"ad",
		"ada",
		"Ada Abbott",
		"ada abbott 2",
		"abbott",
		"bbott",
		"A. Abbott",
		"b",
		"z",
		"zx",
		"zzq",
		"艾",
		"艾伯",
		"艾伯特",
		"伯特",
		"周",
		"安·艾",
		"二",
		"2",
		"p0001",
		"p00",
		"o",
		"er",
		"Ö",
		"ＡＤＡ",
		"t 2",
		"ekberg",
	};
	static const size_t limits[] = {1, 7, 40, 100000};
	char dir[] = "/tmp/br-people-XXXXXX", path[128], err[256];
	struct br_gen_opts o = {0};
	struct br_db *gdb;
	size_t i, j;
	int all_same = 1;

	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof(path), "%s/gen.db", dir);
	o.events = 3000;
	o.people = 1500;
	o.seed = 3;
	o.path = path;
	gdb = br_gen(&o, err, sizeof(err)) == 0
		      ? br_db_open_file(path, BR_DB_READ, err, sizeof(err))
		      : NULL;
	if (ok(gdb != NULL, "a generated cast of 1,500")) {
		for (i = 0; i < BR_ARRAY_SIZE(queries); i++)
			for (j = 0; j < BR_ARRAY_SIZE(limits); j++)
				all_same &= brute_matches(gdb, queries[i],
							  limits[j]);
		ok(all_same, "%zu queries, %zu limits each: as by brute force",
		   BR_ARRAY_SIZE(queries), BR_ARRAY_SIZE(limits));
	} else {
		diag("%s", err);
	}
	br_db_close(gdb);
	remove(path);
	rmdir(dir);
}

/* The image the program loads (tools/bake.c, built by meson). */
extern const unsigned char br_bundled_image[];
extern const size_t br_bundled_image_len;

/* What a database holds, in a line: every table's rows and a few
 * searches. */
static void fingerprint(struct br_db *d, char *out, size_t cap)
{
	static const char *const sql[] = {
		"SELECT count(*) FROM event",
		"SELECT count(*) FROM person",
		"SELECT count(*) FROM alias",
		"SELECT count(*) FROM participant",
		"SELECT count(*) FROM stance",
		"SELECT count(*) FROM role",
		"SELECT count(*) FROM figure",
		"SELECT count(*) FROM note",
		"SELECT count(*) FROM person_stat",
		"SELECT count(*) FROM person_rank",
		"SELECT count(*) FROM side_span",
		"SELECT count(*) FROM side_count",
		"SELECT count(*) FROM tally",
		"SELECT sum(seq * ts % 1000003) FROM event",
		"SELECT count(*) FROM event_fts WHERE event_fts MATCH '公开信'",
		"SELECT count(*) FROM event_fts WHERE event_fts MATCH 'Murati'",
		"SELECT count(*) FROM event_gram WHERE event_gram MATCH "
		"'\"微软\"'",
		"SELECT count(*) FROM event_gram WHERE event_gram MATCH "
		"'\"签\"*'",
		"SELECT group_concat(key || value) FROM meta",
	};
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < BR_ARRAY_SIZE(sql) && len < cap; i++) {
		sqlite3_stmt *st = br_db_stmt(d, sql[i]);

		const unsigned char *v = NULL;

		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_text(st, 0);
		len += (size_t)snprintf(out + len, cap - len, "%s|",
					v ? (const char *)v : "-");
		br_db_reset(st);
	}
}

static void bundled_image(void)
{
	char a[4096], b[4096], err[256];
	struct br_db *img;

	fingerprint(db, a, sizeof(a));
	br_db_use_image(br_bundled_image, br_bundled_image_len);
	img = br_db_open_bundled(err, sizeof(err));
	br_db_use_image(NULL, 0);
	if (!ok(img != NULL, "the baked image opens"))
		return;
	fingerprint(img, b, sizeof(b));
	is_str(b, a, "the baked image holds what the SQL builds");
	br_db_close(img);
}

int main(void)
{
	char err[512];

	setenv("TZ", "UTC", 1);
	br_zone_set(&pt, "PT", err, sizeof(err));
	db = br_db_open_bundled(err, sizeof(err));
	if (!ok(db != NULL, "the bundled dataset loads")) {
		diag("%s", err);
		return tap_done();
	}
	schema();
	bundled_image();
	markers();
	languages();
	times();
	stances();
	splits();
	side_counts();
	generated_sides();
	people();
	paging();
	filters();
	searching();
	compiled_search();
	nearest();
	markers_lookup();
	density();
	details();
	bad_files();
	people_brute();
	br_db_close(db);
	return tap_done();
}
