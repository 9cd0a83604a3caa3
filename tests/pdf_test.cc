// PDF output, checked from the outside with the tools a reviewer would use (pdftotext,
// pdffonts, qpdf) and from the inside on the laid-out pages.
#include <catch2/catch.hpp>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <fstream>
#include <functional>
#include <regex>
#include <set>

#include "compose/composer.h"
#include "model/walk.h"
#include "pipeline.h"
#include "render/html/html_writer.h"
#include "render/pdf/pdf_style.h"
#include "render/pdf/pdf_writer.h"
#include "support/test_support.h"
#include "util/fs.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

struct Rendered {
  compose::Doc doc;
  render::pdf::PdfResult pdf;
};

Rendered render_file(const fs::path& xml) {
  auto l = test::load_file(xml);
  REQUIRE(l.agreement);
  REQUIRE_FALSE(l.sink.has_errors());
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  Rendered r;
  r.doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  auto writer = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(writer);
  r.pdf = writer->render(r.doc, xml.string(), sink);
  CHECK(sink.count(diag::Severity::warning) == 0);
  return r;
}

std::vector<fs::path> agreements() {
  return {test::source_dir() / "docs/examples/exempel.xml", test::source_dir() / "content/dalarna/regional.xml",
          test::source_dir() / "content/jamtland-harjedalen/regional.xml",
          test::source_dir() / "content/ostergotland/regional.xml"};
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex word(R"([A-Za-zÅÄÖåäöÉéÜüčđŋšŧžČĐŊŠŦŽïá]{4,})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

// Body text in reading order, and table text separately: a table row split over two pages
// interleaves its cells, so table words are checked for presence, not order.
void collect_blocks(const model::Blocks& blocks, std::string& ordered, std::string& tables) {
  for (const auto& b : blocks) {
    if (const auto* t = std::get_if<model::Table>(&b.node)) {
      model::Blocks one{b};
      tables += model::plain_text(one) + "\n";
      (void)t;
    } else if (const auto* d = std::get_if<model::Div>(&b.node)) {
      collect_blocks(d->children, ordered, tables);
    } else {
      model::Blocks one{b};
      ordered += model::plain_text(one) + "\n";
    }
  }
}

void collect_text(const std::vector<compose::DocSection>& sections, std::string& ordered, std::string& tables) {
  for (const auto& s : sections) {
    ordered += s.heading + "\n";
    collect_blocks(s.blocks, ordered, tables);
    collect_text(s.children, ordered, tables);
  }
}

}  // namespace

TEST_CASE("pdf: text comes back intact and in reading order from pdftotext", "[pdf-output]") {
  const fs::path dir = test::temp_dir("pdftotext");
  for (const auto& xml : agreements()) {
    INFO(xml.string());
    Rendered r = render_file(xml);
    const fs::path pdf = dir / (xml.parent_path().filename().string() + ".pdf");
    std::ofstream(pdf, std::ios::binary) << r.pdf.pdf;
    std::string text, errors;
    // -raw: text in content-stream order, which is the reading order okgen draws in, and
    // no de-hyphenation by pdftotext itself.
    REQUIRE(test::run("pdftotext -raw -enc UTF-8 " + pdf.string() + " " + (dir / "out.txt").string(), &errors) == 0);
    CHECK(errors.empty());  // no "Syntax Warning" about the ToUnicode map or anything else
    text = test::read(dir / "out.txt");
    // Undo line-end hyphenation (soft hyphens) before comparing words.
    text = std::regex_replace(text, std::regex("\xC2\xAD\n"), "");
    text = std::regex_replace(text, std::regex("-\n"), "-");
    std::string expected, table_text;
    collect_text(r.doc.sections, expected, table_text);
    const auto want = words(expected);
    const auto got = words(text);
    std::multiset<std::string> got_set(got.begin(), got.end());
    for (const auto& w : words(table_text)) {
      INFO("table word missing: " << w);
      CHECK(got_set.count(w) > 0);
    }
    // Every word of the body appears, in order (page furniture and notes may come between).
    std::size_t k = 0;
    for (const auto& w : got) {
      if (k < want.size() && w == want[k]) ++k;
    }
    INFO("first word not found in order: " << (k < want.size() ? want[k] : "") << " (" << k << " of " << want.size() << ")");
    CHECK(k == want.size());
    CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);  // no replacement characters
  }
}

