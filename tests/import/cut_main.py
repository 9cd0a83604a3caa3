#!/usr/bin/python3
"""Cuts an okgen HTML page to its <main> element, as a page of its own for pandoc to read.

  cut_main.py PAGE.html OUT.html

The page's header, title, table of contents, notes and version history are outside <main>
and are left out; inside it everything is kept as it is, note marks (<sup class="noteref">,
linking to notes that are now not in the page) included: a document cut from a larger one
has such links, and import must cope with them. No <title>, so that pandoc writes no title
paragraph of its own.
"""
import re
import sys

page = open(sys.argv[1], encoding="utf-8").read()
body = re.search(r"<body[\s>]", page)
start = re.compile(r"<main[\s>]").search(page, body.end() if body else 0)
end = page.rfind("</main>")
if start is None or end < start.start():
    sys.exit(f"cut_main.py: {sys.argv[1]} has no <main> element")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html>\n<html lang="sv">\n<head><meta charset="utf-8"></head>\n<body>\n'
            + page[start.start():end + len("</main>")] + "\n</body>\n</html>\n")
