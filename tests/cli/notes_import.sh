#!/usr/bin/env bash
# Notes that travel: notes --format json from one user database read into
# another with notes import, merged by each mark's identity; twice
# changes nothing; a conflicting note is merged without doubling the text
# both share; a bad file is refused whole, naming the file and where.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
export XDG_CONFIG_HOME="$work/none"
a="$work/a.db" b="$work/b.db"

as() { local db=$1; shift; BOARDROOM_USER_DB=$db "$BOARDROOM" "$@"; }
note_of() { # DB MARKER: the note of that mark
	as "$1" notes --format json | python3 -c '
import json, sys
print(next(m["note"] for m in json.load(sys.stdin) if m["marker"] == sys.argv[1]), end="")' "$2"
}

# Three marks in a, one with a note of two lines.
cat >"$work/mark.keys" <<'K'
keys m j m j j
keys a
type first line
keys Enter
type shared line
keys Escape
K
as "$a" replay "$work/mark.keys" >/dev/null
as "$a" notes --format json >"$work/a.json"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/a.json")
[ "$n" -eq 3 ]
ok $? "three marks exported from a ($n)"
python3 -c '
import json, sys
for m in json.load(open(sys.argv[1])):
    assert m["dataset"] and m["title_en"] and m["at"].endswith("Z"), m' "$work/a.json"
ok $? "each with its dataset, English title and instant"

as "$b" notes import "$work/a.json" >"$work/out" 2>"$work/err"
ok $? "notes import into b"
grep -qx '3 added, 0 merged, 0 unchanged' "$work/out"
ok $? "3 added: $(cat "$work/out")"
as "$a" notes >"$work/a.txt"
as "$b" notes >"$work/b.txt"
cmp -s "$work/a.txt" "$work/b.txt"
ok $? "b lists what a lists"
as "$b" notes import "$work/a.json" >"$work/out"
grep -qx '0 added, 0 merged, 3 unchanged' "$work/out"
ok $? "importing twice changes nothing: $(cat "$work/out")"
as "$b" notes import --format json - <"$work/a.json" |
	python3 -c 'import json,sys; assert json.load(sys.stdin) == {"added": 0, "merged": 0, "unchanged": 3}'
ok $? "standard input, and the counts as JSON"

# A conflict: b's note and a's both changed from one text.
marker=$(python3 -c '
import json, sys
print(next(m["marker"] for m in json.load(open(sys.argv[1])) if m["note"]))' "$work/a.json")
python3 - "$work/a.json" "$work/mine.json" "$work/theirs.json" <<'PY'
import json, sys
marks = json.load(open(sys.argv[1]))
m = next(m for m in marks if m["note"])
json.dump([dict(m, note="b's start\nshared line\nlast")], open(sys.argv[2], "w"))
json.dump([dict(m, note="a's start\nshared line\nlast\na's end")], open(sys.argv[3], "w"))
PY
c="$work/c.db"
as "$c" notes import "$work/mine.json" >/dev/null
as "$c" notes import "$work/theirs.json" >"$work/out"
grep -qx '0 added, 1 merged, 0 unchanged' "$work/out"
ok $? "a different note is merged: $(cat "$work/out")"
note_of "$c" "$marker" >"$work/note"
[ "$(grep -c 'shared line' "$work/note")" -eq 1 ] &&
	[ "$(grep -c '^last$' "$work/note")" -eq 1 ] &&
	grep -q "b's start" "$work/note" && grep -q "a's start" "$work/note" &&
	grep -q "a's end" "$work/note"
ok $? "both sides kept, the shared text once"
{ cat "$work/note"; echo; } | sed 's/^/# /'
as "$c" notes import "$work/theirs.json" | grep -qx '0 added, 0 merged, 1 unchanged' &&
	as "$c" notes import "$work/mine.json" | grep -qx '0 added, 0 merged, 1 unchanged'
ok $? "the merge holds both: importing either again changes nothing"

# Bad files: one line naming the file and where; nothing written.
cp "$b" "$work/b.before"
fails_import() { # WHAT FILE
	as "$b" notes import "$2" >"$work/out" 2>"$work/err"
	local rc=$?
	[ $rc -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && [ ! -s "$work/out" ] &&
		grep -qF -- "$1" "$work/err"
	ok $? "refused: $(cat "$work/err")"
}
printf '[\n {"marker": "x",\n  "at": }]' >"$work/broken.json"
fails_import "broken.json: not valid JSON at line 3, column 9 (byte 28)" "$work/broken.json"
printf '{"marker": "x"}' >"$work/object.json"
fails_import "object.json: not an array of marks" "$work/object.json"
fails_import "missing.json: No such file" "$work/missing.json"
python3 - "$work/a.json" "$work/half.json" <<'PY'
import json, sys
marks = json.load(open(sys.argv[1]))
marks[0]["note"] = "a new note that must not land"
marks.append({"marker": "x", "at": "yesterday", "note": ""})
json.dump(marks, open(sys.argv[2], "w"))
PY
fails_import "half.json: mark 4: 'at' is not an ISO 8601 UTC time" "$work/half.json"
as "$b" notes >"$work/b.after"
cmp -s "$work/b.txt" "$work/b.after"
ok $? "all or nothing: the good marks before the bad one are not written"
"$BOARDROOM" gen --events 5 --people 5 --into "$work/gen.db" >/dev/null 2>&1
BOARDROOM_USER_DB=$b "$BOARDROOM" notes import "$work/a.json" --db "$work/gen.db" \
	>"$work/out" 2>"$work/err"
[ $? -eq 2 ] && grep -q "mark 1 is on another dataset" "$work/err"
ok $? "marks of another dataset are refused: $(cat "$work/err")"
fails "notes takes no argument but 'import FILE'" notes frobnicate

done_testing
