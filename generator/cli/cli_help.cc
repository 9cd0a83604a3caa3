// Help in the language of --lang (see cli_help.h).
#include "cli_help.h"

#include <filesystem>
#include <algorithm>
#include <functional>

#include "resources.h"
#include "util/regex.h"
#include "util/text.h"

namespace okgen::cli {

std::string early_option(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == name && i + 1 < argc) return argv[i + 1];
    if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
  }
  return fallback;
}

Help::Help(int argc, char** argv) {
  const std::string lang = early_option(argc, argv, "--lang", "sv") == "en" ? "en" : "sv";
  const std::string given = early_option(argc, argv, "--resources", "");
  // A --resources folder without the catalogue: okgen's own one, so the error that the
  // folder is wrong can still be said in words.
  for (const std::filesystem::path& root : {given.empty() ? Resources::default_root() : std::filesystem::path(given),
                                            Resources::default_root()}) {
    try {
      text_ = text::Catalog::load(root / "templates/cli" / (lang + ".txt"));
      return;
    } catch (const std::exception&) {
      // The keys show when neither has it; the command reports the missing resources.
    }
  }
}

std::string Help::cli11(const std::string& word) const {
  const std::string* w = text_.find("cli11", word);
  return w ? *w : word;
}

void Help::prepare(CLI::App& app, const std::string& help_flag, const std::string& more_help) const {
  for (const auto& label : text_.keys("cli11")) app.get_formatter()->label(label, text_.get("cli11", label));
  // CLI11 heads options by their group, "Options" unless told.
  app.option_defaults()->group(cli11("Options"));
  app.set_help_flag("-h,--help", help_flag);
  app.failure_message([this, hint = more_help](const CLI::App*, const CLI::Error& e) {
    return prefixed(parse_error(e)) + "\n" + hint + "\n";
  });
}

std::string Help::line(const std::string& section, const std::string& key, const text::Value& values) const {
  return text::render(text_.get(section, key), values, text::Escape::none);
}

std::string Help::prefixed(const std::string& message) const { return text_.get("errors", "prefix") + " " + message; }

std::string Help::error(const std::string& key, const text::Value& values) const {
  return prefixed(line("errors", key, values));
}

std::string Help::io_problem(const util::IoError& e) const {
  if (e.problem().empty() || !text_.find("io", e.problem())) return e.what();
  text::Value values;
  std::string reason, reason_key;
  for (const auto& [name, value] : e.args()) {
    values.set(name, value);
    if (name == "reason") reason = value;
    if (name == "reason_key") reason_key = value;
  }
  // The system's own words are English; okgen says the common ones itself.
  if (!reason_key.empty() && text_.find("io", reason_key)) reason = text_.get("io", reason_key);
  values.set("reason", reason);
  return line("io", e.problem(), values);
}

std::string Help::internal_error(const std::string& what) const {
  return line("errors", "internal", text::Value{}.set("what", what));
}

std::string Help::say(const std::string& key, const text::Value& values) const { return line("terminal", key, values); }

std::string Help::parse_error(const CLI::Error& e) const {
  // CLI11 2.x's sentences (CLI/Error.hpp, CLI/Validators.hpp); tests/unit/cli_test.cc runs
  // each, so a new CLI11 wording shows there.
  const std::string what = e.what();
  const auto say = [&](const std::string& key, const text::Value& v) { return line("errors", key, v); };
  util::Match m;
  static const util::Regex kExtras(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
  static const util::Regex kMissingValue(R"(^(\S+): \d+ required \S+ missing$)");
  static const util::Regex kRequired(R"(^(\S+) is required$)");
  static const util::Regex kNotIn(R"(^(\S+): (.*) not in \{(.*)\}$)");
  static const util::Regex kRange(R"(^(\S+): Value (\S+) not in range (\S+) to (\S+)$)");
  static const util::Regex kConvert(R"(^The value (.*) is not an allowed value for (\S+)$)");
  static const util::Regex kCouldNot(R"(^Could not convert: (\S+) = (.*)$)");
  if (util::regex_match(what, m, kExtras)) {
    // CLI11 lists them last first.
    std::vector<std::string> args = util::split(m[1].str(), ' ');
    std::reverse(args.begin(), args.end());
    return say(args.size() > 1 ? "not-expected-many" : "not-expected", text::Value{}.set("args", util::join(args, " ")));
  }
  if (util::regex_match(what, m, kMissingValue)) return say("value-missing", text::Value{}.set("option", m[1].str()));
  if (what == "A subcommand is required") return say("command-required", {});
  if (util::regex_match(what, m, kRequired)) {
    const std::string option = m[1].str();
    return say(option.rfind('-', 0) == 0 ? "required" : "argument-required", text::Value{}.set("option", option));
  }
  if (util::regex_match(what, m, kRange)) {
    return say("not-in-range",
               text::Value{}.set("option", m[1].str()).set("value", m[2].str()).set("min", m[3].str()).set("max", m[4].str()));
  }
  if (util::regex_match(what, m, kNotIn)) {
    return say("not-in", text::Value{}
                             .set("option", m[1].str())
                             .set("value", m[2].str())
                             .set("choices", util::join(util::split(m[3].str(), ','), ", ")));
  }
  if (util::regex_match(what, m, kConvert)) return say("not-a-value", text::Value{}.set("option", m[2].str()).set("value", m[1].str()));
  if (util::regex_match(what, m, kCouldNot)) return say("not-a-value", text::Value{}.set("option", m[1].str()).set("value", m[2].str()));
  return what;
}

void Help::finish(CLI::App& app) const {
  const std::function<void(CLI::App*)> localise = [&](CLI::App* cmd) {
    if (cmd->get_help_ptr()) cmd->get_help_ptr()->group(cli11("Options"));
    for (auto* sub : cmd->get_subcommands({})) {
      sub->group(cli11("Subcommands"));
      localise(sub);
    }
  };
  localise(&app);
}

}  // namespace okgen::cli
