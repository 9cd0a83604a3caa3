// Reading styles/pdf.xml.
#include "render/pdf/pdf_style.h"

#include <pugixml.hpp>

#include <cstdlib>

#include "diag/suggest.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::render::pdf {

const std::vector<std::string>& required_text_styles() {
  static const std::vector<std::string> kNames = {
      "body",  "h1",       "h2",    "h3",    "h4",         "h5",    "table",      "table-header", "table-row-header", "caption", "footnote",
      "code",  "running",  "title-kind", "title", "subtitle", "meta-label", "meta", "toc", "toc-top"};
  return kNames;
}

const FontFamily* PdfStyle::family(const std::string& name) const {
  for (const auto& f : families) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

namespace {

class StyleReader {
 public:
  StyleReader(const diag::SourceMap& map, const fs::path& dir, diag::DiagnosticSink& sink)
      : map_(map), dir_(dir), sink_(sink) {}

  diag::SourceSpan span(pugi::xml_node n) const {
    return map_.span_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug() - 1)));
  }

  void bad(pugi::xml_node n, const char* attr, const std::string& value, const char* expected) {
    sink_.report("style-invalid", span(n), {{"element", n.name()}, {"attribute", attr}, {"value", value}, {"expected", expected}});
  }

  void number(pugi::xml_node n, const char* attr, float& out, float min = 0, float max = 5000) {
    pugi::xml_attribute a = n.attribute(attr);
    if (!a) return;
    char* end = nullptr;
    const std::string v = a.value();
    float f = std::strtof(v.c_str(), &end);
    if (v.empty() || !end || *end != '\0' || f < min || f > max) return bad(n, attr, v, "number");
    out = f;
  }

  void integer(pugi::xml_node n, const char* attr, int& out, int min, int max) {
    float f = static_cast<float>(out);
    number(n, attr, f, static_cast<float>(min), static_cast<float>(max));
    out = static_cast<int>(f);
  }

  void color(pugi::xml_node n, const char* attr, Color& out) {
    pugi::xml_attribute a = n.attribute(attr);
    if (!a) return;
    const std::string v = a.value();
    if (v.size() != 7 || v[0] != '#' || v.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
      return bad(n, attr, v, "color");
    }
    auto hex = [&](std::size_t i) { return static_cast<float>(std::stoi(v.substr(i, 2), nullptr, 16)) / 255.0f; };
    out = Color{hex(1), hex(3), hex(5)};
  }

  void flag(pugi::xml_node n, const char* attr, bool& out) {
    pugi::xml_attribute a = n.attribute(attr);
    if (!a) return;
    const std::string v = a.value();
    if (v != "true" && v != "false") return bad(n, attr, v, "boolean");
    out = v == "true";
  }

  fs::path file(pugi::xml_node n, const char* attr) {
    fs::path p = n.attribute(attr).value();
    if (p.empty()) {
      sink_.report("style-invalid", span(n), {{"element", n.name()}, {"attribute", attr}, {"value", ""}, {"expected", "file"}});
      return {};
    }
    if (p.is_relative()) p = dir_ / p;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) {
      sink_.report("font-missing", span(n), {{"path", p.string()}, {"attribute", attr}});
    }
    return p;
  }

 private:
  const diag::SourceMap& map_;
  fs::path dir_;
  diag::DiagnosticSink& sink_;
};

}  // namespace

