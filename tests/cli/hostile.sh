#!/usr/bin/env bash
# Hostile surroundings: databases that cannot be written or are locked,
# huge and invalid arguments, odd terminals, pipes, tiny windows, a storm
# of resizes and signals. Whatever goes wrong is said in one line on
# stderr with exit status 2, files are left as they were, and the
# terminal is given back clean.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
locker=
trap '[ -z "$locker" ] || kill "$locker" 2>/dev/null; chmod -R u+w "$work";
rm -rf "$work"; cleanup_tmux' EXIT

# The stderr of the last run is one line of valid UTF-8 text with no
# control characters (a quoted argument cannot break a terminal).
one_clean_line() {
	[ "$(wc -l <"$1")" -eq 1 ] && python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # raises on invalid UTF-8
body = text[:-1] if text.endswith("\n") else text
sys.exit(any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in body))
PY
}

# refused WHAT ARGS...: exit 2, one clean line on stderr naming WHAT,
# nothing on stdout.
refused() {
	local what=$1
	shift
	timeout 20 "$BOARDROOM" "$@" >"$work/out" 2>"$work/err" </dev/null
	local rc=$?
	if [ $rc -eq 2 ] && one_clean_line "$work/err" &&
		[ ! -s "$work/out" ] && grep -qF -- "$what" "$work/err"; then
		ok 0 "refused: $(head -c 160 "$work/err")"
	else
		ok 1 "refused: $what (exit $rc)"
		head -c 400 "$work/err" | sed 's/^/# stderr: /'
		head -3 "$work/out" | sed 's/^/# stdout: /'
	fi
}

# reads DESCRIPTION ARGS...: exit 0, output, nothing on stderr.
reads() {
	local desc=$1
	shift
	timeout 20 "$BOARDROOM" "$@" >"$work/out" 2>"$work/err" </dev/null
	local rc=$?
	if [ $rc -eq 0 ] && [ -s "$work/out" ] && [ ! -s "$work/err" ]; then
		ok 0 "$desc"
	else
		ok 1 "$desc (exit $rc)"
		head -5 "$work/err" | sed 's/^/# stderr: /'
	fi
}

# ---- Databases that cannot be written
"$BOARDROOM" gen --events 40 --people 10 --into "$work/base.db" 2>/dev/null
ok $? "a database to play with"
cp "$work/base.db" "$work/ro.db"
chmod 444 "$work/ro.db"
sum=$(md5sum <"$work/ro.db")
reads "a read-only database file reads" events --db "$work/ro.db"
reads "and its people" people --db "$work/ro.db"
[ "$sum" = "$(md5sum <"$work/ro.db")" ]
ok $? "the read-only file's bytes are unchanged"

mkdir "$work/rodir"
cp "$work/base.db" "$work/rodir/in.db"
chmod 555 "$work/rodir"
sum=$(md5sum <"$work/rodir/in.db")
reads "a database in a read-only directory reads" events \
	--db "$work/rodir/in.db"
[ "$sum" = "$(md5sum <"$work/rodir/in.db")" ] &&
	[ "$(ls -A "$work/rodir")" = "in.db" ]
ok $? "the file is unchanged and nothing was created beside it"
chmod 755 "$work/rodir"

# ---- A database locked by another writer. boardroom waits a little (2
# seconds) for the lock; if it is still held, it says so and gives up.
# lock FILE SECONDS: holds an exclusive lock on FILE for SECONDS in the
# background, and returns once it is held.
lock() {
	rm -f "$work/locked"
	python3 - "$1" "$2" "$work/locked" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("UPDATE meta SET value = value WHERE key = 'year'")
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
c.execute("ROLLBACK")
PY
	locker=$!
	local deadline=$((SECONDS + 10))
	while [ ! -e "$work/locked" ] && [ $SECONDS -lt $deadline ]; do
		sleep 0.05
	done
}
cp "$work/base.db" "$work/lock.db"
sum=$(md5sum <"$work/lock.db")
lock "$work/lock.db" 30
start=$SECONDS
refused "lock.db: the database is locked by another program" \
	events --db "$work/lock.db"
