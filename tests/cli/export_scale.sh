#!/usr/bin/env bash
# Large exports: every event of a generated timeline of 50,000 in JSON is,
# byte for byte, what the per-event queries of each event, its
# participants and its notes give (the way the export read them before it
# read them a page at a time); and the peak memory of each format does
# not grow with the timeline (5,000 against 50,000 events).
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The timelines are the exports' input: under a wrapper (valgrind) the bare
# binary makes them (gen's memory is checked on smaller runs: test_scan,
# cli.sh, hostile.sh); the export below runs behind the wrapper on all
# 50,000 events.
[ -z "${BOARDROOM_WRAP:-}" ] ||
	diag "under a wrapper ($BOARDROOM_WRAP): the timelines made without it"
for n in 5000 50000; do
	"$BOARDROOM_BARE" gen --events $n --people 1000 --seed 7 \
		--into "$work/gen-$n.db" >/dev/null 2>&1
	ok $? "a timeline of $n events"
done

"$BOARDROOM" events --db "$work/gen-50000.db" --format json >"$work/all.json"
python3 - "$work/all.json" "$work/gen-50000.db" <<'EOF'
import datetime, json, sqlite3, sys

def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")

c = sqlite3.connect(f"file:{sys.argv[2]}?mode=ro", uri=True)
dump = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
out = []
for (eid, kind, marker, ts, t_min, t_max, prec, inferred, time_text,
     t_en, t_zh, s_en, s_zh) in c.execute(
        "SELECT id, kind, marker, ts, t_min, t_max, precision, inferred,"
        " time_text, title_en, title_zh, summary_en, summary_zh FROM event"
        " ORDER BY ts, id"):
    people = [{"slug": s, "name": en, "name_zh": zh, "role": r}
              for s, en, zh, r in c.execute(
                  "SELECT p.slug, p.name_en, p.name_zh, pa.role FROM"
                  " participant pa JOIN person p ON p.id = pa.person_id"
                  " WHERE pa.event_id = ? ORDER BY CASE pa.role"
                  " WHEN 'actor' THEN 0 WHEN 'subject' THEN 1 ELSE 2 END,"
                  " pa.person_id", (eid,))]
    notes = [{"kind": k, "en": en, "zh": zh} for k, en, zh in c.execute(
        "SELECT kind, text_en, text_zh FROM note WHERE event_id = ?"
        " ORDER BY id", (eid,))]
    out.append(dump({"marker": marker, "kind": kind, "start": iso(t_min),
                     "end": iso(t_max), "at": iso(ts), "precision": prec,
                     "inferred": bool(inferred), "time_text": time_text,
                     "title": {"en": t_en, "zh": t_zh},
                     "summary": {"en": s_en, "zh": s_zh},
                     "people": people, "notes": notes}))
want = ("[\n" + ",\n".join(out) + "\n]\n").encode("utf-8")
got = open(sys.argv[1], "rb").read()
assert len(out) == 50000, len(out)
if got != want:
    at = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b) \
        if len(got) == len(want) else min(len(got), len(want))
    sys.exit(f"differs at byte {at}: {got[at - 80:at + 80]!r} against "
             f"{want[at - 80:at + 80]!r}")
EOF
ok $? "events --format json of 50,000 events: the per-event queries' bytes"

# Peak RSS in kB of an export of the database.
rss() { # DB FORMAT
	/usr/bin/time -f %M -o "$work/rss" \
		"$BOARDROOM" events --db "$1" --format "$2" >/dev/null &&
		tail -1 "$work/rss"
}

# AddressSanitizer keeps freed memory in quarantine, and a wrapper
# (valgrind) has its own: RSS means nothing there.
asan=
ldd "$BOARDROOM" 2>/dev/null | grep -q libasan && asan=1
[ -n "${BOARDROOM_WRAP:-}" ] && asan=wrap
if [ -x /usr/bin/time ] && [ -z "$asan" ]; then
	for f in text json csv md ics timelinejs; do
		small=$(rss "$work/gen-5000.db" $f)
		big=$(rss "$work/gen-50000.db" $f)
		# Ten times the events: at most a fifth more memory (SQLite's
		# page cache fills to its 2 MB; a page of rows is the rest).
		[ -n "$small" ] && [ -n "$big" ] &&
			[ $((big * 5)) -le $((small * 6)) ]
		ok $? "events --format $f: peak RSS ${small} kB at 5,000 events, ${big} kB at 50,000"
	done
else
	why="no /usr/bin/time (Debian package time)"
	[ "$asan" = 1 ] && why="under AddressSanitizer"
	[ "$asan" = wrap ] && why="under $BOARDROOM_WRAP"
	for f in text json csv md ics timelinejs; do
		ok 0 "# SKIP $why"
	done
fi

done_testing
