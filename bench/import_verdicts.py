#!/usr/bin/env python3
"""Import vs text: does `okgen check` reach the same area verdicts on an imported agreement
as on the text it was imported from (issue 14)?

For every text of the given folders: `okgen import FILE` (into a temporary content folder),
then `okgen check --format json` of the text and of the XML; the verdict of each area is
compared, parties aside (the import names the municipalities the text names, which can make
the XML's verdict better). Prints one line per folder and each difference.

Usage: bench/import_verdicts.py OKGEN DIR [DIR ...]
  e.g. bench/import_verdicts.py build/okgen tests/checker-dev tests/blind tests/blind2
A folder's texts are DIR/agreements/* when that exists, else DIR/*.txt and DIR/*.md.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

DATE = "2026-12-06"


def coverage(okgen, path):
    out = subprocess.run([okgen, "check", "--format", "json", "--date", DATE, path],
                         capture_output=True, text=True).stdout
    return {c["area"]: c["status"] for c in json.loads(out)["agreements"][0]["coverage"]}


def texts(folder):
    inner = os.path.join(folder, "agreements")
    if os.path.isdir(inner):
        return sorted(glob.glob(os.path.join(inner, "*")))
    return sorted(glob.glob(os.path.join(folder, "*.txt")) + glob.glob(os.path.join(folder, "*.md")))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    okgen, folders = sys.argv[1], sys.argv[2:]
    total = equal = 0
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, "content", "dalarna", "regional.xml")
        os.makedirs(os.path.dirname(xml))
        for folder in folders:
            n = same = 0
            differ = []
            files = texts(folder)
            for f in files:
                r = subprocess.run([okgen, "import", f, "--region", "Dalarna", "-o", xml, "--force", "--date", DATE],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    differ.append(f"{os.path.basename(f)}: import failed: {r.stderr.strip()[:200]}")
                    continue
                a, b = coverage(okgen, f), coverage(okgen, xml)
                for area, verdict in a.items():
                    if area == "parties":
                        continue
                    n += 1
                    if b.get(area) == verdict:
                        same += 1
                    else:
                        differ.append(f"{os.path.basename(f)} {area}: text {verdict}, import {b.get(area)}")
            print(f"{folder}: {same}/{n} area verdicts equal over {len(files)} texts")
            for d in differ:
                print("  " + d)
            total += n
            equal += same
    print(f"all: {equal}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
