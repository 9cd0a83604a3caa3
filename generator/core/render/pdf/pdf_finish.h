// Finishing a PDF with qpdf: the objects libharu wrote one by one are packed into
// compressed object streams (about a third of a typical agreement's file is dictionaries:
// links, destinations, bookmarks), with a deterministic file identifier.
#pragma once

#include <string>

namespace okgen::render::pdf {

/// Returns the finished PDF. Throws PdfError when qpdf cannot read what libharu wrote.
std::string finish_pdf(const std::string& pdf);

}  // namespace okgen::render::pdf
