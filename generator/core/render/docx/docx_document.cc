// Body -> document.xml and footnotes.xml (see docx_document.h).
#include "render/docx/docx_document.h"

#include <pugixml.hpp>

#include <functional>
#include <set>
#include <sstream>

#include "util/url.h"

namespace okgen::render::docx {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kHyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

const char* rev_element(Rev r) {
  switch (r) {
    case Rev::ins: return "w:ins";
    case Rev::del: return "w:del";
    case Rev::move_from: return "w:moveFrom";
    case Rev::move_to: return "w:moveTo";
    case Rev::none: break;
  }
  return nullptr;
}

pugi::xml_node child_val(pugi::xml_node parent, const char* name, const std::string& val) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val") = val.c_str();
  return n;
}

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

class Writer {
 public:
  Writer(const Body& body, const SectionSetup& setup, const RevisionAuthor& author, Relationships& rels,
         Relationships& note_rels)
      : body_(body), setup_(setup), author_(author), rels_(rels), note_rels_(note_rels) {
    // Links may only point at bookmarks that exist; a cross reference to something the
    // document does not show (never the case in a composed Doc) keeps its text only.
    std::function<void(const Para&)> scan = [&](const Para& p) {
      if (!p.bookmark.empty()) bookmarks_.insert(p.bookmark);
      for (const auto& t : p.toks)
        if (t.kind == Tok::Kind::note_ref) bookmarks_.insert("note-" + t.note);
    };
    for (const auto& it : body_.items) {
      if (const auto* p = std::get_if<Para>(&it)) scan(*p);
      if (const auto* t = std::get_if<Table>(&it))
        for (const auto& r : t->rows)
          for (const auto& c : r.cells)
            for (const auto& p : c.paras) scan(p);
    }
    for (std::size_t i = 0; i < body_.notes.size(); ++i) note_ids_[body_.notes[i].first] = static_cast<int>(i) + 1;
  }

  DocumentParts run() {
    DocumentParts out;
    pugi::xml_document doc;
    pugi::xml_node root = document_root(doc, "w:document");
    pugi::xml_node b = root.append_child("w:body");
    for (const auto& it : body_.items) {
      if (const auto* p = std::get_if<Para>(&it)) para(b, *p, rels_);
      if (const auto* t = std::get_if<Table>(&it)) table(b, *t);
    }
    if (body_.items.empty() || std::holds_alternative<Table>(body_.items.back())) b.append_child("w:p");
    section_properties(b);
    out.document = save(doc);

    pugi::xml_document notes;
    pugi::xml_node nroot = document_root(notes, "w:footnotes");
    separator(nroot, -1, "separator");
    separator(nroot, 0, "continuationSeparator");
    for (std::size_t i = 0; i < body_.notes.size(); ++i) {
      pugi::xml_node fn = nroot.append_child("w:footnote");
      fn.append_attribute("w:id") = static_cast<int>(i) + 1;
      bool first = true;
      for (const auto& p : body_.notes[i].second) {
        pugi::xml_node wp = para(fn, p, note_rels_);
        if (first) {
          // The note's own number, then a space, before its text.
          pugi::xml_node pPr = wp.child("w:pPr");
          pugi::xml_node r = pPr ? wp.insert_child_after("w:r", pPr) : wp.prepend_child("w:r");
          child_val(r.append_child("w:rPr"), "w:rStyle", "FootnoteReference");
          r.append_child("w:footnoteRef");
          pugi::xml_node sp = wp.insert_child_after("w:r", r);
          pugi::xml_node t = sp.append_child("w:t");
          t.append_attribute("xml:space") = "preserve";
          t.text() = " ";
          first = false;
        }
      }
    }
    out.footnotes = save(notes);
    return out;
  }

 private:
  static pugi::xml_node document_root(pugi::xml_document& doc, const char* name) {
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    pugi::xml_node root = doc.append_child(name);
    root.append_attribute("xmlns:w") = kW;
    root.append_attribute("xmlns:r") = kR;
    return root;
  }

