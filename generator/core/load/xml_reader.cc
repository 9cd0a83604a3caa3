// Generic validation of elements against the format table (load/format_spec.cc).
#include "load/xml_reader.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "diag/suggest.h"
#include "util/text.h"
#include "util/url.h"

namespace okgen::load {
namespace {

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 80) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return s.front() != '-' && s.back() != '-';
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Patterns named in format_spec.cc; each mirrors an xs:pattern in the schema.
bool matches_pattern(const std::string& pattern, const std::string& v) {
  if (pattern == "county-or-municipality-code") return all_digits(v) && (v.size() == 2 || v.size() == 4);
  if (pattern == "municipality-code") return all_digits(v) && v.size() == 4;
  if (pattern == "year") return all_digits(v) && v.size() == 4;
  if (pattern == "sfs") {
    auto colon = v.find(':');
    return colon == 4 && all_digits(v.substr(0, 4)) && all_digits(v.substr(5));
  }
  if (pattern == "law-section") {
    // "16", "8 a", "8a"
    std::size_t i = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == 0) return false;
    std::string rest = v.substr(i);
    if (rest.empty()) return true;
    if (rest[0] == ' ') rest = rest.substr(1);
    return rest.size() == 1 && rest[0] >= 'a' && rest[0] <= 'z';
  }
  return false;
}

bool is_language(const std::string& v) {
  // Enough of BCP 47 for this format: "sv", "sv-SE", "en".
  auto parts = util::split(v, '-');
  if (parts[0].size() < 2 || parts[0].size() > 3) return false;
  for (const auto& p : parts) {
    if (p.empty() || p.size() > 8) return false;
    for (char c : p) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
  }
  return true;
}

// A short description of what a value of this type looks like, for messages.
std::string expected_form(const AttrSpec& spec) {
  switch (spec.type) {
    case AttrType::id: return "kebab-id";
    case AttrType::id_list: return "kebab-id-list";
    case AttrType::date: return "date";
    case AttrType::partial_date: return "partial-date";
    case AttrType::months: return "months";
    case AttrType::age: return "age";
    case AttrType::boolean: return "boolean";
    case AttrType::choice: return "choice";
    case AttrType::pattern: return spec.values.empty() ? "text" : spec.values[0];
    case AttrType::language: return "language";
    default: return "text";
  }
}

}  // namespace

std::vector<pugi::xml_node> element_children(pugi::xml_node node) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element) out.push_back(c);
  }
  return out;
}

XmlReader::XmlReader(const diag::SourceMap& source, std::uint32_t file_index, diag::DiagnosticSink& sink,
                     const std::vector<std::string>& known_areas)
    : source_(source), file_index_(file_index), sink_(sink), known_areas_(known_areas) {}

model::Loc XmlReader::loc(pugi::xml_node node) const {
  // offset_debug() points at the element name; step back to the '<' editors expect.
  std::ptrdiff_t off = node.offset_debug();
  if (off > 0 && node.type() == pugi::node_element) --off;
  auto s = source_.span_at(off < 0 ? 0 : static_cast<std::size_t>(off));
  return model::Loc{file_index_, s.line, s.column};
}

model::Loc XmlReader::loc(pugi::xml_node node, const char* attribute) const {
  auto s = source_.span_at(attribute_offset(node, attribute));
  return model::Loc{file_index_, s.line, s.column};
}

diag::SourceSpan XmlReader::span(pugi::xml_node node) const { return span(loc(node)); }

diag::SourceSpan XmlReader::span(pugi::xml_node node, const char* attribute) const {
  return source_.span_at(attribute_offset(node, attribute));
}

diag::SourceSpan XmlReader::span(const model::Loc& l) const {
  return diag::SourceSpan{source_.path(), l.line, l.column};
}

