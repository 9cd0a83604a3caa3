// Finishing a PDF with qpdf: a correct ToUnicode map (libharu 2.3 writes a malformed one
// in UTF-8 mode), document metadata (Info and XMP), language, bookmarks, a deterministic
// file identifier, and compressed object streams.
#pragma once

#include <string>
#include <vector>

#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

struct PdfMetadata {
  std::string title;
  std::string subject;
  std::string author;
  std::string keywords;
  std::string creator;
  std::string producer;
  std::string lang = "sv-SE";
  std::string date;  ///< ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or ""
};

/// Returns the finished PDF. Throws PdfError when qpdf cannot read what libharu wrote.
std::string finish_pdf(const std::string& pdf, const PdfMetadata& meta, const Layout& layout);

/// The ToUnicode CMap for libharu's UTF-8 fonts, whose CIDs are the Unicode code points:
/// an identity map over the 256-code blocks in `blocks` (high bytes of used code points).
std::string identity_to_unicode_cmap(const std::vector<int>& blocks);

}  // namespace okgen::render::pdf