TEST_CASE("pdf: Swedish and Sámi letters and typographic signs survive", "[pdf-output]") {
  const fs::path dir = test::temp_dir("sami");
  Rendered r = render_file(test::source_dir() / "docs/examples/exempel.xml");
  std::ofstream(dir / "x.pdf", std::ios::binary) << r.pdf.pdf;
  std::string text;
  REQUIRE(test::run("pdftotext -enc UTF-8 " + (dir / "x.pdf").string() + " -", &text) == 0);
  for (const char* s : {"å", "ä", "ö", "é", "ï", "č", "đ", "ŋ", "š", "ŧ", "ž", "§", "–", "“", "”", "…", "Čohkkiras", "Ŋuorggam"}) {
    INFO(s);
    CHECK(text.find(s) != std::string::npos);
  }
}

TEST_CASE("pdf: fonts are embedded, qpdf finds no problems, metadata is set", "[pdf-output]") {
  const fs::path dir = test::temp_dir("pdffonts");
  Rendered r = render_file(test::source_dir() / "content/dalarna/regional.xml");
  const fs::path pdf = dir / "d.pdf";
  std::ofstream(pdf, std::ios::binary) << r.pdf.pdf;
  std::string fonts;
  REQUIRE(test::run("pdffonts " + pdf.string(), &fonts) == 0);
  int rows = 0;
  std::istringstream lines(fonts);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find("CID TrueType") == std::string::npos) continue;
    ++rows;
    INFO(line);
    CHECK(line.find(" yes yes yes ") != std::string::npos);  // embedded, subset, ToUnicode
  }
  CHECK(rows >= 3);
  std::string check;
  CHECK(test::run("qpdf --check " + pdf.string(), &check) == 0);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  std::string info;
  REQUIRE(test::run("pdfinfo " + pdf.string(), &info) == 0);
  CHECK(info.find("Title:           Länsövergripande överenskommelse") != std::string::npos);
  CHECK(info.find("Author:          Region Dalarna") != std::string::npos);
  CHECK(info.find("Page size:       595.28 x 841.89 pts (A4)") != std::string::npos);
  QPDF q;
  q.processMemoryFile("x", r.pdf.pdf.data(), r.pdf.pdf.size());
  CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "sv-SE");
  CHECK(q.getRoot().getKey("/Metadata").isStream());
  CHECK(q.getRoot().getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
}

TEST_CASE("pdf: bookmarks mirror the section tree", "[pdf-output]") {
  Rendered r = render_file(test::source_dir() / "content/jamtland-harjedalen/regional.xml");
  QPDF q;
  q.processMemoryFile("x", r.pdf.pdf.data(), r.pdf.pdf.size());
  QPDFOutlineDocumentHelper outlines(q);
  std::vector<std::string> got;
  std::function<void(std::vector<QPDFOutlineObjectHelper>, int)> walk = [&](auto items, int level) {
    for (auto& o : items) {
      got.push_back(std::to_string(level) + " " + o.getTitle());
      walk(o.getKids(), level + 1);
    }
  };
  walk(outlines.getTopLevelOutlines(), 1);
  std::vector<std::string> want;
  std::function<void(const std::vector<compose::DocSection>&)> sections = [&](const auto& ss) {
    for (const auto& s : ss) {
      want.push_back(std::to_string(s.depth) + " " + s.number + " " + s.heading);
      sections(s.children);
    }
  };
  sections(r.doc.sections);
  want.push_back("1 Versionshistorik");
  want.push_back("1 Underskrifter");
  CHECK(got == want);
}

