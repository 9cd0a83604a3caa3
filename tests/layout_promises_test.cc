// The PDF layout's promises, asserted on every page of every shipped agreement (the regional
// ones, each local one consolidated with its regional text, the example) and on generated
// stress documents (long tables, many notes, long words, deep nesting, headings at every
// height of a page): text inside the margins, no orphan or widow line, a heading on the same
// page as what follows it, each footnote on the page of its first reference, a table's header
// repeated on every page it continues on. The layout dumps are golden files that an update
// rewrites; these are the rules the dumps were approved for, checked on the laid-out pages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "compose/composer.h"
#include "local/merge.h"
#include "render/pdf/pdf_style.h"
#include "render/pdf/pdf_writer.h"
#include "support/test_support.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace okgen;
using render::pdf::Layout;
using render::pdf::PdfStyle;

namespace {

struct Laid {
  std::string name;
  Layout layout;
};

Laid lay_out(const model::Agreement& a, const std::string& name) {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  const compose::Doc doc = compose::compose(a, test::resources(), {*util::Date::parse("2026-11-23")}, sink);
  auto writer = render::pdf::PdfWriter::create(test::resources(), sink, sources);
  REQUIRE(writer);
  return Laid{name, writer->render(doc, name, sink).layout};
}

const PdfStyle& style() {
  static const PdfStyle s = [] {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    return *PdfStyle::load(test::source_dir() / "styles/pdf.xml", sink, sources);
  }();
  return s;
}

// Every shipped agreement: regional ones and the example as they are, local ones
// consolidated with their regional agreement (the longest documents okgen publishes).
std::vector<Laid> shipped() {
  std::vector<Laid> out;
  out.push_back(lay_out(*test::load_file(test::source_dir() / "docs/examples/exempel.xml").agreement, "exempel"));
  for (const auto& region : fs::directory_iterator(test::source_dir() / "content")) {
    const fs::path regional_file = region.path() / "regional.xml";
    if (!fs::exists(regional_file)) continue;
    auto regional = test::load_file(regional_file);
    REQUIRE(regional.agreement);
    out.push_back(lay_out(*regional.agreement, region.path().filename().string() + "/regional"));
    if (!fs::exists(region.path() / "local")) continue;
    for (const auto& f : fs::directory_iterator(region.path() / "local")) {
      if (f.path().extension() != ".xml") continue;
      auto local = test::load_file(f.path());
      REQUIRE(local.agreement);
      diag::DiagnosticSink sink;
      auto merged = local::merge_local(*local.agreement, *regional.agreement, sink);
      REQUIRE(merged);
      out.push_back(lay_out(*merged, region.path().filename().string() + "/local/" + f.path().stem().string()));
    }
  }
  return out;
}

Laid stress(const std::string& name, const std::string& sections, const std::string& back = "") {
  auto l = test::load_string(test::minimal_agreement(sections, "", back));
  INFO(util::join(l.findings(), "\n"));
  REQUIRE(l.agreement);
  REQUIRE_FALSE(l.sink.has_errors());
  return lay_out(*l.agreement, name);
}

std::string words(int n, int seed) {
  static const char* kWords[] = {"samverkan", "kommunen", "regionen", "den", "enskilde", "och", "insatser", "planen",
                                 "ansvarar", "för", "att", "uppföljning", "sker", "varje", "år", "brukarorganisationerna"};
  std::string s;
  for (int i = 0; i < n; ++i) s += std::string(i ? " " : "") + kWords[(i * 7 + seed * 3) % 16];
  return s + ".";
}

// Generated documents that push each promise: headings landing at every height of a page,
// a long matrix, a paragraph citing many notes near page ends, unbreakable words, nesting.
std::vector<Laid> stress_documents() {
  std::vector<Laid> out;
  {
    // Paragraphs of 1 to 9 lines before each heading move the next heading down the page
    // a little at a time, so some land on the last lines of a page.
    std::string s;
    for (int i = 0; i < 60; ++i) {
      s += "<section id=\"s" + std::to_string(i) + "\"><heading>Avsnitt " + std::to_string(i) + "</heading><body>" +
           words(8 + (i * 13) % 110, i) + "\n\n" + words(20 + (i * 5) % 40, i + 1) + "</body>";
      if (i % 3 == 0) s += "<section id=\"u" + std::to_string(i) + "\"><heading>Underavsnitt</heading><body>" + words(30, i) + "</body></section>";
      s += "</section>";
    }
    out.push_back(stress("headings", s));
  }
  {
    std::string topics;
    for (int i = 0; i < 160; ++i) {
      topics += "<topic name=\"Område " + std::to_string(i) + "\"><joint><item>" + words(3 + i % 17, i) +
                "</item></joint><municipality><item>" + words(2 + i % 11, i + 2) + "</item></municipality><region><item>" +
                words(4 + i % 7, i + 3) + "</item></region></topic>";
    }
    out.push_back(stress("long-table", "<section id=\"a\"><heading>Ansvar</heading><body>" + words(40, 1) +
                                           "</body><responsibilities caption=\"Ansvar per område\">" + topics +
                                           "</responsibilities></section>"));
  }
  {
    // Many notes: every paragraph cites a new source, so notes pile up at page bottoms.
    std::string body, sources;
    for (int i = 0; i < 90; ++i) {
      body += words(10 + (i * 11) % 60, i) + "[^k" + std::to_string(i) + "]\n\n";
      sources += "<source id=\"k" + std::to_string(i) + "\">Källa nummer " + std::to_string(i) + ", " + words(6 + i % 20, i) +
                 "</source>";
    }
    out.push_back(stress("many-notes", "<section id=\"a\"><heading>Noter</heading><body>" + body + "</body></section>",
                         "<legal-references>" + sources + "</legal-references>"));
  }
  {
    // Words longer than a line, in text and in a table cell; lists and sections nested deep.
    const std::string long_word = "Samverkansöverenskommelse" + std::string(180, 'x') + "slut";
    std::string nested;
    for (int i = 0; i < 12; ++i) nested += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- " + words(12, i) + "\n";
    std::string deep = "<body>" + words(50, 3) + "</body>";
    for (int i = 0; i < 5; ++i) deep = "<section id=\"d" + std::to_string(i) + "\"><heading>Nivå " + std::to_string(i) +
                                        "</heading><body>" + words(25, i) + "</body>" + deep + "</section>";
    out.push_back(stress("long-words-nesting",
                         "<section id=\"a\"><heading>Långa ord</heading><body>Ordet " + long_word + " och " + long_word +
                             " igen.\n\n<![CDATA[\n" + nested + "]]></body><responsibilities><topic name=\"" + long_word +
                             "\"><joint><item>" + long_word + "</item></joint></topic></responsibilities></section>" + deep));
  }
  return out;
}

// ---- the promises -------------------------------------------------------------------------

struct Run {
  int page;
  const render::pdf::TextRun* run;
};

struct Checker {
  explicit Checker(const Laid& laid) : d(laid), tree(laid.layout.tags) {}
  const Laid& d;
  const render::pdf::StructTree& tree;
  std::vector<std::string> problems;

