#!/usr/bin/env bash
# The year on a timeline over several years (a generated one): a date in
# another year than the dataset's names its year in the timeline's time
# column, whole (the column widens to fit), at every width and in both
# languages, and above the lanes' grid; one in the dataset's year names
# none, even where the window starts in another year. The bundled
# timeline, all of 2023, shows no year and keeps its column.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
# The input, made by the bare binary (see friction.sh).
"$BOARDROOM_BARE" gen --events 2000 --people 50 --seed 3 \
	--into "$work/y.db" 2>/dev/null
# Harder times, and a year of its own (tests/lib.sh).
multi_year "$work/y.db" >"$work/years"
read -r wy fy ly my <"$work/years"
[ -n "$my" ] && [ "$fy" -lt "$ly" ] && [ "$my" != "$wy" ]
ok $? "a timeline over several years ($fy to $ly), the window's in $wy, the dataset's year $my"
# Where the year is named: the end of the timeline outside the dataset's
# year (oy, reached by key to_other), not at the end inside it (key
# to_same).
if [ "$my" = "$ly" ]; then oy=$fy to_other=g to_same=G; else oy=$ly to_other=G to_same=g; fi

# list_rows: the timeline's rows on screen (from row 6 to the one above
# the status line, left of the detail pane) that show a time from column 1
# and a clock, as "COL<tab>TIME": the clock's column (in columns, not
# bytes) and the time before it.
list_rows() {
	screen | python3 -c '
import re, sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = sys.stdin.read().split("\n")
while rows and not rows[-1].strip():
    rows.pop()
for r in rows[5:-1]:
    r = r.split("│")[0]
    m = re.search(r" (T[+-][0-9])", r)
    if m and r[1:2].strip() and r[1:m.start()].strip():
        print("%d\t%s" % (w(r[:m.start(1)]), r[1:m.start()].strip()))'
}
# list_ok COLS: every row's time whole (no "…"), every clock in the same
# column, the one after the base width (23 from 100 columns, 18 from 60,
# else 16) or after the widest time and a space, whichever is wider.
list_ok() {
	list_rows | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = int(sys.argv[1])
rows = [l.rstrip("\n").split("\t", 1) for l in sys.stdin if l.strip()]
base = 23 if cols >= 100 else 18 if cols >= 60 else 16
want = 1 + max([base] + [w(t) + 1 for c, t in rows])
bad = [t for c, t in rows if "…" in t or int(c) != want]
for t in bad:
    print("# cut or misplaced: " + t)
sys.exit(0 if rows and not bad else 1)' "$1"
}
# first_time, last_time: the time of the list's first and last row.
first_time() { list_rows | head -1 | cut -f2; }
last_time() { list_rows | tail -1 | cut -f2; }
# names_year WHICH YEAR: that row's time names YEAR whole, uncut.
names_year() {
	"$1" | grep -vF "…" | grep -qE "(^|[^0-9])$2([^0-9]|$)"
}
# no_year WHICH: that row's time names no year.
no_year() { "$1" | grep -qvE "[0-9]{4}"; }
if [ "$to_other" = g ]; then other=first_time same=last_time; else other=last_time same=first_time; fi

for size in "120 30" "80 24" "60 24" "50 20"; do
	set -- $size
	start "$1" "$2" -- --db "$work/y.db"
	expect "TIMELINE" "${1}x$2: the generated timeline opens"
	keys "$to_other"
	polls names_year "$other" "$oy"
	ok $? "${1}x$2: $to_other, a time outside the dataset's year names its year ($($other))"
	polls list_ok "$1"
	ok $? "${1}x$2: no time is cut, the clocks in one column after the widest"
	keys "$to_same"
	sleep 0.3
	polls no_year "$same"
	ok $? "${1}x$2: $to_same, a time in the dataset's year $my names none ($($same))"
	polls list_ok "$1"
	ok $? "${1}x$2: there too, no time is cut"
	keys q
	expect "EXITED=0" "${1}x$2: quits cleanly"
done

# The bookmarks screen: the first events bookmarked (the range and the
# parts of days among them), their times whole at 80 and 50 columns.
# marks_ok: each bookmark's time on the screen (after its ★, before the
# marker's or the title's gap) is not cut.
marks_ok() {
	screen | python3 -c '
import re, sys
rows = [m.group(1) for m in (re.match(r"^ [★✎] (.*?\S)\s{2,}", l) for l in sys.stdin) if m]
bad = [t for t in rows if "…" in t]
for t in bad:
    print("# cut: " + t)
sys.exit(0 if len(rows) >= 10 and not bad else 1)'
}
export BOARDROOM_USER_DB="$work/user.db"
start 80 24 -- --db "$work/y.db"
expect "TIMELINE" "bookmarks: the generated timeline opens"
keys g
sleep 0.3
for i in $(seq 1 15); do keys m j; done
sleep 0.3
keys M
expect "15 bookmarks" "M lists the fifteen bookmarks"
polls marks_ok
ok $? "80x24 bookmarks: no time is cut"
keys q q
expect "EXITED=0" "bookmarks: quits cleanly"
start 50 20 -- --db "$work/y.db"
expect "TIMELINE" "bookmarks at 50x20: opens"
keys M
expect "15 bookmarks" "50x20: M lists them"
polls marks_ok
ok $? "50x20 bookmarks: no time is cut"
keys q q
expect "EXITED=0" "50x20 bookmarks: quits cleanly"
unset BOARDROOM_USER_DB

