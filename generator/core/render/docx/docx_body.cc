// Doc -> DOCX body (see docx_body.h): the same order and wording as the PDF (title page,
// contents, sections, other references, revision history, signatures).
#include "render/docx/docx_body.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <numeric>
#include <utility>

#include "diff/word_diff.h"
#include "text/template_engine.h"

namespace okgen::render::docx {

using model::Block;
using model::Blocks;
using model::Inlines;

namespace {

std::string label(const text::Catalog& labels, const std::string& key, const text::Value& ctx = {}) {
  return text::render(labels.get("labels", key), ctx, text::Escape::none);
}

class BodyBuilder {
 public:
  BodyBuilder(const compose::Doc& doc, const text::Catalog& labels, const BodyGeometry& g)
      : doc_(doc), labels_(labels), g_(g) {
    for (const auto& n : doc_.notes) {
      if (!n.backrefs.empty()) first_citation_[n.id] = n.backrefs.front();
    }
  }

  std::vector<Item> loose(const Blocks& bs, const std::string& style, std::vector<ListNumbering>& lists) {
    body_.lists = std::move(lists);
    std::vector<Item> out;
    blocks(out, bs, Context{style, -1});
    lists = std::move(body_.lists);
    return out;
  }

  Body run() {
    title_page();
    contents();
    for (const auto& s : doc_.sections) section(s);
    end_matter();
    footnotes();
    return std::move(body_);
  }

 private:
  // ---- inlines -> tokens

  void text(Para& p, const std::string& t, std::uint8_t fmt, const std::string& link) {
    // Words and spaces as separate tokens: the redline compares them one by one; the
    // serialiser joins neighbours with the same formatting into one run again.
    for (auto& w : diff::tokenize(t)) {
      Tok tok;
      tok.text = std::move(w);
      tok.fmt = fmt;
      tok.link = link;
      tok.lang = lang_;
      p.toks.push_back(std::move(tok));
    }
  }

  void inlines(Para& p, const Inlines& ins, std::uint8_t fmt = 0, const std::string& link = {}) {
    for (const auto& in : ins) {
      std::visit(model::overloaded{
                     [&](const model::Text& t) { text(p, t.text, fmt, link); },
                     [&](const model::Emph& e) { inlines(p, e.children, fmt | kItalic, link); },
                     [&](const model::Strong& s) { inlines(p, s.children, fmt | kBold, link); },
                     [&](const model::Code& c) { text(p, c.text, fmt | kCode, link); },
                     [&](const model::Link& l) { inlines(p, l.children, fmt, l.href); },
                     [&](const model::SoftBreak&) { text(p, " ", fmt, link); },
                     [&](const model::LineBreak&) {
                       Tok t;
                       t.kind = Tok::Kind::line_break;
                       p.toks.push_back(std::move(t));
                     },
                     [&](const model::Citation& c) {
                       // Word numbers footnotes itself, in reference order, which is the
                       // order okgen numbered them in; a note has one reference, later
                       // citations show its number linked to it.
                       Tok t;
                       auto first = first_citation_.find(c.target);
                       const bool is_first = first != first_citation_.end() && first->second == c.anchor;
                       t.kind = is_first ? Tok::Kind::note_ref : Tok::Kind::note_again;
                       t.note = c.target;
                       t.text = std::to_string(c.number);
                       t.link = "#note-" + c.target;
                       p.toks.push_back(std::move(t));
                     },
                     [&](const model::CrossRef& x) { inlines(p, x.children, fmt, "#" + x.target); },
                     // A redline's change as formatting (okgen's Word redline is tracked
                     // changes instead, see docx_redline.h).
                     [&](const model::Edit& e) {
                       inlines(p, e.children, fmt | (e.kind == model::Edit::Kind::inserted ? kUnderline : kStrike), link);
                     },
                     [&](const model::Lang& l) {
                       const std::string outer = std::exchange(lang_, l.lang);
                       inlines(p, l.children, fmt, link);
                       lang_ = outer;
                     },
                 },
                 in.node);
    }
  }

  Para para(const std::string& style, const Inlines& ins) {
    Para p;
    p.style = style;
    inlines(p, ins);
    return p;
  }
  Para para(const std::string& style, const std::string& t, std::uint8_t fmt = 0) {
    Para p;
    p.style = style;
    text(p, t, fmt, {});
    return p;
  }

  // ---- blocks

  struct Context {
    std::string style;  ///< paragraph style of running text here
    int level = -1;     ///< list level of the enclosing list item (-1 = none)
  };

  void blocks(std::vector<Item>& out, const Blocks& bs, const Context& ctx) {
    for (std::size_t i = 0; i < bs.size(); ++i) {
      // Signature blocks side by side, as on paper.
      if (const auto* d = std::get_if<model::Div>(&bs[i].node); d && d->role == "signatories") {
        signatories(out, d->children);
        continue;
      }
      block(out, bs[i], ctx);
    }
  }