std::optional<PdfStyle> PdfStyle::load(const fs::path& path, diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  const std::size_t mark = sink.size();
  std::string text;
  const std::string shown = util::display_path(path);
  if (util::read_file(path, text) != util::ReadStatus::ok) {
    sink.report("file-unreadable", diag::SourceSpan{shown, 0, 0}, {{"problem", "@io.not-found"}});
    return std::nullopt;
  }
  const diag::SourceMap& map = sources.add(shown, std::move(text));
  pugi::xml_document doc;
  auto result = doc.load_buffer(map.text().data(), map.text().size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    sink.report("xml-syntax", map.span_at(static_cast<std::size_t>(result.offset)), {{"problem", "@xml.other"}});
    return std::nullopt;
  }
  StyleReader r(map, path.parent_path(), sink);
  PdfStyle s;
  pugi::xml_node root = doc.child("pdf-style");
  if (pugi::xml_node p = root.child("page")) {
    r.number(p, "width", s.page_width, 100, 3000);
    r.number(p, "height", s.page_height, 100, 3000);
    r.number(p, "margin-top", s.margin_top, 0, 500);
    r.number(p, "margin-bottom", s.margin_bottom, 0, 500);
    r.number(p, "margin-left", s.margin_left, 0, 500);
    r.number(p, "margin-right", s.margin_right, 0, 500);
  }
  for (pugi::xml_node f : root.child("fonts").children("family")) {
    FontFamily fam;
    fam.name = f.attribute("name").value();
    fam.office_name = f.attribute("office-name").value();
    const char* attrs[] = {"regular", "bold", "italic", "bold-italic"};
    for (int i = 0; i < 4; ++i) fam.files[static_cast<std::size_t>(i)] = r.file(f, attrs[i]);
    fam.at = r.span(f);
    s.families.push_back(std::move(fam));
  }
  std::vector<std::string> family_names;
  for (const auto& f : s.families) family_names.push_back(f.name);
  for (pugi::xml_node t : root.children("text")) {
    TextStyle ts;
    const std::string name = t.attribute("name").value();
    ts.family = t.attribute("family").value();
    if (!s.family(ts.family)) {
      sink.report("style-invalid", r.span(t), {{"element", "text"}, {"attribute", "family"}, {"value", ts.family},
                                              {"expected", "family"}, {"suggestion", diag::suggest(ts.family, family_names)}});
    }
    r.flag(t, "bold", ts.bold);
    r.flag(t, "italic", ts.italic);
    r.number(t, "size", ts.size, 4, 200);
    ts.leading = ts.size * 1.25f;
    r.number(t, "leading", ts.leading, 4, 300);
    r.number(t, "space-before", ts.space_before, 0, 200);
    r.number(t, "space-after", ts.space_after, 0, 200);
    r.color(t, "color", ts.color);
    r.flag(t, "justify", ts.justify);
    r.flag(t, "hyphenate", ts.hyphenate);
    s.text[name] = ts;
  }
  for (const auto& name : required_text_styles()) {
    if (!s.text.count(name)) sink.report("style-missing", diag::SourceSpan{shown, 1, 1}, {{"name", name}});
  }
  if (!s.family("fallback")) sink.report("style-missing", diag::SourceSpan{shown, 1, 1}, {{"name", "family fallback"}});
  if (pugi::xml_node n = root.child("list")) {
    r.number(n, "indent", s.list_indent, 0, 200);
    r.number(n, "marker-gap", s.list_marker_gap, 0, 100);
    r.number(n, "item-space", s.list_item_space, 0, 100);
    r.number(n, "max-indent", s.list_max_indent, 0, 400);
  }
  if (pugi::xml_node n = root.child("quote")) {
    r.number(n, "indent", s.quote_indent, 0, 200);
    r.color(n, "rule", s.quote_rule);
    r.number(n, "rule-width", s.quote_rule_width, 0, 20);
  }
  if (pugi::xml_node n = root.child("group")) {
    r.number(n, "indent", s.group_indent, 0, 200);
    r.color(n, "rule", s.group_rule);
    r.number(n, "rule-width", s.group_rule_width, 0, 20);
    s.group_roles = util::split_ws(n.attribute("roles").value());
  }
  if (pugi::xml_node n = root.child("table")) {
    r.number(n, "padding", s.table_padding, 0, 50);
    r.color(n, "rule", s.table_rule);
    r.number(n, "rule-width", s.table_rule_width, 0, 10);
    r.color(n, "header-fill", s.table_header_fill);
    r.color(n, "row-header-fill", s.table_row_header_fill);
    r.number(n, "space-after", s.table_space_after, 0, 100);
  }
  if (pugi::xml_node n = root.child("footnotes")) {
    r.color(n, "separator", s.footnote_separator);
    r.number(n, "separator-width", s.footnote_separator_width, 0, 10);
    r.number(n, "separator-length", s.footnote_separator_length, 0, 1000);
    r.number(n, "gap", s.footnote_gap, 0, 100);
    r.number(n, "note-indent", s.footnote_indent, 0, 100);
  }
  if (pugi::xml_node n = root.child("furniture")) {
    r.number(n, "header-gap", s.header_gap, 0, 200);
    r.number(n, "footer-gap", s.footer_gap, 0, 200);
    r.color(n, "rule", s.furniture_rule);
    r.number(n, "rule-width", s.furniture_rule_width, 0, 10);
    r.color(n, "links", s.link_color);
  }
  if (pugi::xml_node n = root.child("changes")) {
    r.color(n, "inserted", s.inserted_color);
    r.color(n, "deleted", s.deleted_color);
    r.number(n, "rule-width", s.change_rule_width, 0.1f, 5);
  }
  if (pugi::xml_node n = root.child("signatures")) {
    r.integer(n, "columns", s.signature_columns, 1, 4);
    r.number(n, "column-gap", s.signature_column_gap, 0, 200);
    r.number(n, "row-gap", s.signature_row_gap, 0, 200);
    r.number(n, "line-gap", s.signature_line_gap, 0, 300);
    r.color(n, "rule", s.signature_rule);
    r.number(n, "rule-width", s.signature_rule_width, 0, 10);
  }
  s.icc_profile_at = diag::SourceSpan{path.string(), 1, 1};
  if (pugi::xml_node n = root.child("output-intent")) {
    s.icc_profile_at = r.span(n);
    // Checked (present, an ICC profile) when the writer loads it: a missing profile is its
    // own finding, not a missing font.
    fs::path p = n.attribute("profile").value();
    if (!p.empty()) s.icc_profile = p.is_relative() ? path.parent_path() / p : p;
    if (n.attribute("identifier")) s.icc_identifier = n.attribute("identifier").value();
  }
  if (pugi::xml_node n = root.child("hyphenation")) {
    if (n.attribute("dictionary")) s.hyphen_dictionary = r.file(n, "dictionary");
    r.integer(n, "left-min", s.hyphen_left_min, 1, 10);
    r.integer(n, "right-min", s.hyphen_right_min, 1, 10);
    r.integer(n, "min-word", s.hyphen_min_word, 2, 30);
  }
  if (s.content_width() < 100 || s.page_height - s.margin_top - s.margin_bottom < 100) {
    sink.report("style-invalid", r.span(root.child("page")), {{"element", "page"}, {"attribute", "margin"}, {"value", ""}, {"expected", "room"}});
  }
  if (sink.has_errors_since(mark)) return std::nullopt;
  return s;
}

}  // namespace okgen::render::pdf