TEST_CASE("pdf: every text run lies inside the page margins", "[pdf-output]") {
  for (const auto& xml : agreements()) {
    Rendered r = render_file(xml);
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto style = render::pdf::PdfStyle::load(test::source_dir() / "styles/pdf.xml", sink, sources);
    REQUIRE(style);
    int runs = 0;
    for (std::size_t p = 0; p < r.pdf.layout.pages.size(); ++p) {
      for (const auto& t : r.pdf.layout.pages[p].ops.text) {
        ++runs;
        INFO(xml.filename().string() << " page " << p + 1 << ": \"" << t.text << "\" at " << t.x << "," << t.y);
        CHECK(t.x >= style->margin_left - 0.5f);
        CHECK(t.x + t.width <= style->page_width - style->margin_right + 0.5f);
        CHECK(t.y > 0);
        CHECK(t.y < style->page_height);
      }
    }
    CHECK(runs > 100);
  }
}

TEST_CASE("pdf: the same input gives the same bytes", "[pdf-output]") {
  Rendered a = render_file(test::source_dir() / "content/ostergotland/regional.xml");
  Rendered b = render_file(test::source_dir() / "content/ostergotland/regional.xml");
  CHECK(a.pdf.pdf == b.pdf.pdf);
  CHECK(a.pdf.pdf.size() < 120 * 1024);
}

TEST_CASE("pdf: a writer that remembers lines from earlier documents writes the same bytes", "[pdf-output]") {
  // In a batch each thread's writer keeps the paragraphs it has broken into lines and the
  // fonts it has subset; a
  // local agreement carries its regional agreement's text. Whatever a writer rendered
  // before, the bytes must be those of a fresh writer.
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto compose_file = [&](const fs::path& xml) {
    auto l = test::load_file(xml);
    REQUIRE(l.agreement);
    return compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  };
  const auto regional = compose_file(test::source_dir() / "content/dalarna/regional.xml");
  const auto example = compose_file(test::source_dir() / "docs/examples/exempel.xml");
  auto fresh = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  auto warm = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(fresh);
  REQUIRE(warm);
  (void)warm->render(regional, "a", sink);
  (void)warm->render(example, "b", sink);
  CHECK(warm->render(regional, "a", sink).pdf == fresh->render(regional, "a", sink).pdf);
  auto fresh2 = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(fresh2);
  CHECK(warm->render(example, "b", sink).pdf == fresh2->render(example, "b", sink).pdf);
}

TEST_CASE("pdf: hostile and unusual content still lays out", "[pdf-output]") {
  auto render_xml = [](const std::string& sections, const std::string& back = "") {
    auto l = test::load_string(test::minimal_agreement(sections, "", back));
    REQUIRE(l.agreement);
    REQUIRE_FALSE(l.sink.has_errors());
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
    auto writer = render::pdf::PdfWriter::create(test::resources(), sink, sources);
    REQUIRE(writer);
    return writer->render(doc, "test", sink);
  };
  SECTION("an empty agreement") {
    auto r = render_xml("<section id=\"a\"><heading>Tomt</heading></section>");
    CHECK(r.pages == 3);  // title page, contents, one section
  }
  SECTION("a 2000-row responsibility matrix repeats its header on every page") {
    std::string topics;
    for (int i = 0; i < 2000; ++i) topics += "<topic name=\"Område " + std::to_string(i) + "\"><joint><item>Gemensamt.</item></joint></topic>";
    auto r = render_xml("<section id=\"a\"><heading>A</heading><responsibilities>" + topics + "</responsibilities></section>");
    CHECK(r.pages > 40);
    int headers = 0;
    for (const auto& p : r.layout.pages)
      for (const auto& t : p.ops.text) headers += t.text == "Gemensamt ansvar";
    CHECK(headers == r.pages - 2);
  }
  SECTION("a 50-level nested list stays inside the page") {
    std::string nested;
    for (int i = 0; i < 50; ++i) nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- nivå " + std::to_string(i) + "\n";
    auto r = render_xml("<section id=\"a\"><heading>A</heading><body><![CDATA[\n" + nested + "]]></body></section>");
    for (const auto& p : r.layout.pages)
      for (const auto& t : p.ops.text) CHECK(t.x + t.width <= 595.28f - 64 + 0.5f);
  }
  SECTION("a URL longer than the line is broken, never past the margin") {
    std::string url = "https://example.org/" + std::string(300, 'x') + "/slut";
    auto r = render_xml("<section id=\"a\"><heading>A</heading><body>Se [" + url + "](" + url + ").</body></section>");
    for (const auto& p : r.layout.pages)
      for (const auto& t : p.ops.text) CHECK(t.x + t.width <= 595.28f - 64 + 0.5f);
  }
  SECTION("a paragraph longer than a page") {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "ord" + std::to_string(i) + " ";
    auto r = render_xml("<section id=\"a\"><heading>A</heading><body>" + text + "</body></section>");
    CHECK(r.pages >= 4);
  }
}

