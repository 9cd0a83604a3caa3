#!/usr/bin/python3
"""A DOCX read back by pandoc, against the HTML page of the same agreement (also read by pandoc).

  pandoc_roundtrip.py DOCX HTML   the agreement's text must survive the DOCX writer: the
      section headings of the HTML page's <main> must be the DOCX's headings in the same order
      and at the same relative levels, and the words of that stretch (lower-cased, punctuation
      dropped, footnotes left out) must match with a difflib ratio >= 0.97 (printed)
  pandoc_roundtrip.py --pdf DOCX PDF   the PDF LibreOffice made of DOCX: pdftotext must find
      "Sida 2 (" (the page footer, PAGE and NUMPAGES fields) and every level-1 heading of DOCX

Only <main> of the page is compared: the page's header, table of contents, notes, version
history and footer are outside it. Sections of the DOCX whose heading the page has outside
<main> are left out wherever they are, and so is anything before the first and after the
last heading of <main> (a title page, say). A leading section number
("2.1 ") is dropped from headings on both sides, and footnote marks too (pandoc's Note on the
DOCX side, <sup class="noteref"> on the HTML side).
"""
import difflib
import json
import re
import subprocess
import sys
import unicodedata

THRESHOLD = 0.97
# Inline elements that do not separate words; every other element does.
INLINE = {"Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps",
          "Quoted", "Cite", "Span", "Link"}
SECNO = re.compile(r"^\d+(?:\.\d+)*\.?\s+")


