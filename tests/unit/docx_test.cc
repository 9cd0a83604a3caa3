// The DOCX writer: the zip container (read back with libzip), determinism, bookmark names,
// and the redline's promise that accepting every change gives the new text and rejecting
// every change the old, on documents built to exercise each kind of change.
// (tests/docx/ reads the written files with python-docx, pandoc and LibreOffice.)
#include <catch2/catch.hpp>
#include <zip.h>

#include <algorithm>
#include <map>
#include <set>

#include "compose/composer.h"
#include "render/docx/docx_body.h"
#include "render/docx/docx_redline.h"
#include "render/docx/docx_writer.h"
#include "import/zip_reader.h"
#include "support/test_support.h"
#include "util/zip_writer.h"

using namespace okgen;
using namespace okgen::render::docx;

namespace {

compose::Doc doc_of(const std::string& sections,
                    const std::string& references = R"(<law-ref id="sol" law="SoL" sfs="2025:400"/>)") {
  auto l = test::load_string(test::minimal_agreement(sections, "", "<legal-references>" + references + "</legal-references>"));
  REQUIRE(l.agreement);
  diag::DiagnosticSink sink;
  return compose::compose(*l.agreement, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
}

// The text a reader sees after accepting (or rejecting) every change: one line per
// paragraph that survives, in order; table cells are paragraphs too. A footnote reference
// reads "[*]" and the footnotes follow the body in the order of the references that
// survive, as Word shows them (a footnote goes with its reference).
std::vector<std::string> reviewed(const Body& b, bool accept) {
  std::vector<std::string> out;
  std::vector<std::string> cited;
  auto kept = [&](Rev r) {
    if (r == Rev::none) return true;
    const bool added = r == Rev::ins || r == Rev::move_to;
    return accept ? added : !added;
  };
  auto para = [&](const Para& p) {
    std::string s;
    for (const auto& t : p.toks) {
      if (!kept(t.rev)) continue;
      if (t.kind == Tok::Kind::note_ref) cited.push_back(t.note);
      s += t.kind == Tok::Kind::note_ref || t.kind == Tok::Kind::note_again ? "[*]" : t.text;
    }
    if (!kept(p.rev) && s.empty()) return;  // the paragraph and its mark are gone
    if (!s.empty()) out.push_back(s);
  };
  for (const auto& it : b.items) {
    if (const auto* p = std::get_if<Para>(&it)) para(*p);
    if (const auto* t = std::get_if<Table>(&it))
      for (const auto& r : t->rows) {
        if (!kept(r.rev)) continue;
        for (const auto& c : r.cells)
          for (const auto& p : c.paras) para(p);
      }
  }
  for (const auto& id : cited) {
    auto note = std::find_if(b.notes.begin(), b.notes.end(), [&](const auto& n) { return n.first == id; });
    if (note == b.notes.end()) {
      out.push_back("fotnot saknas: " + id);
      continue;
    }
    out.push_back("fotnot:");
    for (const auto& p : note->second) para(p);
  }
  return out;
}

std::vector<std::string> text_of(const Body& b) { return reviewed(b, true); }

BodyGeometry geometry() {
  BodyGeometry g;
  g.group_roles = {"validity", "follow-up", "sip-routine", "routine"};
  return g;
}

std::size_t count_rev(const Body& b, Rev rev) {
  std::size_t n = 0;
  for (const auto& it : b.items)
    if (const auto* p = std::get_if<Para>(&it)) n += p->rev == rev;
  return n;
}

}  // namespace

TEST_CASE("zip packages are deterministic and read back with every entry", "[docx]") {
  const std::vector<util::ZipEntry> entries = {{"[Content_Types].xml", "<Types/>"},
                                               {"word/document.xml", std::string(50000, 'x') + "slut"},
                                               {"docProps/core.xml", "åäö"}};
  const std::string a = util::zip_package(entries);
  CHECK(a == util::zip_package(entries));
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(a.data(), a.size(), 0, &err);
  REQUIRE(src);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  REQUIRE(z);
  REQUIRE(zip_get_num_entries(z, 0) == 3);
  CHECK(std::string(zip_get_name(z, 0, 0)) == "[Content_Types].xml");
  for (zip_int64_t i = 0; i < 3; ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f);
    CHECK(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    CHECK(data == entries[static_cast<std::size_t>(i)].data);
  }
  zip_close(z);
}

TEST_CASE("bookmark names are Word names, stable, and distinct for distinct ids", "[docx]") {
  CHECK(bookmark_name("malgrupp") == "_malgrupp");
  CHECK(bookmark_name("sip-rutin") == "_sip_rutin");
  CHECK(bookmark_name("målgrupp") != bookmark_name("mälgrupp"));
  CHECK(bookmark_name(std::string(80, 'a')).size() <= 40);
  CHECK(bookmark_name(std::string(80, 'a')) != bookmark_name(std::string(79, 'a') + "b"));
  CHECK(bookmark_name("å") == bookmark_name("å"));
}

TEST_CASE("the body follows the document: title page, contents field, numbered headings, notes", "[docx]") {
  const compose::Doc d = doc_of(
      R"(<section id="a"><heading>Inledning</heading><body>Se lagen[^sol] och igen[^sol].

- ett
- två</body></section>)");
  const Body b = build_body(d, test::resources().labels, geometry());
  const auto lines = text_of(b);
  REQUIRE(!lines.empty());
  CHECK(std::find(lines.begin(), lines.end(), "1 Inledning") != lines.end());
  bool toc_field = false, heading = false, numbered = false;
  int refs = 0, again = 0;
  for (const auto& it : b.items) {
    const auto* p = std::get_if<Para>(&it);
    if (!p) continue;
    for (const auto& t : p->toks) {
      toc_field = toc_field || (t.kind == Tok::Kind::field_begin && t.text.find("TOC") != std::string::npos);
      refs += t.kind == Tok::Kind::note_ref;
      again += t.kind == Tok::Kind::note_again;
    }
    heading = heading || (p->style == "Heading1" && p->bookmark == "a");
    numbered = numbered || (p->num > 0 && p->style == "ListParagraph");
  }
  CHECK(toc_field);
  CHECK(heading);
  CHECK(numbered);
  CHECK(refs == 1);   // one footnote ...
  CHECK(again == 1);  // ... cited twice
  CHECK(b.notes.size() == 1);
}

TEST_CASE("accepting every change gives the new text, rejecting every change the old", "[docx]") {
  const std::string old_sections =
      R"(<section id="a"><heading>Inledning</heading><body>Parterna ska samverka kring den enskilde så att insatserna hänger ihop.

Detta stycke flyttas till slutet av dokumentet utan att ändras alls.

Ett stycke som tas bort helt och hållet i den nya versionen.</body></section>
<section id="b"><heading>Ansvar</heading><body>1. Kommunen svarar för boendestöd.
2. Regionen svarar för psykiatrisk vård.</body></section>
<section id="c"><heading>Uppföljning</heading><body>Överenskommelsen följs upp varje år.</body></section>)";
  const std::string new_sections =
      R"(<section id="a"><heading>Inledning och syfte</heading><body>Parterna ska samverka kring den enskilde så att alla insatser hänger ihop väl.

Ett helt nytt stycke om brukarnas delaktighet.</body></section>
<section id="b"><heading>Ansvar</heading><body>1. Kommunen svarar för boendestöd och sysselsättning.
2. Regionen svarar för psykiatrisk vård.
3. Båda svarar för SIP.</body></section>
<section id="d"><heading>Tvister</heading><body>Tvister löses i första hand lokalt.</body></section>
<section id="c"><heading>Uppföljning</heading><body>Överenskommelsen följs upp vartannat år.

Detta stycke flyttas till slutet av dokumentet utan att ändras alls.</body></section>)";
  const Resources& res = test::resources();
  const Body old_body = build_body(doc_of(old_sections), res.labels, geometry());
  const Body new_body = build_body(doc_of(new_sections), res.labels, geometry());
  const Body red = redline_body(old_body, new_body);
  CHECK(reviewed(red, true) == text_of(new_body));
  CHECK(reviewed(red, false) == text_of(old_body));
  CHECK(count_rev(red, Rev::move_from) == 1);
  CHECK(count_rev(red, Rev::move_to) == 1);
  CHECK(count_rev(red, Rev::del) >= 1);  // the removed paragraph
  CHECK(count_rev(red, Rev::ins) >= 2);  // the new paragraph, the new section
  // A reworded paragraph is one paragraph with word changes, not a delete and an insert.
  bool word_level = false;
  for (const auto& it : red.items)
    if (const auto* p = std::get_if<Para>(&it); p && p->rev == Rev::none) {
      bool ins = false, del = false;
      for (const auto& t : p->toks) ins |= t.rev == Rev::ins, del |= t.rev == Rev::del;
      word_level = word_level || (ins && del);
    }
  CHECK(word_level);
  // Bookmarks stay unique (a changed heading is in the redline twice).
  std::set<std::string> marks;
  for (const auto& it : red.items)
    if (const auto* p = std::get_if<Para>(&it); p && !p->bookmark.empty()) CHECK(marks.insert(p->bookmark).second);
}

