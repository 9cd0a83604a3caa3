// Reading text agreements: Swedish tokens and stems, concepts, dates in every style, page
// furniture and tables of contents, list lead-ins, and area verdicts from facets with their
// evidence. Each case is a small text written for the rule it tests.
#include <catch2/catch.hpp>

#include "review/facets.h"
#include "review/text_check.h"
#include "review/text_dates.h"
#include "review/text_document.h"
#include "support/test_support.h"
#include "text/lexicon.h"
#include "text/swedish.h"
#include "util/fs.h"
#include "util/tsv.h"

using namespace okgen;

namespace {

std::vector<std::string> stems(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& t : text::tokenize(s)) out.push_back(t.stem);
  return out;
}

const review::AreaCoverage& area(const review::CheckReport& r, const std::string& id) {
  for (const auto& c : r.coverage) {
    if (c.area == id) return c;
  }
  FAIL("no area " << id);
  return r.coverage.front();
}

review::CheckReport check(const std::string& text, const std::string& as_of = "2026-11-23") {
  diag::DiagnosticSink sink;
  review::CheckOptions o;
  o.as_of = *util::Date::parse(as_of);
  return review::check_text("t.txt", text, test::resources().data, o, sink);
}

std::vector<std::string> rules_of(const std::string& text, const std::string& as_of = "2026-11-23") {
  diag::DiagnosticSink sink;
  review::CheckOptions o;
  o.as_of = *util::Date::parse(as_of);
  review::check_text("t.txt", text, test::resources().data, o, sink);
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(d.rule + ":" + std::to_string(d.span.line));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool has_rule(const std::vector<std::string>& v, const std::string& rule) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(rule + ":", 0) == 0; });
}

}  // namespace

TEST_CASE("tokens: Swedish letters, numbers and Snowball stems", "[text]") {
  const auto t = text::tokenize("Tvisterna lyfts till Länsrådet 2021-07-01, § 3.");
  REQUIRE(t.size() == 8);
  CHECK(t[0].text == "tvisterna");
  CHECK(t[0].stem == "tvist");
  CHECK(t[3].text == "länsrådet");
  CHECK(t[4].number);
  CHECK(stems("kommunen kommunerna kommunens") == std::vector<std::string>{"kommun", "kommun", "kommun"});
}

TEST_CASE("lexicon: stems, compounds, gaps, numbers; bad data names its line", "[text]") {
  util::TsvRow row;
  row.line = 7;
  row.fields = {{"concept", "c"}, {"terms", "tvist | *organisation | inte ~ överens | inom # dagar | =vi"}, {"why", "test"}};
  const auto lex = text::Lexicon::load({row}, "concepts.tsv");
  auto hit = [&](const std::string& s) { return lex.occurs("c", text::tokenize(s)); };
  CHECK(hit("Tvisterna löses lokalt."));
  CHECK(hit("brukarorganisationerna"));
  CHECK(hit("om vi inte riktigt är överens"));
  CHECK_FALSE(hit("om de inte kan alls på något sätt bli överens"));  // more than three words between
  CHECK(hit("inom tre dagar"));
  CHECK(hit("inom 3 dagar"));
  CHECK(hit("Vi"));
  CHECK_FALSE(hit("vid"));
  // Stems the light Snowball stemmer leaves whole still meet: "samarbetet" is "samarbete".
  row.fields["terms"] = "samarbete";
  CHECK(text::Lexicon::load({row}, "x").occurs("c", text::tokenize("Samarbetet fungerar")));

  row.fields["why"] = "";
  CHECK_THROWS_WITH(text::Lexicon::load({row}, "concepts.tsv"), Catch::Contains("concepts.tsv:7") && Catch::Contains("reason"));
  row.fields["why"] = "x";
  row.fields["terms"] = "~ tvist";
  CHECK_THROWS_WITH(text::Lexicon::load({row}, "concepts.tsv"), Catch::Contains("starts or ends with ~"));
  row.fields["terms"] = "a | | b";
  CHECK_THROWS_WITH(text::Lexicon::load({row}, "concepts.tsv"), Catch::Contains("empty term"));
  CHECK_THROWS_WITH(text::Lexicon::load({row, row}, "concepts.tsv"), Catch::Contains("empty term"));
}

