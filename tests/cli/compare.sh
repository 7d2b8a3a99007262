#!/usr/bin/env bash
# compare: two moments of the crisis side by side, against golden files
# in both languages and each format, the JSON read by jq, and the errors
# (one line on stderr, exit status 2, nothing on stdout).
set -u
. "$(dirname "$0")/../lib.sh"

GOLDEN="$SOURCE_ROOT/tests/golden"
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
FROM='Nov 17 11:00'
TO='Nov 21 23:00'

# golden NAME ARGS...: stdout of boardroom ARGS equals golden/NAME.out.
golden() {
	local name=$1
	shift
	"$BOARDROOM" "$@" >"$work/$name.out" 2>"$work/$name.err"
	local rc=$?
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		cp "$work/$name.out" "$GOLDEN/$name.out"
	fi
	if [ $rc -eq 0 ] && cmp -s "$work/$name.out" "$GOLDEN/$name.out"; then
		ok 0 "golden $name: boardroom $*"
	else
		ok 1 "golden $name: boardroom $* (exit $rc)"
		diff -u "$GOLDEN/$name.out" "$work/$name.out" | head -40 |
			sed 's/^/# /'
		sed 's/^/# stderr: /' "$work/$name.err"
	fi
}

# fails NAME WANT ARGS...: boardroom ARGS exits 2 with one line on stderr
# that contains WANT, and nothing on stdout.
fails() {
	local name=$1 want=$2
	shift 2
	"$BOARDROOM" "$@" >"$work/out" 2>"$work/err"
	local rc=$?
	if [ $rc -eq 2 ] && [ ! -s "$work/out" ] &&
		[ "$(wc -l <"$work/err")" -eq 1 ] &&
		grep -qF -- "$want" "$work/err"; then
		ok 0 "$name"
	else
		ok 1 "$name (exit $rc)"
		sed 's/^/# stderr: /' "$work/err"
	fi
}

golden compare-en compare --from "$FROM" --to "$TO"
golden compare-zh compare --from "$FROM" --to "$TO" --lang zh
golden compare-md compare --from "$FROM" --to "$TO" --format md
golden compare-md-zh compare --from "$FROM" --to "$TO" --format md --lang zh
golden compare-json compare --from "$FROM" --to "$TO" --format json

# The acceptance, in the text as a reader sees it.
t=$work/compare-en.out
grep -q '^  Sam Altman → Sam Altman$' "$t" &&
	grep -q '(no CEO)' "$t" &&
	grep -q 'Mira Murati (Interim CEO)' "$t" &&
	grep -q 'Emmett Shear (CEO)' "$t"
ok $? "text: Altman at both ends, the gap, Murati and Shear between"
grep -q "^  Vacated (5 seats): Sam Altman, Ilya Sutskever, Greg Brockman, The two other outside directors (2 seats)$" "$t" &&
	grep -q '^  Filled (2 seats): Bret Taylor (chair), Larry Summers$' "$t" &&
	grep -q "^  Kept (1 seat): Adam D'Angelo$" "$t"
ok $? "text: the seats vacated, filled (the chair marked) and kept"
grep -A2 '^  Ilya Sutskever:' "$t" | grep -q '主線#16  stance neither → For Altman.s return'
ok $? "text: Sutskever's change of stance with its event"

grep -q '^  Board vote (for:against): - → 4:2 (past: Fri Nov 17 12:00-12:23)$' "$t" &&
	grep -qxF "  Microsoft's investment in OpenAI so far (US\$): over \$10 billion, unchanged (since Jan 2023)" "$t"
ok $? "text: figures then and now, with their lives"

# JSON, read by jq
j=$work/compare-json.out
jq -e '[.ceo.between[] | (.ceo.slug // "-")] == ["altman","-","murati","shear","altman"]' "$j" >/dev/null
ok $? "json: the CEOs in between, with the stretch of none"
jq -e '.ceo.then[0].slug == "altman" and .ceo.now[0].slug == "altman"' "$j" >/dev/null
ok $? "json: Altman CEO then and now"
jq -e '[.board.vacated.members[].slug] == ["altman","sutskever","brockman","outside-directors"]
	and .board.vacated.seats == 5
	and [.board.filled.members[] | [.slug, .chair]] == [["taylor",true],["summers",false]]
	and .board.filled.seats == 2
	and [.board.kept.members[].slug] == ["dangelo"]
	and .board.seats_then == 6 and .board.seats_now == 3' "$j" >/dev/null
