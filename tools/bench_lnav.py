#!/usr/bin/env python3
"""Time lnav on the same events as the explorer, for a side-by-side table.

lnav (https://lnav.org) is the nearest general tool to boardroom's
explorer: a terminal viewer that indexes a timestamped log and lets one
jump, search and filter in it. This script writes a generated database's
events as a plain log file and times lnav on it, with the ASCII word, the
Chinese string and the person that tools/bench.py uses.

The log. `boardroom events --format csv` streams every event (no --limit,
so all of them, in time order) and each becomes one line,

    2015-03-22T00:00:00Z boardroom main: Title / 中文标题 -- Ada Abbott
    (安·艾伯特), Gus Zhou (国·周) -- English summary. 中文摘要。

that is an ISO-8601 UTC timestamp, a host and a tag like a syslog line,
then the title, the participants and the summary in English and Chinese.
lnav recognises it with its built-in syslog_log format, without a custom
format; the script checks that every line is indexed as a log message with
a timestamp. The log is cached next to the database (DB.log) and written
again only when the database is newer. Writing it for 1M events takes
2.5 to 5 minutes, almost all of it in `boardroom events`.

What is timed. Each measurement is a fresh lnav process, timed from exec
to exit (or to the marker, for the UI), in milliseconds: median and p95
over --reps runs, the median CPU time (user + system, steadier than wall
time on a busy machine), and the largest peak RSS (ru_maxrss, the figure
`/usr/bin/time -f %M` prints). All but the UI row run `lnav -n -q -c CMD...
LOG`: headless, without the final dump of the view. Headless, lnav reads
and indexes the whole file before the first command, and then waits for
each command to finish, searches included. So:

  start, 1-line log    lnav's fixed cost (formats, config, SQLite).
  open, first screen   `:goto 0`: the file read and indexed, a screen of
                       it ready to draw.
  open, UI ...         `lnav LOG` on a pseudo-terminal (48x160) until the
                       title of the log's last event has been drawn: lnav
                       opens a log at its end, and draws no log line until
                       the index is complete, so this is what a user waits
                       for, and checks that the headless open is that wait.
  search ... first hit `;SELECT log_line FROM all_logs WHERE
                       instr(log_body, 'Weber') > 0 LIMIT 1`: scans from
                       the top and stops at the first match. lnav's UI
                       searches in the background and shows hits as it
                       finds them, so the first hit is what someone who
                       typed a search waits for; it is also what
                       tools/bench.py times for the explorer (the jump to
                       the next match).
  search ... all hits  `/Weber` then `:next-mark search`: lnav's own
                       search, which headless waits for until it has
                       scanned every line; in the UI, when the hit count
                       is complete and `n` can reach every hit.
  person filter        `:filter-in Ada Abbott(?! \\d)` then `:goto 0`:
                       only that person's events (not "Ada Abbott 2"),
                       filtered over the whole file, a screen ready.

The search and filter rows include the open; "net" subtracts the median
open (near zero, or below it, means within the noise). Before timing, one
run of each checks the result: the number of indexed, timestamped lines,
the hit counts and first hits, and that the filter keeps as many lines as
`boardroom events --person` lists events.

    tools/bench_lnav.py [--db DB] [--boardroom BIN] [--reps N] [--log FILE]
                        [--lnav LNAV] [--no-ui] [--json]

The defaults are build-release/bench/gen-1000000.db and
build-release/src/cli/boardroom; the same measurements suit gen-10000.db and
gen-100000.db, where the fixed start-up cost weighs more. --json prints one
JSON object instead of the table; from tools/bench.py, `import
bench_lnav; bench_lnav.measure(db, boardroom, reps)` returns the same
object. Needs lnav (Debian: apt-get install lnav) and Python 3 only.
"""
import argparse
import csv
import fcntl
import io
import json
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import struct
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DB = os.path.join(ROOT, "build-release", "bench", "gen-1000000.db")
DEFAULT_BOARDROOM = os.path.join(ROOT, "build-release", "boardroom")

