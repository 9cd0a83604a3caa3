#!/usr/bin/python3
"""Checks on the XML files `okgen import` writes, read with the standard library only.

  check_xml.py sections IMPORTED.xml
      prints the number of <section> elements (and the first few headings); exits 1 below
      --min (default 1)
  check_xml.py parties ORIGINAL.xml IMPORTED.xml
      the region and municipality parties, as (kind, code, name), must come back from okgen's
      own DOCX unchanged: its cover lists them by name ("Gagnefs kommun", "Falu kommun").
      Consulted user organisations (kind="user-organisation") are left out: they do not sign,
      and import does not claim to find them
  check_xml.py matrix ORIGINAL.xml IMPORTED.xml
      the responsibility matrix (<responsibilities>) must come back from okgen's own DOCX,
      where it is a table with a column per party: the same topics in order, each with the
      same items for the same party (words compared, note references left out)
  check_xml.py markdown SOURCE.md IMPORTED.xml
      the Markdown agreement imported: the "#" heading is the title; the "##"/"###" headings
      are <heading>s in the same order, each "###" section inside the "##" section before it;
      every paragraph and list item's words appear, in order, in the imported text; the link
      is still a link (not escaped into literal brackets); the region and the municipalities
      the text names are parties, by the names the text uses

Each prints "ok: ..." or "FAIL: ..." lines and exits 0 or 1.
"""
import argparse
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET


def words(s):
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", s).lower())


def load(path):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        sys.exit(f"FAIL: {path} cannot be read as XML: {e}")


def sections(root):
    """[(depth, heading, section element)] in document order."""
    out = []

    def walk(el, depth):
        for child in el:
            if child.tag == "section":
                out.append((depth, (child.findtext("heading") or "").strip(), child))
                walk(child, depth + 1)

    walk(root, 1)
    return out


def parties(root):
    return [(p.get("kind"), p.get("code"), " ".join((p.text or "").split()))
            for p in root.iterfind("./meta/parties/party")]


def matrix(root):
    """[(topic, party, item words)] of every <responsibilities> in document order."""
    out = []
    for resp in root.iter("responsibilities"):
        for topic in resp.iterfind("topic"):
            for party in ("joint", "municipality", "region"):
                for item in topic.iterfind(f"{party}/item"):
                    text = re.sub(r"\[\^[^\]]+\]", " ", "".join(item.itertext()))
                    # A link without text to a section ("se [](#id)") is written out by okgen
                    # as the section's number and heading: any words may stand there.
                    text = re.sub(r"\[\]\(#[^)]*\)", " ANYWORDS ", text)
                    out.append((" ".join(words(topic.get("name", ""))), party, " ".join(words(text))))
    return out


def same_item(want, got):
    """Is the imported (topic, party, words) the original one, ANYWORDS standing for any words?"""
    if want[:2] != got[:2]:
        return False
    pattern = r"(?: \S+)*".join(re.escape(" " + part.strip()) if part.strip() else "" for part in want[2].split("anywords"))
    return re.fullmatch(pattern.strip() if not pattern.startswith(" ") else pattern, " " + got[2]) is not None


def cmd_matrix(args):
    want, got = matrix(load(args.original)), matrix(load(args.imported))
    if not want:
        print(f"ok: {args.label}: no responsibility matrix to compare")
        return 0
    if len(want) == len(got) and all(same_item(w, g) for w, g in zip(want, got)):
        print(f"ok: {args.label}: {len(want)} items in {len({t for t, _, _ in want})} topics, each with its party")
        return 0
    print(f"FAIL: {args.label}: the responsibility matrix differs ({len(want)} items in the original, {len(got)} imported)")
    for w, g in zip(want + [None] * len(got), got + [None] * len(want)):
        if w is None or g is None or not same_item(w, g):
            print(f"    original {w}\n    imported {g}")
            break
    return 1


def cmd_sections(args):
    secs = sections(load(args.imported))
    heads = ", ".join(repr(h) for _, h, _ in secs[:4]) + (", …" if len(secs) > 4 else "")
    if len(secs) < args.min:
        print(f"FAIL: {args.imported}: {len(secs)} sections, fewer than {args.min}: {heads}")
        return 1
    print(f"ok: {args.imported}: {len(secs)} sections ({heads})")
    return 0


def cmd_parties(args):
    signing = lambda ps: [p for p in ps if p[0] in ("region", "municipality")]
    want, got = signing(parties(load(args.original))), signing(parties(load(args.imported)))
    if sorted(want) == sorted(got):
        print(f"ok: {args.label}: {len(want)} region and municipality parties come back with kind, code and name")
        return 0
    missing = [p for p in want if p not in got]
    extra = [p for p in got if p not in want]
    lines = [f"FAIL: {args.label}: parties differ ({len(want)} in the original, {len(got)} imported):"]
    lines += [f"    - {k} {c} {n!r}" for k, c, n in missing[:8]]
    lines += [f"    + {k} {c} {n!r}" for k, c, n in extra[:8]]
    if len(missing) > 8 or len(extra) > 8:
        lines.append(f"    ({len(missing)} missing, {len(extra)} extra in all)")
    print("\n".join(lines))
    return 1