def pandoc_json(path, fmt, text=None, options=()):
    cmd = ["pandoc", "-f", fmt, "-t", "json", *options] + ([] if text is not None else [path])
    r = subprocess.run(cmd, input=text, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"FAIL: pandoc -f {fmt} cannot read {path}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def sections(doc):
    """[(level, heading, [text pieces])]: the text before the first heading, then one per heading."""
    out = [(0, None, [])]

    def text(x, heading=None):
        pieces = heading if heading is not None else out[-1][2]
        if isinstance(x, list):
            for y in x:
                text(y, heading)
        elif isinstance(x, dict) and "t" in x:
            t, c = x["t"], x.get("c")
            if t == "Note" or t.startswith("Raw"):
                return
            if t == "Str":
                pieces.append(c)
            elif t in ("Space", "SoftBreak", "LineBreak"):
                pieces.append(" ")
            elif t in ("Code", "Math"):
                pieces.append(c[1])
            elif t == "Header" and heading is None:
                h = []
                text(c[2], h)
                out.append((c[0], clean_heading("".join(h)), []))
            else:
                sep = " " if t not in INLINE else ""
                pieces.append(sep)
                text(c, heading)
                (heading if heading is not None else out[-1][2]).append(sep)

    text(doc["blocks"])
    return out


def clean_heading(s):
    return SECNO.sub("", " ".join(unicodedata.normalize("NFC", s).split()))


def words(secs):
    result = []
    for _, heading, pieces in secs:
        result += re.findall(r"[^\W_]+", ((heading or "") + " " + "".join(pieces)).lower())
    return result


def outline(secs):
    hs = [(level, h) for level, h, _ in secs if h is not None]
    top = min((level for level, _ in hs), default=0)
    return [f"{'  ' * (level - top)}{h}" for level, h in hs]


def compare(docx, html):
    page = open(html, encoding="utf-8").read()
    body = re.search(r"<body[\s>]", page)
    start = re.compile(r"<main[\s>]").search(page, body.end() if body else 0)
    end = page.rfind("</main>")
    if start is None or end < start.start():
        return f"FAIL: {html} has no <main> element"
    main = re.sub(r'<sup class="noteref">.*?</sup>', "", page[start.start():end + 7], flags=re.S)
    theirs = sections(pandoc_json(html, "html", main))
    ours = sections(pandoc_json(docx, "docx"))
    want = outline(theirs)
    if not want:
        return f"FAIL: {html}: no headings in <main>"
    pre, theirs = theirs[0], theirs[1:]  # text in <main> before its first heading, if any
    # Sections the page has outside <main> (contents, notes, version history) may be anywhere
    # in the DOCX: they are left out, with their text, before the order is compared.
    rest = page[:start.start()] + page[end + 7:]
    furniture = {h for _, h, _ in sections(pandoc_json(html, "html", rest))} - {h for _, h, _ in theirs} - {None}
    moved = [h for _, h, _ in ours if h in furniture]
    ours = [sec for sec in ours if sec[1] not in furniture]
    names = [h for _, h, _ in ours]
    first = names.index(theirs[0][1]) if theirs[0][1] in names else None
    last = None
    if first is not None:
        later = [i for i in range(first, len(ours)) if names[i] == theirs[-1][1]]
        last = later[0] if later else None
    if first is None or last is None:
        return (f"FAIL: {docx}: the headings of the HTML page ({want[0].strip()!r} … {want[-1].strip()!r}) "
                f"are not among the DOCX headings:\n  " + "\n  ".join(outline(ours)))
    window = ours[first:last + 1]
    got = outline(window)
    if got != want:
        diff = difflib.unified_diff(want, got, "HTML <main> headings", "DOCX headings", lineterm="", n=1)
        return f"FAIL: {docx}: section headings differ from {html}:\n" + "\n".join(diff)
    a, b = words([pre] + theirs), words(window)
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ratio = m.ratio()
    outside = [h for _, h, _ in ours[1:first] + ours[last + 1:]]
    report = (f"{docx}: {len(want)} headings in order, words {ratio:.4f} similar ({len(a)} in HTML, "
              f"{len(b)} in DOCX; left out: {', '.join(moved) or 'nothing'} (outside <main> on the page)"
              f"{', and before or after the agreement: ' + ', '.join(outside) if outside else ''})")
    if ratio >= THRESHOLD:
        return "ok: " + report
    lines = ["FAIL: " + report + f", below {THRESHOLD}; first differences (HTML -> DOCX):"]
    for op, i1, i2, j1, j2 in [o for o in m.get_opcodes() if o[0] != "equal"][:3]:
        lines.append(f"  {op} after …{' '.join(a[max(0, i1 - 8):i1])}: "
                     f"{' '.join(a[i1:i2][:40])!r} -> {' '.join(b[j1:j2][:40])!r}")
    return "\n".join(lines)


def pdf_check(docx, pdf):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True)
    if r.returncode:
        return f"FAIL: pdftotext {pdf}: {r.stderr.strip()}"
    raw = unicodedata.normalize("NFKC", r.stdout).replace("\u00ad", "")
    flat = [" ".join(raw.split()), " ".join(re.sub(r"-\n", "", raw).split())]  # also without hyphenation
    problems = []
    if not any("Sida 2 (" in t for t in flat):
        problems.append('no "Sida 2 (" (the page footer with PAGE and NUMPAGES)')
    top = [h for level, h, _ in sections(pandoc_json(docx, "docx")) if level == 1]
    if not top:
        problems.append(f"{docx} has no level-1 headings (pandoc reads style names 'heading 1')")
    for h in top:
        h = unicodedata.normalize("NFKC", h)
        if not any(h in t for t in flat):
            problems.append(f"heading {h!r} is not in the PDF text")
    if problems:
        return "\n".join(f"FAIL: {pdf}: {p}" for p in problems)
    return f"ok: {pdf}: page footer and all {len(top)} level-1 headings of {docx} found"


def main(argv):
    if len(argv) == 3 and argv[0] == "--pdf":
        result = pdf_check(argv[1], argv[2])
    elif len(argv) == 2 and not argv[0].startswith("-"):
        result = compare(*argv)
    else:
        print(__doc__.strip())
        return 2
    print(result)
    return 1 if result.startswith("FAIL") else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, ValueError, IndexError) as e:
        sys.exit(f"FAIL: {' '.join(sys.argv[1:])}: {type(e).__name__}: {e}")
