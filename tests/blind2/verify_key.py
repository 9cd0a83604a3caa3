#!/usr/bin/env python3
"""Self-check of the blind2 evaluation set (written by hand, independent of any checker).

Checks: every agreement has exactly one key.tsv row per area id; verdicts are valid;
borderline verdicts are rare; every evidence quote (other than '-') occurs verbatim in its
file and is at most 120 characters; key-facts.tsv rows refer to existing files, use known
fact names and verbatim evidence; word counts are within 350-1400; and the verdict
distribution is printed. Exit status 1 on any problem.
Run from anywhere: python3 tests/blind2/verify_key.py
"""
import csv, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
AREAS = ["target-groups", "common-goals", "individual-routines", "individual-plans",
         "responsibilities", "disputes", "follow-up", "validity", "user-participation",
         "parties", "adoption", "implementation"]
VERDICTS = {"covered", "partial", "missing", "covered|partial", "partial|missing"}
FACTS = {"document-date", "valid-from", "valid-to", "extension", "contradiction",
         "stale-citation", "not-stale", "placeholder", "outdated-name", "not-outdated",
         "toc-only"}
problems = []

def read_tsv(name, header):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    if lines[0].split("\t") != header:
        problems.append(f"{name}: bad header {lines[0]!r}")
    rows = []
    for i, line in enumerate(lines[1:], 2):
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != len(header):
            problems.append(f"{name}:{i}: {len(cols)} columns")
            continue
        rows.append((i, dict(zip(header, cols))))
    return rows

agreements = sorted(os.listdir(os.path.join(HERE, "agreements")))
texts = {}
for a in agreements:
    p = os.path.join(HERE, "agreements", a)
    texts["agreements/" + a] = open(p, encoding="utf-8").read()
    if not re.match(r"^\d\d-[a-z0-9-]+\.(txt|md)$", a):
        problems.append(f"bad file name {a}")
    n = len(re.findall(r"\w+", texts["agreements/" + a]))
    if not 350 <= n <= 1400:
        problems.append(f"{a}: {n} words (want 350-1400)")

key = read_tsv("key.tsv", ["file", "area", "verdict", "evidence"])
seen = collections.defaultdict(list)
counts = collections.Counter()
for i, r in key:
    f = r["file"]
    if f not in texts:
        problems.append(f"key.tsv:{i}: unknown file {f}")
        continue
    seen[f].append(r["area"])
    if r["area"] not in AREAS:
        problems.append(f"key.tsv:{i}: unknown area {r['area']}")
    if r["verdict"] not in VERDICTS:
        problems.append(f"key.tsv:{i}: bad verdict {r['verdict']}")
    counts[r["verdict"]] += 1
    ev = r["evidence"]
    if r["verdict"] == "missing" and ev != "-":
        problems.append(f"key.tsv:{i}: missing verdict should have evidence '-'")
    if ev != "-":
        if len(ev) > 120:
            problems.append(f"key.tsv:{i}: evidence longer than 120 chars")
        if ev not in texts[f]:
            problems.append(f"key.tsv:{i}: evidence not verbatim in {f}: {ev!r}")
    elif r["verdict"] != "missing":
        problems.append(f"key.tsv:{i}: {r['verdict']} row without evidence")
for f in texts:
    if sorted(seen[f]) != sorted(AREAS):
        problems.append(f"key.tsv: {f} has areas {sorted(seen[f])}")
    border = sum(1 for i, r in key if r["file"] == f and "|" in r["verdict"])
    if border > 1:
        problems.append(f"key.tsv: {f} has {border} borderline rows")

facts = read_tsv("key-facts.tsv", ["file", "fact", "value", "evidence"])
per_file = collections.defaultdict(set)
for i, r in facts:
    f = r["file"]
    if f not in texts:
        problems.append(f"key-facts.tsv:{i}: unknown file {f}")
        continue
    per_file[f].add(r["fact"])
    if r["fact"] not in FACTS:
        problems.append(f"key-facts.tsv:{i}: unknown fact {r['fact']}")
    v = r["value"]
    if r["fact"] in ("document-date", "valid-from", "valid-to"):
        ok = v == "none" or re.fullmatch(r"\d{4}-\d\d-\d\d", v) or (r["fact"] == "valid-to" and v == "tills vidare")
        if not ok:
            problems.append(f"key-facts.tsv:{i}: bad date value {v!r}")
    if r["fact"] in ("extension", "contradiction") and v not in ("yes", "no"):
        problems.append(f"key-facts.tsv:{i}: bad yes/no value {v!r}")
    if r["fact"] in ("stale-citation", "not-stale", "placeholder", "outdated-name", "not-outdated"):
        if v not in texts[f]:
            problems.append(f"key-facts.tsv:{i}: value not verbatim in {f}: {v!r}")
    if r["fact"] == "toc-only" and v not in AREAS:
        problems.append(f"key-facts.tsv:{i}: toc-only value must be an area id")
    if r["evidence"] != "-" and r["evidence"] not in texts[f]:
        problems.append(f"key-facts.tsv:{i}: evidence not verbatim in {f}: {r['evidence']!r}")
for f in texts:
    for need in ("document-date", "valid-from", "valid-to", "extension"):
        if need not in per_file[f]:
            problems.append(f"key-facts.tsv: {f} lacks {need}")

total = sum(counts.values())
print(f"{len(texts)} agreements, {total} key rows, {len(facts)} fact rows")
for v in sorted(counts):
    print(f"  {v:16} {counts[v]:4}  {100 * counts[v] / total:5.1f} %")
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
