// Redlines and revisions: golden redlines (text, HTML, JSON) for a realistic revision of the
// example, the word diff, identical files, unrelated agreements, bad input on either side,
// versions read from git, `okgen revise`, and the checker's revision rules.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "diag/printer.h"
#include "diff/agreement_diff.h"
#include "diff/diff_command.h"
#include "diff/word_diff.h"
#include "import/zip_reader.h"
#include "render/report/diff_report.h"
#include "review/checker.h"
#include "revise/revise.h"
#include "support/golden.h"
#include "support/test_support.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

std::string okgen_cmd(const std::string& args) { return std::string(OKGEN_BINARY) + " " + args; }
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

const std::string kOld = "tests/diff/exempel-0.9.xml";
const std::string kNew = "docs/examples/exempel.xml";

diff::AgreementDiff example_diff() {
  auto a = test::load_file(test::source_dir() / kOld);
  auto b = test::load_file(test::source_dir() / kNew);
  REQUIRE(a.agreement);
  REQUIRE(b.agreement);
  REQUIRE_FALSE(a.sink.has_errors());
  return diff::diff_agreements(*a.agreement, *b.agreement, test::resources().labels);
}

std::string with_text(const diff::WordDiff& w) { return diff::marked_text(w); }

}  // namespace

TEST_CASE("word diff: words, punctuation and joined changes", "[diff]") {
  CHECK(with_text(diff::diff_words("Planen följs upp.", "Planen följs upp.")) == "Planen följs upp.");
  CHECK(with_text(diff::diff_words("Planen följs upp.", "Planen följs upp varje år.")) == "Planen följs upp{+ varje år+}.");
  CHECK(with_text(diff::diff_words("Den enskilde ska få stöd", "Den enskilde får stöd")) == "Den enskilde [-ska få-]{+får+} stöd");
  CHECK(with_text(diff::diff_words("", "Ny text.")) == "{+Ny text.+}");
  CHECK(with_text(diff::diff_words("Å ä ö č ŋ.", "Å ä ö č ŧ.")) == "Å ä ö č [-ŋ-]{+ŧ+}.");
  CHECK(diff::similarity("ett två tre fyra", "ett två tre fem") == Approx(0.75));
}

TEST_CASE("diff: a realistic revision of the example, stated in words", "[diff]") {
  const auto d = example_diff();
  CHECK_FALSE(d.identical());
  auto all_statements = [&] {
    std::vector<std::string> s = d.meta;
    for (const auto& sec : d.sections) s.insert(s.end(), sec.statements.begin(), sec.statements.end());
    s.insert(s.end(), d.back_matter.begin(), d.back_matter.end());
    return util::join(s, "\n");
  }();
  INFO(all_statements);
  CHECK(contains(all_statements, "Giltighetstid: 2025-04-01–2027-03-31 blev 2026-04-01–2028-03-31"));
  CHECK(contains(all_statements, "Tvistenivå 2 ändrad: Styrgruppen för psykiatrisamverkan blev Länsledningsgruppen"));
  CHECK(contains(all_statements, "Regionens ansvar (Boende): ny punkt: Bedömer behovet av psykiatrisk vård i hemmet."));
  CHECK(contains(all_statements, "Ansvarsfördelning: området \"Sysselsättning\" borttaget"));
  CHECK(contains(all_statements, "Ny lagreferens: LUS (2017:612)"));
  CHECK(contains(all_statements, "Ny part: Ronneby kommun"));
  bool moved = false, renamed = false;
  for (const auto& s : d.sections) {
    moved = moved || (s.moved && s.id == "rutiner");
    renamed = renamed || (s.renamed && s.old_heading == "Införande" && s.heading == "Implementering");
  }
  CHECK(moved);
  CHECK(renamed);
  // The responsibility matrix is compared row by row, cell by cell.
  const diff::SectionDiff* ansvar = nullptr;
  for (const auto& s : d.sections) if (s.id == "ansvar") ansvar = &s;
  REQUIRE(ansvar);
  REQUIRE(ansvar->tables.size() == 1);
  REQUIRE(ansvar->tables[0].rows.size() == 2);
  CHECK(ansvar->tables[0].rows[0].change == diff::Change::changed);
  CHECK(with_text(ansvar->tables[0].rows[0].cells[2]) == "Bedömer [-behov-]{+behovet+} av psykiatrisk vård{+ i hemmet+}.");
  CHECK(ansvar->tables[0].rows[1].change == diff::Change::removed);
  // The summary counts changes per area.
  CHECK(d.per_area.at("disputes") == 2);
  CHECK(d.per_area.at("responsibilities") >= 3);
}