TEST_CASE("data: every facet names a known area and known concepts", "[text]") {
  // Loading the shipped data validates it; a misspelt concept is an error with its line.
  const auto& d = test::resources().data;
  CHECK(d.facets.size() > 40);
  for (const auto& a : d.areas) {
    int heading = 0, topic = 0, required = 0;
    for (const auto& f : d.facets) {
      if (f.area != a.id) continue;
      heading += f.id == "heading";
      topic += f.id == "topic";
      required += f.required == "yes";
    }
    INFO(a.id);
    CHECK(heading == 1);
    CHECK(topic == 1);
    CHECK(required >= 1);
  }
  const std::filesystem::path tmp = test::temp_dir("facets-bad");
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "data")) {
    std::filesystem::copy_file(e.path(), tmp / e.path().filename());
  }
  std::string facets = test::read(tmp / "area-facets.tsv");
  facets.replace(facets.find("disagreement\tarea"), 12, "disagreemnet");
  util::write_file_atomic(tmp / "area-facets.tsv", facets);
  CHECK_THROWS_WITH(data::ReferenceData::load(tmp), Catch::Contains("area-facets.tsv:") && Catch::Contains("disagreemnet"));
}

TEST_CASE("dates: every style Swedish documents use, placeholders never", "[text]") {
  auto one = [](const std::string& s) {
    const auto d = review::scan_dates(s);
    std::string out;
    for (const auto& f : d.dates) {
      out += (f.role == review::FoundDate::Role::start ? "S" : f.role == review::FoundDate::Role::end ? "E" : "P") +
             f.date.iso() + " ";
    }
    return out;
  };
  CHECK(one("Överenskommelsen gäller fr.o.m. 2019-01-01 t.o.m. 2022-12-31.") == "S2019-01-01 E2022-12-31 ");
  CHECK(one("Den gäller fr o m 2018-04-01 t o m 2020-03-31.") == "S2018-04-01 E2020-03-31 ");
  CHECK(one("Gäller från och med 2013.11.01 och tills vidare.") == "S2013-11-01 ");
  CHECK(one("Överenskommelsen gäller från den 1 april 2017 till och med den 31 mars 2019.") == "S2017-04-01 E2019-03-31 ");
  CHECK(one("Överenskommelsen gäller 1 april 2024–31 mars 2027.") == "S2024-04-01 E2027-03-31 ");
  CHECK(one("Giltighetstid: 2020-01-01 - 2022-12-31") == "S2020-01-01 E2022-12-31 ");
  CHECK(one("Giltig t.o.m.: 2024-06-30") == "E2024-06-30 ");
  CHECK(one("Beslutad 2022-05-20.") == "P2022-05-20 ");
  CHECK(one("Antogs den 3 juni 2021.") == "P2021-06-03 ");
  CHECK(one("Avtalsperioden är 2020–2023.") == "S2020-01-01 E2023-12-31 ");
  CHECK(one("Datum 2021-02-30") == "");  // no such day
  // Placeholders are reported, never read as dates.
  auto d = review::scan_dates("Uppsala 2011-xx-xx, gäller från ÅÅÅÅ-MM-DD, beslut [datum].");
  CHECK(d.dates.empty());
  REQUIRE(d.placeholders.size() == 3);
  CHECK(d.placeholders[0].text == "2011-xx-xx");
  CHECK(d.placeholders[1].text == "ÅÅÅÅ-MM-DD");
  CHECK(d.placeholders[2].text == "[datum]");
  // Rules.
  d = review::scan_dates("Den förlängs med två år i taget om den inte sägs upp senast sex månader före.");
  CHECK(d.extension_months == 24);
  CHECK(d.extension_repeats);
  CHECK(d.notice_months == 6);
  CHECK(review::scan_dates("Förlängs med 12 månader om revidering har påbörjats.").extension_if_revising);
  CHECK(review::scan_dates("Överenskommelsen gäller tills vidare.").until_further_notice);
  CHECK(review::scan_dates("Den revideras vartannat år.").review);
  // The review's interval, when given after the review word; the import writes it as
  // <review every-months>, so a structured validity says what the text said.
  CHECK(review::scan_dates("Den revideras vartannat år.").review_months == 24);
  CHECK(review::scan_dates("Överenskommelsen ses över vart tredje år.").review_months == 36);
  CHECK(review::scan_dates("Den omprövas årligen av styrgruppen.").review_months == 12);
  CHECK(review::scan_dates("Den ses över en gång per år.").review_months == 12);
  CHECK(review::scan_dates("Revidering sker var 4:e år.").review_months == 48);
  CHECK_FALSE(review::scan_dates("Den revideras vid behov.").review_months);
  CHECK_FALSE(review::scan_dates("Varje år följs arbetet upp; den revideras vid behov.").review_months);  // the year is the follow-up's
}

