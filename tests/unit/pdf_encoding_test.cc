// The PDF writer's own encodings: numbers and colours in content streams, one-byte font
// codes and ToUnicode maps, where justified text ends up (re-read from the content
// stream), and the object-stream packer.
#include <catch2/catch.hpp>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "compose/composer.h"
#include "render/pdf/content_stream.h"
#include "render/pdf/font_embed.h"
#include "render/pdf/font_set.h"
#include "render/pdf/pdf_emit.h"
#include "render/pdf/pdf_finish.h"
#include "render/pdf/pdf_links.h"
#include "render/pdf/pdf_objects.h"
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

// A reader's view of a ToUnicode CMap: code -> code point, from bfchar and bfrange.
std::map<unsigned, char32_t> read_to_unicode(const std::string& cmap) {
  std::map<unsigned, char32_t> out;
  auto hex = [](const std::string& s) { return static_cast<unsigned>(std::stoul(s, nullptr, 16)); };
  std::istringstream in(cmap);
  std::string line;
  enum { none, chars, ranges } mode = none;
  while (std::getline(in, line)) {
    if (line.find("beginbfchar") != std::string::npos) mode = chars;
    else if (line.find("beginbfrange") != std::string::npos) mode = ranges;
    else if (line.rfind("end", 0) == 0) mode = none;
    else if (mode != none) {
      std::vector<std::string> v;
      for (std::size_t at = 0; (at = line.find('<', at)) != std::string::npos; ++at) {
        v.push_back(line.substr(at + 1, line.find('>', at) - at - 1));
      }
      if (mode == chars && v.size() == 2) out[hex(v[0])] = hex(v[1]);
      if (mode == ranges && v.size() == 3) {
        for (unsigned c = hex(v[0]); c <= hex(v[1]); ++c) out[c] = hex(v[2]) + (c - hex(v[0]));
      }
    }
  }
  return out;
}

