#!/usr/bin/env bash
# The explorer as a newcomer meets it, in tmux: pagers that stop at their
# end, keys with one meaning, a title and status line that fit, a search
# that counts, a date range.
set -u
. "$(dirname "$0")/../lib.sh"

goto() {
	keys :
	wait_for "Go to:" 5 >/dev/null
	type_text "$1"
	keys Enter
}

# row N: line N (1 is the top) of the screen as it is now.
row() { screen | sed -n "${1}p"; }
# status: the last line of the screen.
status() { screen | tail -1; }
# status_says REGEX: the status line comes to match (polls, lib.sh).
status_matches() { status | grep -qE -- "$1"; }
status_says() { polls status_matches "$1"; }
# Lets the screen settle on TEXT before reading a row.
settle() { wait_for "$1" 5 >/dev/null; }

# whole_words LINE WORDS...: every word of LINE (an ellipsis aside) is one
# of WORDS: nothing was cut in the middle of a word.
whole_words() {
	local line=$1
	shift
	python3 - "$line" "$@" <<'PY'
import sys
line, allowed = sys.argv[1], set(sys.argv[2:])
allowed |= {"·", "│", "|", "…", "?", "/", ":"}
bad = [w for w in line.split() if w.rstrip("…,") not in allowed and w not in allowed]
if bad:
    print("# cut words: %r in %r" % (bad, line))
sys.exit(1 if bad else 0)
PY
}

TITLE_WORDS="boardroom Timeline Event Help People The OpenAI board crisis,
crisis November 2023 people: Ilya Sutskever /Chesky /letter Greg Brockman kind:
main dates: Sun Nov 19 – matches only"

# ---- 1. The event's screen and help, 80x24
start 80 24
expect "13/51" "80x24: the explorer starts"
goto "花絮2"
settle "→ 花絮2"
keys Enter
expect "A 4:2 vote" "the event in full"
status_says "lines 1-[0-9]+ of [0-9]+"
ok $? "a long event says on the status line how many lines it has"
keys j j j j j j j j j j
keys ]
settle "21/51"
sleep 0.3
row 2 | grep -qE "^主線#06 · main line"
ok $? "] from a scrolled event shows the next one from its top"
keys g
settle " 1/51"
sleep 0.3
row 2 | grep -qE "(main line|sidelight|background)$"
ok $? "g too starts the first event at its top"
goto "花絮2"
settle "→ 花絮2"
for i in 1 2 3 4 5 6; do keys Space; done
sleep 0.5
[ -n "$(row 23 | tr -d ' ')" ]
ok $? "Space stops at the end: the last line stays at the bottom"
at_last_line() {
	status | python3 -c 'import re, sys
m = re.search(r"lines (\d+)-(\d+) of (\d+)", sys.stdin.read())
sys.exit(0 if m and m.group(2) == m.group(3) else 1)'
}
polls at_last_line
ok $? "and the status line says it is the last line"
keys k
sleep 0.3
[ -n "$(row 23 | tr -d ' ')" ]
ok $? "and k scrolls back from there at once"
keys q
settle "TIMELINE"
goto "Nov 17 12:23"
settle "17/51"
keys '?'
expect "How to" "? opens help"
keys G
expect "redraw the screen" "G goes to help's end"
expect "back to the timeline, or clear the search" "help lists Esc"
status | grep -qF "17/51"
ok $? "G in help leaves the timeline's selection where it was"
keys ']' '}' n
sleep 0.3
status | grep -qF "17/51"
ok $? "] } n in help do not move the timeline"
for i in $(seq 30); do keys j; done
sleep 0.5
[ -n "$(row 23 | tr -d ' ')" ]
ok $? "j stops at help's end"
keys g
expect "How to" "g goes to help's top"

# ---- 12. Pager keys in help, 80x24
keys C-f
expect "go to a date or time" "Ctrl-F pages down in help"
keys C-b
expect "How to" "Ctrl-B pages back up"
keys C-d
wait_gone "How to" 5
ok $? "Ctrl-D scrolls half a page down"
keys C-u
expect "How to" "Ctrl-U scrolls half a page back"
keys C-e
wait_gone "How to" 5
ok $? "Ctrl-E scrolls a line down"
keys C-y
expect "How to" "Ctrl-Y scrolls a line back up"
keys q
settle "TIMELINE"
keys C-d
wait_gone "17/51" 5
ok $? "Ctrl-D moves the timeline's selection half a page"
keys C-u
expect "17/51" "Ctrl-U moves it back"
keys q

# ---- 1 and 12 at 120x40, in Chinese
start 120 40 -- --lang zh
expect "时间线" "120x40 in Chinese"
keys '?'
expect "怎么用" "help in Chinese"
for i in 1 2 3 4; do keys C-f; done
wait_gone "怎么用" 5
ok $? "120x40: Ctrl-F pages help down"
sleep 0.3
[ -n "$(row 39 | tr -d ' ')" ]
ok $? "120x40: and stops at help's end"
expect "重绘屏幕" "and shows the last keys"
keys q

