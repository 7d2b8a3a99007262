/* gen: a deterministic generator of large timelines with the shape of a
 * real one, for measuring the engine: events in bursts over years, one to
 * four participants drawn with a skewed popularity, texts in English and
 * Chinese, aliases, factions and stance changes. */
#ifndef BOARDROOM_GEN_H
#define BOARDROOM_GEN_H

#include <stddef.h>
#include <stdint.h>

struct br_gen_opts {
	int64_t events;	  /* how many events */
	int64_t people;	  /* how many people */
	uint64_t seed;	  /* the same seed gives the same database */
	const char *path; /* the database to create (must not exist) */
	/* Called now and then with the events written so far; may be NULL. */
	void (*progress)(int64_t done, int64_t total, void *data);
	void *data;
};

/* Creates the database. Returns 0, or -1 with a one-line message in err
 * (the partial file is removed). */
int br_gen(const struct br_gen_opts *opts, char *err, size_t errlen);

#endif
