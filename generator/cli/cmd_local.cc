// okgen local init / local accept: a municipality's local agreement made from its region's
// template, and the regional changes it takes over.
#include <iostream>

#include "command.h"
#include "diag/printer.h"
#include "local/accept.h"
#include "local/init.h"
#include "pipeline.h"
#include "text/template_engine.h"
#include "util/fs.h"

namespace okgen::cli {
namespace {

class LocalCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("local", h("command.local"));
    cmd_->require_subcommand(1);

    init_ = cmd_->add_subcommand("init", h("command.local-init"));
    init_->add_option("--region", region_, h("local-init.region"))->required();
    auto* municipality = init_->add_option("--municipality", municipalities_, h("local-init.municipality"));
    auto* all = init_->add_flag("--all", init_all_, h("local-init.all"));
    municipality->excludes(all);
    init_->add_flag("--force", force_, h("local-init.force"));
    init_->add_option("--content", content_dir_, h("local-init.content"));
    init_->add_option("--date", date_, h("local-init.date"));

    accept_ = cmd_->add_subcommand("accept", h("command.local-accept"));
    accept_->add_option("file", accept_file_, h("local-accept.file"))->required();
    auto* sections = accept_->add_option("sections", sections_, h("local-accept.sections"));
    auto* every = accept_->add_flag("--all", accept_all_, h("local-accept.all"));
    sections->excludes(every);
  }

  int run(const Invocation& inv) override { return *accept_ ? accept(inv) : init(inv); }

 private:
  int accept(const Invocation& inv) const {
    const auto res = inv.load_resources();
    if (!res) return kExitUsage;
    if (sections_.empty() && !accept_all_) {
      std::cerr << inv.help.error("need-sections") << "\n";
      return kExitUsage;
    }
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto r = local::accept_regional_changes(accept_file_, sections_, accept_all_, *res, sink, sources);
    diag::print_diagnostics(std::cerr, sink, sources, res->messages);
    if (!r) return sink.has_errors() ? kExitFindings : kExitUsage;
    for (const auto& a : r->accepted) {
      std::cout << inv.help.say("accepted", text::Value{}
                                                .set("number", a.number)
                                                .set("heading", a.heading)
                                                .set("to", a.to)
                                                .set("from", a.from))
                << "\n";
    }
    for (const auto& id : r->current) std::cout << inv.help.say("already-current", text::Value{}.set("id", id)) << "\n";
    if (r->accepted.empty() && r->current.empty()) std::cout << inv.help.say("nothing-to-accept") << "\n";
    return kExitOk;
  }

  int init(const Invocation& inv) const {
    auto prepared = inv.prepare(date_);
    if (!prepared) return kExitUsage;
    const Resources& res = prepared->res;
    const util::Date as_of = prepared->as_of;
    if (municipalities_.empty() && !init_all_) {
      std::cerr << inv.help.error("need-municipality") << "\n";
      return kExitUsage;
    }
    local::InitOptions options;
    options.region = region_;
    options.municipalities = municipalities_;
    options.all = init_all_;
    options.force = force_;
    options.content_dir = content_dir_;
    options.today = as_of;
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto r = local::init_local(options, res, sink, sources);
    diag::print_diagnostics(std::cerr, sink, sources, res.messages);
    for (const auto& f : r.written) {
      std::cout << inv.help.say("created", text::Value{}.set("file", util::display_path(f))) << "\n";
    }
    for (const auto& f : r.skipped) {
      std::cout << inv.help.say("kept", text::Value{}.set("file", util::display_path(f))) << "\n";
    }
    if (r.usage_error) return kExitUsage;
    return sink.has_errors() ? kExitFindings : kExitOk;
  }

  CLI::App *init_ = nullptr, *accept_ = nullptr;
  std::string region_, content_dir_ = "content", date_, accept_file_;
  std::vector<std::string> municipalities_, sections_;
  bool init_all_ = false, force_ = false, accept_all_ = false;
};

}  // namespace

std::unique_ptr<Command> make_local_command() { return std::make_unique<LocalCommand>(); }

}  // namespace okgen::cli
