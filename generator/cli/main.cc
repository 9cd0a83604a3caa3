// okgen: the command line. Parses arguments (CLI11) and calls the library; nothing else.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "cli_help.h"
#include "diag/printer.h"
#include "diag/rules.h"
#include "diff/diff_command.h"
#include "import/import.h"
#include "load/agreement_loader.h"
#include "local/accept.h"
#include "local/init.h"
#include "revise/revise.h"
#include "okgen_version.h"
#include "pipeline.h"
#include "render/document_writer.h"
#include "render/report/calendar.h"
#include "render/report/review_report.h"
#include "render/report/rules_doc.h"
#include "render/report/summary.h"
#include "resources.h"
#include "review/check_options.h"
#include "text/template_engine.h"
#include "util/fs.h"
#include "util/output_format.h"
#include "util/process.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace {

// The day validity is judged on: --date, else SOURCE_DATE_EPOCH (reproducible builds),
// else today in local time.
std::optional<okgen::util::Date> resolve_date(const std::string& given) {
  if (!given.empty()) return okgen::util::Date::parse(given);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long secs = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && secs >= 0) return okgen::util::Date::from_days(secs / 86400);
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return okgen::util::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// The examples, exit codes and documentation under --help (templates/cli [examples]).
std::string help_footer(const okgen::text::Catalog& c) {
  std::string out = c.get("examples", "title") + "\n";
  for (const auto& key : c.keys("examples")) {
    // ex01, ex02, ...: not "exit", which follows them.
    if (key.size() < 3 || key.rfind("ex", 0) != 0 || !std::isdigit(static_cast<unsigned char>(key[2]))) continue;
    const std::string line = c.get("examples", key);
    const auto bar = line.find(" | ");
    const std::string cmd = line.substr(0, bar), what = bar == std::string::npos ? "" : line.substr(bar + 3);
    out += "  " + cmd;
    if (cmd.size() < 34) {
      out += std::string(36 - cmd.size(), ' ') + what + "\n";
    } else {
      out += "\n" + std::string(38, ' ') + what + "\n";
    }
  }
  return out + "\n" + c.get("examples", "exit") + "\n" + c.get("examples", "docs");
}

