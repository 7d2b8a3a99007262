#include "cli/completion.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/output.h"
#include "cli/report.h"

/* The --format values a command takes: events every one, import its
 * report's, lanes text and svg (cli/lanes.c), export json alone, the others
 * all but the formats of events alone. */
static void format_words(FILE *f, const char *cmd)
{
	enum out_format fmt;
	const char *name;
	size_t i;
	int first = 1;

	for (i = 0; (name = out_format_name(i, &fmt)); i++) {
		if (!strcmp(cmd, "import") && fmt != OUT_TEXT &&
		    fmt != OUT_JSON)
			continue;
		if (!strcmp(cmd, "export") && fmt != OUT_JSON)
			continue;
		if (strcmp(cmd, "events") &&
		    (fmt == OUT_ICS || fmt == OUT_TIMELINEJS))
			continue;
		if (!strcmp(cmd, "lanes") && fmt != OUT_TEXT)
			continue;
		if (!strcmp(cmd, "compare") && fmt == OUT_CSV)
			continue;
		fprintf(f, "%s%s", first ? "" : " ", name);
		first = 0;
	}
	if (!strcmp(cmd, "lanes"))
		fputs(" svg", f);
}

/* The options of opts as "--db --lang ...". */
static void option_words(FILE *f, unsigned opts)
{
	struct opt_info o;
	size_t i;

	for (i = 0; opt_info(i, &o); i++)
		if (opts & o.bit)
			fprintf(f, "--%s ", o.name);
	fputs("--help", f);
}

static void bash_values(FILE *f)
{
	struct opt_info o;
	size_t i;

	fputs("\tcase $prev in\n", f);
	for (i = 0; opt_info(i, &o); i++) {
		if (!o.arg)
			continue;
		fprintf(f, "\t--%s)\n", o.name);
		if (o.bit == OPT_FORMAT) {
			fputs("\t\tCOMPREPLY=($(compgen -W \"$(case $cmd in ",
			      f);
			fputs("events) echo '", f);
			format_words(f, "events");
			fputs("' ;; import) echo '", f);
			format_words(f, "import");
			fputs("' ;; lanes) echo '", f);
			format_words(f, "lanes");
			fputs("' ;; export) echo '", f);
			format_words(f, "export");
			fputs("' ;; *) echo '", f);
			format_words(f, "");
			fputs("' ;; esac)\" -- \"$cur\")) ;;\n", f);
		} else if (o.bit == OPT_TZ) {
			fprintf(f,
				"\t\tCOMPREPLY=($(compgen -W '%s' -- "
				"\"$cur\"))\n"
				"\t\t[ -n \"$cur\" ] && COMPREPLY+=($(cd "
				"\"${TZDIR:-/usr/share/zoneinfo}\" 2>/dev/null "
				"&&\n"
				"\t\t\tcompgen -f -- \"$cur\")) ;;\n",
				o.values);
		} else if (o.bit == OPT_PERSON) {
			fputs("\t\tw=$(\"${COMP_WORDS[0]}\" people --format "
			      "csv "
			      "${db:+--db \"$db\"} 2>/dev/null |\n"
			      "\t\t\tsed -n '2,$s/,.*//p')\n"
			      "\t\tlocal IFS=$'\\n'\n"
			      "\t\tCOMPREPLY=($(compgen -W \"$w\" -- "
			      "\"$cur\")) ;;\n",
			      f);
		} else if (o.values) {
			fprintf(f,
				"\t\tCOMPREPLY=($(compgen -W '%s' -- "
				"\"$cur\")) "
				";;\n",
				o.values);
		} else if (o.bit & (OPT_DB | OPT_INTO)) {
			fputs("\t\tCOMPREPLY=($(compgen -f -- \"$cur\")) ;;\n",
			      f);
		} else if (o.bit == OPT_PEOPLE) { /* import: a cast file */
			fputs("\t\t[ \"$cmd\" = import ] &&\n"
			      "\t\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
			      "\t\treturn ;;\n",
			      f);
		} else {
			fputs("\t\treturn ;;\n", f); /* free text */
		}
	}
	fputs("\tesac\n", f);
}