  static void separator(pugi::xml_node notes, int id, const char* type) {
    pugi::xml_node fn = notes.append_child("w:footnote");
    fn.append_attribute("w:type") = type;
    fn.append_attribute("w:id") = id;
    pugi::xml_node p = fn.append_child("w:p");
    pugi::xml_node sp = p.append_child("w:pPr").append_child("w:spacing");
    sp.append_attribute("w:after") = 0;
    sp.append_attribute("w:line") = 240;
    sp.append_attribute("w:lineRule") = "auto";
    p.append_child("w:r").append_child(id < 0 ? "w:separator" : "w:continuationSeparator");
  }

  void stamp(pugi::xml_node n) {
    n.append_attribute("w:id") = next_id_++;
    n.append_attribute("w:author") = author_.author.c_str();
    n.append_attribute("w:date") = author_.date.c_str();
  }

  void bookmark_start(pugi::xml_node parent, const std::string& anchor, int id) {
    pugi::xml_node s = parent.append_child("w:bookmarkStart");
    s.append_attribute("w:id") = id;
    s.append_attribute("w:name") = bookmark_name(anchor).c_str();
  }
  static void bookmark_end(pugi::xml_node parent, int id) { parent.append_child("w:bookmarkEnd").append_attribute("w:id") = id; }

  // The link a token is written under: "" for none; a footnote reference is a link itself.
  std::string link_of(const Tok& t) const {
    if (t.kind == Tok::Kind::note_ref || t.link.empty()) return {};
    if (t.link[0] == '#') return bookmarks_.count(t.link.substr(1)) ? t.link : std::string();
    return util::safe_href(t.link).empty() ? std::string() : t.link;
  }

  pugi::xml_node para(pugi::xml_node parent, const Para& p, Relationships& rels) {
    pugi::xml_node wp = parent.append_child("w:p");
    pugi::xml_node pPr = wp.append_child("w:pPr");
    if (!p.style.empty()) child_val(pPr, "w:pStyle", p.style);
    if (p.keep_next) pPr.append_child("w:keepNext");
    if (p.page_break_before) pPr.append_child("w:pageBreakBefore");
    if (p.num > 0) {
      pugi::xml_node num = pPr.append_child("w:numPr");
      child_val(num, "w:ilvl", std::to_string(p.level));
      child_val(num, "w:numId", std::to_string(p.num));
    }
    if (p.rev != Rev::none) stamp(pPr.append_child("w:rPr").append_child(rev_element(p.rev)));
    if (p.section_end) section_properties(pPr);

    // A moved paragraph sits in a named range; its moveFrom and moveTo ranges share the name.
    const bool moved = !p.move.empty() && (p.rev == Rev::move_from || p.rev == Rev::move_to);
    int range = 0;
    if (moved) {
      pugi::xml_node s = wp.append_child(p.rev == Rev::move_from ? "w:moveFromRangeStart" : "w:moveToRangeStart");
      range = next_id_;
      stamp(s);
      s.append_attribute("w:name") = p.move.c_str();
    }
    int mark = 0;
    if (!p.bookmark.empty()) {
      mark = next_id_++;
      bookmark_start(wp, p.bookmark, mark);
    }
    std::size_t i = 0;
    while (i < p.toks.size()) {
      const std::string link = link_of(p.toks[i]);
      std::size_t j = i + 1;
      while (j < p.toks.size() && link_of(p.toks[j]) == link) ++j;
      pugi::xml_node host = wp;
      if (!link.empty()) {
        host = wp.append_child("w:hyperlink");
        if (link[0] == '#') host.append_attribute("w:anchor") = bookmark_name(link.substr(1)).c_str();
        else host.append_attribute("r:id") = rels.link(link).c_str();
        host.append_attribute("w:history") = 1;
      }
      for (std::size_t k = i; k < j;) {
        const Rev rev = p.toks[k].rev;
        std::size_t m = k + 1;
        while (m < j && p.toks[m].rev == rev) ++m;
        pugi::xml_node wrap = host;
        if (rev != Rev::none) {
          wrap = host.append_child(rev_element(rev));
          stamp(wrap);
        }
        runs(wrap, p.toks, k, m, rev, !link.empty());
        k = m;
      }
      i = j;
    }
    if (!p.bookmark.empty()) bookmark_end(wp, mark);
    if (moved) {
      pugi::xml_node e = wp.append_child(p.rev == Rev::move_from ? "w:moveFromRangeEnd" : "w:moveToRangeEnd");
      e.append_attribute("w:id") = range;
    }
    if (!pPr.first_child()) wp.remove_child(pPr);
    return wp;
  }

