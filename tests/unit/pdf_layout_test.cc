// PDF layout: line breaking, hyphenation, pagination rules, margins.
#include <catch2/catch.hpp>

#include "render/pdf/font_set.h"
#include "render/pdf/hyphenator.h"
#include "render/pdf/inline_layout.h"
#include "render/pdf/paginator.h"
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

TEST_CASE("a pagination pass that only measures lands every anchor where drawing does", "[pdf]") {
  Fixture f;
  // Paragraphs of several lines with anchors, more than a page of them, and a table row.
  Flow flow;
  for (int p = 0; p < 40; ++p) {
    const auto lines = layout_text("Kommunen och regionen ansvarar gemensamt för att den enskilde får en samordnad "
                                   "individuell plan när insatser behövs från båda huvudmännen.",
                                   f.style.style("body"), f.style.content_width(), f.ctx);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      FlowLine l;
      l.height = lines[i].height;
      l.group = p;
      l.ops = lines[i].ops;
      if (i == 0) l.ops.anchors.push_back(AnchorOp{"p" + std::to_string(p), 0});
      flow.push_back(std::move(l));
    }
    flow.push_back(FlowSpace{6});
  }
  const std::map<int, FootnoteBox> notes;
  Layout measured, copied, moved;
  Paginator(f.style, notes, measured, Paginator::Mode::measure).run(flow);
  Paginator(f.style, notes, copied).run(flow);
  Flow spent = flow;
  Paginator(f.style, notes, moved).run(std::move(spent));
  REQUIRE(copied.pages.size() > 1);
  CHECK(measured.pages.size() == copied.pages.size());
  CHECK(measured.anchors == copied.anchors);
  CHECK(moved.anchors == copied.anchors);
  std::size_t runs = 0;
  for (std::size_t k = 0; k < copied.pages.size(); ++k) {
    CHECK(measured.pages[k].ops.text.empty());  // measured, not drawn
    REQUIRE(moved.pages[k].ops.text.size() == copied.pages[k].ops.text.size());
    for (std::size_t r = 0; r < copied.pages[k].ops.text.size(); ++r) {
      const TextRun& a = copied.pages[k].ops.text[r];
      const TextRun& b = moved.pages[k].ops.text[r];
      CHECK((a.text == b.text && a.x == b.x && a.y == b.y));
    }
    runs += copied.pages[k].ops.text.size();
  }
  CHECK(runs > 40);
}
