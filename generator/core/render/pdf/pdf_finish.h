// Finishing a PDF: the objects libharu wrote one by one are packed into compressed object
// streams with a cross-reference stream and a deterministic file identifier (about a
// third of a typical agreement's file is small dictionaries: links, bookmarks, fonts).
#pragma once

#include <string>

namespace okgen::render::pdf {

/// Returns the finished PDF. Throws PdfError when `pdf` is not laid out as libharu
/// writes files (one cross-reference table, objects in sequence).
std::string finish_pdf(const std::string& pdf);

}  // namespace okgen::render::pdf
