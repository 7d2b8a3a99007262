#!/usr/bin/env bash
# The explorer, driven in tmux as a person would: keys in, screen out.
set -u
. "$(dirname "$0")/../lib.sh"

# goto WHEN: types ":WHEN" and Enter, once the prompt (in the language of
# $prompt_lang, en unless set) is up.
goto() {
	keys :
	wait_for "$([ "${prompt_lang:-en}" = zh ] && echo 跳转到： || echo "Go to:")" \
		5 >/dev/null
	type_text "$1"
	keys Enter
}

# The split at moments of tests/golden/moments.tsv, in LANG (en, zh): one
# line each: WHEN, the split's header, its CEO line, its seats, and
# Sutskever's stance in the crisis ("" for neither).
moments_for() {
	python3 - "$1" "$SOURCE_ROOT/tests/golden/moments.tsv" <<'EOF'
import json, os, subprocess, sys
zh = sys.argv[1] == "zh"
run = lambda *a: subprocess.run([os.environ["BOARDROOM"], *a], check=True,
                                capture_output=True, text=True).stdout
name = {p["slug"]: p["name_zh" if zh else "name"]
        for p in json.loads(run("people", "--format", "json"))}
stance = {"with-board": "站在董事会一边" if zh else "With the board",
          "for-return": "支持阿尔特曼回归" if zh else "For Altman's return",
          "-": ""}
want = ["Nov 17 12:00", "Nov 17 12:03", "Nov 19 23:00", "Nov 20 19:30",
        "Nov 20 21:00", "Nov 21 noon", "T+106h"]
for line in open(sys.argv[2], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or f[0] not in want:
        continue
    head = run("split", "--at", f[0], "--lang", sys.argv[1]).splitlines()[0]
    ceo = ("CEO：" if zh else "CEO: ") + (
        ("无" if zh else "none") if f[1] == "-" else
        ("、" if zh else ", ").join(name[s] for s in f[1].split(",")))
    seats = ("董事会（%s席）：" if zh else "Board, %s seats:") % f[3]
    places = dict(p.split("=") for p in f[6].split())
    print("\t".join([f[0], head, ceo, seats, name["sutskever"],
                     stance[places["sutskever"].split("/")[1]]]))
EOF
}

# shows_stance NAME STANCE: a column of the split shows NAME with STANCE
# (in full, or numbered in the legend), or with no mark if STANCE is "".
shows_stance() {
	screen | python3 -c '
import re, sys
name, stance = sys.argv[1], sys.argv[2]
rows = sys.stdin.read().splitlines()
joined = " ".join(r.strip() for r in rows)
for r in rows:
    if "│" not in r or name not in r:
        continue
    after = r.split(name, 1)[1]
    m = re.match(r" \[(\d+)\]", after)
    if not stance:
        sys.exit(0 if not re.match(r" ?[\[(（]", after) else 1)
    if after.startswith((" (%s)" % stance, "（%s）" % stance)):
        sys.exit(0)
    sys.exit(0 if m and "[%s] %s" % (m.group(1), stance) in joined else 1)
sys.exit(1)' "$1" "$2"
}

# check_moments LANG: goes to each moment with : and checks the split.
check_moments() {
	local rows r when head ceo seats who stance prompt_lang=$1
	mapfile -t rows < <(moments_for "$1")
	[ ${#rows[@]} -eq 7 ]
	ok $? "$1: seven moments of the table"
	for r in "${rows[@]}"; do
		IFS=$'\t' read -r when head ceo seats who stance <<<"$r"
		goto "$when"
		expect "$head" "$1: $when: the split is at that instant"
		expect "$ceo" "$1: $when: $ceo"
		expect "$seats" "$1: $when: $seats"
		shows_stance "$who" "$stance"
		ok $? "$1: $when: $who: ${stance:-no stance}"
	done
}

# ---- The first screen, 80x24
start 80 24
expect "boardroom · Timeline" "the timeline opens at 80x24"
expect "Sutskever texts Altman" "on the first entry of the main line"
expect "│Fri 17" "the ruler labels the days"
expect "13/51" "the status line shows the position"
expect "PT │ EN" "zone and language on the status line"
refute "too small" "80x24 is big enough"

# Moving
keys j
expect "14/51" "j moves down"
keys k
expect "13/51" "k moves back"
keys G
expect "51/51" "G goes to the last event"
keys g
expect " 1/51" "g goes to the first"
keys End
expect "51/51" "End goes to the last"

# Help, made from the keymap
keys '?'
expect "How to" "? opens help"
keys NPage
expect "go to a date or time" "help lists the go-to key"
keys NPage
expect "Ctrl-L" "help scrolls; it lists every key, Ctrl-L too"
keys q
expect "TIMELINE" "q closes help"

# Go to, in each family of the date parser
goto "Nov 19 evening"
expect "Talks collapse" "go to 'Nov 19 evening' (month name, part of day)"
expect "→ Sun Nov 19 2023, evening PT" "the status line says where it went"
goto "T+48"
expect "→ Sun Nov 19 2023 12:03 PT" "go to 'T+48' (crisis clock)"
expect "Altman returns to headquarters" "lands on his visit to headquarters"
goto "11月20日晚上"
expect "Sutskever introduces Shear" "go to '11月20日晚上' (Chinese)"
goto "2023-11-21 22:03"
expect "Altman returns as CEO" "go to an ISO date and time"
goto "-1d"
expect "→ Mon Nov 20 2023 22:03 PT" "go to '-1d' (relative to the selection)"
goto "11/17 12:23"
expect "Brockman removed from the board" "go to '11/17 12:23' (US)"
goto "fri 3pm"
expect "Murati as CEO" "go to 'fri 3pm' (weekday)"
goto "blorp"
expect "not understood: 'blorp'" "a bad date is named on the status line"

# Search, incremental, in Chinese
goto "Nov 17 12:00"
keys /
type_text "公开信"
expect "Search: 公开信" "/ opens the search prompt"
expect "Murati starts a letter" "typing jumps to the first match"
keys Enter
expect "/公开信" "Enter keeps the search in force"
keys n
expect "743 staff sign the letter" "n goes to the next match"
keys N
expect "Murati starts a letter" "N goes back"
keys /
type_text "zzqqxx"
expect "no match for 'zzqqxx'" "a search with no match says so"
keys Escape
wait_gone "Search:" 5
expect "/公开信" "Esc restores the search before"
keys / Enter
expect "all events" "an empty search clears it"

# The detail, full screen on a narrow terminal
goto "花絮2"
expect "→ 花絮2" "go to a marker of the source"
keys Enter
expect "A 4:2 vote on a six-member board" "Enter shows the event in full"
keys NPage
expect "Source notes" "with its source notes further down"
keys PPage
expect "People (role · side then · office)" "with its people"
expect "Safety" "and their side at that moment"
keys q
expect "TIMELINE" "q goes back to the timeline"

# The person filter
keys p
expect "Find:" "p opens the people"
type_text "mira"
expect "Mira Murati" "typing narrows the list"
keys Enter
expect "people: Mira Murati" "Enter filters the timeline to her"
goto "Nov 19"
expect "push for their return" "what Murati did on Nov 19"
keys P
expect "all events" "P clears the person filter"

# The split before and after Sutskever's change of heart
goto "2023-11-17 13:00"
keys s
expect "Split" "s opens the split"
expect "Accelerationist" "with both sides"
expect "As of Fri Nov 17 2023 13:00 PT (T+0:57)" "at the instant : named"
screen | grep -F "No line stated" | grep -qF "Ilya Sutskever"
ok $((!$?)) "before: Sutskever is not among those with no line"
screen | grep -F "Safety" -A6 | grep -qF "Ilya Sutskever [1]"
ok $? "before: Sutskever is on the safety side, with a stance"
expect "[1] With the board" "the legend names the stance"
expect "Board vote" "the vote is among the figures"
goto "Nov 20 evening"
for i in 1 2 3 4; do keys j; done
expect "主線#14" "moving with j keeps the split open (主線#14)"
expect "Ilya Sutskever: With the board → neither" \
	"it says who moved with the last event"
screen | grep -F "Safety" -A6 | grep -qF "Ilya Sutskever"
ok $? "after: Sutskever keeps his line"
keys j j j j PPage
expect "743 (over 95%)" "the letter's signatures as of 主線#16"
goto "Nov 21 noon"
expect "CEO: Emmett Shear" ": Nov 21 noon, s: Emmett Shear is CEO"
expect "As of Tue Nov 21 2023 12:00 PT (T+95:57)" "at 12:00, not at the next event"
keys q
expect "TIMELINE" "q leaves the split"

# The moments, at 80x24 in English
keys s
check_moments en
keys q

# Filters by kind and faction
keys f
expect "kind: main" "f filters by kind"
expect "/21" "21 events on the main line"
keys f f f
expect "all events" "f cycles back to all"
keys F
expect "faction: Safety" "F filters by faction"
keys F F
expect "faction: With the board" "F cycles through the lines, then the stances"
keys F
expect "faction: For Altman's return" "the other crisis stance"
keys F
expect "all events" "F cycles back to none"

# Language and zone
keys l
expect "时间线" "l switches to Chinese"
expect "中文" "the status line says so"
keys z
expect "北京" "z changes the zone"
keys l z z z
expect "PT │ EN" "back to English and Pacific time"

# Quitting leaves a clean terminal
keys q
expect "EXITED=0" "q quits with status 0"
refute "boardroom · Timeline" "and the screen is restored"

# ---- 200x60: the detail pane beside the list, Chinese
start 200 60 -- --lang zh
expect "时间线" "200x60 in Chinese"
expect "人物（角色 · 当时阵营 · 职务）" "the detail pane is beside the list"
keys s
check_moments zh
keys q
keys C-c
expect "EXITED=0" "Ctrl-C quits cleanly"

# ---- 120x40 and resizing
start 120 40
expect "Google Meet, not Teams, at a company 49% Microsoft-owned" \
	"120x40: the list shows titles in full"
refute "People (role" "and no detail pane takes their room"
resize 200 60
expect "People (role · side then · office)" "200x60 has the detail pane"
expect "Google Meet, not Teams, at a company 49% Microsoft-owned" \
	"beside titles in full"
resize 60 20
expect "TIMELINE" "resizing to 60x20 redraws"
refute "People (role" "and drops the detail pane"
resize 30 8
expect "Terminal too small: 30x8" "a too-small terminal says so"
resize 80 24
expect "TIMELINE" "growing again redraws the timeline"
refute "Terminal too small" "and the note is gone"
keys q
expect "EXITED=0" "quit after resizing"

# ---- Too small from the start
start 30 8
expect "Terminal too small" "starting too small shows a note"
keys q
expect "EXITED=0" "and q still quits"

# ---- No colour, and a dumb terminal
start 80 24 NO_COLOR=1
expect "TIMELINE" "NO_COLOR still draws"
keys q
start 80 24 TERM=dumb
expect "TERM is 'dumb'" "TERM=dumb is refused with a message"
expect "EXITED=2" "with status 2"

# ---- A GB18030 terminal (through luit) and the C locale
if command -v luit >/dev/null && locale -a | grep -qi '^zh_CN\.gb18030$'; then
	WRAP="luit -encoding GB18030 --" \
		start 80 24 LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 -- --lang zh
	expect "时间线" "GB18030: the title in Chinese"
	expect "苏茨克维发短信约阿尔特曼次日通话" "GB18030: an event's title"
	expect "|16日（四）" "GB18030: symbols the locale draws wide become ASCII"
	screen | awk 'length($0) > 0' | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [l.rstrip("\n") for l in sys.stdin]
sys.exit(0 if all(w(r) <= 80 for r in rows) and len(rows) >= 20 else 1)'
	ok $? "GB18030: no row is wider than the terminal"
	keys p
	type_text "穆拉蒂"
	expect "米拉.穆拉蒂" "GB18030: Chinese typed in the people picker"
	keys Escape q
	expect "EXITED=0" "GB18030: quits cleanly"
else
	for i in 1 2 3 4 5 6; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP no luit or no zh_CN.GB18030 locale"
	done
fi
start 80 24 LANG=C LC_ALL=C -- --lang zh
expect "boardroom . ?????? ." "C locale: Chinese becomes '?', two per character"
expect "|16????????" "C locale: the ruler in ASCII"
expect "T-18h    *" "C locale: columns stay aligned"
keys q
expect "EXITED=0" "C locale: quits cleanly"

done_testing
