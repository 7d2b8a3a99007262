#include "cli/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boardroom/base.h"
#include "boardroom/notes.h"
#include "boardroom/text.h"
#include "boardroom/when.h"
#include "cli/report.h"
#include "ui/keys.h"
#include "ui/term.h"

/* The longest line read; a longer one is reported and skipped. */
#define LINE_MAX_BYTES 1024

static void set_value(struct config_value *v, const char *value,
		      const char *source)
{
	br_strlcpy(v->value, value, sizeof(v->value));
	br_strlcpy(v->source, source, sizeof(v->source));
}

/* Which file to read, into c->path; 0 if none (--no-config, or no HOME). */
static int choose(struct config *c, const struct opt_raw *r)
{
	const char *env = getenv("BOARDROOM_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	c->path[0] = '\0';
	if (r->seen & OPT_NO_CONFIG) {
		br_strlcpy(c->path_source, "option --no-config",
			   sizeof(c->path_source));
		return 0;
	}
	if (r->config) {
		br_strlcpy(c->path, r->config, sizeof(c->path));
		br_strlcpy(c->path_source, "option --config",
			   sizeof(c->path_source));
	} else if (env && env[0]) {
		br_strlcpy(c->path, env, sizeof(c->path));
		br_strlcpy(c->path_source, "environment BOARDROOM_CONFIG",
			   sizeof(c->path_source));
	} else if (xdg && xdg[0] == '/') {
		snprintf(c->path, sizeof(c->path), "%s/boardroom/config", xdg);
		br_strlcpy(c->path_source, "default, $XDG_CONFIG_HOME",
			   sizeof(c->path_source));
	} else if (home && home[0]) {
		snprintf(c->path, sizeof(c->path),
			 "%s/.config/boardroom/config", home);
		br_strlcpy(c->path_source, "default, ~/.config",
			   sizeof(c->path_source));
	}
	return c->path[0] != '\0';
}

/* "~/x" is the file x in HOME, into buf. */
static void expand_home(const char *path, char *buf, size_t len)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && path[1] == '/' && home && home[0])
		snprintf(buf, len, "%s%s", home, path + 1);
	else
		br_strlcpy(buf, path, len);
}

/* "set NAME = VALUE": NULL, or what is wrong. */
static const char *set_line(struct config *c, char *rest, const char *where,
			    char *why, size_t whylen)
{
	char *name = rest, *eq = strchr(rest, '='), *value, *end;
	struct br_zone zone;
	enum br_lang lang;
	char err[256], path[1024];
	size_t n;

	if (!eq)
		return "'set' needs NAME = VALUE";
	*eq = '\0';
	for (end = eq; end > name && (end[-1] == ' ' || end[-1] == '\t');)
		*--end = '\0';
	value = eq + 1 + strspn(eq + 1, " \t");
	n = strlen(value);
	if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
		value[n - 1] = '\0';
		value++;
	}
	if (!value[0])
		return "'set' needs a value after '='";
	if (!strcmp(name, "lang")) {
		if (br_lang_parse(value, &lang) < 0)
			return "unknown language (en or zh)";
		set_value(&c->lang, value, where);
	} else if (!strcmp(name, "zone")) {
		if (br_zone_set(&zone, value, err, sizeof(err)) < 0)
			return "unknown time zone (PT, Beijing, UTC, local, "
			       "or an IANA name)";
		set_value(&c->zone, value, where);
	} else if (!strcmp(name, "ruler")) {
		if (strcmp(value, "all") && strcmp(value, "crisis"))
			return "the ruler is 'crisis' or 'all'";
		set_value(&c->ruler, value, where);
	} else if (!strcmp(name, "db")) {
		expand_home(value, path, sizeof(path));
		if (access(path, R_OK) < 0) {
			snprintf(why, whylen, "db: %.900s: %s", path,
				 strerror(errno));
			return why;
		}
		set_value(&c->db, path, where);
	} else {
		return "unknown setting (lang, zone, ruler, db)";
	}
	return NULL;
}

static void keep_line(struct config *c, const char *text, const char *where)
{
	struct config_line *l;

	if (c->n_lines == (int)BR_ARRAY_SIZE(c->lines))
		return;
	l = &c->lines[c->n_lines++];
	br_strlcpy(l->text, text, sizeof(l->text));
	br_strlcpy(l->source, where, sizeof(l->source));
}

/* "color STYLE FG BG": NULL, or what is wrong. */
static const char *color_line(struct config *c, char *rest, const char *where,
			      char *why, size_t whylen)
{
	char *save = NULL, *w[4], text[160];
	int n, style, fg, bg;

	for (n = 0; n < 4; n++)
		w[n] = strtok_r(n ? NULL : rest, " \t", &save);
	if (!w[0] || !w[1] || !w[2] || w[3])
		return "'color' needs STYLE FOREGROUND BACKGROUND";
	if ((style = term_style_find(w[0])) < 0) {
		snprintf(why, whylen, "unknown style '%.40s' (%s)", w[0],
			 term_style_names());
		return why;
	}
	fg = term_color_find(w[1]);
	bg = term_color_find(w[2]);
	if (fg == -2 || bg == -2) {
		snprintf(why, whylen,
			 "unknown colour '%.40s' (default, black, red, "
			 "green, yellow, blue, magenta, cyan, white, 0-255)",
			 fg == -2 ? w[1] : w[2]);
		return why;
	}
	term_color(style, fg, bg);
	snprintf(text, sizeof(text), "color %s %s %s", w[0], w[1], w[2]);
	keep_line(c, text, where);
	return NULL;
}