TEST_CASE("diff: golden redlines in text, HTML and JSON", "[diff][golden]") {
  std::string out;
  for (const char* format : {"text", "html", "json"}) {
    INFO(format);
    REQUIRE(test::run("cd " + test::source_dir().string() + " && " + okgen_cmd(std::string("diff --format ") + format + " " + kOld + " " + kNew) + " 2>&1", &out) == 0);
    std::string diff_text;
    const bool same = test::matches_golden(test::source_dir() / "tests/diff/golden" / (std::string("exempel.") + (std::string(format) == "text" ? "txt" : format)), out, &diff_text);
    INFO(diff_text);
    CHECK(same);
  }
}

TEST_CASE("diff: identical files, unrelated agreements, bad input on either side", "[diff]") {
  std::string out;
  const std::string root = "cd " + test::source_dir().string() + " && ";
  CHECK(test::run(root + okgen_cmd("diff " + kNew + " " + kNew), &out) == 0);
  CHECK(contains(out, "Inga ändringar mellan docs/examples/exempel.xml och docs/examples/exempel.xml."));
  CHECK(test::run(root + okgen_cmd("diff --format html " + kNew + " " + kNew), &out) == 0);
  CHECK(contains(out, "<p>Inga ändringar.</p>"));

  // An unrelated agreement: everything differs, and the redline still says so in order.
  CHECK(test::run(root + okgen_cmd("diff " + kNew + " content/ostergotland/regional.xml"), &out) == 0);
  CHECK(contains(out, "[nytt avsnitt]"));
  CHECK(contains(out, "[borttaget avsnitt]"));

  const fs::path tmp = test::temp_dir("diff-bad");
  write(tmp / "trasig.xml", "<agreement id=\"x\" kind=\"regional\"><meta>");
  CHECK(test::run(okgen_cmd("diff " + (tmp / "trasig.xml").string() + " " + (test::source_dir() / kNew).string()), &out) == 2);
  CHECK(contains(out, "[xml-syntax]"));
  CHECK(test::run(okgen_cmd("diff " + (test::source_dir() / kNew).string() + " " + (tmp / "trasig.xml").string()), &out) == 2);
  CHECK(test::run(okgen_cmd("diff " + (test::source_dir() / kNew).string() + " " + (tmp / "finns-inte.xml").string()), &out) == 2);
  CHECK(contains(out, "finns-inte.xml: error: Filen kan inte läsas: filen finns inte [file-unreadable]"));
  std::string bad = test::read(test::source_dir() / kNew);
  bad.replace(bad.find("<version>"), 9, "<versoin>");
  bad.replace(bad.find("</version>"), 10, "</versoin>");
  write(tmp / "fel.xml", bad);
  CHECK(test::run(okgen_cmd("diff " + (tmp / "fel.xml").string() + " " + (test::source_dir() / kNew).string()), &out) == 1);
  CHECK(contains(out, "[unknown-element]"));
  CHECK(test::run(okgen_cmd("diff --format docx a b"), &out) == 2);
}