// The tags of a TrueType font's tables.
std::set<std::string> table_tags(const std::string& font) {
  std::set<std::string> out;
  const unsigned n = static_cast<unsigned char>(font.at(4)) << 8 | static_cast<unsigned char>(font.at(5));
  for (unsigned i = 0; i < n; ++i) out.insert(font.substr(12 + 16 * i, 4));
  return out;
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
  double size = 0, tw = 0, rise = 0, line_x = 0, line_y = 0, x = 0;
  std::size_t i = 0;
  auto show = [&](const std::string& bytes) {
    const ContentFont& f = *fonts.at(font);
    const std::size_t step = f.font->one_byte ? 1 : 2;
    for (std::size_t k = 0; k + step <= bytes.size(); k += step) {
      unsigned code = static_cast<unsigned char>(bytes[k]);
      if (step == 2) code = code << 8 | static_cast<unsigned char>(bytes[k + 1]);
      out.push_back(Glyph{font, code, x, line_y + rise});
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
      } else if (op == "Ts") {
        rise = std::stod(operands.at(0));
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

// An agreement of the source tree composed as of 2026-11-23, with a PDF writer for it.
struct Composed {
  explicit Composed(const std::string& file) {
    auto l = test::load_file(test::source_dir() / file);
    REQUIRE(l.agreement);
    doc = compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
    writer = PdfWriter::create(test::resources(), sink, sources);
    REQUIRE(writer);
  }
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  compose::Doc doc;
  std::unique_ptr<PdfWriter> writer;
};

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
  // Every code copies back as the character it draws; consecutive letters share a range.
  const std::string cmap = f.to_unicode_cmap();
  const auto back = read_to_unicode(cmap);
  for (char32_t cp : cps) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(back.at(f.code(cp)) == cp);
  }
  CHECK(back.size() == cps.size());
  CHECK(cmap.find("<6B> <6C> <006B>") != std::string::npos);  // "kl" of "Čohkkiras", "Avtal"
  // The program embedded holds no table a PDF reader does not use for a CID font.
  const auto tags = table_tags(f.font_file);
  for (const char* t : {"glyf", "loca", "head", "hhea", "hmtx", "maxp"}) CHECK(tags.count(t) == 1);
  for (const char* t : {"cmap", "name", "post", "GSUB", "GPOS", "kern"}) CHECK(tags.count(t) == 0);
  CHECK(f.base_name.size() > 7);
  CHECK(f.base_name[6] == '+');
  CHECK(f.base_name.substr(7) == "LiberationSerif");
  // Widths by CID (= code) up to the highest code in use.
  CHECK(f.cid_widths().at('A') == f.code_width('A'));
}

TEST_CASE("pdf encoding: a document's fonts share one set of codes and one ToUnicode map", "[pdf-encoding]") {
  const PdfStyle st = style();
  FontSet fonts(st);
  const auto serif_cps = codepoints(" Läs § 1–3");
  const auto bold_cps = codepoints(" ÖK Åre är");
  std::set<char32_t> all = serif_cps;
  all.insert(bold_cps.begin(), bold_cps.end());
  const auto shared = one_byte_codes(all);
  REQUIRE(shared.size() == all.size());
  CHECK(shared.at('L') == 'L');
  CHECK(shared.at(U'Å') >= 0x80);
  EmbeddedFont serif, bold;
  const FaceKey sk = fonts.key("serif", false, false), bk = fonts.key("serif", true, false);
  REQUIRE(prepare_embedded_font(fonts.face(sk).subset(serif_cps), serif_cps, serif, &shared));
  REQUIRE(prepare_embedded_font(fonts.face(bk).subset(bold_cps), bold_cps, bold, &shared));
  CHECK(serif.code(U'ä') == bold.code(U'ä'));
  CHECK(serif.to_unicode_cmap() == bold.to_unicode_cmap());
  CHECK(read_to_unicode(serif.to_unicode_cmap()).at(shared.at(U'Ö')) == U'Ö');
  // Each font still draws only its own glyphs: a character it lacks has none.
  CHECK(serif.code_glyphs.at(shared.at(U'Ö')) == 0);
  CHECK(bold.code_glyphs.at(shared.at(U'Ö')) != 0);
  // A shared table must hold the font's characters.
  EmbeddedFont other;
  CHECK_FALSE(prepare_embedded_font(fonts.face(sk).subset(codepoints("xyz")), codepoints("xyz"), other, &shared));
  // More characters than free bytes: no shared table, each font on its own.
  std::set<char32_t> many;
  for (char32_t cp = 0x100; cp < 0x1C0; ++cp) many.insert(cp);
  CHECK(one_byte_codes(many).empty());
}

TEST_CASE("pdf encoding: table borders and bars are drawn as few segments as the same ink allows",
          "[pdf-encoding]") {
  // Two cells of one row, each with its four sides (as the paginator draws them), and a
  // quote bar drawn line by line.
  const Color c{0.5f, 0.5f, 0.5f};
  std::vector<RuleOp> in = {
      {0, 0, 100, 0, 0.5f, c},   {0, 20, 100, 20, 0.5f, c},  {0, 0, 0, 20, 0.5f, c},     {100, 0, 100, 20, 0.5f, c},
      {100, 0, 200, 0, 0.5f, c}, {100, 20, 200, 20, 0.5f, c}, {100, 0, 100, 20, 0.5f, c}, {200, 0, 200, 20, 0.5f, c},
      {300, 0, 300, 14, 0.5f, c}, {300, 14, 300, 28, 0.5f, c}, {300, 40, 300, 50, 0.5f, c},
      {0, 60, 10, 70, 0.5f, c},
  };
  const auto out = merge_rules(in.data(), in.data() + in.size());
  auto has = [&](float x1, float y1, float x2, float y2) {
    for (const auto& r : out) {
      if (r.x1 == x1 && r.y1 == y1 && r.x2 == x2 && r.y2 == y2) return true;
    }
    return false;
  };
  CHECK(out.size() == 8);
  CHECK(has(0, 0, 200, 0));     // the row's top, across both cells
  CHECK(has(0, 20, 200, 20));   // its bottom
  CHECK(has(100, 0, 100, 20));  // the shared side, once
  CHECK(has(300, 0, 300, 28));  // the bar's touching pieces joined ...
  CHECK(has(300, 40, 300, 50)); // ... a gap kept
  CHECK(has(0, 60, 10, 70));    // a slanted rule as it was
  // Segments given backwards are the same ink.
  std::vector<RuleOp> back = {{50, 5, 0, 5, 1, c}, {50, 5, 80, 5, 1, c}};
  const auto joined = merge_rules(back.data(), back.data() + back.size());
  REQUIRE(joined.size() == 1);
  CHECK((joined[0].x1 == 0 && joined[0].x2 == 80));
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
  // The width written for a code is the glyph's advance as the font itself gives it (read
  // through HarfBuzz, not through the table code_width reads), in 1/1000 em.
  for (char32_t cp : {U'a', U' ', char32_t{0x416}, char32_t{0x141}}) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    const long expected = std::lround(fonts.face(serif).advance(cp) * 1000.0);
    CHECK(expected > 0);
    CHECK(std::abs(f.code_width(f.code(cp)) - expected) <= 1);
  }
}

