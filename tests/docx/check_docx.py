#!/usr/bin/python3
"""Package and reference integrity of DOCX files, read without okgen's code.

okgen writes WordprocessingML itself, so nothing but this checks what Word would otherwise
"repair" or silently drop: parts without a content type, relationships to missing parts,
styles, numbering, footnotes, bookmarks and hyperlink anchors that do not resolve, colliding
revision ids (w:ins, w:del, moves) and text whose spaces Word would drop. Then python-docx
must open the file, the core properties must have a title and styles.xml must set sv-SE.

Usage: check_docx.py FILE.docx...   prints "FAIL: FILE: problem" per problem (exit 1), else
one "ok: FILE: ..." line per file. Needs only the Python standard library and python3-docx.
"""
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import unquote

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Revision annotations whose w:id shares one pool with bookmarks (ins/del/moves/property changes).
REVISIONS = {"ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart",
             "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
             "tblGridChange", "trPrChange", "tcPrChange", "cellIns", "cellDel", "cellMerge",
             "numberingChange", "customXmlInsRangeStart", "customXmlDelRangeStart",
             "customXmlMoveFromRangeStart", "customXmlMoveToRangeStart"}
NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
FIELD_REF = re.compile(r'\b(?:PAGEREF|NOTEREF|REF)\s+"?([^\s"\\]+)', re.I)
FIELD_LINK = re.compile(r'\bHYPERLINK\s+\\l\s+"([^"]+)"', re.I)


def rels_name(part):
    """The relationships part of a part ('' is the package)."""
    d, b = posixpath.split(part)
    return posixpath.join(d, "_rels", b + ".rels")


def wval(el, name="val"):
    return el.get(W + name)


def walk(el, ancestors=()):
    """Every element below el with the tuple of its ancestors' local names."""
    for child in el:
        yield child, ancestors
        yield from walk(child, ancestors + (child.tag.rsplit("}", 1)[-1],))


def local(el):
    return el.tag.rsplit("}", 1)[-1]


