// okgen_bench: generates the national synthetic corpus and times okgen on it in-process.
//
//   okgen_bench corpus DIR      writes DIR/content/<region>/regional.xml (21, ~25 pages each,
//                               built from the agreements under content/)
//   okgen_bench diff DIR        times okgen diff on a 60 KB agreement, every paragraph changed
//   okgen_bench one DIR [N]     times only the one document, median of N runs (default 101)
//   okgen_bench pdf DIR [N]     renders only its PDF from scratch on one thread, N times
//                               (default 3): for exact counts, `valgrind --tool=callgrind
//                               okgen_bench pdf DIR` (no HTML, DOCX or second thread in them)
//   okgen_bench time DIR        times one document (load, compose, HTML, PDF), `local init`
//                               for all 290 municipalities, check, and the batch build
//
// bench/run.sh builds it in Release mode, runs both and compares with pandoc.
#include <sys/resource.h>

#include <cstdlib>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include "compose/composer.h"
#include "load/agreement_loader.h"
#include "local/init.h"
#include "pipeline.h"
#include "diff/agreement_diff.h"
#include "diff/redline_docx.h"
#include "import/import.h"
#include "render/docx/docx_writer.h"
#include "render/html/html_writer.h"
#include "render/report/diff_report.h"
#include "render/pdf/pdf_writer.h"
#include "util/fs.h"
#include "util/tsv.h"

namespace fs = std::filesystem;
using namespace okgen;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const fs::path& p) {
  std::string s;
  if (util::read_file(p, s) != util::ReadStatus::ok) throw std::runtime_error("cannot read " + p.string());
  return s;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
  return out;
}

// The same text in other words of other widths, so its lines break elsewhere.
std::string reword(const std::string& text) {
  std::string out = std::regex_replace(text, std::regex(" och "), " samt ");
  out = std::regex_replace(out, std::regex(" ska "), " skall ");
  return std::regex_replace(out, std::regex(" för "), " gällande ");
}

// A regional agreement for `region`: a shipped agreement with its parties replaced and its
// sections repeated (with new ids) until it is about 25 pages long.
std::string regional(const std::string& base, const std::string& region, const std::string& code,
                     const std::vector<std::pair<std::string, std::string>>& municipalities) {
  std::string xml = base;
  std::string parties = "<parties>\n      <party id=\"region\" kind=\"region\" code=\"" + code + "\">" + xml_escape(region) + "</party>\n";
  std::string signatures = "<signatures>\n    <signatory party=\"region\" title=\"Ordförande, regionstyrelsen\"/>\n";
  for (const auto& [name, kod] : municipalities) {
    parties += "      <party id=\"k" + kod + "\" kind=\"municipality\" code=\"" + kod + "\">" + xml_escape(name) + " kommun</party>\n";
    signatures += "    <signatory party=\"k" + kod + "\" title=\"Ordförande, socialnämnden\"/>\n";
  }
  parties += "    </parties>";
  signatures += "  </signatures>";
  xml = std::regex_replace(xml, std::regex("<parties>[\\s\\S]*?</parties>"), parties);
  xml = std::regex_replace(xml, std::regex("<signatures[\\s\\S]*?</signatures>"), signatures);
  xml = std::regex_replace(xml, std::regex("<region>[^<]*</region>"), "<region>" + xml_escape(region) + "</region>");
  // The title, short title and keywords name the base's region too (they become the PDF's
  // metadata and title page): its name is replaced there by this region's.
  std::smatch m;
  const std::string base_region = std::regex_search(base, m, std::regex("<region>Region ([^<]+)</region>")) ? m[1].str() : "";
  const std::string county = region.rfind("Region ", 0) == 0 ? region.substr(7) : region;
  if (!base_region.empty()) {
    for (const char* tag : {"title", "short-title", "keywords"}) {
      const std::regex element(std::string("<") + tag + ">[^<]*</" + tag + ">");
      if (!std::regex_search(xml, m, element)) continue;
      std::string text = m.str();
      for (std::size_t at; (at = text.find(base_region)) != std::string::npos;) text.replace(at, base_region.size(), xml_escape(county));
      xml.replace(static_cast<std::size_t>(m.position()), static_cast<std::size_t>(m.length()), text);
    }
  }
  xml = std::regex_replace(xml, std::regex("<agreement id=\"[^\"]*\""), "<agreement id=\"" + local::slug(region) + "-regional\"");
  // Repeat the sections once with fresh ids to reach the length of a long agreement. The
  // copy is reworded (see reword) so that no paragraph occurs twice: a writer remembers
  // paragraphs it has broken into lines, and a real agreement does not repeat itself.
  auto first = xml.find("<section ");
  auto back = xml.find("<legal-references>");
  if (first != std::string::npos && back != std::string::npos) {
    std::string sections = xml.substr(first, back - first);
    std::string copy = std::regex_replace(sections, std::regex("id=\"([a-z0-9-]+)\""), "id=\"$1-del2\"");
    copy = std::regex_replace(copy, std::regex("src=\"([a-z0-9-]+)\\.md\""), "src=\"$1-del2.md\"");
    xml.insert(back, reword(copy));
  }
  return xml;
}

