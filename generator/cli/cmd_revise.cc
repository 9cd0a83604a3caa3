// okgen revise FILE --version V: starts a new version of an agreement in its file.
#include <iostream>

#include "command.h"
#include "diag/printer.h"
#include "pipeline.h"
#include "revise/revise.h"
#include "text/template_engine.h"

namespace okgen::cli {
namespace {

class ReviseCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("revise", h("command.revise"));
    cmd_->add_option("file", file_, h("revise.file"))->required();
    cmd_->add_option("--version", version_, h("revise.version"))->required();
    cmd_->add_option("--date", date_, h("revise.date"));
  }

  int run(const Invocation& inv) override {
    auto prepared = inv.prepare(date_);
    if (!prepared) return kExitUsage;
    const Resources& res = prepared->res;
    const util::Date as_of = prepared->as_of;
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const load::LoadOptions lo = res.load_options();
    const auto r = revise::revise(file_, version_, as_of, lo, res, sink, sources);
    diag::print_diagnostics(std::cerr, sink, sources, res.messages);
    if (r == revise::Result::written) {
      std::cout << inv.help.say("revised", text::Value{}.set("version", version_).set("file", file_)) << "\n";
      return kExitOk;
    }
    return r == revise::Result::unreadable ? kExitUsage : kExitFindings;
  }

 private:
  std::string file_, version_, date_;
};

}  // namespace

std::unique_ptr<Command> make_revise_command() { return std::make_unique<ReviseCommand>(); }

}  // namespace okgen::cli