  void block(std::vector<Item>& out, const Block& b, const Context& ctx) {
    std::visit(model::overloaded{
                   [&](const model::Paragraph& p) { out.emplace_back(para(ctx.style, p.content)); },
                   [&](const model::List& l) { list(out, l, ctx); },
                   [&](const model::BlockQuote& q) { blocks(out, q.children, Context{"Quote", ctx.level}); },
                   [&](const model::CodeBlock& c) {
                     Para p;
                     p.style = "OkgenCode";
                     std::size_t start = 0;
                     std::string t = c.text;
                     while (!t.empty() && t.back() == '\n') t.pop_back();
                     while (start <= t.size()) {
                       const std::size_t end = std::min(t.find('\n', start), t.size());
                       if (start > 0) p.toks.push_back(Tok{Tok::Kind::line_break, {}, 0, {}, {}, Rev::none, {}});
                       text(p, t.substr(start, end - start), kCode, {});
                       start = end + 1;
                     }
                     out.emplace_back(std::move(p));
                   },
                   [&](const model::ThematicBreak&) { out.emplace_back(para("OkgenRule", std::string())); },
                   [&](const model::Table& t) { table(out, t, ctx); },
                   [&](const model::Div& d) {
                     const bool group = std::find(g_.group_roles.begin(), g_.group_roles.end(), d.role) != g_.group_roles.end();
                     blocks(out, d.children, group ? Context{"OkgenGroup", ctx.level} : ctx);
                   },
               },
               b.node);
  }

  void list(std::vector<Item>& out, const model::List& l, const Context& ctx) {
    const int level = std::min(ctx.level + 1, 8);
    body_.lists.push_back(ListNumbering{l.ordered, l.start, level});
    const int num = static_cast<int>(body_.lists.size());
    for (const auto& item : l.items) {
      const std::size_t first = out.size();
      blocks(out, item, Context{"ListParagraph", level});
      // The item's first paragraph carries the marker; the rest continue at its indent.
      bool marked = false;
      for (std::size_t i = first; i < out.size(); ++i) {
        auto* p = std::get_if<Para>(&out[i]);
        if (!p) continue;
        if (!marked && p->num == 0) {
          p->num = num;
          p->level = level;
          marked = true;
        } else if (p->num == 0 && p->style == "ListParagraph") {
          p->style = "ListContinue" + std::to_string(std::min(level + 1, 5));
        }
      }
      if (!marked) {  // an empty item still shows its marker
        Para p = para("ListParagraph", std::string());
        p.num = num;
        p.level = level;
        out.emplace_back(std::move(p));
      }
    }
  }

  std::vector<int> widths(const std::vector<int>& rel, std::size_t columns, int total) const {
    std::vector<int> w;
    if (columns == 0) return w;
    if (rel.size() == columns && std::accumulate(rel.begin(), rel.end(), 0) > 0) {
      const int sum = std::accumulate(rel.begin(), rel.end(), 0);
      for (int r : rel) w.push_back(total * r / sum);
    } else {
      w.assign(columns, total / static_cast<int>(columns));
    }
    return w;
  }

  void table(std::vector<Item>& out, const model::Table& t, const Context& ctx) {
    if (!t.caption.empty()) {
      Para c = para("Caption", t.caption);
      c.keep_next = true;
      out.emplace_back(std::move(c));
    }
    Table tbl;
    tbl.style = "OkgenTable";
    std::size_t columns = 0;
    for (const auto* rows : {&t.head, &t.body})
      for (const auto& r : *rows) columns = std::max(columns, r.cells.size());
    tbl.widths = widths(t.widths, columns, g_.text_width);
    auto add = [&](const model::TableRow& r, bool head) {
      Row row;
      row.header = head;
      for (const auto& c : r.cells) {
        Cell cell;
        cell.header = c.header;
        std::vector<Item> items;
        blocks(items, c.content, Context{head ? "OkgenTableHeader" : c.header ? "OkgenTableRowHeader" : "OkgenTableText", -1});
        for (auto& it : items) {
          if (auto* p = std::get_if<Para>(&it)) cell.paras.push_back(std::move(*p));
          // A table inside a cell does not occur in generated tables; its text is kept.
          if (auto* inner = std::get_if<Table>(&it))
            for (auto& ir : inner->rows)
              for (auto& ic : ir.cells)
                for (auto& ip : ic.paras) cell.paras.push_back(std::move(ip));
        }
        if (cell.paras.empty()) cell.paras.push_back(para(head ? "OkgenTableHeader" : "OkgenTableText", std::string()));
        row.cells.push_back(std::move(cell));
      }
      while (row.cells.size() < columns) {  // ragged rows stay rectangular
        Cell cell;
        cell.paras.push_back(para("OkgenTableText", std::string()));
        row.cells.push_back(std::move(cell));
      }
      tbl.rows.push_back(std::move(row));
    };
    for (const auto& r : t.head) add(r, true);
    for (const auto& r : t.body) add(r, false);
    (void)ctx;
    out.emplace_back(std::move(tbl));
  }