/* "bind KEY REQUEST": NULL, or what is wrong. */
static const char *bind_line(struct config *c, char *rest, const char *where,
			     char *why, size_t whylen)
{
	char *save = NULL, *key = strtok_r(rest, " \t", &save);
	char *req = key ? strtok_r(NULL, " \t", &save) : NULL, text[160];
	enum app_request r;
	int code;

	if (!key || !req || strtok_r(NULL, " \t", &save))
		return "'bind' needs KEY REQUEST";
	if (!(code = keys_parse(key))) {
		snprintf(why, whylen, "unknown key '%.40s'", key);
		return why;
	}
	if ((r = keys_find(req)) == REQ_NONE) {
		snprintf(why, whylen,
			 "unknown request '%.40s' (the names of KEYS in "
			 "boardroom(1): down, page-down, next-day...)",
			 req);
		return why;
	}
	if (keys_bind(code, r) < 0)
		return "too many keys bound";
	snprintf(text, sizeof(text), "bind %s %s", key, req);
	keep_line(c, text, where);
	return NULL;
}

/* One line, without its newline: NULL, or what is wrong. */
static const char *read_line(struct config *c, char *line, const char *where,
			     char *why, size_t whylen)
{
	char *p = line + strspn(line, " \t"), *word, *end;
	int quoted;

	if (!br_text_valid(line, strlen(line)))
		return "not UTF-8 text";
	if (!*p || *p == '#')
		return NULL;
	/* A comment after a blank, outside double quotes, ends the line. */
	for (end = p, quoted = 0; *end; end++) {
		if (*end == '"')
			quoted = !quoted;
		else if (!quoted && *end == '#' &&
			 (end[-1] == ' ' || end[-1] == '\t')) {
			*end = '\0';
			break;
		}
	}
	end = p + strlen(p);
	while (end > p &&
	       (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	word = p;
	p += strcspn(p, " \t");
	if (*p)
		*p++ = '\0';
	p += strspn(p, " \t");
	if (!strcmp(word, "set"))
		return set_line(c, p, where, why, whylen);
	if (!strcmp(word, "color"))
		return color_line(c, p, where, why, whylen);
	if (!strcmp(word, "bind"))
		return bind_line(c, p, where, why, whylen);
	snprintf(why, whylen, "unknown command '%.40s' (set, color, bind)",
		 word);
	return why;
}

static int read_file(struct config *c, FILE *f)
{
	char line[LINE_MAX_BYTES + 2], where[1100], why[1200];
	int n = 0, too_long = 0;

	while (fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);
		const char *bad;

		if (too_long) { /* the rest of a long line */
			too_long = len && line[len - 1] != '\n';
			continue;
		}
		n++;
		snprintf(where, sizeof(where), "%s:%d", c->path, n);
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		else if (len > LINE_MAX_BYTES) {
			too_long = 1;
			report_warn("%s: the line is too long (at most %d "
				    "bytes); skipped",
				    where, LINE_MAX_BYTES);
			continue;
		}
		if (memchr(line, '\0', len) || strlen(line) != len)
			bad = "a NUL byte";
		else
			bad = read_line(c, line, where, why, sizeof(why));
		if (bad)
			report_warn("%s: %s; the line is skipped", where, bad);
	}
	return ferror(f) ? -1 : 0;
}

static void over(struct config_value *v, const char *option, const char *name)
{
	char source[64];

	if (!option)
		return;
	snprintf(source, sizeof(source), "option --%s", name);
	set_value(v, option, source);
}

int config_load(struct config *c, const struct opt_raw *r)
{
	FILE *f = NULL;

	memset(c, 0, sizeof(*c));
	set_value(&c->lang, "", "default");
	set_value(&c->zone, "", "default");
	set_value(&c->ruler, "crisis", "default");
	set_value(&c->db, "", "default");
	if (choose(c, r) && !(f = fopen(c->path, "r"))) {
		if (r->config)
			return report_fail("%s: %s", c->path, strerror(errno));
		if (errno != ENOENT || getenv("BOARDROOM_CONFIG"))
			report_warn("%s: %s; no config file read", c->path,
				    strerror(errno));
		c->path[0] = '\0';
	}
	if (f) {
		if (read_file(c, f) < 0)
			report_warn("%s: %s; the rest is not read", c->path,
				    strerror(errno));
		fclose(f);
	}
	over(&c->lang, r->lang, "lang");
	over(&c->zone, r->tz, "tz");
	over(&c->db, r->db, "db");
	c->ruler_all = !strcmp(c->ruler.value, "all");
	return 0;
}

static void print_value(FILE *f, const char *name, const struct config_value *v,
			const char *dflt)
{
	if (v->value[0])
		fprintf(f, "set %s = %s\t# %s\n", name, v->value, v->source);
	else
		fprintf(f, "# set %s: %s\t# default\n", name, dflt);
}

int config_print(const struct config *c, FILE *f)
{
	char path[1024];
	int i;

	if (c->path[0])
		fprintf(f, "# config file: %s (%s)\n", c->path, c->path_source);
	else
		fprintf(f, "# config file: none (%s)\n",
			c->path_source[0] ? c->path_source : "none found");
	print_value(f, "lang", &c->lang, "en");
	print_value(f, "zone", &c->zone, "the dataset's own (PT)");
	print_value(f, "ruler", &c->ruler, "crisis");
	print_value(f, "db", &c->db, "the bundled dataset");
	for (i = 0; i < c->n_lines; i++)
		fprintf(f, "%s\t# %s\n", c->lines[i].text, c->lines[i].source);
	if (br_notes_default_path(path, sizeof(path)) == 0)
		fprintf(f, "# user database: %s (%s)\n", path,
			getenv("BOARDROOM_USER_DB") &&
					getenv("BOARDROOM_USER_DB")[0]
				? "environment BOARDROOM_USER_DB"
				: "default");
	return fflush(f) != 0 || ferror(f) ? 1 : 0;
}
