// Answers spliced into a local agreement's text (see answers.h). pugixml finds the elements
// and their offsets; the edits are made on the original bytes, last offset first, so every
// other byte of the file stays where it was.
#include "local/answers.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

#include "util/text.h"

namespace okgen::local {
namespace {

bool parse(const std::string& xml, pugi::xml_document& doc) {
  return doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_comments, pugi::encoding_utf8);
}

// The byte offset of the '<' that starts element `e` (pugixml reports the name's offset).
std::size_t element_start(const std::string& xml, const pugi::xml_node& e) {
  const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, e.offset_debug()));
  const std::size_t lt = xml.rfind('<', std::min(off, xml.size() - 1));
  return lt == std::string::npos ? 0 : lt;
}

// One past the '>' that ends the element starting at `start` named `name` (no nested
// element of the same name: prompts and bodies hold text only).
std::size_t element_end(const std::string& xml, std::size_t start, const std::string& name) {
  const std::size_t open_end = xml.find('>', start);
  if (open_end == std::string::npos) return std::string::npos;
  if (open_end > start && xml[open_end - 1] == '/') return open_end + 1;  // <name/>
  const std::size_t close = xml.find("</" + name, open_end);
  if (close == std::string::npos) return std::string::npos;
  const std::size_t gt = xml.find('>', close);
  return gt == std::string::npos ? gt : gt + 1;
}

int line_of(const std::string& xml, std::size_t pos) {
  return 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

// The whitespace before `pos` on its line ("" when something else stands there).
std::string indentation_before(const std::string& xml, std::size_t pos) {
  const std::size_t line_start = pos == 0 ? 0 : xml.rfind('\n', pos - 1) + 1;  // npos + 1 == 0
  std::string indent = xml.substr(line_start, pos - line_start);
  for (char c : indent) {
    if (c != ' ' && c != '\t') return {};
  }
  return indent;
}

std::string escape_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string escape_attribute(const std::string& s) {
  std::string out;
  for (char c : escape_text(s)) {
    if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The answer as lines: CR LF and CR read as LF, trailing spaces and blank lines at either end
// dropped (a form's textarea adds them freely).
std::vector<std::string> answer_lines(const std::string& text) {
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      s += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      s += text[i];
    }
  }
  std::vector<std::string> lines;
  for (auto& l : util::split(s, '\n')) {
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
    lines.push_back(l);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  return lines;
}

// <body>…</body> for `lines` at indentation `indent`: one line stays inline, more lines are
// indented one step deeper (the loader removes the common indentation of a body).
std::string body_element(const std::vector<std::string>& lines, const std::string& indent) {
  if (lines.size() == 1) return "<body>" + escape_text(lines[0]) + "</body>";
  std::string out = "<body>\n";
  for (const auto& l : lines) {
    if (!l.empty()) out += indent + "  " + escape_text(l);
    out += '\n';
  }
  return out + indent + "</body>";
}

std::string comment_text(const pugi::xml_node& c) {
  // Comments may run over lines with deep indentation: one line of text.
  std::string out;
  bool space = false;
  for (const char* p = c.value(); *p; ++p) {
    const bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += *p;
    }
  }
  return out;
}

}  // namespace

std::vector<OpenQuestion> open_questions(const std::string& xml) {
  std::vector<OpenQuestion> out;
  pugi::xml_document doc;
  if (!parse(xml, doc)) return out;
  int index = 0;
  for (const auto& x : doc.select_nodes("//prompt")) {
    const pugi::xml_node p = x.node();
    OpenQuestion q;
    q.index = index++;
    q.line = line_of(xml, element_start(xml, p));
    q.question = p.text().get();
    for (auto prev = p.previous_sibling(); prev; prev = prev.previous_sibling()) {
      if (prev.type() == pugi::node_comment) {
        q.guidance = comment_text(prev);
        break;
      }
      if (prev.type() == pugi::node_element && std::strcmp(prev.name(), "prompt") != 0) break;
    }
    for (auto up = p.parent(); up; up = up.parent()) {
      if (std::strcmp(up.name(), "section") == 0) {
        q.section_id = up.attribute("id").value();
        q.heading = up.child("heading").text().get();
        break;
      }
      if (std::strcmp(up.name(), "local-section") == 0) {
        q.section_id = up.attribute("ref").value();
        q.action = up.attribute("action").value();
        q.regional = true;
        break;
      }
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::optional<std::string> apply_answers(const std::string& xml, const std::vector<Answer>& answers) {
  pugi::xml_document doc;
  if (!parse(xml, doc)) return std::nullopt;
  struct Edit {
    std::size_t start, end;
    std::string with;
  };
  std::vector<Edit> edits;
  const auto prompts = doc.select_nodes("//prompt");
  for (const auto& a : answers) {
    if (a.index < 0 || static_cast<std::size_t>(a.index) >= prompts.size()) continue;
    const auto lines = answer_lines(a.text);
    if (lines.empty()) continue;
    const std::size_t start = element_start(xml, prompts[static_cast<std::size_t>(a.index)].node());
    const std::size_t end = element_end(xml, start, "prompt");
    if (end == std::string::npos || xml.compare(start, 7, "<prompt") != 0) return std::nullopt;
    edits.push_back({start, end, body_element(lines, indentation_before(xml, start))});
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start > b.start; });
  edits.erase(std::unique(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.start == b.start; }),
              edits.end());
  std::string out = xml;
  for (const auto& e : edits) out.replace(e.start, e.end - e.start, e.with);
  return out;
}

std::vector<std::string> local_section_refs(const std::string& xml) {
  std::vector<std::string> refs;
  pugi::xml_document doc;
  if (!parse(xml, doc)) return refs;
  for (const auto& ls : doc.document_element().children("local-section")) refs.emplace_back(ls.attribute("ref").value());
  return refs;
}

std::optional<std::string> add_local_section(const std::string& xml, const std::string& ref, const std::string& action,
                                             const std::string& based_on, const std::string& text) {
  pugi::xml_document doc;
  if (!parse(xml, doc)) return std::nullopt;
  const auto root = doc.document_element();
  const auto lines = answer_lines(text);
  if (lines.empty() || ref.empty()) return std::nullopt;
  for (const auto& existing : local_section_refs(xml)) {
    if (existing == ref) return std::nullopt;
  }
  // Before the revision history (where local init's skeleton keeps its local sections), or
  // at the end of the agreement.
  std::size_t at;
  std::string indent = "  ";
  if (auto history = root.child("revision-history")) {
    at = element_start(xml, history);
    indent = indentation_before(xml, at);
  } else {
    at = xml.rfind("</" + std::string(root.name()));
    if (at == std::string::npos) return std::nullopt;
  }
  const std::size_t line_start = at - indentation_before(xml, at).size();
  std::string block = indent + "<local-section ref=\"" + escape_attribute(ref) + "\" action=\"" + escape_attribute(action) +
                      "\"" + (based_on.empty() ? "" : " based-on=\"" + escape_attribute(based_on) + "\"") + ">\n" +
                      indent + "  " + body_element(lines, indent + "  ") + "\n" + indent + "</local-section>\n\n";
  std::string out = xml;
  out.insert(line_start, block);
  return out;
}

}  // namespace okgen::local
