/* bake: builds the bundled dataset once, at build time, and writes it as a
 * finished database image, which the program embeds and loads at start
 * (br_db_use_image) instead of running its schema, its data and the
 * derivations every time.
 *
 *   bake OUT.db */
#include <stdio.h>

#include "boardroom/db.h"

int main(int argc, char **argv)
{
	char err[256];
	struct br_db *db;
	unsigned char *image;
	sqlite3_int64 len = 0;
	FILE *out;
	int rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: bake OUT.db\n");
		return 2;
	}
	db = br_db_open_bundled(err, sizeof(err));
	if (!db) {
		fprintf(stderr, "bake: %s\n", err);
		return 1;
	}
	/* Compact, and the planner's statistics in the image. */
	if (br_db_exec(db, "ANALYZE; VACUUM;", err, sizeof(err)) < 0) {
		fprintf(stderr, "bake: %s\n", err);
		br_db_close(db);
		return 1;
	}
	image = sqlite3_serialize(br_db_handle(db), "main", &len, 0);
	br_db_close(db);
	if (!image) {
		fprintf(stderr, "bake: cannot serialize the database\n");
		return 1;
	}
	out = fopen(argv[1], "wb");
	if (!out || fwrite(image, 1, (size_t)len, out) != (size_t)len)
		rc = 1;
	if (out && fclose(out) != 0)
		rc = 1;
	if (rc) {
		fprintf(stderr, "bake: %s: cannot write\n", argv[1]);
		remove(argv[1]);
	}
	sqlite3_free(image);
	return rc;
}
