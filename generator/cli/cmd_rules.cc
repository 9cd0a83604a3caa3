// okgen rules: the rule table with messages, as text or as docs/rules.md (both languages).
#include <iostream>

#include "command.h"
#include "pipeline.h"
#include "render/report/rules_doc.h"

namespace okgen::cli {
namespace {

class RulesCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("rules", h("command.rules"));
    cmd_->add_option("--format", format_, h("rules.format"))->check(CLI::IsMember({"text", "markdown"}));
  }

  int run(const Invocation& inv) override {
    const auto res = inv.load_resources();
    if (!res) return kExitUsage;
    if (format_ == "markdown") {
      // docs/rules.md holds both languages, whatever --lang says.
      const auto root = inv.resources_root();
      std::cout << render::report::rules_markdown(text::Catalog::load(root / "templates/messages/sv.txt"),
                                                  text::Catalog::load(root / "templates/messages/en.txt"));
    } else {
      std::cout << render::report::rules_text(res->messages);
    }
    return kExitOk;
  }

 private:
  std::string format_ = "text";
};

}  // namespace

std::unique_ptr<Command> make_rules_command() { return std::make_unique<RulesCommand>(); }

}  // namespace okgen::cli
