#!/usr/bin/env python3
"""Self-check for the blind key (format only; it never looks at any checker).

- key.tsv: header, exactly one row per (file, area) for the 12 areas, valid verdicts,
  evidence quoted verbatim from the file (<= 120 chars) or '-' for missing.
- key-facts.tsv: every file has document-date/valid-from/valid-to/extension rows,
  evidence verbatim (or '-'), citation/placeholder/name values occur in the file.
Usage: python3 verify_key.py   (run from anywhere)
"""
import csv, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
AGR = os.path.join(HERE, "agreements")
AREAS = ["target-groups", "common-goals", "individual-routines", "individual-plans",
         "responsibilities", "disputes", "follow-up", "validity", "user-participation",
         "parties", "adoption", "implementation"]
VERDICTS = {"covered", "partial", "missing", "covered|partial", "partial|missing"}
VALUE_FACTS = {"stale-citation", "not-stale", "placeholder", "outdated-name", "not-outdated"}
errors = []

files = sorted(f for f in os.listdir(AGR) if re.match(r"\d\d-.*\.(txt|md)$", f))
text = {f: open(os.path.join(AGR, f), encoding="utf-8").read() for f in files}
flat = {f: re.sub(r"\s+", " ", t) for f, t in text.items()}

def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))

key = read("key.tsv")
if key[0] != ["file", "area", "verdict", "evidence"]:
    errors.append("key.tsv: bad header")
seen = Counter()
verdicts = Counter()
for i, row in enumerate(key[1:], 2):
    if len(row) != 4:
        errors.append(f"key.tsv:{i}: {len(row)} columns"); continue
    f, area, verdict, ev = row
    seen[(f, area)] += 1
    verdicts[verdict] += 1
    if f not in text: errors.append(f"key.tsv:{i}: unknown file {f}"); continue
    if area not in AREAS: errors.append(f"key.tsv:{i}: unknown area {area}")
    if verdict not in VERDICTS: errors.append(f"key.tsv:{i}: bad verdict {verdict}")
    if verdict == "missing" and ev != "-": errors.append(f"key.tsv:{i}: missing with evidence")
    if verdict != "missing" and ev == "-": errors.append(f"key.tsv:{i}: no evidence")
    if ev != "-":
        if len(ev) > 120: errors.append(f"key.tsv:{i}: evidence {len(ev)} chars")
        if ev not in text[f]: errors.append(f"key.tsv:{i}: evidence not verbatim in {f}: {ev!r}")
for f in files:
    for a in AREAS:
        if seen[(f, a)] != 1:
            errors.append(f"key.tsv: {f} {a} has {seen[(f, a)]} rows")

facts = read("key-facts.tsv")
if facts[0] != ["file", "fact", "value", "evidence"]:
    errors.append("key-facts.tsv: bad header")
have = Counter()
for i, row in enumerate(facts[1:], 2):
    if len(row) != 4:
        errors.append(f"key-facts.tsv:{i}: {len(row)} columns"); continue
    f, fact, value, ev = row
    if f not in text: errors.append(f"key-facts.tsv:{i}: unknown file {f}"); continue
    have[(f, fact)] += 1
    if ev != "-" and ev not in text[f]:
        errors.append(f"key-facts.tsv:{i}: evidence not verbatim in {f}: {ev!r}")
    if fact in VALUE_FACTS and re.sub(r"\s+", " ", value) not in flat[f]:
        errors.append(f"key-facts.tsv:{i}: value {value!r} not in {f}")
    if fact in ("document-date", "valid-from") and value != "none" and not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        errors.append(f"key-facts.tsv:{i}: bad date {value}")
    if fact == "valid-to" and value not in ("none", "tills vidare") and not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        errors.append(f"key-facts.tsv:{i}: bad valid-to {value}")
for f in files:
    for fact in ("document-date", "valid-from", "valid-to", "extension"):
        if have[(f, fact)] != 1:
            errors.append(f"key-facts.tsv: {f} has {have[(f, fact)]} {fact} rows")

for e in errors:
    print(e)
n = sum(verdicts.values())
print(f"{len(files)} files, {n} key rows: " + ", ".join(f"{k} {v} ({100*v/n:.0f}%)" for k, v in sorted(verdicts.items())))
for f in files:
    print(f"  {f}: {len(text[f].split())} words")
sys.exit(1 if errors else 0)
