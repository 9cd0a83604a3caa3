#!/usr/bin/env python3
"""Markdown -> Typst markup, for the typst row of bench/whole_process.sh (issue 16).

bench/whole_process.sh makes Markdown from okgen's HTML of an agreement (pandoc), so the
naive program and typst set the same words as okgen. This turns that Markdown into a Typst
document through pandoc's JSON tree (Debian 12's pandoc 2.17 has no Typst writer): headings,
paragraphs, lists, emphasis, links and rules; the text inside raw HTML blocks (okgen's
tables and boxes) becomes plain paragraphs. A4, 2.5 cm margins, Liberation Serif 10.5 pt,
Swedish with hyphenation, justified: close to okgen's page, without its contents list,
notes or tagging.

    md_to_typst.py FILE.md > FILE.typ
"""
import html
import json
import re
import subprocess
import sys

PREAMBLE = """#set page(paper: "a4", margin: 2.5cm, numbering: "1")
#set text(font: "Liberation Serif", size: 10.5pt, lang: "sv", hyphenate: true)
#set par(justify: true)
#show heading: set text(font: "Liberation Sans")

"""

# Characters with a meaning in Typst markup, escaped with a backslash ("//" starts a comment).
SPECIAL = re.compile(r'([\\*_`#$<>@\[\]~/=+-])')


def text(s):
    return SPECIAL.sub(r'\\\1', s)


def inlines(items):
    out = []
    for it in items:
        t, c = it["t"], it.get("c")
        if t == "Str":
            out.append(text(c))
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t == "LineBreak":
            out.append(" #linebreak() ")
        elif t == "Emph":
            out.append("#emph[" + inlines(c) + "]")
        elif t == "Strong":
            out.append("#strong[" + inlines(c) + "]")
        elif t == "Code":
            out.append("#raw(" + json.dumps(c[1]) + ")")
        elif t == "Link":
            out.append("#link(" + json.dumps(c[2][0]) + ")[" + inlines(c[1]) + "]")
        elif t in ("Span", "Quoted", "Cite", "SmallCaps", "Strikeout", "Superscript", "Subscript", "Underline"):
            out.append(inlines(c[-1]))
        elif t == "Note":
            out.append(" ")
        # RawInline (HTML tags) is dropped: its text is in the Str around it.
    return "".join(out)


def raw_html_text(s):
    words = html.unescape(re.sub(r"<[^>]*>", " ", s)).split()
    return text(" ".join(words))


def blocks(items, indent=""):
    out = []
    for b in items:
        t, c = b["t"], b.get("c")
        if t == "Header":
            out.append("=" * c[0] + " " + inlines(c[2]))
        elif t in ("Para", "Plain"):
            out.append(indent + inlines(c))
        elif t in ("BulletList", "OrderedList"):
            marker = "- " if t == "BulletList" else "+ "
            entries = c if t == "BulletList" else c[1]
            for entry in entries:
                body = blocks(entry, indent + "  ").strip()
                out.append(indent + marker + body)
        elif t == "HorizontalRule":
            out.append("#line(length: 100%, stroke: 0.5pt)")
        elif t == "BlockQuote":
            out.append("#quote(block: true)[\n" + blocks(c) + "\n]")
        elif t == "RawBlock":
            words = raw_html_text(c[1])
            if words:
                out.append(indent + words)
        elif t == "CodeBlock":
            out.append("#raw(block: true, " + json.dumps(c[1]) + ")")
        elif t == "Div":
            out.append(blocks(c[1], indent))
        elif t == "LineBlock":
            out.append(" #linebreak() ".join(inlines(line) for line in c))
    return "\n\n".join(x for x in out if x.strip())


def main():
    tree = json.loads(subprocess.run(["pandoc", "-f", "commonmark", "-t", "json", sys.argv[1]],
                                     check=True, capture_output=True, text=True).stdout)
    sys.stdout.write(PREAMBLE + blocks(tree["blocks"]) + "\n")


if __name__ == "__main__":
    main()
