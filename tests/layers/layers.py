#!/usr/bin/env python3
"""The layer rules of README.md's "Source layout", checked on the sources
and on the object files the build made (TAP).

1. No two source files call each other in a loop, directly or through
   others: the graph "file A uses a function or variable file B defines"
   (from nm on the objects) has no cycle.
2. Nothing in src/model/ includes or uses anything of import, cli, ui or
   bench; nothing in src/import/ reaches cli or ui; nothing in src/ui/
   reaches cli; bench reaches only the model.
3. Only src/ui/term.c includes curses.
4. include/boardroom/ holds the model's headers only: every header there
   has its code in src/model/.

Usage: layers.py SOURCE_ROOT BUILD_ROOT
"""
import os
import re
import subprocess
import sys

src_root, build_root = sys.argv[1], sys.argv[2]
n = 0
failed = 0


def ok(cond, name, why=""):
    global n, failed
    n += 1
    if cond:
        print(f"ok {n} - {name}")
    else:
        failed += 1
        print(f"not ok {n} - {name}")
        for line in why.splitlines():
            print(f"# {line}")


# What each layer may include or use, besides itself.
ALLOWED = {
    "model": set(),
    "import": {"model"},
    "bench": {"model"},
    "ui": {"model"},
    "cli": {"model", "import", "bench", "ui"},
}


def layer_of(path):
    """The layer of a path relative to the source root, or None."""
    parts = path.split("/")
    if parts[0] == "include" and len(parts) > 1 and parts[1] == "boardroom":
        return "model"
    if parts[0] == "src" and len(parts) > 2:
        return parts[1]
    return None


sources = []
for d, _, files in os.walk(os.path.join(src_root, "src")):
    for f in files:
        if f.endswith((".c", ".h")):
            sources.append(os.path.relpath(os.path.join(d, f), src_root))
sources.sort()

# Rules 2 and 3 on the includes.
inc_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
bad_inc = []
curses = []
for s in sources:
    text = open(os.path.join(src_root, s), encoding="utf-8").read()
    me = layer_of(s)
    for kind, name in inc_re.findall(text):
        if "curses" in name:
            curses.append(s)
        if kind != '"':
            continue
        top = name.split("/")[0]
        other = "model" if top == "boardroom" else top
        if other in ALLOWED and other != me and other not in ALLOWED[me]:
            bad_inc.append(f"{s} includes {name} ({me} may not reach {other})")
ok(not bad_inc, "each layer includes only the layers below it",
   "\n".join(bad_inc))
ok(set(curses) <= {"src/ui/term.c"}, "only src/ui/term.c includes curses",
   "\n".join(sorted(set(curses))))

# Rule 4.
hdrs = sorted(os.listdir(os.path.join(src_root, "include/boardroom")))
stray = [h for h in hdrs
         if not os.path.exists(os.path.join(src_root, "src/model",
                                            h[:-2] + ".c"))]
ok(not stray, "include/boardroom/ holds the model's headers only",
   "\n".join(f"{h} has no src/model/{h[:-2]}.c" for h in stray))

# Rules 1 and 2 on the objects: which file defines and which uses each
# symbol. Meson names an object after its source: src_model_db.c.o.
objects = {}
by_name = {}
for s in sources:
    by_name.setdefault(os.path.basename(s), []).append(s)
for d, _, files in os.walk(os.path.join(build_root, "src")):
    reldir = os.path.dirname(os.path.relpath(d, build_root))
    for f in files:
        if not f.endswith(".c.o"):
            continue
        # text.c.o in src/model/X.a.p is src/model/text.c; a source from
        # another folder is named with its path: .._ui_term.c.o
        base = f[:-2]
        cands = [s for s in by_name.get(base.split("_")[-1], [])
                 + by_name.get(base, [])
                 if s == os.path.join(reldir, base)
                 or base.replace(".._", "").replace("_", "/").endswith(s[4:])]
        if cands:
            objects[cands[0]] = os.path.join(d, f)
missing = [s for s in sources if s.endswith(".c") and s not in objects]
ok(not missing, "every source file has an object in the build",
   "\n".join(missing))

defs, uses = {}, {}
for s, o in objects.items():
    out = subprocess.run(["nm", "-P", o], capture_output=True, text=True,
                         check=True).stdout
    uses[s] = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) < 2:
            continue
        sym, typ = f[0], f[1]
        if typ == "U":
            uses[s].add(sym)
        elif typ in "TDBRCV" or typ in "tdbr" and False:
            defs.setdefault(sym, s)

graph = {s: set() for s in objects}
for s, syms in uses.items():
    for sym in syms:
        t = defs.get(sym)
        if t and t != s:
            graph[s].add(t)

bad_use = []
for s, ts in sorted(graph.items()):
    me = layer_of(s)
    for t in sorted(ts):
        other = layer_of(t)
        if other != me and other not in ALLOWED[me]:
            bad_use.append(f"{s} uses {t} ({me} may not reach {other})")
ok(not bad_use, "each layer calls only the layers below it",
   "\n".join(bad_use))

# Tarjan's strongly connected components: a component of more than one
# file is a loop.
index, low, stack, on = {}, {}, [], set()
loops = []
counter = [0]


def strong(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(graph[v]):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            loops.append(sorted(comp))


sys.setrecursionlimit(10000)
for v in sorted(graph):
    if v not in index:
        strong(v)


def why_loop(comp):
    lines = []
    for s in comp:
        for t in sorted(graph[s] & set(comp)):
            used = sorted(sym for sym in uses[s] if defs.get(sym) == t)
            lines.append(f"{s} -> {t}: {', '.join(used[:4])}")
    return "\n".join(lines)


ok(not loops, "no files call each other in a loop",
   "\n\n".join(why_loop(c) for c in loops))
ok(len(graph) > 20 and sum(len(v) for v in graph.values()) > 20,
   "the call graph was read (it has files and calls)")

print(f"1..{n}")
sys.exit(1 if failed else 0)
