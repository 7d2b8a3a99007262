#include "model/event_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boardroom/search.h"

/* Whether the filter leaves out some kinds. */
int query_some_kinds(const struct br_filter *f)
{
	return f->kinds && f->kinds != BR_KIND_ALL;
}

void query_add(struct query *q, const char *fragment)
{
	size_t n = strlen(fragment);

	if (q->len + n >= sizeof(q->sql)) {
		fprintf(stderr, "boardroom: internal error: query too long\n");
		abort();
	}
	memcpy(q->sql + q->len, fragment, n + 1);
	q->len += n;
}

void query_int(struct query *q, int64_t v)
{
	if (q->n_binds < (int)BR_ARRAY_SIZE(q->binds))
		q->binds[q->n_binds++] = (struct query_bind){0, v, NULL};
}

void query_text(struct query *q, const char *s)
{
	if (q->n_binds < (int)BR_ARRAY_SIZE(q->binds))
		q->binds[q->n_binds++] = (struct query_bind){1, 0, s};
}

sqlite3_stmt *query_prepare(struct br_db *db, const struct query *q)
{
	sqlite3_stmt *st = br_db_stmt(db, q->sql);
	int i;

	for (i = 0; i < q->n_binds; i++) {
		if (q->binds[i].is_text)
			sqlite3_bind_text(st, i + 1, q->binds[i].s, -1,
					  SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i + 1, q->binds[i].i);
	}
	return st;
}

/* Any of the filter's people takes part. */
static void query_people_any(struct query *q, const struct br_filter *f)
{
	size_t i;

	query_add(q, " AND EXISTS (SELECT 1 FROM participant pa"
		     " WHERE pa.event_id = e.id AND pa.person_id IN (?");
	query_int(q, f->people[0]);
	for (i = 1; i < f->n_people; i++) {
		query_add(q, ", ?");
		query_int(q, f->people[i]);
	}
	query_add(q, "))");
}

/* Each of the filter's people from the from-th on takes part. */
static void query_people_each(struct query *q, const struct br_filter *f,
			      size_t from)
{
	size_t i;

	for (i = from; i < f->n_people; i++) {
		query_add(q, " AND EXISTS (SELECT 1 FROM participant pa"
			     " WHERE pa.event_id = e.id AND pa.person_id = ?)");
		query_int(q, f->people[i]);
	}
}

/* The events the trigram index found whose texts, or one of whose
 * participants' names or aliases, hold each term of four characters or
 * more: the index keeps no positions, so it finds the events that have
 * the term's trigrams anywhere (schema.sql, event_fts). */
static void query_verify(struct query *q, const struct br_search *search)
{
	size_t i;

	for (i = 0; i < search->n_verify; i++) {
		query_add(q, " AND (br_has(?, e.title_en, e.title_zh,"
			     " e.summary_en, e.summary_zh) OR EXISTS (SELECT 1"
			     " FROM participant pa JOIN person p ON p.id ="
			     " pa.person_id WHERE pa.event_id = e.id AND"
			     " (br_has(?, p.name_en, p.name_zh) OR EXISTS"
			     " (SELECT 1 FROM alias a WHERE a.person_id ="
			     " pa.person_id AND br_has(?, a.alias)))))");
		query_text(q, search->verify[i]);
		query_text(q, search->verify[i]);
		query_text(q, search->verify[i]);
	}
}

/* FROM and the filter's WHERE terms; afterwards the query ends inside a
 * WHERE clause, so callers append " AND ..." terms. The driving table is
 * the one whose index is already in time order for the filter: the
 * search index (its rowid is the event's seq), one person's
 * participations, or the events. */