[ $((SECONDS - start)) -lt 10 ]
ok $? "a held lock is given up on after a short wait ($((SECONDS - start)) s)"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
locker=
[ "$sum" = "$(md5sum <"$work/lock.db")" ]
ok $? "the locked file is unchanged"
lock "$work/lock.db" 1
reads "a lock released within the wait: boardroom reads" events \
	--db "$work/lock.db"
wait "$locker" 2>/dev/null
locker=

# ---- Arguments of 100 KB: no argument is longer than a file name can be
# (4096 bytes); a search no longer than the filter holds.
big=$(head -c 100000 /dev/zero | tr '\0' a)
refused "argument 3 is too long (100000 bytes" events --person "$big"
refused "argument 3 is too long" events --from "$big"
refused "argument 2 is too long" goto "$big"
refused "argument 3 is too long" events --tz "$big"
refused "argument 2 is too long" events "--$big"
refused "argument 1 is too long" "$big"
refused "argument 3 is too long" events --db "$work/$big"
refused "argument 2 is too long" events "--search=$big"
refused "--search is too long (300 bytes; at most 255)" events \
	--search "$(head -c 300 /dev/zero | tr '\0' a)"
refused "unknown person 'aaaa" events --person "${big:0:4000}"
[ "$(wc -c <"$work/err")" -lt 200 ]
ok $? "a message quotes a long argument only in part"

# ---- Invalid UTF-8 in every argument; what is quoted is shown as '?'
refused "--person is not valid UTF-8 text" events --person $'\xff\xfe'
refused "--search is not valid UTF-8 text" events --search $'\xc3'
refused "the WHEN of goto is not valid UTF-8 text" goto $'\xe4\xb8'
refused "--from is not valid UTF-8 text" events --from $'Nov 19 \xe4'
refused "--tz is not valid UTF-8 text" events --tz $'\xff'
refused "--lang is not valid UTF-8 text" events --lang $'\xff'
refused "--kind is not valid UTF-8 text" events --kind $'main,\xff'
refused "--faction is not valid UTF-8 text" events --faction $'\xc0\xaf'
refused "--at is not valid UTF-8 text" split --at $'\xed\xa0\x80'
refused "unknown command '??'" $'\xff\xfe'
refused "unknown option '--?'" events $'--\xff'
refused "unknown person 'a?b?[2J'" events --person $'a\nb\x1b[2J'
refused "/nonexistent/?.db: No such file" events --db $'/nonexistent/\xff.db'
refused "bad date 'x?y'" goto $'x\x01y'

# ---- Data that attacks the terminal or is not UTF-8. A title imported
# from JSON holds escape sequences; a name, a summary and a note hold
# bytes that are not UTF-8 (written past boardroom with SQLite). Every
# format still writes every row; no control character reaches stdout
# but line ends (and newlines inside quoted CSV fields); bad bytes and
# controls become U+FFFD, counted in one warning line on stderr.
"$BOARDROOM" events --format json --limit 3 >"$work/three.json"
python3 - "$work/three.json" <<'PY'
import json, sys
ev = json.load(open(sys.argv[1], encoding="utf-8"))
ev[0]["title"]["en"] = "\u001b[2J\u001b]0;pwned\u0007RED"
ev[0]["title"]["zh"] = "\u001b[2J\u001b]0;pwned\u0007RED"
ev[1]["summary"]["en"] = "line one\nline two\u009b31m"
json.dump(ev, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=True)
PY
"$BOARDROOM" import "$work/three.json" --into "$work/evil.db" >/dev/null ||
	diag "cannot import the title with escape sequences"
user_db=$BOARDROOM_USER_DB
export BOARDROOM_USER_DB="$work/evil-user.db"
printf 'keys a\ntype a note\nkeys Escape\n' |
	"$BOARDROOM" replay --db "$work/evil.db" - >/dev/null 2>"$work/err"
python3 - "$work/evil.db" "$work/evil-user.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
bad = lambda b: c.execute("select cast(? as text)", (b,)).fetchone()[0]
pid = c.execute("select min(person_id) from participant").fetchone()[0]
c.execute("update person set name_en = cast(? as text), "
          "name_zh = cast(? as text) where id = ?",
          (b"Al\xffice\x1b[31m", b"\xe4\xb8", pid))
c.execute("update event set title_zh = cast(? as text) where id = "
          "(select max(id) from event)", (b"cut \xe4",))
