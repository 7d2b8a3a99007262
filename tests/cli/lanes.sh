#!/usr/bin/env bash
# boardroom lanes: the text form, its errors, and the SVG rendered by a
# real renderer (rsvg-convert) and read back pixel by pixel.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

# The text form.
"$BOARDROOM" lanes >"$work/text" 2>"$work/err"
ok $? "boardroom lanes prints text"
lane() { grep -E "^$1 " "$work/text" | head -1; }
head -1 "$work/text" | grep -qF "Lanes, Fri Nov 17 00:00 – Wed Nov 22 00:00 PT (line)"
ok $? "the heading names the range: the crisis window's days, in PT"
lane "Ilya Sutskever" | cut -c18- | grep -qE '^=+[=o]*$'
ok $? "Sutskever on the safety line (=) all along"
lane "Sam Altman" | cut -c18- | grep -qF '#'
ok $? "Altman on the accelerationist line (#)"
lane CEO | grep -qE '^CEO +A+ +M+S+A$'
ok $? "the CEO's lane: Altman, a gap, Murati, Shear, Altman again"
lane "Board seats" | grep -qE '6+4+3$'
ok $? "the board's seats: six, four, then three"
lane "Larry Summers" | grep -qE '^Larry Summers +o-?$'
ok $? "Summers appears at the very end"
grep -qF "Key: = Safety, # Accelerationist, - No line stated" "$work/text" &&
	grep -qF "o an event they take part in; blank: not yet placed" "$work/text"
ok $? "a key names each character"
python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) > 80)' "$work/text"
ok $? "no line is wider than --width (80)"
"$BOARDROOM" lanes --stance --width 120 >"$work/stance"
grep -E '^Ilya Sutskever ' "$work/stance" | grep -qE '=+.*#+$'
ok $? "--stance: Sutskever with the board, then for the return"
"$BOARDROOM" lanes --lang zh >"$work/zh"
head -1 "$work/zh" | grep -qF "阵营泳道：11月17日（五） 00:00"
ok $? "--lang zh: the heading in Chinese"
grep -qE '^(伊利亚·苏茨克维|I\. |苏茨克维) ' "$work/zh"
ok $? "--lang zh: the names in Chinese"
"$BOARDROOM" lanes --person Brockman --person Murati >"$work/two"
[ "$(grep -cE '^(Greg Brockman|Anna Brockman|Mira Murati) ' "$work/two")" -ge 2 ] &&
	! grep -qE '^Sam Altman ' "$work/two"
ok $? "--person: only their lanes"
"$BOARDROOM" lanes --from 'Nov 19' --to 'Nov 19' --width 100 >"$work/day"
head -1 "$work/day" | grep -qF "Sun Nov 19 00:00 – Mon Nov 20 00:00"
ok $? "--from and --to take whole days"
grep -qF "|06:00" "$work/day"
ok $? "a day's grid counts hours"

# Errors: one line, exit 2, nothing on stdout.
fails "--from must be before --to" lanes --from 'Nov 20' --to 'Nov 19'
fails "bad --width 'x'" lanes --width x
fails "a number from 20 to 400" lanes --width 5
fails "a number from 480 to 4000" lanes --width 100 --format svg
fails "unknown format 'json' for lanes (text or svg)" lanes --format json
fails "--format svg is for lanes only" events --format svg
fails "option --width does not apply to 'split'" split --width 80
fails "bad date 'Nov 99'" lanes --from 'Nov 99'

# The picture.
"$BOARDROOM" lanes --format svg >"$work/l.svg" 2>"$work/err"
ok $? "--format svg writes a picture"
head -1 "$work/l.svg" | grep -qF '<?xml version="1.0" encoding="UTF-8"?>'
ok $? "an XML file"
grep -qF 'font-family="Noto Sans, WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif"' "$work/l.svg"
ok $? "the fonts fall back to CJK ones"
grep -qF '<title>Fri Nov 17 12:00 主線#02 ' "$work/l.svg"
ok $? "an event's dot has its time, marker and title as its tooltip"
grep -qF "Adam D&apos;Angelo" "$work/l.svg"
ok $? "text is XML-escaped"
if command -v xmllint >/dev/null; then
	xmllint --noout "$work/l.svg" 2>"$work/xml"
	ok $? "xmllint: well-formed"
	"$BOARDROOM" lanes --format svg --lang zh --stance >"$work/zh.svg"
	xmllint --noout "$work/zh.svg"
	ok $? "xmllint: the Chinese picture too"
else
	for i in 1 2; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP no xmllint (tools/dev deps)"
	done
