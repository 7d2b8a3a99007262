#!/usr/bin/env bash
# A timeline written by hand in the interchange format (the example in
# doc/), imported and explored in tmux as a person would: the timeline,
# the split with its sides, CEO and figures, at the moments asked, in
# English and in Chinese.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
"$BOARDROOM" import --into "$work/ex.db" \
	"$SOURCE_ROOT/doc/example-timeline.json" >/dev/null
ok $? "the example timeline imports"

goto() {
	keys :
	wait_for "Go to:" 5 >/dev/null
	type_text "$1"
	keys Enter
}

start 100 30 "BOARDROOM_USER_DB=$work/user.db" -- --db "$work/ex.db"
expect "FICTION: the Larkspur Robotics board crisis" "the explorer opens the example"
expect "The board votes 3:1 to fire Quell" "its timeline lists the events"
keys s
expect "Caution (2)" "s opens the split"
screen | grep -qE '^ Caution \(2\) +Speed \(1\) *$'
ok $? "the dataset's two lines side by side in columns, whatever their slugs"
expect "Board, 2 seats: Tobias Wren (chair), Dov Aranda" "the board and its chair"
expect "Board vote (for:against)" "the figures of the moment"
goto "Mar 4 9am"
expect "As of Tue Mar 4 2031 09:00 London (T+24:00)" "the split at the instant asked"
expect "CEO: Ines Okafor" "the interim CEO holds then"
expect "380/400" "the letter's signatures hold then"
goto "Mar 6 18:00"
expect "CEO: Mara Quell" "Quell is back at the end"
expect "Board, 1 seats: Dov Aranda (chair)" "with Aranda as chair"
keys q

start 100 30 "BOARDROOM_USER_DB=$work/user.db" -- --db "$work/ex.db" --lang zh
expect "虚构：云雀机器人董事会风波" "in Chinese, the example's Chinese title"
keys s
expect "审慎派" "the split in Chinese names the lines"
expect "托拜厄斯·雷恩" "and the people by their Chinese names"

done_testing
