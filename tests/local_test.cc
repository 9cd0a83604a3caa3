// Local agreements: the merge with the regional agreement (golden), policies and their
// errors, status (draft, complete, needs review), inheritance when the regional text
// changes, the local dispute ladder, `okgen local init` and its error paths, Region Gotland,
// and a region with 49 municipalities generated in one run.
//
// Fixtures: tests/local/content/blekinge/ (docs/examples/exempel.xml opened for local text,
// and a finished local agreement for Karlskrona). Goldens: tests/local/golden/.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "diag/rules.h"
#include "load/agreement_loader.h"
#include "compose/composer.h"
#include "local/accept.h"
#include "local/document.h"
#include "local/init.h"
#include "local/merge.h"
#include "local/status.h"
#include "model/fingerprint.h"
#include "model/walk.h"
#include "review/check_options.h"
#include "pipeline.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "text/catalog.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

const fs::path kFixtures = test::source_dir() / "tests/local/content";

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

// A copy of the fixtures to change.
fs::path fixture_copy(const std::string& name) {
  const fs::path root = test::temp_dir(name);
  fs::copy(kFixtures, root / "content", fs::copy_options::recursive);
  return root;
}

struct Merged {
  test::Loaded regional, local;
  std::optional<model::Agreement> merged;
  diag::DiagnosticSink sink;
};

// Loads the fixture region with `local_xml` as the local agreement, and merges.
std::unique_ptr<Merged> merge_with(const std::string& local_xml) {
  auto m = std::make_unique<Merged>();
  m->regional = test::load_file(kFixtures / "blekinge/regional.xml");
  REQUIRE(m->regional.agreement);
  REQUIRE_FALSE(m->regional.sink.has_errors());
  m->local = test::load_string(local_xml, kFixtures / "blekinge/local/test.xml");
  REQUIRE(m->local.agreement);
  INFO(util::join(m->local.findings(), "\n"));
  REQUIRE_FALSE(m->local.sink.has_errors());
  m->merged = local::merge_local(*m->local.agreement, *m->regional.agreement, m->sink);
  return m;
}

std::vector<std::string> rules(const diag::DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(d.rule);
  return out;
}

bool has_rule(const diag::DiagnosticSink& sink, const std::string& rule) {
  for (const auto& d : sink.all()) {
    if (d.rule == rule) return true;
  }
  return false;
}

