// Inline layout: a paragraph's inlines -> justified, hyphenated lines.
//
// Line breaks are chosen for the whole paragraph at once (a simplified Knuth-Plass total
// fit): every break after a word or at a Swedish hyphenation point is a candidate, and the
// set of breaks with the least total badness (uneven spacing, hyphens) wins. Words longer
// than a line (URLs, long compounds) are broken between characters, preferably after / . -
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/rich_text.h"
#include "render/pdf/font_set.h"
#include "render/pdf/hyphenator.h"
#include "render/pdf/layout_types.h"
#include "render/pdf/pdf_style.h"

namespace okgen::render::pdf {

/// What every layout step needs.
class LineCache;

struct LayoutContext {
  const PdfStyle& style;
  FontSet& fonts;
  const Hyphenator& hyphenator;
  diag::DiagnosticSink& sink;
  std::string source;         ///< document name for diagnostics
  LineCache* lines = nullptr;  ///< paragraphs already broken into lines (optional)
  StructTree* tags = nullptr;  ///< where block layout adds structure elements
};

/// One laid-out line: its drawing operations relative to (line start, line top).
struct LineBox {
  float height = 0;
  float width = 0;  ///< the width actually used
  Ops ops;
  std::vector<int> notes;  ///< note numbers cited in the line
};

/// Lays out `inlines` in `width` points with `style`. Optional `prefix` inlines start the
/// first line (e.g. a bold label). Never returns lines wider than `width` (unless `width`
/// is narrower than a single character, which callers avoid).
std::vector<LineBox> layout_inlines(const model::Inlines& inlines, const TextStyle& style, float width,
                                    LayoutContext& ctx);

/// Lays out plain text (headings, labels) with the same line breaker.
std::vector<LineBox> layout_text(const std::string& text, const TextStyle& style, float width, LayoutContext& ctx);

/// Width of plain text in `style` (one line, no breaking).
float text_width(const std::string& text, const TextStyle& style, LayoutContext& ctx);

/// A single-line run of plain text at (x, baseline y) in `style`, split by font fallback,
/// part of structure element `node` (StructTree::kArtifact for page furniture).
void draw_text(Ops& ops, const std::string& text, float x, float baseline, const TextStyle& style, LayoutContext& ctx,
               int node, float* advance = nullptr);

/// Like draw_text, but the run goes before the existing text of `ops`, so text extraction
/// reads it first (list markers, section and note numbers).
void draw_text_first(Ops& ops, const std::string& text, float x, float baseline, const TextStyle& style,
                     LayoutContext& ctx, int node);

/// The baseline offset from the top of a line box of `style`.
float baseline_offset(const TextStyle& style, LayoutContext& ctx);

}  // namespace okgen::render::pdf
