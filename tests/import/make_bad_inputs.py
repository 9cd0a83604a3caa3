#!/usr/bin/python3
"""Writes the files `okgen import` must refuse, into OUTDIR, made here with zipfile so that
they do not depend on okgen's own DOCX writer:

  not-a-package.docx   plain text named .docx                       import-not-a-package
  agreement.pdf        a small, valid PDF                            import-unknown-format
  latin1.txt           Swedish text in ISO-8859-1 (å, ä, ö)          encoding
  doctype.docx         word/document.xml with a DOCTYPE (and entity) xml-doctype
  macros.docm          a macro-enabled document with vbaProject.bin  import-macros
  bomb.docx            word/document.xml inflates to 40 MB (spaces)  import-too-large
  empty.docx           the body is one empty paragraph               import-no-text
  good.docx            a small, valid agreement (for import-exists and --force)

Usage: make_bad_inputs.py OUTDIR
"""
import os
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def content_types(main_type, extra=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>{extra}</Types>')


RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def paragraph(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(body, prolog=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


AGREEMENT = "".join([
    paragraph("Överenskommelse om samverkan kring personer med psykisk funktionsnedsättning", "Title"),
    paragraph("Inledning", "Heading1"),
    paragraph("Region Kronoberg och Växjö kommun ska enligt lag ha en skriftlig överenskommelse "
              "om samarbetet kring personer med psykisk funktionsnedsättning."),
    paragraph("Målgrupp", "Heading1"),
    paragraph("Överenskommelsen gäller vuxna som behöver insatser från både kommunen och regionen."),
])


def package(path, parts, main_type=DOCX_MAIN, extra_types=""):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types(main_type, extra_types))
        z.writestr("_rels/.rels", RELS)
        for name, data in parts.items():
            z.writestr(name, data)


def minimal_pdf():
    """A one-page PDF with a text line, with a correct cross-reference table."""
    stream = b"BT /F1 12 Tf 72 720 Td (Overenskommelse om samverkan) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe5\xe4\xf6\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    j = lambda name: os.path.join(out, name)

    with open(j("not-a-package.docx"), "w", encoding="utf-8") as f:
        f.write("Överenskommelse om samverkan\n\nDet här är vanlig text, inte ett Word-dokument.\n")
    with open(j("agreement.pdf"), "wb") as f:
        f.write(minimal_pdf())
    with open(j("latin1.txt"), "wb") as f:
        f.write("# Överenskommelse om samverkan\n\nKommunerna och regionen ska samarbeta kring "
                "personer med psykisk funktionsnedsättning. Målgruppen är vuxna i länet.\n"
                .encode("iso-8859-1"))
    package(j("doctype.docx"), {"word/document.xml": document(
        AGREEMENT.replace("Inledning", "&inl;"),
        prolog='<!DOCTYPE w:document [<!ENTITY inl "Inledning">]>\n')})
    package(j("macros.docm"), {
        "word/document.xml": document(AGREEMENT),
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
            '</Relationships>')},
        main_type=DOCM_MAIN,
        extra_types='<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>')
    # 40 MB of spaces between two paragraphs: about 40 KB compressed.
    bomb = document(AGREEMENT + " " * (40 * 1024 * 1024))
    package(j("bomb.docx"), {"word/document.xml": bomb})
    package(j("empty.docx"), {"word/document.xml": document("<w:p/>")})
    package(j("good.docx"), {"word/document.xml": document(AGREEMENT)})
    sizes = {name: os.path.getsize(j(name)) for name in sorted(os.listdir(out))}
    with zipfile.ZipFile(j("bomb.docx")) as z:
        inflated = z.getinfo("word/document.xml").file_size
    if sizes["bomb.docx"] > 1024 * 1024 or inflated < 40 * 1024 * 1024:
        sys.exit(f"make_bad_inputs.py: bomb.docx is {sizes['bomb.docx']} bytes, inflating to {inflated}")


if __name__ == "__main__":
    main()
