// The writer registry: a writer added as ARCHITECTURE.md's recipe says ("How to add a
// writer") becomes a format of `okgen build` with its files, help text and failures, with
// nothing else changed; the command line offers exactly the registry's listed formats.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "pipeline.h"
#include "render/document_writer.h"
#include "support/test_support.h"
#include "text/catalog.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

// Step 1 of the recipe: a DocumentWriter. This one writes the outline of a document as
// Markdown headings.
class OutlineWriter : public render::DocumentWriter {
 public:
  render::WrittenFile write(const compose::Doc& doc, const std::string&, diag::DiagnosticSink&) override {
    std::string out = "# " + doc.title + "\n";
    for (const auto& s : doc.sections) out += "\n## " + s.number + " " + s.heading + "\n";
    return {out, 0};
  }
};

class FailingWriter : public render::DocumentWriter {
 public:
  render::WrittenFile write(const compose::Doc&, const std::string&, diag::DiagnosticSink&) override {
    throw render::WriteError("the library gave up");
  }
};

// Takes the added writer out again whatever happens (the table is the process's).
struct Added {
  explicit Added(render::WriterInfo info) : name(info.name) { render::add_writer(std::move(info)); }
  ~Added() { render::remove_writer(name); }
  std::string name;
};

PipelineResult build_example(const std::vector<std::string>& formats, const fs::path& out, diag::DiagnosticSink& sink) {
  PipelineOptions o;
  o.inputs = {test::source_dir() / "docs" / "examples" / "exempel.xml"};
  o.output_dir = out;
  o.as_of = *util::Date::parse("2026-11-23");
  o.formats = formats;
  o.check.compare_with_git = false;
  diag::SourceRegistry sources;
  return build(o, test::resources(), sink, sources);
}

bool has_rule(const diag::DiagnosticSink& sink, const std::string& rule) {
  return std::any_of(sink.all().begin(), sink.all().end(), [&](const diag::Diagnostic& d) { return d.rule == rule; });
}

}  // namespace

TEST_CASE("writers: the built-in formats and what the command line offers", "[writers]") {
  std::vector<std::string> names;
  for (const auto& w : render::writers()) names.push_back(w.name);
  CHECK(names == std::vector<std::string>{"html", "docx", "pdf", "layout"});
  REQUIRE(render::find_writer("layout"));
  CHECK_FALSE(render::find_writer("layout")->listed);  // a debugging aid, not offered
  CHECK(render::find_writer("nope") == nullptr);
  const auto cli = text::Catalog::load(test::source_dir() / "templates" / "cli" / "sv.txt");
  CHECK(render::format_list(cli) == "html, docx (Word), pdf");

  std::string out;
  CHECK(test::run(std::string(OKGEN_BINARY) + " build --help", &out) == 0);
  CHECK(out.find("html, docx (Word), pdf (standard: html,pdf)") != std::string::npos);
  CHECK(out.find("layout (") == std::string::npos);  // not offered (the examples mention pdftotext -layout)
  CHECK(test::run(std::string(OKGEN_BINARY) + " build --format html,odt content 2>&1", &out) == 2);
  CHECK(out.find("okänt format \"odt\" (finns: html, docx (Word), pdf)") != std::string::npos);
  CHECK(test::run(std::string(OKGEN_BINARY) + " --lang en build --format odt content 2>&1", &out) == 2);
  CHECK(out.find("unknown format \"odt\" (there are: html, docx (Word), pdf)") != std::string::npos);
}

