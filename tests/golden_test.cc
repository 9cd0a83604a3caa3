// Golden outputs: the main job (every agreement under content/ plus the documented example)
// built with a fixed date must give exactly the files under tests/golden/build/.
// OKGEN_UPDATE_GOLDEN=1 ctest -R golden rewrites them; review `git diff tests/golden`.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pipeline.h"
#include "render/document_writer.h"
#include "support/golden.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

// The inputs: every agreement under content/ except local drafts (the skeletons `okgen
// local init` writes are alike; tests/local_test.cc covers them), plus the example.
std::vector<fs::path> golden_inputs(bool regional_only) {
  std::vector<fs::path> inputs;
  for (const auto& e : fs::recursive_directory_iterator(test::source_dir() / "content")) {
    if (e.path().extension() != ".xml") continue;
    const std::string xml = test::read(e.path());
    const bool local = xml.find("kind=\"local\"") != std::string::npos;
    if ((local && regional_only) || xml.find("<prompt>") != std::string::npos) continue;
    inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  inputs.push_back(test::source_dir() / "docs" / "examples" / "exempel.xml");
  return inputs;
}

}  // namespace

TEST_CASE("golden: building content/ and the example gives the reviewed outputs", "[golden]") {
  // Each text format of the writer registry, built on its own: HTML (with the index, region
  // pages and the report) for all agreements; the PDF layout, compared as its text dump, for
  // the regional ones (a local one repeats its regional text). Binary formats (PDF, DOCX)
  // are checked by their own tests.
  std::vector<fs::path> outs;
  std::vector<std::pair<fs::path, fs::path>> written;  // out dir, file
  for (const auto& writer : render::writers()) {
    if (writer.golden == render::GoldenScope::none) continue;
    const fs::path out = test::temp_dir("golden-" + writer.name);
    outs.push_back(out);
    PipelineOptions o;
    o.inputs = golden_inputs(writer.golden == render::GoldenScope::regional);
    o.output_dir = out;
    o.as_of = *util::Date::parse("2026-11-23");
    o.formats = {writer.name};
    o.check.compare_with_git = false;  // the reviewed outputs do not depend on the working tree
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    PipelineResult r = build(o, test::resources(), sink, sources);
    REQUIRE_FALSE(sink.has_errors());
    for (const auto& f : r.written) {
      // The writer's files, and the report once (it is the same for every format).
      const std::string name = f.filename().string();
      const bool report = name == "kontrollrapport.txt";
      const bool own = name.size() > writer.extension.size() &&
                       name.compare(name.size() - writer.extension.size(), writer.extension.size(), writer.extension) == 0;
      if ((own && !report) || (report && outs.size() == 1)) written.emplace_back(out, f);
    }
  }
  REQUIRE(written.size() >= 15);

  const fs::path golden = test::source_dir() / "tests" / "golden" / "build";
  for (const auto& [out, file] : written) {
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
      const fs::path rel = e.path().lexically_relative(golden);
      CHECK(std::any_of(outs.begin(), outs.end(), [&](const fs::path& out) { return fs::exists(out / rel); }));
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
