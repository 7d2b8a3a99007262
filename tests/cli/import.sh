#!/usr/bin/env bash
# boardroom import and the export formats: the source article in four
# charsets, JSON and CSV read back byte for byte, iCalendar and TimelineJS
# output, and every error path (one line on stderr, exit status 2, nothing
# on stdout, a database that is not boardroom's left as it was).
set -u
. "$(dirname "$0")/../lib.sh"

SEED="$SOURCE_ROOT/../shared/seed/000_a158676674442f4b.txt"
work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"; cleanup_tmux' EXIT

skip() { # COUNT REASON
	local i
	for i in $(seq "$1"); do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP $2"
	done
}

# The entries of the article, and their times.
check_seed_db() { # DB LABEL
	"$BOARDROOM" events --db "$1" --format json >"$work/ev.json" &&
		python3 - "$work/ev.json" <<'PY'
import json, sys
ev = json.load(open(sys.argv[1], encoding="utf-8"))
by = {e["marker"]: e for e in ev}
assert sum(e["kind"] == "main" for e in ev) == 21, "main"
assert sum(e["kind"] == "aside" for e in ev) == 16, "aside"
want = {f"主線#{i:02d}" for i in range(1, 22)} | {f"花絮{i}" for i in range(1, 17)}
assert set(by) == want, sorted(set(by) ^ want)
assert by["主線#01"]["start"] == "2023-11-17T02:00:00Z", by["主線#01"]
assert by["主線#02"]["start"] == "2023-11-17T20:00:00Z", by["主線#02"]
assert by["主線#02"]["precision"] == "hour"
assert by["主線#03"]["start"] == "2023-11-17T20:23:00Z", by["主線#03"]
assert by["主線#04"]["start"] == "2023-11-17T23:00:00Z", by["主線#04"]
assert by["主線#11"]["time_text"] == "11月20日凌晨"
assert by["花絮1"]["inferred"] and not by["主線#02"]["inferred"]
assert "大量員工" in by["主線#16"]["summary"]["zh"], "no colon after #16"
for e in ev:
    assert e["title"]["zh"] and not e["title"]["en"], e["marker"]
    assert "(yè)" not in e["summary"]["zh"] and "(hu" not in e["summary"]["zh"]
PY
	ok $? "$2: 21 main-line and 16 sidelight entries, with their times"
}

# import_seed LABEL FILE [OPTIONS]: the report says ENCODING.
import_seed() {
	local label=$1 file=$2 enc=$3
	shift 3
	rm -f "$work/$label.db"
	"$BOARDROOM" import "$file" --into "$work/$label.db" --format json "$@" \
		>"$work/$label.report" 2>"$work/err"
	ok $? "import the article, $label"
	python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["files"][0]
assert r["encoding"] == sys.argv[2], r["encoding"]
assert r["entries"] == {"main": 21, "aside": 16, "background": 0}, r
assert r["cleaning"]["lines_before"] > 0 and r["cleaning"]["lines_after"] > 0
assert r["cleaning"]["pinyin"] > 100, r["cleaning"]
assert r["dates"]["stated"] + r["dates"]["inferred"] == 37
' "$work/$label.report" "$enc"
	ok $? "$label: the report names $enc and counts the entries"
	check_seed_db "$work/$label.db" "$label"
}

if [ -f "$SEED" ]; then
	import_seed utf8 "$SEED" UTF-8
	iconv -t GB18030 "$SEED" >"$work/gb18030.txt"
	import_seed gb18030 "$work/gb18030.txt" GB18030
	iconv -t UTF-16 "$SEED" >"$work/utf16.txt"
	import_seed utf16 "$work/utf16.txt" UTF-16LE
	iconv -c -t BIG5 "$SEED" >"$work/big5.txt"
	import_seed big5 "$work/big5.txt" BIG5 --lossy
	iconv -t GB18030 "$SEED" >"$work/named.txt"
	import_seed named "$work/named.txt" GB18030 --encoding GB18030
	python3 -c 'import json,sys; assert not json.load(open(sys.argv[1]))["files"][0]["encoding_detected"]' "$work/named.report"
	ok $? "a named encoding is reported as given"
	# The article's own database exports and imports back unchanged.
	"$BOARDROOM" events --db "$work/utf8.db" --format json >"$work/s1.json"
	"$BOARDROOM" import "$work/s1.json" --into "$work/s2.db" >/dev/null &&
		"$BOARDROOM" events --db "$work/s2.db" --format json >"$work/s2.json" &&
		cmp -s "$work/s1.json" "$work/s2.json"
	ok $? "an imported article round-trips through JSON"
	# People: linked by the names a database knows.
	"$BOARDROOM" events --kind background --format json >"$work/bg.json"
	"$BOARDROOM" import "$work/bg.json" "$SEED" --into "$work/linked.db" \
		--format json >"$work/linked.report"
	ok $? "import two files into one database"
	"$BOARDROOM" events --db "$work/linked.db" --person Altman --kind main \
		--format json | python3 -c '