fi
# pixels PNG W H COLOUR...: the PNG is W x H and has each colour.
pixels() {
	python3 - "$@" <<'PY'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
width, height, depth, ctype = ihdr[:4]
if (width, height) != (w, h):
    print("# size %dx%d, not %dx%d" % (width, height, w, h))
    sys.exit(1)
bpp = {2: 3, 6: 4}[ctype]
raw, stride = zlib.decompress(idat), width * bpp
rows, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
seen = set()
for line in rows:
    for x in range(0, stride, bpp):
        seen.add(line[x:x + 3])
missing = [c for c in sys.argv[4:] if bytes.fromhex(c) not in seen]
if missing:
    print("# missing colours: " + " ".join(missing))
sys.exit(1 if missing else 0)
PY
}
if command -v rsvg-convert >/dev/null; then
	rsvg-convert "$work/l.svg" -o "$work/l.png" 2>"$work/rsvg"
	ok $? "rsvg-convert renders it"
	h=$(sed -n 's/.*<svg [^>]*height="\([0-9]*\)".*/\1/p' "$work/l.svg")
	# The three sides of the line (none, safety, accelerationist), the
	# board's grey and the dots.
	pixels "$work/l.png" 1200 "$h" b4b4b4 2a9d4b c2185b 5b6770 1a1a1a
	ok $? "a 1200 x $h picture with every side's colour in it"
	[ "$h" -gt 600 ]
	ok $? "a lane for each of the cast: $h pixels tall"
	"$BOARDROOM" lanes --format svg --width 800 --person Sutskever \
		--stance >"$work/s.svg"
	rsvg-convert "$work/s.svg" -o "$work/s.png"
	h=$(sed -n 's/.*<svg [^>]*height="\([0-9]*\)".*/\1/p' "$work/s.svg")
	pixels "$work/s.png" 800 "$h" 2a9d4b c2185b b4b4b4
	ok $? "--stance for Sutskever: with the board, for the return, neither"
	[ "$h" -lt 300 ]
	ok $? "three lanes only: $h pixels tall"
else
	for i in 1 2 3 4 5; do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP no rsvg-convert (tools/dev deps)"
	done
fi

# Years of a generated timeline: its busiest people's marks come from the
# tally, and each is still an event of theirs. The picture at 800 pixels
# has the columns of the text at 318 (295: 190 + 20 pixels of names and
# margin, 2 a column; 22 + 1 characters of names): each actor's dots are
# the o's of their text lane, and each dot names its event.
n=20000
[ -n "${BOARDROOM_WRAP:-}" ] && n=5000
"$BOARDROOM" gen --events $n --people $((n / 100)) --seed 7 \
	--into "$work/gen.db" >/dev/null 2>&1
"$BOARDROOM" lanes --db "$work/gen.db" --from 2015 --to 2024 --format svg \
	--width 800 >"$work/gen.svg" 2>"$work/err" &&
	"$BOARDROOM" lanes --db "$work/gen.db" --from 2015 --to 2024 \
		--width 318 >"$work/gen.txt" 2>>"$work/err"
ok $? "the lanes of $n generated events over ten years, as text and SVG"
python3 - "$work/gen.txt" "$work/gen.svg" <<'EOF' >"$work/dots"
import collections, re, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8").read().split("\n")[2:]:
    if not line.strip() or line.startswith(("CEO:", "Key:")):
        break
    rows.append(line)
want = [r[23:].count("o") for r in rows[2:]]  # after the CEO and board
svg = open(sys.argv[2], encoding="utf-8").read()
lane = collections.Counter(
    (int(cy) - 64 - 12) // 24  # SVG_TOP, half a lane, SVG_LANE_H
    for cy in re.findall(r'<circle cx="[0-9.]+" cy="([0-9]+)"', svg))
got = [lane[i + 2] for i in range(len(want))]
empty = svg.count("<title></title></circle>")
print(f"{sum(got)} dots in {len(want)} lanes, {sum(want)} o's, {empty} "
      "without a title")
sys.exit(0 if want == got and sum(got) > 1000 and not empty else 1)
EOF
ok $? "the picture's dots are the text's marks: $(cat "$work/dots")"
# In the explorer, over all the time: Enter on a lane opens the event of
# the column under the cursor, which the tally did not name.
printf 'keys L\nkeys Z\nkeys j j\ndump\nkeys Enter\ndump\n' |
	"$BOARDROOM" replay --db "$work/gen.db" --size 100x30 - >"$work/enter"
who=$(sed -n 's/^.* UTC · \(.*\): .* · Enter: its event$/\1/p' "$work/enter")
[ -n "$who" ] && sed -n '/boardroom · Event/,$p' "$work/enter" |
	grep -qE "^ $who · "
ok $? "Enter on ${who:-no one}'s lane opens an event of theirs"

"$BOARDROOM" completion bash | grep -qF "lanes) echo 'text svg'"
ok $? "bash completion: lanes' formats"
"$BOARDROOM" lanes --help | grep -qF -- "--stance"
ok $? "lanes --help lists its options"

done_testing