TEST_CASE("diff: a version from git, with its Markdown bodies", "[diff]") {
  const fs::path repo = test::temp_dir("diff-git");
  fs::create_directories(repo / "content/ostergotland");
  for (const auto& e : fs::directory_iterator(test::source_dir() / "content/ostergotland")) {
    fs::copy_file(e.path(), repo / "content/ostergotland" / e.path().filename());
  }
  std::string out;
  const std::string in_repo = "cd " + repo.string() + " && ";
  REQUIRE(test::run(in_repo + "git init -q && git -c user.email=t@example.org -c user.name=t add . && "
                    "git -c user.email=t@example.org -c user.name=t commit -qm v1", &out) == 0);
  // Change the Markdown body and the XML, then compare with the committed version.
  const fs::path md = repo / "content/ostergotland/bakgrund.md";
  std::string text = test::read(md);
  text += "\nEn ny mening om samverkan i länet.\n";
  write(md, text);
  CHECK(test::run(in_repo + okgen_cmd("diff HEAD:content/ostergotland/regional.xml content/ostergotland/regional.xml"), &out) == 0);
  CHECK(contains(out, "{+En ny mening om samverkan i länet.+}"));
  CHECK(test::run(in_repo + okgen_cmd("diff HEAD~5:content/ostergotland/regional.xml content/ostergotland/regional.xml"), &out) == 2);
  CHECK(contains(out, "HEAD~5:content/ostergotland/regional.xml: error: Versionen \"HEAD~5:content/ostergotland/regional.xml\" kan inte hämtas ur git"));
  CHECK(contains(out, "[diff-git]"));

  // The checker notices a changed file that kept its committed version ...
  std::string xml = test::read(repo / "content/ostergotland/regional.xml");
  CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
  CHECK_FALSE(contains(out, "[revision-not-recorded]"));  // only the .md changed, not the XML's file
  xml.replace(xml.find("</heading>"), 10, " (reviderad)</heading>");
  write(repo / "content/ostergotland/regional.xml", xml);
  CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
  CHECK(contains(out, "men versionsnumret är detsamma"));
  {
    const auto at = out.find("[revision-not-recorded]");
    const std::string line = out.substr(out.rfind('\n', at) + 1, at - out.rfind('\n', at));
    CHECK_FALSE(contains(line, "git"));  // no version-control words to a civil servant
  }
  CHECK(contains(out, "[revision-not-recorded]"));
  // build reads git only when asked (--git): it costs a helper process.
  CHECK(test::run(in_repo + okgen_cmd("build --format html -o out --date 2026-11-23 content"), &out) == 0);
  CHECK_FALSE(contains(out, "[revision-not-recorded]"));
  CHECK(test::run(in_repo + okgen_cmd("build --git --format html -o out --date 2026-11-23 content"), &out) == 0);
  CHECK(contains(out, "[revision-not-recorded]"));
  // A draft (no decision yet) may change freely.
  {
    std::string draft = xml;
    const auto d = draft.find("    <decision ");
    REQUIRE(d != std::string::npos);
    draft.erase(d, draft.find('\n', d) + 1 - d);
    write(repo / "content/ostergotland/regional.xml", draft);
    CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
    CHECK_FALSE(contains(out, "[revision-not-recorded]"));
    write(repo / "content/ostergotland/regional.xml", xml);
  }
  // ... and okgen revise records it.
  CHECK(test::run(in_repo + okgen_cmd("revise content/ostergotland/regional.xml --version 9.9 --date 2026-11-23"), &out) == 0);
  CHECK(test::run(in_repo + okgen_cmd("check --date 2026-11-23 content"), &out) == 0);
  CHECK_FALSE(contains(out, "[revision-not-recorded]"));
  CHECK(contains(out, "[revision-summary-missing]"));
}

TEST_CASE("revise: the file keeps its permissions, owner and group", "[diff][security]") {
  const fs::path tmp = test::temp_dir("revise-mode");
  const fs::path file = tmp / "exempel.xml";
  write(file, test::read(test::source_dir() / kNew));
  // A file only its owner and group may read and write (an agreement not yet public).
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::group_write);
  struct stat before {};
  REQUIRE(::stat(file.c_str(), &before) == 0);
  // As root the test also gives the file to another owner and group, which revise must keep.
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
  REQUIRE(::stat(file.c_str(), &before) == 0);
  std::string out;
  REQUIRE(test::run(okgen_cmd("revise " + file.string() + " --version 1.1 --date 2026-11-23"), &out) == 0);
  struct stat after {};
  REQUIRE(::stat(file.c_str(), &after) == 0);
  CHECK(before.st_ino != after.st_ino);  // replaced atomically, not written in place
  CHECK((after.st_mode & 07777) == 0660);
  CHECK(after.st_uid == before.st_uid);
  CHECK(after.st_gid == before.st_gid);
  CHECK(contains(test::read(file), "<version>1.1</version>"));
}