# ---- 2. The people picker, 80x24
start 80 24
expect "13/51" "the explorer starts"
keys Tab
expect "SPLIT" "Tab: the split"
keys Tab
expect "PEOPLE" "Tab: the people"
keys Tab
expect "TIMELINE" "Tab leaves the people for the timeline"
refute "people:" "and follows nobody"
keys p
settle "Find:"
type_text "ilya"
expect "Ilya Sutskever" "typing finds him"
keys Enter
expect "people: Ilya Sutskever" "Enter follows him"
keys p
expect "Find: ▏" "the Find box starts empty"
type_text "shear"
expect "Emmett Shear" "typing a new name finds a new person"
keys Enter
expect "people: Emmett Shear" "Enter follows that one person"
refute "Ilya Sutskever |" "instead of adding him to the one before"
keys p
settle "Find: ▏"
type_text "ilya"
settle "Ilya Sutskever"
keys +
keys Escape
expect "people: Emmett Shear | Ilya Sutskever" "+ adds one to those followed"
keys q

# ---- 2 in Chinese at 50x15
start 50 15 -- --lang zh
expect "时间线" "50x15 in Chinese"
keys p
settle "查找："
type_text "ilya"
settle "伊利亚"
keys Enter
expect "人物：伊利亚·苏茨克维" "zh: Enter follows him"
keys p
expect "查找：▏" "zh: the Find box starts empty"
keys Escape q

# ---- 3. The title and the status line
for size in "80 24" "40 12" "50 15" "120 40" "200 60"; do
	set -- $size
	start "$1" "$2"
	settle "TIMELINE"
	sleep 0.3
	n=$(status | grep -o "? help" | wc -l)
	[ "$n" -le 1 ]
	ok $? "$1x$2: '? help' at most once on the status line"
	status | grep -qF "13/51"
	ok $? "$1x$2: the position is on the status line"
	whole_words "$(status)" TIMELINE help / search : go to p people s split q \
		quit 13/51 PT EN
	ok $? "$1x$2: the start's hint loses whole items"
	keys p
	settle "Find:"
	type_text "ilya"
	settle "Sutskever"
	keys Enter
	settle "people:"
	keys /
	settle "Search:"
	type_text "Chesky"
	keys Enter
	settle "/Chesky"
	sleep 0.3
	# shellcheck disable=SC2086
	whole_words "$(row 1)" $TITLE_WORDS
	ok $? "$1x$2: the title cuts no word"
	row 1 | grep -qF "/Chesky"
	ok $? "$1x$2: the search has its place in the title"
	if [ "$1" -ge 80 ]; then
		row 1 | grep -qF "/Chesky · people: Ilya Sutskever"
		ok $? "$1x$2: the search and the filters at the title's right"
	fi
	keys Escape
	sleep 0.3
	refute "/Chesky" "$1x$2: Esc clears the kept search from the title"
	row 1 | grep -qF "people: Ilya"
	ok $? "$1x$2: and leaves the person filter"
	keys q
done

# ---- 5. A search that counts, 80x24
start 80 24
expect "13/51" "the explorer starts"
keys /
settle "Search:"
type_text "letter"
keys Enter
expect "match 1 of 3" "the status line counts the matches"
keys n
expect "match 2 of 3" "n: the second of them"
keys j
expect "3 matches" "off a match: how many there are"
keys '&'
expect "matches only" "& shows the matches only"
expect "/3 │" "three events are left"
keys '&'
expect "/51 │" "& again shows all"
keys g
settle " 1/51"
goto "Nov 16 evening"
keys j
settle "14/51"
keys /
settle "Search:"
type_text "Murati knew"
expect "search wrapped to the top" \
	"a search starts after the selected row: its only match wraps"
keys Escape
keys '?'
settle "How to"
keys G
expect "┆ a search" "help explains the ruler's marks"
expect "┣ and ┫" "the crisis window's ends too"
keys q q

# ---- 5 on a big timeline, 120x40: the count stops as the position does
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
# The database is the explorer's input, made by the bare binary: under a
# wrapper (valgrind) gen's own memory is checked on smaller runs
# (test_scan, cli.sh, hostile.sh); the explorer below runs behind the
# wrapper on all of it.
[ -z "${BOARDROOM_WRAP:-}" ] ||
	diag "under a wrapper ($BOARDROOM_WRAP): the 25000 events made without it"
"$BOARDROOM_BARE" gen --events 25000 --people 300 --into "$work/big.db" \
	2>/dev/null