ok $? "json: seats vacated, filled (chair) and kept, with their counts"
jq -e '.movers.people[] | select(.slug == "sutskever")
	| .then.stance.slug == "with-board" and .now.stance.slug == "for-return"
	and ([.moves[].event] == ["主線#14", "主線#16"])
	and .moves[1].axis == "crisis"' "$j" >/dev/null
ok $? "json: Sutskever's stance then and now, and the events that moved him"
jq -e '.events.count == 36 and (.events.list | length) == 36
	and .events.list[0].marker == "主線#02"
	and (.events.list | map(.at) | . == sort)' "$j" >/dev/null
ok $? "json: 36 events between, in time order"
jq -e '.figures[] | select(.code == "board_vote") | .then == null and .now.until != null' "$j" >/dev/null
ok $? "json: the board's vote, none then and past now"
"$BOARDROOM" compare --from "$FROM" --to "$TO" --format json --limit 3 |
	jq -e '.events.count == 36 and (.events.list | length) == 3' >/dev/null
ok $? "json: --limit lists fewer events, counts all"
"$BOARDROOM" compare --from "$TO" --to "$TO" --format json |
	jq -e '.events.count == 0 and .events.list == [] and .movers.total == 0' >/dev/null
ok $? "json: one moment against itself: nothing between"

# The moments are read in --tz: 03:00 Beijing is 11:00 PT.
"$BOARDROOM" compare --from 'Nov 18 03:00' --to "$TO" --tz Beijing --format json |
	jq -e '.from == "2023-11-17T19:00:00Z"' >/dev/null &&
	"$BOARDROOM" compare --from 'Nov 18 03:00' --to 'Nov 22 15:00' --tz Beijing --lang zh |
	head -1 | grep -q '^从 2023年11月18日（周六） 03:00 北京时间（T-1:03）到 2023年11月22日（周三） 15:00（T+106:57）$'
ok $? "--tz: the moments read and written in Beijing time"

# One end left out is the window's.
"$BOARDROOM" compare --from "$FROM" --format json | jq -e '.to == "2023-11-22T06:03:00Z"' >/dev/null &&
	"$BOARDROOM" compare --to "$TO" --format json | jq -e '.from == "2023-11-17T20:03:00Z"' >/dev/null
ok $? "one end left out: the crisis window's start or end"

# Errors
fails "both ends missing" "compare needs --from WHEN, --to WHEN or both" compare
fails "--from later than --to" "--from (2023-11-21T23:00:00-08:00) is later than --to (2023-11-17T11:00:00-08:00)" \
	compare --from "$TO" --to "$FROM"
fails "an unknown --from names the part" "not understood: 'blorp' in 'Nov 17 blorp'" \
	compare --from "Nov 17 blorp" --to "$TO"
fails "an unknown --to names the part" "bad date 'Nov 32'" compare --from "$FROM" --to "Nov 32"
fails "csv is refused" "--format csv does not apply to compare" compare --from "$FROM" --format csv
fails "ics is for events only" "--format ics is for events only" compare --from "$FROM" --format ics
fails "--at does not apply" "option --at does not apply to 'compare'" compare --at "$FROM"
fails "no argument" "'compare' takes no argument 'x'" compare x --from "$FROM"
fails "an unknown language" "unknown language" compare --from "$FROM" --lang fr

# Help and completion
"$BOARDROOM" --help | grep -q '^  compare '
ok $? "--help lists compare"
"$BOARDROOM" compare --help >"$work/help" &&
	grep -q -- '--from WHEN' "$work/help" && grep -q -- '--to WHEN' "$work/help" &&
	awk 'length > 80 { bad = 1 } END { exit bad }' "$work/help"
ok $? "compare --help shows --from and --to, in 80 columns"
"$BOARDROOM" completion bash >"$work/bash" &&
	grep -q compare "$work/bash"
ok $? "bash completion knows compare"
"$BOARDROOM" completion zsh >"$work/zsh" && grep -q compare "$work/zsh"
ok $? "zsh completion knows compare"

done_testing
