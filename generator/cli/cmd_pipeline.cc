// build, check and calendar: the commands that read agreements through the pipeline and
// share the review options (--date, severities, --config, -q, --final).
#include <iostream>

#include "command.h"
#include "diag/printer.h"
#include "pipeline.h"
#include "render/document_writer.h"
#include "render/report/calendar.h"
#include "render/report/review_report.h"
#include "render/report/summary.h"
#include "review/check_options.h"
#include "text/template_engine.h"
#include "util/output_format.h"
#include "util/text.h"

namespace okgen::cli {
namespace {

enum class Kind { build, check, calendar };

class PipelineCommand : public Command {
 public:
  explicit PipelineCommand(Kind kind) : kind_(kind) {}

  void add_to(CLI::App& app, const Help& h) override {
    if (kind_ == Kind::build) {
      cmd_ = app.add_subcommand("build", h("command.build"));
      cmd_->add_option("paths", paths_, h("build.paths"));
      cmd_->add_option("-o,--output", output_dir_, h("build.output"));
      // The formats are the registry's (render/writers.cc).
      const std::string formats = render::format_list(h.catalog());
      const auto with_formats = [&h, formats](const std::string& key, const std::string& format = {}) {
        return text::render(h(key), text::Value{}.set("formats", formats).set("format", format), text::Escape::none);
      };
      cmd_->add_option("--format", format_list_, with_formats("build.format"))
          ->check([with_formats](const std::string& v) -> std::string {
            for (const auto& f : util::split(v, ',')) {
              if (!render::find_writer(f)) return with_formats("build.format-unknown", f);
            }
            return {};
          });
      cmd_->add_flag("--keep-going", keep_going_, h("build.keep-going"));
      // A build reuses what the last one into the same folder made of unchanged files
      // (docs/incremental-build.md); --full makes everything again.
      cmd_->add_flag("--full", full_, h("build.full"));
      // Reading git history costs a helper process per repository: build skips it unless
      // asked (check always compares, which is where the finding matters).
      cmd_->add_flag("--git", git_, h("build.git"));
    } else if (kind_ == Kind::check) {
      cmd_ = app.add_subcommand("check", h("command.check"));
      cmd_->add_option("paths", paths_, h("check.paths"));
      cmd_->add_option("--format", report_format_, h("check.format"))->check(CLI::IsMember(kReportFormats));
      cmd_->add_option("-o,--output", output_file_, h("check.output"));
      cmd_->add_option("--fail-on", fail_on_, h("check.fail-on"))->check(CLI::IsMember({"error", "warning"}));
    } else {
      cmd_ = app.add_subcommand("calendar", h("command.calendar"));
      cmd_->add_option("paths", paths_, h("calendar.paths"));
      cmd_->add_option("-o,--output", output_file_, h("calendar.output"));
    }
    cmd_->add_option("--date", date_, h("common.date"));
    // One rule per option (repeat the option for more): a list would swallow the files
    // after it ("okgen check --ignore lix-high avtal.xml" would name no file).
    cmd_->add_option("--error", severities_.as_error, h("common.error"))->allow_extra_args(false);
    cmd_->add_option("--warning", severities_.as_warning, h("common.warning"))->allow_extra_args(false);
    cmd_->add_option("--info", severities_.as_info, h("common.info"))->allow_extra_args(false);
    cmd_->add_option("--ignore", severities_.ignored, h("common.ignore"))->allow_extra_args(false);
    cmd_->add_option("--config", config_, h("common.config"));
    cmd_->add_flag("-q,--quiet", quiet_, h("common.quiet"));
    cmd_->add_flag("--final", severities_.final_check, h("common.final"));
  }


