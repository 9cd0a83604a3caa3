// The list of okgen's commands and what they share: the resources, the date, -o and the
// contradiction between --format and -o.
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "command.h"
#include "pipeline.h"
#include "text/template_engine.h"
#include "util/fs.h"

namespace okgen::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(make_build_command());
  out.push_back(make_check_command());
  out.push_back(make_calendar_command());
  out.push_back(make_rules_command());
  out.push_back(make_local_command());
  out.push_back(make_diff_command());
  out.push_back(make_import_command());
  out.push_back(make_serve_command());
  out.push_back(make_revise_command());
  return out;
}

std::filesystem::path Invocation::resources_root() const {
  return resources_dir.empty() ? Resources::default_root() : std::filesystem::path(resources_dir);
}

std::optional<Resources> Invocation::load_resources() const {
  try {
    return Resources::load(resources_root(), lang);
  } catch (const util::IoError& e) {
    std::cerr << help.error("resources", text::Value{}.set("what", help.io_problem(e)).set("path", e.path().string()))
              << "\n";
    return std::nullopt;
  }
}

std::optional<util::Date> Invocation::date(const std::string& given) const {
  std::optional<util::Date> out;
  if (!given.empty()) {
    out = util::Date::parse(given);
  } else if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long secs = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && secs >= 0) out = util::Date::from_days(secs / 86400);
  }
  if (given.empty() && !out) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    out = util::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  }
  if (!out) std::cerr << help.error("bad-date", text::Value{}.set("date", given)) << "\n";
  return out;
}

std::optional<Invocation::Prepared> Invocation::prepare(const std::string& given_date) const {
  auto res = load_resources();
  if (!res) return std::nullopt;
  const auto as_of = date(given_date);
  if (!as_of) return std::nullopt;
  return Prepared{std::move(*res), *as_of};
}

int Invocation::format_contradicts(const std::string& format, const std::string& file,
                                   const std::string& by_extension) const {
  std::cerr << help.error("format-contradicts",
                          text::Value{}.set("format", format).set("file", file).set("by_extension", by_extension))
            << "\n";
  return kExitUsage;
}

void emit(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text;
  } else {
    util::write_file_atomic(output, text);
  }
}

}  // namespace okgen::cli
