#!/usr/bin/env python3
"""Measure the explorer's whole-frame latency on generated timelines.

Builds databases of 10k, 100k and 1M events with `boardroom gen` (kept in
build-release/bench/, with how long each took), then plays key scripts into
the explorer with `boardroom replay --time`, which renders every frame into
an off-screen screen of 80x24, and prints per operation:

  warm   median / p95 of the whole frame, database in the page cache;
  cold   the same after dropping the database from the operating system's
         page cache and SQLite's (`cold` in the script: posix_fadvise
         DONTNEED, no root needed);
  floor  the least SQL a hand-written program would run for the same
         answer (`floor` in the script, src/bench/floor.c), timed in the same
         process right after the operation, warm; and the ratio.

A search or people row times the last keystroke of the word (each
keystroke searches). Also: the time from starting the process to its first
frame (and the floor: opening the file and reading the first page), peak
RSS, and, if lnav is installed, lnav on the same events written as a log
(tools/bench_lnav.py). Last, the exports: `boardroom events` of every event
of the largest size in each format, its time and peak RSS beside the
sqlite3 shell writing the same rows with the same joins, and the system
calls per event (tools/bench_export.py). With --imports, for each size,
`boardroom import` of the CSV and JSON its events export to, beside the
sqlite3 shell's `.import` of the same CSV (tools/bench_import.py).

Ten million events are opt-in (--ten-million: generating them takes
minutes, and 7 GB); the database is kept like the others. Each size's
header has its bytes an event on disk.

    tools/bench.py [--sizes 10000,100000,1000000] [--ten-million]
                   [--reps 15] [--no-lnav] [--no-exports] [--imports]
                   [--only WORDS] [--json FILE] [BOARDROOM]

--only times just the operations whose name holds WORDS ("play").
"""
import argparse
import json
import shutil
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def ops(info):
    """(name, setup lines, timed line, floor line or None)."""
    day = 1590969600  # 2020-06-01 00:00 UTC
    t48 = info["window_start"] + 48 * 3600
    ada = info["ada"]
    return [
        ("page down", ["keys PgDn"], "keys PgDn", "floor page"),
        ("move down", [], "keys j", None),
        ("jump to a date", ["type :", "type 2020-06-01"], "keys Enter",
         f"floor date {day}"),
        ("jump to the crisis clock", ["type :", "type T+48"], "keys Enter",
         f"floor date {t48}"),
        ("person filter, first page", ["keys p", "type Ada Abbott"],
         "keys Enter", f"floor person {ada}"),
        ("search, ASCII word", ["type /", "type Webe"], "type r",
         "floor search Weber"),
        ("search, 3 Chinese chars", ["type /", "type 艾伯"], "type 特",
         "floor search 艾伯特"),
        ("search, 2 Chinese chars", ["type /", "type 会"], "type 见",
         "floor search 会见"),
        ("search, 1 Chinese char", ["type /"], "type 董", "floor search 董"),
        ("search, no hits", ["type /", "type zqxwv"], "type y",
         "floor search zqxwvy"),
        ("ruler, all time", [], "keys Z", "floor ruler 80"),
        ("ruler, all time, one person",
         ["keys p", "type Ada Abbott", "keys Enter"], "keys Z",
         f"floor tally {ada} 80"),
        ("split as of the event", [], "keys s",
         f"floor split {info['window_start']}"),
        ("people, prefix search", ["keys p", "type A"], "type b",
         "floor people ab"),
        # One frame of play (> then a second on replay's virtual clock):
        # the instant moves 3 minutes at 1h/s, 48 at 16h/s, and the
        # selection follows to the last event at or before it.
        ("play frame", ["keys >", "wait 1s"], "tick", None),
        ("play frame, 16h/s", ["keys + + + + >", "wait 1s"], "tick", None),
        ("play frame, split", ["keys s >", "wait 1s"], "tick", None),
        # The lanes: a page of the cast at the screen's width; moving the
        # cursor or the lane asks nothing of the database.
        ("lanes, open on the crisis days", [], "keys L", None),
        ("lanes, the moment a column on", ["keys L"], "keys l", None),
        ("lanes, the next lane", ["keys L"], "keys j", None),
        ("lanes, line to crisis stance", ["keys L"], "keys t", None),
        ("lanes, all time", ["keys L"], "keys Z", None),
        ("lanes, a page of the cast down", ["keys L"], "keys PgDn", None),
    ]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True,
                          **kw)


def db_info(path):
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    start = int(c.execute("SELECT value FROM meta WHERE key ="
                          " 'window_start'").fetchone()[0])
    ada = c.execute("SELECT id FROM person WHERE name_en = 'Ada Abbott'"
                    ).fetchone()[0]
    c.close()
    return {"window_start": start, "ada": ada}