start 120 40 -- --db "$work/big.db"
expect "TIMELINE" "a generated timeline of 25000 events"
keys /
settle "Search:"
type_text "rep"
keys Enter
expect "of >20000 │" "a search matching them all: 'k of >20000'"
keys G
expect "match >20000 of >20000" "the last of them: '>20000 of >20000'"
keys q
# A longer word is checked in each event's text after the index: counted
# as far as the short words are.
start 120 40 -- --db "$work/big.db"
expect "TIMELINE" "the generated timeline again"
keys /
settle "Search:"
type_text "report"
keys Enter
expect "of >1000 │" "a word checked in the texts: 'k of >1000'"
keys q
# Such a count goes on a slice a frame (128 events) between keys, first
# up to the selection, then the rest: the whole of it comes, as the
# command counts it.
want=$("$BOARDROOM" events --db "$work/big.db" --search "warns regulators" \
	--format csv | tail -n +2 | wc -l)
start 120 40 -- --db "$work/big.db"
expect "TIMELINE" "the generated timeline, a third time"
keys /
settle "Search:"
type_text "warns regulators"
keys Enter
expect "of $want │" "a count of three slices comes whole: 'k of $want'"
keys G N
expect "match $want of $want" "the last match is the last counted"
keys g n
expect "match 1 of $want" "and the first the first"
keys q
# Showing only the matches, the position is the search's own count: in
# slices too, not counted again at once. Once counted, a step moves it:
# from the last match, k is at once the one before it, not counted again.
printf '%s\n' 'type /' 'type warns regulators' 'keys Enter' 'keys &' 'dump' \
	'tick 10' 'dump' 'keys G' 'tick 10' 'keys k' 'dump' 'keys q' \
	>"$work/only.keys"
"$BOARDROOM" replay --db "$work/big.db" --size 120x30 "$work/only.keys" |
	grep -F "│ UTC │" >"$work/only.out"
sed -n 1p "$work/only.out" | grep -qF "match 1+ of 128+ │ 1+/128+ │" &&
	sed -n 2p "$work/only.out" |
	grep -qE "match ([0-9]+) of $want │ \1/$want │" &&
	sed -n 3p "$work/only.out" |
	grep -qF "match $((want - 1)) of $want │ $((want - 1))/$want │"
ok $? "& with a count going on: the position is the match count ($(
	awk -F' │ ' '{ printf "%s%s", (NR == 1 ? "" : " then "), $3 }' "$work/only.out"))"
# While playing, each frame counts its slice: paused, the count is whole.
printf '%s\n' 'type /' 'type warns regulators' 'keys Enter' 'keys >' \
	'wait 3s' 'keys Space' 'tick 3' 'dump' 'keys q' >"$work/play.keys"
"$BOARDROOM" replay --db "$work/big.db" --size 120x30 "$work/play.keys" |
	grep -q "$want matches\|of $want │"
ok $? "a count goes on while playing: $want when paused"

# ---- 5 in Chinese, 200x60
start 200 60 -- --lang zh
expect "时间线" "200x60 in Chinese"
keys /
settle "搜索："
type_text "公开信"
keys Enter
expect "个匹配" "zh: the count of matches"
keys q

# ---- 6. A date range, 120x40
start 120 40
expect "13/51" "the explorer starts"
keys d
expect "Dates:" "d asks for a date range"
type_text "Nov 19"
keys Enter
expect "dates: Sun Nov 19" "the range is on the status line"
keys D
expect "all events" "D clears it"
keys p
settle "Find:"
type_text "brockman"
settle "Greg Brockman"
keys Enter
settle "people: Greg"
keys f
settle "kind: main"
keys d
settle "Dates:"
type_text "after Nov 18"
keys Enter
expect "people: Greg Brockman · kind: main · dates: Sun Nov 19 – …" \
	"dates combine with the person and the kind"
sleep 0.3
status | grep -qE " [0-9]+/[0-9]+ │"
ok $? "with a position under all three"
keys d
settle "Dates:"
type_text "Nov 20 .. Nov 18"
keys Enter
expect "ends before it starts" "a range backwards is refused"
keys d
settle "Dates:"
type_text "blorp"
keys Enter
expect "not understood: 'blorp'" "a bad WHEN is named"
keys d
settle "Dates:"
keys Enter
wait_gone "dates:" 5
ok $? "Enter alone clears the range"
keys q

# ---- 6 at 50x15: the prompt's examples lose whole items
start 50 15
expect "TIMELINE" "50x15"
keys d
expect "Dates:" "50x15: d asks for a date range"
sleep 0.3
whole_words "$(status)" Dates: ▏ Enter alone clears Nov 19 18 .. 20 after \
	until T+48
ok $? "50x15: its examples are whole"
keys Escape
keys :
expect "Go to:" "50x15: : asks where to go"
sleep 0.3
whole_words "$(status)" Go to: ▏ Nov 19 evening T+48 11月20日晚上 +3h \
	2023-11-21 14:00
ok $? "50x15: its examples are whole"
keys Escape q

# ---- 6 in Chinese, 80x24
start 80 24 -- --lang zh
expect "时间线" "80x24 in Chinese"
keys d
expect "日期：" "zh: d asks for a date range"
type_text "11月19日"
keys Enter
expect "日期：11月19日" "zh: the range on the status line"
keys q

done_testing
