// okgen.conf and severity names.
#include "review/check_options.h"

#include <algorithm>

#include "diag/rules.h"
#include "diag/suggest.h"
#include "text/catalog.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::review {

bool parse_severity(const std::string& s, std::optional<diag::Severity>& out) {
  if (s == "error") out = diag::Severity::error;
  else if (s == "warning") out = diag::Severity::warning;
  else if (s == "info") out = diag::Severity::info;
  else if (s == "off") out = std::nullopt;
  else return false;
  return true;
}

const std::vector<model::LocalForm>& CheckOptions::forms_for(const std::string& region_folder) const {
  auto it = local_forms_by_region.find(region_folder);
  return it == local_forms_by_region.end() ? local_forms : it->second;
}

fs::path find_config() {
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "okgen.conf", ec)) return dir / "okgen.conf";
    if (dir == dir.root_path()) break;
  }
  return {};
}

void read_config(const fs::path& file, CheckOptions& options, diag::DiagnosticSink& sink) {
  std::string text;
  const std::string shown = util::display_path(file);
  if (util::read_file(file, text) != util::ReadStatus::ok) {
    sink.report("file-unreadable", diag::SourceSpan{shown, 0, 0}, {{"problem", "@io.not-found"}});
    return;
  }
  text::Catalog c = text::Catalog::parse(text);
  std::vector<std::string> ids;
  for (const auto& r : diag::all_rules()) ids.emplace_back(r.id);
  auto line_of = [&](const std::string& key) {
    int line = 1;
    std::size_t pos = text.find(key);
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) line += text[i] == '\n';
    return diag::SourceSpan{shown, pos == std::string::npos ? 0 : line, 1};
  };
  // Settings before the first [section] belong to no section and would be ignored.
  {
    int line = 0;
    for (const auto& raw : util::split(text, '\n')) {
      ++line;
      const std::string_view t = util::trim(raw);
      if (!t.empty() && t.front() == '[') break;
      if (t.empty() || t.front() == '#') continue;
      const auto eq = t.find('=');
      sink.report("config-invalid", diag::SourceSpan{shown, line, 1},
                  {{"key", std::string(util::trim(t.substr(0, eq)))},
                   {"value", eq == std::string_view::npos ? "" : std::string(util::trim(t.substr(eq + 1)))},
                   {"suggestion", "[check]"}});
    }
  }
  for (const auto& section : c.sections()) {
    if (section != "rules" && section != "check" && section != "local") {
      sink.report("config-invalid", line_of("[" + section + "]"), {{"key", "[" + section + "]"}, {"value", ""}});
    }
  }
  for (const auto& id : ids) {
    if (const std::string* v = c.find("rules", id)) {
      std::optional<diag::Severity> sev;
      if (!parse_severity(*v, sev)) {
        sink.report("config-invalid", line_of(id), {{"key", id}, {"value", *v}});
        continue;
      }
      options.policy.set(id, sev);
    }
  }
  // Keys in [rules] that are no rule: most likely typos.
  for (std::size_t pos = text.find("[rules]"); pos != std::string::npos;) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) break;
    std::size_t end = text.find('\n', pos + 1);
    std::string line = text.substr(pos + 1, end == std::string::npos ? std::string::npos : end - pos - 1);
    if (!line.empty() && line[0] == '[') break;
    auto eq = line.find('=');
    if (eq != std::string::npos && line[0] != '#') {
      std::string key = line.substr(0, eq);
      while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
      if (!key.empty() && !diag::find_rule(key)) {
        sink.report("config-invalid", line_of(key), {{"key", key}, {"value", ""}, {"suggestion", diag::suggest(key, ids)}});
      }
    }
    pos = end;
  }
  auto number = [&](const char* key, int& out, int lo, int hi) {
    const std::string* v = c.find("check", key);
    if (!v) return;
    char* end = nullptr;
    long n = std::strtol(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || n < lo || n > hi) {
      sink.report("config-invalid", line_of(key), {{"key", key}, {"value", *v}});
      return;
    }
    out = static_cast<int>(n);
  };
  // [local] forms: a list of local-document and consolidated, at least one.
  for (const auto& key : c.keys("local")) {
    const std::string& value = *c.find("local", key);
    const bool for_all = key == "forms";
    const bool for_region = key.rfind("forms.", 0) == 0 && key.size() > 6;
    if (!for_all && !for_region) {
      sink.report("config-invalid", line_of(key), {{"key", key}, {"value", value}, {"suggestion", "forms"}});
      continue;
    }
    std::vector<model::LocalForm> forms;
    bool ok = true;
    for (const auto& part : util::split(value, ',')) {
      const std::string name(util::trim(part));
      const auto form = name == "local-document" ? model::LocalForm::document
                        : name == "consolidated" ? model::LocalForm::consolidated
                                                 : model::LocalForm::none;
      if (form == model::LocalForm::none) ok = false;
      else if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
    }
    if (!ok || forms.empty()) {
      sink.report("config-invalid", line_of(key), {{"key", key}, {"value", value}, {"suggestion", "local-document, consolidated"}});
      continue;
    }
    if (for_all) options.local_forms = forms;
    else options.local_forms_by_region[key.substr(6)] = forms;
  }
  number("lix-threshold", options.lix_threshold, 10, 100);
  number("min-words", options.min_words, 0, 10000);
  number("soon-days", options.soon_days, 0, 3650);
}

std::string apply_severities(const SeverityRequest& request, CheckOptions& options, diag::DiagnosticSink& sink) {
  // okgen.conf first, the command line over it.
  const fs::path config = request.config.empty() ? find_config() : request.config;
  if (!config.empty()) read_config(config, options, sink);
  for (const auto& [ids, severity] :
       {std::pair{&request.as_error, std::optional<diag::Severity>(diag::Severity::error)},
        std::pair{&request.as_warning, std::optional<diag::Severity>(diag::Severity::warning)},
        std::pair{&request.as_info, std::optional<diag::Severity>(diag::Severity::info)},
        std::pair{&request.ignored, std::optional<diag::Severity>()}}) {
    for (const auto& id : *ids) {
      if (!diag::find_rule(id)) return id;
      options.policy.set(id, severity);
    }
  }
  if (request.final_check) {
    for (const char* id : {"local-prompts-left", "local-template-missing", "local-slot-empty", "revision-summary-missing",
                           "draft-leftover", "date-placeholder"}) {
      if (!options.policy.has(id)) options.policy.set(id, diag::Severity::error);
    }
  }
  return {};
}

}  // namespace okgen::review