def ensure_db(boardroom, n, outdir):
    """The database of n events and how long generating it took."""
    path = os.path.join(outdir, f"gen-{n}.db")
    stamp = path + ".gen"
    usable = os.path.exists(path) and os.path.exists(stamp) and \
        subprocess.run([boardroom, "events", "--db", path, "--limit", "1"],
                       capture_output=True).returncode == 0
    if not usable:
        for p in (path, stamp, path + "-search"):
            if os.path.exists(p):
                os.remove(p)
        t0 = time.monotonic()
        run([boardroom, "gen", "--events", str(n), "--people", "10000",
             "--seed", "1", "--into", path])
        with open(stamp, "w") as f:
            f.write(f"{time.monotonic() - t0:.1f}\n")
    with open(stamp) as f:
        return path, float(f.read())


def drop_cache(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def replay(boardroom, db, lines):
    script = "\n".join(lines + ["keys q"]) + "\n"
    r = run([boardroom, "replay", "--db", db, "--time", "-"], input=script)
    return [int(l.split(" ", 2)[1]) / 1000.0
            for l in r.stdout.splitlines() if l.startswith("t ")]


def time_op(boardroom, db, setup, line, floor, reps, cold):
    """Milliseconds of the timed line and of its floor, each rep in a
    fresh explorer."""
    got, floors = [], []
    if not cold:
        # The cold runs before drop the file from the page cache: one run
        # untimed brings back what this operation reads.
        replay(boardroom, db, list(setup) + [line, "keys Esc"])
    for _ in range(reps):
        lines = list(setup) + (["cold"] if cold else []) + [line, "keys Esc"]
        at = len(lines) - 2
        if floor:
            lines += (["cold"] if cold else []) + [floor]
        t = replay(boardroom, db, lines)
        got.append(t[at])
        if floor:
            floors.append(t[-2])  # the last is "keys q"
    return got, floors


def first_frame(boardroom, db, reps, cold):
    """The whole process: start, open, first frame drawn, exit."""
    out = []
    if not cold:
        run([boardroom, "replay", "--db", db, "-"], input="")
    for _ in range(reps):
        if cold:
            drop_cache(db)
        t0 = time.monotonic()
        run([boardroom, "replay", "--db", db, "-"], input="")
        out.append((time.monotonic() - t0) * 1000.0)
    return out


def open_floor(boardroom, db, reps, cold):
    out = []
    for _ in range(reps):
        out.append(replay(boardroom, db,
                          (["cold"] if cold else []) + ["floor open"])[-2])
    return out


def peak_rss_mb(boardroom, db, info):
    script = "\n".join(l for _, s, t, _f in ops(info)
                       for l in s + [t, "keys Esc"])
    with tempfile.NamedTemporaryFile("w", suffix=".keys") as f:
        f.write(script + "\nkeys q\n")
        f.flush()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", boardroom, "replay",
                            "--db", db, f.name], capture_output=True,
                           text=True)
    return int(r.stderr.strip().splitlines()[-1]) / 1024


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def mp(xs):
    return f"{statistics.median(xs):.1f} / {p95(xs):.1f}" if xs else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--ten-million", action="store_true",
                    help="also measure 10,000,000 events")
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--no-lnav", action="store_true",
                    help="do not time lnav on the largest size")
    ap.add_argument("--no-exports", action="store_true",
                    help="do not time the exports on the largest size")
    ap.add_argument("--imports", action="store_true",
                    help="also time importing each size's CSV and JSON "
                    "(tools/bench_import.py; minutes at 1M)")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--only", default="",
                    help="only the operations whose name holds this")
    ap.add_argument("boardroom", nargs="?",
                    default=os.path.join(ROOT, "build-release", "src", "cli", "boardroom"))
    a = ap.parse_args()
    # The build folder holds the cache: the program is in its src/cli/.
    builddir = os.path.dirname(os.path.abspath(a.boardroom))
    if builddir.endswith(os.path.join("src", "cli")):
        builddir = os.path.dirname(os.path.dirname(builddir))
    outdir = os.path.join(builddir, "bench")
    os.makedirs(outdir, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    if a.ten_million and 10000000 not in sizes:
        sizes.append(10000000)
    print(f"# boardroom bench, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores; milliseconds, median / p95 of "
          f"{a.reps} runs, whole 80x24 frame drawn")
    results = {}
    bundled = []
    for _ in range(a.reps):
        t0 = time.monotonic()
        run([a.boardroom, "replay", "-"], input="")
        bundled.append((time.monotonic() - t0) * 1000.0)
    results["bundled_ms"] = bundled
    print(f"\nthe bundled dataset, start to first frame (whole process): "
          f"{mp(bundled)}")
    for n in sizes:
        db, gen_s = ensure_db(a.boardroom, n, outdir)
        info = db_info(db)
        size = os.path.getsize(db)
        size_mb = size / 1e6
        res = results[n] = {"gen_s": gen_s, "size_mb": size_mb,
                            "bytes_per_event": size / n, "ops": {}}
        print(f"\n## {n:,} events: generated and indexed in {gen_s:.1f} s, "
              f"{size_mb:.0f} MB on disk ({size / n:.0f} bytes an event)",
              flush=True)
        print("| operation | warm | cold | raw SQL floor | ratio |")
        print("|---|---|---|---|---|")
        if a.only in "open to first frame (whole process)":
            print_row(res, "open to first frame (whole process)",
                      first_frame(a.boardroom, db, a.reps, False),
                      first_frame(a.boardroom, db, a.reps, True),
                      open_floor(a.boardroom, db, a.reps, False))
        for name, setup, line, floor in ops(info):
            if a.only not in name:
                continue
            warm, fl = time_op(a.boardroom, db, setup, line, floor, a.reps,
                               False)
            cold, _ = time_op(a.boardroom, db, setup, line, None, a.reps,
                              True)
            print_row(res, name, warm, cold, fl)
        res["rss_mb"] = peak_rss_mb(a.boardroom, db, info)
        print(f"\npeak RSS {res['rss_mb']:.1f} MB", flush=True)
        if a.imports:
            sys.path.insert(0, HERE)
            import bench_import
            res["imports"] = bench_import.measure(a.boardroom, db)
            print("\n" + bench_import.table(n, res["imports"]), flush=True)
    print("\n## Flat: warm p95 by size")
    print("| operation | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in results[sizes[0]]["ops"]:
        print(f"| {name} | " + " | ".join(
            f"{results[n]['ops'][name]['warm_p95']:.1f}" for n in sizes) +
            " |")
    print("| peak RSS (MB) | " + " | ".join(
        f"{results[n]['rss_mb']:.1f}" for n in sizes) + " |")
    if not a.no_lnav and not a.only and shutil.which("lnav"):
        sys.path.insert(0, HERE)
        import bench_lnav
        # lnav reads the whole log into memory: the largest size up to
        # a million (ten million would take it minutes and gigabytes).
        big = max([n for n in sizes if n <= 1000000] or sizes[:1])
        db = os.path.join(outdir, f"gen-{big}.db")
        lres = bench_lnav.measure(db, a.boardroom, reps=max(3, a.reps // 3))
        results["lnav"] = lres
        print(f"\n## lnav on the same {big:,} events")
        print(bench_lnav.table(lres))
        side_by_side(results[big], lres)
    if not a.no_exports:
        sys.path.insert(0, HERE)
        import bench_export
        big = sizes[-1]
        db = os.path.join(outdir, f"gen-{big}.db")
        eres = bench_export.measure(db, a.boardroom, strace=2000,
                                    lnav=not a.no_lnav)
        results["exports"] = eres
        print(f"\n## Exports: every one of the {big:,} events, beside the "
              "sqlite3 shell writing the same rows with the same joins")
        print(bench_export.table(eres))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)
    return 0


def side_by_side(ours, lnav):
    """boardroom against lnav on the same events, with the targets."""
    lr = lnav["rows"]
    # lnav's search and filter: the time beyond its open (net), since a
    # search in its UI comes after the file is indexed; its whole search
    # (every hit, the count complete), as boardroom's frame has the count.
    pairs = [
        ("first screen", "open to first frame (whole process)",
         "open, first screen", "median", 10),
        ("search, ASCII word", "search, ASCII word",
         "search, ASCII word, all hits", "net", 50),
        ("search, 3 Chinese chars", "search, 3 Chinese chars",
         "search, 3 Chinese chars, all hits", "net", 50),
        ("person filter", "person filter, first page",
         "person filter, first screen", "net", None),
    ]
    print("\n## Side by side (medians)")
    print("| | boardroom | lnav | lnav / boardroom | target |")
    print("|---|---|---|---|---|")
    for label, mine, theirs, col, target in pairs:
        a = statistics.median(ours["ops"][mine]["warm"])
        b = lr[theirs][col]
        held = ""
        if target:
            held = f"{target}x: {'holds' if b / a >= target else 'misses'}"
        print(f"| {label} | {a:.1f} ms | {b:.0f} ms | {b / a:.0f}x | {held} |")
    mem = max(r["rss_mb"] for r in lr.values())
    held = "holds" if ours["rss_mb"] <= mem / 4 else "misses"
    print(f"| peak RSS | {ours['rss_mb']:.1f} MB | {mem:.1f} MB | "
          f"{mem / ours['rss_mb']:.1f}x | a quarter: {held} |")


def print_row(res, name, warm, cold, floor):
    ratio = "-"
    if floor and statistics.median(floor) > 0:
        ratio = f"{statistics.median(warm) / statistics.median(floor):.1f}x"
    res["ops"][name] = {"warm": warm, "cold": cold, "floor": floor,
                        "warm_p95": p95(warm)}
    fl = f"{statistics.median(floor):.2f}" if floor else "-"
    print(f"| {name} | {mp(warm)} | {mp(cold)} | {fl} | {ratio} |",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