const diag::Diagnostic* find(const diag::DiagnosticSink& sink, const std::string& rule) {
  for (const auto& d : sink.all()) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

// The merge result as text: each section with its origin, sources and text.
std::string dump(const model::Agreement& a) {
  std::ostringstream out;
  out << "files:";
  for (const auto& f : a.files) out << " " << fs::absolute(f).lexically_relative(test::source_dir()).generic_string();
  out << "\nlaw refs:";
  for (const auto& l : a.law_refs) out << " " << l.id;
  out << "\n";
  for (const auto& p : local::provenance(a)) {
    const model::Section* s = a.find_section(p.id);
    auto rel = [](const diag::SourceSpan& sp) {
      return fs::absolute(sp.file).lexically_relative(test::source_dir()).generic_string() + ":" + std::to_string(sp.line);
    };
    out << "\n== " << p.number << " " << p.heading << " [" << p.id << "] " << model::to_string(s->origin) << " " << rel(p.source);
    if (!p.local.file.empty()) out << " + " << rel(p.local);
    out << "\n" << util::shorten(model::canonical_text(*s), 300) << "\n";
  }
  return out.str();
}

const std::string& karlskrona() {
  static const std::string xml = test::read(kFixtures / "blekinge/local/karlskrona.xml");
  return xml;
}

PipelineOptions options(const fs::path& input, const fs::path& out) {
  PipelineOptions o;
  o.inputs = {input};
  o.output_dir = out;
  o.as_of = *util::Date::parse("2026-11-23");
  o.formats = {"html"};
  return o;
}

std::string okgen_cmd(const std::string& args) { return std::string(OKGEN_BINARY) + " " + args; }

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("merge: the regional sections with their numbers and local texts applied, then the local part L", "[local]") {
  auto m = merge_with(karlskrona());
  REQUIRE(m->merged);
  INFO(util::join(rules(m->sink), ", "));
  CHECK(m->sink.size() == 0);
  const model::Agreement& a = *m->merged;
  CHECK(a.kind == model::AgreementKind::local);
  CHECK(a.form == model::LocalForm::consolidated);
  CHECK(a.sections.front().id == "inledning");
  CHECK(a.sections.front().number == "1");
  const model::Section* own = a.find_section("lokal-arbetet");
  REQUIRE(own);
  CHECK(own->number == "L1");
  CHECK(own->origin == model::Origin::own);
  const model::Section* rutiner = a.find_section("rutiner");
  REQUIRE(rutiner);
  CHECK(rutiner->number == "3");  // as in the regional agreement
  CHECK(rutiner->origin == model::Origin::regional_extended);
  CHECK(rutiner->local_from > 0);
  CHECK(rutiner->local_from < rutiner->content.size());
  CHECK(a.find_section("implementering")->origin == model::Origin::local_replaced);
  CHECK(a.find_section("brukarmedverkan")->origin == model::Origin::local_filled);
  CHECK(a.find_section("giltighet")->origin == model::Origin::regional);
  // Regional nodes keep pointing at the regional file.
  CHECK(util::ends_with(a.files[rutiner->loc.file], "tests/local/content/blekinge/regional.xml"));
  std::string diff;
  const bool same = test::matches_golden(test::source_dir() / "tests/local/golden/karlskrona.merge.txt", dump(a), &diff);
  INFO(diff);
  CHECK(same);
}

TEST_CASE("merge: what a regional section's policy does not allow is an error naming the section", "[local]") {
  std::string xml = karlskrona();
  SECTION("a locked section") {
    replace(xml, "<revision-history>", "<local-section ref=\"giltighet\" action=\"extend\"><body>Annat.</body></local-section>\n  <revision-history>");
    auto m = merge_with(xml);
    const auto* d = find(m->sink, "local-locked-section");
    REQUIRE(d);
    CHECK(d->arg("heading") == "Giltighetstid");
    CHECK(d->arg("number") == "5.1");  // as numbered in the regional agreement
    CHECK(d->span.line > 60);
  }
  SECTION("an action the policy does not allow") {
    replace(xml, "<local-section ref=\"rutiner\" action=\"extend\"", "<local-section ref=\"rutiner\" action=\"replace\"");
    auto m = merge_with(xml);
    const auto* d = find(m->sink, "local-action-not-allowed");
    REQUIRE(d);
    CHECK(d->arg("policy") == "extend");
  }
  SECTION("an unknown section, with a suggestion") {
    replace(xml, "ref=\"rutiner\"", "ref=\"rutinerna\"");
    auto m = merge_with(xml);
    const auto* d = find(m->sink, "local-unknown-section");
    REQUIRE(d);
    CHECK(d->arg("suggestion") == "rutiner");
  }
  SECTION("two local texts for one section") {
    replace(xml, "<revision-history>", "<local-section ref=\"rutiner\" action=\"extend\"><body>Mer.</body></local-section>\n  <revision-history>");
    auto m = merge_with(xml);
    CHECK(has_rule(m->sink, "local-section-duplicate"));
  }
  SECTION("a local section with a regional section's id") {
    replace(xml, "<section id=\"lokal-lagesbild\"", "<section id=\"malgrupp\"");
    auto m = merge_with(xml);
    CHECK(has_rule(m->sink, "local-id-clash"));
  }
  SECTION("a citation that resolves in neither file") {
    replace(xml, "varje höst", "varje höst[^finns-inte]");
    auto m = merge_with(xml);
    CHECK(has_rule(m->sink, "unknown-citation"));
  }
}

TEST_CASE("merge: local text can cite the regional agreement's references and sections", "[local]") {
  std::string xml = karlskrona();
  replace(xml, "varje höst", "varje höst[^hsl-16-3] enligt [](#giltighet)");
  auto m = merge_with(xml);
  INFO(util::join(rules(m->sink), ", "));
  CHECK(m->sink.size() == 0);
}

TEST_CASE("local document: own sections from 1, local texts for regional sections named by their regional number", "[local]") {
  std::string xml = karlskrona();
  // Own text citing a regional reference and linking to a regional section.
  replace(xml, "varje höst", "varje höst[^hsl-16-3] enligt [](#giltighet)");
  auto m = merge_with(xml);
  REQUIRE(m->merged);
  const std::size_t local_files = m->local.agreement->files.size();
  const auto d = local::local_document(*m->merged, local_files, "../regional.html", "Lokal text till regionens avsnitt");
  CHECK(d.form == model::LocalForm::document);
  // The municipality's sections, numbered from 1, then one part with its regional texts.
  REQUIRE(d.sections.size() >= 2);
  CHECK(d.sections.front().id == "lokal-arbetet");
  CHECK(d.sections.front().number == "1");
  const model::Section& part = d.sections.back();
  CHECK(part.heading == "Lokal text till regionens avsnitt");
  std::vector<std::string> adds_to;
  for (const auto& c : part.children) adds_to.push_back(c.adds_to);
  CHECK(adds_to == std::vector<std::string>{"rutiner", "brukarmedverkan", "implementering"});  // regional order
  // An extension carries only the local text; the regional text stays in the regional agreement.
  const model::Section& rutiner = part.children[0];
  CHECK(rutiner.origin == model::Origin::regional_extended);
  const auto local_only = [](const model::Section& s) {
    std::string out;
    for (const auto& c : s.content) {
      model::for_each_rich_text(c, [&](const model::RichText& t) { out += model::plain_text(t.blocks); });
    }
    return out;
  };
  CHECK(contains(local_only(rutiner), "I Karlskrona kallar SIP-samordnaren"));
  CHECK_FALSE(contains(local_only(rutiner), "Den enskilde, en närstående eller personal"));
  // No regional section is in it, but every one can be linked to.
  CHECK(d.find_section("giltighet") == nullptr);
  const auto giltighet = std::find_if(d.regional_sections.begin(), d.regional_sections.end(),
                                      [](const auto& r) { return r.id == "giltighet"; });
  REQUIRE(giltighet != d.regional_sections.end());
  CHECK(giltighet->number == "5.1");
  // The regional reference it cites is kept; the regional ones it does not cite are not.
  CHECK(std::any_of(d.law_refs.begin(), d.law_refs.end(), [](const auto& l) { return l.id == "hsl-16-3"; }));
  CHECK_FALSE(std::any_of(d.law_refs.begin(), d.law_refs.end(), [](const auto& l) { return l.id == "lus"; }));
  // Its validity is the regional text's, as the local text states none.
  REQUIRE(d.inherited_validity);

  // Composed: headings and links say the regional number and go to the regional page.
  diag::DiagnosticSink sink;
  const auto doc = compose::compose(d, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  const compose::DocSection& composed = doc.sections.back().children.front();
  CHECK(composed.heading == "Till 3 Rutiner för samarbete kring den enskilde");
  const std::string intro = model::plain_text(composed.blocks);
  CHECK(contains(intro, "Kompletterar avsnitt 3 Rutiner för samarbete kring den enskilde i den regionala överenskommelsen."));
  bool linked = false;
  for (const auto& s : doc.sections) {
    model::for_each_inline(s.blocks, [&](const model::Inline& in) {
      if (const auto* l = std::get_if<model::Link>(&in.node); l && l->href == "../regional.html#giltighet") {
        linked = model::plain_text(l->children) == "avsnitt 5.1 Giltighetstid i den regionala överenskommelsen";
      }
    });
    for (const auto& c : s.children) {
      model::for_each_inline(c.blocks, [&](const model::Inline& in) {
        if (const auto* l = std::get_if<model::Link>(&in.node); l && l->href == "../regional.html#giltighet") {
          linked = model::plain_text(l->children) == "avsnitt 5.1 Giltighetstid i den regionala överenskommelsen";
        }
      });
    }
  }
  CHECK(linked);
  CHECK(doc.validity.state != model::ValidityState::unknown);
  // No "regional text" notes: the whole document is the municipality's.
  for (const auto& s : doc.sections) CHECK(s.origin.empty());
}

TEST_CASE("okgen.conf [local]: forms for all regions and per region folder", "[local]") {
  const fs::path dir = test::temp_dir("local-forms-conf");
  const auto read = [&](const std::string& text, diag::DiagnosticSink& sink) {
    write(dir / "okgen.conf", text);
    review::CheckOptions o;
    review::read_config(dir / "okgen.conf", o, sink);
    return o;
  };
  {
    diag::DiagnosticSink sink;
    const auto o = read("[local]\nforms = consolidated\nforms.dalarna = local-document, consolidated\n", sink);
    CHECK(sink.size() == 0);
    CHECK(o.forms_for("ostergotland") == std::vector<model::LocalForm>{model::LocalForm::consolidated});
    CHECK(o.forms_for("dalarna") == std::vector<model::LocalForm>{model::LocalForm::document, model::LocalForm::consolidated});
  }
  {
    diag::DiagnosticSink sink;
    const auto o = read("[local]\nforms = konsoliderad\nformer = consolidated\n", sink);
    CHECK(sink.size() == 2);
    CHECK(has_rule(sink, "config-invalid"));
    CHECK(o.forms_for("x").size() == 2);  // the default stays: both forms
  }
}

TEST_CASE("build: a region that publishes only the consolidated version", "[local]") {
  const fs::path root = fixture_copy("local-forms-build");
  auto o = options(root / "content", root / "out");
  o.check.local_forms_by_region["blekinge"] = {model::LocalForm::consolidated};
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  build(o, test::resources(), sink, sources);
  CHECK(fs::exists(root / "out/blekinge/local/karlskrona-konsoliderad.html"));
  CHECK_FALSE(fs::exists(root / "out/blekinge/local/karlskrona.html"));
  const std::string page = test::read(root / "out/blekinge/regional-kommuner.html");
  CHECK(contains(page, "href=\"local/karlskrona-konsoliderad.html\""));
}

// The layout dump of a consolidated version is NAME-konsoliderad.layout.txt, like its HTML.
TEST_CASE("build: the consolidated version's layout dump is named like its other outputs", "[local]") {
  const fs::path root = fixture_copy("local-layout-names");
  auto o = options(root / "content", root / "out");
  o.formats = {"layout"};
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  build(o, test::resources(), sink, sources);
  CHECK(fs::exists(root / "out/blekinge/local/karlskrona.layout.txt"));
  CHECK(fs::exists(root / "out/blekinge/local/karlskrona-konsoliderad.layout.txt"));
  CHECK_FALSE(fs::exists(root / "out/blekinge/local/karlskrona.layout-konsoliderad.layout.txt"));
}

TEST_CASE("status: a finished local agreement is complete and current", "[local]") {
  auto m = merge_with(karlskrona());
  auto st = local::local_status(*m->merged, test::resources().data);
  CHECK_FALSE(st.draft);
  CHECK(st.prompt_count() == 0);
  CHECK(st.missing_template.empty());
  CHECK(st.changed.empty());
  CHECK(st.parent_current());
  CHECK_FALSE(st.needs_review());
}

TEST_CASE("check: a skeleton is a draft; with --final its open questions are errors", "[local]") {
  const fs::path root = fixture_copy("local-draft");
  std::string out;
  REQUIRE(test::run(okgen_cmd("local init --region Blekinge --municipality Ronneby --date 2026-11-23 --content " +
                              (root / "content").string()), &out) == 0);
  const fs::path ronneby = root / "content/blekinge/local/ronneby.xml";
  REQUIRE(fs::exists(ronneby));
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + ronneby.string()), &out) == 0);
  CHECK(contains(out, "obesvarade frågor. [local-prompts-left]"));
  CHECK(contains(out, "[local-slot-empty]") == false);  // the skeleton fills the slot with a question
  CHECK(contains(out, "utkast: 49 obesvarade frågor"));
  CHECK(test::run(okgen_cmd("check --final --date 2026-11-23 " + ronneby.string()), &out) == 1);
  CHECK(contains(out, "error: Avsnittet \"Ledning och organisation\" har 11 obesvarade frågor. [local-prompts-left]"));

  // A template section removed, and a slot left empty, are reported too.
  std::string xml = test::read(ronneby);
  const auto a = xml.find("  <section id=\"lokal-lagesbild\"");
  const auto b = xml.find("</section>", a) + std::string("</section>").size();
  xml.erase(a, b - a);
  const auto c = xml.find("  <local-section ref=\"brukarmedverkan\"");
  xml.erase(c, xml.find("</local-section>", c) + std::string("</local-section>").size() - c);
  write(ronneby, xml);
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + ronneby.string()), &out) == 0);
  CHECK(contains(out, "saknar mallavsnittet \"Lokal lägesbild för målgruppen\". [local-template-missing]"));
  CHECK(contains(out, "ska fyllas med lokal text men saknar den. [local-slot-empty]"));
}

