#!/usr/bin/env bash
# The year in the command line's text, on a timeline over several years
# (a generated one) whose own year (where a date typed without one lands)
# is not the year its window starts in: a time names its year exactly
# where it lies outside the dataset's year, as on the explorer's screens;
# in the text of events and notes a time never runs into the next column.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
export XDG_CONFIG_HOME="$work/none" BOARDROOM_USER_DB="$work/user.db"
db="$work/y.db"
"$BOARDROOM_BARE" gen --events 2000 --people 50 --seed 3 --into "$db" \
	2>/dev/null
# Harder times, and a year of its own (tests/lib.sh).
multi_year "$db" >"$work/years"
read -r wy fy ly my <"$work/years"
[ -n "$my" ] && [ "$fy" -lt "$ly" ] && [ "$my" != "$wy" ]
ok $? "a timeline over several years ($fy to $ly), the window's in $wy, the dataset's year $my"
if [ "$my" = "$ly" ]; then oy=$fy; else oy=$ly; fi

# check_rows TEXT CSV COLS: each line of TEXT (events text) against the
# same row of CSV (events csv): its time followed by at least one space
# before the clock, the clock at column COLS or, after a wider time, one
# space after it; the year named exactly when the row's year is not the
# dataset's. Prints the widest time.
check_rows() {
	python3 - "$1" "$2" "$3" "$my" <<'PY'
import csv, re, sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
text = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:]
cols, my = int(sys.argv[3]), sys.argv[4]
assert len(text) == len(rows), (len(text), len(rows))
widest = 0
for line, row in zip(text, rows):
    m = re.match(r"^(.*?\S)( +)T[+-][0-9]", line)
    assert m, line
    when = m.group(1)
    tw = w(when)
    widest = max(widest, tw)
    assert "T+" not in when and "T-" not in when, line
    assert tw + len(m.group(2)) == max(cols, tw + 1), line
    y = row[2][:4]
    named = re.findall(r"(?<![0-9])[0-9]{4}(?![0-9])", when)
    assert named == ([y] if y != my else []), (line, y)
print(widest)
PY
}

"$BOARDROOM" events --db "$db" >"$work/events.txt" &&
	"$BOARDROOM" events --db "$db" --format csv >"$work/events.csv"
ok $? "events in text and CSV"
widest=$(check_rows "$work/events.txt" "$work/events.csv" 22)
ok $? "events text: every time whole and apart from its clock, the year named outside $my"
[ "${widest:-0}" -ge 22 ]
ok $? "events text: some times fill the column or more (widest $widest)"
"$BOARDROOM" events --db "$db" --lang zh >"$work/events_zh.txt" &&
	"$BOARDROOM" events --db "$db" --lang zh --format csv >"$work/events_zh.csv"
ok $? "events in Chinese"
check_rows "$work/events_zh.txt" "$work/events_zh.csv" 26 >/dev/null
ok $? "events text in Chinese: the same"

# Bookmarks on the first events (the range, the parts of days among them)
# and on the last.
{
	echo "keys g"
	for i in $(seq 1 30); do echo "keys m j"; done
	echo "keys G"
	for i in $(seq 1 30); do echo "keys m k"; done
} >"$work/mark.keys"
"$BOARDROOM" replay "$work/mark.keys" --db "$db" >/dev/null 2>"$work/err"
ok $? "replay bookmarks sixty events"
"$BOARDROOM" notes --db "$db" >"$work/notes.txt" &&
	"$BOARDROOM" notes --db "$db" --format json >"$work/notes.json"
ok $? "notes in text and JSON"
python3 - "$work/notes.txt" "$work/notes.json" "$my" <<'PY'
import json, re, sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
text = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.startswith("★ ")]
marks = json.load(open(sys.argv[2], encoding="utf-8"))
my = sys.argv[3]
assert len(text) == len(marks) >= 50, (len(text), len(marks))
for line, m in zip(text, marks):
    rest = line[2 + max(9, len(m["marker"]) + 1):]
    assert rest.endswith(m["title"]), (line, m)
    pre = rest[:len(rest) - len(m["title"])]
    when = pre.strip()
    assert pre.startswith(when) and pre.endswith(" "), line
    assert w(pre) >= 22, line
    assert "  " not in when, line
    y = m["at"][:4]
    named = re.findall(r"(?<![0-9])[0-9]{4}(?![0-9])", when)
    assert named == ([y] if y != my else []), (line, y)
PY
ok $? "notes text: every time apart from the title, the year named outside $my"

# The lanes: the crisis window's days, in another year than the dataset's,
# name their year in the heading; days typed without a year lie in the
# dataset's and name none.
"$BOARDROOM" lanes --db "$db" | head -1 >"$work/lanes1"
grep -qE "^Lanes, [A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{1,2} $wy 00:00 – " "$work/lanes1"
ok $? "lanes: the window's days name their year $wy ($(cat "$work/lanes1"))"
"$BOARDROOM" lanes --db "$db" --from "Jun 1" --to "Jun 3" | head -1 >"$work/lanes2"
grep -qE "^Lanes, [A-Z][a-z]{2} Jun 1 00:00 – [A-Z][a-z]{2} Jun 4 00:00 " "$work/lanes2"
ok $? "lanes: days typed without a year name none ($(cat "$work/lanes2"))"
"$BOARDROOM" lanes --db "$db" --from "Jun 1" --to "Jun 3" --lang zh | head -1 >"$work/lanes3"
! grep -qE "[0-9]{4}年" "$work/lanes3"
ok $? "lanes in Chinese: the same ($(cat "$work/lanes3"))"

# compare from a day of one year to a day of the other: only the end in
# another year than the dataset's names its year.
if [ "$oy" -lt "$my" ]; then
	from="$oy-06-01" to="Jun 3" named="Jun 1 $oy" bare="Jun 3"
else
	from="Jun 1" to="$oy-06-03" named="Jun 3 $oy" bare="Jun 1"
fi
"$BOARDROOM" compare --db "$db" --from "$from" --to "$to" >"$work/cmp" 2>"$work/err"
rc=$?
[ $rc = 0 ] || { echo "# exit status $rc"; sed 's/^/# stderr: /' "$work/err"; }
ok $rc "compare over two years ($from to $to)"
grep -qF "$named" "$work/cmp"
ok $? "compare: the end in $oy names its year"
# (Its first line is LONG, which always names the year; the stretches
# below it are MEDIUM.)
grep -qE "[A-Z][a-z]{2} $bare 00:00" "$work/cmp"
ok $? "compare: the end in $my names none"

# split at a moment of another year than the dataset's: its times name
# the year.
"$BOARDROOM" split --db "$db" --at "$oy-06-03 12:00" >"$work/split" 2>"$work/err"
ok $? "split at a moment of $oy"
head -1 "$work/split" | grep -qF "Jun 3 $oy 12:00"
ok $? "split: its moment with the year ($(head -1 "$work/split"))"

done_testing
