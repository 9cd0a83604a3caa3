// Incremental builds: a second `okgen build` makes again only what depends on a changed file,
// leaves every other output (bytes and modification time) alone, and ends with exactly the
// files and findings a full build gives. The state file round-trips and is never trusted
// when anything but the content changed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "diag/printer.h"
#include "incremental/build_state.h"
#include "pipeline.h"
#include "support/test_support.h"
#include "util/fs.h"
#include "util/staged_files.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

// A fresh folder with a copy of content/ in it, whose builds keep their states in it too.
fs::path copy_of_content(const std::string& name) {
  const fs::path dir = test::temp_dir(name);
  ::setenv("OKGEN_CACHE_DIR", (dir / "cache").c_str(), 1);
  fs::copy(test::source_dir() / "content", dir / "content", fs::copy_options::recursive);
  return dir;
}

PipelineOptions options(const fs::path& content, const fs::path& out, bool incremental = true) {
  PipelineOptions o;
  o.inputs = {content};
  o.output_dir = out;
  o.formats = {"html"};
  o.as_of = *util::Date::parse("2026-11-23");
  o.check.compare_with_git = false;
  o.incremental = incremental;
  return o;
}

struct Run {
  PipelineResult result;
  std::string findings;  // as the terminal shows them, source lines included
};

Run build(const PipelineOptions& o) {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  Run r;
  r.result = okgen::build(o, test::resources(), sink, sources);
  std::ostringstream text;
  diag::print_diagnostics(text, sink, sources, test::resources().messages);
  r.findings = text.str();
  return r;
}

// Every file below `dir`: relative path -> bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[e.path().lexically_relative(dir).string()] = test::read(e.path());
  }
  return files;
}

std::map<std::string, fs::file_time_type> times(const fs::path& dir) {
  std::map<std::string, fs::file_time_type> t;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) t[e.path().lexically_relative(dir).string()] = fs::last_write_time(e.path());
  }
  return t;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::read(file);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

std::size_t agreements_in(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.path().extension() == ".xml";
  return n;
}

// The files that changed between two snapshots of modification times.
std::vector<std::string> touched(const std::map<std::string, fs::file_time_type>& before,
                                 const std::map<std::string, fs::file_time_type>& after) {
  std::vector<std::string> out;
  for (const auto& [path, t] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != t) out.push_back(path);
  }
  return out;
}

}  // namespace

