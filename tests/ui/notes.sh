#!/usr/bin/env bash
# Bookmarks and notes in the explorer, driven in tmux: marking, jumping,
# writing a note, and that nothing is lost or mixed up on the way.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'cleanup_tmux; rm -rf "$work"' EXIT
db=$work/data/user.db
U="BOARDROOM_USER_DB=$db"

# The row of the list that shows TEXT.
row_of() { screen | grep -F "● " | grep -F -- "$1" | head -1; }

# goto WHEN: types ":WHEN" and Enter.
goto() {
	keys :
	wait_for "Go to:" 5 >/dev/null
	type_text "$1"
	keys Enter
}

notes_list() { BOARDROOM_USER_DB=$db "$BOARDROOM" notes "$@"; }

# ---- Marking and jumping
start 200 30 "$U"
expect "Sutskever texts Altman" "the explorer opens on the first main-line event"
keys m
expect "bookmarked" "m bookmarks the selected event"
row=$(row_of "Sutskever texts Altman")
case "$row" in ★*) ok 0 "the row shows the mark: $row" ;;
*) ok 1 "the row shows the mark: $row" ;; esac
expect "★ Bookmarked" "the detail pane shows the bookmark"
[ -f "$db" ]
ok $? "the user database is made, with its directory"
keys j j
expect "Board fires Altman on a Google Meet call" "j j moves to 主線#02"
keys m
expect "bookmarked" "a second bookmark"
keys g
expect " 1/51" "g goes to the first event"
keys "'"
expect "13/51" "' jumps to the next bookmark"
keys "'"
expect "15/51" "' again to the one after"
keys "'"
expect "bookmarks wrapped around" "' wraps around at the end"
expect "13/51" "to the first bookmark"
keys '"'
expect "15/51" "\" jumps to the previous bookmark, wrapping"
keys '"'
expect "13/51" "\" again goes back"
keys f
expect "kind: main" "a filter: the main line only"
keys "'"
expect "Board fires Altman" "' jumps under the filter"
keys f f f
wait_gone "kind:" 5

# ---- A note in Chinese and English, on two lines
goto "主線#02"
expect "Board fires Altman on a Google Meet call" "go to 主線#02"
keys a
expect "boardroom · Note" "a opens the note editor"
type_text "董事会 fired him"
keys Enter
type_text "second line"
expect "second line" "typing shows in the editor"
keys BSpace BSpace BSpace BSpace
type_text "LINE"
expect "second LINE" "Backspace deletes"
keys Escape
expect "note saved" "Esc saves the note"
expect "董事会 fired him" "the note shows in the detail pane"
expect "second LINE" "with its second line"
notes_list >"$work/out"
grep -qF "董事会 fired him" "$work/out" && grep -qF "second LINE" "$work/out"
ok $? "boardroom notes lists the note"
grep -q "主線#01.*Sutskever texts Altman" "$work/out" &&
	grep -q "主線#02.*Board fires Altman" "$work/out"
ok $? "and both marks, with marker and title"
[ "$(grep -n 主線 "$work/out" | head -1 | cut -d: -f1)" = 1 ] &&
	grep -n "主線#01" "$work/out" | grep -q "^1:"
ok $? "in time order"
notes_list --format json --lang zh --tz Beijing >"$work/json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); \
assert d[1]["note"]=="董事会 fired him\nsecond LINE"; \
assert d[1]["title"].startswith("董事会"); assert "日" in d[1]["time"]' \
	"$work/json"
ok $? "notes --format json, --lang zh, --tz Beijing"
notes_list --format csv | head -1 | grep -q "^marker,at,time,title,note"
ok $? "notes --format csv has a header"
notes_list --format md | grep -qF "| 主線#02 |"
ok $? "notes --format md"

# ---- Quitting and starting again keeps them
keys q
expect "EXITED=0" "q quits"
start 200 30 "$U"
expect "Sutskever texts Altman" "the explorer starts again"
row=$(row_of "Sutskever texts Altman")
case "$row" in ★*) ok 0 "the mark is still there" ;;
*) ok 1 "the mark is still there: $row" ;; esac
goto "主線#02"
expect "董事会 fired him" "and the note"

# ---- An empty note removes it, a note marks an unmarked event
keys a
expect "boardroom · Note" "a opens the editor on the note"
for _ in $(seq 30); do keys BSpace; done
wait_gone "fired him" 5
keys C-s
expect "note removed" "Ctrl-S saves; an empty note is removed"
notes_list | grep -qF "fired him"
[ $? -ne 0 ]
ok $? "and it is gone from the list"
goto "主線#03"
keys a
expect "boardroom · Note" "a opens the editor on an unmarked event"
type_text "third"
keys C-s
expect "note saved" "a note on an unmarked event"
notes_list | grep -q "主線#03"
ok $? "marks it"

# ---- kill -9 right after saving loses nothing
keys a
expect "boardroom · Note" "the editor opens on it"
type_text " survives"
keys C-s
# Saved means in the database: wait for that, not for a status line that
# may still show the previous save.
for _ in $(seq 100); do
	notes_list | grep -qF "third survives" && break
	sleep 0.2
done
expect "note saved" "a note saved"
# The explorer and anything between it and the pane's shell (a wrapper
# such as valgrind's), deepest first.
descendants() {
	local c
	for c in $(pgrep -P "$1"); do
		descendants "$c"
		echo "$c"
	done
}
pane=$(tmux -L "$TMUX_SOCK" display -p -t t '#{pane_pid}')
pids=$(descendants "$pane")
[ -n "$pids" ] && kill -9 $pids
ok $? "the explorer is killed with SIGKILL (pids $(echo $pids))"
# The shell's "Killed" line may wrap the exit status: read joined lines.
died=1
for _ in $(seq 1 $((50 * WAIT_SCALE))); do
	tmux -L "$TMUX_SOCK" capture-pane -p -J -t t | tr -d '\n' |
		grep -qF "EXITED=137" && died=0 && break
	sleep 0.1
