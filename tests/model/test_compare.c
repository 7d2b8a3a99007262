/* test_compare: two moments compared (br_compare_run): the CEOs in
 * between with the stretch nobody held the office, the seats vacated,
 * filled and kept, the movers and their events, the figures at each end
 * and the events in between; against the acceptance moments and, pair by
 * pair, the table of moments read from the article
 * (tests/golden/moments.tsv). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/compare.h"
#include "boardroom/db.h"
#include "boardroom/event.h"
#include "boardroom/when.h"
#include "tap.h"

static struct br_db *db;
static struct br_zone pt;

static br_instant when(const char *text)
{
	const struct br_meta *m = br_db_meta(db);
	struct br_when_ctx wc = {&pt, m->window_start, m->window_start,
				 m->year};
	struct br_when w;
	char err[256];

	if (br_when_parse(text, &wc, &w, err, sizeof(err)) < 0) {
		diag("%s: %s", text, err);
		return 0;
	}
	return w.at;
}

/* Slugs joined by ',' into buf ("-" for none): the chiefs' stretches
 * ("-" for nobody's), or a list of board members (the chair with *). */
static const char *tenures(const struct br_compare *c, char *buf, size_t len)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < c->n_chiefs && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? "," : "",
				      c->chiefs[i].person_id ? c->chiefs[i].slug
							     : "-");
	return buf;
}

static const char *members(const struct br_member *const *m, size_t k,
			   char *buf, size_t len)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < k && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s%s", i ? "," : "",
				      m[i]->slug, m[i]->chair ? "*" : "");
	if (!k)
		snprintf(buf, len, "-");
	return buf;
}

static const struct br_compare_mover *mover(const struct br_compare *c,
					    const char *slug)
{
	size_t i;

	for (i = 0; i < c->n_movers; i++)
		if (!strcmp(c->movers[i].slug, slug))
			return &c->movers[i];
	return NULL;
}

/* The events in between counted by paging through them, a few at a
 * time: what the count by position must agree with. */
static int64_t paged(const struct br_compare *c, size_t step)
{
	struct br_page page = {0};
	struct br_key key, *after = NULL;
	int64_t n = 0;
	int got;

	while ((got = br_compare_events(db, c, NULL, after, BR_AFTER, step,
					&page)) > 0) {
		size_t i;

		for (i = 0; i < page.n; i++)
			if (page.rows[i].ts <= c->from ||
			    page.rows[i].ts > c->to)
				n = -1000000; /* outside (from, to] */
		n += got;
		key.ts = page.rows[page.n - 1].ts;
		key.id = page.rows[page.n - 1].id;
		after = &key;
		if ((size_t)got < step)
			break;
	}
	br_page_free(&page);
	return got < 0 ? -1 : n;
}