TEST_CASE("document: page furniture, contents, hyphenation and lead-ins", "[text]") {
  const std::string text =
      "Region Test | Samverkansöverenskommelse    Sida 1 (3)\n\n"
      "Innehåll\n"
      "1 Målgrupp ............................ 2\n"
      "2 Tvister ............................. 3\n"
      "\f"
      "Region Test | Samverkansöverenskommelse    Sida 2 (3)\n\n"
      "1 Målgrupp\n\n"
      "Överenskommelsen gäller personer med psykisk funktionsnedsätt-\n"
      "ning i alla åldrar.\n\n"
      "Kommunen ansvarar för\n"
      "- boendestöd,\n"
      "- sysselsättning.\n"
      "\f"
      "Region Test | Samverkansöverenskommelse    Sida 3 (3)\n\n"
      "2 Tvister\n\n"
      "Tvister löses av cheferna.\n";
  const auto d = review::read_text_document("t.txt", text);
  REQUIRE(d.toc.size() == 2);
  CHECK(d.toc[0].title == "Målgrupp");
  CHECK(d.toc[1].number == "2");
  REQUIRE(d.headings.size() == 2);
  CHECK(d.headings[0].title == "Målgrupp");
  CHECK(d.headings[0].line == 8);
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    if (d.lines[i].find("Sida") != std::string::npos) CHECK(d.furniture[i]);
  }
  bool joined = false, lead = false;
  for (const auto& s : d.sentences) {
    joined = joined || s.text.find("funktionsnedsättning i alla åldrar") != std::string::npos;
    if (s.text == "boendestöd,") lead = s.lead_in == "Kommunen ansvarar för";
  }
  CHECK(joined);
  CHECK(lead);
}

TEST_CASE("document: a short line without a full stop leads into the list below it, a blank line between or not", "[text]") {
  const auto d = review::read_text_document("t.txt",
                                            "Inledning\n\nDet här är texten.\n\nVåra gemensamma mål är\n\n- Sammanhållet stöd.\n\nKommunen ansvarar för\n\n- boendestöd,\n\n"
                                            "Bakgrund\n\nSamarbetet har pågått länge.\n\nDetta gäller.\n\n- sysselsättning.\n");
  std::map<std::string, std::string> lead;
  for (const auto& s : d.sentences) lead[s.text] = s.lead_in;
  CHECK(lead["Sammanhållet stöd."] == "Våra gemensamma mål är");
  CHECK(lead["boendestöd,"] == "Kommunen ansvarar för");
  CHECK(lead["Samarbetet har pågått länge."].empty());  // a paragraph has no lead-in
  CHECK(lead["sysselsättning."].empty());               // a finished sentence leads into nothing
}