import json, sys
ev = json.load(sys.stdin)
assert any(e["marker"] == "主線#01" for e in ev), [e["marker"] for e in ev]
e = [e for e in ev if e["marker"] == "主線#05"][0]
assert e["people"][0]["slug"] == "altman" and e["people"][0]["role"] == "actor"'
	ok $? "people are linked by alias, the first named as the actor"
	python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["files"][1]
assert r["people"]["linked"] > 20, r["people"]
assert "Google Meet" not in r["people"]["unknown"], r["people"]
assert "Brian Chesky" in r["people"]["unknown"], r["people"]' "$work/linked.report"
	ok $? "names no alias matches are reported, none made up"
	fails "an event marked 主線#01 is already in" import "$SEED" --into "$work/linked.db"
	"$BOARDROOM" events --db "$work/utf8.db" --kind main --limit 2 \
		--lang en >"$work/en.txt"
	grep -q "Sam Altman收到" "$work/en.txt"
	ok $? "an English list falls back on the Chinese title"
else
	skip 22 "the source article is not at $SEED"
fi

# The bundled dataset through JSON and CSV, byte for byte.
"$BOARDROOM" events --format json >"$work/a.json"
"$BOARDROOM" import "$work/a.json" --into "$work/j.db" >"$work/report" &&
	"$BOARDROOM" events --db "$work/j.db" --format json >"$work/b.json" &&
	cmp -s "$work/a.json" "$work/b.json"
ok $? "events JSON -> import -> events JSON is byte-identical"
grep -q "^  imported  51 events, 64 notes" "$work/report"
ok $? "the report counts what was imported"
"$BOARDROOM" events --format csv >"$work/a.csv"
"$BOARDROOM" import "$work/a.csv" --into "$work/c.db" >/dev/null &&
	"$BOARDROOM" events --db "$work/c.db" --format csv >"$work/b.csv" &&
	cmp -s "$work/a.csv" "$work/b.csv"
ok $? "events CSV -> import -> events CSV is byte-identical"
"$BOARDROOM" people --db "$work/j.db" --format csv | grep -q "^dangelo,person,Adam D'Angelo"
ok $? "people missing from a database are created from the file"

# iCalendar
"$BOARDROOM" events --format ics >"$work/a.ics"
ok $? "events --format ics"
python3 - "$work/a.ics" "$work/a.json" <<'PY'
import json, re, sys
raw = open(sys.argv[1], "rb").read()
events = json.load(open(sys.argv[2], encoding="utf-8"))
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "CRLF"
lines = raw.split(b"\r\n")[:-1]
for l in lines:
    assert len(l) <= 75, l
    l.decode("utf-8")  # no folded line splits a character
text = b"\r\n".join(lines).replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
assert text[0] == "BEGIN:VCALENDAR" and text[-1] == "END:VCALENDAR"
assert sum(l == "BEGIN:VEVENT" for l in text) == len(events)
props = [l for l in text if l.startswith(("DTSTART", "DTEND", "DTSTAMP", "UID"))]
assert all(re.fullmatch(r"(DTSTART|DTEND);VALUE=DATE:\d{8}", l) or
           re.fullmatch(r"(DTSTART|DTEND|DTSTAMP):\d{8}T\d{6}Z", l) or
           l.startswith("UID:") for l in props), props
