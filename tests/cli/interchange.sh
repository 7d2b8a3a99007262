#!/usr/bin/env bash
# The interchange format: the bundled dataset exported and imported again
# answers every command as the bundled dataset does, byte for byte; the
# export validates against doc/dataset.schema.json, and so does the
# hand-written example timeline.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
schema=$SOURCE_ROOT/doc/dataset.schema.json
example=$SOURCE_ROOT/doc/example-timeline.json

"$BOARDROOM" export >"$work/ds.json"
ok $? "export writes the bundled dataset"
"$BOARDROOM" import --into "$work/rt.db" "$work/ds.json" >"$work/import.out"
ok $? "import reads the export into a new database"
"$BOARDROOM" export --db "$work/rt.db" >"$work/ds2.json"
cmp -s "$work/ds.json" "$work/ds2.json"
ok $? "the imported database exports the same document"

# Every command of the round trip, one a line: its arguments after
# 'boardroom'. Each is run on the bundled dataset and on the imported
# one; the outputs must be the same bytes.
commands() {
	local f at
	for f in text json csv md ics timelinejs; do
		echo "events --format $f"
		echo "events --format $f --lang zh"
	done
	for f in text json csv md; do
		echo "people --format $f"
		echo "split --format $f"
	done
	echo "people --lang zh"
	echo "events --faction for-return"
	echo "events --faction safety --format json"
	echo "events --person altman --format csv"
	echo "events --search board"
	echo "goto T+48"
	echo "goto Nov 19 5pm"
	echo "goto --format json 2023-11-21"
	for f in text json md; do
		echo "compare --from T-1h --to T+107h --format $f"
		echo "compare --from T-1h --to T+107h --format $f --lang zh"
	done
	echo "lanes"
	echo "lanes --stance --lang zh --width 120"
	echo "lanes --format svg"
	# split at every event's instant (and people there).
	"$BOARDROOM" events --format json |
		jq -r '.[].at | sub("Z$"; "") | sub("T"; " ")' | sort -u |
		while read -r at; do
			echo "split --tz UTC --at $at"
			echo "split --tz UTC --format json --at $at"
			echo "people --tz UTC --at $at"
		done
}

n=0 bad=0
while read -r line; do
	# shellcheck disable=SC2086 # the line is the arguments, word split
	"$BOARDROOM" $line >"$work/a" 2>&1
	a=$?
	# shellcheck disable=SC2086
	"$BOARDROOM" $line --db "$work/rt.db" >"$work/b" 2>&1
	b=$?
	n=$((n + 1))
	if [ $a != $b ] || ! cmp -s "$work/a" "$work/b"; then
		bad=$((bad + 1))
		[ $bad -le 3 ] && diag "differs: boardroom $line" \
			"$(diff "$work/a" "$work/b" | head -5)"
	fi
done < <(if [ -n "${BOARDROOM_WRAP:-}" ]; then
	# Under a wrapper (valgrind), every eighth: each run is slow there.
	commands | awk 'NR % 8 == 1'
else
	commands
fi)
least=150
[ -n "${BOARDROOM_WRAP:-}" ] && least=20
[ $n -gt $least ] && [ $bad = 0 ]
ok $? "$n commands answer the same on the bundled and the imported dataset"

# The user's notes are filed under the dataset's identity and each
# event's mark: the export names both, and the imported dataset has the
# same identity, so notes made on one are found on the other.
jq -e '.meta.identity | test("^[0-9a-f]{16}$")' "$work/ds.json" >/dev/null &&
	jq -e '[.events[] | select(.marker != null) | .mark == "m:" + .marker] |
		all' "$work/ds.json" >/dev/null
ok $? "the export names the notes' dataset identity and each event's mark"
id=$(jq -r .meta.identity "$work/ds.json")
printf '[{"marker":"主線#07","at":"2023-11-18T00:00:00Z","note":"kept","dataset":"%s"}]\n' \
	"$id" >"$work/marks.json"
BOARDROOM_USER_DB=$work/user.db "$BOARDROOM" notes import "$work/marks.json" \
	>/dev/null &&
	BOARDROOM_USER_DB=$work/user.db "$BOARDROOM" notes --db "$work/rt.db" \
		>"$work/notes.out" 2>&1
grep -q kept "$work/notes.out"
ok $? "a note made on the bundled dataset is found on the imported one"

