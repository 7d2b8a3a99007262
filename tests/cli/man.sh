#!/usr/bin/env bash
# The man page: mandoc -Tlint finds nothing, its date is a date, and it has
# every command of boardroom --help, every option of each COMMAND --help,
# every variable the program reads and the sections a man page has. (Its
# KEYS against the key table: test_app.)
set -u
. "$(dirname "$0")/../lib.sh"

page="$SOURCE_ROOT/doc/boardroom.1"
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

if command -v mandoc >/dev/null; then
	mandoc -Tlint -W all "$page" >"$work/lint" 2>&1
	ok $? "mandoc -Tlint is clean"
	sed 's/^/# /' "$work/lint"
else
	ok 1 "mandoc -Tlint: mandoc is not installed (tools/dev deps)"
fi

python3 - "$page" <<'PY'
import datetime, re, sys
th = open(sys.argv[1], encoding="utf-8").readline()
date = re.match(r'\.TH \S+ \S+ "([^"]+)"', th).group(1)
for fmt in ("%B %d, %Y", "%Y-%m-%d"):
    try:
        datetime.datetime.strptime(date, fmt)
        break
    except ValueError:
        pass
else:
    sys.exit(f"not a date: {date}")
PY
ok $? ".TH has a real date"

# The page as text: roff's \- is a plain hyphen there.
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page" >"$work/page"
"$BOARDROOM" --help >"$work/help"
commands=$(sed -n '/^Commands:/,/^$/p' "$work/help" | awk 'NF > 1 { print $1 }')
[ "$(echo "$commands" | wc -w)" -ge 9 ]
ok $? "--help lists the commands: $(echo $commands)"
missing=
for c in $commands; do
	grep -qE "^\.B boardroom $c( |$)" "$work/page" || missing="$missing $c"
done
[ -z "$missing" ]
ok $? "SYNOPSIS has every command${missing:+ (missing:$missing)}"
missing=
for c in $commands; do
	grep -qE "^\.B $c( |$)" "$work/page" || missing="$missing $c"
done
[ -z "$missing" ]
ok $? "COMMANDS describes every command${missing:+ (missing:$missing)}"
for c in '' $commands; do
	"$BOARDROOM" $c --help
done | grep -oE '^  --[a-z-]+' | sort -u >"$work/options"
[ "$(wc -l <"$work/options")" -ge 25 ]
ok $? "the commands' help lists $(wc -l <"$work/options") options"
missing=
while read -r o; do
	grep -qE -- "^\.[A-Z]+ $o( |\$)" "$work/page" ||
		grep -qE -- "^\.[A-Z]+ .*\"?$o\"?( |\$)" "$work/page" ||
		missing="$missing $o"
done <"$work/options"
[ -z "$missing" ]
ok $? "the page has every option${missing:+ (missing:$missing)}"
missing=
for v in LANG LC_ALL LC_CTYPE TERM TZ NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME \
	BOARDROOM_USER_DB BOARDROOM_CONFIG HOME; do
	sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$work/page" | grep -qw "$v" ||
		missing="$missing $v"
done
[ -z "$missing" ]
ok $? "ENVIRONMENT names every variable${missing:+ (missing:$missing)}"
missing=
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS MOUSE 'NOTE EDITOR' \
	'CONFIG FILE' 'EXIT STATUS' ENVIRONMENT FILES; do
	grep -qx "\.SH $s" "$work/page" || missing="$missing '$s'"
done
[ -z "$missing" ]
ok $? "the sections are there${missing:+ (missing:$missing)}"
# EXIT STATUS has the statuses of the README's table.
for n in 0 1 2; do
	grep -q "^| $n |" "$SOURCE_ROOT/README.md" &&
		sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$work/page" | grep -qx "\.B $n"
	ok $? "EXIT STATUS and the README both have status $n"
done

done_testing