// <parent href> is confined to the content folder as <body src> is: neither "../.." nor a
// symlink can make okgen read (and republish) a file from elsewhere on the computer.
TEST_CASE("local: <parent href> outside the content folder is refused, symlinks resolved", "[local][security]") {
  const fs::path root = fixture_copy("local-parent-escape");
  const fs::path local = root / "content/blekinge/local/karlskrona.xml";
  const std::string xml = test::read(local);
  // Somewhere outside the content folder, a perfectly good regional agreement.
  fs::create_directories(root / "elsewhere");
  fs::copy_file(root / "content/blekinge/regional.xml", root / "elsewhere/regional.xml");
  std::string out;
  SECTION("a relative path that climbs out") {
    std::string bad = xml;
    replace(bad, "href=\"../regional.xml\"", "href=\"../../../elsewhere/regional.xml\"");
    write(local, bad);
    CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 1);
    CHECK(contains(out, "[local-parent-outside-content]"));
    CHECK(contains(out, "karlskrona.xml:"));
  }
  SECTION("a symlink inside the folder that points out") {
    fs::create_symlink(root / "elsewhere/regional.xml", root / "content/blekinge/local/lank.xml");
    std::string bad = xml;
    replace(bad, "href=\"../regional.xml\"", "href=\"lank.xml\"");
    write(local, bad);
    CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 1);
    CHECK(contains(out, "[local-parent-outside-content]"));
  }
  SECTION("an absolute path") {
    std::string bad = xml;
    replace(bad, "href=\"../regional.xml\"", "href=\"" + (root / "content/blekinge/regional.xml").string() + "\"");
    write(local, bad);
    CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 1);
    CHECK(contains(out, "[local-parent-outside-content]"));
  }
  SECTION("the usual path is fine") {
    CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 0);
    CHECK_FALSE(contains(out, "[local-parent-outside-content]"));
  }
}

