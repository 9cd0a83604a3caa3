// The PDF writer's own encodings: numbers and colours in content streams, one-byte font
// codes and ToUnicode maps, where justified text ends up (re-read from the content
// stream), and the object-stream packer.
#include <catch2/catch.hpp>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cmath>
#include <map>
#include <set>

#include "compose/composer.h"
#include "render/pdf/content_stream.h"
#include "render/pdf/font_embed.h"
#include "render/pdf/font_set.h"
#include "render/pdf/pdf_emit.h"
#include "render/pdf/pdf_finish.h"
#include "render/pdf/pdf_style.h"
#include "render/pdf/pdf_writer.h"
#include "support/test_support.h"

using namespace okgen;
using namespace okgen::render::pdf;

namespace {

PdfStyle style() {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto s = PdfStyle::load(test::resources().styles_dir() / "pdf.xml", sink, sources);
  REQUIRE(s);
  return *s;
}

std::set<char32_t> codepoints(const std::string& utf8) {
  std::set<char32_t> out;
  for (std::size_t i = 0; i < utf8.size();) out.insert(next_codepoint(utf8, i));
  return out;
}

EmbeddedFont embed(FontSet& fonts, FaceKey key, const std::set<char32_t>& cps) {
  EmbeddedFont f;
  REQUIRE(prepare_embedded_font(fonts.face(key).subset(cps), cps, f));
  return f;
}

// A reader's view of a content stream: where each glyph code lands on the baseline.
struct Glyph {
  std::string font;
  unsigned code;
  double x, y;
};

std::vector<Glyph> interpret(const std::string& s, const std::map<std::string, const ContentFont*>& fonts) {
  std::vector<Glyph> out;
  std::vector<std::string> operands;
  std::string font;
  double size = 0, tw = 0, line_x = 0, line_y = 0, x = 0;
  std::size_t i = 0;
  auto show = [&](const std::string& bytes) {
    const ContentFont& f = *fonts.at(font);
    const std::size_t step = f.font->one_byte ? 1 : 2;
    for (std::size_t k = 0; k + step <= bytes.size(); k += step) {
      unsigned code = static_cast<unsigned char>(bytes[k]);
      if (step == 2) code = code << 8 | static_cast<unsigned char>(bytes[k + 1]);
      out.push_back(Glyph{font, code, x, line_y});
      x += f.font->code_width(static_cast<std::uint16_t>(code)) * size / 1000.0;
      if (step == 1 && code == 32) x += tw;
    }
  };
  auto literal = [&]() {
    std::string bytes;
    ++i;  // (
    for (int depth = 1; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\') {
        char n = s[++i];
        bytes.push_back(n == 'r' ? '\r' : n == 'n' ? '\n' : n);
      } else if (c == '(') {
        ++depth;
        bytes.push_back(c);
      } else if (c == ')') {
        if (--depth == 0) {
          ++i;
          break;
        }
        bytes.push_back(c);
      } else {
        bytes.push_back(c);
      }
    }
    return bytes;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\n') {
      ++i;
    } else if (c == '/') {
      std::size_t e = s.find_first_of(" \n", i);
      operands.push_back(s.substr(i + 1, e - i - 1));
      i = e;
    } else if (c == '[') {
      ++i;
      while (i < s.size() && s[i] != ']') {
        if (s[i] == '(') {
          show(literal());
        } else if (s[i] == ' ') {
          ++i;
        } else {
          std::size_t e = s.find_first_of("( ]", i);
          x -= std::stod(s.substr(i, e - i)) * size / 1000.0;
          i = e;
        }
      }
      ++i;
    } else if (c == '(') {
      show(literal());
    } else if ((c >= '0' && c <= '9') || c == '-' || c == '.') {
      std::size_t e = s.find_first_of(" \n", i);
      operands.push_back(s.substr(i, e - i));
      i = e;
    } else {
      std::size_t e = s.find_first_of(" \n", i);
      const std::string op = s.substr(i, e - i);
      i = e;
      if (op == "Tf") {
        font = operands.at(0);
        size = std::stod(operands.at(1));
      } else if (op == "Tw") {
        tw = std::stod(operands.at(0));
      } else if (op == "Td") {
        line_x += std::stod(operands.at(0));
        line_y += std::stod(operands.at(1));
        x = line_x;
      } else if (op == "BT") {
        line_x = line_y = x = 0;
      }
      operands.clear();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("pdf encoding: numbers have at most two decimals and no trailing zeros", "[pdf-encoding]") {
  auto n = [](double v) {
    std::string s;
    append_number(s, v);
    return s;
  };
  CHECK(n(12.5) == "12.5");
  CHECK(n(-3) == "-3");
  CHECK(n(0.07) == "0.07");
  CHECK(n(0.004) == "0");
  CHECK(n(733.9249) == "733.92");
  CHECK(n(-0.5) == "-0.5");
  std::string c;
  append_color(c, Color{0.2f, 0.2f, 0.2f}, false);
  CHECK(c == "0.2 g\n");
  c.clear();
  append_color(c, Color{0.043f, 0.31f, 0.486f}, true);
  CHECK(c == "0.043 0.31 0.486 RG\n");
}

TEST_CASE("pdf encoding: ASCII keeps its byte, other letters get free bytes, the map goes back to Unicode",
          "[pdf-encoding]") {
  const PdfStyle st = style();
  FontSet fonts(st);
  const FaceKey serif = fonts.key("serif", false, false);
  const auto cps = codepoints(" Avtal (ÖK) för Čohkkiras, ŋ ž – “citat” §");
  const EmbeddedFont f = embed(fonts, serif, cps);
  REQUIRE(f.one_byte);
  CHECK(f.code('A') == 'A');
  CHECK(f.code(' ') == ' ');
  CHECK(f.code('(') == '(');
  for (char32_t cp : {U'Ö', U'Č', U'ŋ', U'–', U'§'}) {
    const auto code = f.code(cp);
    CHECK(code != 0);
    CHECK((code >= 0x80 || code < 0x20));
    CHECK(code != '\r');
    CHECK(code != '\n');
  }
  // Widths as a reader computes them from /W, in 1/1000 em.
  CHECK(std::abs(f.code_width(f.code('A')) - fonts.face(serif).advance('A') * 1000) <= 0.5);
  const std::string cmap = f.to_unicode_cmap();
  CHECK(cmap.find("<41> <0041>") != std::string::npos);
  char line[32];
  std::snprintf(line, sizeof line, "<%02X> <010C>", static_cast<unsigned>(f.code(U'Č')));
  CHECK(cmap.find(line) != std::string::npos);
  CHECK(f.base_name.size() > 7);
  CHECK(f.base_name[6] == '+');
  CHECK(f.base_name.substr(7) == "LiberationSerif");
  // Widths by CID (= code) up to the highest code in use.
  CHECK(f.cid_widths().at('A') == f.code_width('A'));
}

TEST_CASE("pdf encoding: a font with more letters than free bytes uses two-byte glyph ids", "[pdf-encoding]") {
  const PdfStyle st = style();
  FontSet fonts(st);
  const FaceKey serif = fonts.key("serif", false, false);
  std::set<char32_t> cps = codepoints("abc ");
  for (char32_t cp = 0x100; cp < 0x180; ++cp) cps.insert(cp);  // Latin Extended-A
  for (char32_t cp = 0x410; cp < 0x450; ++cp) cps.insert(cp);  // Cyrillic
  const EmbeddedFont f = embed(fonts, serif, cps);
  CHECK_FALSE(f.one_byte);
  CHECK(f.code('a') > 0);
  CHECK(f.to_unicode_cmap().find("<0000> <FFFF>") != std::string::npos);
  CHECK(f.code_width(f.code('a')) == f.widths.at(f.code('a')));
}

TEST_CASE("pdf encoding: every run of a real agreement lands where the layout put it", "[pdf-encoding]") {
  auto l = test::load_file(test::source_dir() / "content/dalarna/regional.xml");
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  const auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  auto writer = PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(writer);
  const PdfResult r = writer->render(doc, "dalarna", sink);

  const PdfStyle st = style();
  FontSet fonts(st);
  std::vector<EmbeddedFont> embedded;
  std::vector<FaceKey> keys;
  for (const auto& [key, cps] : drawn_glyphs(r.layout)) {
    std::set<char32_t> with_space = cps;
    with_space.insert(' ');
    embedded.push_back(embed(fonts, key, with_space));
    keys.push_back(key);
  }
  std::vector<ContentFont> content(embedded.size());
  FontTable table(16, nullptr);
  std::map<std::string, const ContentFont*> by_name;
  for (std::size_t i = 0; i < embedded.size(); ++i) {
    content[i].font = &embedded[i];
    content[i].index = i;
    index_glyphs(content[i]);
    table[keys[i].index()] = &content[i];
    by_name["F" + std::to_string(i + 1)] = &content[i];
  }
  std::size_t runs = 0, spaces = 0;
  double worst = 0;
  for (const auto& page : r.layout.pages) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < content.size(); ++i) names.push_back("F" + std::to_string(i + 1));
    const std::string s = page_content(page.ops, r.layout.height, table, names);
    const auto glyphs = interpret(s, by_name);
    std::size_t g = 0;
    for (const auto& t : page.ops.text) {
      const ContentFont* f = table[t.face.index()];
      if (t.text.empty()) continue;
      std::size_t i = 0;
      const unsigned first = f->bmp[next_codepoint(t.text, i)];
      // Spaces the writer put between words are not in the runs.
      while (g < glyphs.size() && glyphs[g].code != first && glyphs[g].code == ' ') {
        ++g;
        ++spaces;
      }
      REQUIRE(g < glyphs.size());
      CHECK(glyphs[g].code == first);
      worst = std::max(worst, std::abs(glyphs[g].x - t.x));
      CHECK(std::abs(glyphs[g].y - (r.layout.height - t.y)) < 0.011);
      ++runs;
      for (std::size_t k = 0; k < t.text.size();) {
        next_codepoint(t.text, k);
        ++g;
      }
    }
  }
  INFO("runs " << runs << ", spaces added " << spaces << ", worst offset " << worst << " pt");
  CHECK(runs > 1000);
  CHECK(spaces > 300);  // justified lines carry real spaces
  CHECK(worst < 0.06);   // no run is more than 0.06 pt from its place
}

