#!/usr/bin/env python3
"""Time `boardroom events` in every format against the sqlite3 shell.

For each format (text, json, csv, md, ics, timelinejs) this runs

    boardroom events --db DB --format F [--limit N] > /dev/null

under /usr/bin/time (wall time and peak RSS), and beside it the floor: the
sqlite3 command-line shell writing the same rows with the same joins, as
CSV (`sqlite3 -csv`) for the line formats (text, csv, md, ics) and as JSON
(`sqlite3 -json`) for the JSON ones (json, timelinejs). The floor's query
(FLOOR_SQL) reads what an export writes: every event under no filter in
time order, its times as ISO 8601, the names of its actors and subjects
joined, its participants (slug, role, both names) and its source notes
(kind, both texts) each joined into one field. Also, with --strace N, the
system calls per event of an export of N events (`strace -c -f`), the
figure that shows whether each statement takes and drops its own lock.
With --lnav, and lnav installed, lnav beside them: the same events as the
log tools/bench_lnav.py writes (cached as DB.log), every line written out
with `:write-csv-to` and `:write-json-to` after a query of all of them.

    tools/bench_export.py [--limit N] [--reps R] [--strace N] [--lnav]
                          [--formats text,json,...] [--json FILE]
                          DB [BOARDROOM]

tools/bench.py runs it on its largest database (unless --no-exports).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_BOARDROOM = os.path.join(ROOT, "build-release", "src", "cli",
                                 "boardroom")
FORMATS = ["text", "json", "csv", "md", "ics", "timelinejs"]
# Which of the shell's modes writes a format's rows.
FLOOR_MODE = {"text": "csv", "csv": "csv", "md": "csv", "ics": "csv",
              "json": "json", "timelinejs": "json"}

ISO = "strftime('%Y-%m-%dT%H:%M:%SZ', {}, 'unixepoch')"
FLOOR_SQL = f"""
SELECT ifnull(e.marker, '') AS marker, e.kind, {ISO.format('e.t_min')} AS start,
  {ISO.format('e.t_max')} AS "end", {ISO.format('e.ts')} AS at, e.precision,
  e.inferred, e.time_text, e.title_en, e.title_zh, e.summary_en, e.summary_zh,
  (SELECT group_concat(p.name_en, ', ') FROM participant pa
     JOIN person p ON p.id = pa.person_id
     WHERE pa.event_id = e.id AND pa.role <> 'mentioned') AS people,
  (SELECT group_concat(p.slug || ':' || pa.role || ':' || p.name_en || ':'
       || p.name_zh, '|') FROM participant pa
     JOIN person p ON p.id = pa.person_id
     WHERE pa.event_id = e.id) AS participants,
  (SELECT group_concat(n.kind || ':' || n.text_en || ':' || n.text_zh, '|')
     FROM note n WHERE n.event_id = e.id) AS notes
FROM event e ORDER BY e.ts, e.id
"""


def timed(argv, env=None):
    """(wall seconds, CPU seconds, peak RSS in MB) of argv with its output
    thrown away. CPU time (user + system) is the steadier figure on a busy
    machine."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        with open(os.devnull, "wb") as null:
            subprocess.run(["/usr/bin/time", "-o", t.name, "-f",
                            "%e %U %S %M"] + argv, check=True, stdout=null,
                           env=env)
        sec, user, system, kb = t.read().split()[-4:]
    return float(sec), float(user) + float(system), int(kb) / 1024.0


def summary(runs):
    return {"s": statistics.median(r[0] for r in runs),
            "cpu_s": statistics.median(r[1] for r in runs),
            "rss_mb": max(r[2] for r in runs)}


def syscalls(argv):
    """Total system calls strace -c counts for argv (children too)."""
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as t:
        with open(os.devnull, "wb") as null:
            subprocess.run(["strace", "-c", "-f", "-o", t.name] + argv,
                           check=True, stdout=null)
        for line in t.read().splitlines():
            if line.rstrip().endswith("total"):
                return int(line.split()[3])
    return 0