TEST_CASE("a second build makes again only what a change touches, and ends as a full build does", "[incremental]") {
  const fs::path dir = copy_of_content("incremental");
  const std::size_t n = agreements_in(dir / "content");
  const auto opts = options(dir / "content", dir / "out");

  Run first = build(opts);
  REQUIRE(first.result.written.size() > n);
  CHECK(first.result.reused == 0);

  SECTION("nothing changed: nothing is made or written again") {
    const auto before = times(dir / "out");
    Run again = build(opts);
    CHECK(again.result.reused == n);
    CHECK(touched(before, times(dir / "out")).empty());
    CHECK(again.findings == first.findings);
    CHECK(again.result.written.size() == first.result.written.size());
  }

  SECTION("one local agreement changed: only its page is written again") {
    const auto before = times(dir / "out");
    replace_in(dir / "content/dalarna/local/falun.xml", "gav i januari 2026", "gav i februari 2026");
    Run again = build(opts);
    CHECK(again.result.reused == n - 1);
    CHECK(touched(before, times(dir / "out")) == std::vector<std::string>{"dalarna/local/falun-konsoliderad.html",
                                                                          "dalarna/local/falun.html"});
    CHECK(test::read(dir / "out/dalarna/local/falun.html").find("februari 2026") != std::string::npos);
    // The same files, bytes and findings as a full build of the same content.
    Run full = build(options(dir / "content", dir / "full", false));
    CHECK(full.result.reused == 0);
    CHECK(tree(dir / "out") == tree(dir / "full"));
    CHECK(again.findings == full.findings);
  }

  SECTION("the regional agreement changed: it and its local agreements are made again") {
    std::size_t dalarna = 0;
    for (const auto& e : fs::directory_iterator(dir / "content/dalarna/local")) dalarna += e.path().extension() == ".xml";
    REQUIRE(dalarna > 3);
    const std::string regional = test::read(dir / "content/dalarna/regional.xml");
    const auto at = regional.find("</body>");
    REQUIRE(at != std::string::npos);
    std::ofstream(dir / "content/dalarna/regional.xml", std::ios::binary)
        << regional.substr(0, at) << "\nParterna ses minst två gånger om året.\n" << regional.substr(at);
    Run again = build(opts);
    CHECK(again.result.reused == n - 1 - dalarna);
    Run full = build(options(dir / "content", dir / "full", false));
    CHECK(tree(dir / "out") == tree(dir / "full"));
    CHECK(again.findings == full.findings);
  }

  SECTION("an output removed or edited by hand is made again") {
    fs::remove(dir / "out/dalarna/local/mora.html");
    std::ofstream(dir / "out/dalarna/local/orsa.html", std::ios::app) << "<!-- ändrad för hand -->";
    Run again = build(opts);
    CHECK(again.result.reused == n - 2);
    Run full = build(options(dir / "content", dir / "full", false));
    CHECK(tree(dir / "out") == tree(dir / "full"));
  }

  SECTION("a broken file fails the build as before; the state from the last good build stays usable") {
    replace_in(dir / "content/dalarna/local/falun.xml", "<heading>Vilka som har deltagit</heading>",
               "<heading>Vilka som har deltagit</heading><oklart/>");
    const auto before = tree(dir / "out");
    Run broken = build(opts);
    CHECK(broken.findings.find("[unknown-element]") != std::string::npos);
    CHECK(broken.result.written.empty());
    CHECK(tree(dir / "out") == before);
    replace_in(dir / "content/dalarna/local/falun.xml", "<oklart/>", "");
    Run mended = build(opts);
    CHECK(mended.result.reused == n);  // back to the bytes of the last good build
    CHECK(mended.findings == first.findings);
  }

  SECTION("a new file with a reused agreement's id: both are loaded, as a full build reports it") {
    fs::copy_file(dir / "content/dalarna/local/mora.xml", dir / "content/dalarna/local/mora-kopia.xml");
    Run again = build(opts);
    Run full = build(options(dir / "content", dir / "full", false));
    CHECK(again.findings.find("[duplicate-agreement-id]") != std::string::npos);
    CHECK(again.findings == full.findings);
  }

  SECTION("with other options, resources or a damaged state, nothing is reused") {
    auto other = opts;
    other.as_of = *util::Date::parse("2026-11-24");
    CHECK(build(other).result.reused == 0);
    other = opts;
    other.check.min_words = 41;
    CHECK(build(other).result.reused == 0);
    other = opts;
    other.check.policy.set("decision-missing", diag::Severity::error);
    CHECK(build(other).result.reused == 0);
    build(opts);  // back to the first options
    std::ofstream(incremental::state_file(dir / "out"), std::ios::trunc) << "<okgen-build-state format=";
    CHECK(build(opts).result.reused == 0);
    CHECK(build(opts).result.reused == n);
  }
}

TEST_CASE("the build fingerprint changes with each thing that shapes the outputs", "[incremental]") {
  const fs::path dir = test::temp_dir("incremental-fingerprint");
  fs::create_directories(dir / "res");
  for (const char* part : {"templates", "styles", "data"}) {
    fs::copy(test::source_dir() / part, dir / "res" / part, fs::copy_options::recursive);
  }
  const Resources res = Resources::load(dir / "res");
  const auto opts = options(dir / "content", dir / "out");
  const std::string base = incremental::fingerprint(opts, res, {}, nullptr);
  REQUIRE(base.size() == 16);
  CHECK(incremental::fingerprint(opts, res, {}, nullptr) == base);

  std::vector<std::pair<std::string, PipelineOptions>> variants;
  auto o = opts;
  o.formats = {"html", "pdf"};
  variants.emplace_back("formats", o);
  o = opts;
  o.keep_going = true;
  variants.emplace_back("keep-going", o);
  o = opts;
  o.output_dir = dir / "annan";
  variants.emplace_back("output folder", o);
  o = opts;
  o.check.final = true;
  variants.emplace_back("final", o);
  o = opts;
  o.check.lix_threshold = 55;
  variants.emplace_back("lix", o);
  o = opts;
  o.check.soon_days = 30;
  variants.emplace_back("soon", o);
  o = opts;
  o.check.local_forms = {model::LocalForm::consolidated};
  variants.emplace_back("forms", o);
  o = opts;
  o.check.local_forms_by_region["dalarna"] = {model::LocalForm::document};
  variants.emplace_back("forms per region", o);
  for (const auto& [what, v] : variants) {
    INFO(what);
    CHECK(incremental::fingerprint(v, res, {}, nullptr) != base);
  }
  diag::SeverityPolicy policy;
  policy.set("lix-high", std::nullopt);
  CHECK(incremental::fingerprint(opts, res, {}, &policy) != base);

  // A font or a template that changes on disk.
  std::ofstream(dir / "font.ttf") << "x";
  const std::string with_font = incremental::fingerprint(opts, res, {dir / "font.ttf"}, nullptr);
  CHECK(with_font != base);
  std::ofstream(dir / "font.ttf", std::ios::app) << "y";
  CHECK(incremental::fingerprint(opts, res, {dir / "font.ttf"}, nullptr) != with_font);
  std::ofstream(dir / "res/templates/labels/sv.txt", std::ios::app) << "\n";
  CHECK(incremental::fingerprint(opts, res, {}, nullptr) != base);
}

