// PDF layout: line breaking, hyphenation, pagination rules, margins.
#include <catch2/catch.hpp>

#include "render/pdf/font_set.h"
#include "render/pdf/hyphenator.h"
#include "render/pdf/inline_layout.h"
#include "render/pdf/pdf_style.h"
#include "support/test_support.h"

using namespace okgen;
using namespace okgen::render::pdf;

namespace {

struct Fixture {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  PdfStyle style = *PdfStyle::load(test::source_dir() / "styles/pdf.xml", sink, sources);
  FontSet fonts{style};
  Hyphenator hyph{style.hyphen_dictionary, style.hyphen_left_min, style.hyphen_right_min, style.hyphen_min_word, {}};
  LayoutContext ctx{style, fonts, hyph, sink, "test"};
};

std::vector<std::string> line_texts(const std::vector<LineBox>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    std::string s;
    for (const auto& t : l.ops.text) s += t.text;
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("ragged text breaks into balanced lines", "[pdf]") {
  Fixture f;
  auto lines = layout_text("Beslutar om bostad med särskild service och boendestöd.", f.style.style("table"), 118, f.ctx);
  auto texts = line_texts(lines);
  INFO(texts.size());
  for (auto& t : texts) INFO(t);
  CHECK(texts.front() != "Beslutar");
}

