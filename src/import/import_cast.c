/* import_cast: the cast an article's names are linked to (import
 * --people FILE), the names it says are not people, and the people made
 * for the names still unknown (--create-people).
 *
 * A cast is a dataset document (its people and not_people; the rest is
 * not read) or a CSV with a header row naming its columns, in any order:
 * name (required), name_zh, aliases (joined by |), kind (person, org,
 * group, or not_person for a name that is no one: a product, a phrase),
 * slug (default: made from the name). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boardroom/db.h"
#include "boardroom/text.h"
#include "import/dataset_private.h"
#include "import/import_private.h"

static void strings_add(struct br_strings *l, const char *s)
{
	l->v = br_grow(l->v, l->n, &l->cap, sizeof(*l->v));
	l->v[l->n++] = br_pool_strdup(&l->pool, s);
}

static void add_folded(struct br_strings *l, const char *s)
{
	char *norm = br_text_fold(s);

	if (norm[0])
		strings_add(l, norm);
	free(norm);
}

static const char slug_sql[] = "SELECT 1 FROM person WHERE slug = ?";
static const char person_sql[] =
	"INSERT INTO person (slug, kind, name_en, name_zh, unreviewed)"
	" VALUES (?, ?, ?, ?, ?)";
static const char alias_sql[] =
	"INSERT OR IGNORE INTO alias (person_id, alias) VALUES (?, ?)";

/* A slug free in db, from name: its ASCII letters and digits, lowercase,
 * words joined by '-'; "person" for a name with none; "-2"... if taken. */
static void make_slug(struct br_db *db, const char *name, char *buf, size_t len)
{
	char base[64];
	size_t n = 0;
	int k, dash = 0;

	for (; *name && n + 2 < sizeof(base); name++) {
		unsigned char c = (unsigned char)*name;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z')) {
			if (dash && n)
				base[n++] = '-';
			base[n++] = (char)(c | ((c >= 'A' && c <= 'Z') << 5));
			dash = 0;
		} else {
			dash = 1;
		}
	}
	base[n] = '\0';
	if (!n)
		br_strlcpy(base, "person", sizeof(base));
	for (k = 1;; k++) {
		sqlite3_stmt *st = br_db_stmt(db, slug_sql);
		int taken;

		if (k == 1)
			snprintf(buf, len, "%s", base);
		else
			snprintf(buf, len, "%s-%d", base, k);
		sqlite3_bind_text(st, 1, buf, -1, SQLITE_STATIC);
		taken = sqlite3_step(st) == SQLITE_ROW;
		br_db_reset(st);
		if (!taken)
			return;
	}
}

/* One person: 1 added, 0 the slug was there, -1 a database error. */
static int add_person(struct br_db *db, const char *slug, const char *kind,
		      const char *name, const char *name_zh,
		      const char *aliases, int unreviewed)
{
	char made[80];
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if (!slug || !*slug) {
		make_slug(db, name, made, sizeof(made));
		slug = made;
	} else {
		st = br_db_stmt(db, slug_sql);
		sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_ROW;
		br_db_reset(st);
		if (rc)
			return 0;
	}
	st = br_db_stmt(db, person_sql);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, name_zh && *name_zh ? name_zh : name, -1,
			  SQLITE_STATIC);
	sqlite3_bind_int(st, 5, unreviewed);
	rc = sqlite3_step(st);
	br_db_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	id = sqlite3_last_insert_rowid(br_db_handle(db));
	while (aliases && *aliases) {
		const char *bar = strchr(aliases, '|');
		size_t n = bar ? (size_t)(bar - aliases) : strlen(aliases);

		if (n) {
			st = br_db_stmt(db, alias_sql);
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, aliases, (int)n,
					  SQLITE_TRANSIENT);
			rc = sqlite3_step(st);
			br_db_reset(st);
			if (rc != SQLITE_DONE)
				return -1;
		}
		aliases = bar ? bar + 1 : NULL;
	}
	return 1;
}

enum { COL_NAME, COL_NAME_ZH, COL_ALIASES, COL_KIND, COL_SLUG, N_COLS };

static const char *const col_names[N_COLS] = {"name", "name_zh", "aliases",
					      "kind", "slug"};

static const char *cell(const struct br_csv_record *r, const int *cols, int c)
{
	return cols[c] >= 0 && (size_t)cols[c] < r->n ? r->fields[cols[c]] : "";
}