# The same inputs as tools/bench.py.
WORD = "Weber"
HAN = "艾伯特"
PERSON = "Ada Abbott"
# Generated names repeat with a number ("Ada Abbott 2"); boardroom's
# --person picks exactly one person, so the filter excludes those.
PERSON_RE = PERSON + r"(?! \d)"


def first_hit_sql(text):
    return (f";SELECT log_line FROM all_logs "
            f"WHERE instr(log_body, '{text}') > 0 LIMIT 1")


# Each operation: its name and the lnav commands, run after the file is
# loaded. The order is the table's.
OPS = [
    ("open, first screen", [":goto 0"]),
    ("search, ASCII word, first hit", [first_hit_sql(WORD)]),
    ("search, ASCII word, all hits", [f"/{WORD}", ":next-mark search"]),
    ("search, 3 Chinese chars, first hit", [first_hit_sql(HAN)]),
    ("search, 3 Chinese chars, all hits", [f"/{HAN}", ":next-mark search"]),
    ("person filter, first screen", [f":filter-in {PERSON_RE}", ":goto 0"]),
]
OPEN = OPS[0][0]
UI_OPEN = "open, UI on a terminal, last page drawn"


def one_line(s):
    return " ".join(s.splitlines())


def log_line(row):
    """The log line of one CSV row of `boardroom events --format csv`."""
    people = []
    for p in row["participants"].split("|"):
        if p:
            # slug:role:name:name_zh
            _, _, name, name_zh = p.split(":", 3)
            people.append(f"{name} ({name_zh})")
    kind = row["kind"] or "event"
    text = (f"{row['title_en']} / {row['title_zh']} -- {', '.join(people)}"
            f" -- {row['summary_en']} {row['summary_zh']}")
    return f"{row['at']} boardroom {kind}: {one_line(text)}\n"


