// The bad-input suite: every class of broken input in tests/bad-input/ is reported with
// its place and rule, the run exits non-zero, and no output file is written or touched.
//
// Each case NAME.xml has NAME.expected: two comment lines (what the case is; whether the
// schema rejects it too, checked by tests/schema/check_schema.sh), then the expected
// diagnostics as "line:col severity [rule] message". OKGEN_UPDATE_GOLDEN=1 rewrites them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "pipeline.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "text/catalog.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "tests" / "bad-input")) {
    if (e.path().extension() == ".xml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string header_of(const fs::path& expected) {
  std::string text;
  std::ifstream in(expected);
  std::string line, header;
  while (std::getline(in, line) && util::starts_with(line, "#")) header += line + "\n";
  return header;
}

}  // namespace

TEST_CASE("every bad input is reported, exits non-zero and writes nothing", "[bad-input]") {
  const auto all = cases();
  REQUIRE(all.size() >= 25);
  for (const auto& xml : all) {
    SECTION(xml.filename().string()) {
      const fs::path out_dir = test::temp_dir("bad-" + xml.stem().string());
      // An output from an earlier, good build that must survive the failed one.
      const std::string sentinel = "<p>tidigare version</p>\n";
      const fs::path kept = out_dir / xml.stem().concat(".html");
      { std::ofstream(kept) << sentinel; }

      PipelineOptions o;
      o.inputs = {xml};
      o.output_dir = out_dir;
      o.as_of = *util::Date::parse("2026-11-23");
      o.content_root = xml.parent_path();
      diag::DiagnosticSink sink;
      diag::SourceRegistry sources;
      PipelineResult r = build(o, test::resources(), sink, sources);

      std::string actual = header_of(fs::path(xml).replace_extension(".expected"));
      for (const auto& d : sink.all()) {
        actual += std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " +
                  diag::severity_keyword(d.severity) + " [" + d.rule + "] " +
                  text::format_diagnostic(test::resources().messages, d) + "\n";
      }
      std::string diff;
      const bool same = test::matches_golden(fs::path(xml).replace_extension(".expected"), actual, &diff);
      INFO(diff);
      CHECK(same);

      CHECK_FALSE(sink.all().empty());
      CHECK(exit_code(r, sink) != kExitOk);
      CHECK(r.written.empty());
      CHECK(test::read(kept) == sentinel);
      std::size_t files = 0;
      for (const auto& e : fs::recursive_directory_iterator(out_dir)) files += e.is_regular_file();
      CHECK(files == 1);  // only the sentinel; not even a temporary file is left behind
    }
  }
}

TEST_CASE("a file larger than the limit is refused without reading it", "[bad-input]") {
  const fs::path dir = test::temp_dir("huge");
  const fs::path huge = dir / "huge.xml";
  {
    std::ofstream out(huge, std::ios::binary);
    std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 17; ++i) out << chunk;
  }
  auto l = test::load_file(huge);
  CHECK_FALSE(l.agreement);
  CHECK(l.rules() == std::vector<std::string>{"file-too-large"});
}

TEST_CASE("hostile nesting and size do not crash the loader", "[bad-input]") {
  SECTION("100 000 nested sections") {
    std::string sections;
    for (int i = 0; i < 100000; ++i) sections += "<section id=\"s" + std::to_string(i) + "\"><heading>x</heading>";
    for (int i = 0; i < 100000; ++i) sections += "</section>";
    auto l = test::load_string(test::minimal_agreement(sections));
    REQUIRE(l.agreement);
    CHECK(l.has("section-too-deep"));
  }
  SECTION("10 000 sections with bodies load in one piece") {
    std::string sections;
    for (int i = 0; i < 10000; ++i) {
      sections += "<section id=\"s" + std::to_string(i) + "\"><heading>Avsnitt</heading><body>Text *" +
                  std::to_string(i) + "*.</body></section>\n";
    }
    auto l = test::load_string(test::minimal_agreement(sections));
    REQUIRE(l.agreement);
    CHECK(l.sink.all().empty());
    CHECK(l.agreement->sections.size() == 10000);
  }
  SECTION("a 2 000-item list and a 50-level nested list") {
    std::string items;
    for (int i = 0; i < 2000; ++i) items += "- punkt " + std::to_string(i) + "\n";
    std::string nested;
    for (int i = 0; i < 50; ++i) nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- nivå " + std::to_string(i) + "\n";
    auto l = test::load_string(test::minimal_agreement("<section id=\"a\"><heading>A</heading><body><![CDATA[\n" + items +
                                                       "\n\nStycke.\n\n" + nested + "]]></body></section>"));
    REQUIRE(l.agreement);
    CHECK(l.sink.all().empty());
  }
}