assert "DTSTART:20231117T200000Z" in text   # 主線#02, an hour: UTC
assert "DTSTART;VALUE=DATE:20231117" in text  # a day: a DATE
assert len({l for l in text if l.startswith("UID:")}) == len(events)
assert len({l for l in text if l.startswith("DTSTAMP")}) == 1
desc = [l for l in text if l.startswith("DESCRIPTION:")]
assert any("\\," in d and "\\n\\n" in d for d in desc), "escaped text"
assert all(not re.search(r"(?<!\\)[,;]", d[len("DESCRIPTION:"):]) for d in desc)
PY
ok $? "ics: CRLF, folded at 75 octets on character boundaries, escaped, one VEVENT each"
"$BOARDROOM" events --format ics | cmp -s - "$work/a.ics"
ok $? "ics output is the same every time"

# TimelineJS3
"$BOARDROOM" events --format timelinejs --lang zh >"$work/tl.json"
python3 - "$work/tl.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
assert t["title"]["text"]["headline"]
ev = t["events"]
assert len(ev) == 51
for e in ev:
    assert set(e) <= {"start_date", "end_date", "text", "group", "unique_id"}
    assert isinstance(e["start_date"]["year"], int)
    assert e["start_date"]["display_date"] and e["text"]["headline"]
    assert e["group"] in ("主线", "花絮", "背景"), e["group"]
    if "end_date" in e:
        assert e["end_date"]["display_date"], e
assert len({e["unique_id"] for e in ev}) == len(ev)
m2 = [e for e in ev if e["text"]["headline"].startswith("董事会在Google Meet")]
assert m2 and m2[0]["start_date"]["hour"] == 12, m2
dates = [e["start_date"] for e in ev]
assert any("day" in d and "hour" not in d for d in dates), "a day"
assert any(set(d) == {"year", "display_date"} for d in dates), "a year"
assert any("end_date" in e for e in ev), "an interval"
PY
ok $? "timelinejs: a title and one slide per event, dates at their precision"

# Errors
fails "nothere.txt: No such file" import "$work/nothere.txt" --into "$work/e.db"
[ ! -e "$work/e.db" ]
ok $? "no database is left behind by a failed import"
head -c 4096 /dev/urandom >"$work/junk.bin"
printf '\0' >>"$work/junk.bin"
fails "junk.bin: binary data" import "$work/junk.bin" --into "$work/e.db"
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(0x80, 0x100)) * 8)' >"$work/junk2.bin"
fails "junk2.bin: not text in a charset" import "$work/junk2.bin" --into "$work/e.db"
fails "unknown encoding 'KLINGON'" import "$work/a.json" --encoding KLINGON --into "$work/e.db"
fails "import needs FILE" import --into "$work/e.db"
fails "import needs FILE" import "$work/a.json"
fails "unknown report format 'csv'" import "$work/a.json" --into "$work/e.db" --format csv
fails "bad --year" import "$work/a.json" --into "$work/e.db" --year 20x3
fails "--tz local cannot be stored" import "$work/a.json" --into "$work/e.db" --tz local
fails "option --db does not apply to 'import'" import "$work/a.json" --into "$work/e.db" --db x
fails "is for events only" people --format ics
fails "is for events only" split --format timelinejs
truncate -s 65M "$work/big.txt"
fails "big.txt: too large" import "$work/big.txt" --into "$work/e.db"
fails "not a regular file" import "$work" --into "$work/e.db"
printf 'not a database at all' >"$work/other.db"
sum=$(md5sum <"$work/other.db")
fails "not a database" import "$work/a.json" --into "$work/other.db"
[ "$(md5sum <"$work/other.db")" = "$sum" ]
ok $? "a file that is not a database is unchanged"
python3 -c "import sqlite3; c = sqlite3.connect('$work/sqlite.db'); c.execute('create table t(x)'); c.commit()"
sum=$(md5sum <"$work/sqlite.db")
fails "not a boardroom database" import "$work/a.json" --into "$work/sqlite.db"
[ "$(md5sum <"$work/sqlite.db")" = "$sum" ]
ok $? "another program's database is unchanged"
sum=$(md5sum <"$work/j.db")
sed '3s/"kind":"[a-z]*"/"kind":"sideshow"/' "$work/a.json" >"$work/bad.json"
fails "bad.json: event 2: 'kind' is not main, aside or background" import "$work/bad.json" --into "$work/j.db"
[ "$(md5sum <"$work/j.db")" = "$sum" ]
ok $? "a file that fails leaves the database as it was"
# Two wrong events: the first pass reads only each event's people, yet
# the first problem of the file is the one reported.
sed -e '2s/"start":"[^"]*"/"start":"yesterday"/' \
	-e '3s/"slug":"[^"]*"/"slug":""/' "$work/a.json" >"$work/bad2.json"
