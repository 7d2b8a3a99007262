#!/usr/bin/env bash
# The exports as the programs people feed them to read them: JSON, CSV,
# iCalendar and TimelineJS in UTF-8 in any locale (jq, Python), iCalendar
# through calcurse and python3-icalendar, Markdown through cmark, the
# shell completion in bash, and the small conventions (a full disk, an
# ambiguous zone, NO_COLOR).
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

skip() { # COUNT REASON
	local i
	for i in $(seq "$1"); do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP $2"
	done
}

# Debian's python3-icalendar loads under /usr/bin/python3, not under
# another python3 on PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# 1. Machine formats are UTF-8 whatever the locale; text follows it.
GB=
locale -a 2>/dev/null | grep -qi '^zh_CN\.gb18030$' && GB=zh_CN.GB18030
for loc in C ${GB:+$GB}; do
	LC_ALL=$loc LANG=$loc "$BOARDROOM" events --format json >"$work/ev.json"
	jq -e 'length == 51 and (map(.title.zh) | all(test("[\u4e00-\u9fff]")))' \
		"$work/ev.json" >/dev/null
	ok $? "LC_ALL=$loc: events --format json parses with jq, Chinese intact"
	LC_ALL=$loc LANG=$loc "$BOARDROOM" events --format csv >"$work/ev.csv"
	python3 - "$work/ev.csv" "$work/ev.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
ev = json.load(open(sys.argv[2], encoding="utf-8"))
assert len(rows) == len(ev) == 51
assert [r["title_zh"] for r in rows] == [e["title"]["zh"] for e in ev]
assert [r["summary_en"] for r in rows] == [e["summary"]["en"] for e in ev]
PY
	ok $? "LC_ALL=$loc: events --format csv is the JSON's text, in UTF-8"
	for f in ics timelinejs md; do
		LC_ALL=$loc LANG=$loc "$BOARDROOM" events --format $f \
			>"$work/ev.$f" &&
			iconv -f UTF-8 -t UTF-8 "$work/ev.$f" >/dev/null &&
			grep -qE '主線#19|董事会' "$work/ev.$f"
		ok $? "LC_ALL=$loc: events --format $f is UTF-8 with its Chinese"
	done
	LC_ALL=$loc LANG=$loc "$BOARDROOM" split --format json | jq -e '.ceo' >/dev/null
	ok $? "LC_ALL=$loc: split --format json parses"
	rm -f "$work/round.db"
	LC_ALL=$loc LANG=$loc "$BOARDROOM" import "$work/ev.json" --into "$work/round.db" \
		--format json >"$work/round.report" 2>/dev/null &&
		jq -e '.files[0]' "$work/round.report" >/dev/null &&
		LC_ALL=$loc LANG=$loc "$BOARDROOM" events --db "$work/round.db" --format json |
		cmp -s - "$work/ev.json"
	ok $? "LC_ALL=$loc: the JSON reads back through import unchanged; its report is JSON"
done
[ -n "$GB" ] || skip 7 "no zh_CN.GB18030 locale (tools/dev locales)"
if [ -n "$GB" ]; then
	LC_ALL=$GB "$BOARDROOM" events --lang zh --limit 3 >"$work/gb.txt"
	"$BOARDROOM" events --lang zh --limit 3 >"$work/utf8.txt"
	! iconv -f UTF-8 -t UTF-8 "$work/gb.txt" >/dev/null 2>&1 &&
		iconv -f GB18030 -t UTF-8 "$work/gb.txt" | grep -q '投资'
	ok $? "text output still follows the locale (GB18030)"
else
	skip 1 "no zh_CN.GB18030 locale"
fi
fails "--encoding applies to text output" events --format json --encoding GB18030

# 2. iCalendar: all-day events end after their last local day; UIDs.
"$BOARDROOM" events --format json >"$work/ev.json"
"$BOARDROOM" events --format ics >"$work/ev.ics"
if "$PY" -c 'import icalendar' 2>/dev/null; then
	"$PY" - "$work/ev.ics" "$work/ev.json" <<'PY'
import datetime as dt, json, sys, zoneinfo
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = json.load(open(sys.argv[2], encoding="utf-8"))
vev = cal.walk("VEVENT")
assert len(vev) == len(ev) == 51, len(vev)
la = zoneinfo.ZoneInfo("America/Los_Angeles")
def local_day(iso):
    return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(la).date()
days = 0
for v, e in zip(vev, ev):
    s = v["DTSTART"].dt
    if e["precision"] in ("day", "month", "year"):
        days += 1
        assert isinstance(s, dt.date) and not isinstance(s, dt.datetime)
        assert s == local_day(e["start"]), (e["marker"], s)
        end = v["DTEND"].dt
        assert end == local_day(e["end"]) + dt.timedelta(days=1), (e["marker"], s, end)
    if "DTEND" in v:
        assert v["DTEND"].dt > s, (e["marker"], s, v["DTEND"].dt)
by = {e["marker"]: v for v, e in zip(vev, ev)}
for m in ("主線#19", "花絮15"):
    assert by[m]["DTSTART"].dt == dt.date(2023, 11, 21), m
    assert by[m]["DTEND"].dt == dt.date(2023, 11, 22), m
