#!/usr/bin/env bash
# The lanes (L) in tmux: each one's side over time, at 80x24 and 200x60,
# in both languages and without colour; the cursor follows the moment.
set -u
. "$(dirname "$0")/../lib.sh"

# lane NAME: the row of the screen that is NAME's lane ("" if none).
lane() { screen | grep -E "^$1 " | head -1; }
# has_glyph NAME GLYPH: NAME's lane draws GLYPH after its name.
has_glyph() { lane "$1" | cut -c16- | grep -qF -- "$2"; }
# cursor: the column of the v over the lanes (1 is the first).
cursor() { screen | sed -n 2p | awk '{ print index($0, "v") }'; }
# fits COLS: no row of the screen is wider than COLS.
fits() {
	screen | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l.rstrip("\n") for l in sys.stdin]
sys.exit(0 if rows and all(w(r) <= int(sys.argv[1]) for r in rows) else 1)' "$1"
}

start 80 24
expect "TIMELINE" "the explorer opens"
keys L
expect "Lanes: lines" "L opens the lanes"
expect "LANES" "the status line names the screen"
has_glyph "Ilya Sutskever" "="
ok $? "Sutskever's lane is drawn in the safety line's ="
has_glyph "Sam Altman" "#"
ok $? "Altman's lane in the accelerationist line's #"
has_glyph "Sam Altman" "o"
ok $? "Altman's lane marks the events he takes part in"
lane CEO | grep -qE 'A+ +M+S+A*'
ok $? "the CEO's lane: Altman, no one, Murati, Shear"
lane "Board seats" | grep -qE '6+4+'
ok $? "the board's lane counts the seats, six then four"
fits 80
ok $? "80x24: no row is wider than the screen"
refute "Thrive Capital" "80x24: not every lane fits"
c0=$(cursor)
keys l l l
sleep 0.3
wait_for "Lanes" 5 >/dev/null
c1=$(cursor)
[ "$c1" -eq $((c0 + 3)) ]
ok $? "l l l move the cursor three columns ($c0 -> $c1)"
keys h
sleep 0.3
[ "$(cursor)" -eq $((c0 + 2)) ]
ok $? "h moves it back one"
when=$(screen | tail -3 | head -1 | cut -d' ' -f1-4)
keys ']' ']'
sleep 0.3
wait_gone "$when" 5
ok $? "] moves the moment a day: the line under the lanes says when"
[ "$(cursor)" -gt $((c0 + 2)) ]
ok $? "and the cursor with it"
keys j j j j j j j j j j j j j j j j j j j j j j
expect "Thrive Capital" "j scrolls the lanes down to the last"
refute "Sam Altman " "the first lanes scrolled away"
keys g
expect "Sam Altman " "g goes back to the first lane"
keys t
expect "Lanes: crisis stances" "t shows the crisis stance"
expect "With the board" "the legend names the stances"
has_glyph "Ilya Sutskever" "="
ok $? "Sutskever with the board (=)"
has_glyph "Ilya Sutskever" "#"
ok $? "then for Altman's return (#)"
keys j j j
sleep 0.3
screen | tail -3 | head -1 | grep -qF "Ilya Sutskever"
ok $? "j moves to Sutskever's lane: the line under the lanes names him"
keys Enter
expect "boardroom · Event" "Enter opens the event under the cursor"
keys q
expect "Timeline" "q goes back"
keys L
expect "Lanes" "L again"
keys Z
expect "lanes: all time" "Z: all time"
expect "|2019" "its grid counts years"
keys + +
expect "lanes: a day" "+ zooms in to a day"
keys +
expect "lanes: six hours" "and to hours"
expect ":00" "the grid counts hours"
keys Escape
expect "TIMELINE" "Esc leaves the lanes"
# The lanes follow the person filter.
keys p
wait_for "People" 5 >/dev/null
type_text "Sutskever"
sleep 0.3
keys Enter
wait_for "Sutskever" 5 >/dev/null
keys L
expect "Ilya Sutskever " "the filter's person has a lane"
[ -z "$(lane "Sam Altman")" ]
ok $? "under the person filter the others have none"
keys q q
expect "EXITED=0" "quits cleanly"

start 80 24 -- --lang zh
keys L
expect "泳道：路线" "Chinese: the title"
expect "安全主义" "Chinese: the legend"
screen | grep -E '^(伊利亚·苏茨克维|苏茨克维) ' | grep -qF "="
ok $? "Chinese: Sutskever's lane in ="
fits 80
ok $? "Chinese 80x24: no row is wider than the screen"
keys q q
expect "EXITED=0" "Chinese: quits cleanly"

# under NAME TEXT: the row under NAME's lane shows TEXT.
under() { screen | grep -A1 -E "^$1 " | tail -1 | grep -qF "$2"; }

start 200 60
keys L
expect "Thrive Capital" "200x60: every lane fits"
polls under "Sam Altman" "Accelerationist"
ok $? "200x60: a second row names each lane's side"
polls under "CEO" "Emmett Shear"
ok $? "200x60: the CEO's lane names each holder"
fits 200
ok $? "200x60: no row is wider than the screen"
keys q q
expect "EXITED=0" "200x60: quits cleanly"

start 200 60 -- --lang zh
keys L
expect "Thrive Capital" "200x60 Chinese: every lane fits"
polls under "伊利亚·苏茨克维" "安全主义"
ok $? "200x60 Chinese: Sutskever's line named under his lane"
fits 200
ok $? "200x60 Chinese: no row is wider than the screen"
keys q q

start 80 24 NO_COLOR=1
keys L
expect "Lanes: lines" "NO_COLOR: the lanes"
has_glyph "Ilya Sutskever" "=" && has_glyph "Sam Altman" "#" &&
	has_glyph "Mira Murati" "-"
ok $? "NO_COLOR: each side its own character"
keys q q

# A GB18030 terminal, through luit: the lanes' characters are ASCII, the
# names Chinese, the rows as wide as the screen.
if command -v luit >/dev/null && locale -a | grep -qi '^zh_CN\.gb18030$'; then
	WRAP="luit -encoding GB18030 --" \
		start 80 24 LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 -- --lang zh
	expect "时间线" "GB18030: the explorer in Chinese"
	keys L
	expect "泳道：路线" "GB18030: the lanes"
	screen | grep -E '^(伊利亚.苏茨克维|苏茨克维) ' | grep -qF "="
	ok $? "GB18030: Sutskever's lane in ="
	fits 80
	ok $? "GB18030: no row is wider than the terminal"
	keys q q
	expect "EXITED=0" "GB18030: quits cleanly"
else
	for i in 1 2 3 4 5; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP no luit or no zh_CN.GB18030 locale"
	done
fi

start 80 24 LANG=C LC_ALL=C -- --lang en
keys L
expect "Lanes: lines" "C locale: the lanes"
has_glyph "Ilya Sutskever" "="
ok $? "C locale: the glyphs are ASCII"
keys q q

done_testing
