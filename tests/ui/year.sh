#!/usr/bin/env bash
# The year on a timeline over several years (a generated one): a date in
# another year than the crisis window's names its year in the timeline's
# time column, at every width and in both languages, and above the
# lanes' grid; the bundled timeline, all of 2023, shows no year there.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
# The input, made by the bare binary (see friction.sh).
"$BOARDROOM_BARE" gen --events 2000 --people 50 --seed 3 \
	--into "$work/y.db" 2>/dev/null
# The first and the last event's year (CSV: marker,kind,start,...).
"$BOARDROOM" events --db "$work/y.db" --format csv >"$work/y.csv"
fy=$(sed -n 2p "$work/y.csv" | cut -d, -f3 | cut -c1-4)
ly=$(tail -1 "$work/y.csv" | cut -d, -f3 | cut -c1-4)
[ -n "$fy" ] && [ -n "$ly" ] && [ "$fy" -lt "$ly" ]
ok $? "the generated timeline runs over several years ($fy to $ly)"

# time_col ROWS: the time column (its first 26 bytes) of the screen's rows
# ROWS (a sed address: 6, or 6,$ for the whole list).
time_col() { screen | sed -n "$1p" | cut -c1-26; }
# has_year ROWS YEAR: that column shows YEAR whole, in a row of ROWS.
has_year() { time_col "$1" | grep -qE "(^|[^0-9])$2([^0-9]|$)"; }
# fits COLS: no row of the screen is wider than COLS.
fits() {
	screen | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l.rstrip("\n") for l in sys.stdin]
sys.exit(0 if rows and all(w(r) <= int(sys.argv[1]) for r in rows) else 1)' "$1"
}

for size in "120 30" "80 24" "60 24" "50 20"; do
	set -- $size
	start "$1" "$2" -- --db "$work/y.db"
	expect "TIMELINE" "${1}x$2: the generated timeline opens"
	keys g
	polls has_year 6 "$fy"
	ok $? "${1}x$2: g, the first event's time names its year ($(time_col 6))"
	fits "$1"
	ok $? "${1}x$2: no row is wider than the screen"
	keys G
	sleep 0.3
	polls has_year '6,$' "$ly"
	ok $? "${1}x$2: G, the last events' times name their year"
	keys q
	expect "EXITED=0" "${1}x$2: quits cleanly"
done

start 120 30 -- --db "$work/y.db" --lang zh
expect "时间线" "Chinese: the generated timeline opens"
keys g
polls has_year 6 "${fy}"
ok $? "Chinese: the first event's time names its year ($(time_col 6))"
screen | sed -n '6,$p' | grep -qE "^ (≈ )?${fy}年[0-9]{1,2}月[0-9]{1,2}日（.）"
ok $? "Chinese: a day in full, ${fy}年M月D日（W）"
fits 120
ok $? "Chinese: no row is wider than the screen"
keys L
expect "泳道" "Chinese: L opens the lanes"
keys +
expect "一天" "Chinese: + zooms in to a day"
screen | sed -n 2p | grep -qF "${fy}年"
ok $? "Chinese: above the grid of days, their year"
keys q q
expect "EXITED=0" "Chinese: quits cleanly"

# The lanes around the first event, zoomed in to a day: the grid's labels
# are days, the month and year stand above the names; the line under the
# lanes names the year.
start 120 30 -- --db "$work/y.db"
expect "TIMELINE" "the generated timeline again"
keys g
polls has_year 6 "$fy"
ok $? "g goes to the first event"
keys L
expect "Lanes: lines" "L opens the lanes"
keys +
expect "lanes: a day" "+ zooms in to a day"
screen | sed -n 2p | grep -qE "^[A-Z][a-z]{2} $fy"
ok $? "above the grid of days, their month and year ($(screen | sed -n 2p | cut -c1-20))"
screen | tail -3 | head -1 | grep -qE "[A-Z][a-z]{2} [0-9]{1,2} $fy [0-9]{2}:[0-9]{2}"
ok $? "the line under the lanes names the year ($(screen | tail -3 | head -1 | cut -c1-30))"
keys q q
expect "EXITED=0" "quits cleanly"

# The bundled timeline lies in 2023: no year above its grid of days.
start 120 30
expect "TIMELINE" "the bundled timeline"
keys L
expect "Lanes: lines" "L opens its lanes"
keys +
expect "lanes: a day" "+ zooms in to a day"
screen | sed -n 2p | grep -qE '^ +\|'
ok $? "bundled: nothing above the names in the grid's row"
screen | tail -3 | head -1 | grep -qE "^[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{1,2} [0-9]{2}:"
ok $? "bundled: the line under the lanes without the year"
keys q q
expect "EXITED=0" "bundled: quits cleanly"

done_testing