TEST_CASE("pdf encoding: the packer keeps every object and page, and refuses what it cannot read",
          "[pdf-encoding]") {
  auto l = test::load_file(test::source_dir() / "docs/examples/exempel.xml");
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  const auto doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  auto writer = PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(writer);
  const PdfResult r = writer->render(doc, "exempel", sink);
  const std::string& pdf = r.pdf;
  CHECK(pdf.rfind("%PDF-1.6\n", 0) == 0);
  CHECK(pdf.find("/Type /ObjStm") != std::string::npos);
  CHECK(pdf.find("/Type /XRef") != std::string::npos);
  CHECK(pdf.find("\nxref\n") == std::string::npos);  // no classic table left
  QPDF q;
  q.processMemoryFile("packed", pdf.data(), pdf.size());
  CHECK(static_cast<int>(QPDFPageDocumentHelper(q).getAllPages().size()) == r.pages);
  for (auto& obj : q.getAllObjects()) CHECK_FALSE(obj.isNull());
  CHECK(q.getTrailer().getKey("/ID").isArray());

  CHECK_THROWS_AS(finish_pdf(""), PdfError);
  CHECK_THROWS_AS(finish_pdf("%PDF-1.3\nnot a pdf\n"), PdfError);
  CHECK_THROWS_AS(finish_pdf(pdf.substr(0, pdf.size() / 2)), PdfError);
  CHECK_THROWS_AS(finish_pdf("%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f\r\n"
                             "0000000009 00000 n\r\ntrailer\n<< /Size 2 >>\nstartxref\n29\n%%EOF\n"),
                  PdfError);  // no catalog
}
