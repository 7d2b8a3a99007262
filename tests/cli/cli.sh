#!/usr/bin/env bash
# The command line: output against golden files, JSON shape, and every
# error path (one line on stderr, exit status 2, nothing on stdout, and
# the file named left as it was).
set -u
. "$(dirname "$0")/../lib.sh"

GOLDEN="$SOURCE_ROOT/tests/golden"
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

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

# Help and version
"$BOARDROOM" --help >"$work/help" 2>&1
ok $? "--help exits 0"
grep -q "events" "$work/help" && grep -q "split" "$work/help"
ok $? "--help lists the commands"
for c in events people split goto; do
	"$BOARDROOM" $c --help >"$work/help" 2>&1 && grep -q "Usage" "$work/help"
	ok $? "$c --help"
done
"$BOARDROOM" help split | grep -q -- "--at"
ok $? "'help split' shows split's options"
"$BOARDROOM" --version | grep -qE '^boardroom [0-9]+\.[0-9]+'
ok $? "--version"
awk 'length > 80 { bad = 1 } END { exit bad }' "$work/help"
ok $? "help fits in 80 columns"

# JSON: every entry of the article, in both languages
"$BOARDROOM" events --format json >"$work/all.json"
ok $? "events --format json"
python3 - "$work/all.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1], encoding="utf-8"))
markers = {e["marker"] for e in events if e["marker"]}
want = {f"主線#{i:02d}" for i in range(1, 22)} | {f"花絮{i}" for i in range(1, 17)}
assert want <= markers, sorted(want - markers)
assert sum(e["kind"] == "background" for e in events) >= 10
for e in events:
    for k in ("marker", "kind", "start", "end", "precision", "inferred",
              "title", "summary", "people", "notes"):
        assert k in e, (k, e.get("marker"))
    for k in ("title", "summary"):
        assert e[k]["en"].strip() and e[k]["zh"].strip(), e["marker"]
    assert e["start"] <= e["end"], e["marker"]
    assert e["start"].endswith("Z") and e["end"].endswith("Z")
    for p in e["people"]:
        assert p["name"] and p["name_zh"] and p["role"] in (
            "actor", "subject", "mentioned")
starts = [e["start"] for e in events]
PY
ok $? "JSON has all 37 entries and the background, each in both languages"
"$BOARDROOM" events --format json --limit 0 | python3 -c 'import json,sys; assert json.load(sys.stdin) == []'
ok $? "an empty result is an empty JSON array"
"$BOARDROOM" events --format csv | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0][0] == "marker" and len(rows) > 40
assert all(len(r) == len(rows[0]) for r in rows)'
ok $? "CSV parses with a header and equal rows"
n=$("$BOARDROOM" events --limit 5 | wc -l)
[ "$n" -eq 5 ]
ok $? "--limit 5 prints five events"
third=$("$BOARDROOM" events --kind main --limit 3 | tail -1)
next=$("$BOARDROOM" events --kind main --after "2023-11-17 12:00" --limit 1)
[ "$third" = "$next" ]
ok $? "--after pages like the explorer does"

# Output in the locale's charset, or the one asked for
LC_ALL=C "$BOARDROOM" events --lang zh --limit 5 >"$work/c.out"
! LC_ALL=C grep -q '[^ -~]' "$work/c.out" && [ "$(wc -l <"$work/c.out")" -eq 5 ]
ok $? "in the C locale the output is ASCII"
"$BOARDROOM" split --lang zh --encoding GB18030 | iconv -f GB18030 -t UTF-8 >"$work/gb.out"
"$BOARDROOM" split --lang zh >"$work/utf8.out"
cmp -s "$work/gb.out" "$work/utf8.out"
ok $? "--encoding GB18030 writes the same text in GB18030"
fails "unknown charset 'KLINGON'" events --encoding KLINGON

# Golden output
golden events-en events
golden events-zh-beijing events --lang zh --tz Beijing
golden murati-nov19 events --person "Mira Murati" --from "Nov 19" --to "Nov 19"
golden both events --person 穆拉蒂 --person Iiya --all
golden asides-md events --kind aside --format md
golden search-letter events --search 公开信 --format csv
golden split-nov20 split --at "Nov 20 evening"
golden split-start-json split --at "2023-11-17 13:00" --format json
golden split-end-zh split --at "11月21日晚上10点03分" --lang zh
golden people-csv people --format csv
golden goto-t48 goto T+48
golden goto-zh goto 11月20日晚上 --tz Beijing
golden goto-json goto "sun 3pm" --format json
golden replay replay --size 100x30 "$GOLDEN/replay.keys"
# Play on replay's virtual clock: wait and tick move it.
golden play replay --size 100x30 "$GOLDEN/play.keys"
golden play-zh replay --lang zh --size 80x24 "$GOLDEN/play-zh.keys"

