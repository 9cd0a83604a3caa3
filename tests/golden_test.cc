// Golden outputs: the main job (every agreement under content/ plus the documented example)
// built with a fixed date must give exactly the files under tests/golden/build/.
// OKGEN_UPDATE_GOLDEN=1 ctest -R golden rewrites them; review `git diff tests/golden`.
#include <catch2/catch.hpp>

#include "pipeline.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace okgen;

TEST_CASE("golden: building content/ and the example gives the reviewed outputs", "[golden]") {
  const fs::path out = test::temp_dir("golden");
  PipelineOptions o;
  o.inputs = {test::source_dir() / "content", test::source_dir() / "docs" / "examples" / "exempel.xml"};
  o.output_dir = out;
  o.as_of = *util::Date::parse("2026-11-23");
  // PDF layout is compared as its text dump; PDF bytes are checked in pdf_test.cc.
  o.formats = {"html", "layout"};
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  PipelineResult r = build(o, test::resources(), sink, sources);
  REQUIRE_FALSE(sink.has_errors());
  REQUIRE(r.written.size() >= 10);

  const fs::path golden = test::source_dir() / "tests" / "golden" / "build";
  for (const auto& file : r.written) {
    const fs::path rel = file.lexically_relative(out);
    std::string diff;
    const bool same = test::matches_golden(golden / rel, test::read(file), &diff);
    INFO(diff);
    CHECK(same);
  }
  // No golden file is left over from an output that is no longer produced.
  if (!test::updating_golden()) {
    for (const auto& e : fs::recursive_directory_iterator(golden)) {
      if (!e.is_regular_file()) continue;
      INFO(e.path().string());
      CHECK(fs::exists(out / e.path().lexically_relative(golden)));
    }
  }
}

TEST_CASE("golden: the same input gives the same bytes", "[golden]") {
  auto build_once = [](const std::string& name) {
    const fs::path out = test::temp_dir(name);
    PipelineOptions o;
    o.inputs = {test::source_dir() / "content"};
    o.output_dir = out;
    o.as_of = *util::Date::parse("2026-11-23");
    o.formats = {"html", "pdf"};
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    build(o, test::resources(), sink, sources);
    return out;
  };
  const fs::path a = build_once("determinism-a"), b = build_once("determinism-b");
  std::size_t compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = e.path().lexically_relative(a);
    INFO(rel.string());
    CHECK(test::read(e.path()) == test::read(b / rel));
    ++compared;
  }
  CHECK(compared >= 5);
}