// The loader refuses unsafe addresses, but a writer must not trust its Doc: a model built by
// other code (an importer, a test, a future loader) goes through the same check at output.
TEST_CASE("writers drop unsafe link targets even when the Doc carries one", "[pdf-output][html][security]") {
  auto l = test::load_string(test::minimal_agreement(
      "<section id=\"a\"><heading>A</heading><body>Se [rutinen](https://example.org/rutin) och "
      "[sidan](https://example.org/sida).</body></section>"));
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  int replaced = 0;
  std::function<void(model::Inlines&)> poison = [&](model::Inlines& ins) {
    for (auto& in : ins) {
      if (auto* link = std::get_if<model::Link>(&in.node)) {
        if (link->href == "https://example.org/rutin") link->href = "javascript:alert(1)", ++replaced;
        if (link->href == "https://example.org/sida") link->href = " JaVa\tScRiPt:alert(2)", ++replaced;
      }
    }
  };
  for (auto& sec : doc.sections)
    for (auto& b : sec.blocks)
      if (auto* p = std::get_if<model::Paragraph>(&b.node)) poison(p->content);
  REQUIRE(replaced == 2);
  const std::string html = render::html::render_html(doc, test::resources());
  CHECK(html.find("alert(") == std::string::npos);
  CHECK(html.find("Se rutinen och sidan.") != std::string::npos);  // the words stay
  auto writer = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(writer);
  auto r = writer->render(doc, "test", sink);
  for (const auto& page : r.layout.pages)
    for (const auto& link : page.ops.links) CHECK(link.uri.find("alert") == std::string::npos);
  const fs::path pdf = test::temp_dir("unsafe-link") / "a.pdf";
  util::write_file_atomic(pdf, r.pdf);
  std::string qdf;
  REQUIRE(test::run("qpdf --qdf --object-streams=disable " + pdf.string() + " -", &qdf) == 0);
  CHECK(qdf.find("alert(") == std::string::npos);
  CHECK(qdf.find("/URI") == std::string::npos);
}

namespace {

// Builds the example agreement with a style sheet of the test's own (everything else from the
// source tree, copied below `root`): the font tests change only styles/pdf.xml.
struct StyledBuild {
  fs::path root;
  int exit = 0;
  bool written = false;
  diag::DiagnosticSink sink;
};

void build_with_style(StyledBuild& b, const std::string& name, const std::function<std::string(const fs::path&, std::string)>& edit) {
  b.root = test::temp_dir(name);
  fs::copy(test::source_dir() / "templates", b.root / "templates", fs::copy_options::recursive);
  fs::copy(test::source_dir() / "data", b.root / "data", fs::copy_options::recursive);
  fs::create_directories(b.root / "styles");
  fs::copy(test::source_dir() / "styles/agreement.css", b.root / "styles/agreement.css");
  const std::string style = edit(b.root, test::read(test::source_dir() / "styles/pdf.xml"));
  std::ofstream(b.root / "styles/pdf.xml") << style;
  Resources res = Resources::load(b.root);
  PipelineOptions o;
  o.inputs = {test::source_dir() / "docs/examples/exempel.xml"};
  o.output_dir = b.root / "out";
  o.as_of = *util::Date::parse("2026-11-23");
  diag::SourceRegistry sources;
  auto r = build(o, res, b.sink, sources);
  b.exit = exit_code(r, b.sink);
  b.written = !r.written.empty();
}

}  // namespace

