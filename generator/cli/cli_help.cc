// Help in the language of --lang (see cli_help.h).
#include "cli_help.h"

#include <filesystem>
#include <functional>

#include "resources.h"

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
  const std::filesystem::path root = given.empty() ? Resources::default_root() : std::filesystem::path(given);
  try {
    text_ = text::Catalog::load(root / "templates/cli" / (lang + ".txt"));
  } catch (const std::exception&) {
    // The keys show; the command reports the missing resources when it loads them.
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
  app.failure_message([hint = more_help](const CLI::App*, const CLI::Error& e) {
    return "okgen: error: " + std::string(e.what()) + "\n" + hint + "\n";
  });
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
