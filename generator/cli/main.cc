// okgen: the command line. Parses arguments (CLI11) and calls the library; nothing else.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "diag/printer.h"
#include "diag/rules.h"
#include "okgen_version.h"
#include "pipeline.h"
#include "render/report/summary.h"
#include "resources.h"
#include "util/fs.h"
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

const char* kFooter = R"(Exempel:
  okgen build                         bygg allt under content/ till output/
  okgen build content/dalarna         bygg en regions överenskommelser
  okgen check content/dalarna/regional.xml
                                      kontrollera en fil utan att bygga
  okgen check --date 2025-01-01       bedöm giltigheten per ett visst datum
  okgen rules                         visa alla regler som kontrolleras

Slutkoder: 0 inga fel, 1 fel i innehållet, 2 felaktigt kommando eller fil som
inte kan läsas, 3 utdata kunde inte skrivas, 4 internt fel i okgen.
Dokumentation: README.md och docs/ i okgens källkod.)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"okgen – skapar och kontrollerar samverkansöverenskommelser om personer med psykisk\n"
               "funktionsnedsättning (regionala och lokala) som HTML med kontrollrapport."};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("okgen ") + OKGEN_VERSION);
  app.require_subcommand(1);

  std::string lang = "sv";
  std::string resources_dir;
  app.add_option("--lang", lang, "Språk för meddelanden: sv (standard) eller en")->check(CLI::IsMember({"sv", "en"}));
  app.add_option("--resources", resources_dir, "Mapp med templates/, styles/ och data/ (standard: okgens källkod)");

  std::vector<std::string> paths;
  std::string output_dir = "output";
  std::string date;
  bool keep_going = false;
  bool quiet = false;

  auto* build = app.add_subcommand("build", "Bygg överenskommelser till HTML, med förteckning och kontrollrapport");
  build->add_option("paths", paths, "Filer eller mappar att bygga (standard: content)");
  build->add_option("-o,--output", output_dir, "Mapp för resultatet (standard: output)");
  std::string format_list = "html,pdf";
  build->add_option("--format", format_list, "Format, kommaseparerade: html, pdf, layout (PDF-layouten som text) (standard: html,pdf)")
      ->check([](const std::string& v) -> std::string {
        for (const auto& f : okgen::util::split(v, ',')) {
          const auto& known = okgen::known_formats();
          if (std::find(known.begin(), known.end(), f) == known.end()) return "okänt format \"" + f + "\" (html, pdf, layout)";
        }
        return {};
      });
  build->add_option("--date", date, "Bedöm giltigheten per detta datum (ÅÅÅÅ-MM-DD, standard: i dag)");
  build->add_flag("--keep-going", keep_going, "Bygg felfria överenskommelser även om andra har fel");
  build->add_flag("-q,--quiet", quiet, "Skriv bara ut fel och varningar");

  auto* check = app.add_subcommand("check", "Kontrollera överenskommelser utan att bygga");
  check->add_option("paths", paths, "Filer eller mappar att kontrollera (standard: content)");
  check->add_option("--date", date, "Bedöm giltigheten per detta datum (ÅÅÅÅ-MM-DD, standard: i dag)");
  check->add_flag("-q,--quiet", quiet, "Skriv bara ut fel och varningar");

  auto* rules = app.add_subcommand("rules", "Visa alla regler med id, allvarlighetsgrad och beskrivning");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? okgen::kExitOk : okgen::kExitUsage;
  }

  try {
    const fs::path root = resources_dir.empty() ? okgen::Resources::default_root() : fs::path(resources_dir);
    okgen::Resources res = [&] {
      try {
        return okgen::Resources::load(root, lang);
      } catch (const okgen::util::IoError& e) {
        std::cerr << "okgen: error: " << e.what() << ": " << e.path().string()
                  << " (ange --resources eller OKGEN_HOME till mappen med templates/, styles/ och data/)\n";
        std::exit(okgen::kExitUsage);
      }
    }();

    if (*rules) {
      for (const auto& r : okgen::diag::all_rules()) {
        if (r.severity == okgen::diag::Severity::note) continue;
        std::cout << r.id << " (" << okgen::diag::severity_keyword(r.severity) << "): "
                  << res.messages.get(r.id, "summary") << '\n';
      }
      return okgen::kExitOk;
    }

    auto as_of = resolve_date(date);
    if (!as_of) {
      std::cerr << "okgen: error: --date \"" << date << "\" är inget giltigt datum; skriv ÅÅÅÅ-MM-DD\n";
      return okgen::kExitUsage;
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
    okgen::PipelineResult result = *build ? okgen::build(options, res, sink, sources)
                                          : okgen::check(options, res, sink, sources);
    okgen::diag::PrintOptions po;
    po.min_severity = quiet ? okgen::diag::Severity::warning : okgen::diag::Severity::info;
    okgen::diag::print_diagnostics(std::cerr, sink, sources, res.messages, po);
    if (!quiet) std::cout << okgen::render::summary_text(result, sink, res.messages, options.as_of.iso());
    return okgen::exit_code(result, sink);
  } catch (const okgen::util::IoError& e) {
    std::cerr << "okgen: error: " << e.what() << ": " << okgen::util::display_path(e.path())
              << " (inga befintliga filer har skrivits över)\n";
    return okgen::kExitOutput;
  } catch (const std::exception& e) {
    std::cerr << "okgen: internal error: " << e.what() << " (rapportera gärna felet)\n";
    return okgen::kExitInternal;
  }
}