TEST_CASE("footnotes are tracked too: reworded, added with their reference, removed with it, cited elsewhere", "[docx]") {
  // Old: SoL's note cited in a kept sentence, LSS's in a sentence that goes, HSL's in a
  // sentence that is rewritten so the citation moves into new words. New: SoL's wording
  // changes (another SFS number and a link), LSS gone, a new note for PBL.
  const std::string old_refs =
      R"(<law-ref id="sol" law="SoL" sfs="2001:453"/><law-ref id="lss" law="LSS" sfs="1993:387"/>)"
      R"(<law-ref id="hsl" law="HSL" sfs="2017:30"/>)";
  const std::string new_refs =
      R"(<law-ref id="sol" law="SoL" sfs="2025:400"/><law-ref id="hsl" law="HSL" sfs="2017:30"/>)"
      R"(<law-ref id="pbl" law="PBL" sfs="2010:900"/>)";
  const std::string old_sections =
      R"(<section id="a"><heading>Lagar</heading><body>Kommunen har ansvar enligt socialtjänstlagen[^sol].

Stöd till personer med funktionsnedsättning ges enligt en egen lag[^lss].

Regionen ansvarar för vården enligt hälso- och sjukvårdslagen[^hsl] som förr.</body></section>)";
  const std::string new_sections =
      R"(<section id="a"><heading>Lagar</heading><body>Kommunen har ansvar enligt socialtjänstlagen[^sol].