# The state of the world at the moments of the table read from the article
# (tests/golden/moments.tsv, also checked in the model's tests): split --at
# shows each, field by field. Under a wrapper (valgrind), every third
# (Nov 16 12:00, Nov 17 12:03, Nov 18, Nov 20 19:30, T+106h): no CEO, a
# past figure, each CEO, a chair and a crisis-clock WHEN among them.
python3 - "$GOLDEN/moments.tsv" <<'EOF'
import json, os, subprocess, sys

bad = 0
rows = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
        if l.strip() and not l.startswith("#")]
if os.environ.get("BOARDROOM_WRAP"):
    print("# under a wrapper (%s): a sample of %d of the %d moments"
          % (os.environ["BOARDROOM_WRAP"], len(rows[1::3]), len(rows)))
    rows = rows[1::3]
for line in rows:
    when, *want = line.split("\t")
    out = subprocess.run([os.environ["BOARDROOM"], "split", "--at", when,
                          "--format", "json"], capture_output=True,
                         text=True, check=True).stdout
    j = json.loads(out)
    places = sorted("%s=%s/%s" % (m["slug"], s["faction"] or "-",
                                  m["stance"]["slug"] if m["stance"] else "-")
                    for s in j["sides"] for m in s["members"])
    got = [",".join(m["slug"] for m in j["ceo"]) or "-",
           ",".join(m["slug"] + ("*" if m["chair"] else "")
                    for m in j["board"]) or "-",
           str(j["board_seats"]),
           ",".join("%s=%d" % (f["code"], f["value"]) for f in j["figures"]
                    if "until" not in f) or "-",
           ",".join(f["code"] for f in j["figures"] if "until" in f) or "-",
           " ".join(places) or "-"]
    if got != want:
        bad += 1
        print("# at %s:" % when)
        for g, w in zip(got, want):
            if g != w:
                print("#   got  %s\n#   want %s" % (g, w))
sys.exit(1 if bad else 0)
EOF
ok $? "split --at shows the state of the world at each moment of the table"
"$BOARDROOM" split --at "Nov 21 noon" | grep -q "^CEO: Emmett Shear"
ok $? "split --at 'Nov 21 noon': Emmett Shear is CEO"
[ "$("$BOARDROOM" split --at "Nov 20 evening" | head -1)" = \
	"As of Mon Nov 20 2023 18:00 PT (T+77:57)" ]
ok $? "split --at 'Nov 20 evening' is at 18:00, as goto is"
"$BOARDROOM" split --at "Nov 17 12:00" | grep -q "(T-0:03)"
ok $? "12:00 on Nov 17 is T-0:03"

# The split of a cast larger than the screen: the counts are the whole
# sides', the names shown are their first, and what does not fit is
# counted. Checked against the command line's split at the same minute.
"$BOARDROOM" gen --events 3000 --people 400 --seed 5 \
	--into "$work/gen.db" 2>/dev/null
printf 'keys End s\ndump\n' |
	"$BOARDROOM" replay --db "$work/gen.db" - >"$work/gen.screen"
python3 - "$work/gen.screen" "$work/gen.db" <<'EOF'
import json, os, re, subprocess, sys

rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
at = re.search(r"As of \w+ (\w+ \d+ \d+ \d+:\d+) UTC", rows[1]).group(1)
out = subprocess.run([os.environ["BOARDROOM"], "split", "--db", sys.argv[2],
                      "--at", at, "--tz", "UTC", "--format", "json"],
                     capture_output=True, text=True, check=True).stdout
sides = {s["name"]["en"]: [m["name"] for m in s["members"]]
         for s in json.loads(out)["sides"]}
head = next(i for i, r in enumerate(rows) if r.startswith(" Safety ("))
for col, name in ((slice(0, 40), "Safety"),
                  (slice(41, None), "Accelerationist")):
    want = sides[name]
    n = int(re.search(re.escape(name) + r" \((\d+)\)", rows[head]).group(1))
    assert n == len(want), (name, n, len(want))
    shown, more = [], 0
    for r in rows[head + 1:]:
        cell = r[col].strip(" │")
        if not cell or cell.startswith("─"):
            break
        m = re.match(r"\+(\d+) more \(e shows all\)$", cell)
        if m:
            more = int(m.group(1))
            break
        shown.append(cell)
    assert shown == want[:len(shown)], (name, shown)
    assert more and len(shown) + more == n, (name, len(shown), more, n)
