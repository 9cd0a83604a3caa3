// DOCX -> Imported (see readers.h): word/document.xml with styles.xml (headings by style,
// by a style based on one, by outline level; Swedish Word's ids "Rubrik1"), numbering.xml
// (lists and numbered headings), footnotes, endnotes, comments and hyperlinks. Tracked
// changes are taken as accepted; the table of contents, headers and footers are furniture;
// text boxes are cover text.
#include <pugixml.hpp>

#include <cstring>
#include <functional>
#include <map>

#include "import/readers.h"
#include "import/zip_reader.h"
#include "util/regex.h"

namespace okgen::import {
namespace {

const char* val(const pugi::xml_node& n) { return n.attribute("w:val").value(); }
bool on(const pugi::xml_node& n) {  // <w:b/>, <w:b w:val="1|true|on">; "0|false|off" is off
  if (!n) return false;
  const std::string v = val(n);
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

struct StyleInfo {
  std::string name, based_on, num_id;
  int ilvl = 0;
  int outline = -1;  ///< 0-based outline level (w:outlineLvl), -1 none
  bool bold = false, italic = false;
};

// "heading 2", "Heading2", "Rubrik 2", "Rubrik2", "Überschrift 2": the built-in heading
// styles under the names Word gives them in the languages this tool meets.
int heading_level_of_name(const std::string& s) {
  static const util::Regex kHeading(R"(^(?:heading|rubrik|overskrift|otsikko|berschrift)\s*([1-9])$)", util::Regex::icase);
  util::Match m;
  std::string t = s;
  if (t.size() > 2 && static_cast<unsigned char>(t[0]) == 0xC3 && static_cast<unsigned char>(t[1]) == 0x9C) t = t.substr(2);  // Ü
  if (util::regex_match(t, m, kHeading)) return std::stoi(m[1].str());
  return 0;
}

bool title_name(const std::string& s) { return s == "Title" || s == "title" || s == "Rubrik" || s == "Titel"; }
bool subtitle_name(const std::string& s) { return s == "Subtitle" || s == "subtitle" || s == "Underrubrik"; }

class DocxReader {
 public:
  explicit DocxReader(ZipReader& zip) : zip_(zip) {}

  ReadResult run() {
    ReadResult r;
    // Macros are never read: a macro-enabled document is refused whole.
    for (const auto& n : zip_.names()) {
      if (n.find("vbaProject") != std::string::npos || n.find("vbaData") != std::string::npos) return fail("import-macros", n);
    }
    auto types = part("[Content_Types].xml", r);
    if (!types) return r.problem.empty() ? fail("import-missing-part", "[Content_Types].xml") : r;
    if (types->find("macroEnabled") != std::string::npos) return fail("import-macros", "[Content_Types].xml");
    if (zip_.has("EncryptedPackage") || zip_.has("EncryptionInfo")) return fail("import-encrypted", "");
    auto document = xml("word/document.xml", r, true);
    if (!document) return r;
    if (auto styles = xml("word/styles.xml", r, false)) read_styles(styles->child("w:styles"));
    if (!r.problem.empty()) return r;
    if (auto numbering = xml("word/numbering.xml", r, false)) read_numbering(numbering->child("w:numbering"));
    if (auto rels = xml("word/_rels/document.xml.rels", r, false)) read_rels(rels->child("Relationships"));
    for (const char* notes : {"word/footnotes.xml", "word/endnotes.xml"}) {
      if (auto doc = xml(notes, r, false)) read_notes(doc->first_child(), notes[5] == 'f' ? "fn" : "en");
    }
    if (auto comments = xml("word/comments.xml", r, false)) read_comments(comments->child("w:comments"));
    std::string properties_title;
    if (auto core = xml("docProps/core.xml", r, false)) properties_title = core->first_child().child("dc:title").text().get();
    if (!r.problem.empty()) return r;
    out_.format = "docx";
    body(document->child("w:document").child("w:body"));
    add_contents_only(contents_, {}, out_.blocks);
    // The document's properties name it when no paragraph in a title style does.
    if (out_.title.empty()) out_.title = trim(properties_title);
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

  std::optional<std::string> part(const std::string& name, ReadResult& r) {
    auto data = zip_.read(name);
    if (!data && zip_.problem() != ZipProblem::none) {
      r.problem = zip_problem_rule(zip_.problem());
      r.part = zip_.problem_part();
    }
    return data;
  }

  std::optional<pugi::xml_document> xml(const std::string& name, ReadResult& r, bool required) {
    auto data = part(name, r);
    if (!data) {
      if (required && r.problem.empty()) {
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

  void read_styles(pugi::xml_node styles) {
    for (pugi::xml_node s : styles.children("w:style")) {
      StyleInfo info;
      info.name = val(s.child("w:name"));
      info.based_on = val(s.child("w:basedOn"));
      if (pugi::xml_node o = s.child("w:pPr").child("w:outlineLvl")) info.outline = std::atoi(val(o));
      info.num_id = val(s.child("w:pPr").child("w:numPr").child("w:numId"));
      info.ilvl = std::atoi(val(s.child("w:pPr").child("w:numPr").child("w:ilvl")));
      info.bold = on(s.child("w:rPr").child("w:b"));
      info.italic = on(s.child("w:rPr").child("w:i"));
      styles_[s.attribute("w:styleId").value()] = info;
    }
  }

  // A style's heading level, following basedOn (a custom "Avsnittsrubrik" based on
  // Heading 2 is a level-2 heading); 0 = not a heading. Outline level 9 means body text.
  int heading_level(const std::string& id, int depth = 0) const {
    if (id.empty() || depth > 20) return 0;
    auto it = styles_.find(id);
    if (int l = heading_level_of_name(id)) return l;
    if (it == styles_.end()) return 0;
    if (int l = heading_level_of_name(it->second.name)) return l;
    if (it->second.outline >= 0 && it->second.outline < 9) return it->second.outline + 1;
    return heading_level(it->second.based_on, depth + 1);
  }
  bool style_is(const std::string& id, bool (*pred)(const std::string&), int depth = 0) const {
    if (id.empty() || depth > 20) return false;
    if (pred(id)) return true;
    auto it = styles_.find(id);
    return it != styles_.end() && (pred(it->second.name) || style_is(it->second.based_on, pred, depth + 1));
  }
  std::string style_num(const std::string& id, int depth = 0) const {
    auto it = styles_.find(id);
    if (it == styles_.end() || depth > 20) return {};
    return it->second.num_id.empty() ? style_num(it->second.based_on, depth + 1) : it->second.num_id;
  }

  int style_ilvl(const std::string& id, int depth = 0) const {
    auto it = styles_.find(id);
    if (it == styles_.end() || depth > 20) return 0;
    return it->second.num_id.empty() ? style_ilvl(it->second.based_on, depth + 1) : it->second.ilvl;
  }

  struct Level {
    std::string format;  ///< w:numFmt: decimal, bullet, lowerLetter, ...
    std::string text;    ///< w:lvlText: "%1.%2"
    int start = 1;
  };

  void read_numbering(pugi::xml_node numbering) {
    std::map<std::string, std::map<int, Level>> abstracts;
    for (pugi::xml_node a : numbering.children("w:abstractNum")) {
      auto& levels = abstracts[a.attribute("w:abstractNumId").value()];
      for (pugi::xml_node l : a.children("w:lvl")) {
        Level lv;
        lv.format = val(l.child("w:numFmt"));
        lv.text = val(l.child("w:lvlText"));
        if (pugi::xml_node s = l.child("w:start")) lv.start = std::atoi(val(s));
        levels[std::atoi(l.attribute("w:ilvl").value())] = lv;
      }
    }
    for (pugi::xml_node n : numbering.children("w:num")) {
      const std::string id = n.attribute("w:numId").value();
      nums_[id] = abstracts[val(n.child("w:abstractNumId"))];
      abstract_of_[id] = val(n.child("w:abstractNumId"));
      for (pugi::xml_node o : n.children("w:lvlOverride")) {
        if (pugi::xml_node s = o.child("w:startOverride")) nums_[id][std::atoi(o.attribute("w:ilvl").value())].start = std::atoi(val(s));
      }
    }
  }

  void read_rels(pugi::xml_node rels) {
    for (pugi::xml_node r : rels.children("Relationship")) {
      if (std::string(r.attribute("TargetMode").value()) == "External") rels_[r.attribute("Id").value()] = r.attribute("Target").value();
    }
  }

  void read_notes(pugi::xml_node root, const std::string& prefix) {
    for (pugi::xml_node n : root.children()) {
      const std::string type = n.attribute("w:type").value();
      if (!type.empty() && type != "normal") continue;  // separators
      Runs runs;
      for (pugi::xml_node p : n.children("w:p")) {
        if (!runs.empty()) runs.push_back(text_run(" "));
        Paragraph para;
        inline_content(p, para);
        runs.insert(runs.end(), para.runs.begin(), para.runs.end());
      }
      note_text_[prefix + n.attribute("w:id").value()] = trim_runs(std::move(runs));
    }
  }

  void read_comments(pugi::xml_node comments) {
    for (pugi::xml_node c : comments.children("w:comment")) {
      std::string text;
      for (pugi::xml_node p : c.children("w:p")) {
        Paragraph para;
        inline_content(p, para);
        if (!text.empty()) text += " ";
        text += plain(para.runs);
      }
      out_.comments.push_back(std::string(c.attribute("w:author").value()) + ": " + text);
    }
  }

  // ---- the body

  struct Paragraph {
    Runs runs;
    std::vector<std::string> boxes;  ///< text boxes anchored in it
  };

  struct Field {
    bool toc = false;
    bool in_result = false;
  };

  void body(pugi::xml_node b) {
    for (pugi::xml_node n : b.children()) block(n);
  }

  void block(pugi::xml_node n) {
    if (is(n, "w:p")) return paragraph(n);
    if (is(n, "w:tbl")) return table(n);
    if (is(n, "w:sdt")) {
      // A content control; the one Word puts its table of contents in is furniture.
      const std::string gallery = n.child("w:sdtPr").child("w:docPartObj").child("w:docPartGallery").attribute("w:val").value();
      if (gallery.find("Table of Contents") != std::string::npos) return;
      for (pugi::xml_node c : n.child("w:sdtContent").children()) block(c);
      return;
    }
    if (is(n, "w:ins") || is(n, "w:moveTo") || is(n, "w:customXml") || is(n, "w:smartTag")) {
      for (pugi::xml_node c : n.children()) block(c);
    }
    // w:del, w:moveFrom (tracked deletions), w:sectPr, bookmarks: nothing to read.
  }

  void paragraph(pugi::xml_node p) {
    ++paragraphs_;
    pugi::xml_node pPr = p.child("w:pPr");
    // A paragraph whose mark was deleted by a tracked change joins the next one; its text
    // is still text, so it is read as a paragraph of its own (nothing is lost).
    Paragraph para;
    inline_content(p, para);
    for (auto& box : para.boxes) out_.cover.push_back(box);
    const std::string origin = "stycke " + std::to_string(paragraphs_);
    const std::string style = val(pPr.child("w:pStyle"));
    const bool toc_style = style.rfind("TOC", 0) == 0 || style.rfind("Innehll", 0) == 0 || style.rfind("Innehallsforteckning", 0) == 0;
    // A contents entry (the TOC field's result, or a paragraph in a contents style) is not
    // text; it is remembered, so that a section it promises and the text lacks shows.
    const std::string entry = toc_text_.empty() && toc_style ? plain(para.runs) : toc_text_;
    toc_text_.clear();
    if (!entry.empty()) {
      if (auto e = contents_entry(entry, origin)) contents_.push_back(std::move(*e));
    }
    if (fields_skip_ || toc_style) return;
    const std::string text = plain(para.runs);
    if (text.find_first_not_of(" \t\n") == std::string::npos) return;
    if (style_is(style, title_name) && out_.title.empty()) {
      out_.title = trim(text);
      return;
    }
    if (style_is(style, title_name) || style_is(style, subtitle_name)) {
      if (out_.subtitle.empty() && style_is(style, subtitle_name)) {
        out_.subtitle = trim(text);
        return;
      }
    }
    std::string num_id = val(pPr.child("w:numPr").child("w:numId"));
    int ilvl = std::atoi(val(pPr.child("w:numPr").child("w:ilvl")));
    if (num_id.empty()) {  // numbering from the style (numbered heading styles)
      num_id = style_num(style);
      if (!pPr.child("w:numPr").child("w:ilvl")) ilvl = style_ilvl(style);
    }
    int level = heading_level(style);
    if (pugi::xml_node o = pPr.child("w:outlineLvl"); o && level == 0) {
      const int l = std::atoi(val(o));
      if (l < 9) level = l + 1;
    }
    Block b;
    b.origin = origin;
    b.runs = trim_runs(std::move(para.runs));
    if (level > 0) {
      b.kind = Block::Kind::heading;
      b.level = level;
      if (!num_id.empty() && num_id != "0") b.number = heading_number(num_id, ilvl);
      out_.blocks.push_back(std::move(b));
      return;
    }
    if (!num_id.empty() && num_id != "0" && nums_.count(num_id)) {
      const Level& lv = nums_[num_id][ilvl];
      b.kind = Block::Kind::list_item;
      b.level = ilvl;
      b.ordered = lv.format != "bullet" && lv.format != "none" && !lv.format.empty();
      out_.blocks.push_back(std::move(b));
      return;
    }
    out_.blocks.push_back(std::move(b));
  }

  // "3.2" for a numbered heading: counters per numbering definition, as Word counts.
  std::string heading_number(const std::string& num_id, int ilvl) {
    auto& counters = counters_[abstract_of_[num_id]];
    counters.resize(10, 0);
    const auto& levels = nums_[num_id];
    for (int l = 0; l < ilvl; ++l)
      if (counters[static_cast<std::size_t>(l)] == 0) counters[static_cast<std::size_t>(l)] = levels.count(l) ? levels.at(l).start : 1;
    auto lv = levels.find(ilvl);
    const int start = lv != levels.end() ? lv->second.start : 1;
    counters[static_cast<std::size_t>(ilvl)] = counters[static_cast<std::size_t>(ilvl)] == 0 ? start : counters[static_cast<std::size_t>(ilvl)] + 1;
    for (std::size_t l = static_cast<std::size_t>(ilvl) + 1; l < counters.size(); ++l) counters[l] = 0;
    std::string pattern = lv != levels.end() ? lv->second.text : "";
    if (pattern.empty()) return {};
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
        out += std::to_string(counters[static_cast<std::size_t>(pattern[i + 1] - '1')]);
        ++i;
      } else {
        out += pattern[i];
      }
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    return out;
  }

  void table(pugi::xml_node tbl) {
    Block b;
    b.kind = Block::Kind::table;
    b.origin = "tabell efter stycke " + std::to_string(paragraphs_);
    bool first = true;
    for (pugi::xml_node tr : tbl.children("w:tr")) {
      if (tr.child("w:trPr").child("w:del")) continue;  // a deleted row, accepted
      std::vector<Runs> row;
      for (pugi::xml_node tc : tr.children("w:tc")) {
        // A cell merged with the one above (vMerge continue) holds nothing of its own.
        Runs cell;
        for (pugi::xml_node p : tc.children()) {
          if (is(p, "w:p")) {
            Paragraph para;
            inline_content(p, para);
            const Runs r = trim_runs(std::move(para.runs));
            if (r.empty()) continue;
            if (!cell.empty()) cell.push_back(cell_break_run());
            cell.insert(cell.end(), r.begin(), r.end());
          } else if (is(p, "w:tbl")) {  // a table in a cell: its text, row by row
            Block inner;
            for (pugi::xml_node itr : p.children("w:tr"))
              for (pugi::xml_node itc : itr.children("w:tc"))
                for (pugi::xml_node ip : itc.children("w:p")) {
                  Paragraph para;
                  inline_content(ip, para);
                  if (!cell.empty()) cell.push_back(cell_break_run());
                  const Runs r = trim_runs(std::move(para.runs));
                  cell.insert(cell.end(), r.begin(), r.end());
                }
          }
        }
        row.push_back(std::move(cell));
      }
      if (first) {
        // A header row is marked as one (repeated on each page), or set in bold throughout.
        bool all_bold = !row.empty();
        for (const auto& c : row)
          for (const auto& run : c)
            if (run.kind == Run::Kind::text && !trim(run.text).empty() && !run.bold) all_bold = false;
        b.header_row = tr.child("w:trPr").child("w:tblHeader") != pugi::xml_node() || all_bold;
      }
      first = false;
      b.rows.push_back(std::move(row));
    }
    if (!b.rows.empty()) out_.blocks.push_back(std::move(b));
  }

  void inline_content(pugi::xml_node p, Paragraph& para, const std::string& href = {}) {
    for (pugi::xml_node n : p.children()) {
      if (is(n, "w:r")) {
        run(n, para, href);
      } else if (is(n, "w:hyperlink")) {
        // A link to a note's bookmark is a repeated note mark (okgen writes them so): the
        // note is cited already, its number is not text.
        if (std::string(n.attribute("w:anchor").value()).rfind("_note", 0) == 0) continue;
        auto it = rels_.find(n.attribute("r:id").value());
        inline_content(n, para, it != rels_.end() ? it->second : href);
      } else if (is(n, "w:ins") || is(n, "w:moveTo")) {
        ++out_.insertions;
        inline_content(n, para, href);
      } else if (is(n, "w:del") || is(n, "w:moveFrom")) {
        ++out_.deletions;  // accepted: the deleted text is gone
      } else if (is(n, "w:smartTag") || is(n, "w:customXml") || is(n, "w:fldSimple") || is(n, "w:bdo") || is(n, "w:dir")) {
        inline_content(n, para, href);
      } else if (is(n, "w:sdt")) {
        inline_content(n.child("w:sdtContent"), para, href);
      }
    }
  }

  void run(pugi::xml_node r, Paragraph& para, const std::string& href) {
    pugi::xml_node rPr = r.child("w:rPr");
    if (on(rPr.child("w:vanish"))) return;  // hidden text
    if (rPr.child("w:del")) return;
    std::string rstyle = val(rPr.child("w:rStyle"));
    bool bold = on(rPr.child("w:b")), italic = on(rPr.child("w:i"));
    if (auto it = styles_.find(rstyle); it != styles_.end()) {
      bold = bold || it->second.bold;
      italic = italic || it->second.italic;
    }
    auto text = [&](const std::string& t) {
      if (fields_skip_ && !field_instr_) toc_text_ += t;  // a contents entry: not text, but known
      if (fields_skip_ || field_instr_) return;
      if (!para.runs.empty() && para.runs.back().kind == Run::Kind::text && para.runs.back().bold == bold &&
          para.runs.back().italic == italic && para.runs.back().href == href) {
        para.runs.back().text += t;
      } else {
        para.runs.push_back(text_run(t, bold, italic, href));
      }
    };
    for (pugi::xml_node c : r.children()) {
      if (is(c, "w:t")) text(c.text().get());
      else if (is(c, "w:tab") || is(c, "w:ptab")) text("\t");
      else if (is(c, "w:noBreakHyphen")) text("-");
      else if (is(c, "w:sym")) text(" ");
      else if (is(c, "w:br") || is(c, "w:cr")) {
        const std::string type = c.attribute("w:type").value();
        if (type.empty() || type == "textWrapping") {
          if (!fields_skip_) para.runs.push_back(break_run());
        }
      } else if (is(c, "w:footnoteReference") || is(c, "w:endnoteReference")) {
        if (fields_skip_) continue;
        const std::string key = std::string(is(c, "w:footnoteReference") ? "fn" : "en") + c.attribute("w:id").value();
        if (note_text_.count(key)) {
          para.runs.push_back(note_run(key));
          if (!noted_.count(key)) {
            noted_.insert({key, true});
            out_.notes.emplace_back(key, note_text_[key]);
          }
        }
      } else if (is(c, "w:fldChar")) {
        field_char(c.attribute("w:fldCharType").value());
      } else if (is(c, "w:instrText")) {
        if (!fields_.empty()) {
          std::string instr = c.text().get();
          const auto s = instr.find_first_not_of(' ');
          if (s != std::string::npos && instr.compare(s, 3, "TOC") == 0) fields_.back().toc = true;
        }
      } else if (is(c, "w:drawing") || is(c, "w:pict") || is(c, "mc:AlternateContent")) {
        text_boxes(c, para);
      }
    }
  }

  // Complex fields: the instruction is not text; a TOC field's result (the entries) is
  // furniture, other fields' results (a date, a cross reference) are text.
  void field_char(const std::string& type) {
    if (type == "begin") {
      fields_.push_back(Field{});
    } else if (type == "separate" && !fields_.empty()) {
      fields_.back().in_result = true;
    } else if (type == "end" && !fields_.empty()) {
      fields_.pop_back();
    }
    fields_skip_ = false;
    field_instr_ = false;
    for (const auto& f : fields_) {
      if (f.toc) fields_skip_ = true;
      if (!f.in_result) field_instr_ = true;
    }
  }

  void text_boxes(pugi::xml_node n, Paragraph& para) {
    // Text boxes (the cover page's title, date and diarienummer, usually): one line each.
    std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node x) {
      if (is(x, "mc:Fallback")) return;  // the same box again, for old readers
      if (is(x, "w:txbxContent")) {
        for (pugi::xml_node p : x.children("w:p")) {
          Paragraph inner;
          inline_content(p, inner);
          const std::string t = trim(plain(inner.runs));
          if (!t.empty()) para.boxes.push_back(t);
        }
        return;
      }
      for (pugi::xml_node c : x.children()) walk(c);
    };
    walk(n);
  }

  ZipReader& zip_;
  Imported out_;
  std::map<std::string, StyleInfo> styles_;
  std::map<std::string, std::map<int, Level>> nums_;
  std::map<std::string, std::string> abstract_of_;
  std::map<std::string, std::vector<int>> counters_;
  std::map<std::string, std::string> rels_;
  std::map<std::string, Runs> note_text_;
  std::map<std::string, bool> noted_;
  std::vector<Field> fields_;
  bool fields_skip_ = false, field_instr_ = false;
  std::string toc_text_;                ///< the contents entry being read
  std::vector<ContentsEntry> contents_;  ///< the contents field's entries
  int paragraphs_ = 0;
};

}  // namespace

ReadResult read_docx(const std::string& data) {
  ZipReader zip(data);
  if (zip.problem() != ZipProblem::none) {
    ReadResult r;
    r.problem = zip_problem_rule(zip.problem());
    return r;
  }
  return DocxReader(zip).run();
}

}  // namespace okgen::import