fails "bad2.json: event 1: " import "$work/bad2.json" --into "$work/j2.db"

# Linear in the input: one entry of a single 5 MB clause (Latin words,
# distinct unknown names, digits, Chinese numerals, date words; no clause
# stop) imports in about a second. Quadratic work on it took hours. Under
# a wrapper (valgrind) the clause is 250 KB: the same words through the
# same code, where only the time would tell 5 MB from less.
clause_bytes=5000000
if [ -n "${BOARDROOM_WRAP:-}" ]; then
	clause_bytes=250000
	diag "under a wrapper ($BOARDROOM_WRAP): a sample clause of $clause_bytes bytes, not 5 MB"
fi
python3 - "$work/long.txt" "$clause_bytes" <<'PY'
import sys
def name(i):
    s = ""
    while True:
        s = "abcdefghijklmnopqrstuvwxyz"[i % 26] + s
        i //= 26
        if not i:
            return "Q" + s
parts, n, i = [], 0, 0
while n < int(sys.argv[2]):
    p = f"{name(i)} Board 一二三{i % 97}x 12345 第二天下午 AAAAAAAAAAAAAAAA "
    parts.append(p)
    n += len(p.encode())
    i += 1
open(sys.argv[1], "w", encoding="utf-8").write(
    "主線#01: 11月17日 " + "".join(parts) + "\n")
open(sys.argv[1] + ".n", "w").write(str(i))
PY
"$BOARDROOM" import "$work/long.txt" --into "$work/long.db" --format json \
	>"$work/long.report"
ok $? "import a single clause of $clause_bytes bytes"
python3 - "$work/long.report" "$(cat "$work/long.txt.n")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["files"][0]
assert r["entries"]["main"] == 1, r["entries"]
assert r["dates"] == {"stated": 1, "inferred": 0, "not_understood": 0}, r["dates"]
u = r["people"]["unknown"]
assert len(u) == len(set(u)) == int(sys.argv[2]), len(u)
assert u[:2] == ["Qa Board", "Qb Board"], u[:2]
PY
ok $? "its date, and each unknown name once"

# The order the derivations give, whatever order the files come in: a
# file in reverse time order into a new database, then one whose events
# fall among its events into the same database; each event's seq is its
# place in (ts, id) order and each participant's instant its event's.
"$BOARDROOM" gen --events 3000 --seed 3 --into "$work/o3.db" >/dev/null &&
	"$BOARDROOM" gen --events 2000 --seed 4 --into "$work/o4.db" >/dev/null &&
	"$BOARDROOM" events --all --format json --db "$work/o3.db" |
	python3 -c 'import json, sys; json.dump(json.load(sys.stdin)[::-1], sys.stdout)' \
		>"$work/o3r.json" &&
	"$BOARDROOM" events --all --format csv --db "$work/o4.db" >"$work/o4.csv" &&
	"$BOARDROOM" import "$work/o3r.json" --into "$work/o.db" >/dev/null &&
	"$BOARDROOM" import "$work/o4.csv" --into "$work/o.db" >/dev/null &&
	python3 - "$work/o.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n, = c.execute("select count(*) from event").fetchone()
assert n == 5000, n
bad, = c.execute("select count(*) from (select seq, row_number() over"
                 " (order by ts, id) as r from event) where seq is not r").fetchone()
assert bad == 0, f"{bad} events out of place"
bad, = c.execute("select count(*) from participant pa join event e"
                 " on e.id = pa.event_id where pa.ts is not e.ts").fetchone()
assert bad == 0, f"{bad} participants at another instant"
first, = c.execute("select title_en from event where seq = 1").fetchone()
want, = c.execute("select title_en from event order by ts, id limit 1").fetchone()
assert first == want, (first, want)
have = {r[0] for r in c.execute("select name from sqlite_master where type ="
                                " 'index' and tbl_name in ('event', 'participant')"
                                " and sql is not null")}
want = {"event_marker", "event_ts", "event_seq", "event_kind_ts",
        "participant_person_ts", "participant_faction_ts",
        "participant_stance_ts"}
assert have == want, have ^ want
PY
ok $? "events in reverse, then among them: seq in (ts, id) order, participants at their events' instants, every index"

