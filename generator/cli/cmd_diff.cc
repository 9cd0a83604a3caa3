// okgen diff OLD NEW: what changed between two versions, as text, HTML, JSON, a PDF
// appendix or a Word document with tracked changes (diff::run_diff does the work).
#include <iostream>

#include "command.h"
#include "diag/printer.h"
#include "diff/diff_command.h"
#include "pipeline.h"
#include "text/template_engine.h"
#include "util/output_format.h"

namespace okgen::cli {
namespace {

class DiffCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("diff", h("command.diff"));
    cmd_->add_option("old", old_, h("diff.old"))->required();
    cmd_->add_option("new", new_, h("diff.new"))->required();
    cmd_->add_option("--format", format_, h("diff.format"))->check(CLI::IsMember(kFormats));
    cmd_->add_option("-o,--output", output_, h("diff.output"));
    cmd_->add_option("--date", date_, h("diff.date"));
  }

  int run(const Invocation& inv) override {
    auto prepared = inv.prepare(date_);
    if (!prepared) return kExitUsage;
    const Resources& res = prepared->res;
    const util::Date as_of = prepared->as_of;
    // The format follows the file's extension unless --format says otherwise (and agrees).
    const auto chosen = util::output_format(format_, output_, kFormats, "text");
    if (!chosen.contradicted_by.empty()) return inv.format_contradicts(format_, output_, chosen.contradicted_by);
    diff::DiffRequest request;
    request.old_version = old_;
    request.new_version = new_;
    request.format = chosen.format;
    request.output = output_;
    request.as_of = as_of;
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto outcome = diff::run_diff(request, res, sink, sources);
    diag::print_diagnostics(std::cerr, sink, sources, res.messages);
    if (outcome.needs_output) {
      std::cerr << inv.help.prefixed(text::render(inv.help("diff.needs-output"),
                                                  text::Value{}.set("format", request.format), text::Escape::none))
                << "\n";
    }
    std::cout << outcome.text;
    return outcome.exit_code;
  }

 private:
  static inline const std::vector<std::string> kFormats = {"text", "html", "json", "pdf", "docx"};
  std::string old_, new_, format_, output_, date_;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace okgen::cli