assert days == 24, days
uids = [str(v["UID"]) for v in vev]
assert len(set(uids)) == len(uids)
PY
	ok $? "python3-icalendar: 51 VEVENTs, the 24 all-day ones end the day after their last local day"
else
	skip 1 "no python3-icalendar under $PY"
fi
if command -v calcurse >/dev/null; then
	mkdir -p "$work/cal"
	HOME=$work calcurse -D "$work/cal" -i "$work/ev.ics" >"$work/cal.out" 2>&1
	rc=$?
	[ $rc -eq 0 ] && grep -q ' 0 skipped' "$work/cal.out" &&
		grep -q '24 events' "$work/cal.out"
	ok $? "calcurse imports every VEVENT, none skipped ($(tail -1 "$work/cal.out"))"
else
	skip 1 "no calcurse"
fi
"$BOARDROOM" events --format ics | cmp -s - "$work/ev.ics"
ok $? "the same data gives the same iCalendar file"
# The same events in another database: the same events' UIDs, distinct.
"$BOARDROOM" import "$work/ev.json" --into "$work/copy.db" --source copy >/dev/null 2>&1
"$BOARDROOM" events --db "$work/copy.db" --format ics >"$work/copy.ics"
python3 - "$work/ev.ics" "$work/copy.ics" <<'PY'
import re, sys
a = re.findall(r"^UID:(\S+)", open(sys.argv[1]).read(), re.M)
b = re.findall(r"^UID:(\S+)", open(sys.argv[2]).read(), re.M)
assert len(a) == len(b) == 51
assert not set(a) & set(b), "UIDs shared between databases"
# The event's part is the same: the marker's identity.
assert [u.split("-")[0] for u in a] == [u.split("-")[0] for u in b]
PY
ok $? "UIDs differ between databases and follow the event, not its row"

# Data that a Markdown reader or TimelineJS would misread.
python3 - "$work/ev.json" "$work/odd.json" <<'PY'
import json, sys
ev = json.load(open(sys.argv[1], encoding="utf-8"))
e = dict(ev[0])
e["marker"] = "x#1"
e["title"] = {"en": "# *star* _u_ `c` <b>bold</b> [l](http://x) ~s~ $m$ &amp; |p|",
              "zh": "1. 列表"}
