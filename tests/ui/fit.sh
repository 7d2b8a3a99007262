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
keys j j j j j
expect "≈17 12:00-12:23 T-0:02" "50x15: a time range fits a narrower time column"
refute "12:00-1…" "50x15: and is not cut"
screen | grep -q '^ ≈16 evening     T-18h'
ok $? "50x15: a part of a day drops the weekday to fit"
expect "Sutskever tex" "50x15: the title keeps more room than before"
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
# ---- Narrow windows: every day's boundary marked, no label over the next day
# ruler_row LABELS DESCRIPTION: the ruler's label row is LABELS, the ticks
# (│) and the words between them (spaces dropped).
ruler_row() {
	local got deadline=$((SECONDS + 5 * WAIT_SCALE))
	wait_for "│" 5 >/dev/null
	# Poll: the keys sent before (l, z) may not be drawn yet.
	while :; do
		got=$(screen | sed -n 2p | tr -s ' ' | sed 's/ *$//')
		[ "$got" = "$1" ] || [ $SECONDS -ge $deadline ] && break
		sleep 0.1
	done
	if [ "$got" = "$1" ]; then
		ok 0 "$2"
	else
		ok 1 "$2"
		diag "expected: $1" "got:      $got"
	fi
}
start 40 10
ruler_row "│16 │17 │18 │19 │20 │21" "40x10: six days, six ticks, the labels short"
keys l
ruler_row "│16日 │17日 │18日 │19日 │20日 │21日" "40x10 in Chinese: six days, six labels"
keys z
ruler_row "│17日 │18日 │19日 │20日 │21日 │22日" "40x10 in Beijing time"
keys q
start 50 15
ruler_row "│Thu 16 │Fri 17 │Sat 18 │Sun 19 │Mon 20 │Tue 21" "50x15: the days in full"
keys l
ruler_row "│16日 │17日 │18日 │19日 │20日 │21日" \
	"50x15 in Chinese: a shorter label rather than one over the next day"
keys q
start 80 24
ruler_row "│Thu 16 │Fri 17 │Sat 18 │Sun 19 │Mon 20 │Tue 21" "80x24: the days in full"
keys l
ruler_row "│16日（四） │17日（五） │18日（六） │19日（日） │20日（一） │21日（二）" \
	"80x24 in Chinese: with the weekday"
keys q

# ---- The too-small note fits the size it is shown at
start 20 5
expect "Terminal too small:" "20x5: the note, wrapped"
expect "Enlarge it, or q to" "20x5: the advice"
expect "quit." "20x5: in full, on the next row"
keys q
expect "EXITED=0" "20x5: q quits"
start 12 4 -- --lang zh
expect "太小：12x4，" "12x4 in Chinese: the short form"
expect "需 40x10" "12x4 in Chinese: wrapped"
expect "q 退出" "12x4: and how to quit"
keys q
start 30 8
expect "Enlarge it, or q to quit." "30x8: the advice on one row"
keys q

# ---- The bookmarks screen
export BOARDROOM_USER_DB="$(mktemp -d)/user.db"
start 80 24
expect "13/51" "bookmarks: the timeline opens"
keys M
expect "0 bookmarks, 0 with a note" "M opens the bookmarks, none yet"
expect "No bookmarks yet: m bookmarks" "and says how to make one"
keys q
expect "TIMELINE" "q goes back"
keys m
expect "bookmarked" "m bookmarks 主線#01"
keys j j a
expect "boardroom · Note" "a opens the note editor on 主線#02"
type_text "call at noon"
keys Escape
expect "note saved" "the note is saved"
keys G m
expect "bookmarked" "the last event is bookmarked"
keys M
expect "3 bookmarks, 1 with a note" "M lists three bookmarks, one with a note"
screen | grep -q "^ ★ Thu 16 evening .*Sutskever texts Altman"
ok $? "a bookmark without a note: ★, its time and title"
screen | grep -q "^ ✎ Fri 17 12:00 .*Board fires Altman"
ok $? "a bookmark with a note looks different: ✎"
screen | grep -A1 "Board fires Altman" | grep -q "“call at noon”"
ok $? "with the note's first line under it"
keys g j Enter
expect "TIMELINE" "Enter goes back to the timeline"
expect "15/51" "on the noted event (the second bookmark)"
keys l M
expect "3 个书签，其中 1 个有笔记" "in Chinese"
expect "董事会在Google Meet会议上解雇阿尔特曼" "with the titles in Chinese"
expect "「call at noon」" "and the note in Chinese quotes"
keys Escape
expect "时间线" "Esc goes back"
keys q
for size in "50 15" "120 40" "200 60"; do
	start $size
	keys M
	expect "3 bookmarks, 1 with a note" "${size/ /x}: the bookmarks screen"
	expect "Board fires Altman" "${size/ /x}: the noted bookmark"
	expect "“call at noon”" "${size/ /x}: and its note"
	refute "wit…" "${size/ /x}: the heading is shortened by whole items, not cut"
	keys q
