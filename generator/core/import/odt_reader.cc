// ODT -> Imported (see readers.h): content.xml (text:h with its outline level, text:p,
// nested text:list, table:table, text:note, text:a, spans whose automatic style is bold or
// italic) and styles.xml (list styles, the Title and Subtitle styles). Tracked changes are
// taken as accepted (deleted text lives in text:tracked-changes, which is skipped); the
// table of contents and office:annotation (comments) are not text.
#include <pugixml.hpp>

#include <cstring>
#include <map>

#include "import/readers.h"
#include "import/zip_reader.h"

namespace okgen::import {
namespace {


struct TextStyle {
  bool bold = false, italic = false;
  std::string parent, display;
};

class OdtReader {
 public:
  explicit OdtReader(ZipReader& zip) : zip_(zip) {}

  ReadResult run() {
    ReadResult r;
    for (const auto& n : zip_.names()) {
      if (n.rfind("Basic/", 0) == 0 || n.rfind("Scripts/", 0) == 0) return fail("import-macros", n);
    }
    if (auto mimetype = zip_.read("mimetype")) {
      if (mimetype->find("opendocument.text") == std::string::npos) return fail("import-not-a-package", "mimetype");
    }
    if (auto manifest = zip_.read("META-INF/manifest.xml"); manifest && manifest->find("encryption-data") != std::string::npos) {
      return fail("import-encrypted", "");
    }
    auto styles = xml("styles.xml", r, false);
    if (!r.problem.empty()) return r;
    auto content = xml("content.xml", r, true);
    if (!content) return r;
    if (styles) read_styles(styles->child("office:document-styles"));
    read_styles(content->child("office:document-content"));
    if (auto meta = xml("meta.xml", r, false)) out_.title = meta->child("office:document-meta").child("office:meta").child("dc:title").text().get();
    if (!r.problem.empty()) return r;
    out_.format = "odt";
    pugi::xml_node text = content->child("office:document-content").child("office:body").child("office:text");
    blocks(text, 0, nullptr);
    add_contents_only(contents_, {}, out_.blocks);
    r.doc = std::move(out_);
    return r;
  }

 private:
  ReadResult fail(const std::string& rule, const std::string& part) {
    ReadResult r;
    r.problem = rule;
    r.part = part;
    return r;
  }

  std::optional<pugi::xml_document> xml(const std::string& name, ReadResult& r, bool required) {
    auto data = zip_.read(name);
    if (!data) {
      if (zip_.problem() != ZipProblem::none) {
        r.problem = zip_problem_rule(zip_.problem());
        r.part = zip_.problem_part();
      } else if (required) {
        r.problem = "import-missing-part";
        r.part = name;
      }
      return std::nullopt;
    }
    if (has_doctype(*data)) {
      r.problem = "xml-doctype";
      r.part = name;
      return std::nullopt;
    }
    std::optional<pugi::xml_document> doc(std::in_place);
    auto res = doc->load_buffer(data->data(), data->size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!res) {
      r.problem = "xml-syntax";
      r.part = name;
      r.detail = res.description();
      return std::nullopt;
    }
    return doc;
  }

  void read_styles(pugi::xml_node root) {
    for (const char* group : {"office:styles", "office:automatic-styles"}) {
      for (pugi::xml_node s : root.child(group).children()) {
        if (is(s, "style:style")) {
          TextStyle t;
          pugi::xml_node props = s.child("style:text-properties");
          t.bold = std::string(props.attribute("fo:font-weight").value()) == "bold";
          t.italic = std::string(props.attribute("fo:font-style").value()) == "italic";
          t.parent = s.attribute("style:parent-style-name").value();
          t.display = s.attribute("style:display-name").value();
          styles_[s.attribute("style:name").value()] = t;
        } else if (is(s, "text:list-style")) {
          // Level 1 decides: numbered or bulleted (nested levels follow their own).
          std::map<int, bool> levels;
          for (pugi::xml_node l : s.children()) {
            const int level = l.attribute("text:level").as_int(1);
            levels[level] = is(l, "text:list-level-style-number");
          }
          list_styles_[s.attribute("style:name").value()] = levels;
        }
      }
    }
  }

  bool style_named(const std::string& name, const char* a, const char* b, int depth = 0) const {
    if (name.empty() || depth > 20) return false;
    if (name == a || name == b) return true;
    auto it = styles_.find(name);
    if (it == styles_.end()) return false;
    return it->second.display == a || it->second.display == b || style_named(it->second.parent, a, b, depth + 1);
  }

