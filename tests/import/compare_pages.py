#!/usr/bin/python3
"""An agreement's HTML page against the page of the same agreement after `okgen import`.

  compare_pages.py [--min-share S] [--label TEXT] ORIGINAL.html IMPORTED.html

Both pages are okgen HTML pages; only their <main> element is compared (the page header,
title, table of contents, notes and version history are outside it). Prints one line,
"ok: ..." or "FAIL: ...", and exits 0 or 1.

  (a) the section tree: the (level, heading) list of the h2..h6 headings in <main>, section
      numbers (<span class="secno">) and note marks (<sup class="noteref">) left out, must be
      equal, with two allowances on the imported side:
        - one extra first section "Inledande text": import puts the text before the first
          heading there (the DOCX's cover: title, parties, version, decision, validity);
        - headings that the original page has only OUTSIDE <main>. Those are back matter the
          page generates from the metadata (today "Versionshistorik" from <history>, and
          "Noter och hänvisningar"); okgen's DOCX writes them as ordinary headings before
          "Underskrifter", so import (rightly, as it cannot know) makes them sections and the
          imported page shows them inside <main>. They are left out of the imported list
          wherever they are. "Underskrifter" needs no allowance: the original page has it in
          <main> (generated from <signatories>, unnumbered), import makes it a numbered
          section, and numbers are left out on both sides.
  (b) no text dropped: the original's <main> words (lower-cased runs of letters/digits) are
      aligned with the imported page's words by difflib.SequenceMatcher (autojunk off); the
      share of the original's words inside matching blocks must be >= --min-share (0.97).
      The imported page may have more text (the preface section, back matter); the prompts
      import adds (<div class="prompt">, "Att besvara: ...") are left out of its words, so
      that an instruction that happens to quote the source cannot stand in for lost text.
      Below the floor, the first stretch of original words that is missing is printed.
"""
import argparse
import difflib
import html.parser
import re
import sys
import unicodedata