/* The acceptance moments: Friday 11:00 to Tuesday 23:00. */
static void acceptance(void)
{
	struct br_compare c = {0};
	const struct br_compare_mover *m;
	char buf[512];
	size_t i;

	ok(br_compare_run(db, when("Nov 17 11:00"), when("Nov 21 23:00"), 0,
			  &c) == 0,
	   "compare Nov 17 11:00 with Nov 21 23:00");
	ok(c.then.n_chiefs == 1 && !strcmp(c.then.chiefs[0].slug, "altman") &&
		   c.now.n_chiefs == 1 &&
		   !strcmp(c.now.chiefs[0].slug, "altman"),
	   "Altman is CEO at both ends");
	ok(!strcmp(tenures(&c, buf, sizeof(buf)),
		   "altman,-,murati,shear,altman"),
	   "in between: Altman, nobody, Murati, Shear, Altman (%s)", buf);
	ok(c.n_chiefs == 5 && c.chiefs[1].from == when("Nov 17 12:00") &&
		   c.chiefs[1].to == when("Nov 17 15:00") &&
		   c.chiefs[0].from == c.from && c.chiefs[4].to == c.to,
	   "nobody from 12:00 to 15:00; the stretches span the interval");
	for (i = 1; i < c.n_chiefs; i++)
		if (c.chiefs[i].from != c.chiefs[i - 1].to)
			break;
	ok(i == c.n_chiefs, "each stretch begins where the last ended");
	ok(c.chiefs[2].began && !strcmp(c.chiefs[2].since_marker, "主線#04") &&
		   c.chiefs[3].ended &&
		   !strcmp(c.chiefs[3].until_marker, "主線#20"),
	   "Murati from 主線#04; Shear until 主線#20");
	ok(!strcmp(members(c.vacated, c.n_vacated, buf, sizeof(buf)),
		   "altman,sutskever,brockman,outside-directors") &&
		   c.seats_vacated == 5,
	   "vacated: Altman, Sutskever, Brockman, the two others: 5 seats "
	   "(%s)",
	   buf);
	ok(!strcmp(members(c.filled, c.n_filled, buf, sizeof(buf)),
		   "taylor*,summers") &&
		   c.seats_filled == 2,
	   "filled: Taylor (chair) and Summers, 2 seats (%s)", buf);
	ok(!strcmp(members(c.kept, c.n_kept, buf, sizeof(buf)), "dangelo") &&
		   c.seats_kept == 1,
	   "kept: D'Angelo (%s)", buf);
	ok(c.then.board_seats == 6 && c.now.board_seats == 3,
	   "6 seats then, 3 now");
	m = mover(&c, "sutskever");
	ok(m && !strcmp(m->then.stance_slug, "with-board") &&
		   !strcmp(m->now.stance_slug, "for-return") &&
		   !strcmp(m->then.line_slug, "safety") &&
		   !strcmp(m->now.line_slug, "safety"),
	   "Sutskever: with the board then, for the return now; safety");
	ok(m && m->n_moves == 2 && !strcmp(m->moves[0].marker, "主線#14") &&
		   !m->moves[0].to[0][0] &&
		   !strcmp(m->moves[1].marker, "主線#16") &&
		   !strcmp(m->moves[1].axis, "crisis") &&
		   !strcmp(m->moves[1].to[0], "For Altman's return"),
	   "moved by 主線#14 (to neither) and 主線#16 (for the return)");
	ok(!mover(&c, "lightcap") && !mover(&c, "taylor"),
	   "who took no side between is not a mover");
	ok(c.total_movers == (int64_t)c.n_movers && c.n_movers == 14,
	   "14 movers, all of them listed (%zu)", c.n_movers);
	for (i = 0; i < c.n_figures; i++)
		if (!strcmp(c.figures[i].code, "board_vote"))
			break;
	ok(i < c.n_figures && !c.figures[i].then && c.figures[i].now &&
		   c.figures[i].now->ended && c.figures[i].changed,
	   "the board's vote: none then, past now");
	for (i = 0; i < c.n_figures; i++)
		if (!strcmp(c.figures[i].code, "microsoft_invested_usd"))
			break;
	ok(i < c.n_figures && c.figures[i].then && !c.figures[i].changed,
	   "Microsoft's investment: the same at both ends");
	ok(c.n_events == 36 && paged(&c, 5) == 36,
	   "36 events in between, counted and paged (%lld)",
	   (long long)c.n_events);
	br_compare_free(&c);

	ok(br_compare_run(db, when("Nov 17 11:00"), when("Nov 21 23:00"), 3,
			  &c) == 0 &&
		   c.n_movers == 3 && c.total_movers == 14,
	   "movers cut at a limit, counted all the same");
	br_compare_free(&c);
}

/* The ends themselves: an empty interval, a gap at the end, an event
 * exactly at from (the state there has it: not in between). */