// Writes report text to -o FILE (atomically) or standard output.
void emit(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::cout << text;
  } else {
    okgen::util::write_file_atomic(output, text);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Help in the language of --lang (templates/cli/<lang>.txt), CLI11's headings too.
  const okgen::cli::Help h(argc, argv);
  CLI::App app{h("okgen")};
  h.prepare(app, h("okgen.help"), h("okgen.more-help"));
  app.footer(help_footer(h.catalog()));
  app.set_version_flag("--version", std::string("okgen ") + OKGEN_VERSION, h("okgen.version"));
  app.require_subcommand(1);

  std::string lang = "sv";
  std::string resources_dir;
  app.add_option("--lang", lang, h("okgen.lang"))->check(CLI::IsMember({"sv", "en"}));
  app.add_option("--resources", resources_dir, h("okgen.resources"));

  std::vector<std::string> paths;
  std::string output_dir = "output";
  std::string format_list = "html,pdf";
  std::string date;
  bool keep_going = false;
  bool quiet = false;
  std::string report_format;
  std::string output_file;
  std::vector<std::string> as_error, as_warning, as_info, ignored;
  std::string fail_on = "error";
  std::string config;
  bool final_check = false;

  // Options every command that reads agreements shares.
  auto review_options = [&](CLI::App* cmd) {
    cmd->add_option("--date", date, h("common.date"));
    // One rule per option (repeat the option for more): a list would swallow the files
    // after it ("okgen check --ignore lix-high avtal.xml" would name no file).
    cmd->add_option("--error", as_error, h("common.error"))->allow_extra_args(false);
    cmd->add_option("--warning", as_warning, h("common.warning"))->allow_extra_args(false);
    cmd->add_option("--info", as_info, h("common.info"))->allow_extra_args(false);
    cmd->add_option("--ignore", ignored, h("common.ignore"))->allow_extra_args(false);
    cmd->add_option("--config", config, h("common.config"));
    cmd->add_flag("-q,--quiet", quiet, h("common.quiet"));
    cmd->add_flag("--final", final_check, h("common.final"));
  };

  auto* build = app.add_subcommand("build", h("command.build"));
  build->add_option("paths", paths, h("build.paths"));
  build->add_option("-o,--output", output_dir, h("build.output"));
  // The formats are the registry's (render/writers.cc).
  const std::string formats = okgen::render::format_list(h.catalog());
  const auto with_formats = [&](const std::string& key, const std::string& format = {}) {
    return okgen::text::render(h(key), okgen::text::Value{}.set("formats", formats).set("format", format),
                               okgen::text::Escape::none);
  };
  build->add_option("--format", format_list, with_formats("build.format"))
      ->check([&](const std::string& v) -> std::string {
        for (const auto& f : okgen::util::split(v, ',')) {
          if (!okgen::render::find_writer(f)) return with_formats("build.format-unknown", f);
        }
        return {};
      });
  build->add_flag("--keep-going", keep_going, h("build.keep-going"));
  // A build reuses what the last one into the same folder made of unchanged files
  // (docs/incremental-build.md); --full makes everything again.
  bool build_full = false;
  build->add_flag("--full", build_full, h("build.full"));
  // Reading git history costs a helper process per repository: build skips it unless asked
  // (check always compares, which is where the finding matters).
  bool build_git = false;
  build->add_flag("--git", build_git, h("build.git"));
  review_options(build);

  auto* check = app.add_subcommand("check", h("command.check"));
  check->add_option("paths", paths, h("check.paths"));
  check->add_option("--format", report_format, h("check.format"))
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  check->add_option("-o,--output", output_file, h("check.output"));
  check->add_option("--fail-on", fail_on, h("check.fail-on"))
      ->check(CLI::IsMember({"error", "warning"}));
  review_options(check);

  auto* calendar = app.add_subcommand("calendar", h("command.calendar"));
  calendar->add_option("paths", paths, h("calendar.paths"));
  calendar->add_option("-o,--output", output_file, h("calendar.output"));
  review_options(calendar);

  auto* rules = app.add_subcommand("rules", h("command.rules"));
  std::string rules_format = "text";
  rules->add_option("--format", rules_format, h("rules.format"))
      ->check(CLI::IsMember({"text", "markdown"}));

  auto* local = app.add_subcommand("local", h("command.local"));
  local->require_subcommand(1);
  auto* init = local->add_subcommand("init", h("command.local-init"));
  std::string init_region;
  std::vector<std::string> init_municipalities;
  bool init_all = false, init_force = false;
  std::string content_dir = "content";
  init->add_option("--region", init_region, h("local-init.region"))->required();
  auto* muni_opt = init->add_option("--municipality", init_municipalities, h("local-init.municipality"));
  auto* all_opt = init->add_flag("--all", init_all, h("local-init.all"));
  muni_opt->excludes(all_opt);
  init->add_flag("--force", init_force, h("local-init.force"));
  init->add_option("--content", content_dir, h("local-init.content"));
  init->add_option("--date", date, h("local-init.date"));
  auto* accept = local->add_subcommand("accept", h("command.local-accept"));
  std::string accept_file;
  std::vector<std::string> accept_sections;
  bool accept_all = false;
  accept->add_option("file", accept_file, h("local-accept.file"))->required();
  auto* accept_ids = accept->add_option("sections", accept_sections, h("local-accept.sections"));
  auto* accept_every = accept->add_flag("--all", accept_all, h("local-accept.all"));
  accept_ids->excludes(accept_every);

  auto* diff_cmd = app.add_subcommand("diff", h("command.diff"));
  std::string diff_old, diff_new, diff_format;
  diff_cmd->add_option("old", diff_old, h("diff.old"))->required();
  diff_cmd->add_option("new", diff_new, h("diff.new"))->required();
  diff_cmd->add_option("--format", diff_format, h("diff.format"))->check(CLI::IsMember({"text", "html", "json", "pdf", "docx"}));
  diff_cmd->add_option("-o,--output", output_file, h("diff.output"));
  diff_cmd->add_option("--date", date, h("diff.date"));

  auto* import_cmd = app.add_subcommand("import", h("command.import"));
  std::string import_file, import_output, import_region;
  bool import_force = false;
  import_cmd->add_option("file", import_file, h("import.file"))->required();
  import_cmd->add_option("-o,--output", import_output, h("import.output"));
  import_cmd->add_option("--region", import_region, h("import.region"));
  import_cmd->add_flag("--force", import_force, h("import.force"));
  import_cmd->add_option("--date", date, h("import.date"));

  // okgen serve is a program of its own (build/okgen-serve): only it loads the HTTP library.
  auto* serve = app.add_subcommand("serve", h("command.serve"));
  serve->prefix_command();
  serve->set_help_flag();  // --help goes to okgen-serve

  auto* revise = app.add_subcommand("revise", h("command.revise"));
  std::string revise_file, revise_version;
  revise->add_option("file", revise_file, h("revise.file"))->required();
  revise->add_option("--version", revise_version, h("revise.version"))->required();
  revise->add_option("--date", date, h("revise.date"));

  h.finish(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? okgen::kExitOk : okgen::kExitUsage;
  }

  if (*serve) {
    std::vector<std::string> args{"okgen-serve"};
    if (!resources_dir.empty()) args.insert(args.end(), {"--resources", resources_dir});
    if (lang != "sv") args.insert(args.end(), {"--lang", lang});
    for (const auto& a : serve->remaining()) args.push_back(a);
    return okgen::util::exec_sibling("okgen-serve", args);  // returns only when it cannot run it
  }

  // --format and -o disagreeing ("--format text -o x.pdf").
  const auto format_contradicts = [&](const std::string& format, const std::string& by_extension) {
    std::cerr << h.error("format-contradicts", okgen::text::Value{}
                                                   .set("format", format)
                                                   .set("file", output_file)
                                                   .set("by_extension", by_extension))
              << "\n";
    return okgen::kExitUsage;
  };
  try {
    const fs::path root = resources_dir.empty() ? okgen::Resources::default_root() : fs::path(resources_dir);
    okgen::Resources res = [&] {
      try {
        return okgen::Resources::load(root, lang);
      } catch (const okgen::util::IoError& e) {
        std::cerr << h.error("resources", okgen::text::Value{}.set("what", h.io_problem(e)).set("path", e.path().string()))
                  << "\n";
        std::exit(okgen::kExitUsage);
      }
    }();

    if (*rules) {
      if (rules_format == "markdown") {
        std::cout << okgen::render::report::rules_markdown(okgen::text::Catalog::load(root / "templates/messages/sv.txt"),
                                                   okgen::text::Catalog::load(root / "templates/messages/en.txt"));
      } else {
        std::cout << okgen::render::report::rules_text(res.messages);
      }
      return okgen::kExitOk;
    }

    auto as_of = resolve_date(date);
    if (!as_of) {
      std::cerr << h.error("bad-date", okgen::text::Value{}.set("date", date)) << "\n";
      return okgen::kExitUsage;
    }
    if (*check) {
      const auto chosen = okgen::util::output_format(report_format, output_file, {"text", "json", "sarif", "html"}, "text");
      if (!chosen.contradicted_by.empty()) return format_contradicts(report_format, chosen.contradicted_by);
      report_format = chosen.format;
    }
    if (*diff_cmd) {
      // The format follows the file's extension unless --format says otherwise (and agrees).
      const auto chosen = okgen::util::output_format(diff_format, output_file, {"text", "html", "json", "pdf", "docx"}, "text");
      if (!chosen.contradicted_by.empty()) return format_contradicts(diff_format, chosen.contradicted_by);
      okgen::diff::DiffRequest dr;
      dr.old_version = diff_old;
      dr.new_version = diff_new;
      dr.format = chosen.format;
      dr.output = output_file;
      dr.as_of = *as_of;
      okgen::diag::DiagnosticSink sink;
      okgen::diag::SourceRegistry sources;
      const auto outcome = okgen::diff::run_diff(dr, res, sink, sources);
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      if (outcome.needs_output) {
        std::cerr << h.prefixed(okgen::text::render(h("diff.needs-output"), okgen::text::Value{}.set("format", dr.format),
                                                    okgen::text::Escape::none))
                  << "\n";
      }
      std::cout << outcome.text;
      return outcome.exit_code;
    }
    if (*revise) {
      okgen::diag::DiagnosticSink sink;
      okgen::diag::SourceRegistry sources;
      okgen::load::LoadOptions lo = res.load_options();
      auto r = okgen::revise::revise(revise_file, revise_version, *as_of, lo, res, sink, sources);
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      if (r == okgen::revise::Result::written) {
        std::cout << h.say("revised", okgen::text::Value{}.set("version", revise_version).set("file", revise_file)) << "\n";
        return okgen::kExitOk;
      }
      return r == okgen::revise::Result::unreadable ? okgen::kExitUsage : okgen::kExitFindings;
    }
    if (*import_cmd) {
      okgen::import::ImportOptions io;
      io.input = import_file;
      io.output = import_output;
      io.region = import_region;
      io.force = import_force;
      io.as_of = *as_of;
      okgen::diag::DiagnosticSink sink;
      okgen::diag::SourceRegistry sources;
      auto r = okgen::import::import_file(io, res, sink, sources);
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      if (!r) {
        // A file that is not there is a usage error (2); a file that cannot be imported, 1.
        const auto& all = sink.all();
        const bool missing = std::any_of(all.begin(), all.end(), [](const auto& d) { return d.rule == "file-unreadable"; });
        return missing ? okgen::kExitUsage : okgen::kExitFindings;
      }
      std::cout << okgen::import::import_report(*r, res);
      return okgen::kExitOk;
    }
    if (*accept) {
      if (accept_sections.empty() && !accept_all) {
        std::cerr << h.error("need-sections") << "\n";
        return okgen::kExitUsage;
      }
      okgen::diag::DiagnosticSink sink;
      okgen::diag::SourceRegistry sources;
      const auto r = okgen::local::accept_regional_changes(accept_file, accept_sections, accept_all, res, sink, sources);
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      if (!r) return sink.has_errors() ? okgen::kExitFindings : okgen::kExitUsage;
      for (const auto& a : r->accepted) {
        std::cout << h.say("accepted", okgen::text::Value{}
                                           .set("number", a.number)
                                           .set("heading", a.heading)
                                           .set("to", a.to)
                                           .set("from", a.from))
                  << "\n";
      }
      for (const auto& id : r->current) std::cout << h.say("already-current", okgen::text::Value{}.set("id", id)) << "\n";
      if (r->accepted.empty() && r->current.empty()) std::cout << h.say("nothing-to-accept") << "\n";
      return okgen::kExitOk;
    }
    if (*init) {
      if (init_municipalities.empty() && !init_all) {
        std::cerr << h.error("need-municipality") << "\n";
        return okgen::kExitUsage;
      }
      okgen::local::InitOptions io;
      io.region = init_region;
      io.municipalities = init_municipalities;
      io.all = init_all;
      io.force = init_force;
      io.content_dir = content_dir;
      io.today = *as_of;
      okgen::diag::DiagnosticSink sink;
      okgen::diag::SourceRegistry sources;
      auto r = okgen::local::init_local(io, res, sink, sources);
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      for (const auto& f : r.written) std::cout << h.say("created", okgen::text::Value{}.set("file", okgen::util::display_path(f))) << "\n";
      for (const auto& f : r.skipped) std::cout << h.say("kept", okgen::text::Value{}.set("file", okgen::util::display_path(f))) << "\n";
      if (r.usage_error) return okgen::kExitUsage;
      return sink.has_errors() ? okgen::kExitFindings : okgen::kExitOk;
    }
    okgen::PipelineOptions options;
    for (const auto& p : paths) options.inputs.emplace_back(p);
    if (options.inputs.empty()) options.inputs.emplace_back("content");
    options.output_dir = output_dir;
    options.formats = okgen::util::split(format_list, ',');
    options.as_of = *as_of;
    options.keep_going = keep_going;

    okgen::diag::DiagnosticSink sink;
    okgen::diag::SourceRegistry sources;
    // Severities: okgen.conf, the command line over it, --final over both.
    const std::string unknown = okgen::review::apply_severities(
        {config, as_error, as_warning, as_info, ignored, final_check}, options.check, sink);
    if (!unknown.empty()) {
      std::cerr << h.error("unknown-rule", okgen::text::Value{}.set("id", unknown)) << "\n";
      return okgen::kExitUsage;
    }
    if (sink.has_errors()) {
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages);
      return okgen::kExitUsage;
    }
    sink.set_policy(&options.check.policy);

    if (*build) options.check.compare_with_git = build_git;
    options.incremental = *build && !build_full;
    options.keep_state = bool(*build);
    okgen::PipelineResult result = *build ? okgen::build(options, res, sink, sources)
                                          : okgen::check(options, res, sink, sources);
    const std::string as_of_text = options.as_of.iso();
    okgen::diag::PrintOptions po;
    po.min_severity = quiet ? okgen::diag::Severity::warning : okgen::diag::Severity::info;
    const auto fail_level = fail_on == "warning" ? okgen::diag::Severity::warning : okgen::diag::Severity::error;

    if (*calendar) {
      okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
      emit(okgen::render::report::calendar_ics(result, res, options.as_of), output_file);
      return okgen::exit_code(result, sink);
    }
    if (*check && report_format != "text") {
      if (report_format == "json") emit(okgen::render::report::review_json(result, sink, res, as_of_text, lang), output_file);
      if (report_format == "sarif") emit(okgen::render::report::review_sarif(result, sink, res), output_file);
      if (report_format == "html") emit(okgen::render::report::review_html(result, sink, res, as_of_text), output_file);
      if (!output_file.empty() && output_file != "-") okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
      return okgen::exit_code(result, sink, fail_level);
    }
    okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
    // -q quietens the terminal only: a report asked for with -o is still written.
    const bool to_file = *check && !output_file.empty() && output_file != "-";
    if (!quiet || to_file) {
      // A report file holds the findings too (the terminal has them on stderr), as the
      // build's kontrollrapport.txt does.
      std::string text = to_file ? okgen::render::report::report_text(result, sink, res.messages, as_of_text, {}, false)
                                 : okgen::render::report::summary_text(result, sink, res.messages, as_of_text, {}, !*check);
      if (*check) text += "\n" + okgen::render::report::review_text(result, res, as_of_text);
      if (*build) text += okgen::render::report::reuse_note(result, res.messages);
      emit(text, *check ? output_file : "");
    }
    return okgen::exit_code(result, sink, fail_level);
  } catch (const okgen::util::IoError& e) {
    std::cerr << h.error("not-written",
                         okgen::text::Value{}.set("what", h.io_problem(e)).set("path", okgen::util::display_path(e.path())))
              << "\n";
    return okgen::kExitOutput;
  } catch (const std::exception& e) {
    std::cerr << h.internal_error(e.what()) << "\n";
    return okgen::kExitInternal;
  }
}