TEST_CASE("inheritance: a regional revision reaches the local agreement and flags it for review", "[local]") {
  const fs::path root = fixture_copy("local-inherit");
  const fs::path regional = root / "content/blekinge/regional.xml";
  std::string xml = test::read(regional);
  // The region rewrites its SIP routine (extended locally) and publishes version 1.1.
  replace(xml, "<version>1.0</version>", "<version>1.1</version>");
  replace(xml, "kallar till möte inom fem arbetsdagar.", "kallar till möte inom fem arbetsdagar, och planen följs upp var tredje månad.");
  write(regional, xml);

  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = build(options(root / "content", root / "out"), test::resources(), sink, sources);
  const auto* changed = find(sink, "local-regional-changed");
  REQUIRE(changed);
  CHECK(changed->arg("heading") == "Rutiner för samarbete kring den enskilde");
  CHECK(util::ends_with(changed->span.file, "karlskrona.xml"));
  REQUIRE(changed->notes.size() == 1);
  CHECK(contains(changed->notes[0].arg("text"), "Den enskilde, en närstående eller personal"));
  CHECK(util::ends_with(changed->notes[0].span.file, "regional.xml"));
  const auto* version = find(sink, "local-parent-version");
  REQUIRE(version);
  CHECK(version->arg("current") == "1.1");

  // The new regional text is in the consolidated version; the municipality's own document
  // has its local text, pointing at the regional section by its regional number.
  const std::string consolidated = test::read(root / "out/blekinge/local/karlskrona-konsoliderad.html");
  CHECK(contains(consolidated, "var tredje månad"));
  CHECK(contains(consolidated, "I Karlskrona kallar SIP-samordnaren"));
  const std::string html = test::read(root / "out/blekinge/local/karlskrona.html");
  CHECK_FALSE(contains(html, "var tredje månad"));
  CHECK(contains(html, "I Karlskrona kallar SIP-samordnaren"));
  CHECK(contains(html, "<a href=\"../regional.html#rutiner\">avsnitt 3 Rutiner för samarbete kring den enskilde i den regionala överenskommelsen</a>"));
  const std::string page = test::read(root / "out/blekinge/regional-kommuner.html");
  CHECK(contains(page, "äldre version, behöver ses över"));
  CHECK(contains(page, "1 regionala avsnitt har ändrats"));
  const std::string report = test::read(root / "out/kontrollrapport.txt");
  CHECK(contains(report, "ändrat regionalt: 3 Rutiner för samarbete kring den enskilde"));  // the regional number
  // Findings in the regional text are reported once, for the regional agreement.
  for (const auto& d : sink.all()) {
    if (util::ends_with(d.span.file, "regional.xml")) CHECK(d.rule != "local-regional-changed");
  }
}

TEST_CASE("a local dispute ladder must keep the regional levels for local disputes", "[local]") {
  std::string xml = karlskrona();
  SECTION("local first steps before the regional levels are fine") {
    auto m = merge_with(xml);
    diag::DiagnosticSink sink;
    review::CheckOptions co;
    co.as_of = *util::Date::parse("2026-11-23");
    const model::Agreement* parent = &*m->regional.agreement;
    review::check_agreement(*m->merged, test::resources().data, co, [&](const model::Agreement&) { return parent; }, sink);
    CHECK_FALSE(has_rule(sink, "local-dispute-ladder"));
  }
  SECTION("a skipped regional level is reported") {
    replace(xml, "      <level forum=\"Länsledningsgruppen\">Prövar frågan vid nästa möte.</level>\n", "");
    auto m = merge_with(xml);
    diag::DiagnosticSink sink;
    review::CheckOptions co;
    co.as_of = *util::Date::parse("2026-11-23");
    const model::Agreement* parent = &*m->regional.agreement;
    review::check_agreement(*m->merged, test::resources().data, co, [&](const model::Agreement&) { return parent; }, sink);
    const auto* d = find(sink, "local-dispute-ladder");
    REQUIRE(d);
    CHECK(d->arg("expected") == "Lokala ledningsgruppen → Länsledningsgruppen → Allmän domstol");
  }
}

TEST_CASE("golden: a local agreement's page and the region page", "[local][golden]") {
  const fs::path out = test::temp_dir("local-golden");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = build(options(kFixtures, out), test::resources(), sink, sources);
  REQUIRE_FALSE(sink.has_errors());
  for (const char* rel : {"blekinge/local/karlskrona.html", "blekinge/regional-kommuner.html"}) {
    std::string diff;
    const bool same = test::matches_golden(test::source_dir() / "tests/local/golden" / fs::path(rel).filename(),
                                           test::read(out / rel), &diff);
    INFO(diff);
    CHECK(same);
  }
}