  int run(const Invocation& inv) override {
    auto prepared = inv.prepare(date_);
    if (!prepared) return kExitUsage;
    const Resources& res = prepared->res;
    if (kind_ == Kind::check) {
      const auto chosen = util::output_format(report_format_, output_file_, kReportFormats, "text");
      if (!chosen.contradicted_by.empty()) {
        return inv.format_contradicts(report_format_, output_file_, chosen.contradicted_by);
      }
      report_format_ = chosen.format;
    }

    PipelineOptions options;
    for (const auto& p : paths_) options.inputs.emplace_back(p);
    if (options.inputs.empty()) options.inputs.emplace_back("content");
    options.output_dir = output_dir_;
    options.formats = util::split(format_list_, ',');
    options.as_of = prepared->as_of;
    options.keep_going = keep_going_;

    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    // Severities: okgen.conf, the command line over it, --final over both.
    severities_.config = config_;
    const std::string unknown = review::apply_severities(severities_, options.check, sink);
    if (!unknown.empty()) {
      std::cerr << inv.help.error("unknown-rule", text::Value{}.set("id", unknown)) << "\n";
      return kExitUsage;
    }
    if (sink.has_errors()) {
      diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      return kExitUsage;
    }
    sink.set_policy(&options.check.policy);

    const bool building = kind_ == Kind::build;
    if (building) options.check.compare_with_git = git_;
    options.incremental = building && !full_;
    options.keep_state = building;
    const PipelineResult result =
        building ? okgen::build(options, res, sink, sources) : okgen::check(options, res, sink, sources);
    return report(inv, result, options, res, sink, sources);
  }

 private:
  static inline const std::vector<std::string> kReportFormats = {"text", "json", "sarif", "html"};

  // Prints the findings and writes the report the command promises; returns the exit code.
  int report(const Invocation& inv, const PipelineResult& result, const PipelineOptions& options,
             const Resources& res, const diag::DiagnosticSink& sink, const diag::SourceRegistry& sources) const {
    const std::string as_of_text = options.as_of.iso();
    diag::PrintOptions po;
    po.min_severity = quiet_ ? diag::Severity::warning : diag::Severity::info;
    const auto fail_level = fail_on_ == "warning" ? diag::Severity::warning : diag::Severity::error;
    const bool to_file = !output_file_.empty() && output_file_ != "-";

    if (kind_ == Kind::calendar) {
      diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
      emit(render::report::calendar_ics(result, res, options.as_of), output_file_);
      return exit_code(result, sink);
    }
    if (kind_ == Kind::check && report_format_ != "text") {
      if (report_format_ == "json") emit(render::report::review_json(result, sink, res, as_of_text, inv.lang), output_file_);
      if (report_format_ == "sarif") emit(render::report::review_sarif(result, sink, res), output_file_);
      if (report_format_ == "html") emit(render::report::review_html(result, sink, res, as_of_text), output_file_);
      if (to_file) diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
      return exit_code(result, sink, fail_level);
    }
    diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
    // -q quietens the terminal only: a report asked for with -o is still written.
    const bool report_to_file = kind_ == Kind::check && to_file;
    if (!quiet_ || report_to_file) {
      // A report file holds the findings too (the terminal has them on stderr), as the
      // build's kontrollrapport.txt does.
      std::string text =
          report_to_file ? render::report::report_text(result, sink, res.messages, as_of_text, {}, false)
                         : render::report::summary_text(result, sink, res.messages, as_of_text, {}, kind_ == Kind::build);
      if (kind_ == Kind::check) text += "\n" + render::report::review_text(result, res, as_of_text);
      if (kind_ == Kind::build) text += render::report::reuse_note(result, res.messages);
      emit(text, kind_ == Kind::check ? output_file_ : "");
    }
    return exit_code(result, sink, fail_level);
  }

  Kind kind_;
  std::vector<std::string> paths_;
  std::string output_dir_ = "output";
  std::string format_list_ = "html,pdf";
  std::string date_;
  bool keep_going_ = false, full_ = false, git_ = false, quiet_ = false;
  std::string report_format_, output_file_;
  std::string fail_on_ = "error";
  review::SeverityRequest severities_;
  std::string config_;  // a path with spaces stays whole (a std::filesystem::path option would be read quoted)
};

}  // namespace

std::unique_ptr<Command> make_build_command() { return std::make_unique<PipelineCommand>(Kind::build); }
std::unique_ptr<Command> make_check_command() { return std::make_unique<PipelineCommand>(Kind::check); }
std::unique_ptr<Command> make_calendar_command() { return std::make_unique<PipelineCommand>(Kind::calendar); }

}  // namespace okgen::cli
