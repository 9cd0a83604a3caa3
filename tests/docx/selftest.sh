#!/usr/bin/env bash
# Self-test of the DOCX checkers in tests/docx/, on documents made here (not by okgen), so that
# a checker that passes everything (or nothing) fails the test before it is trusted:
#   - a hand-written redline with every kind of tracked change the accept/reject reader handles
#     (run insertions and deletions, joined and split paragraphs, whole paragraphs, a move, table
#     rows), and the old and new versions as plain documents: accept must give new, reject old,
#     and not the other way round; pandoc --track-changes must agree on the words
#   - check_docx.py passes the three and fails each broken variant with the expected message
#   - pandoc_roundtrip.py passes a DOCX and HTML pandoc made from one Markdown text and fails
#     when the headings or the words differ
#   - with LibreOffice: the new version as PDF has the "Sida 2 (" footer and its headings
# Usage: selftest.sh [SOURCE_DIR]   (exit 0 passed, 1 failed, 77 tools missing)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3  # Debian's, where python3-docx is
"$python" -c "import docx" 2>/dev/null || { echo "skipped: python3-docx is not installed"; exit 77; }
command -v pandoc >/dev/null || { echo "skipped: pandoc is not installed"; exit 77; }

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
check() {  # check NAME EXPECTED_EXIT COMMAND...: run, compare the exit status, keep the output
  local name=$1 want=$2
  shift 2
  "$@" > "$t/out.txt" 2>&1
  local rc=$?
  if ((rc != want)); then
    echo "FAIL: self-test $name: exit $rc, want $want:"
    sed 's/^/    /' "$t/out.txt" | head -n 20
    fail=1
    return 1
  fi
  echo "ok: $name"
}
expect_text() {  # the last command's output must contain this text
  grep -qF -- "$1" "$t/out.txt" || { echo "FAIL: self-test $2: output lacks \"$1\":"; sed 's/^/    /' "$t/out.txt" | head; fail=1; }
}

# ---- fixtures: the redline, the two versions and broken variants (bad-*.docx, with the
# message check_docx.py must give in bad-*.want) --------------------------------------------------
"$python" - "$t" <<'EOF'
import sys, warnings, zipfile
warnings.simplefilter("ignore")  # the duplicate zip entry below is on purpose
out = sys.argv[1]
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
AUTH = 'w:author="okgen" w:date="2024-01-01T00:00:00Z"'
ids = iter(range(100, 1000))

def r(text):  # runs: \t a tab, ~ a non-breaking hyphen, | a line break; [fn] a footnote mark
    xml = []
    for i, chunk in enumerate(text.split("[fn]")):
        if i:
            xml.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
        if chunk:
            inner = chunk.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">') \
                         .replace("~", '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">') \
                         .replace("|", '</w:t><w:br/><w:t xml:space="preserve">')
            xml.append(f'<w:r><w:t xml:space="preserve">{inner}</w:t></w:r>')
    return "".join(xml)

def ins(text):
    return f'<w:ins w:id="{next(ids)}" {AUTH}>{r(text)}</w:ins>'

def dele(text):
    return f'<w:del w:id="{next(ids)}" {AUTH}>' + r(text).replace("w:t ", "w:delText ").replace("</w:t>", "</w:delText>") + '</w:del>'

