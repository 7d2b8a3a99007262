#!/usr/bin/env bash
# boardroom import of large tables: read as streams, so a file over 64 MiB
# imports, peak memory does not grow with the number of events, a table of
# many batches reads back byte for byte, and a file cut in the middle is an
# error naming its line (CSV) or its line, column and byte (JSON), leaving
# the database as it was.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

# synth N FILE: a CSV of N events in the export's columns, 40 people.
synth() {
	python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
t0 = 1700251200  # 2023-11-17T20:00:00Z
import time
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("marker,kind,start,end,at,precision,inferred,time_text,"
            "title_en,title_zh,summary_en,summary_zh,people,participants\r\n")
    for i in range(n):
        t = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0 + 60 * i))
        a, b = i % 40, (i * 7 + 3) % 40
        if a == b:
            b = (b + 1) % 40
        f.write(f",main,{t},{t},{t},minute,0,,Event {i} [x],事件{i},"
                f"\"Said \"\"{i}\"\", then left\",说了{i},Ann {a},"
                f"p{a:02d}:actor:Ann {a}:安{a}|p{b:02d}:subject:Bo {b}:波{b}"
                "\r\n")
PY
}

if [ -n "${BOARDROOM_WRAP:-}" ]; then
	for i in $(seq 9); do
		echo "ok $i # SKIP files of 65 MiB and 20,000 events: not under a wrapper"
	done
	echo "1..9"
	exit 0
fi
# Peak RSS is compared where it means something: not in a build with
# AddressSanitizer (its quarantine keeps freed memory), nor without
# /usr/bin/time.
measure=1
if ! [ -x /usr/bin/time ] || ldd "$BOARDROOM" 2>/dev/null | grep -q libasan; then
	measure=0
fi

# rss FILE DB: imports FILE into a new DB; its peak RSS in KB.
rss() {
	rm -f "$2"
	if [ $measure = 1 ]; then
		/usr/bin/time -f %M -o "$work/rss" "$BOARDROOM" import "$1" \
			--into "$2" >/dev/null 2>"$work/rss.err" ||
			cat "$work/rss.err" >&2
		tail -1 "$work/rss"
	else
		"$BOARDROOM" import "$1" --into "$2" >/dev/null
		echo "(not measured)"
	fi
}

# Peak RSS at 2,000 and 20,000 events (ten batches), and each table read
# back byte for byte.
flat() { # SMALL BIG: whether BIG KB is at most SMALL KB and a half, and 2 MB
	# (SQLite's page cache and sorter fill up to their sizes, at 2,000
	# events not yet)
	[ $measure = 0 ] ||
		{ [ -n "$1" ] && [ -n "$2" ] && [ "$2" -le $(($1 + $1 / 2 + 2048)) ]; }
}
synth 2000 "$work/s2.csv"
synth 20000 "$work/s20.csv"
small=$(rss "$work/s2.csv" "$work/s2.db")
big=$(rss "$work/s20.csv" "$work/s20.db")
"$BOARDROOM" events --db "$work/s20.db" --format csv >"$work/e20.csv"
rss "$work/e20.csv" "$work/c20.db" >/dev/null
flat "$small" "$big" &&
	"$BOARDROOM" events --db "$work/c20.db" --format csv |
	cmp -s - "$work/e20.csv"
ok $? "CSV: peak RSS $small KB at 2,000 events, $big KB at 20,000; read back byte for byte"
"$BOARDROOM" events --db "$work/s2.db" --format json >"$work/s2.json"
"$BOARDROOM" events --db "$work/s20.db" --format json >"$work/s20.json"
small=$(rss "$work/s2.json" "$work/j2.db")
big=$(rss "$work/s20.json" "$work/j20.db")
flat "$small" "$big" &&
	"$BOARDROOM" events --db "$work/j20.db" --format json |
	cmp -s - "$work/s20.json"
ok $? "JSON: peak RSS $small KB at 2,000 events, $big KB at 20,000; read back byte for byte"

