// okgen import FILE: a Word, ODT, Markdown or text agreement made into okgen XML.
#include <algorithm>
#include <iostream>

#include "command.h"
#include "diag/printer.h"
#include "import/import.h"
#include "pipeline.h"

namespace okgen::cli {
namespace {

class ImportCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("import", h("command.import"));
    cmd_->add_option("file", file_, h("import.file"))->required();
    cmd_->add_option("-o,--output", output_, h("import.output"));
    cmd_->add_option("--region", region_, h("import.region"));
    cmd_->add_flag("--force", force_, h("import.force"));
    cmd_->add_option("--date", date_, h("import.date"));
  }

  int run(const Invocation& inv) override {
    auto prepared = inv.prepare(date_);
    if (!prepared) return kExitUsage;
    const Resources& res = prepared->res;
    const util::Date as_of = prepared->as_of;
    import::ImportOptions options;
    options.input = file_;
    options.output = output_;
    options.region = region_;
    options.force = force_;
    options.as_of = as_of;
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto r = import::import_file(options, res, sink, sources);
    diag::print_diagnostics(std::cerr, sink, sources, res.messages);
    if (!r) {
      // A file that is not there is a usage error (2); a file that cannot be imported, 1.
      const auto& all = sink.all();
      const bool missing = std::any_of(all.begin(), all.end(), [](const auto& d) { return d.rule == "file-unreadable"; });
      return missing ? kExitUsage : kExitFindings;
    }
    std::cout << import::import_report(*r, res);
    return kExitOk;
  }

 private:
  std::string file_, output_, region_, date_;
  bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace okgen::cli