def p(runs, style=None, mark=None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if mark:
        ppr += f'<w:rPr><w:{mark} w:id="{next(ids)}" {AUTH}/></w:rPr>'
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{runs}</w:p>'

def heading(text, bookmark):
    i = next(ids)
    return (f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="{i}" w:name="{bookmark}"/>'
            f'{r(text)}<w:bookmarkEnd w:id="{i}"/></w:p>')

def row(cells, mark=None):  # a row, inserted or deleted as a whole with mark="ins" or "del"
    trpr = f'<w:trPr><w:{mark} w:id="{next(ids)}" {AUTH}/></w:trPr>' if mark else ""
    runs = {None: r, "ins": ins, "del": dele}[mark]
    return "<w:tr>" + trpr + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{p(runs(c))}</w:tc>' for c in cells) + "</w:tr>"

def table(rows):
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>' + "".join(rows) + "</w:tbl>")

LINKS = (r("Se ") + '<w:hyperlink w:anchor="inledning">' + r("avsnitt 1") + '</w:hyperlink>' + r(" och ")
         + '<w:hyperlink r:id="rIdLink">' + r("webbplatsen") + '</w:hyperlink>' + r(", sidan ")
         + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF inledning \\h </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' + r("."))
COMMON = [p(r("Text\tmed tabb, rad|två och e~post."), "ListParagraph"), p(LINKS)]
COMMON[0] = COMMON[0].replace('<w:pStyle w:val="ListParagraph"/>', '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
SECT = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')

def plain(paras):  # a version without tracked changes: ("h", text, bookmark), ("t", rows) or text
    body = []
    for x in paras:
        if isinstance(x, tuple) and x[0] == "h":
            body.append(heading(x[1], x[2]))
        elif isinstance(x, tuple) and x[0] == "t":
            body.append(table([row(cells) for cells in x[1]]))
        elif x == "COMMON":
            body += COMMON
        else:
            body.append(p(r(x)))
    return "".join(body)

old = plain([("h", "Inledning", "inledning"), "Avtalet gäller från 2024.[fn]", "Parterna ska samverka.",
             "Det gäller alla.", "Ett borttaget stycke.", "Del ett. Del två.", "COMMON",
             ("h", "Ansvar", "ansvar"), "Kvar här. Flyttad mening.", "Också kvar.",
             ("t", [["Område", "Ansvar"], ["Boende", "Kommunen"], ["Arbete", "Båda"]]), "Slut."])
new = plain([("h", "Inledning", "inledning"), "Avtalet gäller från 2025.[fn]",
             "Parterna ska samverka. Det gäller alla.", "Ett nytt stycke.", "Del ett.", "Del två.", "COMMON",
             ("h", "Ansvar", "ansvar"), "Kvar här.", "Flyttad mening. Också kvar.",
             ("t", [["Område", "Ansvar"], ["Boende", "Kommunen och regionen"], ["Vård", "Regionen"]]), "Slut."])
move = lambda kind, runs: (f'<w:{kind}RangeStart w:id="{next(ids)}" w:name="move1" {AUTH}/>'
                           f'<w:{kind} w:id="{next(ids)}" {AUTH}>{runs}</w:{kind}><w:{kind}RangeEnd w:id="ID"/>')
def ranged(xml):  # the RangeEnd gets the RangeStart's id
    start = xml.split('w:id="')[1].split('"')[0]
    return xml.replace('w:id="ID"', f'w:id="{start}"')
redline = "".join([
    p(r("Ändringar mellan version 0.9 och 1.0"), "OkgenChangeSummaryHeading"),
    p(r("Sju ändringar.") + '<w:r><w:br w:type="page"/></w:r>', "OkgenChangeSummary"),
    heading("Inledning", "inledning"),
    p(r("Avtalet gäller från ") + dele("2024") + ins("2025") + r(".[fn]")),
    p(r("Parterna ska samverka.") + ins(" "), mark="del"),
    p(r("Det gäller alla.")),
    p(dele("Ett borttaget stycke."), mark="del"),
    p(ins("Ett nytt stycke."), mark="ins"),
    p(r("Del ett.") + dele(" "), mark="ins"),
    p(r("Del två.")),
    *COMMON,
    heading("Ansvar", "ansvar"),
    p(r("Kvar här.") + ranged(move("moveFrom", r(" Flyttad mening.").replace("w:t ", "w:delText ").replace("</w:t>", "</w:delText>")))),
    p(ranged(move("moveTo", r("Flyttad mening. "))) + r("Också kvar.")),
    table([row(["Område", "Ansvar"]),
           row(["Boende", "Kommunen"]).replace("Kommunen</w:t></w:r>", "Kommunen</w:t></w:r>" + ins(" och regionen")),
           row(["Arbete", "Båda"], "del"), row(["Vård", "Regionen"], "ins")]),
    p(r("Slut.")),
])

def style(sid, name, kind="paragraph", extra=""):
    return f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}>'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>'
          '<w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults>'
          + style("Normal", "Normal").replace("<w:style ", '<w:style w:default="1" ')
          + style("Heading1", "heading 1", extra='<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr>')
          + style("ListParagraph", "List Paragraph", extra='<w:basedOn w:val="Normal"/>')
          + style("Footer", "footer", extra='<w:basedOn w:val="Normal"/>')
          + style("FootnoteText", "footnote text", extra='<w:basedOn w:val="Normal"/>')
          + style("FootnoteReference", "footnote reference", "character", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>')
          + style("TableGrid", "Table Grid", "table")
          + style("OkgenChangeSummary", "Okgen Change Summary", extra='<w:basedOn w:val="Normal"/>')
          + style("OkgenChangeSummaryHeading", "Okgen Change Summary Heading", extra='<w:basedOn w:val="OkgenChangeSummary"/><w:rPr><w:b/></w:rPr>')
          + '</w:styles>')
NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
def footnotes(text):  # the footnotes part with footnote 1's runs after its number
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteRef/></w:r>{text}</w:p></w:footnote></w:footnotes>')
# The note is reworded between the versions; the redline tracks that inside the footnote.
FOOTNOTES = footnotes(r(" Hälso- och sjukvårdslag (2017:30), 16 kap. 3 §."))
OLD_FOOTNOTES = footnotes(r(" Hälso- och sjukvårdslag (2017:30)."))
RED_FOOTNOTES = footnotes(r(" Hälso- och sjukvårdslag (2017:30)") + ins(", 16 kap. 3 §") + r("."))
def field(instr, result):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
          + r("Sida ") + field("PAGE", "1") + r(" (") + field("NUMPAGES", "1") + r(")") + '</w:p></w:ftr>')
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
PKG_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdStyles" Type="{REL}styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdNumbering" Type="{REL}numbering" Target="numbering.xml"/>'
            f'<Relationship Id="rIdFootnotes" Type="{REL}footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rIdFooter" Type="{REL}footer" Target="footer1.xml"/>'
            f'<Relationship Id="rIdLink" Type="{REL}hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>')
CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:title>Självtest</dc:title><dc:language>sv-SE</dc:language></cp:coreProperties>')

def package(body, notes=FOOTNOTES):
    return {"[Content_Types].xml": CT, "_rels/.rels": PKG_RELS, "word/_rels/document.xml.rels": DOC_RELS,
            "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}{SECT}</w:body></w:document>',
            "word/styles.xml": STYLES, "word/numbering.xml": NUMBERING, "word/footnotes.xml": notes,
            "word/footer1.xml": FOOTER, "docProps/core.xml": CORE}

def write(name, parts, extra=()):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in list(parts.items()) + list(extra):
            z.writestr(n, data)

write("old.docx", package(old, OLD_FOOTNOTES))
write("new.docx", package(new))
write("redline.docx", package(redline, RED_FOOTNOTES))
# The redline without its summary page, for pandoc (which cannot leave that style out).
write("redline-bare.docx", package(redline.split("</w:p>", 2)[2], RED_FOOTNOTES))

def bad(name, want, part, old_text, new_text, extra=()):
    parts = package(redline, RED_FOOTNOTES)
    assert old_text in parts[part], (name, old_text)
    parts[part] = parts[part].replace(old_text, new_text, 1)
    write(f"bad-{name}.docx", parts, extra)
    open(f"{out}/bad-{name}.want", "w").write(want)

D = "word/document.xml"
bad("dangling-rel", "targets media/logo.png, which is missing", "word/_rels/document.xml.rels", "</Relationships>",
    f'<Relationship Id="rIdImg" Type="{REL}image" Target="media/logo.png"/></Relationships>')
bad("unknown-style", "w:pStyle Rubrik1 is not a style", D, 'w:val="Heading1"', 'w:val="Rubrik1"')
bad("style-kind", "w:rStyle Heading1 is a paragraph style (want character)", "word/footnotes.xml",
    'w:rStyle w:val="FootnoteReference"', 'w:rStyle w:val="Heading1"')
bad("based-on", "style Footer w:basedOn Standard is not defined", "word/styles.xml",
    '<w:name w:val="footer"/><w:basedOn w:val="Normal"/>', '<w:name w:val="footer"/><w:basedOn w:val="Standard"/>')