TEST_CASE("local init: prefilled from the registry, the template and the regional agreement", "[local][cli]") {
  const fs::path root = fixture_copy("local-init");
  const std::string content = " --content " + (root / "content").string() + " --date 2026-11-23";
  std::string out;
  // "Ronneby kommun" is how people write it; the registry says "Ronneby".
  REQUIRE(test::run(okgen_cmd("local init --region \"Region Blekinge\" --municipality \"Ronneby kommun\"" + content), &out) == 0);
  const std::string xml = test::read(root / "content/blekinge/local/ronneby.xml");
  CHECK(contains(xml, "<municipality code=\"1081\">Ronneby kommun</municipality>"));
  CHECK(contains(xml, "<parent href=\"../regional.xml\" diarienummer=\"RE 2026/0042\" version=\"1.0\"/>"));
  CHECK(contains(xml, "<party id=\"ronneby\" kind=\"municipality\" code=\"1081\">Ronneby kommun</party>"));
  CHECK(contains(xml, "<level forum=\"Lokala ledningsgruppen\">"));
  CHECK(contains(xml, "<follow-up every-months=\"12\" forum=\"Regionala samverkansrådet\"/>"));
  CHECK(contains(xml, "<prompt>Vem kan ta initiativ till en SIP?</prompt>"));
  CHECK(contains(xml, "template=\"implementering-uppfoljning\""));
  // The fingerprints offered are those of the regional text now.
  auto regional = test::load_file(root / "content/blekinge/regional.xml");
  CHECK(contains(xml, "ref=\"rutiner\" action=\"extend\" based-on=\"" +
                          model::fingerprint(*regional.agreement->find_section("rutiner")) + "\""));
  // Each open section names exactly the actions its policy allows (merge.h allows()):
  // extend only, extend or replace, and for a slot fill, extend or replace.
  const auto line_of = [&](const std::string& ref) {
    const auto at = xml.find("ref=\"" + ref + "\"");
    REQUIRE(at != std::string::npos);
    return xml.substr(at, xml.find('\n', at) - at);
  };
  CHECK_FALSE(contains(line_of("rutiner"), "även"));
  CHECK(contains(line_of("implementering"), "(även action=\"replace\")"));
  const auto slot = xml.find("<local-section ref=\"brukarmedverkan\" action=\"fill\"");
  REQUIRE(slot != std::string::npos);
  CHECK(contains(xml.substr(slot, 400), "Tillåtet är också action=\"extend\" action=\"replace\"."));
  // Valid against the schema too.
  CHECK(test::run("xmllint --noout --schema " + (test::source_dir() / "schema/agreement.xsd").string() + " " +
                  (root / "content/blekinge/local/ronneby.xml").string() + " 2>&1", &out) == 0);
}

TEST_CASE("local init: every error path", "[local][cli]") {
  const fs::path root = fixture_copy("local-init-errors");
  const std::string content = " --content " + (root / "content").string() + " --date 2026-11-23";
  std::string out;
  CHECK(test::run(okgen_cmd("local init --region Blekinga --municipality Ronneby" + content), &out) == 2);
  CHECK(contains(out, "Regionen \"Blekinga\" finns inte. Menade du Region Blekinge? [init-unknown-region]"));
  CHECK(test::run(okgen_cmd("local init --region Dalarna --municipality Falum" + content), &out) == 2);
  CHECK(contains(out, "Kommunen \"Falum\" finns inte. Menade du Falun? [init-unknown-municipality]"));
  CHECK(test::run(okgen_cmd("local init --region Dalarna --municipality \"Malung-Salen\"" + content), &out) == 2);
  CHECK(contains(out, "Menade du Malung-Sälen?"));
  CHECK(test::run(okgen_cmd("local init --region \"Jämtland Härjedalen\" --municipality Ostersund" + content), &out) == 2);
  CHECK(contains(out, "Menade du Östersund?"));
  CHECK(test::run(okgen_cmd("local init --region Stockholm --municipality \"Upplands-Väsby\"" + content), &out) == 2);
  CHECK(contains(out, "Menade du Upplands Väsby?"));
  CHECK(test::run(okgen_cmd("local init --region Blekinge --municipality Falun" + content), &out) == 2);
  CHECK(contains(out, "Falun hör till Region Dalarna, inte Region Blekinge. [init-wrong-region]"));
  // Names people write are accepted; a region without a regional agreement is not.
  CHECK(test::run(okgen_cmd("local init --region Dalarna --municipality \"Falu kommun\"" + content), &out) == 2);
  CHECK(contains(out, "Det finns ingen regional överenskommelse för Region Dalarna"));
  CHECK(contains(out, "[init-no-regional]"));
  CHECK(test::run(okgen_cmd("local init --region Blekinge" + content), &out) == 2);
  CHECK(contains(out, "--municipality KOMMUN eller --all"));

  // An existing file is never overwritten without --force.
  const fs::path karlskrona = root / "content/blekinge/local/karlskrona.xml";
  const std::string before = test::read(karlskrona);
  CHECK(test::run(okgen_cmd("local init --region Blekinge --municipality Karlskrona" + content), &out) == 2);
  CHECK(contains(out, "finns redan och skrivs inte över; --force ersätter den med en ny mall"));
  CHECK(test::read(karlskrona) == before);
  // --all leaves it alone too and writes the others.
  CHECK(test::run(okgen_cmd("local init --region Blekinge --all" + content), &out) == 0);
  CHECK(test::read(karlskrona) == before);
  CHECK(contains(out, "Fanns redan (orörd; --force skriver över den):"));
  for (const char* m : {"karlshamn", "olofstrom", "solvesborg", "ronneby"}) {
    INFO(m);
    CHECK(fs::exists(root / "content/blekinge/local" / (std::string(m) + ".xml")));
  }
  CHECK(test::run(okgen_cmd("local init --force --region Blekinge --municipality Karlskrona" + content), &out) == 0);
  CHECK(test::read(karlskrona) != before);

  // A broken regional agreement: its errors are shown and nothing is written.
  const fs::path regional = root / "content/blekinge/regional.xml";
  std::string xml = test::read(regional);
  replace(xml, "<version>1.0</version>", "<versoin>1.0</versoin>");
  write(regional, xml);
  fs::remove(root / "content/blekinge/local/ronneby.xml");
  CHECK(test::run(okgen_cmd("local init --region Blekinge --municipality Ronneby" + content), &out) == 1);
  CHECK(contains(out, "[unknown-element]"));
  CHECK(contains(out, "[init-regional-invalid]"));
  CHECK_FALSE(fs::exists(root / "content/blekinge/local/ronneby.xml"));
}

