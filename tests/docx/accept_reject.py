#!/usr/bin/python3
"""The body text of a DOCX as Word shows it after "Accept all changes" or "Reject all changes".

A redline (okgen diff --format docx) is right when accepting all its changes gives the new
version and rejecting them gives the old one. This reads document.xml directly (standard
library only, nothing shared with okgen) and prints one line per paragraph; a table row is one
line, its cells separated by " | " and paragraphs within a cell by " / ".

  accept_reject.py accept|reject FILE.docx [--compare OTHER.docx]
  accept_reject.py plain FILE.docx          a document without tracked changes (fails if any)
  accept_reject.py revisions FILE.docx      counts w:ins/w:del; fails without both or when an
                                            author is not "okgen"

accept keeps w:ins and w:moveTo and drops w:del and w:moveFrom; a paragraph whose mark is
deleted (w:pPr/w:rPr/w:del) joins the next one. reject does the opposite (an inserted mark
joins). Rows and cells marked inserted or deleted (w:trPr, w:tcPr) come and go the same way.
Text is w:t and w:delText (where kept), w:tab as a tab, w:br and w:cr as a line break and
w:noBreakHyphen as "-"; field instructions (w:instrText) and note reference marks are left
out, and so are headers and footers. Footnotes follow the body as Word shows them: each
footnote whose reference survives, in the order of those references, as a line "fotnot:" and
its paragraphs (a footnote goes with its reference; its own text is read with the same
accept/reject rules, so a reworded note gives the old or the new wording). In accept and reject mode, paragraphs in the
style OkgenChangeSummary (or a style based on it) are left out: that is the redline's summary
page, which neither version has. --compare reads OTHER in plain mode, normalises both (runs
of white space to one space, empty lines dropped), prints a unified diff and exits 1 when
they differ.
"""
import difflib
import posixpath
import sys
import zipfile
from collections import Counter
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SUMMARY_STYLE = "OkgenChangeSummary"
INSERTED, DELETED = {"ins", "moveTo"}, {"del", "moveFrom"}
SKIPPED = {"pPr", "rPr", "instrText", "delInstrText", "footnoteReference", "endnoteReference",
           "commentReference", "footnoteRef", "endnoteRef", "annotationRef", "fldChar", "sdtPr",
           "sdtEndPr", "drawing", "pict", "object", "AlternateContent", "oMath", "oMathPara",
           "softHyphen", "sym", "lastRenderedPageBreak"}


def related(z, source, kind):
    """The first part related from source ('' is the package) by a relationship of this kind."""
    d, b = posixpath.split(source)
    rels = ET.fromstring(z.read(posixpath.join(d, "_rels", b + ".rels")))
    for rel in rels:
        if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
            t = rel.get("Target")
            return posixpath.normpath(t[1:] if t.startswith("/") else posixpath.join(d, t))
    return None


def local(el):
    return el.tag.rsplit("}", 1)[-1]