static void edges(void)
{
	struct br_compare c = {0};
	char buf[256];
	br_instant fired = when("Nov 17 12:00");

	ok(br_compare_run(db, fired, fired, 0, &c) == 0 && c.n_events == 0 &&
		   c.n_movers == 0 && c.n_vacated == 0 && c.n_filled == 0 &&
		   paged(&c, 4) == 0,
	   "from = to: nothing in between");
	ok(!strcmp(tenures(&c, buf, sizeof(buf)), "-"),
	   "at 12:00 nobody holds the office (%s)", buf);
	br_compare_free(&c);
	ok(br_compare_run(db, when("Nov 17 11:00"), when("Nov 17 13:00"), 0,
			  &c) == 0 &&
		   !strcmp(tenures(&c, buf, sizeof(buf)), "altman,-") &&
		   c.now.n_chiefs == 0,
	   "11:00 to 13:00: Altman, then nobody (%s)", buf);
	br_compare_free(&c);
	br_compare_run(db, fired, when("Nov 17 12:23"), 0, &c);
	ok(c.n_events == 2 && paged(&c, 1) == 2 &&
		   !strcmp(members(c.vacated, c.n_vacated, buf, sizeof(buf)),
			   "brockman"),
	   "12:00 to 12:23: Brockman's seat vacated; 花絮2 and 主線#03 "
	   "between (%lld)",
	   (long long)c.n_events);
	br_compare_free(&c);
}

/* A field of the table split at ',' into v (at most 32); their count. */
static size_t split_field(char *s, char **v)
{
	size_t n = 0;
	char *save = NULL, *t;

	if (!strcmp(s, "-"))
		return 0;
	for (t = strtok_r(s, ",", &save); t && n < 32;
	     t = strtok_r(NULL, ",", &save))
		v[n++] = t;
	return n;
}

static int in(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return 1;
	return 0;
}

struct moment {
	char line[8192];
	char *f[7];
	br_instant at;
};

/* Slugs of a list of board members, the chair unmarked. */
static const char *slugs(const struct br_member *const *m, size_t k, char *buf,
			 size_t len)
{
	size_t i, n = 0;

	snprintf(buf, len, "-");
	for (i = 0; i < k && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? "," : "",
				      m[i]->slug);
	return buf;
}

/* Appends slug to list (comma-separated, "" for none). */
static void add(char *list, size_t len, const char *slug)
{
	size_t n = strlen(list);

	snprintf(list + n, len - n, "%s%s", n ? "," : "", slug);
}

/* Vacated, filled and kept between two moments of the table, from the
 * table's boards alone (the chair's mark aside). */
static int seats_agree(struct moment *a, struct moment *b,
		       const struct br_compare *c)
{
	char ba[1024], bb[1024], *va[32], *vb[32], want[3][1024], got[1024];
	const struct br_member *const *lists[3] = {c->vacated, c->filled,
						   c->kept};
	size_t ns[3] = {c->n_vacated, c->n_filled, c->n_kept}, na, nb, i, k;
	char *star;

	snprintf(ba, sizeof(ba), "%s", a->f[2]);
	snprintf(bb, sizeof(bb), "%s", b->f[2]);
	while ((star = strchr(ba, '*')))
		memmove(star, star + 1, strlen(star));
	while ((star = strchr(bb, '*')))
		memmove(star, star + 1, strlen(star));
	na = split_field(ba, va);
	nb = split_field(bb, vb);
	for (k = 0; k < 3; k++)
		want[k][0] = '\0';
	for (i = 0; i < na; i++)
		add(want[in(vb, nb, va[i]) ? 2 : 0], sizeof(want[0]), va[i]);
	for (i = 0; i < nb; i++)
		if (!in(va, na, vb[i]))
			add(want[1], sizeof(want[1]), vb[i]);
	for (k = 0; k < 3; k++) {
		if (!want[k][0])
			snprintf(want[k], sizeof(want[k]), "-");
		slugs(lists[k], ns[k], got, sizeof(got));
		if (strcmp(got, want[k])) {
			diag("%s -> %s: %s got '%s' want '%s'", a->f[0],
			     b->f[0],
			     k == 0   ? "vacated"
			     : k == 1 ? "filled"
				      : "kept",
			     got, want[k]);
			return 0;
		}
	}
	return c->then.board_seats == atoll(a->f[3]) &&
	       c->now.board_seats == atoll(b->f[3]) &&
	       c->seats_vacated + c->seats_kept == c->then.board_seats &&
	       c->seats_kept + c->seats_filled == c->now.board_seats;
}

