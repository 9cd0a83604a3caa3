// The Markdown bridge: what survives, what is refused, and where problems are reported.
#include <catch2/catch.hpp>

#include "load/markdown.h"
#include "util/url.h"

using namespace okgen;
using namespace okgen::model;

namespace {

struct Parsed {
  Blocks blocks;
  diag::DiagnosticSink sink;
};

Parsed parse(const std::string& text, int line = 10, int column = 7) {
  Parsed p;
  load::TextOrigin origin{0, "x.xml", line, column, true};
  p.blocks = load::parse_markdown(text, origin, p.sink);
  return p;
}

std::vector<Inline> paragraph_inlines(const Blocks& b) { return std::get<Paragraph>(b.at(0).node).content; }

}  // namespace

TEST_CASE("citations and cross references become their own inlines", "[markdown]") {
  auto p = parse("Enligt lagen[^hsl-16-3] och [](#malgrupp), se [avsnittet](#tvist).");
  auto in = paragraph_inlines(p.blocks);
  int citations = 0, xrefs = 0;
  for (const auto& i : in) {
    if (const auto* c = std::get_if<Citation>(&i.node)) {
      CHECK(c->target == "hsl-16-3");
      ++citations;
    }
    if (const auto* x = std::get_if<CrossRef>(&i.node)) {
      CHECK((x->target == "malgrupp" || x->target == "tvist"));
      ++xrefs;
    }
  }
  CHECK(citations == 1);
  CHECK(xrefs == 2);
  CHECK(plain_text(in) == "Enligt lagen och , se avsnittet.");
  CHECK(p.sink.all().empty());
}

TEST_CASE("text that only looks like a citation stays text", "[markdown]") {
  auto p = parse("Uttrycket [^Stor bokstav] och [^] och [^ok");
  CHECK(plain_text(p.blocks) == "Uttrycket [^Stor bokstav] och [^] och [^ok");
}

TEST_CASE("raw HTML is dropped with a warning", "[markdown]") {
  auto p = parse("Text <script>alert(1)</script> mer.\n\n<div onclick=\"x\">block</div>\n");
  CHECK(plain_text(p.blocks).find("<script>") == std::string::npos);
  CHECK(p.sink.count(diag::Severity::warning) >= 2);
  for (const auto& d : p.sink.all()) CHECK(d.rule == "raw-html");
}

TEST_CASE("unsafe link schemes are dropped, their text kept", "[markdown]") {
  auto p = parse("[klicka](javascript:alert(1)) och [ok](https://example.org) och [x](JaVaScRiPt:evil)");
  REQUIRE(p.sink.all().size() == 2);
  CHECK(p.sink.all()[0].rule == "unsafe-link");
  int links = 0;
  for (const auto& i : paragraph_inlines(p.blocks)) {
    if (const auto* l = std::get_if<Link>(&i.node)) {
      CHECK(l->href == "https://example.org");
      ++links;
    }
  }
  CHECK(links == 1);
  CHECK(plain_text(p.blocks) == "klicka och ok och x");
}