# Over 64 MiB: the bundled events with 65 MiB of blank lines (CSV) or
# white space (JSON) between two of them, read back as they were.
"$BOARDROOM" events --format csv >"$work/a.csv"
"$BOARDROOM" events --format json >"$work/a.json"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
pad = 65 * 1024 * 1024
rows = open(f"{w}/a.csv", "rb").read().split(b"\r\n")
half = len(rows) // 2
with open(f"{w}/big.csv", "wb") as f:
    f.write(b"\r\n".join(rows[:half]) + b"\r\n")
    f.write(b"\r\n" * (pad // 2))
    f.write(b"\r\n".join(rows[half:]))
lines = open(f"{w}/a.json", "rb").read().split(b"\n")
half = len(lines) // 2
with open(f"{w}/big.json", "wb") as f:
    f.write(b"\n".join(lines[:half]) + b" \t\n" * (pad // 3) +
            b"\n".join(lines[half:]))
PY
for f in csv json; do
	size=$(stat -c %s "$work/big.$f")
	"$BOARDROOM" import "$work/big.$f" --into "$work/big-$f.db" >/dev/null &&
		"$BOARDROOM" events --db "$work/big-$f.db" --format $f \
			>"$work/big-back.$f" &&
		cmp -s "$work/a.$f" "$work/big-back.$f"
	ok $? "a $f file of $size bytes (over 64 MiB) imports, byte for byte"
done

# A dataset document over 64 MiB: the bundled dataset's, with 65 MiB of
# white space between two of its events, is read as a stream (memory of
# one record, not of the file) and gives the same document back.
"$BOARDROOM" export >"$work/d.json"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
doc = open(f"{w}/d.json", "rb").read()
at = doc.index(b"\n", doc.index(b'"events"') + 2000)
open(f"{w}/dbig.json", "wb").write(doc[:at] + b" \t\n" * (65 * 1024 * 1024 // 3) + doc[at:])
PY
size=$(stat -c %s "$work/dbig.json")
kb=$(rss "$work/dbig.json" "$work/dbig.db")
{ [ $measure = 0 ] || { [ -n "$kb" ] && [ "$kb" -le 40960 ]; }; } &&
	"$BOARDROOM" export --db "$work/dbig.db" | cmp -s - "$work/d.json"
ok $? "a dataset document of $size bytes imports as a stream (peak RSS $kb KB), the same document back"

# Cut in the middle. The database it was to go into is left as it was.
check_cut() { # FILE EXPECTED-MESSAGE
	local sum rc
	cp "$work/j2.db" "$work/cut.db"
	sum=$(md5sum <"$work/cut.db")
	"$BOARDROOM" import "$1" --into "$work/cut.db" >"$work/out" \
		2>"$work/err"
	rc=$?
	[ $rc -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
		[ ! -s "$work/out" ] && grep -qF -- "$2" "$work/err" &&
		[ "$(md5sum <"$work/cut.db")" = "$sum" ]
	ok $? "cut: $(cat "$work/err"), the database as it was"
	[ $rc -eq 2 ] || diag "exit $rc, expected: $2"
}
# JSON: expected message from the bytes themselves.
cut_json() { # SOURCE CUT-FILE FROM: cut inside the first element after FROM
	python3 - "$@" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
start = data.index(b"\n{", int(sys.argv[3])) + 1  # an element a line
cut = data[:data.index(b'"', start + 5) + 1]
open(sys.argv[2], "wb").write(cut)
line = cut.count(b"\n") + 1
print(f"{sys.argv[2]}: not valid JSON at line {line}, column "
      f"{len(cut) - start + 1} (byte {len(cut)}): the file ends inside the "
      f"value that starts at line {line}, column 1 (byte {start})")
PY
}
msg=$(cut_json "$work/s20.json" "$work/cut.json" \
	$(($(stat -c %s "$work/s20.json") / 2)))
check_cut "$work/cut.json" "$msg"
msg=$(cut_json "$work/big.json" "$work/bigcut.json" $((65 * 1024 * 1024)))
check_cut "$work/bigcut.json" "$msg"
# CSV: in a quoted field of a row after the 65 MiB, which names its line.
msg=$(python3 - "$work/big.csv" "$work/bigcut.csv" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
last = data.rindex(b"\r\n", 0, len(data) - 2) + 2  # the last row
cut = data[:data.index(b',"', last) + 5]
open(sys.argv[2], "wb").write(cut)
line = data[:last].count(b"\n") + 1
print(f"{sys.argv[2]}: line {line}: a quoted field is not closed")
PY
)
check_cut "$work/bigcut.csv" "$msg"
# JSON: '[' and '"' inside strings are text, in a file over 64 MiB.
python3 - "$work/big.json" "$work/brackets.json" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
first = data.index(b"\n{") + 1
end = data.index(b"\n", first)
ev = json.loads(data[first:end].rstrip(b","))
ev["title"]["en"] = 'a "[" and {"} and ] and \\ ['
ev["summary"]["en"] = '[[[ "'
ev["marker"] = None
row = json.dumps(ev, ensure_ascii=False).encode() + b","
open(sys.argv[2], "wb").write(data[:first] + row + data[first:])
PY
"$BOARDROOM" import "$work/brackets.json" --into "$work/br.db" >/dev/null &&
	"$BOARDROOM" events --db "$work/br.db" --format json |
	python3 -c '
import json, sys
t = [e["title"]["en"] for e in json.load(sys.stdin)]
assert "a \"[\" and {\"} and ] and \\ [" in t, t[:3]'
ok $? "brackets and quotes inside strings, in a file over 64 MiB"

done_testing
