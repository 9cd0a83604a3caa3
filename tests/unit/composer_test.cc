// The composer: wording from templates, note numbering, cross references, metadata.
#include <catch2/catch.hpp>

#include "compose/composer.h"
#include "model/walk.h"
#include "support/test_support.h"

using namespace okgen;
using namespace okgen::model;

namespace {

compose::Doc compose_string(const std::string& xml, diag::DiagnosticSink* out_sink = nullptr) {
  auto l = test::load_string(xml);
  REQUIRE(l.agreement);
  REQUIRE_FALSE(l.sink.has_errors());
  diag::DiagnosticSink sink;
  auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  if (out_sink) *out_sink = sink;
  return doc;
}

std::string section_text(const compose::Doc& d, std::size_t i) { return plain_text(d.sections.at(i).blocks); }

}  // namespace

TEST_CASE("the validity clause is written from the dates and the extension rule", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(R"(<section id="g" covers="validity"><heading>G</heading>
    <validity start="2018-01-01" end="2021-12-31">
      <extension months="24" condition="no-notice" repeat="true"/>
      <notice months="12"/>
    </validity></section>)"));
  const std::string text = section_text(doc, 0);
  CHECK(text.find("från och med den 1 januari 2018 till och med den 31 december 2021") != std::string::npos);
  CHECK(text.find("förlängs den automatiskt med 2 år i taget") != std::string::npos);
  CHECK(text.find("senast ett år innan") != std::string::npos);
  CHECK(doc.validity.state == ValidityState::extended);
  CHECK(doc.validity_label == "Förlängd till och med 2027-12-31");
}

TEST_CASE("until further notice", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(R"(<section id="g"><heading>G</heading>
    <validity start="2025-07-01" until-further-notice="true"><review every-months="24"/></validity></section>)"));
  const std::string text = section_text(doc, 0);
  CHECK(text.find("från och med den 1 juli 2025 och tills vidare") != std::string::npos);
  CHECK(text.find("vart 2:e år") != std::string::npos);
  CHECK(doc.validity_label == "Gäller tills vidare");
}

TEST_CASE("the dispute ladder lists the levels in order with the final instance last", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(R"(<section id="t"><heading>T</heading>
    <dispute-ladder><level forum="Chefer">Först.</level><level forum="Ledning">Sedan.</level>
    <interim>Under tiden.</interim><final forum="Allmän domstol">Sist.</final></dispute-ladder></section>)"));
  const auto& div = std::get<Div>(doc.sections[0].blocks.at(0).node);
  CHECK(div.role == "dispute-ladder");
  const List* list = nullptr;
  for (const auto& b : div.children) {
    if (!list) list = std::get_if<List>(&b.node);
  }
  REQUIRE(list);
  CHECK(list->ordered);
  REQUIRE(list->items.size() == 3);
  CHECK(plain_text(list->items[0]) == "Chefer. Först.");
  CHECK(plain_text(list->items[2]) == "Allmän domstol (sista instans). Sist.");
  CHECK(plain_text(div.children).find("Medan tvisten pågår: Under tiden.") != std::string::npos);
}

TEST_CASE("notes are numbered by first citation, uncited references listed last", "[compose]") {
  diag::DiagnosticSink sink;
  auto doc = compose_string(
      test::minimal_agreement(R"(<section id="a"><heading>A</heading><body>Ett[^lss] två[^hsl] tre[^lss].</body></section>)", "",
                              R"(<legal-references>
        <law-ref id="hsl" law="HSL" sfs="2017:30" chapter="16" section="3"/>
        <law-ref id="lss" law="LSS" sfs="1993:387"/>
        <law-ref id="pl" law="PL" sfs="2014:821"/>
      </legal-references>)"),
      &sink);
  REQUIRE(doc.notes.size() == 3);
  CHECK(doc.notes[0].id == "lss");
  CHECK(doc.notes[0].backrefs.size() == 2);
  CHECK(doc.notes[1].id == "hsl");
  CHECK(plain_text(doc.notes[1].text) == "16 kap. 3 § Hälso- och sjukvårdslag (2017:30).");
  CHECK(doc.notes[2].id == "pl");
  CHECK(doc.notes[2].backrefs.empty());
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].rule == "uncited-reference");
}

TEST_CASE("empty cross references get the section's number and heading", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(
      R"(<section id="a"><heading>Inledning</heading><body>Se [](#b) och [texten](#b).</body></section>
         <section id="b"><heading>Målgrupp</heading></section>)"));
  CHECK(section_text(doc, 0) == "Se avsnitt 2 Målgrupp och texten.");
}

TEST_CASE("the responsibility matrix is a table with header cells", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(R"(<section id="a"><heading>A</heading>
    <responsibilities><topic name="Boende"><joint><item>Planerar.</item></joint>
    <municipality><item>Boendestöd.</item><item>Särskilt boende.</item></municipality></topic></responsibilities></section>)"));
  const auto& div = std::get<Div>(doc.sections[0].blocks.at(0).node);
  const auto& table = std::get<Table>(div.children.at(0).node);
  REQUIRE(table.head.size() == 1);
  CHECK(table.head[0].cells.size() == 4);
  CHECK(plain_text(table.head[0].cells[2].content) == "Kommunens ansvar");
  REQUIRE(table.body.size() == 1);
  CHECK(table.body[0].cells[0].header);
  CHECK(std::holds_alternative<List>(table.body[0].cells[2].content.at(0).node));
  CHECK(plain_text(table.body[0].cells[3].content) == "–");
}

TEST_CASE("standard texts cite the agreement's own law references", "[compose]") {
  auto doc = compose_string(test::minimal_agreement(R"(<section id="a"><heading>A</heading><standard-text name="legal-basis"/></section>)", "",
      R"(<legal-references><law-ref id="hsl-agreement" law="HSL" sfs="2017:30" chapter="16" section="3"/></legal-references>)"));
  REQUIRE(doc.notes.size() == 1);
  CHECK(doc.notes[0].backrefs.size() == 1);
  CHECK(section_text(doc, 0).find("hälso- och sjukvårdslagen") != std::string::npos);
}
