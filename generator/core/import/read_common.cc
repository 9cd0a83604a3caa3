// Helpers the readers share (see readers.h), and plain() of imported.h.
#include <algorithm>

#include "import/readers.h"

#include <pugixml.hpp>

#include <cctype>
#include <cstring>
#include <set>

#include "util/text.h"

namespace okgen::import {

std::string plain(const Runs& runs) {
  std::string s;
  for (const auto& r : runs) {
    if (r.kind == Run::Kind::text) s += r.text;
    if (r.kind == Run::Kind::line_break) s += "\n";
  }
  return s;
}

Runs slice_runs(const Runs& runs, std::size_t begin, std::size_t end) {
  Runs out;
  std::size_t at = 0;  // where the run starts in plain(runs)
  for (const auto& r : runs) {
    const std::size_t size = r.kind == Run::Kind::text ? r.text.size() : r.kind == Run::Kind::line_break ? 1 : 0;
    if (size == 0) {
      if ((begin < at && at <= end) || (at == 0 && begin == 0)) out.push_back(r);
      continue;
    }
    const std::size_t b = std::max(at, begin), e = std::min(at + size, end);
    if (b < e) {
      out.push_back(r);
      if (r.kind == Run::Kind::text) out.back().text = r.text.substr(b - at, e - b);
    }
    at += size;
  }
  return out;
}

namespace {

// A heading as compared with a contents entry: its words, lower case, without its number.
std::string heading_key(const std::string& title) {
  std::string key;
  for (const auto& w : util::split_ws(util::lower_sv(title))) {
    const bool number = w.find_first_not_of("0123456789.") == std::string::npos;
    if (!(key.empty() && number)) key += (key.empty() ? "" : " ") + w;
  }
  return key;
}

}  // namespace

std::optional<ContentsEntry> contents_entry(const std::string& text, const std::string& origin) {
  std::string t(util::trim(text));
  // The page number at the end, and the leaders or tab before it.
  std::size_t end = t.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(t[end - 1]))) --end;
  if (end < t.size()) {
    while (end > 0 && (t[end - 1] == '.' || t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '_')) --end;
    t = t.substr(0, end);
  }
  ContentsEntry e;
  e.origin = origin;
  std::size_t at = 0;
  while (at < t.size() && (std::isdigit(static_cast<unsigned char>(t[at])) || t[at] == '.')) ++at;
  if (at > 0 && at < t.size() && (t[at] == ' ' || t[at] == '\t')) {
    e.number = t.substr(0, at);
    while (!e.number.empty() && e.number.back() == '.') e.number.pop_back();
    t = t.substr(at);
  }
  e.title = std::string(util::trim(t));
  if (util::word_count(e.title) == 0) return std::nullopt;
  return e;
}

void add_contents_only(const std::vector<ContentsEntry>& contents, const std::vector<std::string>& more_text,
                       std::vector<Block>& blocks) {
  std::set<std::string> numbers, titles;
  auto text = [&](const std::string& t) {
    if (util::word_count(t) <= 12) titles.insert(heading_key(t));
  };
  for (const auto& b : blocks) {
    if (b.kind == Block::Kind::heading && !b.number.empty()) numbers.insert(b.number);
    text(plain(b.runs));
    for (const auto& row : b.rows)
      for (const auto& cell : row) text(plain(cell));
  }
  for (const auto& l : more_text) text(l);
  auto in_text = [&](const ContentsEntry& e) {
    return (!e.number.empty() && numbers.count(e.number)) || titles.count(heading_key(e.title));
  };
  for (std::size_t t = 0; t < contents.size(); ++t) {
    const auto& e = contents[t];
    if (in_text(e) || heading_key(e.title).empty()) continue;
    std::size_t at = blocks.size();
    for (std::size_t n = t + 1; n < contents.size() && at == blocks.size(); ++n) {
      if (!in_text(contents[n])) continue;
      const std::string key = heading_key(contents[n].title);
      for (std::size_t k = 0; k < blocks.size(); ++k) {
        if (blocks[k].kind == Block::Kind::heading && !blocks[k].contents_only &&
            ((!contents[n].number.empty() && blocks[k].number == contents[n].number) || heading_key(plain(blocks[k].runs)) == key)) {
          at = k;
          break;
        }
      }
    }
    Block h;
    h.kind = Block::Kind::heading;
    h.number = e.number;
    h.level = e.number.empty() ? 1 : static_cast<int>(std::count(e.number.begin(), e.number.end(), '.')) + 1;
    h.level_guessed = e.number.empty();
    h.runs.push_back(text_run(e.title));
    h.origin = e.origin;
    h.contents_only = true;
    blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(at), std::move(h));
  }
}

std::string zip_problem_rule(ZipProblem p) {
  switch (p) {
    case ZipProblem::not_zip:
    case ZipProblem::damaged: return "import-not-a-package";
    case ZipProblem::too_many_entries:
    case ZipProblem::too_large:
    case ZipProblem::bomb: return "import-too-large";
    case ZipProblem::encrypted: return "import-encrypted";
    case ZipProblem::none: break;
  }
  return {};
}

bool is(const pugi::xml_node& n, const char* name) { return std::strcmp(n.name(), name) == 0; }

bool has_doctype(const std::string& xml) {
  // Only the prolog can hold one; a "<!DOCTYPE" in text would be escaped.
  const std::size_t root = xml.find('<', xml.find("?>") == std::string::npos ? 0 : xml.find("?>"));
  return xml.find("<!DOCTYPE") != std::string::npos && xml.find("<!DOCTYPE") <= std::max<std::size_t>(root, 512);
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n\f\v");
  return s.substr(b, e - b + 1);
}

Runs trim_runs(Runs runs) {
  auto blank = [](const Run& r) {
    return (r.kind == Run::Kind::text && trim(r.text).empty()) || r.kind == Run::Kind::line_break;
  };
  while (!runs.empty() && blank(runs.front())) runs.erase(runs.begin());
  while (!runs.empty() && blank(runs.back())) runs.pop_back();
  if (!runs.empty() && runs.front().kind == Run::Kind::text) {
    auto& t = runs.front().text;
    t.erase(0, t.find_first_not_of(" \t\r\n"));
  }
  if (!runs.empty() && runs.back().kind == Run::Kind::text) {
    auto& t = runs.back().text;
    t.erase(t.find_last_not_of(" \t\r\n") + 1);
  }
  return runs;
}

}  // namespace okgen::import