PREFACE = "Inledande text"
# Elements that do not separate words; every other element does.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class Page(html.parser.HTMLParser):
    """Headings and words of a page, inside and outside its <main> (in <body>)."""

    def __init__(self, skip_classes):
        super().__init__(convert_charrefs=True)
        self.skip_classes = skip_classes
        self.stack = []          # open elements: (tag, skipped?)
        self.in_body = False
        self.main_depth = None   # depth of the <main> element while inside it
        self.main_seen = 0
        self.heading = None      # [level, pieces] while inside a heading
        self.headings = {"in": [], "out": []}
        self.pieces = {"in": [], "out": []}

    def where(self):
        return "in" if self.main_depth is not None else "out"

    def skipping(self):
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in VOID:
            if not self.skipping():
                self.text(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in ("script", "style", "template") or bool(classes & self.skip_classes)
        self.stack.append((tag, skipped))
        if tag == "main" and self.in_body and self.main_depth is None:
            self.main_depth = len(self.stack)
            self.main_seen += 1
        if tag in HEADINGS and self.heading is None:
            self.heading = [int(tag[1]), []]
        if tag not in INLINE:
            self.text(" ")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # Close up to the matching element (tolerates unclosed <p>, <li> and the like).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                break
        else:
            return
        if tag not in INLINE:
            self.text(" ")
        if tag in HEADINGS and self.heading is not None:
            level, pieces = self.heading
            self.heading = None
            self.headings[self.where()].append((level, clean("".join(pieces))))
        if self.main_depth is not None and i + 1 == self.main_depth:
            self.main_depth = None
        del self.stack[i:]

    def handle_data(self, data):
        if self.in_body and not self.skipping():
            self.text(data)

    def text(self, s):
        if not self.in_body:
            return
        self.pieces[self.where()].append(s)
        if self.heading is not None:
            self.heading[1].append(s)

    def words(self, where="in"):
        return words("".join(self.pieces[where]))


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def words(s):
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", s).lower())


def read(path, skip_classes):
    page = Page(skip_classes)
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    return page


def first_gap(a, blocks, minimum=3):
    """(start, end) of the first stretch of a's words outside the matching blocks that is at
    least `minimum` words long, else of the longest one; None if nothing is missing."""
    gaps, pos = [], 0
    for blk in blocks:
        if blk.a > pos:
            gaps.append((pos, blk.a))
        pos = max(pos, blk.a + blk.size)
    if pos < len(a):
        gaps.append((pos, len(a)))
    if not gaps:
        return None
    long_ = [g for g in gaps if g[1] - g[0] >= minimum]
    return long_[0] if long_ else max(gaps, key=lambda g: g[1] - g[0])


def compare(original, imported, min_share):
    # Section numbers and note marks differ by design (the preface shifts the numbering).
    orig = read(original, {"secno", "noteref"})
    imp = read(imported, {"secno", "noteref", "prompt"})
    for path, page in ((original, orig), (imported, imp)):
        if page.main_seen != 1:
            return False, f"{path} has {page.main_seen} <main> elements in <body>, not 1"

    want = [(lvl, h) for lvl, h in orig.headings["in"] if lvl >= 2]
    got = [(lvl, h) for lvl, h in imp.headings["in"] if lvl >= 2]
    if not want:
        return False, f"{original}: no h2..h6 headings in <main>"
    notes = []
    if got and got[0][1] == PREFACE and (not want or want[0][1] != PREFACE):
        got = got[1:]
        notes.append(f"+{PREFACE!r}")
    back_matter = {h for _, h in orig.headings["out"]} - {h for _, h in want}
    dropped = [h for _, h in got if h in back_matter]
    got = [(lvl, h) for lvl, h in got if h not in back_matter]
    if dropped:
        notes.append("back matter " + ", ".join(repr(h) for h in sorted(set(dropped))))
    tree_ok = got == want
    detail = []
    if not tree_ok:
        changes = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, want, got, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            changes += [f"    h{wl} {wh!r} -> h{gl} {gh!r}"
                        for (wl, wh), (gl, gh) in zip(want[i1:i1 + pairs], got[j1:j1 + pairs])]
            changes += [f"    - h{lvl} {h!r}" for lvl, h in want[i1 + pairs:i2]]
            changes += [f"    + h{lvl} {h!r}" for lvl, h in got[j1 + pairs:j2]]
        detail.append("    section tree, original -> imported (- only in the original, + only imported):")
        detail += changes[:16] + ([f"    ({len(changes) - 16} more lines)"] if len(changes) > 16 else [])

    a, b = orig.words(), imp.words()
    if not a:
        return False, f"{original}: no words in <main>"
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    found = sum(blk.size for blk in blocks)
    share = found / len(a)
    words_ok = share >= min_share
    if not words_ok:
        gap = first_gap(a, blocks)
        if gap:
            s, e = gap
            before = " ".join(a[max(0, s - 6):s])
            missing = " ".join(a[s:min(e, s + 40)]) + (" …" if e - s > 40 else "")
            detail.append(f"    first missing stretch ({e - s} words, after \"… {before}\"): {missing}")
    tree = (f"{len(want)} headings match" + (f" ({'; '.join(notes)} allowed)" if notes else "")
            if tree_ok else f"SECTION TREE DIFFERS ({len(want)} headings in the original, {len(got)} imported)")
    summary = (f"{tree}, words {share:.4f}{'' if words_ok else f' BELOW {min_share}'} "
               f"({found} of {len(a)} found; imported page has {len(b)})")
    return tree_ok and words_ok, "\n".join([summary] + detail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("original")
    ap.add_argument("imported")
    ap.add_argument("--min-share", type=float, default=0.97)
    ap.add_argument("--label", help="name to print instead of the two paths")
    args = ap.parse_args()
    label = args.label or f"{args.original} vs {args.imported}"
    ok, msg = compare(args.original, args.imported, args.min_share)
    print(f"{'ok' if ok else 'FAIL'}: {label}: {msg}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