  void blocks(pugi::xml_node parent, int list_level, const std::map<int, bool>* list) {
    for (pugi::xml_node n : parent.children()) {
      if (is(n, "text:h")) {
        ++paragraphs_;
        Block b;
        b.kind = Block::Kind::heading;
        b.level = n.attribute("text:outline-level").as_int(1);
        b.number = n.child("text:number").text().get();
        while (!b.number.empty() && (b.number.back() == '.' || b.number.back() == ' ')) b.number.pop_back();
        b.runs = trim_runs(inlines(n));
        b.origin = "stycke " + std::to_string(paragraphs_);
        if (!plain(b.runs).empty()) out_.blocks.push_back(std::move(b));
      } else if (is(n, "text:p")) {
        paragraph(n, list_level, list);
      } else if (is(n, "text:list")) {
        const std::string style = n.attribute("text:style-name").value();
        auto it = list_styles_.find(style);
        const std::map<int, bool>* l = it != list_styles_.end() ? &it->second : list;
        for (pugi::xml_node item : n.children()) {
          if (is(item, "text:list-item") || is(item, "text:list-header")) {
            first_in_item_ = true;
            blocks(item, list_level + 1, l);
          }
        }
      } else if (is(n, "table:table")) {
        table(n);
      } else if (is(n, "text:section") || is(n, "text:change-start") || is(n, "text:soft-page-break")) {
        if (is(n, "text:section")) blocks(n, list_level, list);
      } else if (is(n, "text:tracked-changes")) {
        for (pugi::xml_node c : n.children("text:changed-region")) {
          if (c.child("text:insertion")) ++out_.insertions;
          if (c.child("text:deletion")) ++out_.deletions;
        }
      } else if (is(n, "text:table-of-content")) {
        // Furniture, but its entries are remembered: a section it promises and the text
        // lacks shows (add_contents_only).
        for (pugi::xml_node p : n.child("text:index-body").children()) {
          if (!is(p, "text:p")) continue;
          if (auto e = contents_entry(plain(inlines(p)), "innehållsförteckningen")) contents_.push_back(std::move(*e));
        }
      }
      // text:sequence-decls, office:forms: furniture.
    }
  }

  void paragraph(pugi::xml_node n, int list_level, const std::map<int, bool>* list) {
    ++paragraphs_;
    const std::string style = n.attribute("text:style-name").value();
    Runs runs = trim_runs(inlines(n));
    if (plain(runs).find_first_not_of(" \t\n") == std::string::npos) return;
    if (list_level == 0 && style_named(style, "Title", "Titel") && out_.title.empty()) {
      out_.title = trim(plain(runs));
      return;
    }
    if (list_level == 0 && style_named(style, "Subtitle", "Underrubrik") && out_.subtitle.empty()) {
      out_.subtitle = trim(plain(runs));
      return;
    }
    Block b;
    b.origin = "stycke " + std::to_string(paragraphs_);
    b.runs = std::move(runs);
    if (list_level > 0) {
      if (first_in_item_) {
        b.kind = Block::Kind::list_item;
        b.level = list_level - 1;
        bool ordered = false;
        if (list) {
          auto it = list->find(list_level);
          ordered = it != list->end() ? it->second : (!list->empty() && list->begin()->second);
        }
        b.ordered = ordered;
        first_in_item_ = false;
      }
    }
    out_.blocks.push_back(std::move(b));
  }

  void table(pugi::xml_node t) {
    Block b;
    b.kind = Block::Kind::table;
    b.origin = "tabell efter stycke " + std::to_string(paragraphs_);
    auto rows = [&](pugi::xml_node parent, auto& self) -> void {
      for (pugi::xml_node r : parent.children()) {
        if (is(r, "table:table-header-rows")) {  // repeated on each page: a header
          if (b.rows.empty()) b.header_row = true;
          self(r, self);
        } else if (is(r, "table:table-rows")) {
          self(r, self);
        } else if (is(r, "table:table-row")) {
          std::vector<Runs> row;
          for (pugi::xml_node c : r.children()) {
            if (!is(c, "table:table-cell") && !is(c, "table:covered-table-cell")) continue;
            Runs cell;
            // A cell's paragraphs, also those of a list in it (each item a paragraph, as a
            // Word cell's list items are): no text of a cell is left behind.
            auto paragraphs = [&](pugi::xml_node holder, auto& inner) -> void {
              for (pugi::xml_node p : holder.children()) {
                if (is(p, "text:list") || is(p, "text:list-item") || is(p, "text:list-header") || is(p, "text:section")) {
                  inner(p, inner);
                  continue;
                }
                if (!is(p, "text:p") && !is(p, "text:h")) continue;
                Runs pr = trim_runs(inlines(p));
                if (pr.empty()) continue;
                if (!cell.empty()) cell.push_back(cell_break_run());
                cell.insert(cell.end(), pr.begin(), pr.end());
              }
            };
            paragraphs(c, paragraphs);
            if (is(c, "table:covered-table-cell") && cell.empty()) continue;  // merged away
            row.push_back(std::move(cell));
          }
          b.rows.push_back(std::move(row));
        }
      }
    };
    rows(t, rows);
    if (!b.rows.empty()) out_.blocks.push_back(std::move(b));
  }