static int read_csv_cast(struct br_db *db, const char *file, const char *text,
			 size_t len, struct br_strings *not_people, long *added,
			 char *err, size_t errlen)
{
	static const char *const kinds[] = {"person", "org", "group",
					    "not_person"};
	struct br_csv csv = {0};
	int cols[N_COLS], rc = 0;
	char msg[256];
	size_t i, c, k;

	if (br_csv_parse(text, len, &csv, msg, sizeof(msg)) < 0) {
		snprintf(err, errlen, "%s: %s", file, msg);
		return -1;
	}
	for (c = 0; c < N_COLS; c++) {
		cols[c] = -1;
		for (i = 0; csv.n && i < csv.rows[0].n; i++)
			if (!strcmp(csv.rows[0].fields[i], col_names[c]))
				cols[c] = (int)i;
	}
	if (cols[COL_NAME] < 0) {
		snprintf(err, errlen,
			 "%s: line 1: no 'name' column (the header names "
			 "name, name_zh, aliases, kind, slug)",
			 file);
		br_csv_free(&csv);
		return -1;
	}
	for (i = 1; rc == 0 && i < csv.n; i++) {
		const struct br_csv_record *r = &csv.rows[i];
		const char *name = cell(r, cols, COL_NAME);
		const char *kind = cell(r, cols, COL_KIND);

		if (!*kind)
			kind = "person";
		for (k = 0; k < BR_ARRAY_SIZE(kinds) && strcmp(kinds[k], kind);
		     k++)
			;
		if (!*name || k == BR_ARRAY_SIZE(kinds)) {
			snprintf(err, errlen,
				 *name ? "%s: line %ld: kind '%.40s' is not "
					 "person, org, group or not_person"
				       : "%s: line %ld: no name%.0s",
				 file, r->line, kind);
			rc = -1;
		} else if (k == 3) {
			add_folded(not_people, name);
		} else {
			int got = add_person(db, cell(r, cols, COL_SLUG), kind,
					     name, cell(r, cols, COL_NAME_ZH),
					     cell(r, cols, COL_ALIASES), 0);

			if (got < 0) {
				snprintf(err, errlen, "%s: line %ld: %s", file,
					 r->line, br_db_errmsg(db));
				rc = -1;
			}
			*added += got > 0;
		}
	}
	br_csv_free(&csv);
	return rc;
}

static int read_whole(const char *file, char **text, size_t *len, char *err,
		      size_t errlen)
{
	FILE *f = fopen(file, "rb");
	struct stat st;

	if (!f || fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > BR_IMPORT_MAX_BYTES) {
		snprintf(err, errlen, "%s: %s", file,
			 !f ? "cannot be read"
			    : "not a regular file of at most 64 MiB");
		if (f)
			fclose(f);
		return -1;
	}
	*text = br_xmalloc((size_t)st.st_size + 1);
	*len = fread(*text, 1, (size_t)st.st_size, f);
	(*text)[*len] = '\0';
	fclose(f);
	return 0;
}

int imp_cast_load(struct br_db *db, const char *file,
		  struct br_strings *not_people, long *added, char *err,
		  size_t errlen)
{
	struct imp_ds ds = {0};
	size_t len, i;
	char *text;
	int rc;

	*added = 0;
	if (read_whole(file, &text, &len, err, errlen) < 0)
		return -1;
	if (text[strspn(text, " \t\r\n")] != '{') {
		rc = read_csv_cast(db, file, text, len, not_people, added, err,
				   errlen);
		free(text);
		return rc;
	}
	ds.cast = 1;
	rc = imp_ds_begin(&ds, db, file, err, errlen);
	if (rc == 0)
		rc = imp_ds_read_text(&ds, text, len);
	*added = ds.people;
	for (i = 0; i < ds.not_people.n; i++)
		strings_add(not_people, ds.not_people.v[i]);
	imp_ds_free(&ds);
	free(text);
	return rc;
}

long imp_cast_filter(struct br_strings *unknown,
		     const struct br_strings *not_people)
{
	size_t i, j, n = 0;
	long dropped = 0;

	for (i = 0; i < unknown->n; i++) {
		char *norm = br_text_fold(unknown->v[i]);

		/* A part of a phrase that is no one is no one either: "Is
		 * Nothing" of "OpenAI Is Nothing" once OpenAI is known. */
		for (j = 0; j < not_people->n; j++)
			if (norm[0] && strstr(not_people->v[j], norm))
				break;
		free(norm);
		if (j < not_people->n)
			dropped++;
		else
			unknown->v[n++] = unknown->v[i];
	}
	unknown->n = n;
	return dropped;
}

int imp_cast_create(struct br_db *db, const struct br_strings *names,
		    long *made)
{
	size_t i;

	*made = 0;
	for (i = 0; i < names->n; i++) {
		int got = add_person(db, NULL, "person", names->v[i], NULL,
				     names->v[i], 1);

		if (got < 0)
			return -1;
		*made += got;
	}
	return 0;
}