  int parent(int n) const { return tree[n].parent; }
  bool inline_role(const std::string& r) const { return r == "Link" || r == "Reference" || r == "Span"; }
  int block_of(int n) const {
    while (n > 0 && inline_role(tree[n].role)) n = parent(n);
    return n;
  }
  bool inside(int n, const std::set<std::string>& roles) const {
    for (; n > 0; n = parent(n)) {
      if (roles.count(tree[n].role)) return true;
    }
    return false;
  }
  int ancestor(int n, const std::string& role) const {
    for (; n > 0; n = parent(n)) {
      if (tree[n].role == role) return n;
    }
    return -1;
  }
  bool is_heading(const std::string& r) const { return r.size() == 2 && r[0] == 'H' && r[1] >= '1' && r[1] <= '6'; }
  void fail(int page, const std::string& what) {
    std::ostringstream s;
    s << d.name << " page " << page + 1 << ": " << what;
    problems.push_back(s.str());
  }

  void margins() {
    const PdfStyle& st = style();
    for (std::size_t p = 0; p < d.layout.pages.size(); ++p) {
      for (const auto& t : d.layout.pages[p].ops.text) {
        const bool fits_across = t.x >= st.margin_left - 0.5f && t.x + t.width <= st.page_width - st.margin_right + 0.5f;
        // Content (not the running header and footer, which are artifacts) lies between the
        // top and bottom margins too.
        const bool fits_down =
            t.node < 0 || (t.y - t.size * 0.8f >= st.margin_top - 1 && t.y <= st.page_height - st.margin_bottom + 1);
        if (!fits_across || !fits_down) {
          fail(static_cast<int>(p), "\"" + t.text + "\" lies outside the margins");
        }
      }
    }
  }