  static pugi::xml_node run(pugi::xml_node parent, std::uint8_t fmt, bool link, const char* char_style = nullptr,
                            const std::string& lang = {}) {
    pugi::xml_node r = parent.append_child("w:r");
    const char* style = char_style ? char_style : link ? "Hyperlink" : (fmt & kCode) ? "OkgenCodeChar" : nullptr;
    if (style || (fmt & (kBold | kItalic | kStrike | kUnderline)) || !lang.empty()) {
      pugi::xml_node rPr = r.append_child("w:rPr");  // children in the schema's order
      if (style) child_val(rPr, "w:rStyle", style);
      if (fmt & kBold) rPr.append_child("w:b");
      if (fmt & kItalic) rPr.append_child("w:i");
      if (fmt & kStrike) rPr.append_child("w:strike");
      if (fmt & kUnderline) child_val(rPr, "w:u", "single");
      if (!lang.empty()) child_val(rPr, "w:lang", lang);  // spelling and speech in that language
    }
    return r;
  }

  void runs(pugi::xml_node parent, const std::vector<Tok>& toks, std::size_t from, std::size_t to, Rev rev, bool link) {
    const bool deleted = rev == Rev::del;
    for (std::size_t k = from; k < to;) {
      const Tok& t = toks[k];
      switch (t.kind) {
        case Tok::Kind::text: {
          std::string text;
          std::size_t m = k;
          while (m < to && toks[m].kind == Tok::Kind::text && toks[m].fmt == t.fmt && toks[m].lang == t.lang) text += toks[m++].text;
          pugi::xml_node wt = run(parent, t.fmt, link, nullptr, t.lang).append_child(deleted ? "w:delText" : "w:t");
          wt.append_attribute("xml:space") = "preserve";
          wt.text() = text.c_str();
          k = m;
          continue;
        }
        case Tok::Kind::line_break: run(parent, t.fmt, link).append_child("w:br"); break;
        case Tok::Kind::note_ref: {
          // The first citation: the footnote itself, with a bookmark later citations link to.
          // (A redline can hold an old and a new first citation: one footnote, one reference.)
          if (!notes_referenced_.insert(t.note).second) {
            run(parent, 0, false, "FootnoteReference").append_child(deleted ? "w:delText" : "w:t").text() = t.text.c_str();
            break;
          }
          const int mark = next_id_++;
          bookmark_start(parent, "note-" + t.note, mark);
          auto id = note_ids_.find(t.note);
          pugi::xml_node r = run(parent, 0, false, "FootnoteReference");
          if (id != note_ids_.end()) r.append_child("w:footnoteReference").append_attribute("w:id") = id->second;
          else r.append_child(deleted ? "w:delText" : "w:t").text() = t.text.c_str();
          bookmark_end(parent, mark);
          break;
        }
        case Tok::Kind::note_again:
          run(parent, 0, false, "FootnoteReference").append_child(deleted ? "w:delText" : "w:t").text() = t.text.c_str();
          break;
        case Tok::Kind::field_begin: {
          run(parent, 0, false).append_child("w:fldChar").append_attribute("w:fldCharType") = "begin";
          pugi::xml_node it = run(parent, 0, false).append_child(deleted ? "w:delInstrText" : "w:instrText");
          it.append_attribute("xml:space") = "preserve";
          it.text() = t.text.c_str();
          break;
        }
        case Tok::Kind::field_sep: run(parent, 0, false).append_child("w:fldChar").append_attribute("w:fldCharType") = "separate"; break;
        case Tok::Kind::field_end: run(parent, 0, false).append_child("w:fldChar").append_attribute("w:fldCharType") = "end"; break;
      }
      ++k;
    }
  }