/* Whoever the table places at both moments, in another place at the
 * second, moved in between and is among the movers. */
static int movers_agree(struct moment *a, struct moment *b,
			const struct br_compare *c)
{
	char pa[8192], pb[8192], *save = NULL, *t;

	snprintf(pa, sizeof(pa), " %s ", a->f[6]);
	snprintf(pb, sizeof(pb), "%s", b->f[6]);
	for (t = strtok_r(pb, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		char whole[256], prefix[140], slug[128];
		const char *eq = strchr(t, '=');

		if (!eq)
			continue;
		snprintf(slug, sizeof(slug), "%.*s", (int)(eq - t), t);
		snprintf(prefix, sizeof(prefix), " %s=", slug);
		snprintf(whole, sizeof(whole), " %s ", t);
		if (strstr(pa, prefix) && !strstr(pa, whole) &&
		    !mover(c, slug)) {
			diag("%s -> %s: %s moved, not listed", a->f[0], b->f[0],
			     t);
			return 0;
		}
	}
	return 1;
}

/* Every pair of moments of the table, earlier to later. */
static void pairs(void)
{
	const char *root = getenv("SOURCE_ROOT");
	struct moment *m = calloc(32, sizeof(*m));
	char path[1024];
	size_t n = 0, i, j, good = 0, all = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/tests/golden/moments.tsv",
		 root ? root : ".");
	f = fopen(path, "r");
	if (!ok(f != NULL, "the table of moments opens (%s)", path)) {
		free(m);
		return;
	}
	while (n < 32 && fgets(m[n].line, sizeof(m[n].line), f)) {
		char *p = m[n].line, *tab;
		size_t k = 0;

		m[n].line[strcspn(m[n].line, "\n")] = '\0';
		if (m[n].line[0] == '#' || !m[n].line[0])
			continue;
		while (k < 7) {
			m[n].f[k++] = p;
			if (!(tab = strchr(p, '\t')))
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (k == 7 && (m[n].at = when(m[n].f[0])))
			n++;
	}
	fclose(f);
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			struct br_compare c = {0};
			char ceo_a[64], ceo_b[64], first[64], last[64];
			int same;

			if (m[j].at < m[i].at)
				continue;
			all++;
			if (br_compare_run(db, m[i].at, m[j].at, 0, &c) < 0) {
				br_compare_free(&c);
				continue;
			}
			snprintf(ceo_a, sizeof(ceo_a), "%s",
				 c.then.n_chiefs ? c.then.chiefs[0].slug : "-");
			snprintf(ceo_b, sizeof(ceo_b), "%s",
				 c.now.n_chiefs ? c.now.chiefs[0].slug : "-");
			snprintf(first, sizeof(first), "%s",
				 c.chiefs[0].person_id ? c.chiefs[0].slug
						       : "-");
			snprintf(last, sizeof(last), "%s",
				 c.chiefs[c.n_chiefs - 1].person_id
					 ? c.chiefs[c.n_chiefs - 1].slug
					 : "-");
			same = !strcmp(ceo_a, m[i].f[1]) &&
			       !strcmp(ceo_b, m[j].f[1]) &&
			       !strcmp(first, ceo_a) && !strcmp(last, ceo_b) &&
			       seats_agree(&m[i], &m[j], &c) &&
			       movers_agree(&m[i], &m[j], &c) &&
			       c.n_events == paged(&c, 7);
			if (!same)
				diag("%s -> %s: CEO %s/%s (%s..%s), %lld "
				     "events",
				     m[i].f[0], m[j].f[0], ceo_a, ceo_b, first,
				     last, (long long)c.n_events);
			good += same;
			br_compare_free(&c);
		}
	}
	ok(n >= 12 && all >= 66 && good == all,
	   "every pair of the %zu moments: CEOs at the ends and in between, "
	   "seats, movers, events (%zu of %zu)",
	   n, good, all);
	free(m);
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
	acceptance();
	edges();
	pairs();
	br_db_close(db);
	return tap_done();
}
