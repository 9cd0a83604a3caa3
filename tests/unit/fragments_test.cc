// Fragments: author blocks spliced into parsed template output.
#include <catch2/catch.hpp>

#include "compose/fragments.h"
#include "load/markdown.h"

using namespace okgen;
using namespace okgen::model;

namespace {

Blocks md(const std::string& text) {
  diag::DiagnosticSink sink;
  return load::parse_markdown(text, load::TextOrigin{}, sink);
}

}  // namespace

TEST_CASE("a marker alone in a paragraph is replaced by the fragment's blocks", "[fragments]") {
  compose::Fragments f;
  std::string m = f.add(md("Första stycket.\n\nAndra stycket."));
  Blocks out = md("Inledning.\n\n" + m + "\n\nSlut.");
  f.splice(out);
  REQUIRE(out.size() == 4);
  CHECK(plain_text(out) == "Inledning.\n\nFörsta stycket.\n\nAndra stycket.\n\nSlut.");
}

TEST_CASE("a marker inside a sentence takes the fragment's first paragraph inline", "[fragments]") {
  compose::Fragments f;
  std::string m = f.add(md("*vem* som gör vad\n\nMer text."));
  Blocks out = md("- **Nivå 1.** " + m + "\n- Nästa");
  f.splice(out);
  REQUIRE(out.size() == 1);
  const auto& list = std::get<List>(out[0].node);
  REQUIRE(list.items.size() == 2);
  CHECK(plain_text(list.items[0]) == "Nivå 1. vem som gör vad\n\nMer text.");
}

TEST_CASE("an empty fragment removes its paragraph", "[fragments]") {
  compose::Fragments f;
  std::string m = f.add({});
  Blocks out = md(m + "\n\nKvar.");
  f.splice(out);
  CHECK(plain_text(out) == "Kvar.");
}
