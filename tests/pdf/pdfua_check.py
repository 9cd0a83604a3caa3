#!/usr/bin/env python3
"""A test-side checker for tagged PDF/UA-1 and PDF/A-2a files, read with pikepdf (qpdf).

veraPDF is not in Debian, so the machine-checkable failure conditions of the Matterhorn
Protocol 1.1 and of ISO 19005-2 that apply to what okgen writes are checked here, from the
objects themselves (docs/pdf-standards.md lists them). Each finding has the checkpoint's
id ("UA-14-003", "A-6.6.2.3"), so a failure says what a validator would say.

  pdfua_check.py FILE.pdf...             check files; exit 1 on any finding
  pdfua_check.py --self-test FILE.pdf    break a good file in each of the ways checked and
                                         require each check to catch its own breakage
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do"}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


def text_of(obj):
    return str(obj) if obj is not None else None


class Checker:
    def __init__(self, pdf):
        self.pdf = pdf
        self.findings = []

    def fail(self, rule, message):
        self.findings.append((rule, message))

    # --- structure tree -------------------------------------------------------------
    def walk_structure(self):
        """Elements in tree order, and the marked content and annotations they claim."""
        root = self.pdf.Root.get("/StructTreeRoot")
        self.elements = []
        self.claimed_mcids = set()  # (page objgen, mcid)
        self.claimed_annots = {}  # annot objgen -> element role
        if root is None:
            self.fail("UA-01-004", "the catalog has no StructTreeRoot (the file is not tagged)")
            return

        def visit(elem, depth):
            if depth > 200:
                self.fail("UA-01-004", "the structure tree is deeper than 200 levels (a cycle?)")
                return
            role = str(elem.get("/S", ""))
            self.elements.append((elem, role))
            page = elem.get("/Pg")
            kids = elem.get("/K")
            if kids is None:
                return
            if not isinstance(kids, pikepdf.Array):
                kids = [kids]
            self.check_split_links(kids)
            for kid in kids:
                if isinstance(kid, int):
                    if page is None:
                        self.fail("PDF-14.7.4", f"{role} names MCID {kid} but has no /Pg")
                    else:
                        self.claimed_mcids.add((page.objgen, int(kid)))
                elif isinstance(kid, pikepdf.Dictionary):
                    kind = kid.get("/Type")
                    if kind == Name.MCR:
                        pg = kid.get("/Pg", page)
                        self.claimed_mcids.add((pg.objgen, int(kid.MCID)))
                    elif kind == Name.OBJR:
                        self.claimed_annots[kid.Obj.objgen] = role
                    else:
                        visit(kid, depth + 1)

        k = root.get("/K")
        for top in (k if isinstance(k, pikepdf.Array) else [k]):
            if isinstance(top, pikepdf.Dictionary):
                visit(top, 0)

    def check_split_links(self, kids):
        """One link is one Link element: two Link siblings going to the same place with at
        most a piece of text between them are a link cut in two (a word hyphenated over
        lines), which a screen reader announces as two links with broken names."""
        def target(elem):
            k = elem.get("/K")
            for kid in (k if isinstance(k, pikepdf.Array) else [k]):
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name.OBJR:
                    annot = kid.Obj
                    action = annot.get("/A")
                    return repr(action.get("/URI")) if action is not None else repr(annot.get("/Dest"))
            return None
        last, gap = None, 0
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == Name.Link:
                t = target(kid)
                if t is not None and t == last and gap <= 1:
                    self.fail("OK-LINK-SPLIT", "one link is tagged as two Link elements (cut where its word is hyphenated?)")
                last, gap = t, 0
            else:
                gap += 1

    def check_content(self):
        """Every piece of page content is tagged (an MCID the tree claims) or an artifact."""
        used = set()
        for number, page in enumerate(self.pdf.pages, 1):
            stack = []  # ("artifact" | "mcid" | "other")
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op in ("BDC", "BMC"):
                    tag = str(operands[0])
                    kind = "other"
                    if tag == "/Artifact":
                        kind = "artifact"
                        if "mcid" in stack:
                            self.fail("UA-01-006", f"page {number}: an artifact inside tagged content")
                    elif op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                        kind = "mcid"
                        if "artifact" in stack:
                            self.fail("UA-01-006", f"page {number}: tagged content inside an artifact")
                        mcid = int(operands[1].MCID)
                        if (page.objgen, mcid) in used:
                            self.fail("PDF-14.7.4", f"page {number}: MCID {mcid} is used twice")
                        used.add((page.objgen, mcid))
                        if (page.objgen, mcid) not in self.claimed_mcids:
                            self.fail("UA-01-005", f"page {number}: MCID {mcid} is not in the structure tree")
                    stack.append(kind)
                elif op == "EMC":
                    if not stack:
                        self.fail("PDF-14.6", f"page {number}: EMC without BMC/BDC")
                    else:
                        stack.pop()
                elif op in TEXT_OPS or op in PAINT_OPS:
                    if "artifact" not in stack and "mcid" not in stack:
                        what = "text" if op in TEXT_OPS else "a drawing"
                        self.fail("UA-01-005", f"page {number}: {what} ({op}) is neither tagged nor an artifact")
            if stack:
                self.fail("PDF-14.6", f"page {number}: marked content left open")
        for pg, mcid in sorted(self.claimed_mcids - used):
            self.fail("PDF-14.7.4", f"the structure tree claims MCID {mcid} that no page has")

    def check_parent_tree(self):
        root = self.pdf.Root.get("/StructTreeRoot")
        if root is None:
            return
        nums = {}
        pt = root.get("/ParentTree")
        if pt is None:
            self.fail("UA-01-004", "the structure tree has no ParentTree")
            return
        stack = [pt]
        while stack:
            node = stack.pop()
            if "/Nums" in node:
                arr = node.Nums
                for i in range(0, len(arr), 2):
                    nums[int(arr[i])] = arr[i + 1]
            for kid in node.get("/Kids", []):
                stack.append(kid)
        for number, page in enumerate(self.pdf.pages, 1):
            if "/StructParents" not in page:
                continue
            entry = nums.get(int(page.StructParents))
            if entry is None:
                self.fail("PDF-14.7.4.4", f"page {number}: its StructParents key is not in the ParentTree")
        for number, page in enumerate(self.pdf.pages, 1):
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") == Name.Popup:
                    continue
                key = annot.get("/StructParent")
                if key is None or int(key) not in nums:
                    self.fail("UA-28-002", f"page {number}: an annotation has no StructParent in the ParentTree")

    def check_roles(self):
        headings = [int(role[2]) for _, role in self.elements if re.fullmatch(r"/H[1-6]", role)]
        if headings and headings[0] != 1:
            self.fail("UA-14-002", f"the first heading is H{headings[0]}, not H1")
        for a, b in zip(headings, headings[1:]):
            if b > a + 1:
                self.fail("UA-14-003", f"heading levels skip from H{a} to H{b}")
        if any(role == "/H" for _, role in self.elements) and headings:
            self.fail("UA-14-007", "both H and H1..H6 are used")
        for elem, role in self.elements:
            if role == "/Table":
                if not self.has_descendant(elem, "/TH"):
                    self.fail("UA-15-005", "a table has no header cells (TH)")
            if role == "/TH":
                attrs = elem.get("/A")
                scope = None
                for a in (attrs if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []):
                    if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                        scope = a.Scope
                if scope is None:
                    self.fail("UA-15-003", "a TH has no Scope")
            if role == "/Figure" and "/Alt" not in elem and "/ActualText" not in elem:
                self.fail("UA-13-004", "a Figure has no alternative text")
            if role == "/Note" and "/ID" not in elem:
                self.fail("UA-19-003", "a Note has no ID")
            # A language tag a screen reader can use (BCP 47: "se", "en-GB"), on any element.
            if "/Lang" in elem and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", str(elem.Lang)):
                self.fail("OK-LANG", f"an element's /Lang is not a language tag: {str(elem.Lang)!r}")
            if role == "/TOCI" and not self.has_descendant(elem, "/Link"):
                self.fail("OK-TOC", "a table-of-contents entry does not link to its section")
        ids = [str(e.ID) for e, role in self.elements if role == "/Note" and "/ID" in e]
        if len(ids) != len(set(ids)):
            self.fail("UA-19-004", "two notes share an ID")

    def has_descendant(self, elem, role, depth=0):
        if depth > 50:
            return False
        kids = elem.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                if str(kid.S) == role or self.has_descendant(kid, role, depth + 1):
                    return True
        return False

    def check_annotations(self):
        for number, page in enumerate(self.pdf.pages, 1):
            annots = page.get("/Annots", [])
            if len(annots) and page.get("/Tabs") != Name.S:
                self.fail("UA-28-?Tabs", f"page {number} has annotations but no /Tabs /S")
            for annot in annots:
                if annot.get("/Subtype") != Name.Link:
                    continue
                role = self.claimed_annots.get(annot.objgen)
                if role != "/Link":
                    self.fail("UA-28-011", f"page {number}: a link annotation is not in a Link element")
                if not str(annot.get("/Contents", "")).strip():
                    self.fail("UA-28-?Contents", f"page {number}: a link annotation has no /Contents")
                flags = int(annot.get("/F", 0))
                if not flags & 4 or flags & (1 | 2 | 32):
                    self.fail("A-6.3.2", f"page {number}: an annotation is not printable (/F {flags})")
                action = annot.get("/A")
                if action is not None and action.get("/S") not in (Name.URI, Name.GoTo):
                    self.fail("A-6.6.1", f"page {number}: an annotation has a {action.get('/S')} action")

    def check_fonts(self):
        seen = set()
        for number, page in enumerate(self.pdf.pages, 1):
            fonts = page.get("/Resources", {}).get("/Font", {})
            for name in fonts.keys():
                font = fonts[name]
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                if "/ToUnicode" not in font:
                    self.fail("UA-31-027", f"font {font.get('/BaseFont')} has no ToUnicode map")
                descendants = font.get("/DescendantFonts", [font])
                for d in descendants:
                    desc = d.get("/FontDescriptor")
                    if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        self.fail("UA-31-001", f"font {font.get('/BaseFont')} is not embedded")
                    if d.get("/Subtype") == Name.CIDFontType2 and "/CIDToGIDMap" not in d:
                        self.fail("A-6.2.11.3.2", f"font {font.get('/BaseFont')} has no CIDToGIDMap")

    def check_metadata(self):
        root = self.pdf.Root
        if "/Lang" not in root or not str(root.Lang).strip():
            self.fail("UA-11-006", "the catalog has no /Lang")
        prefs = root.get("/ViewerPreferences", {})
        if prefs.get("/DisplayDocTitle") is not True:
            self.fail("UA-07-002", "ViewerPreferences has no DisplayDocTitle true")
        mark = root.get("/MarkInfo", {})
        if mark.get("/Marked") is not True:
            self.fail("UA-01-002", "MarkInfo has no Marked true")
        if "/Encrypt" in self.pdf.trailer:
            self.fail("A-6.1.3", "the file is encrypted")
        if "/ID" not in self.pdf.trailer:
            self.fail("A-6.1.3", "the trailer has no file identifier")
        intents = root.get("/OutputIntents", [])
        pdfa = [i for i in intents if i.get("/S") == Name.GTS_PDFA1]
        if len(pdfa) != 1 or "/DestOutputProfile" not in pdfa[0]:
            self.fail("A-6.2.3", "no PDF/A output intent with an ICC profile")
        else:
            data = pdfa[0].DestOutputProfile.read_bytes()
            if data[36:40] != b"acsp":
                self.fail("A-6.2.3", "the output intent's profile is not an ICC profile")
        if "/Metadata" not in root:
            self.fail("UA-06-001", "the catalog has no XMP metadata")
            return
        raw = root.Metadata.read_bytes()
        if root.Metadata.get("/Filter") is not None:
            self.fail("A-6.6.2.1", "the XMP metadata stream is compressed")
        try:
            xmp = ET.fromstring(raw[raw.index(b"<x:xmpmeta"):raw.rindex(b"</x:xmpmeta>") + 12])
        except (ValueError, ET.ParseError) as e:
            self.fail("A-6.6.2.1", f"the XMP metadata cannot be read: {e}")
            return

        def prop(path):
            for desc in xmp.iter(f"{{{NS['rdf']}}}Description"):
                found = desc.find(path, NS)
                if found is not None:
                    return found
            return None

        def alt_default(path):
            node = prop(path)
            if node is None:
                return None
            for li in node.iter(f"{{{NS['rdf']}}}li"):
                if li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default":
                    return li.text or ""
            return None

        part = prop("pdfuaid:part")
        if part is None or part.text != "1":
            self.fail("UA-06-002", "the XMP metadata does not say pdfuaid:part 1")
        if prop("pdfaid:part") is None or prop("pdfaid:part").text != "2" or \
                prop("pdfaid:conformance") is None or prop("pdfaid:conformance").text != "A":
            self.fail("A-6.6.4", "the XMP metadata does not say PDF/A-2 level A")
        declared = [s.text for s in xmp.iter(f"{{{NS['pdfaSchema']}}}namespaceURI")]
        if part is not None and NS["pdfuaid"] not in declared:
            self.fail("A-6.6.2.3.3", "pdfuaid is used without a PDF/A extension schema")
        title = alt_default("dc:title")
        if not title:
            self.fail("UA-06-003", "the XMP metadata has no dc:title")
        info = self.pdf.trailer.get("/Info", {})
        pairs = [
            ("/Title", title),
            ("/Subject", alt_default("dc:description")),
            ("/Keywords", prop("pdf:Keywords").text if prop("pdf:Keywords") is not None else None),
            ("/Creator", prop("xmp:CreatorTool").text if prop("xmp:CreatorTool") is not None else None),
            ("/Producer", prop("pdf:Producer").text if prop("pdf:Producer") is not None else None),
        ]
        creator = prop("dc:creator")
        pairs.append(("/Author", next((li.text for li in creator.iter(f"{{{NS['rdf']}}}li")), None) if creator is not None else None))
        for key, value in pairs:
            if key in info and str(info[key]) != (value or ""):
                self.fail("A-6.6.2.3.1", f"Info {key} ({str(info[key])!r}) differs from the XMP ({value!r})")
        for key, path in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            if key not in info:
                continue
            node = prop(path)
            m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(info[key]))
            day = "-".join(g for g in m.groups() if g) if m else ""
            if node is None or not (node.text or "").startswith(day):
                self.fail("A-6.6.2.3.1", f"Info {key} has no matching {path} in the XMP")

    def run(self):
        self.walk_structure()
        self.check_content()
        self.check_parent_tree()
        self.check_roles()
        self.check_annotations()
        self.check_fonts()
        self.check_metadata()
        return self.findings


def check_file(path):
    with pikepdf.open(path) as pdf:
        return Checker(pdf).run()


# --- negative fixtures: each way of breaking a good file, and the check that must say so ---
def first_role(pdf, role):
    for elem, r in walk(pdf):
        if r == role:
            return elem
    raise LookupError(role)


def walk(pdf):
    c = Checker(pdf)
    c.walk_structure()
    return c.elements


def break_lang(pdf):
    del pdf.Root["/Lang"]


def break_span_lang(pdf):
    first_role(pdf, "/P").Lang = pikepdf.String("Nordsamiska")


def break_marked(pdf):
    pdf.Root.MarkInfo.Marked = False


def break_heading(pdf):
    first_role(pdf, "/H2").S = Name("/H4")


def break_table(pdf):
    for elem, role in walk(pdf):
        if role == "/TH":
            elem.S = Name.TD


def break_figure(pdf):
    first_role(pdf, "/P").S = Name.Figure


def break_note(pdf):
    del first_role(pdf, "/Note")["/ID"]


def break_annotation(pdf):
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            del annot["/StructParent"]
            return


def break_link_contents(pdf):
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            del annot["/Contents"]
            return


def break_untagged_text(pdf):
    page = pdf.pages[1]
    font = next(iter(page.Resources.Font.keys()))
    page.contents_add(pdf.make_stream(f"BT {font} 10 Tf 72 72 Td (x) Tj ET\n".encode()), prepend=False)


def break_tounicode(pdf):
    page = pdf.pages[1]
    fonts = page.Resources.Font
    del fonts[next(iter(fonts.keys()))]["/ToUnicode"]


def break_info(pdf):
    pdf.trailer.Info.Title = pikepdf.String("Another title")


def break_xmp(pdf):
    meta = pdf.Root.Metadata
    data = meta.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b"")
    meta.write(data)


def break_output_intent(pdf):
    del pdf.Root["/OutputIntents"]


MUTATIONS = [
    (break_lang, "UA-11-006"),
    (break_span_lang, "OK-LANG"),
    (break_marked, "UA-01-002"),
    (break_heading, "UA-14-003"),
    (break_table, "UA-15-005"),
    (break_figure, "UA-13-004"),
    (break_note, "UA-19-003"),
    (break_annotation, "UA-28-002"),
    (break_link_contents, "UA-28-?Contents"),
    (break_untagged_text, "UA-01-005"),
    (break_tounicode, "UA-31-027"),
    (break_info, "A-6.6.2.3.1"),
    (break_xmp, "UA-06-002"),
    (break_output_intent, "A-6.2.3"),
]


def self_test(path):
    ok = True
    base = check_file(path)
    if base:
        print(f"self-test: {path} is not clean to begin with: {base}")
        return False
    for mutate, rule in MUTATIONS:
        with pikepdf.open(path) as pdf:
            mutate(pdf)
            findings = Checker(pdf).run()
        rules = {r for r, _ in findings}
        if rule in rules:
            print(f"ok: {mutate.__name__} is caught as {rule}")
        else:
            ok = False
            print(f"FAIL: {mutate.__name__} should be reported as {rule}, got {sorted(rules) or 'nothing'}")
    return ok


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return 0 if self_test(argv[2]) else 1
    bad = 0
    for path in argv[1:]:
        findings = check_file(path)
        for rule, message in findings:
            print(f"{path}: {rule}: {message}")
        bad += bool(findings)
    print(f"pdfua_check: {len(argv) - 1 - bad} of {len(argv) - 1} files pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