  void table(pugi::xml_node parent, const Table& t) {
    pugi::xml_node tbl = parent.append_child("w:tbl");
    pugi::xml_node pr = tbl.append_child("w:tblPr");
    child_val(pr, "w:tblStyle", t.style);
    int total = 0;
    for (int w : t.widths) total += w;
    pugi::xml_node tw = pr.append_child("w:tblW");
    tw.append_attribute("w:w") = total;
    tw.append_attribute("w:type") = "dxa";
    pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    pugi::xml_node look = pr.append_child("w:tblLook");
    look.append_attribute("w:val") = "04A0";
    look.append_attribute("w:firstRow") = t.borderless ? 0 : 1;
    look.append_attribute("w:firstColumn") = 0;
    look.append_attribute("w:lastRow") = 0;
    look.append_attribute("w:lastColumn") = 0;
    look.append_attribute("w:noHBand") = 1;
    look.append_attribute("w:noVBand") = 1;
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    for (int w : t.widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
    for (const auto& r : t.rows) {
      pugi::xml_node tr = tbl.append_child("w:tr");
      pugi::xml_node trPr = tr.append_child("w:trPr");
      trPr.append_child("w:cantSplit");
      if (r.header) trPr.append_child("w:tblHeader");
      if (r.rev != Rev::none) stamp(trPr.append_child(r.rev == Rev::del || r.rev == Rev::move_from ? "w:del" : "w:ins"));
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const Cell& cell = r.cells[c];
        pugi::xml_node tc = tr.append_child("w:tc");
        pugi::xml_node tcPr = tc.append_child("w:tcPr");
        pugi::xml_node w = tcPr.append_child("w:tcW");
        w.append_attribute("w:w") = c < t.widths.size() ? t.widths[c] : 0;
        w.append_attribute("w:type") = "dxa";
        if (!t.borderless && (r.header || cell.header)) {
          pugi::xml_node shd = tcPr.append_child("w:shd");
          shd.append_attribute("w:val") = "clear";
          shd.append_attribute("w:color") = "auto";
          shd.append_attribute("w:fill") = (r.header ? setup_.header_fill : setup_.row_header_fill).c_str();
        }
        for (const auto& p : cell.paras) para(tc, p, rels_);
      }
    }
  }

  // Page, margins, running header and footer; every section's first page is a title page
  // without them. `parent` is the body (the last section) or a paragraph's properties.
  void section_properties(pugi::xml_node parent) {
    pugi::xml_node s = parent.append_child("w:sectPr");
    if (!setup_.header_rel.empty()) {
      pugi::xml_node h = s.append_child("w:headerReference");
      h.append_attribute("w:type") = "default";
      h.append_attribute("r:id") = setup_.header_rel.c_str();
    }
    if (!setup_.footer_rel.empty()) {
      pugi::xml_node f = s.append_child("w:footerReference");
      f.append_attribute("w:type") = "default";
      f.append_attribute("r:id") = setup_.footer_rel.c_str();
    }
    pugi::xml_node sz = s.append_child("w:pgSz");
    sz.append_attribute("w:w") = setup_.page_width;
    sz.append_attribute("w:h") = setup_.page_height;
    pugi::xml_node m = s.append_child("w:pgMar");
    m.append_attribute("w:top") = setup_.margin_top;
    m.append_attribute("w:right") = setup_.margin_right;
    m.append_attribute("w:bottom") = setup_.margin_bottom;
    m.append_attribute("w:left") = setup_.margin_left;
    m.append_attribute("w:header") = setup_.header_distance;
    m.append_attribute("w:footer") = setup_.footer_distance;
    m.append_attribute("w:gutter") = 0;
    s.append_child("w:titlePg");
  }

  const Body& body_;
  const SectionSetup& setup_;
  const RevisionAuthor& author_;
  Relationships& rels_;
  Relationships& note_rels_;
  std::set<std::string> bookmarks_;
  std::map<std::string, int> note_ids_;
  std::set<std::string> notes_referenced_;
  int next_id_ = 1;  ///< annotation ids (bookmarks, revisions), unique in the part
};

}  // namespace

std::string Relationships::add(const std::string& type, const std::string& target, bool external) {
  Rel r{"rId" + std::to_string(rels.size() + 1), type, target, external};
  rels.push_back(r);
  return r.id;
}

std::string Relationships::link(const std::string& url) {
  auto it = links_.find(url);
  if (it != links_.end()) return it->second;
  const std::string id = add(kHyperlinkType, url, true);
  links_.emplace(url, id);
  return id;
}

DocumentParts write_document(const Body& body, const SectionSetup& setup, const RevisionAuthor& author,
                             Relationships& rels, Relationships& note_rels) {
  return Writer(body, setup, author, rels, note_rels).run();
}

}  // namespace okgen::render::docx