TEST_CASE("the state file gives back what was written, and refuses what it did not write", "[incremental]") {
  const fs::path dir = test::temp_dir("incremental-state");
  incremental::BuildState state;
  state.fingerprint = "0123456789abcdef";
  incremental::CachedAgreement& a = state.agreements.emplace_back();
  a.source = "content/län/lokal.xml";
  a.content_root = "content";
  a.id = "lan-lokal";
  a.inputs = {{"content/län/lokal.xml", 1234, 0xfedcba9876543210ull}, {"content/län/regional.xml", 1, 2}};
  a.outputs = {{"out/län/lokal.html", 99, 1764000000123456789}};
  AgreementResult& r = a.result;
  r.source = "content/län/lokal.xml";
  r.display_source = "content/län/lokal.xml";
  r.title = "Rubrik med \"citat\", <vinklar> & radbrytning\noch\ttabb \\ bakstreck";
  r.kind = "local";
  r.errors = 0;
  r.warnings = 7;
  r.loaded = true;
  r.pages = 12;
  r.validity.state = model::ValidityState::extended;
  r.validity.as_of = *util::Date::parse("2026-11-23");
  r.validity.current_end = *util::Date::parse("2027-12-31");
  r.validity.extensions = 2;
  r.report.emplace();
  r.report->coverage.push_back({"sip", review::Coverage::partial, {"content/län/lokal.xml", 40, 5}, "4 SIP", {}, true});
  r.report->coverage.back().facets.push_back(
      {"who", "Vem", "Who", true, true, {"content/län/lokal.xml", 41, 7}, "Kommunen kallar till SIP."});
  r.report->dates.emplace_back("end", *util::Date::parse("2027-12-31"));
  r.local.emplace();
  r.local->draft = true;
  r.local->prompts.push_back({"a", "1", "Arbetet", 3, {"content/län/lokal.xml", 26, 5}});
  r.local->changed.push_back(
      {"b", "2", "Mål", "aaa", "bbb", {"content/län/lokal.xml", 30, 1}, {"r.xml", 70, 3}, "Text\nmed två rader"});
  r.local->missing_template.emplace_back("k", "Rubrik");
  r.local->cited_version = "2021";
  r.provenance.push_back({"4.1", "Med\ttabb", "x", model::Origin::local_filled, {"r.xml", 5, 6}, {"l.xml", 7, 8}});
  r.provenance.push_back({"5", "Utan lokal text", "y", model::Origin::regional, {"r.xml", 9, 10}, {}});
  r.outputs = {"out/län/lokal.html"};
  r.files = {"content/län/lokal.xml", "content/län/regional.xml"};
  a.entry.title = r.title;
  a.entry.needs_review = true;
  diag::Diagnostic d;
  d.severity = diag::Severity::warning;
  d.rule = "local-regional-changed";
  d.span = {"content/län/lokal.xml", 30, 1};
  d.args = {{"heading", "Mål"}, {"text", "rad ett\nrad två"}};
  diag::Diagnostic note;
  note.severity = diag::Severity::note;
  note.rule = "local-regional-diff";
  note.span = {"r.xml", 70, 3};
  d.notes.push_back(note);
  a.findings[incremental::kReview].push_back(d);

  const fs::path file = dir / "builds/state.xml";
  REQUIRE(incremental::write_state(file, state));
  const std::string written = test::read(file);
  auto back = incremental::read_state(file);
  REQUIRE(back);
  REQUIRE(back->agreements.size() == 1);
  const auto& b = back->agreements.front();
  CHECK(b.result.title == r.title);
  CHECK(b.result.provenance.size() == 2);
  CHECK(b.result.provenance[0].heading == "Med\ttabb");
  CHECK(b.result.provenance[0].local.line == 7);
  CHECK(b.result.provenance[1].local.file.empty());
  CHECK(b.result.local->changed[0].regional_plain == "Text\nmed två rader");
  CHECK(b.result.validity.current_end->iso() == "2027-12-31");
  CHECK(b.result.report->coverage[0].facets[0].where.column == 7);
  CHECK(b.findings[incremental::kReview][0].notes[0].span.file == "r.xml");
  CHECK(b.findings[incremental::kReview][0].args[1].second == "rad ett\nrad två");
  CHECK(b.inputs[0].hash == 0xfedcba9876543210ull);
  CHECK(b.outputs[0].mtime_ns == 1764000000123456789);
  // Written again, it is the same file: every field made the trip.
  REQUIRE(incremental::write_state(file, *back));
  CHECK(test::read(file) == written);

  for (const std::string& damaged : std::vector<std::string>{std::string(), written.substr(0, written.size() / 2),
                                    "<okgen-build-state format=\"okgen-build-state/0\" fingerprint=\"x\"/>",
                                    "<okgen-build-state format=\"okgen-build-state/1\" fingerprint=\"x\"><agreement>"
                                    "<result><provenance>1\t2</provenance></result></agreement></okgen-build-state>"}) {
    std::ofstream(file, std::ios::trunc | std::ios::binary) << damaged;
    CHECK_FALSE(incremental::read_state(file));
  }
  CHECK_FALSE(incremental::read_state(dir / "finns-inte.xml"));
}

