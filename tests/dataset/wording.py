#!/usr/bin/env python3
"""The dataset's texts are ours: none shares a run of 14 characters with the
source article, except a quotation listed in QUOTATIONS and shown in
quotation marks (“…” or "...").

The article may not be copied into the project, so what is kept of it is a
fingerprint: a hash of every run of WINDOW characters of its text
(article-windows.txt, beside this file). Both sides are read the same way:
pinyin left by the converter ("頁(yè)") dropped, traditional characters
made simplified (OpenCC t2s), NFKC (full-width punctuation as ASCII), lower
case, white space ignored; a Chinese character or punctuation mark is one
character, and so is a Latin word or a number ("OpenAI", "2023").

  wording.py                     TAP: check every text of the dataset
  wording.py --fingerprint FILE  print the fingerprint of the article FILE
                                 (needs the opencc program)

The dataset is read from $SOURCE_ROOT (default: two folders up).
"""
import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata

WINDOW = 14
HERE = os.path.dirname(os.path.abspath(__file__))
FINGERPRINT = os.path.join(HERE, "article-windows.txt")

# Quotations of the article, or of a report it quotes, as the dataset gives
# them (simplified). Each must stand in quotation marks in some text.
QUOTATIONS = [
    # The article's title, in the citation of the source.
    "OpenAI事件大复盘：过程、起因和影响",
    # The line of the Reuters and The Information reports the article quotes.
    "该模型的演示在OpenAI内部流传，其发展速度令一些关注人工智能安全的研究人员感到震惊。",
]

QUOTES = (("“", "”"), ('"', '"'))
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
TOKEN = re.compile(r"[a-z0-9]+|\S")


def tokens(text):
    return TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def window_hash(toks):
    return hashlib.sha1("\x1f".join(toks).encode("utf-8")).hexdigest()[:12]


def fingerprint(path):
    with open(path, encoding="utf-8") as f:
        text = PINYIN.sub("", f.read())
    text = subprocess.run(["opencc", "-c", "t2s.json"], input=text,
                          capture_output=True, text=True, check=True).stdout
    toks = tokens(text)
    hashes = {window_hash(toks[i:i + WINDOW])
              for i in range(len(toks) - WINDOW + 1)}
    print(f"# {WINDOW}-character windows of the source article, hashed "
          "(tests/dataset/wording.py --fingerprint)")
    for h in sorted(hashes):
        print(h)


def shared_runs(text, windows):
    """The runs of text (as read) that the article shares, longest first
    within each stretch; quotations listed in QUOTATIONS are skipped."""
    for q in QUOTATIONS:
        for a, b in QUOTES:
            text = text.replace(a + q + b, a + b)
    toks = tokens(text)
    hits = [i for i in range(len(toks) - WINDOW + 1)
            if window_hash(toks[i:i + WINDOW]) in windows]
    runs = []
    for i in hits:
        if runs and i <= runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ["".join(toks[a:b + WINDOW]) for a, b in runs]


def load(root):
    db = sqlite3.connect(":memory:")
    for name in ("schema.sql", os.path.join("db", "dataset.sql")):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            db.executescript(f.read())
    return db


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--fingerprint":
        fingerprint(sys.argv[2])
        return 0
    root = os.environ.get("SOURCE_ROOT",
                          os.path.join(HERE, os.pardir, os.pardir))
    with open(FINGERPRINT, encoding="utf-8") as f:
        windows = {l.strip() for l in f if l.strip() and l[0] != "#"}
    db = load(root)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'event\\_%'"
        " ESCAPE '\\' ORDER BY name")]
    n = 0
    failed = 0
    texts = []
    print(f"# {len(windows)} windows of the article")
    for t in tables:
        cols = [r[1] for r in db.execute(f'PRAGMA table_info("{t}")')
                if r[2].upper() == "TEXT"]
        for c in cols:
            bad = []
            for (v,) in db.execute(f'SELECT "{c}" FROM "{t}"'):
                if not isinstance(v, str):
                    continue
                texts.append(v)
                bad += shared_runs(v, windows)
            n += 1
            if bad:
                failed += 1
                print(f"not ok {n} - {t}.{c} shares no run of {WINDOW}"
                      " characters with the article")
                for b in bad:
                    print(f"#   {b}")
            else:
                print(f"ok {n} - {t}.{c} shares no run of {WINDOW}"
                      " characters with the article")
    for q in QUOTATIONS:
        n += 1
        if any(a + q + b in v for v in texts for a, b in QUOTES):
            print(f"ok {n} - quotation in quotation marks: {q[:12]}…")
        else:
            failed += 1
            print(f"not ok {n} - quotation in quotation marks: {q[:12]}…")
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
