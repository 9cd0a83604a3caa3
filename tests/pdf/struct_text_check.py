#!/usr/bin/env python3
"""Reading order of a tagged PDF, as poppler reads it from the structure tree alone.

`pdfinfo -struct-text FILE.pdf` prints the text of every structure element in tree order.
That text must hold every block of the agreement, word for word and in the document's
order: the blocks come from the HTML page okgen writes from the same document (another
writer, read here with Python's own HTML parser), so a paragraph lost to an artifact, two
words run together at a line end, a word cut by hyphenation or a section out of order all
show up as a block that is not found where it should be.

  struct_text_check.py FILE.pdf FILE.html [FILE.pdf FILE.html ...]
  struct_text_check.py REDLINE.pdf REDLINE.txt    (a redline against `okgen diff --format text`)
"""
import html.parser
import re
import subprocess
import sys

BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt", "dd"}


def normalise(text):
    text = text.replace("\u00ad", "")  # soft hyphens: where a word was broken over lines
    return re.sub(r"\s+", " ", text).strip()


class BlockText(html.parser.HTMLParser):
    """The text of the innermost block elements inside <main>, in document order; notes
    separately (the PDF puts each footnote after the paragraph that cites it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_main = 0
        self.stack = []  # [tag, text parts, has block child]
        self.skip = 0  # inside something the PDF does not show (back links, hidden text)
        self.in_notes = 0
        self.body, self.notes = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.depth_main += 1
        if not self.depth_main:
            return
        cls = a.get("class", "") or ""
        if self.skip or "backref" in cls or "visually-hidden" in cls.split() or "vh" in cls.split() or a.get("aria-hidden") == "true":
            if tag not in ("br", "img", "wbr"):
                self.skip += 1
            return
        if tag == "section" and "notes" in cls.split():
            self.in_notes += 1
        elif tag == "section" and self.in_notes:
            self.in_notes += 1
        if tag in BLOCKS:
            if self.stack:
                self.stack[-1][2] = True
            self.stack.append([tag, [], False])

    def handle_endtag(self, tag):
        if tag == "main" and self.depth_main:
            self.depth_main -= 1
        if not self.depth_main:
            return
        if self.skip:
            if tag not in ("br", "img", "wbr"):
                self.skip -= 1
            return
        if tag == "section" and self.in_notes:
            self.in_notes -= 1
        if tag in BLOCKS and self.stack and self.stack[-1][0] == tag:
            _, parts, has_child = self.stack.pop()
            text = normalise("".join(parts))
            if text and not has_child:
                (self.notes if self.in_notes else self.body).append(text)
            elif text and self.stack:
                self.stack[-1][1].append(" " + "".join(parts) + " ")

    def handle_data(self, data):
        if self.depth_main and not self.skip and self.stack:
            self.stack[-1][1].append(data)


def redline_blocks(text):
    """The changed passages of `okgen diff --format text` (another writer of the same
    comparison): section headings and the "~" and "+" lines. The PDF draws a change as
    underlined or struck-through words where the text writes {+ +} and [- -], so the
    marks are taken out and the words must be there, in order."""
    blocks = []
    for line in text.splitlines()[1:]:
        if line.startswith("  ~ ") or line.startswith("  + "):
            blocks.append(normalise(re.sub(r"\{\+|\+\}|\[-|-\]", "", line[4:])))
        elif line and not line.startswith(" ") and "[" not in line:
            blocks.append(normalise(line))
    return blocks


def struct_text(pdf):
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True, check=True).stdout
    parts = [m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', out, re.M)]
    return normalise("".join(parts)), out


def check(pdf, page):
    text, raw = struct_text(pdf)
    if not text:
        return [f"{pdf}: pdfinfo -struct-text gives no text (no structure tree?)"], 0
    parser = BlockText()
    with open(page, encoding="utf-8") as f:
        if page.endswith(".txt"):
            parser.body = redline_blocks(f.read())
        else:
            parser.feed(f.read())
    problems = []
    at = 0
    for block in parser.body:
        found = text.find(block, at)
        if found < 0:
            elsewhere = text.find(block)
            why = "out of order" if elsewhere >= 0 else "missing"
            problems.append(f"{pdf}: {why} in the structure tree's text: {block[:120]!r}")
            continue
        at = found + len(block)
    for note in parser.notes:
        if note not in text:
            problems.append(f"{pdf}: note missing from the structure tree's text: {note[:120]!r}")
    if not parser.body:
        problems.append(f"{page}: no blocks found in <main> (the page's markup changed?)")
    return problems, len(parser.body) + len(parser.notes)


def main(argv):
    args = argv[1:]
    if not args or len(args) % 2:
        print(__doc__)
        return 2
    bad = 0
    for pdf, page in zip(args[::2], args[1::2]):
        problems, blocks = check(pdf, page)
        for p in problems[:20]:
            print(p)
        if problems:
            bad += 1
        else:
            print(f"ok: {pdf}: {blocks} blocks of {page} in the structure tree's text, in order")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