# JSON Schema: the export and the example validate; a broken one not.
validate() { # SCHEMA FILE
	python3 - "$1" "$2" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
doc = json.load(open(sys.argv[2], encoding="utf-8"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
for e in errors[:3]:
    print("/" + "/".join(map(str, e.absolute_path)), e.message)
sys.exit(1 if errors else 0)
PY
}
if python3 -c 'import jsonschema' 2>/dev/null; then
	validate "$schema" "$work/ds.json"
	ok $? "the export validates against doc/dataset.schema.json"
	validate "$schema" "$example"
	ok $? "the example timeline validates against the schema"
	jq '.version = 2 | .events[0].kind = "sideline"' "$work/ds.json" \
		>"$work/bad.json"
	! validate "$schema" "$work/bad.json" >/dev/null
	ok $? "the schema refuses another version and an unknown kind"
	jq -e --slurpfile s "$schema" \
		'.version as $v | $s[0]["$id"] | test("/v" + ($v | tostring) + "/")' \
		"$work/ds.json" >/dev/null
	ok $? "the schema's \$id names the document's version"
else
	for i in 1 2 3 4; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP python3-jsonschema is not installed"
	done
fi

# The example timeline imports, checks clean and has a split.
"$BOARDROOM" import --into "$work/ex.db" "$example" >/dev/null
ok $? "the example timeline imports"
"$BOARDROOM" check "$example" && "$BOARDROOM" check "$work/ex.db"
ok $? "check finds no problem in the example, as a file or a database"
"$BOARDROOM" split --db "$work/ex.db" >"$work/ex-split" 2>&1
grep -q "CEO" "$work/ex-split" && ! grep -q "No side" "$work/ex-split"
ok $? "the example's split has a CEO and its sides"
"$BOARDROOM" check
ok $? "check finds no problem in the bundled dataset"
"$BOARDROOM" check "$work/ds.json"
ok $? "check finds no problem in its export"

# A generated timeline (shared aliases, stance changes without an event:
# what import keeps and check names) round-trips too.
"$BOARDROOM" gen --events 3000 --people 400 --into "$work/gen.db" &&
	"$BOARDROOM" export --db "$work/gen.db" >"$work/gen.json" &&
	"$BOARDROOM" import --into "$work/gen2.db" "$work/gen.json" >/dev/null &&
	"$BOARDROOM" export --db "$work/gen2.db" | tail -n +5 |
	cmp -s - <(tail -n +5 "$work/gen.json")
ok $? "a generated timeline exports, imports and exports the same records"
same=0
for line in "events --format json" "people --format csv" \
	"split --at 2019-06-01" "split --format json --at 2019-07-01" \
	"events --search tal --limit 40"; do
	# shellcheck disable=SC2086
	cmp -s <("$BOARDROOM" $line --db "$work/gen.db" 2>&1) \
		<("$BOARDROOM" $line --db "$work/gen2.db" 2>&1) && same=$((same + 1))
done
[ $same = 5 ]
ok $? "and answers the same ($same of 5 commands)"
"$BOARDROOM" check "$work/gen.db" >"$work/gen.check"
[ $? = 2 ] && grep -q ": stance [0-9]*: a stance change with no event" "$work/gen.check"
ok $? "check names the generated timeline's stance changes without an event"

# check on broken files: one problem each, named by its JSON pointer.
broken=$SOURCE_ROOT/tests/interchange/broken
nb=0 badb=0
while IFS=$'\t' read -r file want; do
	case $file in '#'* | '') continue ;; esac
	nb=$((nb + 1))
	"$BOARDROOM" check "$broken/$file" >"$work/check.out" 2>&1
	rc=$?
	if [ $rc != 2 ] || [ "$(wc -l <"$work/check.out")" != 1 ] ||
		! grep -qF "$broken/$file: $want" "$work/check.out"; then
		badb=$((badb + 1))
		diag "check $file (exit $rc):" "$(head -3 "$work/check.out")"
	fi
done <"$broken/expected.tsv"
[ $nb -ge 10 ] && [ $badb = 0 ]
ok $? "check names the one problem of each of $nb broken files, by pointer"
"$BOARDROOM" import --into "$work/broken.db" "$broken/two-ceos.json" \
	>/dev/null 2>&1 &&
	"$BOARDROOM" check "$work/broken.db" >"$work/check.db" 2>&1
[ $? = 2 ] && grep -qx "$work/broken.db: role 3: two CEOs at once: quell and okafor hold the chief's role over the same time" "$work/check.db" &&
	[ "$(wc -l <"$work/check.db")" = 1 ]
ok $? "check on a database names the problem by table and id"
"$BOARDROOM" import --into "$work/bt.db" "$broken/bad-time.json" \
	>/dev/null 2>"$work/bt.err"
[ $? = 2 ] && grep -qF "$broken/bad-time.json: /events/0/start: '2031-03-03 09:00' is not an ISO 8601 time" "$work/bt.err" &&
	[ ! -e "$work/bt.db" ]
ok $? "import names the file and the JSON pointer, and makes no database"
"$BOARDROOM" import --into "$work/twice.db" "$example" "$example" \
	>/dev/null 2>"$work/twice.err"
[ $? = 2 ] && grep -q "imported into a new database" "$work/twice.err"
ok $? "a dataset document goes into a new database only"

python3 "$SOURCE_ROOT/tests/interchange/mutate.py" "$example" "$work" \
	>"$work/mutate.out"
ok $? "wrong values anywhere: $(tail -1 "$work/mutate.out"), no crash, one line each"

# An article's people from a cast: linked, the names that are no one left
# out, and with --create-people the rest made, unreviewed.
seed=$SOURCE_ROOT/../shared/seed/000_a158676674442f4b.txt
cast=$SOURCE_ROOT/tests/interchange/cast.csv
"$BOARDROOM" import --into "$work/a0.db" "$seed" --format json \
	>"$work/a0.json" &&
	"$BOARDROOM" import --into "$work/a1.db" --people "$cast" "$seed" \
		--format json >"$work/a1.json"
ok $? "the seed article imports with and without a cast"
jq -e '.files[0].people | .linked == 0 and (.unknown | index("Google Meet"))' \
	"$work/a0.json" >/dev/null &&
	jq -e '.files[0].people | .linked > 60 and .cast == 5 and
		.not_people == 7 and (.unknown | index("Alex Cohen")) and
		([.unknown[] | select(test("Meet|Teams|Slack|Fuck|Nothing|Information|^Sam|^Mira|^Ilya|^Greg"))] == [])' \
		"$work/a1.json" >/dev/null
ok $? "the cast links the article's people; not_people leaves products and phrases out"
"$BOARDROOM" events --db "$work/a1.db" --person Mira --format json |
	jq -e 'length > 3' >/dev/null
ok $? "a cast alias (Mira) finds the events it linked"
"$BOARDROOM" import --into "$work/a2.db" --people "$cast" --create-people \
	"$seed" --format json >"$work/a2.json" &&
	jq -e '.files[0].people | .unknown == [] and .created == 13' \
		"$work/a2.json" >/dev/null &&
	[ "$(sqlite3 "$work/a2.db" 'SELECT count(*) FROM person WHERE unreviewed')" = 13 ] &&
	"$BOARDROOM" events --db "$work/a2.db" --person "Alex Cohen" | grep -q 花絮4 &&
	"$BOARDROOM" export --db "$work/a2.db" |
	jq -e '[.people[] | select(.unreviewed)] | length == 13' >/dev/null
ok $? "--create-people makes the rest, unreviewed, and links them"
"$BOARDROOM" import --into "$work/a3.db" --people "$work/ds.json" "$seed" \
	--format json >"$work/a3.json" &&
	jq -e '.files[0].people | .cast == 40 and .linked > 100' \
		"$work/a3.json" >/dev/null
ok $? "a dataset document is a cast too (its people)"
printf 'name,kind\nSomeone,robot\n' >"$work/badcast.csv"
"$BOARDROOM" import --into "$work/a4.db" --people "$work/badcast.csv" "$seed" \
	>/dev/null 2>"$work/a4.err"
[ $? = 2 ] && grep -qF "$work/badcast.csv: line 2: kind 'robot'" "$work/a4.err" &&
	[ ! -e "$work/a4.db" ]
ok $? "a wrong cast names its file and line, and nothing is made"

# Completion knows the new commands and options.
"$BOARDROOM" completion bash >"$work/comp.bash"
comp() { # WORDS...: the candidates, one a line
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_boardroom; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' _ "$work/comp.bash" "$@"
}
comp "$BOARDROOM" "" | grep -qx export && comp "$BOARDROOM" "" | grep -qx check &&
	[ "$(comp "$BOARDROOM" export --format "" | tr '\n' ' ')" = "json " ] &&
	comp "$BOARDROOM" import --c | grep -qx -- --create-people &&
	(cd "$SOURCE_ROOT/tests/interchange" && comp "$BOARDROOM" import --people ca | grep -qx cast.csv) &&
	(cd "$SOURCE_ROOT/doc" && comp "$BOARDROOM" check exa | grep -qx example-timeline.json)
ok $? "bash completion: export, check, --people FILE, --create-people"
"$BOARDROOM" completion zsh | grep -q "'--create-people\[" 
ok $? "zsh completion has --create-people"

# A database of schema 3 (before person.unreviewed) is still read, and
# upgraded when written to.
cp "$work/ex.db" "$work/v3.db"
sqlite3 "$work/v3.db" "ALTER TABLE person DROP COLUMN unreviewed;
	PRAGMA user_version = 3"
"$BOARDROOM" people --db "$work/v3.db" >"$work/v3.people" &&
	"$BOARDROOM" people --db "$work/ex.db" | cmp -s - "$work/v3.people" &&
	[ "$(sqlite3 "$work/v3.db" 'PRAGMA user_version')" = 3 ]
ok $? "a schema 3 database is read as it is, unchanged"
printf 'name,kind\nNobody Yet,person\n' >"$work/cast.csv"
"$BOARDROOM" import --into "$work/v3.db" --people "$work/cast.csv" \
	"$SOURCE_ROOT/tests/interchange/article-tiny.txt" >/dev/null &&
	[ "$(sqlite3 "$work/v3.db" 'PRAGMA user_version')" = 4 ]
ok $? "a schema 3 database written to is upgraded to schema 4"

done_testing
