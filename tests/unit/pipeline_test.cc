// The pipeline: input expansion, all-or-nothing writes, keep-going, exit codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "pipeline.h"
#include "support/test_support.h"
#include "util/fs.h"
#include "util/staged_files.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

PipelineOptions options(const fs::path& content, const fs::path& out) {
  PipelineOptions o;
  o.inputs = {content};
  o.output_dir = out;
  o.as_of = *util::Date::parse("2026-11-23");
  return o;
}

// A complete agreement (the documented example), so only the problems a test makes count.
std::string complete_agreement(const std::string& id = "exempel-regional") {
  std::string xml = test::read(test::source_dir() / "docs/examples/exempel.xml");
  const std::string from = "id=\"exempel-regional\"";
  xml.replace(xml.find(from), from.size(), "id=\"" + id + "\"");
  return xml;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// Temporary files (".name.tmp-XXXXXX") anywhere under `dir`.
int temporaries(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); ++it) {
    n += it->path().filename().string().find(".tmp-") != std::string::npos;
  }
  return n;
}

}  // namespace

TEST_CASE("one broken agreement stops the whole build; existing outputs survive", "[pipeline]") {
  const fs::path root = test::temp_dir("all-or-nothing");
  write(root / "content/a/regional.xml", complete_agreement());
  write(root / "content/b/regional.xml", "<agreement id=\"b\" kind=\"regional\"><meta>");
  write(root / "output/a/regional.html", "gammal");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = build(options(root / "content", root / "output"), test::resources(), sink, sources);
  CHECK(exit_code(r, sink) == kExitFindings);
  CHECK(r.written.empty());
  CHECK(test::read(root / "output/a/regional.html") == "gammal");
  CHECK_FALSE(fs::exists(root / "output/index.html"));
  // The good agreement's outputs were staged as it was built; none is left behind.
  CHECK(temporaries(root / "output") == 0);
}

TEST_CASE("staged files appear only on commit, and are removed when the build gives up", "[pipeline]") {
  const fs::path root = test::temp_dir("staged");
  write(root / "out/a.html", "gammal");
  {
    util::StagedFiles staged;
    staged.stage(root / "out/a.html", "ny");
    staged.stage(root / "out/b/c.pdf", "pdf");
    CHECK(test::read(root / "out/a.html") == "gammal");
    CHECK_FALSE(fs::exists(root / "out/b/c.pdf"));
    CHECK(temporaries(root / "out") == 2);
    CHECK(staged.destinations() == std::vector<fs::path>{root / "out/a.html", root / "out/b/c.pdf"});
  }  // given up: nothing moved, nothing left
  CHECK(test::read(root / "out/a.html") == "gammal");
  CHECK_FALSE(fs::exists(root / "out/b/c.pdf"));
  CHECK(temporaries(root / "out") == 0);

  util::StagedFiles staged;
  staged.stage(root / "out/a.html", "ny");
  staged.stage(root / "out/b/c.pdf", "pdf");
  staged.commit();
  CHECK(test::read(root / "out/a.html") == "ny");
  CHECK(test::read(root / "out/b/c.pdf") == "pdf");
  CHECK(temporaries(root / "out") == 0);
  CHECK((fs::status(root / "out/b/c.pdf").permissions() & fs::perms::others_read) != fs::perms::none);
}

TEST_CASE("a commit that fails midway puts back every file it had replaced", "[pipeline]") {
  const fs::path root = test::temp_dir("staged-rollback");
  write(root / "out/a.html", "gammal a");
  write(root / "out/c.html", "gammal c");
  fs::create_directories(root / "out/b.pdf/upptagen");  // a folder where a file must go: rename fails
  {
    util::StagedFiles staged;
    staged.stage(root / "out/a.html", "ny a");
    staged.stage(root / "out/ny.html", "ny fil");
    staged.stage(root / "out/b.pdf", "ny b");
    staged.stage(root / "out/c.html", "ny c");
    CHECK_THROWS_AS(staged.commit(), util::IoError);
  }  // the build gives up: what was not moved is removed
  CHECK(test::read(root / "out/a.html") == "gammal a");  // replaced, then restored
  CHECK_FALSE(fs::exists(root / "out/ny.html"));          // new, then removed
  CHECK(fs::is_directory(root / "out/b.pdf"));
  CHECK(test::read(root / "out/c.html") == "gammal c");  // never reached
  CHECK(temporaries(root / "out") == 0);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root / "out")) files += e.is_regular_file();
  CHECK(files == 2);  // no backups left behind

  // A commit that succeeds leaves no backups either.
  fs::remove_all(root / "out/b.pdf");
  util::StagedFiles again;
  again.stage(root / "out/a.html", "ny a");
  again.stage(root / "out/b.pdf", "ny b");
  again.commit();
  CHECK(test::read(root / "out/a.html") == "ny a");
  files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root / "out")) files += e.is_regular_file();
  CHECK(files == 3);
}

TEST_CASE("a build writes the same files as before, whatever the threads did", "[pipeline]") {
  // Agreements are built on several threads, each PDF writer remembering what it laid out
  // before; two builds of the same content give identical bytes.
  const fs::path root = test::temp_dir("twice");
  for (const char* region : {"a", "b", "c"}) {
    write(root / "content" / region / "regional.xml", complete_agreement(std::string("exempel-") + region));
  }
  auto build_into = [&](const fs::path& out) {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto o = options(root / "content", out);
    o.formats = {"html", "pdf"};
    auto r = build(o, test::resources(), sink, sources);
    CHECK(exit_code(r, sink) != kExitUsage);
    return r.written;
  };
  const auto first = build_into(root / "one");
  const auto second = build_into(root / "two");
  REQUIRE(first.size() == second.size());
  REQUIRE(first.size() >= 7);  // 3 x (HTML + PDF), index, report
  for (const auto& f : first) {
    const fs::path other = root / "two" / f.lexically_relative(root / "one");
    CHECK(test::read(f) == test::read(other));
  }
}