e["summary"] = {"en": "first line\nsecond line", "zh": "第一行\n第二行"}
e["people"] = []
json.dump([e], open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$BOARDROOM" import "$work/odd.json" --into "$work/odd.db" >/dev/null 2>&1
ok $? "a database with markup in its texts"

# 3. TimelineJS
"$BOARDROOM" events --format timelinejs --lang zh >"$work/tl.json"
python3 - "$work/tl.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
ends = [e for e in t["events"] if "end_date" in e]
assert ends
for e in ends:
    s, d = e["start_date"]["display_date"], e["end_date"]["display_date"]
    assert s and d, e
    assert d not in s, (s, d)   # the end is not in the start's label too
assert {e["group"] for e in t["events"]} == {"主线", "花絮", "背景"}
PY
ok $? "timelinejs: each end has its own display_date; groups follow --lang zh"
"$BOARDROOM" events --db "$work/odd.db" --format timelinejs |
	jq -e '.events[0].text.text == "first line<br>second line" and
	       (.events[0].text.headline | contains("&lt;b&gt;"))' >/dev/null
ok $? "timelinejs: newlines survive as <br>, HTML is escaped"

# 4. Markdown
"$BOARDROOM" events --db "$work/odd.db" --format md >"$work/odd.md"
"$BOARDROOM" events --db "$work/odd.db" --format md --lang zh >"$work/odd-zh.md"
if command -v cmark >/dev/null; then
	cmark --extension table "$work/odd.md" >"$work/odd.html" 2>/dev/null ||
		cmark "$work/odd.md" >"$work/odd.html"
	cmark "$work/odd-zh.md" >"$work/odd-zh.html"
	! grep -qE '<(em|strong|code|b|a|del|h1|ol|li)[ >]' "$work/odd.html" "$work/odd-zh.html" &&
		grep -qF '*star*' "$work/odd.html" && grep -qF '&lt;b&gt;bold' "$work/odd.html" &&
		grep -qF '[l](http://x)' "$work/odd.html" && grep -qF '&amp;amp;' "$work/odd.html"
	ok $? "cmark renders the Markdown's markup characters as text"
else
	skip 1 "no cmark"
fi
grep -qF '\*star\* \_u\_ \`c\` \<b\>bold\</b\> \[l\](http://x) \~s\~ \$m\$ \&amp; \|p\|' "$work/odd.md" &&
	grep -qF '| 1\. 列表 |' "$work/odd-zh.md" && grep -qF '| \# ' "$work/odd.md"
ok $? "Markdown escapes * _ \` < [ ~ \$ & | anywhere, # and 1. at the start"
"$BOARDROOM" split --format md --at 'Nov 20 evening' >"$work/split.md"
"$BOARDROOM" split --at 'Nov 20 evening' >"$work/split.txt"
head -1 "$work/split.md" | grep -q '^As of Mon Nov 20 2023 ' &&
	grep -q '^- CEO: Emmett Shear' "$work/split.md" &&
	grep -q '^- Board (4 seats): ' "$work/split.md" &&
	grep -q '^- Microsoft.s stake (%): ' "$work/split.md" &&
	[ "$(grep -c '^- ' "$work/split.md")" -eq "$(($(wc -l <"$work/split.txt") - 1))" ]
ok $? "split --format md has the as of, the CEO, the board and the figures of text"

# 6. Shell completion, from the program's own tables
"$BOARDROOM" completion bash >"$work/comp.bash"
ok $? "completion bash"
comp() { # WORDS...: the candidates, one a line
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
		_boardroom; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' _ "$work/comp.bash" "$@"
}
comp "$BOARDROOM" "" >"$work/c1"
grep -qx events "$work/c1" && grep -qx split "$work/c1" && grep -qx -- --tz "$work/c1" &&
	! grep -qx completion "$work/c1"
ok $? "bash: the commands and the global options"
[ "$(comp "$BOARDROOM" events --f | sort | tr '\n' ' ')" = "--faction --format --from " ]
ok $? "bash: events --f gives events' options"
[ "$(comp "$BOARDROOM" split --f | tr '\n' ' ')" = "--format " ]
ok $? "bash: split --f gives only --format"
[ "$(comp "$BOARDROOM" events --format t | tr '\n' ' ')" = "text timelinejs " ] &&
	[ "$(comp "$BOARDROOM" people --format t | tr '\n' ' ')" = "text " ] &&
	[ "$(comp "$BOARDROOM" events --format = i | tr '\n' ' ')" = "ics ical " ]
ok $? "bash: --format values per command, also after --format="
comp "$BOARDROOM" events --tz "" >"$work/c2"
comp "$BOARDROOM" events --tz Europe/Lon >>"$work/c2"
grep -qx PT "$work/c2" && grep -qx Beijing "$work/c2" && grep -qx Europe/London "$work/c2"
ok $? "bash: --tz values and IANA names"
comp "$BOARDROOM" events --person mu >"$work/c3"
grep -qx murati "$work/c3" && grep -qx musk "$work/c3"
ok $? "bash: --person names from the bundled dataset"
[ "$(comp "$BOARDROOM" events --db "$work/odd.db" --person '' | wc -l)" -eq 0 ] &&
	[ "$(comp "$BOARDROOM" events --db "$work/copy.db" --person mu | sort | tr '\n' ' ')" = "murati musk " ]
ok $? "bash: --person names from the --db on the line"
"$BOARDROOM" completion zsh >"$work/_boardroom" &&
	grep -q '^#compdef boardroom' "$work/_boardroom" &&
	{ ! command -v zsh >/dev/null || zsh -n "$work/_boardroom"; }
ok $? "completion zsh is a #compdef function zsh can read"
fails "completion needs bash or zsh" completion fish

# 8. Small conventions
"$BOARDROOM" events >/dev/full 2>"$work/full.err"
rc=$?
[ $rc -eq 1 ] && [ "$(wc -l <"$work/full.err")" -eq 1 ] &&
	grep -q 'cannot write the output: No space left on device' "$work/full.err"
ok $? "a full disk: exit 1 and one line ($(cat "$work/full.err"))"
"$BOARDROOM" events --format json >/dev/full 2>"$work/full.err"
[ $? -eq 1 ] && [ "$(wc -l <"$work/full.err")" -eq 1 ]
ok $? "a full disk with --format json: exit 1 and one line"
"$BOARDROOM" completion bash >/dev/full 2>"$work/full.err"
[ $? -eq 1 ] && [ "$(wc -l <"$work/full.err")" -eq 1 ]
ok $? "a full disk for completion: exit 1 and one line"
"$BOARDROOM" import "$work/ev.json" --into "$work/full.db" >/dev/full 2>"$work/full.err"
[ $? -eq 1 ] && [ "$(wc -l <"$work/full.err")" -eq 1 ]
ok $? "a full disk for the import report: exit 1 and one line"
fails "ambiguous time zone 'CST'" events --tz CST
grep -q 'America/Chicago' "$work/err" && grep -q Beijing "$work/err"
ok $? "--tz CST suggests the zones to say"
"$BOARDROOM" people --help | grep -A1 -- '--search' | grep -q 'name or alias'
ok $? "people --help describes its --search"
"$BOARDROOM" events --help | grep -q 'markdown' && "$BOARDROOM" events --help | grep -q 'ical'
ok $? "events --help names the aliases markdown and ical"
if command -v tmux >/dev/null; then
	start 80 24 NO_COLOR= --
	wait_for "TIMELINE" &&
			tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | grep -qE $'\e\\[(3[0-7]|38;5)'
	ok $? "NO_COLOR set but empty still colours"
	start 80 24 NO_COLOR=1 --
	wait_for "TIMELINE" &&
		! tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | grep -qE $'\e\\[(3[0-7]|38;5)'
	ok $? "NO_COLOR=1 draws without colour"
else
	skip 2 "no tmux"
fi

done_testing
