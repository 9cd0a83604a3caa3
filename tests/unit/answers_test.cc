// Answering a local agreement's questions outside an editor (local/answers.h): the file must
// come out exactly as if the author had followed its instructions by hand.
#include <catch2/catch.hpp>

#include "local/answers.h"
#include "support/test_support.h"
#include "util/fs.h"

using namespace okgen;

namespace {

const std::string kLocal = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Lokal överenskommelse, utkast. -->
<agreement id="x" kind="local" lang="sv">
  <section id="lokal-utbud" template="utbud">
    <heading>Lokalt utbud</heading>
    <!-- Vilka insatser som finns -->
    <prompt>Vilka insatser finns?</prompt>
    <prompt>Vilka saknas?</prompt>
  </section>
  <local-section ref="sip" action="fill" based-on="abc">
    <!-- 4.1 SIP: regionen har lämnat avsnittet till kommunerna. -->
    <prompt>Vad gäller i Falun för "SIP"?</prompt>
  </local-section>

  <revision-history>
    <revision version="0.1" date="2026-11-23">Utkast.</revision>
  </revision-history>
</agreement>
)";

}  // namespace

TEST_CASE("open questions are listed in file order with their section and guidance", "[answers]") {
  const auto qs = local::open_questions(kLocal);
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].index == 0);
  CHECK(qs[0].question == "Vilka insatser finns?");
  CHECK(qs[0].section_id == "lokal-utbud");
  CHECK(qs[0].heading == "Lokalt utbud");
  CHECK(qs[0].guidance == "Vilka insatser som finns");
  CHECK(qs[0].line == 7);
  CHECK(qs[1].guidance == "Vilka insatser som finns");  // the comment introduces both
  CHECK_FALSE(qs[1].regional);
  CHECK(qs[2].regional);
  CHECK(qs[2].section_id == "sip");
  CHECK(qs[2].action == "fill");
  CHECK(local::open_questions("<agreement><prompt>").empty());  // not XML: nothing, no crash
}

TEST_CASE("an answer replaces its prompt and leaves every other byte alone", "[answers]") {
  // What an author does by hand, following the file's instructions.
  std::string by_hand = kLocal;
  const std::string prompt = "<prompt>Vilka saknas?</prompt>";
  by_hand.replace(by_hand.find(prompt), prompt.size(), "<body>Dagverksamhet för unga &amp; äldre.</body>");
  const auto out = local::apply_answers(kLocal, {{1, "Dagverksamhet för unga & äldre.\r\n\r\n"}});
  REQUIRE(out);
  CHECK(*out == by_hand);
}

TEST_CASE("a longer answer is an indented Markdown body", "[answers]") {
  const auto out = local::apply_answers(kLocal, {{0, "Boendestöd.\r\n\r\n- Träfflokal\n- Sysselsättning <2 dagar>  \n"}});
  REQUIRE(out);
  CHECK(out->find("    <body>\n      Boendestöd.\n\n      - Träfflokal\n      - Sysselsättning &lt;2 dagar&gt;\n    </body>\n") !=
        std::string::npos);
  CHECK(out->find("<prompt>Vilka insatser finns?</prompt>") == std::string::npos);
  CHECK(out->find("<prompt>Vilka saknas?</prompt>") != std::string::npos);
  // The loader reads it back as the Markdown it is: a paragraph and a list.
  auto loaded = test::load_string(*out, "test/local.xml");
  REQUIRE(loaded.agreement);
}

TEST_CASE("several answers at once, blank ones and unknown indexes ignored", "[answers]") {
  const auto out = local::apply_answers(kLocal, {{2, "I Falun kallar socialtjänsten."}, {0, "Boendestöd."}, {1, "  \n "}, {7, "x"}, {-1, "y"}});
  REQUIRE(out);
  CHECK(local::open_questions(*out).size() == 1);
  CHECK(out->find("<body>I Falun kallar socialtjänsten.</body>") != std::string::npos);
  CHECK(out->find("<body>Boendestöd.</body>") != std::string::npos);
  CHECK(*local::apply_answers(kLocal, {}) == kLocal);
  CHECK_FALSE(local::apply_answers("<agreement>", {{0, "x"}}));
}

TEST_CASE("local text for a regional section goes before the revision history", "[answers]") {
  const auto out = local::add_local_section(kLocal, "boende", "extend", "d3819955b0e5", "Kommunen har tre boenden.");
  REQUIRE(out);
  const std::string block =
      "  <local-section ref=\"boende\" action=\"extend\" based-on=\"d3819955b0e5\">\n"
      "    <body>Kommunen har tre boenden.</body>\n"
      "  </local-section>\n\n"
      "  <revision-history>";
  CHECK(out->find(block) != std::string::npos);
  CHECK(local::local_section_refs(*out) == std::vector<std::string>{"sip", "boende"});
  // Only once per section, never blank.
  CHECK_FALSE(local::add_local_section(*out, "boende", "extend", "d3819955b0e5", "Igen."));
  CHECK_FALSE(local::add_local_section(kLocal, "boende", "extend", "", "   "));
  // Attribute values are escaped.
  const auto odd = local::add_local_section(kLocal, "a\"b", "extend", "", "Text.");
  REQUIRE(odd);
  CHECK(odd->find("ref=\"a&quot;b\"") != std::string::npos);
}

TEST_CASE("answers written into a real local agreement still load and check", "[answers]") {
  const auto path = test::source_dir() / "content/dalarna/local/avesta.xml";
  const std::string xml = test::read(path);
  const auto qs = local::open_questions(xml);
  REQUIRE(qs.size() > 10);
  std::vector<local::Answer> answers;
  for (const auto& q : qs) answers.push_back({q.index, "Svar på frågan \"" + q.question + "\" i Avesta."});
  const auto out = local::apply_answers(xml, answers);
  REQUIRE(out);
  CHECK(local::open_questions(*out).empty());
  // Written beside the original, so its parent (../regional.xml) resolves the same way.
  const auto dir = test::temp_dir("answers");
  std::filesystem::create_directories(dir / "dalarna/local");
  std::filesystem::copy_file(test::source_dir() / "content/dalarna/regional.xml", dir / "dalarna/regional.xml");
  util::write_file_atomic(dir / "dalarna/local/avesta.xml", *out);
  std::string output;
  const int code = test::run(std::string(OKGEN_BINARY) + " check --date 2026-11-23 '" + (dir / "dalarna/local/avesta.xml").string() +
                                 "' 2>&1",
                             &output);
  INFO(output);
  CHECK(code == 0);
  CHECK(output.find("local-prompts-left") == std::string::npos);
}
