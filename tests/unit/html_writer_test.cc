// The HTML writer: escaping, accessibility structure, and the page shell.
#include <catch2/catch.hpp>

#include "compose/composer.h"
#include "render/html/html_writer.h"
#include "support/test_support.h"

using namespace okgen;

namespace {

std::string page(const std::string& xml) {
  auto l = test::load_string(xml);
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  return render::html::render_html(doc, test::resources());
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the page is Swedish, has a skip link, a table of contents and numbered headings", "[html]") {
  const std::string html = page(test::minimal_agreement(
      R"(<section id="a"><heading>Inledning</heading><section id="b"><heading>Bakgrund</heading></section></section>)"));
  CHECK(contains(html, "<html lang=\"sv\">"));
  CHECK(contains(html, "<a class=\"skip-link\" href=\"#innehall\">"));
  CHECK(contains(html, "<main id=\"innehall\""));
  CHECK(contains(html, "<nav class=\"toc\""));
  CHECK(contains(html, "<h2 id=\"a\"><span class=\"secno\">1</span> Inledning</h2>"));
  CHECK(contains(html, "<h3 id=\"b\"><span class=\"secno\">1.1</span> Bakgrund</h3>"));
  CHECK(contains(html, "<a href=\"#b\"><span class=\"secno\">1.1</span> Bakgrund</a>"));
  CHECK(contains(html, "<style>"));
  CHECK(contains(html, "@media print"));
  CHECK_FALSE(contains(html, "<script"));
}

TEST_CASE("content cannot inject markup", "[html]") {
  const std::string html = page(test::minimal_agreement(
      R"(<section id="a"><heading>A &lt;script&gt;alert(1)&lt;/script&gt;</heading>
         <body><![CDATA[Text <script>alert(2)</script> & "citat" [x](javascript:alert(3)) <img src=x onerror=alert(4)>]]></body></section>)",
      "    <subtitle>\"&gt;&lt;b&gt;fet</subtitle>\n"));
  CHECK_FALSE(contains(html, "<script>alert"));
  CHECK_FALSE(contains(html, "javascript:"));
  CHECK_FALSE(contains(html, "onerror"));
  CHECK_FALSE(contains(html, "<b>fet"));
  CHECK(contains(html, "A &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(html, "&amp; &quot;citat&quot;"));
}

TEST_CASE("tables have captions and scoped header cells; notes have back links", "[html]") {
  const std::string html = page(test::minimal_agreement(
      R"(<section id="a"><heading>A</heading><body>Lag.[^hsl]</body>
         <responsibilities><topic name="Boende"><joint><item>Planerar.</item></joint></topic></responsibilities></section>)",
      "", R"(<legal-references><law-ref id="hsl" law="HSL" sfs="2017:30" chapter="16" section="3"/></legal-references>)"));
  CHECK(contains(html, "<caption id=\"tbl-1\">Ansvarsfördelning</caption>"));
  CHECK(contains(html, "<th scope=\"col\">Gemensamt ansvar</th>"));
  CHECK(contains(html, "<th scope=\"row\">Boende</th>"));
  CHECK(contains(html, "<a id=\"fnref-1-1\" href=\"#fn-1\" role=\"doc-noteref\""));
  CHECK(contains(html, "<li id=\"fn-1\">16 kap. 3 § Hälso- och sjukvårdslag (2017:30). <a class=\"backref\" href=\"#fnref-1-1\""));
}
