#!/usr/bin/env bash
# The explorer at the sizes people use (80x24, 120x40, 200x60, 50x15 and
# smaller), in both languages: text that fits its place, ruler labels under
# their own day, the bookmarks screen, terminals that are not UTF-8.
set -u
. "$(dirname "$0")/../lib.sh"

# no_cut TEXT DESCRIPTION: no row of the screen shows TEXT followed by the
# ellipsis of a cut.
no_cut() {
	if screen | grep -qF -- "$1…"; then
		ok 1 "$2"
		sed 's/^/#   /' "$SCREEN_FILE"
	else
		ok 0 "$2"
	fi
}

# ---- Times fit their column
start 80 24
expect "≈17 12:00-12:23" "80x24: a time range within a day fits its column"
refute "12:00-1…" "80x24: and is not cut"
refute "≈ Fri 17 12:2…" "80x24: nor the next one"
expect "Fri 17 12:23 " "80x24: a time that fits keeps its weekday"
keys ':'
wait_for "Go to:" 5 >/dev/null
type_text "Nov 20 3am"
keys Enter
expect "20 early morning" "80x24: a part of a day fits"
refute "early mor…" "80x24: and is not cut"
keys ':'
wait_for "Go to:" 5 >/dev/null
type_text "Nov 17 12:00"
keys Enter
wait_for "→ Fri Nov 17" 5 >/dev/null
keys l
expect "≈17日 12:23-15:59" "80x24 in Chinese: a time range fits"
refute "12:23-1…" "80x24 in Chinese: and is not cut"
keys q
expect "EXITED=0" "80x24: quits"

start 50 15
expect "TIMELINE" "50x15 opens"
screen | grep -q '^ 16 evening  '
ok $? "50x15: a narrow time column, without the weekday"
expect "Sutskever texts " "50x15: which leaves the title more room"
keys q

# ---- At 120 columns the titles have the room
for size in "120 40" "200 60"; do
	start $size
	expect "Google Meet, not Teams, at a company 49% Microsoft-owned" \
		"${size/ /x}: the longest title is shown in full"
	expect "Altman's assistant finds a new job in 16 minutes" \
		"${size/ /x}: and another"
	keys l
	expect "微软持股49%的公司，开会不用Teams" "${size/ /x} in Chinese: titles in full"
	keys q
done
start 120 40
refute "People (role" "120x40: no side pane takes the titles' room"
keys q
done_testing
