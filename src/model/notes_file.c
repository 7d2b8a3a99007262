/* notes_file: where the user database is, the directories above it, and
 * the identity of a dataset that its marks are filed under. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "boardroom/notes.h"
#include "boardroom/text.h"
#include "model.h"

int br_notes_default_path(char *buf, size_t len)
{
	const char *env = getenv("BOARDROOM_USER_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && env[0])
		snprintf(buf, len, "%s", env);
	else if (xdg && xdg[0] == '/')
		snprintf(buf, len, "%s/boardroom/user.db", xdg);
	else if (home && home[0])
		snprintf(buf, len, "%s/.local/share/boardroom/user.db", home);
	else
		return -1;
	return 0;
}

/* Creates the directories above path, 0700 each; 0 or -1 with errno. */
int br_notes_make_parents(const char *path)
{
	char dir[1024];
	size_t i;
	struct stat st;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (i = 1; dir[i]; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (stat(dir, &st) < 0) {
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				return -1;
		} else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return -1;
		}
		dir[i] = '/';
	}
	return 0;
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void meta_value(struct br_db *db, const char *key, char *buf, size_t len)
{
	sqlite3_stmt *st =
		br_db_stmt(db, "SELECT value FROM meta WHERE key = ?");
	const char *v;

	buf[0] = '\0';
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(st, 0)))
		br_strlcpy(buf, v, len);
	br_db_reset(st);
}

void br_notes_identity(struct br_db *db, char *out, size_t len)
{
	char title[256], source[4096];
	uint64_t h = 0xcbf29ce484222325ULL;

	meta_value(db, "title_en", title, sizeof(title));
	meta_value(db, "source", source, sizeof(source));
	h = fnv(fnv(fnv(h, title), "\x1f"), source);
	snprintf(out, len, "%016llx", (unsigned long long)h);
}