TEST_CASE("areas: everyday headings, running text, passing mentions and the table of contents", "[text]") {
  SECTION("a dispute ladder under an everyday heading is covered, with its evidence") {
    const auto r = check(
        "Om vi tycker olika\n\n"
        "Om vi inte är överens tar berörda enhetschefer upp frågan inom en vecka. Därefter lyfts den till "
        "förvaltningscheferna. I sista hand avgör den politiska samverkansberedningen frågan. Under tiden ansvarar "
        "den huvudman som har kontakten med den enskilde för insatserna.\n");
    const auto& c = area(r, "disputes");
    CHECK(c.status == review::Coverage::covered);
    CHECK(c.where_text == "Om vi tycker olika");
    for (const auto& f : c.facets) {
      INFO(f.id);
      CHECK(f.found);
      CHECK(f.where.line == 3);
      CHECK_FALSE(f.quote.empty());
    }
  }
  SECTION("the same ladder in running text, without headings") {
    const auto r = check(
        "Kommunen och regionen har kommit överens om följande. Om parterna inte är överens lyfts frågan först "
        "till enhetscheferna och därefter till socialchefen och verksamhetschefen. I sista hand avgörs den av "
        "länets politiska samverkansberedning.\n");
    CHECK(area(r, "disputes").status == review::Coverage::covered);
  }
  SECTION("a mention is partial, and says what is missing") {
    const auto r = check("Tvister\n\nTvister löses i samförstånd.\n");
    const auto& c = area(r, "disputes");
    CHECK(c.status == review::Coverage::partial);
    CHECK_FALSE(std::find_if(c.facets.begin(), c.facets.end(), [](const auto& f) { return f.id == "final"; })->found);
  }
  SECTION("follow-up written as a verb") {
    const auto r = check(
        "Överenskommelsen följs upp varje år av länets ledningsgrupp för vård och omsorg, som redovisar "
        "resultatet för regionstyrelsen och kommunstyrelserna.\n");
    CHECK(area(r, "follow-up").status == review::Coverage::covered);
  }
  SECTION("a plain validity sentence under an everyday heading") {
    const auto r = check(
        "Avtalstid\n\nAvtalet gäller från 1 mars 2027 till och med 28 februari 2030. Det förlängs med ett år i "
        "taget om ingen part säger upp det.\n");
    CHECK(area(r, "validity").status == review::Coverage::covered);
    REQUIRE(r.validity);
    CHECK(r.validity->start == *util::Date::parse("2027-03-01"));
  }
  SECTION("an area only in the table of contents") {
    const auto r = check("Innehåll\n1 Målgrupp ........ 2\n2 Tvister ........ 3\n\n1 Målgrupp\n\nText.\n");
    const auto& c = area(r, "disputes");
    CHECK(c.status == review::Coverage::partial);
    CHECK(c.toc_only);
    CHECK(has_rule(rules_of("Innehåll\n1 Målgrupp ........ 2\n2 Tvister ........ 3\n\n1 Målgrupp\n\nText.\n"),
                   "text-area-toc-only"));
  }
  SECTION("nothing about an area is missing") {
    CHECK(area(check("Målgrupp\n\nVuxna med psykisk funktionsnedsättning.\n"), "disputes").status ==
          review::Coverage::missing);
  }
}