class Reader:
    def __init__(self, path, mode, skip_styles=()):
        self.mode = mode  # accept, reject or plain
        self.changes = []  # (kind, author) of every revision seen
        self.cited = []  # footnote ids whose reference survives, in order
        with zipfile.ZipFile(path) as z:
            main = related(z, "", "officeDocument")
            self.body = ET.fromstring(z.read(main)).find(W + "body")
            notes = related(z, main, "footnotes")
            self.footnotes = {}
            if notes:
                for fn in ET.fromstring(z.read(notes)).iter(W + "footnote"):
                    self.footnotes[fn.get(W + "id")] = fn
            styles = related(z, main, "styles")
            styles = ET.fromstring(z.read(styles)) if styles else None
        based_on = {}
        if styles is not None:
            for s in styles.iter(W + "style"):
                b = s.find(W + "basedOn")
                based_on[s.get(W + "styleId")] = b.get(W + "val") if b is not None else None
        self.skip = set()
        for sid in based_on:  # a style is skipped if it or one it is based on is named
            seen, cur = set(), sid
            while cur and cur not in seen:
                if cur in skip_styles:
                    self.skip.add(sid)
                seen.add(cur)
                cur = based_on.get(cur)
        self.skip |= set(skip_styles)

    def dropped(self, kind):
        """Is content marked with this revision kind gone in the current mode?"""
        return (self.mode == "accept" and kind in DELETED) or (self.mode == "reject" and kind in INSERTED)

    def note(self, el):
        self.changes.append((local(el), el.get(W + "author")))

    def inline(self, el, out):
        for child in el:
            tag = local(child)
            if tag in INSERTED | DELETED:
                self.note(child)
                if not self.dropped(tag):
                    self.inline(child, out)
            elif tag in ("t", "delText"):
                text = child.text or ""
                out.append(text if child.get(XML_SPACE) == "preserve" else text.strip(" \t\r\n"))
            elif tag in ("tab", "ptab"):
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            elif tag == "footnoteReference":
                self.cited.append(child.get(W + "id"))
            elif tag not in SKIPPED:  # r, hyperlink, smartTag, customXml, sdt(Content), fldSimple ...
                self.inline(child, out)

    def paragraph(self, p):
        """(style, text, mark_dropped) of a paragraph in the current mode."""
        ppr = p.find(W + "pPr")
        style, mark_dropped = None, False
        if ppr is not None:
            source = ppr
            change = ppr.find(W + "pPrChange")
            if change is not None:
                self.note(change)
                if self.mode == "reject" and change.find(W + "pPr") is not None:
                    source = change.find(W + "pPr")
            s = source.find(W + "pStyle")
            style = s.get(W + "val") if s is not None else None
            rpr = ppr.find(W + "rPr")
            for mark in (rpr if rpr is not None else []):
                if local(mark) in INSERTED | DELETED:
                    self.note(mark)
                    mark_dropped = mark_dropped or self.dropped(local(mark))
        out = []
        self.inline(p, out)
        return style, "".join(out), mark_dropped

    def blocks(self, container):
        """The lines of a body or cell: paragraphs, joined where a paragraph mark is gone."""
        lines, pending = [], None
        for el in self.flat(container):
            tag = local(el)
            if tag == "p":
                style, text, mark_dropped = self.paragraph(el)
                if style in self.skip:
                    continue
                if pending is not None:
                    text, pending = pending + text, None
                if mark_dropped:
                    pending = text
                else:
                    lines.append(text)
            elif tag == "tbl":
                if pending is not None:  # a mark before a table cannot join it
                    lines.append(pending)
                    pending = None
                lines.extend(self.table(el))
        if pending is not None:
            lines.append(pending)
        return lines

    def table(self, tbl):
        rows = []
        for tr in self.flat(tbl, "tr"):
            if self.revised(tr.find(W + "trPr")):
                continue
            cells = []
            for tc in self.flat(tr, "tc"):
                if self.revised(tc.find(W + "tcPr"), ("cellIns", "cellDel")):
                    continue
                cells.append(" / ".join(line for line in self.blocks(tc) if line.strip()))
            rows.append(" | ".join(cells))
        return rows

    def revised(self, props, kinds=("ins", "del")):
        """Is a row or cell with these properties gone in the current mode?"""
        gone = False
        for el in (props if props is not None else []):
            kind = {"cellIns": "ins", "cellDel": "del"}.get(local(el), local(el))
            if local(el) in kinds:
                self.note(el)
                gone = gone or self.dropped(kind)
        return gone

    def flat(self, el, want=None):
        """Children, looking through w:sdt/w:sdtContent and w:customXml wrappers."""
        for child in el:
            tag = local(child)
            if tag in ("sdt", "sdtContent", "customXml"):
                yield from self.flat(child, want)
            elif want is None or tag == want:
                yield child

    def lines(self):
        lines = self.blocks(self.body)
        for fid in self.cited:
            fn = self.footnotes.get(fid)
            if fn is None:
                lines.append(f"FOTNOT SAKNAS: {fid}")
                continue
            lines.append("fotnot:")
            lines.extend(self.blocks(fn))  # may cite no further notes (Word allows none)
        return lines


def normalise(lines):
    return [" ".join(line.split()) for line in lines if line.split()]


def main(argv):
    args = [a for a in argv if a != "--compare"]
    other = None
    if "--compare" in argv:
        i = argv.index("--compare")
        if i + 1 >= len(argv):
            print(__doc__.strip())
            return 2
        other = argv[i + 1]
        args = argv[:i] + argv[i + 2:]
    if len(args) != 2 or args[0] not in ("accept", "reject", "plain", "revisions"):
        print(__doc__.strip())
        return 2
    mode, path = args
    if mode == "revisions":
        changes = [(local(el), el.get(W + "author")) for el in Reader(path, "accept").body.iter()
                   if local(el) in INSERTED | DELETED | {"pPrChange", "rPrChange", "cellIns", "cellDel"}]
        kinds = Counter(k for k, _ in changes)
        authors = sorted({a or "(none)" for _, a in changes})
        print(f"{path}: {kinds['ins']} w:ins, {kinds['del']} w:del, {kinds['moveFrom']} w:moveFrom, "
              f"{len(changes)} revisions in all, authors: {', '.join(authors) or 'none'}")
        if not {"ins", "del"} <= set(kinds):
            print(f"FAIL: {path}: want both w:ins and w:del in the body")
            return 1
        if authors != ["okgen"]:
            print(f"FAIL: {path}: every revision's w:author should be okgen")
            return 1
        return 0
    reader = Reader(path, mode, () if mode == "plain" else (SUMMARY_STYLE,))
    lines = reader.lines()
    if mode == "plain" and reader.changes:
        print(f"FAIL: {path}: has {len(reader.changes)} tracked changes (read it with accept or reject)")
        return 1
    if other is None:
        for line in lines:
            print(line)
        return 0
    theirs = Reader(other, "plain")
    their_lines = theirs.lines()
    if theirs.changes:
        print(f"FAIL: {other}: has {len(theirs.changes)} tracked changes, expected none")
        return 1
    a, b = normalise(their_lines), normalise(lines)
    if a == b:
        print(f"ok: {mode} of {path} gives the text of {other} ({len(a)} lines)")
        return 0
    print(f"FAIL: {mode} of {path} differs from {other}:")
    sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in a], [l + "\n" for l in b],
                                               fromfile=other, tofile=f"{mode}({path})", n=2))
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, KeyError, StopIteration, zipfile.BadZipFile, ET.ParseError) as e:
        sys.exit(f"FAIL: {' '.join(sys.argv[1:])}: cannot read: {type(e).__name__}: {e}")
