// Page content streams: the drawing operators for one page of a Layout, written directly
// (libharu's TextOut writes one positioned hex string per call and looks every character
// up in the font again; here a line of justified text is one TJ array, with real spaces
// stretched by word spacing, as a typesetter writes it).
#pragma once

#include <string>
#include <vector>

#include "render/pdf/font_embed.h"
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A face as the content stream sees it: its codes; `bmp` maps Basic Multilingual Plane
/// code points up to the highest the font draws (at least U+00FF) to character codes.
struct ContentFont {
  std::size_t index = 0;  ///< position among the document's fonts (see page_content)
  const EmbeddedFont* font = nullptr;
  std::vector<std::uint16_t> bmp;
  std::vector<int> code_widths;  ///< one-byte fonts: the width of each of the 256 codes
};

/// Builds the `bmp` and `code_widths` tables of a content font.
void index_glyphs(ContentFont& f);

/// Content fonts by face (FaceKey::index()); null for faces not embedded.
using FontTable = std::vector<const ContentFont*>;

/// The operators drawing `ops` on a page `page_height` points high (layout coordinates
/// are from the top left, PDF's from the bottom left); `resources[f.index]` is font f's
/// name in the page's resources ("F1"). Throws std::out_of_range when a run's face has no
/// content font.
///
/// With `tags`, the page is marked for a tagged PDF: rules and fills are an artifact, and
/// each stretch of text runs of one element is a marked-content sequence with the next
/// MCID ("/P <</MCID 3>> BDC ... EMC"), or an artifact for runs of no element;
/// `mcid_nodes` receives the element of each MCID in order.
std::string page_content(const Ops& ops, float page_height, const FontTable& fonts,
                         const std::vector<std::string>& resources, const StructTree* tags = nullptr,
                         std::vector<int>* mcid_nodes = nullptr);

/// The rules [first, last) (one colour and width) as fewer segments: horizontal and
/// vertical segments on one line that touch or overlap become one. Horizontal ones come
/// first (by y, then x), then vertical ones (by x, then y), then any others as given.
std::vector<RuleOp> merge_rules(const RuleOp* first, const RuleOp* last);

/// Appends a number with at most two decimals and no trailing zeros ("12.5", "-3", "0.07").
void append_number(std::string& out, double v);

/// Appends the character codes of UTF-8 `text` to a PDF literal string (without the
/// parentheses) and returns their width in 1/1000 em; counts one-byte spaces in `spaces`.
long append_glyph_codes(std::string& out, const ContentFont& font, const std::string& text, int* spaces);

/// Appends the operator setting the fill (or stroke) colour: "r g b rg", or "v g" for a grey.
void append_color(std::string& out, const Color& c, bool stroke);

}  // namespace okgen::render::pdf