TEST_CASE("revise: raises the version and adds a draft history row, keeping the file's layout", "[diff]") {
  const fs::path tmp = test::temp_dir("revise");
  const fs::path file = tmp / "exempel.xml";
  const std::string before = test::read(test::source_dir() / kNew);
  write(file, before);
  std::string out;
  REQUIRE(test::run(okgen_cmd("revise " + file.string() + " --version 1.1 --date 2026-11-23"), &out) == 0);
  const std::string after = test::read(file);
  CHECK(contains(after, "<version>1.1</version>"));
  CHECK(contains(after, "    <revision version=\"1.0\" date=\"2026-03-12\" decided-by=\"Regionala samverkansrådet\">Första versionen.</revision>\n"
                        "    <revision version=\"1.1\" date=\"2026-11-23\" draft=\"true\"><!-- Sammanfatta här vad som ändrats sedan version 1.0"));
  // Nothing else changed.
  std::string expected = before;
  expected.replace(expected.find("<version>1.0</version>"), 22, "<version>1.1</version>");
  const auto row_start = after.find("    <revision version=\"1.1\"");
  const auto row_end = after.find('\n', row_start) + 1;
  CHECK(after.substr(0, row_start) + after.substr(row_end) == expected);
  // The checker asks for the summary; before a decision it is an error.
  CHECK(test::run(okgen_cmd("check --date 2026-11-23 " + file.string()), &out) == 0);
  CHECK(contains(out, "Raden för version 1.1 i versionshistoriken saknar en sammanfattning"));
  CHECK(test::run(okgen_cmd("check --final --date 2026-11-23 " + file.string()), &out) == 1);
  // The same version twice is refused, and the file is left alone.
  CHECK(test::run(okgen_cmd("revise " + file.string() + " --version 1.1"), &out) == 1);
  CHECK(contains(out, "Version 1.1 finns redan"));
  CHECK(test::read(file) == after);
  // A file with errors is not touched either.
  write(tmp / "fel.xml", "<agreement id=\"x\" kind=\"regional\"><meta>");
  CHECK(test::run(okgen_cmd("revise " + (tmp / "fel.xml").string() + " --version 2"), &out) == 2);
  CHECK(test::read(tmp / "fel.xml") == "<agreement id=\"x\" kind=\"regional\"><meta>");
  // No history yet: one is made.
  std::string no_history = before;
  const auto h0 = no_history.find("  <revision-history>");
  no_history.erase(h0, no_history.find("</revision-history>") + 20 - h0);
  const std::string row = "<revision version=\"2\" date=\"2026-11-23\" draft=\"true\">X</revision>";
  const std::string revised = revise::revised_text(no_history, "2", row);
  CHECK(contains(revised, "  <revision-history>\n    " + row + "\n  </revision-history>\n\n  <signatures"));
}

TEST_CASE("checker: the current version has a history row", "[diff]") {
  std::string xml = test::read(test::source_dir() / kNew);
  xml.replace(xml.find("<version>1.0</version>"), 22, "<version>1.2</version>");
  auto l = test::load_string(xml, test::temp_dir("revision-missing") / "x.xml");
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  review::check_revisions(*l.agreement, sink);
  REQUIRE(sink.size() == 1);
  CHECK(sink.all()[0].rule == "revision-missing");
}

namespace {

std::vector<diag::Diagnostic> revision_findings(const std::string& xml, const std::string& name) {
  auto l = test::load_string(xml, test::temp_dir(name) / "x.xml");
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  review::check_revisions(*l.agreement, sink);
  return sink.all();
}

// The finding as a user reads it (the printed line, without a source to quote).
std::string message_of(const diag::Diagnostic& d) {
  std::ostringstream out;
  diag::print_diagnostic(out, d, diag::SourceRegistry{}, test::resources().messages, diag::PrintOptions{false});
  return out.str();
}

}  // namespace

