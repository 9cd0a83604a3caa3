// Message catalogues: parsing, rendering, and completeness for every rule.
#include <catch2/catch.hpp>

#include "diag/rules.h"
#include "support/test_support.h"
#include "text/catalog.h"

using namespace okgen;

TEST_CASE("catalogue parsing with sections and continuation lines", "[catalog]") {
  auto c = text::Catalog::parse("# c\n[a]\nmessage = Hej {{x}}\n  och mer\nfix=Gör så\n\n[b]\nk = v\n");
  CHECK(c.get("a", "message") == "Hej {{x}} och mer");
  CHECK(c.get("a", "fix") == "Gör så");
  CHECK(c.get("b", "k") == "v");
  CHECK(c.get("b", "missing") == "[b.missing]");
}

TEST_CASE("every rule has message, summary, reason and fix in Swedish and English", "[catalog]") {
  for (const char* lang : {"sv", "en"}) {
    auto c = text::Catalog::load(test::source_dir() / "templates" / "messages" / (std::string(lang) + ".txt"));
    for (const auto& r : diag::all_rules()) {
      INFO(lang << " " << r.id);
      CHECK(c.find(r.id, "message"));
      if (r.severity == diag::Severity::note) continue;
      CHECK(c.find(r.id, "summary"));
      CHECK(c.find(r.id, "reason"));
      CHECK(c.find(r.id, "fix"));
    }
  }
}

TEST_CASE("phrase references and optional suggestions render in the language", "[catalog]") {
  auto sv = text::Catalog::load(test::source_dir() / "templates/messages/sv.txt");
  auto en = text::Catalog::load(test::source_dir() / "templates/messages/en.txt");
  diag::Diagnostic d;
  d.rule = "unknown-element";
  d.args = {{"element", "titel"}, {"parent", "meta"}, {"suggestion", "title"}, {"known", "title"}};
  CHECK(text::format_diagnostic(sv, d) == "Elementet <titel> är inte tillåtet i <meta>. Menade du <title>?");
  CHECK(text::format_diagnostic(en, d) == "Element <titel> is not allowed in <meta>. Did you mean <title>?");
  d.args[2].second = "";
  CHECK(text::format_diagnostic(sv, d) == "Elementet <titel> är inte tillåtet i <meta>.");
  diag::Diagnostic x;
  x.rule = "xml-syntax";
  x.args = {{"problem", "@xml.end-element-mismatch"}};
  CHECK(text::format_diagnostic(sv, x).find("sluttaggen matchar inte") != std::string::npos);
  CHECK(text::format_diagnostic(en, x).find("end tag does not match") != std::string::npos);
}

TEST_CASE("every wording rule in data/wording.tsv names a rule of the rule table", "[catalog]") {
  // A misspelt rule id would become a finding with no message.
  const auto& rules = diag::all_rules();
  for (const auto& w : test::resources().data.wording) {
    INFO("data/wording.tsv:" << w.line << ": " << w.rule);
    CHECK(std::any_of(rules.begin(), rules.end(), [&](const diag::RuleInfo& r) { return r.id == w.rule; }));
  }
}

// A text added in one language only would show as "[section.key]" in the other.
TEST_CASE("the Swedish and English catalogues hold the same keys", "[catalog]") {
  for (const char* file : {"templates/messages/%s.txt", "templates/cli/%s.txt"}) {
    auto path = [&](const char* lang) {
      std::string p = file;
      p.replace(p.find("%s"), 2, lang);
      return test::source_dir() / p;
    };
    const auto sv = text::Catalog::load(path("sv")), en = text::Catalog::load(path("en"));
    INFO(file);
    CHECK(sv.sections() == en.sections());
    for (const auto& section : sv.sections()) {
      INFO(section);
      CHECK(sv.keys(section) == en.keys(section));
    }
  }
}