def markdown_blocks(text):
    """(title, [(level, heading)], [paragraph or list item text]) of a simple Markdown file."""
    title, heads, blocks, para = None, [], [], []

    def flush():
        if para:
            blocks.append(" ".join(para))
            para.clear()

    for line in text.splitlines():
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        item = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            flush()
            if len(m.group(1)) == 1 and title is None:
                title = m.group(2)
            else:
                heads.append((len(m.group(1)), m.group(2)))
        elif not line.strip():
            flush()
        elif item:
            flush()
            para.append(item.group(1))
        else:
            para.append(line.strip())
    flush()
    return title, heads, blocks


def contains(seq, sub):
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def cmd_markdown(args):
    with open(args.source, encoding="utf-8") as f:
        source = f.read()
    title, want_heads, blocks = markdown_blocks(source)
    root = load(args.imported)
    fails, oks = [], []

    got_title = " ".join((root.findtext("./meta/title") or "").split())
    if got_title != title:
        fails.append(f"title is {got_title!r}, the Markdown's '#' heading is {title!r}")
    else:
        oks.append("title")

    # Headings: the "#" title may also be kept as an enclosing first section; the "##" and
    # "###" headings must follow in order, with "###" nested in the "##" before it.
    secs = sections(root)
    if secs and secs[0][1] == title:
        secs = secs[1:]
    got_heads = [h for _, h, _ in secs]
    if got_heads != [h for _, h in want_heads]:
        fails.append("headings differ:\n      want " + " | ".join(h for _, h in want_heads)
                     + "\n      got  " + " | ".join(got_heads))
    else:
        base = secs[0][0] - want_heads[0][0]
        wrong = [h for (lvl, h), (depth, _, _) in zip(want_heads, secs) if depth - base != lvl]
        if wrong:
            fails.append("sections at the wrong level: " + ", ".join(repr(h) for h in wrong))
        else:
            oks.append(f"{len(want_heads)} headings in order and nesting")

    # Words: the text of headings, bodies and the structured elements made of the source's
    # text (a dispute ladder's steps; prompts and comments are not the source's text). A
    # paragraph read as a ladder is split into its sentences, which the format orders
    # (levels, interim, final): it is kept when each of its sentences is there word for word.
    text = " ".join("".join(el.itertext()) for el in root.iter()
                    if el.tag in ("heading", "body", "level", "interim", "final"))
    have = words(text)

    def kept(block):
        if contains(have, words(block)):
            return True
        sentences = [x for x in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", block) if words(x)]
        return len(sentences) > 1 and all(contains(have, words(x)) for x in sentences)

    lost = [b for b in blocks if not kept(b)]
    if lost:
        fails.append(f"{len(lost)} of {len(blocks)} paragraphs/list items not found word for word, first: {lost[0]!r}")
    else:
        oks.append(f"{len(blocks)} paragraphs and list items found word for word")

    # The link must stay a link: [text](url) in a body, its brackets not escaped.
    for m in re.finditer(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", source):
        link = re.escape(m.group(1)) + r"\]\(" + re.escape(m.group(2)) + r"\)"
        if re.search(r"(?<!\\)\[" + link, text):
            oks.append(f"link {m.group(2)} kept")
        elif re.search(r"\\\[" + re.escape(m.group(1)) + r"\\\]", text):
            fails.append(f"the link [{m.group(1)}]({m.group(2)}) became literal text "
                         f"(brackets escaped: \\[{m.group(1)}\\](...))")
        else:
            fails.append(f"the link [{m.group(1)}]({m.group(2)}) is not in the imported text")

    # Parties: the region and each municipality "X kommun" as the text writes it.
    named = set(re.findall(r"\bRegion [A-ZÅÄÖ]\w+", source))
    named |= set(re.findall(r"\b[A-ZÅÄÖ]\w+(?:-[A-ZÅÄÖ]\w+)? kommun\b", source))
    got_parties = {n for _, _, n in parties(root)}
    missing = sorted(named - got_parties)
    if missing:
        fails.append("parties as the text names them missing: " + ", ".join(missing)
                     + " (imported: " + ", ".join(sorted(got_parties)) + ")")
    else:
        oks.append(f"parties {', '.join(sorted(named))}")

    for f_ in fails:
        print(f"FAIL: {args.label}: {f_}")
    if not fails:
        print(f"ok: {args.label}: " + "; ".join(oks))
    return 1 if fails else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sections")
    s.add_argument("imported")
    s.add_argument("--min", type=int, default=1)
    p = sub.add_parser("parties")
    p.add_argument("original")
    p.add_argument("imported")
    p.add_argument("--label", default="parties")
    x = sub.add_parser("matrix")
    x.add_argument("original")
    x.add_argument("imported")
    x.add_argument("--label", default="matrix")
    m = sub.add_parser("markdown")
    m.add_argument("source")
    m.add_argument("imported")
    m.add_argument("--label", default="markdown")
    args = ap.parse_args()
    return {"sections": cmd_sections, "parties": cmd_parties, "matrix": cmd_matrix,
            "markdown": cmd_markdown}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
