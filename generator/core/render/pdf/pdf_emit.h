// The PDF emitter: draws a Layout with libharu. Fonts are subset first (HarfBuzz) and
// handed to libharu through in-memory files, so only the glyphs used are embedded.
#pragma once

#include <stdexcept>
#include <string>

#include "render/pdf/font_set.h"
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A libharu or font failure; carries libharu's error and detail codes.
class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Draws `layout` and returns the PDF bytes (before finishing, see pdf_finish.h).
/// Throws PdfError when libharu reports an error.
std::string emit_pdf(const Layout& layout, FontSet& fonts);

}  // namespace okgen::render::pdf