c.commit()
u = sqlite3.connect(sys.argv[2])
n = u.execute("update bookmark set note = cast(? as text)",
              (b"first\x1b]0;pwned\x07\nsecond \xff",)).rowcount
u.commit()
sys.exit(n != 1)
PY
[ $? -eq 0 ] || diag "cannot write the bytes that are not UTF-8"

# clean_output FILE: valid UTF-8 with no control character but CR and LF.
clean_output() {
	python3 - "$1" <<'PY'
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8")  # raises if invalid
sys.exit(any((ord(c) < 32 and c not in "\r\n") or 0x7f <= ord(c) < 0xa0
             for c in text))
PY
}
for run in "events" "events --format csv" "events --format md" \
	"events --format ics" "events --format json" \
	"events --format timelinejs" "people" "people --format csv" \
	"people --format md" "notes" "notes --format csv" "notes --format md" \
	"split" "goto T+0"; do
	# shellcheck disable=SC2086
	"$BOARDROOM" $run --db "$work/evil.db" >"$work/out" 2>"$work/err"
	rc=$?
	[ $rc -eq 0 ] && clean_output "$work/out" &&
		{ [ ! -s "$work/err" ] || { one_clean_line "$work/err" &&
			grep -q "written as U+FFFD" "$work/err"; }; }
	ok $? "$run: no control character or bad byte reaches stdout (exit $rc)"
done
"$BOARDROOM" events --db "$work/evil.db" >"$work/out" 2>"$work/err"
grep -q '^boardroom: warning: 1 byte that is not UTF-8 and 4 control characters in the text were written as U+FFFD$' "$work/err" &&
	grep -qF '�[2J�]0;pwned�RED' "$work/out"
ok $? "events: the title's controls shown as U+FFFD, counted on stderr"
"$BOARDROOM" events --db "$work/evil.db" --format json 2>/dev/null |
	python3 -c '
import json, sys
ev = json.load(sys.stdin)
assert len(ev) == 3, len(ev)
assert ev[0]["title"]["en"] == "\u001b[2J\u001b]0;pwned\u0007RED"
assert any(p["name"] == "Al\ufffdice\u001b[31m" for e in ev for p in e["people"]), ev
assert ev[2]["title"]["zh"] == "cut \ufffd", ev[2]["title"]
'
ok $? "events JSON: every event, the participant, U+FFFD for bad bytes, controls escaped"
"$BOARDROOM" people --db "$work/evil.db" --format json 2>/dev/null |
	python3 -c '
import json, sys
p = json.load(sys.stdin)
assert any(x["name"] == "Al\ufffdice\u001b[31m" and x["name_zh"] == "\ufffd\ufffd" for x in p), p
'
ok $? "people JSON: the person with bad bytes is listed"
"$BOARDROOM" notes --db "$work/evil.db" --format json 2>/dev/null |
	python3 -c '
import json, sys
n = json.load(sys.stdin)
assert len(n) == 1 and n[0]["note"] == "first\u001b]0;pwned\u0007\nsecond \ufffd", n
'
ok $? "notes JSON: the note with bad bytes is listed"
"$BOARDROOM" events --db "$work/evil.db" --format csv 2>/dev/null |
	python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert len(rows) == 4, rows
assert rows[2][10] == "line one\nline two\ufffd31m", rows[2][10]
'
ok $? "events CSV: a newline stays in its quoted field, C1 becomes U+FFFD"
printf 'keys j\nkeys \033[2J\033]0;pwned\007\n' >"$work/evil.keys"
refused "evil.keys:2: not understood: keys ?[2J?]0;pwned?" \
	replay --db "$work/evil.db" "$work/evil.keys"
export BOARDROOM_USER_DB="$user_db"