  void orphans_and_widows() {
    // Lines (distinct baselines) of each body paragraph on each page.
    std::map<int, std::map<int, std::set<int>>> lines;  // block -> page -> baselines (1/10 pt)
    for (std::size_t p = 0; p < d.layout.pages.size(); ++p) {
      for (const auto& t : d.layout.pages[p].ops.text) {
        if (t.node < 0) continue;
        const int b = block_of(t.node);
        if (tree[b].role != "P" || inside(b, {"TD", "TH", "Note", "TOC"})) continue;
        lines[b][static_cast<int>(p)].insert(static_cast<int>(std::lround(t.y * 10)));
      }
    }
    for (const auto& [block, pages] : lines) {
      if (pages.size() < 2) continue;
      std::size_t total = 0;
      for (const auto& [page, ys] : pages) total += ys.size();
      for (const auto& [page, ys] : pages) {
        // A paragraph longer than a page fills pages from the top; only its ends are judged.
        const bool middle = page != pages.begin()->first && page != pages.rbegin()->first;
        if (ys.size() < 2 && !middle && total >= 4) {
          fail(page, page == pages.begin()->first ? "an orphan: a paragraph's first line alone at the foot"
                                                   : "a widow: a paragraph's last line alone at the top");
        }
        if (ys.size() < 2 && total < 4) fail(page, "a paragraph of " + std::to_string(total) + " lines split over pages");
      }
    }
  }

  void headings_kept_with_next() {
    // For each heading: its page and lowest baseline; something must follow it on that page.
    std::map<int, std::pair<int, float>> heading_end;
    std::map<int, float> lowest_content;  // page -> lowest baseline of tagged body content
    for (std::size_t p = 0; p < d.layout.pages.size(); ++p) {
      for (const auto& t : d.layout.pages[p].ops.text) {
        if (t.node < 0 || inside(t.node, {"Note"})) continue;  // notes sit at the foot whatever comes
        const int b = block_of(t.node);
        if (is_heading(tree[b].role)) {
          auto& e = heading_end[b];
          e = {static_cast<int>(p), std::max(e.second, t.y)};
        }
        float& low = lowest_content[static_cast<int>(p)];
        low = std::max(low, t.y);
      }
    }
    const int last_page = static_cast<int>(d.layout.pages.size()) - 1;
    for (const auto& [h, end] : heading_end) {
      if (end.first == last_page) continue;  // nothing may follow the last heading of all
      if (lowest_content[end.first] <= end.second + 0.5f) {
        fail(end.first, "heading \"" + heading_text(h) + "\" is the last thing on its page");
      }
    }
  }

  std::string heading_text(int h) const {
    std::string s;
    for (const auto& page : d.layout.pages) {
      for (const auto& t : page.ops.text) {
        if (t.node >= 0 && block_of(t.node) == h) s += t.text;
      }
    }
    return s;
  }

  void footnotes_with_first_reference() {
    std::map<std::string, int> first_ref, note_page;
    for (std::size_t p = 0; p < d.layout.pages.size(); ++p) {
      for (const auto& t : d.layout.pages[p].ops.text) {
        if (t.node < 0) continue;
        for (int n = t.node; n > 0; n = parent(n)) {
          if (tree[n].role == "Reference" && tree[n].target.rfind("fn-", 0) == 0) first_ref.emplace(tree[n].target, static_cast<int>(p));
          if (tree[n].role == "Note" && !tree[n].id.empty()) note_page.emplace(tree[n].id, static_cast<int>(p));
        }
      }
    }
    for (const auto& [note, page] : first_ref) {
      auto it = note_page.find(note);
      if (it == note_page.end()) {
        fail(page, "note " + note + " is cited but not set on any page");
      } else if (it->second != page) {
        fail(it->second, "note " + note + " is not on page " + std::to_string(page + 1) + " where it is first cited");
      }
    }
    checked_notes = first_ref.size();
  }

