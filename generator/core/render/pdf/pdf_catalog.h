// Document-level objects, added with libharu's object API before saving: the Info
// dictionary and XMP metadata, the document language, viewer preferences and the outline
// (bookmarks) mirroring the section tree, whose items are written as PDF text.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/pdf/layout_types.h"
#include "render/pdf/pdf_finish.h"

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
  const std::string* icc_profile = nullptr;  ///< the output intent's ICC profile; none if null
  /// The profile as a zlib stream (a Deflater's), made once by the writer rather than for
  /// every document; null: pdf_finish compresses it.
  const std::string* icc_deflated = nullptr;
  std::string icc_identifier;                ///< its registry name ("sRGB IEC61966-2.1")
};

/// Adds the metadata, language and outline to `pdf`, whose pages are `pages` (one per
/// page of `layout`); the outline items' text goes to `raw.replaced` (pdf_finish puts it in
/// place), a compressed ICC profile to `streams`. Returns false when libharu fails (its
/// error handler has the code).
bool add_catalog_objects(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages,
                         const PdfMetadata& meta, RawObjects& raw,
                         std::unordered_map<std::uint64_t, StreamData>& streams);

/// The XMP packet for `meta` (exposed for tests).
std::string xmp_packet(const PdfMetadata& meta);

}  // namespace okgen::render::pdf
