// The command line: help, version, exit codes and messages, run as a real process.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <thread>
#include <tuple>
#include <regex>
#include <sstream>

#include "pipeline.h"
#include "text/catalog.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using okgen::test::run;

namespace {

std::string okgen_cmd(const std::string& args) { return std::string(OKGEN_BINARY) + " " + args; }

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("help and version", "[cli]") {
  std::string out;
  CHECK(run(okgen_cmd("--help"), &out) == 0);
  CHECK(contains(out, "okgen build"));
  CHECK(contains(out, "Slutkoder"));
  CHECK(run(okgen_cmd("--version"), &out) == 0);
  CHECK(contains(out, "okgen 0."));
  CHECK(run(okgen_cmd("build --help"), &out) == 0);
  CHECK(contains(out, "--keep-going"));
}

TEST_CASE("help in the language of --lang, CLI11's headings included", "[cli]") {
  std::string sv, en, sub;
  CHECK(run(okgen_cmd("--help"), &sv) == 0);
  for (const char* heading : {"Användning:", "Alternativ:", "Kommandon:", "Exempel:", "Slutkoder:"}) CHECK(contains(sv, heading));
  CHECK_FALSE(contains(sv, "Options:"));
  CHECK_FALSE(contains(sv, "Subcommands:"));
  CHECK(run(okgen_cmd("--lang en --help"), &en) == 0);
  for (const char* heading : {"Usage:", "Options:", "Subcommands:", "Examples:", "Exit codes:"}) CHECK(contains(en, heading));
  CHECK(contains(en, "Build agreements into HTML and PDF"));
  CHECK_FALSE(contains(en, "Alternativ"));
  CHECK_FALSE(contains(en, "Bygg överenskommelser"));
  // A nested command and its help flag, and a usage error, in English too.
  CHECK(run(okgen_cmd("--lang=en local init --help"), &sub) == 0);
  CHECK(contains(sub, "Show this help and exit"));
  CHECK(contains(sub, "The municipality, for example Falun"));
  CHECK(run(okgen_cmd("--lang en build --format odt"), &sub) == 2);
  CHECK(contains(sub, "unknown format \"odt\""));
  CHECK(run(okgen_cmd("build --format odt"), &sub) == 2);
  CHECK(contains(sub, "okänt format \"odt\""));
  CHECK(contains(sub, "Skriv okgen --help"));
  // okgen serve is its own program (okgen-serve) and speaks the same language.
  CHECK(run(okgen_cmd("serve --help"), &sub) == 0);
  CHECK(contains(sub, "Alternativ:"));
  CHECK(contains(sub, "Porten (standard: 8420"));
  CHECK(run(okgen_cmd("--lang en serve --help"), &sub) == 0);
  CHECK(contains(sub, "Options:"));
  CHECK(contains(sub, "The port (default: 8420"));
  CHECK_FALSE(contains(sub, "Porten"));
}

TEST_CASE("usage errors exit 2", "[cli]") {
  std::string out;
  CHECK(run(okgen_cmd(""), &out) == 2);
  CHECK(run(okgen_cmd("bygg"), &out) == 2);
  CHECK(run(okgen_cmd("build --format odt"), &out) == 2);
  CHECK(run(okgen_cmd("check --date 2021-02-30 docs/examples/exempel.xml"), &out) == 2);
  CHECK(contains(out, "ÅÅÅÅ-MM-DD"));
  CHECK(run(okgen_cmd("check finns/inte.xml"), &out) == 2);
  CHECK(contains(out, "finns/inte.xml: error: Filen kan inte läsas: filen finns inte [file-unreadable]"));
}

TEST_CASE("content errors exit 1 with GCC-style messages and a source excerpt", "[cli]") {
  std::string out;
  CHECK(run(okgen_cmd("check tests/bad-input/unknown-element-typo.xml"), &out) == 1);
  CHECK(contains(out, "tests/bad-input/unknown-element-typo.xml:11:5: error: Elementet <diarenummer> är inte tillåtet i <meta>. Menade du <diarienummer>? [unknown-element]"));
  CHECK(contains(out, " 11 |     <diarenummer>RD 1/2</diarenummer>"));
  CHECK(contains(out, "    |     ^"));
  CHECK(run(okgen_cmd("--lang en check tests/bad-input/unknown-element-typo.xml"), &out) == 1);
  CHECK(contains(out, "Element <diarenummer> is not allowed in <meta>. Did you mean <diarienummer>?"));
}

TEST_CASE("checking the shipped content finds no errors", "[cli]") {
  std::string out;
  CHECK(run(okgen_cmd("check -q content docs/examples/exempel.xml --date 2026-11-23"), &out) == 0);
  CHECK_FALSE(contains(out, "error:"));
}

TEST_CASE("build writes the pages, the index and the report; an unwritable output exits 3", "[cli]") {
  const fs::path dir = okgen::test::temp_dir("cli-build");
  std::string out;
  CHECK(run(okgen_cmd("build docs/examples/exempel.xml -o " + (dir / "out").string() + " --date 2026-11-23"), &out) == 0);
  CHECK(fs::exists(dir / "out/exempel.html"));
  CHECK(fs::exists(dir / "out/index.html"));
  CHECK(contains(okgen::test::read(dir / "out/kontrollrapport.txt"), "Kontrollrapport från okgen"));
  CHECK(contains(out, "Gäller till och med 2028-03-31"));

  std::ofstream(dir / "blocker") << "x";
  CHECK(run(okgen_cmd("build docs/examples/exempel.xml -o " + (dir / "blocker").string()), &out) == 3);
  CHECK(contains(out, "inga befintliga filer har skrivits över"));
}

TEST_CASE("rules lists every rule with its summary", "[cli]") {
  std::string out;
  CHECK(run(okgen_cmd("rules"), &out) == 0);
  CHECK(contains(out, "unknown-element (error): Alla element finns i innehållsformatet."));
  CHECK(contains(out, "raw-html (warning)"));
}

// A reviewer points okgen at a folder of published agreements as text: they are found, a
// folder with nothing to check is an error (never "0 agreements, 0 errors" and exit 0), and
// -q quietens only the terminal.
TEST_CASE("check finds text agreements in folders and never gives a false all-clear", "[cli]") {
  const fs::path dir = okgen::test::temp_dir("cli-texts");
  fs::create_directories(dir / "texter" / "ost");
  for (const char* name : {"01-tierp-2011.txt", "05-varberg-2024.md"}) {
    fs::copy_file(okgen::test::source_dir() / "tests/checker-dev/agreements" / name, dir / "texter" / "ost" / name);
  }
  std::string out;
  CHECK(run(okgen_cmd("check --date 2026-11-23 " + (dir / "texter").string()), &out) == 0);
  CHECK(contains(out, "01-tierp-2011.txt"));
  CHECK(contains(out, "05-varberg-2024.md"));
  CHECK(contains(out, "2 överenskommelser granskade"));
  CHECK_FALSE(contains(out, "inte byggd"));
  CHECK_FALSE(contains(out, "filer skrivna"));
  CHECK(contains(out, "Det som avgör bedömningen"));

  fs::create_directories(dir / "tom");
  std::ofstream(dir / "tom" / "anteckning.pdf") << "%PDF-1.7";
  CHECK(run(okgen_cmd("check " + (dir / "tom").string()), &out) == 2);
  CHECK(contains(out, "Inga överenskommelser hittades"));
  CHECK(contains(out, "[no-agreements]"));

  // A Markdown body of an XML agreement is part of it, not an agreement of its own.
  CHECK(run(okgen_cmd("check --date 2026-11-23 " + (okgen::test::source_dir() / "content/ostergotland").string()), &out) == 0);
  CHECK_FALSE(contains(out, "bakgrund.md"));

  const fs::path report = dir / "granskning.txt";
  CHECK(run(okgen_cmd("check -q --date 2026-11-23 -o " + report.string() + " " + (dir / "texter").string()), &out) == 0);
  REQUIRE(fs::exists(report));
  CHECK(contains(okgen::test::read(report), "Täckning av områdena"));
}

TEST_CASE("check: report formats, severities, --config, --resources and -q -o, as a user runs them", "[cli]") {
  // Each option is run as a process on an agreement whose validity has ended (a warning,
  // validity-expired, on 2026-11-23), and its effect is read from what the process printed
  // or wrote.
  const fs::path dir = okgen::test::temp_dir("cli-check");
  const std::string file = (okgen::test::source_dir() / "content/dalarna/regional.xml").string();
  const std::string base = "check --date 2026-11-23 ";
  std::string out;

  // Text by default: the warning, exit 0 (warnings do not fail a check by default).
  REQUIRE(run(okgen_cmd(base + file), &out) == 0);
  CHECK(contains(out, "warning: "));
  CHECK(contains(out, "[validity-expired]"));

  SECTION("--format json, sarif and html, written with -o") {
    for (const std::string format : {"json", "sarif", "html"}) {
      const fs::path report = dir / ("rapport." + format);
      REQUIRE(run(okgen_cmd(base + "--format " + format + " -o " + report.string() + " " + file), &out) == 0);
      const std::string text = okgen::test::read(report);
      INFO(format);
      CHECK(contains(text, "validity-expired"));
      if (format == "json") CHECK(text.rfind("{", 0) == 0);
      if (format == "json") CHECK(contains(text, "\"as_of\": \"2026-11-23\""));
      if (format == "sarif") CHECK(contains(text, "\"version\": \"2.1.0\""));
      if (format == "html") CHECK(contains(text, "<html lang=\"sv\">"));
    }
  }
  SECTION("--error makes the rule an error and the exit 1; --info and --ignore quieten it") {
    CHECK(run(okgen_cmd(base + "--error validity-expired " + file), &out) == 1);
    CHECK(contains(out, "error: "));
    CHECK(contains(out, "[validity-expired]"));
    CHECK(run(okgen_cmd(base + "--info validity-expired " + file), &out) == 0);
    CHECK(contains(out, "info: "));
    CHECK_FALSE(contains(out, "warning: Överenskommelsen upphörde"));
    CHECK(run(okgen_cmd(base + "--ignore validity-expired " + file), &out) == 0);
    CHECK_FALSE(contains(out, "[validity-expired]"));
    // --warning puts back what a configuration file raised to an error.
    std::ofstream(dir / "strikt.conf") << "[rules]\nvalidity-expired = error\n";
    CHECK(run(okgen_cmd(base + "--config " + (dir / "strikt.conf").string() + " " + file), &out) == 1);
    CHECK(run(okgen_cmd(base + "--config " + (dir / "strikt.conf").string() + " --warning validity-expired " + file), &out) == 0);
    CHECK(contains(out, "warning: "));
  }
  SECTION("--config turns a rule off; a rule name the program does not know is an error that suggests the right one") {
    std::ofstream(dir / "tyst.conf") << "[rules]\nvalidity-expired = off\n";
    CHECK(run(okgen_cmd(base + "--config " + (dir / "tyst.conf").string() + " " + file), &out) == 0);
    CHECK_FALSE(contains(out, "[validity-expired]"));
    std::ofstream(dir / "stavfel.conf") << "[rules]\nvaliditty-expired = error\n";
    CHECK(run(okgen_cmd(base + "--config " + (dir / "stavfel.conf").string() + " " + file), &out) == 2);
    CHECK(contains(out, "stavfel.conf:2:1: error: "));
    CHECK(contains(out, "Menade du validity-expired?"));
  }
  SECTION("rule options name one rule each and may be repeated; the files after them stay files") {
    CHECK(run(okgen_cmd(base + "--ignore lix-high --error validity-expired " + file), &out) == 1);
    CHECK(contains(out, "error: "));
  }
  SECTION("-q -o writes the same report as -o and only quietens the terminal") {
    const fs::path quiet = dir / "tyst.txt", loud = dir / "hogt.txt";
    std::string quiet_out, loud_out;
    CHECK(run(okgen_cmd(base + "-q -o " + quiet.string() + " " + file), &quiet_out) == 0);
    CHECK(run(okgen_cmd(base + "-o " + loud.string() + " " + file), &loud_out) == 0);
    const std::string text = okgen::test::read(quiet);
    CHECK(text.size() > 500);
    CHECK(contains(text, "Upphörde 2025-07-01"));
    CHECK(contains(text, "warning: Överenskommelsen upphörde att gälla 2025-07-01"));  // the findings too
    CHECK(text == okgen::test::read(loud));
    CHECK(contains(quiet_out, "[validity-expired]"));  // the warning is still said
    CHECK(quiet_out.size() < loud_out.size());
  }
  SECTION("--resources names where templates, styles and data are; a folder without them is an error") {
    CHECK(run(okgen_cmd("--resources " + okgen::test::source_dir().string() + " " + base + file), &out) == 0);
    CHECK(contains(out, "[validity-expired]"));
    CHECK(run(okgen_cmd("--resources " + dir.string() + " " + base + file), &out) == 2);
    CHECK(contains(out, "--resources"));
  }
}

namespace {

// What okgen itself says in a run's output: source excerpts, the list of a local agreement's
// sections (headings from the content), quoted text and file paths are the content's words,
// not okgen's, and are left out.
std::string own_words(const std::string& out) {
  static const std::regex excerpt(R"(^\s*\d*\s\|)"), section_row(R"(^ {4}\S+\s{2,})"),
      quoted("\"[^\"]*\"|\xE2\x80\x9C[^\xE2]*\xE2\x80\x9D"), path(R"(\S*/\S*)");
  std::string kept, line;
  std::istringstream in(out);
  while (std::getline(in, line)) {
    if (std::regex_search(line, excerpt) || std::regex_search(line, section_row)) continue;
    kept += std::regex_replace(std::regex_replace(line, quoted, ""), path, "") + "\n";
  }
  return kept;
}

// Swedish letters left in okgen's own words, with the line they are on.
std::string swedish_lines(const std::string& words) {
  std::string found, line;
  std::istringstream in(words);
  while (std::getline(in, line)) {
    for (const char* letter : {"å", "ä", "ö", "Å", "Ä", "Ö"}) {
      if (contains(line, letter)) {
        found += line + "\n";
        break;
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("English runs: check and build with --lang en speak English (validity, areas, totals, findings)", "[cli]") {
  const fs::path dir = okgen::test::temp_dir("cli-english");
  std::string check_en, build_en, check_sv;
  run(okgen_cmd("--lang en check content docs/examples/exempel.xml --date 2026-11-23"), &check_en);
  run(okgen_cmd("--lang en build --full content docs/examples/exempel.xml -o " + (dir / "out").string() + " --date 2026-11-23"),
      &build_en);
  CHECK(contains(check_en, "Coverage of the areas"));
  CHECK(contains(check_en, "Target groups"));
  CHECK(contains(check_en, "Expired 2025-07-01"));
  CHECK(swedish_lines(own_words(check_en)).empty());
  INFO(swedish_lines(own_words(check_en)));
  CHECK(swedish_lines(own_words(build_en)).empty());
  INFO(swedish_lines(own_words(build_en)));
  // The filter keeps okgen's own Swedish: the same run in Swedish is caught.
  run(okgen_cmd("check content docs/examples/exempel.xml --date 2026-11-23"), &check_sv);
  CHECK(contains(swedish_lines(own_words(check_sv)), "Upphörde 2025-07-01"));
  CHECK(contains(swedish_lines(own_words(check_sv)), "Målgrupper"));
  // A git problem is a phrase of the catalogue too.
  std::string out;
  run(okgen_cmd("--lang en diff HEAD:docs/examples/finns-inte.xml docs/examples/exempel.xml"), &out);
  CHECK(contains(out, "the file does not exist in HEAD"));
}

TEST_CASE("the exit codes in docs/exit-codes.md, --help and the code agree", "[cli]") {
  const std::string doc = okgen::test::read(okgen::test::source_dir() / "docs" / "exit-codes.md");
  const std::vector<std::pair<int, std::string>> codes = {{okgen::kExitOk, "kExitOk"},
                                                          {okgen::kExitFindings, "kExitFindings"},
                                                          {okgen::kExitUsage, "kExitUsage"},
                                                          {okgen::kExitOutput, "kExitOutput"},
                                                          {okgen::kExitInternal, "kExitInternal"}};
  std::string sv, en;
  CHECK(run(okgen_cmd("--help"), &sv) == 0);
  CHECK(run(okgen_cmd("--lang en --help"), &en) == 0);
  // Once, after the examples (it was once listed among them too).
  const auto count = [](const std::string& text, const std::string& word) {
    std::size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
    return n;
  };
  CHECK(count(sv, "Slutkoder:") == 1);
  CHECK(count(en, "Exit codes:") == 1);
  for (const auto& [code, name] : codes) {
    INFO(name);
    CHECK(contains(doc, "| " + std::to_string(code) + " | `" + name + "` |"));
    CHECK(std::regex_search(sv, std::regex("Slutkoder:.*\\b" + std::to_string(code) + " [a-zåäö]")));
    CHECK(std::regex_search(en, std::regex("Exit codes:.*\\b" + std::to_string(code) + " [a-z]")));
  }
  // Every command of --help has its row.
  for (const char* command : {"build", "check", "calendar", "rules", "diff", "local init", "local accept", "revise", "import", "serve"}) {
    CHECK(contains(doc, std::string("| `") + command + "` |"));
  }
  // The code's comment points at the document.
  CHECK(contains(okgen::test::read(okgen::test::source_dir() / "generator" / "core" / "pipeline.h"), "docs/exit-codes.md"));
}

TEST_CASE("usage errors in the language of --lang, CLI11's own sentences included", "[cli]") {
  // One command per CLI11 sentence okgen translates (cli_help.cc); a CLI11 that words one
  // differently fails here instead of printing English to a Swedish user.
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"build --nope", "okgen: fel: okänt argument: --nope", "okgen: error: unexpected argument: --nope"},
      {"rules a b", "okgen: fel: okända argument: a b", "okgen: error: unexpected arguments: a b"},
      {"check --date", "okgen: fel: --date behöver ett värde", "okgen: error: --date needs a value"},
      {"", "okgen: fel: ange ett kommando", "okgen: error: name a command"},
      {"revise x.xml", "okgen: fel: --version måste anges", "okgen: error: --version is required"},
      {"check --fail-on maybe content", "okgen: fel: --fail-on: \"maybe\" går inte; välj bland error, warning",
       "okgen: error: --fail-on: \"maybe\" is not possible; choose from error, warning"},
      {"check --date 2025-13-01 content", "okgen: fel: --date \"2025-13-01\" är inget giltigt datum",
       "okgen: error: --date \"2025-13-01\" is not a valid date"},
      {"check --format json -o x.html content", "okgen: fel: --format json passar inte filen x.html (html)",
       "okgen: error: --format json does not fit the file x.html (html)"},
      {"check --ignore nope content", "okgen: fel: det finns ingen regel \"nope\"", "okgen: error: there is no rule \"nope\""},
      {"local accept x.xml", "okgen: fel: ange id för avsnitten", "okgen: error: name the sections' ids"},
  };
  for (const auto& [args, sv, en] : cases) {
    INFO(args);
    std::string out;
    CHECK(run(okgen_cmd(args + " 2>&1"), &out) == 2);
    CHECK(contains(out, sv));
    CHECK(run(okgen_cmd("--lang en " + args + " 2>&1"), &out) == 2);
    CHECK(contains(out, en));
  }
  // okgen serve's own program too.
  const std::string serve = std::string(OKGEN_BINARY).substr(0, std::string(OKGEN_BINARY).rfind('/')) + "/okgen-serve";
  std::string out;
  CHECK(run(serve + " --port 70000 2>&1", &out) == 2);
  CHECK(contains(out, "okgen: fel: --port: 70000 ligger utanför 0–65535"));
  CHECK(run(serve + " --lang en /no/such/folder 2>&1", &out) == 2);
  CHECK(contains(out, "okgen: error: the folder \"/no/such/folder\" does not exist"));
}

TEST_CASE("what keeps okgen from reading or writing a file is said in the language of --lang", "[cli]") {
  // A file where the output folder should be: the folder cannot be made (ENOTDIR), which
  // okgen says in its own words in Swedish and English instead of the system's English.
  const fs::path dir = okgen::test::temp_dir("cli-io");
  std::ofstream(dir / "blocker") << "x";
  std::string out;
  CHECK(run(okgen_cmd("build docs/examples/exempel.xml -o " + (dir / "blocker/ut").string()), &out) == 3);
  CHECK(contains(out, "okgen: fel: mappen kan inte skapas (en del av sökvägen är en fil, inte en mapp)"));
  CHECK_FALSE(contains(out, "Not a directory"));
  CHECK(run(okgen_cmd("--lang en build docs/examples/exempel.xml -o " + (dir / "blocker/ut").string()), &out) == 3);
  CHECK(contains(out, "okgen: error: the folder cannot be created (part of the path is a file, not a folder)"));

  // A broken line in a data file is named by its file and line, in the language.
  const fs::path res = dir / "resources";
  fs::create_directories(res);
  for (const char* part : {"templates", "styles", "data"}) fs::copy(okgen::test::source_dir() / part, res / part, fs::copy_options::recursive);
  {
    std::ofstream concepts(res / "data/concepts.tsv", std::ios::app);
    concepts << "joint\tgemensam*\tTwice on purpose.\n";
  }
  const std::string lines = std::to_string(std::count(std::istreambuf_iterator<char>(*std::make_unique<std::ifstream>(res / "data/concepts.tsv")),
                                                      std::istreambuf_iterator<char>(), '\n'));
  CHECK(run(okgen_cmd("--resources " + res.string() + " check docs/examples/exempel.xml"), &out) == 2);
  CHECK(contains(out, "okgen: fel: begreppet \"joint\" finns två gånger: "));
  CHECK(contains(out, "data/concepts.tsv:" + lines));
  CHECK(run(okgen_cmd("--lang en --resources " + res.string() + " check docs/examples/exempel.xml"), &out) == 2);
  CHECK(contains(out, "okgen: error: the concept \"joint\" is defined twice: "));
}

TEST_CASE("every reason okgen gives for a file it cannot read or write has words in both languages", "[cli]") {
  // The problem keys thrown with util::IoError (directly or through a data_error helper)
  // anywhere in the library, and the system errors os_reason has words for, found in the
  // source: each must be a line of [io] in templates/cli/sv.txt and en.txt.
  const auto sv = okgen::text::Catalog::load(okgen::test::source_dir() / "templates/cli/sv.txt");
  const auto en = okgen::text::Catalog::load(okgen::test::source_dir() / "templates/cli/en.txt");
  const std::regex key(R"re("([a-z]+(?:-[a-z]+)+)")re");
  auto keys_in = [&](const std::string& text, std::set<std::string>& into, const std::string& prefix) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it)
      into.insert(prefix + (*it)[1].str());
  };
  std::set<std::string> keys;
  for (const auto& e : fs::recursive_directory_iterator(okgen::test::source_dir() / "generator")) {
    if (e.path().extension() != ".cc") continue;
    const std::string src = okgen::test::read(e.path());
    for (const std::string call : {"throw IoError(", "throw util::IoError(", "data_error(where,"}) {
      for (std::size_t at = src.find(call); at != std::string::npos; at = src.find(call, at + 1))
        keys_in(src.substr(at, src.find(';', at) - at), keys, "");
    }
    const auto reasons = src.find("IoError::Args os_reason(int err) {");
    if (reasons != std::string::npos) keys_in(src.substr(reasons, src.find("IoError::Args args", reasons) - reasons), keys, "reason.");
  }
  CHECK(keys.size() > 35);
  CHECK(keys.count("reason.no-space"));
  CHECK(keys.count("concept-twice"));
  for (const auto& k : keys) {
    INFO(k);
    CHECK(sv.find("io", k));
    CHECK(en.find("io", k));
  }
}

TEST_CASE("an output folder that cannot be made stops a build of many agreements cleanly", "[cli]") {
  // The agreements are staged on worker threads; a failure there must come back as exit 3
  // with the reason, not end the program.
  const fs::path dir = okgen::test::temp_dir("cli-io-batch");
  std::ofstream(dir / "blocker") << "x";
  std::string out;
  CHECK(run(okgen_cmd("build --format html content -o " + (dir / "blocker/ut").string()), &out) == 3);
  CHECK(contains(out, "okgen: fel: mappen kan inte skapas"));
  CHECK_FALSE(contains(out, "terminate"));
}

TEST_CASE("a new kind of wording finding is a row of data/wording.tsv and its texts, no code", "[cli]") {
  // What ARCHITECTURE.md's recipe promises, followed as a contributor would: a copy of the
  // resources, one row with an id okgen does not have, its [id] block in both catalogues.
  const fs::path dir = okgen::test::temp_dir("cli-wording-kind");
  const fs::path res = dir / "resources";
  fs::create_directories(res);
  for (const char* part : {"templates", "styles", "data"}) fs::copy(okgen::test::source_dir() / part, res / part, fs::copy_options::recursive);
  std::ofstream(res / "data/wording.tsv", std::ios::app)
      << "term-stigmatising\t\\bsinnessjuk\\w*\tperson med psykisk funktionsnedsättning\t\t"
         "Ordet är nedsättande.\tsinnessjuk\t\t\tThe word is disparaging.\n";
  const auto add_texts = [&](const char* lang, const std::string& block) {
    std::ofstream(res / "templates/messages" / (std::string(lang) + ".txt"), std::ios::app) << "\n" << block;
  };
  const std::string sv_block =
      "[term-stigmatising]\nmessage = \"{{text}}\" är ett nedsättande ord; skriv \"{{correct}}\".\n"
      "summary = Texten använder ord som inte pekar ut människor.\nreason = {{note}}\nfix = Skriv \"{{correct}}\".\n";
  add_texts("sv", sv_block);
  const fs::path text = dir / "avtal.txt";
  std::ofstream(text) << "Överenskommelse om samarbete\n\nRegionen och kommunen stöder sinnessjuka personer i vardagen.\n";
  const std::string okgen = okgen_cmd("--resources " + res.string() + " ");
  std::string out;

  // The English texts are missing: okgen does not start and names the row.
  CHECK(run(okgen + "check " + text.string(), &out) == 2);
  CHECK(contains(out, "regeln \"term-stigmatising\" finns inte"));
  CHECK(contains(out, "data/wording.tsv:"));
  CHECK(contains(out, "[term-stigmatising] med message, summary, reason och fix"));

  add_texts("en", "[term-stigmatising]\nmessage = \"{{text}}\" is a disparaging word; write \"{{correct}}\".\n"
                  "summary = The text uses words that do not single people out.\nreason = {{note_en}}\n"
                  "fix = Write \"{{correct}}\".\n");
  CHECK(run(okgen + "check " + text.string(), &out) <= 1);
  CHECK(contains(out, "warning: \"sinnessjuka\" är ett nedsättande ord; skriv \"person med psykisk funktionsnedsättning\". [term-stigmatising]"));
  CHECK(run(okgen + "--lang en check " + text.string(), &out) <= 1);
  CHECK(contains(out, "warning: \"sinnessjuka\" is a disparaging word; write \"person med psykisk funktionsnedsättning\". [term-stigmatising]"));
  // It is a rule like the others: listed, and its severity can be changed or switched off.
  CHECK(run(okgen + "rules", &out) == 0);
  CHECK(contains(out, "term-stigmatising (warning): Texten använder ord som inte pekar ut människor."));
  CHECK(run(okgen + "check --error term-stigmatising " + text.string(), &out) == 1);
  CHECK(contains(out, "error: \"sinnessjuka\" är ett nedsättande ord"));
  CHECK(run(okgen + "check --ignore term-stigmatising " + text.string(), &out) <= 1);
  CHECK_FALSE(contains(out, "term-stigmatising"));
  // okgen's own resources know nothing of it.
  CHECK(run(okgen_cmd("check --ignore term-stigmatising " + text.string()), &out) == 2);
}

#if defined(OKGEN_PROGRAM_JEMALLOC)
// generator/cli/malloc_conf.cc: huge pages for one agreement at a time, 4 KB pages for a batch.
// jemalloc prints its settings at exit when asked (MALLOC_CONF=stats_print), after the
// program's own malloc_conf has been applied.
TEST_CASE("one agreement's heap grows in huge pages, a batch's in 4 KB pages", "[cli][allocator]") {
  const auto thp_of = [](const std::string& args) {
    std::string out;
    run("MALLOC_CONF=stats_print:true,stats_print_opts:mdablxe " + okgen_cmd("check -q --date 2026-11-23 " + args) + " 2>&1",
        &out);
    std::smatch m;
    return std::regex_search(out, m, std::regex("opt\\.thp: \"([a-z_]+)\"")) ? m[1].str() : std::string("(not printed)");
  };
  CHECK(thp_of("docs/examples/exempel.xml") == "always");
  CHECK(thp_of("docs/examples") == "default");                      // a folder
  CHECK(thp_of("docs/examples/exempel.xml docs/examples/exempel.xml") ==
        (std::thread::hardware_concurrency() > 2 ? "always" : "default"));  // as many files as cores
  CHECK(thp_of("") == "default");  // no agreement named: content/
}
#endif

// util/zip_library.h: libzip (and OpenSSL's libcrypto behind it) is opened only by the
// commands that read or write Word and OpenDocument files, not at every start.
TEST_CASE("a command without Word or OpenDocument files does not load libzip", "[cli]") {
  std::string out;
  run("LD_DEBUG=files " + okgen_cmd("--version") + " 2>&1", &out);
  REQUIRE(contains(out, "libc.so"));  // the loader reported what it loaded
  CHECK_FALSE(contains(out, "libzip"));
  CHECK_FALSE(contains(out, "libcrypto"));
}