bad("content-type", "word/media/x.bin has no content type", D, "<w:body>", "<w:body>", [("word/media/x.bin", "x")])
bad("override-missing", "overrides /word/footer2.xml, which is not in the package", "[Content_Types].xml", "</Types>",
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
bad("r-id", "footerReference r:id=rIdFooter2 has no relationship", D, 'r:id="rIdFooter"', 'r:id="rIdFooter2"')
bad("numid", "w:numId 7 is not a w:num", D, '<w:numId w:val="1"/>', '<w:numId w:val="7"/>')
bad("abstract", "w:num 1 points to abstractNum 3", "word/numbering.xml", '<w:abstractNumId w:val="0"/>', '<w:abstractNumId w:val="3"/>')
bad("footnote-ref", "w:footnoteReference 5 is not a footnote", D, '<w:footnoteReference w:id="1"/>', '<w:footnoteReference w:id="5"/>')
bad("footnote-unused", "footnote 2 is never referenced", "word/footnotes.xml", "</w:footnotes>",
    '<w:footnote w:id="2"><w:p><w:r><w:t>Oanvänd.</w:t></w:r></w:p></w:footnote></w:footnotes>')
bad("anchor", "w:hyperlink anchor inledningen is not a bookmark", D, 'w:anchor="inledning"', 'w:anchor="inledningen"')
bad("field-ref", "field refers to bookmark saknas", D, "PAGEREF inledning", "PAGEREF saknas")
bad("link-type", "w:hyperlink r:id rIdFootnotes is not a hyperlink relationship", D, 'r:id="rIdLink"', 'r:id="rIdFootnotes"')
bid = redline.split('<w:bookmarkStart w:id="')[1].split('"')[0]
bad("bookmark-end", f"w:bookmarkStart {bid} has no matching w:bookmarkEnd", D, f'<w:bookmarkEnd w:id="{bid}"/>', "")
bad("bookmark-name", "bookmark name inledning is used 2 times", D, 'w:name="ansvar"', 'w:name="inledning"')
bad("revision-id", f"w:id {bid} is used by both w:bookmarkStart and w:ins", D, '<w:ins w:id="', f'<w:ins w:id="{bid}" w:x="')
bad("move-name", "move move1 has a moveFrom or moveTo range but not both", D, 'w:name="move1"', 'w:name="move2"')
bad("space", "has outer spaces but no xml:space", D, '<w:t xml:space="preserve">Slut.', '<w:t>Slut. ')
bad("deltext", "w:delText 'x' outside w:del", D, '<w:r><w:t xml:space="preserve">Slut.', '<w:r><w:delText>x</w:delText><w:t xml:space="preserve">Slut.')
bad("t-in-del", "inside w:del (deleted text must be w:delText)", D, '<w:delText xml:space="preserve">2024</w:delText>', '<w:t xml:space="preserve">2024</w:t>')
bad("lang", "no w:lang sv-SE", "word/styles.xml", '<w:lang w:val="sv-SE"/>', '<w:lang w:val="en-US"/>')
bad("title", "no title", "docProps/core.xml", "<dc:title>Självtest</dc:title>", "")
bad("doctype", "DOCTYPE is not allowed", D, "<w:document ", '<!DOCTYPE w:document [<!ENTITY e "x">]><w:document ')
bad("xml", "XML does not parse", D, "</w:body>", "</w:bodyy>")
bad("duplicate", "duplicate zip entry word/styles.xml", D, "<w:body>", "<w:body>", [("word/styles.xml", STYLES)])
open(f"{out}/bad-zip.docx", "w").write("PK not really")
open(f"{out}/bad-zip.want", "w").write("not a zip file")

# A Markdown text for the pandoc round trip (pandoc writes the DOCX and the HTML page).
open(f"{out}/doc.md", "w").write("""---
title: Självtest
lang: sv-SE
---

# Inledning

Kommunerna och regionen ska ha en skriftlig överenskommelse.[^1] Den beskriver **vem som gör
vad** och hur parterna följer upp samarbetet.

## Målgrupp

- Vuxna med psykisk funktionsnedsättning.
- Närstående.

| Område | Ansvar |
|--------|--------|
| Boende | Kommunen |

# Giltighet

Överenskommelsen gäller från och med den 1 april 2026 till och med den 31 mars 2028.

[^1]: 16 kap. 3 § hälso- och sjukvårdslagen.
""")
EOF
(($? == 0)) || { echo "FAIL: self-test fixtures could not be made"; exit 1; }

# ---- accept_reject.py -------------------------------------------------------------------------
ar=("$python" "$here/accept_reject.py")
check "accept gives the new version" 0 "${ar[@]}" accept "$t/redline.docx" --compare "$t/new.docx"
check "reject gives the old version" 0 "${ar[@]}" reject "$t/redline.docx" --compare "$t/old.docx"
check "accept is not the old version" 1 "${ar[@]}" accept "$t/redline.docx" --compare "$t/old.docx" && expect_text "-Det gäller alla." "accept vs old"
check "reject is not the new version" 1 "${ar[@]}" reject "$t/redline.docx" --compare "$t/new.docx" && expect_text "+Ett borttaget stycke." "reject vs new"
check "plain refuses a redline" 1 "${ar[@]}" plain "$t/redline.docx" && expect_text "tracked changes" "plain on a redline"
check "revisions counted" 0 "${ar[@]}" revisions "$t/redline.docx" && expect_text "authors: okgen" "revisions"
check "revisions wanted" 1 "${ar[@]}" revisions "$t/new.docx" && expect_text "want both w:ins and w:del" "revisions wanted"
check "plain text" 0 "${ar[@]}" plain "$t/new.docx"
printf 'Inledning\nAvtalet gäller från 2025.\nParterna ska samverka. Det gäller alla.\nEtt nytt stycke.\nDel ett.\nDel två.\nText\tmed tabb, rad\ntvå och e-post.\nSe avsnitt 1 och webbplatsen, sidan 3.\nAnsvar\nKvar här.\nFlyttad mening. Också kvar.\nOmråde | Ansvar\nBoende | Kommunen och regionen\nVård | Regionen\nSlut.\nfotnot:\n Hälso- och sjukvårdslag (2017:30), 16 kap. 3 §.\n' > "$t/want.txt"
if ! diff -u "$t/want.txt" "$t/out.txt" > "$t/diff.txt"; then
  echo "FAIL: self-test plain text of new.docx:"; cat "$t/diff.txt"; fail=1
fi
# pandoc's own reading of the tracked changes (--track-changes) must give the same words, in
# the body and in the footnotes (pandoc keeps a note where it is cited; ours follow the body).
cat > "$t/agree.py" <<'EOF'
import re, sys
sys.path.insert(0, sys.argv[1])
from pandoc_roundtrip import pandoc_json, sections, words
_, _, mode, docx, ours = sys.argv
doc = pandoc_json(docx, "docx", options=[f"--track-changes={mode}"])
def strs(x):  # the text of a pandoc AST fragment
    if isinstance(x, list):
        for y in x:
            yield from strs(y)
    elif isinstance(x, dict):
        if x.get("t") == "Str":
            yield x["c"] + " "
        else:
            yield from strs(x.get("c"))
notes = []
def find_notes(x):
    if isinstance(x, list):
        for y in x:
            find_notes(y)
    elif isinstance(x, dict):
        if x.get("t") == "Note":
            notes.append(" ".join(re.findall(r"[^\W_]+", "".join(strs(x["c"])).lower())))
        else:
            find_notes(x.get("c"))
find_notes(doc["blocks"])
theirs = words(sections(doc))
body, _, rest = open(ours, encoding="utf-8").read().partition("\nfotnot:\n")
ours_body = re.findall(r"[^\W_]+", body.lower())
ours_notes = [" ".join(re.findall(r"[^\W_]+", n.lower())) for n in ("\n" + rest).split("\nfotnot:\n")] if rest else []
print("ours:  ", " ".join(ours_body), "| notes:", ours_notes, "\npandoc:", " ".join(theirs), "| notes:", notes)
sys.exit(ours_body != theirs or ours_notes != notes)
EOF
for mode in accept reject; do
  "${ar[@]}" "$mode" "$t/redline-bare.docx" > "$t/ours.txt"
  check "pandoc --track-changes=$mode agrees" 0 "$python" "$t/agree.py" "$here" "$mode" "$t/redline-bare.docx" "$t/ours.txt"
done

# ---- check_docx.py ----------------------------------------------------------------------------
check "package check passes good files" 0 "$python" "$here/check_docx.py" "$t/redline.docx" "$t/old.docx" "$t/new.docx"
for f in "$t"/bad-*.docx; do
  name=$(basename "$f" .docx)
  check "check_docx.py $name" 1 "$python" "$here/check_docx.py" "$f" && expect_text "$(cat "${f%.docx}.want")" "check_docx.py $name"
done

# ---- pandoc_roundtrip.py ----------------------------------------------------------------------
pandoc -o "$t/doc.docx" "$t/doc.md"
# The HTML page as okgen writes it: footnote marks <sup class="noteref">, the notes outside <main>.
page() {
  echo '<html><body><nav><h2>Innehåll</h2></nav><main id="innehall">'
  sed 's#\[^1\]:.*##; s#\[^1\]#<sup class="noteref"><a href="\#fn-1">1</a></sup>#' "$@" | pandoc -f markdown -t html
  echo '</main><section><h2>Noter</h2><p>16 kap. 3 § hälso- och sjukvårdslagen.</p></section>'
  echo '<section><h2>Versionshistorik</h2><p>1.0 Första versionen.</p></section></body></html>'
}
page "$t/doc.md" > "$t/doc.html"
check "round trip passes" 0 "$python" "$here/pandoc_roundtrip.py" "$t/doc.docx" "$t/doc.html" && expect_text "words 1.0000" "round trip"
# A section the page has outside <main> may be anywhere in the DOCX; one it lacks may not.
sed 's/^# Giltighet/# Versionshistorik\n\n1.0 Första versionen.\n\n# Giltighet/' "$t/doc.md" | pandoc -f markdown -o "$t/history.docx"
check "round trip leaves out the version history" 0 "$python" "$here/pandoc_roundtrip.py" "$t/history.docx" "$t/doc.html" && expect_text "left out: Versionshistorik" "version history"
sed 's/^# Giltighet/# Bilaga\n\nEn bilaga.\n\n# Giltighet/' "$t/doc.md" | pandoc -f markdown -o "$t/extra.docx"
check "round trip finds an extra section" 1 "$python" "$here/pandoc_roundtrip.py" "$t/extra.docx" "$t/doc.html" && expect_text "+Bilaga" "extra section"
sed 's/^# Giltighet/## Giltighet/' "$t/doc.md" | page > "$t/level.html"
check "round trip heading levels" 1 "$python" "$here/pandoc_roundtrip.py" "$t/doc.docx" "$t/level.html" && expect_text "section headings differ" "heading levels"
sed 's/^## Målgrupp/## Målgrupper/' "$t/doc.md" | page > "$t/heading.html"
check "round trip headings" 1 "$python" "$here/pandoc_roundtrip.py" "$t/doc.docx" "$t/heading.html" && expect_text "+  Målgrupp" "headings"
sed 's/och hur parterna följer upp samarbetet/och om de inte har kommit överens om något annat följer de upp samarbetet varje år/' "$t/doc.md" | page > "$t/words.html"
check "round trip words" 1 "$python" "$here/pandoc_roundtrip.py" "$t/doc.docx" "$t/words.html" && expect_text "-> 'hur parterna'" "words"

# ---- LibreOffice: page footer fields and headings in the PDF ------------------------------------
soffice=$(command -v soffice || command -v libreoffice || true)
if [[ -n "$soffice" ]] && command -v pdftotext >/dev/null; then
  # The redline has two pages: its summary ends with a page break.
  mkdir -p "$t/lo"
  if timeout 180 "$soffice" -env:UserInstallation="file://$t/lo-profile" --headless --convert-to pdf --outdir "$t/lo" "$t/redline.docx" >/dev/null 2>&1; then
    check "LibreOffice PDF" 0 "$python" "$here/pandoc_roundtrip.py" --pdf "$t/redline.docx" "$t/lo/redline.pdf"
    check "LibreOffice PDF without footer" 1 "$python" "$here/pandoc_roundtrip.py" --pdf "$t/doc.docx" "$t/lo/redline.pdf" && expect_text "heading 'Giltighet' is not in the PDF text" "PDF headings"
  else
    echo "FAIL: self-test: LibreOffice could not convert a DOCX to PDF"; fail=1
  fi
else
  echo "note: LibreOffice or pdftotext missing: the PDF check was not self-tested"
fi

((fail)) || echo "ok: DOCX checkers self-test ($(ls "$t"/bad-*.docx | wc -l) broken packages caught, accept/reject, pandoc round trip)"
exit $fail