  void table_headers_repeated() {
    // Pages each table's body rows are on, and its column headers' first text.
    std::map<int, std::set<int>> table_pages;
    std::map<int, std::string> first_header;
    std::map<int, std::set<std::string>> artifact_texts;  // page -> artifact run texts
    for (std::size_t p = 0; p < d.layout.pages.size(); ++p) {
      for (const auto& t : d.layout.pages[p].ops.text) {
        if (t.node < 0) {
          artifact_texts[static_cast<int>(p)].insert(t.text);
          continue;
        }
        const int table = ancestor(t.node, "Table");
        if (table < 0) continue;
        if (ancestor(t.node, "THead") >= 0) {
          first_header.emplace(table, t.text);
        } else if (ancestor(t.node, "TBody") >= 0) {
          table_pages[table].insert(static_cast<int>(p));
        }
      }
    }
    for (const auto& [table, pages] : table_pages) {
      auto header = first_header.find(table);
      if (header == first_header.end()) continue;  // a table without column headers
      for (int page : pages) {
        if (page == *pages.begin()) continue;
        ++continuation_pages;
        if (!artifact_texts[page].count(header->second)) {
          fail(page, "a table continues here without its header row (\"" + header->second + "\")");
        }
      }
    }
  }

  /// Every promise, in one call.
  void all() {
    margins();
    orphans_and_widows();
    headings_kept_with_next();
    footnotes_with_first_reference();
    table_headers_repeated();
  }

  std::size_t checked_notes = 0;
  int continuation_pages = 0;
};

std::string report(const std::vector<std::string>& problems) {
  std::string s;
  for (std::size_t i = 0; i < problems.size() && i < 15; ++i) s += problems[i] + "\n";
  return s;
}

}  // namespace

TEST_CASE("layout promises hold on every page of every shipped agreement", "[pdf][layout]") {
  const std::vector<Laid> docs = shipped();
  CHECK(docs.size() >= 20);  // 3 regional, the example and the local agreements
  std::size_t pages = 0, notes = 0;
  int continued = 0;
  for (const auto& d : docs) {
    Checker c(d);
    c.all();
    INFO(report(c.problems));
    CHECK(c.problems.empty());
    pages += d.layout.pages.size();
    notes += c.checked_notes;
    continued += c.continuation_pages;
  }
  // The promises were put to the test: many pages, notes and tables that go on over pages.
  CHECK(pages > 300);
  CHECK(notes > 50);
  CHECK(continued > 5);
}

TEST_CASE("layout promises hold on stress documents", "[pdf][layout]") {
  for (const auto& d : stress_documents()) {
    Checker c(d);
    c.all();
    INFO(report(c.problems));
    CHECK(c.problems.empty());
    if (d.name == "many-notes") CHECK(c.checked_notes == 90);
    if (d.name == "long-table") CHECK(c.continuation_pages >= 5);
    if (d.name == "headings") CHECK(d.layout.pages.size() > 15);
  }
}

