# lib.sh: TAP helpers for the shell tests, and a tmux harness that drives
# the real boardroom binary on a terminal of a fixed size.
#
# Needs BOARDROOM (the binary) in the environment; meson sets it.

: "${BOARDROOM:?BOARDROOM must name the binary}"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR

# BOARDROOM_WRAP (meson test --setup valgrind sets it) is a command to run
# the binary behind: BOARDROOM then names a script that does so, so every
# run of "$BOARDROOM", in a test or in tmux, goes through it; the waits
# for the screen get ten times longer.
WAIT_SCALE=1
WRAP_DIR=
# BOARDROOM_BARE: the binary itself, never behind the wrapper: only for
# making a test's input (a large generated database), never for what a
# test checks.
BOARDROOM_BARE=$BOARDROOM
if [ -n "${BOARDROOM_WRAP:-}" ]; then
	WAIT_SCALE=10
	WRAP_DIR=$(mktemp -d)
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$BOARDROOM_WRAP" \
		"$BOARDROOM" >"$WRAP_DIR/boardroom"
	# Tests run some commands as another user (hostile.sh): they too
	# must be able to run the wrapper.
	chmod 755 "$WRAP_DIR" "$WRAP_DIR/boardroom"
	BOARDROOM=$WRAP_DIR/boardroom
fi

tap_n=0
tap_failed=0