def events_argv(boardroom, db, fmt, limit):
    argv = [boardroom, "events", "--db", db, "--format", fmt]
    return argv + (["--limit", str(limit)] if limit else [])


def floor_argv(db, mode, limit):
    sql = FLOOR_SQL + (f" LIMIT {limit}" if limit else "")
    return ["sqlite3", "-readonly", f"-{mode}", db, sql]


def lnav_rows(db, boardroom, reps):
    """lnav writing every line of the events' log as CSV and as JSON."""
    sys.path.insert(0, HERE)
    import bench_lnav
    log = db + ".log"
    bench_lnav.write_log(db, boardroom, log)
    lnav = bench_lnav.Lnav()
    try:
        out = {}
        for mode in ("csv", "json"):
            argv = lnav.argv([";SELECT log_time, log_procname, log_body"
                              " FROM syslog_log",
                              f":write-{mode}-to /dev/null"], log)
            out[mode] = summary([timed(argv, lnav.env)
                                 for _ in range(reps)])
        return out
    finally:
        lnav.close()


def measure(db, boardroom=DEFAULT_BOARDROOM, formats=FORMATS, limit=None,
            reps=1, strace=0, lnav=False):
    res = {"limit": limit, "reps": reps, "floor": {}, "formats": {}}
    if not shutil.which("sqlite3"):
        raise SystemExit("bench_export: no sqlite3 shell (apt-get install "
                         "sqlite3)")
    for mode in sorted({FLOOR_MODE[f] for f in formats}):
        runs = [timed(floor_argv(db, mode, limit)) for _ in range(reps)]
        res["floor"][mode] = summary(runs)
    for fmt in formats:
        runs = [timed(events_argv(boardroom, db, fmt, limit))
                for _ in range(reps)]
        row = res["formats"][fmt] = summary(runs)
        if strace and shutil.which("strace"):
            row["syscalls_per_event"] = syscalls(
                events_argv(boardroom, db, fmt, strace)) / strace
    if lnav and not limit and shutil.which("lnav"):
        res["lnav"] = lnav_rows(db, boardroom, reps)
    return res


def table(res):
    """Seconds as wall / CPU; the ratio of CPU times (wall times follow
    the machine's load)."""
    rows = ["| format | boardroom s (wall / CPU) | peak RSS MB |"
            " floor: sqlite3 shell s (wall / CPU) | floor RSS MB |"
            " ratio (CPU) | syscalls / event |",
            "|---|---|---|---|---|---|---|"]
    for fmt, r in res["formats"].items():
        mode = FLOOR_MODE[fmt]
        fl = res["floor"][mode]
        ratio = r["cpu_s"] / fl["cpu_s"] if fl["cpu_s"] > 0 else \
            float("nan")
        sc = r.get("syscalls_per_event")
        rows.append(f"| {fmt} | {r['s']:.2f} / {r['cpu_s']:.2f} | "
                    f"{r['rss_mb']:.1f} | {fl['s']:.2f} / {fl['cpu_s']:.2f}"
                    f" (-{mode}) | {fl['rss_mb']:.1f} | {ratio:.1f}x | "
                    f"{'-' if sc is None else f'{sc:.2f}'} |")
    for mode, r in res.get("lnav", {}).items():
        rows.append(f"| lnav, the log, `:write-{mode}-to` | {r['s']:.2f} / "
                    f"{r['cpu_s']:.2f} | {r['rss_mb']:.1f} | | | | |")
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="export only N events")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--strace", type=int, default=2000, metavar="N",
                    help="count system calls over N events (0: not)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--lnav", action="store_true",
                    help="time lnav on the same events as a log too")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("db")
    ap.add_argument("boardroom", nargs="?", default=DEFAULT_BOARDROOM)
    a = ap.parse_args()
    res = measure(a.db, a.boardroom, a.formats.split(","), a.limit, a.reps,
                  a.strace, a.lnav)
    what = f"{a.limit:,} events" if a.limit else "every event"
    print(f"## events, {what}; seconds, median of {a.reps}")
    print(table(res))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