line = next(r for r in rows if r.startswith(" Investors ("))
n = int(re.search(r"\((\d+)\)", line).group(1))
names = line.split(": ", 1)[1].rstrip("…").split(", ")
assert n == len(sides["Investors"]), (n, len(sides["Investors"]))
assert names[:-1] == sides["Investors"][:len(names) - 1], names
EOF
ok $? "the split of a large cast: whole counts, the first names, +N more"

# The people picker asks for a screen or two of people at a time, and for
# more as the selection goes down: 25 pages down is the 251st of them.
"$BOARDROOM" gen --events 200 --people 300 --into "$work/cast.db" 2>/dev/null
want=$("$BOARDROOM" people --db "$work/cast.db" --format csv |
	sed -n 252p | cut -d, -f3)
{
	echo "keys p"
	for i in $(seq 25); do echo "keys PgDn"; done
	printf 'keys Enter\ndump\n'
} | "$BOARDROOM" replay --db "$work/cast.db" - >"$work/picked" 2>&1
[ -n "$want" ] && grep -Eq "people: $want( |$)" "$work/picked"
ok $? "the people picker pages down to the 251st person ($want)"

# Errors
fails "unknown person 'Nobody Really'" events --person "Nobody Really"
fails "bad date 'Nov 35'" events --from "Nov 35"
fails "bad date" goto "blorp"
fails "goto needs one WHEN" goto
fails "unknown option '--frobnicate'" events --frobnicate
fails "unknown command 'evnts'" evnts
fails "unknown format 'xml'" events --format xml
fails "unknown kind 'major'" events --kind major
fails "unknown faction 'pirates'" events --faction pirates
fails "does not apply to 'people'" people --person Altman
fails "needs a value" events --person
fails "bad --limit" events --limit lots
fails "unknown language" events --lang fr
fails "Mars/Olympus" events --tz Mars/Olympus
fails "$work/missing.db: No such file" events --db "$work/missing.db"
[ ! -e "$work/missing.db" ]
ok $? "a missing database is not created"
fails "is a directory" events --db "$work"
: >"$work/empty.db"
fails "empty file" events --db "$work/empty.db"
head -c 4096 /dev/urandom >"$work/random.db"
sum=$(md5sum <"$work/random.db")
fails "not a database" events --db "$work/random.db"
[ "$sum" = "$(md5sum <"$work/random.db")" ]
ok $? "the random file's bytes are unchanged"
printf 'SQLite format 3' >"$work/truncated.db"
fails "truncated.db" events --db "$work/truncated.db"
python3 -c "import sqlite3; c = sqlite3.connect('$work/other.db'); c.execute('create table t(x)'); c.commit()"
sum=$(md5sum <"$work/other.db")
fails "not a boardroom database" people --db "$work/other.db"
[ "$sum" = "$(md5sum <"$work/other.db")" ]
ok $? "the other database is unchanged"
python3 -c "import sqlite3; c = sqlite3.connect('$work/newer.db'); c.execute('pragma application_id = 1651466610'); c.execute('pragma user_version = 99'); c.execute('create table t(x)'); c.commit()"
fails "newer boardroom (schema 99" events --db "$work/newer.db"
python3 -c "import sqlite3; c = sqlite3.connect('$work/part.db'); c.execute('pragma application_id = 1651466610'); c.execute('pragma user_version = 3'); c.execute('create table meta(key, value)'); c.execute(\"insert into meta values ('window_start', '1'), ('window_end', '2')\"); c.commit()"
fails "not a complete boardroom database (the table event is missing" events --db "$work/part.db"
python3 -c "import sqlite3; c = sqlite3.connect('$work/older.db'); c.execute('pragma application_id = 1651466610'); c.execute('pragma user_version = 1'); c.execute('create table t(x)'); c.commit()"
python3 -c "import sqlite3; c = sqlite3.connect('$work/v2.db'); c.execute('pragma application_id = 1651466610'); c.execute('pragma user_version = 2'); c.execute('create table t(x)'); c.commit()"
fails "made by an older boardroom (schema 2; this program needs 3)" events --db "$work/v2.db"
fails "made by an older boardroom (schema 1; this program needs 3)" events --db "$work/older.db"
fails "needs a terminal" </dev/null
echo "keys frobnicate" | "$BOARDROOM" replay - >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "^boardroom: -:1: not understood: keys frobnicate" "$work/err"
ok $? "a replay script error names the line"
printf 'keys >\nwait 1s\nwait 2 parsecs\n' | "$BOARDROOM" replay - >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "^boardroom: -:3: not understood: wait 2 parsecs" "$work/err"
ok $? "a wait it cannot read names its line"
printf 'keys >\ntick 2\ntick 0\n' | "$BOARDROOM" replay - >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "^boardroom: -:3: not understood: tick 0" "$work/err"
ok $? "so does a tick of no frames"

done_testing