TEST_CASE("writers: a writer added by the recipe is a format of build", "[writers]") {
  // Step 2 of the recipe: its entry.
  Added added({"outline", ".outline.md", true, render::GoldenScope::none, "output-failed",
               [](const Resources&, diag::DiagnosticSink&, diag::SourceRegistry&) {
                 return std::unique_ptr<render::DocumentWriter>(new OutlineWriter);
               }});
  const auto cli = text::Catalog::load(test::source_dir() / "templates" / "cli" / "en.txt");
  CHECK(render::format_list(cli) == "html, docx (Word), pdf, outline");

  const fs::path out = test::temp_dir("writers-outline");
  diag::DiagnosticSink sink;
  const PipelineResult r = build_example({"html", "outline"}, out, sink);
  REQUIRE_FALSE(sink.has_errors());
  REQUIRE(r.agreements.size() == 1);
  const fs::path outline = out / "exempel.outline.md";
  CHECK(r.agreements[0].outputs == std::vector<fs::path>{out / "exempel.html", outline});
  REQUIRE(fs::exists(outline));
  const std::string text = test::read(outline);
  CHECK(text.rfind("# ", 0) == 0);
  CHECK(text.find("\n## 1 ") != std::string::npos);
  // Only the formats asked for.
  CHECK_FALSE(fs::exists(out / "exempel.pdf"));
}

TEST_CASE("writers: a writer that fails is reported by its rule and nothing is written", "[writers]") {
  Added added({"broken", ".broken", false, render::GoldenScope::none, "output-failed",
               [](const Resources&, diag::DiagnosticSink&, diag::SourceRegistry&) {
                 return std::unique_ptr<render::DocumentWriter>(new FailingWriter);
               }});
  const fs::path out = test::temp_dir("writers-broken");
  diag::DiagnosticSink sink;
  const PipelineResult r = build_example({"html", "broken"}, out, sink);
  REQUIRE(has_rule(sink, "output-failed"));
  const auto& d = *std::find_if(sink.all().begin(), sink.all().end(), [](const auto& x) { return x.rule == "output-failed"; });
  CHECK(d.arg("format") == "broken");
  CHECK(d.arg("problem") == "the library gave up");
  const auto msgs = text::Catalog::load(test::source_dir() / "templates" / "messages" / "sv.txt");
  CHECK(text::format_diagnostic(msgs, d) == "broken-filen kunde inte skapas: the library gave up");
  CHECK(exit_code(r, sink) == kExitFindings);
  CHECK(r.written.empty());
  CHECK_FALSE(fs::exists(out / "exempel.html"));  // the HTML that could be made is not written either
}

TEST_CASE("writers: a writer that cannot be set up leaves the build a check", "[writers]") {
  Added added({"unready", ".unready", false, render::GoldenScope::none, "output-failed",
               [](const Resources&, diag::DiagnosticSink& sink, diag::SourceRegistry&) {
                 sink.report("style-missing", diag::SourceSpan{"styles/unready.xml", 0, 0}, {{"path", "styles/unready.xml"}});
                 return std::unique_ptr<render::DocumentWriter>();
               }});
  const fs::path out = test::temp_dir("writers-unready");
  diag::DiagnosticSink sink;
  const PipelineResult r = build_example({"html", "unready"}, out, sink);
  CHECK(has_rule(sink, "style-missing"));
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].loaded);  // still read and checked
  CHECK(r.written.empty());
  CHECK_FALSE(fs::exists(out / "exempel.html"));
}

TEST_CASE("writers: docx and pdf read the same style, its problems are reported once", "[writers]") {
  // A resources folder whose styles/pdf.xml is broken.
  const fs::path res_dir = test::temp_dir("writers-style");
  fs::copy(test::source_dir() / "templates", res_dir / "templates", fs::copy_options::recursive);
  fs::copy(test::source_dir() / "data", res_dir / "data", fs::copy_options::recursive);
  fs::copy(test::source_dir() / "styles", res_dir / "styles", fs::copy_options::recursive);
  std::ofstream(res_dir / "styles" / "pdf.xml") << "<style><page size=\"A4\"";
  const Resources res = Resources::load(res_dir);
  PipelineOptions o;
  o.inputs = {test::source_dir() / "docs" / "examples" / "exempel.xml"};
  o.output_dir = test::temp_dir("writers-style-out");
  o.formats = {"docx", "pdf"};
  o.check.compare_with_git = false;
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  const PipelineResult r = build(o, res, sink, sources);
  CHECK(r.written.empty());
  std::size_t style_findings = 0;
  for (const auto& d : sink.all()) style_findings += d.span.file.find("pdf.xml") != std::string::npos;
  CHECK(style_findings == 1);
}
