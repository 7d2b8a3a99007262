#include "cli/check.h"

#include <stdio.h>
#include <string.h>

#include "boardroom/db.h"
#include "cli/output.h"
#include "cli/report.h"
#include "import/dataset.h"

struct tally {
	const char *name; /* the file, before each place */
	long n;
};

static void print_problem(void *data, const char *place, const char *msg)
{
	struct tally *t = data;

	out_text(stdout, t->name);
	fputs(": ", stdout);
	out_text(stdout, place);
	fputs(": ", stdout);
	out_text(stdout, msg);
	fputc('\n', stdout);
	t->n++;
}

/* Whether path starts as an SQLite database does. */
static int is_database(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16] = {0};
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	return n == sizeof(head) && !memcmp(head, magic, sizeof(magic));
}

int check_run(const struct opt_raw *r)
{
	const char *path = r->n_args ? r->args[0] : r->db;
	struct tally t = {path ? path : "the bundled dataset", 0};
	struct br_db *db = NULL;
	char err[1024];
	long n;

	if (r->n_args > 1)
		return report_fail("check takes one FILE or DB (see boardroom "
				   "check --help)");
	if (path && !path[0])
		return report_fail("check needs a file name");
	if (path && !is_database(path)) {
		n = br_dataset_check_file(path, print_problem, &t, err,
					  sizeof(err));
	} else {
		db = path ? br_db_open_file(path, BR_DB_READ, err, sizeof(err))
			  : br_db_open_bundled(err, sizeof(err));
		if (!db)
			return report_fail("%s", err);
		n = br_dataset_check_db(db, print_problem, &t, err,
					sizeof(err));
		br_db_close(db);
	}
	out_warn();
	if (n < 0)
		return report_fail("%s", err);
	if (fflush(stdout) != 0 || ferror(stdout))
		return out_write_failed();
	return n ? 2 : 0;
}