TEST_CASE("keep-going builds the agreements without errors", "[pipeline]") {
  const fs::path root = test::temp_dir("keep-going");
  write(root / "content/a/regional.xml", complete_agreement());
  write(root / "content/b/regional.xml", "<agreement id=\"b\" kind=\"regional\"><meta>");
  auto o = options(root / "content", root / "output");
  o.keep_going = true;
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = build(o, test::resources(), sink, sources);
  CHECK(exit_code(r, sink) == kExitFindings);
  CHECK(fs::exists(root / "output/a/regional.html"));
  CHECK_FALSE(fs::exists(root / "output/b/regional.html"));
  CHECK(fs::exists(root / "output/index.html"));
  CHECK(fs::exists(root / "output/kontrollrapport.txt"));
}

TEST_CASE("missing inputs are a usage error; duplicate agreement ids are reported", "[pipeline]") {
  const fs::path root = test::temp_dir("inputs");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = check(options(root / "finns-inte", root / "out"), test::resources(), sink, sources);
  CHECK(exit_code(r, sink) == kExitUsage);

  write(root / "content/x/regional.xml", complete_agreement());
  write(root / "content/y/regional.xml", complete_agreement());
  diag::DiagnosticSink sink2;
  auto r2 = check(options(root / "content", root / "out"), test::resources(), sink2, sources);
  CHECK(exit_code(r2, sink2) == kExitFindings);
  int duplicates = 0;
  for (const auto& d : sink2.all()) duplicates += d.rule == "duplicate-agreement-id";
  CHECK(duplicates == 1);
  CHECK(sink2.count(diag::Severity::error) == 1);
}

TEST_CASE("an output that cannot be written throws and leaves nothing half-written", "[pipeline]") {
  const fs::path root = test::temp_dir("unwritable");
  write(root / "content/a/regional.xml", complete_agreement());
  write(root / "output", "en fil, inte en mapp");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  CHECK_THROWS_AS(build(options(root / "content", root / "output"), test::resources(), sink, sources), util::IoError);
  CHECK(test::read(root / "output") == "en fil, inte en mapp");
}

TEST_CASE("an agreement rendered while it is checked is written only when the check lets it through", "[pipeline]") {
  // One agreement leaves a core free: it is composed and rendered while the check runs on
  // that core (with more agreements than cores, one after the other). The check's error
  // arrives after the outputs exist in memory; they must not reach the output folder.
  const fs::path root = test::temp_dir("beside");
  write(root / "content/a/regional.xml", complete_agreement());
  write(root / "output/a/regional.html", "gammal");
  auto o = options(root / "content/a/regional.xml", root / "output");
  o.formats = {"html", "pdf"};
  o.as_of = *util::Date::parse("2030-01-01");  // the example ran to 2028-03-31 and is extended
  diag::SeverityPolicy strict;
  strict.set("validity-extended", diag::Severity::error);  // a check finding, made an error
  {
    // --keep-going: the build goes on past the error, so only the withdrawal keeps the
    // agreement's own files out.
    diag::DiagnosticSink sink;
    sink.set_policy(&strict);
    diag::SourceRegistry sources;
    auto strict_build = o;
    strict_build.keep_going = true;
    auto r = build(strict_build, test::resources(), sink, sources);
    CHECK(exit_code(r, sink) == kExitFindings);
    for (const auto& f : r.written) CHECK(f.filename() != "regional.html");
    CHECK(test::read(root / "output/a/regional.html") == "gammal");
    CHECK_FALSE(fs::exists(root / "output/a/regional.pdf"));
    CHECK(temporaries(root / "output") == 0);
    const auto& all = sink.all();
    CHECK(std::any_of(all.begin(), all.end(), [](const diag::Diagnostic& d) {
      return d.rule == "validity-extended" && d.severity == diag::Severity::error;
    }));
  }
  // Let through, the same agreement built alone and built beside another agreement gives
  // the same files and the same findings in the same order.
  auto findings_and_bytes = [&](const std::vector<fs::path>& inputs, const fs::path& out) {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto opts = o;
    opts.inputs = inputs;
    opts.output_dir = out;
    auto r = build(opts, test::resources(), sink, sources);
    CHECK(exit_code(r, sink) != kExitUsage);
    std::vector<std::string> seen;
    for (const auto& d : sink.all())
      if (d.span.file.find("a/regional.xml") != std::string::npos) seen.push_back(d.rule + "@" + std::to_string(d.span.line));
    seen.push_back(test::read(out / "a/regional.html"));
    seen.push_back(test::read(out / "a/regional.pdf"));
    return seen;
  };
  write(root / "content/b/regional.xml", complete_agreement("exempel-b"));
  const auto alone = findings_and_bytes({root / "content/a/regional.xml"}, root / "alone");
  const auto together = findings_and_bytes({root / "content/a/regional.xml", root / "content/b/regional.xml"}, root / "together");
  CHECK(alone.size() > 3);  // the extended validity at least, and both files
  CHECK(alone == together);
}