TEST_CASE("checker: no history, a summary left marked as draft, a decision of the previous version", "[diff]") {
  const std::string base = test::read(test::source_dir() / kNew);
  const std::string row = "<revision version=\"1.0\" date=\"2026-03-12\" decided-by=\"Regionala samverkansrådet\">Första versionen.</revision>";
  REQUIRE(base.find(row) != std::string::npos);
  auto with = [&](const std::string& from, const std::string& to) {
    std::string x = base;
    x.replace(x.find(from), from.size(), to);
    return x;
  };
  // Deleting the history does not silence the rule.
  const std::size_t h0 = base.find("  <revision-history>"), h1 = base.find("</revision-history>") + 19;
  auto f = revision_findings(base.substr(0, h0) + base.substr(h1), "rev-none");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "revision-missing");
  CHECK(contains(message_of(f[0]), "ingen versionshistorik"));
  // A row whose summary is written but still carries draft="true" is told so, not "no summary".
  f = revision_findings(with(row, "<revision version=\"1.0\" date=\"2026-03-12\" draft=\"true\">Första versionen.</revision>"), "rev-draft");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "revision-summary-missing");
  CHECK(contains(message_of(f[0]), "fortfarande markerad som utkast"));
  f = revision_findings(with(row, "<revision version=\"1.0\" date=\"2026-03-12\" draft=\"true\"></revision>"), "rev-empty");
  REQUIRE(f.size() == 1);
  CHECK(contains(message_of(f[0]), "saknar en sammanfattning"));
  // Version 1.1 dated after the decision of 1.0, which it still carries: a hint to update it.
  std::string next = with(row, row + "\n    <revision version=\"1.1\" date=\"2026-09-01\">Ny tvistenivå.</revision>");
  next.replace(next.find("<version>1.0</version>"), 22, "<version>1.1</version>");
  f = revision_findings(next, "rev-decision");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "decision-outdated");
  CHECK(contains(message_of(f[0]), "Version 1.1 är daterad 2026-09-01, efter beslutet (Regionala samverkansrådet 2026-03-12)"));
  // Once decided (the decision moves to 1.1's date) there is nothing to say.
  next.replace(next.find("date=\"2026-03-12\" reference"), 17, "date=\"2026-09-01\"");
  CHECK(revision_findings(next, "rev-decided").empty());
}

TEST_CASE("diff: the redline as a PDF appendix (Ändringsbilaga)", "[diff][pdf]") {
  const fs::path tmp = test::temp_dir("diff-pdf");
  std::string out;
  const std::string pdf = (tmp / "andringsbilaga.pdf").string();
  REQUIRE(test::run("cd " + test::source_dir().string() + " && " + okgen_cmd("diff --format pdf -o " + pdf + " " + kOld + " " + kNew), &out) == 0);
  REQUIRE(test::run("pdftotext -layout " + pdf + " -", &out) == 0);
  CHECK(contains(out, "Ändringsbilaga"));
  CHECK(contains(out, "Ändringar från version 0.9 (2025-12-01) till version 1.0 (2026-03-12)"));
  CHECK(contains(out, "Giltighetstid: 2025-04-01–2027-03-31 blev 2026-04-01–2028-03-31"));
  CHECK(contains(out, "(borttagen rad)"));  // matrix rows, cell by cell
  // Changes are drawn, not written in marks: the words read in order, old then new.
  CHECK(contains(out, "Den enskilde ska få får samordnade insatser"));
  CHECK_FALSE(contains(out, "{+"));
  CHECK_FALSE(contains(out, "[-"));
  // The running header names the agreement; the title page has no dangling "·".
  CHECK(contains(out, "Ändringsbilaga · Exempel på ÖK psykisk funktionsnedsättning"));
  CHECK_FALSE(contains(out, "Ändringsbilaga ·\n"));
  // A screen reader hears each change in words: a Span with /ActualText (qpdf's JSON view).
  REQUIRE(test::run("qpdf --json=2 --json-key=qpdf " + pdf, &out) == 0);
  CHECK(contains(out, "\"/ActualText\": \"u:borttaget: ska få \""));
  CHECK(contains(out, "\"/ActualText\": \"u:tillagt: får \""));
  // Deletions in red and insertions in green, as poppler renders page 3 (the summary and
  // the first changed paragraphs): count pixels of each colour.
  REQUIRE(test::run("pdftoppm -r 60 -f 3 -l 3 " + pdf + " " + (tmp / "page").string(), &out) == 0);
  std::string ppm;
  for (const auto& e : fs::directory_iterator(tmp)) {
    if (e.path().extension() == ".ppm") ppm = test::read(e.path());
  }
  REQUIRE(ppm.rfind("P6", 0) == 0);
  std::size_t at = 0;
  for (int fields = 0; fields < 4; ++at) {  // "P6", width, height, maxval, then one space
    if (std::isspace(static_cast<unsigned char>(ppm[at])) && !std::isspace(static_cast<unsigned char>(ppm[at - 1]))) ++fields;
  }
  int red = 0, green = 0;
  for (std::size_t i = at; i + 2 < ppm.size(); i += 3) {
    const int r = static_cast<unsigned char>(ppm[i]), g = static_cast<unsigned char>(ppm[i + 1]),
              b = static_cast<unsigned char>(ppm[i + 2]);
    if (r > g + 60 && r > b + 60) ++red;
    if (g > r + 30 && g > b + 30) ++green;
  }
  CHECK(red > 100);
  CHECK(green > 100);
  CHECK(test::run("qpdf --check " + pdf + " 2>&1", &out) == 0);
  // Without a file name there is nowhere to put the PDF.
  CHECK(test::run(okgen_cmd("diff --format pdf " + (test::source_dir() / kNew).string() + " " + (test::source_dir() / kNew).string()), &out) == 2);
}