class Docx:
    def __init__(self, path):
        self.path = path
        self.problems = []
        self.xml = {}     # part name -> parsed root
        self.rels = {}    # source part -> {rId: (type, target part or None if external)}

    def fail(self, msg):
        self.problems.append(msg)

    def check(self):
        try:
            z = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as e:
            self.fail(f"not a zip file ({e})")
            return
        with z:
            self.package(z)
        if self.problems:  # the reference checks below assume a sound package
            return
        self.wordprocessing()
        self.python_docx()

    # ---- the OPC package: entries, content types, relationships, XML ---------------------
    def package(self, z):
        names = [i.filename for i in z.infolist()]
        for name, n in Counter(n.lower() for n in names).items():
            if n > 1:
                self.fail(f"duplicate zip entry {name}")
        bad = z.testzip()
        if bad:
            self.fail(f"zip entry {bad} has a bad CRC")
        parts = {n for n in names if not n.endswith("/")}
        self.parts = {n.lower(): n for n in parts}
        for name in sorted(parts):
            data = z.read(name)
            if name.endswith((".xml", ".rels")) or name == "[Content_Types].xml":
                if re.search(rb"<!DOCTYPE", data, re.I):
                    self.fail(f"{name}: DOCTYPE is not allowed")
                    continue
                try:
                    self.xml[name] = ET.fromstring(data)
                except ET.ParseError as e:
                    self.fail(f"{name}: XML does not parse ({e})")
        ct = self.xml.get("[Content_Types].xml")
        if ct is None:
            self.fail("[Content_Types].xml is missing")
            return
        defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct.iter(CT + "Default")}
        self.overrides = {o.get("PartName", "").lower(): o.get("ContentType") for o in ct.iter(CT + "Override")}
        self.content_type = lambda p: self.overrides.get("/" + p.lower()) or defaults.get(posixpath.basename(p).rpartition(".")[2].lower() if "." in posixpath.basename(p) else "")
        for name in sorted(parts - {"[Content_Types].xml"}):
            if not self.content_type(name):
                self.fail(f"{name} has no content type (no Default for its extension, no Override)")
        for pn in sorted(self.overrides):
            if pn.lstrip("/") not in self.parts:
                self.fail(f"[Content_Types].xml overrides {pn}, which is not in the package")
        if "_rels/.rels" not in parts:
            self.fail("_rels/.rels is missing")
        for name in sorted(parts):
            if not name.endswith(".rels"):
                continue
            d = posixpath.dirname(posixpath.dirname(name))
            source = posixpath.join(d, posixpath.basename(name)[:-5]) if posixpath.basename(name) != ".rels" else ""
            if source and source.lower() not in self.parts:
                self.fail(f"{name} belongs to {source}, which is not in the package")
            root = self.xml.get(name)
            if root is None:
                continue
            rels = self.rels[source] = {}
            for rel in root.iter(PR + "Relationship"):
                rid, typ, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
                if rid in rels:
                    self.fail(f"{name}: relationship id {rid} is used twice")
                if rel.get("TargetMode") == "External":
                    rels[rid] = (typ, None)
                    continue
                t = unquote(target.split("#")[0])
                t = t[1:] if t.startswith("/") else posixpath.join(posixpath.dirname(source), t)
                t = posixpath.normpath(t)
                if t.lower() not in self.parts:
                    self.fail(f"{name}: relationship {rid} targets {target}, which is missing")
                    rels[rid] = (typ, None)
                else:
                    rels[rid] = (typ, self.parts[t.lower()])

    def related(self, source, kind):
        """The parts related from source by a relationship whose type ends with /kind."""
        return [t for typ, t in self.rels.get(source, {}).values() if t and typ.endswith("/" + kind)]

    # ---- WordprocessingML references --------------------------------------------------------
    def wordprocessing(self):
        main = self.related("", "officeDocument")
        if len(main) != 1:
            self.fail(f"_rels/.rels has {len(main)} officeDocument relationships (want 1)")
            return
        main = main[0]
        if self.content_type(main) != MAIN_CT:
            self.fail(f"{main} has content type {self.content_type(main)} (want {MAIN_CT})")
        if not self.related("", "core-properties"):
            self.fail("no core properties part (docProps/core.xml) related from _rels/.rels")
        one = lambda kind: (self.related(main, kind) or [None])[0]
        styles, numbering = one("styles"), one("numbering")
        notes = {"footnote": one("footnotes"), "endnote": one("endnotes")}
        stories = [main] + [p for p in notes.values() if p] + [p for k in ("header", "footer", "comments")
                                                               for p in self.related(main, k)]
        for part in self.xml:  # r:id, r:embed ... resolve in the part's own relationships
            if part.endswith(".rels") or part == "[Content_Types].xml":
                continue
            for el, _ in walk(self.xml[part]):
                for attr, val in el.attrib.items():
                    if attr.startswith(R_NS) and val not in self.rels.get(part, {}):
                        self.fail(f"{part}: {local(el)} r:{attr[len(R_NS):]}={val} has no relationship")
        self.check_styles(styles, stories + ([numbering] if numbering else []))
        self.check_numbering(numbering, stories + ([styles] if styles else []))
        for kind, part in notes.items():
            self.check_notes(kind, part, stories)
        self.check_links_and_ids(stories)
        self.check_text(stories)
        self.check_language(styles)

    def check_styles(self, styles, users):
        defined = {}
        root = self.xml.get(styles) if styles else None
        if root is not None:
            for s in root.iter(W + "style"):
                sid = wval(s, "styleId")
                if sid in defined:
                    self.fail(f"{styles}: style {sid} is defined twice")
                defined[sid] = wval(s, "type") or "paragraph"
            for s in root.iter(W + "style"):
                for ref in ("basedOn", "next", "link"):
                    for el in s.findall(W + ref):
                        if wval(el) not in defined:
                            self.fail(f"{styles}: style {wval(s, 'styleId')} w:{ref} {wval(el)} is not defined")
        want = {"pStyle": "paragraph", "rStyle": "character", "tblStyle": "table",
                "numStyleLink": "numbering", "styleLink": "numbering"}
        for part in users:
            for el, _ in walk(self.xml[part]):
                kind = want.get(local(el))
                if kind is None or el.tag != W + local(el):
                    continue
                sid = wval(el)
                if sid not in defined:
                    self.fail(f"{part}: w:{local(el)} {sid} is not a style in {styles or 'styles.xml (missing)'}")
                elif defined[sid] != kind:
                    self.fail(f"{part}: w:{local(el)} {sid} is a {defined[sid]} style (want {kind})")

    def check_numbering(self, numbering, users):
        nums, abstract = {}, set()
        root = self.xml.get(numbering) if numbering else None
        if root is not None:
            abstract = {wval(a, "abstractNumId") for a in root.iter(W + "abstractNum")}
            for n in root.iter(W + "num"):
                nid = wval(n, "numId")
                if nid in nums:
                    self.fail(f"{numbering}: w:num {nid} is defined twice")
                a = n.find(W + "abstractNumId")
                nums[nid] = True
                if a is None or wval(a) not in abstract:
                    self.fail(f"{numbering}: w:num {nid} points to abstractNum {a is not None and wval(a)}, which is not defined")
        for part in users:
            for el in self.xml[part].iter(W + "numId"):
                if wval(el) != "0" and wval(el) not in nums:
                    self.fail(f"{part}: w:numId {wval(el)} is not a w:num in {numbering or 'numbering.xml (missing)'}")

    def check_notes(self, kind, part, stories):
        notes = {}
        if part and part in self.xml:
            for n in self.xml[part].iter(W + kind):
                nid = wval(n, "id")
                if nid in notes:
                    self.fail(f"{part}: {kind} id {nid} is used twice")
                notes[nid] = wval(n, "type") or "normal"
        used = Counter()
        for p in stories:
            if p == part:
                continue
            for ref in self.xml[p].iter(W + kind + "Reference"):
                nid = wval(ref, "id")
                used[nid] += 1
                if nid not in notes:
                    self.fail(f"{p}: w:{kind}Reference {nid} is not a {kind} in {part or kind + 's.xml (missing)'}")
                elif notes[nid] in NOTE_SEPARATORS:
                    self.fail(f"{p}: w:{kind}Reference {nid} refers to a {notes[nid]}")
        for nid, typ in notes.items():
            if typ not in NOTE_SEPARATORS and not used[nid]:
                self.fail(f"{part}: {kind} {nid} is never referenced")

    def check_links_and_ids(self, stories):
        names = Counter()
        for part in stories:
            root = self.xml[part]
            pool, starts, ends = {}, Counter(), Counter()
            move_names = {"moveFromRangeStart": set(), "moveToRangeStart": set()}
            for el, anc in walk(root):
                tag = local(el)
                if el.tag != W + tag:
                    continue
                if tag in REVISIONS or tag == "bookmarkStart":
                    if anc and anc[-1] == "numPr":
                        continue  # numbering revisions may share the paragraphs' id
                    i = wval(el, "id")
                    if i is None:
                        self.fail(f"{part}: w:{tag} has no w:id")
                    elif i in pool:
                        self.fail(f"{part}: w:id {i} is used by both w:{pool[i]} and w:{tag}")
                    else:
                        pool[i] = tag
                if tag in ("bookmarkStart", "moveFromRangeStart", "moveToRangeStart", "commentRangeStart"):
                    starts[(tag[:-5], wval(el, "id"))] += 1
                    if tag == "bookmarkStart":
                        names[wval(el, "name")] += 1
                    elif tag in move_names:
                        move_names[tag].add(wval(el, "name"))
                elif tag in ("bookmarkEnd", "moveFromRangeEnd", "moveToRangeEnd", "commentRangeEnd"):
                    ends[(tag[:-3], wval(el, "id"))] += 1
            for kind, i in sorted(set(starts) ^ set(ends), key=str):
                self.fail(f"{part}: w:{kind}{'Start' if (kind, i) in starts else 'End'} {i} has no matching "
                          f"w:{kind}{'End' if (kind, i) in starts else 'Start'}")
            for key, n in ends.items():
                if n > 1:
                    self.fail(f"{part}: w:{key[0]}End {key[1]} occurs {n} times")
            for key, n in starts.items():
                if n > 1 and key[0] == "commentRange":  # (the others share the pool above)
                    self.fail(f"{part}: w:commentRangeStart {key[1]} occurs {n} times")
            for name in move_names["moveFromRangeStart"] ^ move_names["moveToRangeStart"]:
                self.fail(f"{part}: move {name} has a moveFrom or moveTo range but not both")
        for name, n in names.items():
            if n > 1:
                self.fail(f"bookmark name {name} is used {n} times")
        for part in stories:
            root = self.xml[part]
            for h in root.iter(W + "hyperlink"):
                rid, anchor = h.get(R_NS + "id"), wval(h, "anchor")
                if rid and rid in self.rels.get(part, {}) and not self.rels[part][rid][0].endswith("/hyperlink"):
                    self.fail(f"{part}: w:hyperlink r:id {rid} is not a hyperlink relationship")
                if anchor is not None and anchor not in names and anchor != "_top":
                    self.fail(f"{part}: w:hyperlink anchor {anchor} is not a bookmark")
                if rid is None and anchor is None:
                    self.fail(f"{part}: w:hyperlink has neither r:id nor w:anchor")
            for p in root.iter(W + "p"):  # bookmarks named by fields: REF, PAGEREF, HYPERLINK \l
                instr = "".join(t.text or "" for t in p.iter(W + "instrText"))
                instr += " ".join(f.get(W + "instr", "") for f in p.iter(W + "fldSimple"))
                for name in FIELD_REF.findall(instr) + FIELD_LINK.findall(instr):
                    if name not in names:
                        self.fail(f"{part}: field refers to bookmark {name}, which does not exist")

    def check_text(self, stories):
        for part in stories:
            for el, anc in walk(self.xml[part]):
                tag = local(el)
                if el.tag != W + tag or tag not in ("t", "delText", "instrText", "delInstrText"):
                    continue
                text = el.text or ""
                if text != text.strip(" \t\n\r") and el.get(XML_SPACE) != "preserve":
                    self.fail(f"{part}: w:{tag} {text[:30]!r} has outer spaces but no xml:space=\"preserve\" (Word drops them)")
                if tag == "t" and "del" in anc:
                    self.fail(f"{part}: w:t {text[:30]!r} inside w:del (deleted text must be w:delText)")
                if tag == "delText" and "del" not in anc and "moveFrom" not in anc:
                    self.fail(f"{part}: w:delText {text[:30]!r} outside w:del/w:moveFrom")

    def check_language(self, styles):
        root = self.xml.get(styles) if styles else None
        langs = []
        if root is not None:
            langs += [wval(l) for l in root.findall(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")]
            for s in root.iter(W + "style"):
                if wval(s, "styleId") == "Normal" or (wval(s, "type") == "paragraph" and wval(s, "default") in ("1", "true", "on")):
                    langs += [wval(l) for l in s.findall(f"{W}rPr/{W}lang")]
        if "sv-SE" not in langs:
            self.fail(f"styles.xml sets no w:lang sv-SE in docDefaults or the Normal style (found {langs or 'none'})")

    def python_docx(self):
        try:
            import docx
            d = docx.Document(self.path)
        except Exception as e:  # noqa: BLE001 - any failure to open is the finding
            self.fail(f"python-docx cannot open it: {type(e).__name__}: {e}")
            return
        if not (d.core_properties.title or "").strip():
            self.fail("core properties have no title (dc:title)")
        self.summary = f"{len(self.parts)} parts, {len(d.paragraphs)} body paragraphs, {len(d.tables)} tables, title {d.core_properties.title!r}"


def main(paths):
    if not paths:
        print(__doc__.strip())
        return 2
    status = 0
    for path in paths:
        d = Docx(path)
        try:
            d.check()
        except Exception as e:  # noqa: BLE001 - a checker crash is reported as a failure
            d.fail(f"the checker could not read it: {type(e).__name__}: {e}")
        for p in d.problems:
            print(f"FAIL: {path}: {p}")
        if d.problems:
            status = 1
        else:
            print(f"ok: {path}: {d.summary}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
