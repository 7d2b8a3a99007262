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