TEST_CASE("text findings: contradictions, placeholders, stale citations by the text's own date", "[text]") {
  auto r = rules_of("Överenskommelsen gäller tills vidare.\n\nÖverenskommelsen gäller 2025-10-01 – 2028-09-30.\n");
  CHECK(has_rule(r, "text-validity-contradiction"));
  r = rules_of("Beslutad av regionstyrelsen 2011-xx-xx.\n");
  CHECK(has(r, "date-placeholder:1"));
  // The same citation is stale in 2019 and correct in 2013.
  const std::string cite = "Överenskommelsen bygger på hälso- och sjukvårdslagen (1982:763).\n\n";
  CHECK(has_rule(rules_of(cite + "Beslutad 2019-03-01 av regionstyrelsen.\n"), "law-repealed"));
  CHECK_FALSE(has_rule(rules_of(cite + "Beslutad 2013-03-01 av landstingsstyrelsen.\n"), "law-repealed"));
  CHECK(has_rule(rules_of("Överenskommelsen gäller från 2026-01-01. Den bygger på 5 kap. 8 a § SoL.\n"),
                 "law-section-mismatch"));
  CHECK(has_rule(rules_of("Beslutad 2024-01-10. Se SFS 1982:763.\n"), "law-repealed"));
  CHECK(has_rule(rules_of("Datum: 2018-05-02\n\nSIP upprättas enligt 3f§ HSL.\n"), "law-repealed"));
  // Outdated names by the text's date, not inside a quoted title or a sentence about earlier years.
  CHECK(has_rule(rules_of("Datum: 2023-05-02\n\nLandstinget och kommunen samverkar.\n"), "outdated-name"));
  CHECK_FALSE(has_rule(rules_of("Datum: 2015-05-02\n\nLandstinget och kommunen samverkar.\n"), "outdated-name"));
  CHECK_FALSE(has_rule(rules_of("Datum: 2023-05-02\n\nDen ersätter \"Överenskommelse mellan Landstinget Kronoberg och "
                                "kommunerna\".\n"),
                       "outdated-name"));
  CHECK_FALSE(has_rule(rules_of("Datum: 2023-05-02\n\nDen första överenskommelsen tecknades 2011 av landstinget.\n"),
                       "outdated-name"));
  // A text that states no date says so.
  CHECK(has_rule(rules_of("Målgrupp\n\nVuxna.\n"), "text-undated"));
}

TEST_CASE("text findings: a former name explaining the correct one, placeholders reported as written", "[text]") {
  // "SKR (SKL)" and "regionen (landstinget)" explain the new name; the old name alone is stale.
  CHECK_FALSE(has_rule(rules_of("Datum: 2023-05-02\n\nSKR (SKL) har tagit fram ett stöd för samverkan.\n"), "outdated-name"));
  CHECK_FALSE(has_rule(rules_of("Datum: 2023-05-02\n\nRegionen (landstinget) och kommunen samverkar.\n"), "outdated-name"));
  CHECK(has_rule(rules_of("Datum: 2023-05-02\n\nSKL har tagit fram ett stöd. Se SKR (SKL).\n"), "outdated-name"));
  CHECK(has_rule(rules_of("Datum: 2023-05-02\n\nSKL (SKR) har tagit fram ett stöd för samverkan.\n"), "outdated-name"));
  // The placeholder is quoted without the space before it.
  diag::DiagnosticSink sink;
  review::CheckOptions o;
  o.as_of = *util::Date::parse("2026-11-23");
  review::check_text("t.txt", "Datum: 2023-05-02\n\nAnsvarig för uppföljningen är XX.\n", test::resources().data, o, sink);
  bool found = false;
  for (const auto& d : sink.all()) {
    if (d.rule != "draft-leftover") continue;
    found = true;
    CHECK(std::count(d.args.begin(), d.args.end(), std::pair<std::string, std::string>{"text", "XX"}) == 1);
    CHECK(d.span.column == 31);  // at "XX", not at the space before it
  }
  CHECK(found);
}

TEST_CASE("text reading: the version a cover page or footer gives, no heading as the title", "[text]") {
  CHECK(check("Samverkansöverenskommelse\nVersion 5.0\n\n1. Inledning\n\nText.\n").version == "5.0");
  CHECK(check("Överenskommelse om samverkan\n\nVersion: 2\n\n1. Inledning\n\nText.\n").version == "2");
  CHECK(check("---\ntitle: Överenskommelse\nversion: 3.1\n---\n\n# Inledning\n\nText.\n").version == "3.1");
  // A sentence that mentions a version is not the document's version.
  CHECK(check("Överenskommelse om samverkan\n\n1. Inledning\n\nDen här texten ersätter version 2.0 av den "
              "överenskommelse som regionen och kommunerna tecknade för flera år sedan.\n")
            .version.empty());
  // With no title on its first lines the text has none (reports name the file), rather
  // than its first heading's.
  CHECK(check("1. Inledning\n\nRegionen och kommunerna samverkar.\n").title.empty());
}
