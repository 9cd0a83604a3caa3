// The loader: values read into the model, positions, and whole-file checks.
#include <catch2/catch.hpp>

#include <fstream>

#include "model/validity_status.h"
#include "support/test_support.h"

using namespace okgen;
using namespace okgen::model;
namespace fs = std::filesystem;

TEST_CASE("the documented example loads completely and without findings", "[loader]") {
  auto l = test::load_file(test::source_dir() / "docs/examples/exempel.xml");
  REQUIRE(l.agreement);
  CHECK(l.sink.all().empty());
  const Agreement& a = *l.agreement;
  CHECK(a.id == "exempel-regional");
  CHECK(a.kind == AgreementKind::regional);
  CHECK(a.meta.diarienummer == "RE 2026/0042");
  CHECK(a.meta.decision->body == "Regionala samverkansrådet");
  CHECK(a.meta.decision->date.iso() == "2026-03-12");
  REQUIRE(a.meta.parties.size() == 4);
  CHECK(a.meta.parties[1].code == "1080");
  CHECK(a.meta.parties[3].role == PartyRole::consulted);
  REQUIRE(a.sections.size() == 6);
  CHECK(a.sections[0].children[1].number == "1.2");
  CHECK(a.sections[4].children[2].depth == 2);
  const auto* v = find_validity(a);
  REQUIRE(v);
  CHECK(v->start.iso() == "2026-04-01");
  CHECK(v->extension->months == 24);
  CHECK(v->extension->repeat);
  CHECK(v->notice_months == 12);
  CHECK(a.law_refs.size() == 3);
  CHECK(a.law_refs[1].sfs == "2025:400");
  CHECK(a.signatures->signatories.size() == 3);
  CHECK(a.revisions.at(0).version == "1.0");
}

TEST_CASE("structured elements keep their parts", "[loader]") {
  auto l = test::load_string(test::minimal_agreement(R"(
  <section id="tvist" covers="disputes">
    <heading>Tvister</heading>
    <dispute-ladder id="stege" scope="local">
      <level forum="Enhetschefer">Försöker lösa frågan.</level>
      <level forum="Förvaltningschefer">Tar över.</level>
      <interim>Den som har kontakten fortsätter.</interim>
      <final forum="Allmän domstol">Prövar tvisten.</final>
    </dispute-ladder>
  </section>
  <section id="sip" covers="individual-plans">
    <heading>SIP</heading>
    <sip-routine>
      <consent>Samtycke krävs.</consent>
      <plan-contents>
        <content kind="interventions">insatser</content>
        <content kind="lead-principal">huvudansvar</content>
      </plan-contents>
    </sip-routine>
  </section>)"));
  REQUIRE(l.agreement);
  CHECK(l.sink.all().empty());
  const auto& d = std::get<DisputeLadder>(l.agreement->sections[0].content[0]);
  CHECK(d.scope == DisputeScope::local);
  REQUIRE(d.levels.size() == 2);
  CHECK(d.levels[1].forum == "Förvaltningschefer");
  CHECK(d.final_instance->forum == "Allmän domstol");
  CHECK(plain_text(d.interim->blocks) == "Den som har kontakten fortsätter.");
  const auto& s = std::get<SipRoutine>(l.agreement->sections[1].content[0]);
  CHECK_FALSE(s.initiative);
  REQUIRE(s.plan_contents.size() == 2);
  CHECK(s.plan_contents[1].kind == PlanContentKind::lead_principal);
}

TEST_CASE("diagnostics point at the element, attribute or Markdown line", "[loader]") {
  const std::string xml = test::minimal_agreement(
      "  <section id=\"a\">\n"
      "    <heading>A</heading>\n"
      "    <body>\n"
      "      Första raden.\n"
      "      Se [](#saknas).\n"
      "    </body>\n"
      "    <validity start=\"2021-01-01\" ends=\"2022-01-01\" until-further-notice=\"true\"/>\n"
      "  </section>\n");
  auto l = test::load_string(xml);
  // minimal_agreement puts 11 lines before the sections.
  CHECK(l.findings() == std::vector<std::string>{"18:34 unknown-attribute", "16:10 unknown-link-target"});
  CHECK(l.sink.all()[0].arg("suggestion") == "end");
}

TEST_CASE("duplicate ids point at both places", "[loader]") {
  auto l = test::load_string(test::minimal_agreement(
      "<section id=\"x\"><heading>A</heading></section>\n<section id=\"x\"><heading>B</heading></section>\n"));
  REQUIRE(l.sink.all().size() == 1);
  const auto& d = l.sink.all()[0];
  CHECK(d.rule == "duplicate-id");
  CHECK(d.span.line == 13);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].span.line == 12);
}

TEST_CASE("<body src> reads Markdown inside the content tree only", "[loader]") {
  const fs::path dir = test::temp_dir("body-src");
  fs::create_directories(dir / "region");
  { std::ofstream(dir / "region" / "text.md") << "Text från *fil*.\n\n## Rubrik\n"; }
  { std::ofstream(dir / "utanfor.md") << "Hemligt.\n"; }
  const std::string sections =
      "<section id=\"a\"><heading>A</heading><body src=\"text.md\"/><body src=\"../utanfor.md\"/></section>\n";
  auto l = test::load_string(test::minimal_agreement(sections), dir / "region" / "regional.xml");
  REQUIRE(l.agreement);
  // The heading in the .md file is reported at its own line in its own file.
  REQUIRE(l.sink.all().size() == 2);
  CHECK(l.sink.all()[0].rule == "markdown-heading");
  CHECK(l.sink.all()[0].span.line == 3);
  CHECK(l.sink.all()[0].span.file.find("text.md") != std::string::npos);
  CHECK(l.sink.all()[1].rule == "body-file-outside-content");
  const auto& body = std::get<Body>(l.agreement->sections[0].content[0]);
  CHECK(plain_text(body.text.blocks) == "Text från fil.\n\nRubrik");
}

TEST_CASE("a UTF-8 byte order mark is accepted and positions stay right", "[loader]") {
  auto l = test::load_string("\xEF\xBB\xBF" + test::minimal_agreement("<section id=\"a\"><heading>A</heading><bodyy/></section>\n"));
  REQUIRE(l.agreement);
  CHECK(l.findings() == std::vector<std::string>{"12:37 unknown-element"});
}

TEST_CASE("kind-specific metadata", "[loader]") {
  auto local = test::load_string(R"(<agreement id="falun" kind="local">
  <meta>
    <title>Lokal överenskommelse Falun</title>
    <region>Region Dalarna</region>
    <version>1</version>
    <parties><party kind="region">Region Dalarna</party><party kind="municipality" code="2080">Falu kommun</party></parties>
    <parent href="../regional.xml" diarienummer="RD21/00517" version="2021"/>
    <municipality code="2080">Falu kommun</municipality>
  </meta>
  <section id="a"><heading>A</heading></section>
</agreement>)", "test/local/falun.xml");
  REQUIRE(local.agreement);
  CHECK(local.sink.all().empty());
  CHECK(local.agreement->meta.parent->diarienummer == "RD21/00517");
  CHECK(local.agreement->meta.municipality->code == "2080");
}