TEST_CASE("pdf encoding: every run of a real agreement lands where the layout put it", "[pdf-encoding]") {
  Composed c("content/dalarna/regional.xml");
  const PdfResult r = c.writer->render(c.doc, "dalarna", c.sink);

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
  std::size_t runs = 0, spaces = 0, rises = 0;
  double worst = 0;
  for (const auto& page : r.layout.pages) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < content.size(); ++i) names.push_back("F" + std::to_string(i + 1));
    const std::string s = page_content(page.ops, r.layout.height, table, names);
    for (std::size_t at = 0; (at = s.find(" Ts\n", at)) != std::string::npos; ++at) ++rises;
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
  CHECK(rises > 20);    // note numbers are raised on their line (Ts), not moved to (Td)
  CHECK(worst < 0.06);   // no run is more than 0.06 pt from its place
}

TEST_CASE("pdf encoding: the packer keeps every object and page, and refuses what it cannot read",
          "[pdf-encoding]") {
  Composed c("docs/examples/exempel.xml");
  const PdfResult r = c.writer->render(c.doc, "exempel", c.sink);
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

TEST_CASE("pdf encoding: the output intent's profile, compressed once per writer, reads back as the file",
          "[pdf-encoding]") {
  Composed c("docs/examples/exempel.xml");
  std::string icc;
  REQUIRE(read_icc_profile(style().icc_profile, icc));
  // Twice from one writer: the second document gets the same compressed stream.
  for (int round = 0; round < 2; ++round) {
    const std::string pdf = c.writer->render(c.doc, "exempel", c.sink).pdf;
    QPDF q;
    q.processMemoryFile("icc", pdf.data(), pdf.size());
    QPDFObjectHandle intents = q.getRoot().getKey("/OutputIntents");
    REQUIRE(intents.isArray());
    REQUIRE(intents.getArrayNItems() == 1);
    QPDFObjectHandle profile = intents.getArrayItem(0).getKey("/DestOutputProfile");
    REQUIRE(profile.isStream());
    CHECK(profile.getDict().getKey("/Filter").getName() == "/FlateDecode");
    CHECK(profile.getDict().getKey("/N").getIntValue() == 3);
    CHECK(profile.getStreamData(qpdf_dl_all)->getSize() == icc.size());
    const auto data = profile.getStreamData(qpdf_dl_all);
    CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) == icc);
  }
}