Vårdens ansvar följer av hälso- och sjukvårdslagen[^hsl], i allt väsentligt oförändrat sedan 2017 och utan undantag.

Boendefrågor kan också beröra plan- och bygglagen[^pbl].</body></section>)";
  const Resources& res = test::resources();
  const Body old_body = build_body(doc_of(old_sections, old_refs), res.labels, geometry());
  const Body new_body = build_body(doc_of(new_sections, new_refs), res.labels, geometry());
  REQUIRE(old_body.notes.size() == 3);
  REQUIRE(new_body.notes.size() == 3);
  const Body red = redline_body(old_body, new_body);
  CHECK(reviewed(red, true) == text_of(new_body));
  CHECK(reviewed(red, false) == text_of(old_body));
  // Every footnote of the redline has exactly one reference (Word's rule).
  std::map<std::string, int> refs;
  for (const auto& it : red.items)
    if (const auto* p = std::get_if<Para>(&it))
      for (const auto& t : p->toks)
        if (t.kind == Tok::Kind::note_ref) ++refs[t.note];
  for (const auto& n : red.notes) CHECK(refs[n.first] == 1);
  CHECK(refs.size() == red.notes.size());
  // SoL's note is one footnote with its changed number tracked inside it.
  auto note = [&](const std::string& id) -> const std::vector<Para>& {
    auto it = std::find_if(red.notes.begin(), red.notes.end(), [&](const auto& n) { return n.first == id; });
    REQUIRE(it != red.notes.end());
    return it->second;
  };
  bool ins = false, del = false;
  for (const auto& p : note("sol"))
    for (const auto& t : p.toks) ins |= t.rev == Rev::ins, del |= t.rev == Rev::del;
  CHECK((ins && del));
  for (const auto& t : note("lss").front().toks) CHECK(t.rev == Rev::del);
  for (const auto& t : note("pbl").front().toks) CHECK(t.rev == Rev::ins);
  // HSL's citation left a deleted sentence for an inserted one: two footnotes, old and new.
  for (const auto& t : note("hsl~old").front().toks) CHECK(t.rev == Rev::del);
  for (const auto& t : note("hsl").front().toks) CHECK(t.rev == Rev::ins);
}