TEST_CASE("an output staged with the bytes it already has keeps its modification time", "[incremental][pipeline]") {
  const fs::path dir = test::temp_dir("staged-same");
  std::ofstream(dir / "a.html") << "samma";
  std::ofstream(dir / "b.html") << "gammal";
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(dir / "a.html", old_time);
  fs::last_write_time(dir / "b.html", old_time);
  {
    util::StagedFiles staged;
    staged.stage(dir / "a.html", "samma");
    staged.stage(dir / "b.html", "ny");
    CHECK(staged.destinations().size() == 2);
    staged.commit();
  }
  CHECK(fs::last_write_time(dir / "a.html") == old_time);
  CHECK(test::read(dir / "b.html") == "ny");
  CHECK(fs::last_write_time(dir / "b.html") != old_time);
}

TEST_CASE("building one file into the same folder keeps what the next build of them all may reuse", "[incremental]") {
  const fs::path dir = copy_of_content("incremental-one");
  const std::size_t n = agreements_in(dir / "content");
  const auto all = options(dir / "content", dir / "out");
  build(all);
  auto one = all;
  one.inputs = {dir / "content/dalarna/local/falun.xml"};
  CHECK(build(one).result.reused == 1);
  replace_in(dir / "content/dalarna/local/falun.xml", "gav i januari 2026", "gav i mars 2026");
  CHECK(build(one).result.reused == 0);
  // Falun's new pages are the ones the build of it alone just made.
  CHECK(build(all).result.reused == n);
  build(options(dir / "content", dir / "full", false));
  CHECK(tree(dir / "out") == tree(dir / "full"));
}

TEST_CASE("building one region keeps the whole folder's index, region pages and report", "[incremental]") {
  const fs::path dir = copy_of_content("incremental-part");
  const auto all = options(dir / "content", dir / "out");
  const Run first = build(all);
  const auto before = tree(dir / "out");
  const auto times_before = times(dir / "out");
  auto part = all;
  part.inputs = {dir / "content/dalarna"};

  SECTION("nothing changed: the folder is exactly as the build of everything left it") {
    const Run again = build(part);
    CHECK(again.result.agreements.size() < first.result.agreements.size());
    CHECK(tree(dir / "out") == before);
    CHECK(touched(times_before, times(dir / "out")).empty());
    CHECK(again.findings.find("[output-outdated]") == std::string::npos);
  }

  SECTION("a change inside the part: the index is that of a full build of everything") {
    replace_in(dir / "content/dalarna/local/falun.xml", "gav i januari 2026", "gav i april 2026");
    build(part);
    build(options(dir / "content", dir / "full", false));
    CHECK(tree(dir / "out") == tree(dir / "full"));
  }

  SECTION("a change outside the part: kept as it was built, with a warning naming it") {
    const std::string index = test::read(dir / "out/index.html");
    replace_in(dir / "content/ostergotland/bakgrund.md", "e", "E");
    const Run again = build(part);
    CHECK(again.findings.find("ostergotland/regional.xml: warning:") != std::string::npos);
    CHECK(again.findings.find("[output-outdated]") != std::string::npos);
    CHECK(test::read(dir / "out/index.html") == index);
    CHECK(test::read(dir / "out/kontrollrapport.txt").find("[output-outdated]") != std::string::npos);
    // Building everything makes it again, and the warning is gone.
    const Run whole = build(all);
    CHECK(whole.findings.find("[output-outdated]") == std::string::npos);
  }

  SECTION("an agreement whose file was removed leaves the index") {
    fs::remove(dir / "content/jamtland-harjedalen/local/ostersund.xml");
    build(part);
    CHECK(test::read(dir / "out/index.html").find("jamtland-harjedalen/local/ostersund.html") == std::string::npos);
    CHECK(test::read(dir / "out/index.html").find("jamtland-harjedalen/regional.html") != std::string::npos);
  }
}