TEST_CASE("Region Gotland: one organisation with both roles, one party", "[local]") {
  const fs::path root = test::temp_dir("gotland");
  std::string xml = test::read(kFixtures / "blekinge/regional.xml");
  replace(xml, "<region>Region Blekinge</region>", "<region>Region Gotland</region>");
  replace(xml, "<party id=\"region-blekinge\" kind=\"region\" code=\"10\">Region Blekinge</party>",
          "<party id=\"region-gotland\" kind=\"region\" code=\"09\">Region Gotland</party>");
  replace(xml, "      <party id=\"karlskrona\" kind=\"municipality\" code=\"1080\">Karlskrona kommun</party>\n", "");
  replace(xml, "      <party id=\"ronneby\" kind=\"municipality\" code=\"1081\">Ronneby kommun</party>\n", "");
  xml = std::regex_replace(xml, std::regex("<signatory party=\"(karlskrona|ronneby)\"[^>]*/>"), "");
  xml = std::regex_replace(xml, std::regex("region-blekinge"), "region-gotland");
  write(root / "content/gotland/regional.xml", xml);
  std::string out;
  REQUIRE(test::run(okgen_cmd("local init --region Gotland --municipality Gotland --date 2026-11-23 --content " +
                              (root / "content").string()), &out) == 0);
  const std::string local = test::read(root / "content/gotland/local/gotland.xml");
  CHECK(contains(local, "<party id=\"region-gotland\" kind=\"region\" code=\"09\">Region Gotland</party>"));
  CHECK_FALSE(contains(local, "kind=\"municipality\""));
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + (root / "content").string()), &out) == 0);
  CHECK_FALSE(contains(out, "local-not-party-of-parent"));
  CHECK_FALSE(contains(out, "local-municipality-unknown"));
}

TEST_CASE("a region with 49 municipalities: init for all and build in one run", "[local]") {
  const fs::path root = test::temp_dir("vastra-gotaland");
  std::string xml = test::read(test::source_dir() / "docs/examples/exempel.xml");
  replace(xml, "<region>Region Blekinge</region>", "<region>Västra Götalandsregionen</region>");
  // Every municipality of the region is a party, from the registry.
  std::string parties;
  for (const auto* m : test::resources().data.municipalities_of("Västra Götalandsregionen")) {
    parties += "      <party kind=\"municipality\" code=\"" + m->code + "\">" + m->name + "</party>\n";
  }
  replace(xml, "      <party id=\"karlskrona\" kind=\"municipality\" code=\"1080\">Karlskrona kommun</party>\n", parties);
  replace(xml, "      <party id=\"ronneby\" kind=\"municipality\" code=\"1081\">Ronneby kommun</party>\n", "");
  xml = std::regex_replace(xml, std::regex("<signatory party=\"(karlskrona|ronneby)\"[^>]*/>"), "");
  write(root / "content/vastra-gotaland/regional.xml", xml);
  std::string out;
  REQUIRE(test::run(okgen_cmd("local init --region \"Västra Götaland\" --all --date 2026-11-23 --content " +
                              (root / "content").string()), &out) == 0);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(root / "content/vastra-gotaland/local")) files += e.path().extension() == ".xml";
  CHECK(files == 49);

  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto r = build(options(root / "content", root / "out"), test::resources(), sink, sources);
  INFO(util::join(rules(sink), ", "));
  CHECK_FALSE(sink.has_errors());
  CHECK(r.agreements.size() == 50);
  const std::string page = test::read(root / "out/vastra-gotaland/regional-kommuner.html");
  CHECK(contains(page, "49 kommuner: 0 klara, 49 utkast, 0 saknas."));
  CHECK(contains(page, "<th scope=\"row\">Ale</th>"));
  CHECK(fs::exists(root / "out/vastra-gotaland/local/goteborg.html"));
}

TEST_CASE("inheritance: with git, the regional change is shown as a word diff", "[local]") {
  const fs::path root = fixture_copy("local-inherit-git");
  std::string out;
  const std::string in_repo = "cd " + root.string() + " && ";
  const std::string git = "git -c user.email=t@example.org -c user.name=t ";
  REQUIRE(test::run(in_repo + "git init -q && " + git + "add . && " + git + "commit -qm v1", &out) == 0);
  const fs::path regional = root / "content/blekinge/regional.xml";
  std::string xml = test::read(regional);
  replace(xml, "kallar till möte inom fem arbetsdagar.", "kallar till möte inom tio arbetsdagar.");
  write(regional, xml);
  REQUIRE(test::run(in_repo + git + "commit -qam v2", &out) == 0);
  CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content/blekinge/local/karlskrona.xml"), &out) == 0);
  CHECK(contains(out, "[local-regional-changed]"));
  CHECK(contains(out, "kallar till möte inom [-fem-]{+tio+} arbetsdagar"));
}

