// Catalogue parsing and message formatting.
#include "text/catalog.h"

#include "text/template_engine.h"
#include "util/fs.h"
#include "util/text.h"

namespace okgen::text {

Catalog Catalog::parse(const std::string& text) {
  Catalog c;
  std::string section;
  std::string* last = nullptr;
  for (const auto& raw : util::split(text, '\n')) {
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view t = util::trim(line);
    if (t.empty() || t[0] == '#') {
      last = nullptr;
      continue;
    }
    if (t.front() == '[' && t.back() == ']') {
      section = std::string(t.substr(1, t.size() - 2));
      last = nullptr;
      continue;
    }
    if ((line[0] == ' ' || line[0] == '\t') && last) {
      *last += ' ';
      *last += std::string(t);
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos || section.empty()) continue;
    std::string key(util::trim(std::string_view(line).substr(0, eq)));
    std::string value(util::trim(std::string_view(line).substr(eq + 1)));
    last = &(c.entries_[section][key] = value);
  }
  return c;
}

Catalog Catalog::load(const std::filesystem::path& path) {
  std::string text;
  if (util::read_file(path, text) != util::ReadStatus::ok) throw util::IoError("cannot read catalogue", path, "cannot-read-catalogue");
  return parse(text);
}

const std::string* Catalog::find(const std::string& section, const std::string& key) const {
  auto s = entries_.find(section);
  if (s == entries_.end()) return nullptr;
  auto k = s->second.find(key);
  return k == s->second.end() ? nullptr : &k->second;
}

std::string Catalog::get(const std::string& section, const std::string& key) const {
  const std::string* v = find(section, key);
  return v ? *v : "[" + section + "." + key + "]";
}

std::vector<std::string> Catalog::sections() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : entries_) out.push_back(name);
  return out;
}

std::vector<std::string> Catalog::keys(const std::string& section) const {
  std::vector<std::string> out;
  if (auto it = entries_.find(section); it != entries_.end()) {
    for (const auto& [key, _] : it->second) out.push_back(key);
  }
  return out;
}

std::string format_diagnostic(const Catalog& messages, const diag::Diagnostic& d, const std::string& field) {
  // Plain arguments first; a phrase ("@name") may use them too.
  Value plain;
  for (const auto& [key, value] : d.args) {
    if (value.empty() || value[0] != '@') plain.set(key, value);  // mstch treats "" as false in {{#name}} sections
  }
  Value ctx = plain;
  for (const auto& [key, value] : d.args) {
    if (!value.empty() && value[0] == '@') ctx.set(key, render(messages.get("phrases", value.substr(1)), plain, Escape::none));
  }
  return render(messages.get(d.rule, field), ctx, Escape::none);
}

}  // namespace okgen::text