TEST_CASE("pdf: a missing font file is a clear error and nothing is written", "[pdf-output]") {
  StyledBuild b;
  build_with_style(b, "missing-font", [](const fs::path&, std::string style) {
    return std::regex_replace(style, std::regex("LiberationSerif-Bold.ttf"), "FinnsInte-Bold.ttf");
  });
  CHECK(b.exit == kExitFindings);
  CHECK_FALSE(b.written);
  CHECK_FALSE(fs::exists(b.root / "out"));
  const diag::Diagnostic* font = nullptr;
  for (const auto& d : b.sink.all()) {
    if (d.rule == "font-missing") font = &d;
  }
  REQUIRE(font);
  CHECK(font->span.line > 0);  // points into styles/pdf.xml
}

TEST_CASE("pdf: a font file that is not a font is a clear error, though fonts are read only when used", "[pdf-output][bad-input]") {
  // Faces are parsed when a document first uses them; the writer still refuses, before
  // anything is written, a style naming a file that is no font (here an unused variant).
  StyledBuild b;
  build_with_style(b, "not-a-font", [](const fs::path& root, std::string style) {
    std::ofstream(root / "styles/inte-ett-typsnitt.ttf") << "<html>404 Not Found</html>";
    style = std::regex_replace(style, std::regex("[^\"]*LiberationMono-BoldItalic.ttf"), (root / "styles/inte-ett-typsnitt.ttf").string());
    REQUIRE(style.find("inte-ett-typsnitt.ttf") != std::string::npos);
    return style;
  });
  CHECK(b.exit == kExitFindings);
  CHECK_FALSE(b.written);
  CHECK_FALSE(fs::exists(b.root / "out"));
  const diag::Diagnostic* found = nullptr;
  for (const auto& d : b.sink.all())
    if (d.rule == "font-missing" && d.arg("path").find("inte-ett-typsnitt") != std::string::npos) found = &d;
  REQUIRE(found);
  // At the line of the family that names the file (the mono family's <family> element).
  const std::string style_text = test::read(b.root / "styles/pdf.xml");
  const auto mono = style_text.find("inte-ett-typsnitt.ttf");
  CHECK(found->span.line > 0);
  CHECK(found->span.line <= static_cast<int>(std::count(style_text.begin(), style_text.begin() + static_cast<std::ptrdiff_t>(mono), '\n')) + 1);
  CHECK(found->span.line >= static_cast<int>(std::count(style_text.begin(), style_text.begin() + static_cast<std::ptrdiff_t>(mono), '\n')) - 6);
}

TEST_CASE("pdf: a colour profile that is missing or no ICC profile is a clear error and nothing is written", "[pdf-output][bad-input]") {
  // PDF/A needs the output intent's profile; a wrong path or a file of another kind is
  // refused before any document is written.
  for (const std::string kind : {"missing", "not-icc"}) {
    StyledBuild b;
    build_with_style(b, "icc-" + kind, [&](const fs::path& root, std::string style) {
      const fs::path bad = root / "styles" / (kind + ".icc");
      if (kind == "not-icc") std::ofstream(bad) << std::string(200, 'x');
      style = std::regex_replace(style, std::regex("/usr/share/color/icc/sRGB.icc"), bad.string());
      REQUIRE(style.find(bad.string()) != std::string::npos);
      return style;
    });
    INFO(kind);
    CHECK(b.exit == kExitFindings);
    CHECK_FALSE(b.written);
    CHECK_FALSE(fs::exists(b.root / "out"));
    const diag::Diagnostic* found = nullptr;
    for (const auto& d : b.sink.all())
      if (d.rule == "icc-profile-missing" && d.arg("path").find(kind + ".icc") != std::string::npos) found = &d;
    REQUIRE(found);
    // At the <output-intent> element's line, where the author fixes it.
    const std::string style_text = test::read(b.root / "styles/pdf.xml");
    const auto element = style_text.find("<output-intent");
    REQUIRE(element != std::string::npos);
    CHECK(found->span.line == static_cast<int>(std::count(style_text.begin(), style_text.begin() + static_cast<std::ptrdiff_t>(element), '\n')) + 1);
  }
}

