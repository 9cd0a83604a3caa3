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


TEST_CASE("words in another language are not hyphenated with Swedish patterns", "[pdf]") {
  // A narrow column: the Swedish compound is broken with a soft hyphen, the same letters
  // marked as Northern Sami are not (Swedish patterns would break them in wrong places).
  Fixture f;
  const TextStyle body = f.style.style("body");
  const std::string word = "Samverkansöverenskommelserna";
  auto has_hyphen = [](const std::vector<LineBox>& lines) {
    for (const auto& l : lines)
      for (const auto& t : l.ops.text)
        if (t.text == "\xC2\xAD" || t.text == "-") return true;
    return false;
  };
  model::Inlines swedish{model::Inline{model::Text{"Alla " + word + " gäller."}, {}}};
  CHECK(has_hyphen(layout_inlines(swedish, body, 90, f.ctx)));
  model::Inlines sami;
  sami.push_back(model::Inline{model::Text{"Alla "}, {}});
  sami.push_back(model::Inline{model::Lang{"se", {model::Inline{model::Text{word}, {}}}}, {}});
  sami.push_back(model::Inline{model::Text{" gäller."}, {}});
  const auto lines = layout_inlines(sami, body, 90, f.ctx);
  CHECK_FALSE(has_hyphen(lines));
  std::string in_sami;  // the runs that keep the language for the Span (a run may be a kerned part)
  for (const auto& l : lines)
    for (const auto& t : l.ops.text)
      if (t.lang == "se") in_sami += t.text;
  CHECK(in_sami == word);
}