TEST_CASE("diff: the Word redline opens on a titled summary page, its own section", "[diff][docx]") {
  const fs::path tmp = test::temp_dir("diff-docx");
  std::string out;
  const std::string docx = (tmp / "remiss.docx").string();
  REQUIRE(test::run("cd " + test::source_dir().string() + " && " + okgen_cmd("diff --format docx -o " + docx + " " + kOld + " " + kNew), &out) == 0);
  const std::string bytes = test::read(docx);  // the reader reads from these bytes
  import::ZipReader zip(bytes);
  REQUIRE(zip.problem() == import::ZipProblem::none);
  const auto doc = zip.read("word/document.xml");
  const auto styles = zip.read("word/styles.xml");
  REQUIRE(doc);
  REQUIRE(styles);
  // The page says what it is and which versions it compares, before the agreement's own
  // title page; the summary tells how Word shows the changes, not how the PDF marks them.
  const auto kind = doc->find("Ändringsbilaga");
  const auto versions = doc->find("Ändringar från version 0.9 (2025-12-01) till version 1.0 (2026-03-12)");
  const auto own_kind = doc->find("Regional samverkansöverenskommelse");
  REQUIRE(kind != std::string::npos);
  REQUIRE(versions != std::string::npos);
  REQUIRE(own_kind != std::string::npos);
  CHECK(kind < versions);
  CHECK(versions < own_kind);
  CHECK(contains(*doc, "Spåra ändringar"));
  CHECK_FALSE(contains(*doc, "Så läser du bilagan"));
  // Two Word sections: the summary's ends in its last paragraph's mark, before the title
  // page; both have a first page without running header (w:titlePg).
  const auto first_sect = doc->find("<w:sectPr");
  REQUIRE(first_sect != std::string::npos);
  CHECK(first_sect < own_kind);
  CHECK(doc->rfind("<w:pPr>", first_sect) > doc->rfind("</w:p>", first_sect));  // inside a paragraph's properties
  CHECK(doc->find("<w:sectPr", first_sect + 1) != std::string::npos);
  std::size_t title_pages = 0;
  for (std::size_t at = doc->find("<w:titlePg/>"); at != std::string::npos; at = doc->find("<w:titlePg/>", at + 1)) ++title_pages;
  CHECK(title_pages == 2);
  // The section break starts the new page; the title page's paragraph adds no page break.
  const auto title_para = doc->rfind("<w:p>", own_kind);
  REQUIRE(title_para != std::string::npos);
  CHECK(doc->substr(title_para, own_kind - title_para).find("w:pageBreakBefore") == std::string::npos);
  // Every style the page uses is based on the summary style (readers comparing versions
  // leave that page out by it).
  for (const char* id : {"OkgenChangeSummaryKind", "OkgenChangeSummaryTitle", "OkgenChangeSummaryHeading"}) {
    const auto at = styles->find(std::string("w:styleId=\"") + id + "\"");
    REQUIRE(at != std::string::npos);
    CHECK(styles->substr(at, 300).find("<w:basedOn w:val=\"OkgenChangeSummary\"/>") != std::string::npos);
    CHECK(contains(*doc, std::string("<w:pStyle w:val=\"") + id + "\"/>"));
  }
}

TEST_CASE("diff: a local agreement's texts for regional sections are compared too", "[diff]") {
  std::string xml = test::read(test::source_dir() / "tests/local/content/blekinge/local/karlskrona.xml");
  const std::string from = "kallar SIP-samordnaren på vuxenpsykiatrin till mötet inom tio dagar.";
  xml.replace(xml.find(from), from.size(), "kallar SIP-samordnaren på vuxenpsykiatrin till mötet inom sju dagar.");
  const fs::path tmp = test::temp_dir("diff-local");
  write(tmp / "karlskrona.xml", xml);
  std::string out;
  CHECK(test::run(okgen_cmd("diff " + (test::source_dir() / "tests/local/content/blekinge/local/karlskrona.xml").string() +
                            " " + (tmp / "karlskrona.xml").string()), &out) == 0);
  CHECK(contains(out, "Lokal text till avsnittet \"rutiner\" (extend)"));
  CHECK(contains(out, "inom [-tio-]{+sju+} dagar"));
}