# ---- Errors in the user's terms: a damaged, half-written or unwritable
# database, a folder where a file belongs, a dataset with a bad zone.
# Each is one line naming the file, exit 2, in none of SQLite's words.
# no_sqlite_words: the last stderr has none of SQLite's own messages.
no_sqlite_words() {
	! grep -qiE 'malformed|readonly database|no such table|disk I/O|unable to open|vtable|database error' "$work/err"
}
# as_other CMD...: runs CMD as a user who cannot write what root owns
# (root may write anything); as that user when not root.
as_other() {
	if [ "$(id -u)" -eq 0 ]; then
		# That user has no config file of its own to read.
		setpriv --reuid=65534 --regid=65534 --clear-groups -- \
			env XDG_CONFIG_HOME=/nonexistent "$@"
	else
		"$@"
	fi
}
# A database of 5,000 events (1,000 under a wrapper such as valgrind:
# still an index of many pages to damage one in the middle of, and more
# than a small cache holds).
e13_events=5000
if [ -n "${BOARDROOM_WRAP:-}" ]; then
	e13_events=1000
	diag "under a wrapper ($BOARDROOM_WRAP): a sample database of $e13_events events, not 5,000"
fi
"$BOARDROOM" gen --events "$e13_events" --people 50 --into "$work/e13.db" \
	2>/dev/null
cp "$work/e13.db" "$work/corrupt.db"
python3 - "$work/corrupt.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
size = c.execute("pragma page_size").fetchone()[0]
pages = [p for (p,) in c.execute(
    "select pageno from dbstat where name = 'event_ts' and "
    "pagetype = 'leaf' order by pageno")]
