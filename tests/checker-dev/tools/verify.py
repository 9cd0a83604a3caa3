#!/usr/bin/env python3
"""Checks key.tsv / key-facts.tsv against the agreements: 12 areas per file, valid verdicts,
evidence quotes verbatim in the file (<=120 chars), required facts present."""
import csv, os, sys
from collections import defaultdict
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AREAS = {"target-groups","common-goals","individual-routines","individual-plans","responsibilities",
         "disputes","follow-up","validity","user-participation","parties","adoption","implementation"}
VERDICTS = {"covered","partial","missing","covered|partial","partial|missing"}
FACTS = {"document-date","valid-from","valid-to","extension","contradiction","stale-citation",
         "not-stale","placeholder","outdated-name","not-outdated","toc-only"}
adir = os.path.join(HERE, "agreements")
files = sorted(os.listdir(adir))
text = {f: open(os.path.join(adir, f), encoding="utf-8").read() for f in files}
err = []
seen = defaultdict(list)
for r in csv.DictReader(open(os.path.join(HERE, "key.tsv"), encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
    f, a, v, e = r["file"], r["area"], r["verdict"], r["evidence"]
    seen[f].append(a)
    if f not in text: err.append(f"unknown file {f}"); continue
    if a not in AREAS: err.append(f"{f}: bad area {a}")
    if v not in VERDICTS: err.append(f"{f} {a}: bad verdict {v}")
    if v == "missing" and e != "-": err.append(f"{f} {a}: missing but evidence given")
    if v != "missing" and (e == "-" or e not in text[f] or len(e) > 120):
        err.append(f"{f} {a}: evidence not verbatim/too long: {e!r}")
for f in files:
    if sorted(seen[f]) != sorted(AREAS): err.append(f"{f}: {len(seen[f])} area rows")
facts = defaultdict(list)
for r in csv.DictReader(open(os.path.join(HERE, "key-facts.tsv"), encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
    f, k, v, e = r["file"], r["fact"], r["value"], r["evidence"]
    facts[f].append(k)
    if f not in text: err.append(f"unknown file {f}"); continue
    if k not in FACTS: err.append(f"{f}: bad fact {k}")
    if e != "-" and (e not in text[f] or len(e) > 120): err.append(f"{f} {k}: evidence not verbatim: {e!r}")
    if k in ("stale-citation","not-stale","placeholder","outdated-name","not-outdated") and v not in text[f]:
        err.append(f"{f} {k}: value not in text: {v!r}")
for f in files:
    for k in ("document-date","valid-from","valid-to","extension"):
        if facts[f].count(k) != 1: err.append(f"{f}: {k} x{facts[f].count(k)}")
print("\n".join(err) or f"OK: {len(files)} files")
sys.exit(1 if err else 0)