TEST_CASE("pdf encoding: with a core to spare, packing on two threads gives the same bytes", "[pdf-encoding]") {
  Composed c("docs/examples/exempel.xml");
  const std::string one = c.writer->render(c.doc, "exempel", c.sink).pdf;
  const std::string two = c.writer->render(c.doc, "exempel", c.sink, false, true).pdf;
  CHECK(one.size() > 10000);
  CHECK(one == two);
  // A stream the packer cannot read (its length is not a reference) is an error on either
  // thread, and the helper is joined before it reaches the caller.
  const std::string head = "%PDF-1.3\n", object = "1 0 obj\n<< /Length 3 >>\nstream\r\nabc\nendstream\nendobj\n";
  const std::string bad = head + object + "xref\n0 2\n0000000000 65535 f\r\n0000000009 00000 n\r\n" +
                          "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n" + std::to_string(head.size() + object.size()) +
                          "\n%%EOF\n";
  CHECK_THROWS_WITH(finish_pdf(bad, {}, nullptr, true), Catch::Contains("length is not a reference"));
  CHECK_THROWS_WITH(finish_pdf(bad, {}, nullptr, false), Catch::Contains("length is not a reference"));
}

TEST_CASE("pdf encoding: link annotations and text strings written beside libharu read back as written",
          "[pdf-encoding]") {
  PageAnnot web;
  web.rect[0] = 72, web.rect[1] = 700, web.rect[2] = 210, web.rect[3] = 716;
  web.uri = "https://example.se/a(b)c\\d";
  web.struct_parent = 3;
  web.contents = "Förhållandet (se 2.1) ✓";  // the check mark is outside PDFDocEncoding
  QPDFObjectHandle a = QPDFObjectHandle::parse(link_annotation(web));
  CHECK(a.getKey("/Subtype").getName() == "/Link");
  CHECK(a.getKey("/F").getIntValue() == 4);
  CHECK(a.getKey("/Rect").getArrayNItems() == 4);
  CHECK(a.getKey("/Rect").getArrayItem(2).getIntValue() == 210);
  CHECK(a.getKey("/A").getKey("/S").getName() == "/URI");
  CHECK(a.getKey("/A").getKey("/URI").getStringValue() == web.uri);
  CHECK(a.getKey("/StructParent").getIntValue() == 3);
  CHECK(a.getKey("/Contents").getUTF8Value() == web.contents);
  CHECK_FALSE(a.hasKey("/Dest"));

  PageAnnot outside;  // a link with no element in the tree: no key, no text
  outside.uri = "https://example.se/";
  QPDFObjectHandle b = QPDFObjectHandle::parse(link_annotation(outside));
  CHECK_FALSE(b.hasKey("/StructParent"));
  CHECK_FALSE(b.hasKey("/Contents"));

  std::string latin;
  append_text_string(latin, "Överenskommelse (länet) \\ slut");
  CHECK(latin.front() == '(');  // Latin-1 text stays a literal string, its delimiters escaped
  CHECK(QPDFObjectHandle::parse(latin).getUTF8Value() == "Överenskommelse (länet) \\ slut");
}

TEST_CASE("pdf encoding: the packer puts replacements in place and refuses one for an object libharu did not write",
          "[pdf-encoding]") {
  const std::string head = "%PDF-1.3\n", object = "1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  const std::string pdf = head + object + "xref\n0 2\n0000000000 65535 f\r\n0000000009 00000 n\r\n" +
                          "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n" + std::to_string(head.size() + object.size()) +
                          "\n%%EOF\n";
  RawObjects raw;
  raw.first = 2;
  raw.replaced.emplace_back(1, "<</Type/Catalog/Lang(sv-SE)>>");
  const std::string packed = finish_pdf(pdf, {}, &raw);
  QPDF q;
  q.processMemoryFile("packed", packed.data(), packed.size());
  CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "sv-SE");
  raw.replaced.emplace_back(7, "<<>>");
  CHECK_THROWS_WITH(finish_pdf(pdf, {}, &raw), Catch::Contains("replaces none"));
  raw.replaced.back().first = 1;  // the catalog twice: one body would be lost
  CHECK_THROWS_WITH(finish_pdf(pdf, {}, &raw), Catch::Contains("replaced twice"));
}