// Each check finds what it looks for: pages broken on purpose.
TEST_CASE("layout promise checks catch a broken page", "[pdf][layout]") {
  Laid d = stress("headings", "<section id=\"a\"><heading>Rubrik</heading><body>" + words(300, 1) + "\n\n" + words(300, 2) +
                                  "[^k]</body></section><section id=\"b\"><heading>Nästa</heading><body>" + words(30, 2) +
                                  "</body></section><section id=\"c\"><heading>Sista</heading><body>" + words(900, 3) +
                                  "</body></section>",
                  "<legal-references><source id=\"k\">Källan.</source></legal-references>");
  REQUIRE(d.layout.pages.size() >= 4);
  auto problems_of = [](const Laid& x) {
    Checker c(x);
    c.all();
    return c.problems;
  };
  REQUIRE(problems_of(d).empty());
  auto& pages = d.layout.pages;
  SECTION("a run pushed into the margin") {
    pages[2].ops.text.back().x = 10;
    CHECK(report(problems_of(d)).find("outside the margins") != std::string::npos);
  }
  SECTION("a paragraph's last line moved alone to the next page") {
    // The last line of the paragraph on page 3 (0-based 2) goes to the top of page 4.
    auto& from = pages[2].ops.text;
    std::size_t k = from.size();
    float last_y = 0;
    int block = -1;
    Checker c(d);
    for (std::size_t i = 0; i < from.size(); ++i) {
      if (from[i].node >= 0 && c.tree[c.block_of(from[i].node)].role == "P" && from[i].y >= last_y) {
        last_y = from[i].y;
        block = c.block_of(from[i].node);
      }
    }
    REQUIRE(block >= 0);
    std::vector<render::pdf::TextRun> moved;
    for (k = 0; k < from.size();) {
      if (from[k].node >= 0 && c.block_of(from[k].node) == block && std::abs(from[k].y - last_y) < 0.05f) {
        moved.push_back(from[k]);
        moved.back().y = style().margin_top + 12;
        from.erase(from.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    pages[3].ops.text.insert(pages[3].ops.text.begin(), moved.begin(), moved.end());
    CHECK(report(problems_of(d)).find("a widow") != std::string::npos);
  }
  SECTION("everything after a heading moved off its page") {
    bool moved = false;
    Checker c(d);
    for (std::size_t p = 0; p + 1 < pages.size() && !moved; ++p) {
      auto& text = pages[p].ops.text;
      auto heading = std::find_if(text.begin(), text.end(), [&](const render::pdf::TextRun& t) {
        return t.text == "Nästa" && t.node >= 0 && c.is_heading(c.tree[c.block_of(t.node)].role);  // not its TOC entry
      });
      if (heading == text.end()) continue;
      const float y = heading->y;
      text.erase(std::remove_if(text.begin(), text.end(),
                                [&](const render::pdf::TextRun& t) { return t.node >= 0 && t.y > y + 0.5f; }),
                 text.end());
      moved = true;
    }
    REQUIRE(moved);
    const std::string found = report(problems_of(d));
    INFO(found);
    CHECK(found.find("Nästa\" is the last thing on its page") != std::string::npos);
  }
  SECTION("a footnote set on another page") {
    Checker c(d);
    for (std::size_t p = 0; p < pages.size(); ++p) {
      auto& text = pages[p].ops.text;
      auto note = std::find_if(text.begin(), text.end(), [&](const render::pdf::TextRun& t) {
        return t.node >= 0 && c.ancestor(t.node, "Note") >= 0;
      });
      if (note == text.end()) continue;
      std::vector<render::pdf::TextRun> runs;
      for (auto it = text.begin(); it != text.end();) {
        if (it->node >= 0 && c.ancestor(it->node, "Note") >= 0) {
          runs.push_back(*it);
          it = text.erase(it);
        } else {
          ++it;
        }
      }
      auto& next = pages[p + 1 < pages.size() ? p + 1 : p - 1].ops.text;
      next.insert(next.end(), runs.begin(), runs.end());
      break;
    }
    CHECK(report(problems_of(d)).find("where it is first cited") != std::string::npos);
  }
}

TEST_CASE("layout promise checks catch a continuation page without its table header", "[pdf][layout]") {
  std::string topics;
  for (int i = 0; i < 120; ++i) topics += "<topic name=\"Område " + std::to_string(i) + "\"><joint><item>" + words(8, i) + "</item></joint></topic>";
  Laid d = stress("table", "<section id=\"a\"><heading>A</heading><responsibilities>" + topics + "</responsibilities></section>");
  Checker ok(d);
  ok.table_headers_repeated();
  REQUIRE(ok.problems.empty());
  REQUIRE(ok.continuation_pages >= 2);
  // Drop the repeated header (artifact runs) from the last page.
  auto& last = d.layout.pages.back().ops.text;
  last.erase(std::remove_if(last.begin(), last.end(), [](const render::pdf::TextRun& t) { return t.node < 0; }), last.end());
  Checker c(d);
  c.table_headers_repeated();
  CHECK(report(c.problems).find("without its header row") != std::string::npos);
}