// A content folder can sit in a repository someone else set up, and a repository's config
// can name programs git runs (fsmonitor, hooks, filters, textconv, gpg). okgen's git reads
// must run none of them, still work, never take a revision for an option, and leave git's
// safe.directory refusal in place.
TEST_CASE("git: a hostile repository configuration runs nothing", "[local][security]") {
  const fs::path root = fixture_copy("git-hostile");
  std::string out;
  const std::string in_repo = "cd " + root.string() + " && ";
  const std::string git = "git -c user.email=t@example.org -c user.name=t ";
  REQUIRE(test::run(in_repo + "git init -q && " + git + "add . && " + git + "commit -qm v1", &out) == 0);
  const fs::path regional = root / "content/blekinge/regional.xml";
  std::string xml = test::read(regional);
  replace(xml, "kallar till möte inom fem arbetsdagar.", "kallar till möte inom tio arbetsdagar.");
  write(regional, xml);
  REQUIRE(test::run(in_repo + git + "commit -qam v2", &out) == 0);
  // Every program the repository names leaves a mark when it runs.
  const fs::path marks = root / "marks";
  fs::create_directories(marks);
  const fs::path hooks = root / "hooks";
  fs::create_directories(hooks);
  auto script = [&](const std::string& name) {
    const fs::path p = hooks / name;
    write(p, "#!/bin/sh\ntouch " + (marks / name).string() + "\ncat\n");
    fs::permissions(p, fs::perms::owner_all);
    return p.string();
  };
  for (const char* hook : {"post-index-change", "pre-commit", "post-checkout", "reference-transaction"}) script(hook);
  std::string config = test::read(root / ".git/config");
  config += "[core]\n\tfsmonitor = " + script("fsmonitor") + "\n\thooksPath = " + hooks.string() +
            "\n\tpager = " + script("pager") + "\n[filter \"evil\"]\n\tclean = " + script("clean") +
            "\n\tsmudge = " + script("smudge") + "\n\tprocess = " + script("process") +
            "\n[diff \"evil\"]\n\ttextconv = " + script("textconv") + "\n[diff]\n\texternal = " + script("external") +
            "\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = " + script("gpg") + "\n";
  write(root / ".git/config", config);
  write(root / ".gitattributes", "* filter=evil diff=evil\n");
  // An uncommitted change, so the checker compares with the committed text.
  replace(xml, "<version>1.0</version>", "<version>1.0</version><!-- ändrad -->");
  write(regional, xml);

  CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
  CHECK(contains(out, "kallar till möte inom [-fem-]{+tio+} arbetsdagar"));  // git was read
  CHECK(contains(out, "[revision-not-recorded]"));
  CHECK(test::run(in_repo + okgen_cmd("diff HEAD~1:content/blekinge/regional.xml content/blekinge/regional.xml"), &out) == 0);
  CHECK(contains(out, "[-fem-]{+tio+}"));
  std::vector<std::string> ran;
  for (const auto& e : fs::directory_iterator(marks)) ran.push_back(e.path().filename().string());
  INFO("programs the repository named that ran: " << util::join(ran, ", "));
  CHECK(ran.empty());

  // A revision that looks like an option stays a revision (and does not exist).
  const fs::path planted = root / "planted.txt";
  CHECK(test::run(in_repo + okgen_cmd("diff -- --output=" + planted.string() + ":content/blekinge/regional.xml content/blekinge/regional.xml"), &out) == 2);
  CHECK(contains(out, "[diff-git]"));
  CHECK_FALSE(fs::exists(planted));

  // A repository owned by someone else is refused as git refuses it (git's test switch makes
  // git see another owner without root): no reading the hostile history, a clear message.
  const std::string other_owner = "GIT_TEST_ASSUME_DIFFERENT_OWNER=1 ";
  CHECK(test::run(in_repo + other_owner + okgen_cmd("diff HEAD~1:content/blekinge/regional.xml content/blekinge/regional.xml"), &out) == 2);
  CHECK(contains(out, "[diff-git]"));
  CHECK(contains(out, "dubious ownership"));
  CHECK(test::run(in_repo + other_owner + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
  CHECK_FALSE(contains(out, "[revision-not-recorded]"));
}

// "Svar kommer." is a draft's answer, not an answer: a local agreement that still says it is
// not final.
TEST_CASE("check --final: placeholders left in answers are errors", "[local]") {
  const fs::path root = fixture_copy("local-placeholder");
  const fs::path local = root / "content/blekinge/local/karlskrona.xml";
  std::string xml = test::read(local);
  replace(xml, "I Karlskrona kallar SIP-samordnaren", "Svar kommer. I Karlskrona kallar SIP-samordnaren");
  write(local, xml);
  std::string out;
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 0);
  CHECK(contains(out, "warning: Utkastrest: \"Svar kommer\""));
  CHECK(test::run(okgen_cmd("check --final --date 2026-11-23 " + local.string()), &out) == 1);
  CHECK(contains(out, "error: Utkastrest: \"Svar kommer\""));
}

// A local agreement is judged as the document it is: its own validity, or the regional
// period it follows; a draft is not decided; and the regional text it publishes is dated by
// the local decision.
TEST_CASE("validity and law dating of a local agreement follow its own decision", "[local]") {
  const fs::path root = fixture_copy("local-dating");
  const fs::path regional = root / "content/blekinge/regional.xml";
  const fs::path local = root / "content/blekinge/local/karlskrona.xml";
  // A regional agreement decided in 2019 for 2020–2024 that cites the old social services act.
  std::string r = test::read(regional);
  replace(r, R"(date="2026-03-12")", R"(date="2019-12-05")");
  replace(r, R"(<validity start="2026-04-01" end="2028-03-31">
        <extension months="24" condition="no-notice" repeat="true"/>)",
          R"(<validity start="2020-01-01" end="2024-12-31">)");
  replace(r, R"(<law-ref id="sol" law="SoL" sfs="2025:400">)", R"(<law-ref id="sol-gammal" law="SoL" sfs="2001:453"/>
    <law-ref id="sol" law="SoL" sfs="2025:400">)");
  write(regional, r);
  const int regional_law_line = [&] {
    int line = 1;
    for (std::size_t i = 0; i < r.find("sol-gammal"); ++i) line += r[i] == '\n';
    return line;
  }();
  const auto check_local = [&] {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto o = options(local, root / "out");
    PipelineResult result = okgen::check(o, test::resources(), sink, sources);
    REQUIRE(result.agreements.size() == 1);
    return std::make_pair(result.agreements.front(), std::move(sink));
  };

  SECTION("decided in 2026, following a period that ended in 2024: a warning at its <parent>") {
    auto [result, sink] = check_local();
    const diag::Diagnostic* d = find(sink, "local-validity-inherited");
    REQUIRE(d);
    CHECK(d->span.file.find("karlskrona.xml") != std::string::npos);
    CHECK(d->span.line == 18);
    CHECK(text::format_diagnostic(test::resources().messages, *d) ==
          "Den lokala överenskommelsen anger ingen egen giltighetstid och följer den regionala, som upphörde att "
          "gälla 2024-12-31 (bedömt per 2026-11-23).");
    CHECK_FALSE(has_rule(sink, "validity-expired"));  // the regional agreement's own finding
    CHECK(result.validity_label == "Upphörde 2024-12-31");
    // The old act, cited by the regional text, repealed 2025-07-01: before the local decision.
    // Once for the local agreement, at the regional line, with its decision in a note.
    CHECK_FALSE(has_rule(sink, "law-repealed"));
    const diag::Diagnostic* law = find(sink, "local-law-repealed");
    REQUIRE(law);
    CHECK(law->span.file.find("regional.xml") != std::string::npos);
    CHECK(law->span.line == regional_law_line);
    CHECK(text::format_diagnostic(test::resources().messages, *law) ==
          "Den regionala texten som den lokala överenskommelsen ger ut hänvisar till lag 2001:453, upphävd 2025-07-01. "
          "Den lokala överenskommelsen beslutades 2026-09-24, efter upphävandet. Motsvarande gäller nu 2025:400.");
    REQUIRE(law->notes.size() == 1);
    CHECK(law->notes[0].rule == "local-law-repealed-decision");
    CHECK(law->notes[0].span.line == 18);
  }

  SECTION("a draft (no decision yet) is not decided: no validity finding, no dating by the old period") {
    std::string l = test::read(local);
    replace(l, R"(    <decision body="Socialnämnden i Karlskrona kommun" date="2026-09-24"/>
)", "");
    write(local, l);
    auto [result, sink] = check_local();
    CHECK(result.validity_label == "Inte beslutad");
    CHECK(result.validity.state == model::ValidityState::not_decided);
    CHECK_FALSE(has_rule(sink, "local-validity-inherited"));
    CHECK_FALSE(has_rule(sink, "validity-expired"));
    CHECK_FALSE(has_rule(sink, "local-law-repealed"));
  }

  SECTION("with a period of its own, that period is judged, at its own line") {
    std::string l = test::read(local);
    const auto at = l.find("  <local-section ");  // own sections come before the local texts
    REQUIRE(at != std::string::npos);
    l.insert(at, R"(  <section id="lokal-giltighet" covers="validity">
    <heading>Den lokala överenskommelsens giltighetstid</heading>
    <validity start="2026-10-01" end="2026-10-31"/>
  </section>
)");
    write(local, l);
    auto [result, sink] = check_local();
    const diag::Diagnostic* d = find(sink, "validity-expired");
    REQUIRE(d);
    CHECK(d->span.file.find("karlskrona.xml") != std::string::npos);
    CHECK_FALSE(has_rule(sink, "local-validity-inherited"));
    CHECK(result.validity_label == "Upphörde 2026-10-31");
  }

  SECTION("the regional agreement on its own is not blamed for a later repeal") {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    okgen::check(options(regional, root / "out"), test::resources(), sink, sources);
    CHECK_FALSE(has_rule(sink, "law-repealed"));
    CHECK(has_rule(sink, "validity-expired"));
  }
}