ok() { # CONDITION-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

diag() { printf '%s\n' "$@" | sed 's/^/# /'; }

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# The tmux harness. Each start gets a server on a socket of its own, so a
# server that is still shutting down is never reused.
TMUX_BASE="br-test-$$"
TMUX_N=0
TMUX_SOCK="$TMUX_BASE-0"
SCREEN_FILE=$(mktemp)
# pid_tree PID: PID and the processes under it (Linux's children lists).
pid_tree() {
	local c
	echo "$1"
	for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
		pid_tree "$c"
	done
}
# kill_server SOCKET: the server goes, and with it the explorer, which
# quits on the hangup. Its processes are kept in SERVED_PIDS, for
# cleanup_tmux to make sure of.
SERVED_PIDS=
kill_server() {
	local p
	SERVED_PIDS="$SERVED_PIDS $(for p in $(tmux -L "$1" list-panes -a \
		-F '#{pane_pid}' 2>/dev/null); do pid_tree "$p"; done)"
	tmux -L "$1" kill-server 2>/dev/null || true
}
any_alive() {
	local p
	for p in "$@"; do
		kill -0 "$p" 2>/dev/null && return 0
	done
	return 1
}
# An explorer still there five seconds after its server (a sanitizer's
# leak check at exit has been seen to spin for good) is killed, so that it
# does not take a core from the tests after these.
reap_served() {
	local p i
	for i in $(seq 50); do
		# shellcheck disable=SC2086 # a list of pids
		any_alive $SERVED_PIDS || return 0
		sleep 0.1
	done
	for p in $SERVED_PIDS; do
		kill -9 "$p" 2>/dev/null || true
	done
}
cleanup_tmux() {
	local i
	for i in $(seq 0 "$TMUX_N"); do
		kill_server "$TMUX_BASE-$i"
	done
	reap_served
	rm -f "$SCREEN_FILE"
	[ -z "$WRAP_DIR" ] || rm -rf "$WRAP_DIR"
}
trap cleanup_tmux EXIT

# start COLS ROWS [ENV=VALUE...] -- [ARGS...]: boardroom in a new session,
# behind the command in WRAP if set (e.g. luit).
start() {
	local cols=$1 rows=$2
	shift 2
	local envs=() args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs+=("$1")
		shift
	done
	[ "${1:-}" = "--" ] && shift
	args=("$@")
	kill_server "$TMUX_SOCK"
	TMUX_N=$((TMUX_N + 1))
	TMUX_SOCK="$TMUX_BASE-$TMUX_N"
	tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -s t -x "$cols" \
		-y "$rows" "env TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 \
TERM=xterm-256color ${envs[*]} ${WRAP:-} $BOARDROOM ${args[*]}; \
echo EXITED=\$?; sleep 30"
	tmux -L "$TMUX_SOCK" set-option -t t remain-on-exit on >/dev/null
}

screen() {
	tmux -L "$TMUX_SOCK" capture-pane -p -t t >"$SCREEN_FILE" 2>/dev/null
	cat "$SCREEN_FILE"
}

keys() { tmux -L "$TMUX_SOCK" send-keys -t t "$@"; }
type_text() { tmux -L "$TMUX_SOCK" send-keys -t t -l -- "$1"; }
resize() { tmux -L "$TMUX_SOCK" resize-window -t t -x "$1" -y "$2"; }

# polls CMD...: runs CMD until it succeeds, for 10 seconds (a slow run,
# under valgrind, may still be drawing the screen).
polls() {
	local deadline=$((SECONDS + 10 * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}

# wait_for TEXT [SECONDS]: polls the screen until it shows TEXT.
wait_for() {
	local deadline=$((SECONDS + ${2:-10} * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}

# wait_gone TEXT [SECONDS]: polls until the screen no longer shows TEXT.
wait_gone() {
	local deadline=$((SECONDS + ${2:-10} * WAIT_SCALE))
	while [ $SECONDS -lt $deadline ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
	done
	return 1
}

# expect TEXT DESCRIPTION: a test that the screen comes to show TEXT.
expect() {
	if wait_for "$1" "${3:-10}"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		diag "expected: $1" "screen was:"
		cat "$SCREEN_FILE" | sed 's/^/#   /'
	fi
}

# refute TEXT DESCRIPTION: the screen does not show TEXT (now).
refute() {
	if screen | grep -qF -- "$1"; then
		ok 1 "$2"
		diag "did not expect: $1"
		cat "$SCREEN_FILE" | sed 's/^/#   /'
	else
		ok 0 "$2"
	fi
}

# fails WHAT ARGS...: exit 2, one line on stderr naming WHAT, no stdout.
# Needs $work, a scratch directory.
fails() {
	local what=$1
	shift
	"$BOARDROOM" "$@" >"$work/out" 2>"$work/err" </dev/null
	local rc=$? lines
	lines=$(wc -l <"$work/err")
	if [ $rc -eq 2 ] && [ "$lines" -eq 1 ] && [ ! -s "$work/out" ] &&
		grep -qF -- "$what" "$work/err"; then
		ok 0 "error: boardroom $* -> $(cat "$work/err")"
	else
		ok 1 "error: boardroom $* (exit $rc, $lines lines)"
		sed 's/^/# stderr: /' "$work/err"
		head -5 "$work/out" | sed 's/^/# stdout: /'
	fi
}

# multi_year DB: a generated timeline over several years made harder than
# gen writes it: its parts of days inferred ("≈2022-11-19 early morning",
# 25 columns), its first minute a range within a day ("2022-11-17
# 12:00-14:00"), and the dataset's year (where a date typed without one
# lands) set apart from the year its window starts in. Prints the
# window's year, the first and last event's, and the dataset's.
multi_year() {
	python3 - "$1" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
year = lambda t: time.gmtime(t).tm_year
ws = int(db.execute("SELECT value FROM meta WHERE key = 'window_start'").fetchone()[0])
lo, hi = db.execute("SELECT min(t_min), max(t_min) FROM event").fetchone()
db.execute("UPDATE event SET inferred = 1 WHERE precision = 'part_of_day'")
db.execute("UPDATE event SET t_max = t_min + 7200 WHERE id = (SELECT id FROM"
           " event WHERE precision = 'minute' AND t_min % 86400 < 72000"
           " ORDER BY ts LIMIT 1)")
my = year(hi) if year(ws) != year(hi) else year(lo)
db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('year', ?)", (str(my),))
db.commit()
print(year(ws), year(lo), year(hi), my)
PY
}
