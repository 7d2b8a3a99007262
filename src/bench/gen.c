#include "bench/gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/base.h"
#include "boardroom/db.h"
#include "boardroom/fts_build.h"
#include "boardroom/text.h"

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t next_u64(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* A uniform double in [0, 1). */
static double uniform(uint64_t *state)
{
	return (double)(next_u64(state) >> 11) / 9007199254740992.0;
}

static int64_t below(uint64_t *state, int64_t n)
{
	return n > 0 ? (int64_t)(uniform(state) * (double)n) : 0;
}

static const char *const first_en[] = {
	"Ada",	 "Ben",	 "Chen", "Dana", "Eli",	 "Fay",	 "Gus",	 "Hana",
	"Ivan",	 "Jun",	 "Kai",	 "Lena", "Ming", "Nora", "Omar", "Pia",
	"Quinn", "Rosa", "Sami", "Tao",	 "Uma",	 "Vik",	 "Wen",	 "Xia",
	"Yuri",	 "Zoe",	 "Ari",	 "Bo",	 "Cleo", "Dev",	 "Emil", "Ines",
};
static const char *const last_en[] = {
	"Abbott", "Brandt",   "Castro", "Dumont", "Ekberg", "Fischer",
	"Garcia", "Holm",     "Ito",	"Jansen", "Kowal",  "Lindqvist",
	"Moreau", "Novak",    "Okafor", "Park",	  "Quist",  "Rossi",
	"Sato",	  "Tanaka",   "Ueda",	"Varga",  "Weber",  "Xu",
	"Yilmaz", "Zhou",     "Achebe", "Bauer",  "Costa",  "Dahl",
	"Engel",  "Fontaine",
};
static const char *const first_zh[] = {
	"安", "本", "晨", "丹", "一", "菲", "国", "花", "伊", "俊", "凯",
	"莉", "明", "诺", "欧", "佩", "群", "萝", "萨", "涛", "玛", "维",
	"文", "霞", "尤", "佐", "雅", "博", "克", "德", "艾", "茵",
};
static const char *const last_zh[] = {
	"艾伯特",   "布兰特", "卡斯特罗", "杜蒙",   "埃克伯格", "费舍尔",
	"加西亚",   "霍尔姆", "伊藤",	  "扬森",   "科瓦尔",	"林德奎斯特",
	"莫罗",	    "诺瓦克", "奥卡福",	  "朴",	    "奎斯特",	"罗西",
	"佐藤",	    "田中",   "上田",	  "瓦尔加", "韦伯",	"徐",
	"伊尔马兹", "周",     "阿契贝",	  "鲍尔",   "科斯塔",	"达尔",
	"恩格尔",   "方丹",
};
static const struct {
	const char *en, *zh;
} verbs[] = {
	{"meets", "会见"},	     {"criticises", "批评"},
	{"backs", "支持"},	     {"leaves", "离开"},
	{"joins", "加入"},	     {"warns", "警告"},
	{"negotiates with", "谈判"}, {"writes to", "致信"},
	{"praises", "称赞"},	     {"questions", "质疑"},
};
static const struct {
	const char *en, *zh;
} objects[] = {
	{"the board", "董事会"},	   {"the investors", "投资者"},
	{"the research team", "研究团队"}, {"the press", "媒体"},
	{"the regulators", "监管机构"},	   {"the staff", "员工"},
	{"a rival lab", "竞争对手实验室"}, {"the safety team", "安全团队"},
	{"the product team", "产品团队"},  {"the partners", "合作伙伴"},
};
static const char *const places_en[] = {"in San Francisco", "in London",
					"online", "in Beijing", "at a summit"};
static const char *const places_zh[] = {"在旧金山", "在伦敦", "在线上",
					"在北京", "在峰会上"};

struct gen {
	const struct br_gen_opts *o;
	struct br_db *db;
	uint64_t rng;
	int64_t n_people;
	int *faction;	      /* initial faction of each person (1..4) */
	int *moved_to;	      /* faction after the change, 0 if none */
	br_instant *moved_at; /* when it changed */
	char (*name_en)[48];
	char (*name_zh)[48];
	/* Each person's aliases that are neither name, in the alias table's
	 * order (by their bytes), space-separated: what the search indexes'
	 * names take after the names (db_search.c). */
	char (*aliases)[96];
	br_instant span_start, span_end;
	struct br_fts_build *index; /* builds the search indexes */
};

/* What each search index keeps in memory before it writes a segment:
 * the generator has memory to spare, and fewer segments merge sooner. */
#define GEN_HASH_BYTES (128L << 20)

static const char setup_sql[] =
	"INSERT INTO faction (id, slug, name_en, name_zh) VALUES"
	" (1, 'safety', 'Safety', '安全主义'),"
	" (2, 'accelerationist', 'Accelerationist', '加速主义'),"
	" (3, 'investor', 'Investors', '投资方'),"
	" (4, 'unaligned', 'Unaligned', '未明确站队');"
	"INSERT INTO role_title (code, name_en, name_zh, part) VALUES"
	" ('ceo', 'CEO', '首席执行官', 'chief'),"
	" ('board', 'board member', '董事', 'seat');"
	"INSERT INTO figure_kind VALUES ('signatures', 'Signatures',"
	" '签名人数');";

static const char person_sql[] =
	"INSERT INTO person (id, slug, kind, name_en, name_zh, bio_en, bio_zh)"
	" VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char alias_sql[] =
	"INSERT OR IGNORE INTO alias (person_id, alias) VALUES (?, ?)";
static const char stance_sql[] =
	"INSERT INTO stance (person_id, faction_id, since) VALUES (?, ?, ?)";
static const char event_sql[] =
	"INSERT INTO event (id, kind, ts, t_min, t_max, precision, inferred,"
	" time_text, title_en, title_zh, summary_en, summary_zh, seq)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, ?11, ?1)";
static const char participant_sql[] =
	"INSERT OR IGNORE INTO participant (event_id, person_id, role, ts,"
	" faction_id) VALUES (?, ?, ?, ?, ?)";
static const char gram_sql[] =
	"INSERT INTO event_gram (rowid, grams) VALUES (?, ?)";
static const char note_sql[] =
	"INSERT INTO note (event_id, kind, text_en, text_zh) VALUES"
	" (?, 'doubt', 'Generated: a doubtful report.', "
	"'生成的数据：存疑的报道。')";
static const char figure_sql[] =
	"INSERT INTO figure (code, event_id, value, total) VALUES"
	" ('signatures', ?, ?, 1000)";
static const char role_sql[] =
	"INSERT INTO role (person_id, org_id, code, since, until)"
	" VALUES (?, ?, ?, NULL, NULL)";
static const char meta_sql[] = "INSERT INTO meta VALUES (?, ?)";

static int step_done(struct gen *g, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	(void)g;
	br_db_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A person's aliases other than the names, sorted, into out. */
static void set_aliases(char *out, size_t len, const char *a, const char *b,
			const char *c)
{
	const char *v[] = {a, b, c};

	qsort(v, BR_ARRAY_SIZE(v), sizeof(v[0]), by_bytes);
	snprintf(out, len, "%s %s %s", v[0], v[1], v[2]);
}

static int add_people(struct gen *g)
{
	sqlite3_stmt *p = br_db_stmt(g->db, person_sql);
	sqlite3_stmt *a = br_db_stmt(g->db, alias_sql);
	sqlite3_stmt *s = br_db_stmt(g->db, stance_sql);
	size_t nf = BR_ARRAY_SIZE(first_en), nl = BR_ARRAY_SIZE(last_en);
	int64_t i;

	for (i = 0; i < g->n_people; i++) {
		size_t f = (size_t)i % nf, l = ((size_t)i / nf) % nl;
		int64_t round = i / (int64_t)(nf * nl);
		double kind = uniform(&g->rng), w = uniform(&g->rng);
		char slug[32], bio_en[96], bio_zh[96], alias[64];

		snprintf(slug, sizeof(slug), "p%06lld", (long long)i + 1);
		if (round)
			snprintf(g->name_en[i], sizeof(g->name_en[i]),
				 "%s %s %lld", first_en[f], last_en[l],
				 (long long)round + 1);
		else
			snprintf(g->name_en[i], sizeof(g->name_en[i]), "%s %s",
				 first_en[f], last_en[l]);
		snprintf(g->name_zh[i], sizeof(g->name_zh[i]), "%s·%s%s",
			 first_zh[f], last_zh[l], round ? "二" : "");
		snprintf(bio_en, sizeof(bio_en), "Generated person %lld.",
			 (long long)i + 1);
		snprintf(bio_zh, sizeof(bio_zh), "生成的人物 %lld。",
			 (long long)i + 1);
		sqlite3_bind_int64(p, 1, i + 1);
		sqlite3_bind_text(p, 2, slug, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 3,
				  kind < 0.9	? "person"
				  : kind < 0.97 ? "org"
						: "group",
				  -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 4, g->name_en[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 5, g->name_zh[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 6, bio_en, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(p, 7, bio_zh, -1, SQLITE_TRANSIENT);
		if (step_done(g, p) < 0)
			return -1;
		/* Aliases: an initial with the surname, and the Chinese
		 * surname (the names and the slug become aliases too). */
		snprintf(alias, sizeof(alias), "%c. %s", first_en[f][0],
			 last_en[l]);
		set_aliases(g->aliases[i], sizeof(g->aliases[i]), alias, slug,
			    last_zh[l]);
		sqlite3_bind_int64(a, 1, i + 1);
		sqlite3_bind_text(a, 2, alias, -1, SQLITE_TRANSIENT);
		if (step_done(g, a) < 0)
			return -1;
		sqlite3_bind_int64(a, 1, i + 1);
		sqlite3_bind_text(a, 2, last_zh[l], -1, SQLITE_STATIC);
		if (step_done(g, a) < 0)
			return -1;
		g->faction[i] = w < 0.3 ? 1 : w < 0.6 ? 2 : w < 0.7 ? 3 : 4;
		sqlite3_bind_int64(s, 1, i + 1);
		sqlite3_bind_int(s, 2, g->faction[i]);
		sqlite3_bind_null(s, 3);
		if (step_done(g, s) < 0)
			return -1;
		if (uniform(&g->rng) < 0.1) {
			g->moved_to[i] = 1 + (int)below(&g->rng, 4);
			g->moved_at[i] =
				g->span_start +
				below(&g->rng, g->span_end - g->span_start);
			sqlite3_bind_int64(s, 1, i + 1);
			sqlite3_bind_int(s, 2, g->moved_to[i]);
			sqlite3_bind_int64(s, 3, g->moved_at[i]);
			if (step_done(g, s) < 0)
				return -1;
		}
	}
	return 0;
}

static int person_faction(const struct gen *g, int64_t i, br_instant t)
{
	return g->moved_to[i] && g->moved_at[i] <= t ? g->moved_to[i]
						     : g->faction[i];
}

/* A participant drawn with a skewed popularity: a few people are in
 * many events. */
static int64_t pick_person(struct gen *g)
{
	double u = uniform(&g->rng);

	return (int64_t)(u * u * u * (double)g->n_people);
}

struct burst {
	br_instant center, width;
};

/* When an event happened, as precisely as its source knew. */
struct when {
	br_instant ts, t_min, t_max;
	int prec; /* index into prec_names */
};

static const char *const prec_names[] = {"minute", "hour", "part_of_day",
					 "day"};

static void event_time(struct gen *g, const struct burst *b, struct when *w)
{
	double u = uniform(&g->rng), p = uniform(&g->rng);
	br_instant t =
		b->center + (br_instant)((u - 0.5) * 2 * (double)b->width);
	br_instant unit = 60;

	t -= t % 60;
	w->prec = p < 0.1 ? 1 : p < 0.2 ? 2 : p < 0.27 ? 3 : 0;
	if (w->prec == 1)
		unit = 3600;
	else if (w->prec == 2)
		unit = 21600;
	else if (w->prec == 3)
		unit = 86400;
	w->t_min = t - t % unit;
	w->t_max = w->prec ? w->t_min + unit - 1 : w->t_min;
	w->ts = w->prec ? w->t_min : t;
}

static int by_time(const void *a, const void *b)
{
	const struct when *x = a, *y = b;

	return x->ts < y->ts ? -1 : x->ts > y->ts;
}

/* What br_db_finalize gives br_grams: the Chinese texts, then the names
 * (only their Han runs make terms). */
static int add_grams(struct gen *g, int64_t id, const char *title_zh,
		     const char *sum_zh, const char *names)
{
	sqlite3_stmt *st = br_db_stmt(g->db, gram_sql);
	size_t len = strlen(title_zh) + strlen(sum_zh) + strlen(names) + 3;
	char *joined = br_xmalloc(len);

	snprintf(joined, len, "%s %s %s", title_zh, sum_zh, names);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, br_text_grams(joined), -1, free);
	free(joined);
	return step_done(g, st);
}

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The names the search indexes take for an event (db_search.c): its
 * participants' English names, their Chinese names, then their other
 * aliases, each person once, in the order of their ids. who is sorted. */
static void event_names(const struct gen *g, int64_t *who, int n, char *out,
			size_t len)
{
	const char *parts[3][4];
	size_t used = 0, k;
	int i, m = 0;

	qsort(who, (size_t)n, sizeof(*who), by_id);
	for (i = 0; i < n; i++) {
		if (m && who[i] == who[m - 1])
			continue;
		who[m++] = who[i];
	}
	for (i = 0; i < m; i++) {
		parts[0][i] = g->name_en[who[i]];
		parts[1][i] = g->name_zh[who[i]];
		parts[2][i] = g->aliases[who[i]];
	}
	out[0] = '\0';
	for (k = 0; k < 3; k++)
		for (i = 0; i < m && used < len; i++)
			used += (size_t)snprintf(out + used, len - used, "%s%s",
						 used ? " " : "", parts[k][i]);
}

/* Events are written in time order, so their ids are their seq and the
 * search index's rowids come in time order. */
static int add_event(struct gen *g, int64_t id, const struct when *w)
{
	sqlite3_stmt *e = br_db_stmt(g->db, event_sql);
	sqlite3_stmt *pa = br_db_stmt(g->db, participant_sql);
	int64_t who[4];
	int n = 1 + (int)below(&g->rng, 4), i;
	size_t v = (size_t)below(&g->rng, BR_ARRAY_SIZE(verbs));
	size_t o = (size_t)below(&g->rng, BR_ARRAY_SIZE(objects));
	size_t pl = (size_t)below(&g->rng, BR_ARRAY_SIZE(places_en));
	double k = uniform(&g->rng);
	br_instant ts = w->ts;
	char title_en[160], title_zh[160], sum_en[320], sum_zh[320];
	char names[1024];

	for (i = 0; i < n; i++)
		who[i] = pick_person(g);
	snprintf(title_en, sizeof(title_en), "%s %s %s", g->name_en[who[0]],
		 verbs[v].en, objects[o].en);
	snprintf(title_zh, sizeof(title_zh), "%s%s%s", g->name_zh[who[0]],
		 verbs[v].zh, objects[o].zh);
	snprintf(sum_en, sizeof(sum_en),
		 "%s %s %s %s. The report names %d people.", g->name_en[who[0]],
		 verbs[v].en, objects[o].en, places_en[pl], n);
	snprintf(sum_zh, sizeof(sum_zh), "%s%s%s%s。报道提到 %d 人。",
		 g->name_zh[who[0]], places_zh[pl], verbs[v].zh, objects[o].zh,
		 n);
	sqlite3_bind_int64(e, 1, id);
	sqlite3_bind_text(e, 2,
			  k < 0.6   ? "main"
			  : k < 0.9 ? "aside"
				    : "background",
			  -1, SQLITE_STATIC);
	sqlite3_bind_int64(e, 3, ts);
	sqlite3_bind_int64(e, 4, w->t_min);
	sqlite3_bind_int64(e, 5, w->t_max);
	sqlite3_bind_text(e, 6, prec_names[w->prec], -1, SQLITE_STATIC);
	sqlite3_bind_int(e, 7, 0);
	sqlite3_bind_text(e, 8, title_en, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(e, 9, title_zh, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(e, 10, sum_en, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(e, 11, sum_zh, -1, SQLITE_TRANSIENT);
	if (step_done(g, e) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(pa, 1, id);
		sqlite3_bind_int64(pa, 2, who[i] + 1);
		sqlite3_bind_text(pa, 3, i == 0 ? "actor" : "subject", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(pa, 4, ts);
		sqlite3_bind_int(pa, 5, person_faction(g, who[i], ts));
		if (step_done(g, pa) < 0)
			return -1;
	}
	event_names(g, who, n, names, sizeof(names));
	if (add_grams(g, id, title_zh, sum_zh, names) < 0)
		return -1;
	if (br_fts_build_add(g->index,
			     &(struct br_fts_row){id, title_en, title_zh,
						  sum_en, sum_zh, names}) < 0)
		return -1;
	if (uniform(&g->rng) < 0.01) {
		sqlite3_stmt *nt = br_db_stmt(g->db, note_sql);

		sqlite3_bind_int64(nt, 1, id);
		if (step_done(g, nt) < 0)
			return -1;
	}
	if (uniform(&g->rng) < 0.001) {
		sqlite3_stmt *fg = br_db_stmt(g->db, figure_sql);

		sqlite3_bind_int64(fg, 1, id);
		sqlite3_bind_int64(fg, 2, below(&g->rng, 1000));
		if (step_done(g, fg) < 0)
			return -1;
	}
	return 0;
}

static int add_meta(struct gen *g, const struct burst *big)
{
	sqlite3_stmt *m = br_db_stmt(g->db, meta_sql);
	char start[32], end[32];
	const char *rows[][2] = {
		{"title_en", "Generated timeline"},
		{"title_zh", "生成的时间线"},
		{"source", "boardroom gen"},
		{"tz", "UTC"},
		{"window_start", start},
		{"window_end", end},
	};
	size_t i;

	snprintf(start, sizeof(start), "%lld",
		 (long long)(big->center - big->width));
	snprintf(end, sizeof(end), "%lld",
		 (long long)(big->center + big->width));
	for (i = 0; i < BR_ARRAY_SIZE(rows); i++) {
		sqlite3_bind_text(m, 1, rows[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(m, 2, rows[i][1], -1, SQLITE_TRANSIENT);
		if (step_done(g, m) < 0)
			return -1;
	}
	return 0;
}

static int add_roles(struct gen *g)
{
	sqlite3_stmt *r = br_db_stmt(g->db, role_sql);
	int64_t i, org = 1;

	for (i = 0; i < 6 && i < g->n_people; i++) {
		sqlite3_bind_int64(r, 1, i + 1);
		sqlite3_bind_int64(r, 2, org);
		sqlite3_bind_text(r, 3, i == 0 ? "ceo" : "board", -1,
				  SQLITE_STATIC);
		if (step_done(g, r) < 0)
			return -1;
	}
	return 0;
}

static int generate(struct gen *g, char *err, size_t errlen)
{
	const struct br_gen_opts *o = g->o;
	int64_t n_bursts = o->events / 200 + 1, i, biggest = 0;
	struct burst *bursts = br_xcalloc((size_t)n_bursts, sizeof(*bursts));
	struct when *whens = NULL;
	int rc = -1;

	for (i = 0; i < n_bursts; i++) {
		double w = uniform(&g->rng);

		bursts[i].center = g->span_start +
				   below(&g->rng, g->span_end - g->span_start);
		/* Mostly hours or days; a few bursts last weeks. */
		bursts[i].width = 3600 + (br_instant)(w * w * w * 40 * 86400);
	}
	if (br_db_exec(g->db, setup_sql, err, errlen) < 0 || add_people(g) < 0)
		goto out;
	whens = br_xcalloc((size_t)o->events + 1, sizeof(*whens));
	for (i = 0; i < o->events; i++) {
		double u = uniform(&g->rng);
		int64_t b = (int64_t)(u * u * (double)n_bursts);

		event_time(g, &bursts[b], &whens[i]);
	}
	qsort(whens, (size_t)o->events, sizeof(*whens), by_time);
	for (i = 0; i < o->events; i++) {
		if (add_event(g, i + 1, &whens[i]) < 0)
			goto out;
		if (o->progress && (i + 1) % 100000 == 0)
			o->progress(i + 1, o->events, o->data);
	}
	/* The biggest burst is the "crisis window". */
	for (i = 1; i < n_bursts && i < 8; i++)
		if (bursts[i].width > bursts[biggest].width)
			biggest = i;
	if (add_meta(g, &bursts[biggest]) < 0 || add_roles(g) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0 && !err[0])
		snprintf(err, errlen, "%s", br_db_errmsg(g->db));
	free(bursts);
	free(whens);
	return rc;
}

static int bulk(struct gen *g, int on, char *err, size_t errlen)
{
	if (br_fts_bulk(br_db_handle(g->db), "event_gram", on,
			GEN_HASH_BYTES) == SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s", br_db_errmsg(g->db));
	return -1;
}

/* The time-ordered tables' secondary indexes: dropped while the rows go
 * in, made again after, which sorts each once instead of inserting into
 * it a million times. */
struct deferred {
	char *sql[16];
	size_t n;
};

static const char deferred_sql[] =
	"SELECT name, sql FROM sqlite_master WHERE type = 'index'"
	" AND sql IS NOT NULL AND tbl_name IN ('event', 'participant')";

static int defer_indexes(struct gen *g, struct deferred *d, char *err,
			 size_t errlen)
{
	sqlite3_stmt *st = br_db_stmt(g->db, deferred_sql);
	char *names[16];
	size_t i;
	int rc = 0;

	while (d->n < BR_ARRAY_SIZE(d->sql) && sqlite3_step(st) == SQLITE_ROW) {
		names[d->n] =
			sqlite3_mprintf("DROP INDEX \"%w\"", br_col(st, 0));
		d->sql[d->n++] = br_xstrdup(br_col(st, 1));
	}
	br_db_reset(st);
	for (i = 0; i < d->n; i++) {
		if (rc == 0)
			rc = names[i] ? br_db_exec(g->db, names[i], err, errlen)
				      : -1;
		sqlite3_free(names[i]);
	}
	return rc;
}

static int restore_indexes(struct gen *g, struct deferred *d, char *err,
			   size_t errlen)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < d->n; i++) {
		if (rc == 0)
			rc = br_db_exec(g->db, d->sql[i], err, errlen);
		free(d->sql[i]);
	}
	d->n = 0;
	return rc;
}

int br_gen(const struct br_gen_opts *o, char *err, size_t errlen)
{
	struct gen g = {0};
	struct deferred later = {0};
	char side[4096];
	struct stat sb;
	int rc;

	err[0] = '\0';
	if (o->events < 0 || o->people < 1) {
		snprintf(err, errlen, "need --events >= 0 and --people >= 1");
		return -1;
	}
	if ((size_t)snprintf(side, sizeof(side), "%s-search", o->path) >=
	    sizeof(side)) {
		snprintf(err, errlen, "%s: path too long", o->path);
		return -1;
	}
	if (stat(side, &sb) == 0) {
		snprintf(err, errlen, "%s: already exists", side);
		return -1;
	}
	g.db = br_db_open_file(o->path, BR_DB_CREATE, err, errlen);
	if (!g.db)
		return -1;
	g.o = o;
	g.rng = o->seed;
	g.n_people = o->people;
	g.faction = br_xcalloc((size_t)o->people, sizeof(*g.faction));
	g.moved_to = br_xcalloc((size_t)o->people, sizeof(*g.moved_to));
	g.moved_at = br_xcalloc((size_t)o->people, sizeof(*g.moved_at));
	g.name_en = br_xcalloc((size_t)o->people, sizeof(*g.name_en));
	g.name_zh = br_xcalloc((size_t)o->people, sizeof(*g.name_zh));
	g.aliases = br_xcalloc((size_t)o->people, sizeof(*g.aliases));
	g.span_start = 1420070400; /* 2015-01-01 */
	g.span_end = 1735689600;   /* 2025-01-01 */
	g.index = br_fts_build_start(g.db, side, GEN_HASH_BYTES, err, errlen);
	rc = g.index ? 0 : -1;
	/* A new file nobody reads until it is done: no journal, no syncs, and
	 * the CHECK constraints' IN lists (an ephemeral index built for every
	 * row: two thirds of the time) not evaluated for values made valid
	 * here; PRAGMA quick_check in the tests checks them after. */
	if (rc == 0)
		rc = br_db_exec(g.db,
				"PRAGMA journal_mode = OFF;"
				" PRAGMA synchronous = OFF;"
				" PRAGMA ignore_check_constraints = ON;"
				" PRAGMA cache_size = -65536; BEGIN",
				err, errlen);
	if (rc == 0)
		rc = defer_indexes(&g, &later, err, errlen);
	/* The index of pairs is filled here, on this core. */
	if (rc == 0)
		rc = bulk(&g, 1, err, errlen);
	if (rc == 0)
		rc = generate(&g, err, errlen);
	if (rc == 0)
		br_fts_build_close(g.index);
	if (rc == 0)
		rc = bulk(&g, 0, err, errlen);
	if (rc == 0)
		rc = restore_indexes(&g, &later, err, errlen);
	if (rc == 0)
		rc = br_db_exec(g.db, "COMMIT", err, errlen);
	/* The derived tables while the search indexes are still merging. */
	if (rc == 0)
		rc = br_db_finalize(g.db,
				    BR_DERIVE_ALIASES | BR_DERIVE_STATS |
					    BR_DERIVE_TALLY,
				    err, errlen);
	if (g.index) {
		char msg[256];

		if (br_fts_build_finish(g.index, rc == 0 ? g.db : NULL, msg,
					sizeof(msg)) < 0 &&
		    rc == 0) {
			snprintf(err, errlen, "%s", msg);
			rc = -1;
		}
	}
	if (rc == 0)
		/* The planner's statistics from a sample of each index
		 * (ten million events: a whole ANALYZE reads them all). */
		rc = br_db_exec(g.db,
				"PRAGMA analysis_limit = 4000; ANALYZE;"
				" PRAGMA journal_mode = DELETE;",
				err, errlen);
	while (later.n)
		free(later.sql[--later.n]);
	br_db_close(g.db);
	if (rc < 0)
		remove(o->path);
	free(g.faction);
	free(g.moved_to);
	free(g.moved_at);
	free(g.name_en);
	free(g.aliases);
	free(g.name_zh);
	return rc;
}
