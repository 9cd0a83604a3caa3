// Reading who decided an agreement and when from its text (review/text_decision.h). The
// expected results were written before the reader was run; each sentence is written for
// the case it tests, in the words agreements use.
#include <catch2/catch.hpp>

#include "review/text_decision.h"

using namespace okgen;

namespace {

std::string read(const std::string& text, const std::string& as_of = "2026-12-06") {
  auto d = review::read_decision(text, *util::Date::parse(as_of));
  return d ? d->body + " | " + d->date.iso() : "-";
}

}  // namespace

TEST_CASE("decision: a sentence, a cover page's labels, in any order of body and date", "[text]") {
  CHECK(read("Överenskommelsen beslutades av regionstyrelsen den 15 juni 2021.") == "regionstyrelsen | 2021-06-15");
  CHECK(read("Antagen i Länsledningsgruppen 2026-03-12, § 14.") == "Länsledningsgruppen | 2026-03-12");
  CHECK(read("Titel\nBeslutad av: Regionala samverkansrådet\nBeslutsdatum: 2025-11-20\n") ==
        "Regionala samverkansrådet | 2025-11-20");
  CHECK(read("Fastställd av direktionen i april 2019.") == "direktionen | 2019-04");
  CHECK(read("Inledning. Överenskommelsen har godkänts av kommunstyrelsen i Falu kommun 2020-09-01.") ==
        "kommunstyrelsen i Falu kommun | 2020-09-01");
}

TEST_CASE("decision: not a future decision, not without a body or a date, the latest of several", "[text]") {
  CHECK(read("Överenskommelsen ska beslutas av regionstyrelsen senast 2027-03-01.") == "-");
  CHECK(read("Texten godkändes 2021-01-01.") == "-");
  CHECK(read("Överenskommelsen beslutades av regionstyrelsen.") == "-");
  CHECK(read("Beslutad av regionstyrelsen 2030-01-01.") == "-");  // after the day it is judged on
  CHECK(read("Den första överenskommelsen antogs av landstingsstyrelsen 2011-05-10. Den nu gällande versionen "
             "fastställdes av Länsstyrgruppen den 3 februari 2022.") == "Länsstyrgruppen | 2022-02-03");
}

TEST_CASE("decision: a label line that holds both the body and the date", "[text]") {
  CHECK(read("Fastställd av: Regionalt samverkansråd Exempel, 2022-05-20\n") == "Regionalt samverkansråd Exempel | 2022-05-20");
}
