"""Every member of the first records of a dataset document set to values of
the wrong type, one at a time: check and import exit 0 or 2, never crash,
and a failed import says one line naming the file (and its pointer).
Usage: mutate.py DOCUMENT SCRATCH_DIR, with $BOARDROOM the program."""
import copy, json, os, subprocess, sys
B = os.environ["BOARDROOM"]
base = json.load(open(sys.argv[1], encoding="utf-8"))
work = sys.argv[2]
wrong = [None, 1, "x", [], {}, -5, "", True, "2031-13-40T99:99Z"]
runs = bad = 0
# Under a wrapper (valgrind), every tenth mutation: each run is slow there.
every = 10 if os.environ.get("BOARDROOM_WRAP") else 1
def run(doc, n):
    global runs, bad
    if n % every:
        return
    p = os.path.join(work, "m.json")
    with open(p, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    db = os.path.join(work, "m%d.db" % n)
    # Imports are slower (a database each): every third mutation.
    for args in (["check", p], ["import", "--into", db, p])[:1 if n % 3 else 2]:
        r = subprocess.run([B] + args, capture_output=True)
        runs += 1
        err = r.stderr.decode("utf-8", "replace").strip().splitlines()
        if r.returncode not in (0, 2) or (args[0] == "import" and r.returncode == 2 and
                (len(err) != 1 or not err[0].startswith("boardroom: " + p + ": "))):
            bad += 1
            if bad <= 3:
                print("# %s -> %d: %s" % (args[0], r.returncode, err[:2]))
    if os.path.exists(db):
        os.remove(db)
n = 0
for member, arr in base.items():
    if not isinstance(arr, list):
        continue
    for i, rec in enumerate(arr[:1]):
        if not isinstance(rec, dict):
            continue
        for key in rec:
            for w in wrong[:5] if key not in ("slug", "start") else wrong:
                doc = copy.deepcopy(base)
                doc[member][i][key] = w
                n += 1
                run(doc, n)
for key in ("meta", "format", "version", "people"):
    for w in wrong:
        doc = copy.deepcopy(base); doc[key] = w; n += 1; run(doc, n)
print("runs %d bad %d" % (runs, bad))
sys.exit(1 if bad else 0)