TEST_CASE("pdf: the PDF is tagged, with every page's content in the structure tree or an artifact", "[pdf-output]") {
  // qpdf reads the file back: the catalog says it is tagged and archivable; every page
  // has its entry in the parent tree, and every link annotation names its Link element.
  StyledBuild b;
  build_with_style(b, "tagged", [](const fs::path&, std::string style) { return style; });
  REQUIRE(b.written);
  QPDF q;
  q.processFile((b.root / "out/exempel.pdf").string().c_str());
  QPDFObjectHandle root = q.getRoot();
  CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
  CHECK(root.getKey("/Lang").getUTF8Value() == "sv-SE");
  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  REQUIRE(tree.isDictionary());
  CHECK(tree.getKey("/K").getKey("/S").getName() == "/Document");
  REQUIRE(root.getKey("/OutputIntents").isArray());
  CHECK(root.getKey("/OutputIntents").getArrayItem(0).getKey("/S").getName() == "/GTS_PDFA1");
  auto stream_text = [](QPDFObjectHandle h) {
    auto data = h.getStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  };
  const std::string xmp = stream_text(root.getKey("/Metadata"));
  CHECK(xmp.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(xmp.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
  CHECK(xmp.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  int pages = 0, links = 0;
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
    QPDFObjectHandle p = page.getObjectHandle();
    ++pages;
    CHECK(p.getKey("/StructParents").isInteger());
    CHECK(p.getKey("/Tabs").getName() == "/S");
    const std::string content = stream_text(p.getKey("/Contents"));
    CHECK(content.find("BDC") != std::string::npos);
    CHECK(content.find("/Artifact BMC") != std::string::npos);  // running header, page number, rules
    QPDFObjectHandle annots = p.getKey("/Annots");
    for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i) {
      QPDFObjectHandle a = annots.getArrayItem(i);
      ++links;
      CHECK(a.getKey("/StructParent").isInteger());
      CHECK_FALSE(a.getKey("/Contents").getUTF8Value().empty());
      CHECK(a.getKey("/F").getIntValue() == 4);
    }
  }
  CHECK(pages > 3);
  CHECK(links > 10);
}

TEST_CASE("pdf: words in another language are a Span with their /Lang", "[pdf-output]") {
  // The example marks three Northern Sami words ([čálli]{lang=se}); the document is Swedish
  // (/Lang sv-SE on the catalog), so a screen reader needs each of them as a Span saying se.
  StyledBuild b;
  build_with_style(b, "lang", [](const fs::path&, std::string style) { return style; });
  REQUIRE(b.written);
  QPDF q;
  q.processFile((b.root / "out/exempel.pdf").string().c_str());
  std::vector<std::string> langs;  // the /Lang of every Span, in reading order
  std::function<void(QPDFObjectHandle)> walk = [&](QPDFObjectHandle k) {
    if (k.isArray()) {
      for (int i = 0; i < k.getArrayNItems(); ++i) walk(k.getArrayItem(i));
      return;
    }
    if (!k.isDictionary() || !k.hasKey("/S")) return;
    if (k.getKey("/S").getName() == "/Span" && k.hasKey("/Lang")) langs.push_back(k.getKey("/Lang").getUTF8Value());
    walk(k.getKey("/K"));
  };
  walk(q.getRoot().getKey("/StructTreeRoot").getKey("/K"));
  CHECK(langs == std::vector<std::string>{"se", "se", "se"});
}