void query_from_filter(struct query *q, const struct br_filter *f)
{
	const struct br_search *search = f->search;
	size_t i;
	int by_person = f->n_people == 1 || (f->n_people > 1 && f->people_all);

	q->by_seq = 0;
	if (search && (search->match[0] || search->gram_match[0])) {
		/* The trigram index drives; the index of pairs checks its
		 * rows, or drives when the search has no longer term. */
		/* Counting the matches of a search alone: the index's rowids
		 * are the events' positions, and no event is read. */
		int alone =
			q->rows_only && !search->n_verify && !search->n_short &&
			!f->n_people && !query_some_kinds(f) && !f->faction &&
			f->from == BR_INSTANT_MIN && f->to == BR_INSTANT_MAX;

		if (!search->match[0]) {
			query_add(q, alone ? " FROM event_gram s"
					     " WHERE event_gram MATCH ?"
					   : " FROM event_gram s JOIN event e"
					     " ON e.seq = s.rowid"
					     " WHERE event_gram MATCH ?");
			query_text(q, search->gram_match);
		} else {
			query_add(q, alone ? " FROM event_fts s"
					     " WHERE event_fts MATCH ?"
					   : " FROM event_fts s JOIN event e"
					     " ON e.seq = s.rowid"
					     " WHERE event_fts MATCH ?");
			query_text(q, search->match);
			query_verify(q, search);
			if (search->gram_match[0]) {
				query_add(
					q,
					" AND EXISTS (SELECT 1 FROM event_gram"
					" g WHERE event_gram MATCH ? AND"
					" g.rowid = s.rowid)");
				query_text(q, search->gram_match);
			}
		}
		q->by_seq = 1;
		q->key_ts = "e.ts";
		q->key_id = "e.id";
		if (f->n_people > 1 && !f->people_all)
			query_people_any(q, f);
		else
			query_people_each(q, f, 0);
	} else if (by_person && q->count_only && f->n_people == 1 &&
		   !query_some_kinds(f) && !f->faction &&
		   !(search && search->n_short)) {
		/* Counting one person's events: their index alone (a short
		 * search term is looked for in the event's text: not
		 * then). */
		query_add(q, " FROM participant d WHERE d.person_id = ?");
		query_int(q, f->people[0]);
		q->key_ts = "d.ts";
		q->key_id = "d.event_id";
	} else if (by_person) {
		query_add(
			q,
			" FROM participant d JOIN event e ON e.id = d.event_id"
			" WHERE d.person_id = ?");
		query_int(q, f->people[0]);
		q->key_ts = "d.ts";
		q->key_id = "d.event_id";
		query_people_each(q, f, 1);
	} else {
		query_add(q, " FROM event e WHERE 1");
		q->key_ts = "e.ts";
		q->key_id = "e.id";
		if (f->n_people > 1)
			query_people_any(q, f);
	}
	if (query_some_kinds(f)) {
		const char *sep = " AND e.kind IN (";

		for (i = 0; i < 3; i++) {
			if (f->kinds & (1u << i)) {
				query_add(q, sep);
				query_add(q, "?");
				query_text(q, br_kind_name(
						      (enum br_kind)(1u << i)));
				sep = ", ";
			}
		}
		query_add(q, ")");
	}
	if (f->from != BR_INSTANT_MIN) {
		/* On the driving table's time, so its index bounds it. */
		query_add(q, " AND ");
		query_add(q, q->key_ts);
		query_add(q, " >= ?");
		query_int(q, f->from);
	}
	if (f->to != BR_INSTANT_MAX) {
		query_add(q, " AND ");
		query_add(q, q->key_ts);
		query_add(q, " <= ?");
		query_int(q, f->to);
	}
	if (f->faction) {
		/* A line or a crisis stance: faction ids are one set. */
		query_add(q,
			  " AND EXISTS (SELECT 1 FROM participant pa"
			  " WHERE pa.event_id = e.id AND ? IN (pa.faction_id,"
			  " pa.stance_id))");
		query_int(q, f->faction);
	}
	for (i = 0; search && i < search->n_short; i++) {
		/* Too short for the trigram index, and not Chinese: look
		 * in the texts. */
		query_add(q,
			  " AND (instr(lower(e.title_en), ?) OR"
			  " instr(e.title_zh, ?) OR"
			  " instr(lower(e.summary_en), ?) OR"
			  " instr(e.summary_zh, ?) OR"
			  " EXISTS (SELECT 1 FROM participant pa JOIN alias a"
			  " ON a.person_id = pa.person_id WHERE"
			  " pa.event_id = e.id AND instr(a.norm, ?)))");
		query_text(q, search->shorts[i]);
		query_text(q, search->shorts[i]);
		query_text(q, search->shorts[i]);
		query_text(q, search->shorts[i]);
		query_text(q, search->short_folds[i]);
	}
}

void query_key(struct query *q, const struct br_key *key, enum br_dir dir)
{
	if (!key)
		return;
	if (q->by_seq) {
		/* The key as a seq: the last event at or before it (or the
		 * first at or after it), through the (ts, id, seq) index. */
		query_add(
			q,
			dir == BR_AFTER
				? " AND s.rowid > ifnull((SELECT seq FROM event"
				  " WHERE (ts, id) <= (?, ?) ORDER BY ts DESC,"
				  " id DESC LIMIT 1), 0)"
				: " AND s.rowid < ifnull((SELECT seq FROM event"
				  " WHERE (ts, id) >= (?, ?) ORDER BY ts, id"
				  " LIMIT 1), 9223372036854775807)");
		query_int(q, key->ts);
		query_int(q, key->id);
		return;
	}
	query_add(q, " AND (");
	query_add(q, q->key_ts);
	query_add(q, ", ");
	query_add(q, q->key_id);
	query_add(q, dir == BR_AFTER ? ") > (?, ?)" : ") < (?, ?)");
	query_int(q, key->ts);
	query_int(q, key->id);
}

void query_order(struct query *q, enum br_dir dir)
{
	const char *d = dir == BR_AFTER ? "" : " DESC";

	if (q->by_seq) {
		query_add(q, " ORDER BY s.rowid");
		query_add(q, d);
		return;
	}
	query_add(q, " ORDER BY ");
	query_add(q, q->key_ts);
	query_add(q, d);
	query_add(q, ", ");
	query_add(q, q->key_id);
	query_add(q, d);
}