# All or nothing. A 50,000-row CSV into a 20,000-event database, killed
# (kill -9) at a random point of each stretch of the import (reading and
# inserting; the derivations), and on a full disk: each time the database
# is byte for byte as it was, or complete (no event without seq, the
# search index as large as the events); PRAGMA integrity_check is ok.
db_state() { # DB: "unchanged", "complete" or what is wrong
	python3 - "$1" "$work/g20.db" <<'PY'
import filecmp, sqlite3, sys
c = sqlite3.connect(sys.argv[1])  # rolls back a hot journal
ok = c.execute("pragma integrity_check").fetchone()[0]
n, nulls = c.execute("select count(*), sum(seq is null) from event").fetchone()
fts = c.execute("select count(*) from event_fts").fetchone()[0]
gram = c.execute("select count(*) from event_gram").fetchone()[0]
c.close()
if ok != "ok":
    print("integrity_check:", ok)
elif n == 20000 and filecmp.cmp(sys.argv[1], sys.argv[2], shallow=False):
    print("unchanged")
elif n == 70000 and not nulls and fts == n and gram == n:
    print("complete")
else:
    print(f"{n} events, {nulls} without seq, {fts} indexed, {gram} in grams")
PY
}
if [ -n "${BOARDROOM_WRAP:-}" ]; then
	skip 9 "kills at timed points and a large import: not under a wrapper"
else
	"$BOARDROOM" gen --events 20000 --seed 1 --into "$work/g20.db" >/dev/null &&
		"$BOARDROOM" gen --events 50000 --seed 2 --into "$work/g50.db" >/dev/null &&
		"$BOARDROOM" events --all --format csv --db "$work/g50.db" >"$work/g50.csv"
	ok $? "a 20,000-event database and a 50,000-row CSV (gen, events --format csv)"
	for stretch in "0 2" "2 5" "5 9"; do
		set -- $stretch
		ms=$(($1 * 1000 + RANDOM % (($2 - $1) * 1000)))
		cp "$work/g20.db" "$work/k.db"
		"$BOARDROOM" import "$work/g50.csv" --into "$work/k.db" \
			>/dev/null 2>&1 &
		pid=$!
		sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
		kill -9 $pid 2>/dev/null
		wait $pid
		rc=$?
		state=$(db_state "$work/k.db")
		[ "$state" = unchanged ] || { [ "$state" = complete ] && [ $rc -eq 0 ]; }
		ok $? "import killed after ${ms} ms (exit $rc): $state"
	done
	# A new database appears only when its import is complete.
	ms=$((500 + RANDOM % 3500))
	"$BOARDROOM" import "$work/g50.csv" --into "$work/new.db" \
		>/dev/null 2>&1 &
	pid=$!
	sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
	kill -9 $pid 2>/dev/null
	wait $pid
	rc=$?
	if [ -e "$work/new.db" ]; then
		state=$(python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*) from event").fetchone()[0])' "$work/new.db")
	else
		state=absent
	fi
	[ "$state" = absent ] || { [ "$state" = 50000 ] && [ $rc -eq 0 ]; }
	ok $? "import into a new database killed after ${ms} ms (exit $rc): $state"
	mkdir "$work/full"
	if mount -t tmpfs -o size=36m tmpfs "$work/full" 2>/dev/null; then
		# Room for the 500 events, not for the derivations after them.
		head -501 "$work/g50.csv" >"$work/g500.csv"
		cp "$work/g20.db" "$work/full/f.db"
		fails "f.db: cannot write the database: the disk is full" import "$work/g500.csv" \
			--into "$work/full/f.db"
		state=$(db_state "$work/full/f.db")
		[ "$state" = unchanged ]
		ok $? "an import on a full disk leaves the database as it was: $state"
		# A second file fills the disk: SQLite ends the transaction,
		# so the first is not kept either, and no report says it is.
		head -11 "$work/g50.csv" >"$work/g10.csv"
		fails "f.db: cannot write the database: the disk is full" \
			import "$work/g10.csv" "$work/g50.csv" --into "$work/full/f.db"
		grep -qF "(nothing was imported)" "$work/err"
		ok $? "and the message says nothing was imported"
		state=$(db_state "$work/full/f.db")
		[ "$state" = unchanged ]
		ok $? "neither file is kept: $state"
		umount "$work/full"
	else
		skip 4 "cannot mount a tmpfs here"
	fi
fi

done_testing