  void signatories(std::vector<Item>& out, const Blocks& grid) {
    const int cols = std::max(1, g_.signature_columns);
    Table tbl;
    tbl.style = "OkgenSignatureTable";
    tbl.borderless = true;
    tbl.widths.assign(static_cast<std::size_t>(cols), g_.text_width / cols);
    Row row;
    for (const auto& b : grid) {
      Cell cell;
      std::vector<Item> items;
      blocks(items, {b}, Context{"OkgenSignature", -1});
      for (auto& it : items)
        if (auto* p = std::get_if<Para>(&it)) {
          if (p->style == "OkgenRule") p->style = "OkgenSignatureLine";
          cell.paras.push_back(std::move(*p));
        }
      row.cells.push_back(std::move(cell));
      if (static_cast<int>(row.cells.size()) == cols) {
        tbl.rows.push_back(std::move(row));
        row = Row{};
      }
    }
    if (!row.cells.empty()) {
      while (static_cast<int>(row.cells.size()) < cols) {
        Cell cell;
        cell.paras.push_back(para("OkgenSignature", std::string()));
        row.cells.push_back(std::move(cell));
      }
      tbl.rows.push_back(std::move(row));
    }
    if (!tbl.rows.empty()) out.emplace_back(std::move(tbl));
  }

  // ---- document parts

  void title_page() {
    auto& out = body_.items;
    std::string kind = doc_.kind_label;
    if (!doc_.region.empty()) kind += " · " + doc_.region;
    out.emplace_back(para("OkgenKind", kind));
    out.emplace_back(para("Title", doc_.title));
    if (!doc_.subtitle.empty()) out.emplace_back(para("Subtitle", doc_.subtitle));
    if (!doc_.meta.empty()) {
      Table tbl;
      tbl.style = "OkgenMetaTable";
      tbl.borderless = true;
      tbl.widths = {g_.text_width * 3 / 10, g_.text_width - g_.text_width * 3 / 10};
      for (const auto& m : doc_.meta) {
        Row row;
        Cell key;
        key.header = true;
        key.paras.push_back(para("OkgenMetaLabel", m.label));
        Cell value;
        std::vector<Item> items;
        blocks(items, m.value, Context{"OkgenMeta", -1});
        for (auto& it : items)
          if (auto* p = std::get_if<Para>(&it)) value.paras.push_back(std::move(*p));
        if (value.paras.empty()) value.paras.push_back(para("OkgenMeta", std::string()));
        row.cells.push_back(std::move(key));
        row.cells.push_back(std::move(value));
        tbl.rows.push_back(std::move(row));
      }
      out.emplace_back(std::move(tbl));
    }
  }

  bool has_endnotes() const {
    return std::any_of(doc_.notes.begin(), doc_.notes.end(), [](const compose::Note& n) { return n.backrefs.empty(); });
  }

  // The table of contents as Word writes it: a TOC field whose result (the entries, each
  // a link to its heading's bookmark) is already filled in, so it reads right before
  // anyone updates fields; Word's "Update table" rebuilds it from the heading styles.
  void contents() {
    auto& out = body_.items;
    Para head = para("TOCHeading", label(labels_, "pdf.toc"));
    head.page_break_before = true;
    out.emplace_back(std::move(head));
    std::vector<Para> entries;
    std::function<void(const compose::DocSection&)> add = [&](const compose::DocSection& s) {
      if (s.depth > 2) return;
      Para p;
      p.style = s.depth == 1 ? "TOC1" : "TOC2";
      text(p, s.number.empty() ? s.heading : s.number + " " + s.heading, 0, "#" + s.id);
      entries.push_back(std::move(p));
      for (const auto& c : s.children) add(c);
    };
    for (const auto& s : doc_.sections) add(s);
    auto extra = [&](const std::string& key, const std::string& anchor) {
      Para p;
      p.style = "TOC1";
      text(p, label(labels_, key), 0, "#" + anchor);
      entries.push_back(std::move(p));
    };
    if (has_endnotes()) extra("pdf.endnotes", "endnotes");
    if (doc_.revisions) extra("pdf.revisions", "revisions");
    if (!doc_.signatures.empty()) extra("pdf.signatures", "signatures");
    if (entries.empty()) entries.push_back(para("TOC1", std::string()));
    Tok begin;
    begin.kind = Tok::Kind::field_begin;
    begin.text = " TOC \\o \"1-2\" \\h \\z \\u ";
    Tok sep;
    sep.kind = Tok::Kind::field_sep;
    entries.front().toks.insert(entries.front().toks.begin(), {begin, sep});
    for (auto& e : entries) out.emplace_back(std::move(e));
    Para end;
    end.style = "TOC1";
    Tok e;
    e.kind = Tok::Kind::field_end;
    end.toks.push_back(e);
    out.emplace_back(std::move(end));
  }