TEST_CASE("local accept: based-on set in the text, every other byte kept", "[local]") {
  const std::string xml = "<?xml version=\"1.0\"?>\n<!-- kommentar -->\n<agreement id=\"x\" kind=\"local\">\n"
                          "  <local-section ref=\"a\" action=\"extend\" based-on='111111111111'>\n    <body>A</body>\n"
                          "  </local-section>\n  <local-section  ref=\"b\" action=\"fill\" >\n    <body>B</body>\n"
                          "  </local-section>\n  <local-section ref=\"c\" action=\"fill\"/>\n</agreement>\n";
  const auto a = local::set_based_on(xml, "a", "222222222222");
  REQUIRE(a);
  CHECK(*a == std::string(xml).replace(xml.find("111111111111"), 12, "222222222222"));
  const auto b = local::set_based_on(xml, "b", "333333333333");
  REQUIRE(b);
  CHECK(b->find("<local-section  ref=\"b\" action=\"fill\" based-on=\"333333333333\" >") != std::string::npos);
  const auto c = local::set_based_on(xml, "c", "444444444444");
  REQUIRE(c);
  CHECK(c->find("<local-section ref=\"c\" action=\"fill\" based-on=\"444444444444\"/>") != std::string::npos);
  CHECK(b->size() == xml.size() + std::string(" based-on=\"333333333333\"").size());
  CHECK_FALSE(local::set_based_on(xml, "d", "555555555555"));
  CHECK_FALSE(local::set_based_on("<agreement><local-section ref=\"a\"", "a", "1"));
}

TEST_CASE("local accept: after reading a changed regional section, the finding goes away", "[local][cli]") {
  const fs::path root = fixture_copy("local-accept");
  const fs::path regional = root / "content/blekinge/regional.xml";
  const fs::path local = root / "content/blekinge/local/karlskrona.xml";
  std::string r = test::read(regional);
  replace(r, "<initiative>Den enskilde, en närstående eller personal hos någon av huvudmännen kan ta initiativ till en SIP.",
          "<initiative>Den enskilde, en närstående eller personal hos någon av huvudmännen kan ta initiativ till en SIP, "
          "och kallelsen skickas inom fem arbetsdagar.");
  write(regional, r);
  const std::string before = test::read(local);
  std::string out;
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 0);
  CHECK(contains(out, "[local-regional-changed]"));
  CHECK(contains(out, "okgen local accept " + util::display_path(local) + " rutiner (skriver based-on=\""));

  CHECK(test::run(okgen_cmd("local accept " + local.string() + " finns-inte"), &out) == 1);
  CHECK(contains(out, "[accept-no-local-text]"));
  CHECK(test::run(okgen_cmd("local accept " + regional.string() + " rutiner"), &out) == 1);
  CHECK(contains(out, "[accept-not-local]"));
  CHECK(test::run(okgen_cmd("local accept " + local.string()), &out) == 2);
  CHECK(test::read(local) == before);

  REQUIRE(test::run(okgen_cmd("local accept " + local.string() + " rutiner"), &out) == 0);
  CHECK(contains(out, "based-on=\""));
  const std::string after = test::read(local);
  // One attribute value changed, nothing else.
  CHECK(after.size() == before.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) differing += before[i] != after[i];
  CHECK(differing > 0);
  CHECK(differing <= 12);
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + local.string()), &out) == 0);
  CHECK_FALSE(contains(out, "[local-regional-changed]"));
  CHECK(test::run(okgen_cmd("local accept --all " + local.string()), &out) == 0);
  CHECK(contains(out, "Inga regionala ändringar"));
}
