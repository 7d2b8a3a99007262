/* config: the config file, read before the options, which override it.
 *
 * It is --config FILE, else $BOARDROOM_CONFIG, else
 * $XDG_CONFIG_HOME/boardroom/config, else ~/.config/boardroom/config;
 * none with --no-config. Lines, as tig's:
 *   set lang = zh            set zone = Beijing
 *   set ruler = all          set db = ~/crisis.db
 *   color safety blue default
 *   bind j down
 *   # a comment, also after a blank at the end of a line
 * A line that is wrong is reported (file:line: what is wrong) and skipped:
 * what it set keeps its default. */
#ifndef BOARDROOM_CONFIG_H
#define BOARDROOM_CONFIG_H

#include <stdio.h>

#include "cli/options.h"

/* One setting: its value ("" if unset) and where it came from. */
struct config_value {
	char value[1024];
	char source[1100]; /* "default", "FILE:LINE", "option --lang" */
};

struct config {
	char path[1024];      /* the file read, "" if none */
	char path_source[64]; /* why that file */
	struct config_value lang, zone, ruler, db;
	int ruler_all;
	/* The color and bind lines taken, for config_print. */
	struct config_line {
		char text[160];
		char source[1100];
	} lines[64];
	int n_lines;
};

/* Reads the config file r names (or the default one) into c, then lays
 * the options of r over it; binds its keys and sets its colours. A file
 * named by --config that cannot be read is an error (2, after printing
 * it); every other problem is a warning. 0 or 2. */
int config_load(struct config *c, const struct opt_raw *r);

/* Writes the settings in effect, each with where it came from, as lines
 * of a config file. 0, or 1 if the output failed. */
int config_print(const struct config *c, FILE *f);

#endif