def write_log(db, boardroom, log):
    """Writes db's events to log unless log is newer than db.

    Returns (number of lines or None when cached, seconds taken)."""
    if os.path.exists(log) and os.path.getmtime(log) >= os.path.getmtime(db):
        return None, 0.0
    t0 = time.monotonic()
    tmp = log + ".tmp"
    n = 0
    # CSV is UTF-8 whatever the locale (--encoding is for text alone).
    p = subprocess.Popen([boardroom, "events", "--db", db, "--format", "csv",
                          "--tz", "UTC"],
                         stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        src = io.TextIOWrapper(p.stdout, encoding="utf-8", newline="")
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            for row in csv.DictReader(src):
                out.write(log_line(row))
                n += 1
        p.stdout.close()
        if p.wait() != 0:
            raise RuntimeError(f"boardroom events exited with {p.returncode}")
    except BaseException:
        p.kill()
        p.wait()
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    os.replace(tmp, log)
    return n, time.monotonic() - t0


class Lnav:
    """Runs lnav with its own home, so that no user configuration or saved
    view state changes what it does."""

    def __init__(self, lnav="lnav"):
        self.lnav = shutil.which(lnav) or lnav
        self.home = tempfile.mkdtemp(prefix="bench-lnav-")
        self.env = dict(os.environ, HOME=self.home, TZ="UTC",
                        LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.env.pop("XDG_CONFIG_HOME", None)

    def close(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def argv(self, cmds, log, quiet=True):
        argv = [self.lnav, "-n"] + (["-q"] if quiet else [])
        for c in cmds:
            argv += ["-c", c]
        return argv + [log]

    def timed(self, cmds, log):
        """(milliseconds, CPU milliseconds, peak RSS in KB) of one run."""
        with tempfile.TemporaryFile() as err:
            t0 = time.monotonic()
            p = subprocess.Popen(self.argv(cmds, log), env=self.env,
                                 stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=err)
            _, status, ru = os.wait4(p.pid, 0)
            ms = (time.monotonic() - t0) * 1000.0
            p.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            self._check(cmds, p.returncode, err.read().decode("utf-8",
                                                               "replace"))
        return ms, (ru.ru_utime + ru.ru_stime) * 1000.0, ru.ru_maxrss

    def ui_open(self, log, marker, rows=48, cols=160, timeout=600):
        """(milliseconds, CPU milliseconds, peak RSS in KB) from starting
        lnav's interactive UI on a pseudo-terminal of rows x cols until
        marker, text of the log's last line, has been drawn.

        lnav opens a log at its end, so this is the first screen a user
        sees. Each run gets a copy of the prepared home: the UI saves the
        state of its views on exit and would restore it in the next run."""
        home = tempfile.mkdtemp(prefix="bench-lnav-ui-")
        shutil.copytree(self.home, home, dirs_exist_ok=True)
        env = dict(self.env, HOME=home, TERM="xterm-256color")
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))
        want = marker.encode("utf-8")
        screen = b""
        ms = None
        try:
            t0 = time.monotonic()
            p = subprocess.Popen([self.lnav, log], env=env, stdin=slave,
                                 stdout=slave, stderr=slave,
                                 start_new_session=True)
            os.close(slave)
            slave = None
            while time.monotonic() - t0 < timeout:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                try:
                    data = os.read(master, 1 << 16)
                except OSError:
                    break
                if not data:
                    break
                # Keep a tail long enough to hold the marker across reads.
                screen = screen[-len(want):] + data
                if want in screen:
                    ms = (time.monotonic() - t0) * 1000.0
                    break
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            deadline = time.monotonic() + 10
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    p.returncode = os.waitstatus_to_exitcode(status)
                    break
                # Drain the terminal so that lnav can finish writing.
                if select.select([master], [], [], 0.05)[0]:
                    try:
                        os.read(master, 1 << 16)
                    except OSError:
                        pass
                if time.monotonic() > deadline:
                    os.killpg(p.pid, signal.SIGKILL)
                    deadline = float("inf")
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)
            shutil.rmtree(home, ignore_errors=True)
        if ms is None:
            raise RuntimeError(f"lnav UI did not draw {marker!r} within "
                               f"{timeout} s")
        return ms, (ru.ru_utime + ru.ru_stime) * 1000.0, ru.ru_maxrss

    def query(self, cmds, log):
        """Rows of the CSV that the last command (an SQL query) gives."""
        r = subprocess.run(self.argv(cmds + [":write-csv-to -"], log),
                           env=self.env, stdin=subprocess.DEVNULL,
                           capture_output=True)
        err = r.stderr.decode("utf-8", "replace")
        self._check(cmds, r.returncode, err)
        return list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8"))))

    def count_shown(self, cmds, log):
        """Lines of the log view after cmds, as headless prints them."""
        p = subprocess.Popen(self.argv(cmds, log, quiet=False),
                             env=self.env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        n = 0
        first = None
        for line in p.stdout:
            if first is None:
                first = line.decode("utf-8", "replace").rstrip("\n")
            n += 1
        err = p.stderr.read().decode("utf-8", "replace")
        self._check(cmds, p.wait(), err)
        return n, first

    @staticmethod
    def _check(cmds, rc, err):
        # lnav exits 0 after a failed command; the error is on stderr.
        if rc != 0 or "error:" in err:
            raise RuntimeError(f"lnav {cmds!r}: exit {rc}: {err.strip()}")


def p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]