  Runs inlines(pugi::xml_node n, bool bold = false, bool italic = false, const std::string& href = {}) {
    Runs out;
    auto text = [&](const std::string& t) {
      if (!out.empty() && out.back().kind == Run::Kind::text && out.back().bold == bold && out.back().italic == italic &&
          out.back().href == href) {
        out.back().text += t;
      } else {
        out.push_back(text_run(t, bold, italic, href));
      }
    };
    for (pugi::xml_node c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text(c.value());
      } else if (is(c, "text:span")) {
        auto it = styles_.find(c.attribute("text:style-name").value());
        const bool b = bold || (it != styles_.end() && it->second.bold);
        const bool i = italic || (it != styles_.end() && it->second.italic);
        for (auto& r : inlines(c, b, i, href)) out.push_back(std::move(r));
      } else if (is(c, "text:a")) {
        // Links inside the document point at the source's bookmarks, which the import does
        // not keep: their text stays, the link goes.
        const std::string target = c.attribute("xlink:href").value();
        for (auto& r : inlines(c, bold, italic, target.rfind('#', 0) == 0 ? std::string() : target)) out.push_back(std::move(r));
      } else if (is(c, "text:s")) {
        text(std::string(static_cast<std::size_t>(std::max(1, c.attribute("text:c").as_int(1))), ' '));
      } else if (is(c, "text:tab")) {
        text("\t");
      } else if (is(c, "text:line-break")) {
        out.push_back(break_run());
      } else if (is(c, "text:note")) {
        const std::string key = std::string("odt-") + c.attribute("text:id").value() + "-" + std::to_string(out_.notes.size());
        Runs note;
        for (pugi::xml_node p : c.child("text:note-body").children()) {
          Runs pr = trim_runs(inlines(p));
          if (!note.empty() && !pr.empty()) note.push_back(text_run(" "));
          note.insert(note.end(), pr.begin(), pr.end());
        }
        out_.notes.emplace_back(key, std::move(note));
        out.push_back(note_run(key));
      } else if (is(c, "office:annotation")) {
        std::string t;
        for (pugi::xml_node p : c.children("text:p")) t += (t.empty() ? "" : " ") + plain(inlines(p));
        out_.comments.push_back(std::string(c.child("dc:creator").text().get()) + ": " + t);
      } else if (is(c, "text:bookmark") || is(c, "text:bookmark-start") || is(c, "text:bookmark-end") ||
                 is(c, "text:change") || is(c, "text:change-start") || is(c, "text:change-end") || is(c, "text:soft-page-break") ||
                 is(c, "text:number")) {
        // markers, and a heading's number (read separately)
      } else if (is(c, "draw:frame")) {
        for (pugi::xml_node box : c.children("draw:text-box"))
          for (pugi::xml_node p : box.children("text:p")) {
            const std::string t = trim(plain(inlines(p)));
            if (!t.empty()) out_.cover.push_back(t);
          }
      } else {
        for (auto& r : inlines(c, bold, italic, href)) out.push_back(std::move(r));  // fields and the like: their text
      }
    }
    return out;
  }

  ZipReader& zip_;
  Imported out_;
  std::map<std::string, TextStyle> styles_;
  std::map<std::string, std::map<int, bool>> list_styles_;
  int paragraphs_ = 0;
  bool first_in_item_ = false;
  std::vector<ContentsEntry> contents_;  ///< the contents index's entries
};

}  // namespace

ReadResult read_odt(const std::string& data) {
  ZipReader zip(data);
  if (zip.problem() != ZipProblem::none) {
    ReadResult r;
    r.problem = zip_problem_rule(zip.problem());
    return r;
  }
  return OdtReader(zip).run();
}

}  // namespace okgen::import