std::size_t XmlReader::attribute_offset(pugi::xml_node node, const char* name) const {
  // pugixml keeps no attribute offsets: find ` name=` between the element name and its '>'.
  const std::string& text = source_.text();
  std::ptrdiff_t start = node.offset_debug();
  if (start < 0) return 0;
  std::size_t end = text.find('>', static_cast<std::size_t>(start));
  if (end == std::string::npos) end = text.size();
  const std::size_t len = std::strlen(name);
  for (std::size_t i = static_cast<std::size_t>(start); i + len < end; ++i) {
    if (text.compare(i, len, name) != 0) continue;
    char before = i > 0 ? text[i - 1] : ' ';
    if (before != ' ' && before != '\t' && before != '\n' && before != '\r') continue;
    std::size_t j = i + len;
    while (j < end && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
    if (j < end && text[j] == '=') return i;
  }
  return static_cast<std::size_t>(start);
}

bool XmlReader::check_attribute(pugi::xml_node node, const pugi::xml_attribute& a, const AttrSpec& spec) {
  const std::string raw = a.value();
  const std::string v(util::trim(raw));
  auto bad = [&](const char* rule, diag::Args extra = {}) {
    diag::Args args = {{"element", node.name()}, {"attribute", a.name()}, {"value", raw}};
    args.insert(args.end(), extra.begin(), extra.end());
    sink_.report(rule, span(node, a.name()), std::move(args));
    return false;
  };
  if (v.empty()) return bad("empty-value");
  switch (spec.type) {
    case AttrType::text:
      return true;
    case AttrType::uri:
      return util::is_safe_url(v) ? true : bad("unsafe-href");
    case AttrType::id:
      return is_id(v) ? true : bad("invalid-value", {{"expected", expected_form(spec)}});
    case AttrType::id_list:
      for (const auto& item : util::split_ws(v)) {
        if (!is_id(item)) return bad("invalid-value", {{"expected", expected_form(spec)}});
      }
      return true;
    case AttrType::area_list: {
      bool ok = true;
      for (const auto& item : util::split_ws(v)) {
        if (std::find(known_areas_.begin(), known_areas_.end(), item) != known_areas_.end()) continue;
        ok = false;
        sink_.report("unknown-area", span(node, a.name()),
                     {{"area", item}, {"suggestion", diag::suggest(item, known_areas_)},
                      {"known", util::join(known_areas_, ", ")}});
      }
      return ok;
    }
    case AttrType::date:
      if (!util::Date::parse(v)) return bad("invalid-date", {{"full_date", "yes"}});
      return true;
    case AttrType::partial_date:
      if (!util::PartialDate::parse(v)) return bad("invalid-date", {{"full_date", ""}});
      return true;
    case AttrType::months:
    case AttrType::age: {
      const int max = spec.type == AttrType::months ? 240 : 120;
      const int min = spec.type == AttrType::months ? 1 : 0;
      if (!all_digits(v) || v.size() > 3 || std::stoi(v) < min || std::stoi(v) > max) {
        return bad("invalid-value", {{"expected", expected_form(spec)}});
      }
      return true;
    }
    case AttrType::boolean:
      if (v != "true" && v != "false") return bad("invalid-value", {{"expected", "boolean"}});
      return true;
    case AttrType::choice:
      if (std::find(spec.values.begin(), spec.values.end(), v) == spec.values.end()) {
        return bad("invalid-value", {{"expected", "choice"},
                                     {"allowed", util::join(spec.values, ", ")},
                                     {"suggestion", diag::suggest(v, spec.values)}});
      }
      return true;
    case AttrType::pattern:
      return matches_pattern(spec.values.at(0), v) ? true : bad("invalid-value", {{"expected", expected_form(spec)}});
    case AttrType::language:
      return is_language(v) ? true : bad("invalid-value", {{"expected", "language"}});
  }
  return true;
}

bool XmlReader::validate(pugi::xml_node node, const ElementSpec& spec) {
  bool ok = true;
  const std::string element = node.name();

  // Attributes: known ones are checked; xmlns and xsi:* belong to XML itself.
  std::vector<std::string> attr_names;
  for (const auto& s : spec.attrs) attr_names.emplace_back(s.name);
  for (pugi::xml_attribute a : node.attributes()) {
    const std::string name = a.name();
    if (name == "xmlns" || util::starts_with(name, "xmlns:") || util::starts_with(name, "xsi:")) continue;
    const AttrSpec* as = nullptr;
    for (const auto& s : spec.attrs) {
      if (name == s.name) as = &s;
    }
    if (!as) {
      ok = false;
      sink_.report("unknown-attribute", span(node, a.name()),
                   {{"element", element}, {"attribute", name}, {"suggestion", diag::suggest(name, attr_names)},
                    {"known", util::join(attr_names, ", ")}});
      continue;
    }
    if (!check_attribute(node, a, *as)) ok = false;
  }
  for (const auto& s : spec.attrs) {
    if (s.required && !node.attribute(s.name)) {
      ok = false;
      sink_.report("missing-attribute", span(node), {{"element", element}, {"attribute", s.name}});
    }
  }

  // Children: known names, counts and order.
  std::vector<std::string> child_names;
  for (const auto& c : spec.children) child_names.emplace_back(c.name);
  std::map<std::string, int> counts;
  int max_group = -1;
  std::string max_group_name;
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (spec.text == TextMode::none && !util::trim(c.value()).empty()) {
        ok = false;
        // Point at the first visible character, not at the line break before it.
        std::size_t off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, c.offset_debug()));
        const std::string& src = source_.text();
        while (off < src.size() && (src[off] == ' ' || src[off] == '\t' || src[off] == '\n' || src[off] == '\r')) ++off;
        // Where the text can go instead: the element's own <body>, when it has one.
        const bool has_body = std::any_of(spec.children.begin(), spec.children.end(),
                                          [](const ChildSpec& k) { return std::string(k.name) == "body"; });
        sink_.report("text-not-allowed", source_.span_at(off),
                     {{"element", element},
                      {"text", std::string(util::trim(c.value())).substr(0, 40)},
                      {"in_body", has_body ? "1" : ""}});
      }
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const std::string name = c.name();
    const ChildSpec* cs = nullptr;
    for (const auto& s : spec.children) {
      if (name == s.name) cs = &s;
    }
    if (!cs) {
      ok = false;
      // An element of the format in the wrong place is not a misspelling: say where it
      // belongs instead of suggesting a name that merely looks alike.
      std::vector<std::string> parents = parents_of(name);
      for (auto& p : parents) p = "<" + p + ">";
      sink_.report("unknown-element", span(c),
                   {{"element", name},
                    {"parent", element},
                    {"suggestion", parents.empty() ? diag::suggest(name, child_names) : ""},
                    {"belongs", util::join(parents, ", ")},
                    {"known", util::join(child_names, ", ")}});
      continue;
    }
    int& n = counts[name];
    ++n;
    if (cs->max >= 0 && n > cs->max) {
      ok = false;
      sink_.report("duplicate-element", span(c), {{"element", name}, {"parent", element}});
    }
    if (cs->group < max_group) {
      ok = false;
      sink_.report("element-order", span(c), {{"element", name}, {"parent", element}, {"after", max_group_name}});
    } else if (cs->group > max_group) {
      max_group = cs->group;
      max_group_name = name;
    }
  }
  for (const auto& cs : spec.children) {
    if (cs.min > 0 && counts[cs.name] < cs.min) {
      ok = false;
      sink_.report("missing-element", span(node), {{"element", cs.name}, {"parent", element}});
    }
  }
  if (spec.text == TextMode::plain && plain(node).empty()) {
    ok = false;
    sink_.report("empty-value", span(node), {{"element", element}});
  }
  return ok;
}

