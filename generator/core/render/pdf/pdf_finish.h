// Finishing a PDF: the objects libharu wrote one by one are packed into compressed object
// streams with a cross-reference stream and a deterministic file identifier (about a
// third of a typical agreement's file is small dictionaries: links, bookmarks, fonts).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace okgen::render::pdf {

/// Returns the finished PDF. `streams` gives the data of stream objects by number, in
/// place of what `pdf` holds for them (the page contents are written beside libharu, see
/// pdf_emit.cc). Throws PdfError when `pdf` is not laid out as libharu writes files (one
/// cross-reference table, objects in sequence). With `threads` > 1 the streams are
/// compressed on two threads (the bytes are the same).
std::string finish_pdf(const std::string& pdf, const std::unordered_map<std::uint64_t, std::string>& streams = {},
                       int threads = 1);

}  // namespace okgen::render::pdf
