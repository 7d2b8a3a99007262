#!/usr/bin/env python3
"""Time `boardroom import` of the CSV and JSON `boardroom events` writes.

For a generated database DB, the events are exported once to DB.csv and
DB.json (cached beside it; written again when the database is newer), and
each file is imported into a new database in a temporary folder, under
`/usr/bin/time`: wall time, CPU time (user + system, steadier than wall
time on a busy machine) and peak RSS. Beside it the floor: the sqlite3
shell's `.import --csv` of the same CSV into a plain table of a new
database (no types, no indexes, no derived tables), the least any
program could do to get the rows of that file into SQLite. Each import
is run --reps times (default 1: at a million events one run of each
takes minutes); the figures are the median run's.

Used by tools/bench.py --imports, or alone:
    tools/bench_import.py [--reps N] BOARDROOM DB...
"""

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile


def export(boardroom, db, fmt):
    """DB.fmt, written by `boardroom events` unless newer than DB."""
    path = f"{db}.{fmt}"
    if not (os.path.exists(path) and
            os.path.getmtime(path) >= os.path.getmtime(db)):
        with open(path + ".part", "wb") as f:
            subprocess.run([boardroom, "events", "--db", db, "--format", fmt],
                           stdout=f, check=True)
        os.replace(path + ".part", path)
    return path


def timed(cmd, stdin=None):
    """(wall s, cpu s, peak RSS MB) of cmd under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"]
                       + cmd, stdin=stdin, stdout=subprocess.DEVNULL,
                       check=True)
        wall, user, sys_, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0


def median_run(runs):
    """The run of median wall time."""
    return sorted(runs)[len(runs) // 2]


def measure(boardroom, db, reps=1):
    """Per format: the events, the file's size and the runs."""
    out = {}
    with tempfile.TemporaryDirectory(dir=os.path.dirname(db) or ".") as tmp:
        for fmt in ("csv", "json"):
            path = export(boardroom, db, fmt)
            runs = []
            for _ in range(reps):
                into = os.path.join(tmp, f"{fmt}.db")
                runs.append(timed([boardroom, "import", path,
                                   "--into", into]))
                os.remove(into)
            out[fmt] = {"mb": os.path.getsize(path) / 1e6,
                        "run": median_run(runs)}
        csv_path = export(boardroom, db, "csv")
        runs = []
        for _ in range(reps):
            into = os.path.join(tmp, "floor.db")
            runs.append(timed(["sqlite3", into, ".import --csv "
                               f"{csv_path} event"]))
            os.remove(into)
        out["floor"] = {"run": median_run(runs)}
    return out


def table(n, res):
    """The Markdown table of one database's imports."""
    fl = res["floor"]["run"]
    lines = [f"Imports of {n:,} events (a new database; median of the runs):",
             "",
             "| file | size | wall | CPU | peak RSS | floor: sqlite3 "
             ".import, wall / CPU | CPU / floor's |",
             "|---|---|---|---|---|---|---|"]
    for fmt in ("csv", "json"):
        wall, cpu, rss = res[fmt]["run"]
        lines.append(f"| {fmt.upper()} | {res[fmt]['mb']:.0f} MB | "
                     f"{wall:.1f} s | {cpu:.1f} s | {rss:.1f} MB | "
                     f"{fl[0]:.1f} s / {fl[1]:.1f} s | "
                     f"{cpu / max(fl[1], 0.01):.1f}x |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("boardroom")
    ap.add_argument("db", nargs="+")
    a = ap.parse_args()
    if not shutil.which("sqlite3") or not os.path.exists("/usr/bin/time"):
        sys.exit("needs the sqlite3 shell and /usr/bin/time")
    for db in a.db:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        n = c.execute("SELECT count(*) FROM event").fetchone()[0]
        c.close()
        print(table(n, measure(a.boardroom, db, a.reps)), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