start 120 30 -- --db "$work/y.db" --lang zh
expect "时间线" "Chinese: the generated timeline opens"
keys "$to_other"
polls names_year "$other" "$oy"
ok $? "Chinese: a time outside the dataset's year names its year ($($other))"
list_rows | cut -f2 | grep -qE "^(≈ )?${oy}年[0-9]{1,2}月[0-9]{1,2}日（.）"
ok $? "Chinese: a day in full, ${oy}年M月D日（W）"
polls list_ok 120
ok $? "Chinese: no time is cut"
keys L
expect "泳道" "Chinese: L opens the lanes"
keys +
expect "一天" "Chinese: + zooms in to a day"
screen | sed -n 2p | grep -qF "${oy}年"
ok $? "Chinese: above the grid of days, their year"
keys q q
expect "EXITED=0" "Chinese: quits cleanly"

# The lanes around that end, zoomed in to a day: the grid's labels are
# days, the month and year stand above the names; the line under the
# lanes names the year.
start 120 30 -- --db "$work/y.db"
expect "TIMELINE" "the generated timeline again"
keys "$to_other"
polls names_year "$other" "$oy"
ok $? "$to_other goes to an event of $oy"
keys L
expect "Lanes: lines" "L opens the lanes"
keys +
expect "lanes: a day" "+ zooms in to a day"
screen | sed -n 2p | grep -qE "^[A-Z][a-z]{2} $oy"
ok $? "above the grid of days, their month and year ($(screen | sed -n 2p | cut -c1-20))"
screen | tail -3 | head -1 | grep -qE "[A-Z][a-z]{2} [0-9]{1,2} $oy [0-9]{2}:[0-9]{2}"
ok $? "the line under the lanes names the year ($(screen | tail -3 | head -1 | cut -c1-30))"
keys q q
expect "EXITED=0" "quits cleanly"

# The lanes' heading where the months do not fit over the names (14
# columns at 80): a day around a new year outside the dataset's year
# ("Dec 2022-Jan 2023") gives the years alone, "2022-2023", "2022-2023年".
ny=$(python3 - "$work/y.db" "$my" <<'PY'
import calendar, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
for y in range(1990, 2100):
    if y == int(sys.argv[2]):
        continue
    j = calendar.timegm((y, 1, 1, 0, 0, 0))
    r = db.execute("SELECT ts FROM event WHERE ts BETWEEN ? AND ? ORDER BY"
                   " ts LIMIT 1", (j - 6 * 3600, j - 3600)).fetchone()
    if r:
        print(time.strftime("%Y-%m-%d %H:%M", time.gmtime(r[0])))
        break
PY
)
if [ -n "$ny" ]; then
	y1=${ny:0:4}
	for lang in en zh; do
		start 80 24 -- --db "$work/y.db" --lang $lang
		wait_for "$([ $lang = zh ] && echo 时间线 || echo TIMELINE)" >/dev/null
		keys :
		wait_for ":" >/dev/null
		sleep 0.3
		type_text "$ny"
		keys Enter
		sleep 0.3
		keys L +
		sleep 0.5
		want="$y1-$((y1 + 1))$([ $lang = zh ] && echo 年)"
		polls eval 'screen | sed -n 2p | grep -qE "^$want( |$)"'
		ok $? "lanes $lang at 80x24 around $ny: the years alone over the names ($(screen | sed -n 2p | cut -c1-20))"
		keys q q
		expect "EXITED=0" "lanes $lang: quits cleanly"
	done
else
	ok 0 "# SKIP no event shortly before a new year outside $my"
fi

# The bundled timeline lies in 2023 but for a few events of a year or a
# month ("2019"), which name it already: its column keeps its width at
# its first events too.
for size in "120 30" "80 24" "50 20"; do
	set -- $size
	start "$1" "$2"
	expect "TIMELINE" "bundled ${1}x$2: opens"
	keys g
	polls names_year first_time 2019
	ok $? "bundled ${1}x$2: g, its first event ($(first_time))"
	list_ok "$1"
	ok $? "bundled ${1}x$2: the time column keeps its width"
	keys q
	expect "EXITED=0" "bundled ${1}x$2: quits cleanly"
done

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