c.close()
with open(sys.argv[1], "r+b") as f:  # a leaf in the middle of the index
    f.seek((pages[len(pages) // 2] - 1) * size)
    f.write(b"\xde\xad" * (size // 2))
PY
# The events before the damaged page are printed; then the error.
timeout 20 "$BOARDROOM" events --db "$work/corrupt.db" >"$work/out" 2>"$work/err"
[ $? -eq 2 ] && one_clean_line "$work/err" && no_sqlite_words &&
	grep -q "^boardroom: $work/corrupt.db: the database is damaged" "$work/err"
ok $? "a corrupt page: $(head -c 120 "$work/err")"

cp "$work/e13.db" "$work/hot.db"
python3 - "$work/hot.db" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("pragma cache_size = 10")  # spill: the file is half written
c.execute("begin")
c.execute("update event set title_en = title_en || 'x'")
os._exit(0)  # as if killed: the journal stays, hot
PY
[ -s "$work/hot.db-journal" ] || diag "no hot journal was left"
refused "hot.db: a write into it was interrupted, and $work/hot.db-journal" \
	events --db "$work/hot.db"
no_sqlite_words
ok $? "a hot journal: no SQLite words"

chmod 755 "$work"
mkdir "$work/walro"
cp "$work/e13.db" "$work/walro/wal.db"
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("pragma journal_mode = wal")' "$work/walro/wal.db"
chmod 444 "$work/walro/wal.db"
chmod 555 "$work/walro"
as_other timeout 20 "$BOARDROOM" events --db "$work/walro/wal.db" \
	>"$work/out" 2>"$work/err"
[ $? -eq 2 ] && one_clean_line "$work/err" && no_sqlite_words &&
	grep -q "wal.db: in WAL mode, which needs write access to its folder" "$work/err"
ok $? "a WAL database the user cannot write: $(head -c 120 "$work/err")"

mkdir "$work/importro"
cp "$work/three.json" "$work/importro/in.json"
"$BOARDROOM" import "$work/three.json" --into "$work/importro/x.db" >/dev/null
chmod 555 "$work/importro"
as_other timeout 20 "$BOARDROOM" import "$work/importro/in.json" \
	--into "$work/importro/x.db" >"$work/out" 2>"$work/err"
[ $? -eq 2 ] && one_clean_line "$work/err" && no_sqlite_words &&
	grep -q "^boardroom: $work/importro/x.db: cannot write the database" "$work/err"
ok $? "import into a read-only folder names the database: $(head -c 120 "$work/err")"
chmod 755 "$work/importro" "$work/walro"
chmod 700 "$work"

mkdir "$work/userdir"
user_db=$BOARDROOM_USER_DB
export BOARDROOM_USER_DB="$work/userdir"
refused "userdir: the user database is a directory" notes
no_sqlite_words
ok $? "a user database that is a directory: no SQLite words"
export BOARDROOM_USER_DB="$user_db"

cp "$work/e13.db" "$work/nofts.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("drop table event_fts"); c.commit()' "$work/nofts.db"
refused "nofts.db: not a complete boardroom database (the table event_fts is missing" \
	events --db "$work/nofts.db"
no_sqlite_words
ok $? "a dropped search index: no SQLite words"

cp "$work/e13.db" "$work/badtz.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("update meta set value = ? where key = ?", ("Mars/Olympus", "tz")); c.commit()' "$work/badtz.db"
refused "badtz.db: the dataset's own time zone" events --db "$work/badtz.db"

refused "--into needs a file name" import "$work/three.json" --into ''
refused "--into needs a file name" gen --events 1 --into ''
refused "--db needs a file name" events --db ''
mkdir "$work/scripts"
refused "scripts: is a directory, not a script" replay "$work/scripts"
refused "unknown faction 'safety': $work/evil.db has no factions" \
	events --db "$work/evil.db" --faction safety

# ---- Pipes and no terminal
refused "needs a terminal"
refused "needs a terminal" --lang zh --tz Beijing
for c in events people split "goto T+48"; do
	# shellcheck disable=SC2086
	reads "'$c' with stdin from /dev/null" $c
done
(
	set -o pipefail
	"$BOARDROOM" events 2>"$work/err" | head -1 >"$work/out"
	rc=$?
	# 141: ended by SIGPIPE, which is fine.
	[ $rc -eq 0 ] || [ $rc -eq 141 ]
) && [ ! -s "$work/err" ] && [ "$(wc -l <"$work/out")" -eq 1 ]
ok $? "boardroom events | head -1: one line, no error output"
"$BOARDROOM" events --format json 2>"$work/err" | head -c 10 >/dev/null
[ ! -s "$work/err" ]
ok $? "JSON into a pipe closed early: no error output"

# ---- Terminals the explorer cannot use
# screen_clean: the pane shows the exit line and nothing of the explorer.
screen_clean() {
	expect "EXITED=$1" "$2: exits with status $1"
	refute "boardroom · Timeline" "$2: the screen is given back"
	refute "TIMELINE" "$2: no status line left behind"
}

WRAP="env -u TERM" start 80 24
expect "TERM is unset" "TERM unset: says the explorer needs a terminal"
screen_clean 2 "TERM unset"
start 80 24 TERM=dumb
expect "TERM is 'dumb'" "TERM=dumb: refused with a message"
screen_clean 2 "TERM=dumb"
start 80 24 TERM=nosuchterm
expect "unknown terminal type 'nosuchterm'" "TERM=nosuchterm: named"
screen_clean 2 "TERM=nosuchterm"
start 80 24 -- ">/dev/null"
expect "needs a terminal" "stdout not a terminal: refused"
screen_clean 2 "stdout not a terminal"

# ---- Tiny windows
start 1 1
sleep 1
keys q
resize 80 24
screen_clean 0 "1x1"
start 20 5
expect "too small" "20x5: the note says the terminal is too small"
keys j k G q
screen_clean 0 "20x5"

# ---- A storm of resizes while keys arrive
start 80 24
expect "TIMELINE" "the explorer before the storm"
for i in $(seq 1 100); do
	resize $((40 + i % 7 * 20)) $((10 + i % 5 * 8))
	keys j
	resize $((20 + i % 3 * 50)) $((5 + i % 4 * 10))
	[ $((i % 10)) -eq 0 ] && keys G g
done
resize 80 24
keys C-l
expect "TIMELINE" "after 200 resizes the timeline is drawn"
expect "boardroom · Timeline" "with its title"
screen | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n")) > 80 for l in sys.stdin))'
ok $? "no row wider than the window"
[ "$(screen | grep -c 'TIMELINE')" -eq 1 ]
ok $? "one status line"
keys q
screen_clean 0 "after the storm"

# ---- Signals while drawing
# signal_while_drawing SIG: sends SIG to the explorer in the middle of a
# stream of keys.
signal_while_drawing() {
	local sig=$1 shell pid
	start 120 40
	expect "TIMELINE" "$sig: the explorer runs"
	shell=$(tmux -L "$TMUX_SOCK" display -p -t t '#{pane_pid}')
	pid=$(pgrep -P "$shell" | head -1)
	for i in 1 2 3 4 5; do keys G g Enter q; done
	kill -s "$sig" "$pid"
	ok $? "$sig: sent to the explorer (pid $pid)"
	screen_clean 0 "$sig"
}
signal_while_drawing TERM
signal_while_drawing HUP

done_testing