std::string XmlReader::attr(pugi::xml_node node, const char* name) const {
  return std::string(util::trim(node.attribute(name).value()));
}

std::optional<util::Date> XmlReader::date_attr(pugi::xml_node node, const char* name) const {
  if (!node.attribute(name)) return std::nullopt;
  return util::Date::parse(attr(node, name));
}

std::optional<util::PartialDate> XmlReader::partial_date_attr(pugi::xml_node node, const char* name) const {
  if (!node.attribute(name)) return std::nullopt;
  return util::PartialDate::parse(attr(node, name));
}

std::optional<int> XmlReader::int_attr(pugi::xml_node node, const char* name) const {
  std::string v = attr(node, name);
  if (v.empty() || v.size() > 6 || !all_digits(v)) return std::nullopt;
  return std::stoi(v);
}

bool XmlReader::bool_attr(pugi::xml_node node, const char* name, bool fallback) const {
  std::string v = attr(node, name);
  if (v == "true") return true;
  if (v == "false") return false;
  return fallback;
}

XmlReader::TextContent XmlReader::text(pugi::xml_node node) const {
  TextContent out;
  bool first = true;
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
    if (first) {
      out.offset = static_cast<std::size_t>(c.offset_debug() < 0 ? 0 : c.offset_debug());
      first = false;
    }
    out.text += c.value();
  }
  if (first) out.offset = static_cast<std::size_t>(node.offset_debug() < 0 ? 0 : node.offset_debug());
  return out;
}

std::string XmlReader::plain(pugi::xml_node node) const {
  std::string joined = text(node).text;
  return util::join(util::split_ws(joined), " ");
}

}  // namespace okgen::load
