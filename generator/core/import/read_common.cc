// Helpers the readers share (see readers.h), and plain() of imported.h.
#include <algorithm>

#include "import/readers.h"

#include <pugixml.hpp>

#include <cstring>

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