done
ok $died "it died"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
ok $? "the user database passes integrity_check"
notes_list | grep -qF "third survives"
ok $? "the note is still listed"

# ---- Two explorers editing the same note
start 200 30 "$U"
expect "Sutskever texts Altman" "explorer A starts"
tmux -L "$TMUX_SOCK" new-session -d -s u -x 120 -y 30 "env TZ=UTC \
LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $U $BOARDROOM; \
echo EXITED=\$?; sleep 30"
keys_b() { tmux -L "$TMUX_SOCK" send-keys -t u "$@"; }
screen_b() { tmux -L "$TMUX_SOCK" capture-pane -p -t u; }
wait_b() {
	local deadline=$((SECONDS + 10 * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		screen_b | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
wait_b "Sutskever texts Altman"
ok $? "explorer B starts"
goto "主線#03"
keys a
# The editor's title, not the note: at 200 columns the side pane shows
# the note before the editor opens.
expect "boardroom · Note" "A edits the note"
expect "third survives" "A's editor holds the note"
keys_b : && wait_b "Go to:" && keys_b -l "主線#03" && keys_b Enter
keys_b a
wait_b "boardroom · Note"
ok $? "B edits the same note"
type_text " from A"
keys Escape
expect "note saved" "A saves first"
keys_b -l " from B"
keys_b Escape
wait_b "changed elsewhere"
ok $? "B is told the note changed elsewhere"
notes_list --format json >"$work/json"
python3 -c 'import json,sys; n=[m["note"] for m in json.load(open(sys.argv[1])) \
if m["marker"]=="主線#03"][0]; \
assert n=="third survives from A from B", n' \
	"$work/json"
ok $? "both edits are merged: the shared text once, A's words, then B's"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
ok $? "the user database is not corrupted"

# ---- The two explorers adding a word each to the note, in turns: each
# opens the note before the other saves, so that every save of B's is
# from the version before A's.
wait_b_gone() {
	local deadline=$((SECONDS + 10 * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		screen_b | grep -qF -- "$1" || return 0
		sleep 0.1
	done
	return 1
}
note_now() {
	notes_list --format json | python3 -c 'import json,sys
print([m["note"] for m in json.load(sys.stdin) if m["marker"]=="主線#03"][0])'
}
# wait_note TEXT: until the saved note ends with TEXT.
wait_note() {
	local deadline=$((SECONDS + 10 * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		case "$(note_now)" in *"$1") return 0 ;; esac
		sleep 0.2
	done
	return 1
}
want="third survives from A from B"
turns=0
for i in 1 2 3 4 5 6; do
	wait_gone "boardroom · Note" 5 && wait_b_gone "boardroom · Note" &&
		keys a && wait_for "boardroom · Note" 5 &&
		keys_b a && wait_b "boardroom · Note" &&
		type_text " a$i" && wait_for " a$i" 5 && keys Escape &&
		wait_note " a$i" &&
		keys_b -l " b$i" && wait_b " b$i" && keys_b Escape &&
		wait_note " b$i" && turns=$((turns + 1))
	want="$want a$i b$i"
done
[ "$turns" = 6 ]
ok $? "six turns of a word each by two explorers ($turns done)"
now=$(note_now)
[ "$now" = "$want" ]
ok $? "the note is the text and the twelve words once (${#now} characters)"
[ "$now" = "$want" ] || diag "note: $now" "want: $want"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]
ok $? "the user database is not corrupted"
keys_b q
keys q
expect "EXITED=0" "A quits"

# ---- A user database that cannot be made
: >"$work/plain"
start 100 30 "BOARDROOM_USER_DB=$work/plain/user.db"
expect "Sutskever texts Altman" "the explorer runs without a user database"
keys m
expect "no bookmarks: cannot make the directory" "m says why, on one line"
keys a
expect "no bookmarks:" "so does a"
keys q

# ---- A user database that is a directory: said in those words
mkdir "$work/userdir"
start 200 30 "BOARDROOM_USER_DB=$work/userdir"
expect "Sutskever texts Altman" "the explorer runs with a directory for a user database"
keys m
expect "the user database is a directory" "m says it is a directory, not SQLite's disk I/O error"
keys q

# ---- A read-only user database
start 100 30 "BOARDROOM_USER_DB='file:$db?mode=ro'"
expect "Sutskever texts Altman" "the explorer runs on a read-only user database"
row=$(row_of "Sutskever texts Altman")
case "$row" in ★*) ok 0 "marks are read" ;;
*) ok 1 "marks are read: $row" ;; esac
keys m
expect "is read-only" "m says the user database is read-only"
keys q

# ---- Help lists the keys
start 100 60 "$U"
expect "Sutskever texts Altman" "the explorer starts"
keys '?'
expect "bookmark the event" "help lists m"
expect "next bookmark" "help lists '"
expect "write a note" "help lists a"
keys q

# ---- Ctrl-C in the note editor saves the note before quitting
start 100 30 "$U"
expect "Sutskever texts Altman" "the explorer starts"
keys a
expect "boardroom · Note" "the editor opens"
type_text "typed before Ctrl-C"
expect "typed before Ctrl-C" "the text is in the editor"
keys C-c
expect "EXITED=" "Ctrl-C stops the explorer"
notes_list | grep -qF "typed before Ctrl-C"
ok $? "the note is saved, not discarded"

done_testing
