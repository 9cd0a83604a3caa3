// The PDF writer: a composed Doc -> a typeset A4 PDF (layout, libharu, qpdf), plus the
// layout dump used as the golden format. One writer serves a whole batch, so fonts,
// metrics and hyphenation patterns are loaded once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "compose/doc.h"
#include "render/document_writer.h"
#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "render/pdf/layout_types.h"
#include "resources.h"

namespace okgen::render::pdf {

struct PdfStyle;
class FontSet;
class Hyphenator;

struct PdfResult {
  std::string pdf;
  std::string layout_dump;
  int pages = 0;
  Layout layout;  ///< the pages as laid out (tests check margins and bookmarks on it)
};

class LineCache;
class EmbedCache;

/// Reads an ICC profile for the output intent; false when `path` is not one (RGB or grey).
bool read_icc_profile(const std::filesystem::path& path, std::string& out);

/// The registry's "pdf" writer and its debugging twin "layout" (the layout dump the golden
/// test compares): PdfWriters pooled for the worker threads (pdf_document_writer.cc).
/// nullptr when the style or its fonts cannot be used (reported to `sink`).
std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources);
std::unique_ptr<DocumentWriter> make_layout_writer(const Resources& res, diag::DiagnosticSink& sink,
                                                   diag::SourceRegistry& sources);

class PdfWriter {
 public:
  /// Loads styles/pdf.xml and the fonts it names. Problems (missing font file, bad style)
  /// are reported to `sink`; returns nullptr when any is an error.
  static std::unique_ptr<PdfWriter> create(const Resources& res, diag::DiagnosticSink& sink,
                                           diag::SourceRegistry& sources);
  ~PdfWriter();

  /// Typesets `doc`. `source` names the agreement in diagnostics (missing glyphs); the
  /// layout dump is made only `with_dump`; `two_threads` lets the file's compression use a
  /// second core (same bytes). Throws PdfError when libharu or HarfBuzz fail.
  PdfResult render(const compose::Doc& doc, const std::string& source, diag::DiagnosticSink& sink,
                   bool with_dump = false, bool two_threads = false);
  /// Loads the hyphenation patterns now rather than at the first word to hyphenate (safe
  /// beside render() on another thread: the hyphenator loads them under its lock).
  void prepare() const;
  /// Forgets the paragraphs broken into lines, the words hyphenated and the fonts subset
  /// so far (the next document is made from scratch; benchmarks measure that).
  void forget();
  /// The files besides styles/ that shape its output: fonts, hyphenation dictionary and
  /// ICC profile (an incremental build notices when one changes).
  std::vector<std::filesystem::path> files_read() const;

 private:
  PdfWriter(const Resources& res, std::unique_ptr<PdfStyle> style, std::string icc_profile);
  const Resources& res_;
  std::unique_ptr<PdfStyle> style_;
  std::string icc_profile_;  ///< the output intent's ICC profile (PDF/A)
  std::string icc_deflated_;  ///< compressed once: the same stream in every document
  std::unique_ptr<Hyphenator> hyphenator_;
  // Paragraphs this writer has broken into lines, for the documents it renders next
  // (one writer per thread; see line_cache.h).
  std::unique_ptr<LineCache> lines_;
  // Subset fonts this writer has prepared (see font_embed.h).
  std::unique_ptr<EmbedCache> fonts_;
};

}  // namespace okgen::render::pdf
