#!/usr/bin/env python3
"""Measure the explorer's whole-frame latency on generated timelines.

Builds databases of 10k, 100k and 1M events with `boardroom gen` (kept in
build-release/bench/), then plays key scripts into the explorer with
`boardroom replay --time`, which renders every frame into an off-screen
canvas, and prints median and p95 per operation, the time to the first
frame, generation time, database size and peak RSS.

    tools/bench.py [--sizes 10000,100000,1000000] [--reps 15] [BOARDROOM]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Each operation: the script lines before it (not timed) and the timed line.
OPS = [
    ("page down", ["keys PgDn"], "keys PgDn"),
    ("move down", [], "keys j"),
    ("jump to a date", ["type :", "type 2020-06-01"], "keys Enter"),
    ("jump to the crisis clock", ["type :", "type T+48"], "keys Enter"),
    ("person filter, first page", ["keys p", "type Ada Abbott"], "keys Enter"),
    ("search, ASCII word", ["type /"], "type Weber"),
    ("search, 3 Chinese chars", ["type /"], "type 艾伯特"),
    ("search, 2 Chinese chars", ["type /"], "type 会见"),
    ("search, no hits", ["type /"], "type zqxwvy"),
    ("ruler, all time", [], "keys Z"),
    ("split as of the event", [], "keys s"),
    ("people, prefix search", ["keys p"], "type Ab"),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def ensure_db(boardroom, n, outdir):
    path = os.path.join(outdir, f"gen-{n}.db")
    if os.path.exists(path):
        return path, None
    t0 = time.monotonic()
    run([boardroom, "gen", "--events", str(n), "--people", "10000",
         "--seed", "1", "--into", path])
    return path, time.monotonic() - t0


def time_op(boardroom, db, setup, line, reps):
    """Milliseconds of the timed line, each in a fresh explorer."""
    out = []
    for _ in range(reps):
        script = "\n".join(setup + [line, "keys Esc", "keys q"]) + "\n"
        r = run([boardroom, "replay", "--db", db, "--time", "-"],
                input=script)
        times = [l.split(" ", 2) for l in r.stdout.splitlines()
                 if l.startswith("t ")]
        out.append(int(times[len(setup)][1]) / 1000.0)
    return out


def first_frame(boardroom, db, reps):
    out = []
    for _ in range(reps):
        t0 = time.monotonic()
        run([boardroom, "replay", "--db", db, "-"], input="")
        out.append((time.monotonic() - t0) * 1000.0)
    return out


def peak_rss_kb(boardroom, db):
    script = "\n".join(l for _, s, t in OPS for l in s + [t, "keys Esc"])
    with tempfile.NamedTemporaryFile("w", suffix=".keys") as f:
        f.write(script + "\nkeys q\n")
        f.flush()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", boardroom, "replay",
                            "--db", db, f.name], capture_output=True,
                           text=True)
    return int(r.stderr.strip().splitlines()[-1])


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("boardroom", nargs="?",
                    default=os.path.join(ROOT, "build-release", "boardroom"))
    a = ap.parse_args()
    outdir = os.path.join(os.path.dirname(a.boardroom), "bench")
    os.makedirs(outdir, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"# boardroom bench, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores; milliseconds, median / p95 of "
          f"{a.reps} runs, whole frame drawn")
    rows = {}
    for n in sizes:
        db, gen_s = ensure_db(a.boardroom, n, outdir)
        size_mb = os.path.getsize(db) / 1e6
        gen = f"{gen_s:.1f} s" if gen_s is not None else "cached"
        print(f"# {n} events: {size_mb:.0f} MB on disk, generated: {gen}",
              flush=True)
        ff = first_frame(a.boardroom, db, a.reps)
        rows.setdefault("open to first frame (process)", {})[n] = ff
        for name, setup, line in OPS:
            rows.setdefault(name, {})[n] = time_op(a.boardroom, db, setup,
                                                   line, a.reps)
        rows.setdefault("peak RSS (MB)", {})[n] = [peak_rss_kb(a.boardroom,
                                                               db) / 1024]
    head = "| operation | " + " | ".join(f"{n:,} events" for n in sizes) + " |"
    print(head)
    print("|---|" + "---|" * len(sizes))
    for name, by_n in rows.items():
        cells = []
        for n in sizes:
            xs = by_n.get(n, [])
            if name.startswith("peak RSS"):
                cells.append(f"{xs[0]:.1f}")
            else:
                cells.append(f"{statistics.median(xs):.1f} / {p95(xs):.1f}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