static void bash_script(FILE *f, const struct cli_command_info *cmds, size_t n)
{
	struct cli_command_info c;
	struct opt_info o;
	size_t i;

	fputs("# bash completion for boardroom: written by `boardroom "
	      "completion bash`\n# from its tables of commands and options.\n"
	      "_boardroom()\n{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= db= i w\n"
	      "\tlocal valued=' ",
	      f);
	for (i = 0; opt_info(i, &o); i++)
		if (o.arg)
			fprintf(f, "--%s ", o.name);
	fputs("'\n"
	      "\tCOMPREPLY=()\n"
	      "\t# --opt=value comes as three words: --opt, =, value.\n"
	      "\t[ \"$cur\" = = ] && cur=\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tw=${COMP_WORDS[i]}\n"
	      "\t\tif [ \"$w\" = = ]; then continue; fi\n"
	      "\t\tif [[ $w == -* ]]; then\n"
	      "\t\t\t[ \"$w\" = --db ] && [ \"${COMP_WORDS[i+1]}\" != = ] &&\n"
	      "\t\t\t\tdb=${COMP_WORDS[i+1]}\n"
	      "\t\t\t[ \"$w\" = --db ] && [ \"${COMP_WORDS[i+1]}\" = = ] &&\n"
	      "\t\t\t\tdb=${COMP_WORDS[i+2]}\n"
	      "\t\t\t[[ $valued == *\" $w \"* ]] && ((i++))\n"
	      "\t\t\t[ \"${COMP_WORDS[i]}\" = = ] && ((i++))\n"
	      "\t\t\tcontinue\n"
	      "\t\tfi\n"
	      "\t\t[ -z \"$cmd\" ] && cmd=$w\n"
	      "\tdone\n"
	      "\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\t[ \"$prev\" = = ] && prev=${COMP_WORDS[COMP_CWORD-2]}\n"
	      "\t[ \"${COMP_WORDS[COMP_CWORD]}\" = = ] &&\n"
	      "\t\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tif [[ $valued == *\" $prev \"* ]]; then\n",
	      f);
	bash_values(f);
	fputs("\t\treturn\n\tfi\n\tcase $cmd in\n", f);
	for (i = 0; (i < n && (c = cmds[i], 1)); i++) {
		fprintf(f, "\t%s)\n\t\tw='", c.name);
		option_words(f, c.opts);
		fputs("' ;;\n", f);
	}
	fputs("\t'')\n\t\tw='", f);
	for (i = 0; (i < n && (c = cmds[i], 1)); i++)
		if (!c.hidden)
			fprintf(f, "%s ", c.name);
	option_words(f, OPT_GLOBAL);
	fputs(" --version' ;;\n"
	      "\t*) return ;;\n"
	      "\tesac\n"
	      "\tif [ -n \"$cmd\" ] && [[ $cur != -* ]]; then\n"
	      "\t\tcase $cmd in\n"
	      "\t\timport | replay | check)\n"
	      "\t\t\tCOMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	      "\t\tcompletion) COMPREPLY=($(compgen -W 'bash zsh' -- "
	      "\"$cur\")) ;;\n"
	      "\t\tesac\n"
	      "\t\treturn\n"
	      "\tfi\n"
	      "\tCOMPREPLY=($(compgen -W \"$w\" -- \"$cur\"))\n"
	      "}\n"
	      "complete -o default -F _boardroom boardroom\n",
	      f);
}

/* s for a zsh spec in single quotes: only the first line, with ' [ ] :
 * and \ escaped. */
static void zsh_text(FILE *f, const char *s)
{
	for (; *s && *s != '\n'; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else if (strchr("[]:\\", *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

/* One _arguments spec per option of opts. */
static void zsh_specs(FILE *f, unsigned opts, const char *cmd)
{
	struct opt_info o;
	size_t i;

	for (i = 0; opt_info(i, &o); i++) {
		if (!(opts & o.bit))
			continue;
		int cast = o.bit == OPT_PEOPLE && !strcmp(cmd, "import");

		fprintf(f, " \\\n\t\t'%s--%s[", o.bit == OPT_PERSON ? "*" : "",
			o.name);
		zsh_text(f, cast ? "the cast of the articles" : o.help);
		fputc(']', f);
		if (!o.arg) {
			fputs("'", f);
			continue;
		}
		fprintf(f, ":%s:", cast ? "CAST" : o.arg);
		if (o.bit == OPT_FORMAT) {
			fputs("(", f);
			format_words(f, cmd);
			fputs(")", f);
		} else if (o.bit == OPT_TZ) {
			fprintf(f, "_boardroom_zones");
		} else if (o.bit == OPT_PERSON) {
			fputs("_boardroom_people", f);
		} else if (o.values) {
			fprintf(f, "(%s)", o.values);
		} else if (o.bit & (OPT_DB | OPT_INTO) ||
			   (o.bit == OPT_PEOPLE && !strcmp(cmd, "import"))) {
			fputs("_files", f);
		} else {
			fputs(" ", f);
		}
		fputs("'", f);
	}
	fputs(" \\\n\t\t'--help[show help]'", f);
}

static void zsh_script(FILE *f, const struct cli_command_info *cmds, size_t n)
{
	struct cli_command_info c;
	struct opt_info tz;
	size_t i;

	for (i = 0; opt_info(i, &tz) && tz.bit != OPT_TZ; i++)
		;
	fputs("#compdef boardroom\n"
	      "# zsh completion for boardroom: written by `boardroom "
	      "completion zsh`\n# from its tables of commands and options.\n"
	      "\n_boardroom_people()\n{\n"
	      "\tlocal -a db people\n\tlocal i\n"
	      "\tfor ((i = 1; i < CURRENT; i++)); do\n"
	      "\t\t[[ $words[i] == --db ]] && db=(--db \"$words[i+1]\")\n"
	      "\t\t[[ $words[i] == --db=* ]] && db=(\"$words[i]\")\n"
	      "\tdone\n"
	      "\tpeople=(${(f)\"$($_boardroom_prog people --format csv $db "
	      "2>/dev/null |\n"
	      "\t\tsed -n '2,$s/,.*//p')\"})\n"
	      "\tcompadd -a people\n}\n"
	      "\n_boardroom_zones()\n{\n",
	      f);
	fprintf(f, "\tcompadd %s\n", tz.values);
	fputs("\t_files -W \"${TZDIR:-/usr/share/zoneinfo}\"\n}\n"
	      "\n_boardroom()\n{\n"
	      "\tlocal curcontext=$curcontext state line\n"
	      "\tlocal -a commands\n"
	      "\ttypeset -g _boardroom_prog=$words[1]\n"
	      "\tcommands=(",
	      f);
	for (i = 0; (i < n && (c = cmds[i], 1)); i++) {
		if (c.hidden)
			continue;
		fprintf(f, "\n\t\t'%s:", c.name);
		zsh_text(f, c.summary);
		fputc('\'', f);
	}
	fputs("\n\t)\n\t_arguments -C", f);
	zsh_specs(f, OPT_GLOBAL, "");
	fputs(" \\\n\t\t'--version[show the version]' \\\n"
	      "\t\t'1:command:->command' '*::argument:->argument' && return\n"
	      "\tcase $state in\n"
	      "\tcommand) _describe command commands ;;\n"
	      "\targument)\n\t\tcase $words[1] in\n",
	      f);
	for (i = 0; (i < n && (c = cmds[i], 1)); i++) {
		fprintf(f, "\t\t%s)\n\t\t\t_arguments", c.name);
		zsh_specs(f, c.opts, c.name);
		if (!strcmp(c.name, "completion"))
			fputs(" \\\n\t\t'1:shell:(bash zsh)'", f);
		else if (c.args[0])
			fprintf(f, " \\\n\t\t'*:%s:_files'", c.args);
		fputs(" ;;\n", f);
	}
	fputs("\t\tesac ;;\n\tesac\n}\n\n_boardroom \"$@\"\n", f);
}

int completion_run(const struct opt_raw *r, const struct cli_command_info *cmds,
		   size_t n)
{
	const char *shell = r->n_args == 1 ? r->args[0] : NULL;

	if (r->seen)
		return report_fail("completion takes no option, only bash or "
				   "zsh");
	if (!shell || (strcmp(shell, "bash") && strcmp(shell, "zsh")))
		return report_fail("completion needs bash or zsh");
	if (!strcmp(shell, "bash"))
		bash_script(stdout, cmds, n);
	else
		zsh_script(stdout, cmds, n);
	if (fflush(stdout) != 0 || ferror(stdout))
		return out_write_failed();
	return 0;
}
