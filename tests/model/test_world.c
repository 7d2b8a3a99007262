/* test_world: the state of the world at moments of the crisis, from the
 * split at an instant, against the table read from the article
 * (tests/golden/moments.tsv), and what the table does not say: who is not
 * placed, past figures, the clock, the two kinds of side in the filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/people.h"
#include "boardroom/split.h"
#include "boardroom/when.h"
#include "sql.h"
#include "tap.h"

static struct br_db *db;
static struct br_zone pt;

/* A string built piece by piece, for one field of the table. */
struct out {
	char s[4096];
	size_t n;
};

static void put(struct out *o, const char *sep, const char *text)
{
	o->n += (size_t)snprintf(o->s + o->n, sizeof(o->s) - o->n, "%s%s",
				 o->n ? sep : "", text);
	if (o->n >= sizeof(o->s))
		o->n = sizeof(o->s) - 1;
}

static void done(struct out *o)
{
	if (!o->n)
		put(o, "", "-");
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fields of a line of the table as the split at t gives them. */
static int fields_at(br_instant t, struct out f[6])
{
	struct br_split s = {0};
	char *places[256], buf[256];
	size_t i, j, n = 0;

	memset(f, 0, 6 * sizeof(*f));
	if (br_split_at(db, t, 0, &s) < 0)
		return -1;
	for (i = 0; i < s.n_chiefs; i++)
		put(&f[0], ",", s.chiefs[i].slug);
	for (i = 0; i < s.n_board; i++) {
		snprintf(buf, sizeof(buf), "%s%s", s.board[i].slug,
			 s.board[i].chair ? "*" : "");
		put(&f[1], ",", buf);
	}
	snprintf(buf, sizeof(buf), "%lld", (long long)s.board_seats);
	put(&f[2], "", buf);
	for (i = 0; i < s.n_figures; i++) {
		snprintf(buf, sizeof(buf), "%s=%lld", s.figures[i].code,
			 (long long)s.figures[i].value);
		put(&f[3], ",", buf);
	}
	for (i = 0; i < s.n_past; i++)
		put(&f[4], ",", s.past[i].code);
	for (i = 0; i < s.n_sides; i++) {
		for (j = 0; j < s.sides[i].n && n < 256; j++) {
			const struct br_member *m = &s.sides[i].members[j];

			snprintf(buf, sizeof(buf), "%s=%s/%s", m->slug,
				 s.sides[i].id > 0 ? s.sides[i].slug : "-",
				 m->stance_slug[0] ? m->stance_slug : "-");
			places[n++] = strdup(buf);
		}
	}
	qsort(places, n, sizeof(*places), by_text);
	for (i = 0; i < n; i++) {
		put(&f[5], " ", places[i]);
		free(places[i]);
	}
	for (i = 0; i < 6; i++)
		done(&f[i]);
	br_split_free(&s);
	return 0;
}

static int parse_when(const char *text, struct br_when *w)
{
	const struct br_meta *m = br_db_meta(db);
	struct br_when_ctx wc = {&pt, m->window_start, m->window_start,
				 m->year};
	char err[256];

	if (br_when_parse(text, &wc, w, err, sizeof(err)) < 0) {
		diag("%s: %s", text, err);
		return -1;
	}
	return 0;
}

/* Each moment of the table: the split at the first instant its WHEN
 * names shows what the table says, field by field. */
static void moments(void)
{
	static const char *const names[6] = {"ceo",	"board", "seats",
					     "figures", "past",	 "places"};
	const char *root = getenv("SOURCE_ROOT");
	char path[1024], line[8192];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "%s/tests/golden/moments.tsv",
		 root ? root : ".");
	f = fopen(path, "r");
	if (!ok(f != NULL, "the table of moments opens (%s)", path))
		return;
	while (fgets(line, sizeof(line), f)) {
		char *want[7], *p = line, *tab;
		struct out got[6];
		struct br_when w;
		size_t k = 0, i;
		int same = 1;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		while (k < 7) {
			want[k++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (!ok(k == 7, "moment '%s' has its seven fields", want[0]))
			continue;
		if (parse_when(want[0], &w) < 0 || fields_at(w.at, got) < 0) {
			ok(0, "moment '%s'", want[0]);
			continue;
		}
		for (i = 0; i < 6; i++) {
			if (strcmp(got[i].s, want[i + 1])) {
				if (same)
					diag("at %s:", want[0]);
				diag("  %s: got '%s'", names[i], got[i].s);
				diag("  %*s want '%s'", (int)strlen(names[i]),
				     "", want[i + 1]);
				same = 0;
			}
		}
		ok(same,
		   "at %s: CEO %s, board %s (%s seats), lines and stances",
		   want[0], want[1], want[2], want[3]);
		n++;
	}
	fclose(f);
	ok(n >= 12, "at least twelve moments (%d)", n);
}

static int on(const struct br_side *sd, const char *slug)
{
	size_t i;

	for (i = 0; i < sd->n; i++)
		if (!strcmp(sd->members[i].slug, slug))
			return 1;
	return 0;
}

/* Names only mentioned, and the board as a body, are not placed; a key
 * shows them apart. */
static void not_placed(void)
{
	static const char *const mentioned[] = {
		"jobs",	  "google", "bloomberg", "the-information",
		"roofer", "openai", "apple",	 "amazon",
		"airbnb", "twitch", "board"};
	struct br_split s = {0};
	struct br_place pl;
	br_instant end = br_db_meta(db)->window_end;
	const struct br_side *out = NULL;
	size_t i, j;
	int elsewhere = 0, missing = 0;

	ok(br_split_query(db, end, 0, BR_SPLIT_EVERYONE, &s) == 0,
	   "the split of everyone at T+106h");
	for (i = 0; i < s.n_sides; i++)
		if (s.sides[i].id == -1)
			out = &s.sides[i];
	ok(out != NULL, "with a side of those not placed");
	for (j = 0; out && j < BR_ARRAY_SIZE(mentioned); j++) {
		missing += !on(out, mentioned[j]);
		for (i = 0; i < s.n_sides; i++)
			if (&s.sides[i] != out && on(&s.sides[i], mentioned[j]))
				elsewhere++;
	}
	ok(out && !missing && !elsewhere,
	   "the names only mentioned and the board as a body are there, and "
	   "on no side (%d missing, %d on a side)",
	   missing, elsewhere);
	for (i = 0; out && i < out->n; i++)
		if (out->members[i].stance_slug[0])
			elsewhere++;
	ok(!elsewhere, "and they have no stance");
	br_split_free(&s);

	ok(br_place_at(
		   db,
		   sql_int(db, "SELECT id FROM person WHERE slug = ?1", "jobs"),
		   end, &pl) == 1 &&
		   !pl.placed && !strcmp(pl.tier, "mentioned") &&
		   !pl.line_slug[0],
	   "Steve Jobs: only mentioned, not placed");
	ok(br_place_at(db,
		       sql_int(db, "SELECT id FROM person WHERE slug = ?1",
			       "sutskever"),
		       end, &pl) == 1 &&
		   pl.placed && !strcmp(pl.line_slug, "safety") &&
		   !strcmp(pl.stance_slug, "for-return"),
	   "Sutskever at the end: safety line, for the return");
}

/* A past figure says when it held; the seats are the seats held. */
static void figures(void)
{
	struct br_split s = {0};
	br_instant vote = sql_int(db, "SELECT ts FROM event WHERE marker = ?1",
				  "花絮2"),
		   back = sql_int(db, "SELECT ts FROM event WHERE marker = ?1",
				  "主線#20");
	size_t i;
	int found = 0;

	br_split_at(db, vote, 0, &s);
	for (i = 0; i < s.n_past; i++)
		if (!strcmp(s.past[i].code, "board_vote"))
			found = s.past[i].ended && s.past[i].ts == vote &&
				s.past[i].until == vote &&
				!strcmp(s.past[i].marker, "花絮2");
	for (i = 0; i < s.n_figures; i++)
		found &= strcmp(s.figures[i].code, "board_vote") != 0;
	ok(found, "the vote is of its moment: past from 花絮2 on, never "
		  "current");
	br_split_free(&s);

	br_split_at(db, back, 0, &s);
	found = 0;
	for (i = 0; i < s.n_past; i++)
		found |= !strcmp(s.past[i].code, "board_vote");
	ok(found, "at 主線#20 the vote is still shown as past");
	for (i = 0; i < s.n_figures; i++)
		ok(!s.figures[i].ended, "figure %s holds", s.figures[i].code);
	br_split_free(&s);

	br_split_at(db, back - 1, 0, &s);
	found = 0;
	for (i = 0; i < s.n_board; i++)
		found += s.board[i].seats > 1;
	ok(s.n_board == 3 && s.board_seats == 4 && found == 1,
	   "before it, three entries hold four seats (%zu, %lld)", s.n_board,
	   (long long)s.board_seats);
	br_split_free(&s);
}

/* The crisis clock counts from the window's start, to the minute. */
static void crisis_clock(void)
{
	const struct br_meta *m = br_db_meta(db);
	char buf[32];
	struct br_when w;

	parse_when("Nov 17 12:03", &w);
	ok(w.at == m->window_start, "T+0 is 12:03 PT on Nov 17");
	parse_when("Nov 17 12:00", &w);
	br_when_clock_prec(buf, sizeof(buf), w.at, m->window_start,
			   BR_PREC_MINUTE);
	is_str(buf, "T-0:03", "12:00 is three minutes before T+0");
	parse_when("Nov 21 22:03", &w);
	br_when_clock_prec(buf, sizeof(buf), w.at, m->window_start,
			   BR_PREC_MINUTE);
	is_str(buf, "T+106:00", "the return is announced at T+106:00");
}

/* One instant per WHEN: a part of the day is its first minute. */
static void one_instant(void)
{
	struct br_when w;

	parse_when("Nov 20 evening", &w);
	ok(w.at == sql_int(db, "SELECT ts FROM event WHERE marker = ?1",
			   "主線#12"),
	   "'Nov 20 evening' is 18:00, the instant of 主線#12");
}

/* A member's crisis stance in the split is their latest in the stance
 * table, at every event's instant and the second before it. */
static void stances_brute(void)
{
	static const char brute_sql[] =
		"SELECT ifnull((SELECT f.slug FROM stance s LEFT JOIN faction f"
		" ON f.id = s.faction_id WHERE s.person_id = p.id"
		" AND s.axis = 'crisis' AND (s.since IS NULL OR s.since <= ?2)"
		" ORDER BY s.since DESC LIMIT 1), '') FROM person p"
		" WHERE p.id = ?1";
	sqlite3_stmt *ev = br_db_stmt(db, "SELECT DISTINCT ts FROM event");
	struct br_split s = {0};
	int bad = 0, n = 0, k;

	while (sqlite3_step(ev) == SQLITE_ROW) {
		for (k = 0; k < 2; k++) {
			br_instant at = sqlite3_column_int64(ev, 0) - k;
			size_t i, j;

			br_split_at(db, at, 0, &s);
			for (i = 0; i < s.n_sides; i++) {
				for (j = 0; j < s.sides[i].n; j++) {
					const struct br_member *m =
						&s.sides[i].members[j];
					sqlite3_stmt *st =
						br_db_stmt(db, brute_sql);

					sqlite3_bind_int64(st, 1, m->id);
					sqlite3_bind_int64(st, 2, at);
					if (sqlite3_step(st) != SQLITE_ROW ||
					    strcmp(br_col(st, 0),
						   m->stance_slug)) {
						if (!bad)
							diag("at %lld: %s is "
							     "'%s', want '%s'",
							     (long long)at,
							     m->slug,
							     m->stance_slug,
							     br_col(st, 0));
						bad++;
					}
					br_db_reset(st);
					n++;
				}
			}
		}
	}
	br_db_reset(ev);
	br_split_free(&s);
	ok(!bad && n > 100,
	   "each member's crisis stance is their latest (%d checked)", n);
}

/* The filter knows both kinds of side. */
static void filter_sides(void)
{
	struct br_filter f;
	int64_t with = sql_int(db, "SELECT id FROM faction WHERE slug = ?1",
			       "with-board"),
		back = sql_int(db, "SELECT id FROM faction WHERE slug = ?1",
			       "for-return");

	br_filter_init(&f);
	f.faction = with;
	ok(br_events_count(db, &f) > 0, "events with someone with the board");
	f.faction = back;
	ok(br_events_count(db, &f) > 0,
	   "events with someone for Altman's return");
	ok(sql_int(db,
		   "SELECT count(*) FROM participant pa JOIN event e"
		   " ON e.id = pa.event_id JOIN person p ON p.id = pa.person_id"
		   " WHERE e.marker = ?1 AND p.slug = 'sutskever'"
		   " AND pa.stance_id = (SELECT id FROM faction"
		   " WHERE slug = 'for-return')",
		   "主線#16") == 1,
	   "at 主線#16 Sutskever is counted for the return");
	ok(sql_int(db,
		   "SELECT count(*) FROM participant pa JOIN event e"
		   " ON e.id = pa.event_id WHERE e.marker IN ('主線#13',"
		   " '主線#15', '主線#19') AND pa.faction_id = (SELECT id"
		   " FROM faction WHERE slug = ?1)",
		   "safety") == 0,
	   "where the board is only the target, nobody is on the safety "
	   "line");
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
	moments();
	not_placed();
	figures();
	crisis_clock();
	one_instant();
	stances_brute();
	filter_sides();
	br_db_close(db);
	return tap_done();
}