int corpus(const fs::path& dir) {
  const fs::path src = OKGEN_SOURCE_DIR;
  std::vector<std::string> bases = {read(src / "content/dalarna/regional.xml"),
                                    read(src / "content/jamtland-harjedalen/regional.xml"),
                                    read(src / "content/ostergotland/regional.xml")};
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> regions;
  for (const auto& row : util::read_tsv(src / "data/municipalities.tsv")) {
    regions[row.get("region")].push_back({row.get("municipality"), row.get("kommunkod")});
  }
  int i = 0;
  for (const auto& [region, municipalities] : regions) {
    const fs::path rdir = dir / "content" / local::slug(region);
    // Each region's original material (Markdown bodies) travels with the XML.
    fs::create_directories(rdir);
    for (const auto& md : fs::directory_iterator(src / "content/ostergotland")) {
      if (md.path().extension() != ".md") continue;
      fs::copy_file(md.path(), rdir / md.path().filename(), fs::copy_options::overwrite_existing);
      util::write_file_atomic(rdir / (md.path().stem().string() + "-del2.md"), reword(read(md.path())));
    }
    const std::string code = municipalities.front().second.substr(0, 2);
    util::write_file_atomic(rdir / "regional.xml", regional(bases[static_cast<std::size_t>(i++) % bases.size()], region, code, municipalities));
  }
  std::cout << "corpus: " << regions.size() << " regional agreements in " << dir.string()
            << " (okgen_bench time adds the 290 local ones with local init)\n";
  return 0;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// One regional agreement, `runs` times: the per-document cost once fonts are loaded.
void time_one(const fs::path& dir, const Resources& res, render::pdf::PdfWriter& pdf, int runs) {
  const load::LoadOptions lo = res.load_options(dir / "content");
  const fs::path one = dir / "content/dalarna/regional.xml";
  std::vector<double> load_ms, html_ms, docx_ms, pdf_ms, pdf_warm_ms, pdf_two_ms;
  std::size_t pdf_bytes = 0, docx_bytes = 0;
  diag::DiagnosticSink style_sink;
  diag::SourceRegistry style_sources;
  const auto docx_style = render::pdf::PdfStyle::load(res.styles_dir() / "pdf.xml", style_sink, style_sources);
  if (!docx_style) throw std::runtime_error("styles/pdf.xml could not be read");
  int pages = 0;
  for (int k = 0; k < runs; ++k) {
    diag::DiagnosticSink s;
    diag::SourceRegistry src;
    auto t = Clock::now();
    auto a = load::load_agreement(one, lo, s, src);
    auto doc = compose::compose(*a, res, {*util::Date::parse("2026-11-23")}, s);
    load_ms.push_back(ms_since(t));
    t = Clock::now();
    std::string html = render::html::render_html(doc, res);
    html_ms.push_back(ms_since(t));
    t = Clock::now();
    docx_bytes = render::docx::render_docx(doc, res, *docx_style).size();
    docx_ms.push_back(ms_since(t));
    // From scratch, as for any agreement built alone ...
    pdf.forget();
    t = Clock::now();
    auto r = pdf.render(doc, "bench", s);
    pdf_ms.push_back(ms_since(t));
    pdf_bytes = r.pdf.size();
    pages = r.pages;
    // ... and again with its paragraphs already broken into lines, as for the local
    // agreements of a batch, which carry their regional agreement's text ...
    t = Clock::now();
    (void)pdf.render(doc, "bench", s);
    pdf_warm_ms.push_back(ms_since(t));
    // ... and from scratch as `okgen build FILE` makes it, packing on a second core.
    pdf.forget();
    t = Clock::now();
    (void)pdf.render(doc, "bench", s, false, true);
    pdf_two_ms.push_back(ms_since(t));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::cout << "one regional agreement (" << pages << " pages, PDF " << pdf_bytes << " bytes), median of " << runs
            << ":\n"
            << "  load + compose  " << median(load_ms) << " ms\n"
            << "  HTML            " << median(html_ms) << " ms\n"
            << "  DOCX            " << median(docx_ms) << " ms (" << docx_bytes << " bytes)\n"
            << "  PDF             " << median(pdf_ms) << " ms\n"
            << "  PDF, lines known " << median(pdf_warm_ms) << " ms\n"
            << "  PDF, packed on two threads " << median(pdf_two_ms) << " ms\n";
}

// What the timings start from: okgen's resources and a PDF writer (null if its style or
// fonts cannot be loaded).
struct Setup {
  const Resources res = Resources::load(OKGEN_SOURCE_DIR);
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  std::unique_ptr<render::pdf::PdfWriter> pdf = render::pdf::PdfWriter::create(res, sink, sources);
};

int time_single(const fs::path& dir, int runs) {
  Setup s;
  if (!s.pdf) return 1;
  time_one(dir, s.res, *s.pdf, runs);
  return 0;
}

int render_pdf_only(const fs::path& dir, int runs) {
  Setup s;
  if (!s.pdf) return 1;
  const load::LoadOptions lo = s.res.load_options(dir / "content");
  auto a = load::load_agreement(dir / "content/dalarna/regional.xml", lo, s.sink, s.sources);
  if (!a) return 1;
  const auto doc = compose::compose(*a, s.res, {*util::Date::parse("2026-11-23")}, s.sink);
  std::size_t bytes = 0;
  for (int k = 0; k < runs; ++k) {
    s.pdf->forget();
    bytes = s.pdf->render(doc, "bench", s.sink).pdf.size();
  }
  std::cout << runs << " renders of " << bytes << " bytes\n";
  return 0;
}

int time_corpus(const fs::path& dir) {
  Setup setup;
  if (!setup.pdf) return 1;
  const Resources& res = setup.res;
  time_one(dir, res, *setup.pdf, 25);

  // `okgen local init --all` for every region: the 290 local agreements, from scratch.
  {
    for (const auto& e : fs::directory_iterator(dir / "content")) fs::remove_all(e.path() / "local");
    auto t = Clock::now();
    std::size_t written = 0;
    for (const auto& region : res.data.regions()) {
      local::InitOptions io;
      io.region = region;
      io.all = true;
      io.content_dir = dir / "content";
      io.today = *util::Date::parse("2026-11-23");
      diag::DiagnosticSink s;
      diag::SourceRegistry src;
      written += local::init_local(io, res, s, src).written.size();
    }
    std::cout << "local init, " << written << " municipalities: " << ms_since(t) << " ms\n";
  }

  PipelineOptions o;
  o.inputs = {dir / "content"};
  o.output_dir = dir / "output";
  o.as_of = *util::Date::parse("2026-11-23");
  {
    diag::DiagnosticSink s;
    diag::SourceRegistry src;
    auto t = Clock::now();
    auto r = check(o, res, s, src);
    std::cout << "check, " << r.agreements.size() << " agreements: " << ms_since(t) << " ms\n";
  }
  {
    PipelineOptions h = o;
    h.formats = {"html"};
    h.output_dir = dir / "output-html";
    diag::DiagnosticSink s;
    diag::SourceRegistry src;
    auto t = Clock::now();
    auto r = build(h, res, s, src);
    std::cout << "build, " << r.agreements.size() << " agreements (HTML), " << r.written.size()
              << " files: " << ms_since(t) << " ms, " << s.count(diag::Severity::error) << " errors\n";
  }
  diag::DiagnosticSink s;
  diag::SourceRegistry src;
  auto t = Clock::now();
  auto r = build(o, res, s, src);
  std::cout << "build, " << r.agreements.size() << " agreements (HTML and PDF), " << r.written.size()
            << " files: " << ms_since(t) << " ms, " << s.count(diag::Severity::error) << " errors\n"
            << "peak memory (this process): " << peak_rss_kb() / 1024 << " MB\n";
  return 0;
}

}  // namespace

// `okgen diff` on a 60 KB agreement with every paragraph changed: Region Dalarna's
// agreement with its sections repeated until it is 60 KB, against a copy where every
// paragraph and list item has a word changed and one added.
int time_diff(const fs::path& dir) {
  const Resources res = Resources::load(OKGEN_SOURCE_DIR);
  const fs::path src = OKGEN_SOURCE_DIR;
  std::string xml = read(src / "content/dalarna/regional.xml");
  const auto first = xml.find("<section "), back = xml.find("<legal-references>");
  const std::string sections = xml.substr(first, back - first);
  for (int k = 2; xml.size() < 60 * 1024; ++k) {
    xml.insert(xml.find("<legal-references>"),
               std::regex_replace(sections, std::regex("id=\"([a-z0-9-]+)\""), "id=\"$1-del" + std::to_string(k) + "\""));
  }
  // Every sentence end gets a new word, and "och" becomes "samt": every paragraph changes.
  std::string changed = std::regex_replace(xml, std::regex("\\. "), ", enligt förslaget. ");
  changed = std::regex_replace(changed, std::regex(" och "), " samt ");
  fs::create_directories(dir);
  util::write_file_atomic(dir / "old.xml", xml);
  util::write_file_atomic(dir / "new.xml", changed);
  const load::LoadOptions lo = res.load_options(dir);
  diag::DiagnosticSink s;
  diag::SourceRegistry srcs;
  auto a = load::load_agreement(dir / "old.xml", lo, s, srcs);
  auto b = load::load_agreement(dir / "new.xml", lo, s, srcs);
  if (!a || !b) return 1;
  std::vector<double> ms;
  int changes = 0;
  for (int k = 0; k < 5; ++k) {
    auto t = Clock::now();
    auto d = diff::diff_agreements(*a, *b, res.labels);
    std::string html = render::report::diff_html(d, res);
    ms.push_back(ms_since(t));
    changes = d.total_changes();
  }
  std::sort(ms.begin(), ms.end());
  std::cout << "diff of a " << xml.size() / 1024 << " KB agreement with every paragraph changed (" << changes
            << " changes), diff + HTML, median of 5: " << ms[2] << " ms\n";

  // The Word redline of an 80 KB agreement, every paragraph changed: diff, both versions
  // composed, tracked-changes DOCX (what `okgen diff --format docx` does after loading).
  for (int k = 100; xml.size() < 80 * 1024; ++k) {
    xml.insert(xml.find("<legal-references>"),
               std::regex_replace(sections, std::regex("id=\"([a-z0-9-]+)\""), "id=\"$1-del" + std::to_string(k) + "\""));
  }
  changed = std::regex_replace(std::regex_replace(xml, std::regex("\\. "), ", enligt förslaget. "), std::regex(" och "), " samt ");
  util::write_file_atomic(dir / "old80.xml", xml);
  util::write_file_atomic(dir / "new80.xml", changed);
  auto a80 = load::load_agreement(dir / "old80.xml", lo, s, srcs);
  auto b80 = load::load_agreement(dir / "new80.xml", lo, s, srcs);
  if (!a80 || !b80) return 1;
  std::vector<double> docx_ms;
  std::size_t bytes = 0;
  for (int k = 0; k < 5; ++k) {
    auto t = Clock::now();
    auto d = diff::diff_agreements(*a80, *b80, res.labels);
    auto docx = diff::redline_docx(*a80, *b80, d, *util::Date::parse("2026-11-23"), res, s, srcs);
    docx_ms.push_back(ms_since(t));
    if (!docx) return 1;
    bytes = docx->size();
  }
  std::sort(docx_ms.begin(), docx_ms.end());
  std::cout << "Word redline of a " << xml.size() / 1024 << " KB agreement with every paragraph changed, diff + DOCX ("
            << bytes << " bytes), median of 5: " << docx_ms[2] << " ms\n";
  return 0;
}

// okgen import of a 30-page Word document (issue 14: under 50 ms): Dalarna's regional
// agreement with its sections repeated to about 30 pages, written as DOCX by okgen's Word
// writer, imported N times in process (read, XML written, loaded back to validate).
int time_import(const fs::path& dir, int runs) {
  const Resources res = Resources::load(OKGEN_SOURCE_DIR);
  const fs::path src = OKGEN_SOURCE_DIR;
  std::string xml = read(src / "content/dalarna/regional.xml");
  const auto first = xml.find("<section "), back = xml.find("<legal-references>");
  const std::string sections = xml.substr(first, back - first);
  fs::create_directories(dir);
  diag::DiagnosticSink s;
  diag::SourceRegistry srcs;
  int pages = 0;
  std::string docx;
  const auto style = render::pdf::PdfStyle::load(res.styles_dir() / "pdf.xml", s, srcs);
  if (!style) return 1;
  for (int k = 2; pages < 30; ++k) {
    xml.insert(xml.find("<legal-references>"),
               std::regex_replace(sections, std::regex("id=\"([a-z0-9-]+)\""), "id=\"$1-imp" + std::to_string(k) + "\""));
    util::write_file_atomic(dir / "agreement.xml", xml);
    auto a = load::load_agreement(dir / "agreement.xml", res.load_options(dir), s, srcs);
    if (!a) return 1;
    const compose::Doc doc = compose::compose(*a, res, {*util::Date::parse("2026-11-23")}, s);
    auto pdf = render::pdf::PdfWriter::create(res, s, srcs);
    if (!pdf) return 1;
    pages = pdf->render(doc, "agreement", s).pages;
    docx = render::docx::render_docx(doc, res, *style);
  }
  util::write_file_atomic(dir / "agreement.docx", docx);
  std::vector<double> ms;
  import::ImportOptions o;
  o.input = dir / "agreement.docx";
  o.output = dir / "imported.xml";
  o.region = "Dalarna";
  o.force = true;
  o.as_of = *util::Date::parse("2026-11-23");
  std::size_t sections_found = 0;
  for (int k = 0; k < runs; ++k) {
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    auto t = Clock::now();
    auto r = import::import_file(o, res, sink, sources);
    ms.push_back(ms_since(t));
    if (!r) return 1;
    sections_found = r->summary.sections;
  }
  std::sort(ms.begin(), ms.end());
  std::cout << "okgen import of a " << pages << "-page DOCX (" << docx.size() / 1024 << " KB, " << sections_found
            << " sections), in process, median of " << runs << ": " << ms[ms.size() / 2] << " ms\n";
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: okgen_bench corpus|time|diff DIR | okgen_bench one|pdf|import DIR [N]\n";
    return 2;
  }
  const std::string cmd = argv[1];
  if (cmd == "corpus") return corpus(argv[2]);
  if (cmd == "time") return time_corpus(argv[2]);
  if (cmd == "diff") return time_diff(argv[2]);
  if (cmd == "import") return time_import(argv[2], argc > 3 ? std::max(1, std::atoi(argv[3])) : 21);
  if (cmd == "one") return time_single(argv[2], argc > 3 ? std::max(1, std::atoi(argv[3])) : 101);
  if (cmd == "pdf") return render_pdf_only(argv[2], argc > 3 ? std::max(1, std::atoi(argv[3])) : 3);
  std::cerr << "usage: okgen_bench corpus|time|diff DIR | okgen_bench one|pdf|import DIR [N]\n";
  return 2;
}