TEST_CASE("[words]{lang=TAG} marks words in another language; anything else stays text", "[markdown]") {
  // Written before the code: a span in one text, one around emphasis, two in a row, and
  // brackets that are no span (a placeholder, a bad tag, a span never closed).
  auto p = parse("Hälsning: [Buorre beaivi]{lang=se}! Ordet [*čálli* betyder]{lang=se} skrivare, "
                 "[kiitos]{lang=fi} och [thank you]{lang=en-GB}. Fyll i [datum] senare.");
  const auto in = paragraph_inlines(p.blocks);
  std::vector<std::pair<std::string, std::string>> spans;  // lang, plain text
  bool emph_inside = false;
  for (const auto& i : in) {
    if (const auto* l = std::get_if<Lang>(&i.node)) {
      spans.emplace_back(l->lang, plain_text(l->children));
      for (const auto& c : l->children) emph_inside = emph_inside || std::holds_alternative<Emph>(c.node);
    }
  }
  CHECK(spans == std::vector<std::pair<std::string, std::string>>{
                     {"se", "Buorre beaivi"}, {"se", "čálli betyder"}, {"fi", "kiitos"}, {"en-GB", "thank you"}});
  CHECK(emph_inside);
  CHECK(plain_text(p.blocks) == "Hälsning: Buorre beaivi! Ordet čálli betyder skrivare, kiitos och thank you. Fyll i [datum] senare.");
  CHECK(p.sink.all().empty());

  auto bad = parse("Ett [ord]{lang=Nordsamiska} och [öppen]{lang=se och [stängd]{lang=se}.");
  REQUIRE(bad.sink.all().size() == 1);
  CHECK(bad.sink.all()[0].rule == "lang-invalid");
  CHECK(plain_text(bad.blocks).find("[ord]{lang=Nordsamiska}") != std::string::npos);
  int langs = 0;
  for (const auto& i : paragraph_inlines(bad.blocks)) langs += std::holds_alternative<Lang>(i.node);
  CHECK(langs == 1);  // "[stängd]{lang=se}"; the unclosed "[öppen" stays text

  // A span in a span, and a hostile run of brackets (read in one pass: this would take
  // minutes if each bracket searched the rest of the text).
  auto nested = parse("[ett [kiitos]{lang=fi} ord]{lang=se}");
  const auto nested_inlines = paragraph_inlines(nested.blocks);
  const auto& outer = std::get<Lang>(nested_inlines.at(0).node);
  CHECK(outer.lang == "se");
  CHECK(std::get<Lang>(outer.children.at(1).node).lang == "fi");
  auto hostile = parse(std::string(200000, '[') + "x]{lang=se}" + std::string(200000, ']'));
  CHECK(std::holds_alternative<Lang>(paragraph_inlines(hostile.blocks).at(1).node));
}

TEST_CASE("safe URL classification", "[markdown]") {
  CHECK(util::is_safe_url("https://www.socialstyrelsen.se/"));
  CHECK(util::is_safe_url("mailto:info@region.se"));
  CHECK(util::is_safe_url("tel:+46101234567"));
  CHECK(util::is_safe_url("dokument/rutin.pdf"));
  CHECK_FALSE(util::is_safe_url("javascript:alert(1)"));
  CHECK_FALSE(util::is_safe_url(" javascript:alert(1)"));
  CHECK_FALSE(util::is_safe_url("data:text/html;base64,PHNjcmlwdD4="));
  CHECK_FALSE(util::is_safe_url("vbscript:x"));
  CHECK_FALSE(util::is_safe_url("file:///etc/passwd"));
  CHECK_FALSE(util::is_safe_url("java\tscript:alert(1)"));
  CHECK_FALSE(util::is_safe_url("JavaScript:alert(1)"));
  CHECK(util::safe_href("javascript:alert(1)").empty());
  CHECK(util::safe_href("#avsnitt-3") == "#avsnitt-3");
}

TEST_CASE("Markdown headings are refused but their words kept", "[markdown]") {
  auto p = parse("\n  ## Rubrik\n\n  Text.\n", 20, 9);
  REQUIRE(p.sink.all().size() == 1);
  const auto& d = p.sink.all()[0];
  CHECK(d.rule == "markdown-heading");
  // Line 20 holds the opening tag; the heading is on the next line, after 2 removed spaces.
  CHECK(d.span.line == 21);
  CHECK(d.span.column == 3);
  CHECK(plain_text(p.blocks) == "Rubrik\n\nText.");
}

TEST_CASE("an accidental code block is reported", "[markdown]") {
  auto p = parse("\n    Stycke.\n\n            indraget för mycket\n");
  REQUIRE(p.sink.all().size() == 1);
  CHECK(p.sink.all()[0].rule == "code-block");
}

TEST_CASE("lists nest and keep their numbering", "[markdown]") {
  auto p = parse("3. tre\n4. fyra\n   - inre\n");
  const auto& list = std::get<List>(p.blocks.at(0).node);
  CHECK(list.ordered);
  CHECK(list.start == 3);
  REQUIRE(list.items.size() == 2);
  CHECK(std::holds_alternative<List>(list.items[1].at(1).node));
}

TEST_CASE("pathologically deep nesting is cut off, not recursed into", "[markdown]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "> ";
  deep += "djupt";
  auto p = parse(deep);
  CHECK(p.sink.all().size() == 1);
  CHECK(p.sink.all()[0].rule == "nesting-too-deep");
}
