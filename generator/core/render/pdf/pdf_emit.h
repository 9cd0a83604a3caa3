// The PDF emitter: draws a Layout with libharu. libharu owns the document structure (pages,
// resources, link annotations, destinations, compression, saving); page contents are
// written by content_stream.cc as compact operators (one TJ array per line of text), and
// fonts are subset with HarfBuzz and added as Type0 fonts by pdf_fonts.cc.
#pragma once

#include <stdexcept>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "render/document_writer.h"
#include "render/pdf/font_set.h"
#include "render/pdf/pdf_catalog.h"
#include "render/pdf/pdf_finish.h"
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A libharu or font failure; carries libharu's error and detail codes.
class PdfError : public WriteError {
 public:
  using WriteError::WriteError;
};

/// The characters each face draws in `layout`: what its embedded subset must hold.
std::map<FaceKey, std::set<char32_t>> drawn_glyphs(const Layout& layout);

/// libharu's file and the page contents (and the ICC profile, compressed already), by the
/// number of the (empty) stream object each belongs in: pdf_finish puts them in place, so
/// the largest streams are not copied through libharu's byte-by-byte buffers twice.
struct EmittedPdf {
  std::string pdf;
  std::unordered_map<std::uint64_t, StreamData> contents;
  /// Written beside libharu as PDF text: the structure tree (pdf_structure.cc), the link
  /// annotations (pdf_links.cc) and the outline items (pdf_catalog.cc).
  RawObjects raw;
};

class EmbedCache;

/// Draws `layout` with its metadata and outline; subset fonts come from `cache` when it
/// has them. With `two_threads`, the page contents are compressed on a second thread while
/// the rest is written (the finished file's bytes are the same). Throws PdfError when
/// libharu or HarfBuzz reports an error.
EmittedPdf emit_pdf(const Layout& layout, FontSet& fonts, const PdfMetadata& meta, EmbedCache* cache = nullptr,
                    bool two_threads = false);

}  // namespace okgen::render::pdf