def count_person_events(boardroom, db, person):
    p = subprocess.Popen([boardroom, "events", "--db", db, "--person", person,
                          "--format", "csv"],
                         stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    src = io.TextIOWrapper(p.stdout, encoding="utf-8", newline="")
    n = sum(1 for _ in csv.DictReader(src))
    if p.wait() != 0:
        raise RuntimeError("boardroom events --person failed")
    return n


def check(lnav, log, boardroom, db):
    """One untimed run of each operation; returns what it found and raises
    when lnav did not index or find what it should."""
    with open(log, "rb") as f:
        lines = sum(1 for _ in f)
    fmts = lnav.query([";SELECT log_format, count(*) AS n FROM all_logs "
                       "GROUP BY 1"], log)
    indexed = {r["log_format"]: int(r["n"]) for r in fmts}
    if sum(indexed.values()) != lines:
        raise RuntimeError(f"lnav indexed {indexed} of {lines} lines")
    stamped = lnav.query([";SELECT count(*) AS n FROM all_logs "
                          "WHERE log_time > '2000'"], log)
    if int(stamped[0]["n"]) != lines:
        raise RuntimeError("lnav did not read every timestamp")
    out = {"log_lines": lines, "lnav_format": ",".join(indexed)}
    for key, text in (("ascii", WORD), ("han", HAN)):
        hits = lnav.query([";SELECT count(*) AS n FROM all_logs "
                           f"WHERE instr(log_body, '{text}') > 0"], log)
        first = lnav.query([first_hit_sql(text)], log)
        jump = lnav.query([f"/{text}", ":next-mark search",
                           ";SELECT log_top_line() AS line"], log)
        out[f"{key}_hits"] = int(hits[0]["n"])
        out[f"{key}_first_hit_line"] = int(first[0]["log_line"])
        out[f"{key}_search_jump_line"] = int(jump[0]["line"])
        if not out[f"{key}_hits"]:
            raise RuntimeError(f"no event contains {text}")
    shown, first = lnav.count_shown([f":filter-in {PERSON_RE}"], log)
    want = count_person_events(boardroom, db, person=PERSON)
    if shown != want or PERSON not in first:
        raise RuntimeError(f"filter-in kept {shown} lines, boardroom "
                           f"--person {want}")
    out["person_lines"] = shown
    return out


def last_line_marker(log):
    """Text of the log's last event title that the UI draws in one piece:
    its longest run of letters and spaces."""
    with open(log, "rb") as f:
        f.seek(max(0, os.path.getsize(log) - 65536))
        last = f.read().decode("utf-8", "replace").rstrip("\n")
    last = last.rsplit("\n", 1)[-1]
    title = last.split(": ", 1)[1].split(" / ", 1)[0]
    return max(re.findall(r"[A-Za-z][A-Za-z ]*", title), key=len).strip()


def measure(db, boardroom=DEFAULT_BOARDROOM, reps=5, log=None, lnav="lnav",
            ui=True, progress=None):
    """Times lnav on db's events; returns a dict that json.dumps writes.

    rows maps each operation to its runs in milliseconds (ms), their median,
    p95 and min, the median CPU time (cpu_ms), the largest peak RSS in MB
    and, for searches and the filter, net and net_cpu_ms: the median and
    the CPU time minus the open's. log defaults to db + ".log"; ui=False
    leaves out the open in the interactive UI. progress, if given, is
    called with a line of text at each stage."""
    log = log or db + ".log"
    say = progress or (lambda text: None)
    say(f"log {log}")
    written, write_s = write_log(db, boardroom, log)
    ln = Lnav(lnav)
    try:
        version = subprocess.run([ln.lnav, "-V"], capture_output=True,
                                 text=True, env=ln.env).stdout.strip()
        with tempfile.NamedTemporaryFile("w", suffix=".log",
                                         encoding="utf-8") as tiny:
            with open(log, encoding="utf-8") as f:
                tiny.write(f.readline())
            tiny.flush()
            ln.timed([":goto 0"], tiny.name)  # first run writes ~/.lnav
            ops = [("start, 1-line log", [":goto 0"], tiny.name)]
            ops += [(name, cmds, log) for name, cmds in OPS]
            say("checking what lnav indexes, finds and filters")
            found = check(ln, log, boardroom, db)
            rows = {}

            def add(name, cmds, runs):
                ms = [r[0] for r in runs]
                rows[name] = {"commands": cmds, "ms": ms,
                              "median": statistics.median(ms), "p95": p95(ms),
                              "min": min(ms),
                              "cpu_ms": statistics.median(r[1] for r in runs),
                              "rss_mb": max(r[2] for r in runs) / 1024.0}

            if ui:
                marker = last_line_marker(log)
                ops.append((UI_OPEN, [f"lnav LOG; wait for {marker!r}"], log))
            # Round-robin, so that a busy spell of the machine spreads over
            # every operation instead of weighing on one.
            runs = {name: [] for name, _, _ in ops}
            for rep in range(reps):
                say(f"run {rep + 1} of {reps}")
                for name, cmds, path in ops:
                    if name == UI_OPEN:
                        runs[name].append(ln.ui_open(log, marker))
                    else:
                        runs[name].append(ln.timed(cmds, path))
            for name, cmds, _ in ops:
                add(name, cmds, runs[name])
    finally:
        ln.close()
    base = rows[OPEN]["median"]
    base_cpu = rows[OPEN]["cpu_ms"]
    for name, _ in OPS[1:]:
        rows[name]["net"] = rows[name]["median"] - base
        rows[name]["net_cpu_ms"] = rows[name]["cpu_ms"] - base_cpu
    if UI_OPEN in rows:  # next to the headless open
        order = [n for n in rows if n != UI_OPEN]
        order.insert(order.index(OPEN) + 1, UI_OPEN)
        rows = {name: rows[name] for name in order}
    return {"tool": "lnav", "version": version, "db": db, "log": log,
            "events": found["log_lines"],
            "log_mb": os.path.getsize(log) / 1e6,
            "log_written_s": write_s if written is not None else None,
            "reps": reps, "cores": os.cpu_count(), "checks": found,
            "rows": rows}


def table(res):
    out = [f"# {res['version']} on {res['events']:,} events "
           f"({res['log_mb']:.0f} MB log, {res['checks']['lnav_format']}); "
           f"milliseconds, median / p95 of {res['reps']} runs; "
           f"net = minus the open's median; CPU = user + system, "
           f"median (minus the open's)",
           "| operation | median / p95 | net | CPU | peak RSS (MB) |",
           "|---|---|---|---|---|"]
    for name, row in res["rows"].items():
        net = f"{round(row['net']):+d}" if "net" in row else ""
        cpu = f"{row['cpu_ms']:.0f}"
        if "net_cpu_ms" in row:
            cpu += f" ({round(row['net_cpu_ms']):+d})"
        out.append(f"| {name} | {row['median']:.0f} / {row['p95']:.0f} | "
                   f"{net} | {cpu} | {row['rss_mb']:.1f} |")
    c = res["checks"]
    out.append(f"\n{WORD}: {c['ascii_hits']:,} hits, first at line "
               f"{c['ascii_first_hit_line']}, `/` jumps to line "
               f"{c['ascii_search_jump_line']}; {HAN}: {c['han_hits']:,} "
               f"hits, first at line {c['han_first_hit_line']}, `/` jumps to "
               f"line {c['han_search_jump_line']}; filter-in {PERSON}: "
               f"{c['person_lines']:,} lines, as boardroom events --person.")
    if res["log_written_s"] is not None:
        out.append(f"Log written in {res['log_written_s']:.1f} s.")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=DEFAULT_DB)
    ap.add_argument("--boardroom", default=DEFAULT_BOARDROOM)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--log", help="the log file (default: DB.log)")
    ap.add_argument("--lnav", default="lnav")
    ap.add_argument("--no-ui", action="store_true",
                    help="skip the open in the interactive UI")
    ap.add_argument("--json", action="store_true",
                    help="print one JSON object, not the table")
    a = ap.parse_args()
    if not shutil.which(a.lnav):
        sys.exit(f"{a.lnav} not found (Debian: apt-get install lnav)")

    def progress(text):
        print(f"# {text}", file=sys.stderr, flush=True)

    res = measure(a.db, a.boardroom, a.reps, log=a.log, lnav=a.lnav,
                  ui=not a.no_ui, progress=progress)
    if a.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print(table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
