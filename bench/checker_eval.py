#!/usr/bin/env python3
"""Scores `okgen check` against a hand-written key (tests/blind, tests/checker-dev).

    bench/checker_eval.py OKGEN SETDIR [--verbose]

SETDIR holds agreements/ and key.tsv (file, area, verdict, evidence; a verdict may allow two
statuses, "covered|partial") and key-facts.tsv (file, fact, value, evidence). Each agreement
is checked as of its own document date (the day after; today when the key says none), the
way a reviewer reads it. Printed: area verdicts right per area and in all, "covered" where
the key says missing, dates found, stale citations found, placeholders found, outdated names
found and look-alikes left alone, and every disagreement. The key is never edited to match
the output: this script only reports. Exit 0 always (a score, not a gate); tests/ holds the
gate (bench/checker_eval_test.sh)."""
import collections, datetime, json, os, re, subprocess, sys

def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells)))
    return rows

def main():
    okgen, setdir = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    key = read_tsv(os.path.join(setdir, "key.tsv"))
    facts = read_tsv(os.path.join(setdir, "key-facts.tsv"))
    by_file = collections.defaultdict(dict)
    for r in key:
        by_file[r["file"]][r["area"]] = r
    fact_rows = collections.defaultdict(list)
    for r in facts:
        fact_rows[r["file"]].append(r)

    area_right = collections.Counter(); area_total = collections.Counter()
    false_covered = []; disagreements = []; fact_score = collections.Counter(); fact_total = collections.Counter()
    fact_misses = []
    for name in sorted(by_file):
        # The key names a file by its name, or by its path inside the set ("agreements/NN-x.txt").
        path = os.path.join(setdir, name) if name.startswith("agreements/") else os.path.join(setdir, "agreements", name)
        date = next((f["value"] for f in fact_rows[name] if f["fact"] == "document-date"), "none")
        args = [okgen, "check", "--format", "json", path]
        if date != "none":
            d = datetime.date.fromisoformat(date) + datetime.timedelta(days=1)
            args[2:2] = ["--date", d.isoformat()]
        out = subprocess.run(args, capture_output=True, text=True)
        try:
            report = json.loads(out.stdout)
        except json.JSONDecodeError:
            print(f"{name}: okgen gave no JSON (exit {out.returncode}): {out.stderr[:300]}")
            continue
        agreement = report["agreements"][0] if report.get("agreements") else {}
        verdicts = {c["area"]: c for c in agreement.get("coverage", [])}
        findings = [f for f in report.get("findings", []) if f.get("file", "").endswith(name)]
        lines = open(path, encoding="utf-8").read().split("\n")
        for area, row in by_file[name].items():
            got = verdicts.get(area, {}).get("status", "?")
            allowed = row["verdict"].split("|")
            area_total[area] += 1
            if got in allowed:
                area_right[area] += 1
            else:
                where = verdicts.get(area, {}).get("where") or {}
                disagreements.append(f"{name} {area}: key {row['verdict']}, okgen {got}"
                                     f" (okgen at line {where.get('line', '-')} {where.get('heading', '')!s}; key: {row['evidence'][:90]})")
                if got == "covered" and "missing" in allowed and "partial" not in allowed:
                    false_covered.append(f"{name} {area}")
        validity = agreement.get("validity") or {}
        messages = [(f["rule"], f.get("line", 0), f["message"]) for f in findings]
        def squash(t):
            return "".join(t.split()).lower()
        def finding_near(text, rules_prefix=None, by_message=False):
            # A finding whose rule fits and whose message quotes the text (by_message), or
            # whose line (or the next: a citation broken over lines) holds it.
            for rule, line, msg in messages:
                if rules_prefix and not any(rule.startswith(p) for p in rules_prefix):
                    continue
                if text and squash(text) in squash(msg):
                    return True
                if by_message:
                    continue
                src = lines[line - 1] if 0 < line <= len(lines) else ""
                nxt = lines[line] if 0 < line < len(lines) else ""
                if text and (text in src or text in (src + " " + nxt)):
                    return True
            return False
        law_rules = ("law-repealed", "law-section-mismatch", "law-stale")
        def lines_holding(text):
            # Lines (1-based) that hold `text`, also when it is broken over two lines.
            flat = [squash(l) for l in lines]
            key = squash(text)
            out = set()
            for i in range(len(lines)):
                if key and (key in flat[i] or key in flat[i] + (flat[i + 1] if i + 1 < len(lines) else "")):
                    out.add(i + 1)
            return out
        def core(citation):
            # "8 a § hälso- och sjukvårdslagen (1982:763)" is quoted as "8 a § hälso- och sjukvårdslagen".
            return re.sub(r"\s*\(\d{4}:\d+\)\s*$", "", citation)
        def citation_flagged(value, ev):
            where = lines_holding(value) | lines_holding(core(value))
            for rule, line, msg in messages:
                if rule not in law_rules:
                    continue
                quoted = squash(core(value))
                # The message quotes the citation as read ("HSL (1982:763)"); the key may give
                # more of it ("HSL (1982:763) 8 a §").
                m = re.match(r"(.+?) (hänvisar|:|kapitel|liknar)", msg)
                said = squash(m.group(1)) if m else ""
                near = not where or line in where or line - 1 in where
                if near and quoted and (quoted in squash(msg) or (said and said in squash(value))):
                    return True
            return False
        def name_flagged(value, ev):
            # An outdated-name finding on a line that holds the value, for a word inside it
            # ("SKL" in "SKL:s", "landsting" in "Jönköpings läns landsting").
            where = lines_holding(ev) | lines_holding(value)
            for rule, line, msg in messages:
                if rule != "outdated-name":
                    continue
                m = re.search(r'"([^"]+)"', msg)
                word = squash(m.group(1)) if m else ""
                if word and word in squash(value) and (line in where or line - 1 in where):
                    return True
            return False
        for f in fact_rows[name]:
            kind, value, ev = f["fact"], f["value"], f["evidence"]
            ok = None
            if kind == "valid-from" and value != "none":
                ok = validity.get("start") == value
            elif kind == "valid-to" and value != "none":
                ok = (validity.get("end") == value) if value != "tills vidare" else (validity.get("end") is None and validity.get("state") not in (None, "unknown"))
            elif kind == "stale-citation":
                ok = citation_flagged(value, ev)
            elif kind == "not-stale":
                ok = not citation_flagged(value, ev)
            elif kind == "placeholder":
                ok = finding_near(value, ["draft", "placeholder", "validity-placeholder", "date-placeholder"])
            elif kind == "outdated-name":
                ok = name_flagged(value, ev)
            elif kind == "not-outdated":
                ok = not name_flagged(value, ev)
            elif kind == "contradiction":
                ok = any("contradict" in r or r == "validity-conflict" for r, _, _ in messages)
            elif kind == "toc-only":
                ok = any(r == "area-toc-only" for r, _, _ in messages) or verdicts.get(value, {}).get("status") == "partial"
            if ok is None:
                continue
            fact_total[kind] += 1
            if ok:
                fact_score[kind] += 1
            else:
                fact_misses.append(f"{name} {kind} {value!r}: {ev[:80]}")
        if verbose:
            print(f"-- {name}: " + ", ".join(f"{a}={verdicts.get(a, {}).get('status', '?')}" for a in by_file[name]))

    right, total = sum(area_right.values()), sum(area_total.values())
    print(f"Area verdicts: {right}/{total} right ({100.0 * right / max(total, 1):.1f} %)")
    for area in sorted(area_total):
        print(f"  {area:22} {area_right[area]:3}/{area_total[area]}")
    print(f"'covered' where the key says missing: {len(false_covered)}" + ("" if not false_covered else " (" + ", ".join(false_covered) + ")"))
    print("Facts:")
    for kind in sorted(fact_total):
        print(f"  {kind:22} {fact_score[kind]:3}/{fact_total[kind]}")
    print("Disagreements on areas:")
    for d in disagreements:
        print("  " + d)
    print("Facts missed:")
    for m in fact_misses:
        print("  " + m)

if __name__ == "__main__":
    main()