  void heading(const std::string& number, const std::string& t, int depth, const std::string& anchor,
               bool page_break = false) {
    Para p = para("Heading" + std::to_string(std::clamp(depth, 1, 6)), number.empty() ? t : number + " " + t);
    p.bookmark = anchor;
    p.page_break_before = page_break;
    body_.items.emplace_back(std::move(p));
  }

  void section(const compose::DocSection& s) {
    // The first section starts on a new page after the contents, as in the PDF.
    heading(s.number, s.heading, s.depth, s.id, !first_section_done_);
    first_section_done_ = true;
    blocks(body_.items, s.blocks, Context{"", -1});
    for (const auto& c : s.children) section(c);
  }

  void end_matter() {
    auto& out = body_.items;
    if (has_endnotes()) {
      heading("", label(labels_, "pdf.endnotes"), 1, "endnotes");
      for (const auto& n : doc_.notes) {
        if (!n.backrefs.empty()) continue;
        std::vector<Item> items;
        blocks(items, n.text, Context{"OkgenEndnote", -1});
        bool numbered = false;
        for (auto& it : items) {
          auto* p = std::get_if<Para>(&it);
          if (p && !numbered) {
            Tok number;
            number.text = std::to_string(n.number) + ".";
            Tok gap;
            gap.text = " ";
            p->toks.insert(p->toks.begin(), {number, gap});
            p->bookmark = "fn-" + std::to_string(n.number);
            numbered = true;
          }
          out.push_back(std::move(it));
        }
      }
    }
    if (doc_.revisions) {
      heading("", label(labels_, "pdf.revisions"), 1, "revisions");
      model::Table t = *doc_.revisions;
      t.caption.clear();  // the heading says it
      table(out, t, Context{});
    }
    if (!doc_.signatures.empty()) {
      heading("", label(labels_, "pdf.signatures"), 1, "signatures", true);
      blocks(out, doc_.signatures, Context{"", -1});
    }
  }

  void footnotes() {
    for (const auto& n : doc_.notes) {
      if (n.backrefs.empty()) continue;
      std::vector<Item> items;
      blocks(items, n.text, Context{"FootnoteText", -1});
      std::vector<Para> paras;
      for (auto& it : items)
        if (auto* p = std::get_if<Para>(&it)) paras.push_back(std::move(*p));
      if (paras.empty()) paras.push_back(para("FootnoteText", std::string()));
      body_.notes.emplace_back(n.id, std::move(paras));
    }
  }

  const compose::Doc& doc_;
  const text::Catalog& labels_;
  const BodyGeometry& g_;
  Body body_;
  std::map<std::string, std::string> first_citation_;  ///< note id -> anchor of its first citation
  std::string lang_;  ///< the language of the words being added (model::Lang), "" = the document's
  bool first_section_done_ = false;
};

}  // namespace

std::string Para::key() const {
  std::string k;
  for (const auto& t : toks) {
    k += static_cast<char>('0' + static_cast<int>(t.kind));
    k += t.kind == Tok::Kind::note_ref || t.kind == Tok::Kind::note_again ? t.note : t.text;
  }
  return k;
}

Body build_body(const compose::Doc& doc, const text::Catalog& labels, const BodyGeometry& geometry) {
  return BodyBuilder(doc, labels, geometry).run();
}

std::vector<Item> build_blocks(const model::Blocks& blocks, const std::string& style, Body& body,
                               const text::Catalog& labels, const BodyGeometry& geometry) {
  static const compose::Doc kNoDoc;
  return BodyBuilder(kNoDoc, labels, geometry).loose(blocks, style, body.lists);
}

std::string bookmark_name(const std::string& anchor) {
  // A leading "_" hides the bookmark in Word's list, as Word's own _Toc bookmarks are.
  std::string out = "_";
  bool replaced = false;
  for (unsigned char c : anchor) {
    const bool ok = c < 0x80 && std::isalnum(c);
    out += ok ? static_cast<char>(c) : '_';
    replaced = replaced || (!ok && c != '-');
  }
  // Word keeps names up to 40 characters; a longer id, or one whose characters had to be
  // replaced (two ids could meet), keeps its start and a hash of the whole id.
  if (out.size() > 40 || replaced) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : anchor) h = (h ^ c) * 16777619u;
    char tail[10];
    std::snprintf(tail, sizeof tail, "_%08x", h);
    out = out.substr(0, std::min<std::size_t>(out.size(), 31)) + tail;
  }
  return out;
}

}  // namespace okgen::render::docx