TEST_CASE("tables are compared row by row and cell by cell", "[docx]") {
  auto matrix = [](const std::string& rows) {
    return R"(<section id="ansvar"><heading>Ansvar</heading><responsibilities>)" + rows + "</responsibilities></section>";
  };
  const std::string old_rows =
      R"(<topic name="Boende"><municipality><item>Boendestöd</item></municipality><region><item>Psykiatri</item></region></topic>
<topic name="Sysselsättning"><municipality><item>Daglig sysselsättning</item></municipality></topic>
<topic name="Missbruk"><joint><item>Gemensam mottagning</item></joint></topic>)";
  const std::string new_rows =
      R"(<topic name="Boende"><municipality><item>Boendestöd i hemmet</item></municipality><region><item>Psykiatri</item></region></topic>
<topic name="Missbruk"><joint><item>Gemensam mottagning</item></joint></topic>
<topic name="Somatik"><region><item>Primärvård</item></region></topic>)";
  const Resources& res = test::resources();
  const Body old_body = build_body(doc_of(matrix(old_rows)), res.labels, geometry());
  const Body new_body = build_body(doc_of(matrix(new_rows)), res.labels, geometry());
  const Body red = redline_body(old_body, new_body);
  CHECK(reviewed(red, true) == text_of(new_body));
  CHECK(reviewed(red, false) == text_of(old_body));
  int rows_del = 0, rows_ins = 0, cells_changed = 0;
  for (const auto& it : red.items)
    if (const auto* t = std::get_if<Table>(&it); t && t->style == "OkgenTable")
      for (const auto& r : t->rows) {
        rows_del += r.rev == Rev::del;
        rows_ins += r.rev == Rev::ins;
        if (r.rev == Rev::none)
          for (const auto& c : r.cells)
            for (const auto& p : c.paras)
              for (const auto& tok : p.toks) cells_changed += tok.rev == Rev::ins;
      }
  CHECK(rows_del == 1);       // Sysselsättning
  CHECK(rows_ins == 1);       // Somatik
  CHECK(cells_changed >= 1);  // "i hemmet" inside the Boende row
}

TEST_CASE("a DOCX is the same bytes for the same document", "[docx]") {
  const compose::Doc d = doc_of(R"(<section id="a"><heading>Inledning</heading><body>Text med [länk](https://www.riksdagen.se/).</body></section>)");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto style = render::pdf::PdfStyle::load(test::resources().styles_dir() / "pdf.xml", sink, sources);
  REQUIRE(style);
  const std::string a = render_docx(d, test::resources(), *style);
  CHECK(a == render_docx(d, test::resources(), *style));
  CHECK(a.substr(0, 2) == "PK");
}

TEST_CASE("words in another language keep their language in Word (w:lang)", "[docx]") {
  const compose::Doc d = doc_of(
      R"(<section id="a"><heading>Inledning</heading><body>Hälsning på nordsamiska: [Buorre beaivi]{lang=se}.</body></section>)");
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto style = render::pdf::PdfStyle::load(test::resources().styles_dir() / "pdf.xml", sink, sources);
  REQUIRE(style);
  const std::string docx = render_docx(d, test::resources(), *style);  // the reader reads it in place
  import::ZipReader zip(docx);
  const auto xml = zip.read("word/document.xml");
  REQUIRE(xml);
  // One run says se and holds the two words; the Swedish around it has no w:lang of its own.
  CHECK(xml->find(R"(<w:r><w:rPr><w:lang w:val="se"/></w:rPr><w:t xml:space="preserve">Buorre beaivi</w:t></w:r>)") != std::string::npos);
  CHECK(xml->find(R"(<w:lang w:val="se"/></w:rPr><w:t xml:space="preserve">Hälsning)") == std::string::npos);
  std::size_t langs = 0;
  for (auto at = xml->find("<w:lang "); at != std::string::npos; at = xml->find("<w:lang ", at + 1)) ++langs;
  CHECK(langs == 1);
}