done
unset BOARDROOM_USER_DB

# ---- Terminals that are not UTF-8
if command -v luit >/dev/null && locale -a | grep -qi '^zh_CN\.gb18030$'; then
	export BOARDROOM_USER_DB="$(mktemp -d)/user.db"
	WRAP="luit -encoding GB18030 --" \
		start 80 24 LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 -- --lang zh
	expect "时间线" "GB18030: the explorer in Chinese"
	refute "终端无法显示中文" "GB18030: Chinese is shown, nothing says otherwise"
	keys m
	wait_for "已加书签" 5 >/dev/null
	keys j j a
	type_text "x"
	keys Escape
	wait_for "笔记已保存" 5 >/dev/null
	screen | grep -q '^\*16日（四） 晚上'
	ok $? "GB18030: ★ (two columns in this locale) is drawn as '*', not '?'"
	refute "?16日" "GB18030: no '?' in its place"
	keys M
	expect "✎ 17日（五） 12:00" "GB18030: ✎ (one column here too) is drawn as itself"
	expect "「x」" "GB18030: with the note in full-width quotes"
	keys q q
	WRAP=
	unset BOARDROOM_USER_DB
else
	for i in 1 2 3 4 5 6; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP no luit or no zh_CN.GB18030 locale"
	done
fi
start 80 24 LANG=C LC_ALL=C
expect "TIMELINE" "C locale: the explorer"
keys l
expect "this terminal cannot show Chinese" "C locale: switching to Chinese says it cannot be shown"
keys l l
wait_for "| ????????" 5 >/dev/null
refute "cannot show Chinese" "C locale: it says so once"
keys q
start 80 24 LANG=C LC_ALL=C -- --lang zh
expect "this terminal cannot show Chinese" "C locale: starting in Chinese says so too"
keys q
start 80 24 -- --lang zh
expect "时间线" "UTF-8: Chinese"
refute "cannot show Chinese" "UTF-8: nothing to say"
keys q

# ---- Chinese words in the Chinese UI, English grammar in English
start 80 24 -- --lang zh
expect "│ 太平洋 │ 中文" "zh: the status line names the zone in Chinese"
keys z
expect "时区：北京时间" "zh: z says the zone in Chinese"
expect "│ 北京 │ 中文 │" "zh: Beijing time on the status line"
refute "Asia/Shanghai" "zh: not by its IANA name"
keys ':'
wait_for "跳转" 5 >/dev/null
type_text "Nov 19 evening"
keys Enter
expect "北京时间" "zh: going to a moment names the zone in Chinese"
keys q
start 200 60 -- --lang zh
expect "晚上 太平洋时间 · T-18h" "zh 200x60: the detail pane names the zone in Chinese"
keys q
start 80 24
expect "│ PT │ EN" "en: the zone stays PT"
keys z
expect "time zone: Asia/Shanghai" "en: z names the zone"
keys q
start 80 24
keys p
type_text "lightcap"
expect "Brad Lightcap" "people: one person with one event"
expect "  1 event " "en: 1 event, not 1 events"
refute "1 events" "en: never '1 events'"
keys Escape q

# ---- Chinese line breaks: no closing punctuation starts a line, no opening
# punctuation ends one
start 80 24 -- --lang zh
expect "时间线" "zh line breaks: the timeline"
keys g Enter
expect "OpenAI向“盈利上限”公司转型" "zh 80x24: the first event in full"
# The title is in the timeline's row too: wait for the detail itself.
for _ in $(seq $((50 * WAIT_SCALE))); do
	screen | grep -q '^才。2019年' && break
	sleep 0.1
done
screen | grep -q '^才。2019年'
ok $? "zh 80x24: 才 goes down with 。 rather than 。 starting the line"
screen | grep -qP '^\s*[，。、；：？！）》」』】”’]'
ok $((!$?)) "zh 80x24: no line starts with closing punctuation"
keys q q
# Every event's detail, two pages of it, at each size.
keys_file=$(mktemp)
{
	echo "keys g"
	for i in $(seq 1 51); do
		printf 'keys Enter\ndump\nkeys PgDn\ndump\nkeys q j\n'
	done
} >"$keys_file"
for size in 80x24 50x15 120x40 200x60; do
	bad=$(BOARDROOM_USER_DB=$(mktemp -u) "$BOARDROOM" replay --lang zh \
		--size $size "$keys_file" |
		grep -cP '^\s*[，。、；：？！）》」』】”’]|[（《「『【“‘]\s*$')
	ok $([ "$bad" = 0 ]; echo $?) \
		"zh $size: every event's detail breaks by the rules ($bad lines do not)"
done
rm -f "$keys_file"

done_testing