// "okgen diff OLD NEW -o andringar.html" (the --help example) writes the HTML page; the format
// follows the extension, and a contradiction between --format and the extension is refused.
TEST_CASE("diff: the output format follows the file's extension", "[diff]") {
  const fs::path tmp = test::temp_dir("diff-ext");
  const std::string both = (test::source_dir() / kOld).string() + " " + (test::source_dir() / kNew).string();
  std::string out;
  REQUIRE(test::run(okgen_cmd("diff " + both + " -o " + (tmp / "andringar.html").string()), &out) == 0);
  CHECK(test::read(tmp / "andringar.html").rfind("<!DOCTYPE html>", 0) == 0);
  REQUIRE(test::run(okgen_cmd("diff " + both + " -o " + (tmp / "andringar.json").string()), &out) == 0);
  CHECK(test::read(tmp / "andringar.json").rfind("{", 0) == 0);
  REQUIRE(test::run(okgen_cmd("diff " + both + " -o " + (tmp / "bilaga.pdf").string()), &out) == 0);
  CHECK(test::read(tmp / "bilaga.pdf").rfind("%PDF-", 0) == 0);
  CHECK(test::run(okgen_cmd("diff --format text " + both + " -o " + (tmp / "x.pdf").string()), &out) == 2);
  CHECK(contains(out, "--format text passar inte filen"));
  CHECK_FALSE(fs::exists(tmp / "x.pdf"));
  CHECK(test::run(okgen_cmd("check --format json -o " + (tmp / "r.html").string() + " " + (test::source_dir() / kNew).string()), &out) == 2);
}

TEST_CASE("diff: one change is said in the singular", "[diff]") {
  auto a = test::load_file(test::source_dir() / kNew);
  REQUIRE(a.agreement);
  std::string xml = test::read(test::source_dir() / kNew);
  const auto at = xml.find("<body>");
  REQUIRE(at != std::string::npos);
  xml.insert(at + 6, "Enligt den nya lydelsen gäller följande. ");
  auto b = test::load_string(xml, test::source_dir() / kNew);
  REQUIRE(b.agreement);
  const auto d = diff::diff_agreements(*a.agreement, *b.agreement, test::resources().labels);
  REQUIRE(d.total_changes() == 1);
  const std::string text = render::report::diff_text(d, test::resources());
  CHECK(contains(text, ": 1 ändring från version"));
  CHECK(contains(text, "1 ändrat avsnitt, 0 nya, 0 borttagna, 0 flyttade."));
  const std::string html = render::report::diff_html(d, test::resources());
  CHECK(contains(html, "<p>1 ändring: 1 ändrat avsnitt, 0 nya, 0 borttagna och 0 flyttade.</p>"));
}

// The command's flow as a library call (the CLI only parses and prints).
TEST_CASE("diff: run_diff writes the asked format, returns text for the screen, refuses PDF without a file", "[diff]") {
  const fs::path tmp = test::temp_dir("run-diff");
  diff::DiffRequest r;
  r.old_version = (test::source_dir() / kOld).string();
  r.new_version = (test::source_dir() / kNew).string();
  r.as_of = *util::Date::parse("2026-11-23");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto screen = diff::run_diff(r, test::resources(), sink, sources);
  CHECK(screen.exit_code == 0);
  CHECK(contains(screen.text, "[-ska få -]{+får +}"));
  r.format = "html";
  r.output = (tmp / "andringar.html").string();
  auto file = diff::run_diff(r, test::resources(), sink, sources);
  CHECK(file.exit_code == 0);
  CHECK(file.text.empty());
  CHECK(test::read(tmp / "andringar.html").rfind("<!DOCTYPE html>", 0) == 0);
  r.format = "pdf";
  r.output.clear();
  auto refused = diff::run_diff(r, test::resources(), sink, sources);
  CHECK(refused.needs_output);
  CHECK(refused.exit_code == 2);
  r.old_version = (tmp / "finns-inte.xml").string();
  r.format = "text";
  CHECK(diff::run_diff(r, test::resources(), sink, sources).exit_code == 2);
}
